//! Date expressions in news sentences: finding them and resolving them
//! against the publication date.
//!
//! The text flows through four files: [`tables`] loads the word tables
//! (month names, weekdays, number words, ...) from `words.tsv`, and the
//! plain word lists are in `src/words/dates.txt`; [`rules`] loads the named
//! rules of `rules.tsv`, each a regex built from those tables, and checks
//! what a regex cannot see (the casing of "May" and "March", a licensing
//! preposition before a bare year, the word before "weekend"); [`search`]
//! runs the rules over a sentence and merges their matches leftmost-longest;
//! [`calendar`] resolves what was found to days and ranges.
//!
//! Resolution follows news usage: a bare weekday or "October 23" is the
//! occurrence the clause's tense points at, within the horizon news dates
//! such a clause in (`calendar::by_tense`). Expressions that name a period
//! ("last week", "in 2004") get a range and no single-day value.
//!
//! Word boundaries are ASCII (`(?-u:\b)`): a Unicode `\b` would push the regex
//! crate off its fast DFA at the first curly quote.

use chrono::Weekday;
use serde::Deserialize;

use crate::document::Span;

mod calendar;
mod rules;
mod search;
mod tables;

pub(crate) use calendar::resolve;
pub(crate) use search::find_dates;

/// The number words of counts ("six weeks ago") with their values.
pub(crate) fn number_words() -> &'static [(&'static str, u32)] {
    &tables::TABLES.numbers
}

/// A date expression found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DateExpr {
    /// UTF-8 byte offsets into the full text, leading preposition included.
    pub span: Span,
    /// What the expression says.
    pub kind: DateKind,
}

/// What a date expression says, before resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DateKind {
    /// "Saturday", "late Saturday", "on Tuesday night", "last Saturday".
    Weekday {
        wd: Weekday,
        /// "last", "this" or "next" before the weekday.
        qualifier: Option<Qualifier>,
    },
    /// A date that comes back every year, or a year: "October 23", "in
    /// late June", "the spring of 2004", "on Christmas Day", "mid-2004".
    Yearly {
        what: InYear,
        /// The year when written.
        year: Option<i32>,
        /// "early", "mid", "late".
        edge: Option<Edge>,
        /// "last", "this" or "next" before it.
        qualifier: Option<Qualifier>,
    },
    /// "yesterday", "tonight", "this morning": the days from publication;
    /// `None` for "overnight", some night around it, too vague for a day.
    Relative(Option<i64>),
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
    /// "six weeks ago", "Almost four years ago".
    Ago {
        /// How many units; `None` for "a few", "several".
        n: Option<u32>,
        unit: Unit,
        /// "nearly", "about", "more than": the count is not exact.
        approx: bool,
    },
    /// "the weekend", "over the weekend", "last weekend".
    Weekend {
        /// "last", "this" or "next" before "weekend".
        qualifier: Option<Qualifier>,
    },
    /// "since October 7", "since April": from the inner date up to publication.
    Since(Box<DateKind>),
}

/// What of a year a [`DateKind::Yearly`] names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum InYear {
    /// A month (1-12) and a day valid for it: "October 23", "5 August 2024".
    Day(u32, u32),
    /// A month, 1-12: "in January", "February 2003".
    Month(u32),
    /// A season, northern hemisphere, meteorological (three whole months),
    /// by the month it starts in: "in early summer", "last winter".
    Season(u32),
    /// "New Year's Eve": its entry in the holiday table.
    Holiday(&'static Holiday),
    /// The whole year ("in 2004", "by 2030"), whose year is always written.
    Whole,
}

/// The tense of the clause a date governs, which picks between the last and
/// the next occurrence of an underspecified date (see [`calendar::by_tense`]).
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Qualifier {
    /// "last Saturday", "this past weekend": strictly before publication.
    Last,
    /// "this Saturday": as the tense says.
    This,
    /// "next Monday", "this coming weekend": strictly after publication.
    Next,
}

/// Which part of a period: "early", "mid", "late", or "earlier"/"later"
/// (before or after publication within the period).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Unit {
    Hour,
    Day,
    /// Weeks (ISO, Monday to Sunday).
    Week,
    /// Calendar months.
    Month,
    /// Calendar years.
    Year,
    Decade,
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
    pub not_after: Vec<&'static str>,
}

#[cfg(test)]
mod tests;
