//! wasm-bindgen tests in headless Chromium: the exported `renderInto` draws into a real element, shows a
//! visible, escaped error for bad options, and never throws.
#![allow(clippy::unwrap_used)] // test helpers unwrap: a failure is the test failing
#![cfg(target_arch = "wasm32")]
#![allow(clippy::disallowed_methods)] // a test: the methods clippy.toml refuses keep the .wasm small; this never enters it

use js_sys::Reflect;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Options as the loader passes them: names and values taking turns.
fn options(pairs: &[(&str, &str)]) -> Vec<JsValue> {
    pairs.iter().flat_map(|(k, v)| [JsValue::from_str(k), JsValue::from_str(v)]).collect()
}

fn get(v: &JsValue, k: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(k)).unwrap()
}

/// `renderInto`'s result as the loader reads it: `JSON.parse` of its text.
fn render_into(el: &web_sys::Element, options: Vec<JsValue>) -> JsValue {
    js_sys::JSON::parse(&treaty_charts::web::render_into(el, options)).unwrap()
}

fn element() -> web_sys::Element {
    // Detached on purpose: rendering must not need document.body (our text is measured in Rust).
    web_sys::window().unwrap().document().unwrap().create_element("div").unwrap()
}

#[wasm_bindgen_test]
fn renders_the_status_chart_with_its_counts() {
    let el = element();
    let r = render_into(&el, options(&[("chart", "status"), ("as-of", "2026-02-03"), ("width", "375")]));
    assert_eq!(get(&r, "ok"), JsValue::TRUE);
    assert_eq!(get(&r, "width").as_f64(), Some(375.0));
    let svg = el.query_selector("svg").unwrap().unwrap();
    assert_eq!(svg.get_attribute("width").as_deref(), Some("375"));
    // As a reader reads it: the no-break spaces that keep a count with its word read as spaces.
    let text = el.text_content().unwrap().replace('\u{a0}', " ");
    // The counts under the bar, each after its key, in the bar's order.
    let at = |part: &str| text.find(part).unwrap_or_else(|| panic!("{part}: {text}"));
    assert!(at("60 parties") < at("11 signed only") && at("11 signed only") < at("124 neither"), "{text}");
    for part in ["180 parties", "2 signed only", "13 neither"] {
        assert!(text.contains(part), "{part}: {text}");
    }
}

#[wasm_bindgen_test]
fn timeline_hits_carry_both_counts() {
    let el = element();
    let r = render_into(&el, options(&[("chart", "timeline"), ("as-of", "2008-09-26"), ("width", "640")]));
    let hits = js_sys::Array::from(&get(&r, "hits"));
    let last = hits.get(hits.length() - 1);
    assert_eq!(get(&last, "key").as_string().as_deref(), Some("2008-09-26"));
    assert!(js_sys::Array::is_array(&get(&last, "band")), "a timeline target is a band");
    // The drawing carries no tooltip lines; hitLines gives every hit's, in the same order.
    assert!(get(&last, "lines").is_undefined());
    let all = js_sys::Array::from(&treaty_charts::web::hit_lines(options(&[("chart", "timeline"), ("as-of", "2008-09-26"), ("width", "640")])).unwrap());
    assert_eq!(all.length(), hits.length());
    let lines: Vec<String> = js_sys::Array::from(&all.get(all.length() - 1)).iter().filter_map(|l| l.as_string()).collect();
    assert!(lines.contains(&"Palermo Protocol: 124 parties, the European Union among them".to_string()), "{lines:?}");
    assert!(lines.contains(&"Migrant Workers Convention: 39 parties".to_string()), "{lines:?}");
}

#[wasm_bindgen_test]
fn bad_options_show_an_escaped_message_and_do_not_throw() {
    for (pairs, needle) in [
        (vec![("chart", "<img src=x onerror=alert(1)>")], "Valid charts: "),
        (vec![("as-of", "2019-02-30")], "February 2019 has 28 days"),
        (vec![("as-of", "1989-12-31")], "before the data starts"),
        (vec![("colour", "red")], "Unknown option “colour”"),
    ] {
        let el = element();
        let r = render_into(&el, options(&pairs));
        assert_eq!(get(&r, "ok"), JsValue::FALSE);
        let alert = el.query_selector("[role=alert]").unwrap().unwrap();
        assert!(alert.text_content().unwrap().contains(needle));
        assert!(el.query_selector("img").unwrap().is_none(), "markup in an option must not become HTML");
    }
    // Not strings, or not in pairs.
    for bad in [vec![JsValue::from_f64(3.0), JsValue::from_str("status")], vec![JsValue::from_str("chart")]] {
        let el = element();
        let r = render_into(&el, bad);
        assert_eq!(get(&r, "ok"), JsValue::FALSE);
        assert!(el.query_selector("[role=alert]").unwrap().is_some());
    }
    // An option given twice is refused, not resolved by guessing.
    let el = element();
    let r = render_into(&el, options(&[("chart", "status"), ("chart", "timeline")]));
    assert!(get(&r, "error").as_string().unwrap().contains("given more than once"));
}

#[wasm_bindgen_test]
fn options_are_checked_without_drawing() {
    assert_eq!(treaty_charts::web::check_options(options(&[("chart", "status"), ("as-of", "2020-08-03")])), None);
    let e = treaty_charts::web::check_options(options(&[("as-off", "2020-08-03")])).unwrap();
    assert_eq!(e, "Unknown option “as-off”. Did you mean as-of? Valid options: chart, as-of, width, chart-title, theme, lang, notes, highlight, controls, eager.");
    // A rejected option is worded in the language the options ask for.
    let fr = treaty_charts::web::check_options(options(&[("lang", "fr"), ("chart", "camembert")])).unwrap();
    assert!(fr.contains("camembert"), "{fr}");
    assert_ne!(fr, treaty_charts::web::check_options(options(&[("chart", "camembert")])).unwrap());
}

#[wasm_bindgen_test]
fn embed_addresses_are_checked_in_rust() {
    let kept = treaty_charts::web::embed_params(options(&[("chart", "status"), ("utm_source", "x")])).unwrap();
    assert_eq!(kept.iter().filter_map(|v| v.as_string()).collect::<Vec<_>>(), ["chart", "status"]);
    let e = treaty_charts::web::embed_params(options(&[("onload", "alert(1)")])).unwrap_err();
    assert!(e.starts_with("Unknown parameter “onload” in the embed address."), "{e}");
}
