//! Call rules: "a phone call between X and Y", "X's conversation with Y",
//! "made a call to X", "X phoned Y", "X and Y spoke by phone", and
//! back-references. Every participant is collected: the caller, the other
//! party, and parties joined to either by "and".

use super::{lower, party, Ctx, Draft, Filler, Roles, RuleId, TriggerMatch, PREPOSITIONS};
use crate::event::EventType;
use crate::lexicon::Frame;
use crate::mention::{Class, EntityMention};
use crate::tokens::TokenKind;
use crate::words::lists::call::*;
use crate::words::lists::rules::{BACKREF_DETERMINERS, COORDINATORS, REFLEXIVES};

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
    if c.follows(t, &NAMING_BEFORE_CALLED) || c.is_in(e, &NOT_CALL_PARTICLES) {
        return None;
    }
    let naming = c.word(t).starts_with(['c', 'C']);
    if !caller_before(c, t, naming) {
        return None;
    }
    // "what they call the Alert Cache", "the man who calls himself X":
    // naming.
    if naming && (c.before(t, 3).any(|k| c.is_word(k, "what")) || c.is_in(e, &REFLEXIVES)) {
        return None;
    }
    let mi = c.mention_after(e, 2, party)?;
    let m = &c.mentions()[mi];
    let callee = (naming && known_party(c, m)) || (!naming && m.class != Class::Group);
    // "the mayor of Dorvel", "Queen Rania of Orlandia"
    let of = |x: &EntityMention| super::placeish(x) || x.class == Class::Org;
    let of = c.mention_after_word(m.toks.end, "of", 2, of);
    let after = of.map_or(m.toks.end, |p| c.mentions()[p].toks.end);
    let w = c.word(after);
    let punct = matches!(w, "," | "." | ";" | ":" | "!" | "?" | "—" | "–" | ")");
    let ends = after >= c.range.end
        || punct
        || c.is_in(after, &AFTER_CALL_OBJECT)
        || c.kind(after) == Some(TokenKind::Num)
        || crate::mention::is_calendar(w);
    (callee && ends).then_some(mi)
}

/// True when the verb at `t` has its subject right before it (adverbs and
/// auxiliaries aside): "Macron also phoned", "who called". With `naming`
/// ("called" also names: "a firm called Baikal", "a song called X"), the
/// subject must be a known party and the clause's subject, not "a woman"
/// or the object of a preposition.
pub(crate) fn caller_before(c: &Ctx<'_, '_>, t: usize, naming: bool) -> bool {
    let b = c.back_over(t, &BEFORE_CALL_VERB);
    // "The minister, Ivo Rask, called": the name in apposition to the
    // subject ends before the comma.
    let head = appositive_head(c, b);
    let b = head.map_or(b, |_| b - 1);
    b > c.range.start
        && (c.mention_ending(b).is_some_and(|mi| {
            let m = &c.mentions()[mi];
            let prep = c.follows(m.toks.start, &PREPOSITIONS);
            let subject = m.class == Class::Pronoun
                || c.subject_before(t)
                    .is_some_and(|s| s == mi || head == Some(s));
            party(m) && (!naming || (known_party(c, m) && !prep && subject))
        }) || c.is_in(b - 1, &SUBJECTS_NOT_MENTIONED))
}

/// The mention that a name set off by commas and ending before the comma
/// at `b - 1` stands in apposition to ("the minister, Ivo Rask,").
fn appositive_head(c: &Ctx<'_, '_>, b: usize) -> Option<usize> {
    let comma = (b > c.range.start + 1 && c.is_word(b - 1, ",")).then(|| b - 1)?;
    let name = c.mention_ending(comma)?;
    let head = name.checked_sub(1)?;
    let ms = c.mentions();
    crate::resolve::apposed(c.doc, &ms[head], &ms[name]).then_some(head)
}

/// A party that "called" can take as caller or callee: a named person,
/// organisation or country, a pronoun, or a definite description ("the
/// minister"); not "a woman".
fn known_party(c: &Ctx<'_, '_>, m: &EntityMention) -> bool {
    match m.class {
        Class::Person | Class::Org | Class::Country | Class::Pronoun | Class::Unknown => true,
        Class::Description | Class::Group => {
            c.follows(m.toks.start, &DEFINITE_PARTY) || c.is_word(m.toks.start, "the")
        }
        _ => false,
    }
}

