//! Call rules: "a phone call between X and Y", "X's conversation with Y",
//! "made a call to X", "X phoned Y", "X and Y spoke by phone", and
//! back-references. Every participant is collected: the caller, the other
//! party, and parties joined to either by "and".

use super::{lower, party, Ctx, Draft, Filler, Roles, RuleId, TriggerMatch, PREPOSITIONS};
use crate::lexicon::{Frame, TriggerKind};
use crate::mention::Class;
use crate::tokens::TokenKind;
use crate::words::lists::call::{
    AFTER_CALL_OBJECT, BEFORE_CALL_VERB, CALL_ADJECTIVES, CONVERSE, HELD, NOT_CALL_PARTICLES,
    PAIR_WORDS, PHONE,
};

fn draft(
    c: &Ctx<'_, '_>,
    tr: &TriggerMatch,
    participants: Vec<Filler>,
    rule: RuleId,
    backref: bool,
) -> Draft {
    c.draft(tr, Roles::Call { participants }, rule, backref)
}

/// Tries the call rules on one trigger. `doc_has_call`: an earlier call in the
/// document, which makes "the conversation" a call.
pub(crate) fn rule(c: &Ctx<'_, '_>, tr: &TriggerMatch, doc_has_call: bool) -> Option<Draft> {
    match tr.frame {
        Frame::CallVerb => verb(c, tr),
        Frame::Medium => medium(c, tr),
        _ => noun(c, tr, doc_has_call),
    }
}

/// The object of a call verb used as a call ("X phoned Y", "Biden will
/// call Xi on Monday"): a party right after the verb, with a caller before
/// it and nothing after the object that makes the verb one of naming
/// ("called the plan a mistake", "called him a liar").
pub(crate) fn verb_object(c: &Ctx<'_, '_>, t: usize, e: usize) -> Option<usize> {
    // "was called", "so-called": naming.
    if t > c.range.start
        && c.is_any(
            t - 1,
            &["was", "were", "been", "being", "be", "is", "are", "so"],
        )
    {
        return None;
    }
    if c.is_in(e, &NOT_CALL_PARTICLES) {
        return None;
    }
    let naming = c.word(t).starts_with(['c', 'C']);
    if !caller_before(c, t, naming) {
        return None;
    }
    // "what they call the Alert Cache", "the man who calls himself X":
    // naming.
    let lo = t.saturating_sub(3).max(c.range.start);
    if naming
        && ((lo..t).any(|k| c.is_word(k, "what"))
            || c.is_any(e, &["himself", "herself", "itself", "themselves"]))
    {
        return None;
    }
    let mi = c.mention_after(e, 2, party)?;
    let m = &c.mentions()[mi];
    let callee = if naming {
        known_party(c, m)
    } else {
        party(m) && m.class != Class::Group
    };
    if !callee {
        return None;
    }
    let mut after = m.toks.end;
    // "the mayor of Dorvel", "King Abdullah of Jordan"
    if c.is_word(after, "of") {
        if let Some(p) = c.mention_after(after + 1, 2, |x| {
            super::placeish(x) || x.class == Class::Org
        }) {
            after = c.mentions()[p].toks.end;
        }
    }
    let ends = after >= c.range.end
        || matches!(
            c.word(after),
            "," | "." | ";" | ":" | "!" | "?" | "—" | "–" | ")"
        )
        || c.is_in(after, &AFTER_CALL_OBJECT)
        || c.kind(after) == Some(TokenKind::Num)
        || crate::mention::is_calendar(c.word(after));
    ends.then_some(mi)
}

