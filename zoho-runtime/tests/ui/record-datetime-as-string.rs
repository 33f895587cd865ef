//! With `typed_dates`, a datetime as a plain `String` is refused.
use zoho_runtime::zoho_record;

#[zoho_record(module = "Leads", usage = "read", typed_dates)]
pub struct Lead {
    #[zoho(rename = "Created_Time")]
    pub created: Option<String>,
}

fn main() {}
