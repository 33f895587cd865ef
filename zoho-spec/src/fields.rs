//! Zoho's field data types: what each holds, which ones Zoho computes, and the Rust type a
//! generated record gives each, which the record checks of `zoho-macros` accept.
//!
//! ```
//! use zoho_spec::fields::{DataType, Holds};
//!
//! let currency = DataType::from_name("currency").unwrap();
//! assert_eq!(currency.holds(None), Holds::Number);
//! assert_eq!(currency.rust_type(None), "f64");
//! assert!(DataType::from_name("formula").unwrap().computed());
//! ```

/// The key every record has for its id, which `settings/fields` does not list.
pub const RECORD_ID: &str = "id";

/// A field's `data_type` in `settings/fields`, for the types a record can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DataType {
    /// `text`: one line of text.
    Text,
    /// `textarea`: several lines of text.
    TextArea,
    /// `email`.
    Email,
    /// `phone`.
    Phone,
    /// `website`.
    Website,
    /// `picklist`: one of the field's `pick_list_values`.
    Picklist,
    /// `multiselectpicklist`: several of the field's `pick_list_values`.
    MultiSelectPicklist,
    /// `integer`: up to nine digits.
    Integer,
    /// `bigint`: a 64-bit integer ("Long Integer").
    BigInt,
    /// `double`.
    Double,
    /// `decimal`.
    Decimal,
    /// `currency`.
    Currency,
    /// `percent`.
    Percent,
    /// `boolean`.
    Boolean,
    /// `date`: `2024-12-31`.
    Date,
    /// `datetime`: `2024-12-31T23:59:00+05:30`.
    DateTime,
    /// `lookup`: a record of another module, written `{"id": …}`.
    Lookup,
    /// `ownerlookup`: a user, written `{"id": …}`.
    OwnerLookup,
    /// `formula`: computed by Zoho; it holds what its `return_type` says.
    Formula,
    /// `autonumber`: a number Zoho gives each new record, as text.
    AutoNumber,
    /// `subform`: rows of a subform module.
    Subform,
}

/// The kind of JSON value a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Holds {
    /// A string.
    Text,
    /// An integer that fits 32 bits.
    Integer,
    /// An integer that needs 64 bits.
    BigInteger,
    /// A number with a fraction.
    Number,
    /// `true` or `false`.
    Boolean,
    /// A date as a string, `2024-12-31`.
    Date,
    /// A date and time as a string, `2024-12-31T23:59:00+05:30`.
    DateTime,
    /// A reference to a record or user, `{"id": …}`.
    Reference,
    /// A list of strings.
    TextList,
    /// A list of objects.
    Rows,
}

/// Every data type, with its name in `settings/fields`.
const NAMES: &[(DataType, &str)] = &[
    (DataType::Text, "text"),
    (DataType::TextArea, "textarea"),
    (DataType::Email, "email"),
    (DataType::Phone, "phone"),
    (DataType::Website, "website"),
    (DataType::Picklist, "picklist"),
    (DataType::MultiSelectPicklist, "multiselectpicklist"),
    (DataType::Integer, "integer"),
    (DataType::BigInt, "bigint"),
    (DataType::Double, "double"),
    (DataType::Decimal, "decimal"),
    (DataType::Currency, "currency"),
    (DataType::Percent, "percent"),
    (DataType::Boolean, "boolean"),
    (DataType::Date, "date"),
    (DataType::DateTime, "datetime"),
    (DataType::Lookup, "lookup"),
    (DataType::OwnerLookup, "ownerlookup"),
    (DataType::Formula, "formula"),
    (DataType::AutoNumber, "autonumber"),
    (DataType::Subform, "subform"),
];

impl DataType {
    /// Every data type.
    pub fn all() -> impl Iterator<Item = DataType> {
        NAMES.iter().map(|(t, _)| *t)
    }

    /// The data type named `name` in `settings/fields`, if it is one a record can hold.
    pub fn from_name(name: &str) -> Option<DataType> {
        NAMES.iter().find(|(_, n)| *n == name).map(|(t, _)| *t)
    }

    /// Its name in `settings/fields`.
    pub fn name(self) -> &'static str {
        NAMES
            .iter()
            .find(|(t, _)| *t == self)
            .map_or("text", |(_, n)| n)
    }

    /// Zoho computes its value: it is never written, whatever `read_only` says.
    pub fn computed(self) -> bool {
        matches!(self, DataType::Formula | DataType::AutoNumber)
    }

    /// What it holds; a formula holds what its `return_type` (a data type or a JSON type name,
    /// `double`, `boolean`, `date`, `datetime`, `string`) says, text when that is unknown.
    pub fn holds(self, formula_returns: Option<&str>) -> Holds {
        use DataType::*;
        match self {
            Integer => Holds::Integer,
            BigInt => Holds::BigInteger,
            Double | Decimal | Currency | Percent => Holds::Number,
            Boolean => Holds::Boolean,
            Date => Holds::Date,
            DateTime => Holds::DateTime,
            Lookup | OwnerLookup => Holds::Reference,
            MultiSelectPicklist => Holds::TextList,
            Subform => Holds::Rows,
            Formula => match formula_returns.and_then(DataType::from_name) {
                Some(Formula) | None => Holds::Text,
                Some(returns) => returns.holds(None),
            },
            Text | TextArea | Email | Phone | Website | Picklist | AutoNumber => Holds::Text,
        }
    }

    /// The Rust type a generated record gives a field of this type (before `Option`), written
    /// with absolute paths.
    pub fn rust_type(self, formula_returns: Option<&str>) -> &'static str {
        match self.holds(formula_returns) {
            Holds::Text | Holds::Date | Holds::DateTime => "::std::string::String",
            Holds::Integer => "i32",
            Holds::BigInteger => "i64",
            Holds::Number => "f64",
            Holds::Boolean => "bool",
            Holds::Reference => "::zoho_runtime::record::Lookup",
            Holds::TextList => "::std::vec::Vec<::std::string::String>",
            Holds::Rows => "::std::vec::Vec<::zoho_runtime::Json>",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for t in DataType::all() {
            assert_eq!(DataType::from_name(t.name()), Some(t));
        }
        assert_eq!(DataType::from_name("Text"), None);
    }

    #[test]
    fn a_formula_holds_its_return_type() {
        assert_eq!(DataType::Formula.holds(Some("double")), Holds::Number);
        assert_eq!(DataType::Formula.holds(Some("string")), Holds::Text);
        assert_eq!(DataType::Formula.holds(None), Holds::Text);
    }
}
