//! [`EventLinker`]: the records of many documents joined into the events
//! they report, on a stream, with memory bounded by a window of days.

use crate::event::{Event, EventType};
use crate::link::{conflict, name, same_in, words, Party, Profile};
use chrono::NaiveDate;
use std::collections::{HashMap, VecDeque};

/// Joins the records of many documents that report the same happening,
/// by giving them one [`Event::event`] id.
///
/// Feed it each document's events, as the extractor returns them (their ids
/// already join the records of one document), in publication order. An
/// event of a document takes the id of an earlier document's event when:
///
/// - the kind is the same, and so is the modality (a threat is not the
///   attack that came);
/// - the parties agree: the same attacker and target (or place), visitor
///   and destination, two participants of a call or a speaker on the same
///   resolved day; names match by canonical name, country or their words;
///   no attacker, visitor, destination, weapon or speaker names another;
/// - no resolved day differs, and a place named by both is the same place.
///
/// ```
/// use newsevents::{Document, EventLinker, Extractor, NaiveDate};
///
/// let day = NaiveDate::from_ymd_opt(2024, 3, 4).unwrap();
/// let extractor = Extractor::new();
/// let mut linker = EventLinker::new();
/// let a = Document::new("a", "Foreign Minister Ana Ruiz arrived in Nairobi on Monday.").published(day);
/// let b = Document::new("b", "Ana Ruiz visited Nairobi on Monday, officials said.").published(day);
/// let mut first = extractor.extract(&a);
/// let mut second = extractor.extract(&b);
/// linker.link(a.publication_date(), &mut first);
/// linker.link(b.publication_date(), &mut second);
/// assert_eq!(first[0].event, "a#0");
/// assert_eq!(second[0].event, "a#0");
/// ```
///
/// # Memory and scale
///
/// The linker keeps the events of the last [`EventLinker::window_days`]
/// days of publication (and at most [`EventLinker::max_events`] events):
/// an older event is forgotten, so memory does not grow with the stream.
/// Documents without a publication date fall back on the count alone.
///
/// A feed larger than one machine runs it partitioned by day under a
/// distributed engine (Spark, Flink): extract in parallel, key each
/// document's events by its publication day, and give each partition the
/// days it owns plus the window before them, in order; one linker per
/// partition then sees every earlier event an event can join. The ids of a
/// partition's overlap days are joined to the previous partition's by the
/// id an event takes (a union-find over ids in a final pass).
#[derive(Debug, Clone)]
pub struct EventLinker {
    window_days: u32,
    max_events: usize,
    /// Known events, oldest first; the first has number `first_seq`.
    recent: VecDeque<Known>,
    first_seq: u64,
    /// The numbers of the known events under each of their keys (see
    /// [`keys`]); numbers below `first_seq` are forgotten events, dropped
    /// when met and in a sweep once as many events were forgotten as kept.
    index: HashMap<Key, Vec<u64>>,
    forgotten: usize,
    /// The latest publication or event day seen.
    newest: Option<NaiveDate>,
}

/// What an event is found by: its kind, the day a call or statement must
/// share, and a word or country of its key party.
type Key = (EventType, Option<NaiveDate>, String);

/// An event of an earlier document that a new one can join.
#[derive(Debug, Clone)]
struct Known {
    id: String,
    /// Its day, resolved or of publication, for forgetting it.
    day: Option<NaiveDate>,
    /// Some of its records, for the party checks.
    records: Vec<Event>,
}

/// Records kept per known event: enough to compare parties.
const RECORDS_PER_EVENT: usize = 8;

impl Default for EventLinker {
    fn default() -> Self {
        EventLinker::new()
    }
}

impl EventLinker {
    /// A linker with a window of 7 days and at most 100,000 events kept.
    pub fn new() -> EventLinker {
        EventLinker {
            window_days: 7,
            max_events: 100_000,
            recent: VecDeque::new(),
            first_seq: 0,
            index: HashMap::new(),
            forgotten: 0,
            newest: None,
        }
    }

    /// How many days of events are kept (builder style): an event can
    /// join one this many days older at most.
    pub fn window_days(mut self, days: u32) -> EventLinker {
        self.window_days = days;
        self
    }

    /// How many events are kept at most (builder style), whatever their
    /// days.
    pub fn max_events(mut self, count: usize) -> EventLinker {
        self.max_events = count.max(1);
        self
    }

