//! Bad inputs from the caller, through a real `Client` against the sandbox: ids and query
//! values with `/`, `?`, `#`, `..`, spaces and unicode are encoded so they stay one value (the
//! sandbox decodes them back and finds the record), and what cannot be sent safely — a `.` or
//! `..` path value, a header value with a line break, more records than a call takes, an empty
//! batch, an empty or broken token — is refused with `Error::InvalidRequest` (or
//! `Error::Config`) before anything is sent: the sandbox's journal stays empty.

use crate::common;

use serde_json::json;
use zoho_runtime::auth::RefreshingToken;
use zoho_runtime::{zoho_endpoint, Client, Error, Json, RecordId};
use zoho_sandbox::Sandbox;

use common::{GetLead, InsertLeads, MassUpdateLeads, NewLead, LEAD};

/// Reads a contact by its external id, which goes in the path.
#[zoho_endpoint(GET "/Contacts/<contact>",
                scope = "ZohoCRM.modules.contacts.READ",
                external = "Contacts.External_Contact_ID")]
struct ContactByExternalId {
    contact: String,
}

/// Searches leads for a word, which goes in the query.
#[zoho_endpoint(GET "/Leads/search", scope = "ZohoCRM.modules.leads.READ")]
struct SearchLeads {
    #[zoho(query)]
    word: String,
}

/// Reads a lead if it changed since a time, given in a header.
#[zoho_endpoint(GET "/Leads/<id>", scope = "ZohoCRM.modules.leads.READ")]
struct LeadIfModified {
    id: RecordId,
    #[zoho(header = "If-Modified-Since")]
    since: String,
}

/// Values that would change a URL if they were pasted into it, each with its encoding.
const HOSTILE: [(&str, &str); 9] = [
    ("a/b", "a%2Fb"),
    ("a?fields=Email", "a%3Ffields%3DEmail"),
    ("a#fragment", "a%23fragment"),
    ("a/../../Deals", "a%2F..%2F..%2FDeals"),
    ("with space", "with%20space"),
    ("ünï/cødé ✓", "%C3%BCn%C3%AF%2Fc%C3%B8d%C3%A9%20%E2%9C%93"),
    ("100%", "100%25"),
    ("a+b&c=d", "a%2Bb%26c%3Dd"),
    ("tab\tand\\back", "tab%09and%5Cback"),
];

async fn sandbox() -> Sandbox {
    Sandbox::builder()
        .generated_records(false)
        .start()
        .await
        .unwrap()
}

fn client(sandbox: &Sandbox) -> Client {
    common::client(sandbox).build().unwrap()
}

fn refused(result: Result<impl std::fmt::Debug, Error>) -> String {
    match result {
        Err(Error::InvalidRequest { reason }) => reason,
        other => panic!("expected InvalidRequest, got {other:?}"),
    }
}

#[tokio::test]
async fn path_values_stay_one_segment_and_reach_the_record_they_name() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    for (value, encoded) in HOSTILE {
        let fields = json!({"Last_Name": "Hostile", "External_Contact_ID": value});
        let id = sandbox.insert_record("Contacts", fields).unwrap();
        sandbox.clear_journal();

        let call = ContactByExternalId {
            contact: value.to_owned(),
        };
        let answer: Json = call.send(&client).await.unwrap();
        assert_eq!(answer["data"][0]["id"], id, "{value:?} named its record");
        let journal = sandbox.journal();
        assert_eq!(journal.len(), 1);
        assert_eq!(journal[0].path, format!("/crm/v8/Contacts/{encoded}"));
        assert_eq!(journal[0].query, None, "{value:?} added no query");
    }
}

#[tokio::test]
async fn dot_segments_and_empty_path_values_are_refused_before_sending() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    for value in ["..", ".", ""] {
        let reason = refused(GetLead { id: value.into() }.send(&client).await);
        assert!(reason.contains("path value `id`"), "{reason}");
        let call = ContactByExternalId {
            contact: value.to_owned(),
        };
        refused(call.send(&client).await);
        refused(call.prepare(&client).await);
    }
    assert!(sandbox.journal().is_empty(), "nothing was sent");
}

