use zoho_crm_api::currencies::{
    AddCurrencies, CurrencyChange, EnableCurrencies, Format, GetAvailableCurrencies,
    GetCurrencies, GetCurrency, NewCurrency, UpdateBaseCurrency, UpdateCurrencies,
    UpdateCurrency,
};
use zoho_crm_api::org::GetOrganization;

use crate::operations::harness::Harness;
use crate::operations::users::refusal;

pub async fn probe(h: &mut Harness) {
    let available = h.send(&GetAvailableCurrencies {}).await;
    assert!(available.available_currencies.iter().any(|c| c.iso_code == "EUR"));
    assert!(h.send(&GetCurrencies {}).await.is_none(), "one currency until enabled");
    let early = h.send_err(&AddCurrencies::one(NewCurrency::new("EUR", "0.9"))).await;
    assert_eq!(refusal(&early), (400, "CURRENCIES_NOT_ENABLED".into()));

    let base = h.send(&EnableCurrencies::with_base(NewCurrency::new("GBP", "1"))).await;
    let gbp = base.ids()[0].clone().unwrap();
    let org = h.send(&GetOrganization {}).await;
    assert_eq!((org.org[0].currency.as_deref(), org.org[0].mc_status), (Some("GBP"), true));
    let twice = h.send_err(&EnableCurrencies::with_base(NewCurrency::new("USD", "1"))).await;
    assert_eq!(refusal(&twice), (400, "ALREADY_ENABLED".into()));

    let added = h.send(&AddCurrencies { currencies: vec![NewCurrency::new("EUR", "1.17"), NewCurrency::new("XXX", "1")] }).await;
    assert_eq!(added.outcomes.len(), 2);
    assert!(added.outcomes[0].is_ok() && added.outcomes[1].is_err(), "an unknown ISO code");
    let eur = added.ids()[0].clone().unwrap();
    assert_eq!(h.refused(&AddCurrencies::one(NewCurrency::new("EUR", "1.2"))).await, ["DUPLICATE_DATA"]);

    let mut rate = CurrencyChange::of(eur.clone());
    rate.exchange_rate = Some("1.15".into());
    h.send(&UpdateCurrencies { currencies: vec![rate] }).await;
    let mut off = CurrencyChange::default();
    off.is_active = Some(false);
    h.send(&UpdateCurrency { id: eur.clone(), currencies: vec![off] }).await;
    let read = h.send(&GetCurrency { id: eur }).await.expect("euro");
    let euro = &read.currencies[0];
    assert_eq!((euro.exchange_rate.as_deref(), euro.is_active), (Some("1.15"), false));

    let mut base_rate = CurrencyChange::of(gbp.clone());
    base_rate.exchange_rate = Some("2".into());
    assert_eq!(h.refused(&UpdateCurrencies { currencies: vec![base_rate] }).await, ["NOT_ALLOWED"]);
    let mut format = CurrencyChange::default();
    format.format = Some(Format::new("Comma", "Space", "3"));
    h.send(&UpdateBaseCurrency { base_currency: format }).await;
    let listed = h.send(&GetCurrencies {}).await.expect("currencies");
    let pound = listed.currencies.iter().find(|c| c.is_base).unwrap();
    assert_eq!((pound.iso_code.as_str(), pound.exchange_rate.as_deref()), ("GBP", Some("1")));
    assert_eq!(pound.format.as_ref().unwrap().decimal_places, "3");
}
