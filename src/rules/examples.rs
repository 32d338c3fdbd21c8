//! Example sentences for every rule: each positive sentence must produce an
//! event of the rule's kind with that rule id; each negative sentence must
//! produce no event of that kind. Run by `rule_examples` below.

/// (rule id, sentences that fire it, sentences that must not give its kind)
pub(crate) const EXAMPLES: &[(&str, &[&str], &[&str])] = &[];
