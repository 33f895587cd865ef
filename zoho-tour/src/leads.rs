//! Record types written by `zoho-schema generate` from the schema snapshot; edit them
//! freely: `#[zoho_record]` and `#[zoho_picklist]` check them against the snapshot at
//! every build.

/// A record of `Leads`, for updates.
#[::zoho_runtime::zoho_record(module = "Leads", usage = "update")]
#[derive(Debug, Clone, PartialEq)]
pub struct Lead {
    /// The record's id.
    pub id: ::zoho_runtime::RecordId,
    /// `Annual_Revenue` (currency).
    #[zoho(rename = "Annual_Revenue")]
    pub annual_revenue: ::core::option::Option<f64>,
    /// `City` (text).
    #[zoho(rename = "City")]
    pub city: ::core::option::Option<::std::string::String>,
    /// `Company` (text).
    #[zoho(rename = "Company")]
    pub company: ::core::option::Option<::std::string::String>,
    /// `Conversion_Rate` (percent, custom).
    #[zoho(rename = "Conversion_Rate")]
    pub conversion_rate: ::core::option::Option<f64>,
    /// `Country` (text).
    #[zoho(rename = "Country")]
    pub country: ::core::option::Option<::std::string::String>,
    /// `Description` (textarea).
    #[zoho(rename = "Description")]
    pub description: ::core::option::Option<::std::string::String>,
    /// `Designation` (text).
    #[zoho(rename = "Designation")]
    pub designation: ::core::option::Option<::std::string::String>,
    /// `Discount` (decimal, custom).
    #[zoho(rename = "Discount")]
    pub discount: ::core::option::Option<f64>,
    /// `Email` (email).
    #[zoho(rename = "Email")]
    pub email: ::core::option::Option<::std::string::String>,
    /// `Email_Opt_Out` (boolean).
    #[zoho(rename = "Email_Opt_Out")]
    pub email_opt_out: ::core::option::Option<bool>,
    /// `Fax` (text).
    #[zoho(rename = "Fax")]
    pub fax: ::core::option::Option<::std::string::String>,
    /// `First_Name` (text).
    #[zoho(rename = "First_Name")]
    pub first_name: ::core::option::Option<::std::string::String>,
    /// `Industry` (picklist).
    #[zoho(rename = "Industry")]
    pub industry: ::core::option::Option<LeadIndustry>,
    /// `Interests` (multiselectpicklist, custom).
    #[zoho(rename = "Interests")]
    pub interests: ::core::option::Option<::std::vec::Vec<::std::string::String>>,
    /// `Last_Name` (text).
    #[zoho(rename = "Last_Name")]
    pub last_name: ::core::option::Option<::std::string::String>,
    /// `Lead_Source` (picklist).
    #[zoho(rename = "Lead_Source")]
    pub lead_source: ::core::option::Option<LeadSource>,
    /// `Lead_Status` (picklist).
    #[zoho(rename = "Lead_Status")]
    pub lead_status: ::core::option::Option<LeadStatus>,
    /// `Mobile` (phone).
    #[zoho(rename = "Mobile")]
    pub mobile: ::core::option::Option<::std::string::String>,
    /// `No_of_Employees` (integer).
    #[zoho(rename = "No_of_Employees")]
    pub no_of_employees: ::core::option::Option<i32>,
    /// `Owner` (ownerlookup).
    #[zoho(rename = "Owner")]
    pub owner: ::core::option::Option<::zoho_runtime::record::Lookup>,
    /// `Phone` (phone).
    #[zoho(rename = "Phone")]
    pub phone: ::core::option::Option<::std::string::String>,
    /// `Products_Wanted` (subform, custom).
    #[zoho(rename = "Products_Wanted")]
    pub products_wanted: ::core::option::Option<::std::vec::Vec<::zoho_runtime::Json>>,
    /// `Rating` (picklist).
    #[zoho(rename = "Rating")]
    pub rating: ::core::option::Option<LeadRating>,
    /// `Salutation` (picklist).
    #[zoho(rename = "Salutation")]
    pub salutation: ::core::option::Option<LeadSalutation>,
    /// `Secondary_Email` (email).
    #[zoho(rename = "Secondary_Email")]
    pub secondary_email: ::core::option::Option<::std::string::String>,
    /// `Skype_ID` (text).
    #[zoho(rename = "Skype_ID")]
    pub skype_id: ::core::option::Option<::std::string::String>,
    /// `State` (text).
    #[zoho(rename = "State")]
    pub state: ::core::option::Option<::std::string::String>,
    /// `Street` (text).
    #[zoho(rename = "Street")]
    pub street: ::core::option::Option<::std::string::String>,
    /// `Twitter` (text).
    #[zoho(rename = "Twitter")]
    pub twitter: ::core::option::Option<::std::string::String>,
    /// `Visitor_Count` (bigint, custom).
    #[zoho(rename = "Visitor_Count")]
    pub visitor_count: ::core::option::Option<i64>,
    /// `Website` (website).
    #[zoho(rename = "Website")]
    pub website: ::core::option::Option<::std::string::String>,
    /// `Zip_Code` (text).
    #[zoho(rename = "Zip_Code")]
    pub zip_code: ::core::option::Option<::std::string::String>,
}

