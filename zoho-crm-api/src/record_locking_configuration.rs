//! Record locking configurations: when records of a module are locked, manually or by rules, and
//! what a lock keeps from changing (`settings/record_locking_configurations?module=`). A record
//! an automatic configuration locks refuses edits with `RECORD_LOCKED`.
//!
//! ```
//! use zoho_crm_api::record_locking_configuration::*;
//! use zoho_crm_api::setting::Criteria;
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
//! let junk = LockingRule::new("Junk", Criteria::compare("Lead_Status", "equal", "Junk Lead"));
//! let config = RecordLockingConfiguration::new("automatic").with_locking_rules(vec![junk]);
//! AddRecordLockingConfiguration::new("Leads", vec![config]).send(&client).await?;
//! let read = GetRecordLockingConfigurations::new("Leads").send(&client).await?.unwrap();
//! assert_eq!(read.record_locking_configurations[0].feature_type.as_deref(), Some("record_locking"));
//! # Ok(())
//! # }
//! ```

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::zoho_endpoint;
use zoho_runtime::Json;

use crate::setting::{Criteria, Extra, Ref, SettingsOutcomes};
use crate::{declared, ApiOperation};

/// When records are locked: criteria they meet.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct LockingRule {
    /// Its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Whether records meeting the criteria already are locked too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lock_existing_records: Option<bool>,
    /// What a locked record meets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criteria: Option<Criteria>,
    /// Whether an update removes it.
    #[serde(default, skip_serializing_if = "Option::is_none", rename = "_delete")]
    pub delete: Option<bool>,
    /// Every other key, as Zoho sent it or as it is to be sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl LockingRule {
    /// A rule named `name` locking records that meet `criteria`.
    pub fn new(name: impl Into<String>, criteria: Criteria) -> Self {
        LockingRule {
            name: Some(name.into()),
            criteria: Some(criteria),
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

    /// With `lock_existing_records` set.
    pub fn with_lock_existing_records(mut self, lock_existing_records: bool) -> Self {
        self.lock_existing_records = Some(lock_existing_records);
        self
    }

    /// With `criteria` set.
    pub fn with_criteria(mut self, criteria: Criteria) -> Self {
        self.criteria = Some(criteria);
        self
    }

    /// With `_delete` set.
    pub fn with_delete(mut self, delete: bool) -> Self {
        self.delete = Some(delete);
        self
    }

    /// With another key Zoho takes, as JSON.
    pub fn with(mut self, key: impl Into<String>, value: Json) -> Self {
        self.extra.insert(key.into(), value);
        self
    }
}

/// How records of a module are locked, and what a lock keeps from changing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct RecordLockingConfiguration {
    /// Its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `manual`, `automatic` (by its rules) or `both`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lock_type: Option<String>,
    /// `record_locking`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feature_type: Option<String>,
    /// Who the lock applies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locked_for: Option<String>,
    /// Fields that stay editable in a locked record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excluded_fields: Option<Vec<Ref>>,
    /// When an automatic lock applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locking_rules: Option<Vec<LockingRule>>,
    /// Actions a lock refuses besides editing: `delete`, ….
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restricted_actions: Option<Vec<String>>,
    /// Whether portal users are locked out too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lock_for_portal_users: Option<bool>,
    /// Communications a lock refuses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restricted_communications: Option<Vec<String>>,
    /// Custom buttons a lock hides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restricted_custom_buttons: Option<Vec<Ref>>,
    /// Profiles a lock does not apply to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lock_excluded_profiles: Option<Vec<Ref>>,
    /// Whether Zoho defined it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_defined: Option<bool>,
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

impl RecordLockingConfiguration {
    /// A configuration of this lock type.
    pub fn new(lock_type: impl Into<String>) -> Self {
        RecordLockingConfiguration {
            lock_type: Some(lock_type.into()),
            ..Default::default()
        }
    }

    /// With `id` set.
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// With `lock_type` set.
    pub fn with_lock_type(mut self, lock_type: impl Into<String>) -> Self {
        self.lock_type = Some(lock_type.into());
        self
    }

    /// With `feature_type` set.
    pub fn with_feature_type(mut self, feature_type: impl Into<String>) -> Self {
        self.feature_type = Some(feature_type.into());
        self
    }

    /// With `locked_for` set.
    pub fn with_locked_for(mut self, locked_for: impl Into<String>) -> Self {
        self.locked_for = Some(locked_for.into());
        self
    }

    /// With `excluded_fields` set.
    pub fn with_excluded_fields(mut self, excluded_fields: Vec<Ref>) -> Self {
        self.excluded_fields = Some(excluded_fields);
        self
    }

    /// With `locking_rules` set.
    pub fn with_locking_rules(mut self, locking_rules: Vec<LockingRule>) -> Self {
        self.locking_rules = Some(locking_rules);
        self
    }

    /// With `restricted_actions` set.
    pub fn with_restricted_actions(mut self, restricted_actions: Vec<String>) -> Self {
        self.restricted_actions = Some(restricted_actions);
        self
    }

    /// With `lock_for_portal_users` set.
    pub fn with_lock_for_portal_users(mut self, lock_for_portal_users: bool) -> Self {
        self.lock_for_portal_users = Some(lock_for_portal_users);
        self
    }

    /// With `restricted_communications` set.
    pub fn with_restricted_communications(
        mut self,
        restricted_communications: Vec<String>,
    ) -> Self {
        self.restricted_communications = Some(restricted_communications);
        self
    }

    /// With `restricted_custom_buttons` set.
    pub fn with_restricted_custom_buttons(mut self, restricted_custom_buttons: Vec<Ref>) -> Self {
        self.restricted_custom_buttons = Some(restricted_custom_buttons);
        self
    }

    /// With `lock_excluded_profiles` set.
    pub fn with_lock_excluded_profiles(mut self, lock_excluded_profiles: Vec<Ref>) -> Self {
        self.lock_excluded_profiles = Some(lock_excluded_profiles);
        self
    }

    /// With `system_defined` set.
    pub fn with_system_defined(mut self, system_defined: bool) -> Self {
        self.system_defined = Some(system_defined);
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

/// The answer of the reads: `{"record_locking_configurations": […]}`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct RecordLockingConfigurations {
    /// The items, in Zoho's order.
    #[serde(default)]
    pub record_locking_configurations: Vec<RecordLockingConfiguration>,
}

/// Lists a module's configurations.
#[zoho_endpoint(GET "/settings/record_locking_configurations", scope = "ZohoCRM.settings.record_locking_configurations.READ", response = Option<RecordLockingConfigurations>)]
#[derive(Debug, Clone)]
pub struct GetRecordLockingConfigurations {
    /// The module, by API name: `Leads`.
    #[zoho(query)]
    pub module: String,
    /// Only `record_locking` ones.
    #[zoho(query)]
    pub feature_type: Option<String>,
}

impl GetRecordLockingConfigurations {
    /// The configurations of `module`.
    pub fn new(module: impl Into<String>) -> Self {
        GetRecordLockingConfigurations {
            module: module.into(),
            feature_type: None,
        }
    }

    /// With `feature_type` given.
    pub fn with_feature_type(mut self, feature_type: impl Into<String>) -> Self {
        self.feature_type = Some(feature_type.into());
        self
    }
}

/// Adds configurations to a module.
#[zoho_endpoint(POST "/settings/record_locking_configurations", scope = "ZohoCRM.settings.record_locking_configurations.CREATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct AddRecordLockingConfiguration {
    /// The module, by API name: `Leads`.
    #[zoho(query)]
    pub module: String,
    /// The configurations.
    #[zoho(envelope)]
    pub record_locking_configurations: Vec<RecordLockingConfiguration>,
}

impl AddRecordLockingConfiguration {
    /// Adds these configurations to `module`.
    pub fn new(
        module: impl Into<String>,
        record_locking_configurations: Vec<RecordLockingConfiguration>,
    ) -> Self {
        AddRecordLockingConfiguration {
            module: module.into(),
            record_locking_configurations,
        }
    }
}

/// Updates configurations named by their `id`.
#[zoho_endpoint(PUT "/settings/record_locking_configurations", scope = "ZohoCRM.settings.record_locking_configurations.UPDATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct UpdateRecordLockingConfigurations {
    /// The module, by API name: `Leads`.
    #[zoho(query)]
    pub module: String,
    /// The configurations.
    #[zoho(envelope)]
    pub record_locking_configurations: Vec<RecordLockingConfiguration>,
}

