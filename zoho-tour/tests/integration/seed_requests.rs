//! Every seed operation, as the catalogue declares it (`zoho_crm_api`, with the record types of
//! `zoho_tour::seeds`), renders exactly the seed's request:
//! method, path with the seed's API version, `X-EXTERNAL`, a JSON-equal body, and the
//! `Authorization: Zoho-oauthtoken` header.

use serde_json::{json, Value};
use zoho_crm_api::contact_roles::{AddContactRoleV6, ContactRoleRef};
use zoho_crm_api::mass_update::MassUpdateV2;
use zoho_crm_api::related_records::AssociateByExternalIds;
use zoho_runtime::endpoint::Method;
use zoho_runtime::{Client, PreparedRequest, RecordId};
use zoho_tour::seeds::{ids, *};

const DOMAIN: &str = "https://www.zohoapis.com";
const TOKEN: &str = "1000.8cb99dxxxxxxxxxxxxx9be93.9b8xxxxxxxxxxxxxxxf";

fn fixture(name: &str) -> Value {
    let text = match name {
        "000" => include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/000_external_ids.json"
        )),
        "001" => include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/001_contact_roles.json"
        )),
        "002" => include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/002_update_lead.json"
        )),
        "003" => include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/003_related_records.json"
        )),
        "004" => include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/004_mass_update.json"
        )),
        _ => unreachable!("no fixture {name}"),
    };
    serde_json::from_str(text).expect("fixtures are JSON")
}

/// The seed's URL with its template variables filled as the test fills them.
fn seed_url(request: &Value, vars: &[(&str, &str)]) -> String {
    let mut url = request["url"]
        .as_str()
        .unwrap()
        .replace("{{api-domain}}", DOMAIN);
    for (name, value) in vars {
        url = url.replace(&format!("{{{{{name}}}}}"), value);
    }
    url
}

fn client() -> Client {
    Client::builder()
        .api_domain(DOMAIN)
        .access_token(TOKEN)
        .build()
        .unwrap()
}

fn assert_matches_seed(prepared: &PreparedRequest, seed: &Value, url: &str, body: &Value) {
    let method = seed["method"].as_str().unwrap();
    assert_eq!(prepared.method.as_str(), method);
    assert_eq!(prepared.url, url);
    assert_eq!(
        prepared.header("Authorization"),
        Some(format!("Zoho-oauthtoken {TOKEN}").as_str())
    );
    assert_eq!(
        prepared.header("X-EXTERNAL"),
        seed["headers"]["X-EXTERNAL"].as_str()
    );
    assert_eq!(prepared.body_json().as_ref(), Some(body));
    assert_eq!(prepared.header("Content-Type"), Some("application/json"));
}

#[tokio::test]
async fn seed_000_association_by_external_ids() {
    let seed = fixture("000");
    let call = AssociateByExternalIds {
        contact: ids::EXTERNAL_CONTACT.into(),
        deal: ids::EXTERNAL_DEAL.into(),
        contact_role: ids::ROLE_SEED_000.into(),
    };
    let prepared = call.prepare(&client()).await.unwrap();
    let request = &seed["request"];
    assert_matches_seed(
        &prepared,
        request,
        &seed_url(request, &[]),
        &request["body"],
    );
    assert_eq!(
        prepared.url,
        "https://www.zohoapis.com/crm/v2/Contacts/extcontact3/Deals"
    );
}

#[tokio::test]
async fn seed_001_contact_role_on_a_deal() {
    let seed = fixture("001");
    let call = AddContactRoleV6 {
        deal_id: ids::DEAL.into(),
        contact_id: ids::CONTACT.into(),
        role: ContactRoleRef {
            name: "Executive Sponsor".into(),
            id: ids::ROLE_EXECUTIVE_SPONSOR.into(),
        },
    };
    let prepared = call.prepare(&client()).await.unwrap();
    let request = &seed["request"];
    assert_matches_seed(
        &prepared,
        request,
        &seed_url(request, &[]),
        &request["body"],
    );
    assert_eq!(prepared.method, Method::Put);
    assert!(
        prepared.url.contains("/crm/v6/"),
        "seed 001 is a v6 call: {}",
        prepared.url
    );
}

#[tokio::test]
async fn seed_002_full_lead_update() {
    let seed = fixture("002");
    let request = &seed["request"];
    let prepared = update_lead(ids::LEAD, ids::USER)
        .prepare(&client())
        .await
        .unwrap();
    let body = serde_json::to_string(&request["body"])
        .unwrap()
        .replace("{{user-id}}", ids::USER);
    let body: Value = serde_json::from_str(&body).unwrap();
    assert_matches_seed(
        &prepared,
        request,
        &seed_url(request, &[("record-id", ids::LEAD)]),
        &body,
    );
    // The number types survive exactly: a bool, an integer and a float.
    let lead = &prepared.body_json().unwrap()["data"][0];
    assert_eq!(lead["Email_Opt_Out"], json!(false));
    assert_eq!(lead["No_of_Employees"], json!(1791));
    assert_eq!(lead["Annual_Revenue"], json!(136.67));
    assert!(String::from_utf8(prepared.body.clone().unwrap())
        .unwrap()
        .contains("\"Annual_Revenue\":136.67"));
}

