//! Attack rules: nominal ("attacks on X by Y", "Israeli airstrikes"),
//! active and passive verbs ("X attacked Y", "Y was attacked by X"), and
//! casualty clauses ("22 civilians were killed").

use super::{lower, placeish, Ctx, Draft, Filler, Roles, RuleId, Shapes, TriggerMatch};
use crate::document::Span;
use crate::lexicon::{Frame, TriggerKind};
use crate::mention::{Class, EntityMention};
use crate::tokens::TokenKind;
use crate::words::lists::attack::{
    ADVERBS_IN_VERB, APPROXIMATORS, ATTACK_ADJECTIVES, BEFORE_VERB, COUNTERS, HURT_WORDS,
    KILL_WORDS, LIGHT_VERBS, NOT_OBJECT, NP_STOP, QUANTIFIERS, UNITS, VERB_USE,
};

/// The shapes of the number words (for [`number`]).
/// "a"/"an" are left out: they never count in [`number`].
const NUMBER_WORD_SHAPES: Shapes = {
    let mut shapes = Shapes::EMPTY;
    let mut i = 0;
    while i < crate::dates::NUMBER_WORDS.len() {
        let w = crate::dates::NUMBER_WORDS[i].0;
        if w.len() > 2 {
            shapes = shapes.with(w);
        }
        i += 1;
    }
    shapes
};

/// A number written in digits ("2,500") or words ("Twenty-two").
pub(crate) fn number(w: &str) -> Option<u32> {
    number_in(w.as_bytes())
}

/// [`number`] on the bytes of a token. Most words are rejected in line, by
/// the shapes of the number words, before any comparison.
#[inline(always)]
pub(crate) fn number_in(b: &[u8]) -> Option<u32> {
    let first = *b.first()?;
    if first.is_ascii_digit() {
        return digits(b);
    }
    if !NUMBER_WORD_SHAPES.may_start_with(first) {
        return None;
    }
    let head = b.iter().position(|&c| c == b'-').unwrap_or(b.len());
    if !NUMBER_WORD_SHAPES.may_contain(&b[..head]) {
        return None;
    }
    number_words(b)
}

/// A number in digits, ignoring separators ("2,500"); None for a decimal
/// or on overflow.
fn digits(b: &[u8]) -> Option<u32> {
    if b.contains(&b'.') {
        return None;
    }
    let mut n: u32 = 0;
    for d in b.iter().filter(|d| d.is_ascii_digit()) {
        n = n.checked_mul(10)?.checked_add(u32::from(d - b'0'))?;
    }
    Some(n)
}

/// A number in words, hyphenated or not ("twenty-two").
fn number_words(b: &[u8]) -> Option<u32> {
    let mut total = 0;
    for part in b.split(|&c| c == b'-') {
        // "a"/"an" count one in "a week ago", never in a casualty count.
        if part.len() <= 2 {
            return None;
        }
        total += crate::dates::NUMBER_WORDS
            .iter()
            .find(|(n, _)| n.as_bytes().eq_ignore_ascii_case(part))?
            .1;
    }
    Some(total)
}

fn actorish(m: &EntityMention) -> bool {
    m.is_actor() && m.class != Class::Pronoun || m.class == Class::Demonym
}

fn attacker_filler(c: &Ctx<'_, '_>, mi: usize) -> Filler {
    let m = &c.mentions()[mi];
    match (&m.class, &m.country) {
        (Class::Demonym, Some(n)) => Filler::Country(m.span, n.clone()),
        _ => c.filler(mi),
    }
}

/// True when a weapon starts at token `i`, determiners and numbers aside
/// ("by a roadside bomb", "by drones"): such a "by" names the weapon, not
/// the attacker.
fn weapon_at(c: &Ctx<'_, '_>, i: usize) -> bool {
    let mut k = i;
    while c.is_any(k, &["the", "a", "an", "two", "three", "several", "enemy"])
        || c.kind(k) == Some(TokenKind::Num)
    {
        k += 1;
    }
    // "by Shahed-131/136 drones": a name of a model before the weapon.
    let after_name = c.mention_starting(k).map(|mi| c.mentions()[mi].toks.end);
    c.doc
        .weapons(c.si)
        .iter()
        .any(|w| w.toks.start == k || Some(w.toks.start) == after_name)
}

/// The attacker named by "by" after token `from` (within `max` tokens),
/// unless what follows "by" is a weapon.
fn by_agent(c: &Ctx<'_, '_>, from: usize, max: usize) -> Option<Filler> {
    let (k, f) = prep_object(c, from, max, &["by"])?;
    (!weapon_at(c, k + 1)).then_some(f)
}

/// The noun phrase starting at token `i`: a mention, or determiner + words
/// up to a preposition, punctuation or verb-like word.
fn np_at(c: &Ctx<'_, '_>, i: usize) -> Option<Filler> {
    let mut k = i;
    while c.is_any(k, &["the", "a", "an", "its", "their", "his", "her"]) {
        k += 1;
    }
    // "on New Year's Eve", "on Tuesday": a date, not an object. Dates open
    // with a capital or a digit: only then is the sentence's date search
    // worth asking for.
    let datelike = c
        .word(k)
        .starts_with(|ch: char| ch.is_ascii_uppercase() || ch.is_ascii_digit());
    if k < c.range.end && datelike && {
        let at = c.doc.tokens[k].span.start;
        c.dates()
            .iter()
            .any(|d| d.span.start <= at && at < d.span.end)
    } {
        return None;
    }
    if let Some(mi) = c.mention_starting(k) {
        let m = &c.mentions()[mi];
        // "Ukrainian cities": a demonym modifies the noun after it; so does
        // a party before what belongs to it ("Houthi targets").
        let owned = c.is_any(
            m.toks.end,
            &[
                "targets",
                "positions",
                "bases",
                "sites",
                "facilities",
                "tunnels",
                "camps",
                "strongholds",
                "headquarters",
                "infrastructure",
                "outposts",
                "fighters",
                "commanders",
                "leaders",
                "members",
                "militants",
                "vessels",
                "ships",
            ],
        );
        let modifier =
            (m.class == Class::Demonym && c.kind(m.toks.end) == Some(TokenKind::Word)) || owned;
        // "the country's Mykolaiv region": the possessed is the object.
        if c.kind(m.toks.end) == Some(TokenKind::Poss) {
            if let Some(f) = np_at(c, m.toks.end + 1) {
                return Some(f);
            }
        }
        if !modifier {
            return Some(c.filler(mi));
        }
    }
    // Dates, counts and result words are not the object ("killed on Tuesday", "shot dead").
    if k >= c.range.end
        || crate::mention::is_calendar(c.word(k))
        || c.is_in(k, &NOT_OBJECT)
        || number(c.word(k)).is_some()
            && !c.is_any(k + 1, &["of"])
            && c.mention_starting(k + 1).is_none()
            && !c
                .doc
                .tokens
                .get(k + 1)
                .is_some_and(|t| t.kind == TokenKind::Word)
    {
        return None;
    }
    let start = k;
    let stop = (k + 6).min(c.range.end);
    while k < stop
        && c.doc.tokens[k].kind == TokenKind::Word
        && !c.is_in(k, &super::PREPOSITIONS)
        && !c.is_in(k, &NP_STOP)
        // A word right before a determiner is a verb ("the bridge cut the road").
        && !(k > start && c.is_any(k + 1, &["the", "a", "an"]))
    {
        if let Some(mi) = c.mention_starting(k).filter(|_| k > start) {
            // "numerous additional Israeli civilians": the mention is the head.
            k = c.mentions()[mi].toks.end;
            break;
        }
        k += 1;
    }
    // "the country's Mykolaiv region": the possessed is the object.
    if k > start && c.kind(k) == Some(TokenKind::Poss) {
        if let Some(f) = np_at(c, k + 1) {
            return Some(f);
        }
    }
    // "civilians of Gaza", "the residence of the governor": the head takes
    // its "of" phrase when a name follows.
    if k > start && c.is_word(k, "of") {
        let mut j = k + 1;
        while c.is_any(j, &["the", "a", "an"]) {
            j += 1;
        }
        if let Some(mi) = c.mention_starting(j) {
            k = c.mentions()[mi].toks.end;
        }
    }
    (k > start).then(|| Filler::Span(c.doc.toks_span(start..k)))
}

