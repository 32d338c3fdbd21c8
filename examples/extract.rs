//! Extracts events from news text and prints them as JSON Lines.
//!
//! ```text
//! cargo run --release --example extract -- [--published YYYY-MM-DD] [--jobs N]
//!     [--manifest docs.jsonl]... [PATH...]
//! ```
//!
//! Inputs are read in the order given on the command line:
//!
//! - a file: one document; its id is the file name without `.txt`;
//! - a `.jsonl` file: JSON Lines, read line by line as stdin is (below);
//!   without an id, a line's id is `FILE:N`;
//! - a folder: every `*.txt` file directly inside it (not recursive), in
//!   byte order of file name;
//! - `-`: JSON Lines on stdin, one `{"id": ..., "text": ..., "published":
//!   "YYYY-MM-DD" | null}` per line (`"doc"` is accepted for `"id"`; without
//!   either the id is `stdin:N`); blank lines are skipped;
//! - `--manifest FILE`: a manifest in the gold format, one `{"doc": ID,
//!   "path": ..., "published": "YYYY-MM-DD" | null}` per line, paths relative
//!   to the manifest's folder.
//!
//! `--published` gives the publication date of files and folders, and of
//! stdin lines that carry no date of their own; a manifest's own dates are
//! used as they are. `--jobs N` runs N extraction threads; the output order is
//! the input order whatever N is.
//!
//! Output: one event per line, `{"doc": ID, ...the event's fields}`.
//!
//! An input that cannot be read or parsed gets one line on stderr naming it,
//! in input order; the others are still processed, and the exit code is 1. Bad usage exits
//! with 2. When stderr is a terminal, a progress line is shown there.

use newsevents::{parse_date, Decision, Document, Extractor};
use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fmt;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