#[tokio::test]
async fn seed_002_recorded_requests_render_exactly() {
    // The recorded pairs that a declared endpoint can send (not the malformed body, nor COPY).
    let seed = fixture("002");
    let mut compared = Vec::new();
    for pair in seed["pairs"].as_array().unwrap() {
        let request = &pair["request"];
        let name = pair["name"].as_str().unwrap();
        let Some(body) = request["body"].as_object() else {
            continue;
        };
        let url = request["url"].as_str().unwrap();
        let Some(id) = url.strip_prefix("{{api-domain}}/crm/v2/Leads/") else {
            continue;
        };
        let id = if id == "{{record-id}}" { ids::LEAD } else { id };
        let lead = &body["data"][0];
        let mut call = update_lead(id, ids::USER);
        if lead.get("Owner").is_none() {
            call.record[0].owner = None;
        }
        call.record[0].phone = lead["Phone"].as_str().map(str::to_owned);
        let prepared = call.prepare(&client()).await.unwrap();
        let expected = serde_json::to_string(&request["body"])
            .unwrap()
            .replace("{{user-id}}", ids::USER);
        let expected: Value = serde_json::from_str(&expected).unwrap();
        assert_eq!(prepared.body_json().unwrap(), expected, "{name}");
        assert_eq!(
            prepared.url,
            format!("{DOMAIN}/crm/v2/Leads/{id}"),
            "{name}"
        );
        compared.push(name);
    }
    // Every pair a declared endpoint can send was compared, not skipped.
    assert_eq!(
        compared,
        [
            "SUCCESS RESPONSE",
            "DUPLICATE_DATA",
            "OAUTH_SCOPE_MISMATCH",
            "NOT_APPROVED",
            "RECORD_LOCKED"
        ]
    );
}

#[tokio::test]
async fn seed_003_related_records() {
    let seed = fixture("003");
    let call = campaigns_of_lead(
        ids::LEAD_WITH_CAMPAIGNS,
        &[
            (ids::CAMPAIGNS[0], "Active"),
            (ids::CAMPAIGNS[1], "Planning"),
        ],
    );
    let prepared = call.prepare(&client()).await.unwrap();
    let request = &seed["request"];
    assert_matches_seed(
        &prepared,
        request,
        &seed_url(request, &[]),
        &request["body"],
    );
    assert_eq!(prepared.expected_outcomes(), Some(2));
    let scopes: Vec<String> = zoho_runtime::Endpoint::scopes(&call)
        .unwrap()
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(scopes, ["ZohoCRM.modules.leads.UPDATE"]);
}

#[tokio::test]
async fn seed_004_mass_update_recorded_requests() {
    let seed = fixture("004");
    let mut compared = Vec::new();
    for pair in seed["pairs"].as_array().unwrap() {
        let request = &pair["request"];
        let name = pair["name"].as_str().unwrap();
        if request["method"] != "POST" {
            continue; // the COPY request cannot be declared: that is the point of it
        }
        let body = &request["body"];
        let ids: Option<Vec<RecordId>> = body.get("ids").map(|ids| {
            ids.as_array()
                .unwrap()
                .iter()
                .map(|id| {
                    id.as_str()
                        .unwrap()
                        .replace("{{record-id}}", ids::LEAD)
                        .into()
                })
                .collect()
        });
        let call = MassUpdateV2 {
            module: "Leads".into(),
            data: vec![EmployeeCount {
                no_of_employees: body["data"][0]["No_of_Employees"].as_i64(),
            }],
            over_write: body["over_write"].as_bool(),
            ids,
            cvid: None,
        };
        let prepared = call.prepare(&client()).await.unwrap();
        let expected = serde_json::to_string(body)
            .unwrap()
            .replace("{{record-id}}", ids::LEAD);
        let expected: Value = serde_json::from_str(&expected).unwrap();
        if name == "INVALID_DATA (field)" {
            // A misspelled field cannot be declared; the request differs by that key only.
            assert_eq!(prepared.body_json().unwrap()["ids"], expected["ids"]);
            continue;
        }
        assert_eq!(prepared.body_json().unwrap(), expected, "{name}");
        assert_eq!(prepared.url, seed_url(request, &[]), "{name}");
        assert_eq!(prepared.method, Method::Post);
        compared.push(name);
    }
    // Every POST pair but the misspelled field was compared whole, not skipped.
    assert_eq!(
        compared,
        [
            "SUCCESS RESPONSE",
            "INVALID_DATA (no field)",
            "MANDATORY_NOT_FOUND",
            "AUTHENTICATION_FAILURE",
            "NOT_APPROVED",
            "RECORD_LOCKED"
        ]
    );
    // And the collection item's own request, with its three placeholder ids.
    let request = &seed["request"];
    let call = employees_by_ids(1000, ["{{record_id1}}", "{{record_id2}}", "{{record_id3}}"]);
    let prepared = call.prepare(&client()).await.unwrap();
    assert_matches_seed(
        &prepared,
        request,
        &seed_url(request, &[]),
        &request["body"],
    );
    assert_eq!(prepared.expected_outcomes(), Some(3));
}
