//! `status`: for each treaty, how the 195 UN member and observer states stand on the as-of date — parties,
//! parties whose date is not confirmed (Palermo after its last complete list), signatories only, neither — as
//! stacked horizontal bars. Each bar's segments are exactly `count / 195` of the bar's width; counts are written
//! inside segments wide enough to hold them and, always, in the line under the bar.

use super::{csv_row, ChartDef, ChartError, Ctx};
use crate::data::Treaty;
use crate::data;
use crate::i18n::{Arg, Msg};
use crate::model::{Status, StatusCounts};
use crate::notes;
use crate::spec::{Anchor, Frame, Hit, Mark, Rect, Region, Role, Spec, Text, LEADING};
use crate::text;

/// Registry entry.
pub static CHART: ChartDef = ChartDef { name: "status", about: Msg::AboutStatus, options: &[], world: false, build };

/// Most names a segment's tooltip lists before "and N more".
const MAX_NAMES: usize = 12;

/// A standing in machine form, as hit keys and CSV columns name it.
pub fn status_key(s: Status) -> &'static str {
    match s {
        Status::Party => "party",
        Status::PartyDateUnknown => "party_date_unconfirmed",
        Status::Signatory => "signatory",
        Status::Neither => "neither",
    }
}

/// Builds the status spec.
fn build(cx: &Ctx<'_>) -> Result<Spec, ChartError> {
    let (model, o, cat) = (cx.model, cx.o, cx.cat);
    let as_of = o.as_of;
    let w = f64::from(o.width);
    let all: Vec<(Treaty, StatusCounts)> = Treaty::ALL.iter().map(|t| (*t, model.status_counts(*t, as_of))).collect();
    let total = all.first().map_or(195, |(_, c)| c.total());

    let mut blocks = notes::status(&cat, as_of, total);
    if let Some(t) = &o.title {
        blocks.title = t.clone();
    }
    let mut extra = Vec::new();
    if model.eu_party_on(Treaty::Palermo, as_of) {
        extra.push(notes::note(&cat, cat.t(Msg::NoteEu)));
    }
    if as_of < data::data_as_of() {
        extra.push(notes::note(&cat, &cat.f(Msg::NoteTodaysStates, &[("date", Arg::Day(as_of))])));
    }
    extra.extend(notes::shared(&cat, model, as_of));
    blocks.notes = extra;
    blocks.source = notes::source(&cat, data::data_as_of());

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
        x, y, text: s, size, bold, bold_prefix: 0, color, bg, anchor, link: None,
    };

    let mut csv = String::new();
    csv_row(&mut csv, &["treaty", "party", "signatory", "neither", "party_date_unconfirmed"]);
    let mut summary = Vec::new();
    let mut hits: Vec<Hit> = Vec::new();
    for (t, c) in &all {
        let info = t.info();
        let treaty = cat.treaty(*t);
        // Treaty name and headline number.
        y += th.label;
        texts.push(t_run(bar.x, y, treaty.to_string(), th.label + 1.0, Role::text(*t), Role::Surface, Anchor::Start, true));
        y += 6.0;
        if info.opened_for_signature > as_of {
            // No bar for a treaty that did not exist yet: 195 "neither" would misread as 195 refusals.
            let msg = cat.f(Msg::StatusNotOpen, &[("date", Arg::Day(info.opened_for_signature))]);
            for line in text::wrap(&msg, th.axis + 0.5, false, bar.w) {
                y += th.label * LEADING;
                texts.push(t_run(bar.x, y - 4.0, line, th.axis + 0.5, Role::Muted, Role::Surface, Anchor::Start, false));
            }
            y += 14.0;
            csv_row(&mut csv, &[info.tag, "", "", "", ""]);
            summary.push(cat.f(Msg::SummaryNotOpen, &[("t", Arg::Key(t.tag())), ("treaty", Arg::Str(treaty))]));
            continue;
        }
        // Parties now whose deposit date no source gives: on the newest date they are parties; on earlier dates
        // after the last complete list their standing is unknown.
        let n = |v: u16| Arg::Num(i64::from(v));
        let unconfirmed = if as_of >= data::data_as_of() {
            cat.f(Msg::SegUnconfirmedNow, &[("n", n(c.party_date_unknown))])
        } else {
            cat.f(Msg::SegUnconfirmedEarlier, &[("n", n(c.party_date_unknown)), ("date", Arg::Day(data::data_as_of()))])
        };
        let segments = [
            (c.party, Role::party(*t), false, cat.f(Msg::SegParties, &[("n", n(c.party))]), Status::Party),
            (c.party_date_unknown, Role::party(*t), true, unconfirmed, Status::PartyDateUnknown),
            (c.signatory, Role::signatory(*t), false, cat.f(Msg::SegSigned, &[("n", n(c.signatory))]), Status::Signatory),
            (c.neither, Role::Neither, false, cat.f(Msg::SegNeither, &[("n", n(c.neither))]), Status::Neither),
        ];
        let mut x = bar.x;
        for (count, fill, hatch, words, status) in &segments {
            let (count, fill, hatch) = (*count, *fill, *hatch);
            if count == 0 {
                continue;
            }
            let sw = bar.w * f64::from(count) / f64::from(total.max(1));
            let r = Rect { x, y, w: sw, h: bar_h };
            let hit = Some(u16::try_from(hits.len()).unwrap_or(u16::MAX));
            marks.push(if hatch { Mark::Hatch { rect: r, color: fill, hit } } else { Mark::Rect { rect: r, color: fill, hit } });
            let label = cat.num(i64::from(count));
            if !hatch && text::width(&label, th.label, true) + 8.0 <= sw {
                let ink = if fill == Role::party(*t) { Role::OnParty } else { Role::Ink };
                texts.push(t_run(x + 5.0, y + bar_h / 2.0 + th.label * 0.35, label, th.label, ink, fill, Anchor::Start, true));
            }
            // The tooltip: which treaty, the count, its share of the states, and who they are when few.
            let mut who: Vec<&'static str> = model
                .un_states()
                .filter(|s| model.status(s, *t, as_of) == *status)
                .map(|s| cat.name(s.iso3()))
                .collect();
            who.sort_unstable();
            let share = i64::from(count) * 1000 / i64::from(total.max(1));
            let mut lines = vec![treaty.to_string(), words.clone(), cat.f(Msg::TipShareOfStates, &[("share", Arg::Tenths(share)), ("total", n(total))])];
            if who.len() <= MAX_NAMES {
                lines.push(cat.list(&who));
            } else {
                let shown = who.get(..MAX_NAMES).unwrap_or(&who).join(cat.0.list_sep);
                lines.push(cat.f(Msg::TipListMore, &[("names", Arg::Str(&shown)), ("n", Arg::Num((who.len() - MAX_NAMES) as i64))]));
            }
            let key = format!("{}:{}", t.tag(), status_key(*status));
            hits.push(Hit { key, region: Region::Mark { cx: x + sw / 2.0, cy: y + bar_h / 2.0 }, lines, rule: None, dots: Vec::new(), walk: true });
            x += sw;
        }
        y += bar_h + th.label * LEADING;
        // The counts in words under the bar (always there, whatever fits inside).
        let words: Vec<String> = segments
            .iter()
            .filter(|(count, _, hatch, _, _)| *count > 0 || !*hatch)
            .map(|(_, _, _, words, _)| words.clone())
            .collect();
        for line in text::wrap(&words.join(cat.t(Msg::Dot)), th.axis + 0.5, false, bar.w) {
            texts.push(t_run(bar.x, y - 2.0, line, th.axis + 0.5, Role::Muted, Role::Surface, Anchor::Start, false));
            y += (th.axis + 0.5) * LEADING;
        }
        y += 8.0;
        csv_row(
            &mut csv,
            &[info.tag, &c.party.to_string(), &c.signatory.to_string(), &c.neither.to_string(), &c.party_date_unknown.to_string()],
        );
        let unknown = if c.party_date_unknown > 0 {
            cat.f(Msg::StatusSummaryUnknown, &[("u", n(c.party_date_unknown))])
        } else {
            String::new()
        };
        summary.push(cat.f(
            Msg::StatusSummaryPart,
            &[("treaty", Arg::Str(treaty)), ("n", n(c.party)), ("unknown", Arg::Str(&unknown)), ("s", n(c.signatory)), ("x", n(c.neither))],
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
    let csv_filename = format!("treaty-charts-status-{as_of}.csv");
    f.footer(&blocks, &csv, &csv_filename);
    let keys_label = (!hits.is_empty()).then(|| cat.f(Msg::AriaKeysMarks, &[("title", Arg::Str(&blocks.title))]));
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
