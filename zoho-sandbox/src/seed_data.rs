//! The organisation the sandbox starts with: every record, role, campaign, external id and user
//! the seed documents name, with the seeds' ids, plus a few hundred generated records so lists and
//! paging have something to walk.

use serde_json::{json, Value};

use crate::prng::Prng;
use crate::store::{
    creation_stamp, display_name, refresh_computed, ContactRole, Fields, Record, RecordState,
    Store, PATRICIA_ID, PATRICIA_NAME,
};
use crate::time;

/// Fills an empty store. With `generated`, adds the generated records after the seeds' own.
pub(crate) fn populate(store: &mut Store, seed: u64, generated: bool) {
    add_users(store);
    add_contact_roles(store);
    add_seed_leads(store);
    add_seed_deals_and_contacts(store);
    add_seed_campaigns_and_products(store);
    if generated {
        Generator::new(seed).run(store);
    }
}

fn add_users(store: &mut Store) {
    store.people = crate::people_seed::people();
}

fn add_contact_roles(store: &mut Store) {
    let roles: [(u64, &str); 9] = [
        (111_111_000_000_026_002, "Purchasing"),
        (3_652_397_000_000_006_871, "Component Specification"),
        (3_652_397_000_000_006_873, "Technical Evaluation"),
        (3_652_397_000_000_006_875, "Economic Decision Maker"),
        (3_652_397_000_000_006_877, "Executive Sponsor"),
        (3_652_397_000_000_006_879, "Influencer"),
        (3_652_397_000_000_006_881, "Technical Buyer"),
        (3_652_397_000_000_006_883, "Evaluator"),
        (3_652_397_000_000_006_885, "Other"),
    ];
    store.contact_roles = roles
        .iter()
        .map(|&(id, name)| ContactRole {
            id,
            name: name.to_string(),
        })
        .collect();
}

/// Stores a record as if Patricia Boyle had created it at `created`.
pub(crate) fn put_record(
    store: &mut Store,
    module: &'static str,
    id: u64,
    created: &str,
    fields: Value,
) {
    let schema = store.schema().clone();
    let def = schema.module(module).expect("seed modules exist");
    let mut map: Fields = match fields {
        Value::Object(map) => map,
        _ => Fields::new(),
    };
    map.entry("Owner")
        .or_insert_with(|| owner_value(PATRICIA_ID, PATRICIA_NAME));
    creation_stamp(&mut map, created);
    refresh_computed(def, &mut map);
    store.put(
        module,
        id,
        Record {
            fields: map,
            state: RecordState::Normal,
        },
    );
}

fn owner_value(id: &str, name: &str) -> Value {
    let email = format!("{}@zylker.com", name.to_lowercase().replace(' ', "."));
    json!({ "name": name, "id": id, "email": email })
}

/// Seed 002 created lead 738964000002148061 from its body; the duplicate Mobile of seed 002 points
/// at it. Seeds 002/004 also name one lead awaiting approval and one locked.
fn add_seed_leads(store: &mut Store) {
    let seed_body = json!({
        "Last_Name": "Last_Name", "First_Name": "First_Name", "Salutation": "Mr.",
        "Email": "newcrmapi@zoho.com", "Secondary_Email": "newcrmapi@zoho.com",
        "Description": "Design your own layouts that align your business processes precisely. Assign them to profiles appropriately.",
        "Rating": "Acquired", "Website": "crm.zoho.com", "Twitter": "Twitter",
        "Lead_Status": "Attempted to Contact", "Industry": "ASP", "Skype_ID": "Skype_ID",
        "Phone": "98883434559", "Mobile": "98883434559", "Street": "Street", "Zip_Code": "Zip_Code",
        "Email_Opt_Out": false, "Designation": "Designation", "City": "City", "State": "State",
        "No_of_Employees": 1791, "Lead_Source": "Advertisement", "Country": "Country",
        "Fax": "Fax", "Annual_Revenue": 136.67, "Company": "Zylker",
    });
    put_record(
        store,
        "Leads",
        738_964_000_002_148_061,
        "2021-05-11T12:41:33+00:00",
        seed_body,
    );
    let plain = |first: &str, last: &str, company: &str, mobile: &str| {
        json!({ "First_Name": first, "Last_Name": last, "Company": company, "Mobile": mobile,
                "Lead_Status": "Not Contacted", "Lead_Source": "Web Research", "No_of_Employees": 120 })
    };
    let leads = [
        (
            738_964_000_002_131_001,
            "2021-05-07T06:23:10+00:00",
            plain("Carissa", "Kidman", "Oh My Goodknits Inc", "555-0101"),
        ),
        (
            738_964_000_002_130_131,
            "2021-05-07T06:38:15+00:00",
            plain("James", "Merced", "Kwik Kopy Printing", "555-0102"),
        ),
        (
            3_652_397_000_001_829_002,
            "2021-06-02T09:14:45+00:00",
            plain("Tresa", "Sweely", "Morlong Associates", "555-0103"),
        ),
        (
            1_306_462_000_000_496_025,
            "2021-10-05T17:40:11+00:00",
            plain("Felix", "Hirpara", "Chapman", "555-0104"),
        ),
        (
            475_243_000_003_269_880,
            "2021-10-05T17:58:02+00:00",
            plain("Kayleigh", "Lace", "Printing Dimensions", "555-0105"),
        ),
    ];
    for (id, created, body) in leads {
        put_record(store, "Leads", id, created, body);
    }
    set_state(
        store,
        "Leads",
        1_306_462_000_000_496_025,
        RecordState::NotApproved,
    );
    set_state(store, "Leads", 475_243_000_003_269_880, RecordState::Locked);
}