const USAGE: &str = "\
usage: extract [--published YYYY-MM-DD] [--jobs N] [--manifest FILE]... [PATH...]

  PATH               a .txt file, a folder of .txt files, or - for JSON Lines on
                     stdin ({\"id\": ..., \"text\": ..., \"published\": ...} per line)
  --manifest FILE    a docs.jsonl manifest ({\"doc\", \"path\", \"published\"} per line)
  --published DATE   publication date for files, folders and undated stdin lines
  --jobs N           extraction threads (default 1)
  --explain          instead of events, every trigger candidate with the decision
                     taken on it: {\"doc\", \"kind\", \"trigger\", \"sentence_span\",
                     \"decision\": \"event\" | \"other_sense\" | \"no_parties\", \"rule\", \"why\"}
";

/// Batches in flight per worker thread: enough to keep workers busy while
/// the writer waits for a slow document, few enough to bound memory.
const IN_FLIGHT_PER_JOB: usize = 4;

/// JSON Lines bytes that the reader gathers into one batch. One message per
/// ~20 typical documents rather than per document: waking threads for every
/// document took about a tenth of the CPU time with `--jobs 2`.
const BATCH_BYTES: usize = 64 << 10;

/// The read buffer of JSON Lines inputs, several batches long, since a batch
/// also ends where the buffered data does.
const READ_BUFFER: usize = 256 << 10;

fn main() -> ExitCode {
    let opts = match parse_args(std::env::args_os().skip(1)) {
        Ok(Parsed::Run(opts)) => opts,
        Ok(Parsed::Help) => {
            let _ = io::stdout().write_all(USAGE.as_bytes());
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            let mut err = io::stderr().lock();
            let _ = writeln!(err, "extract: {msg}");
            let _ = write!(err, "{USAGE}");
            return ExitCode::from(2);
        }
    };

    let status = Status::new(io::stderr().is_terminal());
    let mut inputs = Inputs::new(opts.inputs, opts.published);
    let work = Work {
        extractor: Extractor::new(),
        explain: opts.explain,
    };
    let stdout = io::stdout();
    let mut out = Output::new(
        io::BufWriter::with_capacity(1 << 20, stdout.lock()),
        &status,
    );

    let failures = if opts.jobs <= 1 {
        run_sequential(&work, &mut inputs, &mut out)
    } else {
        run_parallel(&work, &mut inputs, &mut out, opts.jobs)
    };
    let write_failed = out.finish();
    status.finish();

    if failures > 0 {
        status.error(&format!("{failures} input(s) failed"));
    }
    if failures > 0 || write_failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

struct Options {
    inputs: Vec<InputSpec>,
    published: Option<chrono::NaiveDate>,
    jobs: usize,
    explain: bool,
}

/// What each document goes through.
struct Work {
    extractor: Extractor,
    /// Trigger candidates and decisions instead of events.
    explain: bool,
}

enum Parsed {
    Run(Options),
    Help,
}

enum InputSpec {
    Path(PathBuf),
    Stdin,
    Manifest(PathBuf),
}

fn parse_args(mut args: impl Iterator<Item = OsString>) -> Result<Parsed, String> {
    let mut inputs = Vec::new();
    let mut published = None;
    let mut jobs = 1;
    let mut explain = false;
    let mut flags_done = false;
    let mut stdin_seen = false;

    while let Some(arg) = args.next() {
        let text = arg.to_str().unwrap_or("");
        if flags_done || text == "-" || !text.starts_with('-') {
            if text == "-" && !flags_done {
                // stdin can only be read once; a second `-` would silently read nothing.
                if stdin_seen {
                    return Err("`-` (stdin) given more than once".into());
                }
                stdin_seen = true;
                inputs.push(InputSpec::Stdin);
            } else {
                inputs.push(InputSpec::Path(PathBuf::from(arg)));
            }
            continue;
        }
        let (flag, inline) = match text.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(OsString::from(v))),
            _ => (text, None),
        };
        match flag {
            "--" => flags_done = true,
            "-h" | "--help" => return Ok(Parsed::Help),
            "--published" => {
                let v = flag_value(inline, &mut args, flag)?;
                let v = v.to_string_lossy();
                // Refuse to start rather than silently run without the date:
                // it would change every relative date in the output.
                let date = parse_date(&v).map_err(|e| format!("--published: {e}"))?;
                published = Some(date);
            }
            "--jobs" => {
                let v = flag_value(inline, &mut args, flag)?;
                let v = v.to_string_lossy();
                jobs = match v.trim().parse::<usize>() {
                    Ok(n) if n >= 1 => n,
                    _ => return Err(format!("--jobs {v:?}: expected a whole number >= 1")),
                };
            }
            "--explain" => explain = true,
            "--manifest" => {
                let v = flag_value(inline, &mut args, flag)?;
                inputs.push(InputSpec::Manifest(PathBuf::from(v)));
            }
            _ => return Err(format!("unknown flag {text:?}")),
        }
    }
    if inputs.is_empty() {
        return Err("no inputs".into());
    }
    Ok(Parsed::Run(Options {
        inputs,
        published,
        jobs,
        explain,
    }))
}

/// A flag's value, from `--flag=value` or the next argument; an `OsString`
/// so that paths need not be UTF-8.
fn flag_value(
    inline: Option<OsString>,
    args: &mut impl Iterator<Item = OsString>,
    name: &str,
) -> Result<OsString, String> {
    match inline {
        Some(v) => Ok(v),
        None => args.next().ok_or_else(|| format!("{name} needs a value")),
    }
}

/// One document read from an input, owning its text.
struct DocIn {
    id: String,
    text: String,
    published: Option<chrono::NaiveDate>,
}

/// One item of work, as the reader finds it: raw bytes or a path, so that the
/// reader stays cheap and decoding, parsing and file reading happen on the
/// worker threads.
enum Job {
    /// A non-blank line of JSON Lines input `input`, not yet checked.
    Jsonl {
        input: Arc<str>,
        n: usize,
        line: Vec<u8>,
        published: Option<chrono::NaiveDate>,
    },
    /// A non-blank line of a manifest, not yet checked.
    Manifest {
        manifest: Arc<ManifestInput>,
        n: usize,
        line: Vec<u8>,
    },
    /// A text file, not yet read.
    File {
        path: PathBuf,
        published: Option<chrono::NaiveDate>,
    },
    /// An input that could not be used: where, and what is wrong.
    Failed(String),
}

/// A manifest's name for messages and the folder its paths are relative to.
struct ManifestInput {
    name: String,
    base: PathBuf,
}

/// Where the reader is inside the current input.
enum Cursor {
    Idle,
    Dir(std::vec::IntoIter<PathBuf>),
    /// JSON Lines from stdin or from a `.jsonl` file. Stdin rather than
    /// StdinLock: the reader may run on another thread.
    Jsonl(LineReader<BufReader<Box<dyn Read + Send>>>),
    Manifest {
        manifest: Arc<ManifestInput>,
        lines: LineReader<BufReader<File>>,
    },
}

/// Yields jobs one at a time, so that only the current one is in memory.
struct Inputs {
    specs: std::vec::IntoIter<InputSpec>,
    cursor: Cursor,
    published: Option<chrono::NaiveDate>,
}

impl Inputs {
    fn new(specs: Vec<InputSpec>, published: Option<chrono::NaiveDate>) -> Inputs {
        Inputs {
            specs: specs.into_iter(),
            cursor: Cursor::Idle,
            published,
        }
    }

    fn next_job(&mut self) -> Option<Job> {
        loop {
            match &mut self.cursor {
                Cursor::Idle => {}
                Cursor::Dir(files) => match files.next() {
                    Some(path) => {
                        return Some(Job::File {
                            path,
                            published: self.published,
                        })
                    }
                    None => self.cursor = Cursor::Idle,
                },
                Cursor::Jsonl(lines) => match lines.next_line() {
                    Some((n, Ok(line))) => {
                        return Some(Job::Jsonl {
                            input: Arc::clone(&lines.name),
                            n,
                            line,
                            published: self.published,
                        });
                    }
                    Some((_, Err(msg))) => return Some(Job::Failed(msg)),
                    None => self.cursor = Cursor::Idle,
                },
                Cursor::Manifest { manifest, lines } => match lines.next_line() {
                    Some((n, Ok(line))) => {
                        return Some(Job::Manifest {
                            manifest: Arc::clone(manifest),
                            n,
                            line,
                        })
                    }
                    Some((_, Err(msg))) => return Some(Job::Failed(msg)),
                    None => self.cursor = Cursor::Idle,
                },
            }
            match self.specs.next()? {
                InputSpec::Path(path) => match fs::metadata(&path) {
                    Err(e) => return Some(Job::Failed(cannot_read(&path, e))),
                    Ok(meta) if meta.is_dir() => match list_dir(&path) {
                        Ok(files) => self.cursor = Cursor::Dir(files.into_iter()),
                        Err(msg) => return Some(Job::Failed(msg)),
                    },
                    Ok(_) if path.extension().is_some_and(|e| e == "jsonl") => {
                        match File::open(&path) {
                            Ok(file) => {
                                let reader: Box<dyn Read + Send> = Box::new(file);
                                let reader = BufReader::with_capacity(READ_BUFFER, reader);
                                let name = path.display().to_string();
                                self.cursor = Cursor::Jsonl(LineReader::new(reader, &name));
                            }
                            Err(e) => return Some(Job::Failed(cannot_read(&path, e))),
                        }
                    }
                    Ok(_) => {
                        return Some(Job::File {
                            path,
                            published: self.published,
                        })
                    }
                },
                InputSpec::Stdin => {
                    let stdin: Box<dyn Read + Send> = Box::new(io::stdin());
                    let stdin = BufReader::with_capacity(READ_BUFFER, stdin);
                    self.cursor = Cursor::Jsonl(LineReader::new(stdin, "stdin"));
                }
                InputSpec::Manifest(path) => {
                    let name = path.display().to_string();
                    match File::open(&path) {
                        Ok(file) => {
                            let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
                            self.cursor = Cursor::Manifest {
                                lines: LineReader::new(BufReader::new(file), &name),
                                manifest: Arc::new(ManifestInput { name, base }),
                            };
                        }
                        Err(e) => {
                            return Some(Job::Failed(format!("{name}: cannot open manifest: {e}")))
                        }
                    }
                }
            }
        }
    }

    /// Jobs for one message to a worker: consecutive JSON Lines up to
    /// `BATCH_BYTES`, as long as reading them cannot block, so that lines
    /// already read never wait for a slow stdin; any other job ends a batch,
    /// so that a batch holds at most one file's text.
    fn next_batch(&mut self) -> Vec<Job> {
        let mut batch = Vec::new();
        let mut bytes = 0;
        while let Some(job) = self.next_job() {
            let size = match &job {
                Job::Jsonl { line, .. } => Some(line.len()),
                _ => None,
            };
            batch.push(job);
            match size {
                Some(n) => bytes += n,
                None => break,
            }
            let line_buffered = || match &self.cursor {
                Cursor::Jsonl(lines) => lines.line_buffered(),
                _ => false,
            };
            if bytes >= BATCH_BYTES || !line_buffered() {
                break;
            }
        }
        batch
    }
}

/// The `.txt` files directly inside `dir`, sorted by name.
fn list_dir(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let cannot = |e: io::Error| format!("{}: cannot list directory: {e}", dir.display());
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).map_err(cannot)? {
        let path = entry.map_err(cannot)?.path();
        // fs::metadata follows symlinks, so a link to a text file counts.
        let is_txt = path.extension().is_some_and(|e| e == "txt");
        if is_txt && fs::metadata(&path).map(|m| m.is_file()).unwrap_or(true) {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// The message for a file or folder that cannot be read.
fn cannot_read(path: &Path, e: io::Error) -> String {
    format!("{}: cannot read: {e}", path.display())
}

fn read_text(path: &Path) -> Result<String, String> {
    let bytes = fs::read(path).map_err(|e| cannot_read(path, e))?;
    utf8(bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// The text of `bytes`, or why they are not text (the caller names the input).
fn utf8(bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not valid UTF-8 (bad byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

/// The file name without its `.txt` extension.
fn file_id(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    match name.strip_suffix(".txt") {
        Some(stem) if !stem.is_empty() => stem.to_string(),
        _ => name,
    }
}

/// Reads lines into one reused buffer, skipping blank lines, and hands out
/// each as an exact-size copy. Bytes rather than `read_line`, so that a line
/// of bad UTF-8 is reported and skipped instead of ending the input.
struct LineReader<R> {
    reader: R,
    name: Arc<str>,
    buf: Vec<u8>,
    line_no: usize,
    done: bool,
}

impl<R: BufRead> LineReader<R> {
    fn new(reader: R, name: &str) -> LineReader<R> {
        LineReader {
            reader,
            name: Arc::from(name),
            buf: Vec::new(),
            line_no: 0,
            done: false,
        }
    }

    /// The next non-blank line and its 1-based number, or a read error.
    fn next_line(&mut self) -> Option<(usize, Result<Vec<u8>, String>)> {
        loop {
            if self.done {
                return None;
            }
            self.buf.clear();
            self.line_no += 1;
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => {
                    self.done = true;
                    return None;
                }
                Ok(_) => {}
                Err(e) => {
                    // A read error mid-stream is not recoverable: report it once and stop.
                    self.done = true;
                    return Some((self.line_no, Err(format!("{}: read error: {e}", self.name))));
                }
            }
            if self.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some((self.line_no, Ok(self.buf.to_vec())));
        }
    }
}

impl<R: Read> LineReader<BufReader<R>> {
    /// Whether a whole non-blank line is in the buffer already, so that
    /// reading it cannot block.
    fn line_buffered(&self) -> bool {
        let buf = self.reader.buffer();
        match memchr::memchr(b'\n', buf) {
            Some(end) => !buf[..end].iter().all(u8::is_ascii_whitespace),
            None => false,
        }
    }
}

fn parse_object(line: &str) -> Result<serde_json::Map<String, serde_json::Value>, String> {
    match serde_json::from_str::<serde_json::Value>(line) {
        Ok(serde_json::Value::Object(map)) => Ok(map),
        Ok(other) => Err(format!(
            "expected a JSON object, found {}",
            json_type(&other)
        )),
        Err(e) => Err(format!("not JSON: {e}")),
    }
}

fn json_type(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// A `"published"` field: absent or null is `None`, else it must be a date.
fn published_field(
    map: &serde_json::Map<String, serde_json::Value>,
) -> Result<Option<chrono::NaiveDate>, String> {
    match map.get("published") {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(serde_json::Value::String(s)) => parse_date(s)
            .map(Some)
            .map_err(|e| format!("\"published\": {e}")),
        Some(other) => Err(format!(
            "\"published\" must be a \"YYYY-MM-DD\" string or null, found {}",
            json_type(other)
        )),
    }
}

/// A string field, removed from the map so that its text is moved, not copied.
fn take_string(
    map: &mut serde_json::Map<String, serde_json::Value>,
    key: &str,
) -> Result<Option<String>, String> {
    match map.remove(key) {
        None => Ok(None),
        Some(serde_json::Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(format!(
            "\"{key}\" must be a string, found {}",
            json_type(&other)
        )),
    }
}

/// The fields a JSON Lines or manifest line may carry, parsed straight into
/// strings rather than into a `Value` map. Known fields must be strings
/// (`published` may also be null), or the parse fails and the caller falls
/// back to the `Value` path for the exact error. A repeated key overwrites,
/// as in a `Value` map.
#[derive(Default)]
struct Fields {
    id: Option<String>,
    doc: Option<String>,
    text: Option<String>,
    path: Option<String>,
    published: Option<String>,
}

#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "lowercase")]
enum Field {
    Id,
    Doc,
    Text,
    Path,
    Published,
    #[serde(other)]
    Other,
}

impl<'de> Deserialize<'de> for Fields {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Fields, D::Error> {
        // A map only: derived struct impls would also take a JSON array.
        deserializer.deserialize_map(FieldsVisitor)
    }
}

struct FieldsVisitor;

impl<'de> Visitor<'de> for FieldsVisitor {
    type Value = Fields;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields, A::Error> {
        let mut fields = Fields::default();
        while let Some(key) = map.next_key::<Field>()? {
            match key {
                Field::Id => fields.id = Some(map.next_value()?),
                Field::Doc => fields.doc = Some(map.next_value()?),
                Field::Text => fields.text = Some(map.next_value()?),
                Field::Path => fields.path = Some(map.next_value()?),
                Field::Published => fields.published = map.next_value()?,
                // Parsed as a `Value`, not skipped with `IgnoredAny`, which
                // lets lone surrogates and out-of-range numbers through: this
                // path must accept no line that the `Value` path refuses.
                Field::Other => drop(map.next_value::<serde_json::Value>()?),
            }
        }
        Ok(fields)
    }
}

/// A `"published"` string as a date; `None` when it is not one.
fn fast_date(published: Option<String>) -> Option<Option<chrono::NaiveDate>> {
    match published {
        None => Some(None),
        Some(s) => parse_date(&s).ok().map(Some),
    }
}

/// A JSON Lines document's id (if it has one), text and date.
type JsonlFields = (Option<String>, String, Option<chrono::NaiveDate>);

/// `jsonl_checked` for a good line, without building a `Value`; `None` for
/// anything else, which `jsonl_checked` then reports.
fn jsonl_fast(line: &str) -> Option<JsonlFields> {
    let fields: Fields = serde_json::from_str(line).ok()?;
    let published = fast_date(fields.published)?;
    Some((fields.id.or(fields.doc), fields.text?, published))
}

fn jsonl_checked(line: &str) -> Result<JsonlFields, String> {
    let mut map = parse_object(line)?;
    let published = published_field(&map)?;
    let text = take_string(&mut map, "text")?.ok_or("missing \"text\"")?;
    let id = match take_string(&mut map, "id")? {
        Some(id) => Some(id),
        None => take_string(&mut map, "doc")?,
    };
    Ok((id, text, published))
}

/// A document from line `n` of JSON Lines input `name` (stdin or a file);
/// errors without the line's name, which [`load`] adds.
fn jsonl_doc(
    line: &str,
    name: &str,
    n: usize,
    default_published: Option<chrono::NaiveDate>,
) -> Result<DocIn, String> {
    let (id, text, published) = match jsonl_fast(line) {
        Some(fields) => fields,
        None => jsonl_checked(line)?,
    };
    Ok(DocIn {
        id: id.unwrap_or_else(|| format!("{name}:{n}")),
        text,
        published: published.or(default_published),
    })
}

/// A manifest line's document id, path and date.
type ManifestFields = (String, String, Option<chrono::NaiveDate>);

/// `manifest_checked` for a good line, as `jsonl_fast` is for JSON Lines.
fn manifest_fast(line: &str) -> Option<ManifestFields> {
    let fields: Fields = serde_json::from_str(line).ok()?;
    let published = fast_date(fields.published)?;
    Some((fields.doc?, fields.path?, published))
}

fn manifest_checked(line: &str) -> Result<ManifestFields, String> {
    let mut map = parse_object(line)?;
    let id = take_string(&mut map, "doc")?.ok_or("missing \"doc\"")?;
    let rel = take_string(&mut map, "path")?.ok_or("missing \"path\"")?;
    let published = published_field(&map)?;
    Ok((id, rel, published))
}

/// The document named by a manifest line, its file read; errors without
/// the line's name, which [`load`] adds.
fn manifest_doc(line: &str, manifest: &ManifestInput) -> Result<DocIn, String> {
    let (id, rel, published) = match manifest_fast(line) {
        Some(fields) => fields,
        None => manifest_checked(line)?,
    };
    // Path::join keeps an absolute path as it is.
    let text = read_text(&manifest.base.join(&rel))?;
    Ok(DocIn {
        id,
        text,
        published,
    })
}

/// The document a job stands for, or why there is none. Errors of a line
/// name its input and number.
fn load(job: Job) -> Result<DocIn, String> {
    match job {
        Job::Jsonl {
            input,
            n,
            line,
            published,
        } => utf8(line)
            .and_then(|text| jsonl_doc(&text, &input, n, published))
            .map_err(|e| format!("{input} line {n}: {e}")),
        Job::Manifest { manifest, n, line } => utf8(line)
            .and_then(|text| manifest_doc(&text, &manifest))
            .map_err(|e| format!("{} line {n}: {e}", manifest.name)),
        Job::File { path, published } => Ok(DocIn {
            id: file_id(&path),
            text: read_text(&path)?,
            published,
        }),
        Job::Failed(msg) => Err(msg),
    }
}

/// A job's output lines, ready to write, or its error, to be reported in
/// input order with the output.
struct Rendered {
    json: Vec<u8>,
    /// 1 for a document, 0 for an input that never became one.
    docs: usize,
    bytes: usize,
    events: usize,
    error: Option<String>,
}

impl Rendered {
    fn failed(msg: String) -> Rendered {
        Rendered {
            json: Vec::new(),
            docs: 0,
            bytes: 0,
            events: 0,
            error: Some(msg),
        }
    }
}

/// What a worker does with a job: everything but the writing.
fn process(work: &Work, job: Job) -> Rendered {
    match load(job) {
        Ok(doc) if work.explain => render_explained(&work.extractor, doc),
        Ok(doc) => render(&work.extractor, doc),
        Err(msg) => Rendered::failed(msg),
    }
}

fn render(extractor: &Extractor, doc: DocIn) -> Rendered {
    let document = Document::new(doc.id.as_str(), &doc.text).with_published(doc.published);
    // A document read but not rendered still counts as read.
    let fail = |msg: String| Rendered {
        docs: 1,
        bytes: doc.text.len(),
        ..Rendered::failed(msg)
    };
    // The extractor promises not to panic; if it does, one document fails, not the run.
    let events = match std::panic::catch_unwind(|| extractor.extract(&document)) {
        Ok(events) => events,
        Err(payload) => {
            let why = payload
                .downcast_ref::<&str>()
                .copied()
                .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
                .unwrap_or("(no message)");
            return fail(format!("{}: the extractor panicked: {why}", doc.id));
        }
    };
    let mut json = Vec::new();
    for event in &events {
        if let Err(e) = serde_json::to_writer(&mut json, &event.json_line(&doc.id)) {
            return fail(format!("{}: cannot serialize an event: {e}", doc.id));
        }
        json.push(b'\n');
    }
    Rendered {
        json,
        docs: 1,
        bytes: doc.text.len(),
        events: events.len(),
        error: None,
    }
}

/// `--explain`: one line per trigger candidate of the document.
fn render_explained(extractor: &Extractor, doc: DocIn) -> Rendered {
    let document = Document::new(doc.id.as_str(), &doc.text).with_published(doc.published);
    let mut json = Vec::new();
    let candidates = extractor.explain(&document);
    for c in &candidates {
        let (decision, why) = match &c.decision {
            Decision::Event { .. } => ("event", ""),
            Decision::OtherSense { why, .. } => ("other_sense", why.as_str()),
            _ => ("no_parties", ""),
        };
        let line = serde_json::json!({
            "doc": doc.id,
            "kind": c.kind,
            "trigger": {"text": c.trigger.text, "span": [c.trigger.span.start, c.trigger.span.end]},
            "sentence_span": [c.sentence.start, c.sentence.end],
            "decision": decision,
            "rule": c.decision.rule(),
            "why": why,
        });
        // A `Value` of strings and numbers always serializes.
        let _ = serde_json::to_writer(&mut json, &line);
        json.push(b'\n');
    }
    Rendered {
        json,
        docs: 1,
        bytes: doc.text.len(),
        events: candidates.len(),
        error: None,
    }
}

fn run_sequential(work: &Work, inputs: &mut Inputs, out: &mut Output<'_, impl Write>) -> usize {
    let mut failures = 0;
    while let Some(job) = inputs.next_job() {
        if !out.write(process(work, job), &mut failures) {
            break;
        }
    }
    failures
}

/// A reader thread feeds batches of raw jobs to `jobs` workers, which parse,
/// extract and render; this thread writes their results, errors included,
/// back in input order. A pool of tokens, one per batch between being read
/// and being written, bounds memory even when one document is slow.
fn run_parallel(
    work: &Work,
    inputs: &mut Inputs,
    out: &mut Output<'_, impl Write>,
    jobs: usize,
) -> usize {
    let capacity = jobs * IN_FLIGHT_PER_JOB;
    let (token_tx, token_rx) = mpsc::sync_channel::<()>(capacity);
    for _ in 0..capacity {
        token_tx.send(()).expect("the receiver is alive");
    }
    let (batch_tx, batch_rx) = mpsc::sync_channel::<(u64, Vec<Job>)>(jobs);
    let batch_rx = Mutex::new(batch_rx);
    let (done_tx, done_rx) = mpsc::channel::<(u64, Vec<Rendered>)>();
    let stop = AtomicBool::new(false);

    std::thread::scope(|scope| {
        let stop = &stop;
        // `move`, so that the batch sender is dropped when reading ends and the workers stop.
        let reader = scope.spawn(move || {
            let mut seq = 0;
            // Take a token before reading, so a read batch always has a slot.
            while token_rx.recv().is_ok() {
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                let batch = inputs.next_batch();
                if batch.is_empty() || batch_tx.send((seq, batch)).is_err() {
                    break;
                }
                seq += 1;
            }
        });
        for _ in 0..jobs {
            let done_tx = done_tx.clone();
            let batch_rx = &batch_rx;
            scope.spawn(move || loop {
                // The lock is held only while waiting for the next batch.
                let batch = batch_rx.lock().map(|rx| rx.recv());
                let Ok(Ok((seq, batch))) = batch else { break };
                let rendered = batch.into_iter().map(|job| process(work, job)).collect();
                if done_tx.send((seq, rendered)).is_err() {
                    break;
                }
            });
        }
        drop(done_tx);

        let mut failures = 0;
        let mut pending = BTreeMap::new();
        let mut next = 0u64;
        let mut writing = true;
        for (seq, batch) in &done_rx {
            pending.insert(seq, batch);
            while let Some(batch) = pending.remove(&next) {
                next += 1;
                for rendered in batch {
                    if writing && !out.write(rendered, &mut failures) {
                        // Keep draining so that the workers and the reader can finish.
                        writing = false;
                        stop.store(true, Ordering::Relaxed);
                    }
                }
                let _ = token_tx.send(());
            }
        }
        // A reader that panicked has left inputs unread.
        if reader.join().is_err() {
            failures += 1;
        }
        failures
    })
}

/// Writes rendered documents to stdout and keeps the progress line current.
struct Output<'s, W: Write> {
    writer: W,
    status: &'s Status,
    docs: usize,
    bytes: usize,
    events: usize,
    started: Instant,
    last_progress: Instant,
    /// Set once stdout fails; a broken pipe is a normal end, anything else is an error.
    broken: Option<io::ErrorKind>,
}

impl<'s, W: Write> Output<'s, W> {
    fn new(writer: W, status: &'s Status) -> Output<'s, W> {
        let now = Instant::now();
        Output {
            writer,
            status,
            docs: 0,
            bytes: 0,
            events: 0,
            started: now,
            last_progress: now,
            broken: None,
        }
    }

    /// Writes one document's lines; false when stdout is gone and reading should stop.
    fn write(&mut self, rendered: Rendered, failures: &mut usize) -> bool {
        self.docs += rendered.docs;
        self.bytes += rendered.bytes;
        self.events += rendered.events;
        if let Some(msg) = rendered.error {
            self.status.error(&msg);
            *failures += 1;
        }
        if let Err(e) = self.writer.write_all(&rendered.json) {
            self.fail(e);
            return false;
        }
        if self.status.tty && self.last_progress.elapsed() >= Duration::from_millis(250) {
            self.last_progress = Instant::now();
            self.status.progress(&self.progress_line());
        }
        true
    }

    fn progress_line(&self) -> String {
        let mb = self.bytes as f64 / 1e6;
        let secs = self.started.elapsed().as_secs_f64().max(1e-3);
        format!(
            "{} docs, {:.1} MB, {:.1} MB/s, {} events",
            self.docs,
            mb,
            mb / secs,
            self.events
        )
    }

    fn fail(&mut self, e: io::Error) {
        if self.broken.is_none() {
            if e.kind() != io::ErrorKind::BrokenPipe {
                self.status.error(&format!("stdout: {e}"));
            }
            self.broken = Some(e.kind());
        }
    }

    /// Flushes; true when writing failed for a reason other than a closed pipe.
    fn finish(&mut self) -> bool {
        if self.broken.is_none() {
            if let Err(e) = self.writer.flush() {
                self.fail(e);
            }
        }
        if self.status.tty {
            self.status.progress(&self.progress_line());
        }
        matches!(self.broken, Some(kind) if kind != io::ErrorKind::BrokenPipe)
    }
}

/// Stderr, for error lines and the progress line, which must not overwrite
/// each other.
struct Status {
    tty: bool,
    /// True while a progress line without newline is on screen.
    shown: Mutex<bool>,
}

impl Status {
    fn new(tty: bool) -> Status {
        Status {
            tty,
            shown: Mutex::new(false),
        }
    }

    fn error(&self, msg: &str) {
        let mut shown = self.shown.lock().unwrap_or_else(|e| e.into_inner());
        let mut err = io::stderr().lock();
        if *shown {
            let _ = write!(err, "\r\x1b[K");
            *shown = false;
        }
        // Stderr may be closed too; there is nowhere left to report that.
        let _ = writeln!(err, "extract: {msg}");
    }

    fn progress(&self, line: &str) {
        let mut shown = self.shown.lock().unwrap_or_else(|e| e.into_inner());
        let _ = write!(io::stderr().lock(), "\r{line}\x1b[K");
        *shown = true;
    }

    /// Ends the progress line, so that the shell prompt starts on a new line.
    fn finish(&self) {
        let mut shown = self.shown.lock().unwrap_or_else(|e| e.into_inner());
        if *shown {
            let _ = writeln!(io::stderr().lock());
            *shown = false;
        }
    }
}

/// The typed fast parse of a line must accept exactly what the checked
/// `Value` path accepts, with the same fields: a line it refuses goes to the
/// checked path, whose error messages are the ones users see.
#[cfg(test)]
mod parse_paths {
    use super::*;
    use proptest::prelude::*;

    fn key() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "\"id\"",
            "\"doc\"",
            "\"text\"",
            "\"path\"",
            "\"published\"",
            "\"other\"",
            "\"te\\u0078t\"",
            "\"\\ud800\"",
            "\"pub\\u006cished\"",
            "\"ID\"",
        ])
    }

    /// Values the fast path accepts in every field it reads.
    const GOOD_VALUES: &[&str] = &[
        "\"Blinken said.\"",
        "\"2023-11-06\"",
        "null",
        "\"\\u00e9 x\"",
        "\"2024-02-29\"",
    ];

    /// Other values: other JSON types, bad dates and escapes, edge numbers.
    const OTHER_VALUES: &[&str] = &[
        "\"2024-13-45\"",
        "\"yesterday\"",
        "5",
        "-0.0e-5",
        "1e400",
        "123456789012345678901234567890",
        "true",
        "[1,2]",
        "{\"a\":null}",
        "\"\\ud800\"",
        "\"\\ud83d\\ude00\"",
        "[]",
        "{}",
        "\"\\ud800\\u0041\"",
        "01",
        "\"a\\qb\"",
        "\"\"",
    ];

    fn value() -> impl Strategy<Value = &'static str> {
        prop::sample::select([GOOD_VALUES, OTHER_VALUES].concat())
    }

    fn good_value() -> impl Strategy<Value = &'static str> {
        prop::sample::select(GOOD_VALUES)
    }

    /// Objects of those keys and values (duplicate keys included), with
    /// stray bytes around them and sometimes one byte replaced, so that
    /// syntax errors can fall anywhere.
    fn line() -> impl Strategy<Value = String> {
        (
            prop::collection::vec((key(), prop_oneof![3 => good_value(), 1 => value()]), 0..6),
            prop::sample::select(vec!["", "", "", " ", "\n", " \r\n", "x", ",", "}"]),
            prop::sample::select(vec!["", "", "", " ", "\t", "["]),
            any::<u8>(),
            any::<usize>(),
        )
            .prop_map(|(pairs, tail, head, b, at)| {
                let body: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}:{v}")).collect();
                let mut s = format!("{head}{{{}}}{tail}", body.join(","));
                if b < 40 && b.is_ascii() && !s.is_empty() {
                    let i = at % s.len();
                    if s.is_char_boundary(i) && s.is_char_boundary(i + 1) {
                        s.replace_range(i..i + 1, &(b as char).to_string());
                    }
                }
                s
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn fast_parse_agrees_with_checked_parse(l in line()) {
            if let Some(fast) = jsonl_fast(&l) {
                prop_assert_eq!(Ok(fast), jsonl_checked(&l), "jsonl {}", l);
            }
            if let Some(fast) = manifest_fast(&l) {
                prop_assert_eq!(Ok(fast), manifest_checked(&l), "manifest {}", l);
            }
        }
    }

    #[test]
    fn typical_lines_take_the_fast_path() {
        for l in [
            "{\"id\": \"d0\", \"text\": \"x\\u2019y\", \"published\": \"2023-11-06\"}\n",
            "{\"text\": \"x\", \"published\": null}",
        ] {
            assert_eq!(jsonl_fast(l), jsonl_checked(l).ok(), "{l}");
            assert!(jsonl_fast(l).is_some(), "{l}");
        }
        let l = "{\"doc\": \"a\", \"path\": \"b.txt\", \"published\": null}\n";
        assert!(manifest_fast(l).is_some(), "{l}");
        // A bad date is refused by the fast path, and reported by the other.
        let l = "{\"text\": \"x\", \"published\": \"2024-13-45\"}";
        assert!(jsonl_fast(l).is_none());
        assert!(jsonl_checked(l).is_err());
    }
}
