//! The organisation's currencies (`/org/currencies`): enabling several currencies with a
//! base one, adding others with their exchange rates, and the ISO currencies Zoho offers.
//!
//! ```
//! use zoho_crm_api::currencies::{AddCurrencies, EnableCurrencies, GetCurrencies, NewCurrency};
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
//! EnableCurrencies::with_base(NewCurrency::new("USD", "1")).send(&client).await?;
//! AddCurrencies::one(NewCurrency::new("EUR", "0.92")).send(&client).await?;
//! let listed = GetCurrencies {}.send(&client).await?.unwrap_or_default();
//! let euro = listed.currencies.iter().find(|c| c.iso_code == "EUR").unwrap();
//! assert_eq!(euro.exchange_rate.as_deref(), Some("0.92"));
//! assert!(!euro.is_base);
//! # Ok(())
//! # }
//! ```
//!
//! Until [`EnableCurrencies`] is called the organisation has one currency and Zoho refuses
//! the other calls with `CURRENCIES_NOT_ENABLED`.

use zoho_runtime::serde::{Deserialize, Serialize};
use zoho_runtime::{zoho_endpoint, RecordId};

use crate::written::Written;
use crate::{declared, ApiOperation};

/// Lists the currencies; `None` when Zoho answers `204 No Content`.
#[zoho_endpoint(GET "/org/currencies", scope = "ZohoCRM.settings.currencies.READ", response = Option<Currencies>)]
pub struct GetCurrencies {}

/// Gets one currency; `None` when Zoho answers `204 No Content`.
#[zoho_endpoint(GET "/org/currencies/<id>", scope = "ZohoCRM.settings.currencies.READ", response = Option<Currencies>)]
pub struct GetCurrency {
    /// The currency's id.
    pub id: RecordId,
}

/// Adds currencies.
#[zoho_endpoint(POST "/org/currencies", scope = "ZohoCRM.settings.currencies.CREATE", response = Written)]
pub struct AddCurrencies {
    /// The currencies to add.
    #[zoho(envelope)]
    pub currencies: Vec<NewCurrency>,
}

impl AddCurrencies {
    /// Adds `currency`.
    pub fn one(currency: NewCurrency) -> Self {
        AddCurrencies {
            currencies: vec![currency],
        }
    }
}

/// Changes several currencies, each named by its `id`.
#[zoho_endpoint(PUT "/org/currencies", scope = "ZohoCRM.settings.currencies.UPDATE", response = Written)]
pub struct UpdateCurrencies {
    /// The changes.
    #[zoho(envelope)]
    pub currencies: Vec<CurrencyChange>,
}

/// Changes one currency.
#[zoho_endpoint(PUT "/org/currencies/<id>", scope = "ZohoCRM.settings.currencies.UPDATE", response = Written)]
pub struct UpdateCurrency {
    /// The currency's id.
    pub id: RecordId,
    /// The change (one item).
    #[zoho(envelope)]
    pub currencies: Vec<CurrencyChange>,
}

/// Turns on several currencies, with this one as the base.
#[zoho_endpoint(POST "/org/currencies/actions/enable", scope = "ZohoCRM.settings.currencies.CREATE", response = Written)]
pub struct EnableCurrencies {
    /// The base currency.
    #[zoho(envelope)]
    pub base_currency: NewCurrency,
}

impl EnableCurrencies {
    /// Enables currencies with `base` as the base.
    pub fn with_base(base: NewCurrency) -> Self {
        EnableCurrencies {
            base_currency: base,
        }
    }
}

/// Changes the base currency's format or symbol.
#[zoho_endpoint(PUT "/org/currencies/actions/enable", scope = "ZohoCRM.settings.currencies.UPDATE", response = Written)]
pub struct UpdateBaseCurrency {
    /// The change.
    #[zoho(envelope)]
    pub base_currency: CurrencyChange,
}

/// The ISO currencies Zoho offers.
#[zoho_endpoint(GET "/org/currencies/actions/available_currencies", scope = "ZohoCRM.settings.currencies.READ", response = AvailableCurrencies)]
pub struct GetAvailableCurrencies {}

