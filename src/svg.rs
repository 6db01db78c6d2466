//! Spec → SVG.
//!
//! We own the outer `<svg>` document (plotters' SVG backend cannot write `<title>`, `<desc>` or ARIA roles):
//! it carries the accessible name and description, the text runs (escaped here, font sizes exact) and the CSV
//! link. The geometric marks are drawn by plotters through our own backend (`MarkWriter`: whole-pixel SVG
//! shapes) into an `aria-hidden` group. The CLI and the browser call the same function, so they produce the
//! same bytes for the same options.

use crate::spec::{palette, Anchor, Mark, Spec, Text};
use crate::text::{escape_xml, FONT_FAMILY};
use plotters::prelude::*;
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, DrawingErrorKind};
use std::fmt::Write as _;

/// Drawing failed inside plotters (it should not: the SVG backend writes to a string).
#[derive(Debug)]
pub struct RenderError(pub String);

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "could not draw the chart: {}", self.0)
    }
}

impl std::error::Error for RenderError {}

fn rgb(hex: &str) -> RGBColor {
    let v = u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap_or(0);
    RGBColor(((v >> 16) & 0xff) as u8, ((v >> 8) & 0xff) as u8, (v & 0xff) as u8)
}

fn p((x, y): (f64, f64)) -> (i32, i32) {
    (x.round() as i32, y.round() as i32)
}

/// Short decimal for coordinates: at most one decimal place (integer arithmetic, so the wasm build carries no
/// exact-float formatting code).
fn num(v: f64) -> String {
    let tenths = (v * 10.0).round() as i64;
    let (sign, t) = if tenths < 0 { ("-", -tenths) } else { ("", tenths) };
    match t % 10 {
        0 => format!("{sign}{}", t / 10),
        d => format!("{sign}{}.{d}", t / 10),
    }
}


/// Stripes at 45° clipped to `r`, as line segments.
fn hatch_lines(r: crate::spec::Rect, gap: f64) -> Vec<[(f64, f64); 2]> {
    let mut out = Vec::new();
    let mut k = -r.h;
    while k < r.w {
        // Line x - x0 = k + (y1 - y): from bottom-left to top-right.
        let (mut x0, mut y0) = (r.x + k, r.y + r.h);
        let (mut x1, mut y1) = (r.x + k + r.h, r.y);
        if x0 < r.x {
            y0 -= r.x - x0;
            x0 = r.x;
        }
        if x1 > r.x + r.w {
            y1 += x1 - (r.x + r.w);
            x1 = r.x + r.w;
        }
        if x1 > x0 {
            out.push([(x0, y0), (x1, y1)]);
        }
        k += gap;
    }
    out
}

/// A plotters drawing backend that writes SVG shapes with whole-pixel coordinates into a string.
///
/// plotters' own SVG backend formats colour opacity as a float on every shape, which alone puts Rust's float
/// printing code (~18 KB) into the WebAssembly; here every number is an integer, opacities in hundredths. Only
/// the shapes the charts draw are written as SVG elements: lines, polylines, rectangles, circles, polygons.
/// Text is never drawn through plotters (see [`write_text`]).
struct MarkWriter<'a> {
    out: &'a mut String,
    size: (u32, u32),
}

/// `#rrggbb` plus, below full opacity, ` {attr}-opacity="0.nn"`.
fn paint(out: &mut String, attr: &str, c: BackendColor) {
    let (r, g, b) = c.rgb;
    let _ = write!(out, " {attr}=\"#{r:02x}{g:02x}{b:02x}\"");
    let hundredths = (c.alpha.clamp(0.0, 1.0) * 100.0).round() as u32;
    if hundredths < 100 {
        let _ = write!(out, " {attr}-opacity=\"0.{hundredths:02}\"");
    }
}

fn stroke<S: BackendStyle>(out: &mut String, style: &S) {
    out.push_str(" fill=\"none\"");
    paint(out, "stroke", style.color());
    let _ = write!(out, " stroke-width=\"{}\"", style.stroke_width());
}

/// Closes a shape's tag, filled with the style's colour or stroked with it.
fn finish<S: BackendStyle>(out: &mut String, style: &S, fill: bool) {
    if fill {
        paint(out, "fill", style.color());
    } else {
        stroke(out, style);
    }
    out.push_str("/>");
}

/// ` points="x,y x,y …"` for polylines and polygons.
fn points(out: &mut String, pts: impl IntoIterator<Item = BackendCoord>) {
    out.push_str(" points=\"");
    for (i, (x, y)) in pts.into_iter().enumerate() {
        let _ = write!(out, "{}{x},{y}", if i == 0 { "" } else { " " });
    }
    out.push('"');
}

