//! The rules of Zoho CRM's API that every part of the `zoho` workspace reads from one place.
//!
//! The `#[zoho_endpoint]` attribute checks declarations against these tables at compile time,
//! the runtime behaves by them at run time, and the sandbox enforces them as Zoho does. A rule
//! kept here cannot drift between the three: the macro cannot accept a scope the runtime would
//! refuse, nor the sandbox grant what Zoho does not.
//!
//! ```
//! use zoho_spec::{scope::Scope, shape, Method};
//!
//! // What `PUT /Leads/<id>` needs, and whether a declared scope covers it.
//! let need = shape::requirement(Method::Put, &["Leads", "<id>"], false).unwrap();
//! let update: Scope = "ZohoCRM.modules.leads.UPDATE".parse().unwrap();
//! let create: Scope = "ZohoCRM.modules.leads.CREATE".parse().unwrap();
//! assert!(need.satisfied_by(&[update]));
//! assert!(!need.satisfied_by(&[create]));
//! assert_eq!(need.to_string(), "`ZohoCRM.modules.leads.UPDATE`");
//! ```
//!
//! The crate has no dependencies: a proc-macro crate builds it for the host and the runtime for
//! the target, and neither should pay for more.

pub mod fields;
pub mod limits;
mod method;
pub mod modules;
pub mod paging;
pub mod scope;
pub mod shape;
mod version;

pub use method::Method;
pub use scope::Operation;
pub use version::ApiVersion;

/// Names for a message, each between `open` and `close`, separated by `, `.
fn listed<'a>(names: impl Iterator<Item = &'a str>, open: &str, close: &str) -> String {
    let quoted: Vec<String> = names.map(|name| format!("{open}{name}{close}")).collect();
    quoted.join(", ")
}
