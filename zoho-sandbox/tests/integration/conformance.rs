//! The sandbox and the runtime agree on every pair of granted and needed operation.
//!
//! For each operation a token may be granted on leads (`ALL`, `READ`, `CREATE`, `UPDATE`,
//! `DELETE`, `WRITE`) and each call on a lead that needs one (`READ`: get, `CREATE`: insert,
//! `UPDATE`: update, `DELETE`: delete), three answers are held side by side:
//!
//! - the runtime's rule, `zoho_runtime::Operation::covers`;
//! - the runtime client's own check, with the grant as its `granted_scopes`: it refuses with
//!   `Error::MissingScope` before anything is sent;
//! - the sandbox's answer to the call sent with a token of exactly that grant: accepted, or
//!   `401 OAUTH_SCOPE_MISMATCH`.
//!
//! No call on a lead needs `WRITE` or `ALL` itself, so those appear as grants only.

use std::fmt;

use serde_json::json;
use zoho_runtime::{zoho_endpoint, Client, Error, Operation, RecordId, Scope, ScopeSet};
use zoho_sandbox::Sandbox;

/// Reads one lead.
#[zoho_endpoint(GET "/Leads/<id>", scope = "ZohoCRM.modules.leads.READ")]
struct GetLead {
    id: RecordId,
}

/// Inserts one lead.
#[zoho_endpoint(POST "/Leads", scope = "ZohoCRM.modules.leads.CREATE")]
struct InsertLead {
    #[zoho(rename = "Last_Name")]
    last_name: String,
}

/// Updates one lead.
#[zoho_endpoint(PUT "/Leads/<id>", scope = "ZohoCRM.modules.leads.UPDATE")]
struct UpdateLead {
    id: RecordId,
    #[zoho(rename = "Last_Name")]
    last_name: String,
}

/// Deletes one lead.
#[zoho_endpoint(DELETE "/Leads/<id>", scope = "ZohoCRM.modules.leads.DELETE")]
struct DeleteLead {
    id: RecordId,
}

const GRANTED: [&str; 6] = ["ALL", "READ", "CREATE", "UPDATE", "DELETE", "WRITE"];

/// Each call, with the operation it needs.
const NEEDED: [(&str, &str); 4] = [
    ("READ", "GET /Leads/<id>"),
    ("CREATE", "POST /Leads"),
    ("UPDATE", "PUT /Leads/<id>"),
    ("DELETE", "DELETE /Leads/<id>"),
];

/// What one side answered for one pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verdict {
    Allowed,
    Refused,
}

impl Verdict {
    fn of(allowed: bool) -> Verdict {
        if allowed {
            Verdict::Allowed
        } else {
            Verdict::Refused
        }
    }
}

/// One pair checked, and the three answers.
struct Checked {
    granted: &'static str,
    needed: &'static str,
    call: &'static str,
    rule: Verdict,
    client: Verdict,
    sandbox: Verdict,
}

impl Checked {
    fn agrees(&self) -> bool {
        self.rule == self.client && self.client == self.sandbox
    }
}

impl fmt::Display for Checked {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "granted {:<6} needed {:<6} ({:<18}): covers {:?}, client {:?}, sandbox {:?}",
            self.granted, self.needed, self.call, self.rule, self.client, self.sandbox
        )
    }
}

/// A lead of its own for each call, so a delete or an update never meets an earlier one's.
fn fresh_lead(sandbox: &Sandbox) -> RecordId {
    let id = sandbox.insert_record("Leads", json!({ "Last_Name": "Conformance" }));
    RecordId::from(id.expect("Leads is a module"))
}

