use zoho_crm_api::setting::Ref;
use zoho_crm_api::shift_hours::*;

use crate::operations::harness::{id_of, Harness};

pub async fn probe(h: &mut Harness) {
    let zone = Ref::id("Europe/London");
    let days = vec!["Monday".to_owned(), "Tuesday".to_owned()];
    let early = ShiftHour::new("Early", zone.clone(), days.clone());
    let late = ShiftHour::new("Late", zone, days);
    let created = h.send(&CreateShiftHours::new(vec![early, late])).await;
    let (early_id, late_id) = (id_of(&created, 0), id_of(&created, 1));
    assert_eq!(h.send(&GetShiftHours::new()).await.unwrap().shift_hours.len(), 2);

    let hours = ShiftHour::default()
        .with_id(&early_id)
        .with_daily_timing(vec!["06:00".into(), "14:00".into()]);
    assert!(h.send(&UpdateShiftHours::new(vec![hours])).await.all_succeeded());
    let renamed = ShiftHour::default().with_name("Night");
    let call = UpdateShiftHour::new(&late_id, vec![renamed]);
    assert!(h.send(&call).await.all_succeeded());
    let early = h.send(&GetShiftHour::new(&early_id)).await.unwrap().shift_hours.remove(0);
    assert_eq!(early.daily_timing, Some(vec!["06:00".into(), "14:00".into()]));
    assert_eq!(early.users_count, Some(0));
    let late = h.send(&GetShiftHour::new(&late_id)).await.unwrap().shift_hours.remove(0);
    assert_eq!(late.name.as_deref(), Some("Night"));

    assert!(h.send(&DeleteShiftHour::new(&late_id)).await.all_succeeded());
    assert_eq!(h.send(&GetShiftHours::new()).await.unwrap().shift_hours.len(), 1);
}
