//! Every answer recorded in the seed documents decodes into the exact typed result, through
//! the declared endpoint that sent the request.

use serde_json::Value;
use zoho_crm_api::contact_roles::{AddContactRoleV6, ContactRoleRef};
use zoho_crm_api::mass_update::MassUpdateV2;
use zoho_crm_api::records::UpdateRecordV2;
use zoho_crm_api::related_records::AssociateByExternalIds;
use zoho_runtime::endpoint::RawResponse;
use zoho_runtime::{Code, Endpoint, Error, Outcomes, RecordId};
use zoho_tour::seeds::{ids, *};

fn fixture(text: &str) -> Value {
    serde_json::from_str(text).expect("fixtures are JSON")
}

fn answer(pair: &Value) -> RawResponse {
    let response = &pair["response"];
    let status = response["status"].as_u64().unwrap() as u16;
    RawResponse::new(status, serde_json::to_vec(&response["body"]).unwrap())
}

fn pair<'a>(seed: &'a Value, name: &str) -> &'a Value {
    seed["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == name)
        .unwrap()
}

/// Decodes a recorded answer the way `send` does: with the count of records the call carried.
fn decode<E: Endpoint>(call: &E, pair: &Value) -> Result<E::Response, Error> {
    let expected = call.request_parts().unwrap().expected_outcomes();
    E::decode(&answer(pair), expected)
}

fn api_error(result: Result<Outcomes, Error>) -> (u16, Code, String, zoho_runtime::Details) {
    match result {
        Err(Error::Api {
            status,
            code,
            message,
            details,
        }) => (status, code, message, details),
        other => panic!("expected a request-level error, got {other:?}"),
    }
}

fn single_failure(result: Result<Outcomes, Error>) -> zoho_runtime::RecordError {
    let outcomes = result.expect("per-record outcomes");
    assert_eq!(outcomes.len(), 1);
    outcomes.into_vec().remove(0).expect_err("a refused record")
}

fn lead(id: &str) -> UpdateRecordV2<LeadUpdate> {
    update_lead(id, ids::USER)
}

#[test]
fn seed_002_success() {
    let seed = fixture(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/002_update_lead.json"
    )));
    let outcomes = decode(&lead(ids::LEAD), pair(&seed, "SUCCESS RESPONSE")).unwrap();
    assert_eq!(outcomes.status(), 200);
    let success = outcomes[0].as_ref().unwrap();
    assert_eq!(success.code, Code::Success);
    assert_eq!(success.message, "record updated");
    assert_eq!(success.id(), Some(RecordId::from(ids::LEAD)));
    assert_eq!(
        success.details.created_time(),
        Some("2021-05-11T12:41:33+00:00")
    );
    assert_eq!(
        success.details.modified_time(),
        Some("2021-05-11T12:52:29+00:00")
    );
    let by = success.details.modified_by().unwrap();
    assert_eq!(
        (by.name.as_str(), by.id.as_str()),
        ("Patricia Boyle", ids::USER)
    );
    assert_eq!(success.details.created_by().unwrap().id, ids::USER);
}

#[test]
fn seed_002_request_level_errors() {
    let seed = fixture(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/002_update_lead.json"
    )));
    let call = lead(ids::LEAD);

    let (status, code, message, details) = api_error(decode(&call, pair(&seed, "INVALID_MODULE")));
    assert_eq!(
        (status, code, message.as_str()),
        (
            400,
            Code::InvalidModule,
            "the module name given seems to be invalid"
        )
    );
    assert!(details.is_empty());

    let (status, code, message, details) = api_error(decode(&call, pair(&seed, "INVALID_DATA")));
    assert_eq!(
        (status, code, message.as_str()),
        (400, Code::InvalidData, "body")
    );
    assert_eq!(details.expected_data_type(), Some("jsonobject"));

    let (status, code, message, _) =
        api_error(decode(&call, pair(&seed, "INVALID_REQUEST_METHOD")));
    assert_eq!(
        (status, code, message.as_str()),
        (
            400,
            Code::InvalidRequestMethod,
            "The http request method type is not a valid one"
        )
    );

    let (status, code, message, _) = api_error(decode(&call, pair(&seed, "OAUTH_SCOPE_MISMATCH")));
    assert_eq!(
        (status, code, message.as_str()),
        (
            401,
            Code::OauthScopeMismatch,
            "invalid oauth scope to access this URL"
        )
    );
}

