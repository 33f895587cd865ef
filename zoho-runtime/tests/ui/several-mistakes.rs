use zoho_runtime::{zoho_endpoint, RecordId};

/// Three independent mistakes, reported together; the struct is still there for `main`.
#[zoho_endpoint(PUT "/Leads/<id>/Notes/<note>",
                scope = "ZohoCRM.modules.leads.UPDTE",
                version = "v9")]
pub struct UpdateNote {
    pub id: RecordId,
    #[zoho(renam = "Note_Title")]
    pub title: String,
}

fn main() {
    let call = UpdateNote { id: "1".into(), title: "t".into() };
    let _ = call.title.len();
}
