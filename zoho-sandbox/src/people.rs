//! The organisation and its people as the sandbox stores them: users, roles, profiles,
//! territories, user groups, currencies, the org's details, unavailability and portal users.
//!
//! This file holds the data and the lookups every area needs; what each call does with it is
//! in the area's own file (`users.rs`, `roles.rs`, …). It imports nothing of the store, which
//! holds it as one field.
//!
//! A record's `Owner` is one of these users: a write naming an id that is no user, or a user
//! deleted or deactivated, is refused with `INVALID_DATA` (`api_name: Owner`), the code Zoho's
//! insert and update pages give a value that names nothing; they do not say whether a
//! deactivated owner gets another. Writes are attributed to the administrator, Patricia Boyle.
//!
//! The areas answer their writes under the resource's key (`{"users": [{code, details,
//! message, status}]}`), each item with its own outcome; an item's refusal is `400` when it is
//! alone, as Zoho's descriptions give it, and `207` beside successes.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Value};

/// The id of the user every write is attributed to, the organisation's administrator.
pub(crate) const ADMIN_ID: u64 = 738_964_000_000_291_009;

/// A user's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Status {
    /// May sign in and own records.
    Active,
    /// Deactivated: keeps their records, owns no new ones.
    Disabled,
    /// Deleted: listed only as `DeletedUsers`.
    Deleted,
}

impl Status {
    /// As Zoho writes it.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Disabled => "disabled",
            Status::Deleted => "deleted",
        }
    }
}

/// A user.
#[derive(Debug, Clone)]
pub(crate) struct User {
    pub id: u64,
    pub first_name: Option<String>,
    pub last_name: String,
    pub email: String,
    pub role: u64,
    pub profile: u64,
    pub status: Status,
    pub confirm: bool,
    pub time_zone: String,
    pub locale: String,
    pub phone: Option<String>,
    pub territories: BTreeSet<u64>,
    pub modified_time: String,
}

impl User {
    /// First and last name.
    pub(crate) fn full_name(&self) -> String {
        match &self.first_name {
            Some(first) if !first.is_empty() => format!("{first} {}", self.last_name),
            _ => self.last_name.clone(),
        }
    }

    /// `{name, id, email}`, as owners and authors are shown.
    pub(crate) fn reference(&self) -> Value {
        json!({ "name": self.full_name(), "id": self.id.to_string(), "email": self.email })
    }

    /// Whether `value` is exactly [`User::reference`], found without building it.
    pub(crate) fn is_reference(&self, value: &Value) -> bool {
        let Some(map) = value.as_object() else {
            return false;
        };
        let text = |key: &str| map.get(key).and_then(Value::as_str);
        let name_is = |name: &str| match &self.first_name {
            Some(first) if !first.is_empty() => name
                .strip_prefix(first.as_str())
                .and_then(|rest| rest.strip_prefix(' '))
                .is_some_and(|last| last == self.last_name),
            _ => name == self.last_name,
        };
        // The id as `to_string` writes it: digits, no leading zero unless it is zero.
        let id_is = |id: &str| {
            id.bytes().all(|b| b.is_ascii_digit())
                && (id == "0" || !id.starts_with('0'))
                && id.parse::<u64>() == Ok(self.id)
        };
        map.len() == 3
            && text("name").is_some_and(name_is)
            && text("id").is_some_and(id_is)
            && text("email") == Some(self.email.as_str())
    }
}

/// A role.
#[derive(Debug, Clone)]
pub(crate) struct Role {
    pub id: u64,
    pub name: String,
    pub reporting_to: Option<u64>,
    pub share_with_peers: bool,
    pub description: Option<String>,
    pub admin: bool,
}

/// A profile.
#[derive(Debug, Clone)]
pub(crate) struct Profile {
    pub id: u64,
    pub name: String,
    pub description: Option<String>,
    pub default: bool,
    pub custom: bool,
}

/// A territory.
#[derive(Debug, Clone)]
pub(crate) struct Territory {
    pub id: u64,
    pub name: String,
    pub manager: Option<u64>,
    pub reporting_to: Option<u64>,
    pub permission_type: String,
    pub description: Option<String>,
}

/// A territory deleted while users belonged to it.
#[derive(Debug, Clone)]
pub(crate) struct DeletedTerritory {
    pub id: u64,
    pub name: String,
    pub deleted_time: String,
}

/// What a group's member is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SourceKind {
    Users,
    Roles,
    Territories,
    Groups,
}

impl SourceKind {
    /// The kind Zoho names `text`.
    pub(crate) fn parse(text: &str) -> Option<SourceKind> {
        match text {
            "users" => Some(SourceKind::Users),
            "roles" => Some(SourceKind::Roles),
            "territories" => Some(SourceKind::Territories),
            "groups" => Some(SourceKind::Groups),
            _ => None,
        }
    }

    /// As Zoho writes it.
    pub(crate) fn name(self) -> &'static str {
        match self {
            SourceKind::Users => "users",
            SourceKind::Roles => "roles",
            SourceKind::Territories => "territories",
            SourceKind::Groups => "groups",
        }
    }
}

