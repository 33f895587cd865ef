//! The organisation's metadata: modules, their fields and their related lists.
//!
//! One table drives the metadata endpoints (`settings/modules`, `settings/fields`,
//! `settings/related_lists`) and the validation of writes, so what the sandbox advertises is what
//! it enforces.

use zoho_spec::modules::{classify, FirstSegment};

/// The data type of a field, as `settings/fields` names it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum FieldType {
    Text,
    TextArea,
    Email,
    Phone,
    Website,
    Picklist(&'static [&'static str]),
    Integer,
    Double,
    Currency,
    Boolean,
    Date,
    DateTime,
    /// A lookup to a record of the named module.
    Lookup(&'static str),
    /// A lookup to a user.
    OwnerLookup,
    /// Several of the listed values, written as a JSON array of strings.
    MultiSelect(&'static [&'static str]),
    /// A 64-bit integer, which Zoho calls "Long Integer".
    BigInt,
    /// A number with a fixed count of decimals.
    Decimal,
    /// A percentage, as a number.
    Percent,
    /// A value Zoho computes from other fields; its JSON type is the formula's return type.
    Formula(&'static str),
    /// A number Zoho assigns to each new record, as text.
    AutoNumber,
    /// The rows of the named subform module, written as a JSON array of objects.
    Subform(&'static str),
}

impl FieldType {
    /// Zoho's `data_type`.
    pub(crate) fn name(self) -> &'static str {
        match self {
            FieldType::Text => "text",
            FieldType::TextArea => "textarea",
            FieldType::Email => "email",
            FieldType::Phone => "phone",
            FieldType::Website => "website",
            FieldType::Picklist(_) => "picklist",
            FieldType::Integer => "integer",
            FieldType::Double => "double",
            FieldType::Currency => "currency",
            FieldType::Boolean => "boolean",
            FieldType::Date => "date",
            FieldType::DateTime => "datetime",
            FieldType::Lookup(_) => "lookup",
            FieldType::OwnerLookup => "ownerlookup",
            FieldType::MultiSelect(_) => "multiselectpicklist",
            FieldType::BigInt => "bigint",
            FieldType::Decimal => "decimal",
            FieldType::Percent => "percent",
            FieldType::Formula(_) => "formula",
            FieldType::AutoNumber => "autonumber",
            FieldType::Subform(_) => "subform",
        }
    }

    /// Zoho's `json_type`.
    pub(crate) fn json_type(self) -> &'static str {
        match self {
            FieldType::Integer | FieldType::BigInt => "integer",
            FieldType::Double | FieldType::Currency | FieldType::Decimal | FieldType::Percent => {
                "double"
            }
            FieldType::Boolean => "boolean",
            FieldType::Lookup(_) | FieldType::OwnerLookup => "jsonobject",
            FieldType::MultiSelect(_) | FieldType::Subform(_) => "jsonarray",
            FieldType::Formula(returns) => returns,
            _ => "string",
        }
    }
}

/// One field of a module.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FieldDef {
    pub api_name: &'static str,
    pub label: &'static str,
    pub kind: FieldType,
    /// Set by the system only (times, authors, computed names): ignored in writes.
    pub read_only: bool,
    /// Required on insert: `MANDATORY_NOT_FOUND` without it.
    pub mandatory: bool,
    /// No two records may share a value: `DUPLICATE_DATA` otherwise.
    pub unique: bool,
    /// Usable in `X-EXTERNAL` in place of a record id.
    pub external: bool,
    /// Added by the organisation rather than by Zoho.
    pub custom: bool,
}

const fn f(api_name: &'static str, label: &'static str, kind: FieldType) -> FieldDef {
    FieldDef {
        api_name,
        label,
        kind,
        read_only: false,
        mandatory: false,
        unique: false,
        external: false,
        custom: false,
    }
}

