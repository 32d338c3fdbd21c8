//! Date expressions in news sentences: finding them and resolving them
//! against the publication date.
//!
//! Each rule is a named regex over one sentence plus a `build` function that
//! checks what a regex cannot (the casing of "May" and "March", a licensing
//! preposition before a bare year, the word before "weekend") and returns the
//! expression's [`DateKind`]. Matches of all rules are merged leftmost-longest.
//!
//! The search finds exactly the matches of the plain patterns, with less
//! work: every match holds a cue word of its rule ("may", "weekend", "19")
//! and starts within a few words before it, so one scan for cues picks the
//! rules to run and the places to try, where the rule's regex runs anchored
//! (which also spares compiling the literal prefilters of unanchored
//! patterns). Sentences with characters the fast regexes read differently
//! (`ſ`, the Kelvin sign, non-ASCII digits) take the plain, unanchored ones.
//!
//! Resolution follows news usage: a bare weekday or "October 23" in a
//! past-tense clause is the most recent one on or before the publication date,
//! in a future-tense clause the next one on or after it, in a present-tense
//! clause or a headline the nearer of the two; and news uses a bare weekday
//! only within the week around publication, a bare month-day only within
//! about eleven months of it, so past that the other side wins whatever the
//! tense (`by_tense`). Expressions that name a period ("last week", "in
//! 2004") get a range and no single-day value.
//!
//! Word boundaries are ASCII (`(?-u:\b)`): a Unicode `\b` would push the regex
//! crate off its fast DFA at the first curly quote.

use std::cell::Cell;
use std::cmp::Reverse;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use once_cell::sync::Lazy;
use once_cell::sync::OnceCell;
use regex::{Captures, Regex};

use crate::document::Span;
use crate::tokens::{tokenize, Token, TokenKind, BYTE_KIND};

/// A date expression found in a sentence.
#[allow(dead_code)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DateExpr {
    /// UTF-8 byte offsets into the full text, leading preposition included.
    pub span: Span,
    /// What the expression says.
    pub kind: DateKind,
}

/// What a date expression says, before resolution.
#[allow(dead_code)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DateKind {
    /// "Saturday", "late Saturday", "on Tuesday night", "last Saturday".
    Weekday {
        /// The day of the week.
        wd: Weekday,
        /// "morning", "night", or the "early"/"late" of "late Saturday".
        part_of_day: Option<PartOfDay>,
        /// "last", "this" or "next" before the weekday.
        qualifier: Option<Qualifier>,
    },
    /// "October 23", "Aug. 5", "5 August 2024", "Oct. 23, 2023".
    MonthDay {
        /// 1-12.
        month: u32,
        /// 1-31, valid for the month.
        day: u32,
        /// The year when written.
        year: Option<i32>,
    },
    /// "in January", "since April", "In late June", "February 2003".
    Month {
        /// 1-12.
        month: u32,
        /// The year when written.
        year: Option<i32>,
        /// "early", "mid", "late".
        edge: Option<Edge>,
        /// "last", "this" or "next" before the month.
        qualifier: Option<Qualifier>,
    },
    /// "in 2004", "by 2030", "mid-2004".
    Year {
        /// The year.
        year: i32,
        /// "early", "mid", "late".
        edge: Option<Edge>,
    },
    /// "in early summer", "last winter", "the spring of 2004".
    Season {
        /// The season (northern hemisphere, meteorological).
        season: Season,
        /// The year when written.
        year: Option<i32>,
        /// "early", "mid", "late".
        edge: Option<Edge>,
        /// "last", "this" or "next" before the season.
        qualifier: Option<Qualifier>,
    },
    /// "yesterday", "today", "tonight", "last night", "overnight", "this morning".
    Relative {
        /// The day, relative to publication.
        day: RelativeDay,
        /// "yesterday morning", "this afternoon".
        part_of_day: Option<PartOfDay>,
    },
    /// "last week", "this month", "late last month", "earlier this year".
    RelativePeriod {
        /// Week, month or year.
        unit: Unit,
        /// -1 for "last", 0 for "this", 1 for "next".
        offset: i32,
        /// "late", "earlier" and the like.
        edge: Option<Edge>,
    },
    /// "in recent days", "In the past month", "over the past three weeks".
    Recent {
        /// The unit counted back from publication.
        unit: Unit,
        /// How many units; `None` for "recent"/"few", which take a default.
        n: Option<u32>,
    },
    /// "six weeks ago", "Nearly five years ago".
    Ago {
        /// How many units; `None` for "a few", "several".
        n: Option<u32>,
        /// The unit.
        unit: Unit,
        /// "nearly", "about", "more than": the count is not exact.
        approx: bool,
    },
    /// "the weekend", "over the weekend", "last weekend".
    Weekend {
        /// "last", "this" or "next" before "weekend".
        qualifier: Option<Qualifier>,
    },
    /// "New Year's Eve", "on Christmas Day".
    Holiday {
        /// The holiday's entry in [`HOLIDAYS`].
        holiday: &'static Holiday,
        /// The year when written.
        year: Option<i32>,
        /// "last", "this" or "next" before the holiday.
        qualifier: Option<Qualifier>,
    },
    /// "since October 7", "since April": from the inner date up to publication.
    Since(Box<DateKind>),
}

/// The tense of the clause a date governs, which picks between the last and
/// the next occurrence of an underspecified date (see [`by_tense`]).
#[allow(dead_code)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    /// Reported as done ("said", "has arrived"): the most recent occurrence.
    Past,
    /// Neither: present tense, a headline, the future of a past ("said it
    /// would"). The nearest occurrence.
    Present,
    /// Announced or scheduled ("will", "plans to", "is set to"): the next
    /// occurrence.
    Future,
}

/// "last", "this" or "next" before a weekday, month, season or weekend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Qualifier {
    /// "last Saturday", "this past weekend": strictly before publication.
    Last,
    /// "this Saturday": as the tense says.
    This,
    /// "next Monday", "this coming weekend": strictly after publication.
    Next,
}

/// A part of a day, which does not move the date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PartOfDay {
    /// "early Sunday", "the early hours of Sunday".
    Early,
    /// "Wednesday morning".
    Morning,
    /// "Friday afternoon".
    Afternoon,
    /// "Monday evening".
    Evening,
    /// "Tuesday night".
    Night,
    /// "late Saturday".
    Late,
}

/// Which part of a period: "early", "mid", "late", or "earlier"/"later"
/// (before or after publication within the period).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Edge {
    /// First third: days 1-10 of a month, January-April of a year.
    Early,
    /// Middle third: days 11-20 of a month.
    Mid,
    /// Last third: day 21 to the end of a month.
    Late,
    /// From the start of the period to publication ("earlier this week").
    Earlier,
    /// From publication to the end of the period ("later this month").
    Later,
}

/// A unit of time in relative expressions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    /// Hours.
    Hour,
    /// Days.
    Day,
    /// Weeks (ISO, Monday to Sunday).
    Week,
    /// Calendar months.
    Month,
    /// Calendar years.
    Year,
    /// Decades.
    Decade,
}

/// A season, northern hemisphere, meteorological (three whole months).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Season {
    /// March-May.
    Spring,
    /// June-August.
    Summer,
    /// September-November.
    Autumn,
    /// December-February, named by the year of its January.
    Winter,
}

/// A day named relative to publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RelativeDay {
    /// Publication day minus two.
    DayBeforeYesterday,
    /// Publication day minus one.
    Yesterday,
    /// The evening before publication.
    LastNight,
    /// The publication day.
    Today,
    /// The evening of the publication day.
    Tonight,
    /// Publication day plus one.
    Tomorrow,
    /// Publication day plus two.
    DayAfterTomorrow,
    /// Some night around publication; too vague for a day.
    Overnight,
}

/// How a holiday's date is found in a given year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HolidayDate {
    /// Same month and day every year.
    Fixed(u32, u32),
    /// The n-th given weekday of a month (US Thanksgiving).
    NthWeekday(u32, Weekday, u32),
}

/// A holiday with a computable date.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Holiday {
    /// The name as written, lowercase; an apostrophe may be straight, curly or absent.
    pub name: &'static str,
    /// Its date.
    pub date: HolidayDate,
    /// True when the bare name is often not a date ("Christmas carols") and
    /// needs a preposition, qualifier or year.
    pub needs_context: bool,
    /// Words that, just before the name, make it another calendar's holiday.
    pub not_after: &'static [&'static str],
}

/// A month's names as the text may write them.
struct MonthName {
    /// Full lowercase name.
    name: &'static str,
    /// Lowercase abbreviations, accepted only capitalized.
    abbrevs: &'static [&'static str],
    /// "march", "may", "august" are also common words: only capitalized.
    needs_capital: bool,
    /// "May" is also a name and a verb: needs a day, a year, or one of
    /// [`MAY_CONTEXT`] before it.
    strict: bool,
}

/// A [`MonthName`], to keep the table on one line a month.
const fn month(
    name: &'static str,
    abbrevs: &'static [&'static str],
    needs_capital: bool,
    strict: bool,
) -> MonthName {
    MonthName {
        name,
        abbrevs,
        needs_capital,
        strict,
    }
}

/// Months, January first.
const MONTHS: [MonthName; 12] = [
    month("january", &["jan"], false, false),
    month("february", &["feb"], false, false),
    month("march", &["mar"], true, false),
    month("april", &["apr"], false, false),
    month("may", &[], true, true),
    month("june", &["jun"], false, false),
    month("july", &["jul"], false, false),
    month("august", &["aug"], true, false),
    month("september", &["sept", "sep"], false, false),
    month("october", &["oct"], false, false),
    month("november", &["nov"], false, false),
    month("december", &["dec"], false, false),
];

/// Words before a bare "May" that make it the month ("in May", "late May").
const MAY_CONTEXT: &[&str] = &[
    "in",
    "during",
    "throughout",
    "since",
    "last",
    "this",
    "next",
];

/// Weekday names; any casing is accepted since none is another common word.
const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

/// Parts of a day written after a weekday or "yesterday".
const PARTS_OF_DAY: [(&str, PartOfDay); 4] = [
    ("morning", PartOfDay::Morning),
    ("afternoon", PartOfDay::Afternoon),
    ("evening", PartOfDay::Evening),
    ("night", PartOfDay::Night),
];

/// Days relative to publication, longest first.
const RELATIVE_DAYS: [(&str, RelativeDay, Option<PartOfDay>); 11] = [
    (
        "the day before yesterday",
        RelativeDay::DayBeforeYesterday,
        None,
    ),
    (
        "the day after tomorrow",
        RelativeDay::DayAfterTomorrow,
        None,
    ),
    ("yesterday", RelativeDay::Yesterday, None),
    ("today", RelativeDay::Today, None),
    ("tonight", RelativeDay::Tonight, None),
    ("tomorrow", RelativeDay::Tomorrow, None),
    ("last night", RelativeDay::LastNight, None),
    ("overnight", RelativeDay::Overnight, None),
    ("this morning", RelativeDay::Today, Some(PartOfDay::Morning)),
    (
        "this afternoon",
        RelativeDay::Today,
        Some(PartOfDay::Afternoon),
    ),
    ("this evening", RelativeDay::Today, Some(PartOfDay::Evening)),
];

/// Seasons with the month each starts in.
const SEASONS: [(&str, Season, u32); 5] = [
    ("spring", Season::Spring, 3),
    ("summer", Season::Summer, 6),
    ("autumn", Season::Autumn, 9),
    ("fall", Season::Autumn, 9),
    ("winter", Season::Winter, 12),
];

/// Words for a part of a period, longest first so the regex prefers them.
const EDGES: [(&str, Edge); 12] = [
    ("at the beginning of", Edge::Early),
    ("at the start of", Edge::Early),
    ("at the end of", Edge::Late),
    ("the beginning of", Edge::Early),
    ("the middle of", Edge::Mid),
    ("the start of", Edge::Early),
    ("the end of", Edge::Late),
    ("earlier", Edge::Earlier),
    ("early", Edge::Early),
    ("later", Edge::Later),
    ("late", Edge::Late),
    ("mid", Edge::Mid),
];

/// Units of relative expressions; the regex also accepts the plural.
const UNITS: [(&str, Unit); 6] = [
    ("hour", Unit::Hour),
    ("day", Unit::Day),
    ("week", Unit::Week),
    ("month", Unit::Month),
    ("year", Unit::Year),
    ("decade", Unit::Decade),
];

