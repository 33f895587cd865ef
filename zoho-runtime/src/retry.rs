//! When a failed call is sent again, and how long to wait first.

use std::ops::ControlFlow;
use std::time::{Duration, Instant};

use crate::error::{Error, Fate};
use crate::meta::EndpointMeta;
use crate::response::{decode_json, RawResponse};
use crate::types::Method;

/// How a client retries calls that failed in a way that may pass: `429 TOO_MANY_REQUESTS`,
/// `5xx`, a connection that failed or broke, a timeout.
///
/// Waits grow exponentially from `initial_backoff` to `max_backoff`, with jitter so that many
/// clients refused at once do not come back at once; a `Retry-After` header, when Zoho sends one,
/// is a floor. A call stops after `max_attempts` or when the next wait would end past its
/// `deadline`, and then returns the last answer or error.
///
/// Only what is safe to repeat is repeated. After any of these failures, an endpoint whose
/// `META.idempotent` is true: `GET`, `PUT` and `DELETE` unless declared `idempotent = false`,
/// and a `POST` or `PATCH` declared `idempotent`. Any other only when it surely was not
/// applied (a refused connection, a `429`). Otherwise the call ends with
/// [`Error::NotRetried`](crate::Error::NotRetried). Token requests run on the same attempts.
///
/// ```
/// use std::time::Duration;
/// use zoho_runtime::RetryPolicy;
///
/// let policy = RetryPolicy::default()
///     .max_attempts(8)
///     .backoff(Duration::from_millis(200), Duration::from_secs(10))
///     .deadline(Some(Duration::from_secs(60)));
/// assert_eq!(policy.attempts(), 8);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct RetryPolicy {
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
    deadline: Option<Duration>,
    jitter: bool,
}

impl Default for RetryPolicy {
    /// 5 attempts, waits from 500 ms up to 30 s with jitter, 2 minutes per call.
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 5,
            initial_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(30),
            deadline: Some(Duration::from_secs(120)),
            jitter: true,
        }
    }
}

impl RetryPolicy {
    /// One attempt, never retried.
    pub fn never() -> Self {
        RetryPolicy::default().max_attempts(1)
    }

    /// Attempts per call, the first included (at least 1).
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// The first wait, and the longest any exponential wait grows to.
    pub fn backoff(mut self, initial: Duration, max: Duration) -> Self {
        self.initial_backoff = initial;
        self.max_backoff = max.max(initial);
        self
    }

    /// The longest a call may take, waits and attempts together; `None` for no limit beyond
    /// the attempts.
    pub fn deadline(mut self, deadline: Option<Duration>) -> Self {
        self.deadline = deadline;
        self
    }

    /// Whether waits are jittered (default true). Without jitter, waits are exactly
    /// exponential, which only tests should want.
    pub fn jitter(mut self, jitter: bool) -> Self {
        self.jitter = jitter;
        self
    }

    /// Attempts per call, the first included.
    pub fn attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The wait before attempt `attempt + 1`, or `None` when the call should stop: the
    /// attempts are spent, or the wait would end past the deadline. `elapsed` is the time the
    /// call has taken so far.
    pub(crate) fn next_delay(
        &self,
        attempt: u32,
        elapsed: Duration,
        retry_after: Option<Duration>,
    ) -> Option<Duration> {
        if attempt >= self.max_attempts {
            return None;
        }
        let delay = self
            .backoff_for(attempt)
            .max(retry_after.unwrap_or_default());
        match self.deadline {
            Some(deadline) if elapsed + delay >= deadline => None,
            _ => Some(delay),
        }
    }

    /// Exponential backoff with "equal jitter": half the wait is fixed, half random, so waits
    /// still grow while clients refused together spread out.
    fn backoff_for(&self, attempt: u32) -> Duration {
        let exponent = attempt.saturating_sub(1).min(31);
        let base = self
            .initial_backoff
            .saturating_mul(1u32 << exponent)
            .min(self.max_backoff);
        if !self.jitter || base.is_zero() {
            return base;
        }
        let half = base / 2;
        let spread = u64::try_from(half.as_micros()).unwrap_or(u64::MAX);
        half + Duration::from_micros(fastrand::u64(0..=spread))
    }
}

