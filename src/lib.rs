//! # treaty-charts
//!
//! Embeddable charts of how states have joined two UN treaties — the Palermo Protocol on trafficking in persons
//! (2000, UNTC XVIII-12-a) and the Migrant Workers Convention (1990, UNTC IV-13) — each annotated with what the
//! numbers measure and what they leave out.
//!
//! Pipeline (pure Rust, the same natively and in WebAssembly):
//! [`data`] (compiled-in tables) → [`model`] (status on any day) → [`charts`] (a [`spec::Spec`] of positioned
//! marks, text, hits and CSV) → [`svg`] (a string). Only [`web`] (wasm32 only) touches the browser.
//!
//! ```
//! use treaty_charts::{render, options::Options};
//! let o = Options::from_pairs([("chart", "status"), ("as-of", "2020-08-03"), ("width", "375")]).unwrap();
//! let chart = render(&o).unwrap();
//! assert!(chart.svg().starts_with("<svg"));
//! assert!(chart.csv.starts_with("as_of,treaty,party_min,party_max,signatory,neither\n2020-08-03,palermo,176,177,"));
//! ```

pub mod charts;
pub mod data;
pub mod date;
pub mod embed;
pub mod geo;
pub mod i18n;
#[cfg(not(target_arch = "wasm32"))]
pub mod import;
pub mod model;
pub mod notes;
pub mod options;
#[cfg(not(target_arch = "wasm32"))]
pub mod rows;
pub mod sort;
pub mod spec;
pub mod svg;
pub mod text;
pub mod theme;
#[cfg(target_arch = "wasm32")]
pub mod web;

use options::Options;

/// A rendered chart: the SVG document and everything the embed needs around it.
#[derive(Clone, Debug)]
pub struct Rendered {
    /// The spec the SVG was drawn from (positions, hits, blocks).
    pub spec: spec::Spec,
    /// The SVG document without its style sheet (and without style attributes): what the element inserts.
    pub body: String,
    /// The document's style sheet, scoped to its id: the element adopts it as a constructed style sheet.
    pub css: String,
    /// The chart's numbers as CSV.
    pub csv: String,
}

impl Rendered {
    /// The standalone SVG document, its style sheet inside (files, print, the CLI).
    pub fn svg(&self) -> String {
        svg::standalone(&self.body, &self.css)
    }
}

/// Why a chart could not be rendered from valid options.
#[derive(Debug)]
pub enum RenderError {
    /// The chart module could not build its spec.
    Chart(charts::ChartError),
    /// Drawing failed.
    Draw(svg::RenderError),
}

impl RenderError {
    /// The sentence in `cat`'s language.
    pub fn message(&self, cat: &i18n::Cat) -> String {
        match self {
            RenderError::Chart(e) => e.message(cat),
            RenderError::Draw(e) => e.to_string(),
        }
    }
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(&i18n::Cat::en()))
    }
}

impl std::error::Error for RenderError {}

/// Renders a chart from valid options: model → spec → SVG.
///
/// # Errors
/// [`RenderError`] if the chart cannot be built or drawn.
pub fn render(o: &Options) -> Result<Rendered, RenderError> {
    render_with(o, true)
}

/// Like [`render`]; with `lines: false` the hits carry no tooltip lines (every `Hit::lines` empty), and the
/// drawing, table and CSV are the same.
///
/// # Errors
/// As [`render`].
pub fn render_with(o: &Options, lines: bool) -> Result<Rendered, RenderError> {
    render_in(o, lines, svg::Scope::Page)
}

/// What the element draws at every redraw: [`render_with`] without the tooltip lines (it asks for them apart),
/// with ids for its shadow root ([`svg::Scope::ShadowRoot`]: the same style sheet at every width).
///
/// # Errors
/// As [`render`].
pub fn render_for_element(o: &Options) -> Result<Rendered, RenderError> {
    render_in(o, false, svg::Scope::ShadowRoot)
}

fn render_in(o: &Options, lines: bool, scope: svg::Scope) -> Result<Rendered, RenderError> {
    let spec = charts::build_with(model::Model::get(), o, lines).map_err(RenderError::Chart)?;
    let (body, css) = svg::render_parts(&spec, scope).map_err(RenderError::Draw)?;
    let csv = spec.csv.clone();
    Ok(Rendered { spec, body, css, csv })
}