/// The noun phrase that ends just before token `i`: back to its determiner.
fn np_before(c: &Ctx<'_, '_>, i: usize) -> Option<Filler> {
    if let Some(mi) = c.mention_ending(i) {
        return Some(c.filler(mi));
    }
    let lo = i.saturating_sub(5).max(c.range.start);
    let det = (lo..i)
        .rev()
        .find(|&k| c.is_any(k, &["the", "a", "an", "this", "its", "their", "his", "her"]))?;
    if (det + 1..i)
        .any(|k| c.doc.tokens[k].kind != TokenKind::Word || c.is_in(k, &super::PREPOSITIONS))
    {
        return None;
    }
    c.span(det + 1, i).map(Filler::Span)
}

/// Object of a preposition after token `i` (within `max` tokens): "on X", "in X".
fn prep_object(
    c: &Ctx<'_, '_>,
    from: usize,
    max: usize,
    preps: &[&str],
) -> Option<(usize, Filler)> {
    let stop = (from + max).min(c.range.end);
    let mut k = from;
    while k < stop {
        if c.is_any(k, preps) {
            return np_at(c, k + 1).map(|f| (k, f));
        }
        if c.doc.tokens[k].kind == TokenKind::Punct
            && matches!(c.word(k), "," | ";" | "." | "(" | "—")
        {
            return None;
        }
        k += 1;
    }
    None
}

/// Location: "in X" after the trigger within the clause, a place mention.
fn location_after(c: &Ctx<'_, '_>, from: usize) -> Option<Filler> {
    let stop = (from + 10).min(c.range.end);
    let mut k = from;
    while k < stop {
        if c.is_any(k, &["in", "near", "at", "outside", "across"]) {
            let mut j = k + 1;
            while c.is_any(j, &["the", "a", "an"])
                || (j < c.range.end
                    && c.doc.tokens[j].kind == TokenKind::Word
                    && c.word(j).chars().next().is_some_and(char::is_lowercase)
                    && j < k + 3
                    && !c.is_in(j, &super::PREPOSITIONS))
            {
                j += 1;
            }
            if let Some(mi) = c.mention_starting(j).filter(|&mi| {
                placeish(&c.mentions()[mi]) || c.mentions()[mi].class == Class::Unknown
            }) {
                // "western Iraq's Anbar province": keep the whole phrase.
                let m = &c.mentions()[mi];
                let mut end = m.toks.end;
                if end + 1 < c.range.end && c.doc.tokens[end].kind == TokenKind::Poss {
                    if let Some(m2) = c.mention_starting(end + 1) {
                        end = c.mentions()[m2].toks.end;
                    } else if end + 2 < c.range.end {
                        end += 2;
                    }
                }
                let start = if j > k + 1 && !c.is_any(k + 1, &["the", "a", "an"]) {
                    k + 1
                } else {
                    m.toks.start
                };
                return Some(Filler::Span(c.doc.toks_span(start..end)));
            }
            // "in the Indian capital": resolved to the capital's name.
            if c.is_word(k + 1, "the")
                && c.mention_starting(k + 2)
                    .is_some_and(|mi| c.mentions()[mi].class == Class::Demonym)
                && c.is_word(k + 3, "capital")
            {
                return Some(Filler::Span(c.doc.toks_span(k + 2..k + 4)));
            }
        }
        if c.doc.tokens[k].kind == TokenKind::Punct && matches!(c.word(k), ";" | "." | "—") {
            return None;
        }
        k += 1;
    }
    None
}

/// "In Kherson, a man was killed ...": a place that opens the sentence is
/// where its events happened.
fn opening_place(c: &Ctx<'_, '_>) -> Option<Filler> {
    let s = c.range.start;
    if !c.is_any(s, &["in", "near"]) {
        return None;
    }
    let mut j = s + 1;
    while c.is_any(
        j,
        &["the", "city", "town", "village", "region", "province", "of"],
    ) {
        j += 1;
    }
    let mi = c
        .mention_starting(j)
        .filter(|&mi| placeish(&c.mentions()[mi]))?;
    c.is_word(c.mentions()[mi].toks.end, ",")
        .then(|| c.filler(mi))
}

/// A weapon: a compound before the trigger ("rocket attack") or "with/using X" after.
fn weapon_near(c: &Ctx<'_, '_>, t: usize, e: usize) -> Option<Filler> {
    let ws = c.doc.weapons(c.si);
    if let Some(w) = ws.iter().find(|w| w.toks.end == t || w.toks.end + 1 == t) {
        return Some(Filler::Span(w.span));
    }
    for k in e..(e + 6).min(c.range.end) {
        if c.is_any(k, &["with", "using", "by"]) {
            let first = ws
                .iter()
                .position(|w| w.toks.start > k && w.toks.start <= k + 3)?;
            // "rockets, missiles, and drones"
            let mut last = first;
            while last + 1 < ws.len() && ws[last + 1].toks.start <= ws[last].toks.end + 2 {
                last += 1;
            }
            return Some(Filler::Span(Span::new(
                ws[first].span.start,
                ws[last].span.end,
            )));
        }
    }
    None
}

/// Killed and injured counts stated in the sentence.
pub(crate) fn casualties(c: &Ctx<'_, '_>) -> (Option<u32>, Option<u32>) {
    *c.casualties.get_or_init(|| scan_casualties(c))
}

