//! The rules: each a named pattern, built from the word tables, and a check
//! of what a regex cannot see, which builds the expression's [`DateKind`].

use chrono::NaiveDate;
use once_cell::sync::{Lazy, OnceCell};
use regex::{Captures, Regex};

use super::tables::{from_str, lookup, norm_eq, tsv_rows, MonthName, TABLES};
use super::{DateKind, Edge, InYear, Qualifier, Unit};
use crate::words::lists::dates::{MAY_CONTEXT, NARRATIVE_DETERMINERS, NOT_BEFORE_WEEKEND};

/// ASCII word boundary: see the module docs.
const B: &str = r"(?-u:\b)";

const RULES_TSV: &str = include_str!("rules.tsv");

/// A named recognizer: its pattern, the code that checks a match, and the
/// words that let the search skip to where a match can be. `rules.tsv`
/// says what each field holds.
pub(super) struct Rule {
    /// Stable name, shown in test failures.
    pub(super) name: &'static str,
    pattern: &'static str,
    /// Its regex, compiled at first use.
    regex: OnceCell<Regex>,
    /// Checks a match against the sentence text (up to its end) and builds
    /// the kind, or rejects it. The group `e`, when present, is the span;
    /// a matched `since` group wraps the kind in [`DateKind::Since`].
    pub(super) build: fn(&Caps<'_>, &str) -> Option<DateKind>,
    /// ASCII, lower case; see `search::needs_every_start` for the letters
    /// that fold to ASCII ones.
    pub(super) cues: Vec<&'static str>,
    /// The search skips the occurrences of a cue that stand elsewhere
    /// ("day" in "Monday" cues no unit).
    pub(super) cue_at: CueAt,
    /// A match starts at most this many runs of non-whitespace before
    /// the start of its cue.
    pub(super) reach: usize,
}

/// Where a rule's cue stands in its matches. Every pattern puts its cue
/// word after whitespace, a hyphen or the match's start, so at a word
/// start as `(?-u:\b)` reads it: no cue is found inside a word.
#[derive(Clone, Copy)]
pub(super) enum CueAt {
    /// At the start of a word ("year" in "New Year's").
    WordStart,
    /// As a whole word ("monday", "weekend").
    Whole,
    /// At the start of a word that, whole and in lowercase, passes the
    /// check ("mar" only in "March" or "Mar").
    Word(fn(&str) -> bool),
}

impl CueAt {
    /// Whether a cue `cue_len` bytes long, found at the start of `word` (a
    /// run of ASCII word bytes), stands where its rule puts it.
    pub(super) fn holds(self, word: &str, cue_len: usize) -> bool {
        match self {
            CueAt::WordStart => true,
            CueAt::Whole => word.len() == cue_len,
            CueAt::Word(check) => check(&word.to_lowercase()),
        }
    }
}

/// A month's name or abbreviation, as the month piece reads them.
fn is_month_word(w: &str) -> bool {
    TABLES
        .months
        .iter()
        .any(|m| m.name == w || m.abbrevs.contains(&w))
}

/// "1900" to "2099", as the year piece reads them.
fn is_year_word(w: &str) -> bool {
    w.len() == 4
        && (w.starts_with("19") || w.starts_with("20"))
        && w.bytes().all(|b| b.is_ascii_digit())
}

/// A unit or its plural, as the unit piece reads them.
fn is_unit_word(w: &str) -> bool {
    let w = w.strip_suffix('s').unwrap_or(w);
    TABLES.units.iter().any(|u| u.0 == w)
}

/// The built-in rules; `cargo test` loads them, so they cannot fail here.
pub(super) static RULES: Lazy<Vec<Rule>> =
    Lazy::new(|| parse(RULES_TSV).unwrap_or_else(|e| panic!("src/dates/rules.tsv, {e}")));

/// The rules of `text`, or `line N: problem` for the first bad line.
pub(super) fn parse(text: &'static str) -> Result<Vec<Rule>, String> {
    let mut rules: Vec<Rule> = Vec::new();
    for (n, fields) in tsv_rows(text) {
        let rule = rule(&fields).map_err(|e| format!("line {n}: {e}"))?;
        if rules.iter().any(|r| r.name == rule.name) {
            return Err(format!("line {n}: {} twice", rule.name));
        }
        rules.push(rule);
    }
    Ok(rules)
}

/// The rule of one line's fields.
fn rule(fields: &[&'static str]) -> Result<Rule, String> {
    let [name, reach, cue_at, cues, pattern] = fields[..] else {
        return Err("expected name, reach, cue_at, cues, pattern".to_string());
    };
    let build = match name {
        "month_day" | "day_month" => build_month_day,
        "month" => build_month,
        "year" => build_year,
        "season" => build_season,
        "holiday" => build_holiday,
        "weekday" => build_weekday,
        "relative_day" => build_relative_day,
        "relative_period" => build_relative_period,
        "recent" => build_recent,
        "ago" => build_ago,
        "weekend" => build_weekend,
        _ => return Err(format!("no build function for a rule {name:?}")),
    };
    let cue_at = match cue_at {
        "start" => CueAt::WordStart,
        "whole" => CueAt::Whole,
        "month" => CueAt::Word(is_month_word),
        "year" => CueAt::Word(is_year_word),
        "unit" => CueAt::Word(is_unit_word),
        _ => return Err(format!("unknown cue_at {cue_at:?}")),
    };
    let cues: Vec<&str> = cues.split(' ').collect();
    let ascii = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    if !cues.iter().all(|c| !c.is_empty() && c.bytes().all(ascii)) {
        return Err(format!("cues {cues:?}: not lower-case ASCII words"));
    }
    Ok(Rule {
        name,
        pattern,
        regex: OnceCell::new(),
        build,
        cues,
        cue_at,
        reach: from_str(reach)?,
    })
}

/// Sub-patterns shared by the rules, by the name a pattern gives them:
/// these, and each section of the word tables as an alternation of its
/// words (`{edge}`, `{part_of_day}`).
static PIECES: Lazy<Vec<(&str, String)>> = Lazy::new(|| {
    let t = &*TABLES;
    let section = |name| alternation(t.words.iter().filter(|w| w.0 == name).map(|w| w.1));
    let month_full = alternation(t.months.iter().map(|m| m.name));
    let month_abbr = alternation(t.months.iter().flat_map(|m| m.abbrevs.iter().copied()));
    let mut pieces = vec![
        ("B", B.to_string()),
        // Only abbreviations take a period, so a sentence-final one stays outside.
        (
            "month",
            format!(r"(?:(?P<month>{month_full}){B}|(?P<abbr>{month_abbr}){B}\.?)"),
        ),
        ("day", format!(r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?{B}")),
        ("year", format!(r"(?P<year>(?:19|20)\d\d){B}")),
        ("unit", format!("(?:{})s?", section("unit"))),
        ("num", format!(r"\d+|{}", section("number"))),
        ("since", r"(?P<since>since)\s+".to_string()),
        ("dow", format!(r"(?:(?:{}){B},?\s+)?", section("weekday"))),
    ];
    let mut sections: Vec<&str> = t.words.iter().map(|w| w.0).collect();
    sections.dedup();
    pieces.extend(sections.into_iter().map(|name| (name, section(name))));
    pieces
});

impl Rule {
    /// The rule's regex, anchored at the start of the text it is given,
    /// where the search puts a match's start. Each `{name}` in the pattern
    /// becomes its piece; an unknown name stays, and the regex rejects it.
    pub(super) fn regex(&self) -> &Regex {
        self.regex.get_or_init(|| {
            let expand = |p: String, (name, piece): &(&str, String)| {
                p.replace(&format!("{{{name}}}"), piece)
            };
            let pattern = PIECES.iter().fold(self.pattern.to_string(), expand);
            rx(&format!(r"\A(?:{pattern})"))
        })
    }
}

/// Compiles a rule's pattern, case-insensitive; the patterns are fixed, so
/// failure is a bug caught by every test.
fn rx(pattern: &str) -> Regex {
    Regex::new(&format!("(?i){pattern}")).expect("date rule pattern compiles")
}

/// `a|b|c` from table words: a space matches any run of whitespace, an
/// apostrophe may be straight, curly or absent, anything else is literal.
fn alternation<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    let word = |w: &str| regex::escape(w).replace(' ', r"\s+").replace('\'', "['’]?");
    words.into_iter().map(word).collect::<Vec<_>>().join("|")
}

/// A group of a rule match, with offsets into the sentence's text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Group<'h> {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) text: &'h str,
}

/// The groups of a rule match, found by a regex run on the text from
/// `offset` on.
pub(super) struct Caps<'h> {
    pub(super) caps: Captures<'h>,
    pub(super) offset: usize,
}

impl<'h> Caps<'h> {
    /// The whole match.
    pub(super) fn whole(&self) -> Group<'h> {
        self.at_offset(self.caps.get_match())
    }

