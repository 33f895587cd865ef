//! The organisation the sandbox starts with: Zoho's standard modules as the seeds use them,
//! with `Leads` carrying a custom field of each data type the standard fields leave out.

use super::{
    CustomView, FieldDef, FieldType, Layout, ModuleDef, RelatedDef, RelatedSource, Schema, Section,
    Wizard,
};

const fn f(api_name: &'static str, label: &'static str, kind: FieldType) -> FieldDef {
    FieldDef::new(api_name, label, kind)
}

/// A module as the constant tables give it.
struct SeedModule {
    api_name: &'static str,
    singular: &'static str,
    id: &'static str,
    cvid: &'static str,
    own_fields: &'static [FieldDef],
    related: &'static [RelatedDef],
    mass_update_fields: usize,
}

/// Ids the sandbox's own metadata writes give out start above every seed id.
const FIRST_FREE_ID: u64 = 738_964_000_010_000_000;

/// The schema a fresh sandbox starts with.
pub(crate) fn seed() -> Schema {
    let mut schema = Schema::new(MODULES.iter().map(module).collect(), FIRST_FREE_ID);
    let leads = schema.module_mut("Leads").expect("Leads is a seed module");
    leads.layouts.push(partner_layout(leads));
    let wizard = qualification_wizard(leads);
    schema.wizards.push(wizard);
    schema
}

/// The id of a module the sandbox starts with, read from the seed table without building the
/// schema (for fixtures made before any store exists).
pub(crate) fn module_id(api_name: &str) -> Option<&'static str> {
    MODULES
        .iter()
        .find(|m| m.api_name == api_name)
        .map(|m| m.id)
}

fn module(seed: &SeedModule) -> ModuleDef {
    // 7389640001MMMMFFF: the last digits of the module's id, then the field's place.
    let module_digits = seed.id.parse::<u64>().expect("seed ids are numbers") % 10_000;
    let base = 738_964_000_100_000_000 / 1000 + module_digits;
    let fields: Vec<FieldDef> = seed
        .own_fields
        .iter()
        .chain(SYSTEM_FIELDS)
        .enumerate()
        .map(|(i, f)| FieldDef {
            id: base * 1000 + i as u64 + 1,
            ..*f
        })
        .collect();
    let standard = Layout {
        id: base * 1000 + 900,
        name: "Standard".into(),
        active: true,
        standard: true,
        sections: vec![Section {
            label: format!("{} Information", seed.singular),
            fields: fields.iter().map(|f| f.api_name).collect(),
        }],
        dependencies: Vec::new(),
    };
    let plural = seed.api_name.replace('_', " ");
    let all = CustomView {
        id: seed.cvid,
        name: format!("All {plural}"),
        system_name: format!("ALL{}", seed.api_name.to_uppercase()),
        default: true,
        system_defined: true,
        fields: fields.iter().take(5).map(|f| f.api_name).collect(),
        sort_by: None,
        descending: false,
    };
    ModuleDef {
        api_name: seed.api_name,
        singular: seed.singular.into(),
        plural,
        id: seed.id,
        cvid: seed.cvid,
        fields,
        related: seed.related.to_vec(),
        mass_update_fields: seed.mass_update_fields,
        custom: false,
        layouts: vec![standard],
        views: vec![all],
        by_name: Default::default(),
    }
}

/// A second, inactive layout of Leads, which the organisation made and may delete.
fn partner_layout(leads: &ModuleDef) -> Layout {
    Layout {
        id: leads.layouts[0].id + 1,
        name: "Partner Leads".into(),
        active: false,
        standard: false,
        sections: vec![Section {
            label: "Partner".into(),
            fields: vec!["Last_Name", "Company", "Email", "Lead_Source"],
        }],
        dependencies: Vec::new(),
    }
}

/// A wizard of the standard layout of Leads: who the lead is, then how it came.
fn qualification_wizard(leads: &ModuleDef) -> Wizard {
    let screen = |label: &str, fields: &[&'static str]| Section {
        label: label.into(),
        fields: fields.to_vec(),
    };
    Wizard {
        id: 738_964_000_000_096_001,
        name: "Lead Qualification".into(),
        module: leads.api_name,
        layout: leads.layouts[0].id,
        active: true,
        screens: vec![
            screen("Who", &["First_Name", "Last_Name", "Company", "Email"]),
            screen("How", &["Lead_Source", "Lead_Status", "Rating"]),
        ],
    }
}

use FieldType::*;

/// The fields a custom module starts with: its name (mandatory), email fields, then the
/// system fields every module has.
pub(crate) fn custom_module_fields(name_label: &'static str) -> Vec<FieldDef> {
    [
        f("Name", name_label, Text).mandatory(),
        f("Email", "Email", Email),
        f("Secondary_Email", "Secondary Email", Email),
        f("Email_Opt_Out", "Email Opt Out", Boolean),
    ]
    .into_iter()
    .chain(SYSTEM_FIELDS.iter().copied())
    .collect()
}

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
    // Zoho's is a picklist of the layout's pipelines; pipelines are made through the settings
    // API (`settings::pipelines`), so the sandbox keeps the name as text.
    f("Pipeline", "Pipeline", Text),
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

// Zoho's Meetings. Participants (`{"type", "participant", "name", "Email", …}`) are kept as
// the array written; Zoho's description gives that field no data type the sandbox has.
const EVENT_FIELDS: &[FieldDef] = &[
    f("Event_Title", "Title", Text).mandatory(),
    f("Start_DateTime", "From", DateTime).mandatory(),
    f("End_DateTime", "To", DateTime).mandatory(),
    f("Venue", "Location", Text),
    f("Participants", "Participants", Subform("Participants")),
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

const MODULES: &[SeedModule] = &[
    SeedModule {
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
    SeedModule {
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
    SeedModule {
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
    SeedModule {
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
    SeedModule {
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
    SeedModule {
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
    SeedModule {
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
    SeedModule {
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
    SeedModule {
        api_name: "Tasks",
        singular: "Task",
        id: "738964000000002191",
        cvid: "738964000000087533",
        own_fields: TASK_FIELDS,
        related: &[],
        mass_update_fields: 1,
    },
    SeedModule {
        api_name: "Events",
        singular: "Event",
        id: "738964000000002197",
        cvid: "738964000000087537",
        own_fields: EVENT_FIELDS,
        related: &[],
        mass_update_fields: 1,
    },
];
