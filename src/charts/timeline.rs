//! `timeline`: the number of parties to each treaty from 1990 to the as-of date, one step line per treaty.
//!
//! Marks: step lines at the parties certain on each day; where a deposit is known only within a range, a shaded
//! band up to the parties that may already have joined (dashed edge), and end labels such as `177–178`; a tick
//! where each treaty opened for signature, a ring where it entered into force, diamonds at the depositary's own
//! published counts, and a marker with its name where each highlighted state joined. Hits: one band per day on
//! which either count changed. CSV: one row per such day and treaty, `parties_min,parties_max`.

use super::{csv_row, ChartDef, ChartError, Ctx};
use crate::data::{self, Treaty};
use crate::date::Day;
use crate::i18n::{Arg, Cat, Msg};
use crate::model::{Model, Range, When};
use crate::notes::{self, Counts};
use crate::options::Opt;
use crate::spec::{nice_axis, Anchor, Frame, Hit, Linear, Mark, Rect, Region, Role, Spec, Swatch, Text};
use crate::text;

/// Registry entry.
pub static CHART: ChartDef =
    ChartDef { name: "timeline", about: Msg::AboutTimeline, options: &[Opt::Highlight], world: false, example: &[], build: super::only("timeline", build) };

/// Most names listed in one tooltip before "and N more".
const MAX_NAMES: usize = 4;

/// Step-line points for `t` from its opening to `as_of`, in domain units (day number, count), counting each
/// deposit on the day `pick` gives (its latest for the certain count, its earliest for the possible one).
fn steps(model: &Model, t: Treaty, as_of: Day, pick: fn(When) -> Day) -> Vec<(f64, f64)> {
    let open = t.info().opened_for_signature;
    if open > as_of {
        return Vec::new();
    }
    let mut days: Vec<Day> = model.deposits(t).iter().map(|d| pick(d.when)).filter(|d| *d <= as_of).collect();
    crate::sort::sort(&mut days);
    let mut pts = vec![(f64::from(open.0), 0.0)];
    let mut n = 0.0;
    for d in days {
        let x = f64::from(d.0);
        pts.push((x, n));
        n += 1.0;
        pts.push((x, n));
    }
    pts.push((f64::from(as_of.0), n));
    pts.dedup();
    pts
}

