//! Runs the `extract` binary as a user would: exit codes, error lines on
//! stderr, and JSON Lines, CSV or TSV on stdout.

use newsevents::{parse_date, Document, Extractor};
use serde_json::Value;
use std::fs;
use std::io::{Read, Write};
use std::path::{Component, Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::SystemTime;

const SEED: &str = "seeds/002_8d3be9fa8faa1af8.txt";
const SEED_ID: &str = "002_8d3be9fa8faa1af8";

/// The repository root, which holds the seed articles: this crate's parent.
fn repo_dir() -> &'static Path {
    let cli_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    cli_dir.parent().expect("cli/ sits in the repository")
}

/// The `extract` binary, which cargo builds for this test.
fn extract_bin() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_extract"))
}

/// Starts `extract` from the repository root with `args`, all three streams piped.
fn spawn(args: &[&str]) -> Child {
    Command::new(extract_bin())
        .args(args)
        .current_dir(repo_dir())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn extract")
}

/// Runs `extract` from the repository root with `args`, feeding `stdin`.
fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = spawn(args);
    let mut input = child.stdin.take().expect("stdin");
    let data = stdin.to_vec();
    // A thread, so that a child blocked on a full stdout pipe cannot deadlock us.
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().expect("wait for extract");
    feeder.join().expect("stdin feeder");
    out
}