/// What is sent: the method and path template the retry event names, and whether the request
/// may be sent again when its fate is unknown.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Target {
    pub(crate) method: Method,
    pub(crate) path: &'static str,
    pub(crate) repeatable: bool,
}

impl Target {
    /// An endpoint's call: `META.idempotent` alone says whether it may be repeated, since it
    /// already holds the method's default unless the declaration overrode it.
    pub(crate) fn endpoint(meta: &'static EndpointMeta) -> Target {
        Target {
            method: meta.method,
            path: meta.path,
            repeatable: meta.idempotent,
        }
    }
}

/// The attempts of one call: the one engine behind API calls and token requests alike. Each
/// attempt's result is sorted by [`classify`]; the policy says whether and when to try again.
pub(crate) struct Attempts<'a> {
    policy: &'a RetryPolicy,
    target: Target,
    started: Instant,
    attempt: u32,
    /// Attempts that do not spend the budget: the one after a token refresh.
    free: u32,
}

impl<'a> Attempts<'a> {
    /// The first attempt of a call, starting its deadline now.
    pub(crate) fn new(policy: &'a RetryPolicy, target: Target) -> Self {
        Attempts {
            policy,
            target,
            started: Instant::now(),
            attempt: 1,
            free: 0,
        }
    }

    /// The number of the attempt about to be made, from 1.
    pub(crate) fn number(&self) -> u32 {
        self.attempt
    }

    /// Counts one more attempt that is not a failure of the call (the token was refreshed).
    pub(crate) fn again_free(&mut self) {
        self.attempt += 1;
        self.free += 1;
    }

    /// Settles an attempt's result: `Break` with the call's result, or `Continue` after the
    /// wait before the next attempt. A request that may have been applied is repeated only if
    /// its target is repeatable; else it ends in [`Error::NotRetried`].
    pub(crate) async fn settle(
        &mut self,
        result: Result<RawResponse, Error>,
    ) -> ControlFlow<Result<RawResponse, Error>> {
        let fate = classify(&result);
        if let Fate::Final { .. } = fate {
            return ControlFlow::Break(result);
        }
        if fate == Fate::MaybeApplied && !self.target.repeatable {
            return ControlFlow::Break(Err(Error::NotRetried {
                method: self.target.method.as_str(),
                path: self.target.path,
                source: Box::new(failure_error(result)),
            }));
        }
        let retry_after = match &result {
            Ok(raw) => raw.retry_after.map(Duration::from_secs),
            Err(_) => None,
        };
        let tries = self.attempt - self.free;
        let elapsed = self.started.elapsed();
        let Some(wait) = self.policy.next_delay(tries, elapsed, retry_after) else {
            return ControlFlow::Break(result);
        };
        self.log_retry(wait, &result);
        tokio::time::sleep(wait).await;
        self.attempt += 1;
        ControlFlow::Continue(())
    }

    fn log_retry(&self, wait: Duration, result: &Result<RawResponse, Error>) {
        tracing::warn!(
            method = self.target.method.as_str(),
            path = self.target.path,
            attempt = self.attempt,
            wait_ms = wait.as_millis() as u64,
            failure = %describe(result),
            "retrying"
        );
    }
}

/// The one classifier of an attempt's result: an answer by its status, an error as
/// [`Error::fate`] sorts it.
pub(crate) fn classify(result: &Result<RawResponse, Error>) -> Fate {
    match result {
        Ok(raw) => Fate::of_status(raw.status),
        Err(error) => error.fate(),
    }
}

/// The error an attempt's failure amounts to, for [`Error::NotRetried`].
fn failure_error(result: Result<RawResponse, Error>) -> Error {
    match result {
        Ok(raw) => match decode_json::<serde::de::IgnoredAny>(&raw) {
            Err(error) => error,
            Ok(_) => Error::UnexpectedBody {
                status: raw.status,
                reason: "a failure status with a body that is not a Zoho error".to_owned(),
                body_start: raw.body_start(),
            },
        },
        Err(error) => error,
    }
}

