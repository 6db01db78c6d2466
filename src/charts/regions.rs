//! `regions`: for each UN M49 region (and, on wide charts, each sub-region), the share of its UN member and
//! observer states that are parties to each treaty on the as-of date, as bars with their counts ("52 of 54").
//!
//! Marks: per row and treaty a track (all the row's states) with the parties' share filled and, where a deposit is
//! known only within a range, the possible part hatched. Hits: one per bar, naming the states that are not (yet)
//! parties when they are few. Highlighted states: their standing under the row of their region. States only: the
//! European Union is noted, not counted. CSV: one row per state with its region, sub-region and status.

use super::{dated_row, region_name, status_key, subregion_name, ChartDef, ChartError, Ctx};
use crate::data::{Region as M49, Subregion, Treaty};
use crate::i18n::{Arg, Msg};
use crate::model::{Model, State, Status, When};
use crate::notes::{self, Counts};
use crate::options::Opt;
use crate::spec::{Frame, Hit, Mark, Rect, Region, Role, Spec, Swatch, Text, LEADING};
use crate::text;

/// Registry entry.
pub static CHART: ChartDef =
    ChartDef { name: "regions", about: Msg::AboutRegions, options: &[Opt::Highlight], world: false, example: &[], build: super::only("regions", build) };

/// Most names a bar's tooltip lists before "and N more".
const MAX_NAMES: usize = 12;

/// One row of the chart: a region or a sub-region and its states.
struct Row<'m> {
    name: &'static str,
    sub: bool,
    states: Vec<&'m State>,
}

/// Parties among `states` under `t` on the day: (certain, possible).
fn parties(model: &Model, states: &[&State], t: Treaty, day: crate::date::Day) -> (u16, u16) {
    let mut n = (0, 0);
    for s in states {
        match model.status(s, t, day) {
            Status::Party => n.0 += 1,
            Status::MaybeParty => n.1 += 1,
            _ => {}
        }
    }
    n
}

