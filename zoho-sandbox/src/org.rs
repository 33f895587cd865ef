//! The organisation (`GET /org`) and its photo (`DELETE /org/photo`).
//!
//! The org's currency is USD until several currencies are enabled, then the base currency's;
//! `mc_status` says whether they are. The photo starts set; deleting it when there is none is
//! answered `INVALID_DATA` (Zoho's description does not say). The photo's download
//! (`GET /org/photo`, the image's bytes) and upload (`POST /org/photo`, a multipart file) are
//! not served yet: the sandbox answers JSON only and reads no multipart bodies.

use axum::http::StatusCode;
use serde_json::json;
use zoho_spec::scope::Operation;

use crate::answers::{self, Answer};
use crate::ctx::{Ctx, Handled};
use crate::keyed::need;
use crate::people::ADMIN_ID;
use crate::routes::Route;

/// The rows of `/org`.
pub(crate) static ROUTES: &[Route] = &[
    Route::new("/org").get(get),
    Route::new("/org/photo").delete(delete_photo),
];

/// `GET /org`.
fn get(ctx: &Ctx<'_>) -> Handled {
    need(ctx, &["org"], Operation::Read)?;
    let store = ctx.store();
    let people = &store.people;
    let base = people.base_currency();
    let email = people.user(ADMIN_ID).map(|u| u.email.clone());
    let org = json!({
        "id": "738964000000012001", "company_name": "Zylker", "alias": "zylker",
        "primary_email": email, "primary_zuid": "738964001", "zgid": "738964002",
        "currency": base.map_or("USD", |c| &c.iso_code),
        "currency_symbol": base.map_or("$", |c| &c.symbol),
        "currency_locale": "en_US", "time_zone": "Etc/UTC", "country": "United States",
        "country_code": "US", "city": "Pleasanton", "state": "California", "zip": "94588",
        "street": "4141 Hacienda Drive", "website": "www.zylker.com", "employee_count": "120",
        "mc_status": base.is_some(), "gapps_enabled": false, "translation_enabled": false,
        "photo_id": people.photo_id, "domain_name": "org738964",
        "license_details": { "paid": true, "paid_type": "enterprise", "users_license_purchased": 10 },
    });
    Ok(Answer::json(StatusCode::OK, json!({ "org": [org] })))
}

/// `DELETE /org/photo`.
fn delete_photo(ctx: &Ctx<'_>) -> Handled {
    need(ctx, &["org"], Operation::Delete)?;
    let mut store = ctx.store();
    let Some(id) = store.people.photo_id.take() else {
        return Err(answers::error(
            StatusCode::BAD_REQUEST,
            "INVALID_DATA",
            "the organization has no photo",
            json!({}),
        ));
    };
    let done = answers::success_body("photo deleted", json!({ "id": id }));
    Ok(Answer::json(StatusCode::OK, done))
}
