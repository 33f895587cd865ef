//! Zoho's system modules, whose API names end in `__s`, are modules like the standard ones.

use zoho_runtime::{zoho_endpoint, Endpoint, RecordId};

/// Lists services.
#[zoho_endpoint(GET "/Services__s", scope = "ZohoCRM.modules.services.READ")]
pub struct ListServices {}

/// Reads one appointment.
#[zoho_endpoint(GET "/Appointments__s/<id>", scope = "ZohoCRM.modules.appointments.READ")]
pub struct GetAppointment {
    pub id: RecordId,
}

/// Lists the history of rescheduled appointments.
#[zoho_endpoint(GET "/Appointments_Rescheduled_History__s",
                scope = "ZohoCRM.modules.appointments_rescheduled_history.READ")]
pub struct ListReschedules {}

/// Lists the scores of records.
#[zoho_endpoint(GET "/Entity_Scores__s", scope = "ZohoCRM.modules.entity_scores.READ")]
pub struct ListScores {}

fn main() {
    assert_eq!(ListServices::META.path, "/Services__s");
    assert_eq!(GetAppointment::META.path, "/Appointments__s/<id>");
    assert_eq!(ListReschedules::META.path, "/Appointments_Rescheduled_History__s");
    assert_eq!(ListScores::META.path, "/Entity_Scores__s");
    let call = GetAppointment { id: "1".into() };
    let parts = call.request_parts().unwrap();
    assert_eq!(
        parts.path_and_query(Default::default()).unwrap(),
        "/crm/v8/Appointments__s/1"
    );
}