    /// The named group, if it matched.
    pub(super) fn name(&self, name: &str) -> Option<Group<'h>> {
        self.caps.name(name).map(|m| self.at_offset(m))
    }

    /// A match of the regex, with offsets into the text.
    fn at_offset(&self, m: regex::Match<'h>) -> Group<'h> {
        Group {
            start: m.start() + self.offset,
            end: m.end() + self.offset,
            text: m.as_str(),
        }
    }
}

/// The text of a named group, if it matched.
fn group<'h>(caps: &Caps<'h>, name: &str) -> Option<&'h str> {
    caps.name(name).map(|m| m.text)
}

/// The lowercase ASCII word just before `pos` (skipping whitespace), looking
/// back a bounded distance so the scan stays linear.
fn prev_word(text: &str, pos: usize) -> String {
    let bytes = &text.as_bytes()[..pos.min(text.len())];
    // The start of the run of at most `n` bytes that `pred` accepts at
    // the end of `b`.
    let run_start = |b: &[u8], n, pred: fn(&u8) -> bool| {
        b.len() - b.iter().rev().take(n).take_while(|x| pred(x)).count()
    };
    let end = run_start(bytes, 16, u8::is_ascii_whitespace);
    let start = run_start(&bytes[..end], 32, u8::is_ascii_alphabetic);
    String::from_utf8_lossy(&bytes[start..end]).to_ascii_lowercase()
}

