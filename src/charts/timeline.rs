//! `timeline`: the number of parties to each treaty from 1990 to the as-of date, one step line per treaty.
//!
//! Marks: step lines (count after each deposit), a tick where each treaty opened for signature, a ring where it
//! entered into force, diamonds at the depositary's own published counts, and — for the Palermo Protocol after
//! its last complete list — a shaded range up to the parties whose dates are not confirmed. The current count
//! labels the end of each line. Hits: one per day on which either count changed.

use super::{csv_row, ChartDef, ChartError, Ctx};
use crate::data::{self, Treaty};
use crate::date::Day;
use crate::i18n::{Arg, Cat, Msg};
use crate::model::Model;
use crate::notes;
use crate::spec::{nice_axis, Anchor, Frame, Hit, Linear, Mark, Rect, Region, Role, Spec, Swatch, Text};
use crate::text;

/// Registry entry.
pub static CHART: ChartDef = ChartDef { name: "timeline", about: Msg::AboutTimeline, options: &[], world: false, build };

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
fn build(cx: &Ctx<'_>) -> Result<Spec, ChartError> {
    let (model, o, cat) = (cx.model, cx.o, cx.cat);
    let as_of = o.as_of;
    let w = f64::from(o.width);

    // Blocks and notes.
    let mut blocks = notes::timeline(&cat, as_of, crate::options::FIRST_YEAR);
    if let Some(t) = &o.title {
        blocks.title = t.clone();
    }
    blocks.notes = notes::shared(&cat, model, as_of);
    blocks.source = notes::source(&cat, data::data_as_of());
    let palermo = Treaty::Palermo;
    let undated = model.undated_possible_on(palermo, as_of);

    // Header and legend.
    let mut f = Frame::new(w, cat);
    f.header(&blocks.title, &blocks.subtitle);
    let mut legend: Vec<(Swatch, String)> =
        Treaty::ALL.iter().map(|t| (Swatch::Line(Role::party(*t)), cat.treaty(*t).to_string())).collect();
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
    if undated > 0 {
        // On the newest date they are parties; earlier, they may not have joined yet.
        let key = if as_of >= data::data_as_of() { Msg::LegendUndated } else { Msg::LegendUndatedUpTo };
        legend.push((Swatch::Hatch(Role::party(palermo)), cat.f(key, &[("n", Arg::Num(i64::from(undated)))])));
    }
    f.legend(&legend);

    // Scales.
    let th = f.sizes;
    let counts: Vec<u16> = Treaty::ALL.iter().map(|t| model.parties_on(*t, as_of)).collect();
    let top_value = counts.iter().copied().max().unwrap_or(0) + undated;
    let top_value = published.iter().map(|p| p.2).fold(top_value, u16::max);
    let max_ticks = if w < 480.0 { 4 } else { 5 };
    // At least 0–10, so that the first years (no parties yet) still read as a count axis.
    let (step, y_max) = nice_axis(f64::from(top_value.max(10)), max_ticks);
    let y_label_w = text::width(&cat.num(y_max.round() as i64), th.axis, false) + 6.0;
    let end_label_w = counts.iter().map(|c| text::width(&cat.num(i64::from(*c)), th.label, true)).fold(0.0, f64::max) + 11.0;
    let plot_h = (w * 0.5).clamp(190.0, 380.0);
    let plot = Rect { x: th.pad + y_label_w, y: f.y + 4.0, w: w - 2.0 * th.pad - y_label_w - end_label_w, h: plot_h };
    let (d0, d1) = (Day::jan1(crate::options::FIRST_YEAR), as_of);
    let xs = Linear { d0: f64::from(d0.0), d1: f64::from(d1.0), r0: plot.x, r1: plot.x + plot.w };
    let ys = Linear { d0: 0.0, d1: y_max, r0: plot.y + plot.h, r1: plot.y };
    let px = |(x, y): (f64, f64)| (xs.map(x), ys.map(y));

    let mut marks = std::mem::take(&mut f.marks);
    let mut texts: Vec<Text> = std::mem::take(&mut f.texts);
    let label = |x: f64, y: f64, s: String, size: f64, color, anchor| Text {
        x, y, text: s, size, bold: false, bold_prefix: 0, color, bg: Role::Surface, anchor, link: None,
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
    let span_years = f64::from(as_of.year() - d0.year()).max(1.0);
    let year_step = [1, 2, 5, 10, 20].into_iter().find(|s| plot.w / span_years * f64::from(*s) >= year_w).unwrap_or(20);
    let base = ys.map(0.0);
    let mut year = d0.year();
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
        marks.push(Mark::Area { points: poly, color: Role::party(palermo), opacity: 0.18 });
        let upper: Vec<(f64, f64)> =
            std::iter::once(start).chain(lower.iter().copied()).map(|(x, y)| px((x, y + up))).collect();
        marks.push(Mark::Path { points: upper, color: Role::party(palermo), width: 1.0, dashed: true });
    }

    // Lines, event markers, end labels.
    let mut end_ys: Vec<(Treaty, f64, u16)> = Vec::new();
    let mut notice_y = plot.y + th.axis * 1.4;
    for t in Treaty::ALL {
        let pts: Vec<(f64, f64)> = steps(model, t, as_of).into_iter().map(px).collect();
        if pts.is_empty() {
            // Say why the line is missing, inside the plot's empty top-left corner.
            let msg = cat.f(Msg::NoLine, &[("treaty", Arg::Str(cat.treaty(t))), ("date", Arg::Day(t.info().opened_for_signature))]);
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
            let n = f64::from(model.parties_on(t, info.entry_into_force));
            marks.push(Mark::Ring { center: px((f64::from(info.entry_into_force.0), n)), r: 4.5, color: Role::party(t) });
        }
        let n = model.parties_on(t, as_of);
        end_ys.push((t, ys.map(f64::from(n)), n));
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
        let mut l = label(plot.x + plot.w + 9.0, y + th.label * 0.35, cat.num(i64::from(*n)), th.label, Role::text(*t), Anchor::Start);
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
    let mut hits: Vec<Hit> = Vec::with_capacity(days.len());
    for day in days {
        let mut lines = vec![cat.day(day)];
        let mut dots = Vec::new();
        for t in Treaty::ALL {
            let info = t.info();
            let treaty = Arg::Str(cat.treaty(t));
            if info.opened_for_signature > day {
                lines.push(cat.f(Msg::TipNotYetOpen, &[("treaty", treaty)]));
                continue;
            }
            let n = model.parties_on(t, day);
            let u = model.undated_possible_on(t, day);
            let count = [("treaty", treaty), ("n", Arg::Num(i64::from(n))), ("u", Arg::Num(i64::from(u)))];
            lines.push(cat.f(if u > 0 { Msg::TipPartiesUndated } else { Msg::TipParties }, &count));
            dots.push((ys.map(f64::from(n)), Role::party(t)));
            let joined: Vec<String> = model
                .deposits(t)
                .iter()
                .filter(|d| d.day == day)
                .map(|d| {
                    let key = if d.derived { Msg::TipJoinerDerived } else { Msg::TipJoiner };
                    cat.f(key, &[("name", Arg::Str(cat.name(d.iso3))), ("kind", Arg::Str(cat.kind(d.kind)))])
                })
                .collect();
            if !joined.is_empty() {
                csv_row(&mut csv, &[&day.to_string(), t.tag(), &n.to_string()]);
                let shown: Vec<&str> = joined.iter().take(MAX_NAMES).map(String::as_str).collect();
                let sep = cat.t(Msg::Semicolon);
                let mut names = shown.join(sep);
                if joined.len() > shown.len() {
                    names = cat.f(Msg::TipAndMore, &[("names", Arg::Str(&names)), ("n", Arg::Num((joined.len() - shown.len()) as i64))]);
                }
                let new = [("t", Arg::Key(t.tag())), ("n", Arg::Num(joined.len() as i64)), ("names", Arg::Str(&names))];
                lines.push(cat.f(Msg::TipNew, &new));
            }
        }
        let x = xs.map(f64::from(day.0));
        hits.push(Hit { key: day.to_string(), region: Region::Band { x0: x, x1: x }, lines, rule: Some(x), dots, walk: true });
    }
    // Each date owns the band from halfway to the previous date to halfway to the next.
    let xs_of: Vec<f64> = hits.iter().filter_map(|h| h.rule).collect();
    for (i, h) in hits.iter_mut().enumerate() {
        let x = xs_of.get(i).copied().unwrap_or(plot.x);
        let x0 = if i == 0 { plot.x } else { (xs_of.get(i - 1).copied().unwrap_or(x) + x) / 2.0 };
        let x1 = xs_of.get(i + 1).map_or(plot.x + plot.w, |n| (x + n) / 2.0);
        h.region = Region::Band { x0, x1 };
    }

    let summary = summary(model, &cat, as_of);
    let csv_filename = format!("treaty-charts-timeline-{as_of}.csv");
    f.footer(&blocks, &csv, &csv_filename);
    let keys_label = (!hits.is_empty()).then(|| cat.f(Msg::AriaKeysTimeline, &[("title", Arg::Str(&blocks.title))]));
    Ok(Spec {
        kind: o.chart,
        theme: o.theme,
        lang: cat.0.tag,
        width: w,
        height: f.y.ceil(),
        plot,
        marks: f.marks,
        texts: f.texts,
        hits,
        keys_label,
        table: None,
        blocks,
        summary,
        csv,
        csv_filename,
    })
}

const LEADING_AXIS: f64 = 1.6;

/// Key numbers in words, for screen readers.
fn summary(model: &Model, cat: &Cat, as_of: Day) -> String {
    let parts: Vec<String> = Treaty::ALL
        .iter()
        .map(|t| {
            let info = t.info();
            let (key, treaty) = (Arg::Key(t.tag()), Arg::Str(cat.treaty(*t)));
            if info.opened_for_signature > as_of {
                return cat.f(Msg::SummaryNotOpen, &[("t", key), ("treaty", treaty)]);
            }
            let n = model.parties_on(*t, as_of);
            let u = i64::from(model.undated_possible_on(*t, as_of));
            let more = match u {
                0 => String::new(),
                _ if as_of >= data::data_as_of() => cat.f(Msg::SummaryMoreUndated, &[("u", Arg::Num(u))]),
                _ => cat.f(Msg::SummaryMoreUndatedUpTo, &[("u", Arg::Num(u))]),
            };
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
                    ("n", Arg::Num(i64::from(n))),
                    ("more", Arg::Str(&more)),
                    ("opened", Arg::Day(info.opened_for_signature)),
                    ("force", Arg::Str(&force)),
                ],
            )
        })
        .collect();
    cat.f(Msg::SummaryOn, &[("date", Arg::Day(as_of)), ("parts", Arg::Str(&parts.join(cat.t(Msg::Semicolon))))])
}
