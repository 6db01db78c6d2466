//! The model: each state's standing under each treaty on any calendar day, and the facts the notes word.
//!
//! Built once from the embedded tables ([`Model::get`]): one [`State`] per row of `countries.csv` (ISO3, name,
//! M49 region and sub-region, UN membership, migrant stock and population, and its signature and deposit under
//! each treaty), looked up by ISO3 with a binary search; and per treaty the dated deposits in date order, for
//! counting parties on a day with another binary search.
//!
//! Counting rules (the depositary's): a participant is a party from the day its instrument of ratification,
//! accession, acceptance, approval or succession was deposited with the UN Secretary-General, not from entry into
//! force for it. The European Union counts as a party (it is one) but is not one of the 195 states. A party whose
//! deposit date no source gives (three Palermo parties after 2018) is never counted on a date; after the
//! treaty's last complete list it is reported separately as "date not confirmed".

use crate::data::{self, ActionKind, Country, Headline, MigrantStock, Treaty, UnStatus};
use crate::date::Day;
use std::sync::OnceLock;

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

/// A deposit of an instrument of consent to be bound.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Deposit {
    /// Ratification, accession, …
    pub kind: ActionKind,
    /// The deposit date; `None` when no source gives it.
    pub day: Option<Day>,
    /// True when the date is derived from entry into force (minus 30 days), not stated by a source.
    pub derived: bool,
    /// Source tag of the row (`data/TREATY_SOURCES.md`).
    pub source: &'static str,
}

/// One participant's actions under one treaty (`treaty_actions.csv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Participation {
    /// Date of signature, if it signed.
    pub signature: Option<Day>,
    /// Its deposit, if it is a party.
    pub deposit: Option<Deposit>,
}

impl Participation {
    /// Standing on `day`, given the treaty's last complete list.
    fn status(&self, complete: Day, day: Day) -> Status {
        match self.deposit {
            Some(Deposit { day: Some(d), .. }) if d <= day => return Status::Party,
            Some(Deposit { day: None, .. }) if day > complete => return Status::PartyDateUnknown,
            _ => {}
        }
        match self.signature {
            Some(s) if s <= day => Status::Signatory,
            _ => Status::Neither,
        }
    }
}

/// One state or area of `countries.csv`, with everything the charts say about it.
#[derive(Debug)]
pub struct State {
    /// Codes, name, M49 region and sub-region, UN membership.
    pub country: &'static Country,
    /// Migrant stock and population (UN DESA 2024), where the data has a row.
    pub stock: Option<&'static MigrantStock>,
    /// Its actions under each treaty, in [`Treaty::ALL`] order.
    pub treaties: [Option<Participation>; 2],
}

impl State {
    /// ISO 3166-1 alpha-3 code.
    pub fn iso3(&self) -> &'static str {
        self.country.iso3
    }

    /// True for the 193 UN members and the 2 observer states.
    pub fn is_un(&self) -> bool {
        self.country.un != UnStatus::Other
    }

    /// Its actions under `t`.
    pub fn under(&self, t: Treaty) -> Option<&Participation> {
        self.treaties.get(slot(t)).and_then(Option::as_ref)
    }
}

/// One dated deposit, as the timeline counts it.
#[derive(Clone, Copy, Debug)]
pub struct Dated {
    /// Deposit date.
    pub day: Day,
    /// ISO3 code of the participant (`EUU` for the European Union).
    pub iso3: &'static str,
    /// Ratification, accession, …
    pub kind: ActionKind,
    /// True when the date is derived from entry into force (minus 30 days).
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

/// A headline count's date as its source gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceDate {
    /// A day.
    Day(Day),
    /// A month: (year, month 1–12).
    Month(i32, u8),
    /// A year.
    Year(i32),
}

