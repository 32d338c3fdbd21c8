//! Sense: whether a trigger word carries the event's sense at all.
//!
//! A trigger is a candidate, not an event. Outside conflict and diplomacy
//! news most of them mean something else: "strike a deal", "attacked the
//! plans", "the prize went to", "unlimited phone calls". Two kinds of evidence
//! decide, as dictionary-based event coders decide (an event is coded only
//! when its parties are of the right type):
//!
//! - **cues** around the trigger, kept as data in `lexicon/data/senses.tsv`
//!   and checked before a kind's rule runs ([`cue`]);
//! - **the roles** the rule found, checked after it ([`check`]): their head
//!   nouns typed in `lexicon/data/nouns.tsv`, evidence of force for the
//!   ambiguous attack words, and the document's genre (a sports report
//!   has fixtures, not visits).
//!
//! Every rejection names its rule, shown by `Extractor::explain`.

use super::{armed, named_party, Ctx, Draft, Filler, Roles, RuleId, TriggerMatch};
use crate::event::EventType;
use crate::lexicon::{Force, Frame, Hit, NounType, NounTypes, Trigger, Where};
use crate::mention::{Class, EntityMention, Refers};
use crate::tokens::{ends_with_ci, TokenKind};
use crate::words::lists::attack::PASSIVE_AUXILIARIES;
use crate::words::lists::rules::{COMPASS_ADJECTIVES, COORDINATORS, DETERMINERS, REFLEXIVES};
use crate::words::lists::sense::{FIXTURE_VERBS, OBJECT_PRONOUNS, SEIZE_VERBS, SKIP_BEFORE_VERB};
use crate::words::lists::visit::{
    CARRIED_PARTICIPLES, CARRYING_VERBS, LIFE_STAGES, MOTION_ADVERBS, PARTY_COUNTS,
    TRAVELLERS_IN_GENERAL, TRAVEL_AUXILIARIES,
};
use std::cell::OnceCell;

/// Why a candidate is not an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reject {
    /// A cue of `senses.tsv` (its index).
    Cue(usize),
    /// A sense rule written in code.
    Rule(RuleId),
}

/// What the sense rules ask of a whole document, found on first use.
#[derive(Default)]
pub(crate) struct DocFacts {
    sport: OnceCell<bool>,
    conflict: OnceCell<bool>,
    music: OnceCell<bool>,
}

/// A sports report: several words only sports reporting uses.
fn sport(c: &Ctx<'_, '_>) -> bool {
    *c.facts.sport.get_or_init(|| {
        let sport = |h: &&Hit| c.lex.sense_word(h.phrase).sport;
        c.doc.sense_hits.iter().filter(sport).count() >= 3
    })
}

/// The sentence cue whose words are those of concerts and records.
const MUSIC_CUE: &str = "sense.music_tour_sentence";

/// A music report: several words of concerts and records (those of
/// [`MUSIC_CUE`]) across the document. A tour there is a concert tour even
/// where its own sentence names no band ("the tour begins in Denver").
fn music(c: &Ctx<'_, '_>) -> bool {
    *c.facts.music.get_or_init(|| {
        let ci = c.lex.senses().cues.iter().position(|q| q.id == MUSIC_CUE);
        let music =
            |h: &&Hit| ci.is_some_and(|ci| c.lex.sense_word(h.phrase).cues & (1 << ci) != 0);
        c.doc.sense_hits.iter().filter(music).count() >= 4
    })
}

/// A conflict report: several signs of force (armed parties, weapons,
/// words that are force by themselves) across the document.
fn conflict(c: &Ctx<'_, '_>) -> bool {
    *c.facts.conflict.get_or_init(|| {
        let a = c.doc;
        let armed = a.all_mentions().iter().filter(|m| armed(m)).count();
        let weapons = (0..a.sentences.len())
            .map(|si| a.weapons(si).iter().filter(|w| w.force).count())
            .sum::<usize>();
        let itself = |t: &Trigger| t.kind == EventType::Attack && t.force == Force::Itself;
        let force_word = |h: &&Hit| c.lex.trigger_meanings(h.phrase).iter().any(itself);
        let force = a.triggers.iter().filter(force_word).count();
        armed + weapons + force >= 3
    })
}

