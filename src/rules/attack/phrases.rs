//! Noun phrases around an attack word: the object after a verb or
//! preposition, the phrase before a verb, a passive verb's subject.

use super::super::{Ctx, Filler, PREPOSITIONS};
use super::number;
use crate::mention::Class;
use crate::tokens::TokenKind;
use crate::words::lists::attack::{
    ADVERBS_IN_VERB, BEARINGS, COUNT_OPENERS, HURT_WORDS, IMPACT_VERBS, KILL_WORDS, NOT_OBJECT,
    NP_STOP, PARTY_ASSETS, PAST_AFTER_HEAD, PHRASE_OPENERS, RELATIVE_WHICH, SUBJECT_AUXILIARIES,
    SUBJECT_COUNT_WORDS,
};
use crate::words::lists::rules::{ARTICLES, COMPASS_ADJECTIVES, DETERMINERS, RELATIVE_PRONOUNS};
use crate::words::Words;

/// The noun phrase starting at token `i`: a mention, or determiner + words
/// up to a preposition, punctuation or verb-like word.
pub(super) fn np_at(c: &Ctx<'_, '_>, i: usize) -> Option<Filler> {
    let k = c.forward_over(i, &DETERMINERS);
    if date_at(c, k) {
        return None;
    }
    if let Some(f) = c.mention_starting(k).and_then(|mi| mention_np(c, mi)) {
        return Some(f);
    }
    plain_np(c, k)
}

/// True when a date starts at token `k` ("on Midsummer
/// Day"): a date, not an object. Dates open with a capital or a digit: only
/// then is the sentence's date search worth asking for.
fn date_at(c: &Ctx<'_, '_>, k: usize) -> bool {
    let datelike = c
        .word(k)
        .starts_with(|ch: char| ch.is_ascii_uppercase() || ch.is_ascii_digit());
    k < c.range.end && datelike && {
        let at = c.doc.tokens[k].span.start;
        c.dates().iter().any(|d| d.span.range().contains(&at))
    }
}

/// The noun phrase of mention `mi` when it heads one: not a modifier of
/// the noun after it ("Valdorian towns", "rebel positions"); for a
/// possessor, what it possesses ("the county's Narva district").
fn mention_np(c: &Ctx<'_, '_>, mi: usize) -> Option<Filler> {
    let m = &c.mentions()[mi];
    let modifier = (m.class == Class::Demonym && c.kind(m.toks.end) == Some(TokenKind::Word))
        || c.is_in(m.toks.end, &PARTY_ASSETS);
    possessed_np(c, m.toks.end).or_else(|| (!modifier).then(|| c.filler(mi)))
}

/// What a possessor ending before token `k` possesses: the object is the
/// possessed ("the county's Narva district").
fn possessed_np(c: &Ctx<'_, '_>, k: usize) -> Option<Filler> {
    let possessor = c.kind(k) == Some(TokenKind::Poss);
    possessor.then(|| np_at(c, k + 1))?
}

/// A noun phrase of plain words from token `start` (its determiners
/// skipped), with what a possessive or an "of" and a name add to it.
fn plain_np(c: &Ctx<'_, '_>, start: usize) -> Option<Filler> {
    if !may_be_object(c, start) {
        return None;
    }
    let mut k = head_end(c, start);
    if let Some(f) = (k > start).then(|| possessed_np(c, k)).flatten() {
        return Some(f);
    }
    // "civilians of Narva", "the residence of the governor": the head
    // takes its "of" phrase when a name follows.
    if k > start && c.is_word(k, "of") {
        let j = c.forward_over(k + 1, &ARTICLES);
        if let Some(mi) = c.mention_starting(j) {
            k = c.mentions()[mi].toks.end;
        }
    }
    (k > start).then(|| Filler::Span(c.doc.toks_span(start..k)))
}

/// False for the words after a verb that are no object: dates, results
/// ("killed on Tuesday", "left wounded") and counts standing alone.
fn may_be_object(c: &Ctx<'_, '_>, k: usize) -> bool {
    let lone_count = number(c.word(k)).is_some()
        && !c.is_word(k + 1, "of")
        && c.mention_starting(k + 1).is_none()
        && c.doc.tokens.get(k + 1).map(|t| t.kind) != Some(TokenKind::Word);
    !(k >= c.range.end
        || crate::mention::is_calendar(c.word(k))
        || c.is_in(k, &NOT_OBJECT)
        || lone_count)
}

