//! The organisation (`GET /org`) and its photo (`/org/photo`: download, upload, delete).
//!
//! The org's currency is USD until several currencies are enabled, then the base currency's;
//! `mc_status` says whether they are.
//!
//! The photo starts set, a 1×1 PNG. `GET` answers its bytes with their content type, as record
//! photos are answered; `POST` takes a `multipart/form-data` `file` part (Zoho's
//! documentation: "file, mandatory") and answers `photo uploaded successfully`, and the org's
//! `photo_id` changes. What Zoho's documentation does not say, and the sandbox assumes: a `GET`
//! with no photo answers `204` (as a record without a photo does); an upload is held to the
//! attachments' 20 MB and its image format is not checked; deleting when there is none answers
//! `INVALID_DATA`.

use axum::http::StatusCode;
use serde_json::json;
use zoho_spec::scope::Operation;

use crate::answers::{self, Answer};
use crate::ctx::{Ctx, Handled};
use crate::files::{self, StoredFile};
use crate::keyed::need;
use crate::people::ADMIN_ID;
use crate::routes::Route;

/// The rows of `/org`.
pub(crate) static ROUTES: &[Route] = &[
    Route::new("/org").get(get),
    Route::new("/org/photo")
        .get(photo)
        .post(upload_photo)
        .delete(delete_photo),
];

/// The org's photo: its id, as `GET /org` gives it, and the image.
#[derive(Debug, Clone)]
pub(crate) struct OrgPhoto {
    pub id: String,
    pub file: StoredFile,
}

/// A 1×1 transparent PNG, the photo the org starts with.
const SEED_PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
    0x42, 0x60, 0x82,
];

impl OrgPhoto {
    /// The photo the org starts with.
    pub(crate) fn seed() -> Self {
        OrgPhoto {
            id: "738964000000370001".into(),
            file: StoredFile {
                name: "zylker.png".into(),
                content_type: "image/png".into(),
                data: SEED_PNG.into(),
            },
        }
    }
}

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
        "photo_id": people.photo.as_ref().map(|p| &p.id), "domain_name": "org738964",
        "license_details": { "paid": true, "paid_type": "enterprise", "users_license_purchased": 10 },
    });
    Ok(Answer::json(StatusCode::OK, json!({ "org": [org] })))
}

/// `GET /org/photo`: the image, or `204` when the org has none.
fn photo(ctx: &Ctx<'_>) -> Handled {
    need(ctx, &["org"], Operation::Read)?;
    let store = ctx.store();
    Ok(files::photo_answer(
        store.people.photo.as_ref().map(|p| &p.file),
    ))
}

/// `POST /org/photo`: a `file` part, the new image, under a new id.
fn upload_photo(ctx: &Ctx<'_>) -> Handled {
    need(ctx, &["org"], Operation::Create)?;
    let file = files::uploaded_photo(ctx)?;
    let mut store = ctx.store();
    let id = store.new_id().to_string();
    store.people.photo = Some(OrgPhoto { id, file });
    Ok(files::photo_uploaded())
}

/// `DELETE /org/photo`.
fn delete_photo(ctx: &Ctx<'_>) -> Handled {
    need(ctx, &["org"], Operation::Delete)?;
    let mut store = ctx.store();
    let Some(OrgPhoto { id, .. }) = store.people.photo.take() else {
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
