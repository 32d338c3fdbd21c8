//! Statement rules: reported speech, quotes and attributions.
//!
//! A speech verb needs an identifiable speaker: the subject of its clause, a
//! name right after it ("said Mezni"), or an "according to X" phrase.
//! Content is the quotation it governs or the clause after it.

use super::{Ctx, Draft, Filler, Roles, RuleId, TriggerMatch};
use crate::document::Span;
use crate::lexicon::{Frame, TriggerKind};
use crate::mention::{Class, EntityMention};
use crate::tokens::TokenKind;
use crate::words::lists::statement::{BEFORE_PARTICIPLE, DETERMINERS, SKIP_AFTER};

/// Source phrases that only attribute another speech act in the sentence.
const SOURCE_ONLY: &[&str] = &[
    "per a statement",
    "in a statement",
    "in a joint statement",
    "in a brief statement",
    "in a written statement",
    "in a televised address",
    "in an interview",
];

fn speaker_ok(m: &EntityMention) -> bool {
    m.is_actor() || m.class == Class::Place
}

fn draft(
    c: &Ctx<'_, '_>,
    tr: &TriggerMatch,
    speaker: Option<Filler>,
    content: Option<Span>,
    quote: bool,
    rule: RuleId,
) -> Draft {
    c.draft(
        tr,
        Roles::Statement {
            speaker,
            content,
            quote,
        },
        rule,
        false,
    )
}

/// Trims a quote region of its edge punctuation and white space.
fn quote_content(c: &Ctx<'_, '_>, q: Span) -> Option<Span> {
    let t = c.doc.text;
    let s = &t[q.range()];
    let lead = s.len() - s.trim_start().len();
    let body = s.trim();
    let body = body.trim_end_matches([',', ' ']);
    (!body.is_empty()).then(|| Span::new(q.start + lead, q.start + lead + body.len()))
}

/// The quotation that ends just before token `i` (allowing a comma between).
fn quote_before(c: &Ctx<'_, '_>, i: usize) -> Option<Span> {
    let mut k = i;
    let mut steps = 0;
    while k > c.range.start && steps < 4 {
        k -= 1;
        steps += 1;
        if c.is_any(k, &["the", "a", "an"]) {
            continue;
        }
        match c.doc.tokens[k].kind {
            TokenKind::Quote => {
                let b = c.doc.tokens[k].span.start;
                return c.doc.quote_ending(b);
            }
            TokenKind::Punct => continue,
            _ => return None,
        }
    }
    None
}

/// The quotation that opens at token `i` (skipping ":" and ",").
fn quote_after(c: &Ctx<'_, '_>, i: usize) -> Option<Span> {
    let mut k = i;
    while k < c.range.end && matches!(c.word(k), ":" | ",") {
        k += 1;
    }
    if k < c.range.end && c.doc.tokens[k].kind == TokenKind::Quote {
        let b = c.doc.tokens[k].span.end;
        return c.doc.quote_starting(b);
    }
    None
}

/// The end token of reported content starting at `i`: sentence end, or
/// before an attribution (", according to", ", he said") or a participle
/// speech verb that starts a second statement (", reaffirming").
fn content_end(c: &Ctx<'_, '_>, i: usize) -> usize {
    let mut j = i;
    while j < c.range.end {
        let w = c.word(j);
        if c.doc.tokens[j].kind == TokenKind::Punct
            && matches!(w, "." | "!" | "?" | ";")
            && j + 1 >= c.range.end.saturating_sub(1)
        {
            return j;
        }
        if c.doc.tokens[j].kind == TokenKind::Punct && w == ";" {
            return j;
        }
        if c.is_any(j, &["and", "but"])
            && j > i
            && c.trigs.iter().any(|t| {
                t.kind == TriggerKind::Statement
                    && (t.toks.start == j + 1
                        || t.toks.start == j + 2 && c.is_any(j + 1, &["also", "then", "later"]))
            })
        {
            return j;
        }
        if w == "," || c.doc.tokens[j].kind == TokenKind::Quote {
            let n = j + 1;
            if c.is_word(n, "according") || c.is_any(n, &["per"]) {
                return j;
            }
            if c.trigs.iter().any(|t| {
                t.kind == TriggerKind::Statement && t.toks.start == n && c.word(n).ends_with("ing")
            }) {
                return j;
            }
            // ", he said" / ", a spokesman said"
            if let Some(mi) = c.mention_starting(n) {
                let m = &c.mentions()[mi];
                if c.trigs
                    .iter()
                    .any(|t| t.kind == TriggerKind::Statement && t.toks.start == m.toks.end)
                {
                    return j;
                }
            }
        }
        j += 1;
    }
    c.range.end
}

