//! Sharing records: a record shared with users, with a permission (`read_only`,
//! `read_write`, `full_access`) and optionally its related records; the shares listed, changed
//! and revoked.
//!
//! ```
//! use zoho_crm_api::share_records::{GetShares, ShareRecord};
//! use zoho_runtime::Client;
//! use zoho_sandbox::Sandbox;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let sandbox = Sandbox::start().await?;
//! let client = Client::builder()
//!     .api_domain(sandbox.base_url())
//!     .access_token(sandbox.access_token())
//!     .build()?;
//! let lead = sandbox.insert_record("Leads", r#"{"Last_Name": "Moss"}"#.parse()?).unwrap();
//! let ryan = "738964000000291021";
//! ShareRecord::with("Leads", lead.as_str(), ryan, "read_write").send(&client).await?;
//! let shares = GetShares::of("Leads", lead.as_str()).send(&client).await?.unwrap();
//! assert_eq!(shares.share[0].permission, "read_write");
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::{zoho_endpoint, RecordId, UserRef};

use crate::actions::{Ack, IdRef};
use crate::{declared, ApiOperation};

/// With whom the record `record_id` is shared; `None` when with no one.
#[zoho_endpoint(GET "/<module>/<record_id>/actions/share", scope = "ZohoCRM.share.<module>.READ",
                response = Option<Shares>)]
pub struct GetShares {
    /// The module's API name.
    pub module: String,
    /// The record.
    pub record_id: RecordId,
    /// Only the shares of this user.
    #[zoho(query = "sharedTo")]
    pub shared_to: Option<RecordId>,
    /// `summary` for the shares alone, `manage` for the users it may be shared with too.
    #[zoho(query)]
    pub view: Option<String>,
}

impl GetShares {
    /// The shares of the record `record_id` of `module`.
    pub fn of(module: impl Into<String>, record_id: impl Into<RecordId>) -> Self {
        GetShares {
            module: module.into(),
            record_id: record_id.into(),
            shared_to: None,
            view: None,
        }
    }
}

/// The answer of [`GetShares`].
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Shares {
    /// Each share.
    #[serde(default)]
    pub share: Vec<Share>,
    /// The users the record may be shared with (`view=manage`).
    #[serde(default)]
    pub shareable_user: Option<Vec<UserRef>>,
}

/// A record shared with one user.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Share {
    /// The user it is shared with.
    pub user: UserRef,
    /// `read_only`, `read_write` or `full_access`.
    pub permission: String,
    /// Whether its related records are shared too.
    #[serde(default)]
    pub share_related_records: bool,
    /// Who shared it.
    #[serde(default)]
    pub shared_by: Option<UserRef>,
    /// When.
    #[serde(default)]
    pub shared_time: Option<String>,
}

/// A share to make or change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
pub struct ShareInput {
    /// The user to share with.
    pub user: IdRef,
    /// `read_only`, `read_write` or `full_access`.
    pub permission: String,
    /// Whether its related records are shared too.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share_related_records: Option<bool>,
}

/// The answer of a share, a change or a revocation: one acknowledgement per share given.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct ShareOutcomes {
    /// Each acknowledgement (a revocation answers one, not in a list).
    #[serde(deserialize_with = "one_or_many")]
    pub share: Vec<Ack>,
}

fn one_or_many<'de, D: zoho_runtime::serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<Ack>, D::Error> {
    #[derive(Deserialize)]
    #[serde(crate = "zoho_runtime::serde", untagged)]
    enum OneOrMany {
        Many(Vec<Ack>),
        One(Ack),
    }
    Ok(match OneOrMany::deserialize(deserializer)? {
        OneOrMany::Many(all) => all,
        OneOrMany::One(one) => vec![one],
    })
}

/// Shares the record `record_id` with the users of `share` (at most 10 users a record).
#[zoho_endpoint(POST "/<module>/<record_id>/actions/share", scope = "ZohoCRM.share.<module>.CREATE",
                response = ShareOutcomes)]
pub struct ShareRecord {
    /// The module's API name.
    pub module: String,
    /// The record.
    pub record_id: RecordId,
    /// The shares.
    #[zoho(envelope)]
    pub share: Vec<ShareInput>,
    /// Whether the users are told by email.
    #[zoho(envelope)]
    pub notify: Option<bool>,
}

impl ShareRecord {
    /// Shares the record `record_id` of `module` with the user `user`.
    pub fn with(
        module: impl Into<String>,
        record_id: impl Into<RecordId>,
        user: impl Into<RecordId>,
        permission: impl Into<String>,
    ) -> Self {
        ShareRecord {
            module: module.into(),
            record_id: record_id.into(),
            share: vec![ShareInput {
                user: IdRef::new(user),
                permission: permission.into(),
                share_related_records: None,
            }],
            notify: None,
        }
    }
}

/// Changes the permissions of the record's shares.
#[zoho_endpoint(PUT "/<module>/<record_id>/actions/share", scope = "ZohoCRM.share.<module>.UPDATE",
                response = ShareOutcomes)]
pub struct UpdateShares {
    /// The module's API name.
    pub module: String,
    /// The record.
    pub record_id: RecordId,
    /// The shares, as they are to be.
    #[zoho(envelope)]
    pub share: Vec<ShareInput>,
}

/// Revokes every share of the record.
#[zoho_endpoint(DELETE "/<module>/<record_id>/actions/share", scope = "ZohoCRM.share.<module>.DELETE",
                response = ShareOutcomes)]
pub struct RevokeShares {
    /// The module's API name.
    pub module: String,
    /// The record.
    pub record_id: RecordId,
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] =
    declared![GetShares, ShareRecord, UpdateShares, RevokeShares];
