//! The HTTP methods of Zoho CRM's API.

use std::fmt;

/// The HTTP methods Zoho CRM's API uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    /// `GET`
    Get,
    /// `POST`
    Post,
    /// `PUT`
    Put,
    /// `PATCH`
    Patch,
    /// `DELETE`
    Delete,
}

impl Method {
    /// Every method, in the order messages list them.
    pub const ALL: [Method; 5] = [
        Method::Get,
        Method::Post,
        Method::Put,
        Method::Patch,
        Method::Delete,
    ];

    /// The method's name: `PUT`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }

    /// The name of the method's variant, for code that names it: `Put`.
    pub const fn variant(self) -> &'static str {
        match self {
            Method::Get => "Get",
            Method::Post => "Post",
            Method::Put => "Put",
            Method::Patch => "Patch",
            Method::Delete => "Delete",
        }
    }

    /// Parses a method name, exactly as HTTP writes it (capitals).
    ///
    /// ```
    /// use zoho_spec::Method;
    /// assert_eq!(Method::parse("PUT"), Some(Method::Put));
    /// assert_eq!(Method::parse("put"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Method> {
        Method::ALL.into_iter().find(|m| m.as_str() == text)
    }

    /// Whether a request of this method carries a body in Zoho's API. `GET` and `DELETE` do not.
    pub const fn sends_body(self) -> bool {
        matches!(self, Method::Post | Method::Put | Method::Patch)
    }

    /// Whether sending the same request twice leaves Zoho as sending it once would (RFC 9110's
    /// idempotent methods). This is the default of a declaration's `idempotent`; the
    /// declaration's own value, once set, is the only truth.
    pub const fn is_idempotent(self) -> bool {
        matches!(self, Method::Get | Method::Put | Method::Delete)
    }

    /// The methods' names for a message: `` `GET`, `POST`, `PUT`, `PATCH`, `DELETE` ``.
    pub fn listed() -> String {
        crate::listed(Method::ALL.iter().map(|m| m.as_str()), "`", "`")
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for method in Method::ALL {
            assert_eq!(Method::parse(method.as_str()), Some(method));
        }
        assert_eq!(Method::listed(), "`GET`, `POST`, `PUT`, `PATCH`, `DELETE`");
    }

    #[test]
    fn bodies_and_idempotence() {
        assert!(!Method::Get.sends_body() && !Method::Delete.sends_body());
        assert!(Method::Put.is_idempotent() && !Method::Post.is_idempotent());
        assert!(!Method::Patch.is_idempotent());
    }
}