/// The end of the head of a plain noun phrase from `start`: at most six
/// words, up to a preposition, a word that ends a phrase, a bearing ("east
/// of": the place's), or a name (which is the head: "numerous other
/// Valdorian guards").
fn head_end(c: &Ctx<'_, '_>, start: usize) -> usize {
    // "eastern and southern Narva": one place, whose parts are joined.
    let directions = |k: usize| {
        k > start && c.is_in(k - 1, &COMPASS_ADJECTIVES) && c.is_in(k + 1, &COMPASS_ADJECTIVES)
    };
    // A word right before a determiner is a verb ("the bridge cut the road").
    let end = c.words_end(start, 6, |k| {
        (c.is_in(k, &NP_STOP) && !directions(k))
            || (c.is_in(k, &BEARINGS) && c.is_word(k + 1, "of"))
            || (k > start && (c.is_in(k + 1, &ARTICLES) || verb_after_head(c, k)))
    });
    (start + 1..end)
        .find_map(|k| c.mention_starting(k))
        .map_or(end, |mi| c.mentions()[mi].toks.end)
}

/// True when token `k`, after the first word of a noun phrase, is the verb
/// of its clause: a verb of harm or impact, a common irregular past, or a
/// past form in -ed that nothing of a noun phrase follows ("the depot
/// burned", "the camp shelled by", "the post attacked two hours later").
/// An -ed word before a noun is a modifier ("a small fortified camp").
fn verb_after_head(c: &Ctx<'_, '_>, k: usize) -> bool {
    let w = c.word(k);
    let past = w.len() >= 5 && w.ends_with("ed") && !w.ends_with("eed") && w != "hundred";
    let no_noun_after = !c.plain_word(k + 1)
        || number(c.word(k + 1)).is_some()
        || c.is_in(k + 1, &DETERMINERS)
        || c.mention_starting(k + 1).is_some();
    c.is_in(k, &IMPACT_VERBS)
        || c.is_in(k, &PAST_AFTER_HEAD)
        || (past && w.starts_with(|ch: char| ch.is_ascii_lowercase()) && no_noun_after)
}

/// The noun phrase that ends just before token `i`: back to its determiner.
pub(super) fn np_before(c: &Ctx<'_, '_>, i: usize) -> Option<Filler> {
    if let Some(mi) = c.mention_ending(i) {
        return Some(c.filler(mi));
    }
    let det = c.before(i, 5).rfind(|&k| c.is_in(k, &PHRASE_OPENERS))?;
    if !(det + 1..i).all(|k| c.plain_word(k)) {
        return None;
    }
    c.span(det + 1, i).map(Filler::Span)
}

/// The object of the first of the prepositions `preps` within `max` tokens
/// from token `from` ("on X", "in X"), with the preposition's index.
pub(super) fn prep_object(
    c: &Ctx<'_, '_>,
    from: usize,
    max: usize,
    preps: &Words,
) -> Option<(usize, Filler)> {
    object_after(c, from, max, |k| c.is_in(k, preps))
}

/// [`prep_object`] for a single preposition ("by X").
pub(super) fn word_object(
    c: &Ctx<'_, '_>,
    from: usize,
    max: usize,
    prep: &str,
) -> Option<(usize, Filler)> {
    object_after(c, from, max, |k| c.is_word(k, prep))
}

/// The object after the first token that `is_prep` accepts, within `max`
/// tokens from `from` and before the clause's punctuation.
fn object_after(
    c: &Ctx<'_, '_>,
    from: usize,
    max: usize,
    is_prep: impl Fn(usize) -> bool,
) -> Option<(usize, Filler)> {
    let stop =
        |k| c.kind(k) == Some(TokenKind::Punct) && matches!(c.word(k), "," | ";" | "." | "(" | "—");
    let k = (c.ahead(from, max).take_while(|&k| !stop(k))).find(|&k| is_prep(k))?;
    np_at(c, k + 1).map(|f| (k, f))
}

/// The subject of a passive verb at `t` (with `counts`, also "four
/// clerks"; without, a count of casualties is no target): the clause's
/// subject mention, or, when that mention is only the object of a
/// preposition in the subject ("A fuel depot in Narva was shelled"), the
/// noun phrase that opens the clause.
pub(super) fn passive_subject(c: &Ctx<'_, '_>, t: usize, counts: bool) -> Option<Filler> {
    // A phrase that opens with a count ("at least one clerk", "four
    // clerks") tells casualties, not a target.
    let count = |w: &str| number(w).is_some() || w.eq_ignore_ascii_case("at");
    let counted = |f: &Filler| !counts && first_word(c, f).is_some_and(count);
    let keep = |f: Filler| (!counted(&f)).then_some(f);
    let a = auxiliary_start(c, t);
    if let Some(f) = bare_subject(c, a) {
        return keep(f);
    }
    let subject = c.subject_before(t).filter(|&mi| !in_prep_phrase(c, mi));
    if let Some(mi) = subject.filter(|&mi| c.mentions()[mi].toks.end == a) {
        return keep(c.filler(mi));
    }
    match np_before(c, a) {
        Some(Filler::EntityMention(_, mi)) if in_prep_phrase(c, mi) => {}
        Some(f) => return keep(f),
        None => {}
    }
    if let Some(mi) = subject {
        return keep(c.filler(mi));
    }
    // The clause opens after an opening phrase of place or time ("In the
    // north, a farmer was killed").
    let first = (c.range.start..t).find(|&k| c.kind(k) == Some(TokenKind::Word))?;
    let open = if c.is_in(first, &PREPOSITIONS) {
        (first..t).find(|&k| c.is_word(k, ","))? + 1
    } else {
        first
    };
    np_at(c, open)
        .filter(|f| !counted(f))
        .or_else(|| c.subject_before(t).map(|mi| c.filler(mi)))
}

