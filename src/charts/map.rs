//! `map`: a world map (Equal Earth) of where each of the 195 UN member and observer states stands on the as-of
//! date — by default under both treaties at once (party to both / Palermo Protocol only / Migrant Workers
//! Convention only / neither), or under one (`treaty="palermo" | "icrmw"`: party / signatory only / neither).
//!
//! Marks: one even-odd shape per Natural Earth feature (`world.bin`), drawn at a tenth of a pixel; a dot at the
//! label point of each of the 29 states too small for the 1:110m outlines; a hatch over states that signed a
//! treaty without (yet) joining it, and white stripes over parties whose date is not confirmed, so that no
//! category rests on colour alone. Land that is not one of the 195 (Antarctica, Western Sahara, territories) is
//! neutral. Every state resolves on ISO3 alone to exactly one shape or one dot. The legend's counts are the
//! status chart's. Hits: one per state (keyboard order: region by region, west to east), then the other areas.
//! The CSV has one row per state; a visually hidden table lists every state for screen readers.

use super::{dated_row, region_name, status_key, ChartDef, ChartError, Ctx};
use crate::data::{self, Region as M49, Treaty};
use crate::date::Day;
use crate::geo::{equal_earth, EQUAL_EARTH_MAX_X, EQUAL_EARTH_MAX_Y};
use crate::i18n::{Arg, Cat, Msg};
use crate::model::{Model, State, Status, When};
use crate::notes::{self, Counts};
use crate::options::Opt;
use crate::spec::{Frame, Hit, Mark, Pattern, Rect, Region, Role, Spec, Swatch};

/// Registry entry.
pub static CHART: ChartDef =
    ChartDef { name: NAME, about: Msg::AboutMap, options: &[Opt::Treaty, Opt::Highlight], world: true, example: &[], build: super::only(NAME, build) };

/// The kind's registry name (also the one-kind build's `TREATY_CHARTS_ONLY` value): the only kind that draws the
/// world geometry.
pub const NAME: &str = "map";

/// The southern edge of the map, in degrees of latitude: below it there is only Antarctica.
const SOUTH_EDGE: f64 = -62.0;

/// A state's look on the map: an exclusive category (its fill and legend entry) and, over it, a pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Category {
    /// Both treaties: dated party to both.
    Both,
    /// Both treaties: dated party to the Palermo Protocol, not to the Convention.
    PalermoOnly,
    /// Both treaties: dated party to the Convention, not to the Protocol.
    IcrmwOnly,
    /// A party to the treaty shown (one treaty).
    Party,
    /// May be a party: its deposit is known only within a range that spans the date (to the treaty shown, or to
    /// either).
    Maybe,
    /// Signed the treaty shown, not a party (one treaty).
    Signatory,
    /// Neither.
    Neither,
    /// The treaty shown was not yet open for signature (or, with both, neither was).
    NotOpen,
}

/// Status of `s` under each treaty on `day`.
fn statuses(model: &Model, s: &State, day: Day) -> [Status; 2] {
    Treaty::ALL.map(|t| model.status(s, t, day))
}

fn category(view: Option<Treaty>, st: [Status; 2]) -> Category {
    let [p, i] = st;
    match view {
        Some(t) => match if t == Treaty::Palermo { p } else { i } {
            Status::Party => Category::Party,
            Status::MaybeParty => Category::Maybe,
            Status::Signatory => Category::Signatory,
            Status::Neither => Category::Neither,
            Status::NotOpen => Category::NotOpen,
        },
        None => match (p, i) {
            (Status::NotOpen, Status::NotOpen) => Category::NotOpen,
            (Status::Party, Status::Party) => Category::Both,
            (Status::MaybeParty, _) | (_, Status::MaybeParty) => Category::Maybe,
            (Status::Party, _) => Category::PalermoOnly,
            (_, Status::Party) => Category::IcrmwOnly,
            _ => Category::Neither,
        },
    }
}

/// The fill of a category; `undated` is the treaty whose date is not confirmed.
fn fill(c: Category, view: Option<Treaty>, undated: Treaty) -> Role {
    let shown = view.unwrap_or(undated);
    match c {
        Category::Both => Role::Both,
        Category::PalermoOnly => Role::PalermoParty,
        Category::IcrmwOnly => Role::IcrmwOnly,
        Category::Party | Category::Maybe => Role::party(shown),
        Category::Signatory => Role::signatory(shown),
        Category::Neither | Category::NotOpen => Role::Neither,
    }
}

