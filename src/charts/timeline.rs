//! `timeline`: the number of parties to each treaty from 1990 to the as-of date, one step line per treaty.
//!
//! Marks: step lines (count after each deposit), a tick where each treaty opened for signature, a ring where it
//! entered into force, diamonds at the depositary's own published counts, and — for the Palermo Protocol after
//! its last complete list — a shaded range up to the parties whose dates are not confirmed. The current count
//! labels the end of each line. Hits: one per day on which either count changed.

use super::{color, csv_row, shared_notes, text_color};
use crate::data::{self, Treaty};
use crate::date::Day;
use crate::model::Model;
use crate::notes;
use crate::options::Options;
use crate::spec::{nice_axis, palette, Anchor, Frame, Hit, Linear, Mark, Rect, Spec, Swatch, Text};
use crate::text;

/// Most names listed in one tooltip before "and N more".
const MAX_NAMES: usize = 4;

/// Step-line points for `t` from its opening to `as_of`, in domain units (day number, count).
fn steps(model: &Model, t: Treaty, as_of: Day) -> Vec<(f64, f64)> {
    let open = t.info().opened_for_signature;
    if open > as_of {
        return Vec::new();
    }
    let mut pts = vec![(f64::from(open.0), 0.0)];
    let mut n = 0.0;
    for d in model.deposits(t).iter().take_while(|d| d.day <= as_of) {
        let x = f64::from(d.day.0);
        pts.push((x, n));
        n += 1.0;
        pts.push((x, n));
    }
    pts.push((f64::from(as_of.0), n));
    pts.dedup();
    pts
}

