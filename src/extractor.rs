//! The extractor: runs the stages over a document.
//!
//! document -> sentences and tokens -> mentions -> trigger rules -> modality
//! and tense, date and resolution -> events.

use crate::document::{Document, Span};
use crate::error::Error;
use crate::event::{Attack, Call, Event, EventDate, EventKind, Mention, Statement, Visit};
use crate::lexicon::{LexiconData, LexiconEntry, TriggerKind};
use crate::mention::Analysis;
use crate::resolve::{Register, Resolver};
use crate::rules::{self, Ctx, Draft, Roles, RuleId};
use std::sync::Arc;

/// Builds an [`Extractor`] with extra lexicon entries.
///
/// ```
/// use newsevents::{Document, EventKind, Extractor, LexiconEntry};
///
/// let extractor = Extractor::builder()
///     .entry(LexiconEntry::Place { name: "Qaim".into(), aliases: vec![], country: Some("IRQ".into()) })
///     .build()?;
/// let text = "The minister travelled to Qaim on Monday.";
/// let events = extractor.extract(&Document::new("d", text));
/// assert!(events.iter().any(|e| matches!(&e.kind, EventKind::Visit(v)
///     if v.destination.as_ref().map(|d| d.text.as_str()) == Some("Qaim"))));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Default, Clone)]
pub struct ExtractorBuilder {
    entries: Vec<(String, LexiconEntry)>,
}

impl ExtractorBuilder {
    /// A builder with the default rules and lexicons.
    pub fn new() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Adds one lexicon entry.
    pub fn entry(mut self, entry: LexiconEntry) -> ExtractorBuilder {
        self.entries.push(("builder".to_string(), entry));
        self
    }

    /// Adds the entries of a JSON Lines lexicon text (see [`LexiconEntry`]).
    /// `source_name` names the text in errors, with the line number.
    pub fn lexicon_jsonl(
        mut self,
        source_name: &str,
        text: &str,
    ) -> Result<ExtractorBuilder, Error> {
        let entries = LexiconEntry::parse_jsonl(source_name, text)?;
        for e in entries {
            self.entries.push((source_name.to_string(), e));
        }
        Ok(self)
    }

    /// Builds the extractor, checking every entry.
    pub fn build(self) -> Result<Extractor, Error> {
        let mut data = LexiconData::builtin();
        for (src, e) in &self.entries {
            e.apply(&mut data).map_err(|message| Error::Lexicon {
                source_name: src.clone(),
                // Entries from a text were checked line by line when parsed.
                line: 0,
                message,
            })?;
        }
        Ok(Extractor {
            lex: Arc::new(data.compile()),
        })
    }
}

/// Extracts events from documents. Build once, share across threads.
#[derive(Debug, Clone)]
pub struct Extractor {
    lex: Arc<crate::lexicon::Lexicon>,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

impl Extractor {
    /// An extractor with the default rules and lexicons.
    pub fn new() -> Extractor {
        static DEFAULT: once_cell::sync::Lazy<Arc<crate::lexicon::Lexicon>> =
            once_cell::sync::Lazy::new(|| Arc::new(LexiconData::builtin().compile()));
        Extractor {
            lex: DEFAULT.clone(),
        }
    }

    /// A builder, to add lexicon entries before building.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }

