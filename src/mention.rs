//! Mentions: the actors, places, weapons and numbers of a sentence.
//!
//! Names come from two sources: lexicon phrases (countries, places, known
//! actors, titles) and runs of capitalized words. A run is split into a
//! leading country or demonym, a title and a name ("U.S. | Secretary of
//! State | Jane Doe"). Common-noun actors ("Iraqi security forces",
//! "pro-Iranian militias") are an actor noun with the modifiers before it.

use crate::document::Span;
use crate::event::Sector;
use crate::lexicon::{Entry, Hit, Iso, Lexicon};
use crate::pipeline::Analysis;
use crate::tokens::{ends_with_ci, is_upper_start, starts_with_ci, TokenKind};
use crate::words::lists::mention::{
    ACTOR_MODIFIERS, CALENDAR, HYPHEN_SUFFIXES, ORG_WORDS, PARTICLES, PLACE_NAME_NOUNS,
    PLACE_PREPOSITIONS, PLACE_WORDS, PLURAL_HEADS,
};
use std::ops::Range;
use std::sync::Arc;

/// What a mention denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// A named person ("Jane Doe", "Gen. Smith").
    Person,
    /// A named organization, institution or group.
    Org,
    /// A country name.
    Country,
    /// A city, region, site.
    Place,
    /// A common-noun actor ("security forces", "gunmen").
    Group,
    /// A country adjective standing alone ("Iraqi", "Israeli").
    Demonym,
    /// A title without a name ("the prime minister", "the spokesman").
    Description,
    /// "he", "she", "they", "it".
    Pronoun,
    /// A capitalized name of unknown type.
    Unknown,
}

/// One mention in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EntityMention {
    /// The whole phrase, title included.
    pub span: Span,
    /// The name proper (the phrase without title or leading country).
    pub name: Span,
    /// Tokens of the phrase (document token indices).
    pub toks: Range<usize>,
    pub class: Class,
    pub iso: Option<Iso>,
    pub sector: Option<Sector>,
    /// Title words, if any ("Prime Minister").
    pub title: Option<Span>,
    pub plural: bool,
    /// For demonyms: the country's name ("Israeli" -> "Israel").
    pub country: Option<Arc<str>>,
}

impl EntityMention {
    /// Whether it can be an actor: any class but places and demonyms.
    pub(crate) fn is_actor(&self) -> bool {
        !matches!(self.class, Class::Place | Class::Demonym)
    }
}

/// A weapon phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Weapon {
    pub span: Span,
    pub toks: Range<usize>,
    /// Not a vehicle: evidence of force by itself.
    pub force: bool,
}

/// What a pronoun can stand for: the kind of mention its antecedent is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refers {
    /// "they", "we": a plural group, or an organization.
    Plural,
    /// "it": an organization, a country, a singular group.
    Thing,
    /// "he", "she": a person, or a name the register knows.
    Person,
}

/// The pronouns taken as mentions, with what each can stand for. A table,
/// not three word lists: those cost 0.7% more instructions per seed
/// document (three look-ups for every word).
const PRONOUNS: &[(&str, Refers)] = &[
    ("he", Refers::Person),
    ("she", Refers::Person),
    ("they", Refers::Plural),
    ("it", Refers::Thing),
    ("we", Refers::Plural),
    ("them", Refers::Plural),
];

/// What the pronoun `w` (any case) can stand for, if it is one of [`PRONOUNS`].
#[inline]
pub(crate) fn pronoun(w: &str) -> Option<Refers> {
    (PRONOUNS.iter())
        .find(|(p, _)| p.eq_ignore_ascii_case(w))
        .map(|&(_, r)| r)
}

/// "al-Sudani", "bin-Salman": a lowercase name particle before a hyphen.
fn particle_prefixed(w: &str) -> bool {
    let b = w.as_bytes();
    (PARTICLES.iter())
        .any(|p| starts_with_ci(b, p.as_bytes()) && b.get(p.len()).map_or(true, |&c| c == b'-'))
}

