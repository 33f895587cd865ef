//! Any strings as path values, query values, header values and record fields: a request is
//! rendered exactly as declared, or refused with a typed error before anything is sent.
//!
//! - The URL's path has exactly the declared segments; each value is one percent-encoded
//!   segment that decodes back to the value. Empty values, `.` and `..` are refused.
//! - Each query value decodes back to the value; list items too.
//! - A header value is sent as given, or refused when the HTTP layer could not send it.
//! - Body values come back out of the JSON body unchanged.
//! - Scope templates are filled with the path value, and nothing else.

#![no_main]

use std::sync::OnceLock;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use reqwest::header::{HeaderName, HeaderValue};
use serde_json::json;
use zoho_crm_api::related_records::{AssociateByExternalIds, UpdateRelatedRecordsV2};
use zoho_fuzz::{
    check_url, decode_query_value, raw_query, refused_header_value, refused_path_value, Expect,
    LeadNotes,
};
use zoho_runtime::{Client, Endpoint, Error, PreparedRequest, RecordId, Scope, ScopeSet};
use zoho_tour::seeds::CampaignMember;

#[derive(Arbitrary, Debug)]
struct Input {
    module: String,
    record_id: String,
    related_list: String,
    member_status: String,
    contact: String,
    deal: String,
    role: String,
    lead: String,
    fields: Vec<String>,
    sort: Option<String>,
    page: Option<u32>,
    since: Option<String>,
}

struct Fixture {
    runtime: tokio::runtime::Runtime,
    /// Sends whatever the token allows.
    open: Client,
    /// Was granted `ZohoCRM.modules.ALL`: checks each call's scopes before sending.
    scoped: Client,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let mut granted = ScopeSet::new();
        granted.insert(Scope::parse("ZohoCRM.modules.ALL").unwrap());
        Fixture {
            runtime: tokio::runtime::Builder::new_current_thread()
                .build()
                .unwrap(),
            open: Client::builder().access_token("1000.fuzz").build().unwrap(),
            scoped: Client::builder()
                .access_token("1000.fuzz")
                .granted_scopes(granted)
                .build()
                .unwrap(),
        }
    })
}

fn prepare<E: Endpoint>(client: &Client, call: &E) -> Result<PreparedRequest, Error> {
    fixture().runtime.block_on(client.prepare(call))
}

fn refused(result: Result<PreparedRequest, Error>, why: &str) {
    match result {
        Err(Error::InvalidRequest { .. }) => {}
        other => panic!("{why}: expected InvalidRequest, got {other:?}"),
    }
}

/// Every header is one the HTTP layer sends, and the request as a whole is one it builds.
fn check_sendable(request: &PreparedRequest) {
    for (name, value) in &request.headers {
        HeaderName::from_bytes(name.as_bytes()).expect("a header name the HTTP layer sends");
        HeaderValue::from_str(value)
            .unwrap_or_else(|e| panic!("header {name} value {value:?} is not sendable: {e}"));
    }
    assert!(request.header("Authorization").is_some());
}

