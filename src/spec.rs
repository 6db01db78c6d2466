//! Chart specs: everything a chart shows, positioned in CSS px, before any SVG is written.
//!
//! `data → model → spec → svg`: a [`Spec`] holds geometric marks (drawn by plotters), text runs (written by
//! us, so we control escaping, font size and accessibility), the hit table for tooltips, the CSV behind the
//! chart, and the text blocks. Specs are plain data, so tests assert positions numerically.
//!
//! [`Frame`] lays out what every chart shares: header (title, subtitle, legend) above the plot and the blocks
//! (measures, leaves out, notes, source, CSV link) below it, wrapped with the width table in [`crate::text`].

use crate::charts::ChartDef;
use crate::i18n::{Cat, Msg};
use crate::notes::{Blocks, Notes};
use crate::text;
use crate::theme::ThemeChoice;

pub use crate::theme::Role;

/// A rectangle in px.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    /// Left.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

/// A geometric mark, drawn by plotters. Colours are [`Role`]s; `hit` is the index of the tooltip target the
/// mark stands for (written as `data-hit` so that the browser's own hit test finds it).
#[derive(Clone, Debug, PartialEq)]
pub enum Mark {
    /// A polyline.
    Path { points: Vec<(f64, f64)>, color: Role, width: f64, dashed: bool },
    /// A filled polygon.
    Area { points: Vec<(f64, f64)>, color: Role, opacity: f64 },
    /// A filled rectangle.
    Rect { rect: Rect, color: Role, hit: Option<u16> },
    /// Diagonal stripes over a light fill, for "date not confirmed".
    Hatch { rect: Rect, color: Role, hit: Option<u16> },
    /// A circle filled with the surface, with a coloured outline.
    Ring { center: (f64, f64), r: f64, color: Role },
    /// A diamond outline (the depositary's published counts).
    Diamond { center: (f64, f64), r: f64, color: Role },
    /// A filled shape of one or more rings (outer rings and holes, filled even-odd), drawn at a tenth of a pixel;
    /// `pattern` lays a hatch of that role over the fill.
    /// `outline` strokes the shape's edge (the borders between neighbours) at half a pixel.
    Shape { rings: Vec<Vec<(f64, f64)>>, fill: Role, pattern: Option<Pattern>, outline: Option<Role>, hit: Option<u16> },
    /// A legend key: a dot in whole pixels, filled, with an outline.
    KeyDot { center: (f64, f64), r: f64, fill: Role, outline: Role },
    /// A legend key: a filled square in whole pixels, with a pattern over it and an outline.
    Key { rect: Rect, fill: Role, pattern: Option<Pattern>, outline: Role },
    /// The outline of a shape (a highlighted state), stroked 1.5 px wide at a tenth of a pixel.
    Outline { rings: Vec<Vec<(f64, f64)>>, color: Role },
    /// A filled dot with an outline, drawn at a tenth of a pixel (a state too small for a shape).
    Dot { center: (f64, f64), r: f64, fill: Role, outline: Role, pattern: Option<Pattern>, hit: Option<u16> },
}

/// A pattern laid over a fill, so that a category never rests on colour alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pattern {
    /// Diagonal stripes of this role (a signature without a deposit).
    Hatch(Role),
    /// Dots of this role (a party whose date is known only within a range).
    Dots(Role),
}

impl Pattern {
    /// The pattern's colour.
    pub fn role(self) -> Role {
        match self {
            Pattern::Hatch(r) | Pattern::Dots(r) => r,
        }
    }
}

/// Horizontal anchor of a text run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// `x` is the left edge.
    Start,
    /// `x` is the centre.
    Middle,
    /// `x` is the right edge.
    End,
}