/// Builds the timeline spec.
fn build(cx: &Ctx<'_>) -> Result<Spec, ChartError> {
    let (model, o, cat) = (cx.model, cx.o, cx.cat);
    let as_of = o.as_of;
    let w = f64::from(o.width);
    let first = Day::jan1(crate::options::FIRST_YEAR);

    // Blocks and notes.
    let subtitle = if as_of.year() == first.year() {
        cat.f(Msg::TimelineSubtitleDay, &[("date", Arg::Day(as_of))])
    } else {
        cat.f(Msg::TimelineSubtitle, &[("first", Arg::Plain(i64::from(first.year()))), ("date", Arg::Day(as_of))])
    };
    let mut about = notes::about(&cat, model, as_of, Counts::Parties, false);
    let caveat = notes::first_caveat(
        &cat,
        [notes::caveat_range(&cat, model, as_of, Counts::Parties), notes::caveat_not_in_force(&cat, as_of), notes::caveat_gap(&cat, model, as_of, Counts::Parties)],
        &mut about,
    );
    let blocks = notes::Blocks::new(
        &cat,
        o.title.clone().unwrap_or_else(|| cat.t(Msg::TimelineTitle).to_string()),
        subtitle,
        cat.t(Msg::TimelineMeasures),
        cat.t(Msg::LeavesOutPractice),
        caveat,
        about,
    );
    let ranges: Vec<(Treaty, Day)> = Treaty::ALL
        .iter()
        .flat_map(|t| model.deposits(*t).iter().filter(|d| d.when.day().is_none() && d.when.earliest() <= as_of).map(move |d| (*t, d.when.earliest())))
        .collect();

    // Header and legend.
    let mut f = Frame::new(w, cat);
    f.header(&blocks.title, &blocks.subtitle);
    // A treaty's line from the day it opened for signature; before that the plot says why there is none.
    let mut legend: Vec<(Swatch, String)> =
        Treaty::ALL.iter().filter(|t| t.open_on(as_of)).map(|t| (Swatch::Line(Role::party(*t)), cat.treaty(*t).to_string())).collect();
    // Keys only for marks that are drawn on this date.
    if Treaty::ALL.iter().any(|t| t.info().opened_for_signature <= as_of) {
        legend.push((Swatch::Tick(Role::Axis), cat.t(Msg::LegendOpened).into()));
    }
    if Treaty::ALL.iter().any(|t| t.info().entry_into_force <= as_of) {
        legend.push((Swatch::Ring(Role::Axis), cat.t(Msg::LegendInForce).into()));
    }
    let published: Vec<(Treaty, Day, u16)> = data::headlines()
        .iter()
        .filter(|h| crate::model::from_depositary(h))
        .filter_map(|h| h.day.map(|d| (h.treaty, d, h.parties)))
        .filter(|(_, d, _)| *d <= as_of)
        .collect();
    if !published.is_empty() {
        legend.push((Swatch::Diamond(Role::Ink), cat.t(Msg::LegendPublished).into()));
    }
    // The y scale (the legend needs it: see the band below).
    let counts: Vec<(Treaty, crate::model::Range)> = Treaty::ALL.iter().map(|t| (*t, model.parties_on(*t, as_of))).collect();
    let top_value = counts.iter().map(|c| c.1.max).max().unwrap_or(0);
    let top_value = published.iter().map(|p| p.2).fold(top_value, u16::max);
    let max_ticks = if w < 480.0 { 4 } else { 5 };
    // At least 0–10, so that the first years (no parties yet) still read as a count axis.
    let (step, y_max) = nice_axis(f64::from(top_value.max(10)), max_ticks);
    let plot_h = crate::spec::within(w * 0.5, 190.0, 380.0);
    // The band is keyed only where it can be seen: at its widest it must be 2 px tall (one uncertain party is under
    // a pixel on a phone, hidden by the line; the end label's range and the note still say it).
    let widest = ranges
        .iter()
        .map(|(t, d)| (*t, *d))
        .chain(Treaty::ALL.iter().map(|t| (*t, as_of)))
        .map(|(t, d)| model.parties_on(t, d))
        .map(|r| f64::from(r.max.saturating_sub(r.min)))
        .fold(0.0, f64::max);
    let seen = widest * plot_h / y_max.max(1.0) >= 2.0;
    if !ranges.is_empty() && seen {
        let t = ranges.first().map_or(Treaty::Palermo, |r| r.0);
        legend.push((Swatch::Hatch(Role::party(t)), cat.t(Msg::LegendRange).into()));
    }
    // Highlighted states: a filled dot on the day each joined (not a ring, which marks entry into force); a hollow
    // one for a deposit whose day is known only within a range, which claims no day: at the range's start while the
    // chart's date is inside it (it may have happened), at its end once it is over (it had happened by then).
    let joined = |iso3: &str, t: Treaty| model.participation(t, iso3).and_then(|p| p.deposit).filter(|d| d.when.earliest() <= as_of);
    let ranged = |d: &crate::model::Deposit| d.when.earliest() != d.when.latest();
    let drawn: Vec<(&str, Treaty, bool)> = o
        .highlight
        .iter()
        .flat_map(|c| Treaty::ALL.into_iter().filter_map(move |t| joined(c, t).map(|d| (*c, t, ranged(&d)))))
        .collect();
    // A state on both lines is labelled with each line's short tag ("Mexico (ICRMW)"): the keys define the tags.
    if o.highlight.iter().any(|c| drawn.iter().filter(|(d, _, _)| d == c).count() == Treaty::ALL.len()) {
        for (swatch, label) in &mut legend {
            if let Some(t) = Treaty::ALL.into_iter().find(|t| *swatch == Swatch::Line(Role::party(*t))) {
                *label = super::name_with_tag(&cat, t);
            }
        }
    }
    if drawn.iter().any(|(_, _, m)| !m) {
        legend.push((Swatch::Dot(Role::Highlight, Role::Surface), cat.t(Msg::LegendHighlight).into()));
    }
    if drawn.iter().any(|(_, _, m)| *m) {
        legend.push((Swatch::Dot(Role::Surface, Role::Highlight), cat.t(Msg::LegendHighlightMaybe).into()));
    }
    f.legend(&legend);

    // Scales.
    let th = f.sizes;
    let y_label_w = text::width(&cat.num(y_max.round() as i64), th.axis, false) + 6.0;
    let end_labels: Vec<String> = counts.iter().map(|(_, r)| notes::count(&cat, *r)).collect();
    let end_label_w = end_labels.iter().map(|c| text::width(c, th.label, true)).fold(0.0, f64::max) + 11.0;
    let plot = Rect { x: th.pad + y_label_w, y: f.y + 4.0, w: w - 2.0 * th.pad - y_label_w - end_label_w, h: plot_h };
    let xs = Linear { d0: f64::from(first.0), d1: f64::from(as_of.0), r0: plot.x, r1: plot.x + plot.w };
    let ys = Linear { d0: 0.0, d1: y_max, r0: plot.y + plot.h, r1: plot.y };
    let px = |(x, y): (f64, f64)| (xs.map(x), ys.map(y));

    let mut marks = std::mem::take(&mut f.marks);
    let mut texts: Vec<Text> = std::mem::take(&mut f.texts);
    let label = |x: f64, y: f64, s: String, size: f64, color, anchor| Text {
        x, y, text: s, size, bold: false, bold_prefix: 0, color, bg: Role::Surface, anchor, link: None, halo: false, hit: None,
    };

    // Gridlines and y labels.
    let mut v = 0.0;
    while v <= y_max + 1e-9 {
        let y = ys.map(v);
        let color = if v == 0.0 { Role::Axis } else { Role::Grid };
        marks.push(Mark::Path { points: vec![(plot.x, y), (plot.x + plot.w, y)], color, width: 1.0, dashed: false });
        texts.push(label(plot.x - 6.0, y + th.axis * 0.35, cat.num(v.round() as i64), th.axis, Role::Muted, Anchor::End));
        v += step;
    }

    // Year ticks: the smallest step whose labels do not collide.
    let year_w = text::width("2000", th.axis, false) + 14.0;
    let span_years = f64::from(as_of.year() - first.year()).max(1.0);
    let year_step = [1, 2, 5, 10, 20].into_iter().find(|s| plot.w / span_years * f64::from(*s) >= year_w).unwrap_or(20);
    let base = ys.map(0.0);
    let mut year = first.year();
    let mut free_from = f64::MIN; // right edge of the last year label, plus a gap
    while Day::jan1(year) <= as_of {
        let x = xs.map(f64::from(Day::jan1(year).0));
        marks.push(Mark::Path { points: vec![(x, base), (x, base + 4.0)], color: Role::Axis, width: 1.0, dashed: false });
        let s = year.to_string();
        let lw = text::width(&s, th.axis, false);
        // Centred under the tick, pushed inside the chart at either edge.
        let left = (x - lw / 2.0).max(th.pad).min(w - th.pad - lw);
        if left >= free_from {
            texts.push(label(left, base + 6.0 + th.axis, s, th.axis, Role::Muted, Anchor::Start));
            free_from = left + lw + 8.0;
        }
        year += year_step;
    }

    // Bands: from the first day a party may have joined to the as-of date, between the certain and possible counts.
    for t in Treaty::ALL {
        let Some(start) = ranges.iter().filter(|r| r.0 == t).map(|r| r.1).min() else { continue };
        let sx = f64::from(start.0);
        let clip = |v: Vec<(f64, f64)>| -> Vec<(f64, f64)> {
            let at_start = v.iter().rev().find(|p| p.0 <= sx).map_or(0.0, |p| p.1);
            std::iter::once((sx, at_start)).chain(v.into_iter().filter(|p| p.0 > sx)).collect()
        };
        let lower = clip(steps(model, t, as_of, When::latest));
        let upper = clip(steps(model, t, as_of, When::earliest));
        let mut poly: Vec<(f64, f64)> = upper.iter().copied().map(px).collect();
        poly.extend(lower.iter().rev().copied().map(px));
        marks.push(Mark::Area { points: poly, color: Role::party(t), opacity: 0.22 });
        marks.push(Mark::Path { points: upper.into_iter().map(px).collect(), color: Role::party(t), width: 1.0, dashed: true });
    }

    // Lines, event markers, end labels.
    let mut end_ys: Vec<(Treaty, f64, String)> = Vec::new();
    let mut notice_y = plot.y + th.axis * 1.4;
    for (k, t) in Treaty::ALL.iter().copied().enumerate() {
        let pts: Vec<(f64, f64)> = steps(model, t, as_of, When::latest).into_iter().map(px).collect();
        if pts.is_empty() {
            // Say why the line is missing, inside the plot's empty top-left corner.
            let msg = cat.f(Msg::NoLine, &[("t", Arg::Key(t.tag())), ("treaty", Arg::Str(cat.treaty(t))), ("date", Arg::Day(t.info().opened_for_signature))]);
            for line in text::wrap(&msg, th.axis, false, plot.w - 12.0) {
                texts.push(label(plot.x + 6.0, notice_y, line, th.axis, Role::text(t), Anchor::Start));
                notice_y += th.axis * 1.35;
            }
            notice_y += th.axis * 0.4;
            continue;
        }
        marks.push(Mark::Path { points: pts, color: Role::party(t), width: 2.5, dashed: false });
        let info = t.info();
        let ox = xs.map(f64::from(info.opened_for_signature.0));
        marks.push(Mark::Path { points: vec![(ox, base - 7.0), (ox, base + 7.0)], color: Role::party(t), width: 2.0, dashed: false });
        if info.entry_into_force <= as_of {
            let n = f64::from(model.parties_on(t, info.entry_into_force).min);
            marks.push(Mark::Ring { center: px((f64::from(info.entry_into_force.0), n)), r: 4.5, color: Role::party(t) });
        }
        let n = counts.get(k).map_or(0, |c| c.1.min);
        end_ys.push((t, ys.map(f64::from(n)), end_labels.get(k).cloned().unwrap_or_default()));
    }
    for (t, d, n) in &published {
        marks.push(Mark::Diamond { center: px((f64::from(d.0), f64::from(*n))), r: 5.0, color: Role::text(*t) });
    }
    // Keep end labels apart.
    let min_gap = th.label * 1.1;
    if let [a, b] = end_ys.as_mut_slice() {
        if (a.1 - b.1).abs() < min_gap {
            let mid = (a.1 + b.1) / 2.0;
            let (hi, lo) = if a.1 <= b.1 { (a, b) } else { (b, a) };
            hi.1 = mid - min_gap / 2.0;
            lo.1 = mid + min_gap / 2.0;
        }
    }
    for (t, y, n) in &end_ys {
        let mut l = label(plot.x + plot.w + 9.0, y + th.label * 0.35, n.clone(), th.label, Role::text(*t), Anchor::Start);
        l.bold = true;
        texts.push(l);
    }

    // Highlighted states: a marker where each joined, with its name above it; names that would touch step up (or
    // down, below the line), joined to their marker by a line. Names keep clear of each other, of every marker,
    // and of what is drawn on the plot: both treaties' lines, the rings and diamonds on them.
    let marker = |iso3: &str, t: Treaty| {
        joined(iso3, t).map(|d| {
            let day = if d.when.latest() > as_of { d.when.earliest() } else { d.when.latest() };
            let (fill, outline) = if ranged(&d) { (Role::Surface, Role::Highlight) } else { (Role::Highlight, Role::Surface) };
            (px((f64::from(day.0), f64::from(model.parties_on(t, day).min))), fill, outline)
        })
    };
    let mut drawn_boxes: Vec<[f64; 4]> = Vec::new();
    for m in &marks {
        match m {
            Mark::Path { points, color, .. } if Treaty::ALL.iter().any(|t| Role::party(*t) == *color) => {
                drawn_boxes.extend(points.windows(2).filter_map(|w| match w {
                    [a, b] => Some([a.0.min(b.0) - 1.0, a.1.min(b.1) - 1.0, a.0.max(b.0) + 1.0, a.1.max(b.1) + 1.0]),
                    _ => None,
                }));
            }
            Mark::Ring { center, r, .. } | Mark::Diamond { center, r, .. } => drawn_boxes.push([center.0 - r, center.1 - r, center.0 + r, center.1 + r]),
            _ => {}
        }
    }
    // The markers, then each name and leader as placed: what a name must never touch.
    let mut markers: Vec<[f64; 4]> = Vec::new();
    for iso3 in &o.highlight {
        for t in Treaty::ALL {
            if let Some(((x, y), _, _)) = marker(iso3, t) {
                // (Its core: a name may come as close to its own marker as the 3 px every box keeps.)
                markers.push([x - 3.0, y - 3.0, x + 3.0, y + 3.0]);
            }
        }
    }
    // Names first; where one finds no place clear of the others, the lines and the leaders (many states on a
    // phone), every marker takes its state's number instead and a key under the plot gives the names.
    let mut numbered = false;
    let (labels, leader_marks) = loop {
        let mut taken = markers.clone();
        let (mut names, mut leaders): (Vec<[f64; 4]>, Vec<[f64; 4]>) = (Vec::new(), Vec::new());
        let mut segments: Vec<Segment> = Vec::new();
        let (mut labels, mut leader_marks) = (Vec::new(), Vec::new());
        let mut clean = true;
        for (number, iso3) in o.highlight.iter().enumerate() {
            let both = Treaty::ALL.iter().all(|t| joined(iso3, *t).is_some());
            for t in Treaty::ALL {
                let Some(((x, y), _, _)) = marker(iso3, t) else { continue };
                // A state on both lines says which label is which, in words.
                let name = if numbered {
                    (number + 1).to_string()
                } else if both {
                    cat.f(Msg::NameWithTag, &[("name", Arg::Str(cat.name(iso3))), ("tag", Arg::Str(super::short_tag(&cat, t)))])
                } else {
                    cat.name(iso3).to_string()
                };
                let nw = text::width(&name, th.axis, true);
                let centred = crate::spec::within(x - nw / 2.0, plot.x, plot.x + plot.w - nw);
                let fallback = ((centred, (y - 9.0).max(plot.y + th.axis)), 0, false);
                let room = Room { plot, size: th.axis, taken: &taken, lines: &drawn_boxes, leaders: &leaders, names: &names, segments: &segments };
                let ((left, baseline), k, clear) = place_name((x, y), centred, nw, &room).unwrap_or(fallback);
                clean &= clear;
                let name_box = crate::spec::label_box((left, baseline), nw, th.axis);
                taken.push(name_box);
                names.push(name_box);
                if k >= 1 {
                    // Moved off its marker: a line from the marker to the name, which later names keep clear of.
                    let (from, to) = leader((x, y), (left, baseline), nw, th.axis);
                    leaders.extend(along(from, to).into_iter().map(|(px, py)| [px - 0.5, py - 0.5, px + 0.5, py + 0.5]));
                    segments.push((from, to));
                    leader_marks.push(Mark::Path { points: vec![from, to], color: Role::Highlight, width: 1.0, dashed: false });
                }
                let mut l = label(left, baseline, name, th.axis, Role::Highlight, Anchor::Start);
                l.bold = true;
                l.halo = true;
                labels.push(l);
            }
        }
        if clean || numbered {
            break (labels, leader_marks);
        }
        numbered = true;
    };
    for iso3 in &o.highlight {
        for t in Treaty::ALL {
            if let Some(((x, y), fill, outline)) = marker(iso3, t) {
                marks.push(Mark::Dot { center: (x, y), r: 4.5, fill, outline, pattern: None, hit: None });
            }
        }
    }
    marks.extend(leader_marks);
    texts.extend(labels);
    f.texts = texts;
    f.marks = marks;
    f.y = base + 6.0 + th.axis * LEADING_AXIS;
    // The numbers' key: each state's number and name (a state on both lines has its number on both markers; the
    // line each sits on says which treaty's).
    if numbered {
        let entries: Vec<String> = o
            .highlight
            .iter()
            .enumerate()
            .filter(|(_, iso3)| Treaty::ALL.iter().any(|t| marker(iso3, *t).is_some()))
            .map(|(k, iso3)| format!("{}\u{a0}{}", k + 1, cat.name(iso3)))
            .collect();
        f.y += 4.0;
        // (The separator keeps to the end of a line, never starting the next.)
        let dot = cat.t(Msg::Dot).trim_start().to_string();
        f.paragraph(&entries.join(&format!("\u{a0}{dot}")), th.axis, Role::Highlight, true, "");
    }
    // Highlighted states with no marker at all are named, not left out without a word.
    let none: Vec<&'static str> = o.highlight.iter().filter(|c| !drawn.iter().any(|(d, _, _)| d == *c)).copied().collect();
    // Only the treaties open for signature by then could have been joined.
    let open: Vec<Treaty> = Treaty::ALL.into_iter().filter(|t| t.open_on(as_of)).collect();
    if !none.is_empty() && !open.is_empty() {
        let (n, names) = (Arg::Num(none.len() as i64), Arg::Str(&notes::names(&cat, &none)));
        let line = match open.as_slice() {
            [one] => cat.f(Msg::HighlightNoneOne, &[("n", n), ("t", Arg::Key(one.tag())), ("treaty", Arg::Str(cat.treaty(*one))), ("date", Arg::Day(as_of)), ("names", names)]),
            _ => cat.f(Msg::HighlightNone, &[("n", n), ("date", Arg::Day(as_of)), ("names", names)]),
        };
        // ("The United States and Mexico were not…": the sentence may start with a name's article.)
        let line = text::first_with(&line, text::upper);
        f.y += 4.0;
        f.paragraph(&line, th.axis, Role::Ink, false, "");
    }

    // Hits and CSV: every day on which either count (certain or possible) changed.
    let mut days: Vec<Day> = Treaty::ALL
        .iter()
        .flat_map(|t| model.deposits(*t).iter().flat_map(|d| [d.when.earliest(), d.when.latest()]))
        .filter(|d| *d <= as_of)
        .collect();
    crate::sort::sort(&mut days);
    days.dedup();
    let mut csv = String::new();
    csv_row(&mut csv, &["date", "treaty", "parties_min", "parties_max"]);
    let mut hits: Vec<Hit> = Vec::with_capacity(days.len());
    for day in days {
        // The tooltip's lines only when they are wanted (see Ctx::lines): they are most of the chart's work.
        let mut lines = if cx.lines { vec![cat.day(day)] } else { Vec::new() };
        let mut dots = Vec::new();
        for t in Treaty::ALL {
            if t.info().opened_for_signature > day {
                if cx.lines {
                    lines.push(cat.f(Msg::TipNotYetOpen, &[("treaty", Arg::Str(cat.treaty(t)))]));
                }
                continue;
            }
            let r = model.parties_on(t, day);
            dots.push((ys.map(f64::from(r.min)), Role::party(t)));
            if model.deposits(t).iter().any(|d| d.when.earliest() == day || d.when.latest() == day) {
                csv_row(&mut csv, &[&day.to_string(), t.tag(), &r.min.to_string(), &r.max.to_string()]);
            }
            if cx.lines {
                tip_lines(model, &cat, t, day, r, &mut lines);
            }
        }
        let x = xs.map(f64::from(day.0));
        hits.push(Hit { key: day.to_string(), region: Region::Band { x0: x, x1: x }, lines, rule: Some(x), dots, walk: true, small: false });
    }
    // Each date owns the band from halfway to the previous date to halfway to the next.
    let xs_of: Vec<f64> = hits.iter().filter_map(|h| h.rule).collect();
    for (i, h) in hits.iter_mut().enumerate() {
        let x = xs_of.get(i).copied().unwrap_or(plot.x);
        let x0 = if i == 0 { plot.x } else { (xs_of.get(i - 1).copied().unwrap_or(x) + x) / 2.0 };
        let x1 = xs_of.get(i + 1).map_or(plot.x + plot.w, |n| (x + n) / 2.0);
        h.region = Region::Band { x0, x1 };
    }

    // For screen readers: each treaty's parties at the end of every year, and on the chart's date.
    let mut days: Vec<Day> = (first.year()..as_of.year()).filter_map(|y| Day::from_ymd(y, 12, 31).ok()).collect();
    days.push(as_of);
    let rows: Vec<Vec<String>> = days
        .iter()
        .map(|d| {
            let mut r = vec![if *d == as_of { cat.day(*d) } else { d.year().to_string() }];
            r.extend(Treaty::ALL.map(|t| if t.info().opened_for_signature > *d { "–".to_string() } else { notes::count(&cat, model.parties_on(t, *d)) }));
            r
        })
        .collect();
    let caption = cat.f(Msg::TableTimelineCaption, &[("date", Arg::Day(as_of))]);
    let table = crate::spec::html_table(&caption, &[cat.t(Msg::ColYear), cat.treaty(Treaty::Palermo), cat.treaty(Treaty::Icrmw)], &rows);
    let summary = summary(model, &cat, as_of);
    let csv_filename = format!("treaty-charts-timeline-{as_of}-{}.csv", cat.0.tag);
    let keys_label = (!hits.is_empty()).then(|| cat.f(Msg::AriaKeysTimeline, &[("title", Arg::Str(&blocks.title))]));
    Ok(f.finish(
        o,
        blocks,
        crate::spec::Drawn { plot, hits, keys_label, table: Some(table), clip: None, summary, csv, csv_filename },
    ))
}

