//! Who is meant: pronouns, surnames and descriptions resolved to the name
//! the document gives, within one document.
//!
//! People are registered as they appear ("U.S. Secretary of State Antony
//! Blinken" -> name "Antony Blinken", title "Secretary of State"). A later
//! "Blinken" takes the full name as canonical; "he" takes the subject person
//! of the nearest sentence before; "the secretary" the person with that title.
//! A title with a country ("the Iraqi prime minister", "Iraq's prime
//! minister") takes the one person of that title and country, named before
//! or after it; when two fit, it stays as written.

use crate::document::Span;
use crate::event::{EventType, Mention, Sector};
use crate::lexicon::{Entry, Frame, Iso, Lexicon};
use crate::mention::{pronoun, Class, EntityMention, Refers};
use crate::pipeline::Analysis;
use crate::rules::Filler;
use crate::tokens::{ends_with_ci, Token, TokenKind};
use std::cell::RefCell;
use std::cmp::Reverse;
use std::collections::HashMap;

/// A person or group named in the document.
#[derive(Debug, Clone)]
struct Entity<'t> {
    /// Borrowed from the document: the register allocates no string per name.
    name: &'t str,
    title: Option<String>,
    iso: Option<Iso>,
    sector: Option<Sector>,
    start: usize,
}

/// The document's register of named people.
#[derive(Debug, Default)]
pub(crate) struct Register<'t> {
    /// In text order, as the document's mentions are: [`Register::by_title`]
    /// relies on it.
    people: Vec<Entity<'t>>,
    /// For each name word's key, the index of the fullest person whose name
    /// has it: the answer of [`Register::fullest`], computed once. Sorted
    /// by key and binary-searched: the keys are the document's words, and
    /// a hash table keyed by them without a secret key could be flooded
    /// with colliding names (quadratic), while a keyed one costs more.
    fullest: Vec<(String, usize)>,
    /// For each head word and country (or none) asked for by
    /// [`Register::by_title`], the people (indices, ascending) whose title
    /// holds that head and who are of that country. Heads are few (the
    /// last words of title phrases), so each is matched against the people
    /// once: looking at every person before each description is quadratic
    /// in a long document of titled names and descriptions that match none.
    titled: RefCell<HashMap<HeadAndCountry, Vec<usize>>>,
}

/// A head word of a title, and a country or none.
type HeadAndCountry = (String, Option<Iso>);

/// A country code as the output's text.
fn code(iso: Option<Iso>) -> Option<String> {
    iso.map(|i| i.as_str().to_string())
}

/// A mention at `span` read as the full name `name`.
fn read_as(name: &str, span: Span, country: Option<String>, sector: Option<Sector>) -> Mention {
    Mention {
        text: name.to_string(),
        span,
        canonical: Some(name.to_string()),
        country,
        sector,
    }
}

/// `r` standing at `span`, read as its canonical name: what a pronoun or
/// a description stands for.
fn in_place_of(mut r: Mention, span: Span) -> Mention {
    r.span = span;
    r.text = r.canonical.clone().unwrap_or(r.text);
    r
}

/// Calls `f` with the surname-ish key of a word: lowercase, without an
/// "al-" prefix (looked up for every name mention).
fn with_key<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    f(w.to_lowercase()
        .trim_start_matches("al-")
        .trim_start_matches("el-"))
}

/// The title a user gave the person named by `m` (a lexicon person).
fn user_title(a: &Analysis<'_>, lex: &Lexicon, m: &EntityMention) -> Option<String> {
    if m.class != Class::Person {
        return None;
    }
    let at = a.hits.partition_point(|h| h.span.start < m.name.start);
    let hit = a.hits.get(at).filter(|h| h.span == m.name)?;
    lex.meanings(hit.phrase).iter().find_map(|e| match e {
        Entry::Person { title, .. } => title.as_deref().map(str::to_string),
        _ => None,
    })
}

/// Whether mention `m`, whose name proper reads `name`, names a person: a
/// person, or an untitled name of unknown type of two to four words.
fn is_person_name(m: &EntityMention, name: &str) -> bool {
    m.class == Class::Person
        || m.class == Class::Unknown && (2..=4).contains(&name.split_whitespace().count())
}

/// The country of mention `m`: its own, else that of a country in the
/// possessive right before it ("Iraq's prime minister"). `before` is the
/// mention before `m`, if any.
fn country(a: &Analysis<'_>, before: Option<&EntityMention>, m: &EntityMention) -> Option<Iso> {
    m.iso.or_else(|| {
        let c = before?;
        let possessive = c.class == Class::Country
            && c.toks.end + 1 == m.toks.start
            && a.tokens[c.toks.end].kind == TokenKind::Poss;
        c.iso.filter(|_| possessive)
    })
}

