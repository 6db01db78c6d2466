//! What the browser embed needs, as pure functions (tested natively): options from the element's attributes or
//! the iframe page's address, the result object handed to JavaScript, and the visible error box.

use crate::i18n::{Arg, Cat, Msg};
use crate::options::{clip, Opt, OptionError, Options};
use crate::spec::{Rect, Region};
use crate::text::escape_xml;
use crate::Rendered;

/// One tooltip target as JavaScript receives it.
#[derive(Debug, PartialEq)]
pub struct HitOut {
    /// What it stands for: a date, `palermo:party`, an ISO3 code.
    pub key: String,
    /// For a band target: `[x0, x1]` in SVG px (found by the pointer's x).
    pub band: Option<[f64; 2]>,
    /// For a mark target (an element with `data-hit`): its centre `[x, y]` in SVG px, for a touch beside it.
    pub at: Option<[f64; 2]>,
    /// The x of the focus rule, SVG px.
    pub rule: Option<f64>,
    /// Marker dots on the rule: `[y px, class]` (the class gives the role's colour).
    pub dots: Vec<(f64, String)>,
    /// True when the arrow keys stop at it.
    pub walk: bool,
    /// True for a target too small to tap reliably: a touch nearby takes the nearest such one.
    pub small: bool,
}

/// What `renderInto` returns to JavaScript (as JSON text, [`EmbedResult::to_json`]): `ok`, and either the chart's
/// geometry or `error`.
#[derive(Debug, Default)]
pub struct EmbedResult {
    /// False when the options were rejected; `error` then holds the sentence shown in the widget.
    pub ok: bool,
    /// Error sentence (empty when `ok`).
    pub error: String,
    /// Chart kind (a registry name).
    pub chart: String,
    /// As-of date, `YYYY-MM-DD`.
    pub as_of: String,
    /// SVG width and height, px (the drawing's `viewBox`: whole pixels).
    pub width: f64,
    /// See `width`.
    pub height: f64,
    /// Plot area, SVG px.
    pub plot: Rect,
    /// Tooltip targets in keyboard order (empty for charts without tooltips).
    pub hits: Vec<HitOut>,
    /// Headline as drawn.
    pub title: String,
    /// The chart's accessible name (see [`crate::notes::Blocks::label`]): the headline, or for the country card the
    /// state's name with what the card is about. The iframe page's title and the builder's iframe `title`.
    pub label: String,
    /// The chart's numbers in a sentence or two (the start of the SVG's description), which the element reads out
    /// through its live region when the time slider moves the chart to another date.
    pub summary: String,
    /// Accessible name of the interactive chart, with how to use its keys (empty: not interactive).
    pub keys: String,
    /// `aria-roledescription` of the interactive chart.
    pub roledescription: String,
    /// The chart's language (BCP 47).
    pub lang: String,
    /// Class of the focus rule the loader draws (`s4`).
    pub rule_class: String,
    /// Class of the outline of the focus dots on the rule (`s0`).
    pub dot_class: String,
    /// The screen-reader table (HTML, escaped), or empty.
    pub table: String,
    /// The drawing's style sheet (its rules scoped to the SVG's id), adopted by the element as a constructed style
    /// sheet: the inserted SVG has no `<style>` or `style` attribute, which a Content-Security-Policy may block.
    pub css: String,
    /// "About this data": the paragraphs the short notes leave out (empty with full notes, which draw them).
    pub about: Vec<String>,
    /// The label of the disclosure.
    pub about_label: String,
    /// True when the chart draws the world geometry.
    pub world: bool,
    /// The dates a time slider steps through: the end of every year from 1990, the newest date, and the chart's
    /// own date where it is none of these; each `[YYYY-MM-DD, label in the chart's language]`.
    pub steps: Vec<(String, String)>,
    /// The time controls' words, in the chart's language: group label, slider label, play, pause, back, forward.
    pub controls: [String; 6],
}

/// Validates attributes (name, value) into options. Attribute names are the option names.
///
/// # Errors
/// The first [`OptionError`] (including an option given twice).
pub fn options_from_attributes(attrs: &[(&str, &str)]) -> Result<Options, OptionError> {
    Options::from_pairs(attrs.iter().copied())
}

