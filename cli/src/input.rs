//! Where documents come from: text files, folders, JSON Lines files,
//! manifests and stdin, read one job at a time so that memory stays bounded.

use clap::ValueEnum;
use newsevents::{parse_date, NaiveDate};
use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;
use std::fmt;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use walkdir::WalkDir;

/// JSON Lines bytes gathered into one batch. One task per ~20 typical
/// documents rather than per document: waking threads for every document
/// took about a tenth of the CPU time with `--jobs 2`.
const BATCH_BYTES: usize = 64 << 10;

/// At most this many jobs in a batch (a folder's files have no size yet).
const BATCH_JOBS: usize = 16;

/// The read buffer of JSON Lines inputs, several batches long, since a
/// batch also ends where the buffered data does.
const READ_BUFFER: usize = 256 << 10;

/// One input named on the command line.
pub enum Source {
    /// A text file, a `.jsonl` file or a folder.
    Path(PathBuf),
    /// `-`: JSON Lines or plain text on stdin.
    Stdin,
    /// `--manifest FILE`.
    Manifest(PathBuf),
}

/// What stdin holds.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StdinFormat {
    /// JSON Lines if the first non-blank line starts with `{`, else plain text.
    Auto,
    /// One document of plain text.
    Text,
    /// One JSON object per line.
    Jsonl,
}

/// One document read from an input, owning its text.
pub struct DocIn {
    pub id: String,
    pub text: String,
    pub published: Option<NaiveDate>,
}

/// One item of work as the reader finds it: raw bytes or a path, so that
/// decoding, parsing and file reading happen on the worker threads.
pub enum Job {
    /// A non-blank line of a JSON Lines input or a manifest, not yet checked.
    Line {
        input: Arc<LineInput>,
        n: usize,
        line: Vec<u8>,
    },
    /// A text file, not yet read, and its document id.
    File { path: PathBuf, id: String },
    /// Plain text from stdin.
    Text(Vec<u8>),
    /// An input that could not be used: where, and what is wrong.
    Failed(String),
}

/// A JSON Lines input or a manifest: its name for messages and how its
/// lines become documents.
pub struct LineInput {
    name: String,
    /// For a manifest, the folder its paths are relative to.
    manifest_dir: Option<PathBuf>,
    /// The date of lines without one (a manifest's own dates are used as they are).
    published: Option<NaiveDate>,
    /// Whether a JSON error should suggest `--stdin-format text`.
    hint_text: bool,
}

/// A line of JSON Lines input or of a manifest: one type for both.
#[derive(Deserialize)]
struct InputLine {
    /// `"id"`, or `"doc"` as the manifests write it; a string or an integer.
    #[serde(default, alias = "doc", deserialize_with = "id_string")]
    id: Option<String>,
    #[serde(default, deserialize_with = "text_string")]
    text: Option<String>,
    /// A manifest's path to the text file.
    #[serde(default, deserialize_with = "path_string")]
    path: Option<String>,
    #[serde(default, deserialize_with = "date")]
    published: Option<NaiveDate>,
}

/// An id written as a string or as an integer (`17` becomes `"17"`); null
/// is no id.
fn id_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    struct IdVisitor;
    impl<'de> Visitor<'de> for IdVisitor {
        type Value = Option<String>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string or an integer")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
            Ok(Some(v))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
    }
    in_field("id", d.deserialize_any(IdVisitor))
}

fn text_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    in_field("text", Option::deserialize(d))
}

fn path_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    in_field("path", Option::deserialize(d))
}

/// A `"YYYY-MM-DD"` string or null.
fn date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    let date = match Option::<String>::deserialize(d) {
        Ok(Some(s)) => parse_date(&s).map(Some).map_err(de::Error::custom),
        other => other.map(|_| None),
    };
    in_field("published", date)
}

/// An error of a field's value, naming the field (serde does not).
fn in_field<T, E: de::Error>(field: &str, result: Result<T, E>) -> Result<T, E> {
    result.map_err(|e| E::custom(format_args!("\"{field}\": {e}")))
}

impl LineInput {
    /// The document of line text `line`, numbered `n`; errors without the
    /// line's name, which [`load`] adds.
    fn document(&self, n: usize, line: &str) -> Result<DocIn, String> {
        let hint = if self.hint_text {
            " (if stdin is plain text, pass --stdin-format text)"
        } else {
            ""
        };
        // A derived struct would also take a JSON array, field by field.
        if !line.trim_start().starts_with('{') {
            return Err(format!("expected a JSON object{hint}"));
        }
        let fields: InputLine =
            serde_json::from_str(line.trim_end()).map_err(|e| match e.classify() {
                serde_json::error::Category::Data => e.to_string(),
                _ => format!("not JSON: {e}{hint}"),
            })?;
        match &self.manifest_dir {
            Some(dir) => {
                let id = fields.id.ok_or("missing \"doc\"")?;
                let path = fields.path.ok_or("missing \"path\"")?;
                Ok(DocIn {
                    id,
                    // Path::join keeps an absolute path as it is.
                    text: read_text(&dir.join(path))?,
                    published: fields.published,
                })
            }
            None => Ok(DocIn {
                id: fields.id.unwrap_or_else(|| format!("{}:{n}", self.name)),
                text: fields.text.ok_or("missing \"text\"")?,
                published: fields.published.or(self.published),
            }),
        }
    }
}

