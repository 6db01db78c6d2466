//! Spec → SVG.
//!
//! We own the outer `<svg>` document (plotters' SVG backend cannot write `<title>`, `<desc>` or ARIA roles):
//! it carries the accessible name and description, the language, the theme's style sheet, the text runs
//! (escaped here, font sizes exact) and the CSV link. The geometric marks are drawn by plotters through our own
//! backend ([`MarkWriter`]) into an `aria-hidden` group. The CLI and the browser call the same function, so they
//! produce the same bytes for the same options.
//!
//! Colours are roles ([`Role`]), written as classes: `f3` fills with role 3, `s3` strokes with it, `p3` lays
//! role 3's hatch pattern over a fill (`q3` at a tenth of a pixel). The style sheet maps them to the theme's
//! colours, scoped to the chart's id (so that charts inlined into one page never restyle each other), with the
//! dark theme in a `prefers-color-scheme` query when the theme is `auto`.

use crate::spec::{Anchor, Mark, Pattern, Rect, Role, Spec, Text};
use crate::text::{escape_xml, FONT_FAMILY};
use crate::theme::{Theme, ThemeChoice, DARK, LIGHT, ROLES};
use plotters::prelude::*;
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, DrawingErrorKind};
use std::cell::RefCell;
use std::fmt::Write as _;
use std::rc::Rc;

/// Drawing failed inside plotters (it should not: the backend writes to a string).
#[derive(Debug)]
pub struct RenderError(pub String);

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "could not draw the chart: {}", self.0)
    }
}

impl std::error::Error for RenderError {}

/// Colour of the focus rule the loader draws on the timeline.
pub const RULE: Role = Role::Axis;
/// Outline of the focus dots on the rule.
pub const DOT_OUTLINE: Role = Role::Surface;

/// Sub-pixel marks (map shapes and dots) are drawn in units of a tenth of a pixel, in a group scaled by 0.1.
const FINE: f64 = 10.0;

fn p((x, y): (f64, f64)) -> (i32, i32) {
    (x.round() as i32, y.round() as i32)
}

