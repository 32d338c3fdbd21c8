//! The rule catalogue: every rule the extractor has, with a line saying what
//! it recognises. An event names the rule that found it (`rule` in the
//! output, [`RuleId::name`]); a candidate turned away names the sense rule
//! that judged it. Every rule has example sentences both ways in
//! `examples.txt`, and the test below fails when one has none.

/// Declares [`RuleId`] with one variant per rule, its id and its doc line.
macro_rules! catalogue {
    ($( $(#[doc = $doc:literal])+ $variant:ident = $id:literal, )*) => {
        /// A rule of the extractor.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub(crate) enum RuleId {
            $( $(#[doc = $doc])+ $variant, )*
        }

        impl RuleId {
            /// Every rule, in catalogue order.
            pub(crate) const ALL: &'static [RuleId] = &[$(RuleId::$variant),*];

            /// The rule's id, as the output shows it ("attack.passive").
            pub(crate) fn name(self) -> &'static str {
                match self { $(RuleId::$variant => $id,)* }
            }

            /// What the rule recognises (for a sense rule: what it turns
            /// away), in words.
            pub(crate) fn doc(self) -> &'static str {
                match self { $(RuleId::$variant => concat!($($doc),+).trim(),)* }
            }
        }
    };
}

catalogue! {
    // Attacks.
    /// "X attacked/shelled/bombed Y": an attack verb with its subject and object.
    AttackActive = "attack.active",
    /// "Y was attacked (by X)": a passive attack verb.
    AttackPassive = "attack.passive",
    /// "N people were killed (in P)": a passive casualty verb with no attack word.
    AttackKilledPassive = "attack.killed_passive",
    /// "armed men killed N": an armed actor as the subject of a casualty verb.
    AttackArmedActorKilled = "attack.armed_actor_killed",
    /// "an attack / the bombing (by X) (on Y)": an attack noun and its phrases.
    AttackNominal = "attack.nominal",
    /// "X's assault on Y": an attack noun with a possessive attacker.
    AttackPossessive = "attack.possessive",
    /// "Israeli airstrikes hit ...": a party or demonym modifying the attack noun.
    AttackModifierAttacker = "attack.modifier_attacker",
    /// "X launched/carried out attacks on Y": a light verb and its attack noun.
    AttackLightVerbSubject = "attack.light_verb_subject",
    /// "X killed Y in a raid": the subject of a harm verb whose "in" phrase is the attack noun.
    AttackHarmVerbSubject = "attack.harm_verb_subject",
    /// "X came under fire from Y": the subject of "came under" is the target, "from" the attacker.
    AttackCameUnder = "attack.came_under",
    /// "attacks by X on Y": the attacker after "by" of an attack noun.
    AttackByAgent = "attack.by_agent",
    /// "X fired rockets at Y": a weapon fired at a target.
    AttackFiredWeapon = "attack.fired_weapon",
    /// "a car bomb exploded": a weapon that exploded.
    AttackWeaponExploded = "attack.weapon_exploded",
    /// "a roadside bomb killed N": a weapon as the subject of a casualty verb.
    AttackWeaponKilled = "attack.weapon_killed",
    /// "the bomber blew himself up at the gate": an attacker who blew himself or a target up.
    AttackBlewUp = "attack.blew_up",
    /// "X claimed (responsibility for) the attack": the claimant is the attacker.
    AttackClaimed = "attack.claimed",
    /// "blamed X for the bombing": the one blamed is the attacker.
    AttackBlamedFor = "attack.blamed_for",
    /// "the groups behind the attacks": the attacker named by "behind".
    AttackBehind = "attack.behind",
    /// "a man stabbed two tourists": a violent crime by a person on a person.
    AttackCrime = "attack.crime",
    /// "urged X to refrain from attacking Y": the controller of an infinitive is the attacker.
    AttackControlled = "attack.controlled",
    /// "several strikes that killed four": an attack word counted, told with its casualties.
    AttackCounted = "attack.counted",
    /// An attack word known only by the casualties of its sentence.
    AttackWithCasualties = "attack.with_casualties",
    /// "Rebels overran a post, killing 12 soldiers": a clause of force before its casualties.
    AttackClauseCasualties = "attack.clause_casualties",
    /// "the attack", "Tuesday's strike": a back-reference to an attack told before.
    AttackBackref = "attack.backref",
    // Calls.
    /// "X phoned/called Y": a call verb with its caller and callee.
    CallVerb = "call.verb",
    /// "X spoke (with Y) by phone / over a video link": talk through a medium.
    CallMedium = "call.medium",
    /// "X held a phone call with Y": a call noun with "with".
    CallWith = "call.with",
    /// "a phone call between X and Y": the parties after "between".
    CallBetween = "call.between",
    /// "In a phone call, X thanked Y": the clause after the call noun gives the parties.
    CallInACall = "call.in_a_call",
    /// "X's phone call", "the call from X": a call noun with its parties around it.
    CallNoun = "call.noun",
    /// "during the call": a back-reference to a call told before.
    CallBackref = "call.backref",
    // Visits.
    /// "X visited Y": a visit verb with its visitor and destination.
    VisitVerb = "visit.verb",
    /// "X travelled/flew/arrived to/in Y": a motion verb with its destination.
    VisitMotionTo = "visit.motion_to",
    /// "X hosted Y", "Y was received by X": a host receiving a visitor.
    VisitHosted = "visit.hosted",
    /// "X made/paid a visit to Y": a light verb and its visit noun.
    VisitLightVerb = "visit.light_verb",
    /// "X's visit to Y": a visit noun with a possessive visitor.
    VisitPossessive = "visit.possessive",
    /// "the visit of X to Y": a visit noun with its visitor after "of".
    VisitOfVisitor = "visit.of_visitor",
    /// "a visit to Y by X": a visit noun with its visitor after "by".
    VisitByVisitor = "visit.by_visitor",
    /// "If the visit goes ahead, X ...": the visitor is the subject of the main clause.
    VisitOpeningClause = "visit.opening_clause",
    /// "a visit to Y": a visit noun with its destination and no visitor phrase.
    VisitNoun = "visit.noun",
    /// "the visit": a back-reference to a visit told before.
    VisitBackref = "visit.backref",
    // Statements.
    /// "X said (that) ...": a speech verb with its speaker and content.
    StatementSay = "statement.say",
    /// "..., said X": a speech verb after its content, speaker after it.
    StatementSayInverted = "statement.say_inverted",
    /// "“...,” X said": a quotation, then its speaker and verb.
    StatementQuoteThenSpeaker = "statement.quote_then_speaker",
    /// "..., a spokesman said": a clause, then its speaker and verb.
    StatementClauseThenSpeaker = "statement.clause_then_speaker",
    /// "X told Y (that) ...": a speech verb with an addressee.
    StatementTell = "statement.tell",
    /// "X urged Y to ...": a verb of urging with its addressee and the urged act.
    StatementUrge = "statement.urge",
    /// "X condemned Y": a speech-act verb with its object as content.
    StatementObject = "statement.object",
    /// "X called for Y": a speech verb with its content after a preposition.
    StatementPrep = "statement.prep",
    /// "according to X": the source of the clause around it.
    StatementAccordingTo = "statement.according_to",
    /// "In a statement, X ...": the clause after the statement noun.
    StatementInAStatement = "statement.in_a_statement",
    /// "X issued a statement ...": a light verb and its statement noun.
    StatementIssuedStatement = "statement.issued_statement",
    /// "X's statement", "X's condemnation": a statement noun with a possessive speaker.
    StatementNounPossessive = "statement.noun_possessive",
    /// "condemnation from X": a statement noun with its speaker after "from".
    StatementNounFrom = "statement.noun_from",
    /// "X declined to comment": a statement refused, negated and without content.
    StatementNoComment = "statement.no_comment",
    /// "X “reaffirmed the commitment ...”": a speech verb with a quoted content.
    StatementPartialQuote = "statement.partial_quote",
    /// "Y was announced by X": a passive speech verb with its speaker after "by".
    StatementPassiveBy = "statement.passive_by",
    /// "X was quoted as saying": the one quoted is the speaker.
    StatementQuotedAsSaying = "statement.quoted_as_saying",
    // Sense rules written in code (those of `senses.tsv` are data).
    /// Turns away an attack whose attacker is a critic: words, not force.
    SenseCriticism = "sense.criticism",
    /// Turns away an attack whose attacker is a thing (a slump, a law, a product).
    SenseAttackerType = "sense.attacker_type",
    /// Turns away an attack on a thing that force does not hit (plans, a deal, prices, a website).
    SenseTargetType = "sense.target_type",
    /// Turns away a raid by police or agents: a search, not an attack.
    SensePoliceSearch = "sense.police_search",
    /// Turns away an ambiguous attack word with no weapon, casualty, armed party or physical target.
    SenseNoForce = "sense.no_force",
    /// Turns away a motion verb whose subject is a thing (an award, a product).
    SenseThingMoves = "sense.thing_moves",
    /// Turns away a visit whose destination is not a place (the top, the final, a deal).
    SenseDestinationType = "sense.destination_type",
    /// Turns away travel in a sports report: a fixture, a tour or an undated move to a club, not a visit.
    SenseFixture = "sense.fixture",
    /// Turns away a motion verb that moves its object or, passive, its subject ("flew troops to X").
    SenseCarried = "sense.carried",
    /// Turns away travel in general: bare plural travellers, a move to live somewhere.
    SenseTravelInGeneral = "sense.travel_in_general",
    /// Turns away a tour in a music report: a concert tour, not a visit.
    SenseMusicReport = "sense.music_report",
    /// Turns away a call in a sports report that is not a phone call: a selection.
    SenseSelection = "sense.selection",
    /// Turns away phone calls in general, held by no named party: a practice or a product.
    SenseCallsInGeneral = "sense.calls_in_general",
}

#[cfg(test)]
mod tests {
    use super::RuleId;
    use crate::{Decision, Document, Extractor};

    /// A rule's examples: its id, the kind a sense rule judges, and the
    /// sentences for (`+`) and against (`-`).
    struct Examples {
        id: String,
        kind: Option<String>,
        fire: Vec<String>,
        not: Vec<String>,
    }

    /// The examples of `examples.txt`; a malformed line fails the test.
    fn examples() -> Vec<Examples> {
        let mut all: Vec<Examples> = Vec::new();
        for (n, line) in include_str!("examples.txt").lines().enumerate() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(head) = line.strip_prefix('[') {
                let (id, kind) = head.split_once(']').expect("`[` closed by `]`");
                let kind = Some(kind.trim()).filter(|k| !k.is_empty());
                assert!(all.iter().all(|e| e.id != id), "line {}: {id} twice", n + 1);
                all.push(Examples {
                    id: id.to_string(),
                    kind: kind.map(str::to_string),
                    fire: Vec::new(),
                    not: Vec::new(),
                });
                continue;
            }
            let e = all.last_mut().expect("examples after a [rule id]");
            match line.split_at(line.len().min(2)) {
                ("+ ", s) => e.fire.push(s.to_string()),
                ("- ", s) => e.not.push(s.to_string()),
                _ => panic!("line {}: not `+ ` or `- `: {line:?}", n + 1),
            }
        }
        all
    }

    #[test]
    fn every_rule_has_examples_both_ways() {
        let all = examples();
        let lex = crate::lexicon::LexiconData::builtin().compile();
        let data_rules = lex.senses().cues.iter().map(|c| c.id.clone());
        let code_rules = RuleId::ALL.iter().map(|r| r.name().to_string());
        let mut missing = Vec::new();
        for id in code_rules.chain(data_rules) {
            match all.iter().find(|e| e.id == id) {
                Some(e) if !e.fire.is_empty() && !e.not.is_empty() => {}
                _ => missing.push(id),
            }
        }
        assert!(
            missing.is_empty(),
            "rules without examples both ways: {missing:?}"
        );
    }

    #[test]
    fn every_example_names_a_rule() {
        let lex = crate::lexicon::LexiconData::builtin().compile();
        for e in examples() {
            let known = RuleId::ALL.iter().any(|r| r.name() == e.id)
                || lex.senses().cues.iter().any(|c| c.id == e.id);
            assert!(known, "examples for an unknown rule {}", e.id);
            assert_eq!(
                e.id.starts_with("sense."),
                e.kind.is_some(),
                "{}: kind",
                e.id
            );
        }
    }

    #[test]
    fn rules_fire_on_their_examples_and_not_on_the_others() {
        let ex = Extractor::new();
        let mut failures = Vec::new();
        for e in examples() {
            match &e.kind {
                None => extraction_rule(&ex, &e, &mut failures),
                Some(kind) => sense_rule(&ex, &e, kind, &mut failures),
            }
        }
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    /// An extraction rule fires on each `+` sentence; no rule finds an
    /// event of its kind in a `-` sentence.
    fn extraction_rule(ex: &Extractor, e: &Examples, failures: &mut Vec<String>) {
        let kind = e.id.split('.').next().unwrap_or("");
        for s in &e.fire {
            let events = ex.extract(&Document::new("t", s));
            if !events.iter().any(|ev| ev.rule.id() == e.id) {
                let got: Vec<&str> = events.iter().map(|ev| ev.rule.id()).collect();
                failures.push(format!("{}: missed in {s:?} (got {got:?})", e.id));
            }
        }
        for s in &e.not {
            let events = ex.extract(&Document::new("t", s));
            if let Some(ev) = events.iter().find(|ev| ev.kind.name() == kind) {
                failures.push(format!("{}: fired on negative {s:?} ({})", e.id, ev.rule));
            }
        }
    }

    /// A sense rule lets an event of its kind through in each `+` sentence,
    /// and turns away a candidate of its kind in each `-` sentence.
    fn sense_rule(ex: &Extractor, e: &Examples, kind: &str, failures: &mut Vec<String>) {
        for s in &e.fire {
            let doc = Document::new("t", s);
            let turned = ex
                .explain(&doc)
                .into_iter()
                .find(|c| c.decision.rule() == Some(&e.id));
            if let Some(c) = turned {
                failures.push(format!(
                    "{}: rejected kept {s:?} at {:?}",
                    e.id, c.trigger.text
                ));
            } else if !ex.extract(&doc).iter().any(|ev| ev.kind.name() == kind) {
                failures.push(format!("{}: no {kind} in kept {s:?}", e.id));
            }
        }
        for s in &e.not {
            let found = ex.explain(&Document::new("t", s)).into_iter().any(|c| {
                c.kind.as_str() == kind
                    && matches!(&c.decision, Decision::OtherSense { rule, .. } if *rule == e.id)
            });
            if !found {
                failures.push(format!("{}: not turned away in {s:?}", e.id));
            }
        }
    }
}