    /// Extracts the events of a document, in text order. Never panics.
    pub fn extract(&self, doc: &Document<'_>) -> Vec<Event> {
        let text = doc.text();
        let lex = &*self.lex;
        let Some(a) = Analysis::triggered(text, lex) else {
            return Vec::new();
        };
        let (drafts, sentence_dates) = run_rules(&a, lex, &a.triggers, None, None);
        events(doc, &a, lex, drafts, sentence_dates)
    }
}

/// The events of an analysed document from its rules' drafts: parties
/// resolved, back-references filled, role-less calls, visits and statements
/// dropped, dates attached. The drafts' lists go back to the spares.
fn events(
    doc: &Document<'_>,
    a: &Analysis<'_>,
    lex: &crate::lexicon::Lexicon,
    mut drafts: Drafts,
    mut sentence_dates: SentenceDates,
) -> Vec<Event> {
    let text = doc.text();
    let reg = Register::build(a);
    let res = Resolver::new(a, lex, &reg);
    let mut out: Vec<Event> = Vec::with_capacity(drafts.len());
    // The reported clauses of the statements, by sentence.
    let reported: Vec<(usize, Span)> = drafts
        .iter()
        .filter_map(|(d, ..)| match d.roles {
            Roles::Statement {
                content: Some(c), ..
            } if c.len() > 40 => Some((d.sentence, c)),
            _ => None,
        })
        .collect();
    // The same clauses from their speech verb on ("claiming that on
    // Tuesday night Ukraine carried out a strike"): what an event said
    // to have happened may be dated by.
    let clauses: Vec<(usize, Span)> = drafts
        .iter()
        .filter(|(d, ..)| matches!(d.rule, RuleId::StatementSay | RuleId::StatementTell))
        .filter_map(|(d, ..)| match d.roles {
            Roles::Statement {
                content: Some(c), ..
            } if c.len() > 40 => {
                let from = a.toks_span(d.trig.clone()).end.min(c.start);
                Some((d.sentence, Span::new(from, c.end)))
            }
            _ => None,
        })
        .collect();
    // Every event's trigger, by sentence: a date goes to the nearest.
    // Statements aside: a date after "said" may well be the saying's.
    let triggers: Vec<(usize, Span)> = drafts
        .iter()
        .filter(|(d, ..)| !matches!(d.roles, Roles::Statement { .. }))
        .map(|(d, ..)| (d.sentence, a.toks_span(d.trig.clone())))
        .collect();
    // Drained, not consumed: the emptied list goes back to the spares.
    for (d, modality, tense) in drafts.drain(..) {
        let sentence = a.sentences[d.sentence].span;
        let tspan = a.toks_span(d.trig.clone());
        let m = |f: &Option<rules::Filler>| f.as_ref().map(|f| res.mention(f));
        let mut kind = match &d.roles {
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
            Roles::Call { participants } => EventKind::Call(Call {
                participants: participants.iter().map(|f| res.mention(f)).collect(),
            }),
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
        };
        if d.backref {
            inherit(&mut kind, &text[tspan.range()], &out);
        }
        if let EventKind::Call(call) = &mut kind {
            join_earlier_call(call, &out);
        }
        let dates = sentence_dates[d.sentence].get_or_insert_with(|| {
            let toks = &a.tokens[a.sent_toks[d.sentence].clone()];
            crate::dates::find_dates_in(text, sentence, toks)
        });
        let said = of_sentence(&reported, d.sentence).iter().map(|(_, c)| *c);
        let clause = of_sentence(&clauses, d.sentence).iter().map(|(_, c)| *c);
        let others = of_sentence(&triggers, d.sentence)
            .iter()
            .filter(|(_, t)| *t != tspan)
            .map(|(_, t)| *t);
        let statement = matches!(kind, EventKind::Statement(_));
        let date = governing_date(text, sentence, dates, tspan, &kind, said, clause)
            .filter(|x| statement || !nearer_event(x.span, tspan, others))
            .map(|x| {
                let (value, range) = crate::dates::resolve(x, doc.publication_date(), tense);
                EventDate {
                    text: text[x.span.range()].to_string(),
                    span: x.span,
                    value,
                    range,
                }
            });
        // A possessive left unresolved ("their journeys") names no one.
        if let EventKind::Visit(v) = &mut kind {
            let bare = |m: &Mention| {
                ["his", "her", "their", "its"]
                    .iter()
                    .any(|p| m.text.eq_ignore_ascii_case(p))
            };
            if v.visitor.as_ref().is_some_and(bare) {
                v.visitor = None;
            }
        }
        // No role-less records: a call, visit or statement whose parties
        // stay unknown, even after a back-reference, is dropped.
        if roleless(&kind) {
            continue;
        }
        out.push(Event {
            kind,
            modality,
            trigger: Mention::from_span(text, tspan),
            sentence,
            date,
            rule: d.rule.name().to_string(),
        });
    }
    out
}

impl Extractor {
    /// Every trigger candidate of a document, in text order, with what was
    /// decided on it and the rule or sense cue that decided: the answer to
    /// "why did it (not) find this?".
    ///
    /// ```
    /// use newsevents::{Decision, Document, Extractor};
    ///
    /// let text = "Ukraine has agreed to strike a gas deal with Turkmenistan.";
    /// let candidates = Extractor::new().explain(&Document::new("d", text));
    /// let strike = candidates.iter().find(|c| c.trigger.text == "strike").unwrap();
    /// assert_eq!(strike.decision.rule(), Some("sense.strike_a_deal"));
    /// assert!(matches!(strike.decision, Decision::OtherSense { .. }));
    /// ```
    pub fn explain(&self, doc: &Document<'_>) -> Vec<crate::explain::Candidate> {
        let text = doc.text();
        let lex = &*self.lex;
        let Some(a) = Analysis::triggered(text, lex) else {
            return Vec::new();
        };
        let mut log = Vec::new();
        let (drafts, dates) = run_rules(&a, lex, &a.triggers, None, Some(&mut log));
        log.sort_by_key(|d| (d.trig.start, d.kind as u8));
        let mut out: Vec<crate::explain::Candidate> =
            log.iter().map(|d| candidate(text, &a, lex, d)).collect();
        // A call, visit or statement whose parties stay unknown after
        // resolution is dropped by `extract`: here it is said so.
        let events = events(doc, &a, lex, drafts, dates);
        for c in &mut out {
            let kept = events
                .iter()
                .any(|e| e.kind.name() == c.kind && e.trigger.span == c.trigger.span);
            if matches!(c.decision, crate::explain::Decision::Event { .. }) && !kept {
                c.decision = crate::explain::Decision::NoParties;
            }
        }
        out
    }
}

/// The public form of a decision.
fn candidate(
    text: &str,
    a: &Analysis<'_>,
    lex: &crate::lexicon::Lexicon,
    d: &Decided,
) -> crate::explain::Candidate {
    use crate::explain::Decision;
    let decision = match d.outcome {
        Outcome::Event(rule) => Decision::Event { rule: rule.name() },
        Outcome::NoParties => Decision::NoParties,
        Outcome::Sense(rules::sense::Reject::Rule(rule)) => Decision::OtherSense {
            rule: rule.to_string(),
            why: rule.doc().to_string(),
        },
        Outcome::Sense(rules::sense::Reject::Cue(i)) => {
            let cue = &lex.senses().cues[i];
            Decision::OtherSense {
                rule: cue.id.clone(),
                why: format!(
                    "a cue word {} the trigger (senses.tsv)",
                    cue.place.describe()
                ),
            }
        }
    };
    crate::explain::Candidate {
        kind: d.kind.name(),
        trigger: Mention::from_span(text, a.toks_span(d.trig.clone())),
        sentence: a.sentences[d.sentence].span,
        decision,
    }
}

/// What the rules decided on one trigger candidate, for `explain`.
#[derive(Debug, Clone)]
pub(crate) struct Decided {
    pub kind: TriggerKind,
    pub sentence: usize,
    pub trig: std::ops::Range<usize>,
    pub outcome: Outcome,
}

/// The outcome of one candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    NoParties,
    Sense(rules::sense::Reject),
    Event(RuleId),
}