/// Number words for counts in "six weeks ago"; digits are read directly.
pub(crate) const NUMBER_WORDS: [(&str, u32); 28] = [
    ("an", 1),
    ("a", 1),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("hundred", 100),
];

/// Vague counts ("a few days ago"): no number.
const FEW_WORDS: [&str; 5] = ["a couple of", "a couple", "a few", "several", "few"];

/// Words before a count in "... ago", and whether they make it approximate.
const COUNT_MODIFIERS: [(&str, bool); 18] = [
    ("just over", true),
    ("just under", true),
    ("more than", true),
    ("less than", true),
    ("at least", true),
    ("at most", true),
    ("nearly", true),
    ("almost", true),
    ("about", true),
    ("around", true),
    ("roughly", true),
    ("some", true),
    ("over", true),
    ("under", true),
    ("exactly", false),
    ("precisely", false),
    ("just", false),
    ("only", false),
];

/// Holidays with a computable date, longest name first.
const HOLIDAYS: [Holiday; 11] = [
    Holiday {
        name: "new year's eve",
        date: HolidayDate::Fixed(12, 31),
        needs_context: false,
        not_after: OTHER_NEW_YEARS,
    },
    Holiday {
        name: "new year's day",
        date: HolidayDate::Fixed(1, 1),
        needs_context: false,
        not_after: OTHER_NEW_YEARS,
    },
    Holiday {
        name: "new year's",
        date: HolidayDate::Fixed(1, 1),
        needs_context: true,
        not_after: OTHER_NEW_YEARS,
    },
    Holiday {
        name: "christmas eve",
        date: HolidayDate::Fixed(12, 24),
        needs_context: false,
        not_after: OTHER_CHRISTMASES,
    },
    Holiday {
        name: "christmas day",
        date: HolidayDate::Fixed(12, 25),
        needs_context: false,
        not_after: OTHER_CHRISTMASES,
    },
    Holiday {
        name: "christmas",
        date: HolidayDate::Fixed(12, 25),
        needs_context: true,
        not_after: OTHER_CHRISTMASES,
    },
    Holiday {
        name: "boxing day",
        date: HolidayDate::Fixed(12, 26),
        needs_context: false,
        not_after: &[],
    },
    Holiday {
        name: "valentine's day",
        date: HolidayDate::Fixed(2, 14),
        needs_context: false,
        not_after: &[],
    },
    Holiday {
        name: "halloween",
        date: HolidayDate::Fixed(10, 31),
        needs_context: true,
        not_after: &[],
    },
    Holiday {
        name: "thanksgiving day",
        date: HolidayDate::NthWeekday(11, Weekday::Thu, 4),
        needs_context: false,
        not_after: &[],
    },
    Holiday {
        name: "thanksgiving",
        date: HolidayDate::NthWeekday(11, Weekday::Thu, 4),
        needs_context: true,
        not_after: &[],
    },
];

/// New Years of other calendars, which fall on other days.
const OTHER_NEW_YEARS: &[&str] = &[
    "lunar", "chinese", "persian", "iranian", "jewish", "islamic", "hijri", "orthodox",
];

/// Orthodox Christmas falls on January 7.
const OTHER_CHRISTMASES: &[&str] = &["orthodox"];

/// Words before a bare "weekend" that make it any weekend, not a date.
const NOT_BEFORE_WEEKEND: &[&str] = &["a", "an", "every", "each", "per", "one", "another", "any"];

/// Words before "last week"/"next year" that make it narrative, not relative
/// to publication ("the last week of the trial", "a year later").
const DETERMINERS: &[&str] = &["the", "a", "an"];

/// ASCII word boundary: see the module docs.
const B: &str = r"(?-u:\b)";

/// A named recognizer: its pattern, the code that checks a match, and the
/// words that let the search skip to where a match can be.
struct Rule {
    /// Stable name, shown in test failures.
    #[cfg_attr(not(test), allow(dead_code))]
    name: &'static str,
    /// The case-insensitive pattern, from the shared pieces; group `e` is the
    /// expression's span.
    pattern: fn(&Pieces) -> String,
    /// Checks a match against the sentence text (up to its end) and builds
    /// the kind, or rejects it. The group `e`, when present, is the span;
    /// a matched `since` group wraps the kind in [`DateKind::Since`].
    build: fn(&Caps<'_>, &str) -> Option<DateKind>,
    /// Every match holds one of these words (ASCII, any case; see
    /// [`needs_exact_search`] for the letters that fold to non-ASCII ones).
    cues: &'static [&'static str],
    /// Where in a match its cue stands: the search skips the occurrences
    /// that stand elsewhere ("day" in "Monday" cues no unit).
    cue_at: CueAt,
    /// A match starts at most this many runs of non-whitespace before the
    /// start of its cue ("in the early hours of Friday": 5).
    reach: usize,
}

/// Where a rule's cue stands in its matches. Every pattern puts its cue
/// word after whitespace, a hyphen or the match's start, so at a word
/// start as `(?-u:\b)` reads it: no cue is found inside a word.
#[derive(Clone, Copy)]
enum CueAt {
    /// At the start of a word ("year" in "New Year's").
    WordStart,
    /// As a whole word ("monday", "weekend").
    Whole,
    /// At the start of a word that, whole and in lowercase, passes the
    /// check ("mar" only in "March" or "Mar").
    Word(fn(&[u8]) -> bool),
}

/// A month's name or abbreviation, as the month piece reads them.
fn is_month_word(w: &[u8]) -> bool {
    MONTHS
        .iter()
        .any(|m| m.name.as_bytes() == w || m.abbrevs.iter().any(|a| a.as_bytes() == w))
}

/// "1900" to "2099", as the year piece reads them.
fn is_year_word(w: &[u8]) -> bool {
    w.len() == 4
        && (w.starts_with(b"19") || w.starts_with(b"20"))
        && w.iter().all(u8::is_ascii_digit)
}

/// A unit or its plural, as the unit piece reads them.
fn is_unit_word(w: &[u8]) -> bool {
    let w = w.strip_suffix(b"s").unwrap_or(w);
    UNITS.iter().any(|u| u.0.as_bytes() == w)
}

/// Month cues: every month name and abbreviation starts with one.
const MONTH_CUES: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Unit cues of relative periods, counts and "ago".
const UNIT_CUES: &[&str] = &["hour", "day", "week", "month", "year", "decade"];

/// The rules. Each `reach` counts the words a pattern allows before its cue:
/// prepositions, qualifiers, edges ("at the beginning of"), counts ("a
/// couple of") and, for cues inside a name, the words of the name before it.
static RULES: [Rule; 12] = [
    Rule {
        name: "month_day",
        pattern: |p| {
            let Pieces {
                since,
                dow,
                month,
                day,
                year,
                ..
            } = p;
            format!(r"{B}(?P<e>(?:{since}|on\s+)?{dow}{month}\s*{day}(?:,?\s+{year})?)")
        },
        build: build_month_day,
        cues: MONTH_CUES,
        cue_at: CueAt::Word(is_month_word),
        // since/on, weekday.
        reach: 2,
    },
    Rule {
        name: "day_month",
        pattern: |p| {
            let Pieces {
                since,
                dow,
                month,
                day,
                year,
                ..
            } = p;
            format!(
                r"{B}(?P<e>(?:{since}|on\s+)?{dow}(?:the\s+)?{day}\s+(?:of\s+)?{month}(?:,?\s+{year})?)"
            )
        },
        build: build_month_day,
        cues: MONTH_CUES,
        cue_at: CueAt::Word(is_month_word),
        // since/on, weekday, the, day, of.
        reach: 5,
    },
    Rule {
        name: "month",
        pattern: |p| {
            let Pieces {
                since,
                month,
                year,
                edge,
                ..
            } = p;
            format!(
                r"{B}(?:(?P<ctx>by|until|till|of|from|before|after|through)\s+)?(?P<e>(?:{since}|(?P<pre>in|during|throughout)\s+)?(?:(?P<q>last|this|next)\s+)?(?:(?P<edge>{edge})(?:-|\s+))?{month}(?:,?\s+{year})?)"
            )
        },
        build: build_month,
        cues: MONTH_CUES,
        cue_at: CueAt::Word(is_month_word),
        // ctx, since/pre, qualifier, edge of up to four words.
        reach: 7,
    },
    Rule {
        name: "year",
        pattern: |p| {
            let Pieces {
                since, year, edge, ..
            } = p;
            format!(
                r"{B}(?:(?P<ctx>by|until|till|of|from|before|after|through)\s+)?(?P<e>(?:{since}|(?P<pre>in|during|throughout)\s+)?(?:(?P<edge>{edge})(?:-|\s+))?{year})"
            )
        },
        build: build_year,
        cues: &["19", "20"],
        cue_at: CueAt::Word(is_year_word),
        // ctx, since/pre, edge of up to four words.
        reach: 6,
    },
    Rule {
        name: "season",
        pattern: |p| {
            let Pieces {
                since,
                year,
                edge,
                season,
                ..
            } = p;
            format!(
                r"{B}(?:(?P<ctx>by|until|till|before|after|from)\s+)?(?P<e>(?:{since}|(?P<pre>in|during|over|through|throughout)\s+)?(?:(?P<q>last|this|next|the)\s+)?(?:(?P<edge>{edge})(?:-|\s+)(?:the\s+)?)?(?P<season>{season}){B}(?:\s+(?:of\s+)?{year})?)"
            )
        },
        build: build_season,
        cues: &["spring", "summer", "autumn", "fall", "winter"],
        cue_at: CueAt::Whole,
        // ctx, since/pre, qualifier, edge of up to four words, the.
        reach: 8,
    },
    Rule {
        name: "holiday",
        pattern: |p| {
            let Pieces {
                since,
                year,
                holiday,
                ..
            } = p;
            format!(
                r"{B}(?:(?P<ctx>by|until|till|before|after|from)\s+)?(?P<e>(?:{since}|(?P<pre>on|over|during|at|through|throughout)\s+)?(?:(?P<q>last|this|next)\s+)?(?P<hol>{holiday}){B}(?:,?\s+{year})?)"
            )
        },
        build: build_holiday,
        cues: &[
            "year",
            "christmas",
            "boxing",
            "valentine",
            "halloween",
            "thanksgiving",
        ],
        cue_at: CueAt::WordStart,
        // ctx, since/pre, qualifier, the "new" of "new year's".
        reach: 4,
    },
    Rule {
        name: "weekday",
        pattern: |p| {
            let Pieces {
                since,
                weekday,
                pod,
                ..
            } = p;
            format!(
                r"{B}(?P<e>(?:{since}|on\s+)?(?:(?P<q>this\s+past|this\s+coming|the\s+past|last|this|next)\s+)?(?:(?P<hours>(?:in\s+)?the\s+early\s+hours\s+of)\s+|(?P<edge>late|early|earlier|later)(?:\s+on)?\s+)?(?P<wd>{weekday}){B}(?:\s+(?P<pod>{pod}){B})?)"
            )
        },
        build: build_weekday,
        cues: &[
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ],
        cue_at: CueAt::Whole,
        // since/on, a two-word qualifier, "in the early hours of".
        reach: 8,
    },
    Rule {
        name: "relative_day",
        pattern: |p| {
            let Pieces {
                since, relday, pod, ..
            } = p;
            format!(
                r"{B}(?P<e>(?:{since})?(?:(?:late|early|earlier|later)\s+)?(?P<rel>{relday}){B}(?:\s+(?P<pod>{pod}){B})?)"
            )
        },
        build: build_relative_day,
        // The last word of each relative day ("night" of "last night").
        cues: &[
            "yesterday",
            "today",
            "tomorrow",
            "tonight",
            "night",
            "overnight",
            "morning",
            "afternoon",
            "evening",
        ],
        cue_at: CueAt::Whole,
        // since, edge, "the day before".
        reach: 5,
    },
    Rule {
        name: "relative_period",
        pattern: |p| {
            let Pieces { since, edge, .. } = p;
            format!(
                r"{B}(?P<e>(?:{since})?(?:(?:(?P<edge>{edge})(?:-|\s+))?(?P<q>last|this|next)\s+(?P<unit>week|month|year)|(?P<edge2>earlier|later)\s+in\s+the\s+(?P<unit2>week|month|year)){B})"
            )
        },
        build: build_relative_period,
        cues: &["week", "month", "year"],
        cue_at: CueAt::Whole,
        // since, edge of up to four words, qualifier.
        reach: 6,
    },
    Rule {
        name: "recent",
        pattern: |p| {
            let Pieces { unit, num, few, .. } = p;
            format!(
                r"{B}(?P<e>(?:(?P<pre>in|over|during|within|for|throughout)\s+)?(?:(?P<recent>recent)\s+(?P<runit>{unit})|(?:the|this)\s+(?:past|last)\s+(?:(?P<few>{few})\s+|(?P<n>{num})\s+)?(?P<unit>{unit})){B})"
            )
        },
        build: build_recent,
        cues: UNIT_CUES,
        cue_at: CueAt::Word(is_unit_word),
        // preposition, the, past, "a couple of".
        reach: 6,
    },
    Rule {
        name: "ago",
        pattern: |p| {
            let Pieces {
                unit,
                num,
                few,
                modifier,
                ..
            } = p;
            format!(
                r"{B}(?P<e>(?:(?P<mod>{modifier})\s+)?(?:(?P<few>{few})|(?P<n>{num}))\s+(?P<unit>{unit})\s+ago){B}"
            )
        },
        build: build_ago,
        cues: &["ago"],
        cue_at: CueAt::Whole,
        // a two-word modifier, "a couple of", the unit.
        reach: 6,
    },
    Rule {
        name: "weekend",
        pattern: |p| {
            let Pieces { since, .. } = p;
            format!(
                r"{B}(?P<e>(?:{since}|(?P<pre>over|at|on|during|through|throughout|in)\s+)?(?:(?P<q>this\s+past|this\s+coming|the\s+past|the|this|last|next)\s+)?weekend){B}"
            )
        },
        build: build_weekend,
        cues: &["weekend"],
        cue_at: CueAt::Whole,
        // since/pre, a two-word qualifier.
        reach: 3,
    },
];

