//! The generated client against the embedded sandbox, for each seed scenario: the typed
//! outcomes, and through the sandbox's journal, the exact requests received.

use std::time::Duration;

use serde_json::json;
use zoho_crm_api::contact_roles::{AddContactRoleV6, ContactRoleRef};
use zoho_crm_api::mass_update::MassUpdateV2;
use zoho_crm_api::related_records::{AssociateByExternalIds, UpdateRelatedRecordsV2};
use zoho_runtime::{Client, Code, Error, RecordId};
use zoho_sandbox::{RecordState, Sandbox};
use zoho_tour::seeds::{ids, *};

async fn setup() -> (Sandbox, Client) {
    let sandbox = Sandbox::start().await.expect("sandbox starts");
    let client = Client::builder()
        .api_domain(sandbox.base_url())
        .access_token(sandbox.access_token())
        .build()
        .unwrap();
    (sandbox, client)
}

#[tokio::test]
async fn seed_000_by_external_ids() {
    let (sandbox, client) = setup().await;
    let call = AssociateByExternalIds {
        contact: ids::EXTERNAL_CONTACT.into(),
        deal: ids::EXTERNAL_DEAL.into(),
        contact_role: ids::ROLE_SEED_000.into(),
    };
    let outcomes = call.send(&client).await.unwrap();
    let success = outcomes[0].as_ref().unwrap();
    assert_eq!(success.message, "relation added");
    assert_eq!(success.details.str("External_Deal_ID"), Some("extdeal3"));

    let entry = sandbox.journal().pop().unwrap();
    assert_eq!(
        (entry.method.as_str(), entry.path.as_str()),
        ("PUT", "/crm/v2/Contacts/extcontact3/Deals")
    );
    assert_eq!(
        entry.header("x-external"),
        Some("Contacts.External_Contact_ID,Deals.External_Deal_ID")
    );
    assert_eq!(
        entry.header("authorization"),
        Some(format!("Zoho-oauthtoken {}", sandbox.access_token()).as_str())
    );
    assert_eq!(
        entry.json().unwrap(),
        json!({"data": [{"External_Deal_ID": "extdeal3", "Contact_Role": "111111000000026002"}]})
    );

    // An unknown external value: the one record is refused with 400 INVALID_DATA.
    let unknown = AssociateByExternalIds {
        deal: "no-such-deal".into(),
        ..call
    };
    let outcomes = unknown.send(&client).await.unwrap();
    let failure = outcomes[0].as_ref().unwrap_err();
    assert_eq!(
        (outcomes.status(), &failure.code),
        (400, &Code::InvalidData)
    );
    assert_eq!(
        failure.details.str("External_Deal_ID"),
        Some("no-such-deal")
    );
}