fuzz_target!(|input: Input| {
    let fixture = fixture();

    // Three path values and a records body; the scope comes from the module.
    let call = UpdateRelatedRecordsV2 {
        module: input.module.clone(),
        id: RecordId::new(input.record_id.clone()),
        related_list: input.related_list.clone(),
        records: vec![CampaignMember {
            id: RecordId::new(input.role.clone()),
            member_status: input.member_status.clone(),
        }],
    };
    let path_refused = [&input.module, &input.record_id, &input.related_list]
        .into_iter()
        .any(|v| refused_path_value(v));
    let result = prepare(&fixture.open, &call);
    if path_refused {
        refused(result, "a refused path value");
        refused(prepare(&fixture.scoped, &call), "a refused path value");
    } else {
        let request = result.unwrap_or_else(|e| panic!("{input:?}: {e:?}"));
        let url = check_url(
            &request.url,
            &[
                Expect::Fixed("crm"),
                Expect::Fixed("v2"),
                Expect::Value(&input.module),
                Expect::Value(&input.record_id),
                Expect::Value(&input.related_list),
            ],
        );
        assert_eq!(url.query(), None);
        assert_eq!(
            request.body_json(),
            Some(json!({"data": [{"id": input.role, "Member_Status": input.member_status}]}))
        );
        assert_eq!(request.expected_outcomes(), Some(1));
        check_sendable(&request);

        // The scope names the module, lowercased, and is parsed as such.
        let template = "ZohoCRM.modules.<module>.UPDATE";
        let wanted = template.replace("<module>", &input.module.to_ascii_lowercase());
        let scoped = prepare(&fixture.scoped, &call);
        match Scope::parse(&wanted) {
            Ok(scope) => {
                let scopes = call.scopes().expect("the scopes of a call that renders");
                assert_eq!(scopes.len(), 1);
                assert_eq!(scopes[0].as_str(), scope.as_str(), "the scope template");
                let scoped = scoped.unwrap_or_else(|e| panic!("{input:?}: {e:?}"));
                assert_eq!(scoped.url, request.url);
            }
            Err(_) => match scoped {
                Err(Error::InvalidScope { .. }) => {}
                other => panic!("a module that makes no scope: {other:?}"),
            },
        }
    }

    // A path value, a body and the `X-EXTERNAL` header.
    let call = AssociateByExternalIds {
        contact: input.contact.clone(),
        deal: input.deal.clone(),
        contact_role: RecordId::new(input.role.clone()),
    };
    let result = prepare(&fixture.open, &call);
    if refused_path_value(&input.contact) {
        refused(result, "a refused path value");
    } else {
        let request = result.unwrap_or_else(|e| panic!("{input:?}: {e:?}"));
        check_url(
            &request.url,
            &[
                Expect::Fixed("crm"),
                Expect::Fixed("v2"),
                Expect::Fixed("Contacts"),
                Expect::Value(&input.contact),
                Expect::Fixed("Deals"),
            ],
        );
        assert_eq!(
            request.body_json(),
            Some(json!({"data": [{"External_Deal_ID": input.deal, "Contact_Role": input.role}]}))
        );
        assert_eq!(
            request.header("X-EXTERNAL"),
            Some("Contacts.External_Contact_ID,Deals.External_Deal_ID")
        );
        check_sendable(&request);
    }

    // A path value, query values (a list among them) and a header.
    let call = LeadNotes {
        id: input.lead.clone(),
        fields: input.fields.clone(),
        sort: input.sort.clone(),
        page: input.page,
        since: input.since.clone(),
    };
    let result = prepare(&fixture.open, &call);
    let header_refused = input.since.as_deref().is_some_and(refused_header_value);
    if refused_path_value(&input.lead) || header_refused {
        refused(result, "a refused path or header value");
        return;
    }
    let request = result.unwrap_or_else(|e| panic!("{input:?}: {e:?}"));
    let url = check_url(
        &request.url,
        &[
            Expect::Fixed("crm"),
            Expect::Fixed("v8"),
            Expect::Fixed("Leads"),
            Expect::Value(&input.lead),
            Expect::Fixed("Notes"),
        ],
    );
    let mut query = raw_query(&url).into_iter();
    if !input.fields.is_empty() {
        let (name, value) = query.next().expect("the fields parameter");
        assert_eq!(name, "fields");
        let items: Vec<String> = value.split(',').map(decode_query_value).collect();
        assert_eq!(items, input.fields, "the list does not decode back");
    }
    if let Some(sort) = &input.sort {
        assert_eq!(
            query.next().map(|(n, v)| (n, decode_query_value(v))),
            Some(("sort_by", sort.clone()))
        );
    }
    if let Some(page) = input.page {
        assert_eq!(query.next(), Some(("page", page.to_string().as_str())));
    }
    assert_eq!(
        query.next(),
        None,
        "a query parameter that was not declared"
    );
    assert_eq!(request.header("If-Modified-Since"), input.since.as_deref());
    assert!(request.body.is_none(), "a GET with a body");
    check_sendable(&request);
});
