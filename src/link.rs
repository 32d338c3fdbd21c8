//! Mentions of one event joined within a document: every record gets the
//! id of the event it reports (`"<doc id>#<n>"`, n the index of the event's
//! first record).
//!
//! A record joins an earlier event of its kind when nothing conflicts (see
//! [`conflict`]: the modality, dates, a target's number, an attacker,
//! visitor, destination, weapon or speaker that name another party) and
//! something ties it to that event (see [`Bond`]): it is a back-reference
//! ("the strike"), it shares a party, a place or a weapon, it is a quote
//! told right after the same speaker's reported words, or it tells again
//! a headline's statement. Of several such events it joins the one told
//! last: a back-reference means the event the reader has just been told
//! of, and an article that turns from one attack to the attack it
//! answered tells the second's details after it names it. A record
//! strongly tied to two events that agree makes them one. Within an
//! article a date counts only when written next to its trigger (elsewhere
//! in the sentence it dates the telling) unless it is years away, and a
//! back-reference takes its event for granted whatever the modality of its
//! sentence.

use crate::coreference::same_party;
use crate::event::{Event, EventKind, EventType, Mention, Modality, Sector};
use crate::rules::RuleId;
use crate::words::lists::link::{DATE_PREPOSITIONS, NAME_STOP_WORDS, SAY_FORMS, TELL_FORMS, TOURS};
use crate::words::plural;
use chrono::{Datelike, NaiveDate};
use std::cell::OnceCell;

/// What records knew of a record when it was built, for linking.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Origin {
    /// The index of the event a back-reference took its parties from.
    pub refers_to: Option<usize>,
    /// True for a back-reference ("the attack", "this visit").
    pub backref: bool,
    /// Index of the record's sentence.
    pub sentence: usize,
    /// True when that sentence is the headline.
    pub headline: bool,
}

/// Sets the event id of every record of one document.
pub(crate) fn within_document(doc_id: &str, events: &mut [Event], origins: &[Origin]) {
    let profiles: Vec<Profile<'_>> = (events.iter().zip(origins))
        .map(|(e, &origin)| Profile::new(e).within_article(origin))
        .collect();
    let headline_statement =
        (profiles.iter()).any(|p| p.origin.headline && p.kind == EventType::Statement);
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    for (i, e) in profiles.iter().enumerate() {
        // A statement joins an earlier one only as its quote or as the
        // body's telling of a headline's (see `bond`).
        let may_join = e.kind != EventType::Statement
            || e.event.rule.0 == RuleId::StatementQuoteThenSpeaker
            || (headline_statement && !e.origin.headline);
        // The events it may join: of its kind, and nothing conflicts.
        let joinable = |c: &usize| {
            let members = &clusters[*c];
            may_join
                && members.first().is_some_and(|&f| profiles[f].kind == e.kind)
                && !conflict(members.iter().map(|&m| &profiles[m]), e)
        };
        let antecedent = (e.origin.refers_to)
            .and_then(|j| clusters.iter().position(|members| members.contains(&j)))
            .filter(joinable);
        // The events the record is tied to, with how.
        let tied: Vec<(usize, Bond)> = (0..clusters.len())
            .filter(joinable)
            .map(|c| (c, bond(&profiles, &clusters[c], e)))
            .filter(|&(_, bond)| bond > Bond::None)
            .collect();
        // The antecedent, else the event told last.
        let chosen = antecedent.or_else(|| {
            (tied.iter())
                .map(|&(c, _)| c)
                .max_by_key(|&c| clusters[c].last().copied())
        });
        let c = chosen.unwrap_or_else(|| {
            clusters.push(Vec::new());
            clusters.len() - 1
        });
        clusters[c].push(i);
        // A record tied to two events that agree in everything makes them
        // one: "a strike in Kidal" then "the army's strike", told apart
        // until "the army's strike on Kidal" names both.
        for (other, bond) in tied {
            let theirs = || clusters[c].iter().map(|&x| &profiles[x]);
            let agree = || (clusters[other].iter()).all(|&m| !conflict(theirs(), &profiles[m]));
            if other != c && bond == Bond::Strong && agree() {
                let moved = std::mem::take(&mut clusters[other]);
                clusters[c].extend(moved);
                clusters[c].sort_unstable();
            }
        }
    }
    for members in clusters {
        for &m in &members {
            events[m].event = format!("{doc_id}#{}", members[0]);
        }
    }
}

