//! The embedded data set.
//!
//! Everything here is compiled in by `build.rs` from the CSV files in `data/` (see `data/README.md`,
//! `data/TREATY_SOURCES.md` and `data/SUPPORT_SOURCES.md` for sources and known gaps). Nothing is parsed at run
//! time. Tables are joined on ISO 3166-1 alpha-3 codes only, never on names.

use crate::date::Day;

/// The two treaties this crate charts. The order of [`Treaty::ALL`] is the order of every chart and CSV.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Treaty {
    /// Protocol to Prevent, Suppress and Punish Trafficking in Persons (2000), UNTC XVIII-12-a.
    Palermo,
    /// International Convention on the Protection of the Rights of All Migrant Workers and Members of Their
    /// Families (1990), UNTC IV-13.
    Icrmw,
}

impl Treaty {
    /// Both treaties, in chart order.
    pub const ALL: [Treaty; 2] = [Treaty::Palermo, Treaty::Icrmw];

    /// The row of `data/treaties.csv` for this treaty.
    pub fn info(self) -> &'static TreatyInfo {
        match self {
            Treaty::Palermo => &TREATIES[0],
            Treaty::Icrmw => &TREATIES[1],
        }
    }

    /// Machine tag used in the data and in CSV output: `palermo` or `icrmw`.
    pub fn tag(self) -> &'static str {
        self.info().tag
    }

    /// Whether states could sign or join it on `day`: on or after the day it was opened for signature.
    pub fn open_on(self, day: Day) -> bool {
        self.info().opened_for_signature <= day
    }
}

/// One treaty's names and key dates (`data/treaties.csv`).
#[derive(Debug)]
pub struct TreatyInfo {
    /// `palermo` or `icrmw`.
    pub tag: &'static str,
    /// Reader-facing short name, e.g. "Migrant Workers Convention".
    pub short_name: &'static str,
    /// Full title.
    pub name: &'static str,
    /// UN Treaty Collection chapter reference, e.g. `IV-13`.
    pub untc_ref: &'static str,
    /// Date of adoption.
    pub adopted: Day,
    /// First day a state could sign.
    pub opened_for_signature: Day,
    /// Date of entry into force.
    pub entry_into_force: Day,
    /// Status date of the newest complete depositary list behind the actions; later data is partial.
    pub complete_list_as_of: Day,
}

/// Membership of the United Nations, from `countries.csv`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnStatus {
    /// One of the 193 member states.
    Member,
    /// Non-member observer state (Holy See, State of Palestine).
    Observer,
    /// Neither (territories, Cook Islands, Niue, ...).
    Other,
}

/// UN M49 region (`countries.csv` column `region`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Region {
    /// Africa (M49 002).
    Africa,
    /// Americas (019).
    Americas,
    /// Asia (142).
    Asia,
    /// Europe (150).
    Europe,
    /// Oceania (009).
    Oceania,
    /// No region (Antarctica).
    None,
}

impl Region {
    /// The five regions, in M49's alphabetical order.
    pub const ALL: [Region; 5] = [Region::Africa, Region::Americas, Region::Asia, Region::Europe, Region::Oceania];
}

/// UN M49 sub-region (`countries.csv` column `subregion`; Sub-Saharan Africa and Latin America and the Caribbean
/// as M49's intermediate groupings).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[allow(missing_docs)]
pub enum Subregion {
    NorthernAfrica,
    SubSaharanAfrica,
    LatinAmericaAndTheCaribbean,
    NorthernAmerica,
    CentralAsia,
    EasternAsia,
    SouthEasternAsia,
    SouthernAsia,
    WesternAsia,
    EasternEurope,
    NorthernEurope,
    SouthernEurope,
    WesternEurope,
    AustraliaAndNewZealand,
    Melanesia,
    Micronesia,
    Polynesia,
    /// No sub-region (Antarctica).
    None,
}