/// One line of text; `y` is the baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct Text {
    /// Anchor position.
    pub x: f64,
    /// Baseline.
    pub y: f64,
    /// Plain text (escaped on output).
    pub text: String,
    /// Font size, px.
    pub size: f64,
    /// Bold throughout.
    pub bold: bool,
    /// Number of leading bytes of `text` set in bold (a block's lead such as "Note:").
    pub bold_prefix: usize,
    /// Fill colour.
    pub color: Role,
    /// What the text stands on (the surface, or the mark it labels): checked for contrast in every theme.
    pub bg: Role,
    /// Horizontal anchor.
    pub anchor: Anchor,
    /// When set, the run is a download link: (href, file name).
    pub link: Option<(String, String)>,
    /// Drawn with a halo of `bg` around its letters (a label over a map stands on that colour, whatever is below).
    pub halo: bool,
    /// The hit the text names (a highlighted state's name on the map): it carries that mark's `data-hit`, so that
    /// pointing at the name shows the state's tooltip, not that of whatever lies under the name.
    pub hit: Option<u16>,
}

/// Where a tooltip target is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Region {
    /// A vertical band of the plot, `x0..x1` px (the timeline's dates): found by the pointer's x alone.
    Band { x0: f64, x1: f64 },
    /// A mark carrying `data-hit` (a bar segment, a state); `(cx, cy)` is its centre, for finding the nearest
    /// target to a touch that lands beside a small one.
    Mark { cx: f64, cy: f64 },
}

/// One tooltip target. Targets are listed in the order the arrow keys walk them.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// What it stands for, in machine form: a date (`2003-09-26`) on the timeline, `palermo:party` for a bar
    /// segment, an ISO3 code on the map.
    pub key: String,
    /// Where it is.
    pub region: Region,
    /// Tooltip lines; the first is the heading.
    pub lines: Vec<String>,
    /// The timeline's focus rule: its x, px.
    pub rule: Option<f64>,
    /// Marker dots on the rule: (y px, colour).
    pub dots: Vec<(f64, Role)>,
    /// True when the arrow keys stop at it (false for the map's areas that are not states: they have a tooltip
    /// for the pointer only).
    pub walk: bool,
    /// True for a target too small to tap reliably (a state drawn as a dot): a touch nearby takes the nearest one.
    pub small: bool,
}

/// Everything one chart shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Spec {
    /// Chart kind (its registry entry).
    pub kind: &'static ChartDef,
    /// Colours (the SVG carries one theme, or both for `auto`).
    pub theme: ThemeChoice,
    /// Language of the text (BCP 47 tag, set on the SVG for screen readers).
    pub lang: &'static str,
    /// Width, px.
    pub width: f64,
    /// Height, px (known before drawing).
    pub height: f64,
    /// Plot area.
    pub plot: Rect,
    /// Geometry.
    pub marks: Vec<Mark>,
    /// Text runs.
    pub texts: Vec<Text>,
    /// Tooltip targets, in keyboard order.
    pub hits: Vec<Hit>,
    /// The accessible name of the interactive chart, with how to use its keys (`None`: not interactive).
    pub keys_label: Option<String>,
    /// A table of the chart's data as HTML (escaped), the screen-reader alternative to a chart of many marks.
    pub table: Option<String>,
    /// The fine (tenth-of-a-pixel) marks are clipped to this rectangle (a map cut at a latitude).
    pub clip: Option<Rect>,
    /// The text blocks (also used for the accessible description).
    pub blocks: Blocks,
    /// One or two sentences with the key numbers, for screen readers.
    pub summary: String,
    /// The chart's numbers as CSV (header row first, `\n` line ends).
    pub csv: String,
    /// File name for the CSV download, e.g. `treaty-charts-timeline-2020-08-03.csv`.
    pub csv_filename: String,
}

impl Spec {
    /// The accessible description: subtitle, summary, measures, leaves out, the caveat, "About this data",
    /// completeness and source.
    pub fn description(&self) -> String {
        let b = &self.blocks;
        let mut parts = vec![b.subtitle.clone(), self.summary.clone(), b.measures.clone(), b.leaves_out.clone()];
        parts.extend(b.caveat.iter().cloned());
        parts.extend(b.about.iter().cloned());
        parts.push(b.completeness.clone());
        parts.push(b.source.clone());
        parts.retain(|p| !p.is_empty());
        // Each part is a sentence for a screen reader: end the ones that have no stop (the subtitle).
        for p in &mut parts {
            if !p.ends_with(['.', '!', '?']) {
                p.push('.');
            }
        }
        parts.join(" ")
    }
}