/// Sub-patterns shared by the rules, from the word tables.
struct Pieces {
    weekday: String,
    pod: String,
    month: String,
    day: String,
    year: String,
    edge: String,
    season: String,
    holiday: String,
    relday: String,
    unit: String,
    num: String,
    few: String,
    modifier: String,
    since: &'static str,
    dow: String,
}

impl Pieces {
    fn new() -> Pieces {
        let weekday = alternation(WEEKDAYS.iter().map(|w| w.0));
        let month_full = alternation(MONTHS.iter().map(|m| m.name));
        let month_abbr = alternation(MONTHS.iter().flat_map(|m| m.abbrevs.iter().copied()));
        Pieces {
            pod: alternation(PARTS_OF_DAY.iter().map(|p| p.0)),
            // Only abbreviations take a period, so a sentence-final one stays outside.
            month: format!(r"(?:(?P<month>{month_full}){B}|(?P<abbr>{month_abbr}){B}\.?)"),
            day: format!(r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?{B}"),
            year: format!(r"(?P<year>(?:19|20)\d\d){B}"),
            edge: alternation(EDGES.iter().map(|e| e.0)),
            season: alternation(SEASONS.iter().map(|s| s.0)),
            holiday: alternation(HOLIDAYS.iter().map(|h| h.name)),
            relday: alternation(RELATIVE_DAYS.iter().map(|r| r.0)),
            unit: format!("(?:{})s?", alternation(UNITS.iter().map(|u| u.0))),
            num: format!(r"\d+|{}", alternation(NUMBER_WORDS.iter().map(|n| n.0))),
            few: alternation(FEW_WORDS),
            modifier: alternation(COUNT_MODIFIERS.iter().map(|m| m.0)),
            since: r"(?P<since>since)\s+",
            dow: format!(r"(?:(?P<dow>{weekday}){B},?\s+)?"),
            weekday,
        }
    }
}

/// The fast form of rule `index`'s regex, compiled at first use: anchored at
/// the start of the haystack it is given (group `whole`), so it compiles
/// without the literal prefilters of an unanchored pattern (most of the
/// compile time, and no help when the search starts at a cue). Digits are
/// ASCII: [`needs_exact_search`] sends sentences with other digits to
/// [`exact_regex`].
fn fast_regex(index: usize) -> &'static Named {
    static FAST: Lazy<[OnceCell<Named>; 12]> = Lazy::new(Default::default);
    FAST[index].get_or_init(|| {
        let pattern = (RULES[index].pattern)(&PIECES).replace(r"\d", "[0-9]");
        Named::new(rx(&format!(r"\A(?P<whole>{pattern})")))
    })
}

/// A rule's regex with its group names by index, for [`Caps::name`].
struct Named {
    re: Regex,
    names: Vec<Option<String>>,
}

impl Named {
    fn new(re: Regex) -> Named {
        let names = re.capture_names().map(|n| n.map(str::to_string)).collect();
        Named { re, names }
    }
}

/// The plain form of rule `index`'s regex, compiled at first use: for the
/// rare sentences whose characters the fast form does not read the same.
fn exact_regex(index: usize) -> &'static Named {
    static EXACT: Lazy<[OnceCell<Named>; 12]> = Lazy::new(Default::default);
    EXACT[index].get_or_init(|| Named::new(rx(&(RULES[index].pattern)(&PIECES))))
}

/// The shared sub-patterns, built once.
static PIECES: Lazy<Pieces> = Lazy::new(Pieces::new);

/// Compiles a rule's pattern, case-insensitive; the patterns are fixed, so
/// failure is a bug caught by every test.
fn rx(pattern: &str) -> Regex {
    Regex::new(&format!("(?i){pattern}")).expect("date rule pattern compiles")
}

/// `a|b|c` from table words: a space matches any run of whitespace, an
/// apostrophe may be straight, curly or absent, anything else is literal.
fn alternation<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for (i, word) in words.into_iter().enumerate() {
        if i > 0 {
            out.push('|');
        }
        for c in word.chars() {
            match c {
                ' ' => out.push_str(r"\s+"),
                '\'' => out.push_str("['’]?"),
                c => out.push_str(&regex::escape(c.encode_utf8(&mut [0; 4]))),
            }
        }
    }
    out
}

/// Lowercase, whitespace runs as one space, apostrophes dropped: the form in
/// which matched words are looked up in the tables.
fn norm(s: &str) -> String {
    normalized(s).collect()
}

/// The chars of [`norm`]`(s)`, without building the string.
fn normalized(s: &str) -> impl Iterator<Item = char> + '_ {
    let mut after_space = false;
    s.chars().filter_map(move |c| {
        if c.is_whitespace() {
            (!std::mem::replace(&mut after_space, true)).then_some(' ')
        } else if c != '\'' && c != '’' {
            after_space = false;
            Some(c.to_ascii_lowercase())
        } else {
            None
        }
    })
}

/// `norm(a) == norm(b)`, without allocating.
fn norm_eq(a: &str, b: &str) -> bool {
    normalized(a).eq(normalized(b))
}

/// The value of the table entry whose name matches `s`.
fn lookup<T: Copy>(table: &[(&str, T)], s: &str) -> Option<T> {
    table.iter().find(|(name, _)| norm_eq(name, s)).map(|e| e.1)
}

/// A group of a rule match, with offsets into the sentence's haystack.
#[derive(Debug, Clone, Copy)]
struct Group<'h> {
    start: usize,
    end: usize,
    text: &'h str,
}

impl<'h> Group<'h> {
    fn start(&self) -> usize {
        self.start
    }

    fn end(&self) -> usize {
        self.end
    }

    fn as_str(&self) -> &'h str {
        self.text
    }

    fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// The groups of a rule match, found by a regex run on the haystack from
/// `offset` on.
struct Caps<'h> {
    caps: Captures<'h>,
    offset: usize,
    /// The regex's group names, by index.
    names: &'static [Option<String>],
}

impl<'h> Caps<'h> {
    /// The named group, if it matched. Names are found in the regex's short
    /// list: `Captures::name` hashes the name with SipHash on every call.
    fn name(&self, name: &str) -> Option<Group<'h>> {
        let index = self.names.iter().position(|n| n.as_deref() == Some(name))?;
        self.caps.get(index).map(|m| Group {
            start: m.start() + self.offset,
            end: m.end() + self.offset,
            text: m.as_str(),
        })
    }
}

/// The text of a named group, if it matched.
fn group<'h>(caps: &Caps<'h>, name: &str) -> Option<&'h str> {
    caps.name(name).map(|m| m.as_str())
}