/// Whether `second` stands in apposition to `first`: only a comma, and
/// maybe "the", between them, and a mark that closes a phrase after
/// `second` (a name cut short by a stray mark is no apposition).
pub(crate) fn apposed(a: &Analysis<'_>, first: &EntityMention, second: &EntityMention) -> bool {
    let word = |t: &Token, w: &str| a.text[t.span.range()].eq_ignore_ascii_case(w);
    let between = match a.tokens.get(first.toks.end..second.toks.start) {
        Some([comma]) => word(comma, ","),
        Some([comma, the]) => word(comma, ",") && word(the, "the"),
        _ => false,
    };
    let closing = |t: &Token| [",", ".", ";", ":", ")"].iter().any(|&c| word(t, c));
    between && a.tokens.get(second.toks.end).map_or(true, closing)
}

/// The description in apposition to the name of mention `k` of `all`,
/// before it ("the prime minister, Jane Doe") or after it ("Jane Doe, the
/// prime minister"), if there is one: its index in `all`.
fn apposed_description(a: &Analysis<'_>, all: &[&EntityMention], k: usize) -> Option<usize> {
    let m = all[k];
    let description = |d: &usize| all.get(*d).is_some_and(|d| d.class == Class::Description);
    let before = k.checked_sub(1).filter(description);
    let after = Some(k + 1).filter(description);
    (before.filter(|&d| apposed(a, all[d], m))).or(after.filter(|&d| apposed(a, m, all[d])))
}

/// The name of mention `m` without the "of" phrase of a titled person, an
/// epithet and no part of the name ("Queen Rania of Orlandia"), and the
/// country that phrase names, if it names one.
fn without_epithet(a: &Analysis<'_>, lex: &Lexicon, m: &EntityMention) -> (Span, Option<Iso>) {
    // Token by token: a substring search costs more, and runs for every name.
    let name_toks = &a.tokens[m.toks.clone()];
    let of = |t: &Token| t.span.start > m.name.start && &a.text[t.span.range()] == "of";
    let titled = m.class == Class::Person && m.title.is_some();
    let Some(of) = titled.then(|| name_toks.iter().position(of)).flatten() else {
        return (m.name, None);
    };
    let (before, of_end) = (name_toks[of - 1].span.end, name_toks[of].span.end);
    let at = a.hits.partition_point(|h| h.span.start < of_end);
    let hits = (a.hits[at..].iter()).take_while(|h| h.span.start < m.name.end);
    let iso = (hits.filter(|h| h.span.end == m.name.end))
        .flat_map(|h| lex.meanings(h.phrase))
        .find_map(|e| match e {
            Entry::Country { iso } => *iso,
            _ => None,
        });
    (Span::new(m.name.start, before), iso)
}

impl<'t> Register<'t> {
    /// Registers the people of an analysis (multi-word names, or titled
    /// names). A name takes the title and country of a description in
    /// apposition to it ("the Iraqi prime minister, Jane Doe,"), and the
    /// country of a possessive before it ("Iraq's Jane Doe").
    pub(crate) fn build(a: &Analysis<'t>, lex: &Lexicon) -> Register<'t> {
        let mut people = Vec::new();
        let all = a.all_mentions();
        for (k, m) in all.iter().enumerate() {
            if !is_person_name(m, &a.text[m.name.range()]) {
                continue;
            }
            let (name_span, epithet_iso) = without_epithet(a, lex, m);
            let name: &'t str = &a.text[name_span.range()];
            let mut title = (m.title.map(|t| a.text[t.range()].to_lowercase()))
                .or_else(|| user_title(a, lex, m));
            let mut iso = country(a, all[..k].last().copied(), m).or(epithet_iso);
            let mut sector = m.sector;
            let apposed = title.is_none().then(|| apposed_description(a, &all, k));
            if let Some(d) = apposed.flatten() {
                title = all[d].title.map(|t| a.text[t.range()].to_lowercase());
                iso = iso.or_else(|| country(a, all[..d].last().copied(), all[d]));
                sector = sector.or(all[d].sector);
            }
            if name.split_whitespace().nth(1).is_some() || title.is_some() {
                people.push(Entity {
                    name,
                    title,
                    iso,
                    sector,
                    start: m.span.start,
                });
            }
        }
        // Every name word's key once, with its fullest person: the most
        // name words, then the earliest, then the last registered.
        let mut fullest: Vec<(String, usize)> = (people.iter().enumerate())
            .flat_map(|(i, p)| {
                let words = p.name.split_whitespace();
                words.map(move |w| (with_key(w, str::to_string), i))
            })
            .collect();
        let rank = |i: usize| {
            let p: &Entity = &people[i];
            (p.name.split_whitespace().count(), Reverse(p.start), i)
        };
        fullest.sort_by(|(a, i), (b, j)| a.cmp(b).then_with(|| rank(*j).cmp(&rank(*i))));
        fullest.dedup_by(|a, b| a.0 == b.0);
        debug_assert!(people.windows(2).all(|w| w[0].start <= w[1].start));
        Register {
            people,
            fullest,
            titled: RefCell::default(),
        }
    }

    /// The fullest registered name that ends with (or contains) `name`'s last word.
    fn fullest(&self, name: &str) -> Option<&Entity<'t>> {
        let i = with_key(name.split_whitespace().last()?, |last| {
            let search = |(k, _): &(String, usize)| k.as_str().cmp(last);
            let at = (last.len() >= 3).then(|| self.fullest.binary_search_by(search));
            at?.ok().map(|at| self.fullest[at].1)
        })?;
        Some(&self.people[i])
    }

