//! What is written: events as JSON Lines, CSV or TSV, or `--explain`'s
//! candidates; errors and the progress line on stderr.

use crate::input::DocIn;
use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use newsevents::{Decision, Document, Event, EventKind, EventLinker, Extractor, NaiveDate};
use std::borrow::Cow;
use std::io::{self, BufWriter, Stdout, Write};
use std::time::Duration;

/// The output format.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON object per event and line.
    Jsonl,
    /// Comma-separated values, one row per event, one column per role.
    Csv,
    /// Tab-separated values, as `csv`.
    Tsv,
}

/// The columns of CSV and TSV output. Roles are the event's own words as
/// written (or the name a pronoun stands for); a call's participants are
/// joined with "; "; spans are byte offsets into the document.
pub const COLUMNS: [&str; 25] = [
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

/// What each document goes through.
pub struct Work {
    pub extractor: Extractor,
    pub format: Format,
    /// Trigger candidates and their decisions instead of events.
    pub explain: bool,
    /// Events kept for [`Work::link`] instead of written by the worker.
    pub link: bool,
}

/// A document's events waiting to be linked to the earlier documents'.
pub struct Unlinked {
    doc: String,
    published: Option<NaiveDate>,
    events: Vec<Event>,
}

/// A job's output, ready to write, or its error, to be reported in input
/// order with the output.
pub struct Rendered {
    bytes: Vec<u8>,
    /// 1 for a document, 0 for an input that never became one.
    docs: u64,
    text_bytes: u64,
    events: u64,
    error: Option<String>,
    unlinked: Option<Unlinked>,
}

impl Rendered {
    pub fn failed(msg: String) -> Rendered {
        Rendered {
            bytes: Vec::new(),
            docs: 0,
            text_bytes: 0,
            events: 0,
            error: Some(msg),
            unlinked: None,
        }
    }
}

impl Work {
    /// Everything a worker does with a document but the writing.
    pub fn render(&self, doc: DocIn) -> Rendered {
        let document = Document::new(doc.id.as_str(), &doc.text).with_published(doc.published);
        // The extractor promises not to panic; if it does, one document fails, not the run.
        let mut unlinked = None;
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut bytes = Vec::new();
            let count = if self.explain {
                explain(&self.extractor, &document, &mut bytes)
            } else {
                let events = self.extractor.extract(&document);
                if self.link {
                    let count = events.len();
                    unlinked = Some(Unlinked {
                        doc: doc.id.clone(),
                        published: doc.published,
                        events,
                    });
                    Ok(count)
                } else {
                    self.write_events(&doc.id, &events, &mut bytes)
                }
            };
            count.map(|count| (bytes, count))
        }));
        let (bytes, events, error) = match result {
            Ok(Ok((bytes, count))) => (bytes, count, None),
            Ok(Err(e)) => (
                Vec::new(),
                0,
                Some(format!("{}: cannot write: {e}", doc.id)),
            ),
            Err(payload) => {
                let why = payload
                    .downcast_ref::<&str>()
                    .copied()
                    .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
                    .unwrap_or("(no message)");
                let msg = format!("{}: the extractor panicked: {why}", doc.id);
                (Vec::new(), 0, Some(msg))
            }
        };
        Rendered {
            bytes,
            // A document read but not rendered still counts as read.
            docs: 1,
            text_bytes: doc.text.len() as u64,
            events: events as u64,
            error,
            unlinked,
        }
    }

    /// `--link`: joins a rendered document's events to the earlier
    /// documents' (in input order) and writes them.
    pub fn link(&self, linker: &mut EventLinker, rendered: &mut Rendered) {
        let Some(mut u) = rendered.unlinked.take() else {
            return;
        };
        linker.link(u.published, &mut u.events);
        if let Err(e) = self.write_events(&u.doc, &u.events, &mut rendered.bytes) {
            rendered.error = Some(format!("{}: cannot write: {e}", u.doc));
        }
    }

    fn write_events(&self, doc: &str, events: &[Event], out: &mut Vec<u8>) -> io::Result<usize> {
        match self.format {
            Format::Jsonl => {
                for event in events {
                    serde_json::to_writer(&mut *out, &event.json_line(doc))?;
                    out.push(b'\n');
                }
            }
            Format::Csv | Format::Tsv => {
                let mut writer = self.csv_writer(out);
                for event in events {
                    writer.write_record(row(doc, event).iter().map(|cell| cell.as_bytes()))?;
                }
                writer.flush()?;
            }
        }
        Ok(events.len())
    }

    fn csv_writer<'w>(&self, out: &'w mut Vec<u8>) -> csv::Writer<&'w mut Vec<u8>> {
        let delimiter = if self.format == Format::Tsv {
            b'\t'
        } else {
            b','
        };
        csv::WriterBuilder::new()
            .delimiter(delimiter)
            .from_writer(out)
    }

    /// What comes before the first document: the CSV or TSV header.
    pub fn header(&self) -> Vec<u8> {
        let mut out = Vec::new();
        if self.format != Format::Jsonl && !self.explain {
            let mut writer = self.csv_writer(&mut out);
            // Writing to a Vec cannot fail.
            let _ = writer
                .write_record(COLUMNS)
                .and_then(|()| Ok(writer.flush()?));
        }
        out
    }
}

