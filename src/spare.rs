//! Spare lists kept per thread between documents.
//!
//! Each document needs a few dozen working lists (tokens, sentences, hits,
//! date candidates, ...). Allocating them afresh for every document and
//! sentence costs more time than their instruction count suggests: most
//! requests miss the allocator's per-thread cache. A thread keeps one spare
//! list per use here, empty but with its capacity, and hands it out again.

use std::cell::Cell;
use std::thread::LocalKey;

/// A spare list is kept only up to this many bytes of capacity, so that
/// one huge document does not pin its memory for the thread's lifetime:
/// a thread keeps a few megabytes at most, over two dozen lists.
const KEEP_BYTES: usize = 256 << 10;

/// The spare list of `slot`, empty: a new one if the slot is empty (as
/// when a call nests inside another that holds it) or gone (in a thread's
/// own destructors).
pub(crate) fn take<T: 'static>(slot: &'static LocalKey<Cell<Vec<T>>>) -> Vec<T> {
    let mut v = slot.try_with(Cell::take).unwrap_or_default();
    v.clear();
    v
}

/// Gives `v` back to `slot` as its spare, emptied, unless it is too large
/// to keep or the slot is gone.
pub(crate) fn give<T: 'static>(slot: &'static LocalKey<Cell<Vec<T>>>, mut v: Vec<T>) {
    if v.capacity().saturating_mul(std::mem::size_of::<T>()) <= KEEP_BYTES {
        v.clear();
        // A slot that is gone drops the list.
        let _ = slot.try_with(move |c| c.set(v));
    }
}

/// Runs `f` with the spare list of `slot`, and gives it back after.
pub(crate) fn with<T: 'static, R>(
    slot: &'static LocalKey<Cell<Vec<T>>>,
    f: impl FnOnce(&mut Vec<T>) -> R,
) -> R {
    let mut v = take(slot);
    let r = f(&mut v);
    give(slot, v);
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        static SLOT: Cell<Vec<u64>> = const { Cell::new(Vec::new()) };
    }

    #[test]
    fn a_list_comes_back_empty_with_its_capacity() {
        with(&SLOT, |v| v.extend(0..100));
        let v = take(&SLOT);
        assert!(v.is_empty());
        assert!(v.capacity() >= 100);
        give(&SLOT, v);
    }

    #[test]
    fn a_nested_use_gets_its_own_list() {
        with(&SLOT, |outer| {
            outer.push(1);
            with(&SLOT, |inner| {
                assert!(inner.is_empty());
                inner.push(2);
            });
            assert_eq!(outer, &[1]);
        });
    }

    #[test]
    fn a_huge_list_is_not_kept() {
        let mut v = take(&SLOT);
        v.reserve(KEEP_BYTES / 8 + 1);
        give(&SLOT, v);
        assert!(take(&SLOT).capacity() * 8 <= KEEP_BYTES);
    }
}