/// [`casualties`], uncached: one pass over the sentence.
fn scan_casualties(c: &Ctx<'_, '_>) -> (Option<u32>, Option<u32>) {
    let mut killed = None;
    let mut injured = None;
    let r = c.range.clone();
    for k in r.clone() {
        let Some(n) = number_in(c.bytes(k)) else {
            continue;
        };
        if c.kind(k) == Some(TokenKind::Word) && k > r.start && c.is_word(k - 1, "one") {
            continue;
        }
        // A year or a date is not a count.
        if (1900..2100).contains(&n) || c.is_in(k + 1, &UNITS) {
            continue;
        }
        if k > r.start && crate::mention::is_calendar(c.word(k - 1)) {
            continue;
        }
        // "killed 22", "killing at least 22", "injuring about 30"
        let mut b = k;
        while b > r.start && c.is_in(b - 1, &APPROXIMATORS) {
            b -= 1;
        }
        if b > r.start {
            let pw = c.word(b - 1);
            if KILL_WORDS.contains(pw) && killed.is_none() {
                killed = Some(n);
                continue;
            }
            if HURT_WORDS.contains(pw) && injured.is_none() {
                injured = Some(n);
                continue;
            }
        }
        // "22 civilians were killed", "10 wounded", "15 dead"
        for j in k + 1..(k + 6).min(r.end) {
            let w = c.word(j);
            if KILL_WORDS.contains(w) {
                if killed.is_none() {
                    killed = Some(n);
                }
                break;
            }
            if HURT_WORDS.contains(w) {
                if injured.is_none() {
                    injured = Some(n);
                }
                break;
            }
            if c.kind(j) != Some(TokenKind::Word)
                || c.is_any(j, &["and", "or", "but", "when", "in", "on", "after"])
            {
                break;
            }
        }
    }
    (killed, injured)
}

#[allow(clippy::too_many_arguments)]
fn draft(
    c: &Ctx<'_, '_>,
    tr: &TriggerMatch,
    attacker: Option<Filler>,
    target: Option<Filler>,
    location: Option<Filler>,
    weapon: Option<Filler>,
    rule: RuleId,
    backref: bool,
) -> Draft {
    // The sentence's counts go to its first attack: the first strong
    // trigger, since a weak verb ("killed") beside one is no event of its
    // own ("22 civilians were killed in a weekend attack").
    let attack = |strong: bool| {
        c.trigs.iter().find(|x| {
            x.kind == TriggerKind::Attack
                && !noun_target(c, x)
                && if strong {
                    matches!(x.frame, Frame::Noun | Frame::Verb | Frame::NounWeak)
                } else {
                    x.frame == Frame::VerbWeak
                }
        })
    };
    // ", killing at least 31 people" counts for the attack told just before
    // it ("During a wave of attacks, Russia fired drones ..., killing 31").
    let count_at =
        (c.range.start..c.range.end).find(|&k| c.is_in(k, &KILL_WORDS) || c.is_in(k, &HURT_WORDS));
    let before_count = count_at.and_then(|p| {
        c.trigs
            .iter()
            .filter(|x| x.kind == TriggerKind::Attack && x.toks.end <= p && !noun_target(c, x))
            .filter(|x| {
                !(x.toks.end..p).any(|k| c.is_word(k, ",")) || c.is_word(p.saturating_sub(1), ",")
            })
            .last()
            .map(|x| x.toks.start)
    });
    let first =
        before_count.or_else(|| attack(true).or_else(|| attack(false)).map(|x| x.toks.start));
    // "fired rockets at Haifa": the place aimed at is the target, not also
    // the location.
    let span = |f: &Filler| match f {
        Filler::EntityMention(si, mi) => Some(c.doc.mentions(*si)[*mi].span),
        Filler::Span(s) | Filler::Country(s, _) | Filler::Possessor(_, s) => Some(*s),
    };
    let location = location
        .or_else(|| opening_place(c))
        .filter(|l| target.as_ref().and_then(span) != span(l));
    let (killed, injured) = if first == Some(tr.toks.start) {
        casualties(c)
    } else {
        (None, None)
    };
    c.draft(
        tr,
        Roles::Attack {
            attacker,
            target,
            location,
            weapon,
            killed,
            injured,
        },
        rule,
        backref,
    )
}

/// "fired rockets at targets", "military targets in the area", "bases and
/// targets": "target(s)" as a noun, no attack of its own. The one test of
/// it, for the verb rule, the weak verbs and the casualty counts.
fn noun_target(c: &Ctx<'_, '_>, x: &TriggerMatch) -> bool {
    let (t, e) = (x.toks.start, x.toks.end);
    if !c.is_any(t, &["targets", "target"]) {
        return false;
    }
    // A verb has a subject or a modal before it and an object after it
    // ("Russia targets Kyiv", "will target the base").
    let subject = t > c.range.start
        && (c.mention_ending(t).is_some()
            || c.is_any(
                t - 1,
                &["to", "will", "would", "could", "may", "might", "not"],
            ));
    let object =
        e < c.range.end && !c.is_in(e, &super::PREPOSITIONS) && c.kind(e) != Some(TokenKind::Punct);
    !(subject && object)
}

/// An attack with no role of its own (a back-reference, or one known only
/// by its casualties).
fn roleless(c: &Ctx<'_, '_>, tr: &TriggerMatch, rule: RuleId, backref: bool) -> Draft {
    draft(c, tr, None, None, None, None, rule, backref)
}