/// The token after the subject of the passive verb at `t`: before its
/// adverbs, auxiliary and relative pronoun ("a 40-year-old driver was
/// killed", "the clerk who was stabbed").
fn auxiliary_start(c: &Ctx<'_, '_>, t: usize) -> usize {
    let a = c.back_over(t, &ADVERBS_IN_VERB);
    let a = a - usize::from(c.follows(a, &SUBJECT_AUXILIARIES));
    a - usize::from(a > c.range.start + 1 && c.is_in(a - 1, &RELATIVE_PRONOUNS))
}

/// "more than 500 people were killed": a bare phrase (no name, no
/// determiner) ending at token `a`, with its count, is the subject; an
/// earlier name is not.
fn bare_subject(c: &Ctx<'_, '_>, a: usize) -> Option<Filler> {
    let bare = a > c.range.start
        && c.mention_ending(a).is_none()
        && c.kind(a - 1) == Some(TokenKind::Word)
        && c.bytes(a - 1).first().is_some_and(u8::is_ascii_lowercase)
        && np_before(c, a).is_none();
    if !bare {
        return None;
    }
    let start = c.back_while(a - 1, |q| {
        c.kind(q) == Some(TokenKind::Num)
            || c.is_in(q, &SUBJECT_COUNT_WORDS)
            || number(c.word(q)).is_some()
    });
    Some(Filler::Span(c.doc.toks_span(start..a)))
}

/// True when mention `mi` is in a prepositional phrase, or joined to one
/// ("in Valdoria and Ostland").
fn in_prep_phrase(c: &Ctx<'_, '_>, mi: usize) -> bool {
    c.after_preposition(c.mentions()[c.conjuncts(mi, false, |_| true)[0]].toks.start)
}

/// The first word of a phrase written out, as a span or a mention (not a
/// country a demonym stands for, nor a possessive pronoun).
fn first_word<'t>(c: &Ctx<'_, 't>, f: &Filler) -> Option<&'t str> {
    if matches!(f, Filler::Country(..) | Filler::Possessor(..)) {
        return None;
    }
    let text = &c.doc.text[c.filler_span(f).range()];
    Some(text.split_whitespace().next().unwrap_or(""))
}

/// The object of a verb of impact whose subject is the attack noun ending
/// before `e`: "[the strike] hit a market", "[the airstrike], which killed
/// nine, destroyed a school".
pub(super) fn impact_object(c: &Ctx<'_, '_>, e: usize) -> Option<Filler> {
    let mut k = e;
    // Skip a relative clause set off by commas.
    if c.is_word(k, ",") && c.is_in(k + 1, &RELATIVE_WHICH) {
        k = (k + 2..c.range.end).find(|&j| c.is_word(j, ","))? + 1;
    }
    if !c.is_in(k, &IMPACT_VERBS) {
        return None;
    }
    // "killed nine people" counts casualties; "hit three depots" names targets.
    let harm = c.is_in(k, &KILL_WORDS) || c.is_in(k, &HURT_WORDS);
    np_at(c, k + 1).filter(|f| !(harm && opens_with_count(c, f)))
}

/// True when a count opens the phrase or comes right before it ("killed
/// nine people", "killed dozens"): casualties, not a target.
fn opens_with_count(c: &Ctx<'_, '_>, f: &Filler) -> bool {
    let Some(first) = first_word(c, f) else {
        return false;
    };
    let start = c.filler_span(f).start;
    // The mention may start after the count: look at the word before too.
    let before = (c.doc.tokens.iter()).rposition(|t| t.span.end <= start);
    let count = |w: &str| number(w).is_some() || COUNT_OPENERS.contains(w);
    count(first) || count(before.map_or("", |i| c.word(i)))
}

/// A named person, or a phrase whose last word is a person noun ("two
/// tourists", "his landlord").
pub(super) fn person_np(c: &Ctx<'_, '_>, f: &Filler) -> bool {
    let last = match f {
        Filler::EntityMention(si, mi) => {
            let m = &c.doc.mentions(*si)[*mi];
            if m.class == Class::Person {
                return true;
            }
            Some(m.toks.end - 1)
        }
        Filler::Span(s) => (c.range.clone()).rfind(|&k| c.doc.tokens[k].span.end == s.end),
        Filler::Possessor(..) => return true,
        Filler::Country(..) => None,
    };
    last.is_some_and(|k| c.noun_types(k).has(crate::lexicon::NounType::Person))
}