    /// The fullest registered form of `name`, else `name`.
    fn fullest_name(&self, name: &'t str) -> &'t str {
        self.fullest(name).map_or(name, |p| p.name)
    }

    /// The person a title description refers to ("the prime minister"):
    /// the nearest titled person before `at` whose title holds the head of
    /// `title`. Of a country `iso` ("the Iraqi prime minister"), the one
    /// person whose title holds that head and who is of that country, else
    /// of no known country: the people before `at` first, then those after
    /// it; none when two fit.
    fn by_title(&self, title: &str, iso: Option<Iso>, at: usize) -> Option<&Entity<'t>> {
        let t = title.to_lowercase();
        let head = t.split_whitespace().last().unwrap_or("");
        let end = self.people.partition_point(|p| p.start < at);
        let mut titled = self.titled.borrow_mut();
        let people = titled.entry((head.to_string(), iso)).or_insert_with(|| {
            let holds = |p: &Entity| p.title.as_deref().is_some_and(|t| t.contains(head));
            // Of no known country, a person counts when the document gives
            // the full name: a lone capital after a title is often no name.
            // Names are trimmed: one with white space has two words.
            let full_name =
                |p: &Entity<'t>| self.fullest_name(p.name).contains(char::is_whitespace);
            let of =
                |p: &Entity<'t>| iso.is_none() || p.iso == iso || p.iso.is_none() && full_name(p);
            (0..self.people.len())
                .filter(|&i| holds(&self.people[i]) && of(&self.people[i]))
                .collect()
        });
        let (before, after) = people.split_at(people.partition_point(|&i| i < end));
        if iso.is_none() {
            return before.last().map(|&i| &self.people[i]);
        }
        let of = |of_country: bool| {
            let fits = |i: &&usize| (self.people[**i].iso == iso) == of_country;
            let nearest_before = self.one_person(before.iter().rev().filter(fits));
            nearest_before.or_else(|| self.one_person(after.iter().filter(fits)))
        };
        of(true).or_else(|| of(false)).flatten()
    }

    /// Of the people `ids` (nearest first), the first if they are all one
    /// person (of one fullest name); `Some(None)` if they are two or more,
    /// `None` if there are none.
    fn one_person<'i>(&self, ids: impl Iterator<Item = &'i usize>) -> Option<Option<&Entity<'t>>> {
        let mut found: Option<(&Entity<'t>, &str)> = None;
        for &i in ids {
            let p = &self.people[i];
            let name = self.fullest_name(p.name);
            match found {
                None => found = Some((p, name)),
                Some((_, other)) if other != name => return Some(None),
                Some(_) => {}
            }
        }
        found.map(|(p, _)| Some(p))
    }
}

/// Resolves role fillers to mentions with text, canonical name and codes.
pub(crate) struct Resolver<'a, 't> {
    doc: &'a Analysis<'t>,
    lex: &'a Lexicon,
    reg: &'a Register<'t>,
    /// Per sentence and [`Refers`], once asked for, the index of its first
    /// mention outside quotes that can be that antecedent, if any. Without
    /// it, every pronoun tests each mention of five sentences: in a text
    /// packed with pronouns and names that is thousands of tests per
    /// pronoun.
    first_wanted: RefCell<Vec<[Option<Option<usize>>; 3]>>,
}

impl<'a, 't> Resolver<'a, 't> {
    pub(crate) fn new(a: &'a Analysis<'t>, lex: &'a Lexicon, reg: &'a Register<'t>) -> Self {
        Resolver {
            doc: a,
            lex,
            reg,
            first_wanted: RefCell::new(vec![[None; 3]; a.sentences.len()]),
        }
    }

