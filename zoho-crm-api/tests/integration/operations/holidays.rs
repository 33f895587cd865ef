use zoho_crm_api::holidays::*;

use crate::operations::harness::{id_of, Harness};

pub async fn probe(h: &mut Harness) {
    let new_year = Holiday::new("New Year", "2026-01-01", "business_holiday");
    let christmas = Holiday::new("Christmas", "2025-12-25", "business_holiday");
    let created = h.send(&CreateHolidays::new(vec![new_year, christmas])).await;
    let (new_year_id, christmas_id) = (id_of(&created, 0), id_of(&created, 1));

    let in_2025 = h.send(&GetHolidays::new().with_year(2025)).await.unwrap();
    assert_eq!(in_2025.holidays.len(), 1);
    assert_eq!(in_2025.holidays[0].year, Some(2025));
    let shifts = GetHolidays::new().with_kind("shift_holiday");
    assert!(h.send(&shifts).await.is_none());

    let moved = Holiday::default().with_id(&new_year_id).with_date("2026-01-02");
    assert!(h.send(&UpdateHolidays::new(vec![moved])).await.all_succeeded());
    let renamed = Holiday::default().with_name("Christmas Day");
    let call = UpdateHoliday::new(&christmas_id, vec![renamed]);
    assert!(h.send(&call).await.all_succeeded());
    let read = h.send(&GetHoliday::new(&new_year_id)).await.unwrap();
    assert_eq!(read.holidays[0].date.as_deref(), Some("2026-01-02"));
    let read = h.send(&GetHoliday::new(&christmas_id).with_org_id("1")).await.unwrap();
    assert_eq!(read.holidays[0].name.as_deref(), Some("Christmas Day"));

    assert!(h.send(&DeleteHoliday::new(&christmas_id)).await.all_succeeded());
    assert!(h.send(&GetHolidays::new().with_year(2025)).await.is_none());
    assert_eq!(h.send(&GetHolidays::new()).await.unwrap().holidays.len(), 1);
}
