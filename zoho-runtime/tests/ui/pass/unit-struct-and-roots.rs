//! Endpoints without fields, and the roots of the API that are not modules.

use zoho_runtime::endpoint::Method;
use zoho_runtime::{zoho_endpoint, Endpoint};

/// The organisation.
#[zoho_endpoint(GET "/org", scope = "ZohoCRM.org.READ")]
pub struct GetOrg;

/// The modules' metadata.
#[zoho_endpoint(GET "/settings/modules", scope = "ZohoCRM.settings.modules.READ")]
pub struct Modules {}

/// Contact roles.
#[zoho_endpoint(GET "/Contacts/roles", scope = "ZohoCRM.settings.contact_roles.READ")]
pub struct ContactRoles;

/// Users.
#[zoho_endpoint(GET "/users", scope = "ZohoCRM.users.All")]
pub struct Users;

/// The APIs this organisation offers.
#[zoho_endpoint(GET "/__apis", scope = "ZohoCRM.apis.READ")]
pub struct Apis;

/// Notification channels.
#[zoho_endpoint(PATCH "/actions/watch", scope = "ZohoCRM.notifications.UPDATE")]
pub struct WatchChannels;

/// A COQL query in lower case service spelling.
#[zoho_endpoint(POST "/coql", scope = "zohocrm.coql.read")]
pub struct Coql;

/// A function.
#[zoho_endpoint(POST "/functions/<name>/actions/execute", scope = "ZohoCRM.functions.execute.CREATE")]
pub struct RunFunction {
    pub name: String,
}

/// Files, another service's scope.
#[zoho_endpoint(POST "/files", scope = ["ZohoFiles.files.ALL", "ZohoCRM.files.CREATE"])]
pub struct UploadFile;

/// The current user, from the accounts service.
#[zoho_endpoint(GET "/users", scope = ["ZohoCRM.users.READ", "Aaaserver.profile.READ"])]
pub struct Me;

fn main() {
    assert_eq!(GetOrg.request_parts().unwrap().path_and_query(Default::default()).unwrap(), "/crm/v8/org");
    assert_eq!(Modules {}.request_parts().unwrap().path().unwrap(), "/settings/modules");
    assert_eq!(ContactRoles.request_parts().unwrap().path().unwrap(), "/Contacts/roles");
    assert_eq!(Users::META.method, Method::Get);
    assert_eq!(Apis.request_parts().unwrap().path().unwrap(), "/__apis");
    assert!(!WatchChannels::META.idempotent);
    assert!(Coql.request_parts().unwrap().body_bytes().is_none());
    let run = RunFunction { name: "lead_score".into() };
    assert_eq!(run.request_parts().unwrap().path().unwrap(), "/functions/lead_score/actions/execute");
    assert_eq!(UploadFile::META.scopes.len(), 2);
    assert_eq!(Me::META.scopes, ["ZohoCRM.users.READ", "Aaaserver.profile.READ"]);
}
