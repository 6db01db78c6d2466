//! `status`: for each treaty, how the 195 UN member and observer states stand on the as-of date — parties, states
//! that may be parties (a deposit known only within a range that spans the date), signatories only, neither — as
//! stacked horizontal bars. Each bar's segments are exactly `count / 195` of the bar's width; counts are written
//! inside segments wide enough to hold them and, always, in the line under the bar. Highlighted states get a
//! marker in the segment they fall in and a line with their standing. CSV: one row per treaty, with
//! `party_min,party_max` (`party_max − party_min` states may be parties).

use super::{dated_row, status_key, ChartDef, ChartError, Ctx};
use crate::data::Treaty;
use crate::i18n::{Arg, Msg};
use crate::model::{Status, StatusCounts};
use crate::notes::{self, Counts};
use crate::options::Opt;
use crate::spec::{Anchor, Frame, Hit, Mark, Rect, Region, Role, Spec, Swatch, Text, LEADING};
use crate::text;

/// Registry entry.
pub static CHART: ChartDef = ChartDef { name: "status", about: Msg::AboutStatus, options: &[Opt::Highlight], world: false, example: &[], build: super::only("status", build) };

/// Most names a segment's tooltip lists before "and N more".
const MAX_NAMES: usize = 12;

/// A bar segment's tooltip lines: which treaty, the count in words, its share of the `total` states, and who they
/// are (up to [`MAX_NAMES`] named).
fn segment_lines(cx: &Ctx<'_>, t: Treaty, status: Status, treaty: &str, words: &str, count: u16, total: u16) -> Vec<String> {
    let (model, cat, as_of) = (cx.model, cx.cat, cx.o.as_of);
    let mut who: Vec<&'static str> = model.un_states().filter(|s| model.status(s, t, as_of) == status).map(|s| cat.name(s.iso3())).collect();
    crate::sort::by_key(&mut who, |n| crate::text::sort_key(n));
    // Rounded to the nearest tenth, as every other share (60 of 195 is 30.8%, not 30.7%).
    let share = crate::model::Coverage::tenths(u64::from(count), u64::from(total));
    let mut lines = vec![treaty.to_string(), words.to_string(), cat.f(Msg::TipShareOfStates, &[("share", Arg::Tenths(share)), ("total", Arg::Num(i64::from(total)))])];
    // "and 1 more" would take the room of the name itself: one over the limit is named.
    if who.len() <= MAX_NAMES + 1 {
        lines.push(cat.list(&who));
    } else {
        let shown = who.get(..MAX_NAMES).unwrap_or(&who).join(cat.0.list_sep);
        lines.push(cat.f(Msg::ListMore, &[("names", Arg::Str(&shown)), ("n", Arg::Num((who.len() - MAX_NAMES) as i64))]));
    }
    lines
}