#[test]
fn seed_002_per_record_errors() {
    let seed = fixture(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/002_update_lead.json"
    )));
    let call = lead(ids::LEAD);

    let missing = single_failure(decode(&call, pair(&seed, "MANDATORY_NOT_FOUND")));
    assert_eq!(
        (missing.code, missing.message.as_str()),
        (Code::MandatoryNotFound, "required field not found")
    );
    assert_eq!(missing.details.api_name(), Some("id"));

    let duplicate = single_failure(decode(
        &lead(ids::LEAD_DUPLICATE),
        pair(&seed, "DUPLICATE_DATA"),
    ));
    assert_eq!(
        (duplicate.code, duplicate.message.as_str()),
        (Code::DuplicateData, "duplicate data")
    );
    assert_eq!(duplicate.details.api_name(), Some("Mobile"));
    assert_eq!(duplicate.details.id(), Some(RecordId::from(ids::LEAD)));

    let unapproved = single_failure(decode(&call, pair(&seed, "NOT_APPROVED")));
    assert_eq!(unapproved.code, Code::NotApproved);
    assert_eq!(
        unapproved.message,
        "cannot update record that is not approved yet"
    );
    assert_eq!(
        unapproved.details.id(),
        Some(RecordId::from("1306462000000496025"))
    );

    let locked = single_failure(decode(&call, pair(&seed, "RECORD_LOCKED")));
    assert_eq!(locked.code, Code::RecordLocked);
    assert_eq!(
        locked.details.id(),
        Some(RecordId::from("475243000003269880"))
    );
    assert_eq!(locked.details.str("action"), Some("zia_vision_processing"));
}

fn mass_update(ids: &[&str]) -> MassUpdateV2<EmployeeCount> {
    employees_by_ids(1000, ids.iter().copied())
}

#[test]
fn seed_004_success_is_one_outcome_per_id_in_order() {
    let seed = fixture(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/004_mass_update.json"
    )));
    let call = mass_update(&[ids::LEAD_DUPLICATE, ids::LEAD_2]);
    let outcomes = decode(&call, pair(&seed, "SUCCESS RESPONSE")).unwrap();
    let got: Vec<_> = outcomes
        .iter()
        .map(|o| o.as_ref().unwrap().id().unwrap())
        .collect();
    assert_eq!(
        got,
        [
            RecordId::from(ids::LEAD_DUPLICATE),
            RecordId::from(ids::LEAD_2)
        ]
    );
    assert!(outcomes
        .iter()
        .all(|o| o.as_ref().unwrap().message == "record updated"));
}

#[test]
fn seed_004_errors() {
    let seed = fixture(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/004_mass_update.json"
    )));
    let two = mass_update(&[ids::LEAD_DUPLICATE, ids::LEAD_2]);

    // One error for two ids: the request was refused as a whole.
    let (status, code, message, details) =
        api_error(decode(&two, pair(&seed, "INVALID_DATA (no field)")));
    assert_eq!(
        (status, code, message.as_str()),
        (200, Code::InvalidData, "No field found")
    );
    assert!(details.is_empty());

    let (status, code, message, details) =
        api_error(decode(&two, pair(&seed, "INVALID_DATA (field)")));
    assert_eq!((status, code), (200, Code::InvalidData));
    assert_eq!(message, "This field cannot be updated in the Mass Update");
    assert_eq!(details.api_name(), Some("No_of_Employees1"));

    let no_ids = mass_update(&[]);
    let missing = single_failure(decode(&no_ids, pair(&seed, "MANDATORY_NOT_FOUND")));
    assert_eq!(
        (missing.code, missing.details.is_empty()),
        (Code::MandatoryNotFound, true)
    );

    let (status, code, ..) = api_error(decode(&no_ids, pair(&seed, "INVALID_REQUEST_METHOD")));
    assert_eq!((status, code), (400, Code::InvalidRequestMethod));

    let (status, code, message, _) =
        api_error(decode(&no_ids, pair(&seed, "AUTHENTICATION_FAILURE")));
    assert_eq!(
        (status, code, message.as_str()),
        (401, Code::AuthenticationFailure, "Authentication failed")
    );

    let one = mass_update(&[ids::LEAD]);
    let unapproved = single_failure(decode(&one, pair(&seed, "NOT_APPROVED")));
    assert_eq!(
        (unapproved.code, unapproved.details.id().unwrap().as_str()),
        (Code::NotApproved, "1306462000000496025")
    );
    let locked = single_failure(decode(&one, pair(&seed, "RECORD_LOCKED")));
    assert_eq!(
        (locked.code, locked.details.str("action")),
        (Code::RecordLocked, Some("zia_vision_processing"))
    );
}