/// The lowercase ASCII word just before `pos` (skipping whitespace), looking
/// back a bounded distance so the scan stays linear.
fn prev_word(text: &str, pos: usize) -> String {
    let bytes = &text.as_bytes()[..pos.min(text.len())];
    let mut end = bytes.len();
    while end > 0 && bytes[end - 1].is_ascii_whitespace() && bytes.len() - end < 16 {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && bytes[start - 1].is_ascii_alphabetic() && end - start < 32 {
        start -= 1;
    }
    String::from_utf8_lossy(&bytes[start..end]).to_ascii_lowercase()
}

/// True when the text after `pos` is whitespace and then `of` as a word
/// ("the fall of the city", "the last week of the trial").
fn followed_by_of(text: &str, pos: usize) -> bool {
    static OF: Lazy<Regex> = Lazy::new(|| rx(&format!(r"\A\s+of{B}")));
    text.get(pos..).is_some_and(|rest| OF.is_match(rest))
}

/// True when the text after `pos` is a day number, as in "in October 23",
/// which the month-day rules read better.
fn followed_by_day(text: &str, pos: usize) -> bool {
    static DAY: Lazy<Regex> = Lazy::new(|| rx(&format!(r"\A\s+[0-3]?\d(?:st|nd|rd|th)?{B}")));
    text.get(pos..).is_some_and(|rest| DAY.is_match(rest))
}

/// True when the number at `pos` continues one before it ("2,500", "1.5"):
/// ASCII boundaries would otherwise let "500" stand alone.
fn continues_number(text: &str, pos: usize) -> bool {
    let b = text.as_bytes();
    pos >= 2 && pos <= b.len() && matches!(b[pos - 1], b',' | b'.') && b[pos - 2].is_ascii_digit()
}

/// The month (1-12) a `month`/`abbr` group names, if its casing allows it to
/// be one, with its table entry and whether it was abbreviated.
fn month_of(caps: &Caps<'_>) -> Option<(u32, &'static MonthName, bool)> {
    let (word, abbr) = match (group(caps, "month"), group(caps, "abbr")) {
        (Some(w), _) => (w, false),
        (None, Some(w)) => (w, true),
        (None, None) => return None,
    };
    let (i, m) = MONTHS.iter().enumerate().find(|(_, m)| {
        m.name.eq_ignore_ascii_case(word) || m.abbrevs.iter().any(|a| a.eq_ignore_ascii_case(word))
    })?;
    let capitalized = word.starts_with(|c: char| c.is_ascii_uppercase());
    let lowercase = word.bytes().all(|b| b.is_ascii_lowercase());
    let ok = capitalized || (!abbr && !m.needs_capital && lowercase);
    ok.then_some((i as u32 + 1, m, abbr))
}

/// The year group as a number.
fn year_of(caps: &Caps<'_>) -> Option<i32> {
    group(caps, "year").and_then(|y| y.parse().ok())
}

/// "last", "this past" -> Last; "this" -> This; "next", "this coming" -> Next.
fn qualifier_of(caps: &Caps<'_>) -> Option<Qualifier> {
    let q = norm(group(caps, "q")?);
    match q.as_str() {
        "last" | "this past" | "the past" => Some(Qualifier::Last),
        "this" => Some(Qualifier::This),
        "next" | "this coming" => Some(Qualifier::Next),
        _ => None,
    }
}

/// The edge group, looked up in [`EDGES`].
fn edge_of(caps: &Caps<'_>, name: &str) -> Option<Edge> {
    lookup(&EDGES, group(caps, name)?)
}

/// The days in a month (29 for February when the year is unknown).
fn days_in_month(month: u32, year: Option<i32>) -> u32 {
    match (month, year) {
        (2, Some(y)) if NaiveDate::from_ymd_opt(y, 2, 29).is_none() => 28,
        (2, _) => 29,
        (4 | 6 | 9 | 11, _) => 30,
        _ => 31,
    }
}

/// "October 23", "5 August 2024", "on Monday, March 4".
fn build_month_day(caps: &Caps<'_>, text: &str) -> Option<DateKind> {
    let (month, _, _) = month_of(caps)?;
    let day_m = caps.name("day")?;
    if continues_number(text, day_m.start()) {
        return None;
    }
    let day: u32 = day_m.as_str().parse().ok()?;
    let year = year_of(caps);
    (1..=days_in_month(month, year))
        .contains(&day)
        .then_some(DateKind::MonthDay { month, day, year })
}

/// "in January", "since April", "In late June", "February 2003".
fn build_month(caps: &Caps<'_>, text: &str) -> Option<DateKind> {
    let (month, name, abbr) = month_of(caps)?;
    let year = year_of(caps);
    let edge = edge_of(caps, "edge");
    let qualifier = qualifier_of(caps);
    if year.is_none() {
        if abbr || followed_by_day(text, caps.name("e")?.end()) {
            return None;
        }
        let before = [group(caps, "ctx"), group(caps, "pre"), group(caps, "since")];
        let licensed = edge.is_some() || qualifier.is_some() || before.iter().any(Option::is_some);
        // "by May" and "of May" are as likely the politician as the month.
        let strict_ok = edge.is_some()
            || qualifier.is_some()
            || before[1..]
                .iter()
                .flatten()
                .any(|w| MAY_CONTEXT.contains(&norm(w).as_str()));
        if !licensed || (name.strict && !strict_ok) {
            return None;
        }
    }
    Some(DateKind::Month {
        month,
        year,
        edge,
        qualifier,
    })
}

/// "in 2004", "by 2030", "mid-2004": a bare number is a year only after a
/// preposition or an edge word.
fn build_year(caps: &Caps<'_>, _text: &str) -> Option<DateKind> {
    let year = year_of(caps)?;
    let edge = edge_of(caps, "edge");
    let licensed = ["ctx", "pre", "since"]
        .iter()
        .any(|g| caps.name(g).is_some());
    (licensed || edge.is_some()).then_some(DateKind::Year { year, edge })
}

/// "in early summer", "last winter", "the spring of 2004".
fn build_season(caps: &Caps<'_>, text: &str) -> Option<DateKind> {
    let season = lookup(
        &SEASONS.map(|(name, season, _)| (name, season)),
        group(caps, "season")?,
    )?;
    let year = year_of(caps);
    let edge = edge_of(caps, "edge");
    let qualifier = qualifier_of(caps);
    let licensed = year.is_some()
        || edge.is_some()
        || qualifier.is_some()
        || ["ctx", "pre", "since"]
            .iter()
            .any(|g| caps.name(g).is_some());
    // "the fall of the city" is not autumn.
    if !licensed || (year.is_none() && followed_by_of(text, caps.name("e")?.end())) {
        return None;
    }
    Some(DateKind::Season {
        season,
        year,
        edge,
        qualifier,
    })
}

/// "New Year's Eve", "on Christmas Day", "over Christmas".
fn build_holiday(caps: &Caps<'_>, text: &str) -> Option<DateKind> {
    let hol = caps.name("hol")?;
    let holiday = HOLIDAYS.iter().find(|h| norm_eq(h.name, hol.as_str()))?;
    if holiday
        .not_after
        .contains(&prev_word(text, hol.start()).as_str())
    {
        return None;
    }
    let year = year_of(caps);
    let qualifier = qualifier_of(caps);
    let licensed = year.is_some()
        || qualifier.is_some()
        || ["ctx", "pre", "since"]
            .iter()
            .any(|g| caps.name(g).is_some());
    if holiday.needs_context && !licensed {
        return None;
    }
    Some(DateKind::Holiday {
        holiday,
        year,
        qualifier,
    })
}

/// "on Saturday", "late Saturday", "Wednesday morning", "last Saturday".
fn build_weekday(caps: &Caps<'_>, _text: &str) -> Option<DateKind> {
    let wd = lookup(&WEEKDAYS, group(caps, "wd")?)?;
    let part_of_day = match (group(caps, "pod"), group(caps, "edge")) {
        (Some(p), _) => lookup(&PARTS_OF_DAY, p),
        (None, _) if caps.name("hours").is_some() => Some(PartOfDay::Early),
        (None, Some(e)) => match norm(e).as_str() {
            "early" => Some(PartOfDay::Early),
            "late" => Some(PartOfDay::Late),
            _ => None,
        },
        (None, None) => None,
    };
    Some(DateKind::Weekday {
        wd,
        part_of_day,
        qualifier: qualifier_of(caps),
    })
}

/// "yesterday", "last night", "earlier today", "this morning".
fn build_relative_day(caps: &Caps<'_>, _text: &str) -> Option<DateKind> {
    let rel = group(caps, "rel")?;
    let (_, day, pod) = RELATIVE_DAYS.iter().find(|r| norm_eq(r.0, rel))?;
    let part_of_day = group(caps, "pod")
        .and_then(|p| lookup(&PARTS_OF_DAY, p))
        .or(*pod);
    Some(DateKind::Relative {
        day: *day,
        part_of_day,
    })
}

/// "last week", "late last month", "earlier this year", "later in the week".
fn build_relative_period(caps: &Caps<'_>, text: &str) -> Option<DateKind> {
    let e = caps.name("e")?;
    if let (Some(unit), Some(edge)) = (group(caps, "unit2"), edge_of(caps, "edge2")) {
        return Some(DateKind::RelativePeriod {
            unit: lookup(&UNITS, unit)?,
            offset: 0,
            edge: Some(edge),
        });
    }
    let edge = edge_of(caps, "edge");
    if edge.is_none()
        && caps.name("since").is_none()
        && DETERMINERS.contains(&prev_word(text, e.start()).as_str())
    {
        return None;
    }
    let offset = match qualifier_of(caps)? {
        Qualifier::Last => -1,
        Qualifier::This => 0,
        Qualifier::Next => 1,
    };
    Some(DateKind::RelativePeriod {
        unit: lookup(&UNITS, group(caps, "unit")?)?,
        offset,
        edge,
    })
}

/// A unit group, singular or plural.
fn unit_of(s: &str) -> Option<Unit> {
    // `lookup` folds ASCII case itself.
    lookup(&UNITS, s.strip_suffix(['s', 'S']).unwrap_or(s))
}

/// A count: digits or a number word.
fn number_of(caps: &Caps<'_>, text: &str) -> Option<u32> {
    let m = caps.name("n")?;
    if continues_number(text, m.start()) {
        return None;
    }
    m.as_str()
        .parse()
        .ok()
        .or_else(|| lookup(&NUMBER_WORDS, m.as_str()))
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
    if followed_by_of(text, e.end()) {
        return None;
    }
    let n = if caps.name("few").is_some() {
        None
    } else if caps.name("n").is_some() {
        Some(number_of(caps, text)?)
    } else {
        Some(1)
    };
    Some(DateKind::Recent {
        unit: unit_of(group(caps, "unit")?)?,
        n,
    })
}

/// "six weeks ago", "Nearly five years ago", "a few days ago".
fn build_ago(caps: &Caps<'_>, text: &str) -> Option<DateKind> {
    let n = if caps.name("few").is_some() {
        None
    } else {
        Some(number_of(caps, text)?)
    };
    let approx = group(caps, "mod")
        .and_then(|m| lookup(&COUNT_MODIFIERS, m))
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
    if bare && NOT_BEFORE_WEEKEND.contains(&prev_word(text, e.start()).as_str()) {
        return None;
    }
    Some(DateKind::Weekend {
        qualifier: qualifier_of(caps),
    })
}

/// All date expressions inside `text[start..end]` (a sentence), in order,
/// non-overlapping, leftmost-longest. Never panics: bounds are clamped to the
/// text and to char boundaries. Tokenizes the sentence: a caller that has
/// its tokens calls [`find_dates_in`].
#[allow(dead_code)]
pub(crate) fn find_dates(text: &str, start: usize, end: usize) -> Vec<DateExpr> {
    found_dates(text, start, end, None)
}

/// [`find_dates`] over a sentence whose tokens are `toks`: they tell where
/// words start, where the cues can be, without a look at every byte.
pub(crate) fn find_dates_in(text: &str, span: Span, toks: &[Token]) -> Vec<DateExpr> {
    found_dates(text, span.start, span.end, Some(toks))
}

thread_local! {
    /// The spare list of [`found_dates`]: a sentence's candidates, before
    /// overlaps are dropped.
    static FOUND: Cell<Vec<(usize, DateExpr)>> = const { Cell::new(Vec::new()) };
    /// The spare list of [`find_fast`]: the cues of a sentence.
    static CUES_AT: Cell<Vec<(usize, u16)>> = const { Cell::new(Vec::new()) };
}

/// The date expressions of `text[start..end]`, in a list of their own
/// (none allocated when there are none).
fn found_dates(text: &str, start: usize, end: usize, toks: Option<&[Token]>) -> Vec<DateExpr> {
    crate::spare::with(&FOUND, |found| {
        find_indexed(text, start, end, false, toks, found);
        found.drain(..).map(|(_, expr)| expr).collect()
    })
}

/// [`find_dates`], with the name of the rule that found each expression.
#[cfg(test)]
fn find_named(text: &str, start: usize, end: usize) -> Vec<(&'static str, DateExpr)> {
    find_named_with(text, start, end, false)
}

/// [`find_named`]; `exact` forces the plain regexes on every sentence (the
/// reference the fast search is tested against).
#[cfg(test)]
fn find_named_with(
    text: &str,
    start: usize,
    end: usize,
    exact: bool,
) -> Vec<(&'static str, DateExpr)> {
    let mut found = Vec::new();
    find_indexed(text, start, end, exact, None, &mut found);
    found
        .into_iter()
        .map(|(index, expr)| (RULES[index].name, expr))
        .collect()
}

/// The date expressions with the index of the rule that found each, into
/// `found` (empty); the sentence is tokenized here when its tokens are not
/// given.
fn find_indexed(
    text: &str,
    start: usize,
    end: usize,
    exact: bool,
    toks: Option<&[Token]>,
    found: &mut Vec<(usize, DateExpr)>,
) {
    if start > end {
        return;
    }
    let end = floor_boundary(text, end);
    let start = ceil_boundary(text, start);
    if start >= end {
        return;
    }
    // Slicing at `end` keeps matches inside the sentence; searching from
    // `start` in the longer slice lets `\b` see the character before it.
    let hay = &text[..end];
    if exact || needs_exact_search(&hay[start..]) {
        // Rare sentences, searched with every plain regex: the cue scan's
        // ASCII cues would miss letters that fold to ASCII ones.
        for index in 0..RULES.len() {
            find_exact(index, hay, start, found);
        }
    } else {
        let mut own = Vec::new();
        let toks = match toks {
            Some(toks) => toks,
            None => {
                tokenize(text, Span::new(start, end), &mut own);
                &own
            }
        };
        find_fast(hay, start, toks, found);
    }
    found.sort_by_key(|(index, expr)| (expr.span.start, Reverse(expr.span.len()), *index));
    // Leftmost, then longest: each kept expression starts after the last kept.
    let mut last_end = 0;
    found.retain(|(_, expr)| {
        let keep = expr.span.start >= last_end;
        if keep {
            last_end = expr.span.end;
        }
        keep
    });
}

/// True when the sentence holds a character that the fast regexes and the
/// cue scan would read differently from the plain regexes: a letter that
/// case-folds to an ASCII one (`ſ` to `s`, the Kelvin sign to `k`), or a
/// non-ASCII digit (`\d` is Unicode in the plain regexes).
fn needs_exact_search(s: &str) -> bool {
    !s.is_ascii()
        && s.chars()
            .any(|c| !c.is_ascii() && (c == 'ſ' || c == '\u{212A}' || c.is_numeric()))
}

/// Checks a match of rule `index` and records it when the rule accepts it;
/// returns where the rule's search resumes.
fn take_match(
    index: usize,
    caps: &Caps<'_>,
    whole: Group<'_>,
    hay: &str,
    found: &mut Vec<(usize, DateExpr)>,
) -> usize {
    let e = caps.name("e").unwrap_or(whole);
    match (RULES[index].build)(caps, hay) {
        Some(kind) if !e.is_empty() => {
            let kind = match caps.name("since") {
                Some(_) => DateKind::Since(Box::new(kind)),
                None => kind,
            };
            let span = Span::new(e.start(), e.end());
            found.push((index, DateExpr { span, kind }));
            whole.end().max(next_char(hay, whole.start()))
        }
        // A rejected match may hide a good one starting inside it.
        _ => next_char(hay, whole.start()),
    }
}

/// Rule `index` over `hay[start..]` with its plain regex, match after match.
fn find_exact(index: usize, hay: &str, start: usize, found: &mut Vec<(usize, DateExpr)>) {
    let re = exact_regex(index);
    let mut pos = start;
    while pos < hay.len() {
        let Some(caps) = re.re.captures_at(hay, pos) else {
            break;
        };
        let Some(whole) = caps.get(0) else {
            break;
        };
        let whole = Group {
            start: whole.start(),
            end: whole.end(),
            text: whole.as_str(),
        };
        let caps = Caps {
            caps,
            offset: 0,
            names: &re.names,
        };
        pos = take_match(index, &caps, whole, hay, found);
    }
}

/// The cue words of all rules by their first byte. Cues stand at word
/// starts ([`CueAt`]), so the search looks only there, and a word may
/// start with several ("week" and "weekend").
struct Cues {
    /// Per first byte, in either case: the cues that start with it.
    by_first: Vec<Vec<Cue>>,
    /// A bit per pair of bytes (the first byte times 256 plus the second)
    /// that some cue starts with, in any case: most words fail this test.
    pairs: Vec<u64>,
}

impl Cues {
    fn may_start(&self, b0: u8, b1: u8) -> bool {
        let i = usize::from(b0) << 8 | usize::from(b1);
        self.pairs[i / 64] & (1 << (i % 64)) != 0
    }
}

/// A cue word, laid out to be compared eight bytes at once.
#[derive(Clone, Copy)]
struct Cue {
    /// Its first eight bytes (lowercase; zero past its end).
    head: u64,
    /// 0x20 in each byte of `head` that is a letter: `|` with it folds
    /// an ASCII letter of the text to lowercase and leaves digits be.
    fold: u64,
    /// 0xff in each byte of `head` that the cue has.
    mask: u64,
    /// The bytes after the first eight.
    rest: &'static [u8],
    len: usize,
    masks: CueMasks,
}

impl Cue {
    fn new(word: &'static str) -> Cue {
        let b = word.as_bytes();
        let (mut head, mut fold, mut mask) = (0u64, 0u64, 0u64);
        for (i, &c) in b.iter().take(8).enumerate() {
            head |= u64::from(c) << (8 * i);
            mask |= 0xff << (8 * i);
            if c.is_ascii_alphabetic() {
                fold |= 0x20 << (8 * i);
            }
        }
        Cue {
            head,
            fold,
            mask,
            rest: b.get(8..).unwrap_or_default(),
            len: b.len(),
            masks: CueMasks::default(),
        }
    }

    /// Whether the text holds this cue at `s`, whose eight bytes are `w8`.
    #[inline]
    fn is_at(&self, bytes: &[u8], s: usize, w8: u64) -> bool {
        // Past the text's end `w8` holds zeros, which match no cue byte.
        (w8 | self.fold) & self.mask == self.head
            && (self.rest.is_empty()
                || bytes
                    .get(s + 8..s + self.len)
                    .is_some_and(|r| r.eq_ignore_ascii_case(self.rest)))
    }
}

static CUES: Lazy<Cues> = Lazy::new(|| {
    let mut by_first: Vec<Vec<Cue>> = vec![Vec::new(); 256];
    let mut pairs = vec![0u64; 65536 / 64];
    for (index, rule) in RULES.iter().enumerate() {
        for &cue in rule.cues {
            // The search compares a word's first two bytes before all.
            assert!(cue.len() >= 2, "date cue {cue:?} is shorter than two bytes");
            let (c0, c1) = (cue.as_bytes()[0], cue.as_bytes()[1]);
            for b0 in [c0, c0.to_ascii_uppercase()] {
                for b1 in [c1, c1.to_ascii_uppercase()] {
                    let i = usize::from(b0) << 8 | usize::from(b1);
                    pairs[i / 64] |= 1 << (i % 64);
                }
            }
            // Cues are lowercase ASCII letters and digits.
            let first = cue.as_bytes()[0];
            for b in [first, first.to_ascii_uppercase()] {
                let list = &mut by_first[usize::from(b)];
                let new = Cue::new(cue);
                let i = match list
                    .iter()
                    .position(|c| (c.head, c.len, c.rest) == (new.head, new.len, new.rest))
                {
                    Some(i) => i,
                    None => {
                        list.push(new);
                        list.len() - 1
                    }
                };
                let m = &mut list[i].masks;
                let bit = 1 << index;
                match rule.cue_at {
                    CueAt::WordStart => m.word_start |= bit,
                    CueAt::Whole => m.whole |= bit,
                    CueAt::Word(_) => m.word |= bit,
                }
                if first == first.to_ascii_uppercase() {
                    // A digit: one list.
                    break;
                }
            }
        }
    }
    Cues { by_first, pairs }
});

/// The rules a cue word cues, a bit per rule, by [`CueAt`].
#[derive(Clone, Copy, Default)]
struct CueMasks {
    word_start: u16,
    whole: u16,
    word: u16,
}

/// An ASCII word character, as `(?-u:\b)` reads them.
#[inline]
fn is_word_byte(b: u8) -> bool {
    BYTE_KIND[usize::from(b)] == 1 || b == b'_'
}

impl CueMasks {
    /// The rules that the cue at `hay[s..e]`, at a word start, can belong
    /// to a match of.
    fn at(&self, hay: &[u8], s: usize, e: usize) -> u16 {
        let mut rules = self.word_start;
        if !hay.get(e).is_some_and(|&b| is_word_byte(b)) {
            rules |= self.whole;
        }
        if self.word != 0 {
            let we = hay[e..]
                .iter()
                .position(|&b| !is_word_byte(b))
                .map_or(hay.len(), |n| e + n);
            // Every listed word is short: a longer one passes no check.
            let mut buf = [0u8; 12];
            if let Some(lower) = buf.get_mut(..we - s) {
                lower.copy_from_slice(&hay[s..we]);
                lower.make_ascii_lowercase();
                let mut word = self.word;
                while word != 0 {
                    let index = word.trailing_zeros() as usize;
                    if let CueAt::Word(check) = RULES[index].cue_at {
                        if check(lower) {
                            rules |= 1 << index;
                        }
                    }
                    word &= word - 1;
                }
            }
        }
        rules
    }
}

/// All rules over `hay[start..]` with the fast regexes. A rule whose cue is
/// not in the sentence, where [`CueAt`] puts it, cannot match and is
/// skipped. Otherwise the rule's
/// next match starts at the earliest `reach` words before its next cue and
/// at the latest at the cue: the fast regex, anchored, is tried at each word
/// start in between, in order, so the first that matches is the leftmost
/// match, as a search from the resume position would find it.
fn find_fast(hay: &str, start: usize, toks: &[Token], found: &mut Vec<(usize, DateExpr)>) {
    let table = &*CUES;
    // (start, rules) of each cue at a word start, in text order.
    let mut cues = crate::spare::take(&CUES_AT);
    let bytes = hay.as_bytes();
    word_starts(bytes, start, toks, |s| {
        // Cues have two bytes or more.
        let Some(&b1) = bytes.get(s + 1) else { return };
        if !table.may_start(bytes[s], b1) {
            return;
        }
        let list = &table.by_first[usize::from(bytes[s])];
        let w8 = crate::lexicon::load8(bytes, s);
        let rules = list
            .iter()
            .filter(|c| c.is_at(bytes, s, w8))
            .fold(0, |rules, c| rules | c.masks.at(bytes, s, s + c.len));
        if rules != 0 {
            cues.push((s, rules));
        }
    });
    let cued = cues.iter().fold(0, |acc, &(_, rules)| acc | rules);
    for (index, rule) in RULES.iter().enumerate() {
        let bit = 1u16 << index;
        if cued & bit == 0 {
            continue;
        }
        // No match starts before `pos` (the resume position, or past a cue
        // that every start up to it failed).
        let mut pos = start;
        // `pos` only grows, so the next cue at or after it is never behind
        // the cursor.
        let mut next = 0;
        'cues: while pos < hay.len() {
            while next < cues.len() && (cues[next].0 < pos || cues[next].1 & bit == 0) {
                next += 1;
            }
            let Some(&(cue, _)) = cues.get(next) else {
                break;
            };
            let mut from = words_back(hay, pos, cue, rule.reach);
            while let Some(at) = match_start_from(hay, from).filter(|&at| at <= cue) {
                let re = fast_regex(index);
                // `is_match` first: most tries fail, and it fails cheaper
                // than `captures` (34M more instructions over 5 MB without it).
                if re.re.is_match(&hay[at..]) {
                    let Some(caps) = re.re.captures(&hay[at..]) else {
                        break 'cues;
                    };
                    let caps = Caps {
                        caps,
                        offset: at,
                        names: &re.names,
                    };
                    let Some(whole) = caps.name("whole") else {
                        break 'cues;
                    };
                    pos = take_match(index, &caps, whole, hay, found);
                    continue 'cues;
                }
                from = at + 1;
            }
            // Cues are ASCII: one byte on is a char boundary.
            pos = cue + 1;
        }
    }
    crate::spare::give(&CUES_AT, cues);
}