impl Subregion {
    /// The region a sub-region belongs to.
    pub fn region(self) -> Region {
        use Subregion as S;
        match self {
            S::NorthernAfrica | S::SubSaharanAfrica => Region::Africa,
            S::LatinAmericaAndTheCaribbean | S::NorthernAmerica => Region::Americas,
            S::CentralAsia | S::EasternAsia | S::SouthEasternAsia | S::SouthernAsia | S::WesternAsia => Region::Asia,
            S::EasternEurope | S::NorthernEurope | S::SouthernEurope | S::WesternEurope => Region::Europe,
            S::AustraliaAndNewZealand | S::Melanesia | S::Micronesia | S::Polynesia => Region::Oceania,
            S::None => Region::None,
        }
    }
}

/// One row of `countries.csv`.
#[derive(Debug)]
pub struct Country {
    /// ISO 3166-1 alpha-3 code; the join key.
    pub iso3: &'static str,
    /// ISO 3166-1 alpha-2 code (for suggestions only; never a join key).
    pub iso2: &'static str,
    /// UN M49 numeric code (`None` for Kosovo, which M49 does not list).
    pub m49: Option<u16>,
    /// Reader-facing name (UN M49 / UNTC spelling, UTF-8; may contain `&`, `'`, `’`).
    pub name: &'static str,
    /// M49 region.
    pub region: Region,
    /// M49 sub-region.
    pub subregion: Subregion,
    /// UN membership.
    pub un: UnStatus,
}

/// How a participant became bound, as the depositary records it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActionKind {
    /// Ratification after signature.
    Ratification,
    /// Accession (joining without prior signature).
    Accession,
    /// Acceptance (UNTC marker `A`).
    Acceptance,
    /// Approval (UNTC marker `AA`), e.g. the European Union.
    Approval,
    /// Succession (UNTC marker `d`).
    Succession,
}

impl ActionKind {
    /// The machine tag, as `treaty_actions.csv` and the CSV downloads spell it (`ratification`, …); readers see
    /// the catalogue's word instead.
    pub fn tag(self) -> &'static str {
        match self {
            ActionKind::Ratification => "ratification",
            ActionKind::Accession => "accession",
            ActionKind::Acceptance => "acceptance",
            ActionKind::Approval => "approval",
            ActionKind::Succession => "succession",
        }
    }
}

/// One row of `treaty_actions.csv`: a participant's signature and/or consent to be bound.
#[derive(Debug)]
pub struct Action {
    /// Which treaty.
    pub treaty: Treaty,
    /// ISO3 code (`EUU` for the European Union, which is a party but not a state).
    pub iso3: &'static str,
    /// Date of signature, if signed.
    pub signature: Option<Day>,
    /// Date the instrument of ratification/accession/... was deposited; `None` when no source gives the day.
    pub action: Option<Day>,
    /// Kind of consent; `None` for signature only.
    pub kind: Option<ActionKind>,
    /// True when the deposit date is derived (entry into force minus 30 days), not stated by a source: the row's
    /// source tag ends in `-eif30`.
    pub derived: bool,
    /// Source tag (see `TREATY_SOURCES.md`; native only: the browser module carries no tags).
    #[cfg(not(target_arch = "wasm32"))]
    pub source: &'static str,
}

impl Action {
    /// True when the participant is a party (it deposited an instrument, dated or not).
    pub fn is_party(&self) -> bool {
        self.kind.is_some()
    }

    /// True when the deposit date is derived (entry into force minus 30 days), not stated by a source.
    pub fn date_is_derived(&self) -> bool {
        self.derived
    }
}