/// A cue of `senses.tsv` around the trigger, before any rule runs.
pub(crate) fn cue(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> Option<Reject> {
    let cues = &c.lex.senses().cues;
    // Quote marks around the trigger or its cue word do not part them
    // ("a 'denial of service' attack").
    let quote = |k: usize| c.kind(k) == Some(TokenKind::Quote);
    let t = c.back_while(tr.toks.start, quote);
    let e = c.forward_while(tr.toks.end, quote);
    let s = c.range.clone();
    (c.lex.trigger_cues(tr.phrase).iter().copied())
        .find(|&ci| {
            let cue = &cues[ci];
            let hit = |k: usize| s.contains(&k) && !tr.toks.contains(&k) && cue.has(c.bytes(k));
            cue.kind == tr.kind
                && match cue.place {
                    Where::Prev => t > s.start && hit(t - 1),
                    Where::Before => (t.saturating_sub(2)..t).any(hit),
                    Where::Next => hit(e),
                    Where::After => (e..e + 3).any(hit),
                    Where::Sentence => sentence_cues(c) & (1 << ci) != 0,
                    Where::Lacks => !(e..e + 4).any(hit),
                }
        })
        .map(Reject::Cue)
}

/// The sentence-wide cues of the sentence: the cues of its sense words,
/// found by the lexicon search, outside names ("Operation Al-Aqsa Storm"
/// is no storm).
fn sentence_cues(c: &Ctx<'_, '_>) -> u64 {
    *c.sentence_cues.get_or_init(|| {
        (c.doc.hits_of(c.si, &c.doc.sense_hits).iter())
            .filter(|h| !super::in_name(c.mentions(), &h.toks()))
            .fold(0, |m, h| m | c.lex.sense_word(h.phrase).cues)
    })
}

/// The roles a rule found, checked for the kind's sense.
/// A visit noun's visitor that is a thing is dropped, not the visit: the
/// noun says travel, the rule took the wrong party ("the date of the Budget
/// while on a trip to China").
pub(crate) fn check(c: &Ctx<'_, '_>, tr: &TriggerMatch, d: &mut Draft) -> Option<Reject> {
    if let Roles::Visit { visitor, .. } = &mut d.roles {
        if tr.frame == Frame::Noun && visitor.as_ref().is_some_and(|f| party(c, f, true).thing()) {
            *visitor = None;
        }
    }
    let r = match &d.roles {
        Roles::Attack { .. } => attack(c, tr, d),
        Roles::Visit {
            visitor,
            destination,
            ..
        } => visit(c, tr, visitor.as_ref(), destination.as_ref()),
        Roles::Call { participants } => call(c, tr, participants),
        Roles::Statement { .. } => None,
    };
    r.map(Reject::Rule)
}

/// What a role filler is, for the sense rules.
#[derive(Debug, Clone, Copy)]
enum Party {
    /// A named person, or a pronoun.
    Person,
    /// A named place or country, or a demonym.
    Place,
    /// An armed party (military, armed group).
    Armed,
    /// A common noun or a name of another kind, with its head's types.
    Noun(NounTypes),
}

impl Party {
    fn has_type(self, t: NounType) -> bool {
        matches!(self, Party::Noun(ts) if ts.has(t))
    }

    /// A thing: typed only as something no attack or visit is about.
    fn thing(self) -> bool {
        use NounType::*;
        let things = [Abstract, Commerce, Product, Cyber, Sport, Award, Disaster];
        !self.has_type(Person) && !self.has_type(Site) && things.iter().any(|&t| self.has_type(t))
    }

    /// People, or a place, building or vehicle: what force is used on.
    fn physical(self) -> bool {
        matches!(self, Party::Person | Party::Place | Party::Armed)
            || self.has_type(NounType::Person)
            || self.has_type(NounType::Site)
    }
}

/// What a filler is: its mention's class, or the type of its head noun.
/// With `possessed`, a possessor stands for the noun it possesses ("Bush's
/// record" is a record, "the firm's chief executive" travels): for the
/// object of an attack and a visitor, not for an attacker, whose possessor
/// is the state or group acting ("Israel's army").
fn party(c: &Ctx<'_, '_>, f: &Filler, possessed: bool) -> Party {
    let typed = |i: usize| Party::Noun(c.noun_types(i));
    match f {
        Filler::Country(..) => Party::Place,
        Filler::Possessor(..) => Party::Person,
        Filler::EntityMention(si, mi) => {
            let m = &c.doc.mentions(*si)[*mi];
            let end = m.toks.end;
            if armed(m) {
                return Party::Armed;
            }
            if possessed && c.kind(end) == Some(TokenKind::Poss) {
                if let Some(h) = np_head(c, end + 1) {
                    return typed(h);
                }
            }
            // "the Wales side", "the Asian market": a name modifying a
            // lower-case noun of the table.
            let modifier = matches!(m.class, Class::Place | Class::Country | Class::Org)
                && c.plain_word(end)
                && c.word(end).starts_with(|ch: char| ch.is_lowercase())
                && c.lex.senses().noun(c.word(end)).any();
            if modifier {
                return typed(end);
            }
            match m.class {
                // "flooded it with requests": "it" is no person.
                Class::Pronoun
                    if crate::mention::pronoun(c.word(m.toks.start)) == Some(Refers::Thing) =>
                {
                    Party::Noun(NounTypes::default())
                }
                Class::Person | Class::Pronoun => Party::Person,
                Class::Place | Class::Country | Class::Demonym => Party::Place,
                _ => typed(end.saturating_sub(1)),
            }
        }
        Filler::Span(span) => {
            let first = (c.range.clone()).find(|&i| c.doc.tokens[i].span.start >= span.start);
            // "southern Lebanon", "eastern and southern Ukraine": a part
            // of a place named by its direction is that place.
            let direction = |k: usize| c.is_in(k, &COMPASS_ADJECTIVES) || c.is_word(k, "and");
            let part = first.map(|i| c.forward_while(i, direction));
            let place = |mi: usize| matches!(c.mentions()[mi].class, Class::Place | Class::Country);
            if part.is_some_and(|k| Some(k) != first && c.mention_starting(k).is_some_and(place)) {
                return Party::Place;
            }
            // The head lies inside the span: the phrase as the rule cut it.
            let inside = |k: &usize| c.doc.tokens[*k].span.end <= span.end;
            let last = (c.range.clone()).rev().find(inside);
            // "the city continued": the last noun of the table in the phrase.
            let types = first.and_then(|i| {
                let h = np_head(c, i)?;
                let h = last.map_or(h, |l| h.min(l)).max(i);
                (i..=h).rev().map(|k| c.noun_types(k)).find(|t| t.any())
            });
            Party::Noun(types.unwrap_or_default())
        }
    }
}

/// The head of the noun phrase from token `i`: its last word before a
/// preposition, a verb-like word or punctuation (at most six words).
fn np_head(c: &Ctx<'_, '_>, i: usize) -> Option<usize> {
    // "knocking him down": an object pronoun is the whole phrase.
    if c.is_in(i, &OBJECT_PRONOUNS) {
        return Some(i);
    }
    (c.kind(i) == Some(TokenKind::Word)).then(|| c.words_end(i + 1, 5, |_| false) - 1)
}

/// The sense rules of an attack draft `d`: the types of its attacker and
/// target, and evidence of force for the ambiguous attack words.
fn attack(c: &Ctx<'_, '_>, tr: &TriggerMatch, d: &Draft) -> Option<RuleId> {
    let Roles::Attack {
        attacker, target, ..
    } = &d.roles
    else {
        return None;
    };
    let (attacker, target) = (attacker.as_ref(), target.as_ref());
    let by = attacker.map(|f| party(c, f, false));
    let on = target.map(|f| party(c, f, true));
    if by.is_some_and(|p| p.has_type(NounType::Critic)) {
        return Some(RuleId::SenseCriticism);
    }
    if by.is_some_and(Party::thing) {
        return Some(RuleId::SenseAttackerType);
    }
    if on.is_some_and(Party::thing) || seized_no_vehicle(c, tr, on) || on_oneself(c, target) {
        return Some(RuleId::SenseTargetType);
    }
    let police = (attacker.and_then(|f| c.filler_mention(f))).is_some_and(|m| c.is_police(m));
    if tr.force == Force::Search && by.is_some_and(|p| p.has_type(NounType::Police) || police) {
        return Some(RuleId::SensePoliceSearch);
    }
    // "over 900 people were killed" with no one who killed them, no
    // weapon and no armed party: only a conflict report makes it an attack
    // (a tsunami, a regime's record, a crash are not).
    // The casualties named: no person noun ("More than 3,000 ..."), or
    // people in general, not "civilians", "journalists", "a teenager".
    let generic = |p: Party| {
        let people = target.is_some_and(|f| {
            let h = &c.doc.text.as_bytes()[c.filler_span(f).range()];
            ends_with_ci(h, b"people") || ends_with_ci(h, b"persons")
        });
        matches!(p, Party::Noun(_)) && (!p.has_type(NounType::Person) || people)
    };
    if d.rule == RuleId::AttackKilledPassive
        && on.map_or(true, generic)
        && attacker.is_none()
        && c.weapon(|w| w.force).is_none()
        && !c.mentions().iter().any(armed)
        && !conflict(c)
    {
        return Some(RuleId::SenseNoForce);
    }
    // "urged Israel to refrain from attacking Rafah": one is told not to
    // attack a place only with force.
    if d.rule == RuleId::AttackControlled && on.is_some_and(Party::physical) {
        return None;
    }
    // "the attack" after an attack was found refers to it.
    let backref = d.backref && c.seen_attack;
    let force = tr.force == Force::Itself || backref || force_evidence(c, tr.force, by, on);
    (!force).then_some(RuleId::SenseNoForce)
}

/// "hijacked the debate": only a vehicle or a place is seized by force.
fn seized_no_vehicle(c: &Ctx<'_, '_>, tr: &TriggerMatch, on: Option<Party>) -> bool {
    c.is_in(tr.toks.start, &SEIZE_VERBS) && !on.is_some_and(|p| p.has_type(NounType::Site))
}

/// "set fire to himself": harm done to oneself is no attack.
fn on_oneself(c: &Ctx<'_, '_>, target: Option<&Filler>) -> bool {
    target.is_some_and(|f| {
        let start = c.filler_span(f).start;
        (c.range.clone()).any(|k| c.doc.tokens[k].span.start == start && c.is_in(k, &REFLEXIVES))
    })
}

/// Evidence that an ambiguous attack word is force: a weapon, a casualty
/// count or an armed party in the sentence; a state acting on a place; a
/// physical target; or a conflict report around it. In a sports report
/// only the first three count: play is physical too.
fn force_evidence(c: &Ctx<'_, '_>, force: Force, by: Option<Party>, on: Option<Party>) -> bool {
    if c.weapon(|w| w.force).is_some()
        || super::attack::casualties(c) != (None, None)
        || c.mentions().iter().any(armed)
    {
        return true;
    }
    // Play is physical too: none of what follows counts in a sports report,
    // which is asked last, since reading the whole text costs most.
    let physical = on.is_some_and(Party::physical);
    let evidence = match force {
        Force::Harm => {
            on.is_some_and(|p| matches!(p, Party::Person) || p.has_type(NounType::Person))
        }
        // "targeted teenagers with adverts": aiming is not force without more.
        Force::Aim => false,
        _ => {
            let state = by.is_some_and(|p| matches!(p, Party::Place));
            let common =
                on.is_some_and(|p| p.has_type(NounType::Person) || p.has_type(NounType::Site));
            // "the embassy was attacked": some sites only force attacks.
            let structure = on.is_some_and(|p| p.has_type(NounType::Structure));
            (state && physical) || (by.is_some() && common) || structure || conflict(c)
        }
    };
    // Harm to a person who is not at play ("fans assaulted a steward") is
    // force in a sports report too; a player hurt is play.
    let bystander = force == Force::Harm
        && on.is_some_and(|p| p.has_type(NounType::Person) && !p.has_type(NounType::SportCue));
    evidence && (bystander || !sport(c))
}

fn visit(
    c: &Ctx<'_, '_>,
    tr: &TriggerMatch,
    visitor: Option<&Filler>,
    destination: Option<&Filler>,
) -> Option<RuleId> {
    let t = tr.toks.start;
    let verb = matches!(tr.frame, Frame::Verb | Frame::VerbWeak);
    if verb && subject_word(c, t).is_some_and(|p| p.thing()) {
        return Some(RuleId::SenseThingMoves);
    }
    if verb && carried(c, tr) {
        return Some(RuleId::SenseCarried);
    }
    if verb && (travellers_in_general(c, t) || settling(c, tr.toks.end)) {
        return Some(RuleId::SenseTravelInGeneral);
    }
    if verb && team_fixture(c, t) {
        return Some(RuleId::SenseFixture);
    }
    if visitor.is_some_and(|f| party(c, f, true).thing()) || of_thing(c, tr) {
        return Some(RuleId::SenseThingMoves);
    }
    let dest = destination.map(|f| party(c, f, false));
    // A named mention of unknown type may be a place ("Hollin Park").
    let dest_class = (destination.and_then(|f| c.filler_mention(f))).map(|m| m.class);
    let named = dest_class == Some(Class::Unknown);
    // "went", "came", "returned": travel only to a named place or a site.
    let site = |p: Party| matches!(p, Party::Place) || p.has_type(NounType::Site);
    let weak = tr.frame == Frame::VerbWeak && !(named || dest.is_some_and(site));
    if dest.is_some_and(Party::thing) || weak {
        return Some(RuleId::SenseDestinationType);
    }
    // A player's own trip names the place and its day: "flew to Dublin on
    // Monday to join the squad"; undated ("since arriving at Liverpool",
    // "his arrival in 1996") it is a move to a club. The sports report is
    // asked last: reading the text costs most.
    let tour = c.lex.trigger_phrase(tr.phrase).starts_with("tour");
    if tour && music(c) {
        return Some(RuleId::SenseMusicReport);
    }
    let person = visitor.is_some_and(|f| one_person(c, f));
    let place = named || dest_class == Some(Class::Place);
    ((!person || !place || tour || !dated(c)) && sport(c)).then_some(RuleId::SenseFixture)
}

/// A date of the sentence that names a day or a span within a year: a
/// year alone dates a career, not a trip.
fn dated(c: &Ctx<'_, '_>) -> bool {
    use crate::dates::{DateKind, InYear};
    let year = |k: &DateKind| matches!(k, DateKind::Yearly { what, .. } if *what == InYear::Whole);
    (c.dates().iter()).any(|d| !year(&d.kind) && !matches!(&d.kind, DateKind::Since(k) if year(k)))
}

/// "flew troops to X", "were flown to X", "will be returned to X": a motion
/// verb that moves its object (a determiner, a plural or a typed noun right
/// after it), or a passive one that moves its subject by another's hand.
fn carried(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> bool {
    let (t, e) = (tr.toks.start, tr.toks.end);
    let passive = c.follows(t, &PASSIVE_AUXILIARIES) && c.is_in(t, &CARRIED_PARTICIPLES);
    let carrying = c.is_in(t, &CARRYING_VERBS) && !c.is_in(e, &MOTION_ADVERBS);
    // The object's phrase, up to the preposition of its destination.
    let lower = c.word(e).starts_with(|ch: char| ch.is_lowercase());
    let noun = |k: usize| crate::words::plural(c.word(k)) || c.noun_types(k).any();
    let object = || (e..c.words_end(e, 3, |_| false)).any(noun);
    passive || (carrying && c.plain_word(e) && lower && (c.is_in(e, &DETERMINERS) || object()))
}

/// "tourists travelling to Spain", "Europeans flying to", "many visiting
/// the store": a subject of travellers in general, bare (no determiner or
/// count before its phrase), not a party.
fn travellers_in_general(c: &Ctx<'_, '_>, t: usize) -> bool {
    let w = c.back_over(t, &TRAVEL_AUXILIARIES).wrapping_sub(1);
    // "Europeans": a people, a plural name that names no party ("Edwards",
    // "Yukos" do).
    let party_name = |mi: usize| !matches!(c.mentions()[mi].class, Class::Demonym | Class::Place);
    let people = crate::words::plural(c.word(w))
        && c.word(w).starts_with(|ch: char| ch.is_uppercase())
        && !c.mention_covering(w).is_some_and(party_name);
    if !(people || c.is_in(w, &TRAVELLERS_IN_GENERAL)) {
        return false;
    }
    let party = |q: usize| c.is_in(q, &DETERMINERS) || c.is_in(q, &PARTY_COUNTS);
    // The phrase: at most two modifiers before the noun ("two British tourists").
    let start = c.back_while(w, |q| q + 2 >= w && c.plain_word(q) && !party(q));
    // Bare: no determiner or count before it.
    !(start > c.range.start && (party(start - 1) || c.kind(start - 1) == Some(TokenKind::Num)))
}

/// "came to Britain as a child": a move to live somewhere, told by the
/// traveller's age or standing after "as" past the trigger ending before `e`.
fn settling(c: &Ctx<'_, '_>, e: usize) -> bool {
    (c.ahead(e, 8))
        .any(|k| c.is_word(k, "as") && c.ahead(k + 1, 3).any(|q| c.is_in(q, &LIFE_STAGES)))
}

/// "Arsenal visit Chelsea on Saturday", "Ireland host Wales": a plural
/// verb right after a single name that is not a person: a club or a
/// national side (British usage treats it as plural; a state "visits").
/// "Biden visits", "officials visit" and "will visit" are not.
fn team_fixture(c: &Ctx<'_, '_>, t: usize) -> bool {
    use Class::*;
    let club = |m: &EntityMention| {
        matches!(m.class, Unknown | Org | Place | Country)
            && !c.follows(m.toks.start, &COORDINATORS)
    };
    FIXTURE_VERBS.contains(c.word(t)) && c.mention_ending(t).filter(c.mention_is(club)).is_some()
}

/// "the arrival of new lenders", "the journey of the film": a visit noun
/// whose "of" names a thing, not a party.
fn of_thing(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> bool {
    let e = tr.toks.end;
    if tr.frame != Frame::Noun || !c.is_word(e, "of") {
        return false;
    }
    let k = c.forward_over(e + 1, &DETERMINERS);
    let named = c
        .mention_starting(k)
        .is_some_and(|mi| party(c, &c.filler(mi), false).thing());
    // "the arrival of Wi-Fi devices": a name may only modify the noun; the
    // first noun of the table in the next three words is the head.
    let phrase = k..c.words_end(k, 3, |_| false);
    let typed = phrase.map(|q| c.noun_types(q)).find(|t| t.any());
    named
        || typed.is_some_and(|t| Party::Noun(t).thing())
        || np_head(c, k).is_some_and(|h| Party::Noun(c.noun_types(h)).thing())
}

/// A named person, or "he"/"she": in a sports report "they" is a team.
fn one_person(c: &Ctx<'_, '_>, f: &Filler) -> bool {
    if let Filler::Possessor(_, sp) = f {
        return matches!(&c.doc.text[sp.range()], "his" | "her" | "His" | "Her");
    }
    c.filler_mention(f).is_some_and(|m| match m.class {
        Class::Person => true,
        Class::Pronoun => crate::mention::pronoun(c.word(m.toks.start)) == Some(Refers::Person),
        _ => false,
    })
}

/// The word just before a verb (past auxiliaries and adverbs), typed, when
/// it is a common noun and not a mention: the subject "prize" of "the prize
/// went to".
fn subject_word(c: &Ctx<'_, '_>, t: usize) -> Option<Party> {
    let w = c.back_over(t, &SKIP_BEFORE_VERB).checked_sub(1)?;
    let common = c.kind(w) == Some(TokenKind::Word) && c.mention_covering(w).is_none();
    common.then(|| Party::Noun(c.noun_types(w)))
}

fn call(c: &Ctx<'_, '_>, tr: &TriggerMatch, participants: &[Filler]) -> Option<RuleId> {
    let phrase = c.lex.trigger_phrase(tr.phrase);
    if matches!(phrase, "call" | "calls") && sport(c) {
        return Some(RuleId::SenseSelection);
    }
    // "carry phone calls", "place phone calls on the app": calls in general,
    // unless named parties hold them.
    let mention = |f: &Filler| c.filler_mention(f);
    let named = participants.iter().filter_map(mention).any(named_party);
    (phrase.ends_with("calls") && !named).then_some(RuleId::SenseCallsInGeneral)
}
