//! The browser shell (wasm32 only): one exported function, `renderInto`, that draws a chart into an element.
//!
//! JavaScript (`www/treaty-charts.js`) owns the custom element's lifecycle, observers and listeners; Rust
//! creates no long-lived closures. Nothing here panics: bad options become a visible, escaped error box in the
//! target element plus one `console.error`, and the function returns `{ ok: false, error }`.

use crate::embed;
use serde::Serialize;
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;
use web_sys::Element;

fn to_js(r: &embed::EmbedResult) -> JsValue {
    r.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}

fn fail(target: &Element, message: &str) -> JsValue {
    target.set_inner_html(&embed::error_html(message));
    web_sys::console::error_1(&JsValue::from_str(&format!("<treaty-chart>: {message}")));
    to_js(&embed::failure(message))
}

/// Draws a chart into `target` (its contents are replaced).
///
/// `options` is a plain object of strings keyed by option name (`chart`, `as-of`, `width`, `chart-title`), as
/// read from the element's attributes. Returns a plain object: `{ ok: true, chart, as_of, width, height, plot:
/// {x, y, w, h}, hits: [{x, date, lines, dots}], title }`, or `{ ok: false, error }` after showing the error.
#[wasm_bindgen(js_name = renderInto)]
pub fn render_into(target: &Element, options: JsValue) -> JsValue {
    let attrs: BTreeMap<String, String> = match serde_wasm_bindgen::from_value(options) {
        Ok(a) => a,
        Err(e) => return fail(target, &format!("Options must be a map of strings: {e}.")),
    };
    let o = match embed::options_from_attributes(&attrs) {
        Ok(o) => o,
        Err(e) => return fail(target, &e.to_string()),
    };
    match crate::render(&o) {
        Ok(r) => {
            target.set_inner_html(&r.svg);
            to_js(&embed::result(&r, &o))
        }
        Err(e) => fail(target, &e.to_string()),
    }
}
