//! `coverage`: who the treaties cover. For each treaty on the as-of date, the share of the world's international
//! migrants who live in its party states, and the share of the world's emigrants who were born in them (UN DESA
//! International Migrant Stock 2024, whatever the date); then the states with the most international migrants,
//! each with its standing under each treaty.
//!
//! Marks: per treaty two bars on a 0–100 % track (the possible part hatched where a deposit is known only within a
//! range); per destination state a bar of its migrant stock and two status chips (a filled square for a party, a
//! tint for a signatory, grey for neither — each with its word). Hits: every bar and every row. CSV: the world's
//! totals (the denominators, as the first row, `WLD`), then one row per state.

use super::{dated_row, people, status_key, ChartDef, ChartError, Ctx};
use crate::data::{self, Treaty};
use crate::i18n::{Arg, Cat, Msg};
use crate::model::{Coverage, Status};
use crate::notes::{self, Counts};
use crate::spec::{Anchor, Frame, Hit, Mark, Rect, Region, Role, Spec, Text, LEADING};
use crate::text;

/// Registry entry.
pub static CHART: ChartDef = ChartDef { name: "coverage", about: Msg::AboutCoverage, options: &[], world: false, example: &[], build: super::only("coverage", build) };

/// Whole millions, for the world's totals in the bars' captions: `304 million`.
fn millions(cat: &Cat, n: u64) -> String {
    cat.f(Msg::Million, &[("n", Arg::Num(i64::try_from((n + 500_000) / 1_000_000).unwrap_or(0)))])
}

fn status_word(cat: &Cat, s: Status) -> &'static str {
    cat.t(match s {
        Status::Party => Msg::CoverageStatusParty,
        Status::MaybeParty => Msg::CoverageStatusMaybe,
        Status::Signatory => Msg::CoverageStatusSigned,
        Status::Neither => Msg::CoverageStatusNo,
        Status::NotOpen => Msg::CoverageStatusNotOpen,
    })
}

fn status_fill(t: Treaty, s: Status) -> Role {
    match s {
        Status::Party | Status::MaybeParty => Role::party(t),
        Status::Signatory => Role::signatory(t),
        Status::Neither | Status::NotOpen => Role::Neither,
    }
}

