//! The message catalogue: every key has a template in every locale, templates are well formed, and every locale
//! uses the same placeholders for a key (a translation cannot drop a number or a name).
#![allow(clippy::disallowed_methods)] // native only: the methods clippy.toml refuses keep the .wasm small; this never enters it
#![allow(clippy::unwrap_used)]

use treaty_charts::i18n::{placeholders, Locale, Msg};

fn balanced(t: &str) -> bool {
    let mut depth = 0i32;
    for c in t.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            return false;
        }
    }
    depth == 0
}

#[test]
fn every_message_has_a_well_formed_template_in_every_locale() {
    assert!(Msg::ALL.len() > 100, "{} keys", Msg::ALL.len());
    for l in Locale::ALL {
        let cat = l.cat();
        for m in Msg::ALL {
            let t = cat.t(*m);
            assert!(!t.trim().is_empty(), "{}: {m:?} is empty", l.tag());
            assert!(balanced(t), "{}: {m:?} has unbalanced braces: {t}", l.tag());
            assert!(!t.contains("  "), "{}: {m:?} has a double space: {t}", l.tag());
        }
    }
}

#[test]
fn every_locale_uses_the_same_placeholders() {
    // `{treaty}` (the name) and `{t|palermo=…|icrmw=…}` (a choice by treaty, for a language whose articles and
    // prepositions depend on which treaty it is) say the same thing: either stands for the treaty.
    let facts = |t: &str| {
        let mut v = placeholders(t);
        for p in &mut v {
            if p == "t" {
                *p = "treaty".to_string();
            }
        }
        v.sort();
        v.dedup();
        v
    };
    let en = Locale::En.cat();
    for l in Locale::ALL {
        let cat = l.cat();
        for m in Msg::ALL {
            assert_eq!(facts(cat.t(*m)), facts(en.t(*m)), "{}: {m:?}", l.tag());
        }
    }
}

#[test]
fn every_message_is_translated() {
    // Words that are the same in French as in English; templates of placeholders and punctuation only.
    const SAME_FR: [Msg; 6] = [Msg::KindRatification, Msg::KindSuccession, Msg::RegionEurope, Msg::PalermoTag, Msg::ColParties, Msg::Pause];
    const SAME_ES: [Msg; 5] = [Msg::PalermoTag, Msg::RegionAsia, Msg::SubMelanesia, Msg::SubMicronesia, Msg::CoverageStatusNo];
    let words = |t: &str| {
        let mut depth = 0;
        t.chars().any(|c| {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
            depth == 0 && c.is_alphabetic()
        })
    };
    let en = Locale::En.cat();
    for l in Locale::ALL.into_iter().filter(|l| *l != Locale::En) {
        let cat = l.cat();
        let same: &[Msg] = if l == Locale::Fr { &SAME_FR } else { &SAME_ES };
        let untranslated: Vec<&Msg> =
            Msg::ALL.iter().filter(|m| !same.contains(m) && words(en.t(**m)) && cat.t(**m) == en.t(**m)).collect();
        assert!(untranslated.is_empty(), "{}: not translated: {untranslated:?}", l.tag());
    }
}

#[test]
fn numbers_and_dates_read_as_each_language_writes_them() {
    use treaty_charts::date::Day;
    use treaty_charts::i18n::Arg;
    let d = Day::parse("2020-08-03").unwrap();
    let first = Day::parse("2026-02-01").unwrap();
    let (en, fr, es) = (Locale::En.cat(), Locale::Fr.cat(), Locale::Es.cat());
    assert_eq!((en.num(1234), fr.num(1234), es.num(1234)), ("1,234".into(), "1\u{202f}234".into(), "1.234".into()));
    assert_eq!((en.day_long(d), fr.day_long(d), es.day_long(d)), ("3\u{a0}August\u{a0}2020".into(), "3\u{a0}août\u{a0}2020".into(), "3\u{a0}de\u{a0}agosto\u{a0}de\u{a0}2020".into()));
    assert_eq!(fr.day(first), "1er\u{a0}févr.\u{a0}2026");
    assert_eq!((en.tenths(135), fr.tenths(135), es.tenths(135)), ("13.5%".into(), "13,5\u{202f}%".into(), "13,5\u{a0}%".into()));
    assert_eq!(es.list(&["España", "Italia"]), "España e Italia");
    assert_eq!(fr.f(Msg::Million, &[("n", Arg::Dec(15))]), "1,5\u{a0}million");
    assert_eq!(fr.f(Msg::Million, &[("n", Arg::Dec(23))]), "2,3\u{a0}millions");
    assert_eq!((fr.name("DEU"), es.name("DEU"), en.name("DEU")), ("Allemagne", "Alemania", "Germany"));
}