/// Type sizes and spacing for a chart width.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sizes {
    /// Outer padding.
    pub pad: f64,
    /// Title size.
    pub title: f64,
    /// Subtitle size.
    pub subtitle: f64,
    /// Legend and direct labels.
    pub label: f64,
    /// Axis tick labels.
    pub axis: f64,
    /// Notes.
    pub body: f64,
    /// Source line.
    pub small: f64,
}

impl Sizes {
    /// Phones (< 480 px) get slightly smaller type; nothing goes below 11 px.
    pub fn for_width(w: f64) -> Sizes {
        if w < 480.0 {
            Sizes { pad: 8.0, title: 18.0, subtitle: 13.5, label: 12.0, axis: 11.0, body: 12.0, small: 11.0 }
        } else {
            Sizes { pad: 12.0, title: 22.0, subtitle: 15.0, label: 13.0, axis: 12.0, body: 13.0, small: 12.0 }
        }
    }
}

/// Line height as a multiple of the font size.
pub const LEADING: f64 = 1.3;
/// Share of the line width that wrapping may use; the rest is slack for fonts that differ from the table.
const WRAP_SLACK: f64 = 0.97;

/// The swatch of a legend entry.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Swatch {
    /// A short line.
    Line(Role),
    /// A ring.
    Ring(Role),
    /// A diamond.
    Diamond(Role),
    /// A short vertical bar.
    Tick(Role),
    /// A hatched square.
    Hatch(Role),
    /// A filled square.
    Square(Role),
    /// A filled square with a pattern over it.
    Patterned(Role, Pattern),
    /// A dot with an outline.
    Dot(Role, Role),
}

/// Lays out the parts every chart shares, top to bottom; `y` is the next free line.
pub struct Frame {
    /// The catalogue the chart is written from.
    pub cat: Cat,
    /// Chart width.
    pub width: f64,
    /// Type sizes.
    pub sizes: Sizes,
    /// Next free y.
    pub y: f64,
    /// Text runs so far.
    pub texts: Vec<Text>,
    /// Marks so far (legend swatches).
    pub marks: Vec<Mark>,
}

/// What a chart's build function hands [`Frame::finish`] besides its frame and blocks (see [`Spec`] for each field).
pub struct Drawn {
    /// The plot area, SVG px.
    pub plot: Rect,
    /// Tooltip regions.
    pub hits: Vec<Hit>,
    /// How the keys work, for screen readers (charts with hits).
    pub keys_label: Option<String>,
    /// The data as an HTML table for screen readers, if the chart has one.
    pub table: Option<String>,
    /// A clip for the marks (the map's plot).
    pub clip: Option<Rect>,
    /// One sentence with the chart's numbers.
    pub summary: String,
    /// The chart's numbers as CSV.
    pub csv: String,
    /// The CSV's download name.
    pub csv_filename: String,
}

/// A text run on the surface, anchored at its start.
pub fn run(x: f64, y: f64, text: String, size: f64, color: Role) -> Text {
    Text { x, y, text, size, bold: false, bold_prefix: 0, color, bg: Role::Surface, anchor: Anchor::Start, link: None, halo: false, hit: None }
}

impl Frame {
    /// A frame `width` px wide.
    pub fn new(width: f64, cat: Cat) -> Frame {
        let sizes = Sizes::for_width(width);
        Frame { cat, width, sizes, y: sizes.pad, texts: Vec::new(), marks: Vec::new() }
    }

    /// Usable line width.
    pub fn inner(&self) -> f64 {
        self.width - 2.0 * self.sizes.pad
    }

