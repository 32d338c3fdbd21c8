//! Every public type is `Send + Sync`, so extractors, documents and results
//! can be shared across and moved between threads.

use newsevents::{
    Attack, Call, Document, Error, Event, EventDate, EventKind, Extractor, ExtractorBuilder,
    LexiconEntry, Mention, Modality, Sector, Span, Statement, Visit,
};

fn assert_send_sync<T: Send + Sync>() {}

#[test]
fn public_types_are_send_and_sync() {
    assert_send_sync::<Extractor>();
    assert_send_sync::<ExtractorBuilder>();
    assert_send_sync::<Document<'static>>();
    assert_send_sync::<Span>();
    assert_send_sync::<Error>();
    assert_send_sync::<Event>();
    assert_send_sync::<EventKind>();
    assert_send_sync::<EventDate>();
    assert_send_sync::<Mention>();
    assert_send_sync::<Modality>();
    assert_send_sync::<Sector>();
    assert_send_sync::<Attack>();
    assert_send_sync::<Call>();
    assert_send_sync::<Visit>();
    assert_send_sync::<Statement>();
    assert_send_sync::<LexiconEntry>();
}

/// Errors can be boxed as `dyn Error + Send + Sync` (what `?` into
/// `anyhow`-style errors needs).
#[test]
fn error_boxes_as_send_sync() {
    let e: Box<dyn std::error::Error + Send + Sync> =
        Box::new(newsevents::parse_date("not a date").unwrap_err());
    assert!(e.to_string().contains("not a date"));
}

/// One extractor shared by several threads gives the same events as one thread.
#[test]
fn extractor_shared_across_threads() {
    let ex = Extractor::new();
    let text = "U.S. Secretary of State Antony Blinken made a surprise visit Sunday to Baghdad.";
    let want = ex.extract(&Document::new("t", text));
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|_| s.spawn(|| ex.extract(&Document::new("t", text))))
            .collect();
        for h in handles {
            assert_eq!(h.join().expect("thread"), want);
        }
    });
}
