//! The word tables of the date rules: the words a date is written with and
//! what each means, and the short lists of words that license or veto one.

use chrono::Weekday;

use super::{Edge, Holiday, HolidayDate, PartOfDay, RelativeDay, Season, Unit};

/// A month's names as the text may write them.
pub(super) struct MonthName {
    /// Full lowercase name.
    pub(super) name: &'static str,
    /// Lowercase abbreviations, accepted only capitalized.
    pub(super) abbrevs: &'static [&'static str],
    /// "march", "may", "august" are also common words: only capitalized.
    pub(super) needs_capital: bool,
    /// "May" is also a name and a verb: needs a day, a year, or one of
    /// [`MAY_CONTEXT`] before it.
    pub(super) strict: bool,
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
pub(super) const MONTHS: [MonthName; 12] = [
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
pub(super) const MAY_CONTEXT: &[&str] = &[
    "in",
    "during",
    "throughout",
    "since",
    "last",
    "this",
    "next",
];

/// Weekday names; any casing is accepted since none is another common word.
pub(super) const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

/// Parts of a day written after a weekday or "yesterday".
pub(super) const PARTS_OF_DAY: [(&str, PartOfDay); 4] = [
    ("morning", PartOfDay::Morning),
    ("afternoon", PartOfDay::Afternoon),
    ("evening", PartOfDay::Evening),
    ("night", PartOfDay::Night),
];

/// Days relative to publication, longest first.
pub(super) const RELATIVE_DAYS: [(&str, RelativeDay, Option<PartOfDay>); 11] = [
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
pub(super) const SEASONS: [(&str, Season, u32); 5] = [
    ("spring", Season::Spring, 3),
    ("summer", Season::Summer, 6),
    ("autumn", Season::Autumn, 9),
    ("fall", Season::Autumn, 9),
    ("winter", Season::Winter, 12),
];

/// Words for a part of a period, longest first so the regex prefers them.
pub(super) const EDGES: [(&str, Edge); 12] = [
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
pub(super) const UNITS: [(&str, Unit); 6] = [
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
pub(super) const FEW_WORDS: [&str; 5] = ["a couple of", "a couple", "a few", "several", "few"];

/// Words before a count in "... ago", and whether they make it approximate.
pub(super) const COUNT_MODIFIERS: [(&str, bool); 18] = [
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
pub(super) const HOLIDAYS: [Holiday; 11] = [
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
pub(super) const OTHER_NEW_YEARS: &[&str] = &[
    "lunar", "chinese", "persian", "iranian", "jewish", "islamic", "hijri", "orthodox",
];

/// Orthodox Christmas falls on January 7.
pub(super) const OTHER_CHRISTMASES: &[&str] = &["orthodox"];

/// Words before a bare "weekend" that make it any weekend, not a date.
pub(super) const NOT_BEFORE_WEEKEND: &[&str] =
    &["a", "an", "every", "each", "per", "one", "another", "any"];

/// Words before "last week"/"next year" that make it narrative, not relative
/// to publication ("the last week of the trial", "a year later").
pub(super) const DETERMINERS: &[&str] = &["the", "a", "an"];

/// Lowercase, whitespace runs as one space, apostrophes dropped: the form in
/// which matched words are looked up in the tables.
pub(super) fn norm(s: &str) -> String {
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
pub(super) fn norm_eq(a: &str, b: &str) -> bool {
    normalized(a).eq(normalized(b))
}

/// The value of the table entry whose name matches `s`.
pub(super) fn lookup<T: Copy>(table: &[(&str, T)], s: &str) -> Option<T> {
    table.iter().find(|(name, _)| norm_eq(name, s)).map(|e| e.1)
}
