//! The reading area's routes: deleted records, rich text in full, clone, counts and COQL.
//! (Listing, search and single records are [`BASE`](crate::routes::BASE)'s rows.)

use crate::routes::Route;
use crate::{coql, records, recycle};

/// Listed before `BASE`, whose `/{module}/{id}` and `/{module}/{id}/{related_list}/…` rows
/// would take these paths.
pub(crate) static ROUTES: &[Route] = &[
    Route::new("/coql").post(coql::query),
    Route::new("/{module}/deleted").get(|c| recycle::list(c, c.at("module"))),
    Route::new("/{module}/actions/count")
        .get(|c| records::count(c, c.at("module")))
        .post(|c| records::count(c, c.at("module"))),
    Route::new("/{module}/actions/fetch_full_data")
        .get(|c| records::fetch_full_data(c, c.at("module"), None)),
    Route::new("/{module}/{id}/actions/fetch_full_data")
        .get(|c| records::fetch_full_data(c, c.at("module"), Some(c.at("id")))),
    Route::new("/{module}/{id}/actions/clone")
        .post(|c| records::clone_record(c, c.at("module"), c.at("id"))),
];
