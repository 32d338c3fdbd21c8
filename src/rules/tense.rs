//! Tense: whether the clause of a trigger reports what was done, announces
//! what will be, or neither (present tense, headlines, "said it would"),
//! which picks the occurrence of a bare weekday or month-day
//! (`dates::by_tense`).
//!
//! The verb group before the trigger decides ("has arrived", "will visit",
//! "is expected to travel", "was visiting"); for a noun trigger, the verb
//! that carries it ("made a visit", "will pay a visit"). Without one, the
//! trigger's own form ("attacked", "said", "visits"), then the modality
//! ("the upcoming visit") and a headline's present.

use super::{lower, Ctx, TriggerMatch};
use crate::dates::Tense;
use crate::event::Modality;
use crate::lexicon::Frame;
use crate::tokens::TokenKind;
use crate::words::lists::tense::*;

/// The tense of the clause of trigger `tr` of `modality`.
pub(crate) fn tense(c: &Ctx<'_, '_>, tr: &TriggerMatch, modality: Modality) -> Tense {
    let t = tr.toks.start;
    let noun = matches!(tr.frame, Frame::Noun | Frame::NounWeak);
    // "is due in Tarnis on Friday": a trigger that schedules by itself.
    if modality == Modality::Planned && c.is_in(t, &crate::words::lists::modality::SCHEDULED) {
        return Tense::Future;
    }
    if let Some(tense) = verb_group(c, t, noun).or_else(|| own_form(c, t, noun)) {
        return tense;
    }
    if modality == Modality::Planned {
        Tense::Future
    } else if c.doc.sentences[c.si].headline {
        Tense::Present
    } else {
        Tense::Past
    }
}

/// The tense an auxiliary or a governing verb before token `t` gives. A
/// verb trigger looks only across adverbs ("has also said"); a noun trigger
/// also across its determiner and modifiers, to the verb that carries it.
fn verb_group(c: &Ctx<'_, '_>, t: usize, noun: bool) -> Option<Tense> {
    for k in c.before(t, 6).rev() {
        // "Blinken's visit": the possessive is a modifier.
        if c.is_in(k, &SKIPPED) || (noun && c.kind(k) == Some(TokenKind::Poss)) {
            continue;
        }
        if c.kind(k) != Some(TokenKind::Word) || c.is_in(k, &CLAUSE_ENDS) {
            return None;
        }
        if let Some(tense) = auxiliary(c, k) {
            return Some(tense);
        }
        if c.is_word(k, "to") {
            return infinitive(c, k);
        }
        if !noun {
            return None;
        }
        // The verb that carries a noun trigger: "made a visit", "pays a visit".
        let w = c.word(k);
        if c.is_in(k, &IRREGULAR_PAST) || (w.len() > 4 && w.ends_with("ed")) {
            return Some(Tense::Past);
        }
    }
    None
}

/// The tense an auxiliary at token `k` gives, if it is one. "would" is a
/// future seen from the past ("said it would visit"), "could" that or a
/// past ("said he could not confirm"): either side of publication. A modal
/// with "have" after it is a past.
fn auxiliary(c: &Ctx<'_, '_>, k: usize) -> Option<Tense> {
    let w = lower(c.word(k));
    let w = w.strip_suffix("n't").map_or(&*w, |stem| match stem {
        "wo" => "will",
        "ca" => "can",
        stem => stem,
    });
    let perfect = c.is_word(k + 1, "have");
    Some(match w {
        "will" | "'ll" | "shall" => Tense::Future,
        "would" | "could" | "might" | "may" | "should" | "must" if perfect => Tense::Past,
        "would" | "could" | "can" | "cannot" | "is" | "are" | "am" | "does" | "do" => {
            Tense::Present
        }
        "might" | "may" | "should" | "must" => Tense::Future,
        "has" | "have" | "had" | "'ve" | "was" | "were" | "did" => Tense::Past,
        _ => return None,
    })
}

/// The tense of an infinitive whose "to" is token `k`: that of the verb
/// governing it. "plans to", "is set to", "is expected to", a headline's
/// "Blinken to visit": ahead. "was to", "agreed to", "planned to": a future
/// seen from the past, either side.
fn infinitive(c: &Ctx<'_, '_>, k: usize) -> Option<Tense> {
    let g = before_skipping(c, k)?;
    if c.is_in(g, &PRESENT_BE) {
        return Some(Tense::Future);
    }
    if c.is_in(g, &FUTURE_GOVERNORS) {
        let past = before_skipping(c, g).is_some_and(|a| c.is_in(a, &PAST_AUXILIARIES));
        return Some(if past { Tense::Present } else { Tense::Future });
    }
    // "was to", "agreed to" ("expected to" is a governor above).
    if c.is_in(g, &PAST_BE) || c.word(g).ends_with("ed") {
        return Some(Tense::Present);
    }
    c.doc.sentences[c.si].headline.then_some(Tense::Future)
}

/// The word before token `k`, across the words that tell no tense.
fn before_skipping(c: &Ctx<'_, '_>, k: usize) -> Option<usize> {
    let j = c.back_over(k, &SKIPPED).checked_sub(1)?;
    (c.kind(j) == Some(TokenKind::Word)).then_some(j)
}