/// Tries the attack rules on one trigger.
pub(crate) fn rule(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> Option<Draft> {
    match tr.frame {
        Frame::Noun => nominal(c, tr, false),
        Frame::NounWeak => {
            let h = lower(c.word(tr.toks.end - 1));
            if matches!(h.as_ref(), "blast" | "blasts" | "explosion" | "explosions") {
                nominal(c, tr, true)
            } else {
                None
            }
        }
        Frame::Verb => verbal(c, tr),
        Frame::VerbWeak => weak_verb(c, tr),
        _ => None,
    }
}

fn nominal(c: &Ctx<'_, '_>, tr: &TriggerMatch, weak: bool) -> Option<Draft> {
    let t = tr.toks.start;
    let e = tr.toks.end;
    let head = lower(c.word(e - 1));
    // A verb use ("they attack", "to strike") is handled by the verb rule.
    // ("related to attacks": an infinitive has no "-s".)
    let plural_after_to = c.is_word(t.wrapping_sub(1), "to") && head.ends_with('s');
    if t > c.range.start
        && c.is_in(t - 1, &VERB_USE)
        && !c.is_word(t - 1, "response")
        && !plural_after_to
    {
        return None;
    }
    // Skip modifiers back to the word before the noun phrase.
    let mut k = t;
    while k > c.range.start
        && c.mention_ending(k).is_none()
        && (c.is_in(k - 1, &ATTACK_ADJECTIVES)
            || matches!(c.kind(k - 1), Some(TokenKind::Num) | Some(TokenKind::Quote))
            || c.doc.weapons(c.si).iter().any(|w| w.toks.end == k))
    {
        k -= 1;
    }
    let mut attacker: Option<Filler> = None;
    let mut target: Option<Filler> = None;
    let mut rule = RuleId::AttackNominal;
    // "Israeli airstrikes", "Houthi rebel attacks", "militia attacks"
    if let Some(mi) = c
        .mention_ending(k)
        .filter(|&mi| actorish(&c.mentions()[mi]))
    {
        attacker = Some(attacker_filler(c, mi));
        rule = RuleId::AttackModifierAttacker;
    } else if k > c.range.start + 1 && c.doc.tokens[k - 1].kind == TokenKind::Poss {
        // "Israel's war against Hamas", "the group's attack"
        if let Some(mi) = c
            .mention_ending(k - 1)
            .filter(|&mi| actorish(&c.mentions()[mi]))
        {
            attacker = Some(attacker_filler(c, mi));
            rule = RuleId::AttackPossessive;
        }
    }
    // "attacks on X", "attacks against X", "attack targeting X"
    let on = prep_object(c, e, 3, &["on", "against", "upon", "targeting"]);
    if let Some((_, f)) = on.clone() {
        target = Some(f);
    }
    // "attacks by X", "attack on Y by X", "an attack by X on Y"; not "an
    // attack by drones" (the weapon).
    let by_from = on.as_ref().map(|(k, _)| k + 2).unwrap_or(e);
    // Not "the attack was condemned by X": a verb between makes "by" its.
    let own_by = |(k, _): &(usize, Filler)| {
        !(e..*k).any(|j| {
            c.is_any(
                j,
                &["was", "were", "is", "are", "been", "has", "had", "have"],
            )
        })
    };
    let by_any = prep_object(c, by_from, 6, &["by"])
        .or_else(|| prep_object(c, e, 2, &["by"]))
        .filter(own_by);
    // "an attack by enemy drones on the capital"
    if target.is_none() {
        if let Some((k, _)) = &by_any {
            let after =
                (k + 1..(k + 5).min(c.range.end)).find(|&j| c.is_any(j, &["on", "against"]));
            if let Some(j) = after {
                target = np_at(c, j + 1);
            }
        }
    }
    let by = by_any.filter(|(k, _)| !weapon_at(c, k + 1));
    // "killed in a gunbattle with insurgents": the other side fought.
    let fight = matches!(
        head.as_ref(),
        "gunbattle"
            | "gunbattles"
            | "battle"
            | "battles"
            | "firefight"
            | "firefights"
            | "gunfight"
            | "gunfights"
    );
    let by = by.or_else(|| {
        fight
            .then(|| prep_object(c, e, 2, &["with"]))
            .flatten()
            .filter(|(_, f)| matches!(f, Filler::EntityMention(si, mi) if actorish(&c.doc.mentions(*si)[*mi])))
    });
    // "the bombings in the capital that were carried out by four
    // terrorists", "the attack, which was claimed by X"
    let by = by.or_else(|| {
        let stop = c.clause_end(e).min(e + 12);
        let v = (e..stop).find(|&j| {
            c.is_any(
                j,
                &[
                    "carried",
                    "perpetrated",
                    "conducted",
                    "launched",
                    "claimed",
                    "staged",
                    "mounted",
                ],
            ) && c.is_any(j.saturating_sub(1), &["was", "were", "been"])
        })?;
        let from = if c.is_word(v + 1, "out") {
            v + 2
        } else {
            v + 1
        };
        prep_object(c, from, 1, &["by"]).filter(|(k, _)| !weapon_at(c, k + 1))
    });
    if let Some((_, f)) = by {
        if let Filler::EntityMention(_, mi) = f {
            if actorish(&c.mentions()[mi]) {
                attacker = Some(attacker_filler(c, mi));
                rule = RuleId::AttackByAgent;
            }
        } else {
            attacker = Some(f);
            rule = RuleId::AttackByAgent;
        }
    }
    // "X launched over 165 attacks", "the militias behind these attacks"
    let mut d = k;
    while d > c.range.start
        && (c.is_in(d - 1, &QUANTIFIERS) || c.kind(d - 1) == Some(TokenKind::Num))
    {
        d -= 1;
    }
    // "Russia launched one of the largest drone attacks": the light verb
    // before a superlative partitive.
    let d = partitive_start(c, d, k);
    if attacker.is_none() && d > c.range.start {
        if c.is_in(d - 1, &LIGHT_VERBS)
            || (d >= c.range.start + 2
                && c.is_in(d - 2, &LIGHT_VERBS)
                && c.is_any(d - 1, &["out", "up", "responsibility", "for"]))
        {
            let v = if c.is_in(d - 1, &LIGHT_VERBS) {
                d - 1
            } else {
                d - 2
            };
            if let Some(mi) = c
                .subject_before(v)
                .filter(|&mi| actorish(&c.mentions()[mi]))
            {
                attacker = Some(attacker_filler(c, mi));
                rule = RuleId::AttackLightVerbSubject;
            }
        } else if c.is_word(d - 1, "behind") {
            // "the militias behind these attacks": the phrase right before.
            let mut b = d - 1;
            while b > c.range.start && matches!(c.kind(b - 1), Some(TokenKind::Quote)) {
                b -= 1;
            }
            if let Some(mi) = c
                .mention_ending(b)
                .filter(|&mi| actorish(&c.mentions()[mi]))
            {
                attacker = Some(attacker_filler(c, mi));
                rule = RuleId::AttackBehind;
            }
        } else if c.is_word(d - 1, "for") {
            // "blamed X for the attacks", "responsibility for the strike"
            let mut b = d - 1;
            while b > c.range.start && b + 8 > d {
                b -= 1;
                if c.is_any(
                    b,
                    &[
                        "blamed", "blaming", "blames", "blame", "accused", "accusing", "accuses",
                    ],
                ) {
                    if let Some(mi) = c.mention_after(b + 1, 4, actorish) {
                        attacker = Some(attacker_filler(c, mi));
                        rule = RuleId::AttackBlamedFor;
                    }
                    break;
                }
                if c.is_any(b, &["claimed", "claiming", "claims"]) {
                    if let Some(mi) = c
                        .subject_before(b)
                        .filter(|&mi| actorish(&c.mentions()[mi]))
                    {
                        attacker = Some(attacker_filler(c, mi));
                        rule = RuleId::AttackClaimed;
                    }
                    break;
                }
            }
        }
    }
    // "a Beirut strike", "the Golan Heights attack": a place before the
    // noun is where it happened.
    let place_modifier = c
        .mention_ending(k)
        .filter(|&mi| c.mentions()[mi].class == Class::Place)
        .map(|mi| c.filler(mi));
    let location = location_after(c, e).or(place_modifier);
    // "the murder trial", "the Mumbai bombings case": the noun modifies
    // another; the record is the trial's.
    if c.is_any(
        e,
        &[
            "trial",
            "trials",
            "case",
            "cases",
            "charge",
            "charges",
            "inquiry",
            "investigation",
            "probe",
            "suspect",
            "suspects",
            "conviction",
            "convictions",
            "verdict",
            "hearing",
            "squad",
            "unit",
        ],
    ) {
        return None;
    }
    let weapon = weapon_near(c, t, e);
    // "the killing of X", "the assassination of X"
    if target.is_none()
        && matches!(
            head.as_ref(),
            "killing"
                | "killings"
                | "assassination"
                | "murder"
                | "massacre"
                | "bombing"
                | "bombings"
                | "shelling"
                | "bombardment"
                | "invasion"
                | "storming"
                | "siege"
        )
    {
        target = prep_object(c, e, 1, &["of"]).map(|(_, f)| f);
    }
    // "A Pakistani airstrike hit a village", "The airstrike, which killed
    // 12 people, hit a market": the noun is the subject of a verb of impact.
    if target.is_none() {
        target = impact_object(c, e);
    }
    // "A man was killed in a drone strike", "Three people were injured in
    // Russian shelling": the casualties are the target.
    if target.is_none() {
        let np_start = if let Some(mi) = c.mention_ending(k) {
            c.mentions()[mi].toks.start
        } else {
            k
        };
        let mut p = np_start;
        while p > c.range.start && c.is_any(p - 1, &["a", "an", "the", "that", "this"]) {
            p -= 1;
        }
        let hurt = p >= c.range.start + 2
            && c.is_word(p - 1, "in")
            && c.is_any(p - 2, &["killed", "injured", "wounded", "hurt", "died"]);
        if hurt {
            target = passive_subject(c, p - 2, false);
        }
    }
    // "protect cities from Russian strikes": the protected are the target.
    let from = (t.saturating_sub(4).max(c.range.start)..t)
        .rev()
        .find(|&j| c.is_word(j, "from"));
    if let Some(f) = from.filter(|_| target.is_none()) {
        let stop = f.saturating_sub(8).max(c.range.start);
        if let Some(v) = (stop..f).rev().find(|&v| {
            c.is_any(
                v,
                &[
                    "protect",
                    "protected",
                    "protecting",
                    "protects",
                    "shield",
                    "shielded",
                    "defend",
                    "defended",
                    "defending",
                    "safeguard",
                ],
            )
        }) {
            target = np_at(c, v + 1);
        }
    }
    // "a strike in Beirut, targeting a Hezbollah commander": the verb names the target.
    if target.is_none() {
        let stop = (e + 8).min(c.range.end);
        if let Some(j) = (e..stop).find(|&j| c.is_any(j, &["targeting", "targeted", "targets"])) {
            target = np_at(c, j + 1);
        }
    }
    let plural = head.ends_with('s') && !head.ends_with("ss");
    let possessed = k > c.range.start + 1 && c.doc.tokens[k - 1].kind == TokenKind::Poss;
    let definite = d > c.range.start && c.is_any(d - 1, &["the", "this", "that", "such"])
        || k > c.range.start && c.is_any(k - 1, &["the", "this", "that", "such"])
        || possessed;
    let any_role = attacker.is_some() || target.is_some() || location.is_some() || weapon.is_some();
    if weak && !(c.seen_attack && definite) && casualties(c) == (None, None) && weapon.is_none() {
        return None;
    }
    // "several strikes", "over 165 attacks", "a wave of attacks": a specific set.
    let counted = plural
        && d < t
        && (d..t).any(|q| c.is_in(q, &COUNTERS) || c.kind(q) == Some(TokenKind::Num));
    if !any_role && counted && !weak {
        return Some(roleless(c, tr, RuleId::AttackCounted, false));
    }
    if !any_role {
        if definite && (!plural || c.seen_attack) {
            return Some(roleless(c, tr, RuleId::AttackBackref, true));
        }
        let (killed, injured) = casualties(c);
        if killed.is_some() || injured.is_some() {
            return Some(roleless(c, tr, RuleId::AttackWithCasualties, false));
        }
        return None;
    }
    // "the strike in southern Beirut", "Tuesday's attack": a definite
    // reference takes the parties it lacks from the event it refers to.
    let refers = definite && !counted && (attacker.is_none() || target.is_none());
    Some(draft(
        c, tr, attacker, target, location, weapon, rule, refers,
    ))
}

/// Token `d` moved back over "one of the largest", "one of the year's
/// biggest": a superlative partitive between a light verb and its attack
/// noun.
fn partitive_start(c: &Ctx<'_, '_>, d: usize, k: usize) -> usize {
    let mut b = d;
    let lo = d.saturating_sub(7).max(c.range.start);
    while b > lo {
        let w = c.word(b - 1);
        let superlative =
            w.len() > 4 && w.ends_with("est") && w.starts_with(|ch: char| ch.is_lowercase());
        // "one of war's biggest": a possessor word and its "'s".
        if c.kind(b - 1) == Some(TokenKind::Poss) && b - 1 > lo {
            b -= 2;
        } else if superlative || c.is_any(b - 1, &["the", "of", "one", "most"]) {
            b -= 1;
        } else {
            break;
        }
    }
    // Only a partitive: "one of" must be in what was skipped.
    if (b..k).any(|j| c.is_word(j, "one")) && (b..k).any(|j| c.is_word(j, "of")) {
        b
    } else {
        d
    }
}

/// The one told or urged to attack or not to ("urged Israel to refrain
/// from attacking Rafah", "warned Putin against attacking Moldova", "asked
/// the army not to strike"): the addressee of the verb before, not its
/// subject, is the attacker.
fn controller(c: &Ctx<'_, '_>, t: usize) -> Option<Option<Filler>> {
    let lo = t.saturating_sub(10).max(c.range.start);
    let v = (lo..t).rev().find(|&k| {
        c.has_trigger(TriggerKind::Statement, |x| {
            x.toks.start == k && matches!(x.frame, Frame::Tell | Frame::Urge)
        }) || c.is_any(
            k,
            &[
                "warned", "warns", "warning", "urged", "urges", "asked", "told",
            ],
        )
    })?;
    // A verb of telling whose infinitive or gerund holds the attack.
    if !(v + 1..t).any(|k| c.is_any(k, &["to", "from", "against"])) {
        return None;
    }
    let addressee = c
        .mention_after(v + 1, 3, actorish)
        .filter(|&mi| c.mentions()[mi].toks.end < t)
        .map(|mi| attacker_filler(c, mi));
    Some(addressee)
}

/// The party whose weapon starts at token `w`: "Russian missiles",
/// "Hezbollah rockets", "Israel's drones".
fn wielder(c: &Ctx<'_, '_>, w: usize) -> Option<Filler> {
    let end = if w > c.range.start + 1 && c.doc.tokens[w - 1].kind == TokenKind::Poss {
        w - 1
    } else {
        w
    };
    c.mention_ending(end)
        .filter(|&mi| actorish(&c.mentions()[mi]))
        .map(|mi| attacker_filler(c, mi))
}

/// "A man stabbed two tourists", "A man killed his neighbour with an axe":
/// a person harming a person, right before and after the verb.
fn crime(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> Option<Draft> {
    let (t, e) = (tr.toks.start, tr.toks.end);
    let attacker = np_before(c, t)?;
    let target = np_at(c, e)?;
    if !(person_np(c, &attacker) && person_np(c, &target)) {
        return None;
    }
    Some(draft(
        c,
        tr,
        Some(attacker),
        Some(target),
        location_after(c, e),
        weapon_near(c, t, e),
        RuleId::AttackCrime,
        false,
    ))
}

/// A named person, or a phrase whose last word is a person noun ("two
/// tourists", "his neighbour").
fn person_np(c: &Ctx<'_, '_>, f: &Filler) -> bool {
    let last = match f {
        Filler::EntityMention(si, mi) => {
            let m = &c.doc.mentions(*si)[*mi];
            if m.class == Class::Person {
                return true;
            }
            m.toks.end - 1
        }
        Filler::Span(s) => match (c.range.start..c.range.end)
            .rev()
            .find(|&k| c.doc.tokens[k].span.end == s.end)
        {
            Some(k) => k,
            None => return false,
        },
        Filler::Possessor(..) => return true,
        Filler::Country(..) => return false,
    };
    c.lex
        .senses()
        .noun(&lower(c.word(last)))
        .has(crate::lexicon::NounType::Person)
}

/// The subject of a passive verb at `t` (with `counts`, also "three
/// people"; without, a count of casualties is no target): the clause's subject mention, or,
/// when that mention is only the object of a preposition in the subject
/// ("A fuel depot in Belgorod was struck"), the noun phrase that opens the
/// clause.
fn passive_subject(c: &Ctx<'_, '_>, t: usize, counts: bool) -> Option<Filler> {
    // A mention in a prepositional phrase, or joined to one ("in Iraq and
    // Syria").
    let in_pp = |mi: usize| {
        let mut s = c.mentions()[mi].toks.start;
        while s > c.range.start + 1 && c.is_any(s - 1, &["and", ","]) {
            match c.mention_ending(s - 1) {
                Some(p) => s = c.mentions()[p].toks.start,
                None => break,
            }
        }
        if s > c.range.start && c.is_any(s - 1, &["the", "a", "an"]) {
            s -= 1;
        }
        s > c.range.start + 1 && c.is_in(s - 1, &super::PREPOSITIONS)
    };
    // "at least one person was killed", "three people were injured": a
    // count of casualties, not a target.
    let counted = |f: &Filler| {
        let sp = match f {
            Filler::Span(sp) => *sp,
            Filler::EntityMention(si, mi) => c.doc.mentions(*si)[*mi].span,
            Filler::Country(..) | Filler::Possessor(..) => return false,
        };
        let first = c.doc.text[sp.range()]
            .split_whitespace()
            .next()
            .unwrap_or("");
        !counts && (number(first).is_some() || first.eq_ignore_ascii_case("at"))
    };
    // The phrase right before the auxiliary: "a 68-year-old man was
    // killed", "the football pitch was struck".
    let mut a = c.back_over(t, &ADVERBS_IN_VERB);
    if a > c.range.start
        && c.is_any(
            a - 1,
            &[
                "was", "were", "is", "are", "be", "get", "got", "has", "have", "had",
            ],
        )
    {
        a -= 1;
    }
    // "the man who was stabbed": the phrase before the relative pronoun.
    if a > c.range.start + 1 && c.is_any(a - 1, &["who", "that", "which"]) {
        a -= 1;
    }
    // "more than 5,000 people were killed": a bare phrase right before the
    // verb is its subject; an earlier name is not.
    if a > c.range.start
        && c.mention_ending(a).is_none()
        && c.kind(a - 1) == Some(TokenKind::Word)
        && c.word(a - 1)
            .starts_with(|ch: char| ch.is_ascii_lowercase())
        && np_before(c, a).is_none()
    {
        let mut s0 = a - 1;
        while s0 > c.range.start
            && (c.kind(s0 - 1) == Some(TokenKind::Num)
                || c.is_any(
                    s0 - 1,
                    &[
                        "more", "than", "at", "least", "some", "about", "nearly", "over",
                    ],
                )
                || number(c.word(s0 - 1)).is_some())
        {
            s0 -= 1;
        }
        let f = Filler::Span(c.doc.toks_span(s0..a));
        return (!counted(&f)).then_some(f);
    }
    let subject = c
        .subject_before(t)
        .filter(|&mi| !in_pp(mi) && c.mentions()[mi].toks.end == a);
    if let Some(mi) = subject {
        let f = c.filler(mi);
        return (!counted(&f)).then_some(f);
    }
    match np_before(c, a) {
        Some(Filler::EntityMention(_, mi)) if in_pp(mi) => {}
        Some(f) if counted(&f) => return None,
        Some(f) => return Some(f),
        None => {}
    }
    if let Some(mi) = c.subject_before(t).filter(|&mi| !in_pp(mi)) {
        let f = c.filler(mi);
        return (!counted(&f)).then_some(f);
    }
    let open = (c.range.start..t).find(|&k| c.kind(k) == Some(TokenKind::Word))?;
    np_at(c, open)
        .filter(|f| !counted(f))
        .or_else(|| c.subject_before(t).map(|mi| c.filler(mi)))
}

/// The object of a verb of impact whose subject is the attack noun ending
/// before `e`: "[the strike] hit a market", "[the airstrike], which killed
/// 12, destroyed a school".
fn impact_object(c: &Ctx<'_, '_>, e: usize) -> Option<Filler> {
    let mut k = e;
    // Skip a relative clause set off by commas.
    if c.is_word(k, ",") && c.is_any(k + 1, &["which", "that"]) {
        k = (k + 2..c.range.end).find(|&j| c.is_word(j, ","))? + 1;
    }
    c.is_any(
        k,
        &[
            "hit",
            "hits",
            "struck",
            "destroyed",
            "destroys",
            "damaged",
            "levelled",
            "leveled",
            "flattened",
            "killed",
            "wounded",
            "injured",
        ],
    )
    .then(|| np_at(c, k + 1))
    .flatten()
    // "killed 12 people": a count, not a target.
    .filter(|f| {
        let sp = match f {
            Filler::Span(sp) => *sp,
            Filler::EntityMention(si, mi) => c.doc.mentions(*si)[*mi].span,
            _ => return true,
        };
        // The mention may start after the count: look at the word before too.
        let before = c
            .doc
            .tokens
            .iter()
            .rposition(|t| t.span.end <= sp.start)
            .map(|i| c.word(i))
            .unwrap_or("");
        let first = c.doc.text[sp.range()]
            .split_whitespace()
            .next()
            .unwrap_or("");
        let count = |w: &str| {
            number(w).is_some() || matches!(w, "at" | "more" | "over" | "dozens" | "scores")
        };
        !count(first) && !count(before)
    })
}

fn verbal(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> Option<Draft> {
    let t = tr.toks.start;
    let e = tr.toks.end;
    let w = lower(c.word(t));
    // Noun uses ("the attacks", "airstrikes") belong to the nominal rule.
    if c.has_trigger(TriggerKind::Attack, |x| {
        x.frame == Frame::Noun && x.toks == tr.toks
    }) {
        // "related to attacks": an infinitive has no "-s"; "in that attack":
        // a demonstrative after a preposition.
        let infinitive_s = t > c.range.start && c.is_word(t - 1, "to") && w.ends_with('s')
            || (t >= c.range.start + 2
                && c.is_any(t - 1, &["that", "this", "these", "those"])
                && c.is_in(t - 2, &super::PREPOSITIONS));
        // "A Golan Heights attack killed three soldiers": a verb after it.
        let subject_noun = c.word(e).ends_with("ed") && !w.ends_with("ed");
        let verbish = t > c.range.start
            && !infinitive_s
            && !subject_noun
            && (c.is_in(t - 1, &BEFORE_VERB)
                || c.mention_ending(t)
                    .is_some_and(|mi| !matches!(c.mentions()[mi].class, Class::Demonym))
                    && !w.ends_with('s'));
        if !verbish {
            return None;
        }
    }
    // "glide bombs", "the shells": a weapon, not a verb.
    if c.doc.weapons(c.si).iter().any(|x| x.toks.contains(&t)) {
        return None;
    }
    // "struck by" without "was": "a man struck by a car"; labour strikes
    // and "strike a deal" are sense cues (senses.tsv).
    if w.starts_with("str")
        && c.is_word(e, "by")
        && !(t > c.range.start && c.is_any(t - 1, &["was", "were", "been", "being", "is", "are"]))
    {
        return None;
    }
    // "targeted strike": the noun carries it.
    if c.has_trigger(TriggerKind::Attack, |x| {
        x.frame == Frame::Noun && x.toks.start == e
    }) {
        return None;
    }
    // "military targets in the area", "bases and targets": a noun.
    if noun_target(c, tr) {
        return None;
    }
    // "a strike ..., targeting X", "attacks on Ukraine since ..., mainly
    // targeting X" are one event: the noun carries it.
    let after_comma = {
        let mut p = t;
        while p > c.range.start
            && c.is_any(p - 1, &["mainly", "mostly", "primarily", "largely", "also"])
        {
            p -= 1;
        }
        p > c.range.start && c.is_word(p - 1, ",")
    };
    if w.starts_with("target")
        && c.has_trigger(TriggerKind::Attack, |x| {
            x.frame == Frame::Noun
                && x.toks != tr.toks
                && ((x.toks.start as isize - t as isize).abs() <= 8
                    || (after_comma && x.toks.start < t))
        })
    {
        return None;
    }
    let b = c.back_over(t, &ADVERBS_IN_VERB);
    // "have been attacked": the skipped "been" makes it passive.
    let been = (b..t).any(|k| c.is_any(k, &["been", "being"]));
    let passive = b > c.range.start
        && (been
            || c.is_any(
                b - 1,
                &[
                    "was", "were", "been", "be", "being", "is", "are", "get", "got",
                ],
            ))
        && (w.ends_with("ed") || w == "struck" || w == "hit" || w == "shot");
    let reduced = !passive && w.ends_with("ed") && c.is_word(e, "by");
    // "she had been fired on 1 November": dismissed, unless a weapon is
    // in the sentence.
    if passive && w.starts_with("fire") && !c.doc.weapons(c.si).iter().any(|x| x.force) {
        return None;
    }
    let (attacker, target, rule) = if passive || reduced {
        let target =
            passive_subject(c, t, true).or_else(|| np_before(c, if passive { b - 1 } else { t }));
        let attacker = by_agent(c, e, 6);
        // "No rockets were fired at Tel Aviv": the subject is the weapon.
        let target = if c.is_any(e, &["at", "on", "upon", "into"]) {
            np_at(c, e + 1).or(target)
        } else if c.is_any(e - 1, &["at", "on", "upon"]) {
            np_at(c, e).or(target)
        } else {
            target
        };
        (attacker, target, RuleId::AttackPassive)
    } else {
        let controlled = controller(c, t);
        // "the seventh time Russia has targeted Kyiv": the name right
        // before the verb (auxiliaries aside) is its subject.
        let adjacent = {
            let mut a = b;
            while a > c.range.start
                && c.is_any(
                    a - 1,
                    &[
                        "has", "have", "had", "will", "would", "could", "may", "might",
                    ],
                )
            {
                a -= 1;
            }
            c.mention_ending(a).filter(|&mi| {
                let m = &c.mentions()[mi];
                actorish(m)
                    && m.class != Class::Demonym
                    && !c.is_in(m.toks.start.saturating_sub(1), &super::PREPOSITIONS)
            })
        };
        let attacker = match &controlled {
            Some(addressee) => addressee.clone(),
            None => adjacent
                .or_else(|| {
                    c.subject_before(t)
                        .filter(|&mi| actorish(&c.mentions()[mi]))
                })
                .map(|mi| attacker_filler(c, mi)),
        };
        let target = if c.is_any(e, &["against", "on", "at", "upon"]) {
            np_at(c, e + 1)
        } else {
            np_at(c, e)
        };
        let rule = if controlled.is_some() {
            RuleId::AttackControlled
        } else {
            RuleId::AttackActive
        };
        (attacker, target, rule)
    };
    let weapon = weapon_near(c, t, e);
    // "Ukrainian drones attacked a refinery", "was hit by a Russian
    // missile": the weapon's owner is the attacker.
    let attacker = attacker.or_else(|| {
        c.doc
            .weapons(c.si)
            .iter()
            .find(|wp| {
                (wp.toks.end == b && !passive)
                    || (passive && wp.toks.start > e && wp.toks.start <= e + 3)
            })
            .and_then(|wp| {
                wielder(c, wp.toks.start).or_else(|| {
                    // "a Russian missile": the demonym inside the phrase.
                    c.mention_ending(wp.toks.start)
                        .filter(|&mi| c.mentions()[mi].class == Class::Demonym)
                        .map(|mi| attacker_filler(c, mi))
                })
            })
    });
    if attacker.is_none() && target.is_none() && weapon.is_none() {
        return None;
    }
    // "A fuel depot in Belgorod was struck": the place is in the subject.
    let location = location_after(c, e).or_else(|| {
        let in_subject = |m: &EntityMention| super::placeish(m) && m.toks.end <= t;
        c.mentions()
            .iter()
            .position(|m| {
                in_subject(m)
                    && m.toks.start > c.range.start
                    && c.is_any(m.toks.start - 1, &["in", "near", "outside"])
            })
            .filter(|_| passive)
            .map(|mi| c.filler(mi))
    });
    Some(draft(
        c, tr, attacker, target, location, weapon, rule, false,
    ))
}

/// "22 civilians were killed", "a car bomb exploded": only where no
/// stronger attack trigger is in the sentence.
fn weak_verb(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> Option<Draft> {
    // A strong trigger in the same clause carries the event; one in an
    // opening phrase set off by a comma does not ("During another wave of
    // attacks ..., Russia fired drones at targets").
    let t = tr.toks.start;
    let same_clause = |x: &TriggerMatch| {
        let (a, b) = if x.toks.start < t {
            (x.toks.end, t)
        } else {
            (tr.toks.end, x.toks.start)
        };
        !(a..b).any(|k| c.is_word(k, ","))
    };
    if c.has_trigger(TriggerKind::Attack, |x| {
        matches!(x.frame, Frame::Noun | Frame::Verb) && !noun_target(c, x) && same_clause(x)
    }) {
        return None;
    }
    // Only the first weak trigger of the sentence.
    if c.trigs
        .iter()
        .find(|x| x.kind == TriggerKind::Attack && x.frame == Frame::VerbWeak)
        .map(|x| x.toks.start)
        != Some(tr.toks.start)
    {
        return None;
    }
    let t = tr.toks.start;
    let e = tr.toks.end;
    let w = lower(c.word(t));
    let weapons = c.doc.weapons(c.si);
    match w.as_ref() {
        "killed" | "injured" | "wounded" | "shot" | "slain" | "murdered" | "executed"
        | "beheaded" | "stabbed" => {
            let passive =
                t > c.range.start && c.is_any(t - 1, &["was", "were", "been", "be", "being"]);
            let (killed, injured) = casualties(c);
            let killed = killed.or(injured);
            if passive {
                let target = passive_subject(c, t, true);
                let attacker = by_agent(c, e, 4);
                if target.is_none() && killed.is_none() {
                    return None;
                }
                let location = location_after(c, e);
                return Some(draft(
                    c,
                    tr,
                    attacker,
                    target,
                    location,
                    weapon_near(c, t, e),
                    RuleId::AttackKilledPassive,
                    false,
                ));
            }
            // "A car bomb killed four police officers"
            if let Some(wi) = weapons.iter().find(|wp| wp.toks.end == t && wp.force) {
                return Some(draft(
                    c,
                    tr,
                    wielder(c, wi.toks.start),
                    np_at(c, e),
                    location_after(c, e),
                    Some(Filler::Span(wi.span)),
                    RuleId::AttackWeaponKilled,
                    false,
                ));
            }
            let armed = c.subject_before(t).filter(|&mi| {
                let m = &c.mentions()[mi];
                m.class == Class::Group
                    && matches!(
                        m.sector,
                        Some(crate::event::Sector::ArmedGroup)
                            | Some(crate::event::Sector::Military)
                    )
            });
            let Some(attacker) = armed else {
                return crime(c, tr);
            };
            let target = np_at(c, e);
            Some(draft(
                c,
                tr,
                Some(c.filler(attacker)),
                target,
                location_after(c, e),
                weapon_near(c, t, e),
                RuleId::AttackArmedActorKilled,
                false,
            ))
        }
        // "A suicide bomber blew himself up at a checkpoint"
        "blew" if e - t == 3 => {
            let attacker = c.subject_before(t).map(|mi| c.filler(mi));
            let target = prep_object(c, e, 2, &["at", "outside", "near", "in"])
                .map(|(_, f)| f)
                .filter(
                    |f| !matches!(f, Filler::EntityMention(si, mi) if super::placeish(&c.doc.mentions(*si)[*mi])),
                );
            attacker.as_ref()?;
            let location = location_after(c, e);
            Some(draft(
                c,
                tr,
                attacker,
                target,
                location,
                None,
                RuleId::AttackBlewUp,
                false,
            ))
        }
        // "The building was hit by a Russian missile"
        "hit"
            if t > c.range.start
                && c.is_any(t - 1, &["was", "were", "been"])
                && c.is_word(e, "by") =>
        {
            let wi = weapons
                .iter()
                .find(|wp| wp.toks.start > e && wp.toks.start <= e + 3)?;
            let owner = c
                .mention_ending(wi.toks.start)
                .filter(|&mi| actorish(&c.mentions()[mi]))
                .map(|mi| attacker_filler(c, mi));
            Some(draft(
                c,
                tr,
                owner,
                passive_subject(c, t, true),
                location_after(c, wi.toks.end),
                Some(Filler::Span(wi.span)),
                RuleId::AttackPassive,
                false,
            ))
        }
        "exploded" | "explodes" | "exploding" | "went" | "detonated" | "blew" | "blown" | "hit"
        | "hits" => {
            let wi = weapons
                .iter()
                .find(|wp| wp.toks.end <= t && wp.toks.end + 3 >= t)?;
            // "exploded at the headquarters", "went off outside an officers'
            // mess": the building is the target; a named place, the location.
            let at = prep_object(c, e, 4, &["at", "outside", "near"]).map(|(_, f)| f);
            let place = |f: &Filler| matches!(f, Filler::EntityMention(si, mi) if super::placeish(&c.doc.mentions(*si)[*mi]));
            let (at_target, at_place) = match at {
                Some(f) if place(&f) => (None, Some(f)),
                other => (other, None),
            };
            let location = location_after(c, e).or(at_place);
            // "Russian missiles hit Odesa": what was hit is the target.
            let target = matches!(w.as_ref(), "hit" | "hits")
                .then(|| np_at(c, e))
                .flatten()
                .or(at_target);
            Some(draft(
                c,
                tr,
                wielder(c, wi.toks.start),
                target,
                location,
                Some(Filler::Span(wi.span)),
                RuleId::AttackWeaponExploded,
                false,
            ))
        }
        "fired" if c.is_word(e, "by") => {
            let wi = weapons
                .iter()
                .find(|wp| wp.toks.end < t && wp.toks.end + 3 >= t)?;
            let attacker = prep_object(c, e, 2, &["by"]).map(|(_, f)| f);
            let location = location_after(c, e);
            let weapon = Some(Filler::Span(wi.span));
            Some(draft(
                c,
                tr,
                attacker,
                None,
                location,
                weapon,
                RuleId::AttackFiredWeapon,
                false,
            ))
        }
        "launched" | "launches" | "launching" | "fired" | "fires" | "firing" => {
            // "fired rockets", "fired an unprecedented number of drones"
            let wi = weapons.iter().find(|wp| {
                wp.toks.start >= e
                    && wp.toks.start <= e + 6
                    && (e..wp.toks.start).all(|q| {
                        c.is_word(q, "of")
                            || (c.kind(q) == Some(TokenKind::Word)
                                && !c.is_in(q, &super::PREPOSITIONS))
                    })
            })?;
            let attacker = c
                .subject_before(t)
                .filter(|&mi| actorish(&c.mentions()[mi]))
                .map(|mi| attacker_filler(c, mi));
            let target = prep_object(
                c,
                wi.toks.end,
                4,
                &["at", "on", "into", "toward", "towards"],
            )
            .map(|(_, f)| f);
            Some(draft(
                c,
                tr,
                attacker,
                target,
                location_after(c, e),
                Some(Filler::Span(wi.span)),
                RuleId::AttackFiredWeapon,
                false,
            ))
        }
        _ => None,
    }
}