/// Whitespace and then `of` as a word ("the fall of the city", "the last
/// week of the trial").
static OF: Lazy<Regex> = Lazy::new(|| rx(&format!(r"\A\s+of{B}")));

/// Whitespace and a day number, as in "in October 23", which the month-day
/// rules read better.
static DAY: Lazy<Regex> = Lazy::new(|| rx(&format!(r"\A\s+[0-3]?\d(?:st|nd|rd|th)?{B}")));

/// True when the text after `pos` starts with what `next` matches.
fn followed_by(text: &str, pos: usize, next: &Regex) -> bool {
    text.get(pos..).is_some_and(|rest| next.is_match(rest))
}

/// True when the number at `pos` continues one before it ("2,500", "1.5"):
/// ASCII boundaries would otherwise let "500" stand alone.
fn continues_number(text: &str, pos: usize) -> bool {
    let b = text.as_bytes();
    pos >= 2 && pos <= b.len() && matches!(b[pos - 1], b',' | b'.') && b[pos - 2].is_ascii_digit()
}

/// The table entry of the month a `month`/`abbr` group names, if its
/// casing allows it to be one, and whether it was abbreviated.
fn month_of(caps: &Caps<'_>) -> Option<(&'static MonthName, bool)> {
    let (word, abbr) = match group(caps, "month") {
        Some(w) => (w, false),
        None => (group(caps, "abbr")?, true),
    };
    let m = TABLES.months.iter().find(|m| {
        m.name.eq_ignore_ascii_case(word) || m.abbrevs.iter().any(|a| a.eq_ignore_ascii_case(word))
    })?;
    let capitalized = word.starts_with(|c: char| c.is_ascii_uppercase());
    let lowercase = word.bytes().all(|b| b.is_ascii_lowercase());
    let ok = capitalized || (!abbr && !m.needs_capital && lowercase);
    ok.then_some((m, abbr))
}

