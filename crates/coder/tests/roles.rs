//! Statements of a change of role, reported apart from events so that the
//! world model can use them.

use statecraft_coder::{Coder, Options, RoleChange};
use statecraft_text::{Date, Layout, Story};

fn roles(coder: &mut Coder, date: (i32, u32, u32), text: &str) -> Vec<RoleChange> {
    let story = Story::new(
        "roles",
        Date::from_ymd(date.0, date.1, date.2).unwrap(),
        text,
        Layout::Prose,
    );
    coder.code(&story).roles
}

/// (story date, text, expected (actor, role, code, change, date, precision);
/// None: no role change).
type Case = (
    (i32, u32, u32),
    &'static str,
    Option<(
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
    )>,
);

#[rustfmt::skip]
const CASES: &[Case] = &[
    ((2025, 2, 11), "Ahmed al-Sharaa, leader of the Islamist militant group Hayat Tahrir al-Sham, ousted Assad's dictatorship in December and assumed power as interim president.",
     Some(("Ahmed al-Sharaa", "interim president", "SYRGOV", "start", "2024-12-01", "month"))),
    ((2025, 6, 5), "Lee Jae-myung was sworn in as president of South Korea on Wednesday.",
     Some(("Lee Jae-myung", "president of South Korea", "KORGOV", "start", "2025-06-04", "day"))),
    ((2025, 2, 11), "Asaad Hamdan, Syria's interim foreign minister, resigned as foreign minister on Monday.",
     Some(("Asaad Hamdan", "foreign minister", "SYRGOV", "end", "2025-02-10", "day"))),
    ((2025, 2, 11), "Putin took office as president in May 2000.",
     Some(("Putin", "president", "RUSGOV", "start", "2000-05-01", "month"))),
    ((2025, 2, 11), "Lee became the first president to visit Pyongyang.", None),
    ((2025, 2, 11), "Egypt's interim leader, Adly Mansour, who was appointed to replace toppled President Mohammed Morsi, met Putin.", None),
    ((2025, 2, 11), "Daniel Kurtzer, who was appointed by former President Barack Obama, flew to Cairo.", None),
    ((2025, 2, 11), "Putin said he took over as president shortly before the war.", None),
    ((2025, 2, 11), "Jordan's ambassador Omar Haddad of Amman, who became foreign minister of Jordan in March, visited Damascus.",
     Some(("Omar Haddad", "foreign minister of Jordan", "JORGOV", "start", "2024-03-01", "month"))),
    ((2025, 2, 11), "Pablo Glas, Ecuador's intelligence chief, resigned as head of military intelligence last month.",
     Some(("Pablo Glas", "head", "ECUMIL", "end", "2025-01-01", "month"))),
    ((2025, 2, 11), "Putin met Erdogan in Ankara on Monday.", None),
    ((2025, 2, 11), "The president assumed power as the war began.", None),
];

#[test]
fn role_change_table() {
    let (dict, _) = statecraft_dict::bundled();
    let mut coder = Coder::new(dict, Options::statecraft());
    let mut failures = Vec::new();
    for &(date, text, want) in CASES {
        let got = roles(&mut coder, date, text);
        let got: Vec<_> = got
            .iter()
            .map(|r| {
                (
                    r.actor.as_str(),
                    r.role.as_str(),
                    r.code.as_str(),
                    r.change,
                    r.date.to_string(),
                    r.date_precision.as_str(),
                )
            })
            .collect();
        let ok = match want {
            None => got.is_empty(),
            Some((a, role, code, change, d, p)) => got
                .iter()
                .any(|g| g == &(a, role, code, change, d.to_string(), p)),
        };
        if !ok {
            failures.push(format!("{text}\n    want {want:?}\n    got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
