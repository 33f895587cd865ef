//! What the seed calls carry of the user's own: the ids of the seed documents, the record types
//! that travel in their bodies, and constructors of the seed calls.
//!
//! The five operations themselves are the catalogue's (`zoho-crm-api`), each pinned to the
//! seed's API version:
//!
//! | seed | operation |
//! |---|---|
//! | 000 | `zoho_crm_api::related_records::AssociateByExternalIds` |
//! | 001 | `zoho_crm_api::contact_roles::AddContactRoleV6` |
//! | 002 | `zoho_crm_api::records::UpdateRecordV2<LeadUpdate>` |
//! | 003 | `zoho_crm_api::related_records::UpdateRelatedRecordsV2<CampaignMember>` |
//! | 004 | `zoho_crm_api::mass_update::MassUpdateV2<EmployeeCount>` |
//!
//! Record types derive serde's traits through `zoho_runtime::serde`, as a user's would; a field
//! that is `None` is left out of the body, so nothing is cleared by accident.

use zoho_crm_api::mass_update::MassUpdateV2;
use zoho_crm_api::records::UpdateRecordV2;
use zoho_crm_api::related_records::UpdateRelatedRecordsV2;
use zoho_runtime::serde::Serialize;
use zoho_runtime::RecordId;

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

/// A reference to a user by id: `{"id": "738964000000291009"}`.
#[derive(Clone, Debug, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct UserId {
    /// The user's id.
    pub id: RecordId,
}

/// Seed 002's lead: the fields its update sets, every one optional.
#[derive(Clone, Debug, Default, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct LeadUpdate {
    /// `Owner`
    #[serde(rename = "Owner", skip_serializing_if = "Option::is_none")]
    pub owner: Option<UserId>,
    /// `Last_Name`
    #[serde(rename = "Last_Name", skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// `Email`
    #[serde(rename = "Email", skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// `Description`
    #[serde(rename = "Description", skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `Rating`
    #[serde(rename = "Rating", skip_serializing_if = "Option::is_none")]
    pub rating: Option<String>,
    /// `Website`
    #[serde(rename = "Website", skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// `Twitter`
    #[serde(rename = "Twitter", skip_serializing_if = "Option::is_none")]
    pub twitter: Option<String>,
    /// `Salutation`
    #[serde(rename = "Salutation", skip_serializing_if = "Option::is_none")]
    pub salutation: Option<String>,
    /// `First_Name`
    #[serde(rename = "First_Name", skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// `Lead_Status`
    #[serde(rename = "Lead_Status", skip_serializing_if = "Option::is_none")]
    pub lead_status: Option<String>,
    /// `Industry`
    #[serde(rename = "Industry", skip_serializing_if = "Option::is_none")]
    pub industry: Option<String>,
    /// `Skype_ID`
    #[serde(rename = "Skype_ID", skip_serializing_if = "Option::is_none")]
    pub skype_id: Option<String>,
    /// `Phone`
    #[serde(rename = "Phone", skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// `Street`
    #[serde(rename = "Street", skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    /// `Zip_Code`
    #[serde(rename = "Zip_Code", skip_serializing_if = "Option::is_none")]
    pub zip_code: Option<String>,
    /// `Email_Opt_Out`
    #[serde(rename = "Email_Opt_Out", skip_serializing_if = "Option::is_none")]
    pub email_opt_out: Option<bool>,
    /// `Designation`
    #[serde(rename = "Designation", skip_serializing_if = "Option::is_none")]
    pub designation: Option<String>,
    /// `City`
    #[serde(rename = "City", skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// `No_of_Employees`
    #[serde(rename = "No_of_Employees", skip_serializing_if = "Option::is_none")]
    pub no_of_employees: Option<i64>,
    /// `Mobile`
    #[serde(rename = "Mobile", skip_serializing_if = "Option::is_none")]
    pub mobile: Option<String>,
    /// `State`
    #[serde(rename = "State", skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// `Lead_Source`
    #[serde(rename = "Lead_Source", skip_serializing_if = "Option::is_none")]
    pub lead_source: Option<String>,
    /// `Country`
    #[serde(rename = "Country", skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// `Fax`
    #[serde(rename = "Fax", skip_serializing_if = "Option::is_none")]
    pub fax: Option<String>,
    /// `Annual_Revenue`
    #[serde(rename = "Annual_Revenue", skip_serializing_if = "Option::is_none")]
    pub annual_revenue: Option<f64>,
    /// `Secondary_Email`
    #[serde(rename = "Secondary_Email", skip_serializing_if = "Option::is_none")]
    pub secondary_email: Option<String>,
}

impl LeadUpdate {
    /// The full lead of seed 002, owned by `owner`.
    pub fn seed(owner: impl Into<RecordId>) -> Self {
        let text = |s: &str| Some(s.to_owned());
        LeadUpdate {
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

/// Seed 002's call: the full lead, owned by `owner`, written to the lead `id` at `v2`.
pub fn update_lead(
    id: impl Into<RecordId>,
    owner: impl Into<RecordId>,
) -> UpdateRecordV2<LeadUpdate> {
    UpdateRecordV2::new("Leads", id, LeadUpdate::seed(owner))
}

/// A related record of seed 003: the campaign's id and the relation's own field.
#[derive(Clone, Debug, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct CampaignMember {
    /// The campaign's id.
    pub id: RecordId,
    /// The lead's status in the campaign: `Active`, `Planning`, …
    #[serde(rename = "Member_Status")]
    pub member_status: String,
}

impl CampaignMember {
    /// The campaign `id`, with the lead's status `member_status` in it.
    pub fn new(id: impl Into<RecordId>, member_status: impl Into<String>) -> Self {
        CampaignMember {
            id: id.into(),
            member_status: member_status.into(),
        }
    }
}

/// Seed 003's call: relates campaigns, given as `(campaign id, member status)`, to a lead.
pub fn campaigns_of_lead(
    lead: impl Into<RecordId>,
    members: &[(&str, &str)],
) -> UpdateRelatedRecordsV2<CampaignMember> {
    let members = members
        .iter()
        .map(|(id, status)| CampaignMember::new(*id, *status))
        .collect();
    UpdateRelatedRecordsV2::of("Leads", lead, "Campaigns", members)
}

/// Seed 004's change: `No_of_Employees`, left out when `None` (Zoho then answers
/// `INVALID_DATA` "No field found").
#[derive(Clone, Debug, Default, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct EmployeeCount {
    /// `No_of_Employees`
    #[serde(rename = "No_of_Employees", skip_serializing_if = "Option::is_none")]
    pub no_of_employees: Option<i64>,
}

impl EmployeeCount {
    /// `No_of_Employees` set to `count`.
    pub fn of(count: i64) -> Self {
        EmployeeCount {
            no_of_employees: Some(count),
        }
    }
}

/// Seed 004's call: sets `No_of_Employees` to `count`, overwriting, on the leads `ids`. An
/// empty list sends no `ids` at all (Zoho then answers `MANDATORY_NOT_FOUND`).
pub fn employees_by_ids<I: Into<RecordId>>(
    count: i64,
    ids: impl IntoIterator<Item = I>,
) -> MassUpdateV2<EmployeeCount> {
    let ids: Vec<RecordId> = ids.into_iter().map(Into::into).collect();
    MassUpdateV2 {
        module: "Leads".into(),
        data: vec![EmployeeCount::of(count)],
        over_write: Some(true),
        ids: (!ids.is_empty()).then_some(ids),
        cvid: None,
    }
}