impl Lead {
    /// An update of the record `id` that changes nothing until its fields are set.
    pub fn new(id: ::zoho_runtime::RecordId) -> Self {
        Self {
            id,
            annual_revenue: ::core::option::Option::None,
            city: ::core::option::Option::None,
            company: ::core::option::Option::None,
            conversion_rate: ::core::option::Option::None,
            country: ::core::option::Option::None,
            description: ::core::option::Option::None,
            designation: ::core::option::Option::None,
            discount: ::core::option::Option::None,
            email: ::core::option::Option::None,
            email_opt_out: ::core::option::Option::None,
            fax: ::core::option::Option::None,
            first_name: ::core::option::Option::None,
            industry: ::core::option::Option::None,
            interests: ::core::option::Option::None,
            last_name: ::core::option::Option::None,
            lead_source: ::core::option::Option::None,
            lead_status: ::core::option::Option::None,
            mobile: ::core::option::Option::None,
            no_of_employees: ::core::option::Option::None,
            owner: ::core::option::Option::None,
            phone: ::core::option::Option::None,
            products_wanted: ::core::option::Option::None,
            rating: ::core::option::Option::None,
            salutation: ::core::option::Option::None,
            secondary_email: ::core::option::Option::None,
            skype_id: ::core::option::Option::None,
            state: ::core::option::Option::None,
            street: ::core::option::Option::None,
            twitter: ::core::option::Option::None,
            visitor_count: ::core::option::Option::None,
            website: ::core::option::Option::None,
            zip_code: ::core::option::Option::None,
        }
    }
}

/// The values of `Leads.Industry`.
#[::zoho_runtime::zoho_picklist(module = "Leads", field = "Industry")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LeadIndustry {
    /// `-None-`.
    #[zoho(rename = "-None-")]
    None,
    /// `ASP`.
    #[zoho(rename = "ASP")]
    Asp,
    /// `Data/Telecom OEM`.
    #[zoho(rename = "Data/Telecom OEM")]
    DataTelecomOem,
    /// `ERP`.
    #[zoho(rename = "ERP")]
    Erp,
    /// `Government/Military`.
    #[zoho(rename = "Government/Military")]
    GovernmentMilitary,
    /// `Large Enterprise`.
    #[zoho(rename = "Large Enterprise")]
    LargeEnterprise,
    /// `ManagementISV`.
    #[zoho(rename = "ManagementISV")]
    ManagementISV,
    /// `MSP (Management Service Provider)`.
    #[zoho(rename = "MSP (Management Service Provider)")]
    MspManagementServiceProvider,
    /// `Network Equipment Enterprise`.
    #[zoho(rename = "Network Equipment Enterprise")]
    NetworkEquipmentEnterprise,
    /// `Non-management ISV`.
    #[zoho(rename = "Non-management ISV")]
    NonManagementIsv,
    /// `Optical Networking`.
    #[zoho(rename = "Optical Networking")]
    OpticalNetworking,
    /// `Service Provider`.
    #[zoho(rename = "Service Provider")]
    ServiceProvider,
    /// `Small/Medium Enterprise`.
    #[zoho(rename = "Small/Medium Enterprise")]
    SmallMediumEnterprise,
    /// `Storage Equipment`.
    #[zoho(rename = "Storage Equipment")]
    StorageEquipment,
    /// `Storage Service Provider`.
    #[zoho(rename = "Storage Service Provider")]
    StorageServiceProvider,
    /// `Systems Integrator`.
    #[zoho(rename = "Systems Integrator")]
    SystemsIntegrator,
    /// `Wireless Industry`.
    #[zoho(rename = "Wireless Industry")]
    WirelessIndustry,
}