const LEADING_AXIS: f64 = 1.6;

/// A straight line from one point to another, px.
type Segment = ((f64, f64), (f64, f64));

/// What a highlighted state's name must keep clear of on the timeline (boxes `[left, top, right, bottom]`, px).
struct Room<'a> {
    /// The plot, which the name stays inside.
    plot: Rect,
    /// The names' font size, px.
    size: f64,
    /// Every marker and the names placed so far: never touched but as the last resort.
    taken: &'a [[f64; 4]],
    /// Both treaties' lines, the rings and diamonds on them.
    lines: &'a [[f64; 4]],
    /// Points along the leaders drawn so far.
    leaders: &'a [[f64; 4]],
    /// The names placed so far (a new leader must not cross one).
    names: &'a [[f64; 4]],
    /// The leaders drawn so far, end to end (a new leader must not cross one).
    segments: &'a [Segment],
}

/// Whether the segments `a`–`b` and `c`–`d` cross (touching at an end does not count).
fn segments_cross(a: (f64, f64), b: (f64, f64), c: (f64, f64), d: (f64, f64)) -> bool {
    let side = |p: (f64, f64), q: (f64, f64), r: (f64, f64)| (q.0 - p.0) * (r.1 - p.1) - (q.1 - p.1) * (r.0 - p.0);
    let (d1, d2, d3, d4) = (side(c, d, a), side(c, d, b), side(a, b, c), side(a, b, d));
    d1 * d2 < 0.0 && d3 * d4 < 0.0
}

