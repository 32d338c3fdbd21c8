//! Records: the drafts of a document's rules become its events. Parties
//! are resolved to the names they stand for, a back-reference takes the
//! parties of the event it refers to, the governing date is attached, and
//! a call, visit or statement whose parties stay unknown is dropped.

use crate::coreference;
use crate::dates::Tense;
use crate::dating::{Dating, SentenceDates};
use crate::document::Document;
use crate::event::{Attack, Call, Event, EventKind, Mention, Modality, Rule, Statement, Visit};
use crate::lexicon::Lexicon;
use crate::link::Origin;
use crate::pipeline::Analysis;
use crate::resolve::{Register, Resolver};
use crate::rules::{Draft, Filler, Roles};
use crate::words::lists::records::UNRESOLVED_POSSESSIVES;

/// The events the rules found in a document, in text order, each with the
/// modality and tense of its trigger's clause.
pub(crate) type Drafts = Vec<(Draft, Modality, Tense)>;

/// The records of an analysed document from its rules' drafts, and the
/// sentence dates the rules already looked for.
pub(crate) fn build(
    doc: &Document<'_>,
    a: &Analysis<'_>,
    lex: &Lexicon,
    drafts: Drafts,
    sentence_dates: SentenceDates,
) -> Vec<Event> {
    let text = doc.text();
    let register = Register::build(a, lex);
    let resolver = Resolver::new(a, lex, &register);
    let mut dating = Dating::new(a, doc.publication_date(), &drafts, sentence_dates);
    let mut out: Vec<Event> = Vec::with_capacity(drafts.len());
    let mut origins: Vec<Origin> = Vec::with_capacity(drafts.len());
    for (d, modality, tense) in drafts {
        let trigger = a.toks_span(d.trig.clone());
        let mut kind = resolved(&resolver, text, &d.roles);
        let refers_to = if d.backref {
            // The token before the trigger: "that" of "that attack".
            let before = d.trig.start.checked_sub(1).and_then(|k| a.tokens.get(k));
            let determiner = before.map_or("", |tok| &text[tok.span.range()]);
            coreference::inherit(&mut kind, &text[trigger.range()], determiner, &out)
        } else {
            None
        };
        if let EventKind::Call(call) = &mut kind {
            coreference::join_earlier_call(call, &out);
        }
        let date = dating.date(d.sentence, trigger, &kind, tense);
        // A possessive left unresolved as a visitor ("their trips") names no one.
        if let EventKind::Visit(v) = &mut kind {
            v.visitor = (v.visitor.take()).filter(|m| !UNRESOLVED_POSSESSIVES.contains(&m.text));
        }
        // A call, visit or statement without any of its kind's roles is
        // dropped. An attack is kept: a bare "the attacks of that day" or
        // "the blasts" is a record of its own (the annotation guidelines
        // count them), and a casualty clause no longer makes one
        // (rules::casualty_participle).
        if !matches!(kind, EventKind::Attack(_)) && kind.roles().next().is_none() {
            continue;
        }
        out.push(Event {
            kind,
            modality,
            trigger: Mention::from_span(text, trigger),
            sentence: a.sentences[d.sentence].span,
            date,
            rule: Rule(d.rule),
            event: String::new(),
        });
        origins.push(Origin {
            refers_to,
            backref: d.backref,
            sentence: d.sentence,
            headline: a.sentences[d.sentence].headline,
        });
    }
    crate::link::within_document(doc.id(), &mut out, &origins);
    out
}

/// The event of a draft's roles, each party resolved to the name it
/// stands for.
fn resolved(resolver: &Resolver<'_, '_>, text: &str, roles: &Roles) -> EventKind {
    let m = |f: &Option<Filler>| f.as_ref().map(|f| resolver.mention(f));
    match roles {
        Roles::Attack {
            attacker,
            target,
            location,
            weapon,
            killed,
            injured,
        } => EventKind::Attack(Attack {
            attacker: m(attacker),
            target: m(target),
            location: m(location),
            weapon: m(weapon),
            killed: *killed,
            injured: *injured,
        }),
        Roles::Call { participants } => {
            // "The minister, Ivo Rask, called": a title and the name in
            // apposition to it are one participant, told once.
            let mut resolved: Vec<Mention> = Vec::with_capacity(participants.len());
            for m in participants.iter().map(|f| resolver.mention(f)) {
                if m.canonical.is_none() || !resolved.iter().any(|r| r.canonical == m.canonical) {
                    resolved.push(m);
                }
            }
            EventKind::Call(Call {
                participants: resolved,
            })
        }
        Roles::Visit {
            visitor,
            destination,
            host,
        } => EventKind::Visit(Visit {
            visitor: m(visitor),
            destination: m(destination),
            host: m(host),
        }),
        Roles::Statement {
            speaker,
            content,
            quote,
        } => EventKind::Statement(Statement {
            speaker: m(speaker),
            content: content.map(|s| Mention::from_span(text, s)),
            quote: *quote,
        }),
    }
}