/// One row of `treaty_status.csv`: a headline count found in a dated source.
#[derive(Debug)]
pub struct Headline {
    /// Which treaty.
    pub treaty: Treaty,
    /// The date as the source gives it: `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or a range.
    pub as_of_text: &'static str,
    /// The exact day, when `as_of_text` is a full date.
    pub day: Option<Day>,
    /// Number of signatories, when given.
    pub signatories: Option<u16>,
    /// Number of parties.
    pub parties: u16,
    /// True when the count is the depositary's own: its source is the UN Treaty Collection or a verbatim copy of
    /// its XML record (`data/TREATY_SOURCES.md` §1, source B; decided from `source_url` at build time). Every other
    /// count is secondary.
    pub depositary: bool,
    /// Where the count was read (native only: the browser module carries no source addresses).
    #[cfg(not(target_arch = "wasm32"))]
    pub source_url: &'static str,
}

/// One row of `date_bounds.csv`: a sourced interval for a deposit whose day no source gives
/// (`data/TREATY_SOURCES.md` §8).
#[derive(Debug)]
pub struct DateBound {
    /// Which treaty.
    pub treaty: Treaty,
    /// ISO3 code of the participant.
    pub iso3: &'static str,
    /// The deposit was not before this day.
    pub not_before: Day,
    /// Source tag of that bound (`data/README.md`).
    pub not_before_source: &'static str,
    /// True when the bound follows from its evidence but is not printed as such.
    pub not_before_inferred: bool,
    /// The deposit was not after this day.
    pub not_after: Day,
    /// Source tag of that bound.
    pub not_after_source: &'static str,
    /// True when the bound follows from its evidence but is not printed as such.
    pub not_after_inferred: bool,
}

/// One row of `migrant_stock.csv` (UN DESA International Migrant Stock 2024; population from UN WPP 2024),
/// ISO-coded areas only.
#[derive(Debug)]
pub struct MigrantStock {
    /// ISO3 code.
    pub iso3: &'static str,
    /// International migrants living in the area (stock by destination), mid-2024, persons.
    pub immigrants: u64,
    /// People born in the area living in another country (stock by origin), mid-2024, persons.
    pub emigrants: u64,
    /// Population, mid-2024, persons; `None` where WPP gives none (the Holy See).
    pub population: Option<u64>,
}

/// ISO-style code of the European Union in `treaty_actions.csv` (a party to the Palermo Protocol, not a state).
pub const EU: &str = "EUU";

include!(concat!(env!("OUT_DIR"), "/data_tables.rs"));

/// A table `build.rs` packed: small numbers as varints in `bytes`, strings one after the other in `text` (each
/// table's layout is written beside its packing in `build.rs`). A few kilobytes of WebAssembly less than Rust
/// literals of the same rows, whose every string is a pointer and a length; each is decoded once, on first use.
struct Packed {
    bytes: &'static [u8],
    text: &'static str,
}

/// A reader over a [`Packed`] table. The tables are written by `build.rs` and read by the code beside it, so a
/// short read cannot happen; were it to, it would give zeros and empty strings, never a panic.
struct Reader {
    table: &'static Packed,
    at: usize,
    text_at: usize,
}

impl Reader {
    fn new(table: &'static Packed) -> Reader {
        Reader { table, at: 0, text_at: 0 }
    }

    fn more(&self) -> bool {
        self.at < self.table.bytes.len()
    }

    fn varint(&mut self) -> u64 {
        let mut v = 0u64;
        let mut shift = 0;
        while let Some(b) = self.table.bytes.get(self.at) {
            self.at += 1;
            v |= u64::from(b & 0x7f) << shift.min(63);
            shift += 7;
            if b & 0x80 == 0 {
                break;
            }
        }
        v
    }

    fn small(&mut self) -> usize {
        usize::try_from(self.varint()).unwrap_or(0)
    }

    fn text(&mut self, len: usize) -> &'static str {
        let s = self.table.text.get(self.text_at..self.text_at + len).unwrap_or("");
        self.text_at += len;
        s
    }
}