fn set_state(store: &mut Store, module: &str, id: u64, state: RecordState) {
    if let Some(r) = store.get_mut(module, id) {
        r.state = state;
    }
}

/// Seeds 000 and 001: a deal and a contact by id, and three of each by external id.
fn add_seed_deals_and_contacts(store: &mut Store) {
    put_record(
        store,
        "Accounts",
        4_150_868_000_003_100_001,
        "2021-03-01T10:00:00+00:00",
        json!({ "Account_Name": "Zylker Corp", "Industry": "ERP", "Billing_City": "Austin", "Employees": 420 }),
    );
    let account = json!({ "name": "Zylker Corp", "id": "4150868000003100001" });
    put_record(
        store,
        "Contacts",
        4_150_868_000_003_283_024,
        "2021-03-02T11:30:00+00:00",
        json!({ "First_Name": "Theola", "Last_Name": "Frey", "Email": "theola.frey@zylker.com",
                "Mobile": "555-0201", "Title": "VP Purchasing", "Account_Name": account }),
    );
    put_record(
        store,
        "Deals",
        4_150_868_000_003_384_003,
        "2021-03-04T08:15:00+00:00",
        json!({ "Deal_Name": "Zylker renewal", "Stage": "Negotiation/Review", "Amount": 25000.0,
                "Closing_Date": "2021-06-30", "Probability": 90, "Account_Name": account }),
    );
    for n in 1..=3u64 {
        put_record(
            store,
            "Contacts",
            111_111_000_000_093_001 + 2 * (n - 1),
            "2021-04-01T09:00:00+00:00",
            json!({ "First_Name": "External", "Last_Name": format!("Contact {n}"),
                    "Email": format!("extcontact{n}@zylker.com"), "External_Contact_ID": format!("extcontact{n}") }),
        );
        // extdeal3 gets the id Zoho's documented "relation added" sample shows.
        let deal_id = 111_111_000_000_094_022 + 2 * n;
        put_record(
            store,
            "Deals",
            deal_id,
            "2021-04-01T09:30:00+00:00",
            json!({ "Deal_Name": format!("External deal {n}"), "Stage": "Qualification",
                    "Amount": 1000.0 * n as f64, "External_Deal_ID": format!("extdeal{n}") }),
        );
    }
}

/// Seed 003: two campaigns to relate to a lead, and products and price books to relate to.
fn add_seed_campaigns_and_products(store: &mut Store) {
    put_record(
        store,
        "Campaigns",
        3_652_397_000_000_327_001,
        "2021-02-10T10:00:00+00:00",
        json!({ "Campaign_Name": "Spring webinar series", "Type": "Webinar", "Status": "Active",
                "Start_Date": "2021-03-01", "End_Date": "2021-05-31", "Expected_Revenue": 50000.0 }),
    );
    put_record(
        store,
        "Campaigns",
        3_652_397_000_001_854_001,
        "2021-05-20T10:00:00+00:00",
        json!({ "Campaign_Name": "Trade show 2021", "Type": "Trade Show", "Status": "Planning",
                "Start_Date": "2021-09-01", "End_Date": "2021-09-03", "Expected_Revenue": 120000.0 }),
    );
    put_record(
        store,
        "Products",
        3_652_397_000_000_400_001,
        "2021-01-15T10:00:00+00:00",
        json!({ "Product_Name": "Zylker CRM Suite", "Product_Code": "ZCS-01", "Unit_Price": 1200.0,
                "Product_Active": true, "Product_Category": "Software" }),
    );
    put_record(
        store,
        "Price_Books",
        3_652_397_000_000_410_001,
        "2021-01-16T10:00:00+00:00",
        json!({ "Price_Book_Name": "Standard 2021", "Active": true, "Pricing_Model": "Flat" }),
    );
}

