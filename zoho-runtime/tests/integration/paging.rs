//! Walking listings against the sandbox: `page` up to 2,000 records then `page_token`, search
//! by `page`, COQL by `LIMIT`, retries of a failed page, the typed error of a walk that
//! stops, an expired token, and the blocking iterators.

#![allow(missing_docs)]

use std::marker::PhantomData;
use std::time::Duration;

use futures_util::StreamExt;
use serde_json::json;
use zoho_runtime::paging::{PagingFailure, Position};
use zoho_runtime::{zoho_endpoint, Client, Page, Record, RetryPolicy};
use zoho_sandbox::{Fault, FaultRule, Sandbox};

/// Lists a module's records.
#[zoho_endpoint(GET "/<module>", scope = "ZohoCRM.modules.<module>.READ", response = Page<R>)]
pub struct List<R: zoho_runtime::serde::de::DeserializeOwned + Send + 'static> {
    pub module: String,
    #[zoho(query)]
    pub fields: Vec<String>,
    #[zoho(query)]
    pub sort_order: Option<String>,
    #[zoho(page)]
    pub page: Option<u32>,
    #[zoho(per_page)]
    pub per_page: Option<u32>,
    #[zoho(page_token)]
    pub page_token: Option<String>,
    pub record: PhantomData<fn() -> R>,
}

fn list(per_page: u32) -> List<Record> {
    List {
        module: "Leads".into(),
        fields: vec!["Last_Name".into()],
        sort_order: Some("asc".into()),
        page: None,
        per_page: Some(per_page),
        page_token: None,
        record: PhantomData,
    }
}

/// Searches by `page` alone.
#[zoho_endpoint(GET "/<module>/search", scope = "ZohoCRM.modules.<module>.READ", response = Page<Record>)]
pub struct Search {
    pub module: String,
    #[zoho(query)]
    pub word: String,
    #[zoho(page)]
    pub page: Option<u32>,
    #[zoho(per_page)]
    pub per_page: Option<u32>,
}

/// A COQL query.
#[zoho_endpoint(POST "/coql", scope = "ZohoCRM.coql.READ", idempotent, response = Page<Record>)]
pub struct Query {
    #[zoho(coql)]
    pub select_query: String,
}

async fn sandbox_with(leads: usize) -> (Sandbox, Client) {
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    for i in 0..leads {
        let fields = json!({ "Last_Name": format!("Walked{i:05}"), "Company": "Zylker" });
        sandbox.insert_record("Leads", fields).expect("stored");
    }
    let client = Client::builder()
        .api_domain(sandbox.base_url())
        .access_token(sandbox.access_token())
        .retry(RetryPolicy::default().backoff(Duration::from_millis(1), Duration::from_millis(5)))
        .build()
        .expect("a client");
    (sandbox, client)
}

/// The queries of the listing calls the sandbox received.
fn list_queries(sandbox: &Sandbox, path_end: &str) -> Vec<String> {
    sandbox
        .journal()
        .into_iter()
        .filter(|e| e.path.ends_with(path_end))
        .map(|e| e.query.unwrap_or_default())
        .collect()
}

#[tokio::test]
async fn pages_up_to_two_thousand_then_follows_page_tokens() {
    let (sandbox, client) = sandbox_with(2_450).await;
    let total = sandbox.records("Leads").len();
    sandbox.clear_journal();
    let mut ids = std::collections::BTreeSet::new();
    let mut records = client.records(list(200));
    while let Some(record) = records.next_record().await {
        let record = record.expect("every page comes");
        assert!(
            ids.insert(record.id().expect("an id")),
            "a record came twice"
        );
    }
    assert_eq!(ids.len(), total);
    let queries = list_queries(&sandbox, "/Leads");
    assert_eq!(queries.len(), total.div_ceil(200), "{queries:#?}");
    for (i, q) in queries[..10].iter().enumerate() {
        assert!(
            q.contains(&format!("page={}", i + 1)) && !q.contains("page_token"),
            "{q}"
        );
    }
    for q in &queries[10..] {
        assert!(q.contains("page_token=") && !q.contains("&page="), "{q}");
    }
}

#[tokio::test]
async fn a_walk_yields_pages_one_at_a_time_and_stops_at_the_last() {
    let (sandbox, client) = sandbox_with(0).await;
    let total = sandbox.records("Leads").len();
    let mut pages = client.pages(list(7));
    let mut seen = 0;
    let mut count = 0;
    while let Some(page) = pages.next().await {
        let page = page.expect("a page");
        assert!(page.data.len() <= 7);
        seen += page.data.len();
        count += 1;
        assert_eq!(page.info.more_records, seen < total);
    }
    assert_eq!((seen, count), (total, total.div_ceil(7)));
}

#[tokio::test]
async fn an_empty_listing_is_one_empty_page() {
    let (_sandbox, client) = sandbox_with(0).await;
    let call = Search {
        module: "Leads".into(),
        word: "nothing-matches-this".into(),
        page: None,
        per_page: None,
    };
    let pages: Vec<_> = client.pages(call).collect().await;
    assert_eq!(pages.len(), 1);
    assert!(pages[0].as_ref().unwrap().data.is_empty());
}

