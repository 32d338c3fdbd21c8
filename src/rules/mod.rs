//! The rules: one module per event kind, plus modality and tense.
//!
//! Each rule looks at one trigger in one sentence and fills the kind's roles
//! from the mentions around it. Every rule has a stable id (shown in the
//! output as `rule`), listed with a line of doc in the [`RuleId`] catalogue,
//! and example sentences both ways in `examples.txt`.

pub(crate) mod attack;
pub(crate) mod call;
mod catalogue;
pub(crate) mod modality;
pub(crate) mod sense;
pub(crate) mod statement;
pub(crate) mod tense;
pub(crate) mod visit;

use crate::document::Span;
use crate::event::EventType;
use crate::event::Sector;
use crate::lexicon::{Force, Frame, Lexicon, NounType, NounTypes};
use crate::mention::{Class, EntityMention, Weapon};
use crate::pipeline::Analysis;
use crate::tokens::TokenKind;
use crate::words::lists::rules::{
    ARTICLES, CASUALTY_PARTICIPLES, CLAUSE_STARTERS, COMPASS_ADJECTIVES, COORDINATORS, DANGLING,
    RELATIVE_PRONOUNS, TIME_PREPOSITIONS, TIME_WORDS,
};
pub(crate) use crate::words::lists::rules::{PREPOSITIONS, VERB_GROUP};
pub(crate) use crate::words::{lower, Shapes, Words};
use std::ops::Range;

pub(crate) use catalogue::RuleId;

/// A role filler before resolution: a mention, or a plain span of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Filler {
    /// A mention (sentence index, mention index).
    EntityMention(usize, usize),
    /// Text as written.
    Span(Span),
    /// A demonym standing for its country ("Israeli" -> "Israel").
    Country(Span, std::sync::Arc<str>),
    /// A possessive pronoun standing for a person or group told before
    /// ("her visit", "their trip"): sentence index and the pronoun's span.
    Possessor(usize, Span),
}

/// Roles of a draft event, by kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Roles {
    Attack {
        attacker: Option<Filler>,
        target: Option<Filler>,
        location: Option<Filler>,
        weapon: Option<Filler>,
        killed: Option<u32>,
        injured: Option<u32>,
    },
    Call {
        participants: Vec<Filler>,
    },
    Visit {
        visitor: Option<Filler>,
        destination: Option<Filler>,
        host: Option<Filler>,
    },
    Statement {
        speaker: Option<Filler>,
        content: Option<Span>,
        quote: bool,
    },
}

/// An event found by a rule, before modality, date and resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Draft {
    pub sentence: usize,
    /// Trigger token range.
    pub trig: Range<usize>,
    pub roles: Roles,
    pub rule: RuleId,
    /// A back-reference ("the attack") that takes an earlier event's parties.
    pub backref: bool,
}

/// A trigger in a sentence.
#[derive(Debug, Clone)]
pub(crate) struct TriggerMatch {
    pub toks: Range<usize>,
    pub kind: EventType,
    pub frame: Frame,
    pub force: Force,
    pub phrase: usize,
}

/// What a rule sees: the analysis and the sentence.
pub(crate) struct Ctx<'a, 't> {
    pub doc: &'a Analysis<'t>,
    pub lex: &'a Lexicon,
    pub si: usize,
    pub range: Range<usize>,
    pub trigs: &'a [TriggerMatch],
    /// An attack was found earlier in the document: "the blasts" can refer to it.
    pub seen_attack: bool,
    /// The sentence's casualty counts, computed on first use: every attack
    /// trigger of the sentence asks for them.
    pub casualties: std::cell::OnceCell<(Option<u32>, Option<u32>)>,
    /// The sentence's date expressions, found on first use and handed on to
    /// date attachment, so each sentence is searched once.
    pub dates: std::cell::OnceCell<Vec<crate::dates::DateExpr>>,
    /// The sentence-wide sense cues its words hold (bit `i`: cue `i`),
    /// found on first use.
    pub sentence_cues: std::cell::OnceCell<u64>,
    /// What the sense rules ask of the whole document, found on first use.
    pub facts: &'a sense::DocFacts,
}

impl<'a, 't> Ctx<'a, 't> {
    /// Date expressions of the sentence.
    pub(crate) fn dates(&self) -> &[crate::dates::DateExpr] {
        self.dates.get_or_init(|| {
            let s = self.doc.sentences[self.si].span;
            crate::dates::find_dates(self.doc.text, s.start, s.end)
        })
    }