/// The result object for a rendered chart. Its hits carry no tooltip lines: the element asks for every hit's lines
/// (`hitLines`) when a reader first hovers or focuses the chart, not at every redraw.
pub fn result(r: &Rendered, o: &Options, cat: &Cat) -> EmbedResult {
    let hits = r
        .spec
        .hits
        .iter()
        .map(|h| {
            let (band, at) = match h.region {
                Region::Band { x0, x1 } => (Some([x0, x1]), None),
                Region::Mark { cx, cy } => (None, Some([cx, cy])),
            };
            let dots = h.dots.iter().map(|(y, role)| (*y, format!("f{}", role.index()))).collect();
            HitOut { key: h.key.clone(), band, at, rule: h.rule, dots, walk: h.walk, small: h.small }
        })
        .collect();
    EmbedResult {
        ok: true,
        error: String::new(),
        chart: o.chart.name.to_string(),
        as_of: o.as_of.to_string(),
        width: r.spec.width.round(),
        height: r.spec.height.round(),
        plot: r.spec.plot,
        hits,
        title: r.spec.blocks.title.clone(),
        label: r.spec.blocks.label.clone(),
        summary: r.spec.summary.clone(),
        keys: r.spec.keys_label.clone().unwrap_or_default(),
        roledescription: cat.t(Msg::AriaInteractive).to_string(),
        lang: r.spec.lang.to_string(),
        rule_class: format!("s{}", crate::svg::RULE.index()),
        dot_class: format!("s{}", crate::svg::DOT_OUTLINE.index()),
        table: r.spec.table.clone().unwrap_or_default(),
        css: r.css.clone(),
        steps: steps(o.as_of, cat),
        controls: [Msg::ControlsGroup, Msg::SliderLabel, Msg::Play, Msg::Pause, Msg::StepBack, Msg::StepForward].map(|m| cat.t(m).to_string()),
        about: if o.notes == crate::notes::Notes::Short { r.spec.blocks.about.clone() } else { Vec::new() },
        about_label: cat.t(Msg::AboutLead).to_string(),
        world: o.chart.world,
    }
}

impl EmbedResult {
    /// The result as JSON text for `JSON.parse`: an object whose members are the fields, under the same names;
    /// `plot` as `{x, y, w, h}`; each hit as `{key, band: [x0, x1] | null, at: [x, y] | null, rule: x | null,
    /// dots: [[y, class], …], walk, small}`; `steps` as `[[date, label], …]`; coordinates to a tenth of a pixel.
    /// Written by hand: one string crosses into JavaScript, rather than a call per field and a cache of field names
    /// (serde-wasm-bindgen's; about 2.5 KB gzip of the timeline's .wasm, net of this writer), and its few shapes need
    /// no general serializer.
    pub fn to_json(&self) -> String {
        let mut o = String::with_capacity(512 + 80 * self.hits.len() + self.table.len() + self.css.len());
        o.push_str("{\"ok\":");
        o.push_str(if self.ok { "true" } else { "false" });
        for (k, v) in [
            ("error", &self.error),
            ("chart", &self.chart),
            ("as_of", &self.as_of),
            ("title", &self.title),
            ("label", &self.label),
            ("summary", &self.summary),
            ("keys", &self.keys),
            ("roledescription", &self.roledescription),
            ("lang", &self.lang),
            ("rule_class", &self.rule_class),
            ("dot_class", &self.dot_class),
            ("table", &self.table),
            ("css", &self.css),
            ("about_label", &self.about_label),
        ] {
            json_key(&mut o, k);
            json_str(&mut o, v);
        }
        json_key(&mut o, "width");
        json_num(&mut o, self.width);
        json_key(&mut o, "height");
        json_num(&mut o, self.height);
        json_key(&mut o, "world");
        o.push_str(if self.world { "true" } else { "false" });
        json_key(&mut o, "plot");
        let p = self.plot;
        o.push('{');
        for (i, (k, v)) in [("x", p.x), ("y", p.y), ("w", p.w), ("h", p.h)].into_iter().enumerate() {
            if i > 0 {
                o.push(',');
            }
            json_str(&mut o, k);
            o.push(':');
            json_num(&mut o, v);
        }
        o.push('}');
        json_key(&mut o, "about");
        json_strs(&mut o, self.about.iter().map(String::as_str));
        json_key(&mut o, "controls");
        json_strs(&mut o, self.controls.iter().map(String::as_str));
        json_key(&mut o, "steps");
        o.push('[');
        for (i, (date, label)) in self.steps.iter().enumerate() {
            if i > 0 {
                o.push(',');
            }
            json_strs(&mut o, [date.as_str(), label.as_str()]);
        }
        o.push(']');
        json_key(&mut o, "hits");
        o.push('[');
        for (i, h) in self.hits.iter().enumerate() {
            if i > 0 {
                o.push(',');
            }
            o.push_str("{\"key\":");
            json_str(&mut o, &h.key);
            for (k, pair) in [("band", h.band), ("at", h.at)] {
                json_key(&mut o, k);
                match pair {
                    Some([a, b]) => {
                        o.push('[');
                        json_num(&mut o, a);
                        o.push(',');
                        json_num(&mut o, b);
                        o.push(']');
                    }
                    None => o.push_str("null"),
                }
            }
            json_key(&mut o, "rule");
            match h.rule {
                Some(x) => json_num(&mut o, x),
                None => o.push_str("null"),
            }
            json_key(&mut o, "dots");
            o.push('[');
            for (j, (y, class)) in h.dots.iter().enumerate() {
                if j > 0 {
                    o.push(',');
                }
                o.push('[');
                json_num(&mut o, *y);
                o.push(',');
                json_str(&mut o, class);
                o.push(']');
            }
            o.push(']');
            o.push_str(if h.walk { ",\"walk\":true" } else { ",\"walk\":false" });
            o.push_str(if h.small { ",\"small\":true}" } else { ",\"small\":false}" });
        }
        o.push_str("]}");
        o
    }
}