    /// Links one document's events to the earlier documents' events:
    /// records of an event reported before take its id. `published` is the
    /// document's publication date, if known. A record without an id
    /// (built by hand) is an event of its own.
    pub fn link(&mut self, published: Option<NaiveDate>, events: &mut [Event]) {
        // The document's events: the indices of the records of each id.
        let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
        for (i, e) in events.iter().enumerate() {
            match groups
                .iter_mut()
                .find(|(id, _)| !id.is_empty() && *id == e.event)
            {
                Some((_, members)) => members.push(i),
                None => groups.push((e.event.clone(), vec![i])),
            }
        }
        // This document's own events join only earlier documents' events.
        let mut new_events: Vec<(Vec<Key>, Known)> = Vec::new();
        for (_, members) in &groups {
            let records: Vec<&Event> = members.iter().map(|&i| &events[i]).collect();
            let day = records
                .iter()
                .find_map(|e| e.date.as_ref().and_then(|d| d.value))
                .or(published);
            let group_keys = keys(&records);
            let found = self.candidates(&group_keys).into_iter().find(|&seq| {
                let k = &self.recent[(seq - self.first_seq) as usize];
                self.in_window(k.day, day) && same_event(&k.records, &records)
            });
            let id = match found {
                Some(seq) => {
                    self.add_keys(&group_keys, seq);
                    let known = &mut self.recent[(seq - self.first_seq) as usize];
                    let room = RECORDS_PER_EVENT.saturating_sub(known.records.len());
                    known
                        .records
                        .extend(records.iter().take(room).map(|&e| e.clone()));
                    known.id.clone()
                }
                None => {
                    let id = records[0].event.clone();
                    let records = records.iter().take(RECORDS_PER_EVENT);
                    new_events.push((
                        group_keys,
                        Known {
                            id: id.clone(),
                            day,
                            records: records.map(|&e| e.clone()).collect(),
                        },
                    ));
                    id
                }
            };
            for &i in members {
                events[i].event.clone_from(&id);
            }
            self.newest = self.newest.max(day);
        }
        for (group_keys, known) in new_events {
            let seq = self.first_seq + self.recent.len() as u64;
            self.add_keys(&group_keys, seq);
            self.recent.push_back(known);
        }
        self.forget();
    }

    /// The known events filed under any of `keys`, oldest first.
    fn candidates(&mut self, keys: &[Key]) -> Vec<u64> {
        let first = self.first_seq;
        let mut found = Vec::new();
        for key in keys {
            if let Some(seqs) = self.index.get_mut(key) {
                seqs.retain(|&s| s >= first);
                found.extend_from_slice(seqs);
            }
        }
        found.sort_unstable();
        found.dedup();
        found
    }

    fn add_keys(&mut self, keys: &[Key], seq: u64) {
        for key in keys {
            let seqs = self.index.entry(key.clone()).or_default();
            if !seqs.contains(&seq) {
                seqs.push(seq);
            }
        }
    }

    /// True when an event of `known` day is close enough to one of `day`.
    fn in_window(&self, known: Option<NaiveDate>, day: Option<NaiveDate>) -> bool {
        match (known, day) {
            (Some(k), Some(d)) => (d - k).num_days().abs() <= i64::from(self.window_days),
            _ => true,
        }
    }

    /// Forgets the events older than the window, and the oldest beyond the
    /// count.
    fn forget(&mut self) {
        let window = chrono::Duration::days(i64::from(self.window_days));
        let oldest = self.newest.and_then(|d| d.checked_sub_signed(window));
        while self.recent.len() > self.max_events
            || (self.recent.front())
                .is_some_and(|k| matches!((k.day, oldest), (Some(d), Some(o)) if d < o))
        {
            self.recent.pop_front();
            self.first_seq += 1;
            self.forgotten += 1;
        }
        if self.forgotten > self.recent.len().max(1024) {
            let first = self.first_seq;
            self.index.retain(|_, seqs| {
                seqs.retain(|&s| s >= first);
                !seqs.is_empty()
            });
            self.forgotten = 0;
        }
    }
}

