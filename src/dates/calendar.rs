//! Calendar resolution: the day or range of days an expression names,
//! given the publication date and the tense of its clause.

use chrono::{Datelike, Months, NaiveDate, TimeDelta, Weekday};

use super::{DateKind, Edge, HolidayDate, InYear, Qualifier, Tense, Unit};

/// An inclusive range of days.
type DayRange = (NaiveDate, NaiveDate);

/// How far from publication, in days, news dates a clause with a bare
/// weekday or weekend: the week around it.
const WEEK_HORIZON: i64 = 6;

/// How far from publication, in days, news dates a clause with a bare
/// month-day or holiday: about eleven months (see [`by_tense`]).
const YEAR_HORIZON: i64 = 330;

/// No bound: a month or a season is as the tense says, however far.
const NO_HORIZON: i64 = i64::MAX;

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

/// Resolves what an expression says against the publication date: the day it
/// names, and the inclusive range it names. Without a publication date only
/// fully written dates ("5 August 2024", "in 2004") resolve.
pub(crate) fn resolve(
    kind: &DateKind,
    published: Option<NaiveDate>,
    tense: Tense,
) -> (Option<NaiveDate>, Option<DayRange>) {
    let written = match *kind {
        DateKind::Yearly { year, .. } => year,
        _ => None,
    };
    match (written, published) {
        (Some(y), _) => as_value(kind, in_year(kind, y, published)),
        (None, Some(p)) => resolve_relative(kind, p, tense, false),
        (None, None) => (None, None),
    }
}

/// A found occurrence as the kind gives it: a single day for the kinds
/// that name one, else a range.
fn as_value(kind: &DateKind, r: Option<DayRange>) -> (Option<NaiveDate>, Option<DayRange>) {
    match kind {
        DateKind::Weekday { .. }
        | DateKind::Yearly {
            what: InYear::Day(..) | InYear::Holiday(_),
            ..
        } => (r.map(|r| r.0), None),
        _ => (None, r),
    }
}

/// The occurrence in year `y` of a date that repeats every year, or of a
/// year; an edge splits at publication `p` (see [`apply_edge`]).
fn in_year(kind: &DateKind, y: i32, p: Option<NaiveDate>) -> Option<DayRange> {
    let DateKind::Yearly { what, edge, .. } = *kind else {
        return None;
    };
    let (r, grain) = match what {
        InYear::Day(month, day) => return ymd(y, month, day).map(|d| (d, d)),
        InYear::Holiday(holiday) => return holiday_date(holiday.date, y).map(|d| (d, d)),
        InYear::Month(month) => (months_from(ymd(y, month, 1)?, 1)?, Grain::Month),
        InYear::Season(season) => (season_range(season, y)?, Grain::Season),
        InYear::Whole => (year_range(y)?, Grain::Year),
    };
    apply_edge(r, edge, grain, p)
}

/// Resolution of the kinds that need the publication date `p`; `since`:
/// the expression starts a "since" range (see [`occurrence`]).
fn resolve_relative(
    kind: &DateKind,
    p: NaiveDate,
    tense: Tense,
    since: bool,
) -> (Option<NaiveDate>, Option<DayRange>) {
    match *kind {
        DateKind::Relative(days) => (days.and_then(|days| shift(p, days)), None),
        DateKind::RelativePeriod { unit, offset, edge } => (
            None,
            period(unit, p, offset.into())
                .and_then(|(r, grain)| apply_edge(r, edge, grain, Some(p))),
        ),
        DateKind::Recent { unit, n } => (None, recent(unit, n, p)),
        DateKind::Ago {
            n: Some(n),
            unit,
            approx,
        } => match (approx, unit, i64::from(n)) {
            // "almost four years ago": no day, but the unit either side of
            // it, which still tells it from this week's events.
            (true, _, n) => (None, approximately_ago(unit, n, p)),
            // "three days ago" is a day, "six weeks ago" a week, "two years
            // ago" a year; hours, decades and vague counts are not resolved.
            (false, Unit::Day, n) => (shift(p, -n), None),
            (false, _, n) => (None, period(unit, p, -n).map(|(r, _)| r)),
        },
        DateKind::Ago { n: None, .. } => (None, None),
        DateKind::Since(ref inner) => (None, since_range(inner, p)),
        _ => as_value(kind, occurrence(kind, p, tense, since)),
    }
}

