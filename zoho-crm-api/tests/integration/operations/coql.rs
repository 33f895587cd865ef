use zoho_crm_api::coql::Coql;
use zoho_crm_api::records::InsertRecords;
use zoho_crm_api::runtime::Error;
use zoho_crm_api::Record;

use crate::operations::harness::Harness;

pub async fn probe(h: &mut Harness) {
    let leads: Vec<Record> = (0..5)
        .map(|i| {
            let mut lead = Record::new();
            lead.set("Last_Name", format!("Queried{i}")).set("Company", "Zylker").set("Annual_Revenue", i * 1000);
            lead
        })
        .collect();
    assert!(h.send(&InsertRecords::new("Leads", leads)).await.all_succeeded());

    let query = "select Last_Name, Annual_Revenue from Leads \
                 where (Last_Name like 'Queried%' and Annual_Revenue >= 2000) \
                 order by Annual_Revenue desc limit 2";
    let page = h.send(&Coql::<Record>::new(query)).await;
    let names: Vec<String> = page
        .data
        .iter()
        .map(|r| r.get::<String>("Last_Name").unwrap().unwrap())
        .collect();
    assert_eq!(names, ["Queried4", "Queried3"]);
    assert_eq!((page.info.count, page.info.more_records), (Some(2), true));

    let refused = h.send_err(&Coql::<Record>::new("select * from Leads")).await;
    assert!(matches!(&refused, Error::Api { status: 400, code, .. } if code.as_str() == "SYNTAX_ERROR"), "{refused:?}");

    let none = h
        .send(&Coql::<Record>::new("select Last_Name from Leads where Last_Name = 'Nobody'"))
        .await;
    assert!(none.data.is_empty());
}