/// All rows of `countries.csv`, sorted by ISO3 code.
pub fn countries() -> &'static [Country] {
    static ROWS: std::sync::OnceLock<Vec<Country>> = std::sync::OnceLock::new();
    ROWS.get_or_init(|| {
        let mut r = Reader::new(&COUNTRIES_PACKED);
        let mut rows = Vec::new();
        while r.more() {
            let m49 = r.varint().checked_sub(1).and_then(|m| u16::try_from(m).ok());
            let region = REGION_ORDER.get(r.small()).copied().unwrap_or(Region::None);
            let subregion = SUBREGION_ORDER.get(r.small()).copied().unwrap_or(Subregion::None);
            let un = [UnStatus::Member, UnStatus::Observer].get(r.small()).copied().unwrap_or(UnStatus::Other);
            let name_len = r.small();
            let (iso3, iso2, name) = (r.text(3), r.text(2), r.text(name_len));
            // An empty name is the English one charts show (see build.rs).
            let name = if name.is_empty() { local_name(NAMES_EN, iso3).unwrap_or("") } else { name };
            rows.push(Country { iso3, iso2, m49, name, region, subregion, un });
        }
        rows
    })
}

/// All rows of `treaty_actions.csv`, in file order.
pub fn actions() -> &'static [Action] {
    static ROWS: std::sync::OnceLock<Vec<Action>> = std::sync::OnceLock::new();
    ROWS.get_or_init(|| {
        const KINDS: [ActionKind; 5] =
            [ActionKind::Ratification, ActionKind::Accession, ActionKind::Acceptance, ActionKind::Approval, ActionKind::Succession];
        let mut r = Reader::new(&ACTIONS_PACKED);
        // A day is packed as its Julian day number less ACTION_DAY_BASE (so at least 1); 0 is no day.
        let day = |v: u64| i32::try_from(v).ok().filter(|v| *v > 0).map(|v| Day(ACTION_DAY_BASE + v));
        #[cfg(not(target_arch = "wasm32"))]
        let mut tags = Reader::new(&ACTION_SOURCES_PACKED);
        #[cfg(not(target_arch = "wasm32"))]
        let sources: Vec<&'static str> = {
            let lengths: Vec<usize> = (0..tags.small()).map(|_| tags.small()).collect();
            lengths.into_iter().map(|n| tags.text(n)).collect()
        };
        (0..r.small())
            .map(|_| {
                let treaty = if r.varint() == 0 { Treaty::Palermo } else { Treaty::Icrmw };
                let kind = r.small().checked_sub(1).and_then(|k| KINDS.get(k)).copied();
                let (signature, action) = (day(r.varint()), day(r.varint()));
                let derived = r.varint() == 1;
                Action {
                    treaty,
                    iso3: r.text(3),
                    signature,
                    action,
                    kind,
                    derived,
                    #[cfg(not(target_arch = "wasm32"))]
                    source: sources.get(tags.small()).copied().unwrap_or(""),
                }
            })
            .collect()
    })
}

/// The name charts show for a state or area in one language's table (`NAMES_EN`, …, from
/// `data/country_names.csv`: Unicode CLDR's everyday names, with UN M49 names where CLDR names another entity;
/// or a fetched catalogue's): `(ISO3, name)` rows sorted by code. `None` for an unknown code or an empty name.
pub fn local_name(table: &[(&'static str, &'static str)], iso3: &str) -> Option<&'static str> {
    let i = table.binary_search_by(|r| r.0.cmp(iso3)).ok()?;
    table.get(i).map(|r| r.1).filter(|n| !n.is_empty())
}

/// Each row of `treaty_actions.csv` with its participant's name as the UN Treaty Collection writes it (native
/// only: for the importer).
#[cfg(not(target_arch = "wasm32"))]
pub fn actions_with_names() -> impl Iterator<Item = (&'static Action, &'static str)> {
    actions().iter().zip(ACTION_PARTICIPANTS.iter().copied())
}

/// Former names of states, as the UN Treaty Collection wrote them, with the state's ISO3 code
/// (`data/untc_renamings.csv`: "Turkey" → `TUR`), so that a former name finds its state.
pub fn former_names() -> &'static [(&'static str, &'static str)] {
    FORMER_NAMES
}

