//! The model: each state's standing under each treaty on any calendar day, and the facts the notes word.
//!
//! Built once from the embedded tables ([`Model::get`]): one [`State`] per row of `countries.csv` (ISO3, name,
//! M49 region and sub-region, UN membership, migrant stock and population, and its signature and deposit under
//! each treaty), looked up by ISO3 with a binary search; and per treaty the dated deposits in date order, for
//! counting parties on a day with another binary search.
//!
//! Counting rules (the depositary's): a participant is a party from the day its instrument of ratification,
//! accession, acceptance, approval or succession was deposited with the UN Secretary-General, not from entry into
//! force for it. The European Union counts as a party (it is one) but is not one of the 195 states.
//!
//! Uncertain dates are ranges, never guesses: a deposit whose day no source gives has a sourced interval
//! (`date_bounds.csv`: not before, not after). On a day inside it the participant *may* be a party
//! ([`Status::MaybeParty`]); from its end on it certainly is. So a count on a day is a range ([`Range`]): the
//! parties certain by then, and those that may already have joined.

use crate::data::{self, ActionKind, Country, Headline, MigrantStock, Treaty, UnStatus};
use crate::date::Day;
use std::sync::OnceLock;

/// A participant's standing under one treaty on one day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Deposited an instrument on or before the day (or, for a deposit known only within a range, by the range's
    /// end).
    Party,
    /// The day falls inside the range of a deposit whose day no source gives: it may or may not have been a party.
    MaybeParty,
    /// Signed, and not (yet) a party.
    Signatory,
    /// Neither signed nor joined.
    Neither,
    /// The treaty was not yet open for signature on the day (the Palermo Protocol before 12 Dec 2000, the Migrant
    /// Workers Convention before 18 Dec 1990): no state could stand anywhere under it.
    NotOpen,
}

/// When a deposit was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// On this day (stated by a source, or derived from entry into force: see [`Deposit::derived`]).
    On(Day),
    /// Some day in this range, both ends included; `sourced` when the ends come from `date_bounds.csv` (else the
    /// range is only "after the last complete list, by the newest data").
    Between { not_before: Day, not_after: Day, sourced: bool },
}

impl When {
    /// The earliest day it can be.
    pub fn earliest(self) -> Day {
        match self {
            When::On(d) | When::Between { not_before: d, .. } => d,
        }
    }

    /// The latest day it can be.
    pub fn latest(self) -> Day {
        match self {
            When::On(d) | When::Between { not_after: d, .. } => d,
        }
    }

    /// The day, when it is known.
    pub fn day(self) -> Option<Day> {
        match self {
            When::On(d) => Some(d),
            When::Between { .. } => None,
        }
    }
}

/// A deposit of an instrument of consent to be bound.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Deposit {
    /// Ratification, accession, …
    pub kind: ActionKind,
    /// The day, or the range it lies in.
    pub when: When,
    /// True when the date is derived from entry into force (minus 30 days), not stated by a source.
    pub derived: bool,
    /// Source tag of the row (`data/TREATY_SOURCES.md`; native only, as [`crate::data::Action::source`]).
    #[cfg(not(target_arch = "wasm32"))]
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
    /// Standing on `day`.
    fn status(&self, day: Day) -> Status {
        if let Some(d) = self.deposit {
            if d.when.latest() <= day {
                return Status::Party;
            }
            if d.when.earliest() <= day {
                return Status::MaybeParty;
            }
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

/// One deposit, as the timeline counts it.
#[derive(Clone, Copy, Debug)]
pub struct Dated {
    /// Deposit date or range.
    pub when: When,
    /// ISO3 code of the participant (`EUU` for the European Union).
    pub iso3: &'static str,
    /// Ratification, accession, …
    pub kind: ActionKind,
    /// True when the date is derived from entry into force (minus 30 days).
    pub derived: bool,
}

/// A count on a day: at least `min`, at most `max` (equal when every date is known).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Range {
    /// Certain by the day.
    pub min: u16,
    /// Certain, plus those that may already have joined.
    pub max: u16,
}

impl Range {
    /// True when the count is exact.
    pub fn exact(self) -> bool {
        self.min == self.max
    }
}

/// Counts for the status chart: how the 195 UN member and observer states stand on one day.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StatusCounts {
    /// States that are certainly parties.
    pub party: u16,
    /// States that may be parties (the day is inside their deposit's range; see [`Status::MaybeParty`]).
    pub maybe: u16,
    /// States that signed but are not parties.
    pub signatory: u16,
    /// States that did neither (the states that may be parties are not among them).
    pub neither: u16,
}