/// True when the verb at `t` has its subject right before it (adverbs and
/// auxiliaries aside): "Macron also phoned", "who called". With `naming`
/// ("called" also names: "a firm called Baikal", "a song called X"), the
/// subject must be a known party and the clause's subject, not "a woman"
/// or the object of a preposition.
pub(crate) fn caller_before(c: &Ctx<'_, '_>, t: usize, naming: bool) -> bool {
    let mut b = t;
    while b > c.range.start && c.is_in(b - 1, &BEFORE_CALL_VERB) {
        b -= 1;
    }
    b > c.range.start
        && (c.mention_ending(b).is_some_and(|mi| {
            let m = &c.mentions()[mi];
            let prep = m.toks.start > c.range.start && c.is_in(m.toks.start - 1, &PREPOSITIONS);
            let subject = m.class == Class::Pronoun || c.subject_before(t) == Some(mi);
            party(m) && (!naming || (known_party(c, m) && !prep && subject))
        }) || c.is_any(b - 1, &["who", "i", "you"]))
}

/// A party that "called" can take as caller or callee: a named person,
/// organisation or country, a pronoun, or a definite description ("the
/// minister"); not "a woman".
fn known_party(c: &Ctx<'_, '_>, m: &crate::mention::EntityMention) -> bool {
    match m.class {
        Class::Person | Class::Org | Class::Country | Class::Pronoun | Class::Unknown => true,
        Class::Description | Class::Group => {
            m.toks.start > c.range.start
                && c.is_any(m.toks.start - 1, &["the", "his", "her", "their"])
                || c.is_any(m.toks.start, &["the"])
        }
        _ => false,
    }
}