    /// The text of token `i`; empty past the document's last token, so
    /// that a rule looking one token past a trigger at the very end reads
    /// nothing rather than panics.
    pub(crate) fn word(&self, i: usize) -> &'t str {
        (self.doc.tokens.get(i)).map_or("", |t| &self.doc.text[t.span.range()])
    }

    /// The bytes of token `i` (for comparisons: no char-boundary checks).
    #[inline(always)]
    pub(crate) fn bytes(&self, i: usize) -> &'t [u8] {
        &self.doc.text.as_bytes()[self.doc.tokens[i].span.range()]
    }

    #[inline]
    pub(crate) fn is_word(&self, i: usize, word: &str) -> bool {
        self.range.contains(&i) && self.bytes(i).eq_ignore_ascii_case(word.as_bytes())
    }

    /// True when token `i` is in the sentence and one of `words`.
    #[inline(always)]
    pub(crate) fn is_in(&self, i: usize, words: &Words) -> bool {
        self.range.contains(&i) && words.contains_bytes(self.bytes(i))
    }

    pub(crate) fn kind(&self, i: usize) -> Option<TokenKind> {
        self.range.contains(&i).then(|| self.doc.tokens[i].kind)
    }

    /// The types of token `i`'s word in the noun table (`nouns.tsv`),
    /// case aside; none for a word not in it. A compound of the table ending
    /// there is the more specific reading and wins: a "border post" is a
    /// site, a "post" alone a goalpost.
    pub(crate) fn noun_types(&self, i: usize) -> NounTypes {
        let senses = self.lex.senses();
        let word = lower(self.word(i));
        let compound = (i > self.range.start && self.kind(i - 1) == Some(TokenKind::Word))
            .then(|| senses.noun(&format!("{} {word}", lower(self.word(i - 1)))))
            .filter(|t| t.any());
        compound.unwrap_or_else(|| senses.noun(&word))
    }

    pub(crate) fn mentions(&self) -> &'a [EntityMention] {
        self.doc.mentions(self.si)
    }

    /// The sentence's first weapon that `pred` accepts.
    pub(crate) fn weapon(&self, pred: impl Fn(&Weapon) -> bool) -> Option<&'a Weapon> {
        self.doc.weapons(self.si).iter().find(|w| pred(w))
    }

    /// The mention that starts at token `i`.
    pub(crate) fn mention_starting(&self, i: usize) -> Option<usize> {
        self.mentions().iter().position(|m| m.toks.start == i)
    }

    /// The mention that ends just before token `i`.
    pub(crate) fn mention_ending(&self, i: usize) -> Option<usize> {
        self.mentions().iter().position(|m| m.toks.end == i)
    }

    /// The mention covering token `i`.
    pub(crate) fn mention_covering(&self, i: usize) -> Option<usize> {
        self.mentions().iter().position(|m| m.toks.contains(&i))
    }

    pub(crate) fn filler(&self, mi: usize) -> Filler {
        Filler::EntityMention(self.si, mi)
    }

    /// The mention filler `f` names, if it names one.
    /// True when mention `m` is the police, by its sector or its head
    /// noun ("police", "detectives"): their raids are searches and their
    /// seizures arrests, not attacks.
    pub(crate) fn is_police(&self, m: &EntityMention) -> bool {
        m.sector == Some(Sector::Police) || self.noun_types(m.toks.end - 1).has(NounType::Police)
    }

    pub(crate) fn filler_mention(&self, f: &Filler) -> Option<&'a EntityMention> {
        match f {
            Filler::EntityMention(si, mi) => Some(&self.doc.mentions(*si)[*mi]),
            _ => None,
        }
    }

    /// The text filler `f` stands for: its mention's, or its own span.
    pub(crate) fn filler_span(&self, f: &Filler) -> Span {
        match f {
            Filler::EntityMention(si, mi) => self.doc.mentions(*si)[*mi].span,
            Filler::Span(s) | Filler::Country(s, _) | Filler::Possessor(_, s) => *s,
        }
    }

    /// True when token `i` is inside a quotation.
    pub(crate) fn in_quote(&self, i: usize) -> bool {
        self.doc.quote_at(self.doc.tokens[i].span.start).is_some()
    }

    /// The mention after token `i`, skipping determiners and adjectives (at most `max` tokens).
    pub(crate) fn mention_after(
        &self,
        i: usize,
        max: usize,
        pred: impl Fn(&EntityMention) -> bool,
    ) -> Option<usize> {
        for j in self.ahead(i, max) {
            if let Some(mi) = self.mention_starting(j) {
                return pred(&self.mentions()[mi]).then_some(mi);
            }
            match self.kind(j) {
                Some(TokenKind::Quote | TokenKind::Poss) => {}
                Some(TokenKind::Word | TokenKind::Num)
                    if j == i || !self.is_in(j, &PREPOSITIONS) => {}
                _ => return None,
            }
        }
        None
    }

    /// The mention after the word `word` at token `i` ("by X", "of X"),
    /// as [`mention_after`](Self::mention_after) finds it.
    pub(crate) fn mention_after_word(
        &self,
        i: usize,
        word: &str,
        max: usize,
        pred: impl Fn(&EntityMention) -> bool,
    ) -> Option<usize> {
        let at_word = self.is_word(i, word);
        at_word.then(|| self.mention_after(i + 1, max, pred))?
    }

    /// The mention a relative pronoun at token `p` stands for: the one
    /// right before it, past an age set off by commas ("Tom Reid, 41, who").
    pub(crate) fn relative_antecedent(&self, p: usize) -> Option<usize> {
        let age = |k: usize| self.is_word(k, ",") || self.kind(k) == Some(TokenKind::Num);
        self.mention_ending(self.back_while(p, age))
    }

    /// The subject of the clause that holds token `t`: the first actor
    /// mention of the clause that is not a prepositional object; for a
    /// participle after a comma ("..., urging"), the sentence's subject.
    pub(crate) fn subject_before(&self, t: usize) -> Option<usize> {
        // "the four gunmen who carried out": a relative pronoun right
        // before the verb stands for the mention before it, past an age
        // set off by commas ("Tom Reid, 41, who").
        let b = self.back_over(t, &VERB_GROUP);
        let relative = self.follows(b, &RELATIVE_PRONOUNS);
        let antecedent = relative.then(|| self.relative_antecedent(b - 1)).flatten();
        if let Some(mi) = antecedent.filter(self.mention_is(EntityMention::is_actor)) {
            return Some(mi);
        }
        let start = self.clause_start(t);
        let candidates = (0..self.mentions().len()).filter(|&mi| {
            let m = &self.mentions()[mi];
            m.toks.start >= start && m.toks.end <= t && m.is_actor() && !self.in_quote(m.toks.start)
        });
        // The first candidate that is not a prepositional object or a
        // possessor, else the last candidate.
        (candidates.clone())
            .find(|&mi| !self.is_object_or_possessor(&self.mentions()[mi]))
            .or_else(|| candidates.last())
    }

    /// The first token of the clause that holds the verb at `t`: after the
    /// last clause starter ("that", "when", a speech verb opening reported
    /// speech) with an actor between it and `t`, or after ";" or ":". A
    /// participle after a comma ("..., urging") belongs to the sentence.
    fn clause_start(&self, t: usize) -> usize {
        let participle = t > self.range.start
            && self.word(t).ends_with("ing")
            && (self.kind(t - 1) == Some(TokenKind::Punct) || self.is_word(t - 1, "also"));
        // The start of a mention right before the verb (auxiliaries and a
        // relative clause between commas aside): only such a subject makes
        // a reported clause of its own ("said militants attacked", not
        // "said ..., but warned").
        let verb_group = self.back_over(t, &VERB_GROUP);
        let aside = self.relative_aside(verb_group);
        let adjacent = self
            .mention_ending(aside.map_or(verb_group, |r| r - 1))
            .map(|mi| self.mentions()[mi].toks.start);
        for k in (self.range.start..t).rev() {
            if self.doc.tokens[k].kind == TokenKind::Punct && matches!(self.word(k), ";" | ":") {
                return k + 1;
            }
            // "The army said militants attacked": reported speech opens a
            // clause after the speech verb.
            let speech = adjacent.is_some_and(|s| s > k)
                && self.has_trigger(EventType::Statement, |x| {
                    x.toks.end == k + 1 && matches!(x.frame, Frame::Say | Frame::Tell)
                });
            let starter = speech || self.is_in(k, &CLAUSE_STARTERS);
            // "X said that Y ...": Y's clause starts after "that".
            let actor_between = || {
                (self.mentions().iter())
                    .any(|m| m.toks.start > k && m.toks.end <= t && m.is_actor())
            };
            if participle
                || !starter
                || aside == Some(k)
                || self.mention_covering(k).is_some()
                || !actor_between()
            {
                continue;
            }
            // "Before visiting Rome, the envoy made a visit": an opening
            // subordinate clause ends at its comma.
            if k == self.range.start && !speech {
                if let Some(comma) = (k + 1..t).find(|&j| self.is_word(j, ",")) {
                    return comma + 1;
                }
            }
            return k + 1;
        }
        self.range.start
    }

    /// The relative pronoun of a clause set off by commas that ends right
    /// before the verb group at `vg`: "militants, who had crossed the
    /// border, attacked", "the firm, which employs 900 people, said". The
    /// verb's subject is before it, not in it.
    fn relative_aside(&self, vg: usize) -> Option<usize> {
        if vg < self.range.start + 3 || !self.is_word(vg - 1, ",") {
            return None;
        }
        let inside = (self.range.start + 1..vg - 1).rev();
        (inside.take_while(|&j| !self.is_word(j, ",")).last())
            .filter(|&j| self.is_in(j, &RELATIVE_PRONOUNS) && self.is_word(j - 1, ","))
    }

    /// A mention that cannot be a subject: the object of a preposition
    /// ("in the capital", "of a minister") or a possessor or possessed
    /// ("Russia's army": "Russia").
    fn is_object_or_possessor(&self, m: &EntityMention) -> bool {
        let s = m.toks.start;
        let after_poss = s > self.range.start && self.doc.tokens[s - 1].kind == TokenKind::Poss;
        self.after_preposition(s) || after_poss || self.kind(m.toks.end) == Some(TokenKind::Poss)
    }

    /// True when the phrase opening at token `s` (its articles and compass
    /// adjectives included) is the object of a preposition.
    pub(crate) fn after_preposition(&self, s: usize) -> bool {
        let phrase = self.back_over(self.back_over(s, &COMPASS_ADJECTIVES), &ARTICLES);
        self.follows(phrase, &PREPOSITIONS)
    }

    /// True for a word of the sentence that is not a preposition: a word
    /// that may belong to a noun phrase.
    pub(crate) fn plain_word(&self, k: usize) -> bool {
        self.kind(k) == Some(TokenKind::Word) && !self.is_in(k, &PREPOSITIONS)
    }

    /// The end of the run of [`plain_word`](Self::plain_word)s from token
    /// `i` (at most `max`) that `stop` does not end: a noun phrase's.
    pub(crate) fn words_end(&self, i: usize, max: usize, stop: impl Fn(usize) -> bool) -> usize {
        let ahead = self.ahead(i, max);
        (ahead.clone())
            .find(|&k| !self.plain_word(k) || stop(k))
            .unwrap_or(ahead.end)
    }

    /// Mention `mi` and the mentions `pred` accepts joined to it by "and"
    /// or commas ("X, Y and Z"), after it (`forward`, over ", and" too) or
    /// before it, at most six, in text order.
    pub(crate) fn conjuncts(
        &self,
        mi: usize,
        forward: bool,
        pred: impl Fn(&EntityMention) -> bool,
    ) -> Vec<usize> {
        let mut out = vec![mi];
        while out.len() < 6 {
            let next = if forward {
                let j = self.mentions()[out[out.len() - 1]].toks.end;
                if !self.is_in(j, &COORDINATORS) {
                    break;
                }
                let skip = self.is_word(j, ",") && self.is_word(j + 1, "and");
                self.mention_starting(if skip { j + 2 } else { j + 1 })
            } else {
                let s = self.mentions()[out[0]].toks.start;
                if !self.follows(s, &COORDINATORS) {
                    break;
                }
                self.mention_ending(s - 1)
            };
            match next.filter(|&n| pred(&self.mentions()[n])) {
                Some(n) if forward => out.push(n),
                Some(n) => out.insert(0, n),
                None => break,
            }
        }
        out
    }

    /// Token `t` moved back over the words of `skip` before it.
    pub(crate) fn back_over(&self, t: usize, skip: &Words) -> usize {
        self.back_while(t, |k| self.is_in(k, skip))
    }

    /// Token `t` moved back over the tokens of the sentence that `skip`
    /// accepts.
    pub(crate) fn back_while(&self, t: usize, skip: impl Fn(usize) -> bool) -> usize {
        let start = self.range.start.min(t);
        (start..t)
            .rev()
            .find(|&k| !skip(k))
            .map_or(start, |k| k + 1)
    }

    /// Token `i` moved forward over the words of `skip`.
    pub(crate) fn forward_over(&self, i: usize, skip: &Words) -> usize {
        self.forward_while(i, |k| self.is_in(k, skip))
    }

    /// Token `i` moved forward over the tokens of the sentence that `skip`
    /// accepts.
    pub(crate) fn forward_while(&self, i: usize, skip: impl Fn(usize) -> bool) -> usize {
        let end = self.range.end.max(i);
        (i..end).find(|&k| !skip(k)).unwrap_or(end)
    }

    /// The (at most) `n` tokens of the sentence before token `t`.
    pub(crate) fn before(&self, t: usize, n: usize) -> Range<usize> {
        t.saturating_sub(n).max(self.range.start)..t
    }

    /// The (at most) `n` tokens of the sentence from token `i` on.
    pub(crate) fn ahead(&self, i: usize, n: usize) -> Range<usize> {
        i..(i + n).min(self.range.end)
    }

    /// Token `i`, or the one after it when it is `word` ("of", "out").
    pub(crate) fn past_word(&self, i: usize, word: &str) -> usize {
        i + usize::from(self.is_word(i, word))
    }

    /// True when the token before `i` is in the sentence and one of `words`.
    #[inline]
    pub(crate) fn follows(&self, i: usize, words: &Words) -> bool {
        i > self.range.start && self.is_in(i - 1, words)
    }

    /// True when a possessive "'s" ends right before token `k`, after its
    /// possessor ("the militia's raid" at "raid").
    pub(crate) fn possessed(&self, k: usize) -> bool {
        k > self.range.start + 1 && self.doc.tokens[k - 1].kind == TokenKind::Poss
    }

    /// A test of mention index `mi` by `pred` on the mention, for
    /// `Option::filter` ("the subject, when it is a party").
    pub(crate) fn mention_is<'s>(
        &'s self,
        pred: impl Fn(&EntityMention) -> bool + 's,
    ) -> impl Fn(&usize) -> bool + 's {
        move |&mi| pred(&self.mentions()[mi])
    }

    /// Index of the first token from `i` that ends the clause (";", a dash,
    /// the sentence's end).
    pub(crate) fn clause_end(&self, i: usize) -> usize {
        let end = |j| matches!(self.word(j), ";" | "." | "!" | "?" | "—" | "–");
        (i..self.range.end)
            .find(|&j| self.kind(j) == Some(TokenKind::Punct) && end(j))
            .unwrap_or(self.range.end)
    }

    /// A draft of this sentence for trigger `tr`: the one constructor the
    /// kinds' rules share.
    pub(crate) fn draft(
        &self,
        tr: &TriggerMatch,
        roles: Roles,
        rule: RuleId,
        backref: bool,
    ) -> Draft {
        Draft {
            sentence: self.si,
            trig: tr.toks.clone(),
            roles,
            rule,
            backref,
        }
    }

    /// Span from the start of token `a` to the end of token `b - 1`, trimmed of
    /// punctuation and quotes at both ends.
    pub(crate) fn span(&self, a: usize, b: usize) -> Option<Span> {
        let edge =
            |k: usize| matches!(self.doc.tokens[k].kind, TokenKind::Punct | TokenKind::Quote);
        let a = (a..b).find(|&k| !edge(k))?;
        let b = (a..b).rev().find(|&k| !edge(k))? + 1;
        Some(self.doc.toks_span(a..b))
    }

    /// Triggers of another kind or frame in this sentence.
    pub(crate) fn has_trigger(
        &self,
        kind: EventType,
        pred: impl Fn(&TriggerMatch) -> bool,
    ) -> bool {
        self.trigs.iter().any(|t| t.kind == kind && pred(t))
    }
}

