//! The jobs of the mass actions (mass convert, mass delete, mass change owner, merge, inventory
//! mass convert): each is applied to the store when it is scheduled, and its status then moves
//! `SCHEDULED` → `RUNNING` → `COMPLETED` over the status checks the sandbox was configured with
//! ([`SandboxBuilder::mass_update_pending_polls`](crate::SandboxBuilder::mass_update_pending_polls)).
//!
//! Zoho does not document when a job ends `FAILED` rather than `COMPLETED` with failed records;
//! the sandbox answers `FAILED` when the job had records and none of them could be processed.

use std::collections::HashMap;

/// What a job does, so that a status call of another action does not see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum JobKind {
    MassConvert,
    MassDelete,
    MassChangeOwner,
    Merge,
    InventoryConvert,
}

/// One scheduled job.
#[derive(Debug, Clone)]
pub(crate) struct ActionJob {
    pub kind: JobKind,
    pub module: &'static str,
    /// Records the job was given.
    pub total: usize,
    /// Records it processed.
    pub done: usize,
    /// Status checks still to answer before the job is final.
    polls_left: u32,
    /// Status checks answered so far.
    polls: u32,
}

/// Where a job stands, as its status check answers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Phase {
    Scheduled,
    Running,
    Completed,
    Failed,
}

impl Phase {
    /// Zoho's word for it.
    pub(crate) fn word(self) -> &'static str {
        match self {
            Phase::Scheduled => "SCHEDULED",
            Phase::Running => "RUNNING",
            Phase::Completed => "COMPLETED",
            Phase::Failed => "FAILED",
        }
    }

    /// Whether the counts are final.
    pub(crate) fn is_final(self) -> bool {
        matches!(self, Phase::Completed | Phase::Failed)
    }
}

impl ActionJob {
    /// A job of `total` records of which `done` were processed, final after `polls` checks.
    pub(crate) fn new(
        kind: JobKind,
        module: &'static str,
        total: usize,
        done: usize,
        polls: u32,
    ) -> Self {
        ActionJob {
            kind,
            module,
            total,
            done,
            polls_left: polls,
            polls: 0,
        }
    }

    /// Records it did not process.
    pub(crate) fn not_done(&self) -> usize {
        self.total - self.done
    }
}

/// Every job scheduled, by id.
#[derive(Debug, Clone, Default)]
pub(crate) struct ActionJobs {
    jobs: HashMap<String, ActionJob>,
}

impl ActionJobs {
    /// Keeps a job under `id`.
    pub(crate) fn add(&mut self, id: String, job: ActionJob) {
        self.jobs.insert(id, job);
    }

    /// Answers one status check of the job `id` of this kind and module: where it stands now.
    pub(crate) fn poll(
        &mut self,
        id: &str,
        kind: JobKind,
        module: &str,
    ) -> Option<(Phase, ActionJob)> {
        let job = self
            .jobs
            .get_mut(id)
            .filter(|j| j.kind == kind && j.module == module)?;
        let phase = if job.polls_left > 0 {
            job.polls_left -= 1;
            if job.polls == 0 {
                Phase::Scheduled
            } else {
                Phase::Running
            }
        } else if job.total > 0 && job.done == 0 {
            Phase::Failed
        } else {
            Phase::Completed
        };
        job.polls += 1;
        Some((phase, job.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_moves_through_its_states() {
        let mut jobs = ActionJobs::default();
        jobs.add(
            "1".into(),
            ActionJob::new(JobKind::MassDelete, "Leads", 3, 2, 2),
        );
        let phase = |jobs: &mut ActionJobs| jobs.poll("1", JobKind::MassDelete, "Leads").unwrap().0;
        assert_eq!(phase(&mut jobs), Phase::Scheduled);
        assert_eq!(phase(&mut jobs), Phase::Running);
        assert_eq!(phase(&mut jobs), Phase::Completed);
        assert!(jobs.poll("1", JobKind::MassConvert, "Leads").is_none());
        assert!(jobs.poll("1", JobKind::MassDelete, "Deals").is_none());
    }

    #[test]
    fn a_job_that_processed_nothing_failed() {
        let mut jobs = ActionJobs::default();
        jobs.add(
            "1".into(),
            ActionJob::new(JobKind::MassDelete, "Leads", 2, 0, 0),
        );
        let (phase, _) = jobs.poll("1", JobKind::MassDelete, "Leads").unwrap();
        assert_eq!(phase, Phase::Failed);
    }
}