    /// Wrapped paragraph; `bold_lead` is a prefix to set in bold (first line only).
    pub fn paragraph(&mut self, s: &str, size: f64, color: Role, bold: bool, bold_lead: &str) {
        let lead_h = size * LEADING;
        for (i, line) in text::wrap(s, size, bold, self.inner() * WRAP_SLACK).into_iter().enumerate() {
            let mut t = run(self.sizes.pad, self.y + size, line, size, color);
            t.bold = bold;
            if i == 0 && !bold_lead.is_empty() && t.text.starts_with(bold_lead) {
                t.bold_prefix = bold_lead.len();
            }
            self.texts.push(t);
            self.y += lead_h;
        }
    }

    /// Title and subtitle.
    pub fn header(&mut self, title: &str, subtitle: &str) {
        let t = self.sizes;
        self.paragraph(title, t.title, Role::Ink, true, "");
        self.y += 2.0;
        self.paragraph(subtitle, t.subtitle, Role::Muted, false, "");
        self.y += 6.0;
    }

    /// A legend that flows onto as many lines as it needs; an item wider than the chart (a long label in French or
    /// Spanish on a phone) starts a line of its own and wraps its label beside the swatch.
    pub fn legend(&mut self, items: &[(Swatch, String)]) {
        let (left, right) = (self.sizes.pad, self.width - self.sizes.pad);
        self.y = key_row(&mut self.marks, &mut self.texts, items, (left, right), self.y, self.sizes.label, Role::Ink) + 6.0;
    }

    /// The chart's end, the same for every kind: the footer under the plot, then the spec from the frame's text and
    /// marks, its height (the footer's end, rounded up) and what the chart hands over in `d`.
    pub fn finish(mut self, o: &crate::options::Options, blocks: Blocks, d: Drawn) -> Spec {
        self.footer(&blocks, &d.csv, &d.csv_filename, o.notes);
        Spec {
            kind: o.chart,
            theme: o.theme,
            lang: self.cat.0.tag,
            width: self.width,
            height: self.y.ceil(),
            plot: d.plot,
            marks: self.marks,
            texts: self.texts,
            hits: d.hits,
            keys_label: d.keys_label,
            table: d.table,
            clip: d.clip,
            blocks,
            summary: d.summary,
            csv: d.csv,
            csv_filename: d.csv_filename,
        }
    }

    /// The blocks under the plot — what it measures, what it leaves out, the caveat, and with full notes "About
    /// this data" — then completeness, source and the CSV link.
    pub fn footer(&mut self, b: &Blocks, csv: &str, csv_filename: &str, notes: Notes) {
        let t = self.sizes;
        let cat = self.cat;
        self.y += 10.0;
        self.paragraph(&b.measures, t.body, Role::Ink, false, cat.t(Msg::MeasuresLead));
        self.y += 4.0;
        self.paragraph(&b.leaves_out, t.body, Role::Ink, false, cat.t(Msg::LeavesOutLead));
        if let Some(c) = &b.caveat {
            self.y += 4.0;
            self.paragraph(c, t.body, Role::Ink, false, cat.t(Msg::NoteLead));
        }
        if notes == Notes::Full && !b.about.is_empty() {
            self.y += 8.0;
            self.paragraph(cat.t(Msg::AboutLead), t.body, Role::Ink, true, "");
            for p in &b.about {
                self.y += 2.0;
                self.paragraph(p, t.small, Role::Ink, false, "");
            }
        }
        self.y += 6.0;
        self.paragraph(&b.completeness, t.small, Role::Muted, false, "");
        self.paragraph(&b.source, t.small, Role::Muted, false, "");
        self.y += 2.0;
        let href = format!("data:text/csv;charset=utf-8,{}", text::escape_url(csv));
        let mut link = run(t.pad, self.y + t.small, cat.t(Msg::GetTheData).to_string(), t.small, Role::Link);
        link.link = Some((href, csv_filename.to_string()));
        self.texts.push(link);
        self.y += t.small * LEADING + t.pad;
    }
}