/// The document a job stands for, or why there is none. Errors of a line
/// name its input and number.
pub fn load(job: Job, published: Option<NaiveDate>) -> Result<DocIn, String> {
    match job {
        Job::Line { input, n, line } => utf8(line)
            .and_then(|text| input.document(n, &text))
            .map_err(|e| format!("{} line {n}: {e}", input.name)),
        Job::File { path, id } => Ok(DocIn {
            id,
            text: read_text(&path)?,
            published,
        }),
        Job::Text(bytes) => Ok(DocIn {
            id: "stdin".into(),
            text: utf8(bytes).map_err(|e| format!("stdin: {e}"))?,
            published,
        }),
        Job::Failed(msg) => Err(msg),
    }
}

/// A line-by-line input being read.
type Lines = LineReader<BufReader<Box<dyn Read + Send>>>;

/// Yields jobs one at a time, so that only the current one is in memory.
pub struct Inputs {
    sources: std::vec::IntoIter<Source>,
    /// A folder's files not yet handed out.
    files: std::vec::IntoIter<Job>,
    /// The JSON Lines input or manifest being read.
    lines: Option<(Arc<LineInput>, Lines)>,
    published: Option<NaiveDate>,
    stdin_format: StdinFormat,
}

impl Inputs {
    pub fn new(
        sources: Vec<Source>,
        published: Option<NaiveDate>,
        stdin_format: StdinFormat,
    ) -> Inputs {
        Inputs {
            sources: sources.into_iter(),
            files: Vec::new().into_iter(),
            lines: None,
            published,
            stdin_format,
        }
    }

    fn next_job(&mut self) -> Option<Job> {
        loop {
            if let Some(job) = self.files.next() {
                return Some(job);
            }
            if let Some((input, lines)) = &mut self.lines {
                match lines.next_line() {
                    Some((n, Ok(line))) => {
                        let input = Arc::clone(input);
                        return Some(Job::Line { input, n, line });
                    }
                    Some((_, Err(e))) => return Some(Job::Failed(format!("{}: {e}", input.name))),
                    None => self.lines = None,
                }
            }
            let source = self.sources.next()?;
            if let Some(job) = self.open(source) {
                return Some(job);
            }
        }
    }

    /// Starts reading `source`; a job when it is one document or cannot be read.
    fn open(&mut self, source: Source) -> Option<Job> {
        let (path, manifest) = match source {
            Source::Stdin => return self.open_stdin(),
            Source::Manifest(path) => (path, true),
            Source::Path(path) => match fs::metadata(&path) {
                Err(e) => return Some(Job::Failed(cannot_read(&path, e))),
                Ok(meta) if meta.is_dir() => {
                    let mut files = Vec::new();
                    walk(&path, &mut files);
                    self.files = files.into_iter();
                    return None;
                }
                Ok(_) if path.extension().is_some_and(|e| e == "jsonl") => (path, false),
                Ok(_) => {
                    let id = file_id(&path);
                    return Some(Job::File { path, id });
                }
            },
        };
        let file = match File::open(&path) {
            Ok(file) => file,
            Err(e) => return Some(Job::Failed(cannot_read(&path, e))),
        };
        let input = LineInput {
            name: path.display().to_string(),
            manifest_dir: manifest
                .then(|| path.parent().map(Path::to_path_buf).unwrap_or_default()),
            published: if manifest { None } else { self.published },
            hint_text: false,
        };
        self.lines = Some((Arc::new(input), LineReader::new(Box::new(file))));
        None
    }