/// The year group as a number.
fn year_of(caps: &Caps<'_>) -> Option<i32> {
    group(caps, "year").and_then(|y| y.parse().ok())
}

/// The qualifier group, looked up in the qualifier table ("the" is none).
fn qualifier_of(caps: &Caps<'_>) -> Option<Qualifier> {
    lookup(&TABLES.qualifiers, group(caps, "q")?)
}

/// The edge group, looked up in the edge table.
fn edge_of(caps: &Caps<'_>, name: &str) -> Option<Edge> {
    lookup(&TABLES.edges, group(caps, name)?)
}

/// Whether a preposition stands before the expression ("by", "in",
/// "since"), which licenses a bare year, month, season or holiday.
fn after_preposition(caps: &Caps<'_>) -> bool {
    (["ctx", "pre", "since"].iter()).any(|g| caps.name(g).is_some())
}

/// A date of the year, `what`, with the match's year, edge and qualifier;
/// a bare one (none of them, and no preposition before) only if `bare_ok`.
fn yearly(caps: &Caps<'_>, what: InYear, bare_ok: bool) -> Option<DateKind> {
    let year = year_of(caps);
    let edge = edge_of(caps, "edge");
    let qualifier = qualifier_of(caps);
    let bare = year.is_none() && edge.is_none() && qualifier.is_none() && !after_preposition(caps);
    (bare_ok || !bare).then_some(DateKind::Yearly {
        what,
        year,
        edge,
        qualifier,
    })
}

/// "October 23", "5 August 2024", "on Monday, March 4".
fn build_month_day(caps: &Caps<'_>, text: &str) -> Option<DateKind> {
    let month = month_of(caps)?.0.number;
    let day_m = caps.name("day")?;
    if continues_number(text, day_m.start) {
        return None;
    }
    let day: u32 = day_m.text.parse().ok()?;
    // A leap year stands in for an unknown one, so February 29 passes.
    NaiveDate::from_ymd_opt(year_of(caps).unwrap_or(2000), month, day)?;
    yearly(caps, InYear::Day(month, day), true)
}

/// "in January", "since April", "In late June", "February 2003".
fn build_month(caps: &Caps<'_>, text: &str) -> Option<DateKind> {
    let (month, abbr) = month_of(caps)?;
    if year_of(caps).is_none() {
        if abbr || followed_by(text, caps.name("e")?.end, &DAY) {
            return None;
        }
        // "by May" and "of May" are as likely the politician as the month.
        let strict_ok = edge_of(caps, "edge").is_some()
            || qualifier_of(caps).is_some()
            || [group(caps, "pre"), group(caps, "since")]
                .iter()
                .flatten()
                .any(|w| MAY_CONTEXT.contains(w));
        if month.strict && !strict_ok {
            return None;
        }
    }
    yearly(caps, InYear::Month(month.number), false)
}

/// "in 2004", "by 2030", "mid-2004": a bare number is a year only after a
/// preposition or an edge word.
fn build_year(caps: &Caps<'_>, _text: &str) -> Option<DateKind> {
    let licensed = after_preposition(caps) || edge_of(caps, "edge").is_some();
    if year_of(caps).is_none() || !licensed {
        return None;
    }
    yearly(caps, InYear::Whole, true)
}

/// "in early summer", "last winter", "the spring of 2004".
fn build_season(caps: &Caps<'_>, text: &str) -> Option<DateKind> {
    let season = lookup(&TABLES.seasons, group(caps, "season")?)?;
    // "the fall of the city" is not autumn.
    if year_of(caps).is_none() && followed_by(text, caps.name("e")?.end, &OF) {
        return None;
    }
    yearly(caps, InYear::Season(season), false)
}

/// "New Year's Eve", "on Christmas Day", "over Christmas"; some names
/// need a year, qualifier or preposition to be a date.
fn build_holiday(caps: &Caps<'_>, text: &str) -> Option<DateKind> {
    let hol = caps.name("hol")?;
    let holiday = TABLES.holidays.iter().find(|h| norm_eq(h.name, hol.text))?;
    let before = prev_word(text, hol.start);
    if holiday.not_after.contains(&before.as_str()) {
        return None;
    }
    yearly(caps, InYear::Holiday(holiday), !holiday.needs_context)
}