/// The pattern over a state: dots for a deposit known only within a range that spans the date, a dark hatch for
/// a signature without (yet) a deposit (under the treaty shown, or under either).
fn pattern(c: Category, view: Option<Treaty>, st: [Status; 2]) -> Option<Pattern> {
    if c == Category::Maybe {
        return Some(Pattern::Dots(Role::Surface));
    }
    let signed = match view {
        Some(Treaty::Palermo) => st[0] == Status::Signatory,
        Some(Treaty::Icrmw) => st[1] == Status::Signatory,
        None => st.contains(&Status::Signatory),
    };
    signed.then_some(Pattern::Hatch(Role::Ink))
}

/// The tooltip line for one treaty.
fn standing(cat: &Cat, model: &Model, s: &State, t: Treaty, day: Day) -> String {
    let treaty = Arg::Str(cat.treaty(t));
    let p = s.under(t);
    let signed_on = p.and_then(|p| p.signature).filter(|d| *d <= day);
    let dep = p.and_then(|p| p.deposit);
    let kind = dep.map_or("", |d| cat.kind(d.kind));
    match (model.status(s, t, day), dep.map(|d| d.when)) {
        (Status::Party, Some(When::On(date))) => {
            let derived = dep.is_some_and(|d| d.derived);
            let signed = signed_on.map(|d| cat.f(Msg::TipSignedOn, &[("date", Arg::Day(d))])).unwrap_or_default();
            let key = if derived { Msg::TipPartySinceDerived } else { Msg::TipPartySince };
            cat.f(key, &[("treaty", treaty), ("date", Arg::Day(date)), ("kind", Arg::Str(kind)), ("signed", Arg::Str(&signed))])
        }
        (Status::Party, Some(w)) => {
            let range = notes::range(cat, w.earliest(), w.latest());
            cat.f(Msg::TipPartyRange, &[("treaty", treaty), ("range", Arg::Str(&range)), ("kind", Arg::Str(kind))])
        }
        (Status::MaybeParty, Some(w)) => {
            let range = notes::range(cat, w.earliest(), w.latest());
            cat.f(Msg::TipMaybeParty, &[("treaty", treaty), ("range", Arg::Str(&range))])
        }
        (Status::Signatory, _) => cat.f(Msg::TipSignedOnly, &[("treaty", treaty), ("date", Arg::Day(signed_on.unwrap_or(day)))]),
        _ => cat.f(Msg::TipNeither, &[("treaty", treaty)]),
    }
}