/// The keys an event is filed and looked up under: each word and the
/// country of its attacker, visitor, participants or speaker, for an
/// attack or a visit; for a call or a statement, which join only on the
/// same resolved day, with that day (none without one).
fn keys(records: &[&Event]) -> Vec<Key> {
    let Some(first) = records.first() else {
        return Vec::new();
    };
    let kind = first.kind.event_type();
    let (role, days): (&str, Vec<Option<NaiveDate>>) = match kind {
        EventType::Attack => ("attacker", vec![None]),
        EventType::Visit => ("visitor", vec![None]),
        EventType::Call | EventType::Statement => {
            let days = records.iter().filter_map(|e| e.date.as_ref()?.value);
            let role = if kind == EventType::Call {
                "participant"
            } else {
                "speaker"
            };
            (role, days.map(Some).collect())
        }
    };
    let mut keys: Vec<Key> = Vec::new();
    for (_, m) in records
        .iter()
        .flat_map(|e| e.roles())
        .filter(|(r, _)| *r == role)
    {
        let country = m.country.as_ref().map(|c| format!("#{c}"));
        let lowercase = words(name(m)).into_iter().map(str::to_lowercase);
        for word in lowercase.chain(country) {
            for &day in &days {
                let key = (kind, day, word.clone());
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
        }
    }
    keys
}

/// True when the records of two documents report one happening: see
/// [`EventLinker`].
fn same_event(known: &[Event], new: &[&Event]) -> bool {
    let known: Vec<Profile<'_>> = known.iter().map(Profile::new).collect();
    let new: Vec<Profile<'_>> = new.iter().map(|&e| Profile::new(e)).collect();
    let (Some(k), Some(n)) = (known.first(), new.first()) else {
        return false;
    };
    if k.kind() != n.kind() || new.iter().any(|e| conflict(known.iter(), e)) {
        return false;
    }
    let shared = |role: &'static str| new.iter().any(|e| known.iter().any(|m| e.shares(m, role)));
    let named = |side: &[Profile<'_>]| side.iter().any(|e| e.has("location"));
    // A place named by both must be the same place.
    let other_place = named(&known) && named(&new) && !shared("location");
    let same_day = new
        .iter()
        .filter_map(Profile::day)
        .any(|d| known.iter().any(|m| m.day() == Some(d)));
    match n.kind() {
        EventType::Attack => {
            !other_place && shared("attacker") && (shared("target") || shared("location"))
        }
        EventType::Visit => shared("visitor") && shared("destination"),
        // The same leaders call and speak often: the day must be known.
        EventType::Call => same_day && distinct_participants(&known, &new) >= 2,
        EventType::Statement => same_day && shared("speaker"),
    }
}

/// How many parties of a new call are parties of the known one, each
/// counted once.
fn distinct_participants(known: &[Profile<'_>], new: &[Profile<'_>]) -> usize {
    let theirs: Vec<&Party<'_>> = known.iter().flat_map(|e| e.of("participant")).collect();
    let mut ours: Vec<&Party<'_>> = Vec::new();
    for p in new.iter().flat_map(|e| e.of("participant")) {
        let same = |x: &&Party<'_>| same_in(p, x);
        if theirs.iter().any(same) && !ours.iter().any(same) {
            ours.push(p);
        }
    }
    ours.len()
}

#[cfg(test)]
mod tests {
    use super::EventLinker;
    use crate::document::Document;
    use crate::extractor::Extractor;
    use chrono::NaiveDate;

    /// The event id of each document's first record, the documents linked
    /// in order: (text, day of publication in March 2024).
    fn first_ids(linker: &mut EventLinker, docs: &[(&str, u32)]) -> Vec<String> {
        let extractor = Extractor::new();
        let mut ids = Vec::new();
        for (i, (text, day)) in docs.iter().enumerate() {
            let published = NaiveDate::from_ymd_opt(2024, 3, *day);
            let doc = Document::new(format!("d{i}"), text).with_published(published);
            let mut events = extractor.extract(&doc);
            linker.link(published, &mut events);
            ids.push(events.first().map(|e| e.event.clone()).unwrap_or_default());
        }
        ids
    }

    #[test]
    fn one_happening_in_several_articles_is_one_event() {
        let ids = first_ids(
            &mut EventLinker::new(),
            &[
                ("Rebels attacked an army convoy near Goma on Tuesday.", 6),
                (
                    "Rebels attacked an army convoy near Goma on Tuesday, officials said.",
                    7,
                ),
            ],
        );
        assert_eq!(ids, ["d0#0", "d0#0"]);
    }

    #[test]
    fn another_day_place_or_party_is_another_event() {
        let ids = first_ids(
            &mut EventLinker::new(),
            &[
                ("Ana Ruiz visited Nairobi on Monday.", 5),
                ("Ana Ruiz visited Nairobi on Thursday.", 8),
                ("Ana Ruiz visited Lima on Monday.", 5),
                ("Leo Mbeki visited Nairobi on Monday.", 5),
                // The same leaders call often: without a day, no link.
                ("Mbeki held a phone call with Sara Lind.", 5),
                ("Mbeki held a phone call with Sara Lind.", 6),
            ],
        );
        assert_eq!(ids, ["d0#0", "d1#0", "d2#0", "d3#0", "d4#0", "d5#0"]);
    }

    #[test]
    fn events_older_than_the_window_are_forgotten() {
        let mut linker = EventLinker::new().window_days(3);
        let text = "Ana Ruiz visited Nairobi, her office said.";
        let ids = first_ids(&mut linker, &[(text, 1), (text, 20)]);
        assert_eq!(ids, ["d0#0", "d1#0"]);
        assert!(linker
            .recent
            .iter()
            .all(|k| k.day >= NaiveDate::from_ymd_opt(2024, 3, 17)));

        let mut linker = EventLinker::new().max_events(2);
        let texts = [
            "Ana Ruiz visited Nairobi.",
            "Leo Mbeki visited Lima.",
            "Sara Lind visited Oslo.",
        ];
        first_ids(&mut linker, &texts.map(|t| (t, 1)));
        assert_eq!(linker.recent.len(), 2);
    }
}
