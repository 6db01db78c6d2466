//! What the browser embed needs, as pure functions (tested natively): options from the element's attributes,
//! the result object handed to JavaScript, and the visible error box.

use crate::options::{OptionError, Options};
use crate::spec::Rect;
use crate::text::escape_xml;
use crate::Rendered;
use serde::Serialize;

/// One tooltip target as JavaScript receives it.
#[derive(Debug, Serialize)]
pub struct HitOut {
    /// Horizontal position in SVG px.
    pub x: f64,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Tooltip lines; the first is the heading.
    pub lines: Vec<String>,
    /// Marker dots: `[y px, colour]`.
    pub dots: Vec<(f64, &'static str)>,
}

/// What `renderInto` returns to JavaScript (a plain object): `ok`, and either the chart's geometry or `error`.
#[derive(Debug, Serialize, Default)]
pub struct EmbedResult {
    /// False when the options were rejected; `error` then holds the sentence shown in the widget.
    pub ok: bool,
    /// Error sentence (empty when `ok`).
    pub error: String,
    /// Chart kind (`timeline`, `status`).
    pub chart: String,
    /// As-of date, `YYYY-MM-DD`.
    pub as_of: String,
    /// SVG width and height, px.
    pub width: f64,
    /// See `width`.
    pub height: f64,
    /// Plot area, SVG px.
    pub plot: Rect,
    /// Tooltip targets sorted by `x` (empty for charts without tooltips).
    pub hits: Vec<HitOut>,
    /// Headline (for the element's accessible name).
    pub title: String,
}

/// Validates attributes (name, value) into options. Attribute names are the option names.
///
/// # Errors
/// The first [`OptionError`] (including an option given twice).
pub fn options_from_attributes(attrs: &[(&str, &str)]) -> Result<Options, OptionError> {
    Options::from_pairs(attrs.iter().copied())
}

/// The result object for a rendered chart.
pub fn result(r: &Rendered, o: &Options) -> EmbedResult {
    EmbedResult {
        ok: true,
        error: String::new(),
        chart: o.chart.name().to_string(),
        as_of: o.as_of.to_string(),
        width: r.spec.width,
        height: r.spec.height,
        plot: r.spec.plot,
        hits: r
            .spec
            .hits
            .iter()
            .map(|h| HitOut { x: h.x, date: h.date.clone(), lines: h.lines.clone(), dots: h.dots.clone() })
            .collect(),
        title: r.spec.blocks.title.clone(),
    }
}

/// The result object for rejected options.
pub fn failure(message: &str) -> EmbedResult {
    EmbedResult { ok: false, error: message.to_string(), ..EmbedResult::default() }
}

/// The visible error box (HTML, message escaped).
pub fn error_html(message: &str) -> String {
    format!(
        "<div class=\"tc-error\" role=\"alert\"><strong>This chart could not be drawn.</strong> {}</div>",
        escape_xml(message)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_box_escapes_the_message() {
        let h = error_html("Invalid chart “<script>alert(1)</script>”.");
        assert!(h.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(!h.contains("<script>"));
    }
}
