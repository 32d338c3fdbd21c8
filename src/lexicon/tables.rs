//! The built-in tables of `data/`, parsed strictly.
//!
//! Every row must have its table's fields, each non-empty and unpadded;
//! every kind, frame, force, sector, type and class must be one the crate
//! knows; codes are ISO 3166-1 alpha-3 and those of places and actors are
//! in `countries.tsv`; capitals are in `places.tsv`; a name is listed once
//! per table. Anything else is a [`TableError`] naming the table, the line
//! and the problem. The tables are compiled in, so `cargo test` loading
//! them (see the tests) is what keeps a bad row out of a release.

use super::{Entry, Force, Frame, Iso, LexiconData, Trigger, WordHasher};
use crate::event::EventType;
use crate::event::Sector;
use crate::words::lists::lexicon::{PLACE_TYPES, WEAPON_CLASSES};
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::Arc;

const COUNTRIES: &str = include_str!("data/countries.tsv");
const PLACES: &str = include_str!("data/places.tsv");
const ACTORS: &str = include_str!("data/actors.tsv");
const TITLES: &str = include_str!("data/titles.tsv");
const ACTOR_NOUNS: &str = include_str!("data/actor_nouns.tsv");
const WEAPONS: &str = include_str!("data/weapons.tsv");
const COMMON_WORDS: &str = include_str!("data/common_words.txt");
const WORDNET_TRIGGERS: &str = include_str!("data/triggers_wordnet.tsv");

/// The built-in trigger tables, in load order: the hand-written one, then
/// the one `tools/wordnet_triggers.py` generates from WordNet 3.0.
pub(super) const TRIGGER_TABLES: [(&str, &str); 2] = [
    ("triggers.tsv", include_str!("data/triggers.tsv")),
    ("triggers_wordnet.tsv", WORDNET_TRIGGERS),
];

/// An error in a table: its name, the line (1-based) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{table}, line {line}: {message}")]
pub(crate) struct TableError {
    pub table: &'static str,
    pub line: usize,
    pub message: String,
}

/// A row of a table, with where it is for errors.
#[derive(Debug, Clone, Copy)]
pub(super) struct Row<'a> {
    table: &'static str,
    line: usize,
    text: &'a str,
}

impl<'a> Row<'a> {
    /// An error about this row.
    pub(super) fn error(&self, message: impl fmt::Display) -> TableError {
        TableError {
            table: self.table,
            line: self.line,
            message: message.to_string(),
        }
    }

    /// Its tab-separated fields, `min` to `max` of them, each non-empty and
    /// unpadded.
    pub(super) fn fields_between(
        &self,
        min: usize,
        max: usize,
    ) -> Result<Vec<&'a str>, TableError> {
        let fields: Vec<&str> = self.text.split('\t').collect();
        if !(min..=max).contains(&fields.len()) {
            let expected = match min == max {
                true => min.to_string(),
                false => format!("{min} to {max}"),
            };
            return Err(self.error(format!("{} fields, expected {expected}", fields.len())));
        }
        match fields.iter().find(|f| f.is_empty() || f.trim() != **f) {
            Some(f) => Err(self.error(format!("empty or padded field {f:?}"))),
            None => Ok(fields),
        }
    }

    /// Exactly `N` fields, as [`Row::fields_between`] checks them.
    pub(super) fn fields<const N: usize>(&self) -> Result<[&'a str; N], TableError> {
        let fields = self.fields_between(N, N)?;
        fields
            .try_into()
            .map_err(|_| self.error(format!("expected {N} fields")))
    }

    /// `result`, its error message about this row.
    pub(super) fn check<T>(&self, result: Result<T, String>) -> Result<T, TableError> {
        result.map_err(|m| self.error(m))
    }
}