/// Skips a date or place adverbial right after a speech verb ("said on Tuesday that").
fn skip_adverbials(c: &Ctx<'_, '_>, mut i: usize) -> usize {
    loop {
        if c.is_in(i, &SKIP_AFTER) {
            i += 1;
            continue;
        }
        // "said on Tuesday that", "said late Saturday"
        if i < c.range.end {
            let at = c.doc.tokens[i].span.start;
            if let Some(d) = c.dates().iter().find(|d| d.span.start == at) {
                let end = d.span.end;
                while i < c.range.end && c.doc.tokens[i].span.start < end {
                    i += 1;
                }
                continue;
            }
        }
        // "said in a statement late Saturday that", "told reporters at a news conference that"
        // "said on arrival in the Chechen capital Grozny that"
        let arrival = c.is_any(i, &["on", "upon", "after", "before"])
            && c.is_any(
                i + 1,
                &[
                    "arrival",
                    "arriving",
                    "landing",
                    "leaving",
                    "departure",
                    "return",
                ],
            )
            // "said on Telegram that", "said in Warsaw that": a named channel
            // or place before what was said.
            || (c.is_any(i, &["on", "in", "via", "at"]) && c.mention_starting(i + 1).is_some());
        if (c.is_any(i, &["in", "at", "during", "via", "through"])
            && c.is_any(i + 1, &["a", "an", "the", "his", "her", "its", "their"]))
            || arrival
        {
            let stop = (i + 10).min(c.range.end);
            let end = (i + 2..stop).find(|&k| {
                c.is_word(k, "that") || c.word(k) == "," || c.doc.tokens[k].kind == TokenKind::Quote
            });
            // After an arrival only "that" opens what was said.
            if let Some(k) = end.filter(|&k| !arrival || c.is_word(k, "that")) {
                i = if c.word(k) == "," { k + 1 } else { k };
                continue;
            }
        }
        return i;
    }
}

/// Content from token `i`: a quotation if one opens there, else the clause.
fn content_from(c: &Ctx<'_, '_>, i: usize) -> (Option<Span>, bool) {
    let i = skip_adverbials(c, i);
    if let Some(q) = quote_after(c, i) {
        return (quote_content(c, q), true);
    }
    let end = content_end(c, i);
    (c.span(i, end), false)
}

/// The start of the phrase of mention `mi` with its modifiers and article:
/// "..., military officials said", "..., the senior Israeli officials said".
fn phrase_start(c: &Ctx<'_, '_>, mi: usize) -> usize {
    let mut s0 = c.mentions()[mi].toks.start;
    for _ in 0..2 {
        let lower_word = s0 > c.range.start
            && c.kind(s0 - 1) == Some(TokenKind::Word)
            && c.word(s0 - 1).starts_with(|ch: char| ch.is_lowercase())
            && !c.is_any(
                s0 - 1,
                &["the", "a", "an", "and", "or", "that", "which", "who"],
            )
            && !c.has_trigger(TriggerKind::Statement, |x| x.toks.contains(&(s0 - 1)));
        if let Some(d) = c
            .mention_ending(s0)
            .filter(|&d| c.mentions()[d].class == Class::Demonym)
        {
            s0 = c.mentions()[d].toks.start;
        } else if lower_word {
            s0 -= 1;
        }
    }
    if s0 > c.range.start && c.is_any(s0 - 1, &["the", "a", "an"]) {
        s0 -= 1;
    }
    s0
}

