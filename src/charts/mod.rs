//! One module per chart kind, each the same shape: `pub fn build(model: &Model, o: &Options) -> Spec`, laid out
//! in the same order (blocks and notes → frame header and legend → scales → marks → hits → CSV → footer).
//! A new kind (the planned map, say) copies the nearest module, adds one [`ChartKind`] variant and one arm in
//! [`build`].

pub mod status;
pub mod timeline;

use crate::data::{self, Treaty};
use crate::date::Day;
use crate::model::{Model, Status};
use crate::notes;
use crate::options::{ChartKind, Options};
use crate::spec::{palette, Color, Spec};

/// Builds the spec for `o.chart`.
pub fn build(model: &Model, o: &Options) -> Spec {
    match o.chart {
        ChartKind::Timeline => timeline::build(model, o),
        ChartKind::Status => status::build(model, o),
    }
}

/// Line / party colour of a treaty.
pub fn color(t: Treaty) -> Color {
    match t {
        Treaty::Palermo => palette::PALERMO,
        Treaty::Icrmw => palette::ICRMW,
    }
}

/// Text colour of a treaty.
pub fn text_color(t: Treaty) -> Color {
    match t {
        Treaty::Palermo => palette::PALERMO_TEXT,
        Treaty::Icrmw => palette::ICRMW_TEXT,
    }
}

/// Light tint of a treaty.
pub fn tint(t: Treaty) -> Color {
    match t {
        Treaty::Palermo => palette::PALERMO_TINT,
        Treaty::Icrmw => palette::ICRMW_TINT,
    }
}

/// How many top destination states the "who stays out" note looks at.
pub const TOP_DESTINATIONS: usize = 20;

/// Notes shared by every chart: the Palermo data gap (when `as_of` is past the last complete list) and who
/// stays out of the Migrant Workers Convention (once it is in force).
pub fn shared_notes(model: &Model, as_of: Day) -> Vec<String> {
    let mut out = Vec::new();
    let info = Treaty::Palermo.info();
    if as_of > info.complete_list_as_of {
        let later: Vec<_> = model
            .deposits(Treaty::Palermo)
            .iter()
            .filter(|d| d.day > info.complete_list_as_of && d.day <= as_of)
            .collect();
        let undated: Vec<&str> =
            model.undated_parties(Treaty::Palermo).iter().map(|a| data::participant_name(a.iso3)).collect();
        let depositary = data::headlines()
            .iter()
            .filter(|h| h.treaty == Treaty::Palermo && h.from_depositary())
            .filter_map(|h| h.day.map(|d| (d, h.parties)))
            .filter(|(d, _)| *d > info.complete_list_as_of && *d <= as_of)
            .max_by_key(|(d, _)| *d)
            .map(|(d, n)| (d, n, model.parties_on(Treaty::Palermo, d)));
        let ours_now = model.parties_on(Treaty::Palermo, as_of) + model.undated_possible_on(Treaty::Palermo, as_of);
        let secondary = data::headlines()
            .iter()
            .filter(|h| h.treaty == Treaty::Palermo && !h.from_depositary())
            .filter_map(|h| h.known_by().map(|d| (d, h)))
            .filter(|(d, h)| *d > info.complete_list_as_of && *d <= as_of && h.parties > ours_now)
            .max_by_key(|(d, _)| *d)
            .map(|(_, h)| (h.as_of_human(), h.parties));
        out.push(notes::palermo_gap(&notes::PalermoGap {
            complete: info.complete_list_as_of,
            later_dated: later.len(),
            derived: later.iter().filter(|d| d.derived).count(),
            undated: &undated,
            depositary,
            secondary,
            as_of,
        }));
    }
    // Who stays out: only once the Convention is in force; before that, "none is a party" would read as a
    // refusal rather than as a treaty still gathering its first ratifications.
    if as_of >= Treaty::Icrmw.info().entry_into_force {
        let top = model.top_destinations(Treaty::Icrmw, as_of, TOP_DESTINATIONS);
        let icrmw: Vec<&str> = top.iter().filter(|(_, s)| *s == Status::Party).map(|(c, _)| c.name).collect();
        let palermo_top = model.top_destinations(Treaty::Palermo, as_of, TOP_DESTINATIONS);
        let dated = palermo_top.iter().filter(|(_, s)| *s == Status::Party).count();
        let undated: Vec<&str> =
            palermo_top.iter().filter(|(_, s)| *s == Status::PartyDateUnknown).map(|(c, _)| c.name).collect();
        let palermo = (as_of >= Treaty::Palermo.info().opened_for_signature).then_some((dated, undated.as_slice()));
        out.push(notes::who_stays_out(TOP_DESTINATIONS, &icrmw, palermo, as_of));
    }
    out
}

/// Appends one CSV record; fields are quoted when they contain a comma, quote or line break.
pub fn csv_row(out: &mut String, fields: &[&str]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if f.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&f.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(f);
        }
    }
    out.push('\n');
}