/// A currency to add.
#[derive(Debug, Clone, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct NewCurrency {
    /// Its ISO 4217 code: `EUR`.
    pub iso_code: String,
    /// How many of it one unit of the base currency buys, as a decimal string.
    pub exchange_rate: String,
    /// Its name; Zoho's when left out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its symbol; Zoho's when left out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
    /// How amounts are written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<Format>,
}

impl NewCurrency {
    /// The currency `iso_code` at `exchange_rate` to the base.
    pub fn new(iso_code: impl Into<String>, exchange_rate: impl Into<String>) -> Self {
        NewCurrency {
            iso_code: iso_code.into(),
            exchange_rate: exchange_rate.into(),
            name: None,
            symbol: None,
            format: None,
        }
    }
}

/// Changes to a currency: only the keys set are sent.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct CurrencyChange {
    /// Its id (required in [`UpdateCurrencies`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<RecordId>,
    /// A new exchange rate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exchange_rate: Option<String>,
    /// A new symbol.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
    /// Whether it may be used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_active: Option<bool>,
    /// A new format.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<Format>,
}

impl CurrencyChange {
    /// A change of currency `id`, nothing set yet.
    pub fn of(id: impl Into<RecordId>) -> Self {
        CurrencyChange {
            id: Some(id.into()),
            ..CurrencyChange::default()
        }
    }
}

/// How a currency's amounts are written.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Format {
    /// `Period` or `Comma`.
    pub decimal_separator: String,
    /// `Comma`, `Period` or `Space`.
    pub thousand_separator: String,
    /// `0`, `2` or `3`.
    pub decimal_places: String,
}

impl Format {
    /// A format.
    pub fn new(
        decimal_separator: impl Into<String>,
        thousand_separator: impl Into<String>,
        decimal_places: impl Into<String>,
    ) -> Self {
        Format {
            decimal_separator: decimal_separator.into(),
            thousand_separator: thousand_separator.into(),
            decimal_places: decimal_places.into(),
        }
    }
}

/// The answer of [`GetCurrencies`] and [`GetCurrency`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Currencies {
    /// The currencies.
    #[serde(default)]
    pub currencies: Vec<Currency>,
}

/// A currency of the organisation.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct Currency {
    /// Its id.
    pub id: RecordId,
    /// Its ISO 4217 code.
    pub iso_code: String,
    /// Its name.
    #[serde(default)]
    pub name: Option<String>,
    /// Its symbol.
    #[serde(default)]
    pub symbol: Option<String>,
    /// Its rate to the base currency, as a decimal string.
    #[serde(default)]
    pub exchange_rate: Option<String>,
    /// Whether it may be used.
    #[serde(default)]
    pub is_active: bool,
    /// Whether it is the base currency.
    #[serde(default)]
    pub is_base: bool,
    /// Whether the symbol comes before amounts.
    #[serde(default)]
    pub prefix_symbol: bool,
    /// How its amounts are written.
    #[serde(default)]
    pub format: Option<Format>,
}

/// The answer of [`GetAvailableCurrencies`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct AvailableCurrencies {
    /// Every currency Zoho offers.
    #[serde(default)]
    pub available_currencies: Vec<AvailableCurrency>,
}

/// A currency Zoho offers.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "zoho_runtime::serde")]
#[non_exhaustive]
pub struct AvailableCurrency {
    /// Its ISO 4217 code.
    pub iso_code: String,
    /// Its name with its code, as shown: `Euro - EUR`.
    #[serde(default)]
    pub display_value: Option<String>,
    /// Its name.
    #[serde(default)]
    pub display_name: Option<String>,
    /// Its symbol.
    #[serde(default)]
    pub symbol: Option<String>,
    /// Its usual decimal places.
    #[serde(default)]
    pub decimal_places: Option<String>,
}

/// Every operation of this area.
pub(crate) const OPERATIONS: &[ApiOperation] = declared![
    GetCurrencies,
    GetCurrency,
    AddCurrencies,
    UpdateCurrencies,
    UpdateCurrency,
    EnableCurrencies,
    UpdateBaseCurrency,
    GetAvailableCurrencies,
];
