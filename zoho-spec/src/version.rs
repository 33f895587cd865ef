//! The versions of Zoho CRM's REST API.

use std::fmt;

/// A version of Zoho CRM's REST API, the `{version}` of `/crm/{version}/…`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[non_exhaustive]
pub enum ApiVersion {
    /// `v2`
    V2,
    /// `v2.1`
    V2_1,
    /// `v3`
    V3,
    /// `v4`
    V4,
    /// `v5`
    V5,
    /// `v6`
    V6,
    /// `v7`
    V7,
    /// `v8`, the current version and the client's default.
    #[default]
    V8,
}

impl ApiVersion {
    /// Every version, oldest first.
    pub const ALL: [ApiVersion; 8] = [
        ApiVersion::V2,
        ApiVersion::V2_1,
        ApiVersion::V3,
        ApiVersion::V4,
        ApiVersion::V5,
        ApiVersion::V6,
        ApiVersion::V7,
        ApiVersion::V8,
    ];

    /// The version as it appears in a URL: `v2.1`.
    pub const fn as_str(self) -> &'static str {
        match self {
            ApiVersion::V2 => "v2",
            ApiVersion::V2_1 => "v2.1",
            ApiVersion::V3 => "v3",
            ApiVersion::V4 => "v4",
            ApiVersion::V5 => "v5",
            ApiVersion::V6 => "v6",
            ApiVersion::V7 => "v7",
            ApiVersion::V8 => "v8",
        }
    }

    /// The name of the version's variant, for code that names it: `V2_1`.
    pub const fn variant(self) -> &'static str {
        match self {
            ApiVersion::V2 => "V2",
            ApiVersion::V2_1 => "V2_1",
            ApiVersion::V3 => "V3",
            ApiVersion::V4 => "V4",
            ApiVersion::V5 => "V5",
            ApiVersion::V6 => "V6",
            ApiVersion::V7 => "V7",
            ApiVersion::V8 => "V8",
        }
    }

    /// Parses `v2`, `v2.1`, `v3` … `v8`, exactly as URLs write them.
    ///
    /// ```
    /// use zoho_spec::ApiVersion;
    /// assert_eq!(ApiVersion::parse("v2.1"), Some(ApiVersion::V2_1));
    /// assert_eq!(ApiVersion::parse("8"), None);
    /// ```
    pub fn parse(text: &str) -> Option<ApiVersion> {
        ApiVersion::ALL.into_iter().find(|v| v.as_str() == text)
    }

    /// A version a user probably meant by a near spelling (`8`, `V8`, `v2_1`), for "did you
    /// mean". Only spellings of real versions are offered: `v9` is not a typo of `v2`.
    pub fn near(text: &str) -> Option<ApiVersion> {
        let normalized = format!("v{}", text.trim_start_matches(['v', 'V']).replace('_', "."));
        ApiVersion::parse(&normalized)
    }

    /// The versions for a message: `` `"v2"`, `"v2.1"`, … `"v8"` ``.
    pub fn listed() -> String {
        crate::listed(ApiVersion::ALL.iter().map(|v| v.as_str()), "`\"", "\"`")
    }
}

impl fmt::Display for ApiVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_spellings() {
        assert_eq!(ApiVersion::near("8"), Some(ApiVersion::V8));
        assert_eq!(ApiVersion::near("V2_1"), Some(ApiVersion::V2_1));
        assert_eq!(ApiVersion::near("v9"), None);
        assert_eq!(
            ApiVersion::listed(),
            "`\"v2\"`, `\"v2.1\"`, `\"v3\"`, `\"v4\"`, `\"v5\"`, `\"v6\"`, `\"v7\"`, `\"v8\"`"
        );
    }
}
