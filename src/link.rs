//! Mentions of one event joined within a document: every record gets the
//! id of the event it reports (`"<doc id>#<n>"`, n the index of the event's
//! first record).
//!
//! A record joins an earlier event of its kind when nothing conflicts (the
//! modality, a resolved day, an attacker, visitor, destination, weapon or
//! speaker that name another party) and something ties it to that event:
//! it is a back-reference ("the strike"), it shares a party, or it is a
//! quote told right after the same speaker's reported words. Of several
//! such events it joins the one told most often: an article's main event
//! is the one its bare back-references mean.

use crate::event::{Event, EventKind, Mention, Modality};
use crate::rules::RuleId;

/// What records knew of a record when it was built, for linking.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Origin {
    /// The index of the event a back-reference took its parties from.
    pub refers_to: Option<usize>,
    /// True for a back-reference ("the attack", "this visit").
    pub backref: bool,
    /// Index of the record's sentence.
    pub sentence: usize,
}

/// Sets the event id of every record of one document.
pub(crate) fn within_document(doc_id: &str, events: &mut [Event], origins: &[Origin]) {
    // Each cluster: the indices of its records, in text order.
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    let mut cluster_of: Vec<usize> = Vec::with_capacity(events.len());
    for i in 0..events.len() {
        let origin = origins.get(i).copied().unwrap_or(Origin {
            refers_to: None,
            backref: false,
            sentence: 0,
        });
        let compatible = |c: &Vec<usize>| {
            let first = c.first().map_or(i, |&f| f);
            events[first].kind.event_type() == events[i].kind.event_type()
                && !conflict(c.iter().map(|&m| &events[m]), &events[i])
        };
        let antecedent = origin
            .refers_to
            .and_then(|j| cluster_of.get(j).copied())
            .filter(|&c| compatible(&clusters[c]));
        let chosen = antecedent.or_else(|| {
            // Most recently told first, so that a tie goes to the nearer.
            let mut order: Vec<usize> = (0..clusters.len()).collect();
            order.sort_by_key(|&c| std::cmp::Reverse(clusters[c].last().copied()));
            let mut best: Option<usize> = None;
            for c in order {
                let members = &clusters[c];
                if !compatible(members) || !tied(events, origins, members, i, origin) {
                    continue;
                }
                if best.map_or(true, |b| members.len() > clusters[b].len()) {
                    best = Some(c);
                }
            }
            best
        });
        let c = chosen.unwrap_or_else(|| {
            clusters.push(Vec::new());
            clusters.len() - 1
        });
        clusters[c].push(i);
        cluster_of.push(c);
    }
    for members in &clusters {
        let id = format!("{doc_id}#{}", members[0]);
        for &m in members {
            events[m].event.clone_from(&id);
        }
    }
}

/// Modalities that can report the same event: what happened and what was
/// planned of it, apart from threats and denials.
fn modality_class(m: Modality) -> u8 {
    match m {
        Modality::Asserted | Modality::Planned => 0,
        Modality::Hypothetical => 1,
        Modality::Negated => 2,
    }
}

/// True when record `e` cannot report the event of `members`: another
/// modality, another resolved day, or a party that names someone else.
pub(crate) fn conflict<'a, I>(members: I, e: &Event) -> bool
where
    I: Iterator<Item = &'a Event> + Clone,
{
    let mut all = members.clone();
    if all.any(|m| modality_class(m.modality) != modality_class(e.modality)) {
        return true;
    }
    let day = |e: &Event| e.date.as_ref().and_then(|d| d.value);
    if let Some(d) = day(e) {
        let mut days = members.clone().filter_map(day).peekable();
        if days.peek().is_some() && !days.any(|x| x == d) {
            return true;
        }
    }
    // Without a publication date, "on August 5" and "on October 7" still differ.
    if let Some(d) = day_words(e) {
        let mut days = members.clone().filter_map(day_words).peekable();
        if days.peek().is_some() && !days.any(|x| x.eq_ignore_ascii_case(d)) {
            return true;
        }
    }
    let roles: &[&str] = match &e.kind {
        EventKind::Attack(_) => &["attacker", "weapon"],
        EventKind::Visit(_) => &["visitor", "destination"],
        EventKind::Call(_) => &["participant"],
        EventKind::Statement(_) => &["speaker"],
    };
    for &role in roles {
        let mut theirs = members
            .clone()
            .flat_map(|m| m.roles())
            .filter(|(r, _)| *r == role)
            .peekable();
        if theirs.peek().is_none() {
            continue;
        }
        let ours: Vec<&Mention> = e
            .roles()
            .filter(|(r, _)| *r == role)
            .map(|(_, m)| m)
            .collect();
        // A call's parties clash only when none is shared.
        if !ours.is_empty() && !theirs.any(|(_, n)| ours.iter().any(|m| same_in(role, m, n))) {
            return true;
        }
    }
    // A tour is not one of its stops.
    let mut all = members;
    matches!(e.kind, EventKind::Visit(_)) && all.any(|m| is_tour(m) != is_tour(e))
}

