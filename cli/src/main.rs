//! `extract`: events of news text as JSON Lines, CSV or TSV. Run
//! `extract --help` for the inputs, the output and the exit codes.
//!
//! A thin shell over the library: `clap` reads the arguments, a `rayon`
//! pool extracts batches of documents while one thread reads and another
//! writes in input order, and `indicatif` draws progress.

mod input;
mod output;

use clap::{CommandFactory, FromArgMatches, Parser, ValueEnum};
use input::{Inputs, Job, Source, StdinFormat};
use newsevents::{parse_date, EventLinker, Extractor, NaiveDate};
use output::{Format, Output, Rendered, Work};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc;

const AFTER_HELP: &str = "\
Inputs, read in the order given:
  FILE              a text file: one document, its id the file name without .txt
  FILE.jsonl        JSON Lines: {\"id\": ..., \"text\": ..., \"published\": \"YYYY-MM-DD\" | null}
                    per line; \"doc\" may stand for \"id\", an id may be a number;
                    without an id, a line's id is FILE:LINE; blank lines are skipped
  FOLDER            every *.txt file in it and in its subfolders, in byte order of
                    name; hidden files and folders (.name) and links to folders are
                    skipped; a file's id is its path inside FOLDER without .txt
                    (2024/jan/a.txt is 2024/jan/a)
  -                 stdin: JSON Lines as above (ids stdin:LINE) when its first
                    non-blank line starts with '{', else one plain-text document
                    with the id stdin (see --stdin-format)
  --manifest FILE   {\"doc\": ID, \"path\": ..., \"published\": ...} per line, paths
                    relative to the manifest's folder; its dates are used as they are

Output, on stdout, in input order whatever --jobs:
  jsonl       one event per line: {\"doc\": ID, \"kind\", \"modality\", the roles,
              \"trigger\", \"sentence_span\", \"date\", \"rule\", \"event\"} (the
              README's \"Output format\"); equal \"event\" ids: one happening,
              within a document, or across all inputs with --link; with
              --explain, one trigger candidate per line:
              {\"doc\", \"kind\", \"trigger\", \"sentence_span\", \"decision\":
              \"event\" | \"other_sense\" | \"no_parties\", \"rule\", \"why\"}
  csv, tsv    a header, then one row per event with the columns doc, event,
              kind, modality, trigger, date, date_value, attacker, target, location,
              weapon, killed, injured, participants (joined with \"; \"), visitor,
              destination, host, speaker, content, quote, sentence_start,
              sentence_end, trigger_start, trigger_end, rule (spans in bytes)

Exit status:
  0  every input was read
  1  an input could not be read or parsed (each is named on stderr, the others
     are processed), or stdout failed
  2  bad usage";

/// Extracts attacks, calls, visits and statements from English news text.
#[derive(Parser)]
#[command(name = "extract", version, about, after_help = AFTER_HELP)]
struct Cli {
    /// Text files, .jsonl files, folders, or - for stdin
    #[arg(value_name = "PATH", required_unless_present = "manifest")]
    paths: Vec<PathBuf>,
    /// A manifest of documents (repeatable)
    #[arg(long, value_name = "FILE")]
    manifest: Vec<PathBuf>,
    /// Publication date of files, folders, plain text and JSON lines without one
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = publication_date)]
    published: Option<NaiveDate>,
    /// Extraction threads [default: the number of cores]
    #[arg(long, short, value_name = "N", value_parser = thread_count)]
    jobs: Option<usize>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// What stdin holds
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = StdinFormat::Auto)]
    stdin_format: StdinFormat,
    /// Instead of events, every trigger candidate with the decision taken on it (JSON Lines)
    #[arg(long)]
    explain: bool,
    /// Link the events of all inputs: records of one happening share their "event" id
    #[arg(long, conflicts_with = "explain")]
    link: bool,
    /// Progress line on stderr
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = Progress::Auto)]
    progress: Progress,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Progress {
    /// When stderr is a terminal.
    Auto,
    /// Not at all.
    Never,
}

/// Refuses a bad date rather than run without it: it would change every
/// relative date in the output.
fn publication_date(s: &str) -> Result<NaiveDate, String> {
    parse_date(s).map_err(|e| e.to_string())
}

fn thread_count(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err("expected a whole number >= 1".into()),
    }
}