/// Builds the status spec.
fn build(cx: &Ctx<'_>) -> Result<Spec, ChartError> {
    let (model, o, cat) = (cx.model, cx.o, cx.cat);
    let as_of = o.as_of;
    let w = f64::from(o.width);
    let all: Vec<(Treaty, StatusCounts)> = Treaty::ALL.iter().map(|t| (*t, model.status_counts(*t, as_of))).collect();
    // The 195 states (not the first treaty's counts: before the Palermo Protocol opened, on 12 Dec 2000, it has none,
    // and the Convention's bar was drawn 195 times too wide).
    let total = u16::try_from(model.un_states().count()).unwrap_or(u16::MAX);

    let mut about = notes::about(&cat, model, as_of, Counts::States, false);
    let caveat = notes::first_caveat(
        &cat,
        [
            notes::caveat_range(&cat, model, as_of, Counts::States),
            notes::caveat_gap(&cat, model, as_of, Counts::States),
            notes::caveat_todays_states(&cat, as_of),
            notes::caveat_eu(&cat, model, as_of),
        ],
        &mut about,
    );
    let blocks = notes::Blocks::new(
        &cat,
        o.title.clone().unwrap_or_else(|| cat.f(Msg::StatusTitle, &[("n", Arg::Num(i64::from(total)))])),
        cat.f(Msg::StatusSubtitle, &[("date", Arg::Day(as_of))]),
        cat.t(Msg::StatusMeasures),
        cat.t(Msg::LeavesOutPractice),
        caveat,
        about,
    );

    let mut f = Frame::new(w, cat);
    f.header(&blocks.title, &blocks.subtitle);
    let th = f.sizes;
    let plot_top = f.y + 4.0;
    let bar_h = if w < 480.0 { 30.0 } else { 36.0 };
    let bar = Rect { x: th.pad, y: plot_top, w: f.inner(), h: 0.0 };
    let mut y = plot_top;
    let mut marks = std::mem::take(&mut f.marks);
    let mut texts: Vec<Text> = std::mem::take(&mut f.texts);
    let t_run = |x: f64, y: f64, s: String, size: f64, color, bg, anchor, bold| Text {
        x, y, text: s, size, bold, bold_prefix: 0, color, bg, anchor, link: None, halo: false, hit: None,
    };

    let mut csv = String::new();
    let on = as_of.to_string();
    dated_row(&mut csv, "as_of", &["treaty", "party_min", "party_max", "signatory", "neither"]);
    let mut summary = Vec::new();
    let mut hits: Vec<Hit> = Vec::new();
    for (t, c) in &all {
        let info = t.info();
        let treaty = cat.treaty(*t);
        // Treaty name and headline number.
        // (Wrapped: "Convención sobre los Trabajadores Migratorios" is wider than a 280 px chart.)
        for (i, line) in text::wrap(treaty, th.label + 1.0, true, bar.w).into_iter().enumerate() {
            y += if i == 0 { th.label } else { (th.label + 1.0) * LEADING };
            texts.push(t_run(bar.x, y, line, th.label + 1.0, Role::text(*t), Role::Surface, Anchor::Start, true));
        }
        y += 6.0;
        if info.opened_for_signature > as_of {
            // No bar for a treaty that did not exist yet: 195 "neither" would misread as 195 refusals.
            let msg = cat.f(Msg::StatusNotOpen, &[("date", Arg::Day(info.opened_for_signature))]);
            for line in text::wrap(&msg, th.axis + 0.5, false, bar.w) {
                y += th.label * LEADING;
                texts.push(t_run(bar.x, y - 4.0, line, th.axis + 0.5, Role::Muted, Role::Surface, Anchor::Start, false));
            }
            y += 14.0;
            dated_row(&mut csv, &on, &[info.tag, "", "", "", ""]);
            summary.push(cat.f(Msg::SummaryNotOpen, &[("t", Arg::Key(t.tag())), ("treaty", Arg::Str(treaty))]));
            continue;
        }
        let n = |v: u16| Arg::Num(i64::from(v));
        let segments = [
            (c.party, Role::party(*t), false, cat.f(Msg::SegParties, &[("n", n(c.party))]), Status::Party),
            (c.maybe, Role::party(*t), true, cat.f(Msg::SegMaybe, &[("n", n(c.maybe))]), Status::MaybeParty),
            (c.signatory, Role::signatory(*t), false, cat.f(Msg::SegSigned, &[("n", n(c.signatory))]), Status::Signatory),
            (c.neither, Role::Neither, false, cat.f(Msg::SegNeither, &[("n", n(c.neither))]), Status::Neither),
        ];
        // Highlighted states get a row of their own between the name and the bar: a marker in their segment (spread
        // in alphabetical order) and a label. Laid out before the bar, since a crowded row needs a second line.
        let counts: Vec<(u16, Status)> = segments.iter().map(|s| (s.0, s.4)).collect();
        let marked = highlight_row(cx, *t, &counts, total, bar, th.axis);
        if !o.highlight.is_empty() {
            y += th.axis + 5.0 + marked.extra;
        }
        let mut x = bar.x;
        let mut segment_of: Vec<(Status, f64, f64)> = Vec::new();
        for (count, fill, hatch, words, status) in &segments {
            let (count, fill, hatch) = (*count, *fill, *hatch);
            if count == 0 {
                continue;
            }
            let sw = bar.w * f64::from(count) / f64::from(total.max(1));
            let r = Rect { x, y, w: sw, h: bar_h };
            let hit = Some(u16::try_from(hits.len()).unwrap_or(u16::MAX));
            segment_of.push((*status, x, sw));
            marks.push(if hatch { Mark::Hatch { rect: r, color: fill, hit } } else { Mark::Rect { rect: r, color: fill, hit } });
            let label = cat.num(i64::from(count));
            if !hatch && text::width(&label, th.label, true) + 8.0 <= sw {
                let ink = if fill == Role::party(*t) { Role::OnParty } else { Role::Ink };
                texts.push(t_run(x + 5.0, y + bar_h / 2.0 + th.label * 0.35, label, th.label, ink, fill, Anchor::Start, true));
            }
            // The tooltip: which treaty, the count, its share of the states, and who they are when few.
            let lines = if cx.lines { segment_lines(cx, *t, *status, treaty, words, count, total) } else { Vec::new() };
            let key = format!("{}:{}", t.tag(), status_key(*status));
            hits.push(Hit { key, region: Region::Mark { cx: x + sw / 2.0, cy: y + bar_h / 2.0 }, lines, rule: None, dots: Vec::new(), walk: true, small: false });
            x += sw;
        }
        // A hairline of the surface between segments, over the bar (the segments keep their exact widths): a
        // segment of a state or two, whose colour is close to its neighbour's, still reads as a block of its own.
        for (_, sx, _) in segment_of.iter().skip(1) {
            marks.push(Mark::Path { points: vec![(*sx, y), (*sx, y + bar_h)], color: Role::Border, width: 1.0, dashed: false });
        }
        // Highlighted states: their markers and labels (laid out by `highlight_row`), and their standing in words.
        let mut standings = Vec::new();
        for (mx, _) in &marked.markers {
            marks.push(Mark::Diamond { center: (*mx, y - 5.0), r: 4.5, color: Role::Highlight });
        }
        for (label, lx, dy) in marked.labels {
            texts.push(t_run(lx, y + dy, label, th.axis, Role::Highlight, Role::Surface, Anchor::Start, true));
        }
        let numbered = marked.numbered;
        for (number, iso3) in o.highlight.iter().enumerate() {
            let standing = notes::standing(&cat, model, iso3, *t, as_of);
            let name = if numbered { format!("{}\u{a0}{}", number + 1, cat.name(iso3)) } else { cat.name(iso3).to_string() };
            standings.push(cat.f(Msg::HighlightLine, &[("name", Arg::Str(&name)), ("standing", Arg::Str(&standing))]));
        }
        y += bar_h + th.label * LEADING;
        // The counts in words under the bar (always there, whatever fits inside), each after a key of its segment's
        // fill: the signatory tint and the grey of "neither" differ in hue more than in lightness, so a small
        // segment is told by its key and its place in the row, never by its colour alone.
        let keys: Vec<(Swatch, String)> = segments
            .iter()
            .filter(|(count, _, hatch, _, _)| *count > 0 || !*hatch)
            .map(|(_, fill, hatch, words, _)| (if *hatch { Swatch::Hatch(*fill) } else { Swatch::Square(*fill) }, words.clone()))
            .collect();
        let size = th.axis + 0.5;
        // The row's first baseline where the line of words had it (2 px above `y`), and `y` one line under its last.
        let top = y - 2.0 - size * 1.1;
        let end = crate::spec::key_row(&mut marks, &mut texts, &keys, (bar.x, bar.x + bar.w), top, size, Role::Muted);
        y = end - size * 0.4 + size * LEADING + 2.0;
        if !standings.is_empty() {
            for line in text::wrap(&standings.join(cat.t(Msg::Dot)), th.axis + 0.5, true, bar.w) {
                texts.push(t_run(bar.x, y - 2.0, line, th.axis + 0.5, Role::Highlight, Role::Surface, Anchor::Start, true));
                y += (th.axis + 0.5) * LEADING;
            }
        }
        y += 8.0;
        let r = c.parties();
        dated_row(&mut csv, &on, &[info.tag, &r.min.to_string(), &r.max.to_string(), &c.signatory.to_string(), &c.neither.to_string()]);
        summary.push(cat.f(
            Msg::StatusSummaryPart,
            &[
                ("treaty", Arg::Str(treaty)),
                ("count", Arg::Str(&notes::count(&cat, r))),
                ("n", n(r.max)),
                ("s", n(c.signatory)),
                ("x", n(c.neither)),
            ],
        ));
    }
    f.marks = marks;
    f.texts = texts;
    f.y = y - 8.0; // the gap after a bar separates treaties; the footer brings its own
    let plot = Rect { x: bar.x, y: plot_top, w: bar.w, h: y - plot_top };
    let summary = cat.f(
        Msg::StatusSummary,
        &[("total", Arg::Num(i64::from(total))), ("date", Arg::Day(as_of)), ("parts", Arg::Str(&summary.join(cat.t(Msg::Semicolon))))],
    );
    // For screen readers: the bars as a table.
    let rows: Vec<Vec<String>> = all
        .iter()
        .map(|(t, c)| {
            let open = t.info().opened_for_signature <= as_of;
            let v = |n: u16| if open { cat.num(i64::from(n)) } else { "–".to_string() };
            vec![cat.treaty(*t).to_string(), v(c.party), v(c.maybe), v(c.signatory), v(c.neither)]
        })
        .collect();
    let caption = cat.f(Msg::StatusSubtitle, &[("date", Arg::Day(as_of))]);
    let table = crate::spec::html_table(&caption, &["", cat.t(Msg::ColParties), cat.t(Msg::ColMaybe), cat.t(Msg::ColSigned), cat.t(Msg::ColNeither)], &rows);
    let csv_filename = format!("treaty-charts-status-{as_of}-{}.csv", cat.0.tag);
    let keys_label = (!hits.is_empty()).then(|| cat.f(Msg::AriaKeysMarks, &[("title", Arg::Str(&blocks.title))]));
    Ok(f.finish(
        o,
        blocks,
        crate::spec::Drawn { plot, hits, keys_label, table: Some(table), clip: None, summary, csv, csv_filename },
    ))
}

