//! Unsubscribe links: the pages a recipient unsubscribing from mail lands on
//! (`settings/unsubscribe_links`), and where each link is used.
//!
//! ```
//! use zoho_crm_api::unsubscribe_links::{CreateUnsubscribeLink, GetUnsubscribeLinks, UnsubscribeLink};
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
//! let link = UnsubscribeLink::new("Default", "standard", "You will hear from us no more.");
//! CreateUnsubscribeLink::new(vec![link]).send(&client).await?;
//! let links = GetUnsubscribeLinks::new().send(&client).await?.unwrap();
//! assert_eq!(links.unsubscribe_links[0].page_type.as_deref(), Some("standard"));
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::zoho_endpoint;
use zoho_runtime::Json;

use crate::setting::{Extra, Ref, SettingsOutcomes};
use crate::{declared, ApiOperation};

/// One unsubscribe link: the page an unsubscribing recipient lands on.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct UnsubscribeLink {
    /// Its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `standard` (Zoho's page) or `custom`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_type: Option<String>,
    /// The custom page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_location_url: Option<String>,
    /// The message of the standard page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standard_page_message: Option<String>,
    /// What follows the submission: `Thank_You_Message` or `Redirect`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submission_action_type: Option<String>,
    /// The thank-you message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submission_message: Option<String>,
    /// Where a submission redirects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submission_redirect_url: Option<String>,
    /// How the location is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_url_type: Option<String>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_time: Option<String>,
    /// When it last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified_time: Option<String>,
    /// Who created it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<Ref>,
    /// Who last changed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified_by: Option<Ref>,
    /// Every other key, as Zoho sent it or as it is to be sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl UnsubscribeLink {
    /// A link named `name` on a `page_type` page with this message.
    pub fn new(
        name: impl Into<String>,
        page_type: impl Into<String>,
        standard_page_message: impl Into<String>,
    ) -> Self {
        UnsubscribeLink {
            name: Some(name.into()),
            page_type: Some(page_type.into()),
            standard_page_message: Some(standard_page_message.into()),
            ..Default::default()
        }
    }

    /// With `id` set.
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// With `name` set.
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// With `page_type` set.
    pub fn with_page_type(mut self, page_type: impl Into<String>) -> Self {
        self.page_type = Some(page_type.into());
        self
    }

    /// With `custom_location_url` set.
    pub fn with_custom_location_url(mut self, custom_location_url: impl Into<String>) -> Self {
        self.custom_location_url = Some(custom_location_url.into());
        self
    }

    /// With `standard_page_message` set.
    pub fn with_standard_page_message(mut self, standard_page_message: impl Into<String>) -> Self {
        self.standard_page_message = Some(standard_page_message.into());
        self
    }

    /// With `submission_action_type` set.
    pub fn with_submission_action_type(
        mut self,
        submission_action_type: impl Into<String>,
    ) -> Self {
        self.submission_action_type = Some(submission_action_type.into());
        self
    }

    /// With `submission_message` set.
    pub fn with_submission_message(mut self, submission_message: impl Into<String>) -> Self {
        self.submission_message = Some(submission_message.into());
        self
    }

    /// With `submission_redirect_url` set.
    pub fn with_submission_redirect_url(
        mut self,
        submission_redirect_url: impl Into<String>,
    ) -> Self {
        self.submission_redirect_url = Some(submission_redirect_url.into());
        self
    }

    /// With `location_url_type` set.
    pub fn with_location_url_type(mut self, location_url_type: impl Into<String>) -> Self {
        self.location_url_type = Some(location_url_type.into());
        self
    }

    /// With `created_time` set.
    pub fn with_created_time(mut self, created_time: impl Into<String>) -> Self {
        self.created_time = Some(created_time.into());
        self
    }

    /// With `modified_time` set.
    pub fn with_modified_time(mut self, modified_time: impl Into<String>) -> Self {
        self.modified_time = Some(modified_time.into());
        self
    }

    /// With `created_by` set.
    pub fn with_created_by(mut self, created_by: Ref) -> Self {
        self.created_by = Some(created_by);
        self
    }

    /// With `modified_by` set.
    pub fn with_modified_by(mut self, modified_by: Ref) -> Self {
        self.modified_by = Some(modified_by);
        self
    }

    /// With another key Zoho takes, as JSON.
    pub fn with(mut self, key: impl Into<String>, value: Json) -> Self {
        self.extra.insert(key.into(), value);
        self
    }
}