fn fine((x, y): (f64, f64)) -> (i32, i32) {
    ((x * FINE).round() as i32, (y * FINE).round() as i32)
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
fn hatch_lines(r: Rect, gap: f64) -> Vec<[(f64, f64); 2]> {
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

/// Class kinds: fill, stroke, stripes, fine stripes, dots, fine dots.
const KINDS: usize = 6;
/// Their class prefixes.
const PREFIX: [&str; KINDS] = ["f", "s", "p", "q", "d", "e"];

/// What the next shapes are drawn with: set before each plotters call, since plotters carries colours as RGB
/// and we write roles.
#[derive(Default)]
struct Pen {
    /// Role of the fill or stroke.
    role: Option<Role>,
    /// Draw a pattern fill of this role instead of a plain fill: `Some(false)` stripes, `Some(true)` dots.
    pattern: Option<bool>,
    /// `data-hit` of the shapes.
    hit: Option<u16>,
    /// When set, polygons are collected into one even-odd path (`d` so far) instead of written one by one.
    compound: Option<String>,
    /// A fill also stroked at half a pixel in this role (a map's borders).
    outline: Option<Role>,
}

/// What the backend has written and what it is drawing with.
#[derive(Default)]
struct Sheet {
    out: String,
    pen: Pen,
    /// Roles used, per class prefix: fill, stroke, stripes, fine stripes, dots, fine dots.
    used: [[bool; ROLES]; KINDS],
}

impl Sheet {
    fn mark(&mut self, kind: usize, r: Role) {
        if let Some(slot) = self.used.get_mut(kind).and_then(|u| u.get_mut(r.index())) {
            *slot = true;
        }
    }

    /// ` class="f3"` (or s/p/q) and ` data-hit="7"`; opacity below 1 as ` fill-opacity="0.nn"`.
    fn attrs(&mut self, filled: bool, alpha: f64, fine_units: bool) {
        let role = self.pen.role.unwrap_or(Role::Ink);
        let kind = match (filled, self.pen.pattern, fine_units) {
            (true, Some(false), false) => 2,
            (true, Some(false), true) => 3,
            (true, Some(true), false) => 4,
            (true, Some(true), true) => 5,
            (true, None, _) => 0,
            (false, _, _) => 1,
        };
        self.mark(kind, role);
        match kind {
            // Stripes are stroked, dots filled, with the role's colour.
            2 | 3 => self.mark(1, role),
            4 | 5 => self.mark(0, role),
            _ => {}
        }
        let prefix = PREFIX.get(kind).copied().unwrap_or("f");
        let _ = write!(self.out, " class=\"{prefix}{}", role.index());
        match self.pen.outline.filter(|_| filled) {
            Some(o) => {
                self.mark(1, o);
                let half = if fine_units { "5" } else { ".5" };
                let _ = write!(self.out, " s{}\" stroke-width=\"{half}\"", o.index());
            }
            None => self.out.push('"'),
        }
        if let Some(h) = self.pen.hit {
            let _ = write!(self.out, " data-hit=\"{h}\"");
        }
        let hundredths = (crate::spec::within(alpha, 0.0, 1.0) * 100.0).round() as u32;
        if hundredths < 100 {
            let what = if filled { "fill" } else { "stroke" };
            let _ = write!(self.out, " {what}-opacity=\"0.{hundredths:02}\"");
        }
    }
}

/// A plotters drawing backend that writes SVG shapes with whole-number coordinates into a string.
///
/// plotters' own SVG backend formats colour opacity as a float on every shape, which alone puts Rust's float
/// printing code (~18 KB) into the WebAssembly, and it writes colours where we need roles; here every number is
/// an integer (opacities in hundredths) and the colour is the [`Pen`]'s role, as a class. Coordinates are whole
/// pixels, or tenths of a pixel when the writer draws fine marks (`fine`: the group around them is scaled by
/// 0.1). Polygons drawn while the pen is compound become subpaths of one `<path fill-rule="evenodd">`, so a shape
/// with holes (South Africa around Lesotho) and a shape of many islands are one element. Text is never drawn
/// through plotters (see [`write_text`]).
struct MarkWriter {
    sheet: Rc<RefCell<Sheet>>,
    size: (u32, u32),
    fine: bool,
}

fn stroke_width<S: BackendStyle>(out: &mut String, style: &S, fine_units: bool) {
    let w = style.stroke_width();
    // In fine units a stroke is given in whole pixels and scaled up by the group's factor.
    let w = if fine_units { w * FINE as u32 } else { w };
    let _ = write!(out, " fill=\"none\" stroke-width=\"{w}\"");
}

impl MarkWriter {
    fn shape<S: BackendStyle>(&mut self, open: &str, style: &S, fill: bool) {
        let mut st = self.sheet.borrow_mut();
        st.out.push_str(open);
        st.attrs(fill, style.color().alpha, self.fine);
        if !fill {
            stroke_width(&mut st.out, style, self.fine);
        }
        st.out.push_str("/>");
    }
}

/// ` points="x,y x,y …"` for polylines and polygons.
fn points(out: &mut String, pts: impl IntoIterator<Item = BackendCoord>) {
    out.push_str(" points=\"");
    for (i, (x, y)) in pts.into_iter().enumerate() {
        let _ = write!(out, "{}{x},{y}", if i == 0 { "" } else { " " });
    }
    out.push('"');
}

/// A closed subpath in relative coordinates: `M x y l dx dy …z`.
fn subpath(d: &mut String, pts: impl IntoIterator<Item = BackendCoord>) {
    let mut last: Option<BackendCoord> = None;
    for (x, y) in pts {
        match last {
            None => {
                let _ = write!(d, "M{x} {y}l");
            }
            Some((lx, ly)) if (lx, ly) == (x, y) => continue,
            Some((lx, ly)) => {
                // A minus sign separates two numbers by itself.
                let (dx, dy) = (x - lx, y - ly);
                if !d.ends_with('l') && dx >= 0 {
                    d.push(' ');
                }
                let _ = write!(d, "{dx}");
                if dy >= 0 {
                    d.push(' ');
                }
                let _ = write!(d, "{dy}");
            }
        }
        last = Some((x, y));
    }
    d.push('z');
}

impl DrawingBackend for MarkWriter {
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
        self.shape(&format!("<rect x=\"{x}\" y=\"{y}\" width=\"1\" height=\"1\""), &color, true);
        Ok(())
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.shape(&format!("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"", from.0, from.1, to.0, to.1), style, false);
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(&mut self, ul: BackendCoord, br: BackendCoord, style: &S, fill: bool) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let open = format!("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"", ul.0, ul.1, br.0 - ul.0, br.1 - ul.1);
        self.shape(&open, style, fill);
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let mut open = String::from("<polyline stroke-linejoin=\"round\"");
        points(&mut open, path);
        self.shape(&open, style, false);
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(&mut self, c: BackendCoord, r: u32, style: &S, fill: bool) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.shape(&format!("<circle cx=\"{}\" cy=\"{}\" r=\"{r}\"", c.0, c.1), style, fill);
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        {
            let mut st = self.sheet.borrow_mut();
            if let Some(d) = st.pen.compound.as_mut() {
                subpath(d, vert);
                return Ok(());
            }
        }
        let mut open = String::from("<polygon");
        points(&mut open, vert);
        self.shape(&open, style, true);
        Ok(())
    }
}

/// plotters' colour for a shape: the role is carried by the pen, so only opacity matters here.
fn solid(alpha: f64) -> ShapeStyle {
    ShapeStyle { color: RGBAColor(0, 0, 0, alpha), filled: true, stroke_width: 0 }
}

fn line(width: u32) -> ShapeStyle {
    ShapeStyle { color: RGBAColor(0, 0, 0, 1.0), filled: false, stroke_width: width }
}

type Area = plotters::drawing::DrawingArea<MarkWriter, plotters::coord::Shift>;

fn err(e: plotters::drawing::DrawingAreaErrorKind<std::convert::Infallible>) -> RenderError {
    RenderError(e.to_string())
}

fn set_pen(sheet: &Rc<RefCell<Sheet>>, role: Role, pattern: Option<bool>, hit: Option<u16>) {
    let mut st = sheet.borrow_mut();
    st.pen.role = Some(role);
    st.pen.pattern = pattern;
    st.pen.hit = hit;
    st.pen.outline = None;
}

/// Draws the whole-pixel marks.
fn draw_coarse(root: &Area, sheet: &Rc<RefCell<Sheet>>, m: &Mark) -> Result<(), RenderError> {
    let pen = |role, hit| set_pen(sheet, role, None, hit);
    match m {
        Mark::Path { points, color, width, dashed } => {
            pen(*color, None);
            let style = line(width.round().max(1.0) as u32);
            let pts: Vec<(i32, i32)> = points.iter().copied().map(p).collect();
            if *dashed {
                root.draw(&plotters::element::DashedPathElement::new(pts, 4, 3, style)).map_err(err)?;
            } else {
                root.draw(&PathElement::new(pts, style)).map_err(err)?;
            }
        }
        Mark::Area { points, color, opacity } => {
            pen(*color, None);
            let pts: Vec<(i32, i32)> = points.iter().copied().map(p).collect();
            root.draw(&Polygon::new(pts, solid(*opacity))).map_err(err)?;
        }
        Mark::Rect { rect, color, hit } => {
            pen(*color, *hit);
            let (a, b) = (p((rect.x, rect.y)), p((rect.x + rect.w, rect.y + rect.h)));
            root.draw(&Rectangle::new([a, b], solid(1.0))).map_err(err)?;
        }
        Mark::Hatch { rect, color, hit } => {
            let (a, b) = (p((rect.x, rect.y)), p((rect.x + rect.w, rect.y + rect.h)));
            pen(*color, *hit);
            root.draw(&Rectangle::new([a, b], solid(0.15))).map_err(err)?;
            pen(*color, None);
            for [s, t] in hatch_lines(*rect, 4.0) {
                root.draw(&PathElement::new(vec![p(s), p(t)], line(1))).map_err(err)?;
            }
            root.draw(&Rectangle::new([a, b], line(1))).map_err(err)?;
        }
        Mark::Ring { center, r, color } => {
            let (c, r) = (p(*center), r.round() as i32);
            pen(Role::Surface, None);
            root.draw(&Circle::new(c, r, solid(1.0))).map_err(err)?;
            pen(*color, None);
            root.draw(&Circle::new(c, r, line(2))).map_err(err)?;
        }
        Mark::Diamond { center, r, color } => {
            let (x, y) = *center;
            let pts = vec![p((x, y - r)), p((x + r, y)), p((x, y + r)), p((x - r, y)), p((x, y - r))];
            pen(Role::Surface, None);
            root.draw(&Polygon::new(pts.clone(), solid(1.0))).map_err(err)?;
            pen(*color, None);
            root.draw(&PathElement::new(pts, line(2))).map_err(err)?;
        }
        Mark::KeyDot { center, r, fill, outline } => {
            let (c, r) = (p(*center), r.round() as i32);
            pen(*fill, None);
            root.draw(&Circle::new(c, r, solid(1.0))).map_err(err)?;
            pen(*outline, None);
            root.draw(&Circle::new(c, r, line(1))).map_err(err)?;
        }
        Mark::Key { rect, fill, pattern, outline } => {
            let (a, b) = (p((rect.x, rect.y)), p((rect.x + rect.w, rect.y + rect.h)));
            pen(*fill, None);
            root.draw(&Rectangle::new([a, b], solid(1.0))).map_err(err)?;
            if let Some(pat) = pattern {
                set_pen(sheet, pat.role(), Some(matches!(pat, Pattern::Dots(_))), None);
                root.draw(&Rectangle::new([a, b], solid(1.0))).map_err(err)?;
            }
            pen(*outline, None);
            root.draw(&Rectangle::new([a, b], line(1))).map_err(err)?;
        }
        Mark::Shape { .. } | Mark::Dot { .. } | Mark::Outline { .. } => {}
    }
    Ok(())
}

/// Draws the sub-pixel marks (coordinates in tenths of a pixel).
fn draw_fine(root: &Area, sheet: &Rc<RefCell<Sheet>>, m: &Mark) -> Result<(), RenderError> {
    match m {
        Mark::Shape { rings, fill, pattern, outline, hit } => {
            let layers = std::iter::once((*fill, None)).chain(pattern.map(|p| (p.role(), Some(matches!(p, Pattern::Dots(_))))));
            for (k, (role, patterned)) in layers.enumerate() {
                set_pen(sheet, role, patterned, *hit);
                {
                    let mut st = sheet.borrow_mut();
                    st.pen.compound = Some(String::new());
                    // The border between neighbours is stroked once, on the last layer.
                    st.pen.outline = (k == usize::from(pattern.is_some())).then_some(*outline).flatten();
                }
                for ring in rings {
                    let pts: Vec<(i32, i32)> = ring.iter().copied().map(fine).collect();
                    root.draw(&Polygon::new(pts, solid(1.0))).map_err(err)?;
                }
                let mut st = sheet.borrow_mut();
                let d = st.pen.compound.take().unwrap_or_default();
                st.out.push_str("<path fill-rule=\"evenodd\"");
                st.attrs(true, 1.0, true);
                let _ = write!(st.out, " d=\"{d}\"/>");
            }
        }
        Mark::Outline { rings, color } => {
            set_pen(sheet, *color, None, None);
            sheet.borrow_mut().pen.compound = Some(String::new());
            for ring in rings {
                let pts: Vec<(i32, i32)> = ring.iter().copied().map(fine).collect();
                root.draw(&Polygon::new(pts, solid(1.0))).map_err(err)?;
            }
            let mut st = sheet.borrow_mut();
            let d = st.pen.compound.take().unwrap_or_default();
            st.out.push_str("<path stroke-linejoin=\"round\"");
            st.attrs(false, 1.0, true);
            let _ = write!(st.out, " fill=\"none\" stroke-width=\"15\" d=\"{d}\"/>");
        }
        Mark::Dot { center, r, fill, outline, pattern, hit } => {
            let (c, r) = (fine(*center), (r * FINE).round() as i32);
            set_pen(sheet, *fill, None, *hit);
            root.draw(&Circle::new(c, r, solid(1.0))).map_err(err)?;
            if let Some(pat) = pattern {
                set_pen(sheet, pat.role(), Some(matches!(pat, Pattern::Dots(_))), *hit);
                root.draw(&Circle::new(c, r, solid(1.0))).map_err(err)?;
            }
            set_pen(sheet, *outline, None, *hit);
            root.draw(&Circle::new(c, r, line(1))).map_err(err)?;
        }
        _ => {}
    }
    Ok(())
}

/// The marks as SVG elements, and the roles they used per class prefix.
#[cfg(test)]
fn draw_marks(marks: &[Mark], w: u32, h: u32) -> Result<(String, [[bool; ROLES]; KINDS]), RenderError> {
    draw_marks_clipped(marks, w, h, None)
}

/// The marks, the fine ones inside `clip` (`(clip-path id, rectangle)`) when given.
fn draw_marks_clipped(marks: &[Mark], w: u32, h: u32, clip: Option<(&str, Rect)>) -> Result<(String, [[bool; ROLES]; KINDS]), RenderError> {
    let sheet = Rc::new(RefCell::new(Sheet::default()));
    let is_fine = |m: &Mark| matches!(m, Mark::Shape { .. } | Mark::Dot { .. } | Mark::Outline { .. });
    {
        let root = MarkWriter { sheet: sheet.clone(), size: (w, h), fine: false }.into_drawing_area();
        for m in marks.iter().filter(|m| !is_fine(m)) {
            draw_coarse(&root, &sheet, m)?;
        }
        root.present().map_err(err)?;
    }
    if marks.iter().any(is_fine) {
        if let Some((id, r)) = clip {
            let (x, y, cw, ch) = (r.x.floor() as i32, r.y.floor() as i32, r.w.ceil() as i32 + 1, r.h.ceil() as i32 + 1);
            let _ = write!(
                sheet.borrow_mut().out,
                "<clipPath id=\"{id}-clip\"><rect x=\"{x}\" y=\"{y}\" width=\"{cw}\" height=\"{ch}\"/></clipPath><g clip-path=\"url(#{id}-clip)\">"
            );
        }
        sheet.borrow_mut().out.push_str("<g transform=\"scale(.1)\">");
        let size = (w * FINE as u32, h * FINE as u32);
        let root = MarkWriter { sheet: sheet.clone(), size, fine: true }.into_drawing_area();
        for m in marks.iter().filter(|m| is_fine(m)) {
            draw_fine(&root, &sheet, m)?;
        }
        root.present().map_err(err)?;
        sheet.borrow_mut().out.push_str(if clip.is_some() { "</g></g>" } else { "</g>" });
    }
    let st = sheet.borrow();
    Ok((st.out.clone(), st.used))
}

fn write_text(out: &mut String, t: &Text) {
    let anchor = match t.anchor {
        Anchor::Start => "",
        Anchor::Middle => " text-anchor=\"middle\"",
        Anchor::End => " text-anchor=\"end\"",
    };
    let weight = if t.bold { " font-weight=\"700\"" } else { "" };
    let hit = t.hit.map_or_else(String::new, |h| format!(" data-hit=\"{h}\""));
    let halo = if t.halo { format!(" s{}\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke", t.bg.index()) } else { String::new() };
    let _ = write!(
        out,
        "<text x=\"{}\" y=\"{}\" font-size=\"{}\" class=\"f{}{halo}\"{anchor}{weight}{hit}>",
        num(t.x),
        num(t.y),
        num(t.size),
        t.color.index()
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

/// Inline style on the root `<svg>`: text properties a host page could pass down by inheritance (right-to-left
/// pages, letter-spacing, upper-case transforms, …) are set back to what the layout was measured with. Used
/// by the embed's shadow root and by static SVGs pasted inline into a page alike.
const HOST_RESET: &str = "direction:ltr;unicode-bidi:isolate;writing-mode:horizontal-tb;letter-spacing:normal;\
word-spacing:normal;text-transform:none;font-style:normal;font-variant:normal;font-weight:400;font-stretch:normal;\
text-shadow:none;text-decoration:none;font-kerning:auto;font-feature-settings:normal;font-size-adjust:none";

/// Where a drawing's ids must be unique: a page, into which any number of SVG documents may be inlined, or the
/// element's shadow root, which holds one drawing and scopes its ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// A file or inline SVG: the id names the width too (two widths of one chart differ in their clip path).
    Page,
    /// The element's shadow root: the id leaves the width out, so that a width change keeps the same style sheet
    /// (the element replaces its adopted sheet only when it changes, and a new sheet restyles the whole shadow tree).
    ShadowRoot,
}

/// Id prefix unique to a chart's kind, date, width, theme, language and title, so that two different charts
/// inlined into one page never share ids: `tc-<kind>-<YYYYMMDD>-<width>-<8 hex digits of a hash>`; in a shadow root
/// ([`Scope::ShadowRoot`]) without the width: `tc-<kind>-<YYYYMMDD>-<8 hex digits>`.
fn element_id(spec: &Spec, scope: Scope) -> String {
    // FNV-1a, 32 bits: stable across builds and platforms (std's hasher is not).
    let key = [spec.blocks.title.as_str(), spec.theme.name(), spec.lang];
    let hash = key.iter().flat_map(|s| s.bytes().chain(std::iter::once(0))).fold(0x811c_9dc5_u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193));
    let date: String = spec.csv_filename.chars().filter(char::is_ascii_digit).collect();
    match scope {
        Scope::Page => format!("tc-{}-{date}-{}-{hash:08x}", spec.kind.name, spec.width.round() as u32),
        Scope::ShadowRoot => format!("tc-{}-{date}-{hash:08x}", spec.kind.name),
    }
}

/// The style sheet: a rule per class used, with the theme's colours (both themes for `auto`).
fn style_sheet(id: &str, used: &[[bool; ROLES]; KINDS], theme: ThemeChoice) -> String {
    let rules = |t: &Theme| {
        let mut s = String::new();
        for (kind, prop) in [(0, "fill"), (1, "stroke")] {
            for r in Role::ALL {
                if used.get(kind).and_then(|u| u.get(r.index())).copied().unwrap_or(false) {
                    let prefix = if kind == 0 { "f" } else { "s" };
                    let _ = write!(s, "#{id} .{prefix}{}{{{prop}:{}}}", r.index(), t.color(r).hex());
                }
            }
        }
        // The focus outline the loader draws around a hovered or focused mark.
        let _ = write!(s, "#{id} .hl{{fill:none;stroke:{};stroke-width:2.5px;vector-effect:non-scaling-stroke}}", t.color(Role::Highlight).hex());
        s
    };
    let mut css = String::new();
    // Patterns reference their own <pattern>; their stripes take the stroke colour rules above.
    for kind in 2..KINDS {
        let prefix = PREFIX.get(kind).copied().unwrap_or("p");
        for r in Role::ALL {
            if used.get(kind).and_then(|u| u.get(r.index())).copied().unwrap_or(false) {
                let _ = write!(css, "#{id} .{prefix}{i}{{fill:url(#{id}-{prefix}{i})}}", i = r.index());
            }
        }
    }
    // Paper is light: a dark chart prints light (printing drops backgrounds by default, and light text on white
    // paper cannot be read), whatever the reader's setting or the theme option.
    match theme {
        ThemeChoice::Light => css.push_str(&rules(&LIGHT)),
        ThemeChoice::Dark => {
            css.push_str(&rules(&DARK));
            let _ = write!(css, "@media print{{{}}}", rules(&LIGHT));
        }
        ThemeChoice::Auto => {
            css.push_str(&rules(&LIGHT));
            let _ = write!(css, "@media screen and (prefers-color-scheme:dark){{{}}}", rules(&DARK));
        }
    }
    css
}

/// `<pattern>` elements for the patterns used: stripes 4 px apart, dots of 1 px radius on a 3 px grid (ten times
/// as large in the fine group).
fn patterns(id: &str, used: &[[bool; ROLES]; KINDS]) -> String {
    let mut s = String::new();
    for (kind, scale) in [(2, 1), (3, 10), (4, 1), (5, 10)] {
        let prefix = PREFIX.get(kind).copied().unwrap_or("p");
        for r in Role::ALL {
            if !used.get(kind).and_then(|u| u.get(r.index())).copied().unwrap_or(false) {
                continue;
            }
            // Stripes 4 px apart; dots on a 3 px grid, dense enough to show on a small state such as Nepal.
            let (w, i) = (if kind <= 3 { 4 * scale } else { 3 * scale }, r.index());
            let _ = write!(s, "<pattern id=\"{id}-{prefix}{i}\" width=\"{w}\" height=\"{w}\" patternUnits=\"userSpaceOnUse\"");
            if kind <= 3 {
                let sw = 15 * scale;
                let _ = write!(
                    s,
                    " patternTransform=\"rotate(45)\"><line x1=\"{h}\" y1=\"0\" x2=\"{h}\" y2=\"{w}\" class=\"s{i}\" stroke-width=\"{}.{}\"/></pattern>",
                    sw / 10,
                    sw % 10,
                    h = w / 2
                );
            } else {
                let rr = 10 * scale;
                let _ = write!(s, "><circle cx=\"{h}\" cy=\"{h}\" r=\"{}.{}\" class=\"f{i}\"/></pattern>", rr / 10, rr % 10, h = w / 2);
            }
        }
    }
    s
}

/// Writes the chart as one SVG document (UTF-8, no XML declaration, so it can also be inlined in HTML).
///
/// Structure: `<svg role="group" id lang>` named by the chart's title, holding its style sheet; inside, a
/// `<g role="img">` holding the `<title>`, the `<desc>` (summary, what it measures, what it leaves out, notes,
/// source) and the drawing, named by the title and described by the description; then the "Get the data (CSV)"
/// link (`<a href="data:text/csv…" download>`), outside the image so that it stays a link.
///
/// # Errors
/// [`RenderError`] if plotters fails to draw.
pub fn render(spec: &Spec) -> Result<String, RenderError> {
    let (body, css) = render_parts(spec, Scope::Page)?;
    Ok(standalone(&body, &css))
}

/// The document with its style sheet inside it: `body` (from [`render_parts`]) with `<style>css</style>` as the
/// root's first child.
pub fn standalone(body: &str, css: &str) -> String {
    match crate::text::find(body, ">") {
        Some(i) => {
            let (open, rest) = body.split_at_checked(i + 1).unwrap_or((body, ""));
            format!("{open}<style>{css}</style>{rest}")
        }
        None => body.to_string(),
    }
}

/// The chart as an SVG document without a style sheet or style attributes, and its style sheet apart: what the
/// element needs under a Content-Security-Policy without `style-src 'unsafe-inline'`, which blocks an inline
/// `<style>` and `style` attributes but not a constructed style sheet. The sheet's rules are scoped to the
/// document's id, so that any number of charts share a page (see [`Scope`] for the element's).
///
/// # Errors
/// [`RenderError`] if plotters fails to draw.
pub fn render_parts(spec: &Spec, scope: Scope) -> Result<(String, String), RenderError> {
    let (w, h) = (spec.width.round() as u32, spec.height.round() as u32);
    let id = element_id(spec, scope);
    let (marks, mut used) = draw_marks_clipped(&spec.marks, w, h, spec.clip.map(|r| (id.as_str(), r)))?;
    // Classes the loader uses: the surface, text colours and the tooltip's focus dots.
    for r in std::iter::once(Role::Surface).chain(spec.texts.iter().map(|t| t.color)).chain(spec.hits.iter().flat_map(|h| h.dots.iter().map(|d| d.1))) {
        if let Some(slot) = used.first_mut().and_then(|u| u.get_mut(r.index())) {
            *slot = true;
        }
    }
    for t in spec.texts.iter().filter(|t| t.halo) {
        if let Some(slot) = used.get_mut(1).and_then(|u| u.get_mut(t.bg.index())) {
            *slot = true;
        }
    }
    // The loader's focus rule (axis colour) and the outline of its dots (surface colour).
    if spec.hits.iter().any(|h| h.rule.is_some()) {
        for r in [RULE, DOT_OUTLINE] {
            if let Some(slot) = used.get_mut(1).and_then(|u| u.get_mut(r.index())) {
                *slot = true;
            }
        }
    }
    let mut out = String::with_capacity(64 * 1024 + marks.len());
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{id}\" lang=\"{}\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
         role=\"group\" aria-labelledby=\"{id}-title\" font-family=\"{}\" direction=\"ltr\" class=\"treaty-chart\">",
        escape_xml(spec.lang),
        escape_xml(FONT_FAMILY)
    );
    // The reset of inherited text styles is the sheet's first rule, not a style attribute (see above).
    let css = format!("#{id}{{{HOST_RESET}}}{}", style_sheet(&id, &used, spec.theme));
    let defs = patterns(&id, &used);
    if !defs.is_empty() {
        let _ = write!(out, "<defs>{defs}</defs>");
    }
    // The title and description belong to the image (an SVG <title>/<desc> names/describes its parent), so
    // the long description is exposed once: the image's name is the title, its description the text.
    let _ = write!(out, "<g role=\"img\" aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-desc\">");
    let _ = write!(out, "<title id=\"{id}-title\">{}</title>", escape_xml(&spec.blocks.label));
    let _ = write!(out, "<desc id=\"{id}-desc\">{}</desc>", escape_xml(&spec.description()));
    let _ = write!(out, "<rect width=\"{w}\" height=\"{h}\" class=\"f{}\"/>", Role::Surface.index());
    // The marks are decoration inside the labelled image: keep them out of the accessibility tree.
    out.push_str("<g aria-hidden=\"true\" class=\"marks\">");
    out.push_str(&marks);
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
    Ok((out, css))
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // tests run natively; the .wasm never carries them
mod tests {
    use super::{draw_marks, num};
    use crate::spec::{Mark, Rect, Role};

    #[test]
    fn marks_are_whole_pixel_shapes_with_role_classes() {
        let marks = [
            Mark::Rect { rect: Rect { x: 10.4, y: 20.6, w: 30.0, h: 5.0 }, color: Role::PalermoParty, hit: Some(3) },
            Mark::Area { points: vec![(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)], color: Role::PalermoParty, opacity: 0.25 },
            Mark::Path { points: vec![(1.2, 2.0), (3.0, 4.7)], color: Role::Axis, width: 2.5, dashed: false },
            Mark::Ring { center: (50.0, 50.0), r: 4.5, color: Role::IcrmwParty },
        ];
        let (svg, used) = draw_marks(&marks, 100, 100).unwrap();
        let (pal, icr, axis) = (Role::PalermoParty.index(), Role::IcrmwParty.index(), Role::Axis.index());
        assert!(svg.contains(&format!(r#"<rect x="10" y="21" width="30" height="5" class="f{pal}" data-hit="3"/>"#)), "{svg}");
        assert!(svg.contains(&format!(r#"<polygon points="0,0 10,0 10,10" class="f{pal}" fill-opacity="0.25"/>"#)), "{svg}");
        assert!(svg.contains(&format!(r#"<polyline stroke-linejoin="round" points="1,2 3,5" class="s{axis}" fill="none" stroke-width="3"/>"#)), "{svg}");
        assert!(svg.contains(&format!(r#"<circle cx="50" cy="50" r="5" class="s{icr}" fill="none" stroke-width="2"/>"#)), "{svg}");
        assert!(!svg.replace("fill-opacity=\"0.25\"", "").contains('.'), "no other fractional numbers: {svg}");
        assert!(used[0][pal] && used[1][icr] && used[0][Role::Surface.index()] && !used[1][pal]);
        assert!(roxmltree::Document::parse(&format!("<svg xmlns=\"http://www.w3.org/2000/svg\">{svg}</svg>")).is_ok());
    }

    #[test]
    fn shapes_with_holes_are_one_even_odd_path_in_tenths_of_a_pixel() {
        let outer = vec![(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)];
        let hole = vec![(2.5, 2.5), (2.5, 7.5), (7.5, 7.5), (7.5, 2.5)];
        let marks = [Mark::Shape { rings: vec![outer, hole], fill: Role::Both, pattern: Some(crate::spec::Pattern::Hatch(Role::IcrmwParty)), outline: None, hit: Some(0) }];
        let (svg, used) = draw_marks(&marks, 100, 100).unwrap();
        let both = Role::Both.index();
        assert!(svg.starts_with("<g transform=\"scale(.1)\">"), "{svg}");
        assert!(svg.contains(&format!(r#"<path fill-rule="evenodd" class="f{both}" data-hit="0" d="M0 0l100 0 0 100-100 0zM25 25l0 50 50 0 0-50z"/>"#)), "{svg}");
        assert!(used[3][Role::IcrmwParty.index()], "the hatch pattern is used at fine scale");
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