/// Builds the regions spec.
fn build(cx: &Ctx<'_>) -> Result<Spec, ChartError> {
    let (model, o, cat) = (cx.model, cx.o, cx.cat);
    let as_of = o.as_of;
    let w = f64::from(o.width);

    let mut about = notes::about(&cat, model, as_of, Counts::States, false);
    // Bars only for a treaty open for signature on the day: before that, "0 of 54" would read as 54 refusals.
    let shown: Vec<Treaty> = Treaty::ALL.into_iter().filter(|t| t.open_on(as_of)).collect();
    // Before either opened, the plot itself says so (in place of the rows), and the note does not repeat it.
    let none_open = shown.is_empty().then(|| notes::caveat_early(&cat, as_of)).flatten();
    let caveat = notes::first_caveat(
        &cat,
        [
            notes::caveat_early(&cat, as_of).filter(|_| none_open.is_none() && Treaty::ALL.iter().any(|t| !t.open_on(as_of))),
            notes::caveat_range(&cat, model, as_of, Counts::States),
            notes::caveat_eu(&cat, model, as_of),
            notes::caveat_todays_states(&cat, as_of),
        ],
        &mut about,
    );
    let blocks = notes::Blocks::new(
        &cat,
        o.title.clone().unwrap_or_else(|| cat.t(Msg::RegionsTitle).to_string()),
        cat.f(Msg::RegionsSubtitle, &[("date", Arg::Day(as_of))]),
        cat.t(Msg::RegionsMeasures),
        cat.t(Msg::RegionsLeavesOut),
        caveat,
        about,
    );

    // Rows: each region, then (on wide charts) its sub-regions.
    let with_subregions = w >= 760.0;
    let mut rows: Vec<Row<'_>> = Vec::new();
    for r in M49::ALL {
        let states: Vec<&State> = model.un_states().filter(|s| s.country.region == r).collect();
        rows.push(Row { name: region_name(&cat, r), sub: false, states: states.clone() });
        if with_subregions {
            let mut subs: Vec<Subregion> = states.iter().map(|s| s.country.subregion).collect();
            crate::sort::sort(&mut subs);
            subs.dedup();
            if subs.len() > 1 {
                for sr in subs {
                    let st: Vec<&State> = states.iter().copied().filter(|s| s.country.subregion == sr).collect();
                    rows.push(Row { name: subregion_name(&cat, sr), sub: true, states: st });
                }
            }
        }
    }

    let mut f = Frame::new(w, cat);
    f.header(&blocks.title, &blocks.subtitle);
    if let Some(msg) = &none_open {
        f.y += 6.0;
        f.paragraph(msg, f.sizes.label, Role::Muted, false, "");
        rows.clear();
    }
    let legend: Vec<(Swatch, String)> = shown.iter().map(|t| (Swatch::Square(Role::party(*t)), cat.treaty(*t).to_string())).collect();
    f.legend(&legend);
    let th = f.sizes;
    let wide = w >= 560.0;
    let inner = f.inner();
    let count_w = text::width("000–000 of 00", th.axis, false).max(text::width(&cat.f(Msg::RegionOf, &[("count", Arg::Str("000–000")), ("n", Arg::Num(60))]), th.axis, false)) + 8.0;
    let name_w = if wide { (inner * 0.3).min(260.0) } else { 0.0 };
    let bar_x = th.pad + name_w;
    let bar_w = inner - name_w - count_w;
    let mut marks = std::mem::take(&mut f.marks);
    let mut texts: Vec<Text> = std::mem::take(&mut f.texts);
    let mut hits: Vec<Hit> = Vec::new();
    let mut y = f.y + 2.0;
    let plot_top = y;
    let mut summary = Vec::new();
    for row in &rows {
        let n = row.states.len() as u16;
        // Bars a label's height apart, so that the two counts beside them never touch.
        let (size, bar_h) = if row.sub { (th.axis, 7.0) } else { (th.label, 11.0) };
        let gap = (th.axis + 3.0 - bar_h).max(4.0);
        // Beside the bars (wide charts) a sub-region's first count comes right under the last row's: a gap as
        // between its own two bars keeps them apart (narrow charts have the row's name between them).
        y += if !row.sub { 8.0 } else if wide { gap - 2.0 } else { 2.0 };
        // The row's name: beside the bars on wide charts, above them on narrow ones.
        let heading = cat.f(Msg::RegionHeading, &[("region", Arg::Str(row.name)), ("n", Arg::Num(i64::from(n)))]);
        let indent = if row.sub { 12.0 } else { 0.0 };
        let name_lines = text::wrap(&heading, size, !row.sub, if wide { name_w - 10.0 - indent } else { inner });
        let top = y;
        if !wide {
            for line in &name_lines {
                y += size * LEADING;
                let mut t = crate::spec::run(th.pad + indent, y - 3.0, line.clone(), size, Role::Ink);
                t.bold = !row.sub;
                texts.push(t);
            }
        }
        let bars_top = y + 2.0;
        let mut parts = Vec::new();
        for (k, t) in shown.iter().enumerate() {
            let by = bars_top + k as f64 * (bar_h + gap);
            let (p, maybe) = parties(model, &row.states, *t, as_of);
            let track = Rect { x: bar_x, y: by, w: bar_w, h: bar_h };
            let hit = Some(u16::try_from(hits.len()).unwrap_or(u16::MAX));
            marks.push(Mark::Rect { rect: track, color: Role::Neither, hit });
            let frac = |v: u16| bar_w * f64::from(v) / f64::from(n.max(1));
            if p > 0 {
                marks.push(Mark::Rect { rect: Rect { x: bar_x, y: by, w: frac(p), h: bar_h }, color: Role::party(*t), hit });
            }
            if maybe > 0 {
                marks.push(Mark::Hatch { rect: Rect { x: bar_x + frac(p), y: by, w: frac(maybe), h: bar_h }, color: Role::party(*t), hit });
            }
            let r = crate::model::Range { min: p, max: p + maybe };
            let of = cat.f(Msg::RegionOf, &[("count", Arg::Str(&notes::count(&cat, r))), ("n", Arg::Num(i64::from(n)))]);
            texts.push(crate::spec::run(bar_x + bar_w + 6.0, by + bar_h / 2.0 + th.axis * 0.35, of.clone(), th.axis, Role::text(*t)));
            parts.push(notes::count(&cat, r));
            // The tooltip: the row, the treaty, the count, and the states that are not parties when they are few.
            let mut lines = Vec::new();
            let lists = [(Status::MaybeParty, Msg::TipMaybeParties), (Status::Signatory, Msg::TipSignedOnlyList), (Status::Neither, Msg::TipNeitherList)];
            if cx.lines {
                lines = vec![row.name.to_string(), cat.f(Msg::LabelValue, &[("label", Arg::Str(cat.treaty(*t))), ("value", Arg::Str(&of))])];
            }
            for (status, key) in lists.into_iter().filter(|_| cx.lines) {
                let mut who: Vec<&str> = row.states.iter().filter(|s| model.status(s, *t, as_of) == status).map(|s| cat.name(s.iso3())).collect();
                crate::sort::by_key(&mut who, |n| text::sort_key(n));
                if !who.is_empty() && who.len() <= MAX_NAMES + 1 {
                    lines.push(cat.f(key, &[("names", Arg::Str(&cat.list(&who)))]));
                } else if !who.is_empty() {
                    lines.push(cat.f(key, &[("names", Arg::Str(&cat.f(Msg::StatesCount, &[("n", Arg::Num(who.len() as i64))])))]));
                }
            }
            hits.push(Hit {
                key: format!("{}:{}", row.name, t.tag()),
                region: Region::Mark { cx: bar_x + bar_w / 2.0, cy: by + bar_h / 2.0 },
                lines,
                rule: None,
                dots: Vec::new(),
                walk: true,
                small: false,
            });
        }
        let bars_bottom = bars_top + shown.len() as f64 * (bar_h + gap) - gap;
        if wide {
            let mut ly = top + size;
            for line in &name_lines {
                let mut t = crate::spec::run(th.pad + indent, ly + 1.0, line.clone(), size, Role::Ink);
                t.bold = !row.sub;
                texts.push(t);
                ly += size * LEADING;
            }
            y = bars_bottom.max(ly - size * LEADING + 4.0);
        } else {
            y = bars_bottom;
        }
        // Highlighted states in this row (regions only, so that each appears once).
        if !row.sub {
            for iso3 in o.highlight.iter().filter(|c| row.states.iter().any(|s| s.iso3() == **c)) {
                let standings: Vec<String> = shown
                    .iter()
                    .map(|t| cat.f(Msg::LabelValue, &[("label", Arg::Str(cat.treaty(*t))), ("value", Arg::Str(&notes::standing(&cat, model, iso3, *t, as_of)))]))
                    .collect();
                let line = cat.f(Msg::HighlightLine, &[("name", Arg::Str(cat.name(iso3))), ("standing", Arg::Str(&standings.join(cat.t(Msg::Dot))))]);
                for l in text::wrap(&line, th.axis, true, inner - indent) {
                    y += th.axis * LEADING;
                    let mut t = crate::spec::run(th.pad, y, l, th.axis, Role::Highlight);
                    t.bold = true;
                    texts.push(t);
                }
                y += 2.0;
            }
            let c = parties(model, &row.states, shown.first().copied().unwrap_or(Treaty::Icrmw), as_of);
            let c = Arg::Num(i64::from(c.0 + c.1));
            match (shown.as_slice(), parts.as_slice()) {
                ([_, _], [p, i]) => summary.push(cat.f(
                    Msg::RegionsSummaryPart,
                    &[("region", Arg::Str(row.name)), ("p", Arg::Str(p)), ("c", c), ("i", Arg::Str(i)), ("n", Arg::Num(i64::from(n)))],
                )),
                ([t], [count]) => summary.push(cat.f(
                    Msg::RegionsSummaryPartOne,
                    &[("region", Arg::Str(row.name)), ("t", Arg::Key(t.tag())), ("treaty", Arg::Str(cat.treaty(*t))), ("count", Arg::Str(count)), ("c", c), ("n", Arg::Num(i64::from(n)))],
                )),
                _ => {}
            }
        }
    }
    f.marks = marks;
    f.texts = texts;
    f.y = y + 4.0;
    let plot = Rect { x: bar_x, y: plot_top, w: bar_w, h: y - plot_top };

    // CSV: one row per state.
    let mut csv = String::new();
    let on = as_of.to_string();
    dated_row(&mut csv, "as_of", &["iso3", "name", "region", "subregion", "palermo_status", "palermo_deposit", "icrmw_status", "icrmw_deposit"]);
    for s in model.un_states() {
        let mut fields = vec![s.iso3().to_string(), cat.name(s.iso3()).to_string(), region_name(&cat, s.country.region).to_string(), subregion_name(&cat, s.country.subregion).to_string()];
        for t in Treaty::ALL {
            let st = model.status(s, t, as_of);
            let dep = s.under(t).and_then(|p| p.deposit).filter(|_| matches!(st, Status::Party | Status::MaybeParty));
            let day = dep.map(|d| match d.when {
                When::On(d) => d.to_string(),
                When::Between { not_before, not_after, .. } => format!("{not_before}/{not_after}"),
            });
            fields.extend([status_key(st).to_string(), day.unwrap_or_default()]);
        }
        let refs: Vec<&str> = fields.iter().map(String::as_str).collect();
        dated_row(&mut csv, &on, &refs);
    }
    let summary = match none_open {
        Some(msg) => msg,
        None => cat.f(Msg::RegionsSummary, &[("date", Arg::Day(as_of)), ("parts", Arg::Str(&summary.join(cat.t(Msg::Semicolon))))]),
    };
    let csv_filename = format!("treaty-charts-regions-{as_of}-{}.csv", cat.0.tag);
    let keys_label = Some(cat.f(Msg::AriaKeysMarks, &[("title", Arg::Str(&blocks.title))]));
    Ok(f.finish(
        o,
        blocks,
        crate::spec::Drawn { plot, hits, keys_label, table: None, clip: None, summary, csv, csv_filename },
    ))
}