impl UpdateRecordLockingConfigurations {
    /// Updates these configurations.
    pub fn new(
        module: impl Into<String>,
        record_locking_configurations: Vec<RecordLockingConfiguration>,
    ) -> Self {
        UpdateRecordLockingConfigurations {
            module: module.into(),
            record_locking_configurations,
        }
    }
}

/// Deletes the configurations of `ids`.
#[zoho_endpoint(DELETE "/settings/record_locking_configurations", scope = "ZohoCRM.settings.record_locking_configurations.DELETE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct DeleteRecordLockingConfigurations {
    /// The module, by API name: `Leads`.
    #[zoho(query)]
    pub module: String,
    /// Their ids.
    #[zoho(query)]
    pub ids: Vec<String>,
}

impl DeleteRecordLockingConfigurations {
    /// Deletes these configurations of `module`.
    pub fn new(
        module: impl Into<String>,
        ids: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        DeleteRecordLockingConfigurations {
            module: module.into(),
            ids: ids.into_iter().map(Into::into).collect(),
        }
    }
}

/// Reads one configuration.
#[zoho_endpoint(GET "/settings/record_locking_configurations/<record_locking_config_id>", scope = "ZohoCRM.settings.record_locking_configurations.READ", response = Option<RecordLockingConfigurations>)]
#[derive(Debug, Clone)]
pub struct GetRecordLockingConfiguration {
    /// Its id.
    pub record_locking_config_id: String,
    /// The module, by API name: `Leads`.
    #[zoho(query)]
    pub module: String,
}

