//! Record writes and reads for the metadata areas' tests: what the metadata says is what
//! records take, so each area checks a change through a record written after it.

use zoho_crm_api::runtime::Json;
use zoho_crm_api::{zoho_endpoint, Outcomes, Page, Record, RecordId};

use crate::operations::harness::Harness;

/// Inserts records into any module.
#[zoho_endpoint(POST "/<module>", scope = "ZohoCRM.modules.<module>.CREATE")]
pub struct Insert {
    pub module: String,
    #[zoho(records)]
    pub records: Vec<Record>,
}

/// Reads one record of any module.
#[zoho_endpoint(GET "/<module>/<id>", scope = "ZohoCRM.modules.<module>.READ", response = Option<Page<Record>>)]
pub struct Read {
    pub module: String,
    pub id: RecordId,
}

/// Inserts one record of these fields and returns its outcome list.
pub async fn insert(h: &Harness, module: &str, fields: &[(&str, Json)]) -> Outcomes {
    let record: Record = fields.iter().map(|(k, v)| (*k, v.clone())).collect();
    let call = Insert {
        module: module.into(),
        records: vec![record],
    };
    h.client.send(&call).await.expect("the insert is answered")
}

/// Inserts one record that must be added, and reads it back.
pub async fn insert_ok(h: &Harness, module: &str, fields: &[(&str, Json)]) -> Record {
    let outcomes = insert(h, module, fields).await;
    let id = match &outcomes[0] {
        Ok(added) => added.id().expect("an id"),
        Err(refused) => panic!("{module} refused the record: {refused:?}"),
    };
    let call = Read {
        module: module.into(),
        id,
    };
    let page = h.client.send(&call).await.expect("the read is answered");
    page.expect("the record is there").data.remove(0)
}

/// The code a refused single-record insert carries.
pub async fn refusal(h: &Harness, module: &str, fields: &[(&str, Json)]) -> String {
    match &insert(h, module, fields).await[0] {
        Ok(added) => panic!("{module} took the record: {added:?}"),
        Err(refused) => format!("{} {:?}", refused.code.as_str(), refused.details),
    }
}