/// Keys in a row from `top` (px), each a swatch and its words in `size` px type of role `ink`, wrapping between
/// `left` and `right` (px; a label too long for a line wraps at its spaces): the legend under a chart's headline,
/// and the status chart's counts under each bar. Pushes onto `marks` and `texts`; returns the y under the last line.
pub fn key_row(marks: &mut Vec<Mark>, texts: &mut Vec<Text>, items: &[(Swatch, String)], (left, right): (f64, f64), top: f64, size: f64, ink: Role) -> f64 {
    let (sw, gap, spacing) = (16.0, 5.0, 14.0);
    let line_h = size * 1.5;
    let (mut x, mut y) = (left, top);
    for (swatch, label) in items {
        let w = sw + gap + text::width(label, size, false);
        if x > left && x + w > right {
            x = left;
            y += line_h;
        }
        let cy = y + line_h / 2.0;
        marks.push(swatch_mark(*swatch, x, cy, sw));
        if x + w <= right {
            texts.push(run(x + sw + gap, cy + size * 0.35, label.clone(), size, ink));
            x += w + spacing;
            continue;
        }
        let lines = text::wrap(label, size, false, right - x - sw - gap);
        let n = lines.len();
        for (i, line) in lines.into_iter().enumerate() {
            texts.push(run(x + sw + gap, cy + size * 0.35 + line_h * i as f64, line, size, ink));
        }
        // The next item starts on a new line under the wrapped one.
        y += line_h * n.saturating_sub(1) as f64;
        x = right;
    }
    y + line_h
}

fn swatch_mark(s: Swatch, x: f64, cy: f64, w: f64) -> Mark {
    let sq = Rect { x: x + 2.0, y: cy - 6.0, w: 12.0, h: 12.0 };
    match s {
        Swatch::Line(c) => Mark::Path { points: vec![(x, cy), (x + w, cy)], color: c, width: 3.0, dashed: false },
        Swatch::Ring(c) => Mark::Ring { center: (x + w / 2.0, cy), r: 4.5, color: c },
        Swatch::Diamond(c) => Mark::Diamond { center: (x + w / 2.0, cy), r: 5.0, color: c },
        Swatch::Tick(c) => Mark::Path { points: vec![(x + w / 2.0, cy - 7.0), (x + w / 2.0, cy + 7.0)], color: c, width: 2.0, dashed: false },
        Swatch::Hatch(c) => Mark::Hatch { rect: sq, color: c, hit: None },
        // Squares are outlined, so that a fill as light as the paper still shows.
        Swatch::Square(fill) => Mark::Key { rect: sq, fill, pattern: None, outline: Role::Muted },
        Swatch::Patterned(fill, pattern) => Mark::Key { rect: sq, fill, pattern: Some(pattern), outline: Role::Muted },
        Swatch::Dot(fill, outline) => Mark::KeyDot { center: (x + w / 2.0, cy), r: 3.0, fill, outline },
    }
}

/// A table as HTML (every cell escaped): the screen-reader alternative to a chart. The first cell of each row is its
/// header.
pub fn html_table(caption: &str, head: &[&str], rows: &[Vec<String>]) -> String {
    let e = text::escape_xml;
    let mut t = format!("<table><caption>{}</caption><thead><tr>", e(caption));
    for h in head {
        t.push_str(&format!("<th scope=\"col\">{}</th>", e(h)));
    }
    t.push_str("</tr></thead><tbody>");
    for r in rows {
        t.push_str("<tr>");
        for (i, c) in r.iter().enumerate() {
            if i == 0 {
                t.push_str(&format!("<th scope=\"row\">{}</th>", e(c)));
            } else {
                t.push_str(&format!("<td>{}</td>", e(c)));
            }
        }
        t.push_str("</tr>");
    }
    t.push_str("</tbody></table>");
    t
}

/// A linear map from a domain to px with its inverse; shared by drawing, ticks and hit testing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Linear {
    /// Domain start.
    pub d0: f64,
    /// Domain end.
    pub d1: f64,
    /// Range start (px).
    pub r0: f64,
    /// Range end (px).
    pub r1: f64,
}

impl Linear {
    /// Domain value → px.
    pub fn map(&self, v: f64) -> f64 {
        if self.d1 == self.d0 {
            return self.r0;
        }
        self.r0 + (v - self.d0) / (self.d1 - self.d0) * (self.r1 - self.r0)
    }

