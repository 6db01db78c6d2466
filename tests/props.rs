//! Property tests: hostile and malformed input never panics, and every error names the field and the value.
//!
//! - Options (every attribute, arbitrary strings and numbers): 10,000 cases of parsing; 1,000 valid option sets
//!   drawn, each SVG well-formed XML with no markup from the input.
//! - Rows of `treaty_actions.csv`: arbitrary fields, and malformed rows of each kind (impossible dates, a signature
//!   after the deposit, duplicate and unknown codes, empty names, 100,000-character fields).
//! - The importer: the real records cut short or with random text spliced in, and arbitrary bytes.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
#![allow(clippy::disallowed_methods)] // a test: the methods clippy.toml refuses keep the .wasm small; this never enters it

use proptest::prelude::*;
use treaty_charts::data::Treaty;
use treaty_charts::options::{Opt, Options};
use treaty_charts::rows::{self, ACTION_COLUMNS};

/// Strings an attacker or a careless CMS might write: anything, markup, long runs, numbers, dates.
fn hostile() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[<>&\"'=/ a-z]{0,40}",
        Just("<script>alert(1)</script>".to_string()),
        Just("\"><svg onload=alert(1)>".to_string()),
        Just("javascript:alert(1)".to_string()),
        Just("</style><script>x</script>".to_string()),
        Just("]]><!--".to_string()),
        Just("\u{202e}evil\u{202c}".to_string()),
        "[0-9]{1,6}",
        "-?[0-9]{1,4}\\.[0-9]{1,3}",
        "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        "[A-Za-z]{2,4}(,[A-Za-z]{2,4}){0,10}",
        (1usize..3).prop_map(|n| "x".repeat(n * 50_000)),
    ]
}

fn option_name() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(Opt::ALL.iter().map(|o| o.name().to_string()).collect::<Vec<_>>()),
        1 => "[a-z-]{1,12}",
        1 => any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn options_never_panic_and_errors_name_the_option(pairs in proptest::collection::vec((option_name(), hostile()), 0..5)) {
        let refs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        if let Err(e) = Options::from_pairs(refs.iter().copied()) {
            let msg = e.to_string();
            prop_assert!(!msg.is_empty());
            // The message names one of the options given (or, for a country chart without one, the option it needs).
            prop_assert!(refs.iter().any(|(k, _)| msg.contains(&treaty_charts::options::clip(k))) || msg.contains("country"), "{msg}");
            // A message is text: never longer than a clipped value allows, never raw markup from the input.
            prop_assert!(msg.chars().count() < 2_000, "{} chars", msg.chars().count());
        }
    }
}

