//! Actor codes: `SYRGOV`, `USAMIL`, `IGOUNO`, `---GOV`.

use serde::{Deserialize, Serialize};
use std::fmt;

/// An actor code as CAMEO and the Phoenix dictionaries write it: a
/// three-letter country (or international, `IGO`…) code followed by
/// three-letter role codes, or `---` where the country is unknown
/// (`---GOV`: a government, country not yet known).
///
/// Every question about a code's parts goes through these methods, so the
/// conventions (`---`, three-letter chunks) live in one place.
///
/// ```
/// use statecraft_types::ActorCode;
/// let gov = ActorCode::new("SYRGOV");
/// assert_eq!(gov.country(), Some("SYR"));
/// assert_eq!(gov.roles(), "GOV");
/// assert!(gov.has_roles());
/// let someone = ActorCode::new("---GOV");
/// assert_eq!(someone.country(), None);
/// assert!(someone.country_unknown());
/// assert_eq!(someone.with_country("KOR").as_str(), "KORGOV");
/// assert!(gov.same_country(&ActorCode::new("SYR")));
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(value_type = String))]
#[serde(transparent)]
pub struct ActorCode(String);

impl ActorCode {
    /// The marker for an unknown country.
    pub const UNKNOWN: &'static str = "---";
    /// PETRARCH's `[###]`: the phrase discards its sentence.
    pub const DISCARD: &'static str = "###";

    /// A code as written (surrounding whitespace removed).
    pub fn new(code: impl Into<String>) -> ActorCode {
        let code: String = code.into();
        if code.trim().len() == code.len() {
            ActorCode(code)
        } else {
            ActorCode(code.trim().to_string())
        }
    }

    /// `---`: an actor whose country is unknown.
    pub fn unknown() -> ActorCode {
        ActorCode(Self::UNKNOWN.to_string())
    }

    /// The code as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The code as an owned string.
    pub fn into_string(self) -> String {
        self.0
    }

    /// Whether this is the discard marker `###` (or another `#` code).
    pub fn is_discard(&self) -> bool {
        self.0.starts_with('#')
    }

    /// Whether the country part is `---`.
    pub fn country_unknown(&self) -> bool {
        self.0.starts_with(Self::UNKNOWN)
    }

    /// The leading three-letter code (a country, or `IGO`, `NGO`…), unless
    /// it is unknown or the code is shorter than three characters.
    pub fn country(&self) -> Option<&str> {
        country_of(&self.0)
    }

    /// Whether both codes name the same known country.
    pub fn same_country(&self, other: &ActorCode) -> bool {
        matches!((self.country(), other.country()), (Some(a), Some(b)) if a == b)
    }

    /// What follows the country part (`GOV` of `SYRGOV`, `""` of `SYR`);
    /// empty when the first three characters are not ASCII.
    pub fn roles(&self) -> &str {
        match self.0.get(..3) {
            Some(head) if head.is_ascii() => &self.0[3..],
            _ => "",
        }
    }

    /// Whether the code has role parts after its country.
    pub fn has_roles(&self) -> bool {
        !self.roles().is_empty()
    }

    /// The role parts in three-letter chunks (`GOVMIL` → `GOV`, `MIL`).
    pub fn role_chunks(&self) -> impl Iterator<Item = &str> + '_ {
        let r = self.roles();
        (0..r.len() / 3).filter_map(move |i| r.get(i * 3..i * 3 + 3))
    }

    /// Whether the code names a known country with a role after it
    /// (`SYRGOV`, not `SYR` or `---GOV`).
    pub fn is_country_with_roles(&self) -> bool {
        self.has_roles() && !self.country_unknown()
    }

    /// The same roles under `country` (`---GOV` with `KOR` → `KORGOV`).
    pub fn with_country(&self, country: &str) -> ActorCode {
        ActorCode(format!("{country}{}", self.roles()))
    }
}

/// The leading three-letter code of `code`, unless it is `---` or the
/// code is shorter than three characters.
pub fn country_of(code: &str) -> Option<&str> {
    code.get(..3)
        .filter(|c| *c != ActorCode::UNKNOWN && c.bytes().all(|b| b.is_ascii_alphanumeric()))
}

impl fmt::Display for ActorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.0)
    }
}

impl fmt::Debug for ActorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl From<&str> for ActorCode {
    fn from(s: &str) -> ActorCode {
        ActorCode::new(s)
    }
}

impl From<String> for ActorCode {
    fn from(s: String) -> ActorCode {
        ActorCode::new(s)
    }
}

impl PartialEq<str> for ActorCode {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for ActorCode {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl AsRef<str> for ActorCode {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_of_codes() {
        // (code, country, roles, unknown)
        let cases = [
            ("SYRGOV", Some("SYR"), "GOV", false),
            ("SYR", Some("SYR"), "", false),
            ("IGOUNO", Some("IGO"), "UNO", false),
            ("---GOV", None, "GOV", true),
            ("---", None, "", true),
            ("US", None, "", false),
            ("", None, "", false),
            ("É12", None, "", false),
        ];
        for (code, country, roles, unknown) in cases {
            let c = ActorCode::new(code);
            assert_eq!(c.country(), country, "{code}");
            assert_eq!(c.roles(), roles, "{code}");
            assert_eq!(c.country_unknown(), unknown, "{code}");
        }
    }

    #[test]
    fn role_chunks() {
        let code = ActorCode::new("USAGOVMIL");
        let chunks: Vec<&str> = code.role_chunks().collect();
        assert_eq!(chunks, ["GOV", "MIL"]);
    }

    #[test]
    fn codes_serialize_as_strings() {
        let c = ActorCode::new("KORGOV");
        assert_eq!(serde_json::to_string(&c).unwrap(), "\"KORGOV\"");
        assert_eq!(serde_json::from_str::<ActorCode>("\"KORGOV\"").unwrap(), c);
    }
}