/// Where the name (`nw` px wide) of the marker at `(x, y)` goes, `(left, baseline)`, and its place's index among
/// the candidates (0: over its marker, no leader). Candidates: over the marker (`centred` is the left edge that
/// centres it, kept inside the plot) and steps above it, steps below it, then to either side. The first that fits
/// in passes that give up one wish at a time — near the marker (within 3 steps) and clear of the lines; anywhere
/// clear of the lines; near it, on a line (the name's halo keeps it legible); anywhere — each clear of the other
/// leaders, with a leader crossing no name or leader; then the place clear of the names and markers whose leader
/// crosses fewest names and leaders; else the place that covers the least of the markers and names. The flag:
/// whether the place is clean (clear of the other names and the markers, its leader crossing no name or leader);
/// the caller numbers the markers when one is not. `None` when no place is inside the plot.
fn place_name((x, y): (f64, f64), centred: f64, nw: f64, room: &Room<'_>) -> Option<((f64, f64), usize, bool)> {
    let step = room.size * 1.25;
    let up = |k: u8| y - 9.0 - step * f64::from(k);
    let down = |k: u8| y + 9.0 + room.size + step * f64::from(k);
    let mut candidates: Vec<((f64, f64), u8)> = Vec::new();
    candidates.extend((0..8).map(|k| ((centred, up(k)), k)));
    candidates.extend((0..6).map(|k| ((centred, down(k)), k)));
    for k in 0..12 {
        candidates.extend([((x + 8.0, up(k)), k + 1), ((x - 8.0 - nw, up(k)), k + 1)]);
    }
    for k in 0..6 {
        candidates.extend([((x + 8.0, down(k)), k + 1), ((x - 8.0 - nw, down(k)), k + 1)]);
    }
    // How many names already placed the leader to a place would cross.
    let crossings = |c: (f64, f64)| {
        let (from, to) = leader((x, y), c, nw, room.size);
        let points = along(from, to);
        room.names.iter().filter(|r| points.iter().any(|(px, py)| *px >= r[0] - 1.0 && *px <= r[2] + 1.0 && *py >= r[1] - 1.0 && *py <= r[3] + 1.0)).count()
    };
    // Whether the leader to a place would cross a leader drawn before (two leaders crossing read as a swap).
    let crosses_leader = |c: (f64, f64)| {
        let (from, to) = leader((x, y), c, nw, room.size);
        room.segments.iter().any(|&(a, b)| segments_cross(from, to, a, b))
    };
    let crosses = |c: (f64, f64)| crossings(c) > 0 || crosses_leader(c);
    // (near, clear of the lines); always clear of the leaders, and its own leader crossing no name or leader.
    // Off the lines matters more than near: a name on a line reads as that line's label.
    for (near, clear_of_lines) in [(true, true), (false, true), (true, false), (false, false)] {
        let mut boxes = [room.taken, room.leaders].concat();
        if clear_of_lines {
            boxes.extend_from_slice(room.lines);
        }
        let (index, open): (Vec<usize>, Vec<(f64, f64)>) = candidates
            .iter()
            .enumerate()
            .filter(|(k, (c, steps))| (!near || *steps <= 3) && (*k == 0 || !crosses(*c)))
            .map(|(k, (c, _))| (k, *c))
            .unzip();
        if let Some((at, i)) = crate::spec::place_label(&open, nw, room.size, room.plot, &mut boxes) {
            return Some((at, index.get(i).copied().unwrap_or(0), true));
        }
    }
    // Clear of the names and markers, its leader crossing as few names and leaders as can be (then the nearest).
    let best = candidates
        .iter()
        .enumerate()
        .filter(|(_, (c, _))| crate::spec::fits(crate::spec::label_box(*c, nw, room.size), room.plot, room.taken))
        .min_by_key(|(k, (c, _))| (if *k == 0 { 0 } else { crossings(*c) + usize::from(crosses_leader(*c)) }, *k));
    if let Some((k, (c, _))) = best {
        return Some((*c, k, k == 0 || !crosses(*c)));
    }
    // No place is clear (many names on a narrow chart): the one inside the plot that covers the least of the
    // markers and names.
    let overlap = |r: [f64; 4]| -> f64 {
        room.taken.iter().map(|t| (r[2].min(t[2]) - r[0].max(t[0])).max(0.0) * (r[3].min(t[3]) - r[1].max(t[1])).max(0.0)).sum()
    };
    candidates
        .iter()
        .enumerate()
        .filter(|(_, (c, _))| crate::spec::fits(crate::spec::label_box(*c, nw, room.size), room.plot, &[]))
        .map(|(k, (c, _))| (overlap(crate::spec::label_box(*c, nw, room.size)), k, *c))
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k, c)| (c, k, false))
}