/// Cuts every role written as a span of text before the first date
/// expression inside it: "Kenya and the Horn of Africa states Monday" is
/// "Kenya and the Horn of Africa states", and a role that is all date is
/// dropped. Mentions stop before dates where they are built; the spans
/// rules take from a trigger onwards are cut here, for every rule at once.
pub(crate) fn cut_roles_at_dates(c: &Ctx<'_, '_>, roles: &mut Roles) {
    // The call rules name their participants by mentions only, and a
    // statement's content is what was said, dates and all.
    let fillers = match roles {
        Roles::Attack {
            attacker,
            target,
            location,
            weapon,
            ..
        } => vec![attacker, target, location, weapon],
        Roles::Call { .. } => vec![],
        Roles::Visit {
            visitor,
            destination,
            host,
        } => vec![visitor, destination, host],
        Roles::Statement { speaker, .. } => vec![speaker],
    };
    for f in fillers {
        if let Some(Filler::Span(span)) = f {
            match cut_span_at_dates(c, *span) {
                Some(s) => *span = s,
                None => *f = None,
            }
        }
    }
}

/// `span` up to the first date expression of the sentence that starts inside
/// it, without the words left dangling; `None` when nothing is left. A date
/// that modifies the noun after it ("Friday prayers", "the Sunday market")
/// stays.
fn cut_span_at_dates(c: &Ctx<'_, '_>, span: Span) -> Option<Span> {
    let toks = &c.doc.tokens[c.range.clone()];
    let index = |byte: usize| c.range.start + toks.partition_point(|t| t.span.start < byte);
    let Some(date) = c.dates().iter().find(|d| {
        let after = index(d.span.end);
        let modifier = c.kind(after) == Some(TokenKind::Word)
            && c.doc.tokens[after].span.end <= span.end
            && !c.is_in(after, &DANGLING)
            && !c.word(after).ends_with("ing")
            && !c.word(after).ends_with("ed");
        span.start <= d.span.start && d.span.start < span.end && !modifier
    }) else {
        return Some(span);
    };
    // The tokens of the span before the date and the phrase that leads to it
    // ("in the second week of"), less dangling words and punctuation.
    let first = index(span.start);
    let end = index(date.span.start);
    let preposition = |k: &usize| c.is_in(*k, &TIME_PREPOSITIONS);
    let time = |k: &usize| c.is_in(*k, &TIME_WORDS) || preposition(k);
    let lead = (first..end).rev().take_while(time).find(preposition);
    let edge = |k| matches!(c.kind(k), Some(TokenKind::Punct | TokenKind::Quote));
    let end = (first..lead.unwrap_or(end))
        .rev()
        .find(|&k| !edge(k) && !c.is_in(k, &DANGLING))
        .map_or(first, |k| k + 1);
    (end > first).then(|| Span::new(span.start, c.doc.tokens[end - 1].span.end))
}

