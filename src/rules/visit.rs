//! Visit rules: "X visited Y", "X's visit to Y", "the visit of X to Y",
//! "X arrived in Y", "X was headed to Y", and back-references ("the visit").

use super::{lower, party, placeish, Ctx, Draft, Filler, Roles, RuleId, TriggerMatch};
use crate::lexicon::Frame;
use crate::mention::{Class, EntityMention};
use crate::tokens::TokenKind;
use crate::words::lists::visit::{
    DESCRIPTION_END, HOST_CUES, PLACE_DESCRIPTIONS, PLACE_NOUNS, VISIT_ADJECTIVES,
    VISIT_LIGHT_VERBS,
};

fn destinationish(m: &EntityMention) -> bool {
    placeish(m) || m.class == Class::Unknown
}

/// The destination after token `i`: "to X", "in X", "X" (for a verb), or a
/// description ("the Iranian capital", "the capitals of ...").
fn destination(c: &Ctx<'_, '_>, from: usize, direct: bool) -> Option<Filler> {
    let stop = (from + 6).min(c.range.end);
    let mut k = from;
    while k < stop {
        let prep = c.is_any(k, &["to", "in", "at", "into", "for"]);
        let start = if prep {
            k + 1
        } else if direct && k == from {
            k
        } else {
            k + 1
        };
        if prep || (direct && k == from) {
            let mut j = start;
            while c.is_any(j, &["the", "a"]) {
                j += 1;
            }
            // "the southern city of Malakal", "the Chechen capital Grozny":
            // the name the description introduces.
            if let Some(mi) = named_place(c, j) {
                return Some(c.filler(mi));
            }
            if let Some(mi) = c
                .mention_starting(j)
                .filter(|&mi| destinationish(&c.mentions()[mi]))
            {
                // "Iran and the Persian Gulf nations": extend over a conjunction.
                let m = &c.mentions()[mi];
                let mut end = m.toks.end;
                if c.is_word(end, "and") {
                    if let Some(m2) = c.mention_after(end + 1, 3, destinationish) {
                        end = c.mentions()[m2].toks.end;
                        let mut e2 = end;
                        while e2 < c.range.end
                            && c.doc.tokens[e2].kind == TokenKind::Word
                            && !c.is_in(e2, &super::PREPOSITIONS)
                            && e2 < end + 2
                        {
                            e2 += 1;
                        }
                        end = e2;
                    }
                }
                if end == m.toks.end {
                    return Some(c.filler(mi));
                }
                return Some(Filler::Span(crate::document::Span::new(
                    m.span.start,
                    c.doc.tokens[end - 1].span.end,
                )));
            }
            // "the capitals of the littoral Arab countries of the Persian Gulf", "the Iranian capital"
            let site = |q: usize| {
                c.kind(q) == Some(TokenKind::Word)
                    && c.lex
                        .senses()
                        .noun(&lower(c.word(q)))
                        .has(crate::lexicon::NounType::Site)
            };
            // "visited the Vantor refugee camp": a site noun ending a phrase
            // opened by "the" or "a" (not "visiting restaurants", "landed in
            // prison", "the home planets").
            let site_end = (0..=2).map(|a| j + a).find(|&q| {
                j > start
                    && site(q)
                    && (j..q).all(|x| c.kind(x) == Some(TokenKind::Word))
                    && (c.kind(q + 1) != Some(TokenKind::Word)
                        || c.is_in(q + 1, &super::PREPOSITIONS))
            });
            if let Some(q) = site_end {
                if let Some(span) = c.span(j, q + 1) {
                    return Some(Filler::Span(span));
                }
            }
            if c.is_in(j, &PLACE_DESCRIPTIONS) || (1..=2).any(|a| c.is_in(j + a, &PLACE_NOUNS)) {
                let end = (j..(j + 10).min(c.range.end))
                    .find(|&q| matches!(c.word(q), "," | "." | ";") || c.is_in(q, &DESCRIPTION_END))
                    .unwrap_or(c.range.end);
                if let Some(span) = c.span(j, end) {
                    return Some(Filler::Span(span));
                }
            }
            // "travelled to the hospital": after a motion verb, a plain noun phrase.
            if prep && c.is_any(k, &["to", "into"]) && j > k + 1 {
                let end = (j..(j + 3).min(c.range.end))
                    .find(|&q| {
                        c.doc.tokens[q].kind != TokenKind::Word || c.is_in(q, &super::PREPOSITIONS)
                    })
                    .unwrap_or((j + 3).min(c.range.end));
                if let Some(span) = c.span(j, end) {
                    return Some(Filler::Span(span));
                }
            }
            if prep {
                return None;
            }
        }
        if c.doc.tokens[k].kind == TokenKind::Punct {
            return None;
        }
        k += 1;
    }
    None
}