/// A weekday or month name, with or without an abbreviation dot.
pub(crate) fn is_calendar(w: &str) -> bool {
    CALENDAR.contains_capitalized(w.trim_end_matches('.'))
}

/// Mention recognition in one sentence of an analysis (whose mentions
/// are not found yet).
pub(crate) struct Finder<'a> {
    a: &'a Analysis<'a>,
    /// The sentence's tokens.
    range: Range<usize>,
    /// The lexicon's name hits in the sentence, in text order.
    hits: &'a [Hit],
    /// A headline: its capitalized common words are no names.
    headline: bool,
    lex: &'a Lexicon,
    /// Per token of the sentence: the hit that covers it.
    hit_at: Vec<Option<usize>>,
}

impl<'a> Finder<'a> {
    /// A finder for sentence `si` of `a`.
    pub(crate) fn new(a: &'a Analysis<'a>, si: usize, lex: &'a Lexicon) -> Finder<'a> {
        let (range, hits) = (a.sent_toks[si].clone(), a.hits_of(si, &a.hits));
        // Not `vec![None; n]`: that asks `calloc` for zeroed memory, which
        // costs more than filling it (0.5% of the extraction's instructions).
        let mut hit_at = Vec::with_capacity(range.len());
        hit_at.resize(range.len(), None);
        for (hi, h) in hits.iter().enumerate() {
            for t in h.toks() {
                hit_at[t - range.start] = Some(hi);
            }
        }
        Finder {
            a,
            range,
            hits,
            headline: a.sentences[si].headline,
            lex,
            hit_at,
        }
    }

    /// The mentions of the sentence in text order, and its weapons: names
    /// first (runs of name words, each split and classified), then
    /// common-noun actors and pronouns around them.
    pub(crate) fn find(&self) -> (Vec<EntityMention>, Vec<Weapon>) {
        let mut mentions = Vec::new();
        for run in self.name_runs() {
            self.classify_run(run, &mut mentions);
        }
        // Then common-noun actors and pronouns around the names.
        let mut k = self.range.start;
        while k < self.range.end {
            k = self.common_noun_or_pronoun(k, &mut mentions);
        }
        mentions.sort_by_key(|m| m.span.start);
        (mentions, self.weapons())
    }

    fn tok(&self, i: usize) -> &'a str {
        &self.a.text[self.a.tokens[i].span.range()]
    }

    fn hit_at(&self, i: usize) -> Option<usize> {
        self.hit_at[i - self.range.start]
    }

