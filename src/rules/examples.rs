//! Example sentences for every rule: each positive sentence must produce an
//! event with that rule id; each negative sentence must produce no event of
//! the rule's kind. All are written for these tests; `rule_examples` runs them.

/// (rule id, sentences that fire it, sentences that must not give its kind)
pub(crate) const EXAMPLES: &[(&str, &[&str], &[&str])] = &[
    (
        "statement.say",
        &[
            "Foreign Minister Jane Doe said the talks would resume next week.",
            "The ministry said that two soldiers had been wounded.",
        ],
        &[
            "The so-called peace plan was never published.",
            "Analysis of the data continues.",
            "The outcome of the vote is difficult to predict.",
            "The advert led viewers to complain about the noise.",
        ],
    ),
    (
        "statement.say_inverted",
        &["“We will not leave,” said Ahmed Karimi."],
        &["The dog barked all night."],
    ),
    (
        "statement.quote_then_speaker",
        &["“The border is closed,” the governor said on Monday."],
        &["The border was closed on Monday."],
    ),
    (
        "statement.clause_then_speaker",
        &["The convoy was hit near the bridge, a police spokesman said."],
        &[],
    ),
    (
        "statement.tell",
        &["Prime Minister Ana Silva told reporters that the ceasefire was holding."],
        &["The story was told in many ways."],
    ),
    (
        "statement.urge",
        &["The United Nations urged both sides to return to the negotiating table."],
        &["An urge to travel took hold of him."],
    ),
    (
        "statement.object",
        &["The government condemned the bombing of the market."],
        &["The condemned building was demolished."],
    ),
    (
        "statement.prep",
        &["Opposition leader Raul Mendes called for an independent inquiry."],
        &["Mounting calls for an inquiry went unanswered."],
    ),
    (
        "statement.according_to",
        &[
            "Five people died in the flooding, according to the Red Cross.",
            "According to the United Nations, thousands have fled the region.",
        ],
        &["According to plan, the bridge opened in May."],
    ),
    (
        "statement.partial_quote",
        &["Senator Lee “reaffirmed the commitment of the United States to its allies.”"],
        &[],
    ),
    (
        "statement.quoted_as_saying",
        &["“The raid failed,” the commander was quoted as saying by state media."],
        &[],
    ),
    (
        "statement.in_a_statement",
        &["In a statement, the Foreign Ministry detailed the minister's schedule for the week."],
        &[],
    ),
    (
        "statement.noun_from",
        &["The decision drew strong condemnation from the African Union."],
        &["The statement was not published."],
    ),
    (
        "statement.passive_by",
        &["The plan was announced by the Defense Ministry."],
        &["The winners were announced."],
    ),
    (
        "attack.nominal",
        &["Two soldiers died in attacks on army posts in the north."],
        &["Attacks of panic are common among pilots.", "Workers went on a general strike."],
    ),
    (
        "attack.modifier_attacker",
        &["Israeli airstrikes hit the southern suburbs overnight."],
        &[],
    ),
    (
        "attack.by_agent",
        &["Residents fled after attacks by armed rebels on the village."],
        &[],
    ),
    (
        "attack.possessive",
        &["Russia's assault on the city entered its third week."],
        &[],
    ),
    (
        "attack.light_verb_subject",
        &["Rebel fighters launched several attacks on government positions."],
        &[],
    ),
    (
        "attack.behind",
        &["Militia groups behind the recent attacks declared a truce."],
        &[],
    ),
    (
        "attack.blamed_for",
        &["Officials blamed separatist rebels for the bombing."],
        &[],
    ),
    (
        "attack.active",
        &["Gunmen ambushed a police patrol near the border."],
        &["The two leaders struck a deal on trade."],
    ),
    (
        "attack.passive",
        &["The convoy was attacked by militants near Kandahar."],
        &["He was struck by the beauty of the valley."],
    ),
    (
        "attack.killed_passive",
        &["Twelve civilians were killed in the village of Tarsa on Friday."],
        &["Three people were hurt in a traffic accident."],
    ),
    (
        "attack.weapon_exploded",
        &["A car bomb exploded outside the ministry."],
        &["The market exploded with activity."],
    ),
    (
        "attack.fired_weapon",
        &["Militants fired rockets at the base overnight."],
        &["The company fired its chief executive."],
    ),
    (
        "attack.counted",
        &["The raids resumed in May with several strikes near the port that killed four people."],
        &["Strikes are a common tactic."],
    ),
    (
        "attack.backref",
        &["A bomb exploded in the market. Police are still investigating the attack."],
        &["Attacks are a risk everywhere."],
    ),
    (
        "visit.verb",
        &["President Maria Lopez visited Kyiv on Tuesday."],
        &["Visiting hours end at noon."],
    ),
    (
        "visit.motion_to",
        &[
            "The envoy travelled to Khartoum for talks with the government.",
            "The minister left for Europe on Monday.",
            "The delegation flew into the northern city of Arbil.",
        ],
        &["Prices travelled upward all year."],
    ),
    (
        "visit.possessive",
        &["Smith's visit to Tehran drew protests."],
        &[],
    ),
    (
        "visit.light_verb",
        &["Chancellor Olaf Weber made a surprise visit to Baghdad."],
        &[],
    ),
    (
        "visit.of_visitor",
        &["The recent visit of Prime Minister John Ward to Cairo was brief."],
        &[],
    ),
    (
        "visit.backref",
        &["Smith visited Tehran. The visit lasted two days."],
        &[],
    ),
    (
        "call.between",
        &["A phone call between President Ruto and Prime Minister Abiy took place on Friday."],
        &["Calls for calm grew louder.", "He called for calm."],
    ),
    (
        "call.with",
        &["Secretary of State Mark Hill held a phone call with Foreign Minister Anna Berg."],
        &["The union will call a strike."],
    ),
    (
        "call.in_a_call",
        &["In a phone call on Monday, President Anna Berg thanked Chancellor Olaf Weber for his support."],
        &[],
    ),
    (
        "attack.weapon_killed",
        &["A roadside bomb killed three soldiers near Kandahar."],
        &["The decision killed the project.", "Cancer killed her father in 2019."],
    ),
    (
        "attack.controlled",
        &[
            "Blinken urged Israel to refrain from attacking Rafah.",
            "The envoy warned Hamas against attacking Ashdod.",
        ],
        &["The coach urged his players to stop attacking the referee's decisions."],
    ),
    (
        "attack.crime",
        &["A man stabbed two tourists near the old bridge.", "A teenager shot his neighbour in Leeds."],
        &["The rain killed the mood.", "The judge stabbed at the air with her pen."],
    ),
    (
        "attack.blew_up",
        &["A suicide bomber blew himself up at a checkpoint in Baghdad."],
        &["The striker blew his chance in the final."],
    ),
    (
        "statement.no_comment",
        &["The Kremlin declined to comment.", "Tesla did not respond to a request for comment."],
        &["Readers can comment on every story.", "The comment section was closed."],
    ),
    (
        "visit.opening_clause",
        &["If the visit to Riyadh goes ahead, Netanyahu would meet the crown prince."],
        &["A trip to the moon is too expensive for most families."],
    ),
    (
        "visit.by_visitor",
        &["A visit to Kyiv by Scholz was kept secret."],
        &["The delay was caused by a trip wire."],
    ),
    (
        "visit.hosted",
        &[
            "Erdogan hosted Zelensky in Istanbul on Friday.",
            "Zelensky was received by Erdogan in Ankara.",
            "Xi Jinping welcomed Putin to Beijing.",
        ],
        &["The minister welcomed the decision.", "Netanyahu received a letter from the king."],
    ),
    (
        "call.verb",
        &[
            "President Anna Berg phoned Chancellor Olaf Weber on Tuesday.",
            "Macron called Scholz to discuss the budget.",
            "Biden and Harris telephoned Zelensky twice last week.",
        ],
        &[
            "Macron called the plan a mistake.",
            "She founded a firm called Orbita in 2019.",
            "The minister called on Ankara to show restraint.",
            "The church bells rang in the new year.",
        ],
    ),
    (
        "call.medium",
        &[
            "Macron and Scholz spoke by phone on Sunday.",
            "The president held talks by video link with the Japanese prime minister.",
            "Minister Ana Silva spoke with her French counterpart over the phone.",
        ],
        &[
            "The chancellor is due to speak by video link to the summit.",
            "Tickets can be booked by phone.",
        ],
    ),
    (
        "call.backref",
        &["Hill spoke by phone with Berg. During the call, they discussed trade."],
        &[],
    ),
];

#[cfg(test)]
mod tests {
    use super::EXAMPLES;
    use crate::{Document, Extractor};

    #[test]
    fn rule_examples() {
        let ex = Extractor::new();
        let mut failures = Vec::new();
        for (rule, pos, neg) in EXAMPLES {
            let kind = rule.split('.').next().unwrap_or("");
            for s in *pos {
                let evs = ex.extract(&Document::new("t", s));
                if !evs.iter().any(|e| e.rule == *rule) {
                    let got: Vec<&str> = evs.iter().map(|e| e.rule.as_str()).collect();
                    failures.push(format!("{rule}: missed in {s:?} (got {got:?})"));
                }
            }
            for s in *neg {
                let evs = ex.extract(&Document::new("t", s));
                if let Some(e) = evs.iter().find(|e| e.kind.name() == kind) {
                    failures.push(format!("{rule}: fired on negative {s:?} ({})", e.rule));
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
}
