use zoho_crm_api::cancel_meetings::CancelMeeting;
use zoho_crm_api::records::GetRecord;
use zoho_crm_api::Record;

use crate::operations::harness::Harness;

fn meeting(end: &str, participants: &str) -> serde_json::Value {
    format!(
        r#"{{"Event_Title": "Review", "Start_DateTime": "2020-01-05T10:00:00+00:00",
            "End_DateTime": "{end}", "Participants": {participants}}}"#
    )
    .parse()
    .unwrap()
}

const ANN: &str = r#"[{"type": "email", "participant": "ann@zylker.example"}]"#;

pub async fn probe(h: &mut Harness) {
    let coming = h.sandbox.insert_record("Events", meeting("2099-01-05T11:00:00+00:00", ANN)).unwrap();
    let outcomes = h.send(&CancelMeeting::of(coming.as_str(), true)).await;
    assert!(outcomes.all_succeeded(), "{outcomes:?}");
    let read = h.send(&GetRecord::<Record>::of("Events", coming.as_str())).await;
    assert_eq!(read.data[0].get::<bool>("$event_cancelled").unwrap(), Some(true));

    let code = |outcomes: &zoho_crm_api::Outcomes| outcomes[0].as_ref().unwrap_err().code.as_str().to_owned();
    let again = h.send(&CancelMeeting::of(coming.as_str(), false)).await;
    assert_eq!(code(&again), "NOT_ALLOWED");

    let alone = h.sandbox.insert_record("Events", meeting("2099-01-05T11:00:00+00:00", "[]")).unwrap();
    assert_eq!(code(&h.send(&CancelMeeting::of(alone.as_str(), false)).await), "NOT_ALLOWED");
    let past = h.sandbox.insert_record("Events", meeting("2020-01-05T11:00:00+00:00", ANN)).unwrap();
    assert_eq!(code(&h.send(&CancelMeeting::of(past.as_str(), false)).await), "NOT_ALLOWED");
    assert_eq!(code(&h.send(&CancelMeeting::of("111", false)).await), "INVALID_DATA");
    let past_read = h.send(&GetRecord::<Record>::of("Events", past.as_str())).await;
    assert_eq!(past_read.data[0].get::<bool>("$event_cancelled").unwrap(), None);
}
