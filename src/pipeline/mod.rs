//! The stages of one document, in the order its text flows through them:
//!
//! 1. sentences, with headline and boilerplate flags (`segment`);
//! 2. tokens of each sentence (`tokens`);
//! 3. lexicon hits: names, places, titles, weapons, trigger and sense
//!    words among the tokens (`lexicon`), and the quoted regions;
//! 4. mentions of each sentence (`mention`);
//! 5. rules: for each trigger word, its sense, its kind's rule and the
//!    modality and tense of its clause (`rules`); a sentence's dates are
//!    searched (`dates`) when a rule or a record first needs them;
//! 6. records (`records`): parties resolved to the names they stand for
//!    (`resolve`), back-references filled (`coreference`), the governing
//!    date attached (`dating`);
//! 7. links: the records of one event share its id (`link`).
//!
//! Stages 1 to 4 make an [`Analysis`]; [`extract`] runs them all.

mod analysis;

pub(crate) use analysis::Analysis;

use crate::dates::Tense;
use crate::dating::SentenceDates;
use crate::document::Document;
use crate::event::{Event, EventType, Modality};
use crate::explain::{Decided, Log, Outcome};
use crate::lexicon::Lexicon;
use crate::records::Drafts;
use crate::rules::sense::DocFacts;
use crate::rules::{self, Ctx, Draft, Roles, TriggerMatch};

/// The events of a document, in text order. With `log`, every trigger
/// candidate's outcome is noted there.
pub(crate) fn extract(doc: &Document<'_>, lex: &Lexicon, log: Option<&mut Log>) -> Vec<Event> {
    let Some(a) = Analysis::triggered(doc.text(), lex) else {
        return Vec::new();
    };
    let (drafts, dates) = run_rules(&a, lex, None, log);
    crate::records::build(doc, &a, lex, drafts, dates)
}

/// The rules over an analysed document (of one kind only, when `only` is
/// given): the drafts with their modality and tense, and each sentence's
/// dates where a rule needed them. With `log`, every candidate's outcome is
/// noted there.
pub(crate) fn run_rules(
    a: &Analysis<'_>,
    lex: &Lexicon,
    only: Option<EventType>,
    mut log: Option<&mut Log>,
) -> (Drafts, SentenceDates) {
    let mut drafts = Vec::with_capacity(a.triggers.len());
    let mut sentence_dates: SentenceDates = vec![None; a.sentences.len()];
    // What the rules found so far, for the next sentences: after a call a
    // later "the conversation" is one; after an attack "the blasts" can
    // refer to it.
    let (mut found_call, mut found_attack) = (false, false);
    let facts = DocFacts::default();
    let mut trigs = Vec::new();
    for (si, dates) in sentence_dates.iter_mut().enumerate() {
        if a.sentences[si].boilerplate {
            continue;
        }
        rules::sentence_triggers(a, lex, si, &mut trigs);
        let c = Ctx {
            doc: a,
            lex,
            si,
            range: a.sent_toks[si].clone(),
            trigs: &trigs,
            seen_attack: found_attack,
            casualties: Default::default(),
            dates: Default::default(),
            sentence_cues: Default::default(),
            facts: &facts,
        };
        let mut seen: Vec<(EventType, usize)> = Vec::new();
        for tr in &trigs {
            // One event per trigger word and kind, from its first meaning
            // that makes one.
            if only.is_some_and(|k| k != tr.kind) || seen.contains(&(tr.kind, tr.toks.start)) {
                continue;
            }
            let event = judge(&c, tr, found_call);
            if let Some(log) = log.as_deref_mut() {
                let outcome = event
                    .as_ref()
                    .map_or_else(|o| *o, |e| Outcome::Event(e.0.rule));
                log.note(Decided {
                    kind: tr.kind,
                    trigger: a.toks_span(tr.toks.clone()),
                    sentence: a.sentences[si].span,
                    outcome,
                });
            }
            let Ok(event) = event else {
                continue;
            };
            seen.push((tr.kind, tr.toks.start));
            found_call |= tr.kind == EventType::Call;
            found_attack |= matches!(event.0.roles, Roles::Attack { .. });
            drafts.push(event);
        }
        *dates = c.dates.into_inner();
    }
    (drafts, sentence_dates)
}

/// One trigger through the rules: the sense cues around it, its kind's
/// rule, the sense checks on the parties the rule found, then modality and
/// tense. The event found, or why there is none.
fn judge(
    c: &Ctx<'_, '_>,
    tr: &TriggerMatch,
    doc_has_call: bool,
) -> Result<(Draft, Modality, Tense), Outcome> {
    if let Some(reject) = rules::sense::cue(c, tr) {
        return Err(Outcome::Sense(reject));
    }
    let draft = match tr.kind {
        EventType::Statement => rules::statement::rule(c, tr),
        EventType::Attack => rules::attack::rule(c, tr),
        EventType::Visit => rules::visit::rule(c, tr),
        EventType::Call => rules::call::rule(c, tr, doc_has_call),
    };
    let mut d = draft.ok_or(Outcome::NoParties)?;
    rules::cut_roles_at_dates(c, &mut d.roles);
    if let Some(reject) = rules::sense::check(c, tr, &mut d) {
        return Err(Outcome::Sense(reject));
    }
    let modality = rules::modality::modality(c, d.trig.start, d.trig.end, tr.kind);
    let tense = rules::tense::tense(c, tr, modality);
    Ok((d, modality, tense))
}
