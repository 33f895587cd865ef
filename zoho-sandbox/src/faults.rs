//! Faults on demand: latency, a concurrency limit, server errors, dropped connections and bad
//! bodies, decided by seeded chance so a run can be replayed.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::prng::Prng;

/// The whole fault configuration. The default injects nothing.
///
/// Accepted as JSON by `POST /__admin/faults`, e.g.
/// `{"seed": 7, "latency_ms": 20, "rules": [{"fault": {"kind": "drop_connection"}, "phase": "after_apply", "method": "PUT", "times": 1}]}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Faults {
    /// Seeds the chance draws: the same seed and the same request order give the same faults.
    pub seed: u64,
    /// Delay added to every CRM request.
    pub latency_ms: u64,
    /// Chance of a latency spike on a request, in `[0, 1]`.
    pub spike_probability: f64,
    /// Extra delay of a spike.
    pub spike_ms: u64,
    /// CRM requests allowed in flight at once; one more is answered `429 TOO_MANY_REQUESTS`.
    pub max_concurrent: Option<usize>,
    /// Injected faults, tried in order; the first that fires wins.
    pub rules: Vec<FaultRule>,
}

impl Default for Faults {
    fn default() -> Self {
        Faults {
            seed: 0,
            latency_ms: 0,
            spike_probability: 0.0,
            spike_ms: 0,
            max_concurrent: None,
            rules: Vec::new(),
        }
    }
}

/// One injected fault and the requests it applies to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FaultRule {
    /// What happens.
    pub fault: Fault,
    /// Before the request is applied, or after (the write is then stored but the client does
    /// not get the real answer).
    pub phase: Phase,
    /// Only requests with this method (case-insensitive).
    pub method: Option<String>,
    /// Only requests whose path contains this text. Without it, only `/crm/…` requests match;
    /// with it, any path (`"/oauth/v2/token"` targets the token endpoint).
    pub path_contains: Option<String>,
    /// Chance that a matching request gets the fault, in `[0, 1]`.
    pub probability: f64,
    /// Matching requests to let through before the rule may fire.
    pub skip: u32,
    /// How many times the rule fires at most (`None`: without end).
    pub times: Option<u32>,
}

impl Default for FaultRule {
    fn default() -> Self {
        FaultRule::new(Fault::InternalError)
    }
}

impl FaultRule {
    /// A rule that gives every matching `/crm/…` request `fault`, before applying it.
    pub fn new(fault: Fault) -> Self {
        FaultRule {
            fault,
            phase: Phase::BeforeApply,
            method: None,
            path_contains: None,
            probability: 1.0,
            skip: 0,
            times: None,
        }
    }

    /// Fires after the request was applied.
    pub fn after_apply(mut self) -> Self {
        self.phase = Phase::AfterApply;
        self
    }

    /// Only for this method.
    pub fn method(mut self, method: &str) -> Self {
        self.method = Some(method.to_string());
        self
    }

    /// Only for paths containing `text`.
    pub fn path_contains(mut self, text: &str) -> Self {
        self.path_contains = Some(text.to_string());
        self
    }

    /// Fires with this chance.
    pub fn probability(mut self, p: f64) -> Self {
        self.probability = p;
        self
    }

    /// Lets `n` matching requests through first.
    pub fn skip(mut self, n: u32) -> Self {
        self.skip = n;
        self
    }

    /// Fires at most `n` times.
    pub fn times(mut self, n: u32) -> Self {
        self.times = Some(n);
        self
    }
}

/// What an injected fault does to the answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Fault {
    /// `500 {"code":"INTERNAL_ERROR",…}`.
    InternalError,
    /// `429 {"code":"TOO_MANY_REQUESTS",…}`.
    TooManyRequests,
    /// The TCP connection is closed without an answer.
    DropConnection,
    /// `200` with a JSON content type and an HTML body, as a proxy in the way would send.
    MalformedBody,
    /// The real answer (or, before apply, a success) cut in half: well-formed HTTP, broken JSON.
    TruncatedBody,
    /// Any status and body.
    Status {
        /// The HTTP status.
        status: u16,
        /// The JSON body.
        body: Value,
    },
}

/// When a fault strikes relative to applying the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// The request is not applied.
    #[default]
    BeforeApply,
    /// The request is applied, then the answer is replaced.
    AfterApply,
}

/// What to do with one request.
#[derive(Debug, Default)]
pub(crate) struct Plan {
    pub latency: Duration,
    pub before: Option<Fault>,
    pub after: Option<Fault>,
}

impl Plan {
    /// The fault this plan injects, for the journal.
    pub(crate) fn injected(&self) -> Option<InjectedFault> {
        let (fault, phase) = match (&self.before, &self.after) {
            (Some(fault), _) => (fault, Phase::BeforeApply),
            (None, Some(fault)) => (fault, Phase::AfterApply),
            (None, None) => return None,
        };
        Some(InjectedFault {
            fault: fault.clone(),
            phase,
        })
    }
}