fn stderr_of(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Every stdout line, parsed; panics on a line that is not a JSON object.
fn events_of(out: &Output) -> Vec<Value> {
    let stdout = std::str::from_utf8(&out.stdout).expect("stdout is UTF-8");
    stdout
        .lines()
        .map(|line| {
            let value: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
            assert!(value.is_object(), "not an object: {line}");
            value
        })
        .collect()
}

/// What `extract` must print for one document: the library's own events,
/// each with its `"doc"`. Empty while the extractor finds nothing, but then
/// the CLI must print nothing either.
fn expected(id: &str, text: &str, published: Option<&str>) -> Vec<Value> {
    let date = published.map(|d| parse_date(d).expect("test date"));
    let doc = Document::new(id, text).with_published(date);
    Extractor::new()
        .extract(&doc)
        .iter()
        .map(|event| {
            let mut value = serde_json::to_value(event).expect("serialize event");
            value
                .as_object_mut()
                .expect("an event is an object")
                .insert("doc".into(), Value::from(id));
            value
        })
        .collect()
}

fn read_seed(path: impl AsRef<Path>) -> String {
    fs::read_to_string(repo_dir().join(path)).expect("read seed")
}

/// A fresh folder under the system temp folder, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let nanos = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let name = format!(
            "newsevents-cli-{tag}-{}-{}-{nanos}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        );
        let path = std::env::temp_dir().join(name);
        fs::create_dir_all(&path).expect("create temp dir");
        TempDir(path)
    }

    fn path(&self) -> &Path {
        &self.0
    }

    fn str(&self) -> &str {
        self.0.to_str().expect("temp path is UTF-8")
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn seed_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(repo_dir().join("seeds"))
        .expect("seeds folder")
        .map(|e| e.expect("seed entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no seeds");
    files
}

/// `to` written relative to the folder `from` (both absolute).
fn relative(from: &Path, to: &Path) -> PathBuf {
    let from: Vec<Component> = from.components().collect();
    let to: Vec<Component> = to.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut rel = PathBuf::new();
    for _ in common..from.len() {
        rel.push("..");
    }
    for part in &to[common..] {
        rel.push(part.as_os_str());
    }
    rel
}

#[test]
fn missing_file_fails_but_the_good_file_is_processed() {
    let tmp = TempDir::new("missing");
    let missing = tmp.path().join("no-such-article.txt");
    let missing = missing.to_str().unwrap();
    // The missing file comes first, so the good one shows that processing goes on.
    let out = run(&[missing, SEED], b"");
    let stderr = stderr_of(&out);

    assert_eq!(out.status.code(), Some(1), "stderr: {stderr}");
    let error_lines: Vec<&str> = stderr.lines().filter(|l| l.contains(missing)).collect();
    assert_eq!(
        error_lines.len(),
        1,
        "one line naming the missing file: {stderr}"
    );
    assert!(
        !stderr.contains(SEED_ID),
        "the good file must not be reported: {stderr}"
    );
    assert!(stderr.contains("extract: 1 input(s) failed"), "{stderr}");
    assert_eq!(
        stderr.lines().count(),
        2,
        "only the error and the summary: {stderr}"
    );
    assert_eq!(events_of(&out), expected(SEED_ID, &read_seed(SEED), None));
}

#[test]
fn invalid_utf8_file_is_named() {
    let tmp = TempDir::new("utf8");
    let bad = tmp.path().join("broken.txt");
    fs::write(&bad, b"Blinken visited Baghdad \xff\xfe on Sunday.\n").unwrap();
    fs::copy(repo_dir().join(SEED), tmp.path().join("good.txt")).unwrap();

    // Once named directly and once through its folder.
    for arg in [bad.to_str().unwrap(), tmp.str()] {
        let out = run(&[arg], b"");
        let stderr = stderr_of(&out);
        assert_eq!(out.status.code(), Some(1), "{arg}: {stderr}");
        let line = stderr
            .lines()
            .find(|l| l.contains(bad.to_str().unwrap()))
            .unwrap_or_else(|| panic!("no error naming {}: {stderr}", bad.display()));
        assert!(line.contains("UTF-8"), "{line}");
        assert!(!stderr.contains("good.txt"), "{stderr}");
        let want = if arg == tmp.str() {
            expected("good", &read_seed(SEED), None)
        } else {
            Vec::new()
        };
        assert_eq!(events_of(&out), want);
    }
}

#[test]
fn bad_stdin_lines_are_named_by_number() {
    let seed_text = read_seed(SEED);
    let dated = serde_json::json!({"id": "dated", "text": seed_text, "published": "2023-11-06"});
    let undated = serde_json::json!({"doc": "undated", "text": seed_text, "published": null});
    let input = format!(
        "{dated}\n\
         this is not json\n\
         [\"an\", \"array\"]\n\
         {{\"id\": \"no-text\", \"published\": null}}\n\
         {{\"id\": \"bad-date\", \"text\": \"Blinken said.\", \"published\": \"2024-13-45\"}}\n\
         \n\
         {undated}\n"
    );
    // A line's own date wins over --published; a null date takes it.
    let out = run(&["--published", "2023-11-07", "-"], input.as_bytes());
    let stderr = stderr_of(&out);

    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let expect = [
        ("stdin line 2:", "JSON"),
        ("stdin line 3:", "object"),
        ("stdin line 4:", "\"text\""),
        ("stdin line 5:", "2024-13-45"),
    ];
    for (place, what) in expect {
        let line = stderr
            .lines()
            .find(|l| l.contains(place))
            .unwrap_or_else(|| panic!("no error for {place}: {stderr}"));
        assert!(line.contains(what), "{line} should mention {what}");
    }
    for good in ["stdin line 1:", "stdin line 6:", "stdin line 7:"] {
        assert!(!stderr.contains(good), "{stderr}");
    }
    assert!(stderr.contains("extract: 4 input(s) failed"), "{stderr}");
    let mut want = expected("dated", &seed_text, Some("2023-11-06"));
    want.extend(expected("undated", &seed_text, Some("2023-11-07")));
    assert_eq!(events_of(&out), want);
}

#[test]
fn jsonl_file_is_read_line_by_line_and_bad_lines_are_named() {
    let seed_text = read_seed(SEED);
    let dir = TempDir::new("jsonl");
    let good = serde_json::json!({"id": "good", "text": seed_text, "published": "2023-11-06"});
    let anonymous = serde_json::json!({"text": "Blinken said the talks would go on."});
    let file = dir.path().join("batch.jsonl");
    fs::write(
        &file,
        format!("{good}\n{{\"id\": \"no-text\"}}\n{anonymous}\n"),
    )
    .expect("write jsonl");
    let name = file.to_str().expect("utf-8 temp path");
    let out = run(&[name], b"");
    let stderr = stderr_of(&out);

    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let line = stderr
        .lines()
        .find(|l| l.contains(&format!("{name} line 2:")))
        .unwrap_or_else(|| panic!("no error naming line 2: {stderr}"));
    assert!(line.contains("\"text\""), "{line}");
    assert!(stderr.contains("extract: 1 input(s) failed"), "{stderr}");
    let events = events_of(&out);
    let mut want = expected("good", &seed_text, Some("2023-11-06"));
    assert_eq!(events[..want.len()], want[..]);
    // A line without an id is named by the file and line number.
    want = events[want.len()..].to_vec();
    assert!(!want.is_empty());
    assert!(
        want.iter().all(|e| e["doc"] == format!("{name}:3")),
        "{want:?}"
    );
}

#[test]
fn bad_published_flag_is_refused() {
    for args in [
        &["--published", "2024-13-45", "seeds"][..],
        &["--published=2024-13-45", "seeds"][..],
    ] {
        let out = run(args, b"");
        let stderr = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        let first = stderr.lines().next().unwrap_or("");
        assert!(
            first.contains("--published") && first.contains("2024-13-45"),
            "first line should name the flag and value: {stderr}"
        );
        assert!(out.stdout.is_empty());
    }
    let out = run(&["--published", "2023-11-06", SEED], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(out.stderr.is_empty(), "{}", stderr_of(&out));
    assert_eq!(
        events_of(&out),
        expected(SEED_ID, &read_seed(SEED), Some("2023-11-06"))
    );
}

#[test]
fn bad_usage_exits_2_with_usage() {
    let cases: [(&[&str], &str); 7] = [
        (&[], "<PATH>"),
        (&["--frobnicate", "seeds"], "--frobnicate"),
        (&["--jobs", "zero", "seeds"], "--jobs"),
        (&["seeds", "--manifest"], "--manifest"),
        (&["-", "-"], "stdin"),
        (&["--explain", "--format", "csv", "seeds"], "--explain"),
        (&["--format", "xml", "seeds"], "--format"),
    ];
    for (args, named) in cases {
        let out = run(args, b"");
        let stderr = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(named), "{args:?}: {stderr}");
        assert!(stderr.contains("try '--help'"), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn manifest_reads_relative_paths_and_names_bad_lines() {
    let tmp = TempDir::new("manifest");
    let dir = tmp.path().canonicalize().unwrap();
    let mut manifest = String::new();
    let mut want = Vec::new();
    for (i, file) in seed_files().iter().enumerate() {
        let rel = relative(&dir, &file.canonicalize().unwrap());
        assert!(rel.is_relative());
        // Ids unlike the file names, so that the output must take them from the manifest.
        let id = format!("m{i}");
        let published = (i % 2 == 0).then_some("2023-11-06");
        let line =
            serde_json::json!({"doc": id, "path": rel.to_str().unwrap(), "published": published});
        manifest += &format!("{line}\n");
        want.extend(expected(&id, &read_seed(file), published));
    }
    let n = seed_files().len();
    let good_path = dir.join("docs.jsonl");
    fs::write(&good_path, &manifest).unwrap();

    let out = run(&["--manifest", good_path.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(out.stderr.is_empty(), "{}", stderr_of(&out));
    // `--published` does not override a manifest's own dates, null included.
    let out = run(
        &[
            "--published",
            "2020-01-01",
            "--manifest",
            good_path.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(events_of(&out), want);

    manifest += "{\"doc\": \"gone\", \"path\": \"no-such-file.txt\", \"published\": null}\n";
    manifest += "{\"doc\": \"m0b\", \"path\": \"x.txt\", \"published\": \"yesterday\"}\n";
    manifest += "{\"path\": \"x.txt\"}\n";
    let bad_path = dir.join("bad.jsonl");
    fs::write(&bad_path, &manifest).unwrap();
    let out = run(&["--manifest", bad_path.to_str().unwrap()], b"");
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    for (line_no, what) in [
        (n + 1, "no-such-file.txt"),
        (n + 2, "yesterday"),
        (n + 3, "doc"),
    ] {
        let place = format!("{} line {line_no}:", bad_path.display());
        let line = stderr
            .lines()
            .find(|l| l.contains(&place))
            .unwrap_or_else(|| panic!("no error for {place}: {stderr}"));
        assert!(line.contains(what), "{line} should mention {what}");
    }
    assert!(stderr.contains("extract: 3 input(s) failed"), "{stderr}");
    assert_eq!(events_of(&out), want);
}

#[test]
fn jobs_do_not_change_the_output() {
    // Many documents of mixed sizes, so that workers finish out of order.
    let texts: Vec<String> = seed_files().iter().map(read_seed).collect();
    let mut input = String::new();
    let mut want = Vec::new();
    for i in 0..120 {
        let (id, text) = (format!("d{i:03}"), texts[i % texts.len()].repeat(1 + i % 4));
        let line = serde_json::json!({"id": id, "text": text, "published": "2023-11-06"});
        input += &format!("{line}\n");
        want.extend(expected(&id, &text, Some("2023-11-06")));
    }

    let one = run(&["--jobs", "1", "seeds"], b"");
    let two = run(&["--jobs", "2", "seeds"], b"");
    assert_eq!(one.status.code(), Some(0), "{}", stderr_of(&one));
    assert_eq!(two.status.code(), Some(0), "{}", stderr_of(&two));
    assert!(one.stderr.is_empty() && two.stderr.is_empty());
    assert!(
        one.stdout == two.stdout,
        "seeds: --jobs 2 differs from --jobs 1"
    );

    let one = run(&["--jobs", "1", "-"], input.as_bytes());
    assert_eq!(one.status.code(), Some(0), "{}", stderr_of(&one));
    assert!(events_of(&one) == want, "--jobs 1 differs from the library");
    for jobs in ["2", "3"] {
        let many = run(&["--jobs", jobs, "-"], input.as_bytes());
        assert_eq!(many.status.code(), Some(0), "{}", stderr_of(&many));
        assert!(many.stderr.is_empty(), "{}", stderr_of(&many));
        assert!(
            one.stdout == many.stdout,
            "stdin: --jobs {jobs} differs from --jobs 1"
        );
    }
}

#[test]
fn errors_keep_their_words_and_input_order_whatever_the_jobs() {
    const HINT: &str = " (if stdin is plain text, pass --stdin-format text)";
    // Wrong types name their field; syntax errors say "not JSON" and hint
    // at plain text; a repeated key is refused rather than guessed at.
    let bad: [(&[u8], &str); 10] = [
        (
            b"{\"text\": 5}",
            "\"text\": invalid type: integer `5`, expected a string at line 1 column 10",
        ),
        (b"[1]", "expected a JSON object"),
        (
            b"{\"text\": \"Blinken said.\", \"id\": 1.5}",
            "\"id\": invalid type: floating point `1.5`, expected a string or an integer \
             at line 1 column 35",
        ),
        (
            b"{\"text\": \"Blinken said.\"",
            "not JSON: EOF while parsing an object at line 1 column 24",
        ),
        (
            b"{\"published\": \"yesterday\"}",
            "\"published\": bad date \"yesterday\": expected YYYY-MM-DD at line 1 column 26",
        ),
        (
            b"{\"text\": \"Blinken said.\", \"published\": 5}",
            "\"published\": invalid type: integer `5`, expected a string at line 1 column 40",
        ),
        (
            b"{\"text\": \"Blinken said.\"} trailing",
            "not JSON: trailing characters at line 1 column 27",
        ),
        (
            b"{\"text\": \"bad \xff\"}",
            "not valid UTF-8 (bad byte at offset 14)",
        ),
        (
            b"{\"text\": \"a\", \"text\": \"b\"}",
            "duplicate field `text` at line 1 column 20",
        ),
        (
            b"{\"id\": \"a\", \"doc\": \"b\", \"text\": \"c\"}",
            "duplicate field `id` at line 1 column 17",
        ),
    ];
    let texts: Vec<String> = seed_files().iter().map(read_seed).collect();
    let mut input = Vec::new();
    let mut want_err = String::new();
    let mut want = Vec::new();
    let mut line_no = 0;
    // Good documents of mixed sizes between the bad lines, so that workers
    // finish out of order.
    for i in 0..3 * bad.len() {
        let (id, text) = (format!("d{i:02}"), texts[i % texts.len()].repeat(1 + i % 3));
        let line = serde_json::json!({"id": id, "text": text}).to_string() + "\n";
        input.extend_from_slice(line.as_bytes());
        want.extend(expected(&id, &text, None));
        let (line, msg) = bad[i % bad.len()];
        input.extend_from_slice(line);
        input.push(b'\n');
        line_no += 2;
        let hint = if msg.starts_with("not JSON") || msg.starts_with("expected") {
            HINT
        } else {
            ""
        };
        want_err += &format!("extract: stdin line {line_no}: {msg}{hint}\n");
    }
    want_err += &format!("extract: {} input(s) failed\n", 3 * bad.len());

    for jobs in ["1", "2", "3"] {
        let out = run(&["--jobs", jobs, "-"], &input);
        assert_eq!(out.status.code(), Some(1), "--jobs {jobs}");
        assert_eq!(stderr_of(&out), want_err, "--jobs {jobs}");
        assert!(events_of(&out) == want, "--jobs {jobs}: wrong events");
    }
    // Said to be JSON Lines, stdin gets no hint.
    let out = run(&["--stdin-format", "jsonl", "-"], b"[1]\n");
    assert_eq!(
        stderr_of(&out),
        "extract: stdin line 1: expected a JSON object\nextract: 1 input(s) failed\n"
    );
}

#[test]
fn closed_stdout_ends_quietly() {
    let text = read_seed(SEED);
    let line = serde_json::json!({"id": "x", "text": text}).to_string() + "\n";
    let input = line.repeat(2000);
    for jobs in ["1", "2"] {
        let mut child = spawn(&["--jobs", jobs, "-"]);
        let mut stdin = child.stdin.take().unwrap();
        let data = input.clone().into_bytes();
        let feeder = std::thread::spawn(move || {
            let _ = stdin.write_all(&data);
        });
        // Read a little, then hang up, as `| head -1` does.
        let mut stdout = child.stdout.take().unwrap();
        let mut first = [0u8; 1];
        let _ = stdout.read(&mut first);
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        feeder.join().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        assert!(out.stderr.is_empty(), "{}", stderr_of(&out));
    }
}

/// A subfolder that cannot be listed is named, and the rest of the folder
/// is read. Its path is longer than the system allows (PATH_MAX), which
/// fails for root too, where a folder of mode 000 would not.
#[cfg(target_os = "linux")]
#[test]
fn unlistable_subfolder_is_named_and_the_rest_is_read() {
    let tmp = TempDir::new("deep");
    fs::copy(repo_dir().join(SEED), tmp.path().join("a.txt")).unwrap();
    // Two chains of ten folders, each path short enough to make, the
    // second moved to the bottom of the first.
    let chain: PathBuf = std::iter::repeat("d".repeat(250)).take(10).collect();
    let (top, bottom) = (tmp.path().join("deep"), tmp.path().join("lower"));
    fs::create_dir_all(top.join(&chain)).unwrap();
    fs::create_dir_all(bottom.join(&chain)).unwrap();
    fs::write(bottom.join(&chain).join("z.txt"), "Blinken said so.").unwrap();
    fs::rename(&bottom, top.join(&chain).join("lower")).unwrap();

    let out = run(&[tmp.str()], b"");
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let line = stderr
        .lines()
        .find(|l| l.contains("cannot list directory"))
        .unwrap_or_else(|| panic!("no error naming the directory: {stderr}"));
    assert!(line.contains(top.join(&chain).to_str().unwrap()), "{line}");
    assert!(stderr.contains("extract: 1 input(s) failed"), "{stderr}");
    assert_eq!(events_of(&out), expected("a", &read_seed(SEED), None));
}

/// `--explain` prints every trigger candidate with its decision: the event
/// with its rule, and the other sense with the cue that decided it.
#[test]
fn explain_lists_candidates_with_their_decisions() {
    let text =
        "Ukraine agreed to strike a gas deal. Gunmen attacked a police post, killing two officers.";
    let line = serde_json::json!({"id": "x", "text": text}).to_string() + "\n";
    let out = run(&["--explain", "-"], line.as_bytes());
    assert!(out.status.success(), "{}", stderr_of(&out));
    let lines = events_of(&out);
    let of = |word: &str| {
        lines
            .iter()
            .find(|l| l["kind"] == "attack" && l["trigger"]["text"] == word)
            .unwrap_or_else(|| panic!("no attack candidate {word:?} in {lines:?}"))
    };
    assert_eq!(of("strike")["decision"], "other_sense");
    assert_eq!(of("strike")["rule"], "sense.strike_a_deal");
    assert_eq!(of("attacked")["decision"], "event");
    assert_eq!(of("attacked")["rule"], "attack.active");
    let span = &of("strike")["trigger"]["span"];
    let (s, e) = (
        span[0].as_u64().unwrap() as usize,
        span[1].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "strike");
}

/// The columns of `--format csv` and `tsv`, in order.
const COLUMNS: [&str; 25] = [
    "doc",
    "event",
    "kind",
    "modality",
    "trigger",
    "date",
    "date_value",
    "attacker",
    "target",
    "location",
    "weapon",
    "killed",
    "injured",
    "participants",
    "visitor",
    "destination",
    "host",
    "speaker",
    "content",
    "quote",
    "sentence_start",
    "sentence_end",
    "trigger_start",
    "trigger_end",
    "rule",
];

#[test]
fn help_lists_inputs_output_and_exit_codes() {
    let out = run(&["--help"], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let help = String::from_utf8(out.stdout).unwrap();
    let inputs = [
        "FILE.jsonl",
        "FOLDER",
        "stdin",
        "--manifest FILE",
        "subfolders",
    ];
    let flags = [
        "--published",
        "--jobs",
        "--format",
        "--stdin-format",
        "--explain",
        "--progress",
        "--version",
    ];
    let exit_codes = [
        "Exit status",
        "0  every input",
        "1  an input",
        "2  bad usage",
    ];
    let formats = [
        "jsonl",
        "csv, tsv",
        "\"sentence_span\"",
        "the number of cores",
    ];
    for word in inputs
        .iter()
        .chain(&flags)
        .chain(&exit_codes)
        .chain(&formats)
    {
        assert!(
            help.contains(word),
            "--help should mention {word:?}:\n{help}"
        );
    }
    for column in COLUMNS {
        assert!(help.contains(column), "--help should list column {column}");
    }
}

#[test]
fn version_is_the_crate_version() {
    let out = run(&["--version"], b"");
    assert_eq!(out.status.code(), Some(0));
    let want = format!("extract {}\n", env!("CARGO_PKG_VERSION"));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), want);
}

#[test]
fn plain_text_on_stdin_is_one_document() {
    let text = read_seed(SEED);
    // Blank lines before the text do not decide anything.
    let input = format!("\n  \n{text}");
    let out = run(&["--published", "2023-11-06", "-"], input.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let want = expected("stdin", &input, Some("2023-11-06"));
    assert!(!want.is_empty());
    assert_eq!(events_of(&out), want);

    // Told it is text, stdin is text even when it looks like JSON.
    let json_like = "{Blinken visited Baghdad on Sunday.}\n";
    let out = run(&["--stdin-format", "text", "-"], json_like.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(events_of(&out), expected("stdin", json_like, None));

    // Bad UTF-8 in plain text is named.
    let out = run(&["-"], b"Blinken visited \xff Baghdad.");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr_of(&out).contains("stdin: not valid UTF-8 (bad byte at offset 16)"));
}

#[test]
fn folders_are_read_recursively_with_ids_from_their_paths() {
    let tmp = TempDir::new("tree");
    let seeds: Vec<String> = seed_files().iter().map(read_seed).collect();
    let files = [
        ("b.txt", Some("b")),
        ("a/x.txt", Some("a/x")),
        ("a/deeper/y.txt", Some("a/deeper/y")),
        // The same file name in another folder gets another id.
        ("c/x.txt", Some("c/x")),
        (".hidden.txt", None),
        (".git/z.txt", None),
        ("notes.md", None),
        ("a/more.jsonl", None),
    ];
    for (i, (rel, _)) in files.iter().enumerate() {
        let path = tmp.path().join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, &seeds[i % seeds.len()]).unwrap();
    }
    let out = run(&["--jobs", "2", tmp.str()], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(out.stderr.is_empty(), "{}", stderr_of(&out));
    // Entries in byte order of name, a subfolder's files where it falls.
    let mut want = Vec::new();
    for i in [2, 1, 0, 3] {
        let id = files[i].1.unwrap();
        want.extend(expected(id, &seeds[i % seeds.len()], None));
    }
    let events = events_of(&out);
    let docs: Vec<&str> = events.iter().map(|e| e["doc"].as_str().unwrap()).collect();
    for (i, id) in ["a/deeper/y", "a/x", "b", "c/x"].into_iter().enumerate() {
        assert!(docs.contains(&id), "no events of {id} ({i}): {docs:?}");
    }
    assert_eq!(events, want);
}

#[test]
fn numeric_ids_are_accepted() {
    let text = read_seed(SEED);
    let input = format!(
        "{}\n{}\n",
        serde_json::json!({"id": 17, "text": text}),
        serde_json::json!({"doc": -3, "text": text}),
    );
    let out = run(&["-"], input.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let mut want = expected("17", &text, None);
    want.extend(expected("-3", &text, None));
    assert_eq!(events_of(&out), want);
}

#[test]
fn jobs_default_to_the_cores_with_the_same_output() {
    let default = run(&["seeds"], b"");
    let one = run(&["--jobs", "1", "seeds"], b"");
    assert_eq!(default.status.code(), Some(0), "{}", stderr_of(&default));
    assert!(!one.stdout.is_empty());
    assert!(
        default.stdout == one.stdout,
        "the default differs from --jobs 1"
    );
    let help = String::from_utf8(run(&["--help"], b"").stdout).unwrap();
    assert!(help.contains("[default: the number of cores]"), "{help}");
}

/// The library's events of the seeds, as (doc id, event).
fn seed_events() -> Vec<(String, newsevents::Event)> {
    let extractor = Extractor::new();
    let mut events = Vec::new();
    for file in seed_files() {
        let id = file.file_stem().unwrap().to_str().unwrap().to_string();
        let text = read_seed(&file);
        for event in extractor.extract(&Document::new(id.as_str(), &text)) {
            events.push((id.clone(), event));
        }
    }
    events
}

#[test]
fn csv_and_tsv_have_a_header_and_a_column_per_role() {
    let want = seed_events();
    for (format, delimiter) in [("csv", b','), ("tsv", b'\t')] {
        let out = run(&["--format", format, "seeds"], b"");
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .from_reader(out.stdout.as_slice());
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(header, COLUMNS, "{format}");
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
        assert_eq!(rows.len(), want.len(), "{format}: one row per event");
        let (mut participants, mut quotes) = (0, 0);
        for (row, (doc, event)) in rows.iter().zip(&want) {
            let cell = |name: &str| &row[COLUMNS.iter().position(|c| *c == name).unwrap()];
            assert_eq!(cell("doc"), doc);
            assert_eq!(cell("event"), event.event);
            assert_eq!(cell("kind"), event.kind.name());
            assert_eq!(cell("modality"), event.modality.as_str());
            assert_eq!(cell("trigger"), event.trigger.text);
            assert_eq!(cell("trigger_start"), event.trigger.span.start.to_string());
            assert_eq!(cell("sentence_end"), event.sentence.end.to_string());
            assert_eq!(cell("rule"), event.rule.id());
            let mut parties = Vec::new();
            for (role, mention) in event.roles() {
                match role {
                    "participant" => parties.push(mention.text.as_str()),
                    _ => assert_eq!(cell(role), mention.text, "{role}"),
                }
            }
            assert_eq!(cell("participants"), parties.join("; "));
            participants += usize::from(parties.len() > 1);
            if let newsevents::EventKind::Statement(s) = &event.kind {
                assert_eq!(cell("quote"), s.quote.to_string());
                quotes += usize::from(s.quote);
            }
            let date = event.date.as_ref();
            assert_eq!(cell("date"), date.map_or("", |d| d.text.as_str()));
        }
        assert!(
            participants > 0 && quotes > 0,
            "the seeds have calls and quotes"
        );
    }
    // No events: the header alone.
    let out = run(&["--format", "tsv", "-"], b"Rain fell on the hills.");
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        COLUMNS.join("\t") + "\n"
    );
}

/// Runs `extract` under a pseudo-terminal (util-linux `script`), with the
/// shell redirections `redirect`; returns what the terminal showed.
#[cfg(target_os = "linux")]
fn run_on_terminal(args: &str, redirect: &str) -> String {
    let command = format!("{} {args} {redirect}", extract_bin().display());
    let out = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(repo_dir())
        .stdin(Stdio::null())
        .output()
        .expect("run script (util-linux), needed to give extract a terminal");
    assert!(out.status.success(), "{command}: {}", stderr_of(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[cfg(target_os = "linux")]
#[test]
fn progress_goes_to_stderr_on_a_terminal_only() {
    let tmp = TempDir::new("tty");
    let stdout_file = tmp.path().join("out.jsonl");
    let stderr_file = tmp.path().join("err.txt");
    let plain = run(&["seeds"], b"");
    assert!(plain.stderr.is_empty(), "no progress when stderr is a pipe");
    let docs = format!("{} docs, ", seed_files().len());

    // Stderr on the terminal: the progress line is there, stdout is untouched.
    let screen = run_on_terminal("seeds", &format!("> {}", stdout_file.display()));
    assert!(
        screen.contains(&docs),
        "no progress line on the terminal: {screen:?}"
    );
    assert!(screen.contains("events"), "{screen:?}");
    assert!(fs::read(&stdout_file).unwrap() == plain.stdout);

    // Stdout on the terminal, stderr to a file: no progress anywhere.
    let screen = run_on_terminal("seeds", &format!("2> {}", stderr_file.display()));
    assert_eq!(fs::read_to_string(&stderr_file).unwrap(), "");
    assert!(!screen.contains(&docs), "{screen:?}");
    assert!(screen.contains("\"doc\""), "{screen:?}");

    // --progress never: none on the terminal either.
    let args = "--progress never seeds";
    let screen = run_on_terminal(args, &format!("> {}", stdout_file.display()));
    assert!(!screen.contains(&docs), "{screen:?}");
}

#[test]
fn link_joins_one_happening_across_inputs_and_keeps_apart_the_rest() {
    let stdin = concat!(
        r#"{"id": "a", "text": "Foreign Minister Ana Ruiz arrived in Nairobi on Monday. The visit lasted a day.", "published": "2024-03-05"}"#,
        "\n",
        r#"{"id": "b", "text": "Ana Ruiz visited Nairobi on Monday, her office said.", "published": "2024-03-05"}"#,
        "\n",
        r#"{"id": "c", "text": "Ana Ruiz visited Lima on Monday.", "published": "2024-03-05"}"#,
        "\n",
    );
    let out = run(&["--link", "-j", "2", "-"], stdin.as_bytes());
    assert!(out.status.success(), "{}", stderr_of(&out));
    let events = events_of(&out);
    let visit_ids = |doc: &str| -> Vec<String> {
        let visits = events
            .iter()
            .filter(|e| e["doc"] == doc && e["kind"] == "visit");
        visits
            .map(|e| e["event"].as_str().unwrap_or("").to_string())
            .collect()
    };
    let (a, b, c) = (visit_ids("a"), visit_ids("b"), visit_ids("c"));
    // "arrived" and "The visit" of a, and b's visit: one event, a's first.
    assert_eq!(a, ["a#0", "a#0"]);
    assert_eq!(b, ["a#0"]);
    // Another destination: another event.
    assert_eq!(c, ["c#0"]);

    // Without --link, ids stay within their document.
    let out = run(&["-"], stdin.as_bytes());
    let b_alone = events_of(&out)
        .into_iter()
        .find(|e| e["doc"] == "b" && e["kind"] == "visit")
        .expect("b's visit");
    assert_eq!(b_alone["event"], "b#0");
}