/// The words of a date that resolved to no day ("Monday" without a
/// publication date), without a leading preposition.
fn day_words(e: &Event) -> Option<&str> {
    let d = e.date.as_ref().filter(|d| d.value.is_none())?;
    let t = d.text.trim();
    Some(
        ["on ", "in ", "at ", "On ", "In ", "At "]
            .iter()
            .find_map(|p| t.strip_prefix(p))
            .unwrap_or(t),
    )
}

fn is_tour(e: &Event) -> bool {
    let word = e.trigger.text.rsplit(' ').next().unwrap_or_default();
    word.get(..4)
        .is_some_and(|w| w.eq_ignore_ascii_case("tour"))
}

/// True when record `i` is tied to the event of `members`: a
/// back-reference, a shared party, or a quote right after the same
/// speaker's reported words.
fn tied(events: &[Event], origins: &[Origin], members: &[usize], i: usize, origin: Origin) -> bool {
    let e = &events[i];
    // An attack back-reference that found no earlier attack to take its
    // parties from names parties of its own: they must tie it.
    if origin.backref && matches!(e.kind, EventKind::Call(_) | EventKind::Visit(_)) {
        return true;
    }
    let shares = |role: &str| {
        e.roles().filter(|(r, _)| *r == role).any(|(_, m)| {
            members.iter().any(|&j| {
                events[j]
                    .roles()
                    .any(|(r, n)| r == role && same_in(role, m, n))
            })
        })
    };
    let has = |ev: &Event, role: &str| ev.roles().any(|(r, _)| r == role);
    match &e.kind {
        EventKind::Attack(a) => {
            // "the strike" with no attacker of its own means the strike told.
            let same_word = a.attacker.is_none()
                && members.iter().any(|&j| {
                    crate::coreference::attack_stem(&events[j].trigger.text)
                        .eq_ignore_ascii_case(crate::coreference::attack_stem(&e.trigger.text))
                });
            // The same attacker against another target is another attack.
            let targets_known =
                has(e, "target") && members.iter().any(|&j| has(&events[j], "target"));
            same_word || shares("target") || (shares("attacker") && !targets_known)
        }
        EventKind::Visit(_) => shares("visitor") || shares("destination"),
        EventKind::Call(_) => shares("participant"),
        EventKind::Statement(_) => {
            let Some(&last) = members.last() else {
                return false;
            };
            // A summary then its quote: "X said ... ." then "'...,' X said."
            let quoted_after = e.rule.0 == RuleId::StatementQuoteThenSpeaker
                && events[last].rule.0 != RuleId::StatementQuoteThenSpeaker
                && origins.get(last).map(|o| o.sentence + 1) == Some(origin.sentence);
            quoted_after && shares("speaker")
        }
    }
}

/// True when two values of `role` can name the same party: see
/// [`same_name`]; parties (not targets or places) also by their country,
/// as a government and its army speak and strike for one state, while two
/// towns of one country are two places.
pub(crate) fn same_in(role: &str, a: &Mention, b: &Mention) -> bool {
    let by_country = !matches!(role, "target" | "location");
    same_name(a, b) || (by_country && a.country.is_some() && a.country == b.country)
}

/// True when two mentions can name the same party: the same name, the same
/// last word (four letters at least: "Israel Defense Forces" and "the
/// forces"), or one's words among the other's.
pub(crate) fn same_name(a: &Mention, b: &Mention) -> bool {
    let (x, y) = (name(a), name(b));
    if x.eq_ignore_ascii_case(y) {
        return true;
    }
    let (xs, ys) = (words(x), words(y));
    let (Some(xl), Some(yl)) = (xs.last(), ys.last()) else {
        return false;
    };
    if xl == yl && xl.len() > 3 {
        return true;
    }
    let (small, large) = if xs.len() <= ys.len() {
        (&xs, &ys)
    } else {
        (&ys, &xs)
    };
    small.iter().all(|w| large.contains(w)) && small.iter().any(|w| w.len() > 3)
}

pub(crate) fn name(m: &Mention) -> &str {
    m.canonical.as_deref().unwrap_or(&m.text)
}

/// The words of a name that tell parties apart, lowercase, without a
/// possessive or a plural "s" and without articles and prepositions.
pub(crate) fn words(name: &str) -> Vec<String> {
    const STOP: [&str; 8] = ["the", "a", "an", "of", "and", "in", "on", "u"];
    name.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .map(|w| {
            let w = w.trim_end_matches("'s").trim_end_matches("’s");
            let w = w.to_lowercase();
            match w.strip_suffix('s') {
                Some(stem) if stem.len() > 3 && !stem.ends_with('s') => stem.to_string(),
                _ => w,
            }
        })
        .filter(|w| !w.is_empty() && !STOP.contains(&w.as_str()) && w != "s")
        .collect()
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
            "Foreign Minister Ana Ruiz made a surprise visit to Nairobi on Sunday. \
             The visit was kept secret until she landed.",
            &["made a surprise visit", "The visit was"],
        );
        linked(
            "President Leo Mbeki held a phone call with Prime Minister Sara Lind on Friday. \
             During the call, Mbeki raised the border dispute.",
            &["held a phone call", "During the call"],
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
}
