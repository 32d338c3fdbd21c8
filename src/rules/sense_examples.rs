//! Example sentences for every sense rule, written for these tests: each
//! kept sentence must give an event of the rule's kind that the rule lets
//! through; each rejected sentence must have a candidate that the rule
//! turns away (see `Extractor::explain`). `sense_examples` runs them all.

/// (sense rule id, kind, sentences kept, sentences rejected by the rule)
pub(crate) const SENSE_EXAMPLES: &[(&str, &str, &[&str], &[&str])] = &[
    (
        "sense.medical",
        "attack",
        &["Gunmen launched an attack on the police station, killing two officers."],
        &["The singer died of a heart attack at his home in March."],
    ),
    (
        "sense.cyber",
        "attack",
        &["Rebels attacked the army base with rockets overnight."],
        &["Hackers attacked the bank's computers with a virus on Monday."],
    ),
    (
        "sense.denial_of_service",
        "attack",
        &["A suicide attack on the market killed 14 people."],
        &["The firm suffered a denial of service attack last month."],
    ),
    (
        "sense.labour_strike",
        "attack",
        &["An Israeli strike on the village killed three civilians."],
        &["A rail strike paralysed the capital for two days."],
    ),
    (
        "sense.strike_action",
        "attack",
        &["Troops carried out a strike on the rebel camp near the border."],
        &["Nurses voted for strike action over pay on Tuesday."],
    ),
    (
        "sense.strike_a_deal",
        "attack",
        &["Russian warplanes struck the town of Idlib, killing nine people."],
        &["The airline hopes to strike a deal with its unions this week."],
    ),
    (
        "sense.strike_up",
        "attack",
        &["Government troops struck rebel positions in the north."],
        &["The two leaders struck up a friendship at the summit."],
    ),
    (
        "sense.deal_struck",
        "attack",
        &["Militants struck an army convoy with a roadside bomb."],
        &["Creditors have yet to approve the deal struck last week."],
    ),
    (
        "sense.striking_adjective",
        "attack",
        &["Rebels were striking government positions with mortars."],
        &["The most striking thing about the phone is its size."],
    ),
    (
        "sense.hit_a_level",
        "attack",
        &["A rocket hit the school, wounding six children."],
        &["Oil prices hit a record high on Friday."],
    ),
    (
        "sense.words_as_attack",
        "attack",
        &["Insurgents launched a fierce assault on the base with mortars."],
        &["The senator launched a scathing attack on the government."],
    ),
    (
        "sense.criticised_over",
        "attack",
        &["Gunmen attacked the convoy near Kandahar, killing four soldiers."],
        &["The broadcaster was attacked over its coverage of the election."],
    ),
    (
        "sense.disaster",
        "attack",
        &[
            "Twelve people were killed when militants shelled the market.",
            "During Operation Desert Storm, rebels attacked the airport with rockets.",
        ],
        &[
            "More than 200 people were killed by the earthquake.",
            "The storm hit the coast on Sunday, killing five people.",
        ],
    ),
    (
        "sense.industrial_accident",
        "attack",
        &["A car bomb exploded in the market, killing nine people."],
        &["A gas explosion at a chemical plant killed 15 workers."],
    ),
    (
        "sense.shot_a_film",
        "attack",
        &["A police officer was shot dead in Belfast on Sunday."],
        &["The film was shot in Morocco over six weeks."],
    ),
    (
        "sense.plot",
        "attack",
        &["Militants attacked a police post in the valley, killing three officers."],
        &[
            "In the novel, the hero is attacked by pirates with swords.",
            "The film opens with an attack on a village by bandits.",
        ],
    ),
    (
        "sense.fired_from_a_job",
        "attack",
        &["Soldiers fired rockets at the rebel camp."],
        &["The coach was fired as manager after a run of defeats."],
    ),
    (
        "sense.launched_a_product",
        "attack",
        &["The rebels launched rockets at the airport on Monday."],
        &["The company launched a campaign to win back customers."],
    ),
    (
        "sense.executed_an_order",
        "attack",
        &["Gunmen executed six hostages in the village."],
        &["Dozens of search warrants were executed across the country."],
    ),
    (
        "sense.sales_fell",
        "attack",
        &["A missile hit the power station, killing two workers."],
        &["Car sales were hit by the slump in consumer demand."],
    ),
    (
        "sense.beat_a_rival",
        "attack",
        &["A gang beat up a taxi driver in the city centre."],
        &["The singer beat three rivals to the best album prize."],
    ),
    (
        "sense.travel_idiom",
        "visit",
        &["The foreign minister went to Moscow for talks on Monday."],
        &["The new console went on sale in Japan in December."],
    ),
    (
        "sense.music_tour",
        "visit",
        &["The president began a tour of West Africa on Monday."],
        &["Her world tour of Asia was cancelled after the accident."],
    ),
    (
        "sense.music_tour_sentence",
        "visit",
        &["The prime minister toured the flooded city of Hull on Friday."],
        &["The band will tour Australia after the album comes out."],
    ),
    (
        "sense.on_tour",
        "visit",
        &["The king is on a tour of the Gulf states this week."],
        &["The guitarist was on tour in Japan when he fell ill."],
    ),
    (
        "sense.plot_visit",
        "visit",
        &["The pope travelled to Kenya on Friday for a three-day visit."],
        &["The story follows a boy's journey to Paris to find his father."],
    ),
    (
        "sense.promotional_visit",
        "visit",
        &["Chancellor Angela Merkel visited Warsaw on Tuesday."],
        &["The actress visited Tokyo for promotional interviews last week."],
    ),
    (
        "sense.written_work",
        "statement",
        &[
            "The minister wrote in a letter that the border would stay closed.",
            "\u{201c}We are ready,\u{201d} she wrote.",
        ],
        &["Maria Lopez wrote a novel about the sea.", "He writes songs about the war."],
    ),
    (
        "sense.concert_tour",
        "visit",
        &["Taylor Swift flew to Tokyo for a concert on Friday."],
        &["Madonna toured Europe to promote the film."],
    ),
    (
        "sense.habitual_travel",
        "visit",
        &["The foreign minister visited Cuba in January."],
        &["Tourists from Canada usually visit Cuba in the winter months."],
    ),
    (
        "sense.travel_every",
        "visit",
        &["The envoy travelled to Havana on Monday."],
        &["Exiles may visit Cuba every three years under the new rules."],
    ),
    (
        "sense.journey_figurative",
        "visit",
        &["The minister's journey to Kabul was kept secret."],
        &["The film charts her journey through grief after the war."],
    ),
    (
        "sense.call_idiom",
        "call",
        &["Macron held a phone call with Scholz on Monday."],
        &["The defeat was a wake-up call to the club."],
    ),
    (
        "sense.call_compound",
        "call",
        &["President Ruto and President Abiy held a telephone call on Friday."],
        &["The bank will move its call centre to Glasgow next year."],
    ),
    (
        "sense.calls_as_a_product",
        "call",
        &["In a phone call on Tuesday, Biden thanked Erdogan for his help."],
        &["The operator is offering free phone calls to new customers."],
    ),
    (
        "sense.the_call_came",
        "call",
        &["The call between the two leaders lasted an hour."],
        &["The call came in a speech to party members in Leeds."],
    ),
    (
        "sense.got_the_call",
        "call",
        &["The prime minister had a call with the Irish Taoiseach on Sunday."],
        &["He got the call to join the squad on Friday."],
    ),
    (
        "sense.calls_as_a_practice",
        "call",
        &["Putin and Xi held a video call on Thursday."],
        &["The party's volunteers will make a call to every voters' household in the marketing drive."],
    ),
    (
        "sense.criticism",
        "attack",
        &["Armed men attacked the house of a judge in Lahore."],
        &["Labour critics attacked the minister on Monday."],
    ),
    (
        "sense.attacker_type",
        "attack",
        &["Israeli jets attacked the port of Hodeidah on Saturday."],
        &["Car makers were attacked by the slump in sales in Europe."],
    ),
    (
        "sense.target_type",
        "attack",
        &["Separatists attacked a train near Quetta, wounding 20 passengers."],
        &["The opposition leader attacked the government's economic plans."],
    ),
    (
        "sense.police_search",
        "attack",
        &["Militia fighters raided the village and burned homes."],
        &["Tax police raided the offices of the oil company on Friday."],
    ),
    (
        "sense.no_force",
        "attack",
        &[
            "Government forces attacked the rebel town with artillery.",
            "Two soldiers were killed by gunmen near the border.",
        ],
        &[
            "The mayor attacked the newspaper on Monday.",
            "The program bombarded it with junk data all night.",
            "More than 3,000 people were killed under the old regime.",
        ],
    ),
    (
        "sense.thing_moves",
        "visit",
        &[
            "The prime minister returned to Baghdad on Sunday.",
            "The firm's chief executive travelled to China to seal the deal.",
        ],
        &["Jones said the top prize went to Paris this year."],
    ),
    (
        "sense.destination_type",
        "visit",
        &["Blinken travelled to Ankara on Sunday."],
        &["The minister travelled to the final on Sunday."],
    ),
    (
        "sense.fixture",
        "visit",
        &[
            "The president flew to Dublin for talks on the border.",
            "Macron and Scholz visit Kyiv on Friday.",
            "Officials visit the camp on Monday.",
        ],
        &[
            "Fulwood visit Dorchester on Saturday.",
            "The Harriers travel to Kettering next week.",
            "The league leaders travel to Leeds for the match on Saturday after a season of goals from their striker.",
            "After a season of goals from their striker, they will travel to Paris for the match.",
        ],
    ),
    (
        "sense.selection",
        "call",
        &["Macron held a phone call with Scholz on Monday."],
        &["England coach Andy Robinson could take a gamble and call Smith into the squad for the match, after a season of goals in the league."],
    ),
    (
        "sense.calls_in_general",
        "call",
        &["Putin held several phone calls with Macron last month."],
        &["The service routes phone calls across the network at night."],
    ),
];