/// Builds the map spec.
fn build(cx: &Ctx<'_>) -> Result<Spec, ChartError> {
    let (model, o, cat) = (cx.model, cx.o, cx.cat);
    let world = cx.world.ok_or(ChartError::NoWorld)?;
    let as_of = o.as_of;
    // Both treaties on a day when only one was open: the map of that one (the other's caveat says why).
    let view = match o.treaty {
        None => match Treaty::ALL.map(|t| t.open_on(as_of)) {
            [true, false] => Some(Treaty::Palermo),
            [false, true] => Some(Treaty::Icrmw),
            _ => None,
        },
        v => v,
    };
    let open = view.map_or_else(|| Treaty::ALL.iter().any(|t| t.open_on(as_of)), |t| t.open_on(as_of));
    let w = f64::from(o.width);

    // Blocks and notes.
    let title = match view {
        Some(t) => cat.f(if notes::past(as_of) { Msg::MapTitleOnePast } else { Msg::MapTitleOne }, &[("t", Arg::Key(t.tag())), ("treaty", Arg::Str(cat.treaty(t)))]),
        None => cat.t(Msg::MapTitleBoth).to_string(),
    };
    let mut about = notes::about(&cat, model, as_of, Counts::States, false);
    let caveat = notes::first_caveat(
        &cat,
        [
            notes::caveat_range(&cat, model, as_of, Counts::States).filter(|_| view.map_or(true, |t| model.status_counts(t, as_of).maybe > 0)),
            // A map the reader asked to be of one treaty speaks of that treaty's dates alone; both treaties on a day
            // when only one was open (drawn as the map of that one) say why the other is missing.
            match o.treaty {
                Some(t) => notes::caveat_early_for(&cat, as_of, t),
                None => notes::caveat_early(&cat, as_of),
            },
            notes::caveat_stays_out(&cat, model, as_of).filter(|_| view != Some(Treaty::Palermo)),
            notes::caveat_gap(&cat, model, as_of, Counts::States).filter(|_| view == Some(Treaty::Palermo)),
        ],
        &mut about,
    );
    let mut blocks = notes::Blocks::new(
        &cat,
        o.title.clone().unwrap_or(title),
        cat.f(Msg::MapSubtitle, &[("date", Arg::Day(as_of))]),
        cat.t(if view.is_some() { Msg::MapMeasuresOne } else { Msg::MapMeasures }),
        cat.t(Msg::MapLeavesOut),
        caveat,
        about,
    );
    // The outlines are the map's alone among the charts.
    blocks.source = format!("{} {}", blocks.source, cat.t(Msg::SourceMap));

    // Every state's category, pattern and tooltip.
    let maybe_treaty = |st: [Status; 2]| if st[1] == Status::MaybeParty { Treaty::Icrmw } else { Treaty::Palermo };
    let states: Vec<(&State, [Status; 2])> = model.un_states().map(|s| (s, statuses(model, s, as_of))).collect();
    let count = |c: Category| states.iter().filter(|(_, st)| category(view, *st) == c).count() as i64;

    // Header and legend (counts are the status chart's).
    let mut f = Frame::new(w, cat);
    f.header(&blocks.title, &blocks.subtitle);
    let n = |c| Arg::Num(count(c));
    let mut legend: Vec<(Swatch, String)> = match view {
        _ if !open => vec![(Swatch::Square(Role::Neither), cat.t(if view.is_none() { Msg::MapNoneOpen } else { Msg::MapNotOpen }).to_string())],
        None => vec![
            (Swatch::Square(Role::Both), cat.f(Msg::MapBoth, &[("n", n(Category::Both))])),
            (Swatch::Square(Role::PalermoParty), cat.f(Msg::MapPalermoOnly, &[("n", n(Category::PalermoOnly))])),
            (Swatch::Square(Role::IcrmwOnly), cat.f(Msg::MapIcrmwOnly, &[("n", n(Category::IcrmwOnly))])),
            (Swatch::Square(Role::Neither), cat.f(Msg::MapPartyToNeither, &[("n", n(Category::Neither))])),
        ],
        Some(t) => vec![
            (Swatch::Square(Role::party(t)), cat.f(Msg::MapParties, &[("n", n(Category::Party))])),
            (Swatch::Patterned(Role::signatory(t), Pattern::Hatch(Role::Ink)), cat.f(Msg::MapSignedOnly, &[("n", n(Category::Signatory))])),
            (Swatch::Square(Role::Neither), cat.f(Msg::MapNeither, &[("n", n(Category::Neither))])),
        ],
    };
    if count(Category::Maybe) > 0 {
        let role = Role::party(view.unwrap_or(Treaty::Palermo));
        legend.push((Swatch::Patterned(role, Pattern::Dots(Role::Surface)), cat.f(Msg::MapMaybe, &[("n", n(Category::Maybe))])));
    }
    // With both treaties, the hatch is its own key: it says a state signed one it has not joined.
    if view.is_none() && states.iter().any(|(_, st)| matches!(pattern(category(view, *st), view, *st), Some(Pattern::Hatch(_)))) {
        legend.push((Swatch::Patterned(Role::Neither, Pattern::Hatch(Role::Ink)), cat.t(Msg::MapSigned).to_string()));
    }
    legend.push((Swatch::Dot(Role::Neither, Role::Axis), cat.t(Msg::MapDot).to_string()));
    legend.push((Swatch::Square(Role::Land), cat.t(Msg::MapNotState).to_string()));
    f.legend(&legend);
    // Both treaties: each treaty's counts, worded as the status chart words them.
    if view.is_none() {
        for t in Treaty::ALL {
            let c = model.status_counts(t, as_of);
            if t.info().opened_for_signature > as_of {
                continue;
            }
            let mut parts = vec![cat.f(Msg::SegParties, &[("n", Arg::Num(i64::from(c.party)))])];
            if c.maybe > 0 {
                parts.push(cat.f(Msg::SegMaybe, &[("n", Arg::Num(i64::from(c.maybe)))]));
            }
            parts.push(cat.f(Msg::SegSigned, &[("n", Arg::Num(i64::from(c.signatory)))]));
            parts.push(cat.f(Msg::MapCountNeither, &[("n", Arg::Num(i64::from(c.neither)))]));
            let line = cat.f(Msg::MapCounts, &[("treaty", Arg::Str(cat.treaty(t))), ("counts", Arg::Str(&parts.join(cat.t(Msg::Dot))))]);
            let size = f.sizes.axis + 0.5;
            f.paragraph(&line, size, Role::Muted, false, "");
        }
        f.y += 4.0;
    }

    // Scale: Equal Earth, the whole world across the inner width, from the North Pole down to 62°S (the map is
    // clipped there: Antarctica shows as its northern edge, and the states get the height it would take).
    let th = f.sizes;
    let mw = f.inner();
    let scale = mw / (2.0 * EQUAL_EARTH_MAX_X);
    let south = equal_earth(0.0, SOUTH_EDGE).1;
    let mh = (EQUAL_EARTH_MAX_Y - south) * scale;
    let plot = Rect { x: th.pad, y: f.y + 2.0, w: mw, h: mh };
    let project = |(lon10, lat10): (i16, i16)| {
        let (x, y) = equal_earth(f64::from(lon10) / 10.0, f64::from(lat10) / 10.0);
        (plot.x + (x + EQUAL_EARTH_MAX_X) * scale, plot.y + (EQUAL_EARTH_MAX_Y - y) * scale)
    };

    // Hits: the states in keyboard order (region by region, west to east), then the areas that are not states.
    let mut order: Vec<usize> = (0..states.len()).collect();
    let lon = |i: usize| states.get(i).and_then(|(s, _)| world.point(s.iso3())).map_or(0, |p| p.lon10);
    let region = |i: usize| states.get(i).map_or(M49::None, |(s, _)| s.country.region);
    crate::sort::by_key(&mut order, |&i| (region(i), lon(i)));
    let mut hits: Vec<Hit> = Vec::new();
    let mut hit_of: std::collections::HashMap<&str, u16> = std::collections::HashMap::new();
    for &i in &order {
        let Some((s, _)) = states.get(i) else { continue };
        let at = world.point(s.iso3()).map(|p| project((p.lon10, p.lat10))).unwrap_or((plot.x, plot.y));
        let mut lines = Vec::new();
        if cx.lines {
            lines.push(cat.name(s.iso3()).to_string());
            lines.extend(Treaty::ALL.map(|t| standing(&cat, model, s, t, as_of)));
        }
        hit_of.insert(s.iso3(), u16::try_from(hits.len()).unwrap_or(u16::MAX));
        let small = world.shape(s.iso3()).is_none();
        hits.push(Hit { key: s.iso3().to_string(), region: Region::Mark { cx: at.0, cy: at.1 }, lines, rule: None, dots: Vec::new(), walk: true, small });
    }

    // Marks: every outline, then the dots on top.
    let mut marks = std::mem::take(&mut f.marks);
    for (n, shape) in world.shapes.iter().enumerate() {
        let iso3 = shape.iso3_str();
        let state = iso3.and_then(|c| states.iter().find(|(s, _)| s.iso3() == c));
        let (fill_role, pat, hit) = match state {
            Some((s, st)) => {
                let c = category(view, *st);
                (fill(c, view, maybe_treaty(*st)), pattern(c, view, *st), hit_of.get(s.iso3()).copied())
            }
            None => {
                // Not one of the 195: neutral land, with a tooltip that says so.
                let lines = if cx.lines {
                    let name = iso3.and_then(data::country).map_or_else(|| cat.t(Msg::MapNoCode).to_string(), |c| cat.name(c.iso3).to_string());
                    vec![name, cat.t(Msg::TipNotState).into()]
                } else {
                    Vec::new()
                };
                let centre = shape.polygons.first().and_then(|p| p.first()).and_then(|r| r.first()).copied().map(project).unwrap_or((plot.x, plot.y));
                let h = u16::try_from(hits.len()).unwrap_or(u16::MAX);
                // Land without a code (Natural Earth's disputed areas) is keyed by its place in the geometry.
                let key = iso3.map_or_else(|| format!("area-{n}"), str::to_string);
                hits.push(Hit { key, region: Region::Mark { cx: centre.0, cy: centre.1 }, lines, rule: None, dots: Vec::new(), walk: false, small: false });
                (Role::Land, None, Some(h))
            }
        };
        let rings: Vec<Vec<(f64, f64)>> = shape.polygons.iter().flatten().map(|r| r.iter().copied().map(project).collect()).collect();
        // Land that is not a state gets visible edges, so that it never reads as sea, or as "neither".
        let edge = if state.is_some() { Role::Border } else { Role::Grid };
        marks.push(Mark::Shape { rings, fill: fill_role, pattern: pat, outline: Some(edge), hit });
    }
    let dot_r = crate::spec::within(w / 320.0, 2.2, 3.5);
    for (s, st) in &states {
        if world.shape(s.iso3()).is_some() {
            continue;
        }
        let Some(p) = world.point(s.iso3()) else { continue };
        let c = category(view, *st);
        let (fill_role, pat) = (fill(c, view, maybe_treaty(*st)), pattern(c, view, *st));
        marks.push(Mark::Dot { center: project((p.lon10, p.lat10)), r: dot_r, fill: fill_role, outline: Role::Axis, pattern: pat, hit: hit_of.get(s.iso3()).copied() });
    }
    // Highlighted states: a thick outline (or ring) and the name beside it; names that would touch (neighbours in
    // Europe) step up or down, joined to their state by a line.
    let mut texts = std::mem::take(&mut f.texts);
    // No name covers the point of another highlighted state (France's name east of its point would sit on
    // Switzerland): each point's core is taken before any name is placed.
    let highlighted: Vec<(&str, (f64, f64))> =
        o.highlight.iter().filter_map(|c| world.point(c).map(|p| (*c, project((p.lon10, p.lat10))))).collect();
    let mut taken: Vec<[f64; 4]> = highlighted.iter().map(|(_, (x, y))| [x - 2.0, y - 2.0, x + 2.0, y + 2.0]).collect();
    for iso3 in &o.highlight {
        let Some(p) = world.point(iso3) else { continue };
        let at = project((p.lon10, p.lat10));
        match world.shape(iso3) {
            Some(shape) => {
                let rings: Vec<Vec<(f64, f64)>> = shape.polygons.iter().flatten().map(|r| r.iter().copied().map(project).collect()).collect();
                marks.push(Mark::Outline { rings, color: Role::Highlight });
            }
            None => marks.push(Mark::Ring { center: at, r: dot_r + 2.5, color: Role::Highlight }),
        }
        let name = cat.name(iso3).to_string();
        let nw = crate::text::width(&name, th.axis, true);
        let (right, left) = (at.0 + 8.0, at.0 - 8.0 - nw);
        // A highlighted neighbour close by on the right (Nepal beside Bhutan on a phone): the name goes on the left
        // first, so that the names keep the states' order from west to east.
        let neighbour_east = highlighted.iter().any(|&(c, (qx, qy))| c != *iso3 && qx > at.0 && qx - at.0 < nw + 8.0 && (qy - at.1).abs() < th.axis * 3.0);
        let (first, second) = if neighbour_east { (left, right) } else { (right, left) };
        let step = th.axis * 1.3;
        let candidates: Vec<(f64, f64)> = (0..12)
            .flat_map(|k| {
                let dy = if k % 2 == 0 { -step * f64::from(k / 2) } else { step * f64::from(k / 2 + 1) };
                [(first, at.1 - 6.0 + dy), (second, at.1 - 6.0 + dy)]
            })
            .collect();
        // Nowhere free (a crowd of neighbours): beside the state all the same.
        let fallback = ((if first >= plot.x && first + nw <= plot.x + plot.w { first } else { second.max(plot.x) }, at.1 - 6.0), 0);
        let ((x, baseline), k) = crate::spec::place_label(&candidates, nw, th.axis, plot, &mut taken).unwrap_or(fallback);
        if k >= 1 {
            // Not in its first place (the other side, or another row): a line from the state to the name's near end.
            let end = if x >= at.0 { x - 1.0 } else { x + nw + 1.0 };
            marks.push(Mark::Path { points: vec![at, (end, baseline - th.axis * 0.3)], color: Role::Highlight, width: 1.0, dashed: false });
        }
        let mut t = crate::spec::run(x, baseline, name, th.axis, Role::Highlight);
        t.bold = true;
        t.halo = true;
        t.hit = hit_of.get(*iso3).copied();
        texts.push(t);
    }
    f.texts = texts;
    f.marks = marks;
    f.y = plot.y + plot.h + 4.0;

    // CSV: one row per state, and the screen-reader table.
    let mut csv = String::new();
    let on = as_of.to_string();
    let mut header = vec!["iso3", "name", "region"];
    let cols: Vec<String> = Treaty::ALL
        .iter()
        .flat_map(|t| ["status", "signature", "deposit", "mode", "date_derived"].map(|c| format!("{}_{c}", t.tag())))
        .collect();
    header.extend(cols.iter().map(String::as_str));
    dated_row(&mut csv, "as_of", &header);
    let mut rows: Vec<&(&State, [Status; 2])> = states.iter().collect();
    crate::sort::by_key(&mut rows, |(s, _)| s.iso3());
    let mut by_name: Vec<&(&State, [Status; 2])> = states.iter().collect();
    crate::sort::by_key(&mut by_name, |(s, _)| crate::text::sort_key(cat.name(s.iso3())));
    let table_rows: Vec<Vec<String>> = by_name
        .iter()
        .map(|(s, _)| {
            let mut r = vec![cat.name(s.iso3()).to_string(), region_name(&cat, s.country.region).to_string()];
            for t in Treaty::ALL {
                let line = standing(&cat, model, s, t, as_of);
                r.push(crate::text::split_once(&line, ": ").map_or(line.clone(), |(_, rest)| rest.to_string()));
            }
            r
        })
        .collect();
    let caption = cat.f(Msg::TableCaption, &[("date", Arg::Day(as_of))]);
    let table = crate::spec::html_table(&caption, &[cat.t(Msg::ColState), cat.t(Msg::ColRegion), cat.treaty(Treaty::Palermo), cat.treaty(Treaty::Icrmw)], &table_rows);
    for (s, st) in rows {
        let mut fields: Vec<String> = vec![s.iso3().into(), cat.name(s.iso3()).into(), region_name(&cat, s.country.region).into()];
        for (k, t) in Treaty::ALL.iter().enumerate() {
            let p = s.under(*t);
            let status = st.get(k).copied().unwrap_or(Status::Neither);
            let sig = p.and_then(|p| p.signature).filter(|d| *d <= as_of).map(|d| d.to_string()).unwrap_or_default();
            let dep = p.and_then(|p| p.deposit).filter(|_| matches!(status, Status::Party | Status::MaybeParty));
            let day = dep.map(|d| match d.when {
                When::On(d) => d.to_string(),
                When::Between { not_before, not_after, .. } => format!("{not_before}/{not_after}"),
            }).unwrap_or_default();
            let mode = dep.map(|d| d.kind.tag().to_string()).unwrap_or_default();
            let derived = dep.map(|d| if d.derived { "yes" } else { "no" }).unwrap_or("").to_string();
            fields.extend([status_key(status).to_string(), sig, day, mode, derived]);
        }
        let refs: Vec<&str> = fields.iter().map(String::as_str).collect();
        dated_row(&mut csv, &on, &refs);
    }

    // Summary for screen readers.
    let total = Arg::Num(states.len() as i64);
    let summary = match view {
        _ if !open => {
            let t = view.unwrap_or(Treaty::Icrmw);
            let part = cat.f(Msg::SummaryNotOpen, &[("t", Arg::Key(t.tag())), ("treaty", Arg::Str(cat.treaty(t)))]);
            cat.f(Msg::StatusSummary, &[("total", total), ("date", Arg::Day(as_of)), ("parts", Arg::Str(&part))])
        }
        None => {
            let mut s = cat.f(
                Msg::MapSummary,
                &[("date", Arg::Day(as_of)), ("total", total), ("both", n(Category::Both)), ("p", n(Category::PalermoOnly)), ("i", n(Category::IcrmwOnly)), ("x", n(Category::Neither))],
            );
            if count(Category::Maybe) > 0 {
                s.push_str(&cat.f(Msg::MapSummaryMaybe, &[("n", n(Category::Maybe))]));
            }
            s
        }
        Some(t) => {
            let c = model.status_counts(t, as_of);
            let part = cat.f(
                Msg::StatusSummaryPart,
                &[
                    ("treaty", Arg::Str(cat.treaty(t))),
                    ("count", Arg::Str(&notes::count(&cat, c.parties()))),
                    ("n", Arg::Num(i64::from(c.parties().max))),
                    ("s", Arg::Num(i64::from(c.signatory))),
                    ("x", Arg::Num(i64::from(c.neither))),
                ],
            );
            cat.f(Msg::StatusSummary, &[("total", total), ("date", Arg::Day(as_of)), ("parts", Arg::Str(&part))])
        }
    };
    let csv_filename = match view {
        Some(t) => format!("treaty-charts-map-{}-{as_of}-{}.csv", t.tag(), cat.0.tag),
        None => format!("treaty-charts-map-{as_of}-{}.csv", cat.0.tag),
    };
    let keys_label = Some(cat.f(Msg::AriaKeysMap, &[("title", Arg::Str(&blocks.title))]));
    Ok(f.finish(
        o,
        blocks,
        crate::spec::Drawn { plot, hits, keys_label, table: Some(table), clip: Some(plot), summary, csv, csv_filename },
    ))
}