impl FieldDef {
    const fn mandatory(mut self) -> Self {
        self.mandatory = true;
        self
    }
    const fn unique(mut self) -> Self {
        self.unique = true;
        self
    }
    const fn read_only(mut self) -> Self {
        self.read_only = true;
        self
    }
    const fn external(mut self) -> Self {
        self.external = true;
        self.unique = true;
        self.custom = true;
        self
    }
    const fn custom(mut self) -> Self {
        self.custom = true;
        self
    }
}

/// Where the records of a related list come from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum RelatedSource {
    /// A many-to-many relation stored on its own, written with `PUT` (seed 003).
    Junction,
    /// Records of the related module whose lookup field points here; read-only.
    Lookup(&'static str),
}

/// One related list of a module.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RelatedDef {
    pub api_name: &'static str,
    pub label: &'static str,
    pub module: &'static str,
    pub source: RelatedSource,
    pub id: &'static str,
}

/// One module of the organisation.
#[derive(Debug)]
pub(crate) struct ModuleDef {
    pub api_name: &'static str,
    pub singular: &'static str,
    pub id: &'static str,
    /// The id of its "All …" custom view, usable as `cvid`.
    pub cvid: &'static str,
    own_fields: &'static [FieldDef],
    pub related: &'static [RelatedDef],
    /// How many fields one mass update may set.
    pub mass_update_fields: usize,
}

impl ModuleDef {
    /// The fields: the module's own, then the system ones every module has.
    pub(crate) fn fields(&self) -> impl Iterator<Item = &'static FieldDef> {
        self.own_fields.iter().chain(SYSTEM_FIELDS.iter())
    }

    /// The field with this API name.
    pub(crate) fn field(&self, api_name: &str) -> Option<&'static FieldDef> {
        self.fields().find(|f| f.api_name == api_name)
    }

    /// The related list with this API name (case-insensitive; `Potentials` is the old name of
    /// `Deals`, still used in seed 003).
    pub(crate) fn related_list(&self, name: &str) -> Option<&'static RelatedDef> {
        let name = if name.eq_ignore_ascii_case("Potentials") {
            "Deals"
        } else {
            name
        };
        self.related
            .iter()
            .find(|r| r.api_name.eq_ignore_ascii_case(name))
    }

    /// The name its scopes use: `leads`, `price_books` (matched without underscores).
    pub(crate) fn scope_name(&self) -> String {
        self.api_name.to_ascii_lowercase()
    }
}

/// Every module the sandbox serves.
pub(crate) fn modules() -> &'static [ModuleDef] {
    MODULES
}

/// The module with this API name, compared case-insensitively as Zoho does: the name
/// zoho_spec classifies it as, if the sandbox serves that module.
pub(crate) fn module(name: &str) -> Option<&'static ModuleDef> {
    let FirstSegment::Standard(api_name) = classify(name) else {
        return None;
    };
    MODULES.iter().find(|m| m.api_name == api_name)
}

use FieldType::*;

const SYSTEM_FIELDS: &[FieldDef] = &[
    f("Owner", "Owner", OwnerLookup),
    f("Created_By", "Created By", OwnerLookup).read_only(),
    f("Modified_By", "Modified By", OwnerLookup).read_only(),
    f("Created_Time", "Created Time", DateTime).read_only(),
    f("Modified_Time", "Modified Time", DateTime).read_only(),
    f("Tag", "Tag", Text).read_only(),
];

