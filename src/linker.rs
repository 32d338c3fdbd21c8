//! [`EventLinker`]: the records of many documents joined into the events
//! they report, on a stream, with memory bounded by a window of days.

use crate::event::{Event, EventType, Mention};
use crate::lexicon::LexiconData;
use crate::link::{conflict, last_word, name, same_in, words_among, Party, Profile};
use crate::rules::RuleId;
use crate::words::lists::link::PERSONAL_PRONOUNS;
use crate::words::plural;
use chrono::NaiveDate;
use once_cell::sync::Lazy;
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
/// - the parties agree: the same attacker and target (or place), or the
///   same target at the same place on the same resolved day when an
///   attacker is not yet known; the same visitor and destination, or the
///   visitor on the same resolved day, and two tours by one visitor are
///   one tour even when only one names where; two participants of a call
///   on the same resolved day; names match by canonical name, country or
///   their words, and no attacker, visitor, destination, weapon or speaker
///   names another;
/// - a statement is the same named speaker's (not a pronoun's, a title's
///   or a country's) on the same resolved day, and when both tell what
///   was said, they share a word of it;
/// - no resolved day differs, and a place named by both is the same place.
///
/// A series of attacks ("the attacks on Ruritanian forces") joins only a
/// series, never one of its attacks, and by what a series keeps over weeks
/// rather than by its days or weapons: the same target, by name or by
/// country ("Ruritanian bases" and "Ruritania's troops"), in the same
/// place, and attackers that name no two different groups or countries (a
/// series is often blamed on someone's proxies in one article and named
/// by its fighters' own name in the next). As a series goes on for
/// months, it is linked only when it is placed in time: both documents
/// have a day, or they report another event in common.
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
    /// How many documents were linked: the number of the next.
    documents: u64,
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
    /// The numbers of the last documents that reported it, in the order
    /// linked.
    documents: Vec<u64>,
}

impl Known {
    /// The event of `records` (one document's), first reported in
    /// `document`.
    fn new(records: &[&Event], day: Option<NaiveDate>, document: u64) -> Known {
        Known {
            id: records.first().map(|e| e.event.clone()).unwrap_or_default(),
            day,
            records: (records.iter().take(RECORDS_PER_EVENT))
                .map(|&e| e.clone())
                .collect(),
            documents: vec![document],
        }
    }

    /// Adds the records of `document` that report this event; returns
    /// its id.
    fn add(&mut self, records: &[&Event], document: u64) -> String {
        let room = RECORDS_PER_EVENT.saturating_sub(self.records.len());
        (self.records).extend(records.iter().take(room).map(|&e| e.clone()));
        if !self.documents.contains(&document) {
            if self.documents.len() == DOCUMENTS_PER_EVENT {
                self.documents.remove(0);
            }
            self.documents.push(document);
        }
        self.id.clone()
    }
}

/// A document's records grouped by event id (a record without one is an
/// event of its own), each group with whether it is a series; the series
/// come last, for the documents this one shares a single event with tell
/// that it was written at the same time.
fn groups(events: &[Event]) -> Vec<(bool, Vec<usize>)> {
    let mut groups: Vec<(&str, Vec<usize>)> = Vec::new();
    for (i, e) in events.iter().enumerate() {
        match (groups.iter_mut()).find(|(id, _)| !id.is_empty() && *id == e.event) {
            Some((_, members)) => members.push(i),
            None => groups.push((&e.event, vec![i])),
        }
    }
    let mut groups: Vec<(bool, Vec<usize>)> = (groups.into_iter())
        .map(|(_, members)| (members.iter().any(|&i| is_series(&events[i])), members))
        .collect();
    groups.sort_by_key(|&(series, _)| series);
    groups
}

/// Records kept per known event: enough to compare parties.
const RECORDS_PER_EVENT: usize = 8;