/// A failure in a few words, for the retry event.
fn describe(result: &Result<RawResponse, Error>) -> String {
    match result {
        Ok(raw) => match raw.answer_code() {
            Some(code) => format!("HTTP {} {code}", raw.status),
            None => format!("HTTP {}", raw.status),
        },
        Err(error) => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact() -> RetryPolicy {
        RetryPolicy::default()
            .jitter(false)
            .backoff(Duration::from_millis(100), Duration::from_millis(450))
            .deadline(None)
    }

    #[test]
    fn waits_double_up_to_the_cap_and_attempts_run_out() {
        let policy = exact().max_attempts(5);
        let waits: Vec<_> = (1..=5)
            .map(|attempt| policy.next_delay(attempt, Duration::ZERO, None))
            .collect();
        let ms = Duration::from_millis;
        assert_eq!(
            waits,
            [
                Some(ms(100)),
                Some(ms(200)),
                Some(ms(400)),
                Some(ms(450)),
                None
            ]
        );
    }

    #[test]
    fn retry_after_is_a_floor() {
        let policy = exact();
        let wait = policy.next_delay(1, Duration::ZERO, Some(Duration::from_secs(3)));
        assert_eq!(wait, Some(Duration::from_secs(3)));
    }

    #[test]
    fn a_wait_past_the_deadline_stops_the_call() {
        let policy = exact().deadline(Some(Duration::from_secs(2)));
        assert_eq!(
            policy.next_delay(1, Duration::from_millis(1950), None),
            None
        );
        assert!(policy.next_delay(1, Duration::from_secs(1), None).is_some());
        let long = Some(Duration::from_secs(5));
        assert_eq!(policy.next_delay(1, Duration::ZERO, long), None);
    }

    #[test]
    fn jitter_stays_between_half_and_the_whole_wait() {
        let policy = exact().jitter(true).max_attempts(100);
        for _ in 0..200 {
            let wait = policy.next_delay(2, Duration::ZERO, None).unwrap();
            assert!(wait >= Duration::from_millis(100) && wait <= Duration::from_millis(200));
        }
    }

    #[test]
    fn huge_attempt_numbers_do_not_overflow() {
        let policy = exact().max_attempts(u32::MAX);
        assert_eq!(
            policy.next_delay(1_000, Duration::ZERO, None),
            Some(Duration::from_millis(450))
        );
    }

    #[test]
    fn sorts_answers_by_what_is_safe() {
        let answer = |status| Ok(RawResponse::new(status, Vec::new()));
        assert_eq!(classify(&answer(429)), Fate::NotApplied);
        assert_eq!(classify(&answer(503)), Fate::MaybeApplied);
        for status in [200, 201, 207, 400, 401, 404] {
            assert!(
                matches!(classify(&answer(status)), Fate::Final { .. }),
                "{status}"
            );
        }
        let timeout = Err(Error::Timeout {
            url: "https://www.zohoapis.com/crm/v8/Leads".into(),
            after: Duration::from_secs(1),
        });
        assert_eq!(classify(&timeout), Fate::MaybeApplied);
        let too_large = Err(Error::BodyTooLarge {
            status: 503,
            limit: 10,
        });
        assert!(matches!(classify(&too_large), Fate::Final { .. }));
        assert!(matches!(
            classify(&Err(Error::config("x"))),
            Fate::Final { .. }
        ));
    }

    #[tokio::test(flavor = "current_thread")]
    async fn a_target_not_repeatable_ends_a_maybe_applied_failure() {
        let policy = exact().backoff(Duration::from_millis(1), Duration::from_millis(1));
        let target = |repeatable| Target {
            method: Method::Put,
            path: "/Leads",
            repeatable,
        };
        let failed = || Ok(RawResponse::new(500, Vec::new()));
        let mut once = Attempts::new(&policy, target(false));
        let ControlFlow::Break(Err(Error::NotRetried { method, .. })) = once.settle(failed()).await
        else {
            panic!("a 500 on a call not safe to repeat ends it");
        };
        assert_eq!(method, "PUT");
        let mut again = Attempts::new(&policy, target(true));
        assert!(again.settle(failed()).await.is_continue());
        assert_eq!(again.number(), 2);
        let limited = || Ok(RawResponse::new(429, Vec::new()));
        assert!(once.settle(limited()).await.is_continue());
    }
}