/// The occurrence a repeating date (weekday, month-day, month, season,
/// holiday, weekend) means, near publication `p`: the qualifier decides
/// when there is one that points ("last Monday" the latest ended before
/// publication, "next Monday" the earliest starting after it); else, for
/// the start of a "since" range (`since`), the latest starting on or
/// before publication however long ago ("since March 8" in an article of
/// March 6); else the one the tense points at (see [`by_tense`]).
fn occurrence(kind: &DateKind, p: NaiveDate, tense: Tense, since: bool) -> Option<DayRange> {
    // Every weekday and weekend occurs in this window, both ways, for any pick.
    let window = (-14..=14).filter_map(|k| shift(p, k));
    let (qualifier, horizon, occurrences): (_, _, Vec<DayRange>) = match *kind {
        DateKind::Weekday { wd, qualifier } => {
            let days = window.filter(|d| d.weekday() == wd);
            (qualifier, WEEK_HORIZON, days.map(|d| (d, d)).collect())
        }
        DateKind::Weekend { qualifier } => {
            let saturdays = window.filter(|d| d.weekday() == Weekday::Sat);
            let weekends = saturdays.filter_map(|d| Some((d, shift(d, 1)?)));
            (qualifier, WEEK_HORIZON, weekends.collect())
        }
        DateKind::Yearly {
            what, qualifier, ..
        } => {
            let horizon = match what {
                InYear::Day(..) | InYear::Holiday(_) => YEAR_HORIZON,
                _ => NO_HORIZON,
            };
            let years = (p.year() - 2)..=(p.year() + 2);
            let found = years.filter_map(|y| in_year(kind, y, Some(p)));
            (qualifier, horizon, found.collect())
        }
        _ => return None,
    };
    // The latest starting on or before publication, the earliest ending on
    // or after it.
    let on_or_before = occurrences.iter().rfind(|r| r.0 <= p).copied();
    let on_or_after = occurrences.iter().find(|r| r.1 >= p).copied();
    match qualifier {
        None | Some(Qualifier::This) if since => on_or_before,
        Some(Qualifier::Last) => occurrences.iter().rfind(|r| r.1 < p).copied(),
        Some(Qualifier::Next) => occurrences.iter().find(|r| r.0 > p).copied(),
        _ => by_tense(on_or_before, on_or_after, p, tense, horizon),
    }
}

/// The days from `n + 1` units to `n - 1` units before publication `p`.
fn approximately_ago(unit: Unit, n: i64, p: NaiveDate) -> Option<DayRange> {
    if unit == Unit::Day {
        return Some((shift(p, -n - 1)?, shift(p, 1 - n)?));
    }
    let (first, _) = period(unit, p, -n - 1)?;
    let (last, _) = period(unit, p, 1 - n)?;
    Some((first.0, last.1))
}

/// The week, month or year `offset` of them from publication `p` ("last
/// week", "six weeks ago"), with its grain; none for other units.
fn period(unit: Unit, p: NaiveDate, offset: i64) -> Option<(DayRange, Grain)> {
    match unit {
        Unit::Week => Some((week_range(shift(p, 7 * offset)?)?, Grain::Week)),
        Unit::Month => {
            let first = add_months(p.with_day(1)?, offset)?;
            Some((months_from(first, 1)?, Grain::Month))
        }
        Unit::Year => {
            let year = i32::try_from(i64::from(p.year()) + offset).ok()?;
            Some((year_range(year)?, Grain::Year))
        }
        _ => None,
    }
}

/// "in recent days", "over the past three weeks": from `n` units (or a
/// default for the unit) before publication `p` up to it.
fn recent(unit: Unit, n: Option<u32>, p: NaiveDate) -> Option<DayRange> {
    let start = match unit {
        Unit::Hour => shift(p, -i64::from(n.unwrap_or(24).div_ceil(24))),
        Unit::Day => shift(p, -i64::from(n.unwrap_or(7))),
        Unit::Week => shift(p, -7 * i64::from(n.unwrap_or(4))),
        Unit::Month => add_months(p, -i64::from(n.unwrap_or(3))),
        Unit::Year => add_months(p, -i64::from(n.unwrap_or(3).saturating_mul(12))),
        Unit::Decade => add_months(p, -i64::from(n.unwrap_or(1).saturating_mul(120))),
    };
    start.map(|s| (s, p))
}

/// "since October 7", "since April": from the inner date up to publication
/// `p`. A written date resolves without publication; the others are the
/// last occurrence before it.
fn since_range(inner: &DateKind, p: NaiveDate) -> Option<DayRange> {
    let (value, r) = match inner {
        DateKind::Yearly { year: Some(_), .. } => resolve(inner, Some(p), Tense::Past),
        _ => resolve_relative(inner, p, Tense::Past, true),
    };
    let from = value.or(r.map(|r| r.0));
    from.filter(|&f| f <= p).map(|f| (f, p))
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
        Grain::Season => months_from(add_months(s, third as i64)?, 1),
        // January-April, May-August, September-December.
        Grain::Year => months_from(ymd(s.year(), 1 + 4 * third as u32, 1)?, 4),
    }
}

/// A date from year, month and day, if valid.
fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// `d` moved by `days`, either way.
fn shift(d: NaiveDate, days: i64) -> Option<NaiveDate> {
    d.checked_add_signed(TimeDelta::try_days(days)?)
}

/// `d` moved by `n` months, either way (clamped to the month's last day).
fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let months = Months::new(u32::try_from(n.unsigned_abs()).ok()?);
    if n >= 0 {
        d.checked_add_months(months)
    } else {
        d.checked_sub_months(months)
    }
}

/// The `n` whole months from `first`, the first day of a month.
fn months_from(first: NaiveDate, n: u32) -> Option<DayRange> {
    Some((first, first.checked_add_months(Months::new(n))?.pred_opt()?))
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

/// The season of year `y` starting in month `start`; one starting in
/// December (winter) is named by the year of its January.
fn season_range(start: u32, y: i32) -> Option<DayRange> {
    let start_year = if start == 12 { y - 1 } else { y };
    months_from(ymd(start_year, start, 1)?, 3)
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