/// Triggers of a sentence, from the document's trigger hits, into `out`
/// (cleared first).
pub(crate) fn sentence_triggers(
    a: &Analysis<'_>,
    lex: &Lexicon,
    si: usize,
    out: &mut Vec<TriggerMatch>,
) {
    out.clear();
    for h in a.hits_of(si, &a.triggers) {
        let toks = h.toks();
        // A trigger word inside a name is part of the name ("United States", "Strike Force").
        if in_name(a.mentions(si), &toks) {
            continue;
        }
        let participle = casualty_participle(a, si, &toks);
        for t in lex.trigger_meanings(h.phrase) {
            // ", killing three": the casualties of the attack before it,
            // not another attack.
            if participle && t.kind == EventType::Attack && out.iter().any(|x| x.kind == t.kind) {
                continue;
            }
            out.push(TriggerMatch {
                toks: toks.clone(),
                kind: t.kind,
                frame: t.frame,
                force: t.force,
                phrase: h.phrase,
            });
        }
    }
}

/// True for a casualty participle opening a clause: ", killing three",
/// "and wounding 14".
fn casualty_participle(a: &Analysis<'_>, si: usize, toks: &Range<usize>) -> bool {
    let w = &a.text[a.tokens[toks.start].span.range()];
    let first = a.sent_toks[si].start;
    CASUALTY_PARTICIPLES.contains(w)
        && toks.start > first
        && matches!(&a.text[a.tokens[toks.start - 1].span.range()], "," | "and")
}