/// "X phoned Y", "X and Y called Z", "Biden will call Xi".
fn verb(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> Option<Draft> {
    let t = tr.toks.start;
    let object = verb_object(c, t, tr.toks.end)?;
    let mut participants = subject_group(c, t);
    add(c, &mut participants, c.conjuncts(object, true, party));
    Some(c.draft(tr, Roles::Call { participants }, RuleId::CallVerb, false))
}

/// "X and Y spoke by phone", "X spoke with Y by phone", "X held talks by
/// video link with Y": a conversation verb or noun, and its channel.
fn medium(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> Option<Draft> {
    let t = tr.toks.start;
    // "a phone conversation by video link": the noun rule has it.
    if c.has_trigger(EventType::Call, |x| {
        x.frame == Frame::Call && x.toks.end <= t && x.toks.end + 4 > t
    }) {
        return None;
    }
    let v =
        (c.before(t, 6).rev()).find(|&k| c.is_in(k, &CONVERSE) || addressee_of(c, k).is_some())?;
    let mut participants = subject_group(c, v);
    // "Putin told Erdogan by phone that ..."
    add(c, &mut participants, addressee_of(c, v));
    let with = |k| c.is_word(k, "with") || (c.is_word(k, "to") && k == v + 1);
    let w = (v + 1..c.clause_end(t)).find(|&k| with(k));
    if let Some(mi) = w.and_then(|w| c.mention_after(w + 1, 4, party)) {
        add(c, &mut participants, c.conjuncts(mi, true, party));
    }
    // Speaking by video link to a meeting: an address, not a call.
    if participants.len() < 2 {
        return None;
    }
    Some(c.draft(tr, Roles::Call { participants }, RuleId::CallMedium, false))
}

/// The subject of the clause before token `t` and the parties joined to it
/// by "and" ("Macron and Scholz spoke by phone").
fn subject_group(c: &Ctx<'_, '_>, t: usize) -> Vec<Filler> {
    let subject = c.subject_before(t).filter(c.mention_is(party));
    let group = subject.map_or(Vec::new(), |mi| c.conjuncts(mi, true, party));
    let before = group.into_iter().filter(|&n| c.mentions()[n].toks.end <= t);
    before.map(|n| c.filler(n)).collect()
}

/// Adds mentions `mis` as participants, each once.
fn add(c: &Ctx<'_, '_>, parts: &mut Vec<Filler>, mis: impl IntoIterator<Item = usize>) {
    for mi in mis {
        let f = c.filler(mi);
        if !parts.contains(&f) {
            parts.push(f);
        }
    }
}

/// "a phone call with Y", "the call between X and Y", "In a call with Y, X
/// thanked ...".
fn noun(c: &Ctx<'_, '_>, tr: &TriggerMatch, doc_has_call: bool) -> Option<Draft> {
    let (t, e) = (tr.toks.start, tr.toks.end);
    let phoney = by_phone(c, tr);
    if !is_call(c, tr, phoney, doc_has_call) {
        return None;
    }
    let (mut participants, mut rule) = parties_after(c, e);
    if rule != RuleId::CallBetween {
        parties_before(c, tr.toks.start, &mut participants);
        rule = opening_call(c, tr, &mut participants, rule, doc_has_call);
    }
    // "the call between the two leaders": the parties told before.
    let pair = |f: &Filler| matches!(f, Filler::EntityMention(_, mi) if pair_description(c, *mi));
    participants.retain(|f| !(doc_has_call && pair(f)));
    let backref = participants.is_empty();
    if backref && !c.follows(t, &BACKREF_DETERMINERS) && !phoney {
        return None;
    }
    let rule = if backref { RuleId::CallBackref } else { rule };
    Some(c.draft(tr, Roles::Call { participants }, rule, backref))
}

/// A call by phone or video: said so by the trigger ("phone call"), a
/// word before it ("a telephone conversation"), or a medium after it
/// ("a conversation by phone").
fn by_phone(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> bool {
    let (t, e) = (tr.toks.start, tr.toks.end);
    let phrase = c.lex.trigger_phrase(tr.phrase);
    phrase.contains("phone")
        || phrase.contains("video")
        || c.follows(t, &PHONE)
        || (t > c.range.start + 1 && c.is_in(t - 2, &PHONE))
        || c.has_trigger(EventType::Call, |x| {
            x.frame == Frame::Medium && x.toks.start >= e && x.toks.start < e + 4
        })
}

/// Whether a call noun is a call here: any but a conversation noun
/// ("call", "talks", ...) is; that one when it is not a request ("calls
/// for", "call on"), not part of a statement trigger, not a verb ("will
/// call"), and, unless by phone, one that was held ("held a conversation")
/// after a call was told.
fn is_call(c: &Ctx<'_, '_>, tr: &TriggerMatch, phoney: bool, doc_has_call: bool) -> bool {
    let (t, e) = (tr.toks.start, tr.toks.end);
    let head = lower(c.word(e - 1));
    if !CALL_NOUNS.contains(&head) {
        return true;
    }
    let dated = e + 1 < c.range.end && crate::mention::is_calendar(c.word(e + 1));
    let request = c.is_word(e, "for")
        || (c.is_in(e, &REQUEST_PARTICLES) && !dated)
        || (head == "calls" && !phoney);
    let in_statement = c.has_trigger(EventType::Statement, |x| {
        x.toks.start <= t && x.toks.end >= e
    });
    let verb_use = c.follows(t, &VERB_BEFORE_CALL);
    if request || in_statement || verb_use {
        return false;
    }
    let phrase = c.lex.trigger_phrase(tr.phrase);
    let held = (t.saturating_sub(4)..t).any(|k| c.is_in(k, &HELD))
        || phrase.starts_with("held ")
        || phrase.starts_with("had ");
    let conv = head.starts_with("conversation");
    // After a call, "X's conversation with Y" is that call.
    let possessive = t > c.range.start && c.doc.tokens[t - 1].kind == TokenKind::Poss;
    let held = held || (conv && (possessive || c.is_word(e, "with")));
    phoney || (held && (doc_has_call || !conv))
}

/// The parties named after a call noun ending at `e`: "between X and Y"
/// (rule `call.between`), or "with/to/from Y" and those joined to it
/// (`call.with`); within the clause.
fn parties_after(c: &Ctx<'_, '_>, e: usize) -> (Vec<Filler>, RuleId) {
    let stop = |k| matches!(c.word(k), "," | "." | ";");
    let prep = |k| c.is_word(k, "between") || c.is_in(k, &PARTY_PREPOSITIONS);
    match c.ahead(e, 12).take_while(|&k| !stop(k)).find(|&k| prep(k)) {
        Some(k) if c.is_word(k, "between") => (between(c, k + 1), RuleId::CallBetween),
        Some(k) => {
            // A name after "from" is guessed to be a place of origin: a
            // call comes from a party, so an unknown "place" is one.
            let from = c.is_word(k, "from");
            let caller = |m: &EntityMention| {
                party(m) || (from && m.class == Class::Place && m.iso.is_none())
            };
            let Some(mi) = c.mention_after(k + 1, 4, caller) else {
                return (Vec::new(), RuleId::CallNoun);
            };
            let group = c.conjuncts(mi, true, party).into_iter();
            (group.map(|n| c.filler(n)).collect(), RuleId::CallWith)
        }
        None => (Vec::new(), RuleId::CallNoun),
    }
}

/// The parties of "between X and Y" (or "X, Y and Z"), from token `j`.
fn between(c: &Ctx<'_, '_>, j: usize) -> Vec<Filler> {
    let next = |&mi: &usize| {
        let j = c.mentions()[mi].toks.end;
        (c.is_in(j, &COORDINATORS)).then(|| c.mention_after(j + 1, 4, party))?
    };
    let parts = std::iter::successors(c.mention_after(j, 4, party), next).take(4);
    parts.map(|mi| c.filler(mi)).collect()
}

/// Adds the parties told before a call noun at `t` to `parts` (the caller
/// first): a possessive ("X's call"), the clause's subject, and the person
/// told or urged in the call.
fn parties_before(c: &Ctx<'_, '_>, t: usize, parts: &mut Vec<Filler>) {
    for (i, f) in callers(c, t).into_iter().enumerate() {
        if !parts.contains(&f) {
            parts.insert(i, f);
        }
    }
    // "Blinken told Wang Yi in a call that ...": the addressee.
    let addressee = c.before(t, 8).find_map(|k| addressee_of(c, k));
    let told = addressee.filter(|&mi| c.mentions()[mi].toks.end <= t);
    add(c, parts, told);
}

/// The caller of a call noun at `t`: a possessive before it ("X's phone
/// call"), else the subject of the clause, unless "the call" points back.
fn callers(c: &Ctx<'_, '_>, t: usize) -> Vec<Filler> {
    let b = c.back_while(t, |k| c.is_in(k, &PHONE) || c.is_in(k, &CALL_ADJECTIVES));
    if c.possessed(b) {
        let possessor = c.mention_ending(b - 1).filter(c.mention_is(party));
        let group = possessor.map_or(Vec::new(), |mi| c.conjuncts(mi, false, party));
        group.into_iter().map(|n| c.filler(n)).collect()
    } else if !(c.follows(t, &THAT_CALL) && b == t) {
        subject_group(c, t)
    } else {
        Vec::new()
    }
}

/// "In a phone call on October 23, X thanked Y", "During a call with Y, X
/// urged ...": a call noun in an opening phrase; the subject of the main
/// clause after the comma is the caller (and, with no party yet, the
/// person after its verb the other party: rule `call.in_a_call`).
fn opening_call(
    c: &Ctx<'_, '_>,
    tr: &TriggerMatch,
    parts: &mut Vec<Filler>,
    rule: RuleId,
    doc_has_call: bool,
) -> RuleId {
    let (t, e) = (tr.toks.start, tr.toks.end);
    let comma = (e..c.range.end).find(|&q| c.word(q) == ",");
    let main_subject = || comma.and_then(|q| c.mention_after(q + 1, 3, party));
    let opening = (t.saturating_sub(3)..t)
        .find(|&k| c.is_in(k, &SCENE_OPENERS))
        .is_some_and(|k| k == c.range.start || c.kind(k - 1) == Some(TokenKind::Quote));
    if opening && parts.len() == 1 && rule == RuleId::CallWith {
        add(c, parts, main_subject());
    }
    // "In a call", "During Monday's call", "during a phone call"; not
    // "during the call" after one: that one is told again.
    let points_back = doc_has_call && c.follows(t, &BACKREF_DETERMINERS);
    let in_a = !points_back && (t.saturating_sub(3)..t).any(|k| c.is_in(k, &SCENE_OPENERS));
    let a = (parts.is_empty() && in_a).then(main_subject).flatten();
    let Some(a) = a else { return rule };
    parts.push(c.filler(a));
    let v = c.mentions()[a].toks.end + 1;
    parts.extend(c.mention_after(v, 2, party).map(|b| c.filler(b)));
    RuleId::CallInACall
}

/// "the two leaders", "both men": a plural description of parties told before.
fn pair_description(c: &Ctx<'_, '_>, mi: usize) -> bool {
    let m = &c.mentions()[mi];
    (m.class == Class::Group || m.class == Class::Description)
        && c.is_in(m.toks.end - 1, &PAIR_WORDS)
}

/// The addressee right after a verb of telling at token `k` ("told X",
/// "urged X", "thanked X": a verb whose object is a person).
fn addressee_of(c: &Ctx<'_, '_>, k: usize) -> Option<usize> {
    let at = |frames: &[Frame]| {
        c.has_trigger(EventType::Statement, |x| {
            x.toks.start == k && frames.contains(&x.frame)
        })
    };
    if !at(&[Frame::Tell, Frame::Urge, Frame::Object]) {
        return None;
    }
    let object = at(&[Frame::Object]);
    let end = c.trigs.iter().find(|x| x.toks.start == k)?.toks.end;
    c.mention_after(end, 3, |m| {
        party(m)
            && m.class != Class::Group
            && (!object || matches!(m.class, Class::Person | Class::Unknown | Class::Country))
    })
}