const LEAD_STATUS: &[&str] = &[
    "-None-",
    "Attempted to Contact",
    "Contact in Future",
    "Contacted",
    "Junk Lead",
    "Lost Lead",
    "Not Contacted",
    "Pre-Qualified",
    "Not Qualified",
];
const LEAD_SOURCE: &[&str] = &[
    "-None-",
    "Advertisement",
    "Cold Call",
    "Employee Referral",
    "External Referral",
    "Online Store",
    "Partner",
    "Public Relations",
    "Sales Email Alias",
    "Seminar Partner",
    "Internal Seminar",
    "Trade Show",
    "Web Download",
    "Web Research",
    "Chat",
];
const INDUSTRY: &[&str] = &[
    "-None-",
    "ASP",
    "Data/Telecom OEM",
    "ERP",
    "Government/Military",
    "Large Enterprise",
    "ManagementISV",
    "MSP (Management Service Provider)",
    "Network Equipment Enterprise",
    "Non-management ISV",
    "Optical Networking",
    "Service Provider",
    "Small/Medium Enterprise",
    "Storage Equipment",
    "Storage Service Provider",
    "Systems Integrator",
    "Wireless Industry",
];
const RATING: &[&str] = &[
    "-None-",
    "Acquired",
    "Active",
    "Market Failed",
    "Project Cancelled",
    "Shut Down",
];
const SALUTATION: &[&str] = &["-None-", "Mr.", "Mrs.", "Ms.", "Dr.", "Prof."];
const STAGE: &[&str] = &[
    "Qualification",
    "Needs Analysis",
    "Value Proposition",
    "Id. Decision Makers",
    "Perception Analysis",
    "Proposal/Price Quote",
    "Negotiation/Review",
    "Closed Won",
    "Closed Lost",
    "Closed Lost to Competition",
];

const LEAD_FIELDS: &[FieldDef] = &[
    f("Salutation", "Salutation", Picklist(SALUTATION)),
    f("First_Name", "First Name", Text),
    f("Last_Name", "Last Name", Text).mandatory(),
    f("Full_Name", "Full Name", Text).read_only(),
    f("Company", "Company", Text),
    f("Designation", "Title", Text),
    f("Mobile", "Mobile", Phone).unique(),
    f("Email", "Email", Email).unique(),
    f("Secondary_Email", "Secondary Email", Email),
    f("Phone", "Phone", Phone),
    f("Fax", "Fax", Text),
    f("Website", "Website", Website),
    f("Lead_Source", "Lead Source", Picklist(LEAD_SOURCE)),
    f("Lead_Status", "Lead Status", Picklist(LEAD_STATUS)),
    f("Industry", "Industry", Picklist(INDUSTRY)),
    f("No_of_Employees", "No. of Employees", Integer),
    f("Annual_Revenue", "Annual Revenue", Currency),
    f("Rating", "Rating", Picklist(RATING)),
    f("Email_Opt_Out", "Email Opt Out", Boolean),
    f("Skype_ID", "Skype ID", Text),
    f("Twitter", "Twitter", Text),
    f("Street", "Street", Text),
    f("City", "City", Text),
    f("State", "State", Text),
    f("Zip_Code", "Zip Code", Text),
    f("Country", "Country", Text),
    f("Description", "Description", TextArea),
    // The organisation's own fields, one of each data type the standard ones leave out.
    f("Interests", "Interests", MultiSelect(INTERESTS)).custom(),
    f("Visitor_Count", "Visitor Count", BigInt).custom(),
    f("Discount", "Discount", Decimal).custom(),
    f("Conversion_Rate", "Conversion Rate", Percent).custom(),
    f(
        "Revenue_Per_Employee",
        "Revenue per Employee",
        Formula("double"),
    )
    .custom()
    .read_only(),
    f("Lead_Number", "Lead Number", AutoNumber)
        .custom()
        .read_only(),
    f(
        "Products_Wanted",
        "Products Wanted",
        Subform("Products_Wanted"),
    )
    .custom(),
];

const INTERESTS: &[&str] = &["Hardware", "Software", "Services", "Training"];