/// A valid option set: any chart, date, width, language, theme, notes, and the options its chart takes.
fn valid_options() -> impl Strategy<Value = Vec<(String, String)>> {
    let charts: Vec<&'static str> = treaty_charts::charts::names();
    let states: Vec<&'static str> = treaty_charts::model::Model::get().un_states().map(|s| s.iso3()).collect();
    (
        proptest::sample::select(charts),
        (1990i32..=2026, 1u8..=12, 1u8..=28),
        280u32..=2400,
        proptest::sample::select(vec!["en", "fr", "es"]),
        proptest::sample::select(vec!["light", "dark", "auto"]),
        proptest::sample::select(vec!["short", "full"]),
        proptest::sample::select(states.clone()),
        proptest::collection::vec(proptest::sample::select(states), 0..4),
        proptest::sample::select(vec!["palermo", "icrmw", "both"]),
        hostile(),
    )
        .prop_map(|(chart, (y, m, d), width, lang, theme, notes, country, highlight, treaty, title)| {
            let date = if y == 2026 { "2026-02-03".to_string() } else { format!("{y}-{m:02}-{d:02}") };
            let mut o = vec![
                ("chart".to_string(), chart.to_string()),
                ("as-of".to_string(), date),
                ("width".to_string(), width.to_string()),
                ("lang".to_string(), lang.to_string()),
                ("theme".to_string(), theme.to_string()),
                ("notes".to_string(), notes.to_string()),
            ];
            let takes = |opt: &str| treaty_charts::charts::find(chart).is_some_and(|c| c.options.iter().any(|x| x.name() == opt));
            if takes("country") {
                o.push(("country".into(), country.to_string()));
            }
            if takes("highlight") && !highlight.is_empty() {
                o.push(("highlight".into(), highlight.join(",")));
            }
            if takes("treaty") {
                o.push(("treaty".into(), treaty.to_string()));
            }
            let title: String = title.chars().take(200).collect();
            if !title.trim().is_empty() {
                o.push(("chart-title".into(), title));
            }
            o
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn valid_options_always_draw_well_formed_svg(o in valid_options()) {
        let parsed = Options::from_pairs(o.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        let parsed = match parsed {
            Ok(p) => p,
            // A headline with a control character or of only white space is refused or ignored; nothing else.
            Err(e) => { prop_assert!(e.to_string().contains("chart-title"), "{e}"); return Ok(()); }
        };
        let r = treaty_charts::render(&parsed).unwrap();
        let svg = r.svg();
        let doc = roxmltree::Document::parse(&svg);
        prop_assert!(doc.is_ok(), "{:?}", doc.err());
        let doc = doc.unwrap();
        // No element or attribute that could run anything.
        for n in doc.descendants().filter(|n| n.is_element()) {
            prop_assert!(!matches!(n.tag_name().name(), "script" | "foreignObject" | "iframe" | "object"), "{}", n.tag_name().name());
            for a in n.attributes() {
                prop_assert!(!a.name().starts_with("on"), "{}", a.name());
                prop_assert!(!a.value().trim_start().to_ascii_lowercase().starts_with("javascript:"), "{}", a.value());
            }
        }
        prop_assert!(r.spec.height > 0.0 && r.spec.width >= 280.0);
    }
}

/// A field of a row: usually plausible, sometimes anything.
fn field(plausible: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(plausible).prop_map(str::to_string),
        1 => any::<String>(),
        1 => "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        1 => Just("x".repeat(100_000)),
        1 => Just(String::new()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 5_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn rows_never_panic_and_errors_name_field_and_value(
        f in (
            field(&["palermo", "icrmw", "Palermo", "treaty"]),
            field(&["Albania", "Côte d'Ivoire", " ", "European Union"]),
            field(&["ALB", "EUU", "alb", "XXX", "AL", "ALBA"]),
            field(&["", "2000-12-12", "2019-02-29", "2020-02-29", "2001-13-01", "1899-12-31"]),
            field(&["", "2002-08-21", "2000-04-31", "2100-01-01", "2002-8-21"]),
            field(&["", "ratification", "accession", "acceptance", "approval", "succession", "signature", "a"]),
            field(&["untc-2026-02-03", "", "us-tip-report-2020"]),
        ),
        extra in proptest::collection::vec(any::<String>(), 0..2),
    ) {
        let mut fields = vec![f.0, f.1, f.2, f.3, f.4, f.5, f.6];
        fields.extend(extra);
        let refs: Vec<&str> = fields.iter().map(String::as_str).collect();
        match rows::action_row(7, &refs) {
            Ok(r) => {
                // What passes is what the build accepts: a known treaty, a code of three capitals, real dates,
                // a deposit never before its signature, and a row that is a signature or a consent or both.
                prop_assert!(rows::TREATY_TAGS.contains(&r.treaty));
                prop_assert!(r.iso3.len() == 3 && r.iso3.bytes().all(|b| b.is_ascii_uppercase()));
                if let (Some(s), Some(a)) = (r.signature, r.action) { prop_assert!(s <= a); }
                prop_assert!(r.signature.is_some() || r.action_type.is_some());
                prop_assert!(r.action.is_none() || r.action_type.is_some());
                prop_assert_eq!(rows::action_row(7, &r.fields().iter().map(String::as_str).collect::<Vec<_>>()), Ok(r.clone()));
            }
            Err(e) => {
                let msg = e.to_string();
                prop_assert!(msg.starts_with("line 7: "), "{msg}");
                prop_assert!(e.field == "row" || ACTION_COLUMNS.contains(&e.field), "{}", e.field);
                prop_assert!(msg.contains(e.field), "{msg}");
                prop_assert!(msg.contains(&e.value), "{msg}");
                // The value shown is clipped and printable, however long or odd the field.
                prop_assert!(e.value.chars().count() <= 81 || e.field == "row" && e.value.chars().count() <= 81);
                prop_assert!(!e.value.chars().any(char::is_control), "{:?}", e.value);
            }
        }
    }
}

#[test]
fn each_kind_of_malformed_row_is_named() {
    let row = |f: [&str; 7]| rows::action_row(12, &f).unwrap_err().to_string();
    assert_eq!(row(["icrmw", "Albania", "ALB", "", "2019-02-29", "accession", "s"]), "line 12: action_date “2019-02-29”: February 2019 has 28 days");
    assert_eq!(row(["icrmw", "Albania", "ALB", "", "2019-13-01", "accession", "s"]), "line 12: action_date “2019-13-01”: the month must be 01 to 12");
    assert_eq!(
        row(["icrmw", "Albania", "ALB", "2010-05-05", "2009-01-01", "ratification", "s"]),
        "line 12: action_date “2009-01-01”: before the signature (2010-05-05): a deposit cannot precede its signature"
    );
    assert_eq!(row(["icrmw", "", "ALB", "", "2009-01-01", "accession", "s"]), "line 12: participant “”: empty; give the name as the UN Treaty Collection writes it");
    assert!(row(["icrmw", "Albania", "Alb", "", "2009-01-01", "accession", "s"]).starts_with("line 12: iso3 “Alb”: use an ISO 3166-1 alpha-3 code"));
    let long = "y".repeat(100_000);
    let e = row(["icrmw", &long, "ALB", "", "2009-01-01", "accession", "s"]);
    assert!(e.starts_with("line 12: participant “yyyy") && e.contains("…”: longer than 200 characters"), "{}", &e[..120]);
    assert!(e.chars().count() < 200);
    // Across rows: the same code twice for one treaty, a code countries.csv lacks, a date before the opening.
    let ok = |line: usize, f: [&str; 7]| (line, rows::action_row(line, &f).unwrap());
    let all = [
        ok(2, ["icrmw", "Albania", "ALB", "", "2007-06-05", "accession", "s"]),
        ok(3, ["icrmw", "Albania", "ALB", "", "2008-06-05", "accession", "s"]),
        ok(4, ["icrmw", "Nowhere", "QQQ", "", "2008-06-05", "accession", "s"]),
        ok(5, ["palermo", "Early", "FRA", "1999-01-01", "", "", "s"]),
    ];
    let known = |c: &str| treaty_charts::data::country(c).is_some();
    let opened = |t: &str| Some(rows::Ymd::parse(if t == "palermo" { "2000-12-12" } else { "1990-12-18" }).unwrap());
    let errors: Vec<String> = rows::check_actions(&all, &known, &opened).iter().map(ToString::to_string).collect();
    assert_eq!(
        errors,
        [
            "line 3: iso3 “ALB”: appears twice for icrmw (also line 2)",
            "line 4: iso3 “QQQ”: not a code in countries.csv",
            "line 5: signature_date “1999-01-01”: before the palermo opened for signature (2000-12-12)",
        ]
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn the_importer_never_panics_on_damaged_records(which in 0usize..3, cut in 0.0f64..1.0, splice in hostile(), at in 0.0f64..1.0, treaty in proptest::bool::ANY) {
        let path = ["tests/fixtures/untc/IV-13-viewdetails-2026-02-03.html", "tests/fixtures/untc/IV-13-mtdsg-2018-01.xml", "tests/fixtures/untc/XVIII-12-a-mtdsg-2018-01.xml"][which];
        let bytes = std::fs::read(path).unwrap();
        let t = if treaty { Treaty::Icrmw } else { Treaty::Palermo };
        // Cut short somewhere.
        let short = &bytes[..(bytes.len() as f64 * cut) as usize];
        let _ = treaty_charts::import::import(t, short, None);
        // Random text spliced in somewhere.
        let i = (bytes.len() as f64 * at) as usize;
        let mut spliced = bytes[..i].to_vec();
        spliced.extend_from_slice(splice.as_bytes());
        spliced.extend_from_slice(&bytes[i..]);
        if let Err(e) = treaty_charts::import::import(t, &spliced, None) {
            prop_assert!(!e.to_string().is_empty());
        }
    }

    #[test]
    fn the_importer_never_panics_on_arbitrary_bytes(b in proptest::collection::vec(any::<u8>(), 0..2_000), prefix in proptest::sample::select(vec!["", "<?xml version=\"1.0\"?>", "<!doctype html><html>"])) {
        let mut bytes = prefix.as_bytes().to_vec();
        bytes.extend(b);
        let _ = treaty_charts::import::import(Treaty::Icrmw, &bytes, None);
    }
}