    /// The antecedent of a pronoun in sentence `si` at byte `at`: the first
    /// `wanted` mention of the same sentence before it, else the first of
    /// the nearest of the four sentences before that has one.
    ///
    /// A pronoun of the same kind that comes first in that earlier sentence
    /// carries its own antecedent on ("He arrived on Sunday, where he met
    /// X. He is due to ..." is still the first one's), up to `carries` times.
    fn antecedent(
        &self,
        si: usize,
        at: usize,
        wanted: Refers,
        carries: u8,
    ) -> Option<(usize, usize)> {
        if let Some(mi) = self.wanted_before(si, at, wanted) {
            return Some((si, mi));
        }
        let lo = si.saturating_sub(4);
        let (s, first) = (lo..si)
            .rev()
            .find_map(|s| Some((s, self.first_wanted(s, wanted)?)))?;
        let before = &self.doc.mentions(s)[..first];
        let same_pronoun = (before.iter()).find(|m| {
            m.class == Class::Pronoun
                && pronoun(&self.doc.text[m.span.range()]) == Some(wanted)
                && self.doc.quote_at(m.span.start).is_none()
        });
        match same_pronoun {
            Some(p) if carries > 0 => self
                .antecedent(s, p.span.start, wanted, carries - 1)
                .or(Some((s, first))),
            _ => Some((s, first)),
        }
    }

    /// In sentence `si`, the first mention that can be a `wanted`
    /// antecedent and ends before `at`. Mentions are in order of their
    /// start: none from the first that starts at or after `at` on can end
    /// before it.
    fn wanted_before(&self, si: usize, at: usize, wanted: Refers) -> Option<usize> {
        let first = self.first_wanted(si, wanted)?;
        let mut before = self.doc.mentions(si)[first..]
            .iter()
            .take_while(|m| m.span.start < at);
        let k = before.position(|m| m.span.end <= at && self.is_wanted(m, wanted))?;
        Some(first + k)
    }

    /// The first mention of sentence `si` outside quotes that can be a
    /// `wanted` antecedent.
    fn first_wanted(&self, si: usize, wanted: Refers) -> Option<usize> {
        *self.first_wanted.borrow_mut()[si][wanted as usize].get_or_insert_with(|| {
            (self.doc.mentions(si).iter()).position(|m| self.is_wanted(m, wanted))
        })
    }

    /// Whether `m` can be a `wanted` antecedent: it is one, outside quotes.
    fn is_wanted(&self, m: &EntityMention, wanted: Refers) -> bool {
        let is = match (wanted, m.class) {
            (Refers::Plural | Refers::Thing, Class::Org) => true,
            (Refers::Plural, Class::Group) => m.plural,
            (Refers::Thing, Class::Country) => true,
            (Refers::Thing, Class::Group) => !m.plural,
            (Refers::Person, Class::Person) => true,
            (Refers::Person, Class::Unknown) => {
                self.reg.fullest(&self.doc.text[m.name.range()]).is_some() || self.speaks(m)
            }
            _ => false,
        };
        is && self.doc.quote_at(m.span.start).is_none()
    }

    /// An unknown name that speaks ("Starmer said he ..."): a person for
    /// the "he" of what it said.
    /// The speech verbs are the lexicon's: a statement trigger of a saying
    /// or telling frame right after the name.
    fn speaks(&self, m: &EntityMention) -> bool {
        let hits = &self.doc.triggers;
        let at = hits.partition_point(|h| h.first_tok < m.toks.end);
        hits[at..]
            .iter()
            .take_while(|h| h.first_tok == m.toks.end)
            .any(|h| {
                (self.lex.trigger_meanings(h.phrase).iter()).any(|t| {
                    t.kind == EventType::Statement && matches!(t.frame, Frame::Say | Frame::Tell)
                })
            })
    }

    /// "the capital" alone: the capital city last named before `at`, in
    /// its sentence or the two before ("around the capital Kyiv ... the
    /// largest attack on the capital").
    fn capital_told_before(&self, at: usize) -> Option<(&str, Iso)> {
        let si = (self.doc.sentences).partition_point(|s| s.span.start <= at);
        let sentences = si.saturating_sub(3)..si;
        let mentions = sentences
            .rev()
            .flat_map(|s| self.doc.mentions(s).iter().rev());
        mentions.filter(|m| m.span.end <= at).find_map(|m| {
            let iso = m.iso?;
            let name = &self.doc.text[m.name.range()];
            let capital = self.lex.capital(iso)?;
            capital.eq_ignore_ascii_case(name).then_some((capital, iso))
        })
    }

    /// The capital city that "the capital" at `span` (reading `text`)
    /// stands for, with its country: the one last named before it, or that
    /// of a demonym ("the Kenyan capital"), the last one in the span.
    fn capital_meant(&self, span: Span, text: &str) -> Option<(&str, Iso)> {
        if text.eq_ignore_ascii_case("capital") {
            return self.capital_told_before(span.start);
        }
        if !ends_with_ci(text.as_bytes(), b" capital") {
            return None;
        }
        // Hits are in text order: only those inside the span.
        let first = self.doc.hits.partition_point(|h| h.span.start < span.start);
        let hits = self.doc.hits[first..]
            .iter()
            .take_while(|h| h.span.start < span.end)
            .filter(|h| span.contains(h.span));
        let demonyms = hits.flat_map(|h| self.lex.meanings(h.phrase));
        (demonyms.filter_map(|e| match e {
            Entry::Demonym { iso: Some(iso), .. } => Some((self.lex.capital(*iso)?, *iso)),
            _ => None,
        }))
        .last()
    }

