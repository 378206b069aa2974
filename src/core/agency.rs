//! News agencies, the names copy credits them by, and how to recognise those names.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// The agency a passage of copy is credited to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Agency {
    /// Reuters (Thomson Reuters).
    Reuters,
    /// Agence France-Presse.
    Afp,
    /// The Associated Press.
    Ap,
    /// Deutsche Presse-Agentur.
    Dpa,
    /// Agenzia Nazionale Stampa Associata.
    Ansa,
    /// Agencia EFE.
    Efe,
    /// Xinhua News Agency.
    Xinhua,
    /// PA Media (the Press Association).
    Pa,
    /// Another agency, by the name the copy gives it (e.g. "NTB").
    Other(String),
    /// No credit found.
    #[default]
    Unknown,
}

/// The agencies Factdesk knows by name, with every name copy uses for them (compared
/// without regard to case).
const KNOWN_NAMES: [(Agency, &[&str]); 8] = [
    (Agency::Reuters, &["reuters", "thomson reuters"]),
    (
        Agency::Afp,
        &["afp", "agence france-presse", "agence france presse"],
    ),
    (
        Agency::Ap,
        &["ap", "associated press", "the associated press"],
    ),
    (Agency::Dpa, &["dpa", "deutsche presse-agentur"]),
    (Agency::Ansa, &["ansa"]),
    (Agency::Efe, &["efe", "agencia efe"]),
    (Agency::Xinhua, &["xinhua", "xinhua news agency"]),
    (
        Agency::Pa,
        &[
            "pa",
            "pa media",
            "press association",
            "the press association",
        ],
    ),
];

impl Agency {
    /// The agencies known by name, in the order pickers list them.
    pub fn known() -> impl Iterator<Item = Self> {
        KNOWN_NAMES.into_iter().map(|(agency, _)| agency)
    }

    /// The agency a name stands for, if it is one Factdesk knows ("Agence
    /// France-Presse", "AFP", "Thomson Reuters").
    pub fn from_known_name(name: &str) -> Option<Self> {
        let name = name.trim().trim_end_matches('.').to_lowercase();
        KNOWN_NAMES
            .into_iter()
            .find(|(_, names)| names.contains(&name.as_str()))
            .map(|(agency, _)| agency)
    }

    /// The agency a name stands for: a known one, or `Other` with the name as given.
    /// Empty names are `Unknown`.
    pub fn from_name(name: &str) -> Self {
        let name = name.trim();
        if name.is_empty() {
            return Self::Unknown;
        }
        Self::from_known_name(name).unwrap_or_else(|| Self::Other(name.to_owned()))
    }

    /// The name an editor reads: "Reuters", "AFP", "dpa", the other agency's own name.
    pub fn label(&self) -> Cow<'_, str> {
        Cow::Borrowed(match self {
            Self::Reuters => "Reuters",
            Self::Afp => "AFP",
            Self::Ap => "AP",
            Self::Dpa => "dpa",
            Self::Ansa => "ANSA",
            Self::Efe => "EFE",
            Self::Xinhua => "Xinhua",
            Self::Pa => "PA",
            Self::Other(name) => return Cow::Borrowed(name),
            Self::Unknown => "unknown",
        })
    }

    /// Whether a credit was found at all.
    pub fn is_known(&self) -> bool {
        *self != Self::Unknown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agencies_are_recognised_by_any_of_their_names() {
        assert_eq!(Agency::from_name("Agence France-Presse"), Agency::Afp);
        assert_eq!(Agency::from_name("  Thomson Reuters "), Agency::Reuters);
        assert_eq!(Agency::from_name("Associated Press"), Agency::Ap);
        assert_eq!(Agency::from_name("NTB"), Agency::Other("NTB".to_owned()));
        assert_eq!(Agency::from_name(""), Agency::Unknown);
        assert_eq!(Agency::from_known_name("Acme News"), None);
    }

    #[test]
    fn other_agencies_keep_their_name() {
        assert_eq!(Agency::Other("TT".to_owned()).label(), "TT");
        assert_eq!(Agency::Dpa.label(), "dpa");
    }
}