    /// px → domain value.
    pub fn invert(&self, px: f64) -> f64 {
        if self.r1 == self.r0 {
            return self.d0;
        }
        self.d0 + (px - self.r0) / (self.r1 - self.r0) * (self.d1 - self.d0)
    }
}

/// `v` kept within `lo..=hi` (px or any unit); `hi` wins when `lo > hi` (a label wider than its room keeps to the
/// room's right edge). Unlike `f64::clamp`, it never panics, and it carries none of the float formatting of that
/// panic's message into the WebAssembly (about 17 KB).
pub fn within(v: f64, lo: f64, hi: f64) -> f64 {
    v.max(lo).min(hi)
}

/// Where a label goes among labels already placed: the first of `candidates` — `(left, baseline)` of a text
/// `w` px wide and `size` px high, in the caller's order of preference — that stays inside `bounds` and keeps 3 px
/// from every box in `taken` (`[left, top, right, bottom]`, px), or `None` when none does. The chosen box is added to
/// `taken`; returns its `(left, baseline)` and its position among the candidates (0: the preferred place; a caller
/// draws a leader line to a label moved away from its point).
pub fn place_label(candidates: &[(f64, f64)], w: f64, size: f64, bounds: Rect, taken: &mut Vec<[f64; 4]>) -> Option<((f64, f64), usize)> {
    let (k, at) = candidates.iter().copied().enumerate().find(|(_, c)| fits(label_box(*c, w, size), bounds, taken))?;
    taken.push(label_box(at, w, size));
    Some((at, k))
}

/// The box `[left, top, right, bottom]` of a label `w` px wide and `size` px high at `(left, baseline)`.
pub fn label_box((x, b): (f64, f64), w: f64, size: f64) -> [f64; 4] {
    [x, b - size * 0.8, x + w, b + size * 0.25]
}

/// True when box `r` stays inside `bounds` and 3 px from every box in `taken` (see [`place_label`]).
pub fn fits(r: [f64; 4], bounds: Rect, taken: &[[f64; 4]]) -> bool {
    r[0] >= bounds.x && r[2] <= bounds.x + bounds.w && r[1] >= bounds.y && r[3] <= bounds.y + bounds.h
        && taken.iter().all(|t| r[2] + 3.0 <= t[0] || t[2] + 3.0 <= r[0] || r[3] + 3.0 <= t[1] || t[3] + 3.0 <= r[1])
}

/// Smallest "nice" whole-number step (1, 2, 2.5, 5 × 10ⁿ; counts have no fractions) giving at most `max_ticks`
/// intervals over `0..=max`, and the rounded-up maximum.
pub fn nice_axis(max: f64, max_ticks: usize) -> (f64, f64) {
    let max = max.max(1.0);
    let mut mag = 1.0;
    while mag * 10.0 <= max {
        mag *= 10.0;
    }
    let ticks = max_ticks.max(1) as f64;
    for m in [0.1, 0.2, 0.25, 0.5, 1.0, 2.0, 2.5, 5.0, 10.0] {
        let step = (m * mag).max(1.0);
        if step.fract() != 0.0 {
            continue;
        }
        let top = (max / step).ceil() * step;
        if top / step <= ticks {
            return (step, top);
        }
    }
    (mag * 10.0, mag * 10.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_scale_inverts() {
        let s = Linear { d0: 0.0, d1: 200.0, r0: 300.0, r1: 100.0 };
        assert_eq!(s.map(100.0), 200.0);
        assert_eq!(s.invert(200.0), 100.0);
    }

    #[test]
    fn nice_axis_rounds_up() {
        assert_eq!(nice_axis(182.0, 5), (50.0, 200.0));
        assert_eq!(nice_axis(60.0, 5), (20.0, 60.0));
        assert_eq!(nice_axis(3.0, 5), (1.0, 3.0));
        // 2.5 is not a step for counts: 0, 2.5, 5 … would label fractions of a state.
        assert_eq!(nice_axis(9.0, 4), (5.0, 10.0));
    }
}
