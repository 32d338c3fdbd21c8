//! Statement rules: reported speech, quotes and attributions.
//!
//! A speech verb needs an identifiable speaker: the subject of its clause, a
//! name right after it ("said Dana Holt"), or an "according to X" phrase.
//! Content is the quotation it governs or the clause after it.

use super::{Ctx, Draft, Filler, Roles, RuleId, TriggerMatch};
use crate::document::Span;
use crate::event::EventType;
use crate::lexicon::Frame;
use crate::mention::{Class, EntityMention};
use crate::tokens::TokenKind;
use crate::words::lists::rules::{self, ARTICLES, INDEFINITE_ARTICLES};
use crate::words::lists::statement::*;

/// What a speaker said, if told, and whether it is a quotation.
type Content = (Option<Span>, bool);

/// Nothing said that the sentence tells.
const UNTOLD: Content = (None, false);

/// True when mention `m` can speak: an actor, or a place speaking for its
/// government.
fn speaker_ok(m: &EntityMention) -> bool {
    m.is_actor() || m.class == Class::Place
}

/// The statement a rule found: the speaker mention, the content and
/// whether it is a quotation, and the rule.
fn draft(
    c: &Ctx<'_, '_>,
    tr: &TriggerMatch,
    speaker: usize,
    (content, quote): Content,
    rule: RuleId,
) -> Option<Draft> {
    draft_as(c, tr, c.filler(speaker), (content, quote), rule)
}

/// [`draft`] for a speaker no mention names.
fn draft_as(
    c: &Ctx<'_, '_>,
    tr: &TriggerMatch,
    speaker: Filler,
    (content, quote): Content,
    rule: RuleId,
) -> Option<Draft> {
    let roles = Roles::Statement {
        speaker: Some(speaker),
        content,
        quote,
    };
    Some(c.draft(tr, roles, rule, false))
}

/// The content of a quotation region: trimmed of its edge punctuation and
/// white space, and marked as a quotation.
fn quoted(c: &Ctx<'_, '_>, q: Span) -> Content {
    let s = &c.doc.text[q.range()];
    let lead = s.len() - s.trim_start().len();
    let body = s.trim().trim_end_matches([',', ' ']);
    let span = (!body.is_empty()).then(|| Span::new(q.start + lead, q.start + lead + body.len()));
    (span, true)
}

/// The quotation that ends just before token `i` (allowing a comma
/// between), as content.
fn quote_before(c: &Ctx<'_, '_>, i: usize) -> Option<Content> {
    let skipped = |k| c.is_in(k, &ARTICLES) || c.kind(k) == Some(TokenKind::Punct);
    let k = c.before(i, 4).rev().find(|&k| !skipped(k))?;
    let k = (c.kind(k) == Some(TokenKind::Quote)).then_some(k)?;
    let q = c.doc.quote_ending(c.doc.tokens[k].span.start);
    q.map(|q| quoted(c, q))
}

/// The quotation that opens at token `i` (skipping ":" and ","), as content.
fn quote_after(c: &Ctx<'_, '_>, i: usize) -> Option<Content> {
    let k = (i..c.range.end).find(|&k| !matches!(c.word(k), ":" | ","))?;
    let k = (c.kind(k) == Some(TokenKind::Quote)).then_some(k)?;
    let q = c.doc.quote_starting(c.doc.tokens[k].span.end);
    q.map(|q| quoted(c, q))
}

/// The end token of reported content starting at `i`: sentence end, or
/// before an attribution (", according to X", ", X said") or a participle
/// speech verb that starts a second statement (", warning of delays").
fn content_end(c: &Ctx<'_, '_>, i: usize) -> usize {
    let speech_at = |k| c.has_trigger(EventType::Statement, |x| x.toks.start == k);
    let ends = |j: usize| {
        let w = c.word(j);
        let stop = w == ";" || (matches!(w, "." | "!" | "?") && j + 2 >= c.range.end);
        // "and warned", "and then said": a second speech verb.
        let joined = j > i
            && c.is_in(j, &JOINING_CONJUNCTIONS)
            && (speech_at(j + 1) || (c.is_in(j + 1, &SEQUENCE_ADVERBS) && speech_at(j + 2)));
        let n = j + 1;
        // ", according to", ", warning", ", she told the council".
        let attribution = (w == "," || c.kind(j) == Some(TokenKind::Quote))
            && (c.is_word(n, "according")
                || c.is_word(n, "per")
                || (speech_at(n) && c.word(n).ends_with("ing"))
                || (c.mention_starting(n)).is_some_and(|mi| speech_at(c.mentions()[mi].toks.end)));
        stop || joined || attribution
    };
    (i..c.range.end).find(|&j| ends(j)).unwrap_or(c.range.end)
}