    /// Turns a filler into a role mention.
    pub(crate) fn mention(&self, f: &Filler) -> Mention {
        let text = self.doc.text;
        match f {
            Filler::Span(span) => {
                let mut m = Mention::from_span(text, *span);
                if let Some((name, iso)) = self.capital_meant(*span, &m.text) {
                    m.text = name.to_string();
                    m.country = Some(iso.as_str().to_string());
                }
                m
            }
            Filler::Country(span, name) => read_as(name, *span, None, Some(Sector::Government)),
            Filler::EntityMention(si, mi) => self.resolve_mention(*si, *mi),
            Filler::Possessor(si, span) => {
                let word = &text[span.range()];
                let wanted = if word.eq_ignore_ascii_case("their") {
                    Refers::Plural
                } else {
                    Refers::Person
                };
                (self.stand_in(*si, *span, wanted))
                    .unwrap_or_else(|| Mention::from_span(text, *span))
            }
        }
    }

    /// A pronoun or possessive at `span` resolved as what it stands for
    /// (its text the antecedent's fullest name), if an antecedent is found.
    fn stand_in(&self, si: usize, span: Span, wanted: Refers) -> Option<Mention> {
        let (s2, m2) = self.antecedent(si, span.start, wanted, 3)?;
        Some(in_place_of(self.resolve_mention(s2, m2), span))
    }

    /// Mention `mi` of sentence `si` as a role mention: a pronoun as what
    /// it stands for, a name with its fullest form, a description as the
    /// person it titles, a country in full.
    fn resolve_mention(&self, si: usize, mi: usize) -> Mention {
        let m = &self.doc.mentions(si)[mi];
        match m.class {
            Class::Pronoun => {
                // What it stands for, from the pronoun list that made it
                // (every pronoun mention is in the list).
                let wanted = pronoun(&self.doc.text[m.span.range()]).unwrap_or(Refers::Person);
                (self.stand_in(si, m.span, wanted)).unwrap_or_else(|| self.as_written(m, m.span))
            }
            Class::Person | Class::Unknown => self.named(m),
            Class::Description => self.described(si, mi),
            _ => self.other(m),
        }
    }

    /// The mention as written over `span`, with what the lexicon told of it.
    fn as_written(&self, m: &EntityMention, span: Span) -> Mention {
        Mention {
            text: self.doc.text[span.range()].to_string(),
            span: m.span,
            canonical: None,
            country: code(m.iso),
            sector: m.sector,
        }
    }

    /// A person or unknown name, with the fullest form of the name told in
    /// the document as canonical.
    fn named(&self, m: &EntityMention) -> Mention {
        let (name_span, _) = without_epithet(self.doc, self.lex, m);
        let mut r = self.as_written(m, name_span);
        if let Some(p) = self.reg.fullest(&r.text) {
            r.canonical = Some(p.name.to_string());
            r.country = r.country.or_else(|| code(p.iso));
            r.sector = r.sector.or(p.sector);
        }
        r
    }

    /// Description `mi` of sentence `si` ("the prime minister") as the
    /// person it titles in the document: the name in apposition after it,
    /// else the person [`Register::by_title`] finds; else as written. Its
    /// text is the person's fullest name, as for a pronoun.
    fn described(&self, si: usize, mi: usize) -> Mention {
        let (text, mentions) = (self.doc.text, self.doc.mentions(si));
        let m = &mentions[mi];
        let apposed = mentions.get(mi + 1).filter(|n| {
            n.title.is_none() && is_person_name(n, &text[n.name.range()]) && apposed(self.doc, m, n)
        });
        if let Some(n) = apposed {
            return in_place_of(self.named(n), m.span);
        }
        let title = m.title.map_or(&text[m.span.range()], |t| &text[t.range()]);
        let iso = country(self.doc, mentions[..mi].last(), m);
        let Some(p) = self.reg.by_title(title, iso, m.span.start) else {
            return self.as_written(m, m.span);
        };
        read_as(self.reg.fullest_name(p.name), m.span, code(p.iso), p.sector)
    }