#[tokio::test]
async fn seed_001_contact_role_and_its_errors() {
    let (sandbox, client) = setup().await;
    let role = || ContactRoleRef {
        name: "Executive Sponsor".into(),
        id: ids::ROLE_EXECUTIVE_SPONSOR.into(),
    };
    let call = AddContactRoleV6 {
        deal_id: ids::DEAL.into(),
        contact_id: ids::CONTACT.into(),
        role: role(),
    };
    let outcomes = call.send(&client).await.unwrap();
    let success = outcomes[0].as_ref().unwrap();
    assert_eq!(
        (success.message.as_str(), success.id().unwrap().as_str()),
        ("relation updated", ids::CONTACT)
    );
    let entry = sandbox.journal().pop().unwrap();
    assert_eq!(
        entry.path,
        format!("/crm/v6/Deals/{}/Contact_Roles/{}", ids::DEAL, ids::CONTACT)
    );

    let bad_deal = AddContactRoleV6 {
        deal_id: "1".into(),
        contact_id: ids::CONTACT.into(),
        role: role(),
    };
    let err = bad_deal.send(&client).await.unwrap_err();
    assert!(
        matches!(
            &err,
            Error::Api {
                status: 400,
                code: Code::InvalidData,
                ..
            }
        ),
        "{err:?}"
    );

    // A token with the deals scope but not the contacts one.
    let deals_only = sandbox.issue_token(&["ZohoCRM.modules.deals.ALL"], Duration::from_secs(60));
    let narrow = Client::builder()
        .api_domain(sandbox.base_url())
        .access_token(deals_only)
        .build()
        .unwrap();
    let err = call.send(&narrow).await.unwrap_err();
    assert!(
        matches!(
            &err,
            Error::Api {
                status: 401,
                code: Code::OauthScopeMismatch,
                ..
            }
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn seed_002_success_and_every_recorded_failure() {
    let (sandbox, client) = setup().await;
    let outcomes = update_lead(ids::LEAD, ids::USER)
        .send(&client)
        .await
        .unwrap();
    assert_eq!(outcomes.status(), 200);
    assert_eq!(outcomes[0].as_ref().unwrap().id().unwrap(), ids::LEAD);
    let stored = sandbox.record("Leads", ids::LEAD).unwrap();
    assert_eq!(
        (
            stored["No_of_Employees"].clone(),
            stored["Annual_Revenue"].clone()
        ),
        (json!(1791), json!(136.67))
    );
    let body = sandbox.journal().pop().unwrap().json().unwrap();
    assert_eq!(body["data"][0]["Owner"], json!({"id": ids::USER}));

    let mut duplicate = update_lead(ids::LEAD_DUPLICATE, ids::USER);
    duplicate.record[0].owner = None;
    let outcomes = duplicate.send(&client).await.unwrap();
    let failure = outcomes[0].as_ref().unwrap_err();
    assert_eq!(
        (outcomes.status(), &failure.code),
        (202, &Code::DuplicateData)
    );
    assert_eq!(
        (failure.details.api_name(), failure.details.id()),
        (Some("Mobile"), Some(RecordId::from(ids::LEAD)))
    );

    for (state, code) in [
        (RecordState::Locked, Code::RecordLocked),
        (RecordState::NotApproved, Code::NotApproved),
    ] {
        assert!(sandbox.set_record_state("Leads", ids::LEAD_2, state));
        let mut call = update_lead(ids::LEAD_2, ids::USER);
        call.record[0].mobile = None;
        call.record[0].email = None;
        call.record[0].secondary_email = None;
        let outcomes = call.send(&client).await.unwrap();
        assert_eq!(outcomes[0].as_ref().unwrap_err().code, code);
        assert_eq!(outcomes.status(), 202);
    }

    let reader = sandbox.issue_token(&["ZohoCRM.modules.leads.READ"], Duration::from_secs(60));
    let reader = Client::builder()
        .api_domain(sandbox.base_url())
        .access_token(reader)
        .build()
        .unwrap();
    let err = update_lead(ids::LEAD, ids::USER)
        .send(&reader)
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Api { status: 401, code: Code::OauthScopeMismatch, message, .. } if message == "invalid oauth scope to access this URL")
    );

    let expired = sandbox.issue_token(&["ZohoCRM.modules.ALL"], Duration::from_secs(60));
    sandbox.expire_token(&expired);
    let stale = Client::builder()
        .api_domain(sandbox.base_url())
        .access_token(expired)
        .build()
        .unwrap();
    let err = update_lead(ids::LEAD, ids::USER)
        .send(&stale)
        .await
        .unwrap_err();
    assert_eq!(
        (err.status(), err.code()),
        (Some(401), Some(&Code::InvalidToken))
    );
}

#[tokio::test]
async fn seed_003_related_records() {
    let (sandbox, client) = setup().await;
    let call = campaigns_of_lead(
        ids::LEAD_WITH_CAMPAIGNS,
        &[
            (ids::CAMPAIGNS[0], "Active"),
            (ids::CAMPAIGNS[1], "Planning"),
        ],
    );
    let outcomes = call.send(&client).await.unwrap();
    let got: Vec<_> = outcomes
        .iter()
        .map(|o| o.as_ref().unwrap().id().unwrap())
        .collect();
    assert_eq!(got, ids::CAMPAIGNS.map(RecordId::from));
    assert!(sandbox
        .relation(
            "Leads",
            ids::LEAD_WITH_CAMPAIGNS,
            "Campaigns",
            ids::CAMPAIGNS[1]
        )
        .is_some());
    let entry = sandbox.journal().pop().unwrap();
    assert_eq!(
        entry.path,
        format!("/crm/v2/Leads/{}/Campaigns", ids::LEAD_WITH_CAMPAIGNS)
    );

    let unknown_module = UpdateRelatedRecordsV2 {
        module: "Lead".into(),
        ..call
    };
    let err = unknown_module.send(&client).await.unwrap_err();
    assert_eq!(
        (err.status(), err.code()),
        (Some(400), Some(&Code::InvalidModule))
    );
}

#[tokio::test]
async fn seed_004_mass_update_by_ids_and_its_failures() {
    let (sandbox, client) = setup().await;
    let by_ids = |ids: &[&str]| employees_by_ids(1000, ids.iter().copied());
    let outcomes = by_ids(&[ids::LEAD_DUPLICATE, ids::LEAD_2])
        .send(&client)
        .await
        .unwrap();
    assert!(outcomes.all_succeeded());
    assert_eq!(
        sandbox.record("Leads", ids::LEAD_2).unwrap()["No_of_Employees"],
        json!(1000)
    );
    assert_eq!(sandbox.write_count("Leads", ids::LEAD_2), 1);
    let body = sandbox.journal().pop().unwrap().json().unwrap();
    assert_eq!(
        body,
        json!({"data": [{"No_of_Employees": 1000}], "over_write": true, "ids": [ids::LEAD_DUPLICATE, ids::LEAD_2]})
    );

    let no_field = MassUpdateV2 {
        data: vec![EmployeeCount::default()],
        ..by_ids(&[ids::LEAD_DUPLICATE, ids::LEAD_2])
    };
    let err = no_field.send(&client).await.unwrap_err();
    assert!(
        matches!(&err, Error::Api { code: Code::InvalidData, message, .. } if message == "No field found"),
        "{err:?}"
    );

    let no_ids = by_ids(&[]);
    let outcomes = no_ids.send(&client).await.unwrap();
    assert_eq!(
        outcomes[0].as_ref().unwrap_err().code,
        Code::MandatoryNotFound
    );

    let by_view = MassUpdateV2 {
        cvid: sandbox.custom_view_id("Leads").map(RecordId::from),
        ..by_ids(&[])
    };
    let outcomes = by_view.send(&client).await.unwrap();
    assert!(outcomes[0].as_ref().unwrap().details.job_id().is_some());
}