const CONTACT_FIELDS: &[FieldDef] = &[
    f("Salutation", "Salutation", Picklist(SALUTATION)),
    f("First_Name", "First Name", Text),
    f("Last_Name", "Last Name", Text).mandatory(),
    f("Full_Name", "Full Name", Text).read_only(),
    f("Account_Name", "Account Name", Lookup("Accounts")),
    f("Title", "Title", Text),
    f("Department", "Department", Text),
    f("Mobile", "Mobile", Phone).unique(),
    f("Email", "Email", Email).unique(),
    f("Secondary_Email", "Secondary Email", Email),
    f("Phone", "Phone", Phone),
    f("Lead_Source", "Lead Source", Picklist(LEAD_SOURCE)),
    f("Date_of_Birth", "Date of Birth", Date),
    f("Email_Opt_Out", "Email Opt Out", Boolean),
    f("Mailing_Street", "Mailing Street", Text),
    f("Mailing_City", "Mailing City", Text),
    f("Mailing_State", "Mailing State", Text),
    f("Mailing_Zip", "Mailing Zip", Text),
    f("Mailing_Country", "Mailing Country", Text),
    f("External_Contact_ID", "External Contact ID", Text).external(),
    f("Description", "Description", TextArea),
];

const ACCOUNT_FIELDS: &[FieldDef] = &[
    f("Account_Name", "Account Name", Text).mandatory(),
    f("Account_Number", "Account Number", Text),
    f(
        "Account_Type",
        "Account Type",
        Picklist(&[
            "-None-",
            "Analyst",
            "Competitor",
            "Customer",
            "Distributor",
            "Integrator",
            "Investor",
            "Partner",
            "Press",
            "Prospect",
            "Reseller",
            "Other",
        ]),
    ),
    f("Industry", "Industry", Picklist(INDUSTRY)),
    f("Phone", "Phone", Phone),
    f("Website", "Website", Website),
    f("Employees", "Employees", Integer),
    f("Annual_Revenue", "Annual Revenue", Currency),
    f("Rating", "Rating", Picklist(RATING)),
    f("Billing_Street", "Billing Street", Text),
    f("Billing_City", "Billing City", Text),
    f("Billing_State", "Billing State", Text),
    f("Billing_Code", "Billing Code", Text),
    f("Billing_Country", "Billing Country", Text),
    f("Description", "Description", TextArea),
];

const DEAL_FIELDS: &[FieldDef] = &[
    f("Deal_Name", "Deal Name", Text).mandatory(),
    f("Account_Name", "Account Name", Lookup("Accounts")),
    f("Contact_Name", "Contact Name", Lookup("Contacts")),
    f("Amount", "Amount", Currency),
    f("Stage", "Stage", Picklist(STAGE)).mandatory(),
    f("Probability", "Probability (%)", Integer),
    f("Closing_Date", "Closing Date", Date),
    f(
        "Type",
        "Type",
        Picklist(&["-None-", "Existing Business", "New Business"]),
    ),
    f("Lead_Source", "Lead Source", Picklist(LEAD_SOURCE)),
    f("Next_Step", "Next Step", Text),
    f("Campaign_Source", "Campaign Source", Lookup("Campaigns")),
    f("External_Deal_ID", "External Deal ID", Text).external(),
    f("Description", "Description", TextArea),
];

const CAMPAIGN_FIELDS: &[FieldDef] = &[
    f("Campaign_Name", "Campaign Name", Text).mandatory(),
    f(
        "Type",
        "Type",
        Picklist(&[
            "-None-",
            "Advertisement",
            "Banner Ads",
            "Conference",
            "Direct mail",
            "Email",
            "Partner",
            "Public Relations",
            "Referral Program",
            "Telemarketing",
            "Trade Show",
            "Webinar",
            "Others",
        ]),
    ),
    f(
        "Status",
        "Status",
        Picklist(&["-None-", "Planning", "Active", "Inactive", "Complete"]),
    ),
    f("Start_Date", "Start Date", Date),
    f("End_Date", "End Date", Date),
    f("Expected_Revenue", "Expected Revenue", Currency),
    f("Budgeted_Cost", "Budgeted Cost", Currency),
    f("Actual_Cost", "Actual Cost", Currency),
    f("Num_sent", "Numbers sent", Integer),
    f("Description", "Description", TextArea),
];

