//! Throughput of extraction, of its stages (each kind's rules apart), of a bare trigger scan for
//! reference, of building an extractor, and on pathological inputs.
//!
//! ```text
//! cargo bench --bench extract -- --warm-up-time 1 --measurement-time 3
//! ```
//!
//! Texts: the five seed articles; a ~1 MB corpus of documents made from them
//! with variations (paragraphs rotated and swapped between articles, weekdays
//! and numbers changed), so that no two documents are the same; and
//! pathological inputs at two sizes, 10x apart (`pathological/<name>/1x` and
//! `/10x`): the time ratio should be ~10 where extraction is linear. Those
//! include single large documents, for the work done across a document.
use aho_corasick::{AhoCorasickBuilder, MatchKind};
use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use newsevents::{bench_api, Document, Extractor};
use std::hint::black_box;

#[path = "../tests/support/inputs.rs"]
mod inputs;
use inputs::long_line;

const SEEDS: [&str; 5] = [
    include_str!("../seeds/000_01979a1f59a2f3af.txt"),
    include_str!("../seeds/001_d0d4a466183dab0d.txt"),
    include_str!("../seeds/002_8d3be9fa8faa1af8.txt"),
    include_str!("../seeds/003_943a63ac34a05cac.txt"),
    include_str!("../seeds/004_5cd8b94b278747df.txt"),
];

/// Size of the generated corpus.
const CORPUS_BYTES: usize = 1_000_000;

/// Trigger words for the reference scan: the common attack, call, visit and
/// statement words.
const TRIGGER_WORDS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "stated",
    "announced",
    "warned",
    "according to",
    "statement",
    "attack",
    "attacks",
    "attacked",
    "attacking",
    "strike",
    "strikes",
    "struck",
    "airstrike",
    "airstrikes",
    "bombing",
    "bombed",
    "shelling",
    "shelled",
    "killed",
    "killing",
    "raid",
    "raided",
    "fired",
    "visit",
    "visits",
    "visited",
    "visiting",
    "trip",
    "arrived",
    "travelled",
    "traveled",
    "call",
    "calls",
    "called",
    "phone",
    "phoned",
    "spoke",
];

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// A tiny deterministic generator (xorshift), so the corpus is the same on
/// every run without a dependency.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

fn paragraphs(text: &str) -> Vec<&str> {
    text.lines().filter(|l| !l.trim().is_empty()).collect()
}

/// Documents of about `CORPUS_BYTES` in all, each a seed article with its
/// paragraphs rotated, one paragraph taken from another article, weekdays
/// shifted and digits changed.
fn corpus() -> Vec<(String, NaiveDate)> {
    let seeds: Vec<Vec<&str>> = SEEDS.iter().map(|s| paragraphs(s)).collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut docs = Vec::new();
    let mut total = 0;
    let base = NaiveDate::from_ymd_opt(2023, 1, 1).expect("valid date");
    let mut i = 0usize;
    while total < CORPUS_BYTES {
        let own = &seeds[i % seeds.len()];
        let other = &seeds[(i + 1 + rng.below(seeds.len() - 1)) % seeds.len()];
        let mut paras: Vec<&str> = own.clone();
        let rot = rng.below(paras.len());
        paras.rotate_left(rot);
        let swap = rng.below(paras.len());
        paras[swap] = other[rng.below(other.len())];
        let mut text = paras.join("\n");
        let shift = rng.below(7);
        if shift > 0 {
            // Shift weekdays through a placeholder so that each is moved once.
            for (k, d) in WEEKDAYS.iter().enumerate() {
                text = text.replace(d, &format!("\u{1}{k}\u{1}"));
            }
            for k in 0..WEEKDAYS.len() {
                text = text.replace(
                    &format!("\u{1}{k}\u{1}"),
                    WEEKDAYS[(k + shift) % WEEKDAYS.len()],
                );
            }
        }
        let digit = char::from(b'1' + rng.below(9) as u8);
        let text: String = text
            .chars()
            .enumerate()
            .map(|(k, c)| if c == '2' && k % 3 == 0 { digit } else { c })
            .collect();
        total += text.len();
        let date = base + chrono::Days::new(rng.below(365) as u64);
        docs.push((text, date));
        i += 1;
    }
    docs
}

fn bytes(docs: &[(String, NaiveDate)]) -> u64 {
    docs.iter().map(|(t, _)| t.len() as u64).sum()
}

fn extract_all(ex: &Extractor, docs: &[(String, NaiveDate)]) -> usize {
    docs.iter()
        .map(|(t, d)| ex.extract(&Document::new("bench", t).published(*d)).len())
        .sum()
}

/// A stage entry point of `bench_api`: text in, a count out.
type Stage = fn(&str) -> usize;