    /// Stdin as JSON Lines or as one plain-text document. To tell which,
    /// the lines up to the first non-blank one are read and then put back
    /// in front of the rest.
    fn open_stdin(&mut self) -> Option<Job> {
        let mut head = Vec::new();
        let format = match self.stdin_format {
            StdinFormat::Auto => {
                let mut stdin = io::stdin().lock();
                loop {
                    match stdin.read_until(b'\n', &mut head) {
                        Ok(0) => break,
                        Ok(_) if head.iter().all(u8::is_ascii_whitespace) => {}
                        Ok(_) => break,
                        Err(e) => return Some(Job::Failed(format!("stdin: read error: {e}"))),
                    }
                }
                let first = head.iter().find(|b| !b.is_ascii_whitespace());
                if first == Some(&b'{') {
                    StdinFormat::Jsonl
                } else {
                    StdinFormat::Text
                }
            }
            format => format,
        };
        if format == StdinFormat::Text {
            return Some(match io::stdin().read_to_end(&mut head) {
                Ok(_) => Job::Text(head),
                Err(e) => Job::Failed(format!("stdin: read error: {e}")),
            });
        }
        let input = LineInput {
            name: "stdin".into(),
            manifest_dir: None,
            published: self.published,
            hint_text: self.stdin_format == StdinFormat::Auto,
        };
        let reader = Box::new(io::Cursor::new(head).chain(io::stdin()));
        self.lines = Some((Arc::new(input), LineReader::new(reader)));
        None
    }

    /// Jobs for one batch: consecutive jobs up to `BATCH_BYTES` of lines or
    /// `BATCH_JOBS` jobs, as long as reading them cannot block, so that
    /// lines already read never wait for a slow stdin. Empty at the end.
    pub fn next_batch(&mut self) -> Vec<Job> {
        let mut batch = Vec::new();
        let mut bytes = 0;
        while let Some(job) = self.next_job() {
            if let Job::Line { line, .. } = &job {
                bytes += line.len();
            }
            batch.push(job);
            let buffered = match &self.lines {
                Some((_, lines)) => lines.line_buffered(),
                None => true,
            };
            if bytes >= BATCH_BYTES || batch.len() >= BATCH_JOBS || !buffered {
                break;
            }
        }
        batch
    }
}

/// Adds a job for every `*.txt` file under folder `root`, at any depth
/// (`walkdir`): entries in byte order of name, each subfolder's files where
/// its name falls; hidden files and folders (a name starting with `.`)
/// skipped, and links to folders too (they could loop). A folder that
/// cannot be listed becomes a failed job; the others go on.
fn walk(root: &Path, jobs: &mut Vec<Job>) {
    let hidden =
        |e: &walkdir::DirEntry| e.depth() > 0 && e.file_name().as_encoded_bytes().starts_with(b".");
    // Links are not followed (the default): a link to a folder is skipped.
    let entries = WalkDir::new(root).sort_by_file_name().into_iter();
    for entry in entries.filter_entry(|e| !hidden(e)) {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let dir = e.path().unwrap_or(root).display().to_string();
                let why = e
                    .io_error()
                    .map_or_else(|| e.to_string(), ToString::to_string);
                jobs.push(Job::Failed(format!("{dir}: cannot list directory: {why}")));
                continue;
            }
        };
        let path = entry.path();
        // fs::metadata follows links, so a link to a text file counts.
        let is_file = fs::metadata(path).map_or(true, |m| m.is_file());
        if !entry.file_type().is_dir() && is_file && path.extension().is_some_and(|e| e == "txt") {
            let rel = path.strip_prefix(root).unwrap_or(path);
            let id = rel
                .iter()
                .map(|part| part.to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            let id = id.strip_suffix(".txt").unwrap_or(&id).to_string();
            jobs.push(Job::File {
                path: path.to_path_buf(),
                id,
            });
        }
    }
}

/// The id of a file named on the command line: its name without `.txt`.
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
        let at = e.utf8_error().valid_up_to();
        format!("not valid UTF-8 (bad byte at offset {at})")
    })
}

/// Reads lines into one reused buffer, skipping blank lines, and hands out
/// each as an exact-size copy. Bytes rather than `read_line`, so that a line
/// of bad UTF-8 is reported and skipped instead of ending the input.
struct LineReader<R> {
    reader: R,
    buf: Vec<u8>,
    line_no: usize,
    done: bool,
}

impl LineReader<BufReader<Box<dyn Read + Send>>> {
    fn new(reader: Box<dyn Read + Send>) -> Self {
        LineReader {
            reader: BufReader::with_capacity(READ_BUFFER, reader),
            buf: Vec::new(),
            line_no: 0,
            done: false,
        }
    }

    /// The next non-blank line and its 1-based number, or a read error.
    fn next_line(&mut self) -> Option<(usize, Result<Vec<u8>, String>)> {
        while !self.done {
            self.buf.clear();
            self.line_no += 1;
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => self.done = true,
                Ok(_) if self.buf.iter().all(u8::is_ascii_whitespace) => {}
                Ok(_) => return Some((self.line_no, Ok(self.buf.to_vec()))),
                Err(e) => {
                    // A read error mid-stream is not recoverable: report it once and stop.
                    self.done = true;
                    return Some((self.line_no, Err(format!("read error: {e}"))));
                }
            }
        }
        None
    }

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