/// The tense the trigger's own form shows: "attacked", "said" reported;
/// "visits", "says" present after their subject ("Kirwan says", "he
/// says"), where an "-s" word is not a plural noun ("similar comments",
/// "his pledges").
fn own_form(c: &Ctx<'_, '_>, t: usize, noun: bool) -> Option<Tense> {
    if noun {
        return None;
    }
    let w = lower(c.word(t));
    if w.ends_with("ed") || c.is_in(t, &IRREGULAR_PAST) {
        return Some(Tense::Past);
    }
    let subject = (c.mention_ending(t)).is_some_and(|mi| c.mentions()[mi].is_actor());
    (w.ends_with('s') && !w.ends_with("ss") && subject).then_some(Tense::Present)
}

#[cfg(test)]
mod tests {
    use crate::{Document, Event, Extractor};

    /// The date value of the first event of `text` published on
    /// `published`, a visit or an attack before a statement.
    fn value(text: &str, published: &str) -> Option<String> {
        let p = crate::parse_date(published).expect("test date");
        let doc = Document::new("t", text).published(p);
        let events: Vec<Event> = Extractor::new().extract(&doc);
        let e = events
            .iter()
            .find(|e| e.kind.name() != "statement")
            .or(events.first())?;
        e.date.as_ref()?.value.map(|d| d.to_string())
    }

    /// Own sentences, published on Tuesday 2024-03-05 unless the row says
    /// otherwise, with the date value the clause's tense gives.
    #[test]
    fn the_tense_of_the_clause_picks_the_occurrence() {
        let rows: &[(&str, &str, &str)] = &[
            // Past forms and the present perfect: the day before, or the day itself.
            (
                "The minister said on Monday that talks had stalled.",
                "2024-03-05",
                "2024-03-04",
            ),
            (
                "Rebels attacked the garrison on Tuesday.",
                "2024-03-05",
                "2024-03-05",
            ),
            (
                "The minister has said on Sunday that the deal was off.",
                "2024-03-05",
                "2024-03-03",
            ),
            (
                "Blinken has arrived in Baghdad on Sunday.",
                "2024-03-05",
                "2024-03-03",
            ),
            (
                "The envoys have arrived in Cairo on Saturday.",
                "2024-03-05",
                "2024-03-02",
            ),
            (
                "Blinken was visiting Baghdad on Saturday.",
                "2024-03-05",
                "2024-03-02",
            ),
            (
                "Blinken made a surprise visit to Baghdad on Saturday.",
                "2024-03-05",
                "2024-03-02",
            ),
            // The future, however it is said: ahead.
            (
                "Blinken will visit Baghdad on Saturday.",
                "2024-03-05",
                "2024-03-09",
            ),
            (
                "The minister is expected to visit Kyiv on Saturday.",
                "2024-03-05",
                "2024-03-09",
            ),
            (
                "The president plans to visit Paris on Saturday.",
                "2024-03-05",
                "2024-03-09",
            ),
            (
                "The envoy is set to travel to Cairo on Saturday.",
                "2024-03-05",
                "2024-03-09",
            ),
            (
                "Blinken will pay a visit to Baghdad on Saturday.",
                "2024-03-05",
                "2024-03-09",
            ),
            (
                "Militants will attack the base on Saturday, officials fear.",
                "2024-03-05",
                "2024-03-09",
            ),
            // A headline, the present, a future seen from the past: the nearer one.
            (
                "Blinken visits Baghdad Sunday\n\nThe trip is his fourth.",
                "2024-03-05",
                "2024-03-03",
            ),
            (
                "Blinken visits Baghdad Sunday\n\nThe trip is his fourth.",
                "2024-03-08",
                "2024-03-10",
            ),
            (
                "Blinken to visit Baghdad Saturday\n\nThe trip is his fourth.",
                "2024-03-05",
                "2024-03-09",
            ),
            (
                "The ministry said Blinken would visit Baghdad on Monday.",
                "2024-03-05",
                "2024-03-04",
            ),
            (
                "The ministry said Blinken would visit Baghdad on Thursday.",
                "2024-03-05",
                "2024-03-07",
            ),
            (
                "Blinken is visiting Baghdad on Thursday.",
                "2024-03-05",
                "2024-03-07",
            ),
            (
                "Kirwan says the team will meet Scotland on Thursday.",
                "2024-03-05",
                "2024-03-07",
            ),
            // "could" is a past or a future: the nearer one. A plural noun is no present.
            (
                "The minister could not travel to Kyiv on Sunday.",
                "2024-03-05",
                "2024-03-03",
            ),
            (
                "The minister could not travel to Kyiv on Sunday.",
                "2024-03-08",
                "2024-03-10",
            ),
            (
                "The chairman made similar comments on Sunday.",
                "2024-03-08",
                "2024-03-03",
            ),
            // A month-day just after publication, whatever the tense; far ones by the tense.
            (
                "Blinken arrived in Baghdad on March 8.",
                "2024-03-06",
                "2024-03-08",
            ),
            (
                "Blinken will visit Baghdad on March 8.",
                "2024-03-06",
                "2024-03-08",
            ),
            (
                "Militants attacked the convoy on November 20.",
                "2024-03-06",
                "2023-11-20",
            ),
            (
                "Blinken will visit Baghdad on November 20.",
                "2024-03-06",
                "2024-11-20",
            ),
        ];
        let mut failures = Vec::new();
        for (text, published, want) in rows {
            let got = value(text, published);
            if got.as_deref() != Some(*want) {
                failures.push(format!("{text:?} ({published}): {got:?}, expected {want}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