/// Calls `f` with each word start in `bytes[start..]` (as `(?-u:\b)` reads
/// them) at an ASCII letter or digit, in order, from the tokens of that
/// text: of a token of ASCII letters and digits only its start is looked
/// at.
fn word_starts(bytes: &[u8], start: usize, toks: &[Token], mut f: impl FnMut(usize)) {
    for t in toks {
        // Other tokens hold no ASCII letter or digit, but for the "s" of
        // a possessive, which starts no cue.
        if !matches!(t.kind, TokenKind::Word | TokenKind::Num) {
            continue;
        }
        let (a, b) = (t.span.start.max(start), t.span.end.min(bytes.len()));
        // All letters and digits: one word start, whatever part is in range.
        if t.is_ascii_word() && a == t.span.start {
            if is_match_start(bytes, a) {
                f(a);
            }
        } else {
            (a..b)
                .filter(|&p| is_match_start(bytes, p))
                .for_each(&mut f);
        }
    }
}

/// Whether a rule match can start at `p`: an ASCII letter or digit (every
/// pattern starts with one, and the characters that fold to ASCII letters
/// go to the exact search) after a word boundary.
#[inline]
fn is_match_start(b: &[u8], p: usize) -> bool {
    b[p].is_ascii_alphanumeric() && (p == 0 || !is_word_byte(b[p - 1]))
}

/// The start of the `n`-th run of non-whitespace before `i` (whitespace as
/// `\s` reads it), or `floor` if that is later: a match with at most `n`
/// such runs before its cue at `i` starts there or later.
fn words_back(text: &str, floor: usize, mut i: usize, n: usize) -> usize {
    for _ in 0..n {
        let before = &text[floor..i];
        let no_space = before.trim_end_matches(char::is_whitespace);
        i = floor
            + no_space
                .trim_end_matches(|c: char| !c.is_whitespace())
                .len();
        if i == floor {
            break;
        }
    }
    i
}

/// The first position at or after `i` where a rule match can start. The
/// regex, run on the text from there, sees the same boundary at its start.
fn match_start_from(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    (i..b.len()).find(|&j| is_match_start(b, j))
}

/// The largest char boundary at or below `i`, within the text.
fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary at or above `i`, within the text.
fn ceil_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The boundary after the char at `i` (or one past the end).
fn next_char(text: &str, i: usize) -> usize {
    text.get(i..)
        .and_then(|rest| rest.chars().next())
        .map_or(i + 1, |c| i + c.len_utf8())
}

/// An inclusive range of days.
type DayRange = (NaiveDate, NaiveDate);

/// Resolves an expression against the publication date: the single day it
/// names, and the inclusive range it names. Without a publication date only
/// fully written dates ("5 August 2024", "in 2004") resolve.
#[allow(dead_code)]
pub(crate) fn resolve(
    expr: &DateExpr,
    published: Option<NaiveDate>,
    tense: Tense,
) -> (Option<NaiveDate>, Option<DayRange>) {
    resolve_kind(&expr.kind, published, tense)
}

/// Which occurrence of a repeating date to take.
#[derive(Debug, Clone, Copy)]
enum Pick {
    /// The latest one ended before publication ("last Monday").
    Before,
    /// The earliest one starting after publication ("next Monday").
    After,
    /// The latest one starting on or before publication, however long ago
    /// ("since October 7").
    OnOrBefore,
    /// The one the clause's tense points at, within a horizon: see [`by_tense`].
    Tense(Tense),
}

/// How far from publication, in days, news dates a clause with a bare
/// weekday or weekend: the week around it.
const WEEK_HORIZON: i64 = 6;