/// The leader from the marker at `(x, y)` to its name at `(left, baseline)` (`nw` wide, `size` px high): from the
/// marker's edge to the name's nearest edge.
fn leader((x, y): (f64, f64), (left, baseline): (f64, f64), nw: f64, size: f64) -> ((f64, f64), (f64, f64)) {
    let below = baseline > y;
    ((x, y + if below { 4.5 } else { -4.5 }), (within_x(left, nw, x), if below { baseline - size * 0.8 } else { baseline + 2.0 }))
}

/// Points along the segment `a`–`b`, about 3 px apart, ends included.
fn along(a: (f64, f64), b: (f64, f64)) -> Vec<(f64, f64)> {
    let n = ((b.0 - a.0).hypot(b.1 - a.1) / 3.0).ceil().max(1.0) as usize;
    (0..=n)
        .map(|i| {
            let f = i as f64 / n as f64;
            (a.0 + (b.0 - a.0) * f, a.1 + (b.1 - a.1) * f)
        })
        .collect()
}

/// One treaty's tooltip lines for `day`, on which it has `r` parties: the count, who joined that day (up to
/// [`MAX_NAMES`] named), and the states whose range of possible dates begins or ends there.
fn tip_lines(model: &Model, cat: &Cat, t: Treaty, day: Day, r: Range, lines: &mut Vec<String>) {
    let treaty = Arg::Str(cat.treaty(t));
    lines.push(if r.exact() {
        let key = if model.eu_party_on(t, day) { Msg::TipPartiesEu } else { Msg::TipParties };
        cat.f(key, &[("treaty", treaty), ("n", Arg::Num(i64::from(r.min)))])
    } else {
        cat.f(Msg::TipPartiesRange, &[("treaty", treaty), ("count", Arg::Str(&notes::count(cat, r)))])
    });
    let joined: Vec<String> = model
        .deposits(t)
        .iter()
        .filter(|d| d.when.day() == Some(day))
        .map(|d| {
            let key = if d.derived { Msg::TipJoinerDerived } else { Msg::TipJoiner };
            cat.f(key, &[("name", Arg::Str(cat.name(d.iso3))), ("kind", Arg::Str(cat.kind(d.kind)))])
        })
        .collect();
    if !joined.is_empty() {
        // One over the limit is named rather than counted ("and 1 more").
        let limit = if joined.len() == MAX_NAMES + 1 { MAX_NAMES + 1 } else { MAX_NAMES };
        let shown: Vec<&str> = joined.iter().take(limit).map(String::as_str).collect();
        let mut names = shown.join(cat.t(Msg::Semicolon));
        if joined.len() > shown.len() {
            names = cat.f(Msg::TipAndMore, &[("names", Arg::Str(&names)), ("n", Arg::Num((joined.len() - shown.len()) as i64))]);
        }
        lines.push(cat.f(Msg::TipNew, &[("t", Arg::Key(t.tag())), ("n", Arg::Num(joined.len() as i64)), ("names", Arg::Str(&names))]));
    }
    for d in model.deposits(t).iter().filter(|d| d.when.day().is_none()) {
        if d.when.earliest() == day {
            lines.push(text::first_with(&cat.f(Msg::TipMaybeFrom, &[("name", Arg::Str(&cat.name_in_text(d.iso3)))]), text::upper));
        }
        if d.when.latest() == day {
            lines.push(text::first_with(&cat.f(Msg::TipByThen, &[("name", Arg::Str(&cat.name_in_text(d.iso3)))]), text::upper));
        }
    }
}