/// A treaty's row of highlight markers, laid out relative to the bar's top (`dy` < 0 is above it).
struct MarkerRow {
    /// Each marker's x (px) and highlight number (1-based), left to right.
    markers: Vec<(f64, usize)>,
    /// Each label: its text, left x and baseline relative to the bar's top.
    labels: Vec<(String, f64, f64)>,
    /// True when the labels are numbers (the lines under the bar name them).
    numbered: bool,
    /// Height the row needs beyond one line (a second line for numbers above crowded markers), px.
    extra: f64,
}

/// Lays out the highlighted states' markers over a bar of `segments` (count and status, in drawing order, of
/// `total` states) spanning `bar`, with labels `size` px high.
///
/// Markers closer than a marker's width (states in a segment of a few pixels) overlap: they form one group,
/// labelled once. Each marker or group gets its name beside it; when the names do not all fit (several states in
/// one segment, a phone's width), or a group holds more than one state, every marker gets its number instead, a
/// group its numbers from left to right ("2 · 3 · 4"), and the lines under the bar give the numbers' names. The
/// numbers go on a line of their own above the markers, each centred over its marker or group; where they
/// collide, neighbouring groups merge (markers up to 20, 35, 60, 100 px apart, then the whole row) until every
/// label has its own place. (A line of its own whenever there are numbers, so that the registry's height for
/// three states, which are numbered on a phone, holds for more.)
fn highlight_row(cx: &Ctx, t: Treaty, segments: &[(u16, Status)], total: u16, bar: Rect, size: f64) -> MarkerRow {
    let (model, o, cat, as_of) = (cx.model, cx.o, &cx.cat, cx.o.as_of);
    // Each segment's left edge and width, as the bar draws them.
    let mut x = bar.x;
    let mut geometry: Vec<(Status, f64, f64)> = Vec::new();
    for (count, status) in segments.iter().filter(|s| s.0 > 0) {
        let sw = bar.w * f64::from(*count) / f64::from(total.max(1));
        geometry.push((*status, x, sw));
        x += sw;
    }
    let mut markers: Vec<(f64, &str, usize)> = Vec::new();
    for (number, iso3) in o.highlight.iter().enumerate() {
        let st = model.status_of(t, iso3, as_of);
        if let Some((_, sx, sw)) = geometry.iter().find(|(s, _, _)| *s == st) {
            let mut same: Vec<&str> = model.un_states().filter(|s| model.status(s, t, as_of) == st).map(|s| s.iso3()).collect();
            crate::sort::by_key(&mut same, |c| crate::text::sort_key(cat.name(c)));
            let k = same.iter().position(|c| c == iso3).unwrap_or(0) as f64;
            markers.push((sx + sw * (k + 0.5) / same.len().max(1) as f64, *iso3, number + 1));
        }
    }
    crate::sort::by_key(&mut markers, |m| (m.0 * 100.0) as i64);
    // No label may cover a marker (relative to the bar's top: a marker spans -10..0).
    let marker_boxes: Vec<[f64; 4]> = markers.iter().map(|m| [m.0 - 5.0, -10.0, m.0 + 5.0, 0.0]).collect();
    let grouped = |gap: f64| -> Vec<Vec<(f64, &str, usize)>> {
        let mut groups: Vec<Vec<(f64, &str, usize)>> = Vec::new();
        for m in &markers {
            match groups.last_mut() {
                Some(g) if g.last().is_some_and(|l| m.0 - l.0 < gap) => g.push(*m),
                _ => groups.push(vec![*m]),
            }
        }
        groups
    };
    let ends = |g: &[(f64, &str, usize)]| (g.first().map_or(0.0, |m| m.0), g.last().map_or(0.0, |m| m.0));
    let numbers = |groups: &[Vec<(f64, &str, usize)>]| -> Vec<String> {
        groups.iter().map(|g| g.iter().map(|m| m.2.to_string()).collect::<Vec<_>>().join(cat.t(Msg::Dot))).collect()
    };
    // Each group's label, placed with the others: beside (right of the group, else left of it, on the markers'
    // line, clear of every marker) or above (on a line of its own, centred over the group, nudged a little, or
    // pushed inside the bar at either end). `None` when one has no place.
    let extra = size + 3.0;
    let place = |groups: &[Vec<(f64, &str, usize)>], labels: &[String], above: bool| -> Option<Vec<(String, f64, f64)>> {
        let (row, mut taken) = if above {
            (Rect { x: bar.x, y: -size - 5.0 - extra, w: bar.w, h: size + 8.0 + extra }, Vec::new())
        } else {
            (Rect { x: bar.x, y: -size - 5.0, w: bar.w, h: size + 8.0 }, marker_boxes.clone())
        };
        groups
            .iter()
            .zip(labels)
            .map(|(g, label)| {
                let (lo, hi) = ends(g);
                let nw = text::width(label, size, true);
                let (c, b) = ((lo + hi) / 2.0 - nw / 2.0, -12.5);
                let inside = crate::spec::within(c, bar.x, (bar.x + bar.w - nw).max(bar.x));
                let candidates: &[(f64, f64)] = if above {
                    &[(c, b), (c + 3.0, b), (c - 3.0, b), (c + 6.0, b), (c - 6.0, b), (inside, b)]
                } else {
                    &[(hi + 9.0, -2.0), (lo - 9.0 - nw, -2.0)]
                };
                crate::spec::place_label(candidates, nw, size, row, &mut taken).map(|((lx, b), _)| (label.clone(), lx, b))
            })
            .collect()
    };
    let xs: Vec<(f64, usize)> = markers.iter().map(|m| (m.0, m.2)).collect();
    let groups = grouped(10.0);
    if groups.iter().all(|g| g.len() == 1) {
        let names: Vec<String> = groups.iter().map(|g| g.iter().map(|m| cat.name(m.1)).collect::<Vec<_>>().join(cat.t(Msg::Dot))).collect();
        if let Some(labels) = place(&groups, &names, false) {
            return MarkerRow { markers: xs, labels, numbered: false, extra: 0.0 };
        }
    }
    for gap in [10.0, 20.0, 35.0, 60.0, 100.0] {
        let groups = grouped(gap);
        if let Some(labels) = place(&groups, &numbers(&groups), true) {
            return MarkerRow { markers: xs, labels, numbered: true, extra };
        }
    }
    // One group for the whole row, centred over it and kept inside the bar's width (a number never goes missing).
    let all = grouped(f64::INFINITY);
    let labels = numbers(&all)
        .into_iter()
        .zip(&all)
        .map(|(label, g)| {
            let (lo, hi) = ends(g);
            let nw = text::width(&label, size, true);
            let lx = crate::spec::within((lo + hi) / 2.0 - nw / 2.0, bar.x, (bar.x + bar.w - nw).max(bar.x));
            (label, lx, -12.5)
        })
        .collect();
    MarkerRow { markers: xs, labels, numbered: true, extra }
}