impl Outcome {
    /// How much the outcome tells: an event over a sense, a sense over nothing.
    fn rank(self) -> u8 {
        match self {
            Outcome::NoParties => 0,
            Outcome::Sense(_) => 1,
            Outcome::Event(_) => 2,
        }
    }
}

/// Notes an outcome: one per trigger and kind, the most telling of its
/// meanings' (a noun reading without parties, then a verb reading's event).
fn note(
    log: &mut Option<&mut Vec<Decided>>,
    si: usize,
    tr: &rules::TriggerMatch,
    outcome: Outcome,
) {
    let Some(log) = log.as_deref_mut() else {
        return;
    };
    let same = |x: &Decided| x.kind == tr.kind && x.sentence == si && x.trig.start == tr.toks.start;
    match log.iter_mut().rev().find(|x| same(x)) {
        Some(x) if x.outcome.rank() < outcome.rank() => x.outcome = outcome,
        Some(_) => {}
        None => log.push(Decided {
            kind: tr.kind,
            sentence: si,
            trig: tr.toks.clone(),
            outcome,
        }),
    }
}

/// The rules over an analysed document (of one kind only, when `only` is
/// given): the drafts with their modality, and each sentence's dates where
/// a rule needed them. With `log`, every candidate's outcome is noted there.
pub(crate) fn run_rules(
    a: &Analysis<'_>,
    lex: &crate::lexicon::Lexicon,
    thits: &[crate::lexicon::Hit],
    only: Option<TriggerKind>,
    mut log: Option<&mut Vec<Decided>>,
) -> (Drafts, SentenceDates) {
    let mut drafts = Vec::with_capacity(thits.len());
    let mut doc_has_call = false;
    // Kept as drafts are added: scanning the drafts for every sentence
    // would be quadratic in documents without attacks.
    let mut doc_has_attack = false;
    let facts = rules::sense::DocFacts::default();
    let mut sentence_dates: SentenceDates = vec![None; a.sentences.len()];
    let mut seen = Vec::new();
    let mut trigs = Vec::new();
    for (si, dates_slot) in sentence_dates.iter_mut().enumerate() {
        if a.sentences[si].boilerplate {
            continue;
        }
        rules::sentence_triggers(a, lex, si, thits, &mut trigs);
        let c = Ctx {
            doc: a,
            lex,
            si,
            range: a.sent_toks[si].clone(),
            trigs: &trigs,
            seen_attack: doc_has_attack,
            casualties: Default::default(),
            dates: Default::default(),
            sentence_cues: Default::default(),
        };
        seen.clear();
        for tr in &trigs {
            // Other kinds' triggers stay in the context: rules look at them.
            if seen.contains(&(tr.kind, tr.toks.start)) || only.is_some_and(|k| k != tr.kind) {
                continue;
            }
            if let Some(r) = rules::sense::cue(&c, tr) {
                note(&mut log, si, tr, Outcome::Sense(r));
                continue;
            }
            let d = match tr.kind {
                TriggerKind::Statement => rules::statement::rule(&c, tr),
                TriggerKind::Attack => rules::attack::rule(&c, tr),
                TriggerKind::Visit => rules::visit::rule(&c, tr),
                TriggerKind::Call => rules::call::rule(&c, tr, doc_has_call),
            };
            let Some(mut d) = d else {
                note(&mut log, si, tr, Outcome::NoParties);
                continue;
            };
            rules::cut_roles_at_dates(&c, &mut d.roles);
            if let Some(r) = rules::sense::check(&c, tr, &mut d, &facts) {
                note(&mut log, si, tr, Outcome::Sense(r));
                continue;
            }
            note(&mut log, si, tr, Outcome::Event(d.rule));
            seen.push((tr.kind, tr.toks.start));
            if tr.kind == TriggerKind::Call {
                doc_has_call = true;
            }
            let m = rules::modality::modality(&c, d.trig.start, d.trig.end, tr.kind);
            let tense = rules::tense::tense(&c, d.trig.start, d.trig.end, tr.frame, m);
            doc_has_attack |= matches!(d.roles, Roles::Attack { .. });
            drafts.push((d, m, tense));
        }
        *dates_slot = c.dates.into_inner();
    }
    (drafts, sentence_dates)
}