/// How far from publication, in days, news dates a clause with a bare
/// month-day or holiday (about eleven months): past that, the occurrence on
/// the other side of publication, then within about a month, is meant
/// ("on March 8" in an article of March 6, whatever the tense).
const YEAR_HORIZON: i64 = 330;

/// No bound: a month or a season is as the tense says, however far.
const NO_HORIZON: i64 = i64::MAX;

impl Pick {
    /// The qualifier decides when there is one that points; else the tense.
    fn new(qualifier: Option<Qualifier>, tense: Tense) -> Pick {
        match qualifier {
            Some(Qualifier::Last) => Pick::Before,
            Some(Qualifier::Next) => Pick::After,
            _ => Pick::Tense(tense),
        }
    }

    /// Picks from occurrences in ascending order; `horizon` bounds the
    /// tense's preference (see [`by_tense`]).
    fn among(
        self,
        p: NaiveDate,
        horizon: i64,
        occurrences: impl IntoIterator<Item = DayRange>,
    ) -> Option<DayRange> {
        // The latest starting on or before publication, the earliest ending
        // on or after it, and the same two strictly.
        let (mut on_or_before, mut on_or_after) = (None, None);
        let (mut before, mut after) = (None, None);
        for r in occurrences {
            if r.0 <= p {
                on_or_before = Some(r);
            }
            if r.1 < p {
                before = Some(r);
            }
            if r.1 >= p && on_or_after.is_none() {
                on_or_after = Some(r);
            }
            if r.0 > p && after.is_none() {
                after = Some(r);
            }
        }
        match self {
            Pick::Before => before,
            Pick::After => after,
            Pick::OnOrBefore => on_or_before,
            Pick::Tense(tense) => by_tense(on_or_before, on_or_after, p, tense, horizon),
        }
    }
}

/// The occurrence of a repeating date that a clause of tense `tense` means,
/// of the latest one starting on or before publication `p` (`before`) and
/// the earliest one ending on or after it (`after`; the same one when it
/// covers `p`).
///
/// The tense is a preference and the distance a bound: news dates an event
/// with a bare weekday only within the week around publication, with a bare
/// month-day only within about eleven months of it (`horizon`, in days). So
/// the tense's side wins while it lies within the horizon; beyond it, and
/// when the tense has no side (present tense, headlines, "said it would"),
/// the nearer one wins, the earlier on a tie. Published on a Tuesday, "said
/// on Monday" is the day before, "will meet on Thursday" two days after, "on
/// Tuesday" the day itself, and a headline's "Sunday" the one two days
/// before; published on March 6, "on March 8" is two days after even in a
/// past-tense clause, and "on November 20" in one is last November.
fn by_tense(
    before: Option<DayRange>,
    after: Option<DayRange>,
    p: NaiveDate,
    tense: Tense,
    horizon: i64,
) -> Option<DayRange> {
    let distance = |r: DayRange| {
        if r.1 < p {
            (p - r.1).num_days()
        } else {
            (r.0 - p).num_days().max(0)
        }
    };
    let preferred = match tense {
        Tense::Past => before,
        Tense::Future => after,
        Tense::Present => None,
    };
    match (preferred, before, after) {
        (Some(r), _, _) if distance(r) <= horizon => Some(r),
        (_, Some(b), Some(a)) => Some(if distance(a) < distance(b) { a } else { b }),
        (_, b, a) => b.or(a),
    }
}

/// The size of a period, which decides what its thirds are.
#[derive(Debug, Clone, Copy)]
enum Grain {
    Week,
    Month,
    Season,
    Year,
}

/// Resolves a kind; the fully written ones need no publication date.
fn resolve_kind(
    kind: &DateKind,
    published: Option<NaiveDate>,
    tense: Tense,
) -> (Option<NaiveDate>, Option<DayRange>) {
    let day = |d: Option<NaiveDate>| (d, None);
    let range = |r: Option<DayRange>| (None, r);
    match *kind {
        DateKind::MonthDay {
            month,
            day: d,
            year: Some(y),
        } => day(ymd(y, month, d)),
        DateKind::Month {
            month,
            year: Some(y),
            edge,
            ..
        } => {
            range(month_range(y, month).and_then(|r| apply_edge(r, edge, Grain::Month, published)))
        }
        DateKind::Year { year, edge } => {
            range(year_range(year).and_then(|r| apply_edge(r, edge, Grain::Year, published)))
        }
        DateKind::Season {
            season,
            year: Some(y),
            edge,
            ..
        } => range(
            season_range(season, y).and_then(|r| apply_edge(r, edge, Grain::Season, published)),
        ),
        DateKind::Holiday {
            holiday,
            year: Some(y),
            ..
        } => day(holiday_date(holiday.date, y)),
        _ => match published {
            Some(p) => resolve_relative(kind, p, tense, false),
            None => (None, None),
        },
    }
}

/// Resolution of the kinds that need the publication date. `since`: the
/// start of a "since" range, which is the occurrence on or before
/// publication however long ago ("since March 8" in an article of March 6).
fn resolve_relative(
    kind: &DateKind,
    p: NaiveDate,
    tense: Tense,
    since: bool,
) -> (Option<NaiveDate>, Option<DayRange>) {
    let pick = |q: Option<Qualifier>| match q {
        None | Some(Qualifier::This) if since => Pick::OnOrBefore,
        q => Pick::new(q, tense),
    };
    let day = |r: Option<DayRange>| (r.map(|r| r.0), None);
    let range = |r: Option<DayRange>| (None, r);
    let years = || (p.year() - 2)..=(p.year() + 2);
    // Every weekday and weekend occurs in this window, both ways, for any pick.
    let window = || (-14..=14).filter_map(move |k| shift(p, k));
    match *kind {
        DateKind::Weekday { wd, qualifier, .. } => day(pick(qualifier).among(
            p,
            WEEK_HORIZON,
            window().filter(|d| d.weekday() == wd).map(|d| (d, d)),
        )),
        DateKind::MonthDay { month, day: d, .. } => day(pick(None).among(
            p,
            YEAR_HORIZON,
            years().filter_map(|y| ymd(y, month, d)).map(|d| (d, d)),
        )),
        DateKind::Month {
            month,
            edge,
            qualifier,
            ..
        } => range(pick(qualifier).among(
            p,
            NO_HORIZON,
            years().filter_map(|y| apply_edge(month_range(y, month)?, edge, Grain::Month, Some(p))),
        )),
        DateKind::Season {
            season,
            edge,
            qualifier,
            ..
        } => {
            range(pick(qualifier).among(
                p,
                NO_HORIZON,
                years().filter_map(|y| {
                    apply_edge(season_range(season, y)?, edge, Grain::Season, Some(p))
                }),
            ))
        }
        DateKind::Holiday {
            holiday, qualifier, ..
        } => day(pick(qualifier).among(
            p,
            YEAR_HORIZON,
            years()
                .filter_map(|y| holiday_date(holiday.date, y))
                .map(|d| (d, d)),
        )),
        DateKind::Weekend { qualifier } => range(
            pick(qualifier).among(
                p,
                WEEK_HORIZON,
                window()
                    .filter(|d| d.weekday() == Weekday::Sat)
                    .filter_map(|d| Some((d, shift(d, 1)?))),
            ),
        ),
        DateKind::Relative { day: rel, .. } => {
            let offset = match rel {
                RelativeDay::DayBeforeYesterday => -2,
                RelativeDay::Yesterday | RelativeDay::LastNight => -1,
                RelativeDay::Today | RelativeDay::Tonight => 0,
                RelativeDay::Tomorrow => 1,
                RelativeDay::DayAfterTomorrow => 2,
                RelativeDay::Overnight => return (None, None),
            };
            (shift(p, offset), None)
        }
        DateKind::RelativePeriod { unit, offset, edge } => {
            let (base, grain) = match unit {
                Unit::Week => (
                    shift(p, 7 * i64::from(offset)).and_then(week_range),
                    Grain::Week,
                ),
                Unit::Month => (
                    add_months(first_of_month(p), offset)
                        .and_then(|d| month_range(d.year(), d.month())),
                    Grain::Month,
                ),
                Unit::Year => (year_range(p.year() + offset), Grain::Year),
                _ => (None, Grain::Month),
            };
            range(base.and_then(|r| apply_edge(r, edge, grain, Some(p))))
        }
        DateKind::Recent { unit, n } => {
            let start = match unit {
                Unit::Hour => shift(p, -i64::from(n.unwrap_or(24).div_ceil(24))),
                Unit::Day => shift(p, -i64::from(n.unwrap_or(7))),
                Unit::Week => shift(p, -7 * i64::from(n.unwrap_or(4))),
                Unit::Month => sub_months(p, n.unwrap_or(3)),
                Unit::Year => sub_months(p, n.unwrap_or(3).saturating_mul(12)),
                Unit::Decade => sub_months(p, n.unwrap_or(1).saturating_mul(120)),
            };
            range(start.map(|s| (s, p)))
        }
        DateKind::Ago { n, unit, approx } => match (n, approx) {
            (Some(n), false) => match unit {
                Unit::Day => (shift(p, -i64::from(n)), None),
                Unit::Week => range(shift(p, -7 * i64::from(n)).and_then(week_range)),
                Unit::Month => {
                    range(sub_months(p, n).and_then(|d| month_range(d.year(), d.month())))
                }
                Unit::Year => range(
                    i32::try_from(n)
                        .ok()
                        .and_then(|n| year_range(p.year().checked_sub(n)?)),
                ),
                Unit::Hour | Unit::Decade => (None, None),
            },
            _ => (None, None),
        },
        DateKind::Since(ref inner) => {
            // A written date resolves without publication; the others are
            // the last occurrence before it.
            let written = resolve_kind(inner, None, Tense::Past) != (None, None);
            let (value, r) = if written {
                resolve_kind(inner, Some(p), Tense::Past)
            } else {
                resolve_relative(inner, p, Tense::Past, true)
            };
            let from = value.or(r.map(|r| r.0));
            range(from.filter(|&f| f <= p).map(|f| (f, p)))
        }
        // Written years are handled by `resolve_kind`.
        DateKind::Year { .. } => (None, None),
    }
}

/// The part of a period an edge names; "earlier"/"later" split at the
/// publication day when it falls inside, else act as "early"/"late".
fn apply_edge(
    r: DayRange,
    edge: Option<Edge>,
    grain: Grain,
    p: Option<NaiveDate>,
) -> Option<DayRange> {
    let Some(edge) = edge else {
        return Some(r);
    };
    let (s, e) = r;
    let inside = p.filter(|&p| s <= p && p <= e);
    let third = match (edge, inside) {
        (Edge::Earlier, Some(p)) => return Some((s, p)),
        (Edge::Later, Some(p)) => return Some((p, e)),
        (Edge::Early | Edge::Earlier, _) => 0,
        (Edge::Mid, _) => 1,
        (Edge::Late | Edge::Later, _) => 2,
    };
    match grain {
        Grain::Week => {
            let (a, b) = [(0, 1), (2, 3), (4, 6)][third];
            Some((shift(s, a)?, shift(s, b)?))
        }
        Grain::Month => {
            let (a, b) = [(1, 10), (11, 20), (21, e.day())][third];
            Some((s.with_day(a)?, s.with_day(b)?))
        }
        Grain::Season => {
            let m = add_months(s, third as i32)?;
            month_range(m.year(), m.month())
        }
        Grain::Year => {
            let (a, b) = [(1, 4), (5, 8), (9, 12)][third];
            Some((ymd(s.year(), a, 1)?, month_range(s.year(), b)?.1))
        }
    }
}