const FIRST: &[&str] = &[
    "Ava", "Liam", "Noah", "Emma", "Olivia", "Mason", "Sophia", "Lucas", "Mia", "Ethan", "Isla",
    "Aiden", "Zoe", "Caleb", "Nora", "Elijah", "Leah", "Owen", "Ruby", "Hugo", "Priya", "Arjun",
    "Mei", "Kenji", "Lena", "Mateo", "Sara", "Omar", "Ines", "Tomas",
];
const LAST: &[&str] = &[
    "Smith", "Garcia", "Chen", "Patel", "Nguyen", "Kowalski", "Schmidt", "Rossi", "Silva",
    "Tanaka", "Dubois", "Jensen", "Murphy", "Khan", "Okafor", "Larsen", "Novak", "Moreau",
    "Haddad", "Costa", "Bauer", "Ivanova", "Lopez", "Sato", "Walsh", "Fischer", "Reyes",
    "Andersen", "Kaur", "Brooks",
];
const COMPANY: &[&str] = &[
    "Acme",
    "Globex",
    "Initech",
    "Umbrella",
    "Hooli",
    "Vandelay",
    "Stark",
    "Wayne",
    "Wonka",
    "Tyrell",
    "Cyberdyne",
    "Soylent",
    "Aperture",
    "Monarch",
    "Gringotts",
    "Oceanic",
    "Dunder",
    "Pied Piper",
    "Massive Dynamic",
    "Virtucon",
];
const SUFFIX: &[&str] = &[
    "Inc", "Ltd", "GmbH", "LLC", "Group", "Labs", "Systems", "Partners",
];
const CITY: &[(&str, &str)] = &[
    ("Austin", "United States"),
    ("Chennai", "India"),
    ("Berlin", "Germany"),
    ("Lyon", "France"),
    ("Osaka", "Japan"),
    ("Toronto", "Canada"),
    ("Sydney", "Australia"),
    ("Dublin", "Ireland"),
    ("Madrid", "Spain"),
    ("Denver", "United States"),
];

/// Deterministic generated records; counts chosen to exercise paging (over one page of 200).
struct Generator {
    rng: Prng,
    next_id: u64,
    serial: u32,
    accounts: Vec<Value>,
    contacts: Vec<Value>,
}

impl Generator {
    fn new(seed: u64) -> Self {
        Generator {
            rng: Prng::new(seed),
            next_id: 4_876_876_000_000_200_000,
            serial: 0,
            accounts: Vec::new(),
            contacts: Vec::new(),
        }
    }

    fn run(mut self, store: &mut Store) {
        (0..120).for_each(|_| self.account(store));
        (0..240).for_each(|_| self.contact(store));
        (0..320).for_each(|_| self.lead(store));
        (0..180).for_each(|_| self.deal(store));
        (0..12).for_each(|_| self.campaign(store));
        (0..24).for_each(|_| self.product(store));
        (0..30).for_each(|_| self.task(store));
    }

    fn id(&mut self) -> u64 {
        self.next_id += 1 + self.rng.below(1000);
        self.next_id
    }

    /// A creation time between 2021 and the end of 2023.
    fn created(&mut self) -> String {
        time::format_unix(1_609_459_200 + self.rng.below(3 * 365 * 86_400))
    }

    fn person(&mut self) -> (String, String, String, String) {
        self.serial += 1;
        let first = self.rng.pick(FIRST).to_string();
        let last = self.rng.pick(LAST).to_string();
        let email = format!(
            "{}.{}{}@example.com",
            first.to_lowercase(),
            last.to_lowercase(),
            self.serial
        );
        let mobile = format!("+1-555-{:07}", 100_000 + self.serial);
        (first, last, email, mobile)
    }

    fn company(&mut self) -> String {
        format!("{} {}", self.rng.pick(COMPANY), self.rng.pick(SUFFIX))
    }

    fn owner(&mut self, store: &Store) -> Value {
        let users = &store.people.users;
        self.rng.pick(users).reference()
    }

    fn store_record(&mut self, store: &mut Store, module: &'static str, mut body: Value) -> Value {
        let id = self.id();
        body["Owner"] = self.owner(store);
        let created = self.created();
        put_record(store, module, id, &created, body);
        let schema = store.schema().clone();
        let def = schema.module(module).expect("generated modules exist");
        let fields = &store.get(module, id).expect("just stored").fields;
        json!({ "name": display_name(def, fields), "id": id.to_string() })
    }