/// "on Saturday", "late Saturday", "Wednesday morning", "last Saturday".
fn build_weekday(caps: &Caps<'_>, _text: &str) -> Option<DateKind> {
    Some(DateKind::Weekday {
        wd: lookup(&TABLES.weekdays, group(caps, "wd")?)?,
        qualifier: qualifier_of(caps),
    })
}

/// "yesterday", "last night", "earlier today", "this morning".
fn build_relative_day(caps: &Caps<'_>, _text: &str) -> Option<DateKind> {
    lookup(&TABLES.relative_days, group(caps, "rel")?).map(DateKind::Relative)
}

/// "last week", "late last month", "earlier this year", "later in the week".
fn build_relative_period(caps: &Caps<'_>, text: &str) -> Option<DateKind> {
    let e = caps.name("e")?;
    let (unit, offset, edge) = if let Some(unit) = group(caps, "unit2") {
        (unit, 0, Some(edge_of(caps, "edge2")?))
    } else {
        let edge = edge_of(caps, "edge");
        if edge.is_none()
            && caps.name("since").is_none()
            && NARRATIVE_DETERMINERS.contains(&prev_word(text, e.start))
        {
            return None;
        }
        let offset = match qualifier_of(caps)? {
            Qualifier::Last => -1,
            Qualifier::This => 0,
            Qualifier::Next => 1,
        };
        (group(caps, "unit")?, offset, edge)
    };
    Some(DateKind::RelativePeriod {
        unit: lookup(&TABLES.units, unit)?,
        offset,
        edge,
    })
}

/// A unit group, singular or plural.
fn unit_of(s: &str) -> Option<Unit> {
    // `lookup` folds ASCII case itself.
    lookup(&TABLES.units, s.strip_suffix(['s', 'S']).unwrap_or(s))
}

/// The count of units: `None` for a vague one ("a few"), else digits or a
/// number word, or one when there is no count ("the past week").
fn count_of(caps: &Caps<'_>, text: &str) -> Option<Option<u32>> {
    if caps.name("few").is_some() {
        return Some(None);
    }
    let Some(m) = caps.name("n") else {
        return Some(Some(1));
    };
    if continues_number(text, m.start) {
        return None;
    }
    let n = m.text.parse().ok();
    n.or_else(|| lookup(&TABLES.numbers, m.text)).map(Some)
}

/// "in recent days", "In the past month", "over the past three weeks".
fn build_recent(caps: &Caps<'_>, text: &str) -> Option<DateKind> {
    let e = caps.name("e")?;
    if let Some(unit) = group(caps, "runit") {
        // "recent days" without a preposition is usually a noun phrase subject.
        caps.name("pre")?;
        return Some(DateKind::Recent {
            unit: unit_of(unit)?,
            n: None,
        });
    }
    if followed_by(text, e.end, &OF) {
        return None;
    }
    Some(DateKind::Recent {
        n: count_of(caps, text)?,
        unit: unit_of(group(caps, "unit")?)?,
    })
}

/// "six weeks ago", "Almost four years ago", "a few days ago".
fn build_ago(caps: &Caps<'_>, text: &str) -> Option<DateKind> {
    // The pattern requires a count, so the default of one never applies.
    let n = count_of(caps, text)?;
    let approx = group(caps, "mod")
        .and_then(|m| lookup(&TABLES.count_modifiers, m))
        .unwrap_or(false);
    Some(DateKind::Ago {
        n,
        unit: unit_of(group(caps, "unit")?)?,
        approx,
    })
}

/// "the weekend", "over the weekend", "last weekend", "weekend".
fn build_weekend(caps: &Caps<'_>, text: &str) -> Option<DateKind> {
    let e = caps.name("e")?;
    let bare = ["pre", "q", "since"].iter().all(|g| caps.name(g).is_none());
    if bare && NOT_BEFORE_WEEKEND.contains(&prev_word(text, e.start)) {
        return None;
    }
    Some(DateKind::Weekend {
        qualifier: qualifier_of(caps),
    })
}