/// What linking compares of a record, read once.
pub(crate) struct Profile<'e> {
    pub event: &'e Event,
    pub kind: EventType,
    /// Modalities that can report the same event: what happened and what
    /// was planned of it, apart from threats and denials.
    pub class: u8,
    pub day: Option<NaiveDate>,
    /// The first and last day of a date that names a range ("in January").
    range: Option<(NaiveDate, NaiveDate)>,
    /// The first and last year of its date, wherever it is written.
    years: Option<(i32, i32)>,
    /// The words of a date that resolved to no day.
    day_words: Option<&'e str>,
    /// A tour, which is not one of its stops.
    pub tour: bool,
    parties: Vec<Party<'e>>,
    /// Where it was told, within one article.
    origin: Origin,
}

/// A party of a record: its role, its mention and the words of its name.
pub(crate) struct Party<'e> {
    role: &'static str,
    pub mention: &'e Mention,
    /// Read when first compared: most parties are never.
    words: OnceCell<Vec<&'e str>>,
}

impl<'e> Party<'e> {
    pub(crate) fn words(&self) -> &[&'e str] {
        self.words.get_or_init(|| words(name(self.mention)))
    }
}

impl<'e> Profile<'e> {
    pub(crate) fn new(event: &'e Event) -> Profile<'e> {
        let parties = (event.roles())
            .map(|(role, mention)| Party {
                role,
                mention,
                words: OnceCell::new(),
            })
            .collect();
        Profile {
            event,
            kind: event.kind.event_type(),
            class: match event.modality {
                Modality::Asserted | Modality::Planned => 0,
                Modality::Hypothetical => 1,
                Modality::Negated => 2,
            },
            day: event.date.as_ref().and_then(|d| d.value),
            range: event.date.as_ref().and_then(|d| d.range),
            years: event.date.as_ref().and_then(|d| {
                let (first, last) = d.range.or(d.value.map(|v| (v, v)))?;
                Some((first.year(), last.year()))
            }),
            day_words: day_words(event),
            tour: matches!(event.kind, EventKind::Visit(_))
                && TOURS.contains(last_word(&event.trigger.text)),
            parties,
            origin: Origin::default(),
        }
    }

    /// The profile of a record told at `origin` within one article. A date
    /// written far from the trigger is dropped: within one article that is
    /// the sentence's date ("officials said on Monday that the bombings
    /// ..."), not a sign of another event. Across articles every date is
    /// kept: there it is the best clue there is. A back-reference ("the
    /// strike") takes for granted that its event took place: the denial or
    /// doubt of its sentence is about something else ("did not explain how
    /// the strike was planned", "perhaps caused by the blast").
    fn within_article(mut self, origin: Origin) -> Self {
        let t = self.event.trigger.span;
        let distant = self
            .event
            .date
            .as_ref()
            .is_some_and(|d| crate::dating::gap(d.span, t) > NEAR_DATE);
        if distant {
            self.day = None;
            self.range = None;
            self.day_words = None;
        }
        if origin.backref {
            self.class = 0;
        }
        self.origin = origin;
        self
    }

    pub(crate) fn of(&self, role: &'static str) -> impl Iterator<Item = &Party<'e>> + Clone {
        self.parties.iter().filter(move |p| p.role == role)
    }

    pub(crate) fn has(&self, role: &'static str) -> bool {
        self.of(role).next().is_some()
    }

    /// Its location, and its target when that is a place rather than an
    /// actor (no sector).
    fn places(&self) -> impl Iterator<Item = &Party<'e>> {
        (self.parties.iter())
            .filter(|p| p.role == "location" || p.role == "target" && p.mention.sector.is_none())
    }

    /// True when one of its `role` parties is one of `other`'s.
    pub(crate) fn shares(&self, other: &Profile<'_>, role: &'static str) -> bool {
        self.of(role).any(|p| other.of(role).any(|q| same_in(p, q)))
    }
}

/// How far (bytes, about five words) from its trigger a date may be written
/// to count as the record's own within an article.
const NEAR_DATE: usize = 30;

/// True when record `e` cannot report the event of `members`: another
/// modality, a tour against a stop, dates that cannot be one day, a target
/// in the singular against the plural, or a party that names someone else.
pub(crate) fn conflict<'a, 'e: 'a, I>(members: I, e: &Profile<'_>) -> bool
where
    I: Iterator<Item = &'a Profile<'e>> + Clone,
{
    let mut all = members.clone();
    if all.any(|m| m.class != e.class || m.tour != e.tour) || dates_clash(members.clone(), e) {
        return true;
    }
    // "a strike on an American base" is not "the attacks on American
    // bases": one target noun in the singular and in the plural.
    let number_clash = |p: &Party<'_>, q: &Party<'_>| {
        let (a, b) = (last_word(name(p.mention)), last_word(name(q.mention)));
        plural(a) != plural(b)
            && p.words()
                .last()
                .zip(q.words().last())
                .is_some_and(|(x, y)| x.eq_ignore_ascii_case(y))
    };
    let targets = members.clone().flat_map(|m| m.of("target"));
    if e.kind == EventType::Attack
        && e.of("target")
            .any(|p| targets.clone().any(|q| number_clash(p, q)))
    {
        return true;
    }
    let roles: &[&'static str] = match e.kind {
        EventType::Attack => &["attacker", "weapon"],
        EventType::Visit => &["visitor", "destination"],
        EventType::Call => &["participant"],
        EventType::Statement => &["speaker"],
    };
    roles.iter().any(|&role| {
        let mut theirs = members.clone().flat_map(|m| m.of(role)).peekable();
        // A call's parties clash only when none is shared.
        e.has(role) && theirs.peek().is_some() && !theirs.any(|q| e.of(role).any(|p| same_in(p, q)))
    })
}

