//! The browser shell (wasm32 only): one exported function, `renderInto`, that draws a chart into an element.
//!
//! JavaScript (`www/treaty-charts.js`) owns the custom element's lifecycle, observers and listeners; Rust
//! creates no long-lived closures. Nothing here panics: bad options become a visible, escaped error box in the
//! target element plus one `console.error`, and the function returns `{ ok: false, error }`.

use crate::embed;
use crate::i18n::{Cat, Msg};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::Element;

/// Shows `message` in `target` and prints it once to the console, prefixed by the element it is about: the
/// `data-element` attribute the loader sets on `target` (`<treaty-chart id="a">`), else `<treaty-chart>`.
fn fail_in(target: &Element, cat: &Cat, message: &str) -> String {
    target.set_inner_html(&embed::error_html(cat, message));
    let element = target.get_attribute("data-element").unwrap_or_else(|| "<treaty-chart>".into());
    web_sys::console::error_1(&JsValue::from_str(&format!("{element}: {message}")));
    embed::failure(message).to_json()
}

/// Draws a chart into `target` (its contents are replaced).
///
/// `options` is a flat array of strings, option names and values taking turns, as read from the element's
/// attributes: `["chart", "status", "as-of", "2020-08-03", "width", "640"]`. (An array of strings crosses into
/// Rust without a general-purpose deserializer, which keeps the `.wasm` small.) Returns JSON text for
/// `JSON.parse` ([`embed::EmbedResult::to_json`]):
/// `{ ok: true, chart, as_of, width, height, plot: {x, y, w, h}, hits: [{key, band, at, rule, dots, …}], title, … }`
/// (without the hits' tooltip lines, which a redraw for a new width need not send again; see [`hit_lines`]), or
/// `{ ok: false, error, … }` after showing the error.
#[wasm_bindgen(js_name = renderInto)]
pub fn render_into(target: &Element, options: Vec<JsValue>) -> String {
    let o = match parse(&options) {
        Ok(o) => o,
        // The sentence is in the chart's language; so is the line above it.
        Err(e) => return fail_in(target, &cat_of(&strings(&Cat::en(), &options).unwrap_or_default()), &e),
    };
    let cat = o.cat();
    // Without the tooltip lines, which the element asks for apart (hitLines), once.
    match crate::render_for_element(&o) {
        Ok(r) => {
            target.set_inner_html(&r.body);
            embed::result(&r, &o, &cat).to_json()
        }
        Err(e) => fail_in(target, &cat, &e.message(&cat)),
    }
}

/// The chart as a standalone SVG document (for downloads and printing): the same options as [`render_into`], with
/// the notes in full unless `notes` says otherwise. Throws the sentence of a rejected option.
#[wasm_bindgen(js_name = svgOf)]
pub fn svg_of(options: Vec<JsValue>) -> Result<String, String> {
    let o = parse_standalone(&options)?;
    crate::render(&o).map(|r| r.svg()).map_err(|e| e.message(&o.cat()))
}

/// The tooltip lines of each of the chart's hits, in the order of [`render_into`]'s `hits` (an array of arrays of
/// strings, the first of each the heading), for the same options. The element asks once, when a reader first
/// hovers or focuses the chart; the lines do not depend on the width (tests/charts.rs checks it). Throws the
/// sentence of a rejected option.
#[wasm_bindgen(js_name = hitLines)]
pub fn hit_lines(options: Vec<JsValue>) -> Result<JsValue, String> {
    let o = parse(&options)?;
    let r = crate::render(&o).map_err(|e| e.message(&o.cat()))?;
    let lines: Vec<&Vec<String>> = r.spec.hits.iter().map(|h| &h.lines).collect();
    lines.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| e.to_string())
}

/// The chart's numbers as CSV (the "Get the data" file). Same options as [`render_into`].
#[wasm_bindgen(js_name = csvOf)]
pub fn csv_of(options: Vec<JsValue>) -> Result<String, String> {
    let o = parse_standalone(&options)?;
    crate::render(&o).map(|r| r.csv).map_err(|e| e.message(&o.cat()))
}