/// The place a description from token `j` introduces: "the southern city
/// of Malakal" (a place noun, "of", a place), "the Chechen capital Grozny"
/// (a place noun, then the name).
fn named_place(c: &Ctx<'_, '_>, j: usize) -> Option<usize> {
    let stop = (j + 4).min(c.range.end);
    let noun = (j..stop).find(|&q| c.is_in(q, &PLACE_NOUNS))?;
    // Only modifiers before the noun: no verb or preposition in between.
    if (j..noun).any(|q| c.is_in(q, &super::PREPOSITIONS) || c.kind(q) != Some(TokenKind::Word)) {
        return None;
    }
    let after = if c.is_word(noun + 1, "of") {
        noun + 2
    } else {
        noun + 1
    };
    c.mention_starting(after)
        .filter(|&mi| matches!(c.mentions()[mi].class, Class::Place | Class::Unknown))
}

/// The host: "met with X", "talks with X", "hosted by X", "where he met X".
fn host(c: &Ctx<'_, '_>, from: usize) -> Option<Filler> {
    for k in from..c.range.end {
        if c.is_in(k, &HOST_CUES) {
            let mut j = k + 1;
            while c.is_any(j, &["with", "by", "of", "the", "a"]) {
                j += 1;
            }
            if let Some(mi) = c.mention_starting(j).filter(|&mi| {
                matches!(
                    c.mentions()[mi].class,
                    Class::Person | Class::Description | Class::Group | Class::Org
                )
            }) {
                let m = &c.mentions()[mi];
                // "officials in Ankara"
                if m.class == Class::Group && c.is_word(m.toks.end, "in") {
                    if let Some(p) = c.mention_starting(m.toks.end + 1) {
                        let end = c.mentions()[p].span.end;
                        return Some(Filler::Span(crate::document::Span::new(m.span.start, end)));
                    }
                }
                return Some(c.filler(mi));
            }
        }
    }
    None
}

fn draft(
    c: &Ctx<'_, '_>,
    tr: &TriggerMatch,
    visitor: Option<Filler>,
    destination: Option<Filler>,
    host: Option<Filler>,
    rule: RuleId,
    backref: bool,
) -> Draft {
    c.draft(
        tr,
        Roles::Visit {
            visitor,
            destination,
            host,
        },
        rule,
        backref,
    )
}

