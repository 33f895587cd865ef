use zoho_crm_api::business_hours::*;

use crate::operations::harness::Harness;

pub async fn probe(h: &mut Harness) {
    assert!(h.send(&GetBusinessHours::new()).await.is_none());
    let days: Vec<String> = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
        .map(String::from)
        .into();
    let hours = BusinessHours::new("custom", "Monday", days)
        .with_same_as_everyday(true)
        .with_daily_timing(vec!["09:00".into(), "17:00".into()]);
    assert!(h.send(&CreateBusinessHours::new(hours.clone())).await.all_succeeded());
    // Created once: a second create is refused.
    assert_eq!(h.refused(&CreateBusinessHours::new(hours)).await, ["DUPLICATE_DATA"]);

    let later = BusinessHours::default().with_daily_timing(vec!["10:00".into(), "18:00".into()]);
    assert!(h.send(&UpdateBusinessHours::new(later)).await.all_succeeded());
    let read = h.send(&GetBusinessHours::new()).await.unwrap().business_hours.unwrap();
    assert_eq!(read.r#type.as_deref(), Some("custom"));
    assert_eq!(read.daily_timing, Some(vec!["10:00".into(), "18:00".into()]));
    assert_eq!(read.business_days.map(|d| d.len()), Some(5));
}
