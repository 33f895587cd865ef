//! The records, the declarations and the hand-written equivalents the parts compare.

use std::time::Duration;

use hyper::header::{AUTHORIZATION, CONTENT_TYPE};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use zoho_runtime::{
    zoho_endpoint, Code, Details, Outcome, Outcomes, RecordError, RecordId, RecordSuccess,
};
use zoho_tour::seeds::{LeadUpdate, UserId};

use crate::support::Fallible;

/// The token both sides of the per-call comparison send; the answer server does not check it.
pub(crate) const TOKEN: &str =
    "1000.3f9a1c0d5e7b4a2c8d6e0f1a2b3c4d5e.9f8e7d6c5b4a39281706f5e4d3c2b1a0";

/// Seed 002's lead as a record of a `data` array: the same 26 fields and types as
/// [`LeadUpdate`], plus the `id` a bulk update names its record by (left out when the id is in
/// the path). Serialised by serde's derive, as a hand-written program would.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Lead {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<RecordId>,
    #[serde(rename = "Owner", skip_serializing_if = "Option::is_none")]
    owner: Option<UserId>,
    #[serde(rename = "Last_Name", skip_serializing_if = "Option::is_none")]
    last_name: Option<String>,
    #[serde(rename = "Email", skip_serializing_if = "Option::is_none")]
    email: Option<String>,
    #[serde(rename = "Description", skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(rename = "Rating", skip_serializing_if = "Option::is_none")]
    rating: Option<String>,
    #[serde(rename = "Website", skip_serializing_if = "Option::is_none")]
    website: Option<String>,
    #[serde(rename = "Twitter", skip_serializing_if = "Option::is_none")]
    twitter: Option<String>,
    #[serde(rename = "Salutation", skip_serializing_if = "Option::is_none")]
    salutation: Option<String>,
    #[serde(rename = "First_Name", skip_serializing_if = "Option::is_none")]
    first_name: Option<String>,
    #[serde(rename = "Lead_Status", skip_serializing_if = "Option::is_none")]
    lead_status: Option<String>,
    #[serde(rename = "Industry", skip_serializing_if = "Option::is_none")]
    industry: Option<String>,
    #[serde(rename = "Skype_ID", skip_serializing_if = "Option::is_none")]
    skype_id: Option<String>,
    #[serde(rename = "Phone", skip_serializing_if = "Option::is_none")]
    phone: Option<String>,
    #[serde(rename = "Street", skip_serializing_if = "Option::is_none")]
    street: Option<String>,
    #[serde(rename = "Zip_Code", skip_serializing_if = "Option::is_none")]
    zip_code: Option<String>,
    #[serde(rename = "Email_Opt_Out", skip_serializing_if = "Option::is_none")]
    email_opt_out: Option<bool>,
    #[serde(rename = "Designation", skip_serializing_if = "Option::is_none")]
    designation: Option<String>,
    #[serde(rename = "City", skip_serializing_if = "Option::is_none")]
    city: Option<String>,
    #[serde(rename = "No_of_Employees", skip_serializing_if = "Option::is_none")]
    no_of_employees: Option<i64>,
    #[serde(rename = "Mobile", skip_serializing_if = "Option::is_none")]
    mobile: Option<String>,
    #[serde(rename = "State", skip_serializing_if = "Option::is_none")]
    state: Option<String>,
    #[serde(rename = "Lead_Source", skip_serializing_if = "Option::is_none")]
    lead_source: Option<String>,
    #[serde(rename = "Country", skip_serializing_if = "Option::is_none")]
    country: Option<String>,
    #[serde(rename = "Fax", skip_serializing_if = "Option::is_none")]
    fax: Option<String>,
    #[serde(rename = "Annual_Revenue", skip_serializing_if = "Option::is_none")]
    annual_revenue: Option<f64>,
    #[serde(rename = "Secondary_Email", skip_serializing_if = "Option::is_none")]
    secondary_email: Option<String>,
}

impl Lead {
    /// The record carrying `lead`'s fields, with `id` as its `id` key.
    pub(crate) fn of(lead: &LeadUpdate, id: Option<RecordId>) -> Lead {
        let c = lead.clone();
        Lead {
            id,
            owner: c.owner,
            last_name: c.last_name,
            email: c.email,
            description: c.description,
            rating: c.rating,
            website: c.website,
            twitter: c.twitter,
            salutation: c.salutation,
            first_name: c.first_name,
            lead_status: c.lead_status,
            industry: c.industry,
            skype_id: c.skype_id,
            phone: c.phone,
            street: c.street,
            zip_code: c.zip_code,
            email_opt_out: c.email_opt_out,
            designation: c.designation,
            city: c.city,
            no_of_employees: c.no_of_employees,
            mobile: c.mobile,
            state: c.state,
            lead_source: c.lead_source,
            country: c.country,
            fax: c.fax,
            annual_revenue: c.annual_revenue,
            secondary_email: c.secondary_email,
        }
    }
}