/// `,"k":` (every member but the first, `ok`).
fn json_key(o: &mut String, k: &str) {
    o.push(',');
    json_str(o, k);
    o.push(':');
}

/// A JSON string: `"` and `\` escaped, control characters and the two line separators JavaScript once refused
/// as `\u` escapes.
fn json_str(o: &mut String, s: &str) {
    o.push('"');
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            c if c < ' ' || c == '\u{2028}' || c == '\u{2029}' => {
                o.push_str("\\u");
                crate::text::push_hex(o, u32::from(c), 4, false);
            }
            c => o.push(c),
        }
    }
    o.push('"');
}

/// An array of JSON strings.
fn json_strs<'a>(o: &mut String, items: impl IntoIterator<Item = &'a str>) {
    o.push('[');
    for (i, s) in items.into_iter().enumerate() {
        if i > 0 {
            o.push(',');
        }
        json_str(o, s);
    }
    o.push(']');
}

/// A number to a tenth (coordinates in px; integer arithmetic, so no float formatting enters the .wasm); a value
/// that is not finite, which no chart produces, as 0 rather than invalid JSON.
fn json_num(o: &mut String, v: f64) {
    let tenths = if v.is_finite() { (v * 10.0).round() as i64 } else { 0 };
    if tenths < 0 {
        o.push('-');
    }
    let t = tenths.unsigned_abs();
    o.push_str(&(t / 10).to_string());
    if t % 10 != 0 {
        o.push('.');
        o.push(char::from(b'0' + (t % 10) as u8));
    }
}

/// The dates a time slider steps through (see [`EmbedResult::steps`]).
pub fn steps(as_of: crate::date::Day, cat: &Cat) -> Vec<(String, String)> {
    let newest = crate::data::data_as_of();
    let mut days: Vec<crate::date::Day> =
        (crate::options::FIRST_YEAR..newest.year()).filter_map(|y| crate::date::Day::from_ymd(y, 12, 31).ok()).collect();
    days.push(newest);
    if !days.contains(&as_of) {
        days.push(as_of);
        crate::sort::sort(&mut days);
    }
    days.into_iter().map(|d| (d.to_string(), cat.day(d))).collect()
}

/// The result object for rejected options.
pub fn failure(message: &str) -> EmbedResult {
    EmbedResult { ok: false, error: message.to_string(), ..EmbedResult::default() }
}

/// The visible error box (HTML, message escaped), marked with the language it is written in (a screen reader on a
/// page in another language reads it with the right voice).
pub fn error_html(cat: &Cat, message: &str) -> String {
    format!(
        "<div class=\"tc-error\" role=\"alert\" lang=\"{}\"><strong>{}</strong> {}</div>",
        cat.0.tag,
        escape_xml(cat.t(Msg::ErrorLead)),
        dates_unbroken(&escape_xml(message))
    )
}