/// True when tokens `toks` lie inside a name among `mentions` (not a common
/// noun actor, a pronoun or a description).
pub(crate) fn in_name(mentions: &[EntityMention], toks: &Range<usize>) -> bool {
    mentions.iter().any(|m| {
        m.toks.start <= toks.start
            && toks.end <= m.toks.end
            && !matches!(m.class, Class::Group | Class::Pronoun | Class::Description)
    })
}

/// True for a mention that can be a party to a call or a visitor: an
/// actor (a person, organization, group, country or a word that refers to
/// one).
pub(crate) fn party(m: &EntityMention) -> bool {
    m.is_actor()
}

/// True for a party told by its name or title, not a common-noun group or
/// a pronoun.
pub(crate) fn named_party(m: &EntityMention) -> bool {
    party(m) && !matches!(m.class, Class::Group | Class::Pronoun)
}

/// True for a place, or a name of unknown type that may be one.
pub(crate) fn maybe_place(m: &EntityMention) -> bool {
    placeish(m) || m.class == Class::Unknown
}

/// True for an armed party: the military or an armed group.
pub(crate) fn armed(m: &EntityMention) -> bool {
    matches!(m.sector, Some(Sector::Military | Sector::ArmedGroup))
}

/// True for a mention class that can be a place.
pub(crate) fn placeish(m: &EntityMention) -> bool {
    matches!(m.class, Class::Place | Class::Country)
}

