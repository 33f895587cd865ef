//! The five Zoho CRM operations of the project's seed documents, declared with
//! `#[zoho_endpoint]`. The tour (`cargo run --example crm_tour`), the per-operation examples and
//! the end-to-end tests all use these declarations.
//!
//! Record types derive serde's traits through `zoho_runtime::serde`, so this crate depends on
//! `zoho-runtime` alone, as a user's would.

use zoho_runtime::serde::Serialize;
use zoho_runtime::{zoho_endpoint, RecordId};

/// The ids the seed documents use, which the sandbox's starting data holds.
pub mod ids {
    /// The lead updated in seed 002's success answer.
    pub const LEAD: &str = "738964000002148061";
    /// The lead of seed 002's `DUPLICATE_DATA` answer.
    pub const LEAD_DUPLICATE: &str = "738964000002131001";
    /// The second lead of seed 004's mass update.
    pub const LEAD_2: &str = "738964000002130131";
    /// The lead related to campaigns in seed 003.
    pub const LEAD_WITH_CAMPAIGNS: &str = "3652397000001829002";
    /// The deal of seed 001.
    pub const DEAL: &str = "4150868000003384003";
    /// The contact of seed 001.
    pub const CONTACT: &str = "4150868000003283024";
    /// The contact role "Executive Sponsor" of seed 001.
    pub const ROLE_EXECUTIVE_SPONSOR: &str = "3652397000000006877";
    /// The contact role of seed 000.
    pub const ROLE_SEED_000: &str = "111111000000026002";
    /// The campaigns of seed 003.
    pub const CAMPAIGNS: [&str; 2] = ["3652397000000327001", "3652397000001854001"];
    /// Patricia Boyle, the user the seeds' answers name.
    pub const USER: &str = "738964000000291009";
    /// The contact's external id (`External_Contact_ID`) in seed 000.
    pub const EXTERNAL_CONTACT: &str = "extcontact3";
    /// The deal's external id (`External_Deal_ID`) in seed 000.
    pub const EXTERNAL_DEAL: &str = "extdeal3";
}

/// Seed 000: associates a contact and a deal by their external ids instead of record ids.
///
/// `X-EXTERNAL` names both external fields, so the path takes the contact's external value and
/// the body must carry the deal's.
#[zoho_endpoint(PUT "/Contacts/<contact>/Deals",
                scope = ["ZohoCRM.modules.contacts.UPDATE", "ZohoCRM.modules.deals.UPDATE"],
                version = "v2",
                external = "Contacts.External_Contact_ID,Deals.External_Deal_ID")]
pub struct AssociateByExternalIds {
    /// The contact's `External_Contact_ID`.
    pub contact: String,
    /// The deal's `External_Deal_ID`.
    #[zoho(rename = "External_Deal_ID")]
    pub deal: String,
    /// The role the contact plays on the deal.
    #[zoho(rename = "Contact_Role")]
    pub contact_role: RecordId,
}

/// A contact role, as seed 001 sends it: `{"name": …, "id": …}`.
#[derive(Clone, Debug, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct ContactRoleRef {
    /// The role's name: `Executive Sponsor`.
    pub name: String,
    /// The role's id.
    pub id: RecordId,
}

/// Seed 001: gives a contact a role on a deal. Needs both the deals and the contacts scope.
#[zoho_endpoint(PUT "/Deals/<deal_id>/Contact_Roles/<contact_id>",
                scope = ["ZohoCRM.modules.deals.UPDATE", "ZohoCRM.modules.contacts.UPDATE"],
                version = "v6")]
pub struct AddContactRole {
    /// The deal.
    pub deal_id: RecordId,
    /// The contact.
    pub contact_id: RecordId,
    /// The role.
    #[zoho(rename = "Contact_Role")]
    pub role: ContactRoleRef,
}

/// A reference to a user by id: `{"id": "738964000000291009"}`.
#[derive(Clone, Debug, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct UserId {
    /// The user's id.
    pub id: RecordId,
}