/// The rows of `text`, the table `table`: its lines that are neither blank
/// nor comments (`#`).
pub(super) fn rows<'a>(table: &'static str, text: &'a str) -> impl Iterator<Item = Row<'a>> {
    (text.lines().enumerate())
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(move |(i, text)| Row {
            table,
            line: i + 1,
            text,
        })
}

/// The value named `name` in a table or a user entry: the names are those
/// of the type's serde form (`armed_group`, `verb_weak`), so that one
/// mechanism reads them all and its error lists the names expected.
pub(crate) fn by_name<'de, T: serde::Deserialize<'de>>(name: &'de str) -> Result<T, String> {
    use serde::de::IntoDeserializer;
    T::deserialize(name.into_deserializer()).map_err(|e: serde::de::value::Error| e.to_string())
}

/// `s`, if it is one of `choices` as written.
pub(crate) fn one_of(
    s: &str,
    choices: impl IntoIterator<Item = &'static str>,
) -> Result<&str, String> {
    let choices: Vec<&str> = choices.into_iter().collect();
    match choices.contains(&s) {
        true => Ok(s),
        false => Err(format!("{s:?} is not one of {choices:?}")),
    }
}

/// The `|`-separated lowercase words of a field: non-empty, unpadded, no
/// repeats.
pub(super) fn words(field: &str) -> Result<impl Iterator<Item = &str>, String> {
    let list: Vec<&str> = field.split('|').collect();
    for (i, w) in list.iter().enumerate() {
        if w.is_empty() || w.trim() != *w || w.chars().any(char::is_uppercase) {
            return Err(format!("bad word {w:?}: empty, padded or not lowercase"));
        }
        if list[..i].contains(w) {
            return Err(format!("{w:?} twice in one row"));
        }
    }
    Ok(list.into_iter())
}

/// The `|`-separated names of a field: non-empty, single-spaced, not `-`,
/// no repeats; a name with a straight apostrophe comes with its curly
/// twin, since the search matches apostrophes as written.
fn names(field: &str) -> Result<Vec<&str>, String> {
    let list: Vec<&str> = field.split('|').collect();
    for (i, n) in list.iter().enumerate() {
        if n.is_empty() || n.trim() != *n || n.contains("  ") || *n == "-" {
            return Err(format!("bad name {n:?} in {field:?}: empty, padded or '-'"));
        }
        if list[..i].contains(n) {
            return Err(format!("{n:?} twice in one field"));
        }
        if n.contains('\'') && !list.contains(&n.replace('\'', "’").as_str()) {
            return Err(format!("{n:?} has no twin with a curly apostrophe"));
        }
    }
    Ok(list)
}

/// An ISO 3166-1 alpha-3 code, in a table or a user entry.
pub(super) fn iso(field: &str) -> Result<Iso, String> {
    Iso::new(field).ok_or_else(|| {
        format!("{field:?} is not an ISO 3166-1 alpha-3 code (three capital letters)")
    })
}

/// A code of `countries.tsv`, or none for `-`.
fn country_or_none(field: &str, countries: &HashSet<Iso>) -> Result<Option<Iso>, String> {
    if field == "-" {
        return Ok(None);
    }
    let code = iso(field)?;
    match countries.contains(&code) {
        true => Ok(Some(code)),
        false => Err(format!("{field} is not a code of countries.tsv")),
    }
}

/// A sector name, or none for `-`, as titles and user entries may have.
pub(crate) fn sector_or_none(field: &str) -> Result<Option<Sector>, String> {
    match field {
        "-" => Ok(None),
        _ => by_name(field).map(Some),
    }
}

/// The names of a table's column seen so far, so that a repeat is an error.
#[derive(Default)]
struct Seen<'a>(HashMap<&'a str, usize, WordHasher>);

impl<'a> Seen<'a> {
    fn add(&mut self, row: &Row, name: &'a str) -> Result<(), TableError> {
        match self.0.insert(name, row.line) {
            Some(first) => Err(row.error(format!("{name:?} is on line {first} already"))),
            None => Ok(()),
        }
    }