#[test]
fn a_fetched_catalogue_gives_the_same_messages_names_and_formats() {
    use treaty_charts::date::Day;
    use treaty_charts::i18n::{catalogue, from_catalogue, Cat};
    for l in Locale::ALL.into_iter().filter(|l| !l.in_browser_modules()) {
        let items = catalogue(l);
        let (back, data) = from_catalogue(items.clone()).unwrap();
        assert_eq!(back, l);
        let (built, fetched) = (l.cat(), Cat(Box::leak(Box::new(data))));
        for m in Msg::ALL {
            assert_eq!(fetched.t(*m), built.t(*m), "{l:?} {m:?}");
        }
        for iso3 in ["CIV", "DEU", "TUR", "PHL", "EUU", "XKX"] {
            assert_eq!(fetched.name(iso3), built.name(iso3), "{l:?} {iso3}");
        }
        let day = Day::from_ymd(2020, 8, 1).unwrap();
        assert_eq!((fetched.num(304_021_813), fetched.tenths(135), fetched.day(day), fetched.day_long(day)),
                   (built.num(304_021_813), built.tenths(135), built.day(day), built.day_long(day)));
        assert_eq!(fetched.list(&["Mali", "Italia"]), built.list(&["Mali", "Italia"]));
        assert_eq!(fetched.plural(0), built.plural(0));
        // A catalogue of other keys (an older file in a cache), or damaged, is refused with a reason.
        let mut old = items.clone();
        old[1] = "1".into();
        assert!(from_catalogue(old).unwrap_err().contains("other message keys"));
        assert!(from_catalogue(items[..items.len() - 1].to_vec()).unwrap_err().contains("number of items"));
        assert!(from_catalogue(vec!["x".into()]).is_err());
    }
}

/// The library's sources (not the locales, the CLI or tests), by path under `src/`.
fn library_sources() -> Vec<(String, String)> {
    fn walk(dir: &std::path::Path, root: &std::path::Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let rel = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
            if path.is_dir() {
                if rel != "i18n" && rel != "bin" {
                    walk(&path, root, out);
                }
            } else if rel.ends_with(".rs") {
                out.push((rel, std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    walk(&root, &root, &mut out);
    out
}

/// The names `Msg::Name` that `source` mentions.
fn msg_names(source: &str) -> std::collections::BTreeSet<String> {
    source
        .split("Msg::")
        .skip(1)
        .map(|rest| rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect::<String>())
        .filter(|n| n.chars().next().is_some_and(|c| c.is_ascii_uppercase()))
        .collect()
}

#[test]
fn a_message_only_one_chart_names_is_left_out_of_the_other_kinds_modules() {
    let sources = library_sources();
    let kinds: Vec<&str> = treaty_charts::charts::names();
    // Chart modules never use each other (shared words and keys live in charts/mod.rs), so that a message only
    // charts/<kind>.rs names is that kind's alone.
    for kind in &kinds {
        let (_, src) = sources.iter().find(|(p, _)| *p == format!("charts/{kind}.rs")).unwrap();
        for other in kinds.iter().filter(|o| *o != kind) {
            let pattern = format!("{other}::");
            let uses = src.match_indices(&pattern).filter(|(i, _)| {
                !src[..*i].chars().next_back().is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
            });
            assert_eq!(uses.count(), 0, "charts/{kind}.rs uses charts/{other}.rs: move what they share to charts/mod.rs");
        }
    }
    // Which files name each message.
    let mut by: std::collections::BTreeMap<String, Vec<&str>> = Default::default();
    for (path, src) in &sources {
        for m in msg_names(src) {
            by.entry(m).or_default().push(path);
        }
    }
    // en.rs: `Msg::Name => const { only("kind", "…") }` for every message that only charts/<kind>.rs names.
    let en = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/i18n/en.rs")).unwrap();
    let mut wrapped = std::collections::BTreeMap::new();
    for part in en.split("Msg::").skip(1) {
        let name: String = part.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        if let Some(rest) = part.strip_prefix(&format!("{name} => const {{ only(\"")) {
            wrapped.insert(name, rest.chars().take_while(|c| *c != '"').collect::<String>());
        }
    }
    assert!(wrapped.len() > 100, "{} messages are one chart's", wrapped.len());
    for m in Msg::ALL {
        let name = format!("{m:?}");
        let files = by.get(&name).cloned().unwrap_or_default();
        let own = match files.as_slice() {
            [one] => one.strip_prefix("charts/").and_then(|f| f.strip_suffix(".rs")).filter(|k| kinds.contains(k)),
            _ => None,
        };
        assert_eq!(wrapped.get(&name).map(String::as_str), own, "{name} is named in {files:?}: in en.rs, wrap it in only() exactly when one chart's module alone names it");
    }
}