/// Skips a date or place adverbial right after a speech verb ("said on Friday evening that").
fn skip_adverbials(c: &Ctx<'_, '_>, mut i: usize) -> usize {
    loop {
        if c.is_in(i, &SKIP_AFTER) {
            i += 1;
            continue;
        }
        // "said on Friday evening that", "said late Sunday"
        let at = c.doc.tokens.get(i).map(|t| t.span.start);
        if let Some(d) = c.dates().iter().find(|d| Some(d.span.start) == at) {
            i = c.forward_while(i, |k| c.doc.tokens[k].span.start < d.span.end);
            continue;
        }
        // "said in a statement late Sunday that", "told reporters at a
        // briefing that", "said upon landing in the Velnish capital Tarnis that";
        // after an arrival, a channel or a place, only "that" opens what was said.
        let arrival = c.is_in(i, &ARRIVAL_PREPOSITIONS) && c.is_in(i + 1, &ARRIVALS)
            // "said on Radio Velna that", "said in Tarnis that": a named
            // channel or place before what was said.
            || (c.is_in(i, &CHANNEL_PREPOSITIONS) && c.mention_starting(i + 1).is_some());
        if (c.is_in(i, &SETTING_PREPOSITIONS) && c.is_in(i + 1, &rules::DETERMINERS)) || arrival {
            let end = c.ahead(i, 10).skip(2).find(|&k| {
                c.is_word(k, "that") || c.word(k) == "," || c.doc.tokens[k].kind == TokenKind::Quote
            });
            if let Some(k) = end.filter(|&k| !arrival || c.is_word(k, "that")) {
                i = c.past_word(k, ",");
                continue;
            }
        }
        return i;
    }
}

/// Content from token `i`: a quotation if one opens there, else the clause.
fn content_from(c: &Ctx<'_, '_>, i: usize) -> Content {
    let i = skip_adverbials(c, i);
    quote_after(c, i).unwrap_or_else(|| (c.span(i, content_end(c, i)), false))
}

/// The start of the phrase of mention `mi` with its modifiers and article:
/// "..., port officials said", "..., the senior Velnish officials said".
fn phrase_start(c: &Ctx<'_, '_>, mi: usize) -> usize {
    let demonym = |m: &EntityMention| m.class == Class::Demonym;
    let mut s0 = c.mentions()[mi].toks.start;
    for _ in 0..2 {
        let lower_word = s0 > c.range.start
            && c.kind(s0 - 1) == Some(TokenKind::Word)
            && c.word(s0 - 1).starts_with(|ch: char| ch.is_lowercase())
            && !c.is_in(s0 - 1, &NOT_MODIFIERS)
            && !c.has_trigger(EventType::Statement, |x| x.toks.contains(&(s0 - 1)));
        if let Some(d) = c.mention_ending(s0).filter(c.mention_is(demonym)) {
            s0 = c.mentions()[d].toks.start;
        } else if let Some(owner) = possessor_before(c, s0) {
            s0 = owner;
        } else if lower_word {
            s0 -= 1;
        }
    }
    s0 - usize::from(c.follows(s0, &ARTICLES))
}

/// The start of the possessor whose "'s" ends right before token `k`:
/// "the ministry's spokesman", "Tom Bell's lawyer", "the villagers' leader".
fn possessor_before(c: &Ctx<'_, '_>, k: usize) -> Option<usize> {
    let owner = c.possessed(k).then(|| c.mention_ending(k - 1))?;
    let owner = owner.map_or(k - 2, |mi| c.mentions()[mi].toks.start);
    (c.kind(owner) == Some(TokenKind::Word)).then_some(owner)
}