/// A member of a group.
#[derive(Debug, Clone)]
pub(crate) struct Source {
    pub kind: SourceKind,
    pub id: u64,
    pub subordinates: bool,
    pub sub_territories: bool,
}

/// A user group.
#[derive(Debug, Clone)]
pub(crate) struct Group {
    pub id: u64,
    pub name: String,
    pub description: Option<String>,
    pub sources: Vec<Source>,
}

/// A currency of the organisation.
#[derive(Debug, Clone)]
pub(crate) struct Currency {
    pub id: u64,
    pub iso_code: String,
    pub name: String,
    pub symbol: String,
    pub exchange_rate: String,
    pub is_active: bool,
    pub is_base: bool,
    pub prefix_symbol: bool,
    pub format: [String; 3],
}

/// A time a user is away.
#[derive(Debug, Clone)]
pub(crate) struct Away {
    pub id: u64,
    pub user: u64,
    pub from: String,
    pub to: String,
    pub all_day: bool,
    pub comments: Option<String>,
}

/// A contact given access to a client portal, under one of its user types.
#[derive(Debug, Clone)]
pub(crate) struct PortalUser {
    pub personality_id: u64,
    pub user_type: u64,
    pub name: String,
    pub email: String,
    pub active: bool,
    pub confirm: bool,
}

/// A client portal's user type.
#[derive(Debug, Clone)]
pub(crate) struct UserType {
    pub id: u64,
    pub portal: String,
    pub name: String,
}

/// Everything of the organisation and its people.
#[derive(Debug, Clone, Default)]
pub(crate) struct People {
    pub users: Vec<User>,
    pub roles: Vec<Role>,
    pub profiles: Vec<Profile>,
    pub territories: Vec<Territory>,
    pub deleted_territories: Vec<DeletedTerritory>,
    pub groups: Vec<Group>,
    pub currencies: Vec<Currency>,
    pub away: Vec<Away>,
    pub portal_users: Vec<PortalUser>,
    pub user_types: Vec<UserType>,
    /// The org photo, its id and image; `None` once deleted.
    pub photo: Option<crate::org::OrgPhoto>,
    /// Jobs started by transfer-and-delete and group deletions: id → status.
    pub jobs: BTreeMap<u64, &'static str>,
}

impl People {
    /// [`User::reference`] of the user with this id, deleted or not; null when there is none.
    pub(crate) fn reference_of(&self, id: u64) -> Value {
        self.user(id).map_or(Value::Null, User::reference)
    }

    /// The user with this id, deleted or not.
    pub(crate) fn user(&self, id: u64) -> Option<&User> {
        self.users.iter().find(|u| u.id == id)
    }

    /// The user, to change them.
    pub(crate) fn user_mut(&mut self, id: u64) -> Option<&mut User> {
        self.users.iter_mut().find(|u| u.id == id)
    }

    /// A user who may own records: one that exists and is active.
    pub(crate) fn owner(&self, id: u64) -> Option<&User> {
        self.user(id).filter(|u| u.status == Status::Active)
    }

    /// The role with this id.
    pub(crate) fn role(&self, id: u64) -> Option<&Role> {
        self.roles.iter().find(|r| r.id == id)
    }

    /// The profile with this id.
    pub(crate) fn profile(&self, id: u64) -> Option<&Profile> {
        self.profiles.iter().find(|p| p.id == id)
    }

    /// The territory with this id.
    pub(crate) fn territory(&self, id: u64) -> Option<&Territory> {
        self.territories.iter().find(|t| t.id == id)
    }

    /// The group with this id.
    pub(crate) fn group(&self, id: u64) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// `{name, id}` of a role, profile, territory or user, `null` for none.
    pub(crate) fn name_ref(&self, kind: SourceKind, id: Option<u64>) -> Value {
        let Some(id) = id else {
            return Value::Null;
        };
        let name = match kind {
            SourceKind::Users => self.user(id).map(User::full_name),
            SourceKind::Roles => self.role(id).map(|r| r.name.clone()),
            SourceKind::Territories => self.territory(id).map(|t| t.name.clone()),
            SourceKind::Groups => self.group(id).map(|g| g.name.clone()),
        };
        json!({ "name": name, "id": id.to_string() })
    }

    /// Whether `id` is `ancestor` or sits under it, following `parent`.
    pub(crate) fn descends(parent: impl Fn(u64) -> Option<u64>, id: u64, ancestor: u64) -> bool {
        let mut at = Some(id);
        // A chain longer than the items would be a cycle, which the writes refuse.
        for _ in 0..10_000 {
            match at {
                Some(x) if x == ancestor => return true,
                Some(x) => at = parent(x),
                None => return false,
            }
        }
        false
    }

    /// The roles under `id`, `id` included.
    pub(crate) fn role_and_below(&self, id: u64) -> Vec<u64> {
        let parent = |x: u64| self.role(x).and_then(|r| r.reporting_to);
        let roles = self.roles.iter().map(|r| r.id);
        roles.filter(|r| People::descends(parent, *r, id)).collect()
    }