    fn account(&mut self, store: &mut Store) {
        let (city, country) = *self.rng.pick(CITY);
        let body = json!({
            "Account_Name": format!("{} {}", self.company(), self.accounts.len() + 1),
            "Industry": self.rng.pick(&["ERP", "ASP", "Service Provider", "Systems Integrator"]),
            "Employees": 5 + self.rng.below(5000), "Billing_City": city, "Billing_Country": country,
            "Annual_Revenue": (self.rng.below(5_000_000) as f64) / 2.0,
            "Account_Type": self.rng.pick(&["Customer", "Prospect", "Partner", "Reseller"]),
        });
        let lookup = self.store_record(store, "Accounts", body);
        self.accounts.push(lookup);
    }

    fn contact(&mut self, store: &mut Store) {
        let (first, last, email, mobile) = self.person();
        let account = self.rng.pick(&self.accounts).clone();
        let (city, country) = *self.rng.pick(CITY);
        let body = json!({
            "First_Name": first, "Last_Name": last, "Email": email, "Mobile": mobile,
            "Account_Name": account, "Mailing_City": city, "Mailing_Country": country,
            "Title": self.rng.pick(&["CTO", "Buyer", "Engineer", "Director", "Analyst"]),
            "Lead_Source": self.rng.pick(&["Cold Call", "Web Download", "Partner", "Trade Show"]),
        });
        let lookup = self.store_record(store, "Contacts", body);
        self.contacts.push(lookup);
    }

    fn lead(&mut self, store: &mut Store) {
        let (first, last, email, mobile) = self.person();
        let (city, country) = *self.rng.pick(CITY);
        let body = json!({
            "First_Name": first, "Last_Name": last, "Email": email, "Mobile": mobile,
            "Company": self.company(), "City": city, "Country": country,
            "Lead_Status": self.rng.pick(&["Not Contacted", "Attempted to Contact", "Contacted", "Pre-Qualified"]),
            "Lead_Source": self.rng.pick(&["Advertisement", "Cold Call", "Web Research", "Chat"]),
            "No_of_Employees": 1 + self.rng.below(2000),
            "Annual_Revenue": (self.rng.below(1_000_000) as f64) / 4.0,
            "Email_Opt_Out": self.rng.chance(0.1),
        });
        self.store_record(store, "Leads", body);
    }

    fn deal(&mut self, store: &mut Store) {
        let stages = [
            "Qualification",
            "Needs Analysis",
            "Proposal/Price Quote",
            "Negotiation/Review",
            "Closed Won",
            "Closed Lost",
        ];
        let stage = *self.rng.pick(&stages);
        let body = json!({
            "Deal_Name": format!("{} deal {}", self.company(), self.rng.below(10_000)),
            "Stage": stage, "Amount": (self.rng.below(20_000_000) as f64) / 100.0,
            "Closing_Date": time::format_date(18_700 + self.rng.below(1200) as i64),
            "Account_Name": self.rng.pick(&self.accounts).clone(),
            "Contact_Name": self.rng.pick(&self.contacts).clone(),
            "Probability": self.rng.below(101),
        });
        self.store_record(store, "Deals", body);
    }

    fn campaign(&mut self, store: &mut Store) {
        let body = json!({
            "Campaign_Name": format!("{} campaign {}", self.rng.pick(COMPANY), self.serial),
            "Type": self.rng.pick(&["Email", "Webinar", "Conference"]),
            "Status": self.rng.pick(&["Planning", "Active", "Complete"]),
        });
        self.serial += 1;
        self.store_record(store, "Campaigns", body);
    }

    fn product(&mut self, store: &mut Store) {
        self.serial += 1;
        let body = json!({
            "Product_Name": format!("{} module {}", self.rng.pick(COMPANY), self.serial),
            "Product_Code": format!("P-{:04}", self.serial), "Product_Active": true,
            "Unit_Price": (self.rng.below(100_000) as f64) / 100.0,
        });
        self.store_record(store, "Products", body);
    }

    fn task(&mut self, store: &mut Store) {
        let body = json!({
            "Subject": self.rng.pick(&["Call back", "Send proposal", "Follow up", "Demo"]).to_string(),
            "Status": self.rng.pick(&["Not Started", "In Progress", "Completed"]),
            "Priority": self.rng.pick(&["High", "Normal", "Low"]),
            "Due_Date": time::format_date(19_000 + self.rng.below(700) as i64),
        });
        self.store_record(store, "Tasks", body);
    }
}
