use zoho_crm_api::record_count::PostCount;
use zoho_crm_api::runtime::Error;

use crate::operations::harness::Harness;

pub async fn probe(h: &mut Harness) {
    let all = h.sandbox.records("Leads").len() as u64;
    for (name, email) in [("Quill", "quill@zylker.example"), ("Quill", "other@zylker.example"), ("Rook", "rook@zylker.example")] {
        let lead = format!(r#"{{"Last_Name": "{name}", "Company": "Zylker", "Email": "{email}"}}"#);
        h.sandbox.insert_record("Leads", lead.parse().unwrap()).unwrap();
    }
    assert_eq!(h.send(&PostCount::of("Leads")).await.count, all + 3);
    let quills = PostCount::of("Leads").matching("(Last_Name:equals:Quill)");
    assert_eq!(h.send(&quills).await.count, 2);
    let rook = PostCount::of("Leads").with_email("rook@zylker.example");
    assert_eq!(h.send(&rook).await.count, 1);
    let none = PostCount::of("Leads").matching("(Last_Name:equals:Nobody)");
    assert_eq!(h.send(&none).await.count, 0);

    match h.send_err(&PostCount::of("Leadz")).await {
        Error::Api { code, .. } => assert_eq!(code.as_str(), "INVALID_MODULE"),
        other => panic!("{other:?}"),
    }
}