/// The configuration with its chance generator and the counts of each rule.
#[derive(Debug)]
pub(crate) struct FaultState {
    config: Faults,
    rng: Prng,
    seen: Vec<u32>,
    fired: Vec<u32>,
}

impl FaultState {
    pub(crate) fn new(config: Faults) -> Self {
        let n = config.rules.len();
        FaultState {
            rng: Prng::new(config.seed),
            config,
            seen: vec![0; n],
            fired: vec![0; n],
        }
    }

    pub(crate) fn config(&self) -> &Faults {
        &self.config
    }

    pub(crate) fn max_concurrent(&self) -> Option<usize> {
        self.config.max_concurrent
    }

    /// Decides latency and faults for one request.
    pub(crate) fn plan(&mut self, method: &str, path: &str) -> Plan {
        let crm = path.starts_with("/crm/");
        let mut plan = Plan::default();
        if crm {
            plan.latency = Duration::from_millis(self.config.latency_ms);
            if self.rng.chance(self.config.spike_probability) {
                plan.latency += Duration::from_millis(self.config.spike_ms);
            }
        }
        if let Some(i) = self.firing_rule(method, path, crm) {
            let rule = &self.config.rules[i];
            match rule.phase {
                Phase::BeforeApply => plan.before = Some(rule.fault.clone()),
                Phase::AfterApply => plan.after = Some(rule.fault.clone()),
            }
        }
        plan
    }

    fn firing_rule(&mut self, method: &str, path: &str, crm: bool) -> Option<usize> {
        for i in 0..self.config.rules.len() {
            let rule = &self.config.rules[i];
            let path_ok = match &rule.path_contains {
                Some(text) => path.contains(text.as_str()),
                None => crm,
            };
            let method_ok = rule
                .method
                .as_ref()
                .is_none_or(|m| m.eq_ignore_ascii_case(method));
            if !(path_ok && method_ok) {
                continue;
            }
            self.seen[i] += 1;
            let spent = rule.times.is_some_and(|t| self.fired[i] >= t);
            if self.seen[i] <= rule.skip || spent {
                continue;
            }
            if self.rng.chance(rule.probability) {
                self.fired[i] += 1;
                return Some(i);
            }
        }
        None
    }
}

/// A fault injected into one request, as the journal records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InjectedFault {
    /// What the client received instead of the real answer.
    pub fault: Fault,
    /// Whether the request was applied first.
    pub phase: Phase,
}

impl InjectedFault {
    /// Whether the request was applied before the fault struck: the client did not get the
    /// real answer, but the write happened.
    pub fn applied(&self) -> bool {
        self.phase == Phase::AfterApply
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skip_and_times_bound_a_rule() {
        let rule = FaultRule::new(Fault::InternalError)
            .method("PUT")
            .skip(1)
            .times(2);
        let mut state = FaultState::new(Faults {
            rules: vec![rule],
            ..Faults::default()
        });
        let fired: Vec<bool> = (0..5)
            .map(|_| state.plan("PUT", "/crm/v2/Leads").before.is_some())
            .collect();
        assert_eq!(fired, [false, true, true, false, false]);
        assert!(state.plan("GET", "/crm/v2/Leads").before.is_none());
    }

    #[test]
    fn rules_without_a_path_only_touch_crm_requests() {
        let mut state = FaultState::new(Faults {
            rules: vec![FaultRule::new(Fault::DropConnection).after_apply()],
            ..Faults::default()
        });
        assert!(state.plan("POST", "/oauth/v2/token").after.is_none());
        assert_eq!(
            state.plan("POST", "/crm/v8/Leads").after,
            Some(Fault::DropConnection)
        );
    }

    #[test]
    fn same_seed_same_decisions() {
        let config = Faults {
            seed: 42,
            rules: vec![FaultRule::new(Fault::InternalError).probability(0.5)],
            ..Faults::default()
        };
        let run = |c: &Faults| {
            let mut s = FaultState::new(c.clone());
            (0..32)
                .map(|_| s.plan("GET", "/crm/v2/Leads").before.is_some())
                .collect::<Vec<_>>()
        };
        let first = run(&config);
        assert_eq!(first, run(&config));
        assert!(first.contains(&true) && first.contains(&false));
    }

    #[test]
    fn parses_admin_json() {
        let f: Faults = serde_json::from_str(
            r#"{"seed":7,"rules":[{"fault":{"kind":"status","status":503,"body":{}},"phase":"after_apply","times":1}]}"#,
        )
        .unwrap();
        assert_eq!(f.rules[0].phase, Phase::AfterApply);
        assert_eq!(f.rules[0].probability, 1.0);
    }
}