fn main() -> ExitCode {
    let matches = Cli::command().get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let sources = sources_in_order(&matches, &cli);
    let stdin_count = sources.iter().filter(|s| matches!(s, Source::Stdin));
    if stdin_count.count() > 1 {
        // stdin can only be read once; a second `-` would silently read nothing.
        usage_error("`-` (stdin) given more than once");
    }
    if cli.explain && cli.format != Format::Jsonl {
        usage_error("--explain writes JSON Lines only");
    }

    let jobs = cli.jobs.unwrap_or_else(|| {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    });
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(jobs).build() {
        Ok(pool) => pool,
        Err(e) => usage_error(&format!("cannot start {jobs} threads: {e}")),
    };
    let work = Work {
        extractor: Extractor::new(),
        format: cli.format,
        explain: cli.explain,
        link: cli.link,
    };
    let show_progress = cli.progress == Progress::Auto && std::io::stderr().is_terminal();
    let mut out = Output::new(show_progress);
    out.write_raw(&work.header());
    let mut inputs = Inputs::new(sources, cli.published, cli.stdin_format);
    let mut linker = cli.link.then(EventLinker::new);
    let mut write = |mut batch: Vec<Rendered>| {
        if let Some(linker) = linker.as_mut() {
            for rendered in &mut batch {
                work.link(linker, rendered);
            }
        }
        out.write(batch);
        out.open()
    };
    run(&pool, &work, &mut inputs, &mut write, cli.published);

    let write_failed = out.finish();
    if out.failures > 0 {
        out.error(&format!("{} input(s) failed", out.failures));
    }
    if out.failures > 0 || write_failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The inputs as the command line orders them, paths and manifests mixed.
fn sources_in_order(matches: &clap::ArgMatches, cli: &Cli) -> Vec<Source> {
    let indices = |id: &str| matches.indices_of(id).into_iter().flatten();
    let paths = indices("paths").zip(&cli.paths).map(|(i, path)| {
        let source = if path.as_os_str() == "-" {
            Source::Stdin
        } else {
            Source::Path(path.clone())
        };
        (i, source)
    });
    let manifests = indices("manifest").zip(&cli.manifest);
    let manifests = manifests.map(|(i, path)| (i, Source::Manifest(path.clone())));
    let mut sources: Vec<(usize, Source)> = paths.chain(manifests).collect();
    sources.sort_by_key(|(i, _)| *i);
    sources.into_iter().map(|(_, source)| source).collect()
}

fn usage_error(msg: &str) -> ! {
    Cli::command()
        .error(clap::error::ErrorKind::ArgumentConflict, msg)
        .exit()
}

/// Batches in flight per pool thread: enough that a slow document or a
/// late wake-up leaves no thread idle, few enough to bound memory.
const IN_FLIGHT_PER_THREAD: usize = 4;

/// A reader thread hands batches of jobs to the pool as they are read, and
/// this thread writes each batch's output when it is done, in the order
/// read (with one thread, this thread does it all). The channel of pending batches is bounded, and so is memory.
/// `write` takes each batch in order and says whether output is still open.
fn run(
    pool: &rayon::ThreadPool,
    work: &Work,
    inputs: &mut Inputs,
    write: &mut dyn FnMut(Vec<Rendered>) -> bool,
    published: Option<NaiveDate>,
) {
    let process = |job: Job| match input::load(job, published) {
        Ok(doc) => work.render(doc),
        Err(msg) => Rendered::failed(msg),
    };
    if pool.current_num_threads() == 1 {
        // On this thread: no hand-offs, and glibc allocates faster in the
        // main thread's arena (1.3% fewer instructions per document).
        loop {
            let batch = inputs.next_batch();
            if batch.is_empty() || !write(batch.into_iter().map(process).collect()) {
                break;
            }
        }
        return;
    }
    let depth = pool.current_num_threads() * IN_FLIGHT_PER_THREAD;
    pool.in_place_scope(|pool_scope| {
        std::thread::scope(|threads| {
            let (pending_tx, pending_rx) = mpsc::sync_channel(depth);
            threads.spawn(move || loop {
                let batch = inputs.next_batch();
                if batch.is_empty() {
                    break;
                }
                let (done_tx, done_rx) = mpsc::sync_channel(1);
                pool_scope.spawn(move |_| {
                    let rendered: Vec<Rendered> = batch.into_iter().map(process).collect();
                    let _ = done_tx.send(rendered);
                });
                // Fails once the writer has stopped: then reading stops too.
                if pending_tx.send(done_rx).is_err() {
                    break;
                }
            });
            for done_rx in pending_rx.iter() {
                // Only a panic outside the per-document guard loses a batch.
                let rendered = done_rx
                    .recv()
                    .unwrap_or_else(|_| vec![Rendered::failed("a batch of inputs failed".into())]);
                if !write(rendered) {
                    break;
                }
            }
        });
    });
}
