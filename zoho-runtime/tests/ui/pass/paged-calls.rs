//! Paged declarations: a listing by `page` and `page_token`, a search by `page`, a COQL query;
//! each implements `Paged` and renders its paging fields as Zoho names them.

use zoho_runtime::paging::{Paged, Style};
use zoho_runtime::{zoho_endpoint, Endpoint, Page, Record};

#[zoho_endpoint(GET "/<module>", scope = "ZohoCRM.modules.<module>.READ", response = Page<Record>)]
pub struct List {
    pub module: String,
    #[zoho(page)]
    pub page: Option<u32>,
    #[zoho(per_page, rename = "per_page")]
    pub size: Option<u32>,
    #[zoho(page_token)]
    pub token: Option<String>,
}

#[zoho_endpoint(GET "/Leads/search", scope = "ZohoCRM.modules.leads.READ", response = zoho_runtime::Page<Record>)]
pub struct Search {
    #[zoho(query)]
    pub word: String,
    #[zoho(page)]
    pub page: Option<u32>,
}

#[zoho_endpoint(POST "/coql", scope = "ZohoCRM.coql.READ", idempotent, response = Page<Record>)]
pub struct Query {
    #[zoho(coql)]
    pub select_query: String,
}

fn main() {
    assert_eq!(List::STYLE, Style::Records);
    assert_eq!(Search::STYLE, Style::Pages(2_000));
    assert_eq!(Query::STYLE, Style::Coql);
    let list = List { module: "Leads".into(), page: Some(2), size: Some(50), token: None };
    let parts = list.request_parts().unwrap();
    assert_eq!(parts.path_and_query(Default::default()).unwrap(), "/crm/v8/Leads?page=2&per_page=50");
    let query = Query { select_query: "select id from Leads".into() };
    let parts = query.request_parts().unwrap();
    assert_eq!(
        std::str::from_utf8(parts.body_bytes().unwrap()).unwrap(),
        r#"{"select_query":"select id from Leads"}"#
    );
}