/// Builds the timeline spec.
pub fn build(model: &Model, o: &Options) -> Spec {
    let as_of = o.as_of;
    let w = f64::from(o.width);

    // Blocks and notes.
    let mut blocks = notes::timeline(as_of);
    if let Some(t) = &o.title {
        blocks.title = t.clone();
    }
    blocks.notes = shared_notes(model, as_of);
    blocks.source = notes::source(data::data_as_of());
    let palermo = Treaty::Palermo;
    let undated = model.undated_possible_on(palermo, as_of);

    // Header and legend.
    let mut f = Frame::new(w);
    f.header(&blocks.title, &blocks.subtitle);
    let mut legend: Vec<(Swatch, String)> =
        Treaty::ALL.iter().map(|t| (Swatch::Line(color(*t)), t.info().short_name.to_string())).collect();
    // Keys only for marks that are drawn on this date.
    if Treaty::ALL.iter().any(|t| t.info().opened_for_signature <= as_of) {
        legend.push((Swatch::Tick(palette::AXIS), "opened for signature".into()));
    }
    if Treaty::ALL.iter().any(|t| t.info().entry_into_force <= as_of) {
        legend.push((Swatch::Ring(palette::AXIS), "entered into force".into()));
    }
    let published: Vec<(Treaty, Day, u16)> = data::headlines()
        .iter()
        .filter(|h| h.from_depositary())
        .filter_map(|h| h.day.map(|d| (h.treaty, d, h.parties)))
        .filter(|(_, d, _)| *d <= as_of)
        .collect();
    if !published.is_empty() {
        legend.push((Swatch::Diamond(palette::INK), "count published by the UN".into()));
    }
    if undated > 0 {
        // On the newest date they are parties; earlier, they may not have joined yet.
        let up_to = if as_of >= data::data_as_of() { "" } else { "up to " };
        legend.push((Swatch::Hatch(color(palermo)), format!("{up_to}+{undated} parties, dates not confirmed")));
    }
    f.legend(&legend);

    // Scales.
    let th = f.theme;
    let counts: Vec<u16> = Treaty::ALL.iter().map(|t| model.parties_on(*t, as_of)).collect();
    let top_value = counts.iter().copied().max().unwrap_or(0) + undated;
    let top_value = published.iter().map(|p| p.2).fold(top_value, u16::max);
    let max_ticks = if w < 480.0 { 4 } else { 5 };
    // At least 0–10, so that the first years (no parties yet) still read as a count axis.
    let (step, y_max) = nice_axis(f64::from(top_value.max(10)), max_ticks);
    let y_label_w = text::width(&format!("{}", y_max.round() as i64), th.axis, false) + 6.0;
    let end_label_w = counts.iter().map(|c| text::width(&c.to_string(), th.label, true)).fold(0.0, f64::max) + 11.0;
    let plot_h = (w * 0.5).clamp(190.0, 380.0);
    let plot = Rect { x: th.pad + y_label_w, y: f.y + 4.0, w: w - 2.0 * th.pad - y_label_w - end_label_w, h: plot_h };
    let (d0, d1) = (Day::jan1(crate::options::FIRST_YEAR), as_of);
    let xs = Linear { d0: f64::from(d0.0), d1: f64::from(d1.0), r0: plot.x, r1: plot.x + plot.w };
    let ys = Linear { d0: 0.0, d1: y_max, r0: plot.y + plot.h, r1: plot.y };
    let px = |(x, y): (f64, f64)| (xs.map(x), ys.map(y));

    let mut marks = std::mem::take(&mut f.marks);
    let mut texts: Vec<Text> = std::mem::take(&mut f.texts);
    let label = |x: f64, y: f64, s: String, size: f64, color, anchor| Text {
        x, y, text: s, size, bold: false, bold_prefix: 0, color, anchor, link: None,
    };

    // Gridlines and y labels.
    let mut v = 0.0;
    while v <= y_max + 1e-9 {
        let y = ys.map(v);
        let color = if v == 0.0 { palette::AXIS } else { palette::GRID };
        marks.push(Mark::Path { points: vec![(plot.x, y), (plot.x + plot.w, y)], color, width: 1.0, dashed: false });
        texts.push(label(plot.x - 6.0, y + th.axis * 0.35, format!("{}", v.round() as i64), th.axis, palette::MUTED, Anchor::End));
        v += step;
    }

    // Year ticks: the smallest step whose labels do not collide.
    let year_w = text::width("2000", th.axis, false) + 14.0;
    let span_years = f64::from(as_of.year() - d0.year()).max(1.0);
    let year_step = [1, 2, 5, 10, 20].into_iter().find(|s| plot.w / span_years * f64::from(*s) >= year_w).unwrap_or(20);
    let base = ys.map(0.0);
    let mut year = d0.year();
    let mut free_from = f64::MIN; // right edge of the last year label, plus a gap
    while Day::jan1(year) <= as_of {
        let x = xs.map(f64::from(Day::jan1(year).0));
        marks.push(Mark::Path { points: vec![(x, base), (x, base + 4.0)], color: palette::AXIS, width: 1.0, dashed: false });
        let s = year.to_string();
        let lw = text::width(&s, th.axis, false);
        // Centred under the tick, pushed inside the chart at either edge.
        let left = (x - lw / 2.0).max(th.pad).min(w - th.pad - lw);
        if left >= free_from {
            texts.push(label(left, base + 6.0 + th.axis, s, th.axis, palette::MUTED, Anchor::Start));
            free_from = left + lw + 8.0;
        }
        year += year_step;
    }

    // Shaded range for Palermo parties whose dates are not confirmed.
    let complete = palermo.info().complete_list_as_of;
    if undated > 0 {
        let lower: Vec<(f64, f64)> = steps(model, palermo, as_of)
            .into_iter()
            .filter(|(x, _)| *x >= f64::from(complete.0))
            .collect();
        let start = (f64::from(complete.0), f64::from(model.parties_on(palermo, complete)));
        let mut poly: Vec<(f64, f64)> = std::iter::once(start).chain(lower.iter().copied()).map(px).collect();
        let up = f64::from(undated);
        poly.extend(std::iter::once(start).chain(lower.iter().copied()).rev().map(|(x, y)| px((x, y + up))));
        marks.push(Mark::Area { points: poly, color: color(palermo), opacity: 0.18 });
        let upper: Vec<(f64, f64)> =
            std::iter::once(start).chain(lower.iter().copied()).map(|(x, y)| px((x, y + up))).collect();
        marks.push(Mark::Path { points: upper, color: color(palermo), width: 1.0, dashed: true });
    }

    // Lines, event markers, end labels.
    let mut end_ys: Vec<(Treaty, f64, u16)> = Vec::new();
    let mut notice_y = plot.y + th.axis * 1.4;
    for t in Treaty::ALL {
        let pts: Vec<(f64, f64)> = steps(model, t, as_of).into_iter().map(px).collect();
        if pts.is_empty() {
            // Say why the line is missing, inside the plot's empty top-left corner.
            let msg = format!("No {} line: it opened for signature on {}.", t.info().short_name, t.info().opened_for_signature.human());
            for line in text::wrap(&msg, th.axis, false, plot.w - 12.0) {
                texts.push(label(plot.x + 6.0, notice_y, line, th.axis, text_color(t), Anchor::Start));
                notice_y += th.axis * 1.35;
            }
            notice_y += th.axis * 0.4;
            continue;
        }
        marks.push(Mark::Path { points: pts, color: color(t), width: 2.5, dashed: false });
        let info = t.info();
        let ox = xs.map(f64::from(info.opened_for_signature.0));
        marks.push(Mark::Path { points: vec![(ox, base - 7.0), (ox, base + 7.0)], color: color(t), width: 2.0, dashed: false });
        if info.entry_into_force <= as_of {
            let n = f64::from(model.parties_on(t, info.entry_into_force));
            marks.push(Mark::Ring { center: px((f64::from(info.entry_into_force.0), n)), r: 4.5, color: color(t) });
        }
        let n = model.parties_on(t, as_of);
        end_ys.push((t, ys.map(f64::from(n)), n));
    }
    for (t, d, n) in &published {
        marks.push(Mark::Diamond { center: px((f64::from(d.0), f64::from(*n))), r: 5.0, color: text_color(*t) });
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
        let mut l = label(plot.x + plot.w + 9.0, y + th.label * 0.35, n.to_string(), th.label, text_color(*t), Anchor::Start);
        l.bold = true;
        texts.push(l);
    }
    f.texts = texts;
    f.marks = marks;
    f.y = base + 6.0 + th.axis * LEADING_AXIS;

    // Hits and CSV.
    let mut days: Vec<Day> = Treaty::ALL
        .iter()
        .flat_map(|t| model.deposits(*t).iter().map(|d| d.day))
        .filter(|d| *d <= as_of)
        .collect();
    days.sort_unstable();
    days.dedup();
    let mut csv = String::new();
    csv_row(&mut csv, &["date", "treaty", "parties"]);
    let mut hits = Vec::with_capacity(days.len());
    for day in days {
        let mut lines = vec![day.human()];
        let mut dots = Vec::new();
        for t in Treaty::ALL {
            let info = t.info();
            if info.opened_for_signature > day {
                lines.push(format!("{}: not yet open", info.short_name));
                continue;
            }
            let n = model.parties_on(t, day);
            let u = model.undated_possible_on(t, day);
            let extra = if u > 0 { format!(" (+ up to {u} on unconfirmed dates)") } else { String::new() };
            lines.push(format!("{}: {}{extra}", info.short_name, notes::plural(usize::from(n), "party", "parties")));
            dots.push((ys.map(f64::from(n)), color(t)));
            let joined: Vec<String> = model
                .deposits(t)
                .iter()
                .filter(|d| d.day == day)
                .map(|d| {
                    let star = if d.derived { ", date derived" } else { "" };
                    format!("{} ({}{star})", data::participant_name(d.iso3), d.kind.term())
                })
                .collect();
            if !joined.is_empty() {
                csv_row(&mut csv, &[&day.to_string(), t.tag(), &n.to_string()]);
                let shown: Vec<&str> = joined.iter().take(MAX_NAMES).map(String::as_str).collect();
                let mut s = format!("New {}: {}", short_tag(t, joined.len()), shown.join("; "));
                if joined.len() > shown.len() {
                    s.push_str(&format!("; and {} more", joined.len() - shown.len()));
                }
                lines.push(s);
            }
        }
        hits.push(Hit { x: xs.map(f64::from(day.0)), date: day.to_string(), lines, dots });
    }

    let summary = summary(model, as_of);
    let csv_filename = format!("treaty-charts-timeline-{as_of}.csv");
    f.footer(&blocks, &csv, &csv_filename);
    Spec {
        kind: o.chart,
        width: w,
        height: f.y.ceil(),
        plot,
        marks: f.marks,
        texts: f.texts,
        hits,
        blocks,
        summary,
        csv,
        csv_filename,
    }
}