    /// Any other mention: a demonym's country as canonical; a two-letter
    /// country ("US", "UK") read in full.
    fn other(&self, m: &EntityMention) -> Mention {
        let mut r = self.as_written(m, m.span);
        r.canonical = m.country.as_deref().map(str::to_string);
        if m.class == Class::Country && r.text.len() < 3 {
            if let Some(n) = m.iso.and_then(|c| self.lex.country_name(c)) {
                r.canonical = Some(n.to_string());
                r.text = n.to_string();
            }
        }
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::LexiconData;

    const TEXT: &str = "British Prime Minister Keir Starmer met Iraqi Prime Minister \
        Mohammed Shia al-Sudani in Baghdad on Monday. The prime minister said the talks \
        went well. U.S. Secretary of State Antony Blinken arrived later. The Iraqi prime \
        minister thanked the secretary. Defense Minister Thabet al-Abbasi said the army \
        spokesman was wrong. French Foreign Minister Jean-Noel Barrot called the British \
        prime minister on Tuesday.";

    /// [`Register::by_title`] by a scan of every person: the definition.
    fn by_title_scan<'r, 't>(
        reg: &'r Register<'t>,
        title: &str,
        iso: Option<Iso>,
        before: usize,
    ) -> Option<&'r Entity<'t>> {
        let t = title.to_lowercase();
        let head = t.split_whitespace().last().unwrap_or("").to_string();
        let holds = |p: &Entity| p.title.as_deref().is_some_and(|pt| pt.contains(&head));
        if iso.is_none() {
            return reg
                .people
                .iter()
                .filter(|p| p.start < before)
                .rfind(|p| holds(p));
        }
        let fullest = |p: &Entity<'t>| reg.fullest_name(p.name);
        let full_name = |p: &Entity<'t>| fullest(p).split_whitespace().count() >= 2;
        for of_country in [true, false] {
            let fits = |p: &&Entity<'t>| {
                let country = if of_country {
                    p.iso == iso
                } else {
                    p.iso.is_none() && full_name(p)
                };
                holds(p) && country
            };
            let people = reg.people.iter();
            let nearest_before: Vec<_> = (people.clone().rev())
                .filter(|p| p.start < before && fits(p))
                .collect();
            let after: Vec<_> = people.filter(|p| p.start >= before && fits(p)).collect();
            for side in [nearest_before, after] {
                if let Some(&first) = side.first() {
                    let one = side.iter().all(|p| fullest(p) == fullest(first));
                    return one.then_some(first);
                }
            }
        }
        None
    }

    /// The title index answers as the scan of every person that defines
    /// it, for every head, country and position, including heads that are
    /// in no title, an empty head, and positions before the first person.
    #[test]
    fn titles_found_by_index_as_by_scan() {
        let lex = LexiconData::builtin().compile();
        let a = Analysis::new(TEXT, &lex);
        let reg = Register::build(&a, &lex);
        assert!(reg.by_title("", None, 0).is_none());
        assert!(reg.people.windows(2).all(|w| w[0].start <= w[1].start));
        // Two people share a title; one has no country.
        assert_eq!(reg.people.len(), 5, "{:?}", reg.people);
        let titles = [
            "the prime minister",
            "the Iraqi prime minister",
            "the secretary",
            "Minister",
            "the army spokesman",
            "state",
            "",
            " ",
        ];
        let isos = [None, Iso::new("IRQ"), Iso::new("GBR"), Iso::new("USA")];
        let mut found = 0;
        for before in (0..=TEXT.len() + 1).step_by(3) {
            for t in titles {
                for iso in isos {
                    let got = reg.by_title(t, iso, before);
                    let want = by_title_scan(&reg, t, iso, before);
                    // The same person, not only an equal one.
                    let same = match (got, want) {
                        (Some(g), Some(w)) => std::ptr::eq(g, w),
                        (g, w) => g.is_none() && w.is_none(),
                    };
                    assert!(same, "{t:?} {iso:?} before {before}: {got:?} {want:?}");
                    found += usize::from(got.is_some());
                }
            }
        }
        assert!(found > 100, "{found}");
        let iraqi = reg.by_title("the Iraqi prime minister", Iso::new("IRQ"), TEXT.len());
        assert_eq!(iraqi.map(|p| p.name), Some("Mohammed Shia al-Sudani"));
        let minister = reg.by_title("the minister", None, TEXT.len());
        assert_eq!(minister.map(|p| p.name), Some("Jean-Noel Barrot"));
        assert!(reg.by_title("the spokesman", None, TEXT.len()).is_none());
        // With a country, a person named after the description fits too.
        let british = reg.by_title("the British prime minister", Iso::new("GBR"), 0);
        assert_eq!(british.map(|p| p.name), Some("Keir Starmer"));
    }

