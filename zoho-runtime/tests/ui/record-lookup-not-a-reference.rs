//! A lookup given a type of the user's that does not say it is an `{"id": …}` reference.
use zoho_runtime::zoho_record;

#[derive(zoho_runtime::serde::Serialize, zoho_runtime::serde::Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct Account {
    pub name: String,
}

#[zoho_record(module = "Contacts", usage = "update")]
pub struct Contact {
    #[zoho(rename = "Account_Name")]
    pub account: Option<Account>,
}

fn main() {}
