//! Zoho's answer codes as a typed enum.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

macro_rules! codes {
    ($( $(#[$doc:meta])* $variant:ident = $text:literal $(| $alias:literal)* ,)*) => {
        /// A code from Zoho's answers (`"code": "INVALID_DATA"`).
        ///
        /// Read case-insensitively; a code this crate does not know yet is kept, as written, in
        /// [`Code::Other`], so a new code never breaks decoding.
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Code {
            $( $(#[$doc])* $variant, )*
            /// A code this version of the crate does not know, as Zoho wrote it.
            Other(String),
        }

        impl Code {
            /// Reads a code; unknown ones become [`Code::Other`].
            pub fn parse(text: &str) -> Code {
                $(
                    if text.eq_ignore_ascii_case($text) $(|| text.eq_ignore_ascii_case($alias))* {
                        return Code::$variant;
                    }
                )*
                Code::Other(text.to_owned())
            }

            /// The code as Zoho writes it: `INVALID_DATA`.
            pub fn as_str(&self) -> &str {
                match self {
                    $( Code::$variant => $text, )*
                    Code::Other(text) => text,
                }
            }
        }
    };
}

codes! {
    /// `SUCCESS`
    Success = "SUCCESS",
    /// `INVALID_MODULE`: the module name is not one of the org's modules.
    InvalidModule = "INVALID_MODULE",
    /// `INVALID_DATA`: a value, an id or the body is not what Zoho expects.
    InvalidData = "INVALID_DATA",
    /// `DUPLICATE_DATA`: a unique field repeats another record's value.
    DuplicateData = "DUPLICATE_DATA",
    /// `MANDATORY_NOT_FOUND`: a required field or parameter is missing.
    MandatoryNotFound = "MANDATORY_NOT_FOUND",
    /// `PATTERN_NOT_MATCHED`
    PatternNotMatched = "PATTERN_NOT_MATCHED",
    /// `INVALID_REQUEST_METHOD`
    InvalidRequestMethod = "INVALID_REQUEST_METHOD",
    /// `REQUIRED_PARAM_MISSING`
    RequiredParamMissing = "REQUIRED_PARAM_MISSING",
    /// `LIMIT_EXCEEDED`: too many records or ids in one call.
    LimitExceeded = "LIMIT_EXCEEDED",
    /// `RECORD_LOCKED`
    RecordLocked = "RECORD_LOCKED",
    /// `NOT_APPROVED`: the record awaits approval.
    NotApproved = "NOT_APPROVED",
    /// `CANNOT_PROCESS`
    CannotProcess = "CANNOT_PROCESS",
    /// `RECORD_IN_BLUEPRINT`
    RecordInBlueprint = "RECORD_IN_BLUEPRINT",
    /// `AUTHORIZATION_FAILED`: the user lacks the privilege.
    AuthorizationFailed = "AUTHORIZATION_FAILED",
    /// `DISCRETE_PAGINATION_LIMIT_EXCEEDED`: past 2,000 records, use `page_token`.
    DiscretePaginationLimitExceeded = "DISCRETE_PAGINATION_LIMIT_EXCEEDED",
    /// `INVALID_TOKEN`: the access token is unknown or expired.
    InvalidToken = "INVALID_TOKEN",
    /// `OAUTH_SCOPE_MISMATCH`: the token lacks a scope the call needs.
    OauthScopeMismatch = "OAUTH_SCOPE_MISMATCH",
    /// `AUTHENTICATION_FAILURE` (some pages spell it `AUTHENTICATION_FAILED`).
    AuthenticationFailure = "AUTHENTICATION_FAILURE" | "AUTHENTICATION_FAILED",
    /// `NO_PERMISSION`
    NoPermission = "NO_PERMISSION",
    /// `FEATURE_NOT_SUPPORTED`
    FeatureNotSupported = "FEATURE_NOT_SUPPORTED",
    /// `INVALID_URL_PATTERN`
    InvalidUrlPattern = "INVALID_URL_PATTERN",
    /// `NOT_FOUND`
    NotFound = "NOT_FOUND",
    /// `ALREADY_MODIFIED`
    AlreadyModified = "ALREADY_MODIFIED",
    /// `TOO_MANY_REQUESTS`: the credit budget or the concurrency limit is spent.
    TooManyRequests = "TOO_MANY_REQUESTS",
    /// `INTERNAL_ERROR`
    InternalError = "INTERNAL_ERROR",
}

impl Code {
    /// Whether the code reports a temporary condition worth retrying.
    pub fn is_transient(&self) -> bool {
        matches!(self, Code::TooManyRequests | Code::InternalError)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Ok(Code::parse(&text))
    }
}
