//! Stage `implied` of the statecraft reading: the authority an act of law
//! implies when a passive names no agent.
//!
//! "Two men were arrested in Baghdad" names no one who arrested them, yet
//! only the police arrest; "a soldier has been charged with murder" is a
//! prosecutor's or court's act. The guide codes a passive whose agent the
//! text "clearly implies", and a court's proceedings are court → defendant
//! (173). Other passives without an agent ("three soldiers were killed")
//! stay uncoded: anyone might have done it.

/// Stems (upper case, as tokens) of verbs only an authority performs in
/// the passive, the role that performs them, and the CAMEO code the act
/// is when it differs from the dictionary's (a criminal charge is 173,
/// not the accusation 112 the dictionary gives "charged"; jailing and
/// detaining are 173, not the 170 of its CONFINE block).
const AUTHORITIES: &[(&str, &str, Option<&str>)] = &[
    ("ARREST", "COP", None),
    ("DETAIN", "COP", Some("173")),
    ("CHARGED", "JUD", Some("173")),
    ("INDICT", "JUD", Some("173")),
    ("PROSECUT", "JUD", Some("173")),
    ("CONVICT", "JUD", Some("116")),
    ("SENTENC", "JUD", None),
    ("JAIL", "JUD", Some("173")),
    ("IMPRISON", "JUD", Some("173")),
    ("DEPORT", "GOV", None),
    ("EXPEL", "GOV", None),
    ("EXTRADIT", "GOV", None),
];

/// The authority implied by a passive act of law.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Authority {
    /// The role that performs the act: police, courts, government.
    pub role: &'static str,
    /// The CAMEO code of the act, where it is not the dictionary's.
    pub code: Option<&'static str>,
}

/// The authority a passive `verb` (its first word, upper case) implies, if
/// the act is one only an authority performs.
pub(crate) fn authority(verb: &str) -> Option<Authority> {
    AUTHORITIES
        .iter()
        .find(|(stem, _, _)| verb.starts_with(stem))
        .map(|&(_, role, code)| Authority { role, code })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (verb, implied role and code): acts of law imply their authority;
    /// violence, seizure and accusation do not.
    #[test]
    fn authorities_of_acts_of_law() {
        type Case<'a> = (&'a str, Option<(&'a str, Option<&'a str>)>);
        let cases: &[Case] = &[
            ("ARRESTED", Some(("COP", None))),
            ("DETAINED", Some(("COP", Some("173")))),
            ("CHARGED", Some(("JUD", Some("173")))),
            ("INDICTED", Some(("JUD", Some("173")))),
            ("PROSECUTED", Some(("JUD", Some("173")))),
            ("SENTENCED", Some(("JUD", None))),
            ("JAILED", Some(("JUD", Some("173")))),
            ("DEPORTED", Some(("GOV", None))),
            ("KILLED", None),
            ("SEIZED", None),
            ("ACCUSED", None),
            ("ABDUCTED", None),
            // "Charge" the verb of attack is no act of law.
            ("CHARGE", None),
        ];
        for (verb, want) in cases {
            let got = authority(verb).map(|a| (a.role, a.code));
            assert_eq!(got, *want, "{verb}");
        }
    }
}