/// Seed 002: updates a lead. Every field is optional: a `None` is left out of the body, so
/// nothing is cleared by accident.
#[zoho_endpoint(PUT "/Leads/<id>", scope = "ZohoCRM.modules.leads.UPDATE", version = "v2")]
#[derive(Clone, Debug)]
pub struct UpdateLead {
    /// The lead.
    pub id: RecordId,
    /// `Owner`
    #[zoho(rename = "Owner")]
    pub owner: Option<UserId>,
    /// `Last_Name`
    #[zoho(rename = "Last_Name")]
    pub last_name: Option<String>,
    /// `Email`
    #[zoho(rename = "Email")]
    pub email: Option<String>,
    /// `Description`
    #[zoho(rename = "Description")]
    pub description: Option<String>,
    /// `Rating`
    #[zoho(rename = "Rating")]
    pub rating: Option<String>,
    /// `Website`
    #[zoho(rename = "Website")]
    pub website: Option<String>,
    /// `Twitter`
    #[zoho(rename = "Twitter")]
    pub twitter: Option<String>,
    /// `Salutation`
    #[zoho(rename = "Salutation")]
    pub salutation: Option<String>,
    /// `First_Name`
    #[zoho(rename = "First_Name")]
    pub first_name: Option<String>,
    /// `Lead_Status`
    #[zoho(rename = "Lead_Status")]
    pub lead_status: Option<String>,
    /// `Industry`
    #[zoho(rename = "Industry")]
    pub industry: Option<String>,
    /// `Skype_ID`
    #[zoho(rename = "Skype_ID")]
    pub skype_id: Option<String>,
    /// `Phone`
    #[zoho(rename = "Phone")]
    pub phone: Option<String>,
    /// `Street`
    #[zoho(rename = "Street")]
    pub street: Option<String>,
    /// `Zip_Code`
    #[zoho(rename = "Zip_Code")]
    pub zip_code: Option<String>,
    /// `Email_Opt_Out`
    #[zoho(rename = "Email_Opt_Out")]
    pub email_opt_out: Option<bool>,
    /// `Designation`
    #[zoho(rename = "Designation")]
    pub designation: Option<String>,
    /// `City`
    #[zoho(rename = "City")]
    pub city: Option<String>,
    /// `No_of_Employees`
    #[zoho(rename = "No_of_Employees")]
    pub no_of_employees: Option<i64>,
    /// `Mobile`
    #[zoho(rename = "Mobile")]
    pub mobile: Option<String>,
    /// `State`
    #[zoho(rename = "State")]
    pub state: Option<String>,
    /// `Lead_Source`
    #[zoho(rename = "Lead_Source")]
    pub lead_source: Option<String>,
    /// `Country`
    #[zoho(rename = "Country")]
    pub country: Option<String>,
    /// `Fax`
    #[zoho(rename = "Fax")]
    pub fax: Option<String>,
    /// `Annual_Revenue`
    #[zoho(rename = "Annual_Revenue")]
    pub annual_revenue: Option<f64>,
    /// `Secondary_Email`
    #[zoho(rename = "Secondary_Email")]
    pub secondary_email: Option<String>,
}

impl UpdateLead {
    /// The full lead of seed 002, owned by `owner`.
    pub fn seed(id: impl Into<RecordId>, owner: impl Into<RecordId>) -> Self {
        let text = |s: &str| Some(s.to_owned());
        UpdateLead {
            id: id.into(),
            owner: Some(UserId { id: owner.into() }),
            last_name: text("Last_Name"),
            email: text("newcrmapi@zoho.com"),
            description: text(
                "Design your own layouts that align your business processes precisely. Assign them to profiles appropriately.",
            ),
            rating: text("Acquired"),
            website: text("crm.zoho.com"),
            twitter: text("Twitter"),
            salutation: text("Mr."),
            first_name: text("First_Name"),
            lead_status: text("Attempted to Contact"),
            industry: text("ASP"),
            skype_id: text("Skype_ID"),
            phone: text("98883434559"),
            street: text("Street"),
            zip_code: text("Zip_Code"),
            email_opt_out: Some(false),
            designation: text("Designation"),
            city: text("City"),
            no_of_employees: Some(1791),
            mobile: text("98883434559"),
            state: text("State"),
            lead_source: text("Advertisement"),
            country: text("Country"),
            fax: text("Fax"),
            annual_revenue: Some(136.67),
            secondary_email: text("newcrmapi@zoho.com"),
        }
    }
}

