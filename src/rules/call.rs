//! Call rules: "a phone call between X and Y", "X's conversation with Y",
//! "X spoke by phone with Y", "made a call to X", and back-references.

use super::{lower, party, Ctx, Draft, Filler, Roles, Trig, Words};
use crate::lexicon::TriggerKind;
use crate::tokens::Tk;

/// Words that make "call"/"conversation" a phone call.
const PHONE: Words = Words::new(&[
    "phone",
    "telephone",
    "video",
    "late-night",
    "telephonic",
    "virtual",
]);

/// Words before a call noun that make it a held call ("made a call", "during the call").
const HELD: Words = Words::new(&[
    "made", "held", "had", "make", "hold", "placed", "during", "in", "the", "a", "after",
]);

/// Adjectives between a caller and the call noun ("his brief phone call").
const CALL_ADJECTIVES: Words = Words::new(&[
    "decisive",
    "brief",
    "lengthy",
    "long",
    "short",
    "late-night",
    "first",
    "second",
    "recent",
    "surprise",
]);

fn draft(
    c: &Ctx<'_, '_>,
    tr: &Trig,
    participants: Vec<Filler>,
    rule: &'static str,
    backref: bool,
) -> Draft {
    c.draft(tr, Roles::Call { participants }, rule, backref)
}

/// Tries the call rules on one trigger. `doc_has_call`: an earlier call in the
/// document, which makes "the conversation" a call.
pub(crate) fn rule(c: &Ctx<'_, '_>, tr: &Trig, doc_has_call: bool) -> Option<Draft> {
    let t = tr.toks.start;
    let e = tr.toks.end;
    let phrase = c.lex.trigger_phrase(tr.phrase);
    let head = lower(c.w(e - 1));
    let noun = matches!(
        head.as_ref(),
        "call"
            | "calls"
            | "conversation"
            | "conversations"
            | "talks"
            | "conference"
            | "videoconference"
    );
    let phoney = phrase.contains("phone")
        || phrase.contains("video")
        || (t > c.range.start && c.is_in(t - 1, &PHONE))
        || (t > c.range.start + 1 && c.is_in(t - 2, &PHONE));
    if noun {
        // "calls for", "call on", "called for": requests, not conversations.
        let dated = e + 1 < c.range.end && crate::mention::is_calendar(c.w(e + 1));
        if c.is(e, "for")
            || (c.is_any(e, &["on", "upon"]) && !dated)
            || (head == "calls" && !phoney)
        {
            return None;
        }
        if c.has_trigger(TriggerKind::Statement, |x| {
            x.toks.start <= t && x.toks.end >= e
        }) {
            return None;
        }
        // A verb use ("to call", "will call") is not a conversation.
        if t > c.range.start && c.is_any(t - 1, &["to", "will", "would", "they", "we", "i", "you"])
        {
            return None;
        }
        let made = (t.saturating_sub(4)..t).any(|k| c.is_in(k, &HELD));
        let conv = head.starts_with("conversation");
        // After a call, "X's conversation with Y" is that call.
        let possessive = t > c.range.start && c.a.tokens[t - 1].kind == Tk::Poss;
        let made = made || (conv && (possessive || c.is(e, "with")));
        if !phoney && !(made && (doc_has_call || !conv)) {
            return None;
        }
        if !phoney && conv && !doc_has_call {
            return None;
        }
    }
    let mut parts: Vec<Filler> = Vec::new();
    // "between X and Y"
    let mut k = e;
    let stop = (e + 12).min(c.range.end);
    let mut rule = "call.noun";
    while k < stop {
        if c.is(k, "between") {
            let mut j = k + 1;
            while j < c.range.end && parts.len() < 4 {
                match c.ment_after(j, 4, party) {
                    Some(mi) => {
                        parts.push(c.filler(mi));
                        j = c.ments()[mi].toks.end;
                        if c.is_any(j, &["and", ","]) {
                            j += 1;
                            continue;
                        }
                        break;
                    }
                    None => break,
                }
            }
            rule = "call.between";
            break;
        }
        if c.is_any(k, &["with", "to"]) {
            if let Some(mi) = c.ment_after(k + 1, 4, party) {
                parts.push(c.filler(mi));
                rule = "call.with";
            }
            break;
        }
        if c.a.tokens[k].kind == Tk::Punct && matches!(c.w(k), "," | "." | ";") {
            break;
        }
        k += 1;
    }
    // The caller: a possessive, or the subject of the clause.
    if rule != "call.between" {
        let mut b = t;
        while b > c.range.start && (c.is_in(b - 1, &PHONE) || c.is_in(b - 1, &CALL_ADJECTIVES)) {
            b -= 1;
        }
        let caller = if b > c.range.start + 1 && c.a.tokens[b - 1].kind == Tk::Poss {
            c.ment_ending(b - 1)
        } else if !(t > c.range.start && c.is_any(t - 1, &["the", "this", "that"]) && b == t) {
            c.subject_before(t)
        } else {
            None
        };
        if let Some(mi) = caller.filter(|&mi| party(&c.ments()[mi])) {
            parts.insert(0, c.filler(mi));
        }
        // "In a phone call on October 23, X thanked Y"
        if parts.is_empty()
            && (c.is_any(t.saturating_sub(2), &["in"]) || c.is_any(t.saturating_sub(3), &["in"]))
        {
            let comma = (e..c.range.end).find(|&q| c.w(q) == ",");
            if let Some(q) = comma {
                if let Some(a) = c.ment_after(q + 1, 3, party) {
                    parts.push(c.filler(a));
                    let v = c.ments()[a].toks.end + 1;
                    if let Some(b2) = c.ment_after(v, 2, party) {
                        parts.push(c.filler(b2));
                    }
                    rule = "call.in_a_call";
                }
            }
        }
    }
    let backref = parts.is_empty();
    if backref
        && !(t > c.range.start && c.is_any(t - 1, &["the", "this", "that", "their", "his", "her"]))
        && !phoney
    {
        return None;
    }
    Some(draft(
        c,
        tr,
        parts,
        if backref { "call.backref" } else { rule },
        backref,
    ))
}