    fn add_all(&mut self, row: &Row, names: &[&'a str]) -> Result<(), TableError> {
        names.iter().try_for_each(|n| self.add(row, n))
    }
}

/// The country codes and capitals of `countries.tsv`, for the other tables.
#[derive(Default)]
struct Countries<'a> {
    codes: HashSet<Iso>,
    /// (row, capital) of each capital.
    capitals: Vec<(Row<'a>, &'a str)>,
}

impl LexiconData {
    /// The built-in tables, parsed strictly.
    pub(crate) fn read_builtin() -> Result<LexiconData, TableError> {
        let mut data = LexiconData::default();
        let countries = data.read_countries(COUNTRIES)?;
        let codes = &countries.codes;
        let places = data.read_names("places.tsv", PLACES, codes)?;
        check_capitals(&countries, &places)?;
        data.read_names("actors.tsv", ACTORS, codes)?;
        data.read_names("titles.tsv", TITLES, codes)?;
        data.read_names("actor_nouns.tsv", ACTOR_NOUNS, codes)?;
        data.read_names("weapons.tsv", WEAPONS, codes)?;
        data.triggers = read_triggers(&TRIGGER_TABLES)?;
        data.common = read_common_words("common_words.txt", COMMON_WORDS)?;
        Ok(data)
    }

    /// `countries.tsv`: code, names, demonyms (or `-`), capitals.
    fn read_countries<'a>(&mut self, text: &'a str) -> Result<Countries<'a>, TableError> {
        let mut countries = Countries::default();
        let (mut seen_names, mut seen_demonyms) = (Seen::default(), Seen::default());
        for row in rows("countries.tsv", text) {
            let [code, names_field, demonyms, capitals] = row.fields::<4>()?;
            let code = row.check(iso(code))?;
            if !countries.codes.insert(code) {
                return Err(row.error(format!("{} twice", code.as_str())));
            }
            let country_names = row.check(names(names_field))?;
            seen_names.add_all(&row, &country_names)?;
            let demonyms = match demonyms {
                "-" => Vec::new(),
                _ => row.check(names(demonyms))?,
            };
            seen_demonyms.add_all(&row, &demonyms)?;
            let short: Arc<str> = Arc::from(country_names[0]);
            self.country_names.push((code, short.clone()));
            for n in country_names {
                self.add_name(n, Entry::Country { iso: Some(code) });
            }
            for n in demonyms {
                let (iso, country) = (Some(code), short.clone());
                self.add_name(n, Entry::Demonym { iso, country });
            }
            for n in row.check(names(capitals))? {
                self.add_name(n, Entry::Place { iso: Some(code) });
                self.capitals.push((code, n.to_string()));
                countries.capitals.push((row, n));
            }
        }
        Ok(countries)
    }

    /// A table whose first field holds names, each once in the table, and
    /// whose other fields say what [`name_entry`] makes of them: places,
    /// actors, titles, actor nouns or weapons. Returns the names.
    fn read_names<'a>(
        &mut self,
        table: &'static str,
        text: &'a str,
        countries: &HashSet<Iso>,
    ) -> Result<Seen<'a>, TableError> {
        // Places and actors have a code field more.
        let n = 2 + usize::from(matches!(table, "places.tsv" | "actors.tsv"));
        let mut seen = Seen::default();
        for row in rows(table, text) {
            let fields = row.fields_between(n, n)?;
            let entry = row.check(name_entry(table, &fields[1..], countries))?;
            let row_names = row.check(names(fields[0]))?;
            seen.add_all(&row, &row_names)?;
            for n in row_names {
                self.add_name(n, entry.clone());
            }
        }
        Ok(seen)
    }
}