/// Names the UN Treaty Collection used before, and the name it uses now (`data/untc_renamings.csv`, from
/// `TREATY_SOURCES.md` §3; native only: for the importer).
#[cfg(not(target_arch = "wasm32"))]
pub fn untc_renamings() -> &'static [(&'static str, &'static str)] {
    RENAMINGS
}

/// All rows of `date_bounds.csv`, in file order.
pub fn date_bounds() -> &'static [DateBound] {
    BOUNDS
}

/// All rows of `treaty_status.csv`, in file order.
pub fn headlines() -> &'static [Headline] {
    HEADLINES
}

/// Migrant stock rows for ISO3 areas (the `WLD` and `CHI` aggregates are left out), sorted by immigrants,
/// largest first.
pub fn migrant_stock() -> &'static [MigrantStock] {
    static ROWS: std::sync::OnceLock<Vec<MigrantStock>> = std::sync::OnceLock::new();
    ROWS.get_or_init(|| {
        let mut r = Reader::new(&MIGRANT_STOCK_PACKED);
        let mut rows = Vec::new();
        while r.more() {
            let (immigrants, emigrants, population) = (r.varint(), r.varint(), r.varint().checked_sub(1));
            rows.push(MigrantStock { iso3: r.text(3), immigrants, emigrants, population });
        }
        rows
    })
}

/// Looks a country up by ISO3 code (binary search; `None` when the code is unknown).
pub fn country(iso3: &str) -> Option<&'static Country> {
    let all = countries();
    all.binary_search_by(|c| c.iso3.cmp(iso3)).ok().and_then(|i| all.get(i))
}

/// The newest date the data speaks for: the latest complete-list date or action date. Charts default to it.
pub fn data_as_of() -> Day {
    let lists = Treaty::ALL.iter().map(|t| t.info().complete_list_as_of);
    let acts = actions().iter().filter_map(|a| a.action.max(a.signature));
    lists.chain(acts).max().unwrap_or(Day(0))
}

/// Integrity checks on the embedded data. Returns one sentence per problem; empty when all is well.
///
/// Checks: every ISO3 code in the actions joins to `countries.csv` (the EU aside); no participant appears twice
/// for one treaty; no signature or deposit predates the treaty's opening for signature; no deposit precedes its
/// own signature; every action row is either a signature or a consent to be bound.
pub fn check() -> Vec<String> {
    let mut problems = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for a in actions() {
        let info = a.treaty.info();
        if country(a.iso3).is_none() && a.iso3 != EU {
            problems.push(format!("{}: {} does not join to countries.csv", info.tag, a.iso3));
        }
        if !seen.insert((a.treaty, a.iso3)) {
            problems.push(format!("{}: {} appears twice", info.tag, a.iso3));
        }
        for d in [a.signature, a.action].into_iter().flatten() {
            if d < info.opened_for_signature {
                problems.push(format!("{}: {} has {} before the treaty opened", info.tag, a.iso3, d));
            }
        }
        if let (Some(s), Some(d)) = (a.signature, a.action) {
            if d < s {
                problems.push(format!("{}: {} deposited before signing", info.tag, a.iso3));
            }
        }
        if a.signature.is_none() && a.kind.is_none() {
            problems.push(format!("{}: {} has neither signature nor action", info.tag, a.iso3));
        }
        if a.action.is_some() && a.kind.is_none() {
            problems.push(format!("{}: {} has a deposit date but no action type", info.tag, a.iso3));
        }
    }
    for b in BOUNDS {
        let tag = b.treaty.info().tag;
        match actions().iter().find(|a| a.treaty == b.treaty && a.iso3 == b.iso3) {
            Some(a) if a.kind.is_some() && a.action.is_none() => {}
            _ => problems.push(format!("{tag}: date_bounds.csv has {}, which is not a party without a deposit date", b.iso3)),
        }
        if b.not_before > b.not_after {
            problems.push(format!("{tag}: {} has not_before after not_after", b.iso3));
        }
    }
    problems
}
