//! Who is meant: pronouns, surnames and descriptions resolved to the name
//! the document gives, within one document.
//!
//! People are registered as they appear ("U.S. Secretary of State Antony
//! Blinken" -> name "Antony Blinken", title "Secretary of State"). A later
//! "Blinken" takes the full name as canonical; "he" takes the subject person
//! of the nearest sentence before; "the secretary" the person with that title.

use crate::document::Span;
use crate::event::{Mention, Sector};
use crate::lexicon::{Iso, Lexicon, WordHash};
use crate::mention::{Analysis, Class, Ment};
use crate::rules::Filler;
use crate::tokens::ends_with_ci;
use std::collections::HashMap;

/// A person or group named in the document.
#[derive(Debug, Clone)]
struct Entity {
    name: String,
    title: Option<String>,
    iso: Option<Iso>,
    sector: Option<Sector>,
    start: usize,
}

/// The document's register of named people.
#[derive(Debug, Default)]
pub(crate) struct Register {
    people: Vec<Entity>,
    /// For each name word's key, the index of the fullest person whose name
    /// has it: the answer of [`Register::fullest`], computed once.
    fullest: HashMap<String, usize, WordHash>,
}

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
}

/// A country code as the output's text.
fn code(iso: Option<Iso>) -> Option<String> {
    iso.map(|i| i.as_str().to_string())
}

/// Calls `f` with the surname-ish key of a word: lowercase, without an
/// "al-" prefix (looked up for every name mention).
fn with_key<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    // As `trim_start_matches("al-").trim_start_matches("el-")`, without
    // building a substring searcher per call.
    fn strip(mut l: &str) -> &str {
        while let Some(r) = l.strip_prefix("al-") {
            l = r;
        }
        while let Some(r) = l.strip_prefix("el-") {
            l = r;
        }
        l
    }
    crate::tokens::with_lowercase(w, |l| f(strip(l)))
}

impl Register {
    /// Registers the people of an analysis (multi-word names, or titled names).
    pub(crate) fn build(a: &Analysis<'_>) -> Register {
        let mut people = Vec::new();
        for m in a.all_ments() {
            if !matches!(m.class, Class::Person | Class::Unknown) {
                continue;
            }
            let name = &a.text[m.name.range()];
            let n = words(name).count();
            // Untitled two- to four-word names of unknown type are people too.
            let person =
                m.class == Class::Person || m.class == Class::Unknown && (2..=4).contains(&n);
            if !person {
                continue;
            }
            if n >= 2 || m.title.is_some() {
                people.push(Entity {
                    name: name.to_string(),
                    title: m.title.map(|t| a.text[t.range()].to_lowercase()),
                    iso: m.iso,
                    sector: m.sector,
                    start: m.span.start,
                });
            }
        }
        let mut fullest: HashMap<String, usize, WordHash> = HashMap::default();
        let rank = |p: &Entity| (words(&p.name).count(), std::cmp::Reverse(p.start));
        for (i, p) in people.iter().enumerate() {
            for w in words(&p.name) {
                with_key(w, |k| match fullest.get_mut(k) {
                    // `>=`: among equals the last wins, as with `max_by_key`.
                    Some(b) => {
                        if rank(p) >= rank(&people[*b]) {
                            *b = i;
                        }
                    }
                    None => {
                        fullest.insert(k.to_string(), i);
                    }
                });
            }
        }
        Register { people, fullest }
    }

    /// The fullest registered name that ends with (or contains) `name`'s last word.
    fn fullest(&self, name: &str) -> Option<&Entity> {
        let i = with_key(words(name).last()?, |last| {
            if last.len() < 3 {
                None
            } else {
                self.fullest.get(last).copied()
            }
        })?;
        Some(&self.people[i])
    }

    /// The person a title description refers to ("the Iraqi prime minister").
    fn by_title(&self, title: &str, iso: Option<Iso>, before: usize) -> Option<&Entity> {
        let t = title.to_lowercase();
        let head = words(&t).last().unwrap_or("").to_string();
        self.people
            .iter()
            .filter(|p| p.start < before)
            .filter(|p| p.title.as_deref().is_some_and(|pt| pt.contains(&head)))
            .rfind(|p| iso.is_none() || p.iso == iso)
    }
}

/// Resolves role fillers to mentions with text, canonical name and codes.
pub(crate) struct Resolver<'a, 't> {
    pub a: &'a Analysis<'t>,
    pub lex: &'a Lexicon,
    pub reg: &'a Register,
}

