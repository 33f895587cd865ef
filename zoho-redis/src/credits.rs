//! Zoho's API credits: what a call costs, and the org's rolling budget kept in Redis.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use zoho_runtime::admission::CallInfo;
use zoho_runtime::endpoint::Method;

/// What a call costs in API credits, by Zoho's table: an insert, update or upsert 1 credit per
/// 10 records (100 records: 10), converting a lead 5, creating a bulk read job 50 and a bulk
/// write job 500, anything else 1.
///
/// ```
/// use zoho_runtime::admission::CallInfo;
/// use zoho_runtime::endpoint::Method;
///
/// let update = CallInfo::new(Method::Put, "/Leads").records(100);
/// assert_eq!(zoho_redis::cost(&update), 10);
/// let one = CallInfo::new(Method::Put, "/Leads/<id>").records(1);
/// assert_eq!(zoho_redis::cost(&one), 1);
/// let bulk = CallInfo::new(Method::Post, "/read").root("/crm/bulk");
/// assert_eq!(zoho_redis::cost(&bulk), 50);
/// ```
pub fn cost(call: &CallInfo) -> u64 {
    let path = call.path.trim_end_matches('/');
    let bulk = call.root.is_some_and(|root| root.ends_with("/bulk"));
    match call.method {
        Method::Post if bulk && path.ends_with("/read") => 50,
        Method::Post if bulk && path.ends_with("/write") => 500,
        Method::Post if path.ends_with("/actions/convert") => 5,
        Method::Post | Method::Put | Method::Patch => match call.records {
            Some(records) => (records as u64).div_ceil(10).max(1),
            None => 1,
        },
        _ => 1,
    }
}

/// The org's budget of API credits per rolling window (Zoho's is 24 hours).
///
/// Zoho's figures depend on the edition and the number of users and have changed over time
/// (in 2024: Free 5,000; Standard 50,000 + 250 per user up to 100,000; Professional 50,000 +
/// 500 per user; Enterprise 50,000 + 1,000 per user; Ultimate 50,000 + 2,000 per user), so the
/// budget is given, not looked up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CreditBudget {
    /// Credits per window.
    pub credits: u64,
    /// The rolling window.
    pub window: Duration,
}

impl CreditBudget {
    /// `credits` per rolling 24 hours.
    pub const fn per_day(credits: u64) -> Self {
        CreditBudget {
            credits,
            window: Duration::from_secs(86_400),
        }
    }

    /// `credits` per rolling `window`: for tests, or a share of the day kept for one job.
    pub const fn per(credits: u64, window: Duration) -> Self {
        CreditBudget { credits, window }
    }

    /// The width of one counting bucket: the window in 1,440 parts (a minute of a day), at
    /// least a millisecond. Spending is dated by bucket, so it leaves the window at most one
    /// bucket late: the count errs on the side of too much spent, never too little.
    pub(crate) fn bucket_ms(&self) -> u64 {
        ((self.window.as_millis() / 1440) as u64).max(1)
    }
}

/// Takes `ARGV[1]` credits from the budget of `ARGV[2]` per `ARGV[3]` ms, counted in buckets
/// of `ARGV[4]` ms: `KEYS[1]` a sorted set of bucket numbers, `KEYS[2]` a hash of what each
/// bucket spent, `KEYS[3]` the total. Answers `{1, spent}` when paid, `{0, ms until enough
/// leaves the window, spent}` when not, `{0, -1, spent}` when the cost exceeds the budget.
pub(crate) const CHARGE: &str = r#"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local cost, budget = tonumber(ARGV[1]), tonumber(ARGV[2])
local window, width = tonumber(ARGV[3]), tonumber(ARGV[4])
local gone_to = math.floor((now - window) / width) - 1
local total = tonumber(redis.call('GET', KEYS[3]) or '0')
local gone = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', gone_to)
for _, b in ipairs(gone) do
  total = total - tonumber(redis.call('HGET', KEYS[2], b) or '0')
  redis.call('HDEL', KEYS[2], b)
end
if #gone > 0 then redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', gone_to) end
if total < 0 then total = 0 end
if total + cost > budget then
  redis.call('SET', KEYS[3], total, 'PX', window + width)
  if cost > budget then return {0, -1, total} end
  local need = total + cost - budget
  local freed = 0
  for _, b in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
    freed = freed + tonumber(redis.call('HGET', KEYS[2], b) or '0')
    if freed >= need then return {0, (tonumber(b) + 1) * width + window - now, total} end
  end
  return {0, window, total}