impl StatusCounts {
    /// Sum of all groups; 195 for the embedded data.
    pub fn total(&self) -> u16 {
        self.party + self.maybe + self.signatory + self.neither
    }

    /// Parties as a range: certain, and certain plus possible.
    pub fn parties(&self) -> Range {
        Range { min: self.party, max: self.party + self.maybe }
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

/// A deposit after the last complete list, as the notes describe it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Later {
    /// ISO3 code.
    pub iso3: &'static str,
    /// Its day or range.
    pub when: When,
    /// True when the day is derived from entry into force minus 30 days.
    pub derived: bool,
}

/// Facts on the Palermo Protocol's data after its last complete depositary list.
#[derive(Clone, Debug, PartialEq)]
pub struct PalermoGap {
    /// Date of the last complete depositary list.
    pub complete: Day,
    /// Deposits after it that may have happened by the chart's date (dated, derived, or known within a range).
    pub later: Vec<Later>,
    /// Newest depositary count after `complete`, on or before the chart's date: (day, parties it reported, this
    /// data's count on that day).
    pub depositary: Option<(Day, u16, Range)>,
    /// Newest higher count from a secondary source known by the chart's date: (its date, parties).
    pub secondary: Option<(SourceDate, u16)>,
    /// The chart's date.
    pub as_of: Day,
}

impl PalermoGap {
    /// Later deposits with a derived day.
    pub fn derived(&self) -> usize {
        self.later.iter().filter(|l| l.derived).count()
    }

    /// Later deposits known only within a range.
    pub fn ranged(&self) -> Vec<Later> {
        self.later.iter().copied().filter(|l| l.when.day().is_none()).collect()
    }

    /// How many parties the depositary reported that this data does not identify (0 when none is missing).
    pub fn unidentified(&self) -> u16 {
        self.depositary.map_or(0, |(_, published, ours)| published.saturating_sub(ours.max))
    }
}

/// Shares of the world's international migrants (UN DESA 2024) covered by a treaty's parties on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Coverage {
    /// Which treaty.
    pub treaty: Treaty,
    /// International migrants living in party states: (certain parties, with those that may be parties), persons.
    pub immigrants: (u64, u64),
    /// Emigrants born in party states: (certain, with possible), persons.
    pub emigrants: (u64, u64),
    /// The world's international migrants (the denominator of `immigrants`).
    pub world_immigrants: u64,
    /// The world's emigrants by origin (the denominator of `emigrants`).
    pub world_emigrants: u64,
}

impl Coverage {
    /// A share in tenths of a per cent, rounded half up.
    pub fn tenths(part: u64, whole: u64) -> i64 {
        if whole == 0 {
            return 0;
        }
        i64::try_from((part * 2000 + whole) / (2 * whole)).unwrap_or(0)
    }
}

/// Facts on who stays out of the Migrant Workers Convention: the top destination states and the shares of
/// migrants its parties cover.
#[derive(Clone, Debug, PartialEq)]
pub struct StaysOut {
    /// How many of the top destination states are looked at.
    pub top: usize,
    /// ISO3 codes of those that are parties to the Convention on the day (certain).
    pub icrmw: Vec<&'static str>,
    /// How many of them are parties to the Palermo Protocol: a range (certain, with those that may be).
    pub palermo: Range,
    /// The Convention's coverage of migrants on the day.
    pub coverage: Coverage,
    /// The chart's date.
    pub as_of: Day,
}

/// How many top destination states the "who stays out" note looks at.
pub const TOP_DESTINATIONS: usize = 20;