/// What a row of a names table says of its names, from its fields after
/// them: `places.tsv` code (or `-`), type; `actors.tsv` code (or `-`),
/// sector; `titles.tsv` sector (`-`: honorifics and roles of any);
/// `actor_nouns.tsv` sector; `weapons.tsv` class.
fn name_entry(table: &str, fields: &[&str], countries: &HashSet<Iso>) -> Result<Entry, String> {
    let entry = match (table, fields) {
        ("places.tsv", &[code, place_type]) => {
            let iso = country_or_none(code, countries)?;
            one_of(place_type, PLACE_TYPES.iter())?;
            Entry::Place { iso }
        }
        ("actors.tsv", &[code, sector]) => Entry::Actor {
            iso: country_or_none(code, countries)?,
            sector: Some(by_name(sector)?),
        },
        ("titles.tsv", &[sector]) => Entry::Title {
            sector: sector_or_none(sector)?,
        },
        ("actor_nouns.tsv", &[sector]) => Entry::ActorNoun {
            sector: Some(by_name(sector)?),
        },
        ("weapons.tsv", &[class]) => Entry::Weapon {
            force: one_of(class, WEAPON_CLASSES.iter())? != "vehicle",
        },
        _ => return Err(format!("{table} is no table of names")),
    };
    Ok(entry)
}

/// Checks that each capital of `countries.tsv` is a place of `places.tsv`.
fn check_capitals(countries: &Countries, places: &Seen) -> Result<(), TableError> {
    for (row, capital) in &countries.capitals {
        if !places.0.contains_key(capital) {
            return Err(row.error(format!("the capital {capital:?} is not in places.tsv")));
        }
    }
    Ok(())
}

/// Reads trigger tables: kind, frame, forms, and on attack rows an optional
/// force. A form may have several rows in one table (several meanings:
/// "called"), never rows in two: a later table only adds words, so that
/// the generated table cannot change what a hand-written row says.
pub(super) fn read_triggers<'a>(
    tables: &[(&'static str, &'a str)],
) -> Result<Vec<(String, Trigger)>, TableError> {
    let mut out = Vec::new();
    let mut table_of: HashMap<&'a str, &'static str, WordHasher> = HashMap::default();
    for &(table, text) in tables {
        for row in rows(table, text) {
            let fields = row.fields_between(3, 4)?;
            let kind: EventType = row.check(by_name(fields[0]))?;
            let frame: Frame = row.check(by_name(fields[1]))?;
            let force = match fields.get(3) {
                None => Force::Ambiguous,
                Some(_) if kind != EventType::Attack => {
                    return Err(row.error(format!("a force on a {} row", fields[0])))
                }
                Some(force) => row.check(by_name(force))?,
            };
            for form in row.check(words(fields[2]))? {
                let first = *table_of.entry(form).or_insert(table);
                if first != table {
                    return Err(row.error(format!("{form:?} is in {first} already")));
                }
                out.push((form.to_string(), Trigger { kind, frame, force }));
            }
        }
    }
    Ok(out)
}