/// "Erdogan hosted Zelensky in Istanbul", "Zelensky was received by
/// Erdogan in Ankara", "Xi welcomed Putin to Beijing": a named guest and a
/// place it came to; without the place ("welcomed the decision", "received
/// a call") it is no visit.
fn hosted(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> Option<Draft> {
    let (t, e) = (tr.toks.start, tr.toks.end);
    let guest = |m: &EntityMention| {
        matches!(
            m.class,
            Class::Person | Class::Pronoun | Class::Description | Class::Unknown
        )
    };
    let passive =
        t > c.range.start && c.is_any(t - 1, &["was", "were", "been", "is", "are", "being"]);
    let (visitor, host, after) = if passive {
        let v = c.subject_before(t).filter(|&mi| guest(&c.mentions()[mi]))?;
        if !c.is_word(e, "by") {
            return None;
        }
        let h = c.mention_after(e + 1, 3, party)?;
        (v, Some(h), c.mentions()[h].toks.end)
    } else {
        let v = c.mention_after(e, 2, guest)?;
        let h = c.subject_before(t).filter(|&mi| party(&c.mentions()[mi]));
        (v, h, c.mentions()[v].toks.end)
    };
    let place = if c.is_any(after, &["in", "to", "at"]) {
        c.mention_after(after + 1, 3, placeish)
    } else {
        None
    }?;
    Some(draft(
        c,
        tr,
        Some(c.filler(visitor)),
        Some(c.filler(place)),
        host.map(|h| c.filler(h)),
        RuleId::VisitHosted,
        false,
    ))
}

/// The traveller of a visit told in an opening clause: "After visiting
/// Tehran, Putin ...", "During his trip, Natsios ...", "If the visit goes
/// ahead, Netanyahu ...": the first person after the clause's comma.
fn opening_clause_subject(c: &Ctx<'_, '_>, t: usize, e: usize) -> Option<usize> {
    let opener = |k: usize| {
        c.is_any(
            k,
            &[
                "after", "before", "while", "since", "on", "upon", "if", "when", "during", "once",
                "unless",
            ],
        )
    };
    let opening = (t == c.range.start && c.word(t).ends_with("ing"))
        || (t < c.range.start + 4 && opener(c.range.start));
    if !opening {
        return None;
    }
    let comma = (e..c.range.end).find(|&k| c.is_word(k, ","))?;
    c.mention_after(comma + 1, 3, |m| {
        matches!(m.class, Class::Person | Class::Unknown | Class::Pronoun)
    })
}

/// True when the trigger at `tr` (any kind) receives a visitor.
pub(crate) fn hosts(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> bool {
    hosted(c, tr).is_some()
}

/// Tries the visit rules on one trigger.
pub(crate) fn rule(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> Option<Draft> {
    let t = tr.toks.start;
    let e = tr.toks.end;
    // The host is looked for only once a visit is found.
    let h = || host(c, e);
    match tr.frame {
        Frame::Host => hosted(c, tr),
        Frame::Noun => {
            // "X's visit", "his trip"
            let mut k = t;
            while k > c.range.start && c.is_in(k - 1, &VISIT_ADJECTIVES) {
                k -= 1;
            }
            let mut visitor = None;
            let mut rule = RuleId::VisitNoun;
            if k > c.range.start + 1 && c.doc.tokens[k - 1].kind == TokenKind::Poss {
                visitor = c
                    .mention_ending(k - 1)
                    .filter(|&mi| party(&c.mentions()[mi]))
                    .map(|mi| c.filler(mi));
                rule = RuleId::VisitPossessive;
            } else if k > c.range.start && c.is_any(k - 1, &["his", "her", "their"]) {
                // The possessive pronoun: resolved like "he".
                visitor = Some(Filler::Possessor(c.si, c.doc.tokens[k - 1].span));
                rule = RuleId::VisitPossessive;
            }
            // "the visit of X to Y"
            if visitor.is_none() && c.is_word(e, "of") {
                visitor = c.mention_after(e + 1, 3, party).map(|mi| c.filler(mi));
                rule = RuleId::VisitOfVisitor;
            }
            // "X made/paid/began a visit"
            if visitor.is_none() {
                let mut d = k;
                while d > c.range.start
                    && c.is_any(d - 1, &["a", "an", "the", "his", "her", "their"])
                {
                    d -= 1;
                }
                if d > c.range.start && c.is_in(d - 1, &VISIT_LIGHT_VERBS) {
                    visitor = c
                        .subject_before(d - 1)
                        .filter(|&mi| party(&c.mentions()[mi]))
                        .map(|mi| c.filler(mi));
                    rule = RuleId::VisitLightVerb;
                }
            }
            let after = if c.is_word(e, "of") {
                c.mention_after(e + 1, 3, party)
                    .map(|mi| c.mentions()[mi].toks.end)
                    .unwrap_or(e)
            } else {
                e
            };
            let dest = destination(c, after, false).or_else(|| {
                // "a surprise visit Sunday to Baghdad"
                (after + 1 < c.range.end)
                    .then(|| destination(c, after + 1, false))
                    .flatten()
            });
            // "a tour of Europe": "of" a place is where the tour goes.
            let dest = dest.or_else(|| {
                c.is_word(e, "of")
                    .then(|| c.mention_after(e + 1, 3, placeish))
                    .flatten()
                    .map(|mi| c.filler(mi))
            });
            // "a visit to Kyiv by Scholz", "a visit by Scholz to Kyiv": "by"
            // right after the noun or its destination.
            if visitor.is_none() && k > c.range.start && c.is_any(k - 1, &["a", "an", "the"]) {
                let dest_end = match &dest {
                    Some(Filler::EntityMention(_, mi)) => Some(c.mentions()[*mi].toks.end),
                    _ => None,
                };
                let b = [Some(e), dest_end]
                    .into_iter()
                    .flatten()
                    .find(|&j| c.is_word(j, "by"));
                if let Some(b) = b {
                    let person = |m: &EntityMention| {
                        matches!(
                            m.class,
                            Class::Person
                                | Class::Description
                                | Class::Country
                                | Class::Org
                                | Class::Unknown
                        )
                    };
                    visitor = c.mention_after(b + 1, 3, person).map(|mi| c.filler(mi));
                    if visitor.is_some() {
                        rule = RuleId::VisitByVisitor;
                    }
                }
            }
            let definite = k > c.range.start
                && c.is_any(k - 1, &["the", "this", "that", "his", "her", "their"]);
            // "returned to the tour after injury", "back on the tour": the
            // circuit, not a trip.
            let circuit = k >= c.range.start + 3
                && c.is_any(k - 2, &["to", "on"])
                && c.is_any(
                    k - 3,
                    &[
                        "returned",
                        "return",
                        "returns",
                        "returning",
                        "back",
                        "rejoined",
                    ],
                );
            if circuit && visitor.is_none() && dest.is_none() {
                return None;
            }
            // "A trip to the moon is too expensive": an indefinite trip that
            // opens the sentence with no traveller is travel in general.
            let generic = k == c.range.start + 1 && c.is_any(c.range.start, &["a", "an"]);
            if generic && visitor.is_none() {
                return None;
            }
            // "If the visit to Riyadh goes ahead, Netanyahu would ...",
            // "During his trip, Natsios met ...": a visit in an opening
            // clause is the main clause subject's.
            let pronoun = matches!(visitor, Some(Filler::Possessor(..)));
            if visitor.is_none() || pronoun {
                if let Some(mi) = opening_clause_subject(c, t, e) {
                    visitor = Some(c.filler(mi));
                    rule = RuleId::VisitOpeningClause;
                }
            }
            if visitor.is_none() && dest.is_none() {
                if definite || c.is_any(k.saturating_sub(1), &["during"]) {
                    return Some(draft(c, tr, None, None, h(), RuleId::VisitBackref, true));
                }
                return None;
            }
            let backref = visitor.is_none();
            Some(draft(c, tr, visitor, dest, h(), rule, backref))
        }
        Frame::Verb | Frame::VerbWeak => {
            // Adjective uses: "visiting scholars", "the travelling party"
            if t > c.range.start
                && (c.is_any(
                    t - 1,
                    &[
                        "the", "a", "an", "his", "her", "their", "its", "this", "that",
                    ],
                ) || c.is_in(t - 1, &VISIT_ADJECTIVES)
                    || c.doc.tokens[t - 1].kind == TokenKind::Poss)
            {
                return None;
            }
            let visit_verb = matches!(
                lower(c.word(t)).as_ref(),
                "visit" | "visits" | "visited" | "visiting" | "toured" | "touring"
            );
            let direct = visit_verb || {
                // "left for Europe": the phrase ends with its preposition.
                let p = c.lex.trigger_phrase(tr.phrase);
                p.ends_with(" for") || p.ends_with(" to")
            };
            let dest = destination(c, e, direct)?;
            let visitor = c
                .subject_before(t)
                .filter(|&mi| party(&c.mentions()[mi]))
                .or_else(|| opening_clause_subject(c, t, t))
                .map(|mi| c.filler(mi));
            if tr.frame == Frame::VerbWeak && visitor.is_none() {
                return None;
            }
            if visitor.is_none() && !direct {
                return None;
            }
            Some(draft(
                c,
                tr,
                visitor,
                Some(dest),
                h(),
                if visit_verb {
                    RuleId::VisitVerb
                } else {
                    RuleId::VisitMotionTo
                },
                false,
            ))
        }
        _ => None,
    }
}
