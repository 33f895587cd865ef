//! When a failed call is sent again, and how long to wait first.

use std::time::Duration;

use crate::endpoint::EndpointMeta;
use crate::response::RawResponse;
use crate::Error;

/// How a client retries calls that failed in a way that may pass: `429 TOO_MANY_REQUESTS`,
/// `5xx`, a connection that failed or broke, a timeout.
///
/// Waits grow exponentially from `initial_backoff` to `max_backoff`, with jitter so that many
/// clients refused at once do not come back at once; a `Retry-After` header, when Zoho sends one,
/// is a floor. A call stops after `max_attempts` or when the next wait would end past its
/// `deadline`, and then returns the last answer or error.
///
/// Only what is safe to repeat is repeated: `GET`, `PUT`, `DELETE` and endpoints declared
/// idempotent after any of these failures; a `POST` or `PATCH` only when it surely was not
/// applied (a refused connection, a `429`). Otherwise the call ends with
/// [`Error::NotRetried`](crate::Error::NotRetried).
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

/// Whether an endpoint may be sent again when its fate is unknown: `META.idempotent` alone,
/// which already holds the method's default unless the declaration overrode it.
pub(crate) fn repeatable(meta: &EndpointMeta) -> bool {
    meta.idempotent
}

/// An attempt's failure that another attempt may cure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Transient {
    /// Zoho did not process the request: the connection was refused, or Zoho answered `429`.
    /// Safe to send again whatever the method.
    NotApplied {
        /// How long Zoho asked to wait.
        retry_after: Option<Duration>,
    },
    /// The request may have been applied: a `5xx`, a connection broken after sending, a
    /// timeout. Safe to send again only if the endpoint is repeatable.
    MaybeApplied {
        /// How long Zoho asked to wait.
        retry_after: Option<Duration>,
    },
}

impl Transient {
    /// Sorts an attempt's result: `None` when it is final (a success, a Zoho refusal, a bad
    /// request), else how it failed.
    pub(crate) fn of(result: &Result<RawResponse, Error>) -> Option<Transient> {
        match result {
            Ok(raw) => {
                let retry_after = raw.retry_after.map(Duration::from_secs);
                match raw.status {
                    429 => Some(Transient::NotApplied { retry_after }),
                    500..=599 => Some(Transient::MaybeApplied { retry_after }),
                    _ => None,
                }
            }
            Err(Error::Transport {
                delivered: false, ..
            }) => Some(Transient::NotApplied { retry_after: None }),
            Err(Error::Transport { .. } | Error::Timeout { .. }) => {
                Some(Transient::MaybeApplied { retry_after: None })
            }
            Err(_) => None,
        }
    }

    /// How long Zoho asked to wait, when it said.
    pub(crate) fn retry_after(self) -> Option<Duration> {
        match self {
            Transient::NotApplied { retry_after } | Transient::MaybeApplied { retry_after } => {
                retry_after
            }
        }
    }

    /// Whether the request may have reached Zoho and been applied.
    pub(crate) fn maybe_applied(self) -> bool {
        matches!(self, Transient::MaybeApplied { .. })
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
        assert_eq!(
            Transient::of(&answer(429)),
            Some(Transient::NotApplied { retry_after: None })
        );
        let mut limited = RawResponse::new(429, Vec::new());
        limited.retry_after = Some(7);
        assert_eq!(
            Transient::of(&Ok(limited)).and_then(Transient::retry_after),
            Some(Duration::from_secs(7))
        );
        assert!(Transient::of(&answer(503)).is_some_and(Transient::maybe_applied));
        for status in [200, 201, 207, 400, 401, 404] {
            assert_eq!(Transient::of(&answer(status)), None, "{status}");
        }
        let timeout = Err(Error::Timeout {
            url: "https://www.zohoapis.com/crm/v8/Leads".into(),
            after: Duration::from_secs(1),
        });
        assert!(Transient::of(&timeout).is_some_and(Transient::maybe_applied));
        assert_eq!(Transient::of(&Err(Error::config("x"))), None);
    }
}