/// Documents remembered per known event, for placing a series in time.
const DOCUMENTS_PER_EVENT: usize = 8;

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
            documents: 0,
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
        let document = self.documents;
        self.documents += 1;
        // The earlier documents that report a single event of this one.
        let mut companions: Vec<u64> = Vec::new();
        // This document's own events join only earlier documents' events.
        let mut new_events: Vec<(Vec<Key>, Known)> = Vec::new();
        for (series, members) in groups(events) {
            let records: Vec<&Event> = members.iter().map(|&i| &events[i]).collect();
            let profiles: Vec<Profile<'_>> = records.iter().map(|&e| Profile::new(e)).collect();
            let day = profiles.iter().find_map(|e| e.day).or(published);
            let group_keys = keys(&profiles);
            let found = self.candidates(&group_keys).into_iter().find(|&seq| {
                let k = &self.recent[(seq - self.first_seq) as usize];
                // A series lasts: without both days, only a document that
                // shares an event with this one places it in time.
                let dated = k.day.is_some() && day.is_some()
                    || k.documents.iter().any(|d| companions.contains(d));
                self.in_window(k.day, day)
                    && (!series || dated)
                    && same_event(&k.records, &profiles)
            });
            let id = match found {
                Some(seq) => {
                    self.add_keys(&group_keys, seq);
                    let known = &mut self.recent[(seq - self.first_seq) as usize];
                    if !series {
                        companions.extend(known.documents.iter().copied());
                    }
                    known.add(&records, document)
                }
                None => {
                    let known = Known::new(&records, day, document);
                    let id = known.id.clone();
                    new_events.push((group_keys, known));
                    id
                }
            };
            for &i in &members {
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
/// same resolved day, with that day (none without one). An attack is also
/// found by each resolved day and word of its place, and a series by the
/// country of its target.
fn keys(records: &[Profile<'_>]) -> Vec<Key> {
    let Some(first) = records.first() else {
        return Vec::new();
    };
    let kind = first.kind;
    let resolved = records.iter().filter_map(|e| e.day);
    let (role, days): (&str, Vec<Option<NaiveDate>>) = match kind {
        EventType::Attack => ("attacker", vec![None]),
        EventType::Visit => ("visitor", vec![None]),
        EventType::Call => ("participant", resolved.clone().map(Some).collect()),
        EventType::Statement => ("speaker", resolved.clone().map(Some).collect()),
    };
    let mut keys: Vec<Key> = Vec::new();
    let mut add = |key: Key| {
        if !keys.contains(&key) {
            keys.push(key);
        }
    };
    if kind == EventType::Attack {
        // A series is found by its target's country: its attackers are
        // named too differently to find it by them.
        if records.iter().any(|e| is_series(e.event)) {
            for country in parties(records, "target").filter_map(|p| country_of(p.mention)) {
                add((kind, None, format!("*{country}")));
            }
        }
        // An attack whose attacker is not yet known, by its day and place.
        for day in resolved {
            for p in parties(records, "location") {
                for word in p.words() {
                    add((kind, Some(day), format!("@{}", word.to_lowercase())));
                }
            }
        }
    }
    for p in parties(records, role) {
        let country = p.mention.country.as_ref().map(|c| format!("#{c}"));
        let lowercase = p.words().iter().map(|w| w.to_lowercase());
        for word in lowercase.chain(country) {
            for &day in &days {
                add((kind, day, word.clone()));
            }
        }
    }
    keys
}

/// True when the records of two documents report one happening: see
/// [`EventLinker`]. Both are of one kind: they share a key.
fn same_event(known: &[Event], new: &[Profile<'_>]) -> bool {
    let known: Vec<Profile<'_>> = known.iter().map(Profile::new).collect();
    let Some(n) = new.first() else {
        return false;
    };
    let series = |side: &[Profile<'_>]| side.iter().any(|e| is_series(e.event));
    // A series lasts over many days: its dates are no conflict.
    let agree = || !new.iter().any(|e| conflict(known.iter(), e));
    let shared = |role: &'static str| shares(&known, new, role);
    let same_day = || share_a_day(&known, new);
    match n.kind {
        // A series is not one of its attacks.
        EventType::Attack => match (series(&known), series(new)) {
            (true, true) => same_series(&known, new),
            (false, false) => agree() && same_attack(&known, new),
            _ => false,
        },
        // Where a tour went is told by its stops, which one article may
        // name and another not: one visitor's tours of a week are one; a
        // visit told without its place is the visitor's visit of that day.
        EventType::Visit => {
            agree() && shared("visitor") && (shared("destination") || n.tour || same_day())
        }
        // The same leaders call and speak often: the day must be known.
        EventType::Call => agree() && same_day() && distinct_participants(&known, new) >= 2,
        EventType::Statement => {
            agree()
                && same_day()
                && shares_named_speaker(&known, new)
                && contents_agree(&known, new)
        }
    }
}

/// The `role` parties named by the records of one side.
fn parties<'a, 'e>(
    side: &'a [Profile<'e>],
    role: &'static str,
) -> impl Iterator<Item = &'a Party<'e>> + Clone {
    side.iter().flat_map(move |e| e.of(role))
}

/// True when the two sides have a speaker named alike: by a name, not a
/// country (a newspaper does not speak for its government), a pronoun
/// or a title ("the spokesman", "the prime minister" of whom?).
fn shares_named_speaker(known: &[Profile<'_>], new: &[Profile<'_>]) -> bool {
    let named = |p: &&Party<'_>| {
        let n = name(p.mention);
        n.starts_with(char::is_uppercase) && !PERSONAL_PRONOUNS.contains(&n.to_lowercase())
    };
    let theirs: Vec<&Party<'_>> = parties(known, "speaker").filter(named).collect();
    parties(new, "speaker")
        .filter(named)
        .any(|a| theirs.iter().any(|b| words_among(a.words(), b.words())))
}

/// True unless both sides tell what was said and share no word of it
/// (six letters at least): one speaker says several things a day.
fn contents_agree(known: &[Profile<'_>], new: &[Profile<'_>]) -> bool {
    fn long_words(side: &[Profile<'_>]) -> Vec<String> {
        let contents = parties(side, "content");
        let words = contents.flat_map(|p| p.mention.text.split(|c: char| !c.is_alphanumeric()));
        let long = words.filter(|w| w.chars().count() >= 6);
        long.map(str::to_lowercase).collect()
    }
    let (theirs, ours) = (long_words(known), long_words(new));
    let told = |side: &[Profile<'_>]| parties(side, "content").next().is_some();
    !(told(known) && told(new)) || ours.iter().any(|w| theirs.contains(w))
}

/// True when a resolved day of `new` is one of `known`'s.
fn share_a_day(known: &[Profile<'_>], new: &[Profile<'_>]) -> bool {
    let mut days = new.iter().filter_map(|e| e.day);
    days.any(|d| known.iter().any(|m| m.day == Some(d)))
}

/// True when one of `new`'s `role` parties is one of `known`'s.
fn shares(known: &[Profile<'_>], new: &[Profile<'_>], role: &'static str) -> bool {
    new.iter().any(|e| known.iter().any(|m| e.shares(m, role)))
}

/// True when two single attacks that do not conflict are one: a place
/// named by both is the same place, and the attacker is shared with the
/// target or the place; or, as an attacker is often not yet known, the
/// same target was hit at the same place on the same resolved day.
fn same_attack(known: &[Profile<'_>], new: &[Profile<'_>]) -> bool {
    let shared = |role: &'static str| shares(known, new, role);
    let named = |side: &[Profile<'_>]| side.iter().any(|e| e.has("location"));
    let other_place = named(known) && named(new) && !shared("location");
    let by_attacker = shared("attacker") && (shared("target") || shared("location"));
    let by_day =
        shared("location") && shares_target_strictly(known, new) && share_a_day(known, new);
    !other_place && (by_attacker || by_day)
}

/// True when two series of attacks are one: see [`EventLinker`].
fn same_series(known: &[Profile<'_>], new: &[Profile<'_>]) -> bool {
    new.iter().all(|e| known.iter().all(|m| m.class == e.class))
        && shares(known, new, "location")
        && shares_target_strictly(known, new)
        && !attackers_clash(known, new)
}

/// True when the two sides name one target, more strictly than within an
/// article, where "the troops" are the troops told before: of one country
/// and of no two different sectors ("Ruritanian bases", "Ruritania's
/// troops"; not its troops and its civilians, nor another country's
/// troops), or, without countries, all the words of one name among the
/// other's ("the army" and "an army convoy", not "a police convoy").
fn shares_target_strictly(known: &[Profile<'_>], new: &[Profile<'_>]) -> bool {
    parties(new, "target").any(|p| {
        parties(known, "target").any(|q| {
            let (a, b) = (p.mention, q.mention);
            match (country_of(a), country_of(b)) {
                (Some(x), Some(y)) => {
                    x == y && (a.sector.is_none() || b.sector.is_none() || a.sector == b.sector)
                }
                _ => words_among(p.words(), q.words()),
            }
        })
    })
}

/// True when both sides name an attacker by a known name or a country
/// and none of one side is one of the other's: "Ruritanian soldiers" are
/// not "Velnian soldiers", while "gunmen" or "a neighbour's proxies" can
/// be anyone's.
fn attackers_clash(known: &[Profile<'_>], new: &[Profile<'_>]) -> bool {
    fn identified<'e>(side: &[Profile<'e>]) -> Vec<&'e Mention> {
        let attackers = parties(side, "attacker").map(|p| p.mention);
        attackers
            .filter(|m| m.country.is_some() || m.canonical.is_some())
            .collect()
    }
    let (theirs, ours) = (identified(known), identified(new));
    let same = |a: &Mention, b: &Mention| match (&a.canonical, &b.canonical) {
        (Some(x), Some(y)) => x.eq_ignore_ascii_case(y),
        _ => a.country.is_some() && a.country == b.country,
    };
    !theirs.is_empty()
        && !ours.is_empty()
        && !ours.iter().any(|a| theirs.iter().any(|b| same(a, b)))
}

/// True when a record tells of a series of attacks rather than one: an
/// attack noun in the plural ("the attacks on", "airstrikes by").
fn is_series(e: &Event) -> bool {
    let noun = e.kind.event_type() == EventType::Attack
        && matches!(
            e.rule.0,
            RuleId::AttackNominal
                | RuleId::AttackPossessive
                | RuleId::AttackModifierAttacker
                | RuleId::AttackLightVerbSubject
                | RuleId::AttackByAgent
                | RuleId::AttackClaimed
                | RuleId::AttackBlamedFor
                | RuleId::AttackBehind
                | RuleId::AttackCounted
                | RuleId::AttackBackref
        );
    noun && plural(last_word(&e.trigger.text))
}

/// The country of a party: the one it was given, or the country or
/// demonym its name opens with ("American bases"). A compound such as
/// "Ruritanian-backed" opens with no demonym, as a proxy is not of the
/// country that backs it.
fn country_of(m: &Mention) -> Option<&str> {
    static COUNTRY_WORDS: Lazy<HashMap<String, String>> = Lazy::new(|| {
        let data = LexiconData::builtin();
        let words = data.country_words();
        words
            .map(|(w, iso)| (w.to_string(), iso.as_str().to_string()))
            .collect()
    });
    if let Some(c) = m.country.as_deref() {
        return Some(c);
    }
    let text = m.text.trim();
    let text = (text
        .strip_prefix("the ")
        .or_else(|| text.strip_prefix("The ")))
    .unwrap_or(text);
    let ends = text.match_indices(' ').map(|(i, _)| i);
    ends.chain(std::iter::once(text.len()))
        .take(3)
        .find_map(|end| {
            let lead = text.get(..end)?;
            let lead =
                (lead.strip_suffix("'s").or_else(|| lead.strip_suffix("’s"))).unwrap_or(lead);
            COUNTRY_WORDS.get(lead).map(String::as_str)
        })
}

/// How many parties of a new call are parties of the known one, each
/// counted once.
fn distinct_participants(known: &[Profile<'_>], new: &[Profile<'_>]) -> usize {
    let theirs: Vec<&Party<'_>> = parties(known, "participant").collect();
    let mut ours: Vec<&Party<'_>> = Vec::new();
    for p in parties(new, "participant") {
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
    use crate::document::Span;
    use crate::event::{EventType, Mention};
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

    /// The event id of each document's first record of `kind` (empty
    /// without one), the documents linked in order by a new linker: (text,
    /// day of publication in March 2024 if known).
    fn ids_of(kind: EventType, docs: &[(&str, Option<u32>)]) -> Vec<String> {
        let extractor = Extractor::new();
        let mut linker = EventLinker::new();
        let mut ids = Vec::new();
        for (i, (text, day)) in docs.iter().enumerate() {
            let published = day.and_then(|d| NaiveDate::from_ymd_opt(2024, 3, d));
            let doc = Document::new(format!("d{i}"), text).with_published(published);
            let mut events = extractor.extract(&doc);
            linker.link(published, &mut events);
            let first = events.iter().find(|e| e.kind.event_type() == kind);
            ids.push(first.map(|e| e.event.clone()).unwrap_or_default());
        }
        ids
    }

    #[test]
    fn a_series_joins_the_series_told_at_the_same_time() {
        // Another attacker's name, the target by another word of its
        // country: published the same week, one series.
        let series = [
            "The attacks on Kenyan troops in Somalia continued, officials said.",
            "Al-Shabaab fighters have stepped up attacks on Kenyan bases in Somalia.",
        ];
        let dated = series.map(|t| (t, Some(5)));
        assert_eq!(ids_of(EventType::Attack, &dated), ["d0#0", "d0#0"]);
        // Without publication dates a series could be of any year...
        let undated = series.map(|t| (t, None));
        assert_eq!(ids_of(EventType::Attack, &undated), ["d0#0", "d1#0"]);
        // ... unless the two articles report one event besides it.
        let visit = "Ana Ruiz visited Nairobi on Monday.";
        let undated = [
            format!("{visit} {}", series[0]),
            format!("{visit} {}", series[1]),
        ];
        let undated = [(undated[0].as_str(), None), (undated[1].as_str(), None)];
        assert_eq!(ids_of(EventType::Attack, &undated), ["d0#1", "d0#1"]);
    }

    #[test]
    fn a_series_is_not_one_of_its_attacks_nor_another_series() {
        let series = "Militants have stepped up attacks on Kenyan troops in Somalia.";
        let others = [
            // One attack of the series.
            "Gunmen attacked a Kenyan base in Somalia on Tuesday.",
            // Another place, another target country, another sector.
            "Militants have stepped up attacks on Kenyan troops in Ethiopia.",
            "Militants have stepped up attacks on Ugandan troops in Somalia.",
            "Militants have stepped up attacks on Kenyan civilians in Somalia.",
        ];
        for other in others {
            let docs = [(series, Some(5)), (other, Some(5))];
            assert_eq!(
                ids_of(EventType::Attack, &docs),
                ["d0#0", "d1#0"],
                "{other}"
            );
        }
        // Attackers of two named countries are two series; a description
        // ("militants") can be anyone's.
        let docs = [
            (
                "Ethiopian soldiers have carried out attacks on Kenyan troops in Somalia.",
                Some(5),
            ),
            (
                "Eritrean soldiers have carried out attacks on Kenyan troops in Somalia.",
                Some(5),
            ),
            (series, Some(5)),
        ];
        assert_eq!(ids_of(EventType::Attack, &docs), ["d0#0", "d1#0", "d0#0"]);
    }

    #[test]
    fn the_same_target_hit_at_one_place_on_one_day_is_one_attack() {
        let known = "Rebels attacked an army convoy near Goma on Tuesday.";
        let told = |other: &'static str| {
            let docs = [(known, Some(7)), (other, Some(7))];
            ids_of(EventType::Attack, &docs)
        };
        // The attacker is not yet known in one article.
        let same = told("An army convoy was attacked near Goma on Tuesday.");
        assert_eq!(same, ["d0#0", "d0#0"]);
        // Another day, another target, another place.
        for other in [
            "An army convoy was attacked near Goma on Wednesday.",
            "A police convoy was ambushed near Goma on Tuesday.",
            "A market was shelled near Goma on Tuesday.",
            "An army convoy was attacked near Bukavu on Tuesday.",
        ] {
            assert_eq!(told(other), ["d0#0", "d1#0"], "{other}");
        }
    }

    #[test]
    fn a_visitors_visit_of_one_day_is_one_even_without_its_place() {
        let known = "Ana Ruiz visited Nairobi on Monday.";
        let told = |other: &'static str| {
            let docs = [(known, Some(7)), (other, Some(7))];
            ids_of(EventType::Visit, &docs)
        };
        let same = told("Ana Ruiz's visit on Monday was brief, officials said.");
        assert_eq!(same, ["d0#0", "d0#0"]);
        let other = told("Ana Ruiz's visit on Tuesday was brief, officials said.");
        assert_eq!(other, ["d0#0", "d1#0"]);
    }

    #[test]
    fn a_statement_is_one_named_speakers_words_of_one_day() {
        let told = |known: &'static str, other: &'static str| {
            let docs = [(known, Some(7)), (other, Some(7))];
            ids_of(EventType::Statement, &docs)
        };
        let known = "Ana Ruiz said on Monday that the border would reopen.";
        let same = told(
            known,
            "Ruiz said on Monday the border with Uganda would reopen soon.",
        );
        assert_eq!(same, ["d0#0", "d0#0"]);
        // One speaker says several things a day.
        let other = told(known, "Ana Ruiz said on Monday that taxes would rise.");
        assert_eq!(other, ["d0#0", "d1#0"]);
        // A pronoun or a title names no one across articles.
        for unnamed in [
            "It said on Monday that the border would reopen.",
            "The spokesman said on Monday that the border would reopen.",
        ] {
            assert_eq!(told(unnamed, unnamed), ["d0#0", "d1#0"], "{unnamed}");
        }
    }

    #[test]
    fn a_party_is_of_the_country_its_name_opens_with() {
        let country = |text: &str| {
            let m = Mention::from_span(text, Span::new(0, text.len()));
            super::country_of(&m).map(str::to_string)
        };
        assert_eq!(country("American bases").as_deref(), Some("USA"));
        assert_eq!(country("the United States embassy").as_deref(), Some("USA"));
        assert_eq!(country("Kenya's troops").as_deref(), Some("KEN"));
        // A proxy is not of the country that backs it.
        assert_eq!(country("Kenyan-backed militias"), None);
        assert_eq!(country("bases of the army"), None);
    }

    #[test]
    fn a_visitors_tour_is_one_whether_or_not_its_places_are_told() {
        let tour = "President Leo Mbeki began a regional tour of West Africa on Monday.";
        let docs = [
            (tour, Some(4)),
            (
                "Leo Mbeki's tour ended with a summit, his office said.",
                Some(6),
            ),
        ];
        assert_eq!(ids_of(EventType::Visit, &docs), ["d0#0", "d0#0"]);
        // A visit is not the tour, and without its place not a visit told
        // before either.
        let docs = [
            (tour, Some(4)),
            (
                "Leo Mbeki's visit ended with a summit, his office said.",
                Some(6),
            ),
        ];
        assert_eq!(ids_of(EventType::Visit, &docs), ["d0#0", "d1#0"]);
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