/// Options for a standalone file: full notes unless asked otherwise.
fn parse_standalone(options: &[JsValue]) -> Result<crate::options::Options, String> {
    let mut strings = strings(&Cat::en(), options)?;
    if !strings.chunks_exact(2).any(|c| c.first().is_some_and(|k| k == "notes")) {
        strings.extend(["notes".to_string(), "full".to_string()]);
    }
    crate::options::Options::from_pairs_localized(pairs(&strings))
}

/// Loads a language the module was built without: the items of `treaty_charts_<lang>.json` (strings; see
/// [`crate::i18n::catalogue`]), which the loader fetches before the first chart in that language. Returns its tag;
/// throws the reason (a sentence) when they are not a catalogue of this build's messages.
#[wasm_bindgen(js_name = setLocale)]
pub fn set_locale(items: Vec<JsValue>) -> Result<String, String> {
    let strings = items.iter().map(JsValue::as_string).collect::<Option<Vec<String>>>().ok_or("catalogue items must be strings")?;
    crate::i18n::load(strings).map(|l| l.tag().to_string())
}

/// Keeps the world geometry for every map on the page: the bytes of `treaty_charts_world.bin`, which the loader
/// fetches before the first map. Throws the reason (a sentence) if they do not decode, or if this module draws no
/// map (a one-kind build without it carries no geometry decoder; the loader never asks one).
#[wasm_bindgen(js_name = setWorld)]
pub fn set_world(bytes: &[u8]) -> Result<(), String> {
    if !crate::charts::built(crate::charts::map::NAME) {
        return Err("this module draws no map".into());
    }
    crate::geo::set_world(bytes).map_err(|e| e.to_string())
}

/// Checks options without drawing, for a chart that is hidden and has no width to draw at yet, so that a typo is
/// reported at once. Same `options` as [`render_into`]; returns the error sentence, or `undefined` when valid.
#[wasm_bindgen(js_name = checkOptions)]
pub fn check_options(options: Vec<JsValue>) -> Option<String> {
    parse(&options).err()
}

/// The iframe page's query parameters (flat `[name, value, …]`, decoded, in order) → the chart options in them,
/// as a flat array, or the sentence to show (see [`embed::embed_params`]).
#[wasm_bindgen(js_name = embedParams)]
pub fn embed_params(params: Vec<JsValue>) -> Result<Vec<JsValue>, String> {
    let strings = strings(&Cat::en(), &params)?;
    let cat = cat_of(&strings);
    let kept = embed::embed_params(&cat, &pairs(&strings))?;
    Ok(kept.into_iter().flat_map(|(k, v)| [JsValue::from_str(&k), JsValue::from_str(&v)]).collect())
}

/// The catalogue of the language the options name (`lang`, also as `amp;lang` in an address; fr-CA is French), if
/// the charts speak it, else English: for the messages about the options themselves.
fn cat_of(strings: &[String]) -> Cat {
    pairs(strings)
        .iter()
        .find(|(k, _)| {
            let mut k = *k;
            while let Some(rest) = k.strip_prefix("amp;") {
                k = rest;
            }
            k == "lang"
        })
        .and_then(|(_, v)| crate::i18n::Locale::parse(v.trim()))
        .map_or_else(Cat::en, |l| l.cat())
}

/// Flat `[name, value, …]` JS strings → Rust strings, or the sentence to show.
fn strings(cat: &Cat, options: &[JsValue]) -> Result<Vec<String>, String> {
    let Some(strings) = options.iter().map(JsValue::as_string).collect::<Option<Vec<String>>>() else {
        return Err(cat.t(Msg::ErrNotStrings).into());
    };
    if strings.len() % 2 != 0 {
        return Err(cat.t(Msg::ErrNotPairs).into());
    }
    Ok(strings)
}

fn pairs(strings: &[String]) -> Vec<(&str, &str)> {
    strings
        .chunks_exact(2)
        .filter_map(|c| match c {
            [k, v] => Some((k.as_str(), v.as_str())),
            _ => None,
        })
        .collect()
}

/// Flat `[name, value, …]` strings → validated options, or the sentence to show (in the `lang` they ask for).
fn parse(options: &[JsValue]) -> Result<crate::options::Options, String> {
    let strings = strings(&Cat::en(), options)?;
    crate::options::Options::from_pairs_localized(pairs(&strings))
}
