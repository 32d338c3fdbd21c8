//! Back-references between events: "the attack", "this visit", "the
//! call" told after the event they refer to take its parties.

use crate::event::{Attack, Call, Event, EventKind, Mention};
use crate::link::{last_word, name};
use crate::words::lists::attack::DEMONSTRATIVES;

/// A back-reference ("the attack", "this visit") takes the parties of the
/// last event of its kind; `determiner` is the word before its trigger.
/// Returns the index of the event it refers to.
pub(crate) fn inherit(
    kind: &mut EventKind,
    trigger: &str,
    determiner: &str,
    earlier: &[Event],
) -> Option<usize> {
    if let EventKind::Attack(a) = kind {
        return inherit_attack(a, trigger, DEMONSTRATIVES.contains(determiner), earlier);
    }
    let at = earlier.iter().rposition(|e| e.kind.name() == kind.name())?;
    let prev = &earlier[at];
    match (kind, &prev.kind) {
        (EventKind::Visit(v), EventKind::Visit(p)) => {
            v.visitor = v.visitor.take().or_else(|| p.visitor.clone());
            v.destination = v.destination.take().or_else(|| p.destination.clone());
        }
        (EventKind::Call(c), EventKind::Call(p)) if c.participants.is_empty() => {
            c.participants = p.participants.clone();
        }
        _ => {}
    }
    Some(at)
}

/// An attack back-reference takes the parties of the last attack that had
/// any. When it names one party itself ("the attack on the embassy"), it
/// takes the other only from an attack with that same party: another
/// attacker or target makes it another attack.
fn inherit_attack(
    a: &mut Attack,
    trigger: &str,
    demonstrative: bool,
    earlier: &[Event],
) -> Option<usize> {
    // "the strike" refers back to a strike sooner than to another attack
    // told in between ("the rocket attack" on another town); "that attack"
    // points at the attack just told, whatever its word.
    let word = if demonstrative {
        ""
    } else {
        attack_stem(trigger)
    };
    let mut with_parties = (earlier.iter().enumerate().rev()).filter_map(|(i, e)| match &e.kind {
        EventKind::Attack(p) if p.attacker.is_some() || p.target.is_some() => Some((i, e, p)),
        _ => None,
    });
    let same_word = (with_parties.clone())
        .find(|(_, e, _)| attack_stem(&e.trigger.text).eq_ignore_ascii_case(word));
    let (at, _, p) = same_word.or_else(|| with_parties.next())?;
    let same = |x: &Option<Mention>, y: &Option<Mention>| match (x, y) {
        (Some(x), Some(y)) => same_party(x, y),
        _ => false,
    };
    match (a.attacker.is_some(), a.target.is_some()) {
        (false, false) => {
            a.attacker = p.attacker.clone();
            a.target = p.target.clone();
        }
        (true, false) if same(&a.attacker, &p.attacker) => a.target = p.target.clone(),
        (false, true) if same(&a.target, &p.target) => a.attacker = p.attacker.clone(),
        // "also injured in that attack": it still points at the attack.
        _ if demonstrative => {}
        _ => return None,
    }
    Some(at)
}

/// The stem of the last word of an attack phrase, for matching a
/// back-reference to what it names: "airstrikes", "struck" and "strike"
/// share "strik"; "bombed" and "bombings" share "bomb". No allocation:
/// compared case-insensitively.
pub(crate) fn attack_stem(phrase: &str) -> &str {
    let w = last_word(phrase);
    if w.eq_ignore_ascii_case("struck") {
        return "strik";
    }
    let w = match w.get(..3) {
        Some(p) if p.eq_ignore_ascii_case("air") => &w[3..],
        _ => w,
    };
    word_stem(w)
}

/// A word without its ending: "urges" and "urged" share "urg", "bombings"
/// and "bombed" share "bomb". Compared case-insensitively.
pub(crate) fn word_stem(w: &str) -> &str {
    ["ings", "ing", "ed", "es", "s", "e"]
        .iter()
        .find_map(|x| {
            let cut = w.len().checked_sub(x.len())?;
            let tail = w.get(cut..)?;
            (cut > 2 && tail.eq_ignore_ascii_case(x)).then(|| &w[..cut])
        })
        .unwrap_or(w)
}

/// A call with one known participant ("the president, on the call, said
/// ...") takes the other parties of the last earlier call that had that
/// participant.
pub(crate) fn join_earlier_call(call: &mut Call, earlier: &[Event]) {
    let [one] = call.participants.as_slice() else {
        return;
    };
    let one = one.clone();
    let prev = earlier.iter().rev().find_map(|e| match &e.kind {
        EventKind::Call(p) if p.participants.iter().any(|x| same_party(x, &one)) => Some(p),
        _ => None,
    });
    if let Some(p) = prev {
        let others = p.participants.iter().filter(|x| !same_party(x, &one));
        call.participants.extend(others.cloned());
    }
}

/// True when two mentions name the same party: the same canonical name, or
/// the same text.
pub(crate) fn same_party(a: &Mention, b: &Mention) -> bool {
    name(a).eq_ignore_ascii_case(name(b))
}

#[cfg(test)]
mod tests {
    use super::attack_stem;

    #[test]
    fn attack_words_share_their_stems() {
        for (a, b) in [
            ("airstrikes", "strike"),
            ("struck", "strikes"),
            ("bombed", "bombings"),
        ] {
            assert!(
                attack_stem(a).eq_ignore_ascii_case(attack_stem(b)),
                "{a} ~ {b}"
            );
        }
        assert_ne!(attack_stem("attack"), attack_stem("strike"));
        assert_eq!(attack_stem("Attacks"), "Attack");
        assert_eq!(attack_stem("é"), "é");
    }
}
