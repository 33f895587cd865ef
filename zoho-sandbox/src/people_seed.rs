//! The people the sandbox's organisation starts with: the four users of the seed documents,
//! the roles and profiles they hold, two territories, a group and a client portal.

use std::collections::BTreeSet;

use crate::people::{
    Group, People, PortalUser, Profile, Role, Source, SourceKind, Status, Territory, User,
    UserType, ADMIN_ID,
};

const CEO: u64 = 738_964_000_000_026_005;
const MANAGER: u64 = 738_964_000_000_026_008;
const SALES_REP: u64 = 738_964_000_000_026_011;
const ADMINISTRATOR: u64 = 738_964_000_000_026_014;
const STANDARD: u64 = 738_964_000_000_026_017;
const ZYLKER: u64 = 738_964_000_000_350_001;
const EMEA: u64 = 738_964_000_000_350_004;
const RYAN: u64 = 738_964_000_000_291_021;
const CUSTOMERS: u64 = 738_964_000_000_300_001;

/// The organisation's people as it starts.
pub(crate) fn people() -> People {
    People {
        users: users(),
        roles: roles(),
        profiles: profiles(),
        territories: territories(),
        groups: vec![Group {
            id: 738_964_000_000_360_001,
            name: "Sales Team".into(),
            description: Some("Everyone who sells".into()),
            sources: vec![
                source(SourceKind::Roles, SALES_REP),
                source(SourceKind::Users, RYAN),
            ],
        }],
        user_types: vec![
            user_type(CUSTOMERS, "Customers"),
            user_type(738_964_000_000_300_004, "Partners"),
        ],
        portal_users: vec![
            portal_user(738_964_000_000_310_001, CUSTOMERS, "Lucas Hale"),
            portal_user(738_964_000_000_310_004, CUSTOMERS, "Maria Diaz"),
            portal_user(738_964_000_000_310_007, 738_964_000_000_300_004, "Noah Kim"),
        ],
        photo: Some(crate::org::OrgPhoto::seed()),
        ..People::default()
    }
}

fn users() -> Vec<User> {
    let people = [
        (ADMIN_ID, "Patricia", "Boyle", CEO, ADMINISTRATOR, ZYLKER),
        (RYAN, "Ryan", "Hart", MANAGER, STANDARD, EMEA),
        (
            738_964_000_000_291_033,
            "Amelia",
            "Burns",
            SALES_REP,
            STANDARD,
            EMEA,
        ),
        (
            738_964_000_000_291_045,
            "Kevin",
            "Ortiz",
            SALES_REP,
            STANDARD,
            0,
        ),
    ];
    people
        .iter()
        .map(|&(id, first, last, role, profile, territory)| User {
            id,
            first_name: Some(first.into()),
            last_name: last.into(),
            email: format!(
                "{}.{}@zylker.com",
                first.to_lowercase(),
                last.to_lowercase()
            ),
            role,
            profile,
            status: Status::Active,
            confirm: true,
            time_zone: "Etc/UTC".into(),
            locale: "en_US".into(),
            phone: None,
            territories: BTreeSet::from_iter((territory != 0).then_some(territory)),
            modified_time: "2021-01-01T00:00:00+00:00".into(),
        })
        .collect()
}

fn roles() -> Vec<Role> {
    let role = |id, name: &str, reporting_to| Role {
        id,
        name: name.into(),
        reporting_to,
        share_with_peers: true,
        description: None,
        admin: id == CEO,
    };
    vec![
        role(CEO, "CEO", None),
        role(MANAGER, "Manager", Some(CEO)),
        role(SALES_REP, "Sales Rep", Some(MANAGER)),
    ]
}

fn profiles() -> Vec<Profile> {
    let profile = |id, name: &str, default| Profile {
        id,
        name: name.into(),
        description: None,
        default,
        custom: false,
    };
    vec![
        profile(ADMINISTRATOR, "Administrator", false),
        profile(STANDARD, "Standard", true),
    ]
}

fn territories() -> Vec<Territory> {
    let territory = |id, name: &str, manager, reporting_to| Territory {
        id,
        name: name.into(),
        manager: Some(manager),
        reporting_to,
        permission_type: "read_write_delete".into(),
        description: None,
    };
    vec![
        territory(ZYLKER, "Zylker", ADMIN_ID, None),
        territory(EMEA, "EMEA", RYAN, Some(ZYLKER)),
    ]
}

fn source(kind: SourceKind, id: u64) -> Source {
    Source {
        kind,
        id,
        subordinates: false,
        sub_territories: false,
    }
}

fn user_type(id: u64, name: &str) -> UserType {
    UserType {
        id,
        portal: "zylkerportal".into(),
        name: name.into(),
    }
}

fn portal_user(personality_id: u64, user_type: u64, name: &str) -> PortalUser {
    PortalUser {
        personality_id,
        user_type,
        name: name.into(),
        email: format!("{}@example.com", name.to_lowercase().replace(' ', ".")),
        active: true,
        confirm: true,
    }
}