    fn meanings(&self, hi: usize) -> &'a [Entry] {
        self.lex.meanings(self.hits[hi].phrase)
    }

    /// A mention of tokens `toks` whose name proper is `name`, of `class`,
    /// with nothing else known of it.
    fn plain(&self, toks: Range<usize>, name: Range<usize>, class: Class) -> EntityMention {
        EntityMention {
            span: self.a.toks_span(toks.clone()),
            name: self.a.toks_span(name),
            toks,
            class,
            iso: None,
            sector: None,
            title: None,
            plural: false,
            country: None,
        }
    }

    /// A mention of tokens `toks` whose name proper is `name`, classified
    /// by what the lexicon says of hit `hi`.
    fn lexicon_mention(&self, toks: Range<usize>, name: Range<usize>, hi: usize) -> EntityMention {
        let (class, iso, sector, country) = classify_entries(self.meanings(hi));
        EntityMention {
            iso,
            sector,
            country,
            ..self.plain(toks, name, class)
        }
    }

    /// The word after a dateline in capitals and a dash ("BAGHDAD – The
    /// ministry ..."), which opens the sentence as its first word would.
    fn after_dateline(&self) -> Option<usize> {
        let dash = (self.range.clone()).take(6).find(|&i| {
            self.a.tokens[i].kind == TokenKind::Punct && matches!(self.tok(i), "-" | "–" | "—")
        })?;
        let words = (self.range.start..dash).filter(|&i| self.a.tokens[i].kind == TokenKind::Word);
        let capitals = |i: usize| !self.tok(i).chars().any(char::is_lowercase);
        (words.clone().next().is_some() && words.into_iter().all(capitals)).then_some(dash + 1)
    }

    /// A line in capitals (of three words or more): its capitals mark no names.
    fn all_caps_line(&self) -> bool {
        let words = (self.range.clone())
            .filter(|&i| self.a.tokens[i].kind == TokenKind::Word)
            .map(|i| self.tok(i));
        words.clone().nth(2).is_some()
            && words
                .filter(|w| w.chars().any(char::is_alphabetic))
                .all(|w| !w.chars().any(char::is_lowercase))
    }

    /// Whether token `i` can be part of a name; `first`: it is the
    /// sentence's first word.
    fn is_name_token(&self, i: usize, first: bool, all_caps_line: bool) -> bool {
        let t = &self.a.tokens[i];
        if t.kind != TokenKind::Word {
            return false;
        }
        let w = self.tok(i);
        let hit = self.hit_at(i);
        if let Some(hi) = hit {
            let meanings = self.meanings(hi);
            if (meanings.iter())
                .any(|e| !matches!(e, Entry::ActorNoun { .. } | Entry::Weapon { .. }))
            {
                // Every word of a capitalized name belongs to it ("Tal al-Hawa
                // airbase"), as do the lowercase words that open a name
                // ("occupied West Bank", "southern Lebanon").
                let capital = self.hits[hi].toks().any(|k| is_upper_start(self.tok(k)));
                return capital || meanings.iter().any(|e| matches!(e, Entry::Title { .. }));
            }
        }
        // "Fighters from ...", "Gunmen attacked ...": a capitalized common noun.
        if hit.is_some() && (first || self.headline) {
            return false;
        }
        if !is_upper_start(w) {
            // A byte loop: `str::contains` sets up a search per word.
            return !t.is_ascii_word() && w.bytes().any(|b| b == b'-') && particle_prefixed(w);
        }
        // Common words have no dot: a first word is looked up without its own.
        let common = |w: &str| self.lex.is_common(w);
        !(all_caps_line
            || is_calendar(w)
            || self.headline && common(w)
            || first && (common(w.trim_end_matches('.')) || self.opening_participle_or_adverb(i)))
    }

    /// A sentence-initial participle or adverb ("Commenting on the deal,
    /// ...", "Separately, ..."): a capital, not a name.
    fn opening_participle_or_adverb(&self, i: usize) -> bool {
        let w = self.tok(i);
        if w.len() <= 5 || i + 1 >= self.range.end {
            return false;
        }
        let next = self.tok(i + 1);
        let lower_next = next.bytes().next().is_some_and(|b| b.is_ascii_lowercase());
        (w.ends_with("ing") && (lower_next || next == ","))
            || (w.ends_with("ly") && (next == "," || (lower_next && next.ends_with("ing"))))
    }

    /// Runs of name tokens, joined by "of" and "of the" ("Secretary of
    /// State", "Council of the North").
    fn name_runs(&self) -> Vec<Range<usize>> {
        let first_word = (self.range.clone())
            .find(|&i| matches!(self.a.tokens[i].kind, TokenKind::Word | TokenKind::Num));
        let after_dateline = self.after_dateline();
        let all_caps = self.all_caps_line();
        let is_name = |&i: &usize| {
            let first = Some(i) == first_word || Some(i) == after_dateline;
            self.is_name_token(i, first, all_caps)
        };
        let of = |i: usize| self.tok(i).eq_ignore_ascii_case("of");
        let mut runs: Vec<Range<usize>> = Vec::new();
        for i in self.range.clone().filter(is_name) {
            match runs.last_mut() {
                Some(run)
                    if run.end == i
                        || run.end + 1 == i && of(run.end)
                        || run.end + 2 == i && of(run.end) && self.tok(run.end + 1) == "the" =>
                {
                    run.end = i + 1
                }
                _ => runs.push(i..i + 1),
            }
        }
        runs
    }

    /// Splits a name run into country or demonym, title and name, and
    /// classifies it.
    fn classify_run(&self, run: Range<usize>, out: &mut Vec<EntityMention>) {
        let lead = self.lead(&run);
        // "the mayor of Brisk": the "of" phrase tells whose title it is;
        // no name follows the title.
        let of_whom = lead.title.is_some()
            && lead.end < run.end
            && self.tok(lead.end).eq_ignore_ascii_case("of");
        if lead.end >= run.end || of_whom {
            out.extend(self.lead_only(run, lead));
            return;
        }
        let name = lead.end..run.end;
        let name_hit = (self.hit_at(name.start)).filter(|&hi| self.hits[hi].toks() == name);
        if let (Some(hi), None) = (name_hit, &lead.title) {
            let mut known = self.lexicon_mention(run, name, hi);
            // After a country or demonym ("Iraqi Kurdistan", "U.S. State
            // Department") the whole run is the name.
            if lead.by_country && known.class != Class::Demonym {
                known.name = known.span;
                known.iso = known.iso.or(lead.iso);
            }
            out.push(known);
            return;
        }
        let class = self.name_class(&run, &name, lead.title.is_some());
        // A user's person after a title: the title's codes first, then the entry's.
        let (iso, sector) = match name_hit.map(|hi| classify_entries(self.meanings(hi))) {
            Some((Class::Person, iso, sector, _)) => (lead.iso.or(iso), lead.sector.or(sector)),
            _ => (lead.iso, lead.sector),
        };
        out.push(EntityMention {
            iso,
            sector,
            title: lead.title.map(|t| self.a.toks_span(t)),
            country: lead.country,
            ..self.plain(run, name, class)
        });
    }

    /// The country, demonym and title words that open the name run `run`.
    fn lead(&self, run: &Range<usize>) -> Lead {
        let mut lead = Lead {
            end: run.start,
            ..Lead::default()
        };
        while lead.end < run.end {
            let Some(hi) = self.hit_at(lead.end) else {
                break;
            };
            let hit = self.hits[hi].toks();
            if hit.start != lead.end || hit.end > run.end {
                break;
            }
            let meanings = self.meanings(hi);
            let title = meanings.iter().find_map(|e| match e {
                Entry::Title { sector } => Some(*sector),
                _ => None,
            });
            if let Some(sector) = title {
                lead.title = Some(lead.title.map_or(hit.clone(), |t| t.start..hit.end));
                lead.sector = lead.sector.or(sector);
                lead.end = hit.end;
                continue;
            }
            // A country comes before the title, and leaves a name after it.
            if lead.title.is_some() || hit.end == run.end {
                break;
            }
            let find = |f: fn(&Entry) -> bool| meanings.iter().find(|e| f(e));
            let demonym = find(|e| matches!(e, Entry::Demonym { .. }));
            match demonym.or_else(|| find(|e| matches!(e, Entry::Country { .. }))) {
                Some(Entry::Demonym { iso, country }) => {
                    lead.iso = *iso;
                    lead.country = Some(country.clone());
                }
                Some(Entry::Country { iso }) => lead.iso = *iso,
                _ => break,
            }
            lead.by_country = true;
            lead.end = hit.end;
        }
        lead
    }

    /// A run of country, demonym and title words only: a description
    /// ("the Prime Minister") when it holds a title, else what the lexicon
    /// says of the hit it starts with.
    fn lead_only(&self, run: Range<usize>, lead: Lead) -> Option<EntityMention> {
        if let Some(title) = lead.title {
            return Some(EntityMention {
                iso: lead.iso,
                sector: lead.sector,
                title: Some(self.a.toks_span(title.clone())),
                ..self.plain(run, title, Class::Description)
            });
        }
        let hi = self.hit_at(run.start)?;
        Some(self.lexicon_mention(run.clone(), run, hi))
    }

    /// The class of a name the lexicon does not know as a whole: a person
    /// after a title, an organization or a place by its words, a place
    /// after "in" or "near", else what the lexicon says of a one-word name.
    /// A known place after other names ("Beirut Lebanon") is rare: the
    /// name is taken as a whole.
    fn name_class(&self, run: &Range<usize>, name: &Range<usize>, titled: bool) -> Class {
        let mut words = name.clone().map(|t| self.tok(t));
        if titled {
            return Class::Person;
        }
        if words.clone().any(|w| ORG_WORDS.contains_capitalized(w)) {
            return Class::Org;
        }
        let lower = |w: &str| !w.bytes().any(|b| b.is_ascii_uppercase());
        if words.any(|w| {
            PLACE_WORDS.contains_capitalized(w) || lower(w) && PLACE_NAME_NOUNS.contains(w)
        }) {
            return Class::Place;
        }
        if run.start > self.range.start && PLACE_PREPOSITIONS.contains(self.tok(run.start - 1)) {
            return Class::Place;
        }
        match self.hit_at(name.start) {
            Some(hi) if name.len() == 1 => classify_entries(self.meanings(hi)).0,
            _ => Class::Unknown,
        }
    }

    /// The pronoun or common-noun actor at token `k`, if there is one,
    /// into `out`; returns the token to look at next.
    fn common_noun_or_pronoun(&self, k: usize, out: &mut Vec<EntityMention>) -> usize {
        if self.a.tokens[k].kind != TokenKind::Word {
            return k + 1;
        }
        if let Some(refers) = pronoun(self.tok(k)) {
            out.push(EntityMention {
                plural: refers == Refers::Plural,
                ..self.plain(k..k + 1, k..k + 1, Class::Pronoun)
            });
            return k + 1;
        }
        let Some(hi) = self.hit_at(k).filter(|&hi| self.hits[hi].first_tok == k) else {
            return k + 1;
        };
        let noun = self.hits[hi].toks();
        let sector = self.meanings(hi).iter().find_map(|e| match e {
            Entry::ActorNoun { sector } => Some(*sector),
            _ => None,
        });
        match sector {
            Some(sector) if !out.iter().any(|m| m.toks.contains(&k)) => {
                self.actor_noun(noun, sector, out)
            }
            _ => noun.end,
        }
    }

    /// The common-noun actor whose noun is `noun`, with the modifiers
    /// before it and an organization after "from" or "of", into `out`;
    /// returns the token after it.
    fn actor_noun(
        &self,
        noun: Range<usize>,
        sector: Option<Sector>,
        out: &mut Vec<EntityMention>,
    ) -> usize {
        let (start, iso) = self.take_modifiers(noun.start, out);
        let group = |end: usize, iso: Option<Iso>, plural: bool| EntityMention {
            iso,
            sector,
            plural,
            ..self.plain(start..end, start..end, Class::Group)
        };
        // "fighters from the Brigades of the North": the group takes its organization.
        if let Some(org) = self.take_organization(noun.end, out) {
            let end = org.toks.end;
            out.push(group(end, iso.or(org.iso), true));
            return end;
        }
        // "police spokesman", "Hezbollah commander": the noun modifies a title.
        let described = out.iter_mut().find(|m| {
            m.toks.start == noun.end && matches!(m.class, Class::Description | Class::Person)
        });
        if let Some(d) = described {
            d.toks.start = start;
            d.span.start = self.a.tokens[start].span.start;
            if d.class == Class::Description {
                d.name.start = d.span.start;
            }
            d.iso = d.iso.take().or(iso);
            return noun.end;
        }
        let head = self.tok(noun.end - 1);
        let plural = ends_with_ci(head.as_bytes(), b"s") || PLURAL_HEADS.contains(head);
        out.push(group(noun.end, iso, plural));
        noun.end
    }

    /// Where the modifiers of the actor noun at token `k` start (a count,
    /// "armed", "pro-Iranian", a country or an organization), and the
    /// country they name. The names taken in as modifiers leave `out`.
    fn take_modifiers(&self, k: usize, out: &mut Vec<EntityMention>) -> (usize, Option<Iso>) {
        let (mut start, mut iso) = (k, None);
        while start > self.range.start {
            let p = start - 1;
            let kind = self.a.tokens[p].kind;
            // "22 soldiers", but not the day of "March 5 gunmen" (a month: a
            // calendar word that is no weekday).
            let month = |w: &str| is_calendar(w) && !w.ends_with("day");
            if kind == TokenKind::Num && !(p > self.range.start && month(self.tok(p - 1))) {
                start = p;
                continue;
            }
            if kind != TokenKind::Word {
                break;
            }
            if let Some(m) = out.iter().find(|m| m.toks.end == p + 1) {
                if !self.modifying_name(m) {
                    break;
                }
                iso = iso.or(m.iso);
                start = m.toks.start;
                continue;
            }
            if !is_actor_modifier(self.tok(p)) {
                break;
            }
            if iso.is_none() {
                iso = self.hit_at(p).and_then(|hi| {
                    self.meanings(hi).iter().find_map(|e| match e {
                        Entry::Demonym { iso, .. } => *iso,
                        _ => None,
                    })
                });
            }
            start = p;
        }
        // The mentions that start there are the names taken in: no other
        // reaches the noun (the caller ensures it), and mentions do not overlap.
        out.retain(|m| !(start..k).contains(&m.toks.start));
        (start, iso)
    }

    /// A name that can modify an actor noun: a demonym, country,
    /// organization, place or unknown name, but not a country's possessive.
    fn modifying_name(&self, m: &EntityMention) -> bool {
        matches!(
            m.class,
            Class::Demonym | Class::Country | Class::Org | Class::Unknown | Class::Place
        ) && !(m.class == Class::Country && self.a.tokens[m.toks.end].kind == TokenKind::Poss)
    }

    /// The organization named after "from" or "of" ("of the") at token
    /// `k`, taken out of `out`.
    fn take_organization(&self, k: usize, out: &mut Vec<EntityMention>) -> Option<EntityMention> {
        let word = |i: usize, w: &str| i < self.range.end && self.tok(i).eq_ignore_ascii_case(w);
        if !(word(k, "from") || word(k, "of")) {
            return None;
        }
        let j = k + 1 + usize::from(word(k + 1, "the"));
        let oi = (out.iter()).position(|m| m.toks.start == j && matches!(m.class, Class::Org))?;
        Some(out.remove(oi))
    }

    /// The weapons of the sentence: the hits that name one.
    fn weapons(&self) -> Vec<Weapon> {
        (self.hits.iter())
            .filter_map(|h| {
                let force = self.lex.meanings(h.phrase).iter().find_map(|e| match e {
                    Entry::Weapon { force } => Some(*force),
                    _ => None,
                })?;
                Some(Weapon {
                    span: h.span,
                    toks: h.toks(),
                    force,
                })
            })
            .collect()
    }
}

