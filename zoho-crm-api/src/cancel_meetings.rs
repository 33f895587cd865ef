//! Cancelling a meeting (a record of `Events`) whose participants were invited, before its
//! end, optionally telling them by email; the meeting then reads `$event_cancelled: true`.
//!
//! ```
//! use zoho_crm_api::cancel_meetings::CancelMeeting;
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
//! let meeting = r#"{"Event_Title": "Review", "Start_DateTime": "2099-01-05T10:00:00+00:00",
//!     "End_DateTime": "2099-01-05T11:00:00+00:00",
//!     "Participants": [{"type": "email", "participant": "ann@zylker.example"}]}"#;
//! let event = sandbox.insert_record("Events", meeting.parse()?).unwrap();
//! let outcomes = CancelMeeting::of(event.as_str(), false).send(&client).await?;
//! assert!(outcomes.all_succeeded());
//! assert_eq!(sandbox.record("Events", &event).unwrap()["$event_cancelled"], true);
//! # Ok(())
//! # }
//! ```

use zoho_runtime::{zoho_endpoint, RecordId};

use crate::{declared, ApiOperation};

/// Cancels the meeting `event`; refused (`NOT_ALLOWED`) when it is already cancelled, has no
/// invited participants or has ended.
#[zoho_endpoint(POST "/Events/<event>/actions/cancel", scope = "ZohoCRM.modules.events.UPDATE")]
pub struct CancelMeeting {
    /// The meeting.
    pub event: RecordId,
    /// Whether the participants are told by email.
    pub send_cancelling_mail: bool,
}

impl CancelMeeting {
    /// Cancels the meeting `event`, telling its participants by email or not.
    pub fn of(event: impl Into<RecordId>, send_cancelling_mail: bool) -> Self {
        CancelMeeting {
            event: event.into(),
            send_cancelling_mail,
        }
    }
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![CancelMeeting];