const PRODUCT_FIELDS: &[FieldDef] = &[
    f("Product_Name", "Product Name", Text).mandatory(),
    f("Product_Code", "Product Code", Text),
    f("Product_Active", "Product Active", Boolean),
    f(
        "Product_Category",
        "Product Category",
        Picklist(&["-None-", "Hardware", "Software", "CRM Applications"]),
    ),
    f("Manufacturer", "Manufacturer", Text),
    f("Unit_Price", "Unit Price", Currency),
    f("Qty_in_Stock", "Qty in Stock", Double),
    f("Vendor_Name", "Vendor Name", Lookup("Vendors")),
    f("Description", "Description", TextArea),
];

const PRICE_BOOK_FIELDS: &[FieldDef] = &[
    f("Price_Book_Name", "Price Book Name", Text).mandatory(),
    f("Active", "Active", Boolean),
    f(
        "Pricing_Model",
        "Pricing Model",
        Picklist(&["-None-", "Flat", "Differential"]),
    ),
    f("Description", "Description", TextArea),
];

const VENDOR_FIELDS: &[FieldDef] = &[
    f("Vendor_Name", "Vendor Name", Text).mandatory(),
    f("Email", "Email", Email),
    f("Phone", "Phone", Phone),
    f("Website", "Website", Website),
    f("Category", "Category", Text),
    f("City", "City", Text),
    f("Country", "Country", Text),
    f("Description", "Description", TextArea),
];

const TASK_FIELDS: &[FieldDef] = &[
    f("Subject", "Subject", Text).mandatory(),
    f("Due_Date", "Due Date", Date),
    f(
        "Status",
        "Status",
        Picklist(&[
            "Not Started",
            "Deferred",
            "In Progress",
            "Completed",
            "Waiting for input",
        ]),
    ),
    f(
        "Priority",
        "Priority",
        Picklist(&["High", "Highest", "Low", "Lowest", "Normal"]),
    ),
    f("Description", "Description", TextArea),
];

const fn junction(
    api_name: &'static str,
    label: &'static str,
    module: &'static str,
    id: &'static str,
) -> RelatedDef {
    RelatedDef {
        api_name,
        label,
        module,
        source: RelatedSource::Junction,
        id,
    }
}

const fn by_lookup(
    api_name: &'static str,
    module: &'static str,
    field: &'static str,
    id: &'static str,
) -> RelatedDef {
    RelatedDef {
        api_name,
        label: api_name,
        module,
        source: RelatedSource::Lookup(field),
        id,
    }
}