/// The country, demonym and title words that open a name run ("U.S. |
/// Secretary of State | Jane Doe").
#[derive(Default)]
struct Lead {
    /// The token after them: where the name proper starts.
    end: usize,
    iso: Option<Iso>,
    /// The country a leading demonym stands for.
    country: Option<Arc<str>>,
    /// A country or demonym opens the run.
    by_country: bool,
    title: Option<Range<usize>>,
    sector: Option<Sector>,
}

/// A word that may modify an actor noun: "armed", "Iranian-backed",
/// "pro-government".
fn is_actor_modifier(w: &str) -> bool {
    let b = w.as_bytes();
    ACTOR_MODIFIERS.contains(w)
        || (w.contains('-')
            && (HYPHEN_SUFFIXES
                .iter()
                .any(|x| ends_with_ci(b, x.as_bytes()))
                || starts_with_ci(b, b"pro-")
                || starts_with_ci(b, b"anti-")))
}

/// Class, country and sector of a lexicon phrase: of its meanings, the
/// first actor, else country, place, demonym, then title.
fn classify_entries(ms: &[Entry]) -> (Class, Option<Iso>, Option<Sector>, Option<Arc<str>>) {
    let rank = |e: &Entry| match e {
        Entry::Actor { .. } | Entry::Person { .. } => 0,
        Entry::Country { .. } => 1,
        Entry::Place { .. } => 2,
        Entry::Demonym { .. } => 3,
        Entry::Title { .. } => 4,
        Entry::ActorNoun { .. } | Entry::Weapon { .. } => 5,
    };
    match ms.iter().min_by_key(|e| rank(e)) {
        Some(Entry::Actor { iso, sector }) => (Class::Org, *iso, *sector, None),
        Some(Entry::Person { iso, sector, .. }) => (Class::Person, *iso, *sector, None),
        Some(Entry::Country { iso }) => (Class::Country, *iso, Some(Sector::Government), None),
        Some(Entry::Place { iso }) => (Class::Place, *iso, None, None),
        Some(Entry::Demonym { iso, country }) => {
            (Class::Demonym, *iso, None, Some(country.clone()))
        }
        Some(Entry::Title { sector }) => (Class::Description, None, *sector, None),
        _ => (Class::Unknown, None, None, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The mention texts of `text`, in order.
    fn mention_texts(text: &str) -> Vec<&str> {
        let lex = crate::lexicon::LexiconData::builtin().compile();
        let a = crate::pipeline::Analysis::new(text, &lex);
        let spans: Vec<Span> = a.all_mentions().iter().map(|m| m.span).collect();
        spans.into_iter().map(|s| &text[s.range()]).collect()
    }

    #[test]
    fn mentions_stop_before_dates() {
        for (text, want) in [
            // The day of a date is no count of the actors after it.
            (
                "On March 5 gunmen attacked the convoy near Mosul.",
                &["gunmen", "Mosul"][..],
            ),
            ("The October 7 attackers crossed the fence.", &["attackers"]),
            // A count is.
            ("On Monday 5 gunmen attacked the convoy.", &["5 gunmen"]),
            (
                "Gunmen killed 12 soldiers near Mosul.",
                &["Gunmen", "12 soldiers", "Mosul"],
            ),
            // Weekdays and days relative to publication are no part of a name.
            (
                "Hezbollah fighters Tuesday fired rockets at Israel.",
                &["Hezbollah fighters", "Israel"],
            ),
            (
                "US President Joe Biden Tuesday said the talks would go on.",
                &["US President Joe Biden"],
            ),
            (
                "Sudani travelled to Tehran Sunday and Riyadh yesterday.",
                &["Sudani", "Tehran", "Riyadh"],
            ),
        ] {
            assert_eq!(mention_texts(text), want, "{text}");
        }
    }

    #[test]
    fn calendar_words_are_capitalized_weekdays_and_months() {
        for w in ["Monday", "May", "Sept", "Sept.", "Dec.", "November"] {
            assert!(is_calendar(w), "{w:?}");
        }
        for w in [
            "may", "MAY", "march", "Mondays", "Monda", "Minister", "", ".", "É",
        ] {
            assert!(!is_calendar(w), "{w:?}");
        }
    }

    #[test]
    fn a_dateline_opens_the_sentence() {
        for (text, want) in [
            (
                "NAIROBI – The United States urged Kenya to act.",
                &["NAIROBI", "United States", "Kenya"][..],
            ),
            // Not after a dash inside the sentence.
            (
                "The envoy - The Hague's man - left Nairobi.",
                &["envoy", "The Hague", "man", "Nairobi"],
            ),
        ] {
            assert_eq!(mention_texts(text), want, "{text}");
        }
    }
}