/// Tries every statement rule on one trigger.
pub(crate) fn rule(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> Option<Draft> {
    let t = tr.toks.start;
    let e = tr.toks.end;
    let phrase = c.lex.trigger_phrase(tr.phrase);
    if c.in_quote(t) {
        return partial_quote(c, tr);
    }
    // "Xi welcomed Putin to Beijing": a visit, not a statement.
    if c.has_trigger(TriggerKind::Visit, |x| {
        x.frame == Frame::Host && x.toks == tr.toks
    }) && super::visit::hosts(c, tr)
    {
        return None;
    }
    // "Macron called Scholz": a call, not a statement; "a song called
    // Midnight": a name, not a statement.
    if c.has_trigger(TriggerKind::Call, |x| {
        x.frame == Frame::CallVerb && x.toks == tr.toks
    }) && (super::call::verb_object(c, t, e).is_some()
        || (phrase == "called" && !super::call::caller_before(c, t, true)))
    {
        return None;
    }
    match tr.frame {
        Frame::According => return according(c, tr, phrase),
        Frame::Noun => return noun(c, tr),
        _ => {}
    }
    // "calls on Tuesday": a date, not an addressee.
    if phrase.ends_with(" on") && e < c.range.end && crate::mention::is_calendar(c.word(e)) {
        return None;
    }
    // A participle without a comma modifies a noun ("preconditions demanding a halt"),
    // except a statement noun ("a joint statement urging Iran").
    if c.word(t).ends_with("ing")
        && t > c.range.start
        && c.doc.tokens[t - 1].kind == TokenKind::Word
        && !c.is_in(t - 1, &BEFORE_PARTICIPLE)
    {
        return None;
    }
    // An infinitive ("difficult to predict", "led viewers to complain") is
    // no statement made, unless a schedule or a refusal governs it ("is to
    // announce", "plans to say", "refused to say"), which modality reads.
    if t >= c.range.start + 2
        && c.is_word(t - 1, "to")
        && !c.is_any(
            t - 2,
            &[
                "is",
                "are",
                "was",
                "were",
                "plans",
                "planned",
                "plan",
                "expected",
                "due",
                "set",
                "going",
                "refused",
                "declined",
                "promised",
                "vowed",
                "decided",
                "agreed",
                "wants",
                "want",
                "wanted",
                "hopes",
                "intends",
                "threatened",
                "ready",
                "likely",
                "unlikely",
                "begun",
                "began",
                "begin",
                "begins",
                "started",
                "starts",
                "continue",
                "continued",
                "continues",
                "went",
                "rushed",
                "moved",
                "used",
                "appeared",
                "seemed",
                "tried",
            ],
        )
    {
        return None;
    }
    // A speech word after a determiner is a noun ("the claims", "mounting calls").
    if t > c.range.start
        && (c.is_in(t - 1, &DETERMINERS) || c.doc.tokens[t - 1].kind == TokenKind::Poss)
    {
        return None;
    }
    // Passive: "was told", "were urged" (the subject is the addressee); "was reported by X".
    if t > c.range.start && c.is_any(t - 1, &["was", "were", "been", "being", "be", "is", "are"]) {
        if c.is_word(e, "by") {
            let sp = c.mention_after(e + 1, 4, speaker_ok)?;
            let (content, quote) = match quote_before(c, c.range.start.max(t.saturating_sub(3))) {
                Some(q) => (quote_content(c, q), true),
                None => (None, false),
            };
            return Some(draft(
                c,
                tr,
                Some(c.filler(sp)),
                content,
                quote,
                RuleId::StatementPassiveBy,
            ));
        }
        return None;
    }
    // Inverted: `"...," said X` / `..., said a spokesman.`; after "told"
    // the mention is the addressee ("..., told AFP.").
    let inverted = if tr.frame == Frame::Tell {
        None
    } else {
        c.mention_after(e, 3, |m| speaker_ok(m) && m.class != Class::Pronoun)
    };
    if let Some(sp) = inverted {
        let after = c.mentions()[sp].toks.end;
        let ends = after >= c.range.end || matches!(c.word(after), "." | "," | "!" | "?" | ";");
        let before_comma = t > c.range.start && matches!(c.word(t - 1), "," | "”" | "\"" | "''");
        if ends && before_comma {
            let content = match quote_before(c, t) {
                Some(q) => (quote_content(c, q), true),
                None => (c.span(c.range.start, t), false),
            };
            return Some(draft(
                c,
                tr,
                Some(c.filler(sp)),
                content.0,
                content.1,
                RuleId::StatementSayInverted,
            ));
        }
    }
    // "Kulikov announced that ..., and declared that ...": a second speech
    // verb joined by "and" has the first one's speaker.
    let joined = t > c.range.start
        && (c.is_any(t - 1, &["and", "but"])
            || (t > c.range.start + 1
                && c.is_word(t - 1, "also")
                && c.is_any(t - 2, &["and", "but"])));
    let first_verb = c
        .trigs
        .iter()
        .filter(|x| x.kind == TriggerKind::Statement && x.toks.end < t)
        .find(|x| {
            matches!(
                x.frame,
                Frame::Say | Frame::Tell | Frame::Object | Frame::Urge
            )
        });
    let joined_speaker = first_verb
        .filter(|_| joined)
        .and_then(|x| c.subject_before(x.toks.start))
        .filter(|&mi| speaker_ok(&c.mentions()[mi]));
    // "oil company Ecopetrol said": the name in apposition after the noun.
    let apposed = |mi: usize| {
        c.mention_ending(t)
            .filter(|&n| {
                n != mi
                    && c.mentions()[n].toks.start == c.mentions()[mi].toks.end
                    && matches!(
                        c.mentions()[n].class,
                        Class::Person | Class::Org | Class::Unknown
                    )
            })
            .unwrap_or(mi)
    };
    // A capital or country right before the verb speaks for its government ("Addis Ababa denies").
    let speaker = joined_speaker
        .or_else(|| {
            c.subject_before(t)
                .filter(|&mi| speaker_ok(&c.mentions()[mi]))
                .map(apposed)
        })
        .or_else(|| {
            c.mention_ending(t)
                .filter(|&mi| super::placeish(&c.mentions()[mi]))
        })?;
    // `"...," he said.` : the content is the quotation before the speaker.
    let after = skip_addressee(c, tr, e);
    let rest_empty = {
        let k = skip_adverbials(c, after);
        k >= c.range.end
            || (matches!(c.word(k), "." | "!" | "?") && k + 1 >= c.range.end)
            || (c.word(k) == ","
                && !c.is_word(k + 1, "that")
                && quote_after(c, k).is_none()
                && !c.has_trigger(TriggerKind::Statement, |x| x.toks.start == k + 1))
            || c.is_any(k, &["at", "in", "after", "during", "before", "on"])
    };
    // "..., officials said.": the speaker is the mention right before the verb.
    let speaker = match c
        .mention_ending(t)
        .filter(|&mi| speaker_ok(&c.mentions()[mi]))
    {
        Some(mi) if rest_empty && mi != speaker => {
            let s0 = phrase_start(c, mi);
            if s0 > c.range.start && matches!(c.word(s0 - 1), "," | "”" | "\"" | "''") {
                mi
            } else {
                speaker
            }
        }
        _ => speaker,
    };
    let sp_end = c.mentions()[speaker].toks.end;
    if rest_empty {
        let q = quote_before(c, c.mentions()[speaker].toks.start).or_else(|| quote_before(c, t));
        if let Some(q) = q {
            return Some(draft(
                c,
                tr,
                Some(c.filler(speaker)),
                quote_content(c, q),
                true,
                RuleId::StatementQuoteThenSpeaker,
            ));
        }
        let s0 = phrase_start(c, speaker);
        if sp_end == t && s0 > c.range.start + 2 && c.word(s0 - 1) == "," {
            // "The bomb went off at ten, a police spokesman said."
            let content = c.span(c.range.start, s0 - 1);
            return Some(draft(
                c,
                tr,
                Some(c.filler(speaker)),
                content,
                false,
                RuleId::StatementClauseThenSpeaker,
            ));
        }
    }
    let (content, quote) = match tr.frame {
        Frame::Urge => {
            // Content from the "to" that follows the addressee.
            let stop = c.clause_end(e).min(e + 12);
            let to = (e..stop).find(|&k| c.is_word(k, "to") && k > e);
            match to {
                Some(k) if quote_after(c, e).is_none() => {
                    if let Some(q) = quote_after(c, k + 1).or_else(|| quote_after(c, k)) {
                        (quote_content(c, q), true)
                    } else {
                        (c.span(k, content_end(c, k)), false)
                    }
                }
                _ => {
                    let k =
                        (e..stop.min(e + 8)).find(|&k| c.doc.tokens[k].kind == TokenKind::Quote);
                    match k.and_then(|k| quote_after(c, k)) {
                        Some(q) => (quote_content(c, q), true),
                        None => content_from(c, e),
                    }
                }
            }
        }
        Frame::Tell => content_from(c, after),
        _ => content_from(c, e),
    };
    let rule = match tr.frame {
        Frame::Tell => RuleId::StatementTell,
        Frame::Urge => RuleId::StatementUrge,
        Frame::Object => RuleId::StatementObject,
        Frame::Prep => RuleId::StatementPrep,
        _ => RuleId::StatementSay,
    };
    Some(draft(c, tr, Some(c.filler(speaker)), content, quote, rule))
}

/// After "told", skip the addressee: up to "that", a quote, or one mention.
fn skip_addressee(c: &Ctx<'_, '_>, tr: &TriggerMatch, e: usize) -> usize {
    if tr.frame != Frame::Tell {
        return e;
    }
    let stop = (e + 8).min(c.range.end);
    for k in e..stop {
        if c.is_word(k, "that")
            || c.doc.tokens[k].kind == TokenKind::Quote
            || matches!(c.word(k), "," | ":")
        {
            return k;
        }
        // `"...," X told his ministers.` and `told them. "..."`: the
        // quotation; "told reporters the budget was balanced": read on.
        if c.word(k) == "." {
            let quoted_before =
                (c.range.start..tr.toks.start).any(|j| c.kind(j) == Some(TokenKind::Quote));
            if quote_after(c, k).is_some() || quoted_before {
                return k;
            }
            break;
        }
    }
    // "told reporters the budget was balanced": the addressee, then the
    // content.
    match c.mention_starting(e) {
        Some(mi) => c.mentions()[mi].toks.end,
        None => (e + 1).min(c.range.end),
    }
}

/// `X “reaffirmed ...”`: a quote that opens with the speech verb.
fn partial_quote(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> Option<Draft> {
    let t = tr.toks.start;
    if t < c.range.start + 2 || c.doc.tokens[t - 1].kind != TokenKind::Quote {
        return None;
    }
    let q = c.doc.quote_starting(c.doc.tokens[t - 1].span.end)?;
    let mut k = t - 1;
    if c.is_word(k - 1, "also") {
        k -= 1;
    }
    let sp = c
        .mention_ending(k)
        .filter(|&mi| speaker_ok(&c.mentions()[mi]))?;
    Some(draft(
        c,
        tr,
        Some(c.filler(sp)),
        quote_content(c, q),
        true,
        RuleId::StatementPartialQuote,
    ))
}

/// "according to X", "X was quoted as saying", "In a statement, X ...".
fn according(c: &Ctx<'_, '_>, tr: &TriggerMatch, phrase: &str) -> Option<Draft> {
    let t = tr.toks.start;
    let e = tr.toks.end;
    if phrase == "according to" {
        let sp = c.mention_after(e, 5, speaker_ok)?;
        let sp_end = c.mentions()[sp].toks.end;
        if let Some(q) = quote_before(c, t) {
            return Some(draft(
                c,
                tr,
                Some(c.filler(sp)),
                quote_content(c, q),
                true,
                RuleId::StatementAccordingTo,
            ));
        }
        let at_start = t == c.range.start
            || (t == c.range.start + 1 && c.kind(c.range.start) == Some(TokenKind::Quote));
        let content = if at_start {
            let k = (sp_end..c.range.end)
                .find(|&k| c.word(k) == ",")
                .map(|k| k + 1)
                .unwrap_or(sp_end);
            c.span(k, c.range.end)
        } else {
            let s = c.range.start;
            c.span(s, t)
        };
        return Some(draft(
            c,
            tr,
            Some(c.filler(sp)),
            content,
            false,
            RuleId::StatementAccordingTo,
        ));
    }
    if phrase.ends_with("as saying") {
        // "quoted Paul as saying": the one quoted, not the one quoting.
        let quoted = c
            .mention_ending(t)
            .filter(|&mi| {
                let s = c.mentions()[mi].toks.start;
                s > c.range.start && c.is_any(s - 1, &["quoted", "quoting", "quotes"])
            })
            .filter(|&mi| speaker_ok(&c.mentions()[mi]));
        let sp = quoted.or_else(|| {
            c.subject_before(t)
                .filter(|&mi| speaker_ok(&c.mentions()[mi]))
        })?;
        let (content, quote) = match quote_before(c, c.mentions()[sp].toks.start) {
            Some(q) => (quote_content(c, q), true),
            None => content_from(c, e),
        };
        return Some(draft(
            c,
            tr,
            Some(c.filler(sp)),
            content,
            quote,
            RuleId::StatementQuotedAsSaying,
        ));
    }
    if SOURCE_ONLY.contains(&phrase) {
        // The source of another speech act in the sentence: that one is the record.
        if c.has_trigger(TriggerKind::Statement, |x| {
            x.frame != Frame::According && x.frame != Frame::Noun
        }) {
            return None;
        }
        if phrase.starts_with("per ") {
            return None;
        }
        // "In a statement, the ministry detailed ...": the first actor after it.
        let k = if c.is_word(e, ",") { e + 1 } else { e };
        let sp = c.mention_after(k, 3, speaker_ok)?;
        let v = c.mentions()[sp].toks.end;
        if v >= c.range.end || c.doc.tokens[v].kind != TokenKind::Word {
            return None;
        }
        let (content, quote) = content_from(c, v + 1);
        return Some(draft(
            c,
            tr,
            Some(c.filler(sp)),
            content,
            quote,
            RuleId::StatementInAStatement,
        ));
    }
    None
}

/// "strong condemnation from the Iraqi government", "Iran's denial".
fn noun(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> Option<Draft> {
    let t = tr.toks.start;
    let e = tr.toks.end;
    // A speech verb nearby carries the record ("issued a statement urging ...").
    if c.has_trigger(TriggerKind::Statement, |x| {
        x.frame != Frame::Noun
            && x.frame != Frame::According
            && (x.toks.start as isize - t as isize).abs() <= 8
    }) {
        return None;
    }
    // "declined to comment", "did not respond to a request for comment":
    // a statement not made (negated by the words before it), with no content.
    if c.is_word(t, "comment") {
        let refusal = (t.saturating_sub(8).max(c.range.start)..t)
            .any(|k| c.is_any(k, &["declined", "refused", "not", "n't", "never", "no"]));
        let sp = c
            .subject_before(t)
            .filter(|&mi| speaker_ok(&c.mentions()[mi]));
        return match sp {
            Some(sp) if refusal => Some(draft(
                c,
                tr,
                Some(c.filler(sp)),
                None,
                false,
                RuleId::StatementNoComment,
            )),
            _ => None,
        };
    }
    if c.is_any(e, &["from", "by"]) {
        if let Some(sp) = c.mention_after(e + 1, 4, speaker_ok) {
            return Some(draft(
                c,
                tr,
                Some(c.filler(sp)),
                None,
                false,
                RuleId::StatementNounFrom,
            ));
        }
    }
    if t > c.range.start + 1 && c.doc.tokens[t - 1].kind == TokenKind::Poss {
        if let Some(sp) = c
            .mention_ending(t - 1)
            .filter(|&mi| speaker_ok(&c.mentions()[mi]))
        {
            return Some(draft(
                c,
                tr,
                Some(c.filler(sp)),
                None,
                false,
                RuleId::StatementNounPossessive,
            ));
        }
    }
    // "X issued a statement ..." with nothing else: the subject speaks.
    if (1..=3).any(|d| t >= c.range.start + d && c.is_any(t - d, &["a", "an"])) {
        let verb = (t.saturating_sub(4)..t).any(|k| {
            c.is_any(
                k,
                &[
                    "issued",
                    "released",
                    "made",
                    "published",
                    "put",
                    "make",
                    "issue",
                    "release",
                    "deliver",
                    "delivered",
                ],
            )
        });
        if verb {
            let sp = c
                .subject_before(t)
                .filter(|&mi| speaker_ok(&c.mentions()[mi]))?;
            let (content, quote) = if c.is_word(e, "that") || c.is_word(e, "saying") {
                content_from(c, e + 1)
            } else {
                (None, false)
            };
            return Some(draft(
                c,
                tr,
                Some(c.filler(sp)),
                content,
                quote,
                RuleId::StatementIssuedStatement,
            ));
        }
    }
    None
}