end
if cost > 0 then
  local current = math.floor(now / width)
  redis.call('HINCRBY', KEYS[2], current, cost)
  redis.call('ZADD', KEYS[1], current, current)
end
for i = 1, 2 do redis.call('PEXPIRE', KEYS[i], window + width) end
redis.call('SET', KEYS[3], total + cost, 'PX', window + width)
return {1, total + cost}
"#;

/// What a charge came to.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Charge {
    /// Paid; the window's spending is now this.
    Paid { spent: u64 },
    /// Not now: enough credits leave the window in this time.
    Later { back_in: Duration, spent: u64 },
    /// Never: the cost exceeds the whole budget.
    Never,
}

impl Charge {
    /// Reads the script's answer.
    pub(crate) fn from_reply(reply: &[i64]) -> Charge {
        match *reply {
            [1, spent, ..] => Charge::Paid {
                spent: spent.max(0) as u64,
            },
            [0, -1, ..] => Charge::Never,
            [0, back_in, spent, ..] => Charge::Later {
                back_in: Duration::from_millis(back_in.max(1) as u64),
                spent: spent.max(0) as u64,
            },
            // Not the script's answer: refuse, with a short wait, rather than spend blindly.
            _ => Charge::Later {
                back_in: Duration::from_secs(1),
                spent: 0,
            },
        }
    }
}

/// A budget kept in this process alone: the local share used while Redis is unreachable.
#[derive(Debug)]
pub(crate) struct LocalBudget {
    budget: CreditBudget,
    spent: VecDeque<(Instant, u64)>,
    total: u64,
}

impl LocalBudget {
    pub(crate) fn new(budget: CreditBudget) -> Self {
        LocalBudget {
            budget,
            spent: VecDeque::new(),
            total: 0,
        }
    }

    pub(crate) fn charge(&mut self, cost: u64) -> Charge {
        let now = Instant::now();
        while let Some(&(at, credits)) = self.spent.front() {
            if now.duration_since(at) < self.budget.window {
                break;
            }
            self.total -= credits;
            self.spent.pop_front();
        }
        if cost > self.budget.credits {
            return Charge::Never;
        }
        if self.total + cost <= self.budget.credits {
            self.total += cost;
            self.spent.push_back((now, cost));
            return Charge::Paid { spent: self.total };
        }
        let need = self.total + cost - self.budget.credits;
        let mut freed = 0;
        let back = self.spent.iter().find_map(|&(at, credits)| {
            freed += credits;
            (freed >= need).then(|| (at + self.budget.window).saturating_duration_since(now))
        });
        Charge::Later {
            back_in: back.unwrap_or(self.budget.window),
            spent: self.total,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_cost_a_credit_per_ten_records() {
        let put = |n| cost(&CallInfo::new(Method::Put, "/Leads").records(n));
        assert_eq!([put(1), put(10), put(11), put(100)], [1, 1, 2, 10]);
        let upsert = CallInfo::new(Method::Post, "/Leads/upsert").records(55);
        assert_eq!(cost(&upsert), 6);
        assert_eq!(cost(&CallInfo::new(Method::Get, "/Leads")), 1);
        assert_eq!(
            cost(&CallInfo::new(Method::Delete, "/Leads").records(100)),
            1
        );
    }

    #[test]
    fn conversions_and_bulk_jobs_follow_the_table() {
        let convert = CallInfo::new(Method::Post, "/Leads/<id>/actions/convert").records(1);
        assert_eq!(cost(&convert), 5);
        let write = CallInfo::new(Method::Post, "/write").root("/crm/bulk");
        assert_eq!(cost(&write), 500);
        let status = CallInfo::new(Method::Get, "/read/<job_id>").root("/crm/bulk");
        assert_eq!(cost(&status), 1);
    }

    #[test]
    fn the_local_budget_says_when_credits_come_back() {
        let mut budget = LocalBudget::new(CreditBudget::per(20, Duration::from_secs(60)));
        assert_eq!(budget.charge(15), Charge::Paid { spent: 15 });
        assert_eq!(budget.charge(30), Charge::Never);
        match budget.charge(10) {
            Charge::Later { back_in, spent: 15 } => assert!(back_in > Duration::from_secs(59)),
            other => panic!("{other:?}"),
        }
        assert_eq!(budget.charge(5), Charge::Paid { spent: 20 });
    }

    #[test]
    fn odd_script_answers_refuse_rather_than_spend() {
        assert!(matches!(Charge::from_reply(&[]), Charge::Later { .. }));
        assert_eq!(Charge::from_reply(&[1, 7]), Charge::Paid { spent: 7 });
    }
}