#[cfg(test)]
mod tests {
    use crate::{Document, EventKind, Extractor};

    /// The roles of the first attack or visit of `text`, as written.
    fn roles(text: &str) -> Vec<(&'static str, String)> {
        let events = Extractor::new().extract(&Document::new("t", text));
        let mut out = Vec::new();
        let mut push = |name, m: &Option<crate::Mention>| {
            if let Some(m) = m {
                out.push((name, text[m.span.range()].to_string()));
            }
        };
        match events.iter().map(|e| &e.kind).next() {
            Some(EventKind::Attack(a)) => {
                push("attacker", &a.attacker);
                push("target", &a.target);
                push("location", &a.location);
            }
            Some(EventKind::Visit(v)) => {
                push("visitor", &v.visitor);
                push("destination", &v.destination);
            }
            _ => {}
        }
        out
    }

    #[test]
    fn roles_stop_before_dates() {
        for (text, role, want) in [
            // A date after the noun phrase is no part of it.
            (
                "Militants attacked the convoy yesterday near Mosul.",
                "target",
                "convoy",
            ),
            ("Gunmen shelled the town last week.", "target", "town"),
            (
                "Gunmen attacked the convoy Monday near Mosul.",
                "target",
                "convoy",
            ),
            (
                "Blinken travelled to the hospital Tuesday.",
                "destination",
                "hospital",
            ),
            (
                "Blinken visited the Iranian capital Tuesday.",
                "destination",
                "Iranian capital",
            ),
            (
                "Sudani will begin a regional tour to Iran and the Gulf states Monday.",
                "destination",
                "Iran and the Gulf states",
            ),
            (
                "Drones struck the capital so far this year, officials said.",
                "target",
                "capital",
            ),
            (
                "Dar had visited the capital in the first week of October.",
                "destination",
                "capital",
            ),
            // One before a noun modifies it; words after a date are kept.
            (
                "The minister travelled to the Sunday market.",
                "destination",
                "Sunday market",
            ),
            (
                "Militants attacked the convoy in Mosul.",
                "target",
                "convoy",
            ),
            (
                "Blinken travelled to the old hospital.",
                "destination",
                "old hospital",
            ),
        ] {
            let got = roles(text);
            let found = got
                .iter()
                .find(|(r, _)| *r == role)
                .map(|(_, t)| t.as_str());
            assert_eq!(found, Some(want), "{text}: {got:?}");
        }
    }

    #[test]
    fn numbers_in_digits_and_words() {
        use super::attack::number;
        assert_eq!(number("22"), Some(22));
        assert_eq!(number("2,500"), Some(2500));
        assert_eq!(number("10.5"), None);
        assert_eq!(number("99999999999"), None);
        assert_eq!(number("Twenty-two"), Some(22));
        assert_eq!(number("three"), Some(3));
        assert_eq!(number("the"), None);
        assert_eq!(number("a"), None);
        assert_eq!(number("an"), None);
        assert_eq!(number("twenty-"), None);
        assert_eq!(number("-one"), None);
        assert_eq!(number(""), None);
    }
}