fn summary(model: &Model, cat: &Cat, as_of: Day) -> String {
    let parts: Vec<String> = Treaty::ALL
        .iter()
        .map(|t| {
            let info = t.info();
            let (key, treaty) = (Arg::Key(t.tag()), Arg::Str(cat.treaty(*t)));
            if info.opened_for_signature > as_of {
                return cat.f(Msg::SummaryNotOpen, &[("t", key), ("treaty", treaty)]);
            }
            let force = if info.entry_into_force <= as_of {
                cat.f(Msg::SummaryInForce, &[("date", Arg::Day(info.entry_into_force))])
            } else {
                cat.t(Msg::SummaryNotInForce).to_string()
            };
            cat.f(
                Msg::SummaryHad,
                &[
                    ("t", key),
                    ("treaty", treaty),
                    ("count", Arg::Str(&notes::count(cat, model.parties_on(*t, as_of)))),
                    ("n", Arg::Num(i64::from(model.parties_on(*t, as_of).max))),
                    ("opened", Arg::Day(info.opened_for_signature)),
                    ("force", Arg::Str(&force)),
                ],
            )
        })
        .collect();
    cat.f(Msg::SummaryOn, &[("date", Arg::Day(as_of)), ("parts", Arg::Str(&parts.join(cat.t(Msg::Semicolon))))])
}

/// The point of a label's baseline (`left`, `w` px wide) nearest to `x`: where its leader line ends.
fn within_x(left: f64, w: f64, x: f64) -> f64 {
    crate::spec::within(x, left + 2.0, left + w - 2.0)
}