/// Updates leads named by the `id` of each record: the batching path (`send_all` splits the
/// records 100 a call).
#[zoho_endpoint(PUT "/Leads", scope = "ZohoCRM.modules.leads.UPDATE", version = "v2")]
pub(crate) struct UpdateLeads {
    /// The leads.
    #[zoho(records)]
    pub(crate) leads: Vec<Lead>,
}

/// `{"data": …}`, written by hand.
#[derive(Serialize)]
pub(crate) struct Envelope<T> {
    pub(crate) data: T,
}

/// A request rendered by hand: what `Client::prepare` renders for the generated side.
#[derive(Debug, PartialEq)]
pub(crate) struct HandRequest {
    pub(crate) url: String,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: Vec<u8>,
}

/// Seed 002's update written by hand with `reqwest` and `serde_json`.
pub(crate) struct HandUpdate<'a> {
    pub(crate) base_url: &'a str,
    pub(crate) token: &'a str,
    pub(crate) id: &'a str,
    pub(crate) lead: &'a Lead,
}

impl HandUpdate<'_> {
    fn url(&self) -> String {
        format!("{}/crm/v2/Leads/{}", self.base_url, self.id)
    }

    fn body(&self) -> Fallible<Vec<u8>> {
        Ok(serde_json::to_vec(&Envelope { data: [self.lead] })?)
    }

    /// URL, headers and body, without sending.
    pub(crate) fn render(&self) -> Fallible<HandRequest> {
        Ok(HandRequest {
            url: self.url(),
            headers: vec![
                (
                    "Authorization".to_owned(),
                    format!("Zoho-oauthtoken {}", self.token),
                ),
                ("Content-Type".to_owned(), "application/json".to_owned()),
            ],
            body: self.body()?,
        })
    }

    /// Sends the update and decodes the answer into one typed result per record.
    pub(crate) async fn send(&self, http: &reqwest::Client) -> Fallible<Vec<HandResult>> {
        let response = http
            .put(self.url())
            .header(AUTHORIZATION, format!("Zoho-oauthtoken {}", self.token))
            .header(CONTENT_TYPE, "application/json")
            .body(self.body()?)
            .send()
            .await?;
        let status = response.status();
        let body = response.bytes().await?;
        if !status.is_success() {
            return Err(format!("HTTP {status}").into());
        }
        let answer: HandAnswer = serde_json::from_slice(&body)?;
        Ok(answer.data)
    }
}

/// A write's answer, as a hand-written program would declare it.
#[derive(Debug, Deserialize)]
pub(crate) struct HandAnswer {
    pub(crate) data: Vec<HandResult>,
}

/// One record's result, as a hand-written program would declare it.
#[derive(Debug, Deserialize)]
pub(crate) struct HandResult {
    pub(crate) code: String,
    pub(crate) message: String,
    pub(crate) status: String,
    #[serde(default)]
    pub(crate) details: Map<String, Value>,
}

/// The answer decoded by plain serde into the runtime's own field types.
#[derive(Deserialize)]
struct PlainAnswer {
    data: Vec<PlainResult>,
}

#[derive(Deserialize)]
struct PlainResult {
    code: Code,
    message: String,
    status: String,
    #[serde(default)]
    details: Details,
}

/// Plain serde's decoding of a write's answer into the same [`Outcomes`] the runtime gives.
pub(crate) fn plain_outcomes(status: u16, body: &[u8]) -> Fallible<Outcomes> {
    let answer: PlainAnswer = serde_json::from_slice(body)?;
    let items = answer
        .data
        .into_iter()
        .map(|r| -> Outcome {
            if r.status == "error" {
                Err(RecordError {
                    code: r.code,
                    message: r.message,
                    details: r.details,
                })
            } else {
                Ok(RecordSuccess {
                    code: r.code,
                    message: r.message,
                    details: r.details,
                    action: None,
                })
            }
        })
        .collect();
    Ok(Outcomes::new(status, items))
}

/// The same reqwest settings as the runtime's client: connect timeout, timeout, no redirects.
pub(crate) fn hand_client() -> Fallible<reqwest::Client> {
    Ok(reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(10))
        .timeout(Duration::from_secs(60))
        .redirect(reqwest::redirect::Policy::none())
        .build()?)
}

/// Seed 002's recorded answers.
pub(crate) fn seed_002() -> Fallible<Value> {
    Ok(serde_json::from_str(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/002_update_lead.json"
    )))?)
}

/// The recorded answer named `name`: its status and its body as bytes.
pub(crate) fn recorded_answer(seed: &Value, name: &str) -> Fallible<(u16, Value)> {
    let pair = seed["pairs"]
        .as_array()
        .and_then(|pairs| pairs.iter().find(|p| p["name"] == name))
        .ok_or_else(|| format!("no recorded answer `{name}`"))?;
    let status = pair["response"]["status"]
        .as_u64()
        .ok_or("a recorded answer without status")?;
    Ok((status as u16, pair["response"]["body"].clone()))
}
