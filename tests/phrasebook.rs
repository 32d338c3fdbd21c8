//! The phrasebook: short invented sentences, one construction per section,
//! each with the exact set of events it must give (`src/rules/phrasebook.txt`,
//! whose header describes the format).
//!
//! Every sentence is one document. Its events must be exactly the expected
//! records: per kind the same number, each expected record paired with a
//! distinct event of that kind with the same modality and matching written
//! roles. Role values match as the reference scorer matches them
//! (`newsevents_eval`, which follows `score.py`: folded strings, one
//! containing the other, the shorter at least three characters; `content`
//! at token F1 >= 0.5), with one addition:
//! a party or place must not carry a date word the expected value lacks
//! ("Tehran Monday" is not the destination `Tehran`). `participants` pair
//! one to one and must be as many as expected; `date=` is compared with the
//! resolved value; `role=-` means the role must be absent.
//!
//! On failure every failing sentence is printed with its line number, what
//! was expected and what was extracted, then a count per kind and section.

use chrono::NaiveDate;
use newsevents::{Document, Event, EventKind, Extractor, Mention, Modality};
use newsevents_eval::{fold, str_match, token_f1, tokens};
use std::collections::BTreeMap;
use std::fmt::Write as _;

const FILE: &str = "src/rules/phrasebook.txt";
const TEXT: &str = include_str!("../src/rules/phrasebook.txt");

const KINDS: [&str; 4] = ["attack", "call", "visit", "statement"];

/// The roles a record of `kind` may name, `date` included.
fn roles_of(kind: &str) -> &'static [&'static str] {
    match kind {
        "attack" => &[
            "attacker", "target", "location", "weapon", "killed", "injured", "date",
        ],
        "call" => &["participants", "date"],
        "visit" => &["visitor", "destination", "host", "date"],
        "statement" => &["speaker", "content", "quote", "date"],
        _ => &[],
    }
}

/// An expected role value.
#[derive(Debug, Clone)]
enum Want {
    /// `role=-`: the role must be absent.
    Absent,
    /// A text role (`content` compared by token F1).
    Text(String),
    /// `participants=A|B`.
    List(Vec<String>),
    /// `killed=` / `injured=`.
    Count(u32),
    /// `quote=true|false`.
    Flag(bool),
    /// `date=YYYY-MM-DD`: the date's resolved value.
    Day(NaiveDate),
}