fn bench_extract(c: &mut Criterion) {
    let ex = Extractor::new();
    let published = NaiveDate::from_ymd_opt(2023, 11, 1).expect("valid date");
    let seeds: Vec<(String, NaiveDate)> =
        SEEDS.iter().map(|s| (s.to_string(), published)).collect();
    let corpus = corpus();

    let mut g = c.benchmark_group("extract");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes(&seeds)));
    g.bench_function("seeds", |b| b.iter(|| extract_all(&ex, black_box(&seeds))));
    g.throughput(Throughput::Bytes(bytes(&corpus)));
    g.bench_function("corpus_1mb", |b| {
        b.iter(|| extract_all(&ex, black_box(&corpus)))
    });
    g.finish();

    let mut g = c.benchmark_group("stage");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes(&corpus)));
    let stages: [(&str, Stage); 4] = [
        ("segment", bench_api::segment),
        ("mentions", bench_api::analyse),
        // Segmentation and tokens included: names and triggers are looked
        // up in the tokens.
        ("lexicon", bench_api::lexicon),
        ("dates", bench_api::dates),
    ];
    for (name, f) in stages {
        g.bench_function(name, |b| {
            b.iter(|| corpus.iter().map(|(t, _)| f(black_box(t))).sum::<usize>())
        });
    }
    // Each kind's rules (with modality) over documents analysed beforehand.
    let analysed: Vec<bench_api::Analysed<'_>> =
        corpus.iter().map(|(t, _)| bench_api::analysed(t)).collect();
    for kind in ["attack", "call", "visit", "statement"] {
        g.bench_function(format!("rules_{kind}"), |b| {
            b.iter(|| {
                analysed
                    .iter()
                    .map(|a| a.rules(black_box(kind)))
                    .sum::<usize>()
            })
        });
    }
    g.finish();

    let ac = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(TRIGGER_WORDS)
        .expect("trigger automaton");
    let mut g = c.benchmark_group("reference");
    g.sample_size(20);
    g.throughput(Throughput::Bytes(bytes(&corpus)));
    g.bench_function("aho_corasick_trigger_scan", |b| {
        b.iter(|| {
            corpus
                .iter()
                .map(|(t, _)| ac.find_iter(black_box(t.as_str())).count())
                .sum::<usize>()
        })
    });
    g.finish();

    let mut g = c.benchmark_group("startup");
    g.sample_size(20);
    // `Extractor::new()` is cached in a static: the builder compiles afresh.
    g.bench_function("extractor_builder", |b| {
        b.iter(|| {
            Extractor::builder()
                .build()
                .expect("default lexicon builds")
        })
    });
    g.finish();
}

/// `unit` repeated, one per paragraph, to at least `n` bytes.
fn repeat_to(unit: &str, n: usize) -> String {
    let mut s = String::with_capacity(n + unit.len());
    while s.len() < n {
        s.push_str(unit);
        s.push_str("\n\n");
    }
    s
}

/// Emoji, skin-tone modifiers, combining marks, right-to-left text and
/// zero-width joiners, `n` times.
fn emoji(n: usize) -> String {
    "🚀 e\u{301} a\u{308}\u{323} مرحبا 👍🏽 👩\u{200d}🔬 שלום\u{200f} ".repeat(n)
}

/// `n` titled people, each followed by a description that names no
/// title of theirs ("the army spokesman"), so every look-up fails.
fn titled(n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        // A distinct surname per sentence: "Bacad", "Bacae", ...
        let surname: String = [i / 676, i / 26 % 26, i % 26]
            .iter()
            .map(|&k| char::from(b'a' + k as u8 % 26))
            .collect();
        s.push_str(&format!(
            "Prime Minister John Ba{surname} said the talks failed. \
             The army spokesman said troops attacked the town.\n"
        ));
    }
    s
}

fn bench_pathological(c: &mut Criterion) {
    let ex = Extractor::new();
    let cases: Vec<(&str, String, String)> = vec![
        (
            "attack_words",
            "attack ".repeat(10_000),
            "attack ".repeat(100_000),
        ),
        ("long_line", long_line(100_000), long_line(1_000_000)),
        ("quotes", "“\"".repeat(10_000), "“\"".repeat(100_000)),
        ("emoji_combining", emoji(1_000), emoji(10_000)),
        // Document-wide work (quotes, the register of names, earlier events)
        // must not grow with the square of the document.
        (
            "quoted_statements",
            "“We will stay,” he said.\n".repeat(4_000),
            "“We will stay,” he said.\n".repeat(40_000),
        ),
        ("titled_people", titled(1_000), titled(10_000)),
        // Sentences cut at the length cap, each full of statements whose
        // speaker is a pronoun: each looks for its antecedent in the
        // mentions of five such sentences.
        (
            "pronoun_statements",
            "He said ".repeat(2_000),
            "He said ".repeat(20_000),
        ),
        (
            "seeds_one_document",
            repeat_to(&SEEDS.join("\n\n"), 100_000),
            repeat_to(&SEEDS.join("\n\n"), 1_000_000),
        ),
    ];
    let mut g = c.benchmark_group("pathological");
    g.sample_size(10);
    for (name, small, large) in &cases {
        for (size, text) in [("1x", small), ("10x", large)] {
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(BenchmarkId::new(*name, size), text, |b, t| {
                b.iter(|| ex.extract(&Document::new("p", black_box(t))).len())
            });
        }
    }
    g.finish();
}

criterion_group!(benches, bench_extract, bench_pathological);
criterion_main!(benches);