/// A related record for seed 003: the related record's id and the relation's own fields.
#[derive(Clone, Debug, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct CampaignMember {
    /// The campaign's id.
    pub id: RecordId,
    /// The lead's status in the campaign: `Active`, `Planning`, …
    #[serde(rename = "Member_Status")]
    pub member_status: String,
}

/// Seed 003: relates records of a related list to a record, up to 100 per call (more are
/// split into batches by the client).
///
/// The module comes from the path, and so does the scope: relating campaigns to a lead needs
/// `ZohoCRM.modules.leads.UPDATE`.
#[zoho_endpoint(PUT "/<module>/<record_id>/<related_list>",
                scope = "ZohoCRM.modules.<module>.UPDATE",
                version = "v2")]
pub struct UpdateRelatedRecords {
    /// The parent record's module: `Leads`.
    pub module: String,
    /// The parent record.
    pub record_id: RecordId,
    /// The related list's API name: `Campaigns`.
    pub related_list: String,
    /// The related records.
    #[zoho(records)]
    pub relations: Vec<CampaignMember>,
}

impl UpdateRelatedRecords {
    /// Seed 003's call: relates campaigns, given as `(campaign id, member status)`, to a lead.
    pub fn campaigns_of_lead(lead: impl Into<RecordId>, members: &[(&str, &str)]) -> Self {
        UpdateRelatedRecords {
            module: "Leads".into(),
            record_id: lead.into(),
            related_list: "Campaigns".into(),
            relations: members
                .iter()
                .map(|(id, status)| CampaignMember {
                    id: (*id).into(),
                    member_status: (*status).into(),
                })
                .collect(),
        }
    }
}

/// Seed 004: sets one field on many leads at once, by id (at most 500 per call, answered per
/// record) or by custom view (answered with a job id).
///
/// Setting a field to the same value twice leaves the leads as once, so the call is declared
/// safe to repeat.
#[zoho_endpoint(POST "/Leads/actions/mass_update",
                scope = "ZohoCRM.mass_update.leads.UPDATE",
                version = "v2",
                idempotent)]
#[derive(Clone, Debug, Default)]
pub struct MassUpdateLeads {
    /// `No_of_Employees`, the field set on every lead.
    #[zoho(rename = "No_of_Employees")]
    pub no_of_employees: Option<i64>,
    /// Whether to overwrite values already set.
    #[zoho(envelope)]
    pub over_write: Option<bool>,
    /// The leads to update; Zoho answers one outcome per id.
    #[zoho(targets)]
    pub ids: Option<Vec<RecordId>>,
    /// A custom view whose leads to update, instead of `ids`.
    #[zoho(envelope)]
    pub cvid: Option<RecordId>,
}

impl MassUpdateLeads {
    /// Seed 004's call: sets `No_of_Employees` to `count`, overwriting, on the leads `ids`. An
    /// empty list sends no `ids` at all (Zoho then answers `MANDATORY_NOT_FOUND`).
    pub fn employees_by_ids<I: Into<RecordId>>(
        count: i64,
        ids: impl IntoIterator<Item = I>,
    ) -> Self {
        let ids: Vec<RecordId> = ids.into_iter().map(Into::into).collect();
        MassUpdateLeads {
            no_of_employees: Some(count),
            over_write: Some(true),
            ids: (!ids.is_empty()).then_some(ids),
            cvid: None,
        }
    }
}