#[derive(Debug, Clone)]
struct Record {
    kind: &'static str,
    modality: Modality,
    roles: Vec<(&'static str, Want)>,
    line_text: String,
}

#[derive(Debug)]
struct Case {
    line: usize,
    section: String,
    published: Option<NaiveDate>,
    sentence: String,
    /// Empty with `none`.
    records: Vec<Record>,
    /// True once a `none` line was read.
    none: bool,
}

fn parse_modality(s: &str) -> Option<Modality> {
    Some(match s {
        "asserted" => Modality::Asserted,
        "planned" => Modality::Planned,
        "hypothetical" => Modality::Hypothetical,
        "negated" => Modality::Negated,
        _ => return None,
    })
}

/// Splits `role=value role=value ...` on ` role=` boundaries, where `role`
/// is one of `names`.
fn split_roles(rest: &str, names: &[&'static str]) -> Result<Vec<(&'static str, String)>, String> {
    let padded = format!(" {rest}");
    // (byte offset of the leading space, role name)
    let mut cuts: Vec<(usize, &'static str)> = Vec::new();
    for (i, _) in padded.match_indices(' ') {
        let after = &padded[i + 1..];
        if let Some(name) = names
            .iter()
            .find(|n| after.starts_with(**n) && after[n.len()..].starts_with('='))
        {
            cuts.push((i, name));
        }
    }
    if rest.trim().is_empty() {
        return Ok(Vec::new());
    }
    match cuts.first() {
        Some((0, _)) => {}
        _ => {
            return Err(format!(
                "expected `role=value` after the modality, found `{rest}` (roles: {})",
                names.join(", ")
            ))
        }
    }
    let mut out: Vec<(&'static str, String)> = Vec::new();
    for (n, (at, name)) in cuts.iter().enumerate() {
        let start = at + 1 + name.len() + 1;
        let end = cuts.get(n + 1).map_or(padded.len(), |c| c.0);
        let value = padded[start..end].trim();
        if value.is_empty() {
            return Err(format!("empty value for `{name}`"));
        }
        if out.iter().any(|(r, _)| r == name) {
            return Err(format!("role `{name}` given twice"));
        }
        out.push((name, value.to_string()));
    }
    Ok(out)
}

fn parse_want(role: &str, value: &str) -> Result<Want, String> {
    if value == "-" {
        return Ok(Want::Absent);
    }
    Ok(match role {
        "killed" | "injured" => Want::Count(
            value
                .parse()
                .map_err(|_| format!("`{role}` wants an integer, found `{value}`"))?,
        ),
        "quote" => match value {
            "true" => Want::Flag(true),
            "false" => Want::Flag(false),
            _ => return Err(format!("`quote` wants true or false, found `{value}`")),
        },
        "date" => Want::Day(
            newsevents::parse_date(value)
                .map_err(|_| format!("`date` wants an ISO date or `-`, found `{value}`"))?,
        ),
        "participants" => {
            let parts: Vec<String> = value.split('|').map(|p| p.trim().to_string()).collect();
            if parts.iter().any(|p| p.is_empty()) {
                return Err(format!("empty participant in `{value}`"));
            }
            Want::List(parts)
        }
        _ => Want::Text(value.to_string()),
    })
}

fn parse_record(line: &str) -> Result<Record, String> {
    let mut it = line.splitn(3, ' ');
    let kind_s = it.next().unwrap_or("");
    let kind = *KINDS.iter().find(|k| **k == kind_s).ok_or_else(|| {
        format!("unknown kind `{kind_s}` (want attack, call, visit, statement or `none`)")
    })?;
    let modality_s = it.next().unwrap_or("");
    let modality = parse_modality(modality_s).ok_or_else(|| {
        format!("unknown modality `{modality_s}` (want asserted, planned, hypothetical or negated)")
    })?;
    let rest = it.next().unwrap_or("");
    let mut roles = Vec::new();
    for (name, value) in split_roles(rest, roles_of(kind))? {
        roles.push((name, parse_want(name, &value)?));
    }
    Ok(Record {
        kind,
        modality,
        roles,
        line_text: line.to_string(),
    })
}

fn parse(text: &str) -> Result<Vec<Case>, String> {
    let mut cases: Vec<Case> = Vec::new();
    let mut section = String::from("(no section)");
    let mut published: Option<NaiveDate> = None;
    let err = |n: usize, msg: String| format!("{FILE}:{n}: {msg}");
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = raw.trim_end();
        if line.trim().is_empty() {
            continue;
        }
        if line != line.trim_start() {
            return Err(err(n, "line starts with white space".into()));
        }
        if let Some(h) = line.strip_prefix("## ") {
            section = h.trim().to_string();
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        if let Some(d) = line.strip_prefix("@published ") {
            let d = d.trim();
            published = if d == "none" {
                None
            } else {
                Some(
                    newsevents::parse_date(d)
                        .map_err(|_| err(n, format!("bad @published date `{d}`")))?,
                )
            };
            continue;
        }
        if line.starts_with('@') {
            return Err(err(n, format!("unknown directive `{line}`")));
        }
        if let Some(s) = line.strip_prefix("> ") {
            if let Some(prev) = cases.last() {
                if prev.records.is_empty() && !prev.none {
                    return Err(err(
                        prev.line,
                        "sentence without expectations (records or `none`)".into(),
                    ));
                }
            }
            if s.trim().is_empty() {
                return Err(err(n, "empty sentence".into()));
            }
            cases.push(Case {
                line: n,
                section: section.clone(),
                published,
                sentence: s.to_string(),
                records: Vec::new(),
                none: false,
            });
            continue;
        }
        let Some(case) = cases.last_mut() else {
            return Err(err(n, format!("record before any sentence: `{line}`")));
        };
        if line == "none" {
            if !case.records.is_empty() || case.none {
                return Err(err(n, "`none` with other expectations".into()));
            }
            case.none = true;
            continue;
        }
        if case.none {
            return Err(err(n, "record after `none`".into()));
        }
        case.records
            .push(parse_record(line).map_err(|m| err(n, m))?);
    }
    if let Some(prev) = cases.last() {
        if prev.records.is_empty() && !prev.none {
            return Err(err(
                prev.line,
                "sentence without expectations (records or `none`)".into(),
            ));
        }
    }
    Ok(cases)
}

// ---- the reference scorer's matching: the evaluator's own (`newsevents_eval`)

// ---- reading an event

fn kind_name(e: &Event) -> &'static str {
    e.kind.name()
}

fn mention<'e>(e: &'e Event, role: &str) -> Option<&'e Mention> {
    match (&e.kind, role) {
        (EventKind::Attack(a), "attacker") => a.attacker.as_ref(),
        (EventKind::Attack(a), "target") => a.target.as_ref(),
        (EventKind::Attack(a), "location") => a.location.as_ref(),
        (EventKind::Attack(a), "weapon") => a.weapon.as_ref(),
        (EventKind::Visit(v), "visitor") => v.visitor.as_ref(),
        (EventKind::Visit(v), "destination") => v.destination.as_ref(),
        (EventKind::Visit(v), "host") => v.host.as_ref(),
        (EventKind::Statement(s), "speaker") => s.speaker.as_ref(),
        (EventKind::Statement(s), "content") => s.content.as_ref(),
        _ => None,
    }
}

fn count(e: &Event, role: &str) -> Option<u32> {
    match (&e.kind, role) {
        (EventKind::Attack(a), "killed") => a.killed,
        (EventKind::Attack(a), "injured") => a.injured,
        _ => None,
    }
}

fn participants(e: &Event) -> Vec<&str> {
    match &e.kind {
        EventKind::Call(c) => c.participants.iter().map(|m| m.text.as_str()).collect(),
        _ => Vec::new(),
    }
}

fn role_ok(e: &Event, role: &str, want: &Want) -> bool {
    match (role, want) {
        ("participants", Want::Absent) => participants(e).is_empty(),
        ("participants", Want::List(ws)) => {
            let got = participants(e);
            if got.len() != ws.len() {
                return false;
            }
            // one to one, greedy in the scorer's manner, then exhaustively
            let mut used = vec![false; got.len()];
            assign(ws, &got, &mut used, 0)
        }
        ("killed" | "injured", Want::Absent) => count(e, role).is_none(),
        ("killed" | "injured", Want::Count(n)) => count(e, role) == Some(*n),
        ("quote", Want::Absent) | ("quote", Want::Flag(false)) => {
            !matches!(&e.kind, EventKind::Statement(s) if s.quote)
        }
        ("quote", Want::Flag(true)) => matches!(&e.kind, EventKind::Statement(s) if s.quote),
        ("date", Want::Absent) => e.date.is_none(),
        ("date", Want::Day(d)) => e.date.as_ref().and_then(|d| d.value) == Some(*d),
        ("content", Want::Text(w)) => mention(e, role).is_some_and(|m| token_f1(w, &m.text) >= 0.5),
        (_, Want::Absent) => mention(e, role).is_none(),
        (_, Want::Text(w)) => {
            mention(e, role).is_some_and(|m| str_match(w, &m.text) && !leaks_date(w, &m.text))
        }
        _ => false,
    }
}

/// Date words in a party or place ("Tehran Monday") that the expected value
/// does not have: stricter than the scorer, whose containment would accept them.
const DATE_WORDS: &str = "monday tuesday wednesday thursday friday saturday sunday \
    yesterday today tomorrow tonight january february march april may june july august \
    september october november december";

fn leaks_date(want: &str, got: &str) -> bool {
    let w = tokens(want);
    tokens(got)
        .iter()
        .any(|t| DATE_WORDS.split_whitespace().any(|d| d == t) && !w.contains(t))
}

fn assign(ws: &[String], got: &[&str], used: &mut [bool], i: usize) -> bool {
    if i == ws.len() {
        return true;
    }
    for j in 0..got.len() {
        if !used[j] && str_match(&ws[i], got[j]) {
            used[j] = true;
            if assign(ws, got, used, i + 1) {
                return true;
            }
            used[j] = false;
        }
    }
    false
}

fn record_ok(r: &Record, e: &Event) -> bool {
    kind_name(e) == r.kind
        && e.modality == r.modality
        && r.roles.iter().all(|(role, w)| role_ok(e, role, w))
}

/// A perfect one-to-one pairing of `want` with `got` (same length).
fn pairs_all(want: &[&Record], got: &[&Event]) -> bool {
    if want.len() != got.len() {
        return false;
    }
    fn go(want: &[&Record], got: &[&Event], used: &mut [bool], i: usize) -> bool {
        if i == want.len() {
            return true;
        }
        for j in 0..got.len() {
            if !used[j] && record_ok(want[i], got[j]) {
                used[j] = true;
                if go(want, got, used, i + 1) {
                    return true;
                }
                used[j] = false;
            }
        }
        false
    }
    let mut used = vec![false; got.len()];
    go(want, got, &mut used, 0)
}

fn describe(e: &Event) -> String {
    let mut s = format!("{} {}", kind_name(e), e.modality.as_str());
    let text_roles: &[&str] = match &e.kind {
        EventKind::Attack(_) => &["attacker", "target", "location", "weapon"],
        EventKind::Visit(_) => &["visitor", "destination", "host"],
        EventKind::Statement(_) => &["speaker", "content"],
        _ => &[],
    };
    if let EventKind::Call(_) = &e.kind {
        let _ = write!(s, " participants={}", participants(e).join("|"));
    }
    for role in text_roles {
        if let Some(m) = mention(e, role) {
            let _ = write!(s, " {role}={}", m.text);
        }
    }
    for role in ["killed", "injured"] {
        if let Some(n) = count(e, role) {
            let _ = write!(s, " {role}={n}");
        }
    }
    if let EventKind::Statement(st) = &e.kind {
        if st.quote {
            s.push_str(" quote=true");
        }
    }
    if let Some(d) = &e.date {
        match d.value {
            Some(v) => {
                let _ = write!(s, " date={v} (\"{}\")", d.text);
            }
            None => {
                let _ = write!(s, " date=? (\"{}\")", d.text);
            }
        }
    }
    let _ = write!(s, "   [{}]", e.rule);
    s
}

#[test]
fn phrasebook() {
    check_matching();
    let cases = match parse(TEXT) {
        Ok(c) => c,
        Err(e) => panic!("malformed phrasebook: {e}"),
    };

    // Always: the size of the book.
    let mut per_kind: BTreeMap<&str, usize> = KINDS.iter().map(|k| (*k, 0)).collect();
    let mut per_kind_mod: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for c in &cases {
        for r in &c.records {
            *per_kind.entry(r.kind).or_default() += 1;
            *per_kind_mod
                .entry((r.kind, r.modality.as_str()))
                .or_default() += 1;
        }
    }
    let nones = cases.iter().filter(|c| c.none).count();
    eprintln!(
        "phrasebook: {} sentences ({} with no event), expected records per kind:",
        cases.len(),
        nones
    );
    for k in KINDS {
        let mods: Vec<String> = ["asserted", "planned", "hypothetical", "negated"]
            .iter()
            .filter_map(|m| per_kind_mod.get(&(k, *m)).map(|n| format!("{m} {n}")))
            .collect();
        eprintln!("  {k:<9} {:>4}  ({})", per_kind[k], mods.join(", "));
    }

    let ex = Extractor::new();
    let mut report = String::new();
    let mut failing = 0usize;
    // section -> (sentences, failing)
    let mut per_section: Vec<(String, usize, usize)> = Vec::new();
    // kind -> failing sentences where that kind is wrong
    let mut kind_fail: BTreeMap<&str, usize> = KINDS.iter().map(|k| (*k, 0)).collect();
    for c in &cases {
        let doc = Document::new(format!("line{}", c.line), &c.sentence).with_published(c.published);
        let events = ex.extract(&doc);
        let mut bad_kinds = Vec::new();
        for k in KINDS {
            let want: Vec<&Record> = c.records.iter().filter(|r| r.kind == k).collect();
            let got: Vec<&Event> = events.iter().filter(|e| kind_name(e) == k).collect();
            if !pairs_all(&want, &got) {
                bad_kinds.push(k);
            }
        }
        match per_section.last_mut() {
            Some((s, n, _)) if *s == c.section => *n += 1,
            _ => per_section.push((c.section.clone(), 1, 0)),
        }
        if bad_kinds.is_empty() {
            continue;
        }
        failing += 1;
        if let Some(last) = per_section.last_mut() {
            last.2 += 1;
        }
        for k in &bad_kinds {
            *kind_fail.entry(k).or_default() += 1;
        }
        let _ = writeln!(
            report,
            "\n{FILE}:{} [{}] wrong: {}\n  > {}",
            c.line,
            c.section,
            bad_kinds.join(", "),
            c.sentence
        );
        if let Some(p) = c.published {
            let _ = writeln!(report, "    published {p}");
        }
        if c.none {
            let _ = writeln!(report, "    expected: none");
        }
        for r in &c.records {
            let _ = writeln!(report, "    expected: {}", r.line_text);
        }
        if events.is_empty() {
            let _ = writeln!(report, "    got:      nothing");
        }
        for e in &events {
            let _ = writeln!(report, "    got:      {}", describe(e));
        }
    }

    if failing > 0 {
        eprintln!("\n==== failing sentences ===={report}");
        eprintln!("\n==== summary ====");
        eprintln!(
            "{failing} of {} sentences fail; by kind (a sentence counts once per wrong kind):",
            cases.len()
        );
        for k in KINDS {
            eprintln!("  {k:<9} {:>4}", kind_fail[k]);
        }
        eprintln!("by section (failing / sentences):");
        for (s, n, f) in &per_section {
            if *f > 0 {
                eprintln!("  {f:>3} / {n:<3} {s}");
            }
        }
    }

    assert!(
        cases.len() >= 200,
        "the phrasebook needs at least 200 sentences, has {}",
        cases.len()
    );
    for k in KINDS {
        assert!(
            per_kind[k] >= 40,
            "the phrasebook needs at least 40 {k} records, has {}",
            per_kind[k]
        );
    }
    assert!(
        failing == 0,
        "{failing} phrasebook sentences fail (see above)"
    );
}

/// The matching helpers behave as the scorer's (checked first, in the one test).
fn check_matching() {
    assert_eq!(fold("  The  “Vantor”  Front. "), "vantor\" front");
    assert_eq!(fold("an apple"), "apple");
    assert_eq!(fold("Anton"), "anton");
    assert!(str_match("Macron", "Emmanuel Macron"));
    assert!(str_match("the convoy", "convoy"));
    assert!(!str_match("US", "U.S. forces"));
    assert!(!str_match("Kyiv", "Kharkiv"));
    assert!(token_f1("the deal was fair", "deal was fair") >= 0.99);
    assert!(token_f1("a ceasefire in northern Gaza", "ceasefire") < 0.5);
    let r = parse_record("attack asserted attacker=Hamas target=the Nova festival site killed=3")
        .expect("record");
    assert_eq!(r.roles.len(), 3);
    assert!(matches!(&r.roles[1].1, Want::Text(t) if t == "the Nova festival site"));
    assert!(parse_record("attack asserted speaker=X").is_err());
    assert!(parse_record("call maybe").is_err());
    assert!(parse_record("call asserted participants=A||B").is_err());
    assert!(parse("> A.\n> B.\nnone\n").is_err());
}