/// Drafts of events with their modality and the tense of their clause, in
/// text order.
pub(crate) type Drafts = Vec<(Draft, crate::event::Modality, crate::dates::Tense)>;

/// Per sentence, its date expressions once looked for.
pub(crate) type SentenceDates = Vec<Option<Vec<crate::dates::DateExpr>>>;

/// The date expression that governs an event: the nearest in its sentence,
/// except that a statement's date may not come from inside a reported
/// clause or quotation of the sentence (`said`), its own or another's that
/// does not hold it ("Turkey on Tuesday urged leaders to act when they meet
/// next week and warned ..."): that date belongs to what was said. And an
/// event told inside what was said or told (`clauses`, from the speech
/// verb on) takes no date from outside it: "On Tuesday, Kulikov announced
/// that ... the bombing in Pyatigorsk" does not date the bombing.
fn governing_date<'d>(
    text: &str,
    sentence: Span,
    dates: &'d [crate::dates::DateExpr],
    trigger: Span,
    kind: &EventKind,
    said: impl Iterator<Item = Span> + Clone,
    clauses: impl Iterator<Item = Span> + Clone,
) -> Option<&'d crate::dates::DateExpr> {
    let statement = matches!(kind, EventKind::Statement(_));
    let inside = |x: Span, c: Span| c.start <= x.start && x.end <= c.end;
    dates
        .iter()
        .filter(|x| !dateline(text, sentence, x.span))
        .filter(|x| {
            !statement
                || !said
                    .clone()
                    .any(|c| inside(x.span, c) && !inside(trigger, c))
        })
        // An event inside what was said is not dated by the saying: "On
        // Tuesday, Kulikov announced that ... the bombing in Pyatigorsk".
        .filter(|x| {
            statement
                || !clauses
                    .clone()
                    .any(|c| inside(trigger, c) && !inside(x.span, c))
        })
        .min_by_key(|x| {
            if x.span.end <= trigger.start {
                trigger.start - x.span.end
            } else {
                x.span.start.saturating_sub(trigger.end)
            }
        })
}