/// True when the date of record `e` cannot be a day of the event of
/// `members`: another resolved day, a day outside a range ("in January"
/// is not Tuesday's strike), another year wherever the date is written
/// ("five years ago, on a call" is not this week's call), or, without a
/// publication date, other words ("on August 5", "on October 7").
fn dates_clash<'a, 'e: 'a, I>(members: I, e: &Profile<'_>) -> bool
where
    I: Iterator<Item = &'a Profile<'e>> + Clone,
{
    let outside = |day: NaiveDate, (first, last): (NaiveDate, NaiveDate)| day < first || day > last;
    let days = || members.clone().filter_map(|m| m.day);
    if let Some(d) = e.day {
        let ranges = || members.clone().filter_map(|m| m.range);
        if days().next().is_some() && !days().any(|x| x == d) || ranges().any(|r| outside(d, r)) {
            return true;
        }
    }
    if e.range.is_some_and(|r| days().any(|d| outside(d, r))) {
        return true;
    }
    if let Some((first, last)) = e.years {
        let mut years = members.clone().filter_map(|m| m.years).peekable();
        if years.peek().is_some() && years.all(|(f, l)| l < first || f > last) {
            return true;
        }
    }
    e.day_words.is_some_and(|d| {
        let mut words = members.clone().filter_map(|m| m.day_words).peekable();
        words.peek().is_some() && !words.any(|x| x.eq_ignore_ascii_case(d))
    })
}

/// The words of a date that resolved to no day ("Monday" without a
/// publication date), without a leading preposition.
fn day_words(e: &Event) -> Option<&str> {
    let d = e.date.as_ref().filter(|d| d.value.is_none())?;
    let t = d.text.trim();
    match t.split_once(' ') {
        Some((first, rest)) if DATE_PREPOSITIONS.contains(first) => Some(rest),
        _ => Some(t),
    }
}