/// Facts for the note on the Palermo Protocol's data after its last complete depositary list.
#[derive(Clone, Debug, PartialEq)]
pub struct PalermoGap {
    /// Date of the last complete depositary list.
    pub complete: Day,
    /// Dated accessions after it, up to the chart's date.
    pub later_dated: usize,
    /// Of those, how many have dates derived from entry into force.
    pub derived: usize,
    /// ISO3 codes of the parties with no confirmed date.
    pub undated: Vec<&'static str>,
    /// Newest depositary count after `complete`, on or before the chart's date: (day, parties it reported, dated
    /// parties in this data on that day).
    pub depositary: Option<(Day, u16, u16)>,
    /// Newest higher count from a secondary source known by the chart's date: (its date, parties).
    pub secondary: Option<(SourceDate, u16)>,
    /// The chart's date.
    pub as_of: Day,
    /// True when the chart's date is the newest the data speaks for (the undated parties are parties by then).
    pub newest: bool,
}

/// Facts for the note on who stays out of the Migrant Workers Convention.
#[derive(Clone, Debug, PartialEq)]
pub struct StaysOut {
    /// How many of the top destination states are looked at.
    pub top: usize,
    /// ISO3 codes of those that are parties to the Convention on the day.
    pub icrmw: Vec<&'static str>,
    /// `None` before the Protocol opened; else (dated parties among them, ISO3 codes of those that are parties on
    /// an unconfirmed date).
    pub palermo: Option<(usize, Vec<&'static str>)>,
    /// The chart's date.
    pub as_of: Day,
    /// True on the newest date.
    pub newest: bool,
}

/// How many top destination states the "who stays out" note looks at.
pub const TOP_DESTINATIONS: usize = 20;

/// Hosts whose counts are the depositary's own: the UN Treaty Collection and a verbatim copy of its XML record
/// (`data/TREATY_SOURCES.md` §1, source B). Every other count in `treaty_status.csv` is secondary.
const DEPOSITARY_HOSTS: [&str; 2] = ["treaties.un.org", "allucinaria/XML"];

/// True when a headline count is the depositary's own.
pub fn from_depositary(h: &Headline) -> bool {
    DEPOSITARY_HOSTS.iter().any(|host| h.source_url.contains(host))
}

/// A headline's date as its source gives it: a day, a month (`2025-07`), a year (`2005`), or the end of a range
/// (`2023-09-26/2024-11-04`). `None` if the text is none of these.
pub fn source_date(h: &Headline) -> Option<SourceDate> {
    if let Some(d) = h.day {
        return Some(SourceDate::Day(d));
    }
    let end = h.as_of_text.rsplit('/').next().unwrap_or(h.as_of_text);
    let mut parts = end.split('-').map(str::parse::<u16>);
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(Ok(y)), None, None, None) => Some(SourceDate::Year(i32::from(y))),
        (Some(Ok(y)), Some(Ok(m)), None, None) if (1..=12).contains(&m) => Some(SourceDate::Month(i32::from(y), m as u8)),
        (Some(Ok(_)), Some(Ok(_)), Some(Ok(_)), None) => Day::parse(end).ok().map(SourceDate::Day),
        _ => None,
    }
}

impl SourceDate {
    /// The last day the date can mean.
    pub fn last_day(self) -> Option<Day> {
        match self {
            SourceDate::Day(d) => Some(d),
            SourceDate::Month(y, m) => Day::last_of_month(y, m),
            SourceDate::Year(y) => Day::from_ymd(y, 12, 31).ok(),
        }
    }
}

fn slot(t: Treaty) -> usize {
    match t {
        Treaty::Palermo => 0,
        Treaty::Icrmw => 1,
    }
}

/// Precomputed views of the embedded data.
#[derive(Debug)]
pub struct Model {
    states: Vec<State>,
    eu: [Option<Participation>; 2],
    deposits: [Vec<Dated>; 2],
    undated: [Vec<&'static str>; 2],
}

impl Default for Model {
    fn default() -> Self {
        Self::new()
    }
}

impl Model {
    /// The model of the embedded data, built on first use.
    pub fn get() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(Model::new)
    }

