//! The message catalogue: every key has a template in every locale, templates are well formed, and every locale
//! uses the same placeholders for a key (a translation cannot drop a number or a name).
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
    let en = Locale::En.cat();
    for l in Locale::ALL {
        let cat = l.cat();
        for m in Msg::ALL {
            assert_eq!(placeholders(cat.t(*m)), placeholders(en.t(*m)), "{}: {m:?}", l.tag());
        }
    }
}