/// Builds the coverage spec.
fn build(cx: &Ctx<'_>) -> Result<Spec, ChartError> {
    let (model, o, cat) = (cx.model, cx.o, cx.cat);
    let as_of = o.as_of;
    let w = f64::from(o.width);
    let cov: Vec<Coverage> = Treaty::ALL.iter().map(|t| model.coverage(*t, as_of)).collect();

    // The headline is the chart's main number: the share of migrants living outside the Convention's parties
    // (a range while a deposit date is uncertain). Before the Convention was open, the chart's own description.
    let title = match cov.get(1).copied() {
        Some(c) if Treaty::Icrmw.open_on(as_of) => {
            let outside = (c.world_immigrants.saturating_sub(c.immigrants.1), c.world_immigrants.saturating_sub(c.immigrants.0));
            // The migrants are those of mid-2024 whatever the date: on an earlier date the headline says so.
            let key = if as_of < crate::data::data_as_of() { Msg::CoverageTitlePast } else { Msg::CoverageTitle };
            cat.f(key, &[("share", Arg::Str(&notes::share(&cat, outside, c.world_immigrants))), ("date", Arg::Day(as_of))])
        }
        _ => cat.t(Msg::AboutCoverage).to_string(),
    };
    let mut about = notes::about(&cat, model, as_of, Counts::States, true);
    // The chart itself shows the shares, and its "leaves out" is what a migrant stock counts.
    let leaves_out_body = cat.t(Msg::CoverageLeavesOut);
    let shares = notes::stays_out_shares(&cat, model, as_of);
    about.retain(|p| p != leaves_out_body && Some(p) != shares.as_ref());
    let caveat = notes::first_caveat(
        &cat,
        [notes::caveat_range(&cat, model, as_of, Counts::States), Some(cat.t(Msg::StockYearText).to_string())],
        &mut about,
    );
    let blocks = notes::Blocks::new(
        &cat,
        o.title.clone().unwrap_or(title),
        cat.f(Msg::CoverageSubtitle, &[("date", Arg::Day(as_of))]),
        cat.t(Msg::CoverageMeasures),
        &notes::lowercase_first(leaves_out_body),
        caveat,
        about,
    );

    let mut f = Frame::new(w, cat);
    f.header(&blocks.title, &blocks.subtitle);
    let th = f.sizes;
    let inner = f.inner();
    let mut marks = std::mem::take(&mut f.marks);
    let mut texts: Vec<Text> = std::mem::take(&mut f.texts);
    let mut hits: Vec<Hit> = Vec::new();
    let mut y = f.y + 2.0;
    let plot_top = y;
    let mut summary = Vec::new();

    // Per treaty: the two shares.
    let bar_h = if w < 480.0 { 14.0 } else { 16.0 };
    for c in &cov {
        let t = c.treaty;
        y += th.label + 4.0;
        // Wrapped, as the note under it: French and Spanish run wider than a phone.
        // The heading defines the short tag that heads the table's column below ("… (ICRMW)").
        let heading = super::name_with_tag(&cat, t);
        for (i, line) in text::wrap(&heading, th.label + 1.0, true, inner).into_iter().enumerate() {
            if i > 0 {
                y += (th.label + 1.0) * LEADING;
            }
            let mut head = crate::spec::run(th.pad, y, line, th.label + 1.0, Role::text(t));
            head.bold = true;
            texts.push(head);
        }
        if !t.open_on(as_of) {
            let msg = cat.f(Msg::StatusNotOpen, &[("date", Arg::Day(t.info().opened_for_signature))]);
            for line in text::wrap(&msg, th.axis, false, inner) {
                y += th.axis * LEADING + 2.0;
                texts.push(crate::spec::run(th.pad, y, line, th.axis, Role::Muted));
            }
            summary.push(cat.f(Msg::SummaryNotOpen, &[("t", Arg::Key(t.tag())), ("treaty", Arg::Str(cat.treaty(t)))]));
            y += 4.0;
            continue;
        }
        let imm = notes::share(&cat, c.immigrants, c.world_immigrants);
        let emi = notes::share(&cat, c.emigrants, c.world_emigrants);
        for (k, (part, whole, fragment)) in [
            (c.immigrants, c.world_immigrants, cat.f(Msg::CoverageHome, &[("share", Arg::Str(&imm)), ("world", Arg::Str(&millions(&cat, c.world_immigrants)))])),
            (c.emigrants, c.world_emigrants, cat.f(Msg::CoverageBirth, &[("share", Arg::Str(&emi)), ("world", Arg::Str(&millions(&cat, c.world_emigrants)))])),
        ]
        .into_iter()
        .enumerate()
        {
            // The messages are fragments ("home to…", "donde vive…"): as a caption and as the tooltip's (and the
            // screen reader's) second line, each starts a line of its own.
            let caption = text::first_with(&fragment, text::upper);
            for line in text::wrap(&caption, th.axis + 0.5, false, inner) {
                y += (th.axis + 0.5) * LEADING;
                texts.push(crate::spec::run(th.pad, y - 2.0, line, th.axis + 0.5, Role::Ink));
            }
            y += 3.0;
            let track = Rect { x: th.pad, y, w: inner, h: bar_h };
            let hit = Some(u16::try_from(hits.len()).unwrap_or(u16::MAX));
            marks.push(Mark::Rect { rect: track, color: Role::Neither, hit });
            let frac = |v: u64| inner * v as f64 / whole.max(1) as f64;
            marks.push(Mark::Rect { rect: Rect { x: th.pad, y, w: frac(part.0), h: bar_h }, color: Role::party(t), hit });
            if part.1 > part.0 {
                marks.push(Mark::Hatch { rect: Rect { x: th.pad + frac(part.0), y, w: frac(part.1 - part.0), h: bar_h }, color: Role::party(t), hit });
            }
            let key = if k == 0 { "immigrants" } else { "emigrants" };
            hits.push(Hit {
                key: format!("{}:{key}", t.tag()),
                region: Region::Mark { cx: th.pad + inner / 2.0, cy: y + bar_h / 2.0 },
                lines: if cx.lines { vec![cat.treaty(t).to_string(), caption.clone()] } else { Vec::new() },
                rule: None,
                dots: Vec::new(),
                walk: true,
                small: false,
            });
            y += bar_h + 2.0;
        }
        summary.push(cat.f(Msg::CoverageSummaryPart, &[("treaty", Arg::Str(cat.treaty(t))), ("imm", Arg::Str(&imm)), ("emi", Arg::Str(&emi))]));
        y += 4.0;
    }

    // The top destinations: a bar of each one's migrants and its standing under each treaty.
    // As many as the notes speak of ("of the 20 states with the most international migrants…"), at every width.
    let top_n = crate::model::TOP_DESTINATIONS;
    let top = model.top_destinations(Treaty::Icrmw, as_of, top_n);
    y += 14.0;
    let heading = cat.f(Msg::CoverageTop, &[("n", Arg::Num(top_n as i64))]);
    for line in text::wrap(&heading, th.label, true, inner) {
        y += th.label * LEADING;
        let mut t = crate::spec::run(th.pad, y - 2.0, line, th.label, Role::Ink);
        t.bold = true;
        texts.push(t);
    }
    // Columns: name, a bar with its figure, a chip per treaty. Chips are as wide as the words they need here.
    let statuses: Vec<[Status; 2]> = top.iter().map(|(s, _)| Treaty::ALL.map(|t| model.status(s, t, as_of))).collect();
    let chip_w = Treaty::ALL
        .iter()
        .enumerate()
        .map(|(k, t)| {
            let words = statuses.iter().filter_map(|st| st.get(k)).map(|st| text::width(status_word(&cat, *st), th.axis, false) + 14.0);
            // A head wider than its column wraps at its spaces ("Travailleurs / migrants"): its longest word counts.
            let head = super::short_tag(&cat, *t);
            let longest = head.split(' ').map(|w| text::width(w, th.axis, true)).fold(0.0, f64::max);
            words.chain([longest]).fold(0.0, f64::max) + 8.0
        })
        .fold(0.0, f64::max);
    // The figure always shows; the bar beside it only where there is room for one (not on the narrowest phones,
    // whose rows are then a table: name, figure, standings, with the names given the bars' room).
    // The figure column: as wide as its widest figure ("52,4 millones"), with a clear gap before the chips.
    let num_w = top.iter().filter_map(|(s, _)| s.stock).map(|m| text::width(&people(&cat, m.immigrants), th.axis, false)).fold(0.0, f64::max) + 14.0;
    let name_w = (inner * if w < 480.0 { 0.36 } else { 0.3 }).min(230.0);
    let bars = inner - name_w - 2.0 * chip_w - num_w >= 40.0;
    let name_w = if bars { name_w } else { (inner - 2.0 * chip_w - num_w).max(40.0) };
    let bar_x = th.pad + name_w;
    let bar_w = if bars { inner - name_w - 2.0 * chip_w - num_w } else { 0.0 };
    let chips_x = bar_x + bar_w + num_w;
    // Column heads for the chips, on as many lines as the longest needs.
    let heads: Vec<Vec<String>> = Treaty::ALL.iter().map(|t| text::wrap(super::short_tag(&cat, *t), th.axis, true, chip_w - 4.0)).collect();
    let head_lines = heads.iter().map(Vec::len).max().unwrap_or(1);
    y += th.axis * LEADING + 2.0;
    for (k, (t, lines)) in Treaty::ALL.iter().zip(&heads).enumerate() {
        for (i, line) in lines.iter().enumerate() {
            let mut h = crate::spec::run(chips_x + k as f64 * chip_w, y + i as f64 * th.axis * LEADING, line.clone(), th.axis, Role::text(*t));
            h.bold = true;
            texts.push(h);
        }
    }
    y += (head_lines.saturating_sub(1)) as f64 * th.axis * LEADING;
    let biggest = top.first().and_then(|(s, _)| s.stock).map_or(1, |m| m.immigrants.max(1));
    let row_h = (th.axis * LEADING + 5.0).max(18.0);
    for (s, _) in &top {
        y += row_h;
        let Some(m) = s.stock else { continue };
        let name = cat.name(s.iso3());
        // A name wider than its column ("Émirats arabes unis" on a phone) takes a second line, never an ellipsis;
        // the row's bar and chips stay on its first line.
        let name_lines = text::wrap(name, th.axis, false, name_w - 8.0);
        for (i, line) in name_lines.iter().enumerate() {
            texts.push(crate::spec::run(th.pad, y + i as f64 * th.axis * LEADING, line.clone(), th.axis, Role::Ink));
        }
        let extra = name_lines.len().saturating_sub(1) as f64 * th.axis * LEADING;
        let hit = Some(u16::try_from(hits.len()).unwrap_or(u16::MAX));
        let bw = bar_w * m.immigrants as f64 / biggest as f64;
        if bars {
            marks.push(Mark::Rect { rect: Rect { x: bar_x, y: y - th.axis * 0.85, w: bw.max(1.0), h: th.axis }, color: Role::Muted, hit });
        }
        texts.push(Text { anchor: Anchor::Start, ..crate::spec::run(bar_x + bw + 4.0, y, people(&cat, m.immigrants), th.axis, Role::Muted) });
        let lines_wanted = cx.lines;
        let mut lines = if lines_wanted { vec![name.to_string(), people(&cat, m.immigrants)] } else { Vec::new() };
        for (k, t) in Treaty::ALL.iter().enumerate() {
            let st = model.status(s, *t, as_of);
            let cx = chips_x + k as f64 * chip_w;
            marks.push(Mark::Rect { rect: Rect { x: cx, y: y - th.axis * 0.8, w: 10.0, h: 10.0 }, color: status_fill(*t, st), hit });
            texts.push(crate::spec::run(cx + 14.0, y, status_word(&cat, st).to_string(), th.axis, Role::Ink));
            if lines_wanted {
                lines.push(cat.f(Msg::LabelValue, &[("label", Arg::Str(cat.treaty(*t))), ("value", Arg::Str(&notes::standing(&cat, model, s.iso3(), *t, as_of)))]));
            }
        }
        let cx = if bars { bar_x + bw / 2.0 } else { bar_x + num_w / 2.0 };
        hits.push(Hit { key: s.iso3().to_string(), region: Region::Mark { cx, cy: y - th.axis * 0.35 }, lines, rule: None, dots: Vec::new(), walk: true, small: false });
        y += extra;
    }
    f.marks = marks;
    f.texts = texts;
    f.y = y + 10.0;
    let plot = Rect { x: th.pad, y: plot_top, w: inner, h: y - plot_top };

    // CSV: the denominators first, then one row per state.
    let mut csv = String::new();
    let on = as_of.to_string();
    dated_row(&mut csv, "as_of", &["iso3", "name", "immigrants", "emigrants", "population", "palermo_status", "icrmw_status"]);
    dated_row(&mut csv, &on, &["WLD", cat.t(Msg::CsvWorld), &data::WORLD_IMMIGRANTS.to_string(), &data::WORLD_EMIGRANTS.to_string(), "", "", ""]);
    for s in model.un_states() {
        let Some(m) = s.stock else { continue };
        let st = Treaty::ALL.map(|t| status_key(model.status(s, t, as_of)));
        let pop = m.population.map(|p| p.to_string()).unwrap_or_default();
        dated_row(&mut csv, &on, &[s.iso3(), cat.name(s.iso3()), &m.immigrants.to_string(), &m.emigrants.to_string(), &pop, st[0], st[1]]);
    }
    let summary = cat.f(Msg::CoverageSummary, &[("date", Arg::Day(as_of)), ("parts", Arg::Str(&summary.join(cat.t(Msg::Semicolon))))]);
    let csv_filename = format!("treaty-charts-coverage-{as_of}-{}.csv", cat.0.tag);
    let keys_label = Some(cat.f(Msg::AriaKeysMarks, &[("title", Arg::Str(&blocks.title))]));
    Ok(f.finish(
        o,
        blocks,
        crate::spec::Drawn { plot, hits, keys_label, table: None, clip: None, summary, csv, csv_filename },
    ))
}
