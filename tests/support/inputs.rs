//! Pathological inputs shared by the property tests and the benches
//! (`#[path]`-included by both, which are separate build targets).

/// A line of `bytes` bytes of words, without any punctuation.
pub fn long_line(bytes: usize) -> String {
    const WORDS: &[&str] = &[
        "the",
        "minister",
        "spoke",
        "about",
        "a",
        "long",
        "road",
        "ahead",
        "with",
        "Blinken",
        "Baghdad",
        "troops",
        "and",
        "said",
        "militants",
        "attacked",
        "convoy",
        "near",
        "border",
        "visited",
        "officials",
        "in",
        "Iraq",
        "call",
    ];
    let mut s = String::with_capacity(bytes + 16);
    let mut k = 0usize;
    while s.len() < bytes {
        s.push_str(WORDS[k % WORDS.len()]);
        s.push(' ');
        k = (k * 7 + 3) % 1_000_003;
    }
    s
}