/// A wire dateline ("BONN, March 24 - ..."): the filing date, not the event's.
fn dateline(text: &str, sentence: Span, date: Span) -> bool {
    let before = text
        .get(sentence.start..date.start)
        .unwrap_or("")
        .trim_end();
    let after = text.get(date.end..sentence.end).unwrap_or("").trim_start();
    let place = before.strip_suffix(',').unwrap_or("");
    !place.is_empty()
        && place.len() < 40
        && place.chars().any(|c| c.is_alphabetic())
        && !place.chars().any(|c| c.is_lowercase())
        && (after.starts_with('-') || after.starts_with('–') || after.starts_with('('))
}

/// A back-reference ("the attack", "this visit") takes the parties of the
/// last event of its kind.
fn inherit(kind: &mut EventKind, trigger: &str, earlier: &[Event]) {
    if let EventKind::Attack(a) = kind {
        inherit_attack(a, trigger, earlier);
        return;
    }
    let prev = earlier.iter().rev().find(|e| e.kind.name() == kind.name());
    let Some(prev) = prev else { return };
    match (kind, &prev.kind) {
        (EventKind::Visit(v), EventKind::Visit(p)) => {
            v.visitor = v.visitor.take().or_else(|| p.visitor.clone());
            v.destination = v.destination.take().or_else(|| p.destination.clone());
        }
        (EventKind::Call(c), EventKind::Call(p)) if c.participants.is_empty() => {
            c.participants = p.participants.clone();
        }
        _ => {}
    }
}

/// The entries of sentence `si` in a list kept in sentence order: a
/// search, not a scan, so that a long document's events cost no square.
fn of_sentence(list: &[(usize, Span)], si: usize) -> &[(usize, Span)] {
    let lo = list.partition_point(|x| x.0 < si);
    let hi = list.partition_point(|x| x.0 <= si);
    &list[lo..hi]
}

/// True when another event's trigger of the sentence lies between a date
/// and this trigger, nearer to the date: "the drone barrage targeting Kyiv,
/// comparing it to the Russian attack on New Year's Eve" dates the attack
/// on New Year's Eve, not the barrage.
fn nearer_event(date: Span, trigger: Span, mut others: impl Iterator<Item = Span>) -> bool {
    let gap = |t: Span| {
        if t.end <= date.start {
            date.start - t.end
        } else {
            t.start.saturating_sub(date.end)
        }
    };
    let own = gap(trigger);
    others.any(|o| {
        let between = (o.start >= trigger.end && o.end <= date.start)
            || (o.start >= date.end && o.end <= trigger.start);
        between && gap(o) < own
    })
}

/// True when a call, visit or statement has none of its kind's roles. An
/// attack is kept: a bare "the October 7 attacks" or "the blasts" is a
/// record of its own (the annotation guidelines count them), and a
/// casualty clause no longer makes one (rules::casualty_participle).
fn roleless(kind: &EventKind) -> bool {
    match kind {
        EventKind::Attack(_) => false,
        EventKind::Call(c) => c.participants.is_empty(),
        EventKind::Visit(v) => v.visitor.is_none() && v.destination.is_none() && v.host.is_none(),
        EventKind::Statement(s) => s.speaker.is_none() && s.content.is_none(),
    }
}

/// A call with one known participant ("Trump, on the call, said ...") takes
/// the other parties of the last earlier call that had that participant.
fn join_earlier_call(call: &mut Call, earlier: &[Event]) {
    let [one] = call.participants.as_slice() else {
        return;
    };
    let prev = earlier.iter().rev().find_map(|e| match &e.kind {
        EventKind::Call(p) if p.participants.iter().any(|x| same_party(x, one)) => Some(p),
        _ => None,
    });
    if let Some(prev) = prev {
        let others: Vec<Mention> = prev
            .participants
            .iter()
            .filter(|x| !same_party(x, one))
            .cloned()
            .collect();
        call.participants.extend(others);
    }
}

/// True when two mentions name the same party: the same canonical name, or
/// the same text.
fn same_party(a: &Mention, b: &Mention) -> bool {
    fn name(m: &Mention) -> &str {
        m.canonical.as_deref().unwrap_or(&m.text)
    }
    name(a).eq_ignore_ascii_case(name(b))
}