    /// Each description of `text` as written, with the text and span of
    /// the role mention it resolves to.
    fn descriptions(text: &str) -> Vec<(&str, String, Span)> {
        let lex = LexiconData::builtin().compile();
        let a = Analysis::new(text, &lex);
        let reg = Register::build(&a, &lex);
        let r = Resolver::new(&a, &lex, &reg);
        let mut out = Vec::new();
        for si in 0..a.sentences.len() {
            for (mi, m) in a.mentions(si).iter().enumerate() {
                if m.class == Class::Description {
                    let resolved = r.resolve_mention(si, mi);
                    out.push((&text[m.span.range()], resolved.text, resolved.span));
                }
            }
        }
        out
    }

    /// What the description `written` of `text` resolves to (its first).
    fn described_as(text: &str, written: &str) -> String {
        let all = descriptions(text);
        let found = all.iter().find(|(w, _, _)| *w == written);
        let (_, name, span) = found.unwrap_or_else(|| panic!("{written:?} in {all:?}"));
        // The evidence stays the words the role was read from.
        assert_eq!(&text[span.range()], written);
        name.clone()
    }

    /// A title with a country resolves to the one person of that title and
    /// country: one named before it, else after it, in apposition, with
    /// the country in the possessive or in an "of" phrase, or a full name
    /// of no known country.
    #[test]
    fn country_titles_resolve_to_the_one_person_that_fits() {
        for (text, written, name) in [
            (
                "Chilean Foreign Minister Ana Torres arrived in Lima on Monday. Peruvian \
                Finance Minister Luis Rojas met her. The Chilean foreign minister then flew on.",
                "Chilean foreign minister",
                "Ana Torres",
            ),
            (
                "Chilean Foreign Minister Ana Torres arrived in Lima on Monday. Peruvian \
                Finance Minister Luis Rojas met her. Chile's foreign minister then flew on.",
                "foreign minister",
                "Ana Torres",
            ),
            (
                "The Kenyan interior minister spoke first. Kenyan Interior Minister Joseph \
                Mwangi said the border would stay open.",
                "Kenyan interior minister",
                "Joseph Mwangi",
            ),
            (
                "The trip of the Norwegian trade minister, Ingrid Berg, to Nairobi ended on \
                Friday. The Norwegian minister left at noon.",
                "Norwegian trade minister",
                "Ingrid Berg",
            ),
            (
                "The trip of the Norwegian trade minister, Ingrid Berg, to Nairobi ended on \
                Friday. The Norwegian minister left at noon.",
                "Norwegian minister",
                "Ingrid Berg",
            ),
            (
                "President Maria Lopez of Peru opened the summit. The Peruvian president \
                spoke for an hour.",
                "Peruvian president",
                "Maria Lopez",
            ),
            (
                "Prime Minister Omar Haddad landed in Lima. The Kenyan prime minister \
                thanked his hosts.",
                "Kenyan prime minister",
                "Omar Haddad",
            ),
        ] {
            assert_eq!(described_as(text, written), name, "{text}");
        }
    }

    /// A title with a country stays as written when two people fit it, or
    /// none does (another country; one word after a title, of no country).
    #[test]
    fn country_titles_stay_unresolved_when_two_or_none_fit() {
        for (text, written) in [
            (
                "Chilean Foreign Minister Ana Torres and Chilean Defence Minister Luis \
                Rojas met in Lima. The Chilean minister said the talks went well.",
                "Chilean minister",
            ),
            (
                "The Kenyan minister spoke first. Kenyan Interior Minister Joseph Mwangi \
                and Kenyan Trade Minister Grace Otieno then met.",
                "Kenyan minister",
            ),
            (
                "Peruvian Foreign Minister Luis Rojas arrived in Santiago. The Chilean \
                foreign minister met him.",
                "Chilean foreign minister",
            ),
            (
                "Minister Haddad spoke in Lima. The Kenyan minister replied.",
                "Kenyan minister",
            ),
        ] {
            assert_eq!(described_as(text, written), written, "{text}");
        }
    }

    /// The sorted key list answers as its definition: of the people with
    /// a name word of that key, the one with the most words, the earliest
    /// among those, and the last registered among equals.
    #[test]
    fn fullest_name_as_defined() {
        let text = "Ali Hassan met Mohammed Ali Hassan and Ali al-Hassan in Baghdad. \
            Prime Minister Hassan said Ali Hassan would visit Basra. Sara Ali spoke. Omar Khalid and \
            Zaid Khalid arrived.";
        let lex = LexiconData::builtin().compile();
        let a = Analysis::new(text, &lex);
        let reg = Register::build(&a, &lex);
        assert!(reg.people.len() >= 4, "{:?}", reg.people);
        let rank = |p: &Entity| {
            (
                p.name.split_whitespace().count(),
                std::cmp::Reverse(p.start),
            )
        };
        let key = |w: &str| with_key(w, str::to_string);
        for name in [
            "Hassan",
            "al-Hassan",
            "ALI",
            "Sara Ali",
            "Mohammed",
            "Basra",
            "Al",
            "Zed",
            "Khalid",
        ] {
            let k = key(name.split_whitespace().last().unwrap_or(""));
            let want = reg
                .people
                .iter()
                .filter(|p| k.len() >= 3 && p.name.split_whitespace().any(|w| key(w) == k))
                .max_by_key(|p| rank(p))
                .map(|p| p.name);
            assert_eq!(reg.fullest(name).map(|p| p.name), want, "{name}");
        }
        let hassan = reg.fullest("Hassan").map(|p| p.name);
        assert_eq!(hassan, Some("Mohammed Ali Hassan"));
        let khalid = reg.fullest("Khalid").map(|p| p.name);
        assert_eq!(khalid, Some("Omar Khalid"));
    }

