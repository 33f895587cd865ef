//! `#[zoho_record]` and `#[zoho_picklist]` accept a field of every data type the schema
//! snapshot can hold, each in the Rust types that hold it; the record is sent under the checked
//! names, with `None` left out.

use zoho_runtime::record::Lookup;
use zoho_runtime::{zoho_picklist, zoho_record, Json};

/// Every data type of `Leads` a read can see, computed ones included.
#[zoho_record(module = "Leads", usage = "read")]
pub struct LeadSeen {
    #[zoho(rename = "Last_Name")]
    pub last_name: String, // text
    #[zoho(rename = "Description")]
    pub description: Option<String>, // textarea
    #[zoho(rename = "Email")]
    pub email: Option<String>, // email
    #[zoho(rename = "Phone")]
    pub phone: Option<String>, // phone
    #[zoho(rename = "Website")]
    pub website: Option<String>, // website
    #[zoho(rename = "Lead_Status")]
    pub status: Option<Status>, // picklist, as its enum
    #[zoho(rename = "Lead_Source")]
    pub source: Option<String>, // picklist, as text
    #[zoho(rename = "Interests")]
    pub interests: Vec<Interest>, // multiselectpicklist
    #[zoho(rename = "No_of_Employees")]
    pub employees: Option<i32>, // integer
    #[zoho(rename = "Visitor_Count")]
    pub visitors: Option<i64>, // bigint
    #[zoho(rename = "Discount")]
    pub discount: Option<f64>, // decimal
    #[zoho(rename = "Annual_Revenue")]
    pub revenue: Option<f64>, // currency
    #[zoho(rename = "Conversion_Rate")]
    pub conversion: Option<f32>, // percent
    #[zoho(rename = "Email_Opt_Out")]
    pub opt_out: bool, // boolean
    #[zoho(rename = "Created_Time")]
    pub created: Option<String>, // datetime, as text
    #[zoho(rename = "Owner")]
    pub owner: Option<Lookup>, // ownerlookup
    #[zoho(rename = "Revenue_Per_Employee")]
    pub per_employee: Option<f64>, // formula returning a double
    #[zoho(rename = "Lead_Number")]
    pub number: Option<String>, // autonumber
    #[zoho(rename = "Products_Wanted")]
    pub wanted: Vec<Json>, // subform
    #[serde(rename = "Tag")]
    pub tag: Option<Json>, // anything, as JSON
}

/// The values of `Leads.Lead_Status` this program uses.
#[zoho_picklist(module = "Leads", field = "Lead_Status")]
#[derive(Debug, PartialEq)]
pub enum Status {
    Contacted,
    #[zoho(rename = "Not Contacted")]
    NotContacted,
}

/// A multi-select's values.
#[zoho_picklist(module = "Leads", field = "Interests")]
#[derive(Debug, PartialEq)]
pub enum Interest {
    Hardware,
    Software,
}

/// A contact to insert: every mandatory field, a date, a lookup, and a double of `Products`'
/// kind checked with typed dates.
#[zoho_record(module = "Contacts", usage = "insert", typed_dates)]
pub struct NewContact {
    #[zoho(rename = "Last_Name")]
    pub last_name: String,
    #[zoho(rename = "Date_of_Birth")]
    pub born: Option<Day>, // date, as a type of the user's
    #[zoho(rename = "Account_Name")]
    pub account: Option<Lookup>, // lookup
}

/// A date as the user's program keeps it.
#[derive(zoho_runtime::serde::Serialize, zoho_runtime::serde::Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct Day(String);

/// `double`, which no `Leads` field is.
#[zoho_record(module = "Products", usage = "update")]
pub struct ProductStock {
    #[zoho(rename = "Qty_in_Stock")]
    pub quantity: Option<f64>,
}

/// A lookup held by a type of the user's, which says it is sent as `{"id": …}`.
#[zoho_record(module = "Deals", usage = "update")]
pub struct DealAccount {
    #[zoho(rename = "Account_Name")]
    pub account: AccountId,
}

#[derive(zoho_runtime::serde::Serialize, zoho_runtime::serde::Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct AccountId {
    pub id: String,
}

impl zoho_runtime::record::Reference for AccountId {}

fn main() {
    let contact = NewContact {
        last_name: "Boyle".into(),
        born: Some(Day("1990-04-01".into())),
        account: None,
    };
    assert_eq!(
        serde_json::to_value(&contact).unwrap(),
        serde_json::json!({ "Last_Name": "Boyle", "Date_of_Birth": "1990-04-01" })
    );
    let seen: LeadSeen = serde_json::from_value(serde_json::json!({
        "Last_Name": "Boyle", "Lead_Status": "Not Contacted", "Interests": ["Software"],
        "Email_Opt_Out": false, "Products_Wanted": [], "Owner": { "name": "P", "id": "7" },
    }))
    .unwrap();
    assert_eq!(seen.status, Some(Status::NotContacted));
    assert_eq!(seen.interests, [Interest::Software]);
    assert_eq!(seen.owner.unwrap().id, "7");
    let stock = ProductStock { quantity: Some(2.5) };
    assert_eq!(serde_json::to_string(&stock).unwrap(), r#"{"Qty_in_Stock":2.5}"#);
    let deal = DealAccount { account: AccountId { id: "1".into() } };
    assert_eq!(serde_json::to_string(&deal).unwrap(), r#"{"Account_Name":{"id":"1"}}"#);
}
