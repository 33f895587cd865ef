//! A lookup given a bare id: Zoho's lookups are `{"id": …}` objects.
use zoho_runtime::{zoho_record, RecordId};

#[zoho_record(module = "Contacts", usage = "update")]
pub struct Contact {
    #[zoho(rename = "Account_Name")]
    pub account: Option<RecordId>,
}

fn main() {}