#[cfg(test)]
mod tests {
    use super::SENSE_EXAMPLES;
    use crate::{Decision, Document, Extractor};

    #[test]
    fn sense_examples() {
        let ex = Extractor::new();
        let mut failures = Vec::new();
        for (id, kind, kept, rejected) in SENSE_EXAMPLES {
            for s in *kept {
                let doc = Document::new("t", s);
                let events = ex.extract(&doc);
                let turned = ex
                    .explain(&doc)
                    .into_iter()
                    .find(|c| c.decision.rule() == Some(id));
                if let Some(c) = turned {
                    failures.push(format!("{id}: rejected kept {s:?} at {:?}", c.trigger.text));
                } else if !events.iter().any(|e| e.kind.name() == *kind) {
                    failures.push(format!("{id}: no {kind} in kept {s:?}"));
                }
            }
            for s in *rejected {
                let found = ex.explain(&Document::new("t", s)).into_iter().any(|c| {
                    c.kind == *kind
                        && matches!(&c.decision, Decision::OtherSense { rule, .. } if rule == id)
                });
                if !found {
                    let why: Vec<String> = (ex.explain(&Document::new("t", s)).iter())
                        .filter(|c| c.kind == *kind)
                        .map(|c| c.to_string())
                        .collect();
                    failures.push(format!("{id}: not rejected {s:?}: {why:?}"));
                }
            }
        }
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn every_sense_rule_has_examples_both_ways() {
        let lex = crate::lexicon::LexiconData::builtin().compile();
        let cues = lex.senses().cues.iter().map(|c| c.id.as_str());
        let code = crate::rules::sense::RULES.iter().map(|(id, _)| *id);
        for id in cues.chain(code) {
            let ex = SENSE_EXAMPLES.iter().find(|(x, ..)| *x == id);
            assert!(
                ex.is_some_and(|(_, _, kept, rejected)| !kept.is_empty() && !rejected.is_empty()),
                "{id} has no examples both ways"
            );
        }
    }
}
