//! `status`: for each treaty, how the 195 UN member and observer states stand on the as-of date — parties,
//! parties whose date is not confirmed (Palermo after its last complete list), signatories only, neither — as
//! stacked horizontal bars. Each bar's segments are exactly `count / 195` of the bar's width; counts are written
//! inside segments wide enough to hold them and, always, in the line under the bar.

use super::{color, csv_row, shared_notes, text_color, tint};
use crate::data::{self, Treaty};
use crate::model::{Model, StatusCounts};
use crate::notes;
use crate::options::Options;
use crate::spec::{palette, Anchor, Frame, Mark, Rect, Spec, Text, LEADING};
use crate::text;

/// Builds the status spec.
pub fn build(model: &Model, o: &Options) -> Spec {
    let as_of = o.as_of;
    let w = f64::from(o.width);

    let mut blocks = notes::status(as_of);
    if let Some(t) = &o.title {
        blocks.title = t.clone();
    }
    let mut extra = Vec::new();
    let eu_party = model.parties_on(Treaty::Palermo, as_of) > 0
        && model.deposits(Treaty::Palermo).iter().any(|d| d.iso3 == "EUU" && d.day <= as_of);
    extra.extend(notes::eu_not_a_state(eu_party));
    if as_of < data::data_as_of() {
        extra.push(notes::todays_states(as_of));
    }
    extra.extend(shared_notes(model, as_of));
    blocks.notes = extra;
    blocks.source = notes::source(data::data_as_of());

    let mut f = Frame::new(w);
    f.header(&blocks.title, &blocks.subtitle);
    let th = f.theme;
    let plot_top = f.y + 4.0;
    let bar_h = if w < 480.0 { 30.0 } else { 36.0 };
    let bar = Rect { x: th.pad, y: plot_top, w: f.inner(), h: 0.0 };
    let mut y = plot_top;
    let mut marks = std::mem::take(&mut f.marks);
    let mut texts: Vec<Text> = std::mem::take(&mut f.texts);
    let t_run = |x: f64, y: f64, s: String, size: f64, color, anchor, bold| Text {
        x, y, text: s, size, bold, bold_prefix: 0, color, anchor, link: None,
    };

    let mut csv = String::new();
    csv_row(&mut csv, &["treaty", "party", "signatory", "neither", "party_date_unconfirmed"]);
    let mut summary = Vec::new();
    let all: Vec<(Treaty, StatusCounts)> = Treaty::ALL.iter().map(|t| (*t, model.status_counts(*t, as_of))).collect();
    let total = all.first().map_or(195, |(_, c)| c.total());
    for (t, c) in &all {
        let info = t.info();
        // Treaty name and headline number.
        y += th.label;
        texts.push(t_run(bar.x, y, info.short_name.to_string(), th.label + 1.0, text_color(*t), Anchor::Start, true));
        y += 6.0;
        if info.opened_for_signature > as_of {
            // No bar for a treaty that did not exist yet: 195 "neither" would misread as 195 refusals.
            let msg = format!("Not yet open for signature (it opened on {}).", info.opened_for_signature.human());
            for line in text::wrap(&msg, th.axis + 0.5, false, bar.w) {
                y += th.label * LEADING;
                texts.push(t_run(bar.x, y - 4.0, line, th.axis + 0.5, palette::MUTED, Anchor::Start, false));
            }
            y += 14.0;
            csv_row(&mut csv, &[info.tag, "", "", "", ""]);
            summary.push(format!("the {} was not yet open for signature", info.short_name));
            continue;
        }
        // Parties now whose deposit date no source gives: on the newest date they are parties; on earlier dates
        // after the last complete list their standing is unknown.
        let unconfirmed = if as_of >= data::data_as_of() {
            format!("{} on unconfirmed dates", if c.party_date_unknown == 1 { "party" } else { "parties" })
        } else {
            format!("unknown (parties by {}, date of joining not confirmed)", data::data_as_of().human())
        };
        let words_for = |n: u16, one: &str, many: &str| notes::plural(usize::from(n), one, many);
        let segments = [
            (c.party, color(*t), false, words_for(c.party, "party", "parties")),
            (c.party_date_unknown, color(*t), true, format!("{} {unconfirmed}", c.party_date_unknown)),
            (c.signatory, tint(*t), false, format!("{} signed only", c.signatory)),
            (c.neither, palette::NEITHER, false, format!("{} neither", c.neither)),
        ];
        let mut x = bar.x;
        for (n, fill, hatch, _) in &segments {
            let (n, fill, hatch) = (*n, *fill, *hatch);
            if n == 0 {
                continue;
            }
            let sw = bar.w * f64::from(n) / f64::from(total.max(1));
            let r = Rect { x, y, w: sw, h: bar_h };
            marks.push(if hatch { Mark::Hatch { rect: r, color: fill } } else { Mark::Rect { rect: r, color: fill } });
            let label = n.to_string();
            if !hatch && text::width(&label, th.label, true) + 8.0 <= sw {
                let ink = if fill == color(*t) { palette::PAPER } else { palette::INK };
                texts.push(t_run(x + 5.0, y + bar_h / 2.0 + th.label * 0.35, label, th.label, ink, Anchor::Start, true));
            }
            x += sw;
        }
        y += bar_h + th.label * LEADING;
        // The counts in words under the bar (always there, whatever fits inside).
        let words: Vec<String> = segments
            .iter()
            .filter(|(n, _, hatch, _)| *n > 0 || !*hatch)
            .map(|(_, _, _, words)| words.clone())
            .collect();
        for line in text::wrap(&words.join(" · "), th.axis + 0.5, false, bar.w) {
            texts.push(t_run(bar.x, y - 2.0, line, th.axis + 0.5, palette::MUTED, Anchor::Start, false));
            y += (th.axis + 0.5) * LEADING;
        }
        y += 8.0;
        csv_row(
            &mut csv,
            &[info.tag, &c.party.to_string(), &c.signatory.to_string(), &c.neither.to_string(), &c.party_date_unknown.to_string()],
        );
        let unknown = if c.party_date_unknown > 0 {
            format!(", {} more whose date of joining is not confirmed", c.party_date_unknown)
        } else {
            String::new()
        };
        summary.push(format!(
            "{}: {}{unknown}, {} signed only, {} neither",
            info.short_name,
            words_for(c.party, "party", "parties"),
            c.signatory,
            c.neither
        ));
    }
    f.marks = marks;
    f.texts = texts;
    f.y = y - 8.0; // the gap after a bar separates treaties; the footer brings its own
    let plot = Rect { x: bar.x, y: plot_top, w: bar.w, h: y - plot_top };
    let summary = format!("Of today’s {total} UN member and observer states, on {}: {}.", as_of.human(), summary.join("; "));
    let csv_filename = format!("treaty-charts-status-{as_of}.csv");
    f.footer(&blocks, &csv, &csv_filename);
    Spec {
        kind: o.chart,
        width: w,
        height: f.y.ceil(),
        plot,
        marks: f.marks,
        texts: f.texts,
        hits: Vec::new(),
        blocks,
        summary,
        csv,
        csv_filename,
    }
}