#[tokio::test]
async fn a_failed_page_is_retried_under_the_clients_rules() {
    let (sandbox, client) = sandbox_with(450).await;
    sandbox.add_fault(
        FaultRule::new(Fault::InternalError)
            .method("GET")
            .path_contains("/Leads")
            .skip(1)
            .times(2),
    );
    let all: Vec<_> = client.records(list(200)).collect().await;
    assert!(all.iter().all(Result::is_ok));
    assert_eq!(all.len(), sandbox.records("Leads").len());
}

#[tokio::test]
async fn a_walk_that_fails_says_how_far_it_got() {
    let (sandbox, _) = sandbox_with(450).await;
    let client = Client::builder()
        .api_domain(sandbox.base_url())
        .access_token(sandbox.access_token())
        .retry(RetryPolicy::never())
        .build()
        .unwrap();
    sandbox.add_fault(
        FaultRule::new(Fault::InternalError)
            .method("GET")
            .path_contains("/Leads")
            .skip(2),
    );
    let mut records = client.records(list(100));
    let mut yielded = 0u64;
    let error = loop {
        match records.next_record().await {
            Some(Ok(_)) => yielded += 1,
            Some(Err(error)) => break error,
            None => panic!("the walk ended without its error"),
        }
    };
    assert_eq!((error.records, error.pages, yielded), (200, 2, 200));
    assert_eq!(
        error.at,
        Position::Page {
            page: 3,
            per_page: 100
        }
    );
    assert!(matches!(
        error.failure,
        PagingFailure::Call(zoho_runtime::Error::Api { status: 500, .. })
    ));
    assert!(
        records.next_record().await.is_none(),
        "an error ends the walk"
    );
}

#[tokio::test]
async fn an_expired_page_token_says_so() {
    let (sandbox, client) = sandbox_with(2_100).await;
    let mut pages = client.pages(list(200));
    for _ in 0..10 {
        pages.next_page().await.unwrap().expect("a page by number");
    }
    sandbox.expire_page_tokens();
    let error = pages
        .next_page()
        .await
        .unwrap()
        .expect_err("the token expired");
    assert!(error.is_token_expired(), "{error}");
    assert!(
        matches!(
            &error.at,
            Position::Token {
                expiry: Some(_),
                ..
            }
        ),
        "{:?}",
        error.at
    );
    assert_eq!(error.records, 2_000);
    assert!(error.to_string().contains("page_token expired"), "{error}");
}

#[tokio::test]
async fn search_pages_by_page_and_stops_at_its_limit() {
    let (sandbox, client) = sandbox_with(2_050).await;
    sandbox.clear_journal();
    let call = Search {
        module: "Leads".into(),
        word: "walked".into(),
        page: None,
        per_page: Some(200),
    };
    let mut records = client.records(call);
    let mut yielded = 0;
    let error = loop {
        match records.next_record().await {
            Some(Ok(_)) => yielded += 1,
            Some(Err(error)) => break error,
            None => panic!("more than 2,000 matches cannot all be read by search"),
        }
    };
    assert_eq!(yielded, 2_000);
    assert!(
        matches!(error.failure, PagingFailure::Limit { limit: 2_000 }),
        "{error}"
    );
    assert_eq!(
        list_queries(&sandbox, "/search").len(),
        10,
        "no call past Zoho's limit"
    );
}

#[tokio::test]
async fn coql_pages_by_rewriting_its_limit() {
    let (sandbox, client) = sandbox_with(2_300).await;
    sandbox.clear_journal();
    let call = Query {
        select_query:
            "select Last_Name from Leads where Last_Name like 'Walked%' order by Last_Name".into(),
    };
    let names: Vec<String> = client
        .records(call)
        .map(|r| r.unwrap().get::<String>("Last_Name").unwrap().unwrap())
        .collect()
        .await;
    let expected: Vec<String> = (0..2_300).map(|i| format!("Walked{i:05}")).collect();
    // (The seed leads' names do not start with `Walked`.)
    assert_eq!(names, expected);
    let bodies: Vec<String> = sandbox
        .journal()
        .iter()
        .map(|e| String::from_utf8_lossy(&e.body).into_owned())
        .collect();
    assert_eq!(bodies.len(), 2);
    assert!(
        bodies[0].contains("limit 0, 2000") && bodies[1].contains("limit 2000, 2000"),
        "{bodies:?}"
    );

    // The query's own LIMIT caps the walk; its offset is where it starts.
    let call = Query {
        select_query: "select Last_Name from Leads where Last_Name like 'Walked%' order by Last_Name limit 10, 5".into(),
    };
    let names: Vec<String> = client
        .records(call)
        .map(|r| r.unwrap().get::<String>("Last_Name").unwrap().unwrap())
        .collect()
        .await;
    assert_eq!(
        names,
        (10..15)
            .map(|i| format!("Walked{i:05}"))
            .collect::<Vec<_>>()
    );
}

#[test]
fn the_blocking_client_walks_with_an_iterator() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let sandbox = runtime.block_on(Sandbox::start()).unwrap();
    let total = sandbox.records("Leads").len();
    let client = Client::builder()
        .api_domain(sandbox.base_url())
        .access_token(sandbox.access_token())
        .build_blocking()
        .unwrap();
    let records: Result<Vec<Record>, _> = client.records(list(3)).collect();
    assert_eq!(records.unwrap().len(), total);
    let pages = client.pages(list(3)).count();
    assert_eq!(pages, total.div_ceil(3));
    drop(runtime);
}
