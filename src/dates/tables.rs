//! The word tables of the date rules, loaded from `words.tsv` (whose header
//! explains each section), and how matched words are looked up in them.

use chrono::Weekday;
use once_cell::sync::Lazy;

use super::{Edge, Holiday, HolidayDate, Qualifier, Unit};
use crate::lexicon::{by_name, one_of};

const WORDS_TSV: &str = include_str!("words.tsv");

/// A month's names as the text may write them.
#[derive(Debug)]
pub(super) struct MonthName {
    /// Full lowercase name.
    pub(super) name: &'static str,
    /// 1-12.
    pub(super) number: u32,
    /// Lowercase abbreviations, accepted only capitalized.
    pub(super) abbrevs: Vec<&'static str>,
    /// "march", "may", "august" are also common words: only capitalized.
    pub(super) needs_capital: bool,
    /// "May" is also a name and a verb: needs a day, a year, or a word of
    /// `MAY_CONTEXT` before it.
    pub(super) strict: bool,
}

/// The sections of `words.tsv`, each in file order.
#[derive(Debug, Default)]
pub(super) struct Tables {
    pub(super) months: Vec<MonthName>,
    pub(super) weekdays: Vec<(&'static str, Weekday)>,
    /// Each phrase with its days from publication, if it names a day.
    pub(super) relative_days: Vec<(&'static str, Option<i64>)>,
    /// Each season word with the month the season starts in.
    pub(super) seasons: Vec<(&'static str, u32)>,
    pub(super) qualifiers: Vec<(&'static str, Qualifier)>,
    pub(super) edges: Vec<(&'static str, Edge)>,
    pub(super) units: Vec<(&'static str, Unit)>,
    pub(super) numbers: Vec<(&'static str, u32)>,
    /// Each modifier with whether it makes the count approximate.
    pub(super) count_modifiers: Vec<(&'static str, bool)>,
    pub(super) holidays: Vec<Holiday>,
    /// Every (section, word) of the file.
    pub(super) words: Vec<(&'static str, &'static str)>,
}

/// The built-in tables; `cargo test` loads them, so they cannot fail here.
pub(super) static TABLES: Lazy<Tables> =
    Lazy::new(|| parse(WORDS_TSV).unwrap_or_else(|e| panic!("src/dates/words.tsv, {e}")));

/// The tables of `text`, or `line N: problem` for the first bad line.
pub(super) fn parse(text: &'static str) -> Result<Tables, String> {
    let mut t = Tables::default();
    for (n, fields) in tsv_rows(text) {
        let [section, word, ref values @ ..] = fields[..] else {
            return Err(format!("line {n}: no word"));
        };
        add(&mut t, section, word, values).map_err(|e| format!("line {n}: {e}"))?;
        if t.words.contains(&(section, word)) {
            return Err(format!("line {n}: {section} {word:?} listed twice"));
        }
        t.words.push((section, word));
    }
    Ok(t)
}

/// The tab-separated fields of each line of `text` that is neither blank
/// nor a comment (`#`), with its line number.
pub(super) fn tsv_rows(text: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    (text.lines().enumerate())
        .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'))
        .map(|(n, line)| (n + 1, line.split('\t').collect()))
}

/// Adds the entry of `section` for `word`, with values `v`, to the tables.
fn add(
    t: &mut Tables,
    section: &str,
    word: &'static str,
    v: &[&'static str],
) -> Result<(), String> {
    let expected = match section {
        "few" | "part_of_day" => 0,
        "month" | "holiday" => 3,
        _ => 1,
    };
    if v.len() != expected || word.is_empty() {
        return Err(format!("{section} takes a word and {expected} values"));
    }
    match section {
        "month" => t.months.push(MonthName {
            name: word,
            number: Some(from_str(v[0])?)
                .filter(|m| (1..=12).contains(m))
                .ok_or(format!("month {:?} is not 1 to 12", v[0]))?,
            abbrevs: optional(v[2]).map_or(vec![], |a| a.split(' ').collect()),
            needs_capital: one_of(v[1], ["any", "capital", "strict"])? != "any",
            strict: v[1] == "strict",
        }),
        "weekday" => t.weekdays.push((word, from_str(v[0])?)),
        "few" | "part_of_day" => {}
        "relative_day" => {
            let days = optional(v[0]).map(from_str).transpose()?;
            t.relative_days.push((word, days));
        }
        "season" => t.seasons.push((word, from_str(v[0])?)),
        "qualifier" => t.qualifiers.push((word, by_name(v[0])?)),
        "edge" => t.edges.push((word, by_name(v[0])?)),
        "unit" => t.units.push((word, by_name(v[0])?)),
        "number" => t.numbers.push((word, from_str(v[0])?)),
        "count_modifier" => t
            .count_modifiers
            .push((word, one_of(v[0], ["exact", "approx"])? == "approx")),
        "holiday" => t.holidays.push(Holiday {
            name: word,
            date: holiday_date(v[0])?,
            needs_context: one_of(v[1], ["none", "needs"])? == "needs",
            not_after: optional(v[2]).map_or(vec![], |a| a.split(' ').collect()),
        }),
        _ => return Err(format!("unknown section {section:?}")),
    }
    Ok(())
}

/// `MM-DD`, or `MM-wd-N` for the N-th weekday of month MM.
fn holiday_date(s: &str) -> Result<HolidayDate, String> {
    match s.split('-').collect::<Vec<_>>()[..] {
        [m, d] => Ok(HolidayDate::Fixed(from_str(m)?, from_str(d)?)),
        [m, wd, n] => Ok(HolidayDate::NthWeekday(
            from_str(m)?,
            from_str(wd)?,
            from_str(n)?,
        )),
        _ => Err(format!("bad holiday date {s:?}")),
    }
}

/// `None` for `-`.
fn optional(s: &'static str) -> Option<&'static str> {
    (s != "-").then_some(s)
}

/// A value by its `FromStr`.
pub(super) fn from_str<T: std::str::FromStr>(s: &str) -> Result<T, String> {
    s.parse().map_err(|_| format!("bad value {s:?}"))
}

/// Whether `a` and `b` are the same words: ASCII case aside, whitespace
/// runs as one space, apostrophes dropped.
pub(super) fn norm_eq(a: &str, b: &str) -> bool {
    normalized(a).eq(normalized(b))
}

/// The chars of `s` in the form [`norm_eq`] compares.
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

/// The value of the table entry whose name matches `s`.
pub(super) fn lookup<T: Copy>(table: &[(&str, T)], s: &str) -> Option<T> {
    table.iter().find(|(name, _)| norm_eq(name, s)).map(|e| e.1)
}