    /// Builds the model from the embedded data (prefer [`Model::get`]).
    pub fn new() -> Model {
        let stocks = data::migrant_stock();
        let mut states: Vec<State> = data::countries()
            .iter()
            .map(|c| State { country: c, stock: stocks.iter().find(|m| m.iso3 == c.iso3), treaties: [None, None] })
            .collect();
        let mut eu = [None, None];
        let mut deposits: [Vec<Dated>; 2] = [Vec::new(), Vec::new()];
        let mut undated: [Vec<&'static str>; 2] = [Vec::new(), Vec::new()];
        for a in data::actions() {
            let i = slot(a.treaty);
            let deposit = a.kind.map(|kind| Deposit { kind, day: a.action, derived: a.date_is_derived(), source: a.source });
            let p = Participation { signature: a.signature, deposit };
            if let Some(d) = deposit {
                match (d.day, deposits.get_mut(i), undated.get_mut(i)) {
                    (Some(day), Some(v), _) => v.push(Dated { day, iso3: a.iso3, kind: d.kind, derived: d.derived }),
                    (None, _, Some(v)) => v.push(a.iso3),
                    _ => {}
                }
            }
            if a.iso3 == data::EU {
                if let Some(slot) = eu.get_mut(i) {
                    *slot = Some(p);
                }
            } else if let Ok(k) = states.binary_search_by(|s| s.country.iso3.cmp(a.iso3)) {
                if let Some(slot) = states.get_mut(k).and_then(|s| s.treaties.get_mut(i)) {
                    *slot = Some(p);
                }
            }
        }
        for d in &mut deposits {
            d.sort_unstable_by(|a, b| a.day.cmp(&b.day).then(a.iso3.cmp(b.iso3)));
        }
        Model { states, eu, deposits, undated }
    }

    /// Every state and area of `countries.csv`, sorted by ISO3.
    pub fn states(&self) -> &[State] {
        &self.states
    }

    /// The 195 UN member and observer states, sorted by ISO3.
    pub fn un_states(&self) -> impl Iterator<Item = &State> {
        self.states.iter().filter(|s| s.is_un())
    }

    /// A state by ISO3 code (binary search); `None` for unknown codes and for the EU.
    pub fn state(&self, iso3: &str) -> Option<&State> {
        self.states.binary_search_by(|s| s.country.iso3.cmp(iso3)).ok().and_then(|i| self.states.get(i))
    }

    /// A participant's actions under `t` (states and the European Union, `EUU`).
    pub fn participation(&self, t: Treaty, iso3: &str) -> Option<&Participation> {
        if iso3 == data::EU {
            return self.eu.get(slot(t)).and_then(Option::as_ref);
        }
        self.state(iso3).and_then(|s| s.under(t))
    }

    /// All dated deposits for a treaty, in date order.
    pub fn deposits(&self, t: Treaty) -> &[Dated] {
        self.deposits.get(slot(t)).map_or(&[], |v| v.as_slice())
    }

    /// ISO3 codes of parties with no known deposit date (Palermo: Nepal, Pakistan, Palau in the embedded data).
    pub fn undated_parties(&self, t: Treaty) -> &[&'static str] {
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

    /// True when the European Union is a party to `t` on `day`.
    pub fn eu_party_on(&self, t: Treaty, day: Day) -> bool {
        self.participation(t, data::EU)
            .is_some_and(|p| p.status(t.info().complete_list_as_of, day) == Status::Party)
    }

    /// Standing of one participant (by ISO3, `EUU` included) under `t` on `day`; `Neither` for unknown codes.
    pub fn status_of(&self, t: Treaty, iso3: &str, day: Day) -> Status {
        self.participation(t, iso3).map_or(Status::Neither, |p| p.status(t.info().complete_list_as_of, day))
    }

    /// Standing of a state under `t` on `day`.
    pub fn status(&self, s: &State, t: Treaty, day: Day) -> Status {
        s.under(t).map_or(Status::Neither, |p| p.status(t.info().complete_list_as_of, day))
    }

    /// How the 195 UN member and observer states stand under `t` on `day`.
    pub fn status_counts(&self, t: Treaty, day: Day) -> StatusCounts {
        let mut c = StatusCounts::default();
        for s in self.un_states() {
            match self.status(s, t, day) {
                Status::Party => c.party += 1,
                Status::PartyDateUnknown => c.party_date_unknown += 1,
                Status::Signatory => c.signatory += 1,
                Status::Neither => c.neither += 1,
            }
        }
        c
    }

    /// The `n` UN states with the most international migrants (UN DESA 2024), largest first, each with its
    /// status under `t` on `day`.
    pub fn top_destinations(&self, t: Treaty, day: Day, n: usize) -> Vec<(&State, Status)> {
        data::migrant_stock()
            .iter()
            .filter_map(|m| self.state(m.iso3))
            .filter(|s| s.is_un())
            .take(n)
            .map(|s| (s, self.status(s, t, day)))
            .collect()
    }

    /// Facts on the Palermo Protocol's incomplete data, for a date after its last complete list (else `None`).
    pub fn palermo_gap(&self, as_of: Day) -> Option<PalermoGap> {
        let t = Treaty::Palermo;
        let complete = t.info().complete_list_as_of;
        if as_of <= complete {
            return None;
        }
        let later: Vec<&Dated> = self.deposits(t).iter().filter(|d| d.day > complete && d.day <= as_of).collect();
        let depositary = data::headlines()
            .iter()
            .filter(|h| h.treaty == t && from_depositary(h))
            .filter_map(|h| h.day.map(|d| (d, h.parties)))
            .filter(|(d, _)| *d > complete && *d <= as_of)
            .max_by_key(|(d, _)| *d)
            .map(|(d, n)| (d, n, self.parties_on(t, d)));
        let ours_now = self.parties_on(t, as_of) + self.undated_possible_on(t, as_of);
        let secondary = data::headlines()
            .iter()
            .filter(|h| h.treaty == t && !from_depositary(h))
            .filter_map(|h| source_date(h).map(|d| (d, h)))
            .filter(|(d, h)| d.last_day().is_some_and(|k| k > complete && k <= as_of) && h.parties > ours_now)
            .max_by_key(|(d, _)| d.last_day())
            .map(|(d, h)| (d, h.parties));
        Some(PalermoGap {
            complete,
            later_dated: later.len(),
            derived: later.iter().filter(|d| d.derived).count(),
            undated: self.undated_parties(t).to_vec(),
            depositary,
            secondary,
            as_of,
            newest: as_of >= data::data_as_of(),
        })
    }

    /// Facts on who stays out of the Migrant Workers Convention, once it is in force (else `None`: before that,
    /// "none is a party" would read as a refusal rather than as a treaty still gathering ratifications).
    pub fn stays_out(&self, as_of: Day) -> Option<StaysOut> {
        if as_of < Treaty::Icrmw.info().entry_into_force {
            return None;
        }
        let top = self.top_destinations(Treaty::Icrmw, as_of, TOP_DESTINATIONS);
        let icrmw = top.iter().filter(|(_, s)| *s == Status::Party).map(|(c, _)| c.iso3()).collect();
        let palermo = (as_of >= Treaty::Palermo.info().opened_for_signature).then(|| {
            let top = self.top_destinations(Treaty::Palermo, as_of, TOP_DESTINATIONS);
            let dated = top.iter().filter(|(_, s)| *s == Status::Party).count();
            let undated = top.iter().filter(|(_, s)| *s == Status::PartyDateUnknown).map(|(c, _)| c.iso3()).collect();
            (dated, undated)
        });
        Some(StaysOut { top: TOP_DESTINATIONS, icrmw, palermo, as_of, newest: as_of >= data::data_as_of() })
    }
}
