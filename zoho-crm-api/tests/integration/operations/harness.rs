//! Sends operations to a sandbox and keeps which were sent, so that an area's test fails when
//! one of its declared operations was never sent.

use std::collections::BTreeSet;

use zoho_crm_api::runtime::{Client, Endpoint, Error, Outcome};
use zoho_crm_api::{operations, AREAS};
use zoho_sandbox::Sandbox;

/// A sandbox, a client with every scope, and the operations sent so far.
pub struct Harness {
    /// The sandbox, for areas that set up data or read its journal and store.
    pub sandbox: Sandbox,
    pub client: Client,
    area: &'static str,
    sent: BTreeSet<(String, String)>,
}

impl Harness {
    /// A fresh sandbox for the area `area` (the name of its module: `notes`).
    pub async fn start(area: &'static str) -> Harness {
        let sandbox = Sandbox::start().await.expect("the sandbox starts");
        let client = crate::common::client(&sandbox);
        Harness {
            sandbox,
            client,
            area,
            sent: BTreeSet::new(),
        }
    }

    /// Sends a call that must succeed, and returns its answer.
    pub async fn send<E: Endpoint>(&mut self, call: &E) -> E::Response {
        let answer = self.client.send(call).await;
        self.record::<E>();
        answer.unwrap_or_else(|error| panic!("{} answered {error:?}", name_of::<E>().1))
    }

    /// Sends a call that must fail, and returns its error (for areas that test refusals).
    pub async fn send_err<E: Endpoint>(&mut self, call: &E) -> Error
    where
        E::Response: std::fmt::Debug,
    {
        let answer = self.client.send(call).await;
        self.record::<E>();
        match answer {
            Ok(answer) => panic!("{} answered Ok({answer:?})", name_of::<E>().1),
            Err(error) => error,
        }
    }

    /// Sends a write every item of which must be refused, and returns each item's code. Zoho
    /// answers such a write `400` with one error per item, which the call decodes as it does
    /// a partial success.
    pub async fn refused<E: Endpoint>(&mut self, call: &E) -> Vec<String>
    where
        E::Response: ItemOutcomes + std::fmt::Debug,
    {
        let answer = self.send(call).await;
        let items = answer.items();
        assert!(
            !items.is_empty() && items.iter().all(|o| o.is_err()),
            "{} answered {answer:?}",
            name_of::<E>().1
        );
        items
            .iter()
            .filter_map(|o| o.as_ref().err())
            .map(|e| e.code.to_string())
            .collect()
    }

    fn record<E: Endpoint>(&mut self) {
        let (module, name) = name_of::<E>();
        self.sent.insert((module.to_owned(), name.to_owned()));
    }

    /// Fails unless every operation of the area was sent.
    pub fn finish(self) {
        let missing: Vec<&str> = operations()
            .filter(|op| op.area() == self.area)
            .filter(|op| {
                !self
                    .sent
                    .contains(&(op.module_path.to_owned(), op.name().to_owned()))
            })
            .map(|op| op.name())
            .collect();
        assert!(
            missing.is_empty(),
            "never sent in `{}`: {missing:?}",
            self.area
        );
    }
}

/// The id the `i`th outcome of a settings write names.
pub fn id_of(outcomes: &zoho_crm_api::setting::SettingsOutcomes, i: usize) -> String {
    let success = outcomes[i].as_ref().expect("a success");
    success.details.str("id").expect("an id").to_owned()
}

/// `("zoho_crm_api::notes", "GetNotes")` of `zoho_crm_api::notes::GetNotes<…>`.
fn name_of<E>() -> (&'static str, &'static str) {
    let full = std::any::type_name::<E>();
    let bare = full.split('<').next().unwrap_or(full);
    bare.rsplit_once("::").unwrap_or(("", bare))
}

/// Fails unless every area of the catalogue has a test here.
pub fn check_tested(tested: &[&str]) {
    let areas: BTreeSet<&str> = AREAS
        .iter()
        .filter_map(|area| area.first().map(|op| op.area()))
        .collect();
    let untested: Vec<&&str> = areas.iter().filter(|a| !tested.contains(a)).collect();
    assert!(untested.is_empty(), "areas without a test: {untested:?}");
}

/// The per-item outcomes of a write's answer, whatever key Zoho answered them under.
pub trait ItemOutcomes {
    /// The outcomes, in the order of the items sent.
    fn items(&self) -> Vec<&Outcome>;
}

impl ItemOutcomes for zoho_crm_api::setting::SettingsOutcomes {
    fn items(&self) -> Vec<&Outcome> {
        self.iter().collect()
    }
}

impl ItemOutcomes for zoho_crm_api::written::Written {
    fn items(&self) -> Vec<&Outcome> {
        self.outcomes.iter().collect()
    }
}