const MODULES: &[ModuleDef] = &[
    ModuleDef {
        api_name: "Leads",
        singular: "Lead",
        id: "738964000000002175",
        cvid: "738964000000087501",
        own_fields: LEAD_FIELDS,
        related: &[
            junction("Campaigns", "Campaigns", "Campaigns", "738964000000003001"),
            junction("Products", "Products", "Products", "738964000000003003"),
        ],
        mass_update_fields: 1,
    },
    ModuleDef {
        api_name: "Contacts",
        singular: "Contact",
        id: "738964000000002179",
        cvid: "738964000000087505",
        own_fields: CONTACT_FIELDS,
        related: &[
            junction("Deals", "Deals", "Deals", "738964000000003011"),
            junction("Campaigns", "Campaigns", "Campaigns", "738964000000003013"),
            junction("Products", "Products", "Products", "738964000000003015"),
        ],
        mass_update_fields: 1,
    },
    ModuleDef {
        api_name: "Accounts",
        singular: "Account",
        id: "738964000000002177",
        cvid: "738964000000087509",
        own_fields: ACCOUNT_FIELDS,
        related: &[
            by_lookup("Contacts", "Contacts", "Account_Name", "738964000000003021"),
            by_lookup("Deals", "Deals", "Account_Name", "738964000000003023"),
            junction("Products", "Products", "Products", "738964000000003025"),
        ],
        mass_update_fields: 1,
    },
    ModuleDef {
        api_name: "Deals",
        singular: "Deal",
        id: "738964000000002181",
        cvid: "738964000000087513",
        own_fields: DEAL_FIELDS,
        related: &[
            junction(
                "Contact_Roles",
                "Contact Roles",
                "Contacts",
                "738964000000003031",
            ),
            junction("Products", "Products", "Products", "738964000000003033"),
        ],
        mass_update_fields: 3,
    },
    ModuleDef {
        api_name: "Campaigns",
        singular: "Campaign",
        id: "738964000000002183",
        cvid: "738964000000087517",
        own_fields: CAMPAIGN_FIELDS,
        related: &[
            junction("Leads", "Leads", "Leads", "738964000000003041"),
            junction("Contacts", "Contacts", "Contacts", "738964000000003043"),
        ],
        mass_update_fields: 1,
    },
    ModuleDef {
        api_name: "Products",
        singular: "Product",
        id: "738964000000002185",
        cvid: "738964000000087521",
        own_fields: PRODUCT_FIELDS,
        related: &[
            junction("Leads", "Leads", "Leads", "738964000000003051"),
            junction("Accounts", "Accounts", "Accounts", "738964000000003053"),
            junction("Contacts", "Contacts", "Contacts", "738964000000003055"),
            junction("Deals", "Potentials", "Deals", "738964000000003057"),
            junction(
                "Price_Books",
                "Price Books",
                "Price_Books",
                "738964000000003059",
            ),
        ],
        mass_update_fields: 1,
    },
    ModuleDef {
        api_name: "Price_Books",
        singular: "Price Book",
        id: "738964000000002187",
        cvid: "738964000000087525",
        own_fields: PRICE_BOOK_FIELDS,
        related: &[junction(
            "Products",
            "Products",
            "Products",
            "738964000000003061",
        )],
        mass_update_fields: 1,
    },
    ModuleDef {
        api_name: "Vendors",
        singular: "Vendor",
        id: "738964000000002189",
        cvid: "738964000000087529",
        own_fields: VENDOR_FIELDS,
        related: &[by_lookup(
            "Products",
            "Products",
            "Vendor_Name",
            "738964000000003071",
        )],
        mass_update_fields: 1,
    },
    ModuleDef {
        api_name: "Tasks",
        singular: "Task",
        id: "738964000000002191",
        cvid: "738964000000087533",
        own_fields: TASK_FIELDS,
        related: &[],
        mass_update_fields: 1,
    },
];

/// The module on the other side of a junction, and the junction's key order: the relation
/// between `(a, ida)` and `(b, idb)` is stored once under the module names in sorted order.
pub(crate) fn junction_key(
    a: &'static str,
    ida: u64,
    b: &'static str,
    idb: u64,
) -> (&'static str, u64, &'static str, u64) {
    if a <= b {
        (a, ida, b, idb)
    } else {
        (b, idb, a, ida)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modules_are_found_case_insensitively() {
        assert_eq!(module("leads").unwrap().api_name, "Leads");
        assert!(module("Lead").is_none());
    }

    /// The sandbox serves standard modules only, under the names zoho_spec knows them by, so
    /// the scopes it enforces are the ones the macro derives for the same paths.
    #[test]
    fn every_module_is_a_standard_module_of_the_spec() {
        for m in modules() {
            assert_eq!(classify(m.api_name), FirstSegment::Standard(m.api_name));
        }
    }

    #[test]
    fn every_junction_is_declared_on_both_sides() {
        for m in modules() {
            for r in m
                .related
                .iter()
                .filter(|r| r.source == RelatedSource::Junction)
            {
                let other = module(r.module).unwrap();
                assert!(
                    other
                        .related
                        .iter()
                        .any(|back| back.module == m.api_name
                            && back.source == RelatedSource::Junction),
                    "{} -> {} has no way back",
                    m.api_name,
                    r.api_name
                );
            }
        }
    }

    #[test]
    fn external_fields_are_unique() {
        let deals = module("Deals").unwrap();
        let ext = deals.field("External_Deal_ID").unwrap();
        assert!(ext.external && ext.unique);
    }
}