/// Sends the call that needs `needed`, on a fresh lead.
async fn send(sandbox: &Sandbox, client: &Client, needed: &str) -> Result<(), Error> {
    let id = fresh_lead(sandbox);
    let last_name = "Checked".to_owned();
    match needed {
        "READ" => GetLead { id }.send(client).await.map(drop),
        "CREATE" => InsertLead { last_name }.send(client).await.map(drop),
        "UPDATE" => UpdateLead { id, last_name }.send(client).await.map(drop),
        "DELETE" => DeleteLead { id }.send(client).await.map(drop),
        other => unreachable!("no call needs {other}"),
    }
}

fn client(sandbox: &Sandbox, token: String, granted: Option<ScopeSet>) -> Client {
    let builder = Client::builder()
        .api_domain(sandbox.base_url())
        .access_token(token);
    match granted {
        Some(set) => builder.granted_scopes(set),
        None => builder,
    }
    .build()
    .expect("a client for the sandbox")
}

/// The sandbox's answer: accepted, or refused for the scope.
async fn sandbox_verdict(sandbox: &Sandbox, scope: &str, needed: &str) -> Verdict {
    let token = sandbox.access_token_for([scope]);
    match send(sandbox, &client(sandbox, token, None), needed).await {
        Ok(()) => Verdict::Allowed,
        Err(Error::Api {
            status: 401, code, ..
        }) if code.as_str() == "OAUTH_SCOPE_MISMATCH" => Verdict::Refused,
        Err(other) => panic!("{scope} for {needed}: unexpected answer {other:?}"),
    }
}

/// The runtime client's own check: refused before sending, or sent (and then accepted).
async fn client_verdict(sandbox: &Sandbox, scope: &str, needed: &str) -> Verdict {
    let set: ScopeSet = [scope.parse::<Scope>().expect("a scope")]
        .into_iter()
        .collect();
    let token = sandbox.access_token_for([scope]);
    let sent_before = sandbox.journal().len();
    let answer = send(sandbox, &client(sandbox, token, Some(set)), needed).await;
    let sent = sandbox.journal().len() > sent_before;
    match answer {
        Err(Error::MissingScope { .. }) => {
            assert!(!sent, "{scope} for {needed}: refused, yet sent");
            Verdict::Refused
        }
        Ok(()) => Verdict::Allowed,
        Err(other) => panic!("{scope} for {needed}: sent and refused by the sandbox: {other:?}"),
    }
}

async fn check(
    sandbox: &Sandbox,
    granted: &'static str,
    needed: (&'static str, &'static str),
) -> Checked {
    let (needed, call) = needed;
    let scope = format!("ZohoCRM.modules.leads.{granted}");
    let op = |text: &str| Operation::parse(text).expect("an operation");
    Checked {
        granted,
        needed,
        call,
        rule: Verdict::of(op(granted).covers(op(needed))),
        client: client_verdict(sandbox, &scope, needed).await,
        sandbox: sandbox_verdict(sandbox, &scope, needed).await,
    }
}

#[tokio::test]
async fn every_granted_and_needed_operation_pair_agrees() {
    let sandbox = Sandbox::builder()
        .generated_records(false)
        .start()
        .await
        .expect("sandbox starts");
    let mut checked = Vec::new();
    for granted in GRANTED {
        for needed in NEEDED {
            checked.push(check(&sandbox, granted, needed).await);
        }
    }
    let listing: Vec<String> = checked.iter().map(Checked::to_string).collect();
    println!("{}", listing.join("\n"));
    assert_eq!(checked.len(), GRANTED.len() * NEEDED.len());
    let disagreements: Vec<&String> = checked
        .iter()
        .zip(&listing)
        .filter(|(pair, _)| !pair.agrees())
        .map(|(_, line)| line)
        .collect();
    assert!(
        disagreements.is_empty(),
        "disagreements:\n{disagreements:#?}"
    );
    // WRITE is CREATE, UPDATE and DELETE together (the rule the sandbox once broke).
    let write_delete = checked
        .iter()
        .find(|pair| (pair.granted, pair.needed) == ("WRITE", "DELETE"))
        .expect("the pair was checked");
    assert_eq!(write_delete.sandbox, Verdict::Allowed);
}