/// The stem of an attack word, for matching a back-reference to what it
/// names: "airstrikes", "struck" and "strike" share "strik"; "bombed" and
/// "bombings" share "bomb". No allocation: compared case-insensitively.
fn attack_stem(w: &str) -> &str {
    if w.eq_ignore_ascii_case("struck") {
        return "strik";
    }
    let w = match w.get(..3) {
        Some(p) if p.eq_ignore_ascii_case("air") => &w[3..],
        _ => w,
    };
    ["ings", "ing", "ed", "es", "s", "e"]
        .iter()
        .find_map(|x| {
            let cut = w.len().checked_sub(x.len())?;
            let tail = w.get(cut..)?;
            (cut > 2 && tail.eq_ignore_ascii_case(x)).then(|| &w[..cut])
        })
        .unwrap_or(w)
}

/// An attack back-reference takes the parties of the last attack that had
/// any. When it names one party itself ("the attack on the embassy"), it
/// takes the other only from an attack with that same party: another
/// attacker or target makes it another attack.
fn inherit_attack(a: &mut Attack, trigger: &str, earlier: &[Event]) {
    // "the strike" refers back to a strike sooner than to another attack
    // told in between ("the rocket attack" on another town).
    let word = attack_stem(trigger.rsplit(' ').next().unwrap_or(trigger));
    let with_parties = |e: &&Event| match &e.kind {
        EventKind::Attack(p) => p.attacker.is_some() || p.target.is_some(),
        _ => false,
    };
    let same_word = earlier.iter().rev().filter(with_parties).find(|e| {
        attack_stem(e.trigger.text.rsplit(' ').next().unwrap_or("")).eq_ignore_ascii_case(word)
    });
    let prev = same_word
        .or_else(|| earlier.iter().rev().find(with_parties))
        .and_then(|e| match &e.kind {
            EventKind::Attack(p) => Some(p),
            _ => None,
        });
    let Some(p) = prev else { return };
    let same = |x: &Option<Mention>, y: &Option<Mention>| match (x, y) {
        (Some(x), Some(y)) => same_party(x, y),
        _ => false,
    };
    match (a.attacker.is_some(), a.target.is_some()) {
        (false, false) => {
            a.attacker = p.attacker.clone();
            a.target = p.target.clone();
        }
        (true, false) if same(&a.attacker, &p.attacker) => a.target = p.target.clone(),
        (false, true) if same(&a.target, &p.target) => a.attacker = p.attacker.clone(),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn attack_words_share_their_stems() {
        use super::attack_stem;
        for (a, b) in [
            ("airstrikes", "strike"),
            ("struck", "strikes"),
            ("bombed", "bombings"),
        ] {
            assert!(
                attack_stem(a).eq_ignore_ascii_case(attack_stem(b)),
                "{a} ~ {b}"
            );
        }
        assert_ne!(attack_stem("attack"), attack_stem("strike"));
        assert_eq!(attack_stem("Attacks"), "Attack");
        assert_eq!(attack_stem("é"), "é");
    }

    use crate::{Document, EventKind, Extractor};

    /// Statement triggers with the date text each takes.
    type Dated<'a> = &'a [(&'a str, Option<&'a str>)];

    /// The date text of every statement of `text`, by trigger.
    fn statement_dates(text: &str) -> Vec<(String, Option<String>)> {
        let p = crate::parse_date("2024-03-05").expect("test date");
        Extractor::new()
            .extract(&Document::new("t", text).published(p))
            .into_iter()
            .filter(|e| matches!(e.kind, EventKind::Statement(_)))
            .map(|e| (e.trigger.text, e.date.map(|d| d.text)))
            .collect()
    }

    #[test]
    fn a_statement_is_not_dated_by_what_was_said() {
        let rows: &[(&str, Dated)] = &[
            // Another statement's reported clause holds the nearer date.
            (
                "Iran on Monday urged the envoys to avoid a serious mistake when they meet in Vienna next week and warned that new sanctions would end the talks.",
                &[("urged", Some("on Monday")), ("warned", Some("on Monday"))],
            ),
            // A statement inside another's reported clause keeps its own date.
            (
                "The ministry said the general told reporters on Sunday that the offensive had stalled near the border town.",
                &[("said", None), ("told", Some("on Sunday"))],
            ),
            // A short reported clause is no bar.
            (
                "The ministry said on Monday the talks were over.",
                &[("said", Some("on Monday"))],
            ),
        ];
        for (text, want) in rows {
            let want: Vec<(String, Option<String>)> = want
                .iter()
                .map(|(t, d)| (t.to_string(), d.map(str::to_string)))
                .collect();
            assert_eq!(statement_dates(text), want, "{text}");
        }
    }
}
