//! Waiting for Zoho's jobs: bulk read, bulk write, mass update, mass convert, mass delete and
//! mass change owner answer a job id, and the job's status call says how far it has got.
//!
//! A status answer implements [`JobStatus`]; [`Client::wait_for_job`] sends the status call
//! until the job completes, waiting longer between polls each time under a deadline, and
//! returns the final status. A failed or expired job is [`Error::JobFailed`]; a job still
//! running at the deadline is [`Error::JobTimedOut`] (it may complete later, so ask again
//! rather than create it anew).
//!
//! ```
//! use std::time::Duration;
//! use zoho_runtime::jobs::{JobState, JobStatus, Wait};
//!
//! struct MassUpdateStatus { status: String }
//!
//! impl JobStatus for MassUpdateStatus {
//!     fn job_id(&self) -> &str { "4150868000002312001" }
//!     fn state(&self) -> JobState {
//!         JobState::from_zoho(&self.status)
//!     }
//! }
//!
//! assert_eq!(JobState::from_zoho("IN PROGRESS"), JobState::Running);
//! assert_eq!(JobState::from_zoho("COMPLETED"), JobState::Completed);
//! let wait = Wait::default().deadline(Duration::from_secs(600));
//! assert_eq!(wait.first_interval(), Duration::from_millis(500));
//! ```

use std::time::{Duration, Instant};

use crate::client::Client;
use crate::endpoint::Endpoint;
use crate::error::Error;

/// Where a job stands.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum JobState {
    /// Accepted, not started: `ADDED`, `QUEUED`, `SCHEDULED`.
    Pending,
    /// Being processed: `IN PROGRESS`, `RUNNING`.
    Running,
    /// Done; its result can be read.
    Completed,
    /// Failed; the text is Zoho's reason, or its state when it gave none.
    Failed(String),
    /// Its result is no longer available.
    Expired,
}

impl JobState {
    /// The state of the status words Zoho's job APIs use, compared without case and with `_`
    /// and ` ` alike. A word not known is read as still running, so that a new intermediate
    /// state does not end a wait early; the deadline still bounds it.
    pub fn from_zoho(word: &str) -> JobState {
        let word = word.trim().to_ascii_uppercase().replace('_', " ");
        match word.as_str() {
            "ADDED" | "QUEUED" | "QUEUE" | "SCHEDULED" | "CREATED" => JobState::Pending,
            "COMPLETED" | "COMPLETE" | "SUCCESS" | "DONE" => JobState::Completed,
            "FAILED" | "FAILURE" | "CANCELLED" | "CANCELED" | "ABORTED" => JobState::Failed(word),
            "EXPIRED" => JobState::Expired,
            _ => JobState::Running,
        }
    }

    /// Whether the job will change no more.
    pub fn is_final(&self) -> bool {
        matches!(
            self,
            JobState::Completed | JobState::Failed(_) | JobState::Expired
        )
    }
}

/// A job's status answer.
pub trait JobStatus {
    /// The job's id. The status answers of Zoho's mass actions carry none (only the counts):
    /// such an answer gives `""`, and [`Client::wait_for_job`] names the job by the `job_id`
    /// parameter of its status call.
    fn job_id(&self) -> &str;

    /// Where the job stands.
    fn state(&self) -> JobState;

    /// Zoho's words for the state, for errors; the state's by default.
    fn state_text(&self) -> String {
        format!("{:?}", self.state())
    }
}

/// How long to wait between polls, and for how long in all.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Wait {
    first: Duration,
    max: Duration,
    factor: f64,
    deadline: Duration,
}

impl Default for Wait {
    /// 500 ms after the first poll, half as long again after each, at most 30 s between polls,
    /// 30 minutes in all (Zoho's bulk jobs can take several minutes).
    fn default() -> Self {
        Wait {
            first: Duration::from_millis(500),
            max: Duration::from_secs(30),
            factor: 1.5,
            deadline: Duration::from_secs(30 * 60),
        }
    }
}

impl Wait {
    /// The wait after the first poll.
    pub fn first_interval(&self) -> Duration {
        self.first
    }

    /// Sets the wait after the first poll.
    pub fn interval(mut self, first: Duration) -> Self {
        self.first = first;
        self.max = self.max.max(first);
        self
    }

    /// Sets the longest wait between two polls.
    pub fn max_interval(mut self, max: Duration) -> Self {
        self.max = max.max(self.first);
        self
    }

    /// Sets how much longer each wait is than the one before (at least 1).
    pub fn backoff(mut self, factor: f64) -> Self {
        self.factor = if factor.is_finite() {
            factor.max(1.0)
        } else {
            1.0
        };
        self
    }

    /// How long to wait in all before [`Error::JobTimedOut`].
    pub fn total(&self) -> Duration {
        self.deadline
    }

    /// Sets how long to wait in all before [`Error::JobTimedOut`].
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = deadline;
        self
    }

    fn next(&self, interval: Duration) -> Duration {
        interval.mul_f64(self.factor).min(self.max)
    }
}

impl Client {
    /// Sends `status` until the job it asks about is final, and returns its last answer when the
    /// job completed. Each poll is a call like any other: retried under the client's rules.
    pub async fn wait_for_job<E>(&self, status: &E, wait: &Wait) -> Result<E::Response, Error>
    where
        E: Endpoint,
        E::Response: JobStatus,
    {
        let started = Instant::now();
        let mut interval = wait.first;
        loop {
            let answer = self.send(status).await?;
            let job_id = || job_id_of(status, &answer);
            match answer.state() {
                JobState::Completed => return Ok(answer),
                JobState::Failed(reason) => {
                    return Err(Error::JobFailed {
                        job_id: job_id(),
                        state: answer.state_text(),
                        reason,
                    })
                }
                JobState::Expired => {
                    return Err(Error::JobFailed {
                        job_id: job_id(),
                        state: answer.state_text(),
                        reason: "the job's result has expired".to_owned(),
                    })
                }
                JobState::Pending | JobState::Running => {}
            }
            let waited = started.elapsed();
            if waited + interval > wait.deadline {
                return Err(Error::JobTimedOut {
                    job_id: job_id(),
                    state: answer.state_text(),
                    waited,
                });
            }
            tokio::time::sleep(interval).await;
            interval = wait.next(interval);
        }
    }
}

/// The job's id as its status answer gives it, or else as the status call's `job_id`
/// parameter names it.
fn job_id_of<E>(status: &E, answer: &E::Response) -> String
where
    E: Endpoint,
    E::Response: JobStatus,
{
    let given = answer.job_id();
    if !given.is_empty() {
        return given.to_owned();
    }
    let parts = status.request_parts().ok();
    let param = parts
        .as_ref()
        .and_then(|p| p.query_pairs().iter().find(|(name, _)| *name == "job_id"))
        .map(|(_, value)| value.clone());
    param.unwrap_or_default()
}