/// One CSV row: the cells of [`COLUMNS`], in order.
fn row<'e>(doc: &'e str, event: &'e Event) -> Vec<Cow<'e, str>> {
    let mut cells = vec![Cow::Borrowed(""); COLUMNS.len()];
    let mut set = |column: &str, value: Cow<'e, str>| {
        if let Some(i) = COLUMNS.iter().position(|c| *c == column) {
            cells[i] = value;
        }
    };
    set("doc", doc.into());
    set("event", event.event.as_str().into());
    set("kind", event.kind.name().into());
    set("modality", event.modality.as_str().into());
    set("trigger", event.trigger.text.as_str().into());
    if let Some(date) = &event.date {
        set("date", date.text.as_str().into());
        if let Some(day) = date.value {
            set("date_value", day.to_string().into());
        }
    }
    let mut participants = Vec::new();
    for (role, mention) in event.roles() {
        match role {
            "participant" => participants.push(mention.text.as_str()),
            _ => set(role, mention.text.as_str().into()),
        }
    }
    set("participants", participants.join("; ").into());
    match &event.kind {
        EventKind::Attack(attack) => {
            set(
                "killed",
                attack
                    .killed
                    .map(|n| n.to_string())
                    .unwrap_or_default()
                    .into(),
            );
            set(
                "injured",
                attack
                    .injured
                    .map(|n| n.to_string())
                    .unwrap_or_default()
                    .into(),
            );
        }
        EventKind::Statement(statement) => set("quote", statement.quote.to_string().into()),
        _ => {}
    }
    let (sentence, trigger) = (event.sentence, event.trigger.span);
    set("sentence_start", sentence.start.to_string().into());
    set("sentence_end", sentence.end.to_string().into());
    set("trigger_start", trigger.start.to_string().into());
    set("trigger_end", trigger.end.to_string().into());
    set("rule", event.rule.id().into());
    cells
}

/// `--explain`: one JSON line per trigger candidate of the document.
fn explain(extractor: &Extractor, doc: &Document, out: &mut Vec<u8>) -> io::Result<usize> {
    let candidates = extractor.explain(doc);
    for c in &candidates {
        let why = match &c.decision {
            Decision::OtherSense { why, .. } => why.as_str(),
            _ => "",
        };
        let decision = match &c.decision {
            Decision::Event { .. } => "event",
            Decision::OtherSense { .. } => "other_sense",
            _ => "no_parties",
        };
        let line = serde_json::json!({
            "doc": doc.id(),
            "kind": c.kind,
            "trigger": {"text": c.trigger.text, "span": [c.trigger.span.start, c.trigger.span.end]},
            "sentence_span": [c.sentence.start, c.sentence.end],
            "decision": decision,
            "rule": c.decision.rule(),
            "why": why,
        });
        writeln!(out, "{line}")?;
    }
    Ok(candidates.len())
}

/// Writes rendered documents to stdout, errors to stderr, and keeps the
/// progress line current.
pub struct Output {
    writer: BufWriter<Stdout>,
    progress: ProgressBar,
    docs: u64,
    events: u64,
    pub failures: u64,
    /// Set once stdout fails; a broken pipe is a normal end, anything else is an error.
    broken: Option<io::ErrorKind>,
}

impl Output {
    /// `progress`: whether to draw a progress line on stderr.
    pub fn new(progress: bool) -> Output {
        let target = if progress {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        let bar = ProgressBar::with_draw_target(None, target);
        let template = "{spinner} {msg}, {bytes} of text, {bytes_per_sec} [{elapsed}]";
        let style = ProgressStyle::with_template(template)
            .unwrap_or_else(|_| ProgressStyle::default_spinner());
        bar.set_style(style);
        if progress {
            bar.enable_steady_tick(Duration::from_millis(200));
        }
        Output {
            writer: BufWriter::with_capacity(1 << 20, io::stdout()),
            progress: bar,
            docs: 0,
            events: 0,
            failures: 0,
            broken: None,
        }
    }

    /// Whether stdout still takes output.
    pub fn open(&self) -> bool {
        self.broken.is_none()
    }

    /// Writes bytes that belong to no document (a header).
    pub fn write_raw(&mut self, bytes: &[u8]) {
        if let Err(e) = self.writer.write_all(bytes) {
            self.fail(e);
        }
    }

    /// Writes a batch of documents' output in order, and reports their errors.
    pub fn write(&mut self, batch: Vec<Rendered>) {
        for rendered in batch {
            self.docs += rendered.docs;
            self.events += rendered.events;
            self.progress.inc(rendered.text_bytes);
            if let Some(msg) = rendered.error {
                self.error(&msg);
                self.failures += 1;
            }
            if self.broken.is_none() {
                self.write_raw(&rendered.bytes);
            }
        }
        let message = format!("{} docs, {} events", self.docs, self.events);
        self.progress.set_message(message);
    }

    /// One line on stderr, above the progress line.
    pub fn error(&self, msg: &str) {
        // Stderr may be closed too; there is nowhere left to report that.
        let _ = self
            .progress
            .suspend(|| writeln!(io::stderr(), "extract: {msg}"));
    }

    fn fail(&mut self, e: io::Error) {
        if self.broken.is_none() {
            if e.kind() != io::ErrorKind::BrokenPipe {
                self.error(&format!("stdout: {e}"));
            }
            self.broken = Some(e.kind());
        }
    }

    /// Flushes and leaves the last progress line on screen; true when
    /// writing failed for a reason other than a closed pipe.
    pub fn finish(&mut self) -> bool {
        if self.broken.is_none() {
            if let Err(e) = self.writer.flush() {
                self.fail(e);
            }
        }
        self.progress.finish();
        matches!(self.broken, Some(kind) if kind != io::ErrorKind::BrokenPipe)
    }
}
