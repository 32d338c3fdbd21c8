//! Date attachment: which date expression of its sentence dates an event,
//! and the calendar date it stands for given the publication date.

use crate::dates::{DateExpr, Tense};
use crate::document::Span;
use crate::event::{EventDate, EventKind};
use crate::pipeline::Analysis;
use crate::records::Drafts;
use crate::rules::{Roles, RuleId};
use crate::words::lists::dates::RELATIVE_OPENERS;
use chrono::NaiveDate;

/// Per sentence, its date expressions once looked for: by a rule that
/// needed them, or here.
pub(crate) type SentenceDates = Vec<Option<Vec<DateExpr>>>;

/// What dates the events of one document.
pub(crate) struct Dating<'a, 't> {
    a: &'a Analysis<'t>,
    published: Option<NaiveDate>,
    sentence_dates: SentenceDates,
    /// The reported clauses of the statements, by sentence.
    reported: Vec<(usize, Span)>,
    /// The same clauses from their speech verb on ("claiming that on
    /// Tuesday night the army struck a depot"): what an event said to have
    /// happened may be dated by.
    clauses: Vec<(usize, Span)>,
    /// Every event's trigger, by sentence: a date goes to the nearest.
    /// Statements aside: a date after "said" may well be the saying's.
    triggers: Vec<(usize, Span)>,
}

impl<'a, 't> Dating<'a, 't> {
    /// Dating for the events of `drafts`, with the dates the rules found.
    pub(crate) fn new(
        a: &'a Analysis<'t>,
        published: Option<NaiveDate>,
        drafts: &Drafts,
        sentence_dates: SentenceDates,
    ) -> Self {
        // A short reported clause holds no date of its own.
        let content = |roles: &Roles| match roles {
            Roles::Statement {
                content: Some(c), ..
            } if c.len() > 40 => Some(*c),
            _ => None,
        };
        let reported = (drafts.iter())
            .filter_map(|(d, ..)| Some((d.sentence, content(&d.roles)?)))
            .collect();
        let clauses = (drafts.iter())
            .filter(|(d, ..)| matches!(d.rule, RuleId::StatementSay | RuleId::StatementTell))
            .filter_map(|(d, ..)| {
                let c = content(&d.roles)?;
                let from = a.toks_span(d.trig.clone()).end.min(c.start);
                Some((d.sentence, Span::new(from, c.end)))
            })
            .collect();
        let triggers = (drafts.iter())
            .filter(|(d, ..)| !matches!(d.roles, Roles::Statement { .. }))
            .map(|(d, ..)| (d.sentence, a.toks_span(d.trig.clone())))
            .collect();
        Dating {
            a,
            published,
            sentence_dates,
            reported,
            clauses,
            triggers,
        }
    }

    /// The date of an event of `kind` whose trigger is `trigger` in
    /// sentence `si`, resolved for the `tense` of its clause.
    ///
    /// The date expression that governs an event is the nearest in its
    /// sentence, except that a statement's date may not come from inside a
    /// reported clause or quotation of the sentence (`said`), its own or
    /// another's that does not hold it ("the ministry on Monday urged the
    /// envoys to act when they meet next week and warned ..."): that date
    /// belongs to what was said. And an event told inside what was said or
    /// told (`clauses`, from the speech verb on) takes no date from outside
    /// it: "On Tuesday, the governor announced that ... the bombing in the
    /// town" does not date the bombing.
    pub(crate) fn date(
        &mut self,
        si: usize,
        trigger: Span,
        kind: &EventKind,
        tense: Tense,
    ) -> Option<EventDate> {
        let a = self.a;
        let sentence = a.sentences[si].span;
        let dates = self.sentence_dates[si]
            .get_or_insert_with(|| crate::dates::find_dates(a.text, sentence.start, sentence.end));
        let said = of_sentence(&self.reported, si);
        let clauses = of_sentence(&self.clauses, si);
        let others = of_sentence(&self.triggers, si);
        let statement = matches!(kind, EventKind::Statement(_));
        let not_said =
            |x: &DateExpr| !(said.iter()).any(|(_, c)| c.contains(x.span) && !c.contains(trigger));
        let not_told = |x: &DateExpr| {
            !(clauses.iter()).any(|(_, c)| c.contains(trigger) && !c.contains(x.span))
        };
        let x = (dates.iter())
            .filter(|x| !dateline(a.text, sentence, x.span))
            .filter(|x| if statement { not_said(x) } else { not_told(x) })
            .min_by_key(|x| gap(x.span, trigger))
            .filter(|x| statement || !nearer_event(x.span, trigger, others))
            .filter(|x| !in_relative_clause(a.text, trigger, x.span))?;
        let (value, range) = crate::dates::resolve(&x.kind, self.published, tense);
        Some(EventDate {
            text: a.text[x.span.range()].to_string(),
            span: x.span,
            value,
            range,
        })
    }
}