#[tokio::test]
async fn query_values_stay_one_value_and_find_what_they_say() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    for (value, encoded) in HOSTILE {
        let name = format!("Q {value}");
        let fields = json!({ "Last_Name": name });
        let id = sandbox.insert_record("Leads", fields).unwrap();
        sandbox.clear_journal();

        let answer: Json = SearchLeads { word: name.clone() }
            .send(&client)
            .await
            .unwrap();
        let found: Vec<&Json> = answer["data"].as_array().unwrap().iter().collect();
        assert_eq!(found.len(), 1, "{value:?}: {answer}");
        assert_eq!(found[0]["id"], id);
        let journal = sandbox.journal();
        assert_eq!(journal[0].path, "/crm/v8/Leads/search");
        assert_eq!(
            journal[0].query.as_deref(),
            Some(format!("word=Q%20{encoded}").as_str())
        );
        assert_eq!(journal[0].query_param("word"), Some(name));
    }
}

#[tokio::test]
async fn header_values_with_line_breaks_or_controls_are_refused_before_sending() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    for since in [
        "Tue, 11 May 2021 12:52:29 GMT\r\nAuthorization: Zoho-oauthtoken stolen",
        "Tue, 11 May 2021\nX-Injected: 1",
        "Tue, 11 May 2021\r",
        "Tue\0",
        "Tue\u{1}",
        "Tue\u{7f}",
    ] {
        let call = LeadIfModified {
            id: LEAD.into(),
            since: since.to_owned(),
        };
        let reason = refused(call.send(&client).await);
        assert!(reason.contains("If-Modified-Since"), "{reason}");
        refused(call.prepare(&client).await);
    }
    assert!(sandbox.journal().is_empty(), "nothing was sent");

    // Unicode and tabs are sent as they are, in one header.
    let call = LeadIfModified {
        id: LEAD.into(),
        since: "Tue,\t11 May 2021 — ünïcødé".to_owned(),
    };
    call.send(&client).await.unwrap();
    let journal = sandbox.journal();
    assert_eq!(
        journal[0].header("If-Modified-Since"),
        Some("Tue,\t11 May 2021 — ünïcødé")
    );
}

#[tokio::test]
async fn more_records_or_ids_than_one_call_takes_are_refused_by_send() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let ids: Vec<RecordId> = (0..501).map(|i| RecordId::new(i.to_string())).collect();
    let update = MassUpdateLeads {
        no_of_employees: 1,
        ids,
    };
    let reason = refused(update.send(&client).await);
    assert!(
        reason.contains("501 items") && reason.contains("at most 500"),
        "{reason}"
    );
    assert!(reason.contains("send_all"), "{reason}");
    let leads = (0..101)
        .map(|i| NewLead {
            last_name: format!("Many {i}"),
        })
        .collect();
    let reason = refused(InsertLeads { leads }.send(&client).await);
    assert!(reason.contains("at most 100"), "{reason}");
    assert!(sandbox.journal().is_empty(), "nothing was sent");
}

#[tokio::test]
async fn an_empty_batch_is_refused_by_send_and_answered_empty_by_send_all() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let empty = InsertLeads { leads: Vec::new() };
    let reason = refused(empty.send(&client).await);
    assert!(reason.contains("no records"), "{reason}");
    let none = MassUpdateLeads {
        no_of_employees: 1,
        ids: Vec::new(),
    };
    refused(none.send(&client).await);
    assert!(client.send_all(&empty).await.unwrap().is_empty());
    assert!(client.send_all(&none).await.unwrap().is_empty());
    assert!(sandbox.journal().is_empty(), "nothing was sent");
}

#[tokio::test]
async fn an_empty_or_broken_token_is_refused_before_sending() {
    let sandbox = sandbox().await;
    let lead = GetLead { id: LEAD.into() };
    for token in ["", "1000.abc\r\nX-Injected: 1", "1000.abc\n", "1000.\0abc"] {
        let client = common::client(&sandbox)
            .access_token(token)
            .build()
            .unwrap();
        let reason = refused(lead.send(&client).await);
        assert!(reason.contains("access token"), "{reason}");
        assert!(
            !reason.contains("1000.abc"),
            "the token stays out: {reason}"
        );
        refused(lead.prepare(&client).await);
    }
    assert!(sandbox.journal().is_empty(), "nothing was sent");

    let empty_refresh = RefreshingToken::builder("1000.client", "secret", "")
        .accounts_url(sandbox.accounts_url())
        .build();
    assert!(
        matches!(empty_refresh, Err(Error::Config { .. })),
        "{empty_refresh:?}"
    );
    assert_eq!(sandbox.token_requests(), 0);
}