const LEADING_AXIS: f64 = 1.6;

fn short_tag(t: Treaty, n: usize) -> &'static str {
    match (t, n) {
        (Treaty::Palermo, 1) => "Palermo party",
        (Treaty::Palermo, _) => "Palermo parties",
        (Treaty::Icrmw, 1) => "ICRMW party",
        (Treaty::Icrmw, _) => "ICRMW parties",
    }
}

/// Key numbers in words, for screen readers.
fn summary(model: &Model, as_of: Day) -> String {
    let parts: Vec<String> = Treaty::ALL
        .iter()
        .map(|t| {
            let info = t.info();
            let n = model.parties_on(*t, as_of);
            let u = model.undated_possible_on(*t, as_of);
            let extra = match u {
                0 => String::new(),
                _ if as_of >= data::data_as_of() => format!(" (and {u} more whose dates are not confirmed)"),
                _ => format!(" (and up to {u} more whose dates are not confirmed)"),
            };
            if info.opened_for_signature > as_of {
                return format!("the {} was not yet open for signature", info.short_name);
            }
            let force = if info.entry_into_force <= as_of {
                format!("entered into force on {}", info.entry_into_force.human())
            } else {
                "had not yet entered into force".to_string()
            };
            format!(
                "the {} had {}{extra}; it opened for signature on {} and {force}",
                info.short_name,
                notes::plural(usize::from(n), "party", "parties"),
                info.opened_for_signature.human(),
            )
        })
        .collect();
    format!("On {}, {}.", as_of.human(), parts.join("; "))
}