/// Where an unsubscribe link is used.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Association {
    /// The link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Each place: its `type` (`email_templates`, `email_footer`), `resource` and `details`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub associated_places: Option<Vec<Json>>,
    /// Every other key, as Zoho sent it or as it is to be sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The answer of the reads: `{"unsubscribe_links": […]}`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct UnsubscribeLinks {
    /// The items, in Zoho's order.
    #[serde(default)]
    pub unsubscribe_links: Vec<UnsubscribeLink>,
}

/// The answer of [`GetUnsubscribeLinkAssociations`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Associations {
    /// The items, in Zoho's order.
    #[serde(default)]
    pub associations: Vec<Association>,
}

/// Lists the unsubscribe links.
#[zoho_endpoint(GET "/settings/unsubscribe_links", scope = "ZohoCRM.settings.unsubscribe_links.READ", response = Option<UnsubscribeLinks>)]
#[derive(Debug, Clone, Default)]
pub struct GetUnsubscribeLinks {}

impl GetUnsubscribeLinks {
    /// The call.
    pub fn new() -> Self {
        Self::default()
    }
}

/// Creates unsubscribe links.
#[zoho_endpoint(POST "/settings/unsubscribe_links", scope = "ZohoCRM.settings.unsubscribe_links.CREATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct CreateUnsubscribeLink {
    /// The links.
    #[zoho(envelope)]
    pub unsubscribe_links: Vec<UnsubscribeLink>,
}

impl CreateUnsubscribeLink {
    /// Creates these links.
    pub fn new(unsubscribe_links: Vec<UnsubscribeLink>) -> Self {
        CreateUnsubscribeLink { unsubscribe_links }
    }
}

/// Updates links named by their `id`.
#[zoho_endpoint(PUT "/settings/unsubscribe_links", scope = "ZohoCRM.settings.unsubscribe_links.UPDATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct UpdateUnsubscribeLinks {
    /// The links.
    #[zoho(envelope)]
    pub unsubscribe_links: Vec<UnsubscribeLink>,
}

impl UpdateUnsubscribeLinks {
    /// Updates these links.
    pub fn new(unsubscribe_links: Vec<UnsubscribeLink>) -> Self {
        UpdateUnsubscribeLinks { unsubscribe_links }
    }
}

/// Reads one link.
#[zoho_endpoint(GET "/settings/unsubscribe_links/<id>", scope = "ZohoCRM.settings.unsubscribe_links.READ", response = Option<UnsubscribeLinks>)]
#[derive(Debug, Clone)]
pub struct GetUnsubscribeLink {
    /// Its id.
    pub id: String,
}

impl GetUnsubscribeLink {
    /// The call, with its options left out.
    pub fn new(id: impl Into<String>) -> Self {
        GetUnsubscribeLink { id: id.into() }
    }
}

/// Updates one link.
#[zoho_endpoint(PUT "/settings/unsubscribe_links/<id>", scope = "ZohoCRM.settings.unsubscribe_links.UPDATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct UpdateUnsubscribeLink {
    /// Its id.
    pub id: String,
    /// What changes, as one link.
    #[zoho(envelope)]
    pub unsubscribe_links: Vec<UnsubscribeLink>,
}

impl UpdateUnsubscribeLink {
    /// The call, with its options left out.
    pub fn new(id: impl Into<String>, unsubscribe_links: Vec<UnsubscribeLink>) -> Self {
        UpdateUnsubscribeLink {
            id: id.into(),
            unsubscribe_links,
        }
    }
}

/// Deletes one link.
#[zoho_endpoint(DELETE "/settings/unsubscribe_links/<id>", scope = "ZohoCRM.settings.unsubscribe_links.DELETE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct DeleteUnsubscribeLink {
    /// Its id.
    pub id: String,
}

impl DeleteUnsubscribeLink {
    /// The call, with its options left out.
    pub fn new(id: impl Into<String>) -> Self {
        DeleteUnsubscribeLink { id: id.into() }
    }
}

/// Where each link is used.
#[zoho_endpoint(GET "/settings/unsubscribe_link/actions/associations", scope = "ZohoCRM.settings.unsubscribe_links.READ", response = Option<Associations>)]
#[derive(Debug, Clone, Default)]
pub struct GetUnsubscribeLinkAssociations {}

impl GetUnsubscribeLinkAssociations {
    /// The call.
    pub fn new() -> Self {
        Self::default()
    }
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![
    GetUnsubscribeLinks,
    CreateUnsubscribeLink,
    UpdateUnsubscribeLinks,
    GetUnsubscribeLink,
    UpdateUnsubscribeLink,
    DeleteUnsubscribeLink,
    GetUnsubscribeLinkAssociations
];