/// The bytes between two spans (0 when they overlap).
pub(crate) fn gap(a: Span, b: Span) -> usize {
    let (a_first, b_first) = (b.start.saturating_sub(a.end), a.start.saturating_sub(b.end));
    a_first.max(b_first)
}

/// A wire dateline ("PARIS, May 2 - ..."): the filing date, not the event's.
fn dateline(text: &str, sentence: Span, date: Span) -> bool {
    // The date lies in the sentence: both slices are on char boundaries.
    let before = text[sentence.start..date.start].trim_end();
    let after = text[date.end..sentence.end].trim_start();
    let place = before.strip_suffix(',').unwrap_or("");
    !place.is_empty()
        && place.len() < 40
        && place.chars().any(|c| c.is_alphabetic())
        && !place.chars().any(|c| c.is_lowercase())
        && after.starts_with(['-', '–', '('])
}

/// The entries of sentence `si` in a list kept in sentence order: a
/// search, not a scan, so that a long document's events cost no square.
fn of_sentence(list: &[(usize, Span)], si: usize) -> &[(usize, Span)] {
    let lo = list.partition_point(|x| x.0 < si);
    let hi = list.partition_point(|x| x.0 <= si);
    &list[lo..hi]
}

/// True when a date after the trigger lies in a relative clause set off
/// by a comma or a dash between them: in "blamed the bombing on the
/// rebels, who signed a truce last August" or "will visit the port --
/// where clashes broke out last month", the date is the clause's.
fn in_relative_clause(text: &str, trigger: Span, date: Span) -> bool {
    let between = text.get(trigger.end..date.start).unwrap_or("");
    let marks = [',', '-', '–', '—', '('];
    between.split(marks).skip(1).any(|clause| {
        let first = clause.split_whitespace().next().unwrap_or("");
        RELATIVE_OPENERS.contains(first)
    })
}

/// True when another event's trigger of the sentence lies between a date
/// and this trigger, nearer to the date: in "the raid on the port,
/// recalling the shelling on New Year's Eve", the date is the shelling's,
/// not the raid's.
fn nearer_event(date: Span, trigger: Span, others: &[(usize, Span)]) -> bool {
    let own = gap(trigger, date);
    others.iter().any(|&(_, o)| {
        let between = (o.start >= trigger.end && o.end <= date.start)
            || (o.start >= date.end && o.end <= trigger.start);
        o != trigger && between && gap(o, date) < own
    })
}

#[cfg(test)]
mod tests {
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

    #[test]
    fn a_date_in_a_relative_clause_after_the_trigger_is_the_clauses() {
        let attack_date = |text: &str| {
            let p = crate::parse_date("2024-03-06").expect("test date");
            let events = Extractor::new().extract(&Document::new("t", text).published(p));
            let attack = events
                .into_iter()
                .find(|e| matches!(e.kind, EventKind::Attack(_)));
            attack.map(|e| e.date.map(|d| d.text))
        };
        assert_eq!(
            attack_date("Rebels bombed the depot, which was built in 2019."),
            Some(None)
        );
        assert_eq!(
            attack_date("Rebels shelled the port -- where clashes broke out last month."),
            Some(None)
        );
        assert_eq!(
            attack_date("Police blamed the bombing on rebels, who signed a truce last August."),
            Some(None)
        );
        assert_eq!(
            attack_date("Rebels bombed the depot on Monday, which angered the government."),
            Some(Some("on Monday".to_string()))
        );
    }
}
