//! Runs the `extract` example binary as a user would: exit codes, error
//! lines on stderr, and JSON Lines on stdout.

use newsevents::{parse_date, Document, Extractor};
use serde_json::Value;
use std::fs;
use std::io::{Read, Write};
use std::path::{Component, Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;
use std::time::SystemTime;

const SEED: &str = "seeds/002_8d3be9fa8faa1af8.txt";
const SEED_ID: &str = "002_8d3be9fa8faa1af8";

fn crate_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The `extract` example beside this test binary (`target/<profile>/deps/..`),
/// built first when it is missing or older than its sources.
fn extract_bin() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let exe = std::env::current_exe().expect("test binary path");
        let profile_dir = exe
            .parent()
            .and_then(Path::parent)
            .expect("test binary lives in target/<profile>/deps");
        let bin = profile_dir
            .join("examples")
            .join(format!("extract{}", std::env::consts::EXE_SUFFIX));
        if is_stale(&bin) {
            // `cargo test` builds examples, but `cargo test --test examples_cli` does not.
            let profile = match profile_dir.file_name().and_then(|n| n.to_str()) {
                Some("debug") | None => "dev",
                Some(name) => name,
            };
            let status = Command::new(env!("CARGO"))
                .args(["build", "--example", "extract", "--profile", profile])
                .current_dir(crate_dir())
                .status()
                .expect("run cargo build");
            assert!(status.success(), "cargo build --example extract failed");
        }
        assert!(bin.exists(), "no extract binary at {}", bin.display());
        bin
    })
}

fn is_stale(bin: &Path) -> bool {
    let Ok(built) = fs::metadata(bin).and_then(|m| m.modified()) else {
        return true;
    };
    let mut sources = vec![
        crate_dir().join("Cargo.toml"),
        crate_dir().join("examples/extract.rs"),
    ];
    let mut dirs = vec![crate_dir().join("src")];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                sources.push(path);
            }
        }
    }
    sources.iter().any(|src| {
        fs::metadata(src)
            .and_then(|m| m.modified())
            .is_ok_and(|t| t > built)
    })
}

/// Starts `extract` from the crate folder with `args`, all three streams piped.
fn spawn(args: &[&str]) -> Child {
    Command::new(extract_bin())
        .args(args)
        .current_dir(crate_dir())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn extract")
}

/// Runs `extract` from the crate folder with `args`, feeding `stdin`.
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
    fs::read_to_string(crate_dir().join(path)).expect("read seed")
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
    let mut files: Vec<PathBuf> = fs::read_dir(crate_dir().join("seeds"))
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
    fs::copy(crate_dir().join(SEED), tmp.path().join("good.txt")).unwrap();

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
    let cases: [(&[&str], &str); 4] = [
        (&[], "no inputs"),
        (&["--frobnicate", "seeds"], "--frobnicate"),
        (&["--jobs", "zero", "seeds"], "--jobs"),
        (&["seeds", "--manifest"], "--manifest"),
    ];
    for (args, named) in cases {
        let out = run(args, b"");
        let stderr = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(named), "{args:?}: {stderr}");
        assert!(stderr.contains("usage:"), "{args:?}: {stderr}");
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
    // Lines that a typed parse would get wrong (a null id, a repeated key,
    // an unknown field that is not valid JSON) as well as plain bad ones,
    // each with the exact message it has always had.
    let bad: [(&[u8], &str); 9] = [
        (
            b"{\"text\": 5}",
            "\"text\" must be a string, found a number",
        ),
        (b"[1]", "expected a JSON object, found an array"),
        (
            b"{\"text\": \"Blinken said.\", \"id\": null}",
            "\"id\" must be a string, found null",
        ),
        (
            b"{\"text\": \"Blinken said.\", \"x\": 1e400}",
            "not JSON: number out of range at line 1 column 36",
        ),
        (
            b"{\"published\": \"yesterday\"}",
            "\"published\": bad date \"yesterday\": expected YYYY-MM-DD",
        ),
        (
            b"{\"text\": \"Blinken said.\", \"x\": \"\\ud800\"}",
            "not JSON: unexpected end of hex escape at line 1 column 39",
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
            b"{\"text\": \"Blinken said.\", \"doc\": 5}",
            "\"doc\" must be a string, found a number",
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
        // A repeated key: the last one counts, as it always has.
        let line = format!(
            "{{\"text\": 5, \"id\": {}, \"text\": {}}}\n",
            Value::from(id.as_str()),
            Value::from(text.as_str())
        );
        input.extend_from_slice(line.as_bytes());
        want.extend(expected(&id, &text, None));
        let (line, msg) = bad[i % bad.len()];
        input.extend_from_slice(line);
        input.push(b'\n');
        line_no += 2;
        want_err += &format!("extract: stdin line {line_no}: {msg}\n");
    }
    want_err += &format!("extract: {} input(s) failed\n", 3 * bad.len());

    for jobs in ["1", "2", "3"] {
        let out = run(&["--jobs", jobs, "-"], &input);
        assert_eq!(out.status.code(), Some(1), "--jobs {jobs}");
        assert_eq!(stderr_of(&out), want_err, "--jobs {jobs}");
        assert!(events_of(&out) == want, "--jobs {jobs}: wrong events");
    }
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

#[cfg(unix)]
#[test]
fn unreadable_directory_is_named() {
    use std::os::unix::fs::PermissionsExt;

    let tmp = TempDir::new("noperm");
    let locked = tmp.path().join("locked");
    fs::create_dir(&locked).unwrap();
    fs::copy(crate_dir().join(SEED), locked.join("a.txt")).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    // Restores access even when an assert fails, so the temp dir can be removed.
    struct Unlock<'a>(&'a Path);
    impl Drop for Unlock<'_> {
        fn drop(&mut self) {
            let _ = fs::set_permissions(self.0, fs::Permissions::from_mode(0o755));
        }
    }
    let _unlock = Unlock(&locked);

    if fs::read_dir(&locked).is_ok() {
        eprintln!("skipped: this user can read a mode 000 directory (root?)");
        return;
    }
    let out = run(&[locked.to_str().unwrap(), SEED], b"");
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let line = stderr
        .lines()
        .find(|l| l.contains(locked.to_str().unwrap()))
        .unwrap_or_else(|| panic!("no error naming the directory: {stderr}"));
    assert!(line.contains("directory"), "{line}");
    assert!(stderr.contains("extract: 1 input(s) failed"), "{stderr}");
    assert_eq!(events_of(&out), expected(SEED_ID, &read_seed(SEED), None));
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