impl GetRecordLockingConfiguration {
    /// The call, with its options left out.
    pub fn new(record_locking_config_id: impl Into<String>, module: impl Into<String>) -> Self {
        GetRecordLockingConfiguration {
            record_locking_config_id: record_locking_config_id.into(),
            module: module.into(),
        }
    }
}

/// Updates one configuration.
#[zoho_endpoint(PUT "/settings/record_locking_configurations/<record_locking_config_id>", scope = "ZohoCRM.settings.record_locking_configurations.UPDATE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct UpdateRecordLockingConfiguration {
    /// Its id.
    pub record_locking_config_id: String,
    /// The module, by API name: `Leads`.
    #[zoho(query)]
    pub module: String,
    /// What changes, as one configuration.
    #[zoho(envelope)]
    pub record_locking_configurations: Vec<RecordLockingConfiguration>,
}

impl UpdateRecordLockingConfiguration {
    /// The call, with its options left out.
    pub fn new(
        record_locking_config_id: impl Into<String>,
        module: impl Into<String>,
        record_locking_configurations: Vec<RecordLockingConfiguration>,
    ) -> Self {
        UpdateRecordLockingConfiguration {
            record_locking_config_id: record_locking_config_id.into(),
            module: module.into(),
            record_locking_configurations,
        }
    }
}

/// Deletes one configuration.
#[zoho_endpoint(DELETE "/settings/record_locking_configurations/<record_locking_config_id>", scope = "ZohoCRM.settings.record_locking_configurations.DELETE", response = SettingsOutcomes)]
#[derive(Debug, Clone)]
pub struct DeleteRecordLockingConfiguration {
    /// Its id.
    pub record_locking_config_id: String,
    /// The module, by API name: `Leads`.
    #[zoho(query)]
    pub module: String,
}

impl DeleteRecordLockingConfiguration {
    /// The call, with its options left out.
    pub fn new(record_locking_config_id: impl Into<String>, module: impl Into<String>) -> Self {
        DeleteRecordLockingConfiguration {
            record_locking_config_id: record_locking_config_id.into(),
            module: module.into(),
        }
    }
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![
    GetRecordLockingConfigurations,
    AddRecordLockingConfiguration,
    UpdateRecordLockingConfigurations,
    DeleteRecordLockingConfigurations,
    GetRecordLockingConfiguration,
    UpdateRecordLockingConfiguration,
    DeleteRecordLockingConfiguration
];
