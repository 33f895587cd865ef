//! Reads every lead, page after page, with a progress display.
//!
//! `cargo run --example read_all_leads`
//!
//! Against the embedded sandbox (the default), 4,500 leads are added first, so that the walk
//! goes past Zoho's 2,000-record limit of `page` and follows `page_token`s. With the tour's
//! environment variables (`ZOHO_API_DOMAIN` and `ZOHO_ACCESS_TOKEN`, or the refresh-token
//! ones, see `zoho_tour::common::connect`), it reads the leads of that organisation.
//!
//! One page is in memory at a time; a page that fails is retried as the client's retry policy
//! says, and a walk that stops anyway says how far it got.

use std::marker::PhantomData;

use indicatif::{ProgressBar, ProgressStyle};
use zoho_runtime::serde::de::DeserializeOwned;
use zoho_runtime::{zoho_endpoint, Page, Record};
use zoho_tour::common;

/// A page of a module's records.
#[zoho_endpoint(GET "/<module>", scope = "ZohoCRM.modules.<module>.READ", response = Page<R>)]
struct GetRecords<R: DeserializeOwned + Send + 'static> {
    module: String,
    #[zoho(query)]
    fields: Vec<String>,
    #[zoho(page)]
    page: Option<u32>,
    #[zoho(per_page)]
    per_page: Option<u32>,
    #[zoho(page_token)]
    page_token: Option<String>,
    record: PhantomData<fn() -> R>,
}

const ADDED: usize = 4_500;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let connection = common::connect().await?;
    if let Some(sandbox) = &connection.sandbox {
        for i in 0..ADDED {
            let lead =
                serde_json::json!({ "Last_Name": format!("Reader{i:05}"), "Company": "Zylker" });
            sandbox
                .insert_record("Leads", lead)
                .ok_or("the sandbox has no Leads module")?;
        }
    }
    let call = GetRecords::<Record> {
        module: "Leads".into(),
        fields: vec!["Last_Name".into(), "Company".into()],
        page: None,
        per_page: Some(200),
        page_token: None,
        record: PhantomData,
    };

    let bar = ProgressBar::new_spinner();
    bar.set_style(ProgressStyle::with_template(
        "{spinner} {pos} leads read, page {msg} [{elapsed_precise}, {per_sec}]",
    )?);
    let mut pages = connection.client.pages(call);
    let (mut read, mut named) = (0u64, 0u64);
    while let Some(page) = pages.next_page().await {
        let page = match page {
            Ok(page) => page,
            Err(error) => {
                bar.abandon();
                eprintln!("stopped: {error}");
                return Err(error.into());
            }
        };
        let how = match &page.info.next_page_token {
            Some(_) if page.info.page.is_some_and(|p| p >= 10) => "by page_token next",
            _ => "by number",
        };
        bar.set_message(format!("{} ({how})", page.info.page.unwrap_or_default()));
        for lead in &page.data {
            named += u64::from(lead.get::<String>("Last_Name")?.is_some());
        }
        read += page.data.len() as u64;
        bar.set_position(read);
    }
    bar.finish();
    println!("{read} leads read ({named} with a last name)");
    Ok(())
}