impl DrawingBackend for MarkWriter<'_> {
    type ErrorType = std::convert::Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, color: BackendColor) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let _ = write!(self.out, "<rect x=\"{x}\" y=\"{y}\" width=\"1\" height=\"1\"");
        finish(self.out, &color, true);
        Ok(())
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let _ = write!(self.out, "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"", from.0, from.1, to.0, to.1);
        finish(self.out, style, false);
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(&mut self, ul: BackendCoord, br: BackendCoord, style: &S, fill: bool) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let _ = write!(self.out, "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"", ul.0, ul.1, br.0 - ul.0, br.1 - ul.1);
        finish(self.out, style, fill);
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.out.push_str("<polyline stroke-linejoin=\"round\"");
        points(self.out, path);
        finish(self.out, style, false);
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(&mut self, c: BackendCoord, r: u32, style: &S, fill: bool) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let _ = write!(self.out, "<circle cx=\"{}\" cy=\"{}\" r=\"{r}\"", c.0, c.1);
        finish(self.out, style, fill);
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.out.push_str("<polygon");
        points(self.out, vert);
        finish(self.out, style, true);
        Ok(())
    }
}

fn draw_marks(marks: &[Mark], w: u32, h: u32) -> Result<String, RenderError> {
    let mut buf = String::new();
    {
        let root = MarkWriter { out: &mut buf, size: (w, h) }.into_drawing_area();
        let e = |e: plotters::drawing::DrawingAreaErrorKind<std::convert::Infallible>| RenderError(e.to_string());
        for m in marks {
            match m {
                Mark::Path { points, color, width, dashed } => {
                    let style = ShapeStyle { color: rgb(color).to_rgba(), filled: false, stroke_width: width.round().max(1.0) as u32 };
                    let pts: Vec<(i32, i32)> = points.iter().copied().map(p).collect();
                    if *dashed {
                        root.draw(&plotters::element::DashedPathElement::new(pts, 4, 3, style)).map_err(e)?;
                    } else {
                        root.draw(&PathElement::new(pts, style)).map_err(e)?;
                    }
                }
                Mark::Area { points, color, opacity } => {
                    let pts: Vec<(i32, i32)> = points.iter().copied().map(p).collect();
                    root.draw(&Polygon::new(pts, rgb(color).mix(*opacity).filled())).map_err(e)?;
                }
                Mark::Rect { rect, color } => {
                    let a = p((rect.x, rect.y));
                    let b = p((rect.x + rect.w, rect.y + rect.h));
                    root.draw(&Rectangle::new([a, b], rgb(color).filled())).map_err(e)?;
                }
                Mark::Hatch { rect, color } => {
                    let a = p((rect.x, rect.y));
                    let b = p((rect.x + rect.w, rect.y + rect.h));
                    root.draw(&Rectangle::new([a, b], rgb(color).mix(0.15).filled())).map_err(e)?;
                    for [s, t] in hatch_lines(*rect, 4.0) {
                        root.draw(&PathElement::new(vec![p(s), p(t)], Color::stroke_width(&rgb(color), 1))).map_err(e)?;
                    }
                    root.draw(&Rectangle::new([a, b], Color::stroke_width(&rgb(color), 1))).map_err(e)?;
                }
                Mark::Ring { center, r, color } => {
                    let c = p(*center);
                    let r = r.round() as i32;
                    root.draw(&Circle::new(c, r, rgb(palette::PAPER).filled())).map_err(e)?;
                    root.draw(&Circle::new(c, r, Color::stroke_width(&rgb(color), 2))).map_err(e)?;
                }
                Mark::Diamond { center, r, color } => {
                    let (x, y) = *center;
                    let pts = vec![p((x, y - r)), p((x + r, y)), p((x, y + r)), p((x - r, y)), p((x, y - r))];
                    root.draw(&Polygon::new(pts.clone(), rgb(palette::PAPER).filled())).map_err(e)?;
                    root.draw(&PathElement::new(pts, Color::stroke_width(&rgb(color), 2))).map_err(e)?;
                }
            }
        }
        root.present().map_err(e)?;
    }
    Ok(buf)
}

fn write_text(out: &mut String, t: &Text) {
    let anchor = match t.anchor {
        Anchor::Start => "",
        Anchor::Middle => " text-anchor=\"middle\"",
        Anchor::End => " text-anchor=\"end\"",
    };
    let weight = if t.bold { " font-weight=\"700\"" } else { "" };
    let _ = write!(
        out,
        "<text x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"{}\"{anchor}{weight}>",
        num(t.x),
        num(t.y),
        num(t.size),
        t.color
    );
    let split = t.bold_prefix.min(t.text.len());
    match (t.text.get(..split), t.text.get(split..)) {
        (Some(lead), Some(rest)) if !lead.is_empty() => {
            let _ = write!(out, "<tspan font-weight=\"700\">{}</tspan>{}", escape_xml(lead), escape_xml(rest));
        }
        _ => out.push_str(&escape_xml(&t.text)),
    }
    out.push_str("</text>");
}

/// Writes the chart as one SVG document (UTF-8, no XML declaration, so it can also be inlined in HTML).
///
/// Inline style on the root `<svg>`: text properties a host page could pass down by inheritance (right-to-left
/// pages, letter-spacing, upper-case transforms, …) are set back to what the layout was measured with. Used
/// by the embed's shadow root and by static SVGs pasted inline into a page alike.
const HOST_RESET: &str = "direction:ltr;unicode-bidi:isolate;writing-mode:horizontal-tb;letter-spacing:normal;\
word-spacing:normal;text-transform:none;font-style:normal;font-variant:normal;font-weight:400;font-stretch:normal;\
text-shadow:none;text-decoration:none;font-kerning:auto;font-feature-settings:normal;font-size-adjust:none";