/// The values of `Leads.Lead_Source`.
#[::zoho_runtime::zoho_picklist(module = "Leads", field = "Lead_Source")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LeadSource {
    /// `-None-`.
    #[zoho(rename = "-None-")]
    None,
    /// `Advertisement`.
    #[zoho(rename = "Advertisement")]
    Advertisement,
    /// `Cold Call`.
    #[zoho(rename = "Cold Call")]
    ColdCall,
    /// `Employee Referral`.
    #[zoho(rename = "Employee Referral")]
    EmployeeReferral,
    /// `External Referral`.
    #[zoho(rename = "External Referral")]
    ExternalReferral,
    /// `Online Store`.
    #[zoho(rename = "Online Store")]
    OnlineStore,
    /// `Partner`.
    #[zoho(rename = "Partner")]
    Partner,
    /// `Public Relations`.
    #[zoho(rename = "Public Relations")]
    PublicRelations,
    /// `Sales Email Alias`.
    #[zoho(rename = "Sales Email Alias")]
    SalesEmailAlias,
    /// `Seminar Partner`.
    #[zoho(rename = "Seminar Partner")]
    SeminarPartner,
    /// `Internal Seminar`.
    #[zoho(rename = "Internal Seminar")]
    InternalSeminar,
    /// `Trade Show`.
    #[zoho(rename = "Trade Show")]
    TradeShow,
    /// `Web Download`.
    #[zoho(rename = "Web Download")]
    WebDownload,
    /// `Web Research`.
    #[zoho(rename = "Web Research")]
    WebResearch,
    /// `Chat`.
    #[zoho(rename = "Chat")]
    Chat,
}

/// The values of `Leads.Lead_Status`.
#[::zoho_runtime::zoho_picklist(module = "Leads", field = "Lead_Status")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LeadStatus {
    /// `-None-`.
    #[zoho(rename = "-None-")]
    None,
    /// `Attempted to Contact`.
    #[zoho(rename = "Attempted to Contact")]
    AttemptedToContact,
    /// `Contact in Future`.
    #[zoho(rename = "Contact in Future")]
    ContactInFuture,
    /// `Contacted`.
    #[zoho(rename = "Contacted")]
    Contacted,
    /// `Junk Lead`.
    #[zoho(rename = "Junk Lead")]
    JunkLead,
    /// `Lost Lead`.
    #[zoho(rename = "Lost Lead")]
    LostLead,
    /// `Not Contacted`.
    #[zoho(rename = "Not Contacted")]
    NotContacted,
    /// `Pre-Qualified`.
    #[zoho(rename = "Pre-Qualified")]
    PreQualified,
    /// `Not Qualified`.
    #[zoho(rename = "Not Qualified")]
    NotQualified,
}

/// The values of `Leads.Rating`.
#[::zoho_runtime::zoho_picklist(module = "Leads", field = "Rating")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LeadRating {
    /// `-None-`.
    #[zoho(rename = "-None-")]
    None,
    /// `Acquired`.
    #[zoho(rename = "Acquired")]
    Acquired,
    /// `Active`.
    #[zoho(rename = "Active")]
    Active,
    /// `Market Failed`.
    #[zoho(rename = "Market Failed")]
    MarketFailed,
    /// `Project Cancelled`.
    #[zoho(rename = "Project Cancelled")]
    ProjectCancelled,
    /// `Shut Down`.
    #[zoho(rename = "Shut Down")]
    ShutDown,
}

/// The values of `Leads.Salutation`.
#[::zoho_runtime::zoho_picklist(module = "Leads", field = "Salutation")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LeadSalutation {
    /// `-None-`.
    #[zoho(rename = "-None-")]
    None,
    /// `Mr.`.
    #[zoho(rename = "Mr.")]
    Mr,
    /// `Mrs.`.
    #[zoho(rename = "Mrs.")]
    Mrs,
    /// `Ms.`.
    #[zoho(rename = "Ms.")]
    Ms,
    /// `Dr.`.
    #[zoho(rename = "Dr.")]
    Dr,
    /// `Prof.`.
    #[zoho(rename = "Prof.")]
    Prof,
}