/// Tries every statement rule on one trigger: a speech verb is checked to
/// be one, then its speaker is looked for after it, then before it, and its
/// content after it (or before the speaker when nothing follows).
pub(crate) fn rule(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> Option<Draft> {
    let t = tr.toks.start;
    let phrase = c.lex.trigger_phrase(tr.phrase);
    if c.in_quote(t) {
        return partial_quote(c, tr);
    }
    if another_kinds_verb(c, tr, phrase) {
        return None;
    }
    match tr.frame {
        Frame::According if phrase == "according to" => return according_to(c, tr),
        Frame::According if phrase.ends_with("as saying") => return quoted_as_saying(c, tr),
        // "in a statement", "in an interview": a source phrase that only
        // attributes another speech act in the sentence.
        Frame::According if phrase.starts_with("in ") => return in_a_statement(c, tr),
        Frame::According => return None,
        Frame::Noun => return noun(c, tr),
        _ => {}
    }
    if no_statement_made(c, tr, phrase) {
        return None;
    }
    if c.follows(t, &PASSIVE_BE) {
        return passive_by(c, tr);
    }
    if let Some(d) = speaker_after_verb(c, tr) {
        return Some(d);
    }
    let after = skip_addressee(c, tr);
    let closing = nothing_said_after(c, after);
    let Some(mut speaker) = speaker_before_verb(c, t) else {
        return closing.then(|| unnamed_speaker(c, tr, None))?;
    };
    if closing {
        speaker = speaker_closing_sentence(c, t, speaker);
        let said_before = unnamed_speaker(c, tr, Some(speaker))
            .or_else(|| content_before_speaker(c, tr, speaker));
        if said_before.is_some() {
            return said_before;
        }
    }
    // "told X that ...": after the addressee; "urged X to ...": what is asked.
    let (content, rule) = match tr.frame {
        Frame::Urge => (urged_content(c, tr.toks.end), RuleId::StatementUrge),
        Frame::Tell => (content_from(c, after), RuleId::StatementTell),
        Frame::Object => (content_from(c, after), RuleId::StatementObject),
        Frame::Prep => (content_from(c, after), RuleId::StatementPrep),
        _ => (content_from(c, after), RuleId::StatementSay),
    };
    draft(c, tr, speaker, content, rule)
}

/// True when the speech verb is one of a visit or a call here: "the mayor
/// welcomed Dana Holt to Velgrad" is a visit, "Holt called the mayor" a
/// call, and "a ferry called Seagull" a name, none a statement.
fn another_kinds_verb(c: &Ctx<'_, '_>, tr: &TriggerMatch, phrase: &str) -> bool {
    let (t, e) = (tr.toks.start, tr.toks.end);
    let also = |kind, frame| c.has_trigger(kind, |x| x.frame == frame && x.toks == tr.toks);
    let hosts = also(EventType::Visit, Frame::Host) && super::visit::hosted(c, tr).is_some();
    let calls = also(EventType::Call, Frame::CallVerb)
        && (super::call::verb_object(c, t, e).is_some()
            || (phrase == "called" && !super::call::caller_before(c, t, true)));
    hosts || calls
}

/// True when a speech verb makes no statement in its place: a date, a
/// modifier, an infinitive or a noun.
fn no_statement_made(c: &Ctx<'_, '_>, tr: &TriggerMatch, phrase: &str) -> bool {
    let (t, e) = (tr.toks.start, tr.toks.end);
    // "calls on Friday": a date, not an addressee.
    let date_after_on =
        phrase.ends_with(" on") && e < c.range.end && crate::mention::is_calendar(c.word(e));
    // A participle without a comma modifies a noun ("terms demanding a
    // refund"), except a statement noun ("a joint statement urging calm").
    let modifier = c.word(t).ends_with("ing")
        && t > c.range.start
        && c.doc.tokens[t - 1].kind == TokenKind::Word
        && !c.is_in(t - 1, &BEFORE_PARTICIPLE);
    // An infinitive ("hard to foresee", "led viewers to complain") is
    // no statement made, unless a schedule or a refusal governs it ("is to
    // announce", "plans to say"), which modality reads.
    let infinitive =
        t >= c.range.start + 2 && c.is_word(t - 1, "to") && !c.is_in(t - 2, &INFINITIVE_GOVERNORS);
    // A speech word after a determiner is a noun ("the denials", "mounting calls").
    let noun = t > c.range.start
        && (c.is_in(t - 1, &NOUN_DETERMINERS) || c.doc.tokens[t - 1].kind == TokenKind::Poss);
    // "called off the talks", "called up reservists": another verb.
    let phrasal = c.is_in(e, &NOT_SPEECH_PARTICLES);
    date_after_on || modifier || infinitive || noun || phrasal
}

/// Passive: "was reported by X" has X for speaker (the quotation just
/// before for content); without "by" ("was told to wait") the
/// subject is the addressee, and there is no statement.
fn passive_by(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> Option<Draft> {
    let (t, e) = (tr.toks.start, tr.toks.end);
    let sp = c.mention_after_word(e, "by", 4, speaker_ok)?;
    let content = quote_before(c, t.saturating_sub(3)).unwrap_or(UNTOLD);
    draft(c, tr, sp, content, RuleId::StatementPassiveBy)
}

/// Inverted: `"...," said X` / `..., said a ministry spokeswoman.`: the speaker right
/// after a verb that follows a comma or a quotation, ending the sentence or
/// clause; after "told" the mention is the addressee ("..., told Radio Velna.").
fn speaker_after_verb(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> Option<Draft> {
    let (t, e) = (tr.toks.start, tr.toks.end);
    if tr.frame == Frame::Tell {
        return None;
    }
    let sp = c.mention_after(e, 3, |m| speaker_ok(m) && m.class != Class::Pronoun)?;
    let after = c.mentions()[sp].toks.end;
    // "said a spokeswoman for the ministry": a phrase of the speaker's may
    // follow a verb of saying; after "accusing X of" it is what X did.
    let ends = after >= c.range.end
        || matches!(c.word(after), "." | "," | "!" | "?" | ";")
        || (tr.frame == Frame::Say && c.is_in(after, &rules::PREPOSITIONS));
    if !(ends && after_comma_or_quote(c, t)) {
        return None;
    }
    let content = quote_before(c, t).unwrap_or_else(|| (c.span(c.range.start, t), false));
    draft(c, tr, sp, content, RuleId::StatementSayInverted)
}

/// The speaker before the verb: the first verb's speaker for a verb joined
/// to it, else the subject of the clause (with a name in apposition), else
/// a capital or country right before the verb, which speaks for its
/// government ("Velgrad denies").
fn speaker_before_verb(c: &Ctx<'_, '_>, t: usize) -> Option<usize> {
    let subject = || c.subject_before(t).filter(c.mention_is(speaker_ok));
    let place = || c.mention_ending(t).filter(c.mention_is(super::placeish));
    (joined_speaker(c, t).or_else(|| subject().map(|mi| apposed_name(c, t, mi)))).or_else(place)
}

/// "Dana Holt announced that ..., and declared that ...": a second speech
/// verb joined by "and" has the first one's speaker.
fn joined_speaker(c: &Ctx<'_, '_>, t: usize) -> Option<usize> {
    // "and also declared".
    let verb = t - usize::from(c.is_word(t.wrapping_sub(1), "also"));
    if !c.follows(verb, &JOINING_CONJUNCTIONS) {
        return None;
    }
    use Frame::*;
    let first_verb = c.trigs.iter().find(|x| {
        let verb = matches!(x.frame, Say | Tell | Object | Urge);
        x.kind == EventType::Statement && x.toks.end < t && verb
    })?;
    let speaker = c.subject_before(first_verb.toks.start);
    speaker.filter(c.mention_is(speaker_ok))
}

/// "mining company Corvel said": the name in apposition after the noun
/// phrase of subject `mi`, when it ends right before the verb `t`.
fn apposed_name(c: &Ctx<'_, '_>, t: usize, mi: usize) -> usize {
    let apposed = |m: &EntityMention| {
        let name = matches!(m.class, Class::Person | Class::Org | Class::Unknown);
        name && m.toks.start == c.mentions()[mi].toks.end
    };
    let name = c.mention_ending(t).filter(c.mention_is(apposed));
    name.unwrap_or(mi)
}

/// True when nothing is said after the verb (from token `after`, past its
/// addressee): the sentence ends, a clause without "that", a quotation or
/// another speech verb follows its comma, or a setting opens.
fn nothing_said_after(c: &Ctx<'_, '_>, after: usize) -> bool {
    let k = skip_adverbials(c, after);
    k >= c.range.end
        || (matches!(c.word(k), "." | "!" | "?") && k + 1 >= c.range.end)
        || (c.word(k) == ","
            && !c.is_word(k + 1, "that")
            && quote_after(c, k).is_none()
            && !c.has_trigger(EventType::Statement, |x| x.toks.start == k + 1))
        || c.is_in(k, &SETTING_AFTER)
}

/// "..., port officials said.": with nothing said after the verb, the
/// speaker is the mention right before it when its phrase follows a comma
/// or a quotation, rather than the clause's `subject`.
fn speaker_closing_sentence(c: &Ctx<'_, '_>, t: usize, subject: usize) -> usize {
    (c.mention_ending(t).filter(c.mention_is(speaker_ok)))
        .filter(|&mi| after_comma_or_quote(c, phrase_start(c, mi)))
        .unwrap_or(subject)
}

/// "Twenty people were killed, the civil defence agency said": the words
/// from the last comma to the verb name the speaker, though no mention
/// does; the subject found before the comma (if any) is inside what was
/// said: the quotation or the clause before that comma.
fn unnamed_speaker(c: &Ctx<'_, '_>, tr: &TriggerMatch, speaker: Option<usize>) -> Option<Draft> {
    let t = tr.toks.start;
    let plain = |k: &usize| c.kind(*k) == Some(TokenKind::Word);
    let s0 = c.before(t, 6).rev().take_while(plain).last()?;
    let verb = c.back_over(t, &rules::VERB_GROUP);
    let after_comma = c.is_word(s0.wrapping_sub(1), ",");
    let before = speaker.map_or(true, |mi| c.mentions()[mi].toks.end < s0);
    if !(after_comma && before && noun_phrase(c, s0, verb)) {
        return None;
    }
    let speaker = Filler::Span(c.doc.toks_span(s0..verb));
    said_before(c, tr, speaker, &[s0], Some(s0))
}

/// True when the words from `s` to the verb group at `verb` are a noun
/// phrase: a determiner or a capital first ("the coalition", "Holcim
/// officials"), no verb, modal or conjunction in it ("has now", "he will",
/// "or ..."), and not a document.
fn noun_phrase(c: &Ctx<'_, '_>, s: usize, verb: usize) -> bool {
    let opens = c.is_in(s, &rules::DETERMINERS) || crate::tokens::is_upper_start(c.word(s));
    let stray = |k: usize| {
        c.is_in(k, &rules::VERB_GROUP)
            || c.is_in(k, &NOT_IN_SPEAKER)
            || c.has_trigger(EventType::Statement, |x| x.toks.contains(&k))
    };
    // "the report said": a document is no party (GUIDELINES: a party speaks).
    opens && s < verb && !(s..verb).any(stray) && !c.is_in(verb - 1, &DOCUMENTS)
}

/// True when token `k` follows a comma or a closing quotation mark: it
/// opens the attribution after what was said.
fn after_comma_or_quote(c: &Ctx<'_, '_>, k: usize) -> bool {
    k > c.range.start && matches!(c.word(k - 1), "," | "”" | "\"" | "''")
}

/// The content said before the speaker when nothing follows the verb: the
/// quotation (`"...," he said.`), or the clause before the speaker's comma
/// ("The convoy was hit near the bridge, a police spokesman said.").
fn content_before_speaker(c: &Ctx<'_, '_>, tr: &TriggerMatch, speaker: usize) -> Option<Draft> {
    let t = tr.toks.start;
    let sp = &c.mentions()[speaker];
    let s0 = phrase_start(c, speaker);
    let after_comma = sp.toks.end == t && s0 > c.range.start + 2 && c.word(s0 - 1) == ",";
    let filler = c.filler(speaker);
    said_before(
        c,
        tr,
        filler,
        &[sp.toks.start, s0, t],
        after_comma.then_some(s0),
    )
}

/// The statement of `speaker` with what was said before it: the quotation
/// ending before one of `starts`, else the clause before the comma of a
/// speaker phrase opening at `after_comma`.
fn said_before(
    c: &Ctx<'_, '_>,
    tr: &TriggerMatch,
    speaker: Filler,
    starts: &[usize],
    after_comma: Option<usize>,
) -> Option<Draft> {
    if let Some(q) = starts.iter().find_map(|&k| quote_before(c, k)) {
        return draft_as(c, tr, speaker, q, RuleId::StatementQuoteThenSpeaker);
    }
    let content = (c.span(c.range.start, after_comma? - 1), false);
    draft_as(c, tr, speaker, content, RuleId::StatementClauseThenSpeaker)
}

/// What an urging verb ending at `e` asks: from the "to" after the
/// addressee (a quotation there, else the clause), else a quotation close
/// by, else the clause after the verb.
fn urged_content(c: &Ctx<'_, '_>, e: usize) -> Content {
    let stop = c.clause_end(e).min(e + 12);
    let to = (e + 1..stop).find(|&k| c.is_word(k, "to"));
    match to {
        Some(k) if quote_after(c, e).is_none() => {
            quote_after(c, k + 1).unwrap_or_else(|| (c.span(k, content_end(c, k)), false))
        }
        _ => {
            let k = (e..stop.min(e + 8)).find(|&k| c.doc.tokens[k].kind == TokenKind::Quote);
            k.and_then(|k| quote_after(c, k))
                .unwrap_or_else(|| content_from(c, e))
        }
    }
}

/// The token after a speech verb, past the addressee after "told": up to
/// "that", a quote, or one mention.
fn skip_addressee(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> usize {
    let e = tr.toks.end;
    if tr.frame != Frame::Tell {
        return e;
    }
    for k in c.ahead(e, 8) {
        if c.is_word(k, "that")
            || c.doc.tokens[k].kind == TokenKind::Quote
            || matches!(c.word(k), "," | ":")
        {
            return k;
        }
        // `"...," X told her aides.` and `told them. "..."`: the
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
    (c.mention_starting(e)).map_or((e + 1).min(c.range.end), |mi| c.mentions()[mi].toks.end)
}

/// `X “reaffirmed ...”`: a quote that opens with the speech verb.
fn partial_quote(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> Option<Draft> {
    let t = tr.toks.start;
    if t < c.range.start + 2 || c.doc.tokens[t - 1].kind != TokenKind::Quote {
        return None;
    }
    let q = c.doc.quote_starting(c.doc.tokens[t - 1].span.end)?;
    let k = t - 1 - usize::from(c.is_word(t - 2, "also"));
    let sp = c.mention_ending(k).filter(c.mention_is(speaker_ok))?;
    draft(c, tr, sp, quoted(c, q), RuleId::StatementPartialQuote)
}

/// "according to X": the quotation before the phrase, or the rest of the
/// sentence when the phrase opens it, or the clause before it.
fn according_to(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> Option<Draft> {
    let (t, e) = (tr.toks.start, tr.toks.end);
    let sp = c.mention_after(e, 5, speaker_ok)?;
    let sp_end = c.mentions()[sp].toks.end;
    if let Some(q) = quote_before(c, t) {
        return draft(c, tr, sp, q, RuleId::StatementAccordingTo);
    }
    let at_start = t == c.range.start
        || (t == c.range.start + 1 && c.kind(c.range.start) == Some(TokenKind::Quote));
    let content = if at_start {
        let comma = (sp_end..c.range.end).find(|&k| c.word(k) == ",");
        c.span(comma.map_or(sp_end, |k| k + 1), c.range.end)
    } else {
        c.span(c.range.start, t)
    };
    draft(c, tr, sp, (content, false), RuleId::StatementAccordingTo)
}

/// "X was quoted as saying": the speaker is the one quoted ("the agency
/// quoted Dana Holt as saying"), not the one quoting, else the subject.
fn quoted_as_saying(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> Option<Draft> {
    let (t, e) = (tr.toks.start, tr.toks.end);
    let quoted = |m: &EntityMention| speaker_ok(m) && c.follows(m.toks.start, &QUOTING_VERBS);
    let quoted_one = c.mention_ending(t).filter(c.mention_is(quoted));
    let sp = quoted_one.or_else(|| c.subject_before(t).filter(c.mention_is(speaker_ok)))?;
    let content =
        quote_before(c, c.mentions()[sp].toks.start).unwrap_or_else(|| content_from(c, e));
    draft(c, tr, sp, content, RuleId::StatementQuotedAsSaying)
}

/// "In a statement, the ministry detailed ...": the first actor after the
/// phrase speaks, unless another speech act in the sentence is the record
/// the phrase only attributes.
fn in_a_statement(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> Option<Draft> {
    let e = tr.toks.end;
    let speech_act = |x: &TriggerMatch| !matches!(x.frame, Frame::According | Frame::Noun);
    if c.has_trigger(EventType::Statement, speech_act) {
        return None;
    }
    let sp = c.mention_after(c.past_word(e, ","), 3, speaker_ok)?;
    let v = c.mentions()[sp].toks.end;
    if c.kind(v) != Some(TokenKind::Word) {
        return None;
    }
    let content = content_from(c, v + 1);
    draft(c, tr, sp, content, RuleId::StatementInAStatement)
}

/// A speech noun: "strong protest from the embassy", "Tarnis's denial",
/// "X issued a statement", "refused to comment further".
fn noun(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> Option<Draft> {
    let (t, e) = (tr.toks.start, tr.toks.end);
    // A speech verb nearby carries the record ("issued a statement urging ...").
    if c.has_trigger(EventType::Statement, |x| {
        x.frame != Frame::Noun && x.frame != Frame::According && x.toks.start.abs_diff(t) <= 8
    }) {
        return None;
    }
    // "refused to comment further", "did not answer a request for comment":
    // a statement not made (negated by the words before it), with no content.
    if c.is_word(t, "comment") {
        let refusal = c.before(t, 8).any(|k| c.is_in(k, &REFUSALS));
        let sp = c.subject_before(t).filter(c.mention_is(speaker_ok))?;
        return draft(c, tr, sp, UNTOLD, RuleId::StatementNoComment).filter(|_| refusal);
    }
    // "a protest from the embassy", "a denial by the ministry".
    let from = c.is_in(e, &SOURCE_PREPOSITIONS);
    if let Some(Some(sp)) = from.then(|| c.mention_after(e + 1, 4, speaker_ok)) {
        return draft(c, tr, sp, UNTOLD, RuleId::StatementNounFrom);
    }
    // "Tarnis's denial": the possessor speaks.
    let possessor = c.possessed(t).then(|| c.mention_ending(t - 1)).flatten();
    if let Some(sp) = possessor.filter(c.mention_is(speaker_ok)) {
        return draft(c, tr, sp, UNTOLD, RuleId::StatementNounPossessive);
    }
    issued_statement(c, tr)
}

/// "X issued a statement ..." with nothing else: the subject speaks, and
/// says what follows "that" or "saying".
fn issued_statement(c: &Ctx<'_, '_>, tr: &TriggerMatch) -> Option<Draft> {
    let (t, e) = (tr.toks.start, tr.toks.end);
    let indefinite = c.before(t, 3).any(|k| c.is_in(k, &INDEFINITE_ARTICLES));
    let verb = c.before(t, 4).any(|k| c.is_in(k, &ISSUE_VERBS));
    if !(indefinite && verb) {
        return None;
    }
    let sp = c.subject_before(t).filter(c.mention_is(speaker_ok))?;
    let content = if c.is_word(e, "that") || c.is_word(e, "saying") {
        content_from(c, e + 1)
    } else {
        UNTOLD
    };
    draft(c, tr, sp, content, RuleId::StatementIssuedStatement)
}