/// Id prefix unique to a chart's kind, date, width and title, so that two different charts inlined into one
/// page never share ids: `tc-<kind>-<YYYYMMDD>-<width>-<8 hex digits of a hash of the title>`.
fn element_id(spec: &Spec) -> String {
    // FNV-1a, 32 bits: stable across builds and platforms (std's hasher is not).
    let hash = spec.blocks.title.bytes().fold(0x811c_9dc5_u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193));
    let date: String = spec.csv_filename.chars().filter(char::is_ascii_digit).collect();
    format!("tc-{}-{date}-{}-{hash:08x}", spec.kind.name(), spec.width.round() as u32)
}

/// Structure: `<svg role="group">` named by the chart's title; inside, a `<g role="img">` holding the `<title>`,
/// the `<desc>` (summary, what it measures, what it leaves out, notes, source) and the drawing, named by the
/// title and described by the description; then the "Get the data (CSV)" link (`<a href="data:text/csv…"
/// download>`), outside the image so that it stays a link.
///
/// # Errors
/// [`RenderError`] if plotters fails to draw.
pub fn render(spec: &Spec) -> Result<String, RenderError> {
    let (w, h) = (spec.width.round() as u32, spec.height.round() as u32);
    let id = element_id(spec);
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"group\" \
         aria-labelledby=\"{id}-title\" font-family=\"{}\" direction=\"ltr\" style=\"{HOST_RESET}\" class=\"treaty-chart\">",
        escape_xml(FONT_FAMILY)
    );
    // The title and description belong to the image (an SVG <title>/<desc> names/describes its parent), so
    // the long description is exposed once: the image's name is the title, its description the text.
    let _ = write!(out, "<g role=\"img\" aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-desc\">");
    let _ = write!(out, "<title id=\"{id}-title\">{}</title>", escape_xml(&spec.blocks.title));
    let _ = write!(out, "<desc id=\"{id}-desc\">{}</desc>", escape_xml(&spec.description()));
    let _ = write!(out, "<rect width=\"{w}\" height=\"{h}\" fill=\"{}\"/>", palette::PAPER);
    // The marks are decoration inside the labelled image: keep them out of the accessibility tree.
    out.push_str("<g aria-hidden=\"true\">");
    out.push_str(&draw_marks(&spec.marks, w, h)?);
    out.push_str("</g>");
    for t in spec.texts.iter().filter(|t| t.link.is_none()) {
        write_text(&mut out, t);
    }
    out.push_str("</g>");
    for t in spec.texts.iter().filter(|t| t.link.is_some()) {
        if let Some((href, file)) = &t.link {
            let _ = write!(
                out,
                "<a href=\"{}\" download=\"{}\" class=\"tc-csv\" text-decoration=\"underline\">",
                escape_xml(href),
                escape_xml(file)
            );
            write_text(&mut out, t);
            out.push_str("</a>");
        }
    }
    out.push_str("</svg>\n");
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::{draw_marks, num};
    use crate::spec::{Mark, Rect};

    #[test]
    fn marks_are_whole_pixel_shapes_with_hundredths_of_opacity() {
        let marks = [
            Mark::Rect { rect: Rect { x: 10.4, y: 20.6, w: 30.0, h: 5.0 }, color: "#0b6fb0" },
            Mark::Area { points: vec![(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)], color: "#0b6fb0", opacity: 0.25 },
            Mark::Path { points: vec![(1.2, 2.0), (3.0, 4.7)], color: "#333333", width: 2.5, dashed: false },
            Mark::Ring { center: (50.0, 50.0), r: 4.5, color: "#d55e00" },
        ];
        let svg = draw_marks(&marks, 100, 100).unwrap();
        assert!(svg.contains(r##"<rect x="10" y="21" width="30" height="5" fill="#0b6fb0"/>"##), "{svg}");
        assert!(svg.contains(r##"<polygon points="0,0 10,0 10,10" fill="#0b6fb0" fill-opacity="0.25"/>"##), "{svg}");
        assert!(svg.contains(r##"<polyline stroke-linejoin="round" points="1,2 3,5" fill="none" stroke="#333333" stroke-width="3"/>"##), "{svg}");
        assert!(svg.contains(r##"<circle cx="50" cy="50" r="5" fill="none" stroke="#d55e00" stroke-width="2"/>"##), "{svg}");
        assert!(!svg.replace("fill-opacity=\"0.25\"", "").contains('.'), "no other fractional numbers: {svg}");
        assert!(roxmltree::Document::parse(&format!("<svg xmlns=\"http://www.w3.org/2000/svg\">{svg}</svg>")).is_ok());
    }

    #[test]
    fn coordinates_have_at_most_one_decimal() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.34), "12.3");
        assert_eq!(num(-0.46), "-0.5");
        assert_eq!(num(0.04), "0");
    }
}