/// "X phoned Y", "X and Y called Z", "Biden will call Xi".
fn verb(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> Option<Draft> {
    let t = tr.toks.start;
    let object = verb_object(c, t, tr.toks.end)?;
    let mut parts = subject_group(c, t);
    for mi in coordinated(c, object) {
        push(c, &mut parts, mi);
    }
    Some(draft(c, tr, parts, RuleId::CallVerb, false))
}

/// "X and Y spoke by phone", "X spoke with Y by phone", "X held talks by
/// video link with Y": a conversation verb or noun, and its channel.
fn medium(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> Option<Draft> {
    let t = tr.toks.start;
    // "a phone conversation by video link": the noun rule has it.
    if c.has_trigger(TriggerKind::Call, |x| {
        x.frame == Frame::Call && x.toks.end <= t && x.toks.end + 4 > t
    }) {
        return None;
    }
    let from = t.saturating_sub(6).max(c.range.start);
    let v = (from..t)
        .rev()
        .find(|&k| c.is_in(k, &CONVERSE) || addressee_of(c, k).is_some())?;
    let mut parts = subject_group(c, v);
    // "Putin told Erdogan by phone that ..."
    if let Some(mi) = addressee_of(c, v) {
        push(c, &mut parts, mi);
    }
    let end = c.clause_end(t);
    let with = |k| c.is_word(k, "with") || (c.is_word(k, "to") && k == v + 1);
    if let Some(w) = (v + 1..end).find(|&k| with(k)) {
        if let Some(mi) = c.mention_after(w + 1, 4, party) {
            for mi in coordinated(c, mi) {
                push(c, &mut parts, mi);
            }
        }
    }
    // "due to speak by video link" to a meeting: an address, not a call.
    if parts.len() < 2 {
        return None;
    }
    Some(draft(c, tr, parts, RuleId::CallMedium, false))
}

/// The subject of the clause before token `t` and the parties joined to it
/// by "and" ("Macron and Scholz spoke by phone").
fn subject_group(c: &Ctx<'_, '_>, t: usize) -> Vec<Filler> {
    let mut parts = Vec::new();
    if let Some(mi) = c.subject_before(t).filter(|&mi| party(&c.mentions()[mi])) {
        for mi in coordinated(c, mi) {
            if c.mentions()[mi].toks.end <= t {
                push(c, &mut parts, mi);
            }
        }
    }
    parts
}

/// Mention `mi` and the parties joined to it: "X and Y", "X, Y and Z".
fn coordinated(c: &Ctx<'_, '_>, mi: usize) -> Vec<usize> {
    let mut out = vec![mi];
    let mut j = c.mentions()[mi].toks.end;
    while out.len() < 6 && c.is_any(j, &["and", ","]) {
        let next = if c.is_word(j, ",") && c.is_word(j + 1, "and") {
            j + 2
        } else {
            j + 1
        };
        match c
            .mention_starting(next)
            .filter(|&n| party(&c.mentions()[n]))
        {
            Some(n) => {
                out.push(n);
                j = c.mentions()[n].toks.end;
            }
            None => break,
        }
    }
    out
}

/// Adds mention `mi` as a participant unless it is there already.
fn push(c: &Ctx<'_, '_>, parts: &mut Vec<Filler>, mi: usize) {
    let f = c.filler(mi);
    if !parts.contains(&f) {
        parts.push(f);
    }
}

/// "a phone call with Y", "the call between X and Y", "In a call with Y, X
/// thanked ...".
fn noun(c: &Ctx<'_, '_>, tr: &TriggerMatch, doc_has_call: bool) -> Option<Draft> {
    let t = tr.toks.start;
    let e = tr.toks.end;
    let phrase = c.lex.trigger_phrase(tr.phrase);
    let head = lower(c.word(e - 1));
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
        || (t > c.range.start + 1 && c.is_in(t - 2, &PHONE))
        // "a conversation by phone"
        || c.has_trigger(TriggerKind::Call, |x| {
            x.frame == Frame::Medium && x.toks.start >= e && x.toks.start < e + 4
        });
    if noun {
        // "calls for", "call on", "called for": requests, not conversations.
        let dated = e + 1 < c.range.end && crate::mention::is_calendar(c.word(e + 1));
        if c.is_word(e, "for")
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
        let made = (t.saturating_sub(4)..t).any(|k| c.is_in(k, &HELD))
            || phrase.starts_with("held ")
            || phrase.starts_with("had ");
        let conv = head.starts_with("conversation");
        // After a call, "X's conversation with Y" is that call.
        let possessive = t > c.range.start && c.doc.tokens[t - 1].kind == TokenKind::Poss;
        let made = made || (conv && (possessive || c.is_word(e, "with")));
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
    let mut rule = RuleId::CallNoun;
    while k < stop {
        if c.is_word(k, "between") {
            let mut j = k + 1;
            while j < c.range.end && parts.len() < 4 {
                match c.mention_after(j, 4, party) {
                    Some(mi) => {
                        parts.push(c.filler(mi));
                        j = c.mentions()[mi].toks.end;
                        if c.is_any(j, &["and", ","]) {
                            j += 1;
                            continue;
                        }
                        break;
                    }
                    None => break,
                }
            }
            rule = RuleId::CallBetween;
            break;
        }
        if c.is_any(k, &["with", "to", "from"]) {
            // A name after "from" is guessed to be a place of origin: a
            // call comes from a party, so an unknown "place" is one.
            let from = c.is_word(k, "from");
            let caller = |m: &crate::mention::EntityMention| {
                party(m) || (from && m.class == Class::Place && m.iso.is_none())
            };
            if let Some(mi) = c.mention_after(k + 1, 4, caller) {
                for mi in coordinated(c, mi) {
                    push(c, &mut parts, mi);
                }
                rule = RuleId::CallWith;
            }
            break;
        }
        if c.doc.tokens[k].kind == TokenKind::Punct && matches!(c.word(k), "," | "." | ";") {
            break;
        }
        k += 1;
    }
    // The caller: a possessive, or the subject of the clause.
    if rule != RuleId::CallBetween {
        let mut b = t;
        while b > c.range.start && (c.is_in(b - 1, &PHONE) || c.is_in(b - 1, &CALL_ADJECTIVES)) {
            b -= 1;
        }
        let callers = if b > c.range.start + 1 && c.doc.tokens[b - 1].kind == TokenKind::Poss {
            c.mention_ending(b - 1)
                .filter(|&mi| party(&c.mentions()[mi]))
                .map(|mi| coordinated_before(c, mi))
                .unwrap_or_default()
        } else if !(t > c.range.start && c.is_any(t - 1, &["the", "this", "that"]) && b == t) {
            subject_group(c, t)
        } else {
            Vec::new()
        };
        for (i, f) in callers.into_iter().enumerate() {
            if !parts.contains(&f) {
                parts.insert(i, f);
            }
        }
        // "Blinken told Wang Yi in a call that ...": the addressee.
        if let Some(mi) =
            (t.saturating_sub(8).max(c.range.start)..t).find_map(|k| addressee_of(c, k))
        {
            if c.mentions()[mi].toks.end <= t {
                push(c, &mut parts, mi);
            }
        }
        // "In a phone call on October 23, X thanked Y", "During a call with
        // Y, X urged ...": the subject of the main clause is the caller.
        let opening = (t.saturating_sub(3)..t)
            .find(|&k| c.is_any(k, &["in", "during"]))
            .is_some_and(|k| k == c.range.start || c.kind(k - 1) == Some(TokenKind::Quote));
        if opening && parts.len() == 1 && rule == RuleId::CallWith {
            let comma = (e..c.range.end).find(|&q| c.word(q) == ",");
            if let Some(a) = comma.and_then(|q| c.mention_after(q + 1, 3, party)) {
                push(c, &mut parts, a);
            }
        }
        if parts.is_empty()
            && (c.is_any(t.saturating_sub(2), &["in"]) || c.is_any(t.saturating_sub(3), &["in"]))
        {
            let comma = (e..c.range.end).find(|&q| c.word(q) == ",");
            if let Some(q) = comma {
                if let Some(a) = c.mention_after(q + 1, 3, party) {
                    parts.push(c.filler(a));
                    let v = c.mentions()[a].toks.end + 1;
                    if let Some(b2) = c.mention_after(v, 2, party) {
                        parts.push(c.filler(b2));
                    }
                    rule = RuleId::CallInACall;
                }
            }
        }
    }
    // "the call between the two leaders": the parties told before.
    if doc_has_call {
        parts.retain(|f| !matches!(f, Filler::EntityMention(_, mi) if pair_description(c, *mi)));
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
        if backref { RuleId::CallBackref } else { rule },
        backref,
    ))
}

/// "the two leaders", "both men": a plural description of parties told before.
fn pair_description(c: &Ctx<'_, '_>, mi: usize) -> bool {
    let m = &c.mentions()[mi];
    let last = m.toks.end - 1;
    (m.class == Class::Group || m.class == Class::Description) && c.is_in(last, &PAIR_WORDS)
}

/// Possessor mention `mi` with the parties joined before it ("Macron and
/// Scholz's call").
fn coordinated_before(c: &Ctx<'_, '_>, mi: usize) -> Vec<Filler> {
    let mut out = vec![c.filler(mi)];
    let mut s = c.mentions()[mi].toks.start;
    while out.len() < 6 && s > c.range.start && c.is_any(s - 1, &["and", ","]) {
        match c.mention_ending(s - 1).filter(|&n| party(&c.mentions()[n])) {
            Some(n) => {
                out.insert(0, c.filler(n));
                s = c.mentions()[n].toks.start;
            }
            None => break,
        }
    }
    out
}

/// The addressee right after a verb of telling at token `k` ("told Wang Yi",
/// "assured Scholz", "urged Netanyahu").
fn addressee_of(c: &Ctx<'_, '_>, k: usize) -> Option<usize> {
    // "told Wang Yi", "urged Netanyahu", "thanked Macron" (a verb whose
    // object is a person).
    let verb = c.has_trigger(TriggerKind::Statement, |x| {
        x.toks.start == k && matches!(x.frame, Frame::Tell | Frame::Urge | Frame::Object)
    });
    if !verb {
        return None;
    }
    let object = c.has_trigger(TriggerKind::Statement, |x| {
        x.toks.start == k && x.frame == Frame::Object
    });
    let end = c.trigs.iter().find(|x| x.toks.start == k)?.toks.end;
    c.mention_after(end, 3, |m| {
        party(m)
            && m.class != Class::Group
            && (!object || matches!(m.class, Class::Person | Class::Unknown | Class::Country))
    })
}
