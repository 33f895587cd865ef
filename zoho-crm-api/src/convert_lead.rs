//! Convert lead: a lead becomes a contact, an account (its company, or an account named) and,
//! when asked, a deal; [`GetConversionOptions`] tells which existing contacts and accounts
//! match the lead, to convert into them rather than create new ones.
//!
//! ```
//! use zoho_crm_api::convert_lead::{ConvertLead, Converted};
//! use zoho_runtime::Client;
//! use zoho_sandbox::Sandbox;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let sandbox = Sandbox::start().await?;
//! let client = Client::builder()
//!     .api_domain(sandbox.base_url())
//!     .access_token(sandbox.access_token())
//!     .build()?;
//! let lead = sandbox
//!     .insert_record("Leads", r#"{"Last_Name": "Moss", "Company": "Moss Ltd"}"#.parse()?)
//!     .unwrap();
//! let outcomes = ConvertLead::of(lead.as_str()).send(&client).await?;
//! let converted = Converted::from_outcome(outcomes[0].as_ref().unwrap());
//! let contact = converted.contact.unwrap();
//! assert_eq!(sandbox.record("Contacts", contact.as_str()).unwrap()["Last_Name"], "Moss");
//! let account = converted.account.unwrap();
//! assert_eq!(sandbox.record("Accounts", account.as_str()).unwrap()["Account_Name"], "Moss Ltd");
//! assert!(sandbox.record("Leads", &lead).is_none());
//! # Ok(())
//! # }
//! ```

use std::marker::PhantomData;

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::{zoho_endpoint, Json, Record, RecordId, RecordSuccess};

use crate::actions::{IdRef, ModuleRef};
use crate::{declared, ApiOperation};

/// Converts the lead `lead_id`; one outcome whose details name the records created.
#[zoho_endpoint(POST "/Leads/<lead_id>/actions/convert", scope = "ZohoCRM.modules.leads.CREATE")]
pub struct ConvertLead<R: Serialize + Send + Sync = Record> {
    /// The lead.
    pub lead_id: RecordId,
    /// Whether the lead's values overwrite those of an existing contact or account it is
    /// converted into.
    pub overwrite: Option<bool>,
    /// Whether the lead's owner is told by email.
    pub notify_lead_owner: Option<bool>,
    /// Whether the owner of the new records is told by email.
    pub notify_new_entity_owner: Option<bool>,
    /// An existing account to convert into, instead of one made from the lead's company.
    #[zoho(rename = "Accounts")]
    pub account: Option<IdRef>,
    /// An existing contact to convert into, instead of a new one.
    #[zoho(rename = "Contacts")]
    pub contact: Option<IdRef>,
    /// The user who owns the records created.
    pub assign_to: Option<IdRef>,
    /// A deal to create: its fields (`Deal_Name`, `Stage`, `Closing_Date`, …).
    #[zoho(rename = "Deals")]
    pub deal: Option<R>,
    /// The module (`Contacts`, `Accounts`, `Deals`) the lead's attachments move to.
    pub move_attachments_to: Option<ModuleRef>,
    /// The record type of `deal`.
    pub record: PhantomData<R>,
}

impl ConvertLead {
    /// Converts the lead `lead_id` into a new contact and account, creating no deal.
    pub fn of(lead_id: impl Into<RecordId>) -> Self {
        ConvertLead {
            lead_id: lead_id.into(),
            overwrite: None,
            notify_lead_owner: None,
            notify_new_entity_owner: None,
            account: None,
            contact: None,
            assign_to: None,
            deal: None,
            move_attachments_to: None,
            record: PhantomData,
        }
    }
}

impl<R: Serialize + Send + Sync> ConvertLead<R> {
    /// Creates a deal of these fields too.
    pub fn with_deal<D: Serialize + Send + Sync>(self, deal: D) -> ConvertLead<D> {
        ConvertLead {
            lead_id: self.lead_id,
            overwrite: self.overwrite,
            notify_lead_owner: self.notify_lead_owner,
            notify_new_entity_owner: self.notify_new_entity_owner,
            account: self.account,
            contact: self.contact,
            assign_to: self.assign_to,
            deal: Some(deal),
            move_attachments_to: self.move_attachments_to,
            record: PhantomData,
        }
    }

    /// Converts into the existing account `id`.
    pub fn into_account(mut self, id: impl Into<RecordId>) -> Self {
        self.account = Some(IdRef::new(id));
        self
    }

    /// Converts into the existing contact `id`.
    pub fn into_contact(mut self, id: impl Into<RecordId>) -> Self {
        self.contact = Some(IdRef::new(id));
        self
    }

    /// Lets the lead's values overwrite those of the existing records, or not.
    pub fn with_overwrite(mut self, overwrite: bool) -> Self {
        self.overwrite = Some(overwrite);
        self
    }

    /// Gives the records created to the user `id`.
    pub fn with_assign_to(mut self, id: impl Into<RecordId>) -> Self {
        self.assign_to = Some(IdRef::new(id));
        self
    }
}

/// The records a conversion made or used, read from its outcome's details.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Converted {
    /// The contact.
    pub contact: Option<RecordId>,
    /// The account.
    pub account: Option<RecordId>,
    /// The deal, when one was asked for.
    pub deal: Option<RecordId>,
}

impl Converted {
    /// Reads the ids of a conversion's success: `{"Contacts": {"name", "id"}, …}` (v8), or
    /// the bare ids older versions give.
    pub fn from_outcome(success: &RecordSuccess) -> Self {
        let id = |key: &str| {
            let value = success.details.get(key)?;
            let id = value.get("id").unwrap_or(value);
            id.as_str().map(RecordId::from)
        };
        Converted {
            contact: id("Contacts"),
            account: id("Accounts"),
            deal: id("Deals"),
        }
    }
}

/// The contacts, accounts and deals a lead could be converted into.
#[zoho_endpoint(GET "/Leads/<lead_id>/__conversion_options", scope = "ZohoCRM.modules.leads.READ",
                response = ConversionOptions)]
pub struct GetConversionOptions {
    /// The lead.
    pub lead_id: RecordId,
}

impl GetConversionOptions {
    /// The conversion options of the lead `lead_id`.
    pub fn of(lead_id: impl Into<RecordId>) -> Self {
        GetConversionOptions {
            lead_id: lead_id.into(),
        }
    }
}

/// The answer of [`GetConversionOptions`].
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct ConversionOptions {
    /// The options.
    #[serde(rename = "__conversion_options")]
    pub options: ConversionOption,
}

/// Which existing records match the lead, by the fields Zoho compares.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct ConversionOption {
    /// The module the organisation converts into first (`Contacts` or `Accounts`).
    #[serde(default)]
    pub module_preference: Option<ModuleRef>,
    /// Contacts matching the lead.
    #[serde(rename = "Contacts", default)]
    pub contacts: Option<Vec<Record>>,
    /// Accounts matching the lead's company.
    #[serde(rename = "Accounts", default)]
    pub accounts: Option<Vec<Record>>,
    /// Deals of the matching accounts.
    #[serde(rename = "Deals", default)]
    pub deals: Option<Vec<Record>>,
    /// The lead's values each module was matched on, by module.
    #[serde(default)]
    pub preference_field_matched_value: Option<Json>,
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![ConvertLead<Record>, GetConversionOptions];