/// True when a headline count is the depositary's own ([`Headline::depositary`]).
pub fn from_depositary(h: &Headline) -> bool {
    h.depositary
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
    /// Every deposit per treaty (states and the EU), sorted by its earliest day.
    deposits: [Vec<Dated>; 2],
    /// The earliest and the latest day of every deposit per treaty, each sorted: counting on a day is two binary
    /// searches.
    earliest: [Vec<Day>; 2],
    latest: [Vec<Day>; 2],
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
        for a in data::actions() {
            let i = slot(a.treaty);
            let info = a.treaty.info();
            let deposit = a.kind.map(|kind| {
                let when = match a.action {
                    Some(d) => When::On(d),
                    None => match data::date_bounds().iter().find(|b| b.treaty == a.treaty && b.iso3 == a.iso3) {
                        Some(b) => When::Between { not_before: b.not_before, not_after: b.not_after, sourced: true },
                        // No sourced range: after the last complete list, by the newest data.
                        None => When::Between {
                            not_before: info.complete_list_as_of.plus_days(1),
                            not_after: data::data_as_of(),
                            sourced: false,
                        },
                    },
                };
                Deposit {
                    kind,
                    when,
                    derived: a.date_is_derived(),
                    #[cfg(not(target_arch = "wasm32"))]
                    source: a.source,
                }
            });
            let p = Participation { signature: a.signature, deposit };
            if let (Some(d), Some(v)) = (deposit, deposits.get_mut(i)) {
                v.push(Dated { when: d.when, iso3: a.iso3, kind: d.kind, derived: d.derived });
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
            crate::sort::by_key(d, |x| (x.when.earliest(), x.iso3));
        }
        let days = |f: fn(When) -> Day| {
            deposits.clone().map(|v| {
                let mut d: Vec<Day> = v.iter().map(|x| f(x.when)).collect();
                crate::sort::sort(&mut d);
                d
            })
        };
        let (earliest, latest) = (days(When::earliest), days(When::latest));
        Model { states, eu, deposits, earliest, latest }
    }

    /// Every state and area of `countries.csv`, sorted by ISO3.
    pub fn states(&self) -> &[State] {
        &self.states
    }

    /// The 195 UN member and observer states, sorted by ISO3.
    pub fn un_states(&self) -> impl Iterator<Item = &State> {
        self.states.iter().filter(|s| s.is_un())
    }

    /// Every state and area of `countries.csv` (the 195 and the others), in ISO3 order.
    pub fn all_states(&self) -> impl Iterator<Item = &State> {
        self.states.iter()
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

    /// Every deposit for a treaty (states and the European Union), sorted by its earliest possible day.
    pub fn deposits(&self, t: Treaty) -> &[Dated] {
        self.deposits.get(slot(t)).map_or(&[], |v| v.as_slice())
    }

    /// Parties on `day` as the depositary counts them, the European Union included: at least those whose deposit
    /// was certainly made by then, at most those that may have been.
    pub fn parties_on(&self, t: Treaty, day: Day) -> Range {
        let count = |v: &Vec<Day>| u16::try_from(v.partition_point(|d| *d <= day)).unwrap_or(u16::MAX);
        let (e, l) = (self.earliest.get(slot(t)), self.latest.get(slot(t)));
        Range { min: l.map_or(0, count), max: e.map_or(0, count) }
    }

    /// True when the European Union is a party to `t` on `day`.
    pub fn eu_party_on(&self, t: Treaty, day: Day) -> bool {
        self.participation(t, data::EU).is_some_and(|p| p.status(day) == Status::Party)
    }

    /// Standing of one participant (by ISO3, `EUU` included) under `t` on `day`; `Neither` for unknown codes.
    pub fn status_of(&self, t: Treaty, iso3: &str, day: Day) -> Status {
        if !t.open_on(day) {
            return Status::NotOpen;
        }
        self.participation(t, iso3).map_or(Status::Neither, |p| p.status(day))
    }

    /// Standing of a state under `t` on `day`.
    pub fn status(&self, s: &State, t: Treaty, day: Day) -> Status {
        if !t.open_on(day) {
            return Status::NotOpen;
        }
        s.under(t).map_or(Status::Neither, |p| p.status(day))
    }

    /// How the 195 UN member and observer states stand under `t` on `day`.
    pub fn status_counts(&self, t: Treaty, day: Day) -> StatusCounts {
        let mut c = StatusCounts::default();
        for s in self.un_states() {
            match self.status(s, t, day) {
                Status::Party => c.party += 1,
                Status::MaybeParty => c.maybe += 1,
                Status::Signatory => c.signatory += 1,
                Status::Neither => c.neither += 1,
                Status::NotOpen => {}
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

    /// The shares of the world's migrants living in, and born in, `t`'s party states on `day` (states only; the
    /// stock figures are for 2024 whatever the day).
    pub fn coverage(&self, t: Treaty, day: Day) -> Coverage {
        let (mut imm, mut emi) = ((0, 0), (0, 0));
        for s in self.un_states() {
            let Some(m) = s.stock else { continue };
            match self.status(s, t, day) {
                Status::Party => {
                    imm = (imm.0 + m.immigrants, imm.1 + m.immigrants);
                    emi = (emi.0 + m.emigrants, emi.1 + m.emigrants);
                }
                Status::MaybeParty => {
                    imm.1 += m.immigrants;
                    emi.1 += m.emigrants;
                }
                _ => {}
            }
        }
        Coverage {
            treaty: t,
            immigrants: imm,
            emigrants: emi,
            world_immigrants: data::WORLD_IMMIGRANTS,
            world_emigrants: data::WORLD_EMIGRANTS,
        }
    }

    /// Facts on the Palermo Protocol's data after its last complete list, for a date after it (else `None`).
    pub fn palermo_gap(&self, as_of: Day) -> Option<PalermoGap> {
        let t = Treaty::Palermo;
        let complete = t.info().complete_list_as_of;
        if as_of <= complete {
            return None;
        }
        let later = self
            .deposits(t)
            .iter()
            .filter(|d| d.when.latest() > complete && d.when.earliest() <= as_of)
            .map(|d| Later { iso3: d.iso3, when: d.when, derived: d.derived })
            .collect();
        let depositary = data::headlines()
            .iter()
            .filter(|h| h.treaty == t && from_depositary(h))
            .filter_map(|h| h.day.map(|d| (d, h.parties)))
            .filter(|(d, _)| *d > complete && *d <= as_of)
            .max_by_key(|(d, _)| *d)
            .map(|(d, n)| (d, n, self.parties_on(t, d)));
        let ours_now = self.parties_on(t, as_of).max;
        let secondary = data::headlines()
            .iter()
            .filter(|h| h.treaty == t && !from_depositary(h))
            .filter_map(|h| source_date(h).map(|d| (d, h)))
            .filter(|(d, h)| d.last_day().is_some_and(|k| k > complete && k <= as_of) && h.parties > ours_now)
            .max_by_key(|(d, _)| d.last_day())
            .map(|(d, h)| (d, h.parties));
        Some(PalermoGap { complete, later, depositary, secondary, as_of })
    }

    /// Facts on who stays out of the Migrant Workers Convention, once it is in force (else `None`: before that,
    /// "none is a party" would read as a refusal rather than as a treaty still gathering ratifications).
    pub fn stays_out(&self, as_of: Day) -> Option<StaysOut> {
        if as_of < Treaty::Icrmw.info().entry_into_force {
            return None;
        }
        let top = self.top_destinations(Treaty::Icrmw, as_of, TOP_DESTINATIONS);
        let icrmw = top.iter().filter(|(_, s)| *s == Status::Party).map(|(c, _)| c.iso3()).collect();
        let p = self.top_destinations(Treaty::Palermo, as_of, TOP_DESTINATIONS);
        let n = |f: fn(&Status) -> bool| u16::try_from(p.iter().filter(|(_, s)| f(s)).count()).unwrap_or(0);
        let palermo = Range { min: n(|s| *s == Status::Party), max: n(|s| matches!(s, Status::Party | Status::MaybeParty)) };
        Some(StaysOut { top: TOP_DESTINATIONS, icrmw, palermo, coverage: self.coverage(Treaty::Icrmw, as_of), as_of })
    }
}