/// A list of lowercase words, several to a line, each once.
fn read_common_words(table: &'static str, text: &str) -> Result<Vec<String>, TableError> {
    let mut seen = Seen::default();
    for row in rows(table, text) {
        for word in row.text.split_whitespace() {
            if word.chars().any(|c| !c.is_ascii_lowercase()) {
                return Err(row.error(format!("{word:?} is not a lowercase word")));
            }
            seen.add(&row, word)?;
        }
    }
    Ok(seen.0.into_keys().map(str::to_string).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_tables_parse_strictly() {
        let data = LexiconData::read_builtin().unwrap_or_else(|e| panic!("{e}"));
        let has = |name: &str, entry: Entry| data.names.contains(&(name.to_string(), entry));
        let irq = Iso::new("IRQ");
        assert!(has("Iraq", Entry::Country { iso: irq }));
        assert!(has("Baghdad", Entry::Place { iso: irq }));
        let sector = Some(Sector::Military);
        assert!(has("Gen.", Entry::Title { sector }));
        assert!(has("truck", Entry::Weapon { force: false }));
        assert!(data.common.iter().any(|w| w == "the"));
        // A demonym column of `-` is no name.
        assert!(!data.names.iter().any(|(n, _)| n == "-"));
    }

    #[test]
    fn the_hand_written_name_tables_say_where_they_come_from() {
        let header = "# generated by hand from general knowledge; format:";
        let tables = [COUNTRIES, PLACES, ACTORS, TITLES, ACTOR_NOUNS, WEAPONS];
        for text in tables {
            let first = text.lines().next().unwrap_or("");
            assert!(first.starts_with(header), "{first}");
            assert!(text.ends_with('\n'), "{first}");
        }
    }

    #[test]
    fn the_trigger_tables_parse_strictly() {
        let all = read_triggers(&TRIGGER_TABLES).unwrap_or_else(|e| panic!("{e}"));
        let hand = read_triggers(&TRIGGER_TABLES[..1]).unwrap_or_else(|e| panic!("{e}"));
        assert!(all.len() > hand.len(), "the WordNet table adds no form");
        let meaning = |w: &str| all.iter().find(|(f, _)| f == w).map(|(_, t)| t.clone());
        let t = meaning("lambasted").expect("a WordNet statement verb");
        assert_eq!((t.kind, t.frame), (EventType::Statement, Frame::Object));
        let t = meaning("knifed").expect("a WordNet attack verb");
        assert_eq!((t.kind, t.force), (EventType::Attack, Force::Itself));
    }

    /// The message of the error `result` holds, which must be on line `line`.
    fn error_on<T: fmt::Debug>(result: Result<T, TableError>, line: usize) -> String {
        let e = result.expect_err("an error");
        assert_eq!(e.line, line, "{e}");
        e.to_string()
    }

    #[test]
    fn bad_trigger_rows_are_errors() {
        let one = |t: &'static str| read_triggers(&[("t.tsv", t)]);
        assert!(one("attack\tverb\tshelled\tforce\nattack\tnoun\tshelled").is_ok());
        let cases = [
            ("attack\tverb", "2 fields, expected 3 to 4"),
            ("attack\tverb\tshelled\tforce\textra", "5 fields"),
            ("statement\tsay\tsaid\tforce", "a force on a statement row"),
            ("attack\tverb\tshelled\tstrong", "unknown variant `strong`"),
            ("attack\tfly\tshelled", "unknown variant `fly`"),
            ("battle\tverb\tshelled", "unknown variant `battle`"),
            ("attack\tverb\tShelled", "not lowercase"),
            ("attack\tverb\tshelled|shelled", "twice in one row"),
            ("attack\tverb\t shelled", "padded"),
        ];
        for (row, message) in cases {
            let e = error_on(one(row), 1);
            assert!(e.starts_with("t.tsv, line 1: "), "{e}");
            assert!(e.contains(message), "{row:?}: {e}");
        }
    }

    #[test]
    fn a_form_in_two_trigger_tables_is_an_error() {
        let hand = ("triggers.tsv", "attack\tverb\tshelled|bombed\tforce");
        let more = ("more.tsv", "attack\tverb\tstrafed\tforce");
        assert!(read_triggers(&[hand, more]).is_ok());
        let twice = ("more.tsv", "# comment\n\nattack\tnoun\tstrafe|bombed");
        let e = error_on(read_triggers(&[hand, twice]), 3);
        assert!(e.starts_with("more.tsv") && e.contains("bombed"), "{e}");
    }

    /// The error `text` as `table` gives, read after a one-country
    /// `countries.tsv` (IRQ, capital Baghdad).
    fn name_table_error(table: &str, text: &'static str) -> String {
        let mut data = LexiconData::default();
        let codes: HashSet<Iso> = Iso::new("IRQ").into_iter().collect();
        let result = match table {
            "countries" => data.read_countries(text).map(|_| ()),
            "common" => read_common_words("common.txt", text).map(|_| ()),
            _ => (data.read_names(format!("{table}.tsv").leak(), text, &codes)).map(|_| ()),
        };
        error_on(result, 2)
    }

    /// (table, text, what its error says): each error on line 2.
    const BAD_NAME_ROWS: &[(&str, &str, &str)] = &[
        (
            "countries",
            "IRQ\tIraq\tIraqi\tBaghdad\nIQ\tIraq\tIraqi\tBaghdad",
            "alpha-3",
        ),
        (
            "countries",
            "IRQ\tIraq\tIraqi\tBaghdad\nIRQ\tIrak\t-\tBaghdad",
            "IRQ twice",
        ),
        (
            "countries",
            "IRQ\tIraq\t-\tBaghdad\nIRN\tIran|Iraq\t-\tTehran",
            "line 1 already",
        ),
        (
            "countries",
            "IRQ\tIraq\t-\tBaghdad\nIRN\tIran\t-",
            "3 fields, expected 4",
        ),
        (
            "places",
            "Basra\tIRQ\tcity\nMosul\tSYR\tcity",
            "not a code of countries.tsv",
        ),
        (
            "places",
            "Basra\tIRQ\tcity\nMosul\tIRQ\tvillage",
            "\"village\" is not one of",
        ),
        (
            "places",
            "Basra\tIRQ\tcity\nBasra|Basrah\tIRQ\tcity",
            "\"Basra\" is on line 1",
        ),
        (
            "places",
            "Basra\tIRQ\tcity\nMosul||Mossul\tIRQ\tcity",
            "bad name \"\"",
        ),
        ("places", "Basra\tIRQ\tcity\nMosul\tIRQ\tcity\t", "4 fields"),
        (
            "actors",
            "Army\tIRQ\tmilitary\nGroup\t-\tgang",
            "unknown variant `gang`",
        ),
        (
            "actors",
            "Army\tIRQ\tmilitary\nGroup\t-\t-",
            "unknown variant `-`",
        ),
        (
            "actors",
            "Army\tIRQ\tmilitary\nKata'ib\tIRQ\tarmed_group",
            "curly apostrophe",
        ),
        (
            "titles",
            "General\tmilitary\nGen.\tmilitary|police",
            "unknown variant",
        ),
        ("titles", "General\tmilitary\nGen. \tmilitary", "padded"),
        (
            "actor_nouns",
            "gunmen\tarmed_group\nsoldiers\t-",
            "unknown variant `-`",
        ),
        (
            "weapons",
            "rifle\tfirearm\ntank\tarmour",
            "\"armour\" is not one of",
        ),
        (
            "weapons",
            "rifle\tfirearm\nrifle|rifles\tfirearm",
            "on line 1 already",
        ),
        ("common", "the of\nto The", "not a lowercase word"),
        ("common", "the of\nto the", "\"the\" is on line 1"),
    ];

    #[test]
    fn bad_name_rows_are_errors() {
        for &(table, text, message) in BAD_NAME_ROWS {
            let e = name_table_error(table, text);
            assert!(e.contains(message), "{table} {text:?}: {e}");
        }
    }

    #[test]
    fn a_capital_must_be_a_place() {
        let mut data = LexiconData::default();
        let countries = data.read_countries("IRQ\tIraq\tIraqi\tBaghdad").unwrap();
        let places = data
            .read_names("places.tsv", "Baghdad\tIRQ\tcity", &countries.codes)
            .unwrap();
        assert!(check_capitals(&countries, &places).is_ok());
        let places = data
            .read_names("places.tsv", "Basra\tIRQ\tcity", &countries.codes)
            .unwrap();
        let e = check_capitals(&countries, &places).unwrap_err();
        assert_eq!(
            e.to_string(),
            "countries.tsv, line 1: the capital \"Baghdad\" is not in places.tsv"
        );
    }
}