    /// The territories under `id`, `id` included.
    pub(crate) fn territory_and_below(&self, id: u64) -> Vec<u64> {
        let parent = |x: u64| self.territory(x).and_then(|t| t.reporting_to);
        let all = self.territories.iter().map(|t| t.id);
        all.filter(|t| People::descends(parent, *t, id)).collect()
    }

    /// The users a group stands for: its users, the holders of its roles, the members of its
    /// territories and of its groups, each taken once.
    pub(crate) fn group_users(&self, id: u64) -> BTreeSet<u64> {
        let mut users = BTreeSet::new();
        let mut seen = BTreeSet::new();
        self.collect_group_users(id, &mut users, &mut seen);
        users
    }

    fn collect_group_users(&self, id: u64, users: &mut BTreeSet<u64>, seen: &mut BTreeSet<u64>) {
        let Some(group) = self.group(id).filter(|_| seen.insert(id)) else {
            return;
        };
        for source in &group.sources {
            match source.kind {
                SourceKind::Users => {
                    users.insert(source.id);
                }
                SourceKind::Roles => {
                    let roles = match source.subordinates {
                        true => self.role_and_below(source.id),
                        false => vec![source.id],
                    };
                    let holders = self.users.iter().filter(|u| roles.contains(&u.role));
                    users.extend(holders.map(|u| u.id));
                }
                SourceKind::Territories => {
                    let territories = match source.sub_territories {
                        true => self.territory_and_below(source.id),
                        false => vec![source.id],
                    };
                    let members = self
                        .users
                        .iter()
                        .filter(|u| territories.iter().any(|t| u.territories.contains(t)));
                    users.extend(members.map(|u| u.id));
                }
                SourceKind::Groups => self.collect_group_users(source.id, users, seen),
            }
        }
    }

    /// The base currency, once several currencies are enabled.
    pub(crate) fn base_currency(&self) -> Option<&Currency> {
        self.currencies.iter().find(|c| c.is_base)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people_seed;

    #[test]
    fn a_reference_is_recognised_exactly_without_being_built() {
        let people = people_seed::people();
        let mut user = people.users[0].clone();
        for first in [Some("Ann"), Some(""), None] {
            user.first_name = first.map(str::to_owned);
            let reference = user.reference();
            assert!(user.is_reference(&reference), "{reference}");
            let mut other = people.users[1].clone();
            other.first_name = user.first_name.clone();
            assert!(!user.is_reference(&other.reference()));
            for (key, wrong) in [
                ("name", json!("Ann  Boyle")),
                ("name", json!(format!("{} ", user.full_name()))),
                ("id", json!(format!("0{}", user.id))),
                ("id", json!(user.id)),
                ("email", json!("someone@else.com")),
            ] {
                let mut changed = reference.clone();
                changed[key] = wrong;
                assert!(!user.is_reference(&changed), "{changed}");
            }
            let mut more = reference.clone();
            more["extra"] = json!(1);
            assert!(!user.is_reference(&more));
            assert!(!user.is_reference(&json!(user.id.to_string())));
        }
    }

    #[test]
    fn a_group_stands_for_its_users_roles_and_groups_once_each() {
        let mut people = people_seed::people();
        let sales = people.groups[0].id;
        // Sales Team: the two sales reps by role, and Ryan.
        assert_eq!(people.group_users(sales).len(), 3);
        people.groups.push(Group {
            id: 1,
            name: "All".into(),
            description: None,
            sources: vec![
                Source {
                    kind: SourceKind::Groups,
                    id: sales,
                    subordinates: false,
                    sub_territories: false,
                },
                Source {
                    kind: SourceKind::Users,
                    id: ADMIN_ID,
                    subordinates: false,
                    sub_territories: false,
                },
                Source {
                    kind: SourceKind::Groups,
                    id: 1,
                    subordinates: false,
                    sub_territories: false,
                },
            ],
        });
        assert_eq!(
            people.group_users(1).len(),
            4,
            "itself as a member adds nothing"
        );
    }

    #[test]
    fn roles_and_territories_below_one_include_it() {
        let people = people_seed::people();
        let ceo = people.roles.iter().find(|r| r.admin).unwrap().id;
        assert_eq!(people.role_and_below(ceo).len(), 3);
        let emea = people.territories[1].id;
        assert_eq!(people.territory_and_below(emea), vec![emea]);
        let parent = |x: u64| people.role(x).and_then(|r| r.reporting_to);
        assert!(!People::descends(parent, ceo, people.roles[2].id));
    }

    #[test]
    fn only_active_users_own_records() {
        let mut people = people_seed::people();
        assert!(people.owner(ADMIN_ID).is_some());
        people.users[1].status = Status::Disabled;
        let ryan = people.users[1].id;
        assert!(people.owner(ryan).is_none() && people.user(ryan).is_some());
    }
}