/// `html` (escaped text) with each date in a `<span class="nowrap">`, so that a narrow box does not break it at its
/// hyphens (`1990-` / `01-01`): every run of ASCII digits and hyphens that starts with a digit, holds a hyphen and
/// is at least 6 characters long — a valid `YYYY-MM-DD` and the malformed ones a message quotes (`2020-8-3`).
fn dates_unbroken(html: &str) -> String {
    let b = html.as_bytes();
    let (mut out, mut i, mut last) = (String::with_capacity(html.len()), 0, 0);
    while i < b.len() {
        let run = b.get(i..).map_or(0, |rest| rest.iter().take_while(|c| c.is_ascii_digit() || **c == b'-').count());
        let starts = b.get(i).is_some_and(u8::is_ascii_digit) && (i == 0 || b.get(i - 1).is_some_and(|c| !c.is_ascii_digit() && *c != b'-'));
        let hyphen = b.get(i..i + run).is_some_and(|w| w.contains(&b'-'));
        if starts && run >= 6 && hyphen {
            // Digits and hyphens are ASCII, so both ends are character boundaries.
            out.push_str(html.get(last..i).unwrap_or(""));
            out.push_str("<span class=\"nowrap\">");
            out.push_str(html.get(i..i + run).unwrap_or(""));
            out.push_str("</span>");
            i += run;
            last = i;
        } else {
            i += run.max(1);
        }
    }
    out.push_str(html.get(last..).unwrap_or(""));
    out
}

/// Query parameters a CMS or a sharing service adds to addresses: not ours, so ignored rather than refused.
/// Pym.js adds `initialWidth`, `childId`, `parentTitle` and `parentUrl` to the address of the iframes it manages;
/// `_`, `v`, `cb`, `ts` and `nocache` are cache-busters; `height` and `align` are iframe attributes that end up in
/// addresses copied from old embed codes (the chart takes its own height, as the element does).
const IGNORED_PARAMS: [&str; 23] = [
    "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "_ga", "_gl", "igshid", "ref", "v", "cb", "cachebust", "amp",
    "initialWidth", "childId", "parentTitle", "parentUrl", "_", "ts", "nocache", "height", "align",
];

