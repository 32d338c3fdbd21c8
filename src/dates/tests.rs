//! The rules' golden examples and negative sentences, spans on odd input,
//! and the cued search checked against trying every rule at every word
//! boundary.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::rules::RULES;
use super::search::find_indexed;
use super::{find_dates, resolve, DateExpr, Tense};

/// [`find_dates`], with the name of the rule that found each expression.
fn find_named(text: &str, start: usize, end: usize) -> Vec<(&'static str, DateExpr)> {
    find_named_with(text, start, end, false)
}

/// [`find_named`]; `every_start` tries every rule at every word boundary,
/// whatever the cues say (the reference the cued search is tested against).
fn find_named_with(
    text: &str,
    start: usize,
    end: usize,
    every_start: bool,
) -> Vec<(&'static str, DateExpr)> {
    find_indexed(text, start, end, every_start)
        .into_iter()
        .map(|(index, expr)| (RULES[index].name, expr))
        .collect()
}

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
Almost four years ago, the dam burst. | 2024-03-15 | past | Almost four years ago | - | 2019-01-01..2021-12-31
About three days ago, the dam burst. | 2024-03-15 | past | About three days ago | - | 2024-03-11..2024-03-13
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
        let got = resolve(&expr.kind, date(published), tense);
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
                let _ = resolve(&e.kind, published, tense);
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

/// The cued search finds what trying every word boundary finds.
fn check_cues_miss_nothing(text: &str, start: usize, end: usize) {
    let cued = find_named_with(text, start, end, false);
    let every_start = find_named_with(text, start, end, true);
    assert_eq!(cued, every_start, "{text:?} {start}..{end}");
}

#[test]
fn cued_search_matches_every_start() {
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
            check_cues_miss_nothing(s, start, s.len());
        }
    }
}

/// The cued search against every start on every sentence of the gold
/// articles in `../shared` (seeds, dev, general news): real text, with its
/// quotes, dashes and numbers. Fails, like the accuracy floors, when
/// `../shared` is not beside the checkout.
#[test]
fn cued_search_matches_every_start_on_the_gold_articles() {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let mut sentences = 0;
    for folder in ["gold/seeds", "corpus/dev", "corpus/general"] {
        let dir = shared.join(folder);
        let manifest = std::fs::read_to_string(dir.join("docs.jsonl"))
            .unwrap_or_else(|e| panic!("{}: {e} (../shared beside the checkout?)", dir.display()));
        for line in manifest.lines().filter(|l| !l.trim().is_empty()) {
            let doc: serde_json::Value = serde_json::from_str(line).expect("a manifest line");
            let path = dir.join(doc["path"].as_str().expect("a path"));
            let text = std::fs::read_to_string(&path).expect("an article");
            for s in crate::segment::sentences(&text) {
                sentences += 1;
                check_cues_miss_nothing(&text, s.span.start, s.span.end);
            }
        }
    }
    assert!(sentences > 1000, "only {sentences} sentences");
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
    fn cued_search_matches_every_start_on_date_words(
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
        check_cues_miss_nothing(&text, start, text.len());
    }
}

#[test]
fn the_word_tables_load_strictly() {
    let tables = super::tables::parse(include_str!("words.tsv")).unwrap();
    assert_eq!(tables.months.len(), 12);
    assert!(tables
        .months
        .iter()
        .enumerate()
        .all(|(i, m)| m.number == i as u32 + 1));
    assert_eq!(tables.weekdays.len(), 7);
    assert_eq!(tables.holidays.len(), 11);
    for (line, problem) in [
        (
            "month\tjanuary\t13\tany\tjan",
            "line 1: month \"13\" is not 1 to 12",
        ),
        ("unit\thour", "line 1: unit takes a word and 1 values"),
        ("unit\thour\thours", "line 1: unknown variant `hours`"),
        ("weather\train\twet", "line 1: unknown section"),
        (
            "edge\tmid\tmid\nedge\tmid\tmid",
            "line 2: edge \"mid\" listed twice",
        ),
        (
            "holiday\tmay day\t05-31-1\tnone\t-",
            "line 1: bad value \"31\"",
        ),
        ("unit", "line 1: no word"),
    ] {
        let error = super::tables::parse(line).unwrap_err();
        assert!(error.starts_with(problem), "{line:?}: {error}");
    }
}

#[test]
fn the_rules_load_strictly() {
    let rules = super::rules::parse(include_str!("rules.tsv")).unwrap();
    assert_eq!(rules.len(), RULES.len());
    let row = |name: &str, cue_at: &str, cues: &str| format!("{name}\t2\t{cue_at}\t{cues}\tx");
    for (text, problem) in [
        (row("month", "whole", "may"), None),
        (
            row("eclipse", "whole", "sun"),
            Some("line 1: no build function"),
        ),
        (
            row("month", "inside", "may"),
            Some("line 1: unknown cue_at"),
        ),
        (row("month", "whole", "May"), Some("line 1: cues")),
        (row("month", "whole", "jan  feb"), Some("line 1: cues")),
        ("month\t2\twhole\tmay".to_string(), Some("line 1: expected")),
        (
            format!(
                "{}\n{}",
                row("year", "year", "19"),
                row("year", "year", "20")
            ),
            Some("line 2: year twice"),
        ),
    ] {
        match (
            super::rules::parse(Box::leak(text.clone().into_boxed_str())),
            problem,
        ) {
            (Ok(_), None) => {}
            (Err(e), Some(p)) => assert!(e.starts_with(p), "{text:?}: {e}"),
            (r, _) => panic!("{text:?}: {:?}", r.map(|r| r.len())),
        }
    }
}
