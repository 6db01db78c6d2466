//! The model: treaty status on any calendar day, as plain numbers.
//!
//! Counting rules (the depositary's): a participant is a party from the day its instrument of ratification,
//! accession, acceptance, approval or succession was deposited with the UN Secretary-General, not from entry into
//! force for it. The European Union counts as a party (it is one) but is not one of the 195 states of the status
//! chart. A party whose deposit date no source gives (three Palermo parties after 2018) is never counted on a
//! date; after the treaty's last complete list it is reported separately as "date not confirmed".

use crate::data::{self, Action, ActionKind, Country, Treaty, UnStatus};
use crate::date::Day;

/// A participant's standing under one treaty on one day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Deposited an instrument on or before the day.
    Party,
    /// Known to be a party now, but no source gives the deposit date, and the day is after the last complete
    /// depositary list: it may or may not have been a party on that day.
    PartyDateUnknown,
    /// Signed, and not (yet) a party.
    Signatory,
    /// Neither signed nor joined.
    Neither,
}

/// One deposit of an instrument: the day a participant became a party.
#[derive(Clone, Copy, Debug)]
pub struct Deposit {
    /// Deposit date.
    pub day: Day,
    /// ISO3 code of the participant (`EUU` for the European Union).
    pub iso3: &'static str,
    /// Ratification, accession, ...
    pub kind: ActionKind,
    /// True when the date is derived from entry into force (minus 30 days), not stated by a source.
    pub derived: bool,
}

/// Counts for the status chart: how the 195 UN member and observer states stand on one day.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StatusCounts {
    /// States that are parties (dated deposit on or before the day).
    pub party: u16,
    /// States known to be parties whose deposit date is not confirmed (see [`Status::PartyDateUnknown`]).
    pub party_date_unknown: u16,
    /// States that signed but are not parties.
    pub signatory: u16,
    /// States that did neither.
    pub neither: u16,
}

impl StatusCounts {
    /// Sum of all groups; 195 for the embedded data.
    pub fn total(&self) -> u16 {
        self.party + self.party_date_unknown + self.signatory + self.neither
    }
}

/// Precomputed, sorted views of the embedded data. Cheap to build (a few hundred rows); build once per render.
pub struct Model {
    deposits: [Vec<Deposit>; 2],
    undated: [Vec<&'static Action>; 2],
}

fn slot(t: Treaty) -> usize {
    match t {
        Treaty::Palermo => 0,
        Treaty::Icrmw => 1,
    }
}

impl Default for Model {
    fn default() -> Self {
        Self::new()
    }
}

impl Model {
    /// Builds the model from the embedded data.
    pub fn new() -> Model {
        let mut deposits: [Vec<Deposit>; 2] = [Vec::new(), Vec::new()];
        let mut undated: [Vec<&'static Action>; 2] = [Vec::new(), Vec::new()];
        for a in data::actions() {
            let Some(kind) = a.kind else { continue };
            let i = slot(a.treaty);
            match (a.action, deposits.get_mut(i), undated.get_mut(i)) {
                (Some(day), Some(v), _) => v.push(Deposit { day, iso3: a.iso3, kind, derived: a.date_is_derived() }),
                (None, _, Some(v)) => v.push(a),
                _ => {}
            }
        }
        for d in &mut deposits {
            d.sort_unstable_by(|a, b| a.day.cmp(&b.day).then(a.iso3.cmp(b.iso3)));
        }
        Model { deposits, undated }
    }

    /// All dated deposits for a treaty, in date order.
    pub fn deposits(&self, t: Treaty) -> &[Deposit] {
        self.deposits.get(slot(t)).map_or(&[], |v| v.as_slice())
    }

    /// Parties with no known deposit date (Palermo: Nepal, Pakistan, Palau in the embedded data).
    pub fn undated_parties(&self, t: Treaty) -> &[&'static Action] {
        self.undated.get(slot(t)).map_or(&[], |v| v.as_slice())
    }

    /// Number of parties on `day` as the depositary counts them: dated deposits on or before `day`, the
    /// European Union included.
    pub fn parties_on(&self, t: Treaty, day: Day) -> u16 {
        let n = self.deposits(t).partition_point(|d| d.day <= day);
        u16::try_from(n).unwrap_or(u16::MAX)
    }

    /// Number of undated parties that may already have been parties on `day` (0 up to the last complete list).
    pub fn undated_possible_on(&self, t: Treaty, day: Day) -> u16 {
        if day > t.info().complete_list_as_of {
            u16::try_from(self.undated_parties(t).len()).unwrap_or(u16::MAX)
        } else {
            0
        }
    }

    /// Standing of one participant (by ISO3) under `t` on `day`.
    pub fn status_of(&self, t: Treaty, iso3: &str, day: Day) -> Status {
        let Some(a) = data::actions().iter().find(|a| a.treaty == t && a.iso3 == iso3) else {
            return Status::Neither;
        };
        match (a.kind, a.action) {
            (Some(_), Some(d)) if d <= day => return Status::Party,
            (Some(_), None) if day > t.info().complete_list_as_of => return Status::PartyDateUnknown,
            _ => {}
        }
        match a.signature {
            Some(s) if s <= day => Status::Signatory,
            _ => Status::Neither,
        }
    }

    /// How the 195 UN member and observer states stand under `t` on `day`.
    pub fn status_counts(&self, t: Treaty, day: Day) -> StatusCounts {
        let mut c = StatusCounts::default();
        for s in data::un_states() {
            match self.status_of(t, s.iso3, day) {
                Status::Party => c.party += 1,
                Status::PartyDateUnknown => c.party_date_unknown += 1,
                Status::Signatory => c.signatory += 1,
                Status::Neither => c.neither += 1,
            }
        }
        c
    }

    /// The `n` UN states with the most international migrants (UN DESA 2024), each with its status on `day`.
    pub fn top_destinations(&self, t: Treaty, day: Day, n: usize) -> Vec<(&'static Country, Status)> {
        data::migrant_stock()
            .iter()
            .filter_map(|m| data::country(m.iso3))
            .filter(|c| c.un != UnStatus::Other)
            .take(n)
            .map(|c| (c, self.status_of(t, c.iso3, day)))
            .collect()
    }
}