/// The chart options in the iframe page's query parameters (already percent-decoded, in order).
///
/// Tracking parameters (`utm_*`, `fbclid`, …), cache-busters (`v`, `cb`) and Pym.js's own parameters are dropped; `amp;as-of` (an `&amp;`
/// copied from HTML source) is read as `as-of`. Anything else that is not an option, or an option given twice, is
/// refused: an address must not be able to add attributes, styles or event handlers to the page.
///
/// # Errors
/// The sentence to show, naming the parameter and what is valid.
pub fn embed_params(cat: &Cat, params: &[(&str, &str)]) -> Result<Vec<(String, String)>, String> {
    let mut kept: Vec<(String, String)> = Vec::new();
    for (k, v) in params {
        let mut name = *k;
        while let Some(rest) = name.strip_prefix("amp;") {
            name = rest;
        }
        if name.starts_with("utm_") || IGNORED_PARAMS.contains(&name) {
            continue;
        }
        if Opt::parse(name).is_none() {
            // The element's own switches are valid in the address too: `controls` (the time slider) and `eager`
            // (accepted and ignored: the page always draws at once), as the registry lists them.
            let list = Opt::ALL.map(Opt::name).join(", ") + ", " + &crate::options::ELEMENT_ATTRIBUTES.join(", ");
            // "as_of", "date", "Lang": the name it most likely meant, as the element's own message says.
            let suggest = crate::options::meant(name).filter(|m| *m != "eager").map_or_else(String::new, |m| cat.f(Msg::ErrCountrySuggest, &[("list", Arg::Str(m))]));
            return Err(cat.f(Msg::EmbedUnknownParam, &[("name", Arg::Str(&clip(name))), ("suggest", Arg::Str(&suggest)), ("list", Arg::Str(&list))]));
        }
        if kept.iter().any(|(n, _)| n == name) {
            return Err(cat.f(Msg::EmbedRepeatedParam, &[("name", Arg::Str(name))]));
        }
        kept.push((name.to_string(), (*v).to_string()));
    }
    Ok(kept)
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // tests run natively; the .wasm never carries them
mod tests {
    use super::*;

    #[test]
    fn error_box_escapes_the_message() {
        let h = error_html(&Cat::en(), "Invalid chart “<script>alert(1)</script>”.");
        assert!(h.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert_eq!(
            dates_unbroken("Use a date from 1990-01-01 to 2026-02-03, not 2019-02-3 or é2020-01-011"),
            "Use a date from <span class=\"nowrap\">1990-01-01</span> to <span class=\"nowrap\">2026-02-03</span>, not <span class=\"nowrap\">2019-02-3</span> or é<span class=\"nowrap\">2020-01-011</span>"
        );
        assert!(!h.contains("<script>"));
        // A malformed date the message quotes stays whole too; counts and short ranges are left as they are.
        assert_eq!(
            dates_unbroken("“2020-8-3”: 195 states, 1-2, 177–178"),
            "“<span class=\"nowrap\">2020-8-3</span>”: 195 states, 1-2, 177–178"
        );
    }

    #[test]
    fn the_result_is_json_that_javascript_reads_back_exactly() {
        // A custom title with every character JSON must escape, and the timeline's many hits.
        let title = "Quote \" backslash \\ tab \t newline \n nul \u{0} separator \u{2028} <script>é";
        let o = Options::from_pairs([("chart", "timeline"), ("as-of", "2008-09-26"), ("width", "640"), ("chart-title", title), ("lang", "fr")]).unwrap();
        let r = crate::render_with(&o, false).unwrap();
        let res = result(&r, &o, &o.cat());
        let v: serde_json::Value = serde_json::from_str(&res.to_json()).unwrap();
        assert_eq!(v["ok"], true);
        assert_eq!(v["title"], title.trim());
        assert_eq!((v["chart"].as_str(), v["as_of"].as_str(), v["lang"].as_str()), (Some("timeline"), Some("2008-09-26"), Some("fr")));
        assert_eq!((v["width"].as_f64(), v["height"].as_f64()), (Some(640.0), Some(r.spec.height.round())));
        assert_eq!(v["table"], res.table.as_str());
        assert_eq!(v["css"], res.css.as_str());
        assert_eq!(v["steps"].as_array().unwrap().len(), res.steps.len());
        assert_eq!(v["steps"][0], serde_json::json!(["1990-12-31", res.steps[0].1]));
        let hits = v["hits"].as_array().unwrap();
        assert_eq!(hits.len(), res.hits.len());
        for (j, h) in hits.iter().zip(&res.hits) {
            assert_eq!(j["key"], h.key.as_str());
            let [x0, x1] = h.band.unwrap();
            // To a tenth of a pixel.
            assert!((j["band"][0].as_f64().unwrap() - x0).abs() <= 0.05 && (j["band"][1].as_f64().unwrap() - x1).abs() <= 0.05, "{j}");
            assert!(j["at"].is_null() && j["rule"].is_number() && j["walk"] == true && j["small"] == false, "{j}");
            assert_eq!(j["dots"].as_array().unwrap().len(), h.dots.len());
        }
        // The status chart's marks are points, not bands; a refused option is `ok: false` with its sentence.
        let o = Options::from_pairs([("chart", "status"), ("width", "375")]).unwrap();
        let r = crate::render_with(&o, false).unwrap();
        let v: serde_json::Value = serde_json::from_str(&result(&r, &o, &o.cat()).to_json()).unwrap();
        assert!(v["hits"][0]["band"].is_null() && v["hits"][0]["at"][1].is_number() && v["hits"][0]["rule"].is_null());
        let v: serde_json::Value = serde_json::from_str(&failure("Invalid “x”.").to_json()).unwrap();
        assert_eq!((v["ok"].as_bool(), v["error"].as_str(), v["hits"].as_array().map(Vec::len)), (Some(false), Some("Invalid “x”."), Some(0)));
    }

    #[test]
    fn embed_addresses_take_only_options() {
        let c = Cat::en();
        let ok = embed_params(&c, &[("chart", "status"), ("amp;as-of", "2014-04-08"), ("utm_source", "x"), ("v", "3"), ("_", "1733"), ("height", "600")]).unwrap();
        assert_eq!(ok, [("chart".to_string(), "status".to_string()), ("as-of".to_string(), "2014-04-08".to_string())]);
        let e = embed_params(&c, &[("chart", "status"), ("onclick", "alert(1)")]).unwrap_err();
        assert!(e.starts_with("Unknown parameter “onclick” in the embed address. Valid parameters: chart, as-of"), "{e}");
        let e = embed_params(&c, &[("as_of", "2020-08-03")]).unwrap_err();
        assert!(e.starts_with("Unknown parameter “as_of” in the embed address. Did you mean as-of? Valid parameters:"), "{e}");
        let e = embed_params(&c, &[("chart", "status"), ("chart", "timeline")]).unwrap_err();
        assert_eq!(e, "The parameter “chart” is given more than once in the embed address. Give each once.");
    }
}