    /// The antecedent search as first written: a scan of every mention of
    /// the pronoun's sentence and the four before it, a same pronoun
    /// before the answer in an earlier sentence carrying its own on.
    fn antecedent_scan(
        r: &Resolver<'_, '_>,
        si: usize,
        at: usize,
        plural: bool,
        singular_thing: bool,
    ) -> Option<(usize, usize)> {
        scan_carried(r, si, at, plural, singular_thing, 3)
    }

    fn scan_carried(
        r: &Resolver<'_, '_>,
        si: usize,
        at: usize,
        plural: bool,
        singular_thing: bool,
        carries: u8,
    ) -> Option<(usize, usize)> {
        let kind = match (plural, singular_thing) {
            (true, _) => Refers::Plural,
            (_, true) => Refers::Thing,
            _ => Refers::Person,
        };
        let want = |m: &EntityMention| {
            if plural {
                m.plural && matches!(m.class, Class::Group | Class::Org) || m.class == Class::Org
            } else if singular_thing {
                matches!(m.class, Class::Org | Class::Country)
                    || m.class == Class::Group && !m.plural
            } else {
                matches!(m.class, Class::Person)
                    || (m.class == Class::Unknown
                        && r.reg.fullest(&r.doc.text[m.name.range()]).is_some())
            }
        };
        let lo = si.saturating_sub(4);
        for s in (lo..=si).rev() {
            let found = r
                .doc
                .mentions(s)
                .iter()
                .enumerate()
                .filter(|(_, m)| s < si || m.span.end <= at)
                .filter(|(_, m)| r.doc.quote_at(m.span.start).is_none())
                .find(|(_, m)| want(m));
            if let Some((mi, _)) = found {
                let same_pronoun = (r.doc.mentions(s)[..mi].iter()).find(|m| {
                    m.class == Class::Pronoun
                        && pronoun(&r.doc.text[m.span.range()]) == Some(kind)
                        && r.doc.quote_at(m.span.start).is_none()
                });
                return match same_pronoun {
                    Some(p) if s < si && carries > 0 => {
                        scan_carried(r, s, p.span.start, plural, singular_thing, carries - 1)
                            .or(Some((s, mi)))
                    }
                    _ => Some((s, mi)),
                };
            }
        }
        None
    }

    /// The memoized antecedent search answers as the scan, at every
    /// position of every sentence, for each kind of pronoun, in a text with
    /// people, groups, organizations, countries and quotes.
    #[test]
    fn antecedents_as_by_scan() {
        let text = "Iraqi Prime Minister Mohammed Shia al-Sudani met Hezbollah \
            commanders in Baghdad. He said they had agreed. “We will stay,” Sudani \
            said of Hamas, and it said the United Nations would help. The Iraqi \
            army said its troops were ready; Iran said it would not send fighters. \
            Officials said he and they spoke. Militants attacked a base, and he \
            said the group would pay. It was quiet.";
        let lex = LexiconData::builtin().compile();
        let a = Analysis::new(text, &lex);
        let reg = Register::build(&a, &lex);
        let r = Resolver::new(&a, &lex, &reg);
        let mut found = 0;
        for si in 0..a.sentences.len() {
            let span = a.sentences[si].span;
            for at in span.start..=span.end + 1 {
                for (wanted, plural, thing) in [
                    (Refers::Person, false, false),
                    (Refers::Plural, true, false),
                    (Refers::Thing, false, true),
                ] {
                    let got = r.antecedent(si, at, wanted, 3);
                    let want = antecedent_scan(&r, si, at, plural, thing);
                    assert_eq!(got, want, "sentence {si} at {at} {plural} {thing}");
                    found += usize::from(got.is_some_and(|(s, _)| s == si));
                }
            }
        }
        // Answers in the pronoun's own sentence, and from earlier ones.
        assert!(found > 50, "{found}");
        let he = text.find("He said").expect("in the text");
        let (s, mi) = r
            .antecedent(1, he, Refers::Person, 3)
            .expect("an antecedent");
        assert_eq!(
            &text[a.mentions(s)[mi].name.range()],
            "Mohammed Shia al-Sudani"
        );
    }
}