#[test]
fn seed_000_001_003_sample_answers() {
    let seed = fixture(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/000_external_ids.json"
    )));
    let call = AssociateByExternalIds {
        contact: ids::EXTERNAL_CONTACT.into(),
        deal: ids::EXTERNAL_DEAL.into(),
        contact_role: ids::ROLE_SEED_000.into(),
    };
    let outcomes = decode(&call, pair(&seed, "relation added")).unwrap();
    let success = outcomes[0].as_ref().unwrap();
    assert_eq!(
        (
            success.message.as_str(),
            success.details.str("External_Deal_ID")
        ),
        ("relation added", Some("extdeal3"))
    );
    assert_eq!(success.id().unwrap(), "111111000000094028");

    let seed = fixture(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/001_contact_roles.json"
    )));
    let call = AddContactRoleV6 {
        deal_id: ids::DEAL.into(),
        contact_id: ids::CONTACT.into(),
        role: ContactRoleRef {
            name: "Executive Sponsor".into(),
            id: ids::ROLE_EXECUTIVE_SPONSOR.into(),
        },
    };
    let outcomes = decode(&call, pair(&seed, "relation updated")).unwrap();
    let success = outcomes[0].as_ref().unwrap();
    assert_eq!(
        (success.message.as_str(), success.id().unwrap().as_str()),
        ("relation updated", ids::CONTACT)
    );

    let seed = fixture(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/003_related_records.json"
    )));
    let call = campaigns_of_lead(
        ids::LEAD_WITH_CAMPAIGNS,
        &[(ids::CAMPAIGNS[0], "Active"), (ids::CAMPAIGNS[1], "Active")],
    );
    let outcomes = decode(&call, pair(&seed, "relation added")).unwrap();
    let got: Vec<_> = outcomes
        .iter()
        .map(|o| o.as_ref().unwrap().id().unwrap())
        .collect();
    assert_eq!(got, ids::CAMPAIGNS.map(RecordId::from));
}

#[test]
fn seed_001_and_003_error_tables() {
    // Each documented error, in Zoho's request-level shape with its documented status, decodes
    // into that status and code; the 202 rows of seed 003 are per-record.
    for table in [
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/001_contact_roles.json"
        )),
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/003_related_records.json"
        )),
    ] {
        for row in fixture(table)["errors"].as_array().unwrap() {
            let status = row["status"].as_u64().unwrap() as u16;
            let error = serde_json::json!({"code": row["code"], "details": {}, "message": row["message"], "status": "error"});
            let per_record = row["per_record"].as_bool().unwrap_or(false);
            let body = if per_record {
                serde_json::json!({"data": [error]})
            } else {
                error
            };
            let raw = RawResponse::new(status, serde_json::to_vec(&body).unwrap());
            let result = zoho_runtime::endpoint::decode_outcomes(&raw, Some(1));
            let code = Code::parse(row["code"].as_str().unwrap());
            assert!(!matches!(code, Code::Other(_)), "{code} is a known code");
            if per_record {
                assert_eq!(single_failure(result).code, code);
            } else {
                let (got_status, got_code, message, _) = api_error(result);
                assert_eq!(
                    (got_status, got_code, message.as_str()),
                    (status, code, row["message"].as_str().unwrap())
                );
            }
        }
    }
}
