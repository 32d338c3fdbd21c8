//! Benchmarks (filled in by the performance work).
use criterion::{criterion_group, criterion_main, Criterion};

fn bench(c: &mut Criterion) {
    let ex = newsevents::Extractor::new();
    c.bench_function("build", |b| b.iter(newsevents::Extractor::new));
    let _ = ex;
}

criterion_group!(benches, bench);
criterion_main!(benches);