/// A date from year, month and day, if valid.
fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// `d` moved by `days`, either way.
fn shift(d: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days >= 0 {
        d.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        d.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

/// `d` moved back `n` months (clamped to the month's last day).
fn sub_months(d: NaiveDate, n: u32) -> Option<NaiveDate> {
    d.checked_sub_months(Months::new(n))
}

/// `d` moved by `n` months, either way.
fn add_months(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_months(Months::new(n.unsigned_abs()))
    } else {
        d.checked_sub_months(Months::new(n.unsigned_abs()))
    }
}

/// The first day of `d`'s month.
fn first_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

/// The first and last day of a month.
fn month_range(y: i32, m: u32) -> Option<DayRange> {
    let first = ymd(y, m, 1)?;
    let last = first.checked_add_months(Months::new(1))?.pred_opt()?;
    Some((first, last))
}

/// January 1 to December 31.
fn year_range(y: i32) -> Option<DayRange> {
    Some((ymd(y, 1, 1)?, ymd(y, 12, 31)?))
}

/// The ISO week (Monday to Sunday) containing `d`.
fn week_range(d: NaiveDate) -> Option<DayRange> {
    let monday = shift(d, -i64::from(d.weekday().num_days_from_monday()))?;
    Some((monday, shift(monday, 6)?))
}

/// The season of year `y`; winter `y` starts in December of `y - 1`.
fn season_range(season: Season, y: i32) -> Option<DayRange> {
    let (_, _, start_month) = SEASONS.iter().find(|s| s.1 == season)?;
    let start_year = if season == Season::Winter { y - 1 } else { y };
    let first = ymd(start_year, *start_month, 1)?;
    let last = first.checked_add_months(Months::new(3))?.pred_opt()?;
    Some((first, last))
}

/// The holiday's day in year `y`.
fn holiday_date(date: HolidayDate, y: i32) -> Option<NaiveDate> {
    match date {
        HolidayDate::Fixed(m, d) => ymd(y, m, d),
        HolidayDate::NthWeekday(m, wd, n) => {
            NaiveDate::from_weekday_of_month_opt(y, m, wd, n as u8)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Golden examples, one a line: sentence | publication date | tense |
    /// the expression as found | its value | its range; `-` for none.
    const GOLDEN: &str = "\
# weekdays
Militiamen ambushed a convoy on Saturday near the river crossing. | 2006-12-10 | past | on Saturday | 2006-12-09 | -
The foreign minister will visit Tehran on Monday. | 2024-07-31 | future | on Monday | 2024-08-05 | -
The minister will speak on Wednesday. | 2024-07-31 | future | on Wednesday | 2024-07-31 | -
The minister spoke Wednesday at a briefing in the capital. | 2024-07-31 | past | Wednesday | 2024-07-31 | -
Protesters gathered outside the ministry last Saturday. | 2024-08-03 | past | last Saturday | 2024-07-27 | -
Protesters gathered outside the ministry last Saturday. | 2024-08-04 | past | last Saturday | 2024-08-03 | -
Rockets struck the airbase late Saturday, officials said. | 2024-08-05 | past | late Saturday | 2024-08-03 | -
On Tuesday night, drones hit a fuel depot outside the port. | 2024-08-01 | past | On Tuesday night | 2024-07-30 | -
The convoy left the capital Wednesday morning under heavy guard. | 2024-08-01 | past | Wednesday morning | 2024-07-31 | -
Earlier Sunday, police raided two houses in the old quarter. | 2024-08-04 | past | Earlier Sunday | 2024-08-04 | -
Shelling resumed in the early hours of Friday. | 2024-08-04 | past | in the early hours of Friday | 2024-08-02 | -
The vote count is due to finish Sunday night. | 2024-05-15 | future | Sunday night | 2024-05-19 | -
the blast occurred on friday evening. | 2024-03-15 | past | on friday evening | 2024-03-15 | -
Rebels attacked the garrison on Sunday. | - | past | on Sunday | - | -
# month and day
Talks collapsed on October 23 after a week of delays. | 2023-11-02 | past | on October 23 | 2023-10-23 | -
Elections are scheduled for January 14. | 2023-12-20 | future | January 14 | 2024-01-14 | -
The truce agreed on December 28 lasted barely a week. | 2024-01-10 | past | on December 28 | 2023-12-28 | -
The accord took effect on 5 August 2024. | - | past | on 5 August 2024 | 2024-08-05 | -
The bridge was bombed Oct. 23, 2023, according to the report. | - | past | Oct. 23, 2023 | 2023-10-23 | -
Envoys met in Doha on Aug. 5 to discuss a prisoner swap. | 2024-08-20 | past | on Aug. 5 | 2024-08-05 | -
The blasts of Oct.29 killed dozens in the market. | 2005-11-13 | past | Oct.29 | 2005-10-29 | -
The summit opened on Monday, March 4, in Brussels. | 2024-03-06 | past | on Monday, March 4 | 2024-03-04 | -
The referendum was held on the 5th of May. | 2024-06-01 | past | on the 5th of May | 2024-05-05 | -
The parade on May 9 went ahead despite the threats. | 2024-05-20 | past | on May 9 | 2024-05-09 | -
The raid on March 3 killed four guards. | 2024-03-20 | past | on March 3 | 2024-03-03 | -
The towers fell on Sept. 11, 2001. | - | past | on Sept. 11, 2001 | 2001-09-11 | -
The offensive began on Saturday, October 7, 2023. | - | past | on Saturday, October 7, 2023 | 2023-10-07 | -
The decree was signed on February 29. | 2025-03-10 | past | on February 29 | 2024-02-29 | -
Over 200 strikes have been recorded since October 7. | 2023-11-15 | past | since October 7 | - | 2023-10-07..2023-11-15
Over 200 strikes have been recorded since October 7. | - | past | since October 7 | - | -
# the tense as a preference, the distance as a bound (2024-03-05 is a Tuesday)
The minister said on Monday that talks had stalled. | 2024-03-05 | past | on Monday | 2024-03-04 | -
Gunmen stormed a checkpoint on Wednesday. | 2024-03-05 | past | on Wednesday | 2024-02-28 | -
Rebels attacked the garrison on Tuesday. | 2024-03-05 | past | on Tuesday | 2024-03-05 | -
The envoys will meet on Thursday in Geneva. | 2024-03-05 | future | on Thursday | 2024-03-07 | -
The council will vote on Monday. | 2024-03-05 | future | on Monday | 2024-03-11 | -
The delegation will arrive on Tuesday. | 2024-03-05 | future | on Tuesday | 2024-03-05 | -
Talks resume Thursday in Doha | 2024-03-05 | present | Thursday | 2024-03-07 | -
Minister visits troops at the front Sunday | 2024-03-05 | present | Sunday | 2024-03-03 | -
Minister visits troops at the front Sunday | 2024-03-08 | present | Sunday | 2024-03-10 | -
The ministry said it would reopen the crossing on Monday. | 2024-03-05 | present | on Monday | 2024-03-04 | -
Talks began in Cairo on March 8. | 2024-03-06 | past | on March 8 | 2024-03-08 | -
Elections will be held on March 8. | 2024-03-06 | future | on March 8 | 2024-03-08 | -
Talks open in Cairo March 8 | 2024-03-06 | present | March 8 | 2024-03-08 | -
The convoy was ambushed on November 20. | 2024-03-06 | past | on November 20 | 2023-11-20 | -
The strike on April 20 killed two guards. | 2024-03-06 | past | on April 20 | 2023-04-20 | -
Talks will resume on November 20. | 2024-03-06 | future | on November 20 | 2024-11-20 | -
The summit will open on March 1. | 2024-03-06 | future | on March 1 | 2024-03-01 | -
Parliament reconvenes on September 2. | 2024-03-06 | present | on September 2 | 2024-09-02 | -
The border has been shut since March 8. | 2024-03-06 | past | since March 8 | - | 2023-03-08..2024-03-06
Fuel prices rose in January. | 2024-03-06 | present | in January | - | 2024-01-01..2024-01-31
# months, years, seasons
The mission began in February 2003 and ended a year later. | 2010-06-01 | past | in February 2003 | - | 2003-02-01..2003-02-28
The town was first shelled in 2004. | 2010-01-01 | past | in 2004 | - | 2004-01-01..2004-12-31
The plant closed in mid-2004. | - | past | in mid-2004 | - | 2004-05-01..2004-08-31
The talks were held in late 2019. | - | past | in late 2019 | - | 2019-09-01..2019-12-31
The government promised full withdrawal by 2030. | 2024-01-01 | future | 2030 | - | 2030-01-01..2030-12-31
In late June, the army pushed into the valley. | 2024-08-10 | past | In late June | - | 2024-06-21..2024-06-30
Fuel prices rose sharply in January. | 2024-03-01 | past | in January | - | 2024-01-01..2024-01-31
In February, the council will review the plan. | 2024-03-01 | future | In February | - | 2025-02-01..2025-02-28
Clashes erupted in May along the border. | 2024-07-01 | past | in May | - | 2024-05-01..2024-05-31
The militia has held the town since April. | 2024-08-10 | past | since April | - | 2024-04-01..2024-08-10
The offensive stalled in early summer. | 2024-10-01 | past | in early summer | - | 2024-06-01..2024-06-30
The village was flooded last summer. | 2024-03-01 | past | last summer | - | 2023-06-01..2023-08-31
The siege lasted through the winter. | 2024-04-01 | past | through the winter | - | 2023-12-01..2024-02-29
The offensive began in the summer of 2014. | - | past | in the summer of 2014 | - | 2014-06-01..2014-08-31
# days relative to publication
The governor resigned yesterday. | 2024-05-10 | past | yesterday | 2024-05-09 | -
The court will rule today on the appeal. | 2024-05-10 | future | today | 2024-05-10 | -
Negotiators resume talks tonight in Cairo. | 2024-05-10 | future | tonight | 2024-05-10 | -
Sirens sounded across the city last night. | 2024-05-10 | past | last night | 2024-05-09 | -
Troops withdrew overnight from the hills. | 2024-05-10 | past | overnight | - | -
A spokesman said earlier today that no deal had been reached. | 2024-05-10 | past | earlier today | 2024-05-10 | -
A snowstorm hit the region this morning. | 2024-01-10 | past | this morning | 2024-01-10 | -
The governor resigned yesterday. | - | past | yesterday | - | -
# periods relative to publication
The envoy is expected in Beirut this week. | 2024-05-15 | future | this week | - | 2024-05-13..2024-05-19
Two aid workers were detained earlier this week. | 2024-05-16 | past | earlier this week | - | 2024-05-13..2024-05-16
The rebels seized a second town last week. | 2024-05-15 | past | last week | - | 2024-05-06..2024-05-12
The delegation will travel to Kyiv next week. | 2024-05-15 | future | next week | - | 2024-05-20..2024-05-26
Exports fell by a third last month. | 2024-03-15 | past | last month | - | 2024-02-01..2024-02-29
The dam was damaged in a strike late last month. | 2024-03-15 | past | late last month | - | 2024-02-21..2024-02-29
Inflation has eased this month, the bank said. | 2024-03-15 | past | this month | - | 2024-03-01..2024-03-31
Lawmakers will debate the bill later this month. | 2024-03-15 | future | later this month | - | 2024-03-15..2024-03-31
The port handled record volumes last year. | 2024-03-15 | past | last year | - | 2023-01-01..2023-12-31
Parliament approved the budget earlier this year. | 2024-03-15 | past | earlier this year | - | 2024-01-01..2024-03-15
Shops have stayed shut since last week. | 2024-05-15 | past | since last week | - | 2024-05-06..2024-05-15
Clashes have intensified in recent days. | 2024-03-15 | past | in recent days | - | 2024-03-08..2024-03-15
In the past month, three ministers have quit. | 2024-03-15 | past | In the past month | - | 2024-02-15..2024-03-15
Power cuts have worsened over the past three weeks. | 2024-03-15 | past | over the past three weeks | - | 2024-02-23..2024-03-15
The camp was set up six weeks ago. | 2024-03-15 | past | six weeks ago | - | 2024-01-29..2024-02-04
Nearly five years ago, the dam burst. | 2024-03-15 | past | Nearly five years ago | - | -
The envoy arrived three days ago. | 2024-03-15 | past | three days ago | 2024-03-12 | -
The ceasefire collapsed two years ago. | 2024-03-15 | past | two years ago | - | 2022-01-01..2022-12-31
# weekends
Fighting eased over the weekend. | 2024-05-13 | past | over the weekend | - | 2024-05-11..2024-05-12
Weekend clashes left the market shut. | 2024-05-13 | past | Weekend | - | 2024-05-11..2024-05-12
Protests spread last weekend. | 2024-05-18 | past | last weekend | - | 2024-05-11..2024-05-12
The rally will take place this weekend. | 2024-05-15 | future | this weekend | - | 2024-05-18..2024-05-19
# holidays
A car bomb exploded on New Year's Eve in the market. | 2024-01-03 | past | on New Year's Eve | 2023-12-31 | -
Fireworks will be banned on New Year’s Eve, the mayor said. | 2024-12-20 | future | on New Year’s Eve | 2024-12-31 | -
Families gathered at the shrine on Thanksgiving. | 2024-12-01 | past | on Thanksgiving | 2024-11-28 | -
Aid convoys will resume after Christmas Day, officials said. | 2024-12-20 | future | Christmas Day | 2024-12-25 | -
";

    /// The rows of [`GOLDEN`], without comments.
    fn golden() -> impl Iterator<Item = [&'static str; 6]> {
        GOLDEN
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|l| {
                let fields: Vec<&str> = l.split(" | ").map(str::trim).collect();
                fields
                    .try_into()
                    .unwrap_or_else(|f| panic!("bad golden row {f:?}"))
            })
    }

    /// Sentences with no date expression at all.
    const NEGATIVE: &[&str] = &[
        "22 civilians were killed and 165 attacks were recorded.",
        "Some 2,500 troops crossed the river.",
        "Police seized 1,200 rounds and 300 rifles.",
        "Iran may attack if provoked, officials warned.",
        "IRAN MAY ATTACK IF PROVOKED.",
        "The protesters will march on the palace.",
        "The report was praised by May, the former prime minister.",
        "Mr. March said the deal was dead.",
        "An august body of judges met in the hall.",
        "The fall of the city shocked the region.",
        "Since the fall of the regime, exiles have returned.",
        "The Arab Spring reshaped the region.",
        "A spring offensive was planned.",
        "He spent a weekend in the mountains.",
        "The weekends are quiet here.",
        "Room 2004 was searched by police.",
        "The agency cited a 2004 survey.",
        "The last week of the trial was tense.",
        "The next year brought famine.",
        "They sang Christmas carols in the square.",
        "Crowds marked Lunar New Year's Day with parades.",
        "Each of the 2,010 ballots was counted.",
        "Some 2,500 years ago the city was founded.",
        "",
    ];

    fn date(s: &str) -> Option<NaiveDate> {
        (s != "-").then(|| crate::parse_date(s).expect("test date"))
    }

    fn texts(s: &str) -> Vec<&str> {
        find_dates(s, 0, s.len())
            .iter()
            .map(|e| &s[e.span.range()])
            .collect()
    }

    #[test]
    fn golden_examples() {
        let mut failures = Vec::new();
        let mut rows = 0;
        for [sentence, published, tense, text, value, range] in golden() {
            rows += 1;
            let tense = match tense {
                "past" => Tense::Past,
                "present" => Tense::Present,
                "future" => Tense::Future,
                other => panic!("bad tense {other:?}"),
            };
            let found = find_dates(sentence, 0, sentence.len());
            let Some(expr) = found.iter().find(|e| &sentence[e.span.range()] == text) else {
                let found = texts(sentence);
                failures.push(format!("{sentence:?}: expected {text:?}, found {found:?}"));
                continue;
            };
            let want = (
                date(value),
                range
                    .split_once("..")
                    .and_then(|(a, b)| date(a).zip(date(b))),
            );
            let got = resolve(expr, date(published), tense);
            if got != want {
                failures.push(format!(
                    "{sentence:?} ({published}, {tense:?}): {text:?} resolved to {got:?}, \
                     expected {want:?}; kind {:?}",
                    expr.kind
                ));
            }
        }
        assert!(rows >= 40, "only {rows} golden rows");
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn golden_examples_cover_every_rule() {
        let mut unused: Vec<&str> = RULES.iter().map(|r| r.name).collect();
        for [sentence, ..] in golden() {
            for (name, _) in find_named(sentence, 0, sentence.len()) {
                unused.retain(|&n| n != name);
            }
        }
        assert!(
            unused.is_empty(),
            "rules without a golden example: {unused:?}"
        );
    }

    #[test]
    fn negative_sentences_have_no_dates() {
        for sentence in NEGATIVE {
            let found = texts(sentence);
            assert!(found.is_empty(), "{sentence:?}: found {found:?}");
        }
    }

    #[test]
    fn several_dates_in_order_without_overlap() {
        let s = "Talks held on Monday, March 4 failed; a second round late last month and \
                 another on New Year’s Eve, 2023 also failed, and the envoy left yesterday.";
        assert_eq!(
            texts(s),
            [
                "on Monday, March 4",
                "late last month",
                "on New Year’s Eve, 2023",
                "yesterday"
            ]
        );
    }

    #[test]
    fn only_inside_the_sentence() {
        let s = "It rained on Sunday. Rebels attacked on Saturday. Talks resume Monday.";
        let (start, end) = (21, 49);
        assert_eq!(&s[start..end], "Rebels attacked on Saturday.");
        let found = find_dates(s, start, end);
        assert_eq!(found.len(), 1);
        assert_eq!(&s[found[0].span.range()], "on Saturday");
        // A sentence cut inside an expression keeps only what fits.
        assert!(find_dates(s, 0, 14).is_empty());
    }

    #[test]
    fn may_and_march_need_capitals_and_context() {
        assert_eq!(texts("Voting ends on May 5."), ["on May 5"]);
        assert_eq!(texts("Voting ended 5 May."), ["5 May"]);
        assert_eq!(texts("It happened late May."), ["late May"]);
        assert_eq!(texts("Since May the road is shut."), ["Since May"]);
        assert_eq!(texts("It was last May."), ["last May"]);
        assert_eq!(texts("It was May 2004."), ["May 2004"]);
        assert!(texts("until may 5").is_empty());
        assert!(texts("The talks, led by May, failed.").is_empty());
        assert!(texts("in march 2004").is_empty());
        assert_eq!(texts("in january 2004"), ["in january 2004"]);
        assert_eq!(texts("by March, the rebels had gone"), ["March"]);
    }

    /// Every span lies on char boundaries inside `start..end` (which may be
    /// out of range or mid-char), spans do not overlap, and resolving them
    /// does not panic, even at chrono's extreme dates.
    fn check_spans(text: &str, start: usize, end: usize) {
        let mut last_end = 0;
        for e in find_dates(text, start, end) {
            assert!(
                e.span.start >= start && e.span.end <= end,
                "{text:?} {start}..{end}: {e:?}"
            );
            assert!(
                e.span.start < e.span.end && e.span.start >= last_end,
                "{text:?}: {e:?}"
            );
            assert!(text.get(e.span.range()).is_some(), "{text:?}: {e:?}");
            last_end = e.span.end;
            for published in [
                date("2024-02-29"),
                None,
                Some(NaiveDate::MAX),
                Some(NaiveDate::MIN),
            ] {
                for tense in [Tense::Past, Tense::Present, Tense::Future] {
                    let _ = resolve(&e, published, tense);
                }
            }
        }
    }

    #[test]
    fn weird_input_never_panics() {
        let texts = [
            "",
            "🙂",
            "e\u{301}\u{301} on Saturday\u{301}",
            "Saturday🙂Sunday",
            "🙂on Saturday🙂 late last month🙂",
            "“On Tuesday night,” he said — “yesterday”…",
            "On\u{a0}October\u{a0}23,\u{a0}2023",
            "October 99, May 0, February 30, 9999 years ago, 99999999999999999999 days ago",
            "since since since 2004 in in in 1999",
            "Ｍonday ſaturday Kelvin",
            "in 2004\u{0}",
        ];
        for t in texts {
            for start in 0..=t.len() + 2 {
                for end in 0..=t.len() + 2 {
                    check_spans(t, start, end);
                }
            }
        }
        assert!(find_dates("on Saturday", 5, 2).is_empty());
        assert!(find_dates("on Saturday", usize::MAX, usize::MAX).is_empty());
        assert_eq!(find_dates("on Saturday", 0, usize::MAX).len(), 1);
    }

    #[test]
    fn long_repetitive_input_is_fine() {
        // Many near-misses (lowercase "may", a year after a comma) each
        // restart a search; the scan must stay linear and find nothing else.
        let s = "may in late the since 2,004 weekend a last ".repeat(20_000);
        let found = texts(&s);
        assert_eq!(found.len(), 20_000);
        assert!(found.iter().all(|&t| t == "weekend"));
    }

    /// The fast search finds what the plain regexes find, on every sentence.
    fn check_same_as_exact(text: &str, start: usize, end: usize) {
        let fast = find_named_with(text, start, end, false);
        let exact = find_named_with(text, start, end, true);
        assert_eq!(fast, exact, "{text:?} {start}..{end}");
    }

    #[test]
    fn fast_search_matches_exact_search() {
        let mut sentences: Vec<&str> = golden().map(|row| row[0]).collect();
        sentences.extend(NEGATIVE);
        sentences.extend([
            "Talks held on Monday, March 4 failed; a second round late last month and \
             another on New Year’s Eve, 2023 also failed, and the envoy left yesterday.",
            "It rained on Sunday. Rebels attacked on Saturday. Talks resume Monday.",
            "by the end of May 2004, at the beginning of last week, in the early hours of \
             this past Friday, just over a couple of years ago, at the start of the summer \
             of 2010, since the day before yesterday evening, over the past a few decades",
            "mid-May, mid-2004, early-summer, Oct.29, 5th of\u{a0}May, 1,200 2019 20191 \
             on 12 Dec 1999 and 31st December, 2020; tonight, overnight, thanksgiving day",
            "ſaturday in 2004 and on Monday; ٣ May 5 on May 3٣; Kelvin weekend 19Ｍay",
        ]);
        for s in sentences {
            for start in [0, 1, 3] {
                check_same_as_exact(s, start, s.len());
            }
        }
    }

    /// With `NEWSEVENTS_DATES_CORPUS` naming a JSON Lines file of `{"text": ...}`
    /// documents: the fast search against the plain regexes on every sentence.
    #[test]
    #[ignore]
    fn fast_search_matches_exact_search_on_corpus() {
        let Ok(path) = std::env::var("NEWSEVENTS_DATES_CORPUS") else {
            return;
        };
        let data = std::fs::read_to_string(path).expect("corpus file");
        let mut sentences = 0;
        for line in data.lines().filter(|l| !l.trim().is_empty()) {
            let doc: serde_json::Value = serde_json::from_str(line).expect("json line");
            let text = doc["text"].as_str().unwrap_or_default();
            for s in crate::segment::sentences(text) {
                sentences += 1;
                check_same_as_exact(text, s.span.start, s.span.end);
            }
        }
        eprintln!("{sentences} sentences");
    }

    proptest! {
        #[test]
        fn any_text_any_bounds(text in "\\PC{0,40}", start in 0usize..60, end in 0usize..60) {
            check_spans(&text, start, end);
        }

        #[test]
        fn date_words_and_emoji(
            words in prop::collection::vec(prop::sample::select(vec![
                "on", "in", "since", "late", "early", "last", "this", "next", "the", "of",
                "Saturday", "May", "may", "March", "Oct.", "23", "5th", "2004", "2,500",
                "weekend", "ago", "days", "six", "New", "Year’s", "Eve", "yesterday",
                "summer", "fall", "mid-", "🙂", "—", "e\u{301}", ",", ".", "\u{a0}", "’s",
            ]), 0..16),
            start in 0usize..120,
            end in 0usize..120,
        ) {
            check_spans(&words.join(" "), start, end);
        }

        #[test]
        fn fast_search_matches_exact_on_date_words(
            words in prop::collection::vec(prop::sample::select(vec![
                "on", "in", "since", "late", "early", "last", "this", "next", "the", "of", "at",
                "by", "mid", "mid-", "beginning", "end", "over", "past", "coming", "hours",
                "Saturday", "friday", "May", "may", "March", "Oct.", "Sept", "23", "5th", "2004",
                "1999", "2,500", "20", "19", "weekend", "ago", "days", "six", "a", "couple",
                "few", "just", "over", "New", "Year’s", "Year's", "Eve", "Christmas", "day",
                "yesterday", "tonight", "overnight", "morning", "summer", "fall", "winter",
                "week", "month", "year", "recent", "earlier", "later", "🙂", "—", "e\u{301}",
                ",", ".", "\u{a0}", "\n", "’s", "-", "ſ", "K", "٣",
                // Cue words inside longer words and next to `_`.
                "Mondays", "today", "holiday", "Marine", "Dec", "decision", "decades",
                "weekends", "agog", "20191", "_", "Springfield",
            ]), 0..20),
            seps in prop::collection::vec(prop::sample::select(vec![" ", "", "  ", "\u{a0}"]), 20),
            start in 0usize..12,
        ) {
            let mut text = String::new();
            for (word, sep) in words.iter().zip(&seps) {
                text.push_str(word);
                text.push_str(sep);
            }
            check_same_as_exact(&text, start, text.len());
        }
    }
}