impl<'a, 't> Resolver<'a, 't> {
    fn ment(&self, si: usize, mi: usize) -> &'a Ment {
        &self.a.ments(si)[mi]
    }

    /// The antecedent person of a pronoun in sentence `si` at byte `at`:
    /// the first person of the same sentence before it, else the subject
    /// person of the nearest earlier sentence that has one.
    fn antecedent(
        &self,
        si: usize,
        at: usize,
        plural: bool,
        singular_thing: bool,
    ) -> Option<(usize, usize)> {
        let want = |m: &Ment| {
            if plural {
                m.plural && matches!(m.class, Class::Group | Class::Org) || m.class == Class::Org
            } else if singular_thing {
                matches!(m.class, Class::Org | Class::Country)
                    || m.class == Class::Group && !m.plural
            } else {
                matches!(m.class, Class::Person)
                    || (m.class == Class::Unknown
                        && self.reg.fullest(&self.a.text[m.name.range()]).is_some())
            }
        };
        let lo = si.saturating_sub(4);
        for s in (lo..=si).rev() {
            let ms = self.a.ments(s);
            let found = ms
                .iter()
                .enumerate()
                .filter(|(_, m)| s < si || m.span.end <= at)
                .filter(|(_, m)| !self.in_quote(m))
                .find(|(_, m)| want(m));
            if let Some((mi, _)) = found {
                return Some((s, mi));
            }
        }
        None
    }

    fn in_quote(&self, m: &Ment) -> bool {
        self.a.quote_at(m.span.start).is_some()
    }

    /// Turns a filler into a role mention.
    pub(crate) fn mention(&self, f: &Filler) -> Mention {
        let text = self.a.text;
        match f {
            Filler::Span(span) => {
                let mut m = Mention::from_span(text, *span);
                // "the Iranian capital" -> Tehran
                if ends_with_ci(m.text.as_bytes(), b" capital") {
                    // Hits are in text order: only those inside the span.
                    let first = self.a.hits.partition_point(|h| h.span.start < span.start);
                    let hits = self.a.hits[first..]
                        .iter()
                        .take_while(|h| h.span.start < span.end)
                        .filter(|h| span.contains(h.span));
                    for h in hits {
                        for e in self.lex.meanings(h.phrase) {
                            if let crate::lexicon::Entry::Demonym { iso: Some(iso), .. } = e {
                                if let Some(c) = self.lex.capital(*iso) {
                                    m.text = c.to_string();
                                    m.country = Some(iso.as_str().to_string());
                                }
                            }
                        }
                    }
                }
                m
            }
            Filler::Country(span, name) => Mention {
                text: name.to_string(),
                span: *span,
                canonical: Some(name.to_string()),
                country: None,
                sector: Some(Sector::Government),
            },
            Filler::Ment(si, mi) => self.resolve_ment(*si, *mi),
        }
    }

    fn resolve_ment(&self, si: usize, mi: usize) -> Mention {
        let text = self.a.text;
        let m = self.ment(si, mi);
        let plain = |span: Span| Mention {
            text: text[span.range()].to_string(),
            span: m.span,
            canonical: None,
            country: code(m.iso),
            sector: m.sector,
        };
        match m.class {
            Class::Pronoun => {
                let w = text[m.span.range()].to_lowercase();
                let plural = matches!(w.as_str(), "they" | "we" | "their" | "them");
                let thing = w == "it" || w == "its";
                match self.antecedent(si, m.span.start, plural, thing) {
                    Some((s2, m2)) => {
                        let mut r = self.resolve_ment(s2, m2);
                        r.span = m.span;
                        if let Some(c) = r.canonical.clone() {
                            r.text = c;
                        }
                        r
                    }
                    None => plain(m.span),
                }
            }
            Class::Person | Class::Unknown => {
                let name = &text[m.name.range()];
                let mut r = plain(m.name);
                if let Some(p) = self.reg.fullest(name) {
                    r.canonical = Some(p.name.clone());
                    r.country = r.country.or_else(|| code(p.iso));
                    r.sector = r.sector.or(p.sector);
                }
                r
            }
            Class::Description => {
                let title = m
                    .title
                    .map(|t| &text[t.range()])
                    .unwrap_or(&text[m.span.range()]);
                match self.reg.by_title(title, m.iso, m.span.start) {
                    Some(p) => Mention {
                        text: p.name.clone(),
                        span: m.span,
                        canonical: Some(
                            self.reg
                                .fullest(&p.name)
                                .map(|q| q.name.clone())
                                .unwrap_or(p.name.clone()),
                        ),
                        country: code(p.iso),
                        sector: p.sector,
                    },
                    None => plain(m.span),
                }
            }
            _ => {
                let mut r = plain(m.span);
                if let Some(n) = &m.country {
                    r.canonical = Some(n.to_string());
                }
                r
            }
        }
    }
}