/// How record `e` is tied to the event of `members`: by a back-reference,
/// a shared party, or as a quote right after the same speaker's reported
/// words.
fn bond(profiles: &[Profile<'_>], members: &[usize], e: &Profile<'_>) -> Bond {
    // An attack back-reference that found no earlier attack to take its
    // parties from names parties of its own: they must tie it.
    if e.origin.backref && matches!(e.kind, EventType::Call | EventType::Visit) {
        return Bond::Weak;
    }
    let told = || members.iter().map(|&j| &profiles[j]);
    let shares = |role: &'static str| told().any(|m| e.shares(m, role));
    match e.kind {
        EventType::Attack => attack_bond(profiles, members, e),
        EventType::Visit => {
            let (visitor, place) = (shares("visitor"), shares("destination"));
            Bond::of(visitor && place, visitor || place)
        }
        EventType::Call => Bond::of(false, shares("participant")),
        EventType::Statement => {
            let Some(last) = members.last().map(|&j| &profiles[j]) else {
                return Bond::None;
            };
            // A summary then its quote: "X said ... ." then "'...,' X said."
            let quote_after = |e: &Event| e.rule.0 == RuleId::StatementQuoteThenSpeaker;
            let quote = quote_after(e.event)
                && !quote_after(last.event)
                && last.origin.sentence + 1 == e.origin.sentence
                && shares("speaker");
            // A headline's statement, told again in the body by the
            // same speaker with the same verb ("X urges ..." then "X
            // urged ..."): the first such telling joins it.
            let restated = !e.origin.headline
                && told().all(|m| m.origin.headline)
                && shares("speaker")
                && told().any(|m| same_verb(&m.event.trigger.text, &e.event.trigger.text));
            Bond::of(false, quote || restated)
        }
    }
}

/// [`bond`] for an attack.
fn attack_bond(profiles: &[Profile<'_>], members: &[usize], e: &Profile<'_>) -> Bond {
    let told = || members.iter().map(|&j| &profiles[j]);
    let shares = |role: &'static str| told().any(|m| e.shares(m, role));
    // "the strike" with no attacker of its own means the strike told.
    let stem = crate::coreference::attack_stem;
    let word = stem(&e.event.trigger.text);
    let same_word = !e.has("attacker")
        && told().any(|m| stem(&m.event.trigger.text).eq_ignore_ascii_case(word));
    // The same attacker against another target is another attack.
    let targets_known = e.has("target") && told().any(|m| m.has("target"));
    // A state as a target ("Russia attacked Ukraine") is hit again and
    // again in one article: alone it ties nothing, nor does a part of
    // it to the whole ("southern Ukraine" and "Ukraine").
    let state = |p: &Party<'_>| p.mention.sector == Some(Sector::Government);
    let shares_specific_target = told().any(|m| {
        e.of("target")
            .any(|p| !state(p) && m.of("target").any(|q| !state(q) && same_in(p, q)))
    });
    // "the bridge was struck" is not "the strike" on the port: a record
    // that is no back-reference and names its own target ties by its
    // word only to an attack on that target.
    let other_target = !e.origin.backref && targets_known && !shares_specific_target;
    // "a strike in Kidal" and "the strike on Kidal": one town named
    // as the place or the target, by the same name.
    let shares_place = told().any(|m| {
        e.places()
            .any(|p| m.places().any(|q| same_party(p.mention, q.mention)))
    });
    let attacker = shares("attacker");
    // The weapon told again ("the device exploded") ties loosely, as the
    // same attacker does: to the bombing told last, unless the record
    // names a target of its own (one drone campaign has many strikes).
    let weapon = shares("weapon");
    Bond::of(
        shares_specific_target || shares_place || attacker && shares("target"),
        ((same_word || weapon) && !other_target) || (attacker && !targets_known),
    )
}

/// How a record is tied to an event told before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Bond {
    None,
    /// A word or a party the record may share with several events: it
    /// joins the one told last.
    Weak,
    /// The record names what only that event has (its target, its place,
    /// its attacker against its target): if it has this bond with several
    /// events that agree, they are one.
    Strong,
}

impl Bond {
    /// The strongest bond that holds.
    fn of(strong: bool, weak: bool) -> Bond {
        match (strong, weak) {
            (true, _) => Bond::Strong,
            (false, true) => Bond::Weak,
            _ => Bond::None,
        }
    }
}

/// True when two speech triggers start with forms of one verb ("urges",
/// "urged"; "says", "said").
fn same_verb(a: &str, b: &str) -> bool {
    let first = |t: &'_ str| t.split(' ').next().unwrap_or_default().to_ascii_lowercase();
    let (a, b) = (first(a), first(b));
    let stem = crate::coreference::word_stem;
    [&SAY_FORMS, &TELL_FORMS]
        .iter()
        .any(|forms| forms.contains(&a) && forms.contains(&b))
        || stem(&a) == stem(&b)
}

/// True when two parties of one role can be the same: see [`same_name`];
/// parties also by their country, as a government and its army speak and
/// strike for one state, while two towns of one country are two places:
/// locations never, destinations only when one is the country, targets
/// only when both are actors of one sector (a country's troops and its
/// soldiers).
pub(crate) fn same_in(a: &Party<'_>, b: &Party<'_>) -> bool {
    let (x, y) = (a.mention, b.mention);
    let by_country = match a.role {
        "location" => false,
        // A country and a town in it may be one destination; two towns
        // of one country are two.
        "destination" => [x, y].iter().any(|m| m.sector == Some(Sector::Government)),
        "target" => x.sector.is_some() && x.sector == y.sector,
        _ => true,
    };
    // "gunmen", "rebel groups": armed men nobody has named may be any
    // such band, and may be told three ways in one report.
    let unnamed = |m: &Mention| {
        m.canonical.is_none() && m.country.is_none() && m.sector == Some(Sector::ArmedGroup)
    };
    same_name(a, b)
        || (by_country && x.country.is_some() && x.country == y.country)
        || (a.role == "attacker" && unnamed(x) && unnamed(y))
}

/// True when two parties can be named alike: the same name, the same last
/// word (four letters at least: "Kenya Defence Forces" and "the forces"),
/// or one's words among the other's.
fn same_name(a: &Party<'_>, b: &Party<'_>) -> bool {
    if same_party(a.mention, b.mention) {
        return true;
    }
    let (xs, ys) = (a.words(), b.words());
    let (Some(xl), Some(yl)) = (xs.last(), ys.last()) else {
        return false;
    };
    (xl.eq_ignore_ascii_case(yl) && xl.len() > 3) || words_among(xs, ys)
}

/// True when every word of the shorter name is one of the longer's, and
/// one of them has four letters at least.
pub(crate) fn words_among(xs: &[&str], ys: &[&str]) -> bool {
    let mut sides = [xs, ys];
    sides.sort_by_key(|side| side.len());
    let [small, large] = sides;
    let among = |w: &&str| large.iter().any(|x| x.eq_ignore_ascii_case(w));
    small.iter().all(among) && small.iter().any(|w| w.len() > 3)
}

/// The last word of a name or trigger phrase.
pub(crate) fn last_word(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or(name)
}

pub(crate) fn name(m: &Mention) -> &str {
    m.canonical.as_deref().unwrap_or(&m.text)
}

/// The words of a name that tell parties apart, as slices of it compared
/// without case: no possessive, no plural "s", no articles and
/// prepositions.
fn words(name: &str) -> Vec<&str> {
    // Split at ASCII punctuation and spaces only: a curly apostrophe or an
    // accented letter stays inside its word.
    let split = |c: char| c.is_ascii() && !c.is_ascii_alphanumeric() && c != '\'';
    let mut out = Vec::with_capacity(4);
    for w in name.split(split) {
        let w = (w.strip_suffix("'s").or_else(|| w.strip_suffix("’s"))).unwrap_or(w);
        let w = match w.strip_suffix(['s', 'S']) {
            Some(stem) if stem.len() > 3 && !stem.ends_with(['s', 'S']) => stem,
            _ => w,
        };
        if !w.is_empty() && (w.len() > 3 || !NAME_STOP_WORDS.contains(w)) {
            out.push(w);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::document::Document;
    use crate::extractor::Extractor;
    use chrono::NaiveDate;

    /// The event ids of the records whose trigger lies in each anchor (a
    /// phrase found once in `text`), the document published on 8 March 2024.
    fn ids(text: &str, anchors: &[&str]) -> Vec<String> {
        let day = NaiveDate::from_ymd_opt(2024, 3, 8).unwrap_or_default();
        let events = Extractor::new().extract(&Document::new("d", text).published(day));
        anchors
            .iter()
            .map(|a| {
                let start = text
                    .find(a)
                    .unwrap_or_else(|| panic!("{a:?} not in the text"));
                let within = |e: &&crate::event::Event| {
                    e.trigger.span.start >= start && e.trigger.span.end <= start + a.len()
                };
                let e = events.iter().find(within);
                let e = e.unwrap_or_else(|| panic!("no record in {a:?}: {events:#?}"));
                e.event.clone()
            })
            .collect()
    }

    fn linked(text: &str, triggers: &[&str]) {
        let ids = ids(text, triggers);
        assert!(ids.iter().all(|id| *id == ids[0]), "{text}: {ids:?}");
    }

    fn apart(text: &str, triggers: &[&str]) {
        let ids = ids(text, triggers);
        assert!(ids.windows(2).all(|w| w[0] != w[1]), "{text}: {ids:?}");
    }

    #[test]
    fn back_references_join_the_event_they_refer_to() {
        linked(
            "Foreign Minister Ana Ruiz paid a short visit to Nairobi on Sunday. \
             The visit was kept secret until she landed.",
            &["paid a short visit", "The visit was"],
        );
        linked(
            "President Leo Mbeki held a phone call with Prime Minister Sara Lind on Friday. \
             In the call, Mbeki raised the border dispute.",
            &["held a phone call", "In the call"],
        );
        linked(
            "Rebels attacked an army convoy near Goma on Tuesday. The attack killed four soldiers.",
            &["Rebels attacked", "The attack"],
        );
    }

    #[test]
    fn shared_parties_join_restatements() {
        linked(
            "Ana Ruiz visited Nairobi on Sunday. Ruiz's trip to Nairobi was her first.",
            &["visited", "trip to"],
        );
    }

    #[test]
    fn a_summary_then_its_quote_is_one_statement() {
        linked(
            "Foreign Minister Ana Ruiz said the talks would resume soon. \
             \"We are ready to talk,\" Ruiz said.",
            &["Ruiz said the talks", "Ruiz said."],
        );
    }

    #[test]
    fn what_the_gold_keeps_apart_stays_apart() {
        // Two calls on different days.
        apart(
            "Mbeki spoke by phone with Lind on Monday. \
             Mbeki held another phone call with Lind on Thursday.",
            &["spoke by phone", "another phone call"],
        );
        // The same speaker's two statements.
        apart(
            "Ana Ruiz said the talks would resume. Ruiz said the border was open.",
            &["Ruiz said the talks", "Ruiz said the border"],
        );
        // A threat and the attack that came.
        apart(
            "Rebels threatened to attack the convoy. Rebels attacked the convoy on Tuesday.",
            &["to attack", "Rebels attacked"],
        );
        // Another attacker: another attack.
        apart(
            "Rebels attacked a village near Goma. Government forces shelled the town of Beni.",
            &["Rebels attacked", "forces shelled"],
        );
    }

    #[test]
    fn a_record_naming_another_target_is_another_attack() {
        // Told for itself (no back-reference) with a target of its own.
        apart(
            "Rebels struck the port of Kismayo on Monday. \
             The strike killed ten dock workers. The bridge was struck by a drone.",
            &["Rebels struck", "was struck"],
        );
        // The same target told again is the same attack.
        linked(
            "Rebels struck the port of Kismayo on Monday. \
             The strike killed ten dock workers. The port was struck by a drone.",
            &["Rebels struck", "was struck"],
        );
    }

    #[test]
    fn a_record_tied_to_two_attacks_joins_the_one_told_last() {
        // The first attack is told three times, the second once: the
        // rebels' fire in the last sentence is the second.
        let text = "Rebels shelled the town of Beni on Monday. The shelling hit a school. \
             The shelling was condemned. On Wednesday the rebels attacked a police post in Goma. \
             Two policemen were killed when the rebels opened fire.";
        apart(text, &["Rebels shelled", "rebels attacked"]);
        linked(text, &["rebels attacked", "opened fire"]);
        linked(text, &["Rebels shelled", "The shelling hit"]);
    }

    #[test]
    fn a_date_written_far_from_the_trigger_is_the_sentences() {
        // The day the police spoke, not the day of the bombing.
        linked(
            "Rebels bombed a market in Kano on Saturday. On Monday, the police chief told \
             reporters in the capital that the bombing had been planned for weeks.",
            &["Rebels bombed", "the bombing had"],
        );
        // A day written next to each trigger tells two shellings apart.
        apart(
            "The army shelled rebel positions near Goma on Saturday. \
             The army shelled rebel positions near Goma on Monday.",
            &[
                "shelled rebel positions near Goma on Saturday",
                "shelled rebel positions near Goma on Monday",
            ],
        );
    }

    #[test]
    fn a_back_reference_takes_its_event_for_granted() {
        // The denial is of the details, not of the attack.
        linked(
            "Rebels attacked an army convoy near Goma on Tuesday. \
             The army did not explain how the attack was planned.",
            &["Rebels attacked", "the attack was"],
        );
        // A denial told for itself is another record.
        apart(
            "Rebels attacked an army convoy near Goma on Tuesday. \
             Rebels never attacked the army convoy, their spokesman said.",
            &["Rebels attacked", "never attacked"],
        );
    }

    #[test]
    fn troops_of_one_country_are_one_target() {
        // The attacks on a country's personnel, then on its soldiers.
        linked(
            "Militias launched attacks on U.S. troops in Syria. \
             Officials said American soldiers were attacked with drones.",
            &["launched attacks", "were attacked"],
        );
        // Two towns of one country are two targets.
        apart(
            "Militias shelled the Syrian town of Homs. Later the attacks on Aleppo began.",
            &["shelled", "the attacks on"],
        );
    }

    #[test]
    fn a_range_that_misses_the_day_is_another_event() {
        // Published Friday 8 March: Tuesday is the 5th, not in January.
        apart(
            "Rebels shelled Goma on Tuesday. The shelling of Goma killed six. \
             The last time rebels shelled Goma was in January.",
            &["shelled Goma on Tuesday", "rebels shelled Goma was"],
        );
        linked(
            "Rebels shelled Goma on Tuesday. The shelling of Goma killed six. \
             It was the third time rebels shelled Goma this month.",
            &["shelled Goma on Tuesday", "rebels shelled Goma this"],
        );
    }

    #[test]
    fn a_state_as_the_only_shared_target_ties_nothing() {
        apart(
            "Valdoria attacked Narvia with drones overnight. \
             Elsewhere, a missile strike on Narvia killed a farmer.",
            &["attacked", "strike"],
        );
        // Its capital, named by both, does.
        linked(
            "Valdoria attacked the port of Kismayo with drones overnight. \
             Officials said the drone strike on the port of Kismayo killed a farmer.",
            &["attacked", "strike"],
        );
        // Nor does a part of the state named by its direction.
        apart(
            "Russia launched attacks on Ukraine overnight. \
             Later, attacks on eastern and southern Ukraine killed four people.",
            &["launched attacks", "Later, attacks"],
        );
    }

    #[test]
    fn a_record_that_names_two_events_joins_them() {
        // The strike in the town, then the army's strike: one strike once
        // a record names the army and the town.
        let text = "Three people died in a strike in Kidal. \
             The army claimed the strike hours later. \
             The army strike on Kidal was its first in months.";
        linked(
            text,
            &["a strike in Kidal", "the strike hours", "army strike"],
        );
        // Two attackers cannot be one event, whatever names both places.
        apart(
            "Rebels shelled Kidal on Monday. Government forces also shelled Kidal. \
             The shelling of Kidal by government forces drew protests.",
            &["Rebels shelled", "forces also shelled"],
        );
    }

    #[test]
    fn the_weapon_told_again_is_the_same_attack() {
        linked(
            "A car bomb exploded outside the army headquarters in Tarvo on Monday. \
             Police said the bomb went off as officers left the building.",
            &["exploded", "went off"],
        );
        // Unless the day or the attacker differs.
        apart(
            "A bomb exploded at a market in Kano on Monday. \
             A bomb exploded at a mosque in Kano on Thursday.",
            &["exploded at a market", "exploded at a mosque"],
        );
        apart(
            "Rebels fired rockets at Goma. Government forces fired rockets at Beni.",
            &["Rebels fired", "forces fired"],
        );
        // A target of its own: another strike of the same campaign.
        apart(
            "Drones struck an oil depot in Tarvo overnight. \
             Later a drone hit a school in Kesh.",
            &["struck", "hit"],
        );
    }

    #[test]
    fn a_date_years_away_is_another_event_wherever_it_is_written() {
        apart(
            "Mbeki held a phone call with Lind on Friday. The call lasted an hour. \
             Almost four years ago, Mbeki repeatedly pressed Lind about the mine on a call.",
            &["held a phone call", "on a call"],
        );
    }

    #[test]
    fn a_headline_statement_is_the_body_s_first_telling_of_it() {
        let text = "Ruiz urges restraint in border dispute\n\n\
             Foreign Minister Ana Ruiz urged both armies to show restraint on Monday. \
             Later, Ruiz urged the envoys to meet again.";
        linked(text, &["urges", "Ruiz urged both"]);
        apart(text, &["urges", "Ruiz urged the envoys"]);
        // Another verb is another statement.
        apart(
            "Ruiz urges restraint in border dispute\n\n\
             Foreign Minister Ana Ruiz said the border was calm.",
            &["urges", "said"],
        );
    }

    #[test]
    fn armed_men_nobody_has_named_may_be_told_two_ways() {
        linked(
            "Gunmen ambushed a police truck near Kidal on Monday, killing four officers. \
             Officials said rebel fighters carried out the ambush to seize weapons.",
            &["ambushed", "the ambush"],
        );
        // A named or state force is no such band.
        apart(
            "Rebels attacked a village near Goma. \
             Government forces shelled the village near Goma.",
            &["attacked", "shelled"],
        );
    }

    #[test]
    fn that_attack_is_the_attack_just_told() {
        let text = "Rebels attacked a checkpoint near Kesh on Sunday. On Monday a drone strike \
             hit a market in Tarvo, killing a farmer. A trader was also wounded in that attack.";
        linked(text, &["drone strike", "that attack"]);
        apart(text, &["attacked a checkpoint", "that attack"]);
        // Whatever space stands between the words.
        let text = text.replace("in that attack", "in\u{a0}that\u{a0}attack");
        linked(&text, &["drone strike", "that\u{a0}attack"]);
    }

    #[test]
    fn two_towns_of_one_country_are_two_destinations() {
        apart(
            "Prime Minister Leo Mbeki arrived in Lyon for his first official visit. \
             He is due to visit Marseille as well.",
            &["arrived in Lyon", "visit Marseille"],
        );
        linked(
            "Prime Minister Leo Mbeki arrived in France on Monday. \
             Mbeki's trip to Lyon is his first as prime minister.",
            &["arrived in France", "trip to Lyon"],
        );
    }

    #[test]
    fn one_base_is_not_the_attacks_on_bases() {
        apart(
            "Militias carried out dozens of attacks on American bases in the region. \
             On Tuesday a drone struck an American base near Kesh.",
            &["attacks on", "struck"],
        );
        linked(
            "A drone struck an American base near Kesh on Tuesday. \
             The attack on the American base wounded two soldiers.",
            &["struck", "attack on"],
        );
    }
}
