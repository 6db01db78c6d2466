//! Contrast of every colour pair a reader sees, in every theme: text ≥ 4.5:1 (3:1 for large text: 24 px, or
//! 18.66 px bold), marks ≥ 3:1 against what they touch. Text pairs inside the charts are read off the charts
//! themselves (every chart, width and test date), so a new label on a new background is checked as it appears.
#![allow(clippy::unwrap_used)]
#![allow(clippy::disallowed_methods)] // a test: the methods clippy.toml refuses keep the .wasm small; this never enters it

use std::collections::BTreeSet;
use treaty_charts::charts;
use treaty_charts::model::Model;
use treaty_charts::options::Options;
use treaty_charts::theme::{contrast, Role, MARK_PAIRS, TEXT_PAIRS, THEMES};

fn large(size: f64, bold: bool) -> bool {
    size >= 24.0 || (bold && size >= 18.66)
}

#[test]
fn every_text_and_mark_pair_has_enough_contrast_in_every_theme() {
    // (text role, background role, large) as the charts use them.
    let mut pairs: BTreeSet<(Role, Role, bool)> = BTreeSet::new();
    for chart in charts::names() {
        for d in ["1995-06-01", "2003-07-01", "2020-08-03", "2026-02-03"] {
            for w in ["320", "640", "1200"] {
                let mut p = vec![("chart", chart), ("as-of", d), ("width", w)];
                p.extend(charts::find(chart).unwrap().example.iter().copied());
                let o = Options::from_pairs(p).unwrap();
                for t in charts::build(Model::get(), &o).unwrap().texts {
                    pairs.insert((t.color, t.bg, large(t.size, t.bold)));
                }
            }
        }
    }
    assert!(pairs.contains(&(Role::OnParty, Role::IcrmwParty, false)), "the ICRMW bar's numbers are checked");
    pairs.extend(TEXT_PAIRS.iter().map(|(a, b)| (*a, *b, false)));
    let mut failures = Vec::new();
    println!("{:<18} {:<18} {:>7} {:>7}", "text", "on", "light", "dark");
    for (text, bg, big) in &pairs {
        let ratios: Vec<f64> = THEMES.iter().map(|t| contrast(t.color(*text), t.color(*bg))).collect();
        println!("{:<18} {:<18} {:>7.2} {:>7.2}{}", format!("{text:?}"), format!("{bg:?}"), ratios[0], ratios[1], if *big { " (large)" } else { "" });
        let need = if *big { 3.0 } else { 4.5 };
        for (t, r) in THEMES.iter().zip(&ratios) {
            if *r < need {
                failures.push(format!("{} theme: {text:?} on {bg:?} is {r:.2}:1, needs {need}:1", t.name));
            }
        }
    }
    println!("{:<18} {:<18} {:>7} {:>7}", "mark", "against", "light", "dark");
    for (mark, next) in MARK_PAIRS {
        let ratios: Vec<f64> = THEMES.iter().map(|t| contrast(t.color(*mark), t.color(*next))).collect();
        println!("{:<18} {:<18} {:>7.2} {:>7.2}", format!("{mark:?}"), format!("{next:?}"), ratios[0], ratios[1]);
        for (t, r) in THEMES.iter().zip(&ratios) {
            if *r < 3.0 {
                failures.push(format!("{} theme: mark {mark:?} against {next:?} is {r:.2}:1, needs 3:1", t.name));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn auto_carries_both_themes_and_fixed_themes_one() {
    let svg = |theme: &str| {
        let o = Options::from_pairs([("chart", "status"), ("theme", theme)]).unwrap();
        treaty_charts::render(&o).unwrap().svg()
    };
    let ink_light = THEMES[0].color(Role::Ink).hex();
    let ink_dark = THEMES[1].color(Role::Ink).hex();
    let auto = svg("auto");
    assert!(auto.contains(&ink_light) && auto.contains(&ink_dark) && auto.contains("@media screen and (prefers-color-scheme:dark)"));
    let dark = svg("dark");
    assert!(!dark.contains("prefers-color-scheme"));
    // A dark chart prints light: the light colours only inside the print query, after the dark ones.
    let (screen, print) = dark.split_at(dark.find("@media print{").expect("a print rule"));
    assert!(screen.contains(&ink_dark) && !screen.contains(&ink_light), "{screen}");
    assert!(print.contains(&ink_light) && !print.contains(&ink_dark), "{print}");
    // No colour is written anywhere but the style sheet: marks and text carry role classes.
    let body = &dark[dark.find("</style>").unwrap()..];
    assert!(!body.contains("fill=\"#") && !body.contains("stroke=\"#"), "a colour outside the theme");
}
