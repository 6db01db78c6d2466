//! The message catalogue: every string a reader can see, one catalogue per locale.
//!
//! A message is a [`Msg`] key; each locale file (`en.rs`, …) maps every key to a template (an exhaustive `match`,
//! so a key without a translation does not compile, and `tests/i18n.rs` checks that every locale uses the same
//! placeholders). Templates are filled from typed facts with [`Cat::f`]:
//!
//! - `{name}` — an argument: text as given, a number grouped for the locale (`1,234` / `1 234` / `1.234`), a
//!   date in the locale's short or long form (`3 Feb 2026`, `3 févr. 2026`, `3 de agosto de 2020`), a share in
//!   tenths of a per cent (`13.5%`, `13,5 %`).
//! - `{n|one|other}` — plural forms chosen by the locale's rule for the number `n`; `{n|zero|one|other}` adds a
//!   form for 0. Inside a form `#` is the formatted number and other `{…}` placeholders work as usual.
//! - `{k|a=…|b=…}` — a form chosen by a key argument (for example the treaty, where a language needs a different
//!   article or agreement for each).
//!
//! Numbers and dates are formatted with integer arithmetic only (no float formatting in the WebAssembly). Dates
//! are written with no-break spaces between their parts, so that line wrapping never splits them; wrapping needs
//! no knowledge of month names.

pub mod en;
pub mod es;
pub mod fr;

use crate::date::Day;
use crate::text;
use std::sync::OnceLock;

/// A language the charts are written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub enum Locale {
    /// English (the default).
    #[default]
    En,
    /// French.
    Fr,
    /// Spanish.
    Es,
}

impl Locale {
    /// Every locale, in the order option errors list them.
    pub const ALL: [Locale; 3] = [Locale::En, Locale::Fr, Locale::Es];

    /// BCP 47 primary language subtag: `en`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Fr => "fr",
            Locale::Es => "es",
        }
    }

    /// The locale for a language tag (`en`, `en-GB`, `EN`), by its primary subtag; `None` when unsupported.
    pub fn parse(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        Locale::ALL.into_iter().find(|l| l.tag().eq_ignore_ascii_case(primary))
    }

    /// The locale's tables: compiled in (see [`BUILT_IN`]), or loaded with [`load`]; English until then.
    pub fn data(self) -> &'static LocaleData {
        match self {
            Locale::En => &en::DATA,
            Locale::Fr if BUILT_IN => &fr::DATA,
            Locale::Es if BUILT_IN => &es::DATA,
            other => LOADED.get(other as usize).and_then(OnceLock::get).copied().unwrap_or(&en::DATA),
        }
    }

    /// True for the languages the browser's modules carry (English); the others they fetch (see [`BUILT_IN`]).
    pub fn in_browser_modules(self) -> bool {
        self == Locale::En
    }

    /// True when the locale's tables are at hand: English always; the others when built in or loaded.
    pub fn ready(self) -> bool {
        self == Locale::En || BUILT_IN || LOADED.get(self as usize).is_some_and(|l| l.get().is_some())
    }

    /// The catalogue for this locale.
    pub fn cat(self) -> Cat {
        Cat(self.data())
    }
}

/// True when French and Spanish are compiled in: in every build but the browser's modules (one per chart kind,
/// see `charts::ONLY`), which carry English only and fetch another language's tables when a chart asks for it
/// (`treaty_charts_<lang>.json`, written by `treaty-charts catalogue <lang>`) and pass them to [`load`]. That
/// keeps about 38 KB (raw; 10 KB gzip) of other languages' text out of what an English reader downloads.
pub const BUILT_IN: bool = crate::charts::ONLY.is_none();

static LOADED: [OnceLock<&'static LocaleData>; 3] = [const { OnceLock::new() }; 3];

/// First item of a catalogue file: what it is.
const CATALOGUE: &str = "treaty-charts catalogue";

/// A fingerprint of the message keys (their names, in order), so that a catalogue written for other keys (an older
/// build in a cache) is refused rather than shown with its messages in the wrong places.
#[allow(clippy::indexing_slicing)] // compile-time: k and i below their slices' lengths, checked by the loops
pub const KEYS_FINGERPRINT: u32 = {
    let mut h = 0x811c_9dc5_u32;
    let mut k = 0;
    while k < MSG_NAMES.len() {
        let b = MSG_NAMES[k].as_bytes();
        let mut i = 0;
        while i < b.len() {
            h = (h ^ (b[i] as u32)).wrapping_mul(0x0100_0193);
            i += 1;
        }
        h = (h ^ 0xff).wrapping_mul(0x0100_0193);
        k += 1;
    }
    h
};

/// The locale as a catalogue file's items (a JSON array of strings, which the browser fetches for the modules
/// without it): `"treaty-charts catalogue"`, the keys' fingerprint, the tag, the twelve month names and the twelve
/// short ones, the formats (short date, first day, long date, month and year, group separator, grouping threshold,
/// decimal separator, per cent, list words: last, separator, last before /i/, "or", "or" before /o/), every
/// message in [`Msg::ALL`] order, then ISO3 code and name for every state and area.
pub fn catalogue(locale: Locale) -> Vec<String> {
    let d = locale.data();
    let mut out: Vec<String> = vec![CATALOGUE.into(), KEYS_FINGERPRINT.to_string(), d.tag.into()];
    out.extend(d.months.iter().chain(&d.months_short).map(|s| s.to_string()));
    out.extend([d.date_short, d.day_one, d.date_long, d.month_year, d.group].map(String::from));
    out.push(d.group_from_digits.to_string());
    out.extend([d.decimal, d.percent, d.list_last, d.list_sep, d.list_last_i, d.list_or, d.list_or_o].map(String::from));
    let cat = Cat(d);
    out.extend(Msg::ALL.iter().map(|m| cat.t(*m).to_string()));
    out.extend(d.names.iter().flat_map(|(iso3, name)| [iso3.to_string(), name.to_string()]));
    out
}

/// Loads a locale from a catalogue file's items ([`catalogue`]); a locale already at hand is left as it is.
/// Returns the locale.
///
/// # Errors
/// A sentence (English: the reader's language is what failed to load) when the items are not a catalogue of this
/// build's messages.
pub fn load(items: Vec<String>) -> Result<Locale, String> {
    let tag = items.get(2).and_then(|t| Locale::parse(t));
    if let Some(l) = tag.filter(|l| l.ready() && items.first().map(String::as_str) == Some(CATALOGUE)) {
        return Ok(l);
    }
    let (locale, data) = from_catalogue(items)?;
    if let Some(slot) = LOADED.get(locale as usize) {
        let _ = slot.set(Box::leak(Box::new(data)));
    }
    Ok(locale)
}

/// A locale's tables from a catalogue file's items ([`catalogue`]), without loading them (their strings are
/// leaked: a page loads each language once per module).
///
/// # Errors
/// As [`load`].
pub fn from_catalogue(items: Vec<String>) -> Result<(Locale, LocaleData), String> {
    const FIELDS: usize = 3 + 24 + 13;
    let bad = |why: &str| format!("not a catalogue of this build's messages: {why}");
    if items.first().map(String::as_str) != Some(CATALOGUE) {
        return Err(bad("no header"));
    }
    if items.get(1) != Some(&KEYS_FINGERPRINT.to_string()) {
        return Err(bad("written for other message keys (a different version)"));
    }
    let locale = items.get(2).and_then(|t| Locale::parse(t)).ok_or_else(|| bad("unknown language"))?;
    let n = Msg::ALL.len();
    if items.len() < FIELDS + n || (items.len() - FIELDS - n) % 2 != 0 {
        return Err(bad("wrong number of items"));
    }
    let leaked: Vec<&'static str> = items.into_iter().map(|s| &*Box::leak(s.into_boxed_str())).collect();
    let at = |i: usize| leaked.get(i).copied().unwrap_or("");
    let months: [&'static str; 12] = std::array::from_fn(|i| at(3 + i));
    let months_short: [&'static str; 12] = std::array::from_fn(|i| at(15 + i));
    let texts: &'static [&'static str] = Box::leak(leaked.get(FIELDS..FIELDS + n).unwrap_or_default().to_vec().into_boxed_slice());
    let mut names: Vec<(&'static str, &'static str)> =
        leaked.get(FIELDS + n..).unwrap_or_default().chunks_exact(2).filter_map(|c| Some((*c.first()?, *c.get(1)?))).collect();
    crate::sort::by_key(&mut names, |r| r.0);
    let data = LocaleData {
        tag: locale.tag(),
        months,
        months_short,
        date_short: at(27),
        day_one: at(28),
        date_long: at(29),
        month_year: at(30),
        group: at(31),
        group_from_digits: at(32).parse().map_err(|_| bad("grouping threshold"))?,
        decimal: at(33),
        percent: at(34),
        list_last: at(35),
        list_sep: at(36),
        list_last_i: at(37),
        list_or: at(38),
        list_or_o: at(39),
        plural: match locale {
            Locale::En => en::plural,
            Locale::Fr => fr::plural,
            Locale::Es => es::plural,
        },
        text: Texts::Table(texts),
        names: Box::leak(names.into_boxed_slice()),
        // (Only English has one; naming fr::DATA here would link the French messages into every module.)
        definite: match locale {
            Locale::En => en::DATA.definite,
            Locale::Fr | Locale::Es => (&[], ""),
        },
    };
    Ok((locale, data))
}

/// Where a locale's messages come from.
#[derive(Debug)]
pub enum Texts {
    /// A compiled-in catalogue (`en.rs`, …).
    Fn(fn(Msg) -> &'static str),
    /// A loaded one: the templates in [`Msg::ALL`] order.
    Table(&'static [&'static str]),
}

/// Plural category of a number, as the templates' `{n|one|other}` forms use it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    /// The singular form ("1 party").
    One,
    /// Every other number.
    Other,
}

/// What a locale defines besides its messages: how numbers, dates and lists are written.
#[derive(Debug)]
pub struct LocaleData {
    /// BCP 47 primary subtag.
    pub tag: &'static str,
    /// Month names, January first.
    pub months: [&'static str; 12],
    /// Abbreviated month names, as they stand in a short date.
    pub months_short: [&'static str; 12],
    /// Short date: `{d}`, `{m}` (abbreviated month) and `{y}`, parts joined with U+00A0.
    pub date_short: &'static str,
    /// How the first day of a month is written in a date (`1`; French `1er`).
    pub day_one: &'static str,
    /// Long date: `{d}`, `{m}` (month name), `{y}`.
    pub date_long: &'static str,
    /// A month and year: `{m}`, `{y}`.
    pub month_year: &'static str,
    /// Thousands separator.
    pub group: &'static str,
    /// Numbers with fewer digits than this are not grouped (4: `1,234`; 5: `1234` but `12 345`).
    pub group_from_digits: usize,
    /// Decimal separator.
    pub decimal: &'static str,
    /// A share: `{n}` is the number, e.g. `{n}%` or `{n} %`.
    pub percent: &'static str,
    /// Between the last two items of a list (` and `).
    pub list_last: &'static str,
    /// Between other items of a list (`, `).
    pub list_sep: &'static str,
    /// The locale's plural rule.
    pub plural: fn(i64) -> Plural,
    /// The messages.
    pub text: Texts,
    /// State names, `(ISO3, name)` sorted by code: the locale's column of `country_names.csv`.
    pub names: &'static [(&'static str, &'static str)],
    /// Between the last two items of a list when the last one starts with the sound /i/ (Spanish "e"), else
    /// the same as `list_last`.
    pub list_last_i: &'static str,
    /// Between the last two of a list of alternatives (` or `); Spanish writes "u" before the sound /o/.
    pub list_or: &'static str,
    /// The same when the last one starts with the sound /o/ (Spanish "u"), else the same as `list_or`.
    pub list_or_o: &'static str,
    /// ISO3 codes of the places whose name takes a definite article inside a sentence, and the article with its
    /// space: English "the Netherlands was…" (see [`Cat::name_in_text`]); empty where the messages put names
    /// after a colon or in apposition instead (French, Spanish). Part of the locale's code, not of its catalogue.
    pub definite: (&'static [&'static str], &'static str),
}

macro_rules! messages {
    ($($(#[$doc:meta])* $name:ident,)*) => {
        /// The key of every reader-visible message. Each locale file gives every key a template.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg {
            $($(#[$doc])* $name,)*
        }

        impl Msg {
            /// Every key.
            pub const ALL: &'static [Msg] = &[$(Msg::$name,)*];
        }

        /// The keys' names, in order (for [`KEYS_FINGERPRINT`], computed at compile time).
        const MSG_NAMES: &[&str] = &[$(stringify!($name),)*];
    };
}

messages! {
    /// Short name of the Palermo Protocol.
    PalermoShort,
    /// Short name of the Migrant Workers Convention.
    IcrmwShort,
    /// The Palermo Protocol in a narrow column head.
    PalermoTag,
    /// The Migrant Workers Convention in a narrow column head.
    IcrmwTag,
    /// The European Union (a Palermo party that is not a state).
    EuName,
    /// A mode of consent.
    KindRatification,
    /// A mode of consent.
    KindAccession,
    /// A mode of consent.
    KindAcceptance,
    /// A mode of consent.
    KindApproval,
    /// A mode of consent.
    KindSuccession,
    /// Lead of the measures block.
    MeasuresLead,
    /// Lead of the leaves-out block.
    LeavesOutLead,
    /// Lead of the chart's main caveat.
    NoteLead,
    /// The disclosure (and the heading in full notes) with everything else.
    AboutLead,
    /// The CSV download link.
    GetTheData,
    /// Source line.
    Source,
    /// The map's source line for its outlines, after [`Msg::Source`].
    SourceMap,
    /// How complete each list is; `{p}`, `{i}` dates.
    Completeness,
    /// Between parts of a sentence.
    Semicolon,
    /// Between counts on one line.
    Dot,
    /// A count known only as a range; `{min}`, `{max}`.
    Range,
    /// A share above zero that rounds to 0.0%: below the smallest step; `{n}` (the step as a share, `0.1%`).
    Below,
    /// A share short of the whole that rounds to 100.0%: above the largest step below it; `{n}` (`99.9%`).
    Above,
    /// A label and its value, as a tooltip line or a list item ("Palermo Protocol: 50 of 54"); `{label}`, `{value}`.
    LabelValue,
    /// A list cut short; `{names}`, `{n}` more.
    ListMore,
    /// Persons in millions, one decimal; `{n}`.
    Million,
    /// A date known within a range; `{a}`, `{b}`.
    RangeBetween,
    /// A date known to the month; `{month}`.
    RangeMonth,
    /// One line on the timeline chart.
    AboutTimeline,
    /// One line on the status chart.
    AboutStatus,
    /// One line on the map.
    AboutMap,
    /// One line on the coverage chart.
    AboutCoverage,
    /// One line on the regions chart.
    AboutRegions,
    /// One line on the country card.
    AboutCountry,
    /// About: what the treaties require.
    TreatiesText,
    /// About: how parties are counted.
    CountingText,
    /// About: the Palermo list after its last complete version; `{date}`, `{n}`, `{derived}`, `{ranged}`, `{depositary}`, `{secondary}`.
    GapText,
    /// …of which some are dated from entry into force; `{d}`.
    GapDerived,
    /// The accessions known only within a range; `{list}`.
    GapRanged,
    /// One of them; `{name}`, `{range}`.
    GapRangedItem,
    /// The depositary's newer count; `{published}`, `{date}`, `{ours}`.
    GapDepositary,
    /// A higher secondary count; `{n}`, `{when}`.
    GapSecondary,
    /// About: who stays out; `{top}`, `{n}`, `{names}`, `{p}`.
    StaysOutText,
    /// About: the Convention's parties' shares of the world's migrants and emigrants ({imm}, {emi}).
    StaysOutShares,
    /// [`Msg::StaysOutText`] on a date before the newest data: in the past tense, the date named (`{date}`), and the
    /// migrants marked as mid-2024's (the only estimates the data has).
    StaysOutTextPast,
    /// [`Msg::StaysOutShares`] on a date before the newest data: the parties on `{date}`, the migrants of mid-2024.
    StaysOutSharesPast,
    /// About: the European Union; `{date}`.
    EuText,
    /// About: today's states on a past date; `{date}`.
    TodaysStatesText,
    /// About: what a migrant stock counts.
    StockText,
    /// Coverage chart, after "What it leaves out:": migrant workers as such, their conditions, irregular migrants.
    CoverageLeavesOut,
    /// The stock figures are for 2024.
    StockYearText,
    /// Caveat: a count is a range; `{treaty}`, `{count}`, `{date}`, `{names}`.
    CaveatRange,
    /// Caveat: a count of states is a range; `{t}` (key), `{treaty}`, `{count}`, `{date}`, `{n}` and `{names}` (the states whose dates are ranges).
    CaveatRangeStates,
    /// The same, when the European Union is also a party: adds the depositary's count of parties; `{parties}`.
    CaveatRangeStatesEu,
    /// Caveat: the Palermo gap; `{date}`, `{published}`, `{day}`, `{ours}`.
    CaveatGap,
    /// [`Msg::CaveatGap`] on a chart that counts states: also how many of the parties are states (`{states}`), the
    /// number its bars show, so that 180 beside "this data 181" does not read as a contradiction.
    CaveatGapStates,
    /// Caveat: the Palermo gap before the depositary's newer count; `{date}`.
    CaveatGapEarly,
    /// Caveat: a treaty not yet open; `{treaty}`, `{date}`.
    CaveatNotOpen,
    /// Caveat: a treaty not yet in force; `{treaty}`, `{date}`.
    CaveatNotInForce,
    /// Caveat: both treaties open but neither yet in force; `{as_of}`, and the days each entered into force,
    /// `{icrmw}` (the earlier) and `{palermo}`.
    CaveatNoneInForce,
    /// Caveat: neither treaty yet open for signature; `{as_of}`, and the days each opened, `{icrmw}` (the earlier)
    /// and `{palermo}`.
    CaveatNoneOpen,
    /// Caveat: who stays out; `{top}`, `{n}`, `{names}`.
    CaveatStaysOut,
    /// [`Msg::CaveatStaysOut`] on a date before the newest data (past tense, `{date}`, the migrants of mid-2024).
    CaveatStaysOutPast,
    /// Caveat: the EU is not counted.
    CaveatEu,
    /// Timeline headline.
    TimelineTitle,
    /// Timeline subtitle on its first day; `{date}`.
    TimelineSubtitleDay,
    /// Timeline subtitle; `{first}`, `{date}`.
    TimelineSubtitle,
    /// Timeline: what it measures.
    TimelineMeasures,
    /// What a count leaves out (timeline, status, regions).
    LeavesOutPractice,
    /// Legend: tick where a treaty opened.
    LegendOpened,
    /// Legend: ring at entry into force.
    LegendInForce,
    /// Legend: diamonds at the depositary's counts.
    LegendPublished,
    /// Legend: the shaded range of possible parties.
    LegendRange,
    /// Legend: the dot where a highlighted state joined.
    LegendHighlight,
    /// Legend: a highlighted state's hollow marker, for a deposit whose day is known only within a range.
    LegendHighlightMaybe,
    /// Under the timeline: highlighted states party to neither treaty on the date; `{n}`, `{date}`, `{names}`.
    HighlightNone,
    /// The same when only one treaty was open for signature on the date; `{n}`, `{t}`, `{treaty}`, `{date}`, `{names}`.
    HighlightNoneOne,
    /// A name with a treaty's short tag after it: a highlighted state's label on one treaty's line, when it is on
    /// both, and the key or heading that defines the tag; `{name}`, `{tag}` (short treaty tag).
    NameWithTag,
    /// Where a treaty's line is missing; `{treaty}`, `{date}`.
    NoLine,
    /// Tooltip: not yet open; `{treaty}`.
    TipNotYetOpen,
    /// Tooltip: a count; `{treaty}`, `{n}`.
    TipParties,
    /// Tooltip: a count that includes the European Union; `{treaty}`, `{n}`.
    TipPartiesEu,
    /// Tooltip: a range; `{treaty}`, `{count}`.
    TipPartiesRange,
    /// Tooltip: who joined; `{t}`, `{n}`, `{names}`.
    TipNew,
    /// Tooltip: names cut short; `{names}`, `{n}`.
    TipAndMore,
    /// A joiner; `{name}`, `{kind}`.
    TipJoiner,
    /// A joiner, date derived; `{name}`, `{kind}`.
    TipJoinerDerived,
    /// A range starts; `{name}`.
    TipMaybeFrom,
    /// A range ends; `{name}`.
    TipByThen,
    /// Timeline summary; `{date}`, `{parts}`.
    SummaryOn,
    /// Summary part; `{t}`, `{treaty}`.
    SummaryNotOpen,
    /// Summary part; `{t}`, `{treaty}`, `{count}`, `{opened}`, `{force}`.
    SummaryHad,
    /// Summary: in force since; `{date}`.
    SummaryInForce,
    /// Summary: not yet in force.
    SummaryNotInForce,
    /// Status headline; `{n}`.
    StatusTitle,
    /// Status subtitle; `{date}`.
    StatusSubtitle,
    /// Status: what it measures.
    StatusMeasures,
    /// A bar's place before its treaty opened; `{date}`.
    StatusNotOpen,
    /// Count under a bar: parties; `{n}`.
    SegParties,
    /// Count under a bar: may be parties; `{n}`.
    SegMaybe,
    /// Count under a bar: signed only; `{n}`.
    SegSigned,
    /// Count under a bar: neither; `{n}`.
    SegNeither,
    /// Status summary; `{total}`, `{date}`, `{parts}`.
    StatusSummary,
    /// Status summary part; `{treaty}`, `{count}`, `{s}`, `{x}`.
    StatusSummaryPart,
    /// Tooltip: share of the states; `{share}`, `{total}`.
    TipShareOfStates,
    /// A highlighted state's standing; `{name}`, `{standing}`.
    HighlightLine,
    /// A standing, short; `{date}`.
    StandingParty,
    /// A standing, short; `{range}`.
    StandingPartyRange,
    /// A standing, short; `{range}`.
    StandingMaybe,
    /// A standing, short; `{date}`.
    StandingSigned,
    /// A standing, short.
    StandingNeither,
    /// A standing, short.
    StandingNotOpen,
    /// Map headline.
    MapTitleBoth,
    /// Map headline, one treaty; `{t}`, `{treaty}`.
    MapTitleOne,
    /// The same on a date before the newest data (the subtitle gives the date); `{t}`, `{treaty}`.
    MapTitleOnePast,
    /// Map subtitle; `{date}`.
    MapSubtitle,
    /// Map: what it measures.
    MapMeasures,
    /// Map with one treaty: what it measures.
    MapMeasuresOne,
    /// Map: what it leaves out.
    MapLeavesOut,
    /// Legend; `{n}`.
    MapBoth,
    /// Legend; `{n}`.
    MapPalermoOnly,
    /// Legend; `{n}`.
    MapIcrmwOnly,
    /// Legend; `{n}`.
    MapNeither,
    /// Legend, both treaties: party to neither; `{n}`.
    MapPartyToNeither,
    /// Legend, one treaty; `{n}`.
    MapParties,
    /// Legend, one treaty; `{n}`.
    MapSignedOnly,
    /// Legend: the hatch.
    MapSigned,
    /// Legend: may have joined; `{n}`.
    MapMaybe,
    /// Legend: the dots.
    MapDot,
    /// Legend: other land.
    MapNotState,
    /// Map legend on a day when the treaty shown was not yet open for signature.
    MapNotOpen,
    /// The map's legend before either treaty opened for signature.
    MapNoneOpen,
    /// The map's count line, both treaties: states that neither signed nor joined (its key's "Party to neither" is
    /// another category); `{n}`.
    MapCountNeither,
    /// Counts line; `{treaty}`, `{counts}`.
    MapCounts,
    /// Tooltip; `{treaty}`, `{date}`, `{kind}`, `{signed}`.
    TipPartySince,
    /// Tooltip; `{treaty}`, `{date}`, `{kind}`, `{signed}`.
    TipPartySinceDerived,
    /// Tooltip; `{treaty}`, `{range}`, `{kind}`.
    TipPartyRange,
    /// Tooltip: "; signed {date}".
    TipSignedOn,
    /// Tooltip; `{treaty}`, `{range}`.
    TipMaybeParty,
    /// Tooltip; `{treaty}`, `{date}`.
    TipSignedOnly,
    /// Tooltip; `{treaty}`.
    TipNeither,
    /// Tooltip: not one of the 195.
    TipNotState,
    /// Heading for an area without a code.
    MapNoCode,
    /// Map summary; `{date}`, `{total}`, `{both}`, `{p}`, `{i}`, `{x}`.
    MapSummary,
    /// Caption of the screen-reader table; `{date}`.
    TableCaption,
    /// Column: state.
    ColState,
    /// Caption of the timeline's table; `{date}`.
    TableTimelineCaption,
    /// Column: year.
    ColYear,
    /// Column: parties.
    ColParties,
    /// Column: states that may be parties.
    ColMaybe,
    /// Column: signed only.
    ColSigned,
    /// Column: neither.
    ColNeither,
    /// Column: region.
    ColRegion,
    /// Accessible name of the map; `{title}`.
    AriaKeysMap,
    /// Accessible name of the timeline; `{title}`.
    AriaKeysTimeline,
    /// Accessible name of a chart of marks; `{title}`.
    AriaKeysMarks,
    /// aria-roledescription.
    AriaInteractive,
    /// The time controls' group label.
    ControlsGroup,
    /// The time slider's label.
    SliderLabel,
    /// Start moving through time.
    Play,
    /// Stop moving.
    Pause,
    /// One date back.
    StepBack,
    /// One date forward.
    StepForward,
    /// Region.
    RegionAfrica,
    /// Region.
    RegionAmericas,
    /// Region.
    RegionAsia,
    /// Region.
    RegionEurope,
    /// Region.
    RegionOceania,
    /// Sub-region.
    SubNorthernAfrica,
    /// Sub-region.
    SubSubSaharanAfrica,
    /// Sub-region.
    SubLatinAmerica,
    /// Sub-region.
    SubNorthernAmerica,
    /// Sub-region.
    SubCentralAsia,
    /// Sub-region.
    SubEasternAsia,
    /// Sub-region.
    SubSouthEasternAsia,
    /// Sub-region.
    SubSouthernAsia,
    /// Sub-region.
    SubWesternAsia,
    /// Sub-region.
    SubEasternEurope,
    /// Sub-region.
    SubNorthernEurope,
    /// Sub-region.
    SubSouthernEurope,
    /// Sub-region.
    SubWesternEurope,
    /// Sub-region.
    SubAustraliaNewZealand,
    /// Sub-region.
    SubMelanesia,
    /// Sub-region.
    SubMicronesia,
    /// Sub-region.
    SubPolynesia,
    /// Regions headline.
    RegionsTitle,
    /// Regions subtitle; `{date}`.
    RegionsSubtitle,
    /// Regions: what it measures.
    RegionsMeasures,
    /// Regions: what it leaves out.
    RegionsLeavesOut,
    /// A region's row; `{region}`, `{n}`.
    RegionHeading,
    /// Parties of states; `{count}`, `{n}`.
    RegionOf,
    /// Regions tooltip: the states that may be parties; `{names}`.
    TipMaybeParties,
    /// Regions tooltip: the states that signed only; `{names}`.
    TipSignedOnlyList,
    /// Regions tooltip: the states that did neither; `{names}`.
    TipNeitherList,
    /// A number of states; `{n}`.
    StatesCount,
    /// Summary part; `{region}`, `{p}`, `{i}`, `{n}`.
    RegionsSummaryPart,
    /// Summary part when only one treaty was open; `{region}`, `{t}` (key), `{treaty}`, `{count}`, `{c}`, `{n}`.
    RegionsSummaryPartOne,
    /// Summary; `{date}`, `{parts}`.
    RegionsSummary,
    /// Coverage headline: the share of international migrants living outside the Convention's parties; `{share}`.
    CoverageTitle,
    /// Coverage headline on a date before the newest data (the migrants are still mid-2024's); `{share}`, `{date}`.
    CoverageTitlePast,
    /// The coverage CSV's first row: the world's totals, the shares' denominators.
    CsvWorld,
    /// A coverage chip: the treaty was not yet open for signature (a dash: the treaty's own line says why).
    CoverageStatusNotOpen,
    /// Coverage subtitle; `{date}`.
    CoverageSubtitle,
    /// Coverage: what it measures.
    CoverageMeasures,
    /// A bar; `{share}`, `{world}`.
    CoverageHome,
    /// A bar; `{share}`, `{world}`.
    CoverageBirth,
    /// The list's heading; `{n}`.
    CoverageTop,
    /// A short status in the list.
    CoverageStatusParty,
    /// A short status in the list.
    CoverageStatusMaybe,
    /// A short status in the list.
    CoverageStatusSigned,
    /// A short status in the list.
    CoverageStatusNo,
    /// Summary part; `{treaty}`, `{imm}`, `{emi}`.
    CoverageSummaryPart,
    /// Summary; `{date}`, `{parts}`.
    CoverageSummary,
    /// Country: what it measures (the headline names the state).
    CountryMeasures,
    /// Country: what it leaves out.
    CountryLeavesOut,
    /// Country subtitle; `{region}`, `{subregion}`, `{membership}`.
    CountrySubtitle,
    /// Country card's accessible name (the SVG's title, the iframe page's, the builder's iframe `title`), whose
    /// headline is only the state's name; `{name}`, `{palermo}`, `{icrmw}` (the treaties' short names).
    CountryLabel,
    /// Membership.
    UnMember,
    /// Membership.
    UnObserver,
    /// The country card on a past date: membership as it is today.
    UnMemberToday,
    /// The country card's note on a past date; `{date}`.
    CountryPastText,
    /// The same for an observer state.
    UnObserverToday,
    /// Map summary: states that may be parties; `{n}`.
    MapSummaryMaybe,
    /// The card's sentence on one treaty, without the state's name (the headline gives it): a party since a
    /// day; `{t}` (key), `{treaty}`, `{date}`.
    ClauseParty,
    /// A party, its deposit known only within a range; `{t}`, `{treaty}`, `{range}`.
    ClausePartyRange,
    /// May be a party on the day (inside the range); `{t}`, `{treaty}`, `{range}`.
    ClauseMaybe,
    /// Signed, not a party; `{t}`, `{treaty}`, `{date}`.
    ClauseSigned,
    /// Neither signed nor joined; `{t}`, `{treaty}`.
    ClauseNeither,
    /// Neither signed nor joined either treaty (one sentence for both).
    ClauseNeitherBoth,
    /// The treaty was not yet open for signature; `{t}`, `{treaty}`, `{date}` (when it opened).
    ClauseNotOpen,
    /// Detail line; `{date}`.
    DetailSigned,
    /// Detail line of a treaty not yet open for signature on the chart's date; `{date}`: the day it opened.
    DetailOpened,
    /// Detail line.
    DetailNotSigned,
    /// Detail line; `{kind}`, `{date}`.
    DetailDeposit,
    /// Detail line; `{kind}`, `{date}`.
    DetailDepositDerived,
    /// Detail line; `{kind}`, `{range}`.
    DetailDepositRange,
    /// Detail line: parties among the region's states; `{region}`, `{count}`, `{c}`, `{n}`.
    DetailRegion,
    /// [`Msg::DetailRegion`] on a date before the newest data (past tense).
    DetailRegionPast,
    /// Migrants living there; `{m}`, `{share}` of its population.
    CountryImmigrants,
    /// Migrants living there, without a population figure; `{m}`.
    CountryImmigrantsNoShare,
    /// People born there abroad; `{m}`, `{share}`.
    CountryEmigrants,
    /// People born there abroad, without a population figure; `{m}`.
    CountryEmigrantsNoShare,
    /// No population figure.
    CountryNoStock,
    /// Lead of the error box.
    ErrorLead,
    /// The module could not be loaded.
    LoadFailed,
    /// Shown while loading.
    Loading,
    /// The element's notice: its page's language is not one the charts are written in; `{tag}` (as given),
    /// `{list}` (the languages).
    NoticeLang,
    /// The element's notice: a switch attribute (`controls`, `eager`) with a value read as on; `{name}`, `{value}`.
    NoticeSwitch,
    /// The element's notice: a `width` much wider than its column, so scaled down; `{width}`, `{available}` (px).
    NoticeScaled,
    /// The element's notice: a column narrower than a chart is ever drawn; `{available}`, `{min}` (px).
    NoticeNarrow,
    /// Unknown option; `{name}`, `{list}`.
    ErrUnknown,
    /// An option the chart does not take; `{name}`, `{chart}`, `{list}`.
    ErrNotForChart,
    /// Bad chart; `{value}`, `{list}`.
    ErrChart,
    /// Bad date; `{why}`, `{first}`, `{last}`.
    ErrDate,
    /// Date out of range; `{value}`, `{side}`, `{first}`, `{last}`.
    ErrDateRange,
    /// … before the data starts.
    ErrDateBefore,
    /// … after the newest data.
    ErrDateAfter,
    /// Not YYYY-MM-DD; `{value}`.
    DateMalformed,
    /// Not a calendar date; `{value}`, `{reason}`.
    DateImpossible,
    /// Month out of range.
    DateBadMonth,
    /// Month length; `{month}`, `{n}`.
    DateMonthLength,
    /// Bad width; `{value}`, `{min}`, `{max}`.
    ErrWidth,
    /// Long title; `{n}`.
    ErrTitleLong,
    /// Repeated option; `{name}`.
    ErrRepeated,
    /// Bad theme; `{value}`, `{list}`.
    ErrTheme,
    /// Bad treaty; `{value}`, `{list}`.
    ErrTreaty,
    /// Bad language; `{value}`, `{list}`.
    ErrLang,
    /// Bad notes; `{value}`, `{list}`.
    ErrNotes,
    /// Bad country; `{option}`, `{value}`, `{suggest}`.
    ErrCountry,
    /// Suggestions; `{list}`.
    ErrCountrySuggest,
    /// A code of an area that is not one of the 195 states; `{option}`, `{value}`, `{name}`.
    ErrNotAState,
    /// The country card without a country.
    ErrCountryMissing,
    /// Too many highlights; `{n}`.
    ErrHighlightMany,
    /// Options not strings.
    ErrNotStrings,
    /// Options not in pairs.
    ErrNotPairs,
    /// The map's geometry is missing.
    ErrNoWorld,
    /// A build of the module without this chart kind; `{chart}`.
    ErrNotBuilt,
    /// Unknown iframe parameter; `{name}`, `{suggest}` (a [`Msg::ErrCountrySuggest`] or nothing), `{list}`.
    EmbedUnknownParam,
    /// Repeated iframe parameter; `{name}`.
    EmbedRepeatedParam,
}

/// A value a template is filled with.
#[derive(Clone, Copy, Debug)]
pub enum Arg<'a> {
    /// Text as given (a name, or a part already filled).
    Str(&'a str),
    /// A whole number, grouped for the locale; also picks plural forms.
    Num(i64),
    /// A whole number written without grouping (a year).
    Plain(i64),
    /// A date, short form (`3 Feb 2026`).
    Day(Day),
    /// A date, long form (`3 February 2026`).
    DayLong(Day),
    /// A month of a year (`July 2025`): (year, month 1–12).
    MonthYear(i32, u8),
    /// A share in tenths of a per cent (`135` → `13.5%`).
    Tenths(i64),
    /// A number in tenths, written with one decimal (`86` → `8.6`); picks plural forms by its whole part.
    Dec(i64),
    /// A key for `{k|a=…|b=…}` forms (and written as given when used as `{k}`).
    Key(&'a str),
}

impl Arg<'_> {
    fn number(&self) -> Option<i64> {
        match self {
            Arg::Num(n) | Arg::Plain(n) | Arg::Tenths(n) => Some(*n),
            Arg::Dec(n) => Some(*n / 10),
            _ => None,
        }
    }
}

/// The catalogue of one locale: messages, numbers, dates and lists.
#[derive(Clone, Copy, Debug)]
pub struct Cat(pub &'static LocaleData);

impl Default for Cat {
    fn default() -> Self {
        Locale::En.cat()
    }
}

impl Cat {
    /// English.
    pub fn en() -> Cat {
        Locale::En.cat()
    }

    /// The message's template (for messages without placeholders, the text itself).
    pub fn t(&self, m: Msg) -> &'static str {
        match self.0.text {
            Texts::Fn(f) => f(m),
            Texts::Table(t) => t.get(m as usize).copied().unwrap_or_else(|| Cat::en().t(m)),
        }
    }

    /// The message filled with `args`.
    pub fn f(&self, m: Msg, args: &[(&str, Arg<'_>)]) -> String {
        let t = self.t(m);
        let mut out = String::with_capacity(t.len() + 32);
        fill(self, t, args, None, &mut out);
        out
    }

    /// A whole number with the locale's grouping: `52,375,047` (en).
    pub fn num(&self, n: i64) -> String {
        let digits = n.unsigned_abs().to_string();
        let mut out = String::new();
        if n < 0 {
            out.push('-');
        }
        let group = digits.len() >= self.0.group_from_digits;
        for (i, c) in digits.chars().enumerate() {
            if group && i > 0 && (digits.len() - i) % 3 == 0 {
                out.push_str(self.0.group);
            }
            out.push(c);
        }
        out
    }

    /// A number given in tenths, with one decimal: `135` → `13.5` (en), `13,5` (fr).
    pub fn decimal(&self, tenths: i64) -> String {
        format!("{}{}{}", self.num(tenths / 10), self.0.decimal, (tenths % 10).unsigned_abs())
    }

    /// A share given in tenths of a per cent: `135` → `13.5%` (en). Whole numbers keep their `.0`.
    pub fn tenths(&self, tenths: i64) -> String {
        text::replace(self.0.percent, "{n}", &self.decimal(tenths))
    }

    fn date(&self, template: &str, d: Day, months: &[&str; 12]) -> String {
        let (y, m, day) = d.ymd();
        let month = months.get(usize::from(m).wrapping_sub(1)).copied().unwrap_or("");
        let d = if day == 1 { self.0.day_one.to_string() } else { day.to_string() };
        text::replace(&text::replace(&text::replace(template, "{d}", &d), "{m}", month), "{y}", &y.to_string())
    }

    /// Short date: `3 Feb 2026` (en), parts joined with no-break spaces.
    pub fn day(&self, d: Day) -> String {
        self.date(self.0.date_short, d, &self.0.months_short)
    }

    /// Long date: `3 February 2026` (en).
    pub fn day_long(&self, d: Day) -> String {
        self.date(self.0.date_long, d, &self.0.months)
    }

    /// A month of a year: `July 2025` (en). A month outside 1–12 gives the year alone.
    pub fn month_year(&self, year: i32, month: u8) -> String {
        match self.0.months.get(usize::from(month).wrapping_sub(1)) {
            Some(m) => text::replace(&text::replace(self.0.month_year, "{m}", m), "{y}", &year.to_string()),
            None => year.to_string(),
        }
    }

    /// Items joined as a list: `A, B and C` (en), `A, B e Italia` (es).
    pub fn list(&self, items: &[&str]) -> String {
        self.joined(items, |l| {
            let i_sound = (l.starts_with('i') || l.starts_with("hi")) && !l.starts_with("hie") && !l.starts_with("hia");
            if i_sound { self.0.list_last_i } else { self.0.list_last }
        })
    }

    /// `items` joined by the locale's separator, the last one by `last(the last item in lower case, accents dropped)`.
    fn joined(&self, items: &[&str], last: impl Fn(&str) -> &'static str) -> String {
        match items {
            [] => String::new(),
            [one] => (*one).to_string(),
            [rest @ .., end] => format!("{}{}{end}", rest.join(self.0.list_sep), last(&crate::text::sort_key(end))),
        }
    }

    /// Alternatives in the locale's words: "A, B or C" (en), "A, B ou C", "A, B o C" ("u" before /o/).
    pub fn list_or(&self, items: &[&str]) -> String {
        self.joined(items, |l| if l.starts_with('o') || l.starts_with("ho") { self.0.list_or_o } else { self.0.list_or })
    }

    /// The plural category of `n`.
    pub fn plural(&self, n: i64) -> Plural {
        (self.0.plural)(n)
    }

    /// The name of a treaty.
    pub fn treaty(&self, t: crate::data::Treaty) -> &'static str {
        self.t(match t {
            crate::data::Treaty::Palermo => Msg::PalermoShort,
            crate::data::Treaty::Icrmw => Msg::IcrmwShort,
        })
    }

    /// A participant's name by ISO3 code, as charts show it: the locale's column of `country_names.csv` (CLDR's
    /// everyday names, UN M49 where CLDR names another entity), else the official `countries.csv` name; the
    /// European Union for `EUU`. An unknown code is returned as it is.
    pub fn name(&self, iso3: &'static str) -> &'static str {
        if iso3 == crate::data::EU {
            return self.t(Msg::EuName);
        }
        if let Some(n) = crate::data::local_name(self.0.names, iso3) {
            return n;
        }
        crate::data::country(iso3).map_or(iso3, |c| c.name)
    }

    /// A place's name as it reads inside a sentence: with the locale's definite article where the name takes one
    /// ("the United States", "the Holy See" in English), else as [`Cat::name`] gives it. A sentence that starts
    /// with it capitalises it (`text::first_with(…, text::upper)`).
    pub fn name_in_text(&self, iso3: &'static str) -> String {
        let (codes, article) = self.0.definite;
        let name = self.name(iso3);
        if codes.contains(&iso3) { format!("{article}{name}") } else { name.to_string() }
    }

    /// The term for a mode of consent.
    pub fn kind(&self, k: crate::data::ActionKind) -> &'static str {
        use crate::data::ActionKind as K;
        self.t(match k {
            K::Ratification => Msg::KindRatification,
            K::Accession => Msg::KindAccession,
            K::Acceptance => Msg::KindAcceptance,
            K::Approval => Msg::KindApproval,
            K::Succession => Msg::KindSuccession,
        })
    }

    fn arg(&self, a: &Arg<'_>, out: &mut String) {
        match a {
            Arg::Str(s) | Arg::Key(s) => out.push_str(s),
            Arg::Num(n) => out.push_str(&self.num(*n)),
            Arg::Plain(n) => out.push_str(&n.to_string()),
            Arg::Day(d) => out.push_str(&self.day(*d)),
            Arg::DayLong(d) => out.push_str(&self.day_long(*d)),
            Arg::MonthYear(y, m) => out.push_str(&self.month_year(*y, *m)),
            Arg::Tenths(n) => out.push_str(&self.tenths(*n)),
            Arg::Dec(n) => out.push_str(&self.decimal(*n)),
        }
    }
}

/// The names a template refers to (for checking translations against each other), sorted, without repeats.
pub fn placeholders(template: &str) -> Vec<String> {
    let mut out = Vec::new();
    let b = template.as_bytes();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c == b'{' {
            let start = i + 1;
            let mut j = start;
            while b.get(j).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_') {
                j += 1;
            }
            if j > start {
                if let Some(name) = template.get(start..j) {
                    out.push(name.to_string());
                }
            }
            i = j;
        } else {
            i += 1;
        }
    }
    crate::sort::sort(&mut out);
    out.dedup();
    out
}

/// Finds the `}` that closes the `{` before `from`, and the top-level `|` positions in between.
fn close(t: &str, from: usize) -> Option<(usize, Vec<usize>)> {
    let mut depth = 0usize;
    let mut bars = Vec::new();
    // Bytes, not chars: the delimiters are ASCII, and an ASCII byte in UTF-8 is always a whole character.
    for (i, b) in t.as_bytes().get(from..)?.iter().enumerate() {
        match b {
            b'{' => depth += 1,
            b'}' if depth == 0 => return Some((from + i, bars)),
            b'}' => depth -= 1,
            b'|' if depth == 0 => bars.push(from + i),
            _ => {}
        }
    }
    None
}

/// Fills `t` into `out`. `hash` is the formatted number that `#` stands for inside a plural form.
fn fill(cat: &Cat, t: &str, args: &[(&str, Arg<'_>)], hash: Option<&str>, out: &mut String) {
    let mut rest = t;
    while let Some(pos) = rest.bytes().position(|b| b == b'{' || b == b'#') {
        let (before, at) = rest.split_at_checked(pos).unwrap_or((rest, ""));
        out.push_str(before);
        if at.starts_with('#') {
            match hash {
                Some(h) => out.push_str(h),
                None => out.push('#'),
            }
            rest = at.get(1..).unwrap_or("");
            continue;
        }
        let Some((end, bars)) = close(at, 1) else {
            out.push_str(at);
            return;
        };
        let name_end = bars.first().copied().unwrap_or(end);
        let name = at.get(1..name_end).unwrap_or("");
        let value = args.iter().find(|(k, _)| *k == name).map(|(_, v)| v);
        match (value, bars.is_empty()) {
            (Some(v), true) => cat.arg(v, out),
            (Some(v), false) => {
                let mut forms: Vec<&str> = Vec::new();
                let mut start = name_end + 1;
                for &b in bars.iter().skip(1).chain(std::iter::once(&end)) {
                    forms.push(at.get(start..b).unwrap_or(""));
                    start = b + 1;
                }
                let chosen = choose(cat, v, &forms);
                let mut formatted = String::new();
                cat.arg(v, &mut formatted);
                fill(cat, chosen, args, Some(&formatted), out);
            }
            // An argument the caller did not give stays visible, so that tests catch it.
            (None, _) => out.push_str(at.get(..=end).unwrap_or(at)),
        }
        rest = at.get(end + 1..).unwrap_or("");
    }
    out.push_str(rest);
}

/// Picks a form: by key (`a=…`) for keys, else by plural category (`one|other`, or `zero|one|other`).
fn choose<'t>(cat: &Cat, v: &Arg<'_>, forms: &[&'t str]) -> &'t str {
    if let Arg::Key(k) = v {
        for f in forms {
            if let Some((key, text)) = text::split_once(f, "=") {
                if key == *k {
                    return text;
                }
            }
        }
        return "";
    }
    let n = v.number().unwrap_or(0);
    let one = cat.plural(n) == Plural::One;
    match forms {
        [zero, _, _] if n == 0 => zero,
        [_, one_form, _] | [one_form, _] if one => one_form,
        [.., other] => other,
        [] => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_numbers_plurals_keys_and_dates() {
        let c = Cat::en();
        let d = Day::parse("2020-08-03").unwrap_or(Day(0));
        let t = |s: &str, args: &[(&str, Arg<'_>)]| {
            let mut out = String::new();
            fill(&c, s, args, None, &mut out);
            out
        };
        assert_eq!(t("{n|# party|# parties}", &[("n", Arg::Num(1))]), "1 party");
        assert_eq!(t("{n|# party|# parties}", &[("n", Arg::Num(1234))]), "1,234 parties");
        assert_eq!(t("{n|none|only one ({x})|only # ({x})}", &[("n", Arg::Num(0)), ("x", Arg::Str("A"))]), "none");
        assert_eq!(t("{n|none|only one ({x})|only # ({x})}", &[("n", Arg::Num(2)), ("x", Arg::Str("A, B"))]), "only 2 (A, B)");
        assert_eq!(t("{t|palermo=P|icrmw=I} on {d}", &[("t", Arg::Key("icrmw")), ("d", Arg::Day(d))]), "I on 3\u{a0}Aug\u{a0}2020");
        assert_eq!(t("{missing} stays", &[]), "{missing} stays");
        assert_eq!(c.tenths(135), "13.5%");
        assert_eq!(c.tenths(950), "95.0%");
        assert_eq!(c.num(303_936_274), "303,936,274");
        assert_eq!(c.num(999), "999");
        assert_eq!(c.list(&["A", "B", "C"]), "A, B and C");
        assert_eq!(c.day_long(d), "3\u{a0}August\u{a0}2020");
        assert_eq!(c.month_year(2025, 7), "July\u{a0}2025");
        assert_eq!(placeholders("{n|# party|{x} and {y}} {date}"), ["date", "n", "x", "y"]);
        assert_eq!(Locale::parse("EN-gb"), Some(Locale::En));
        assert_eq!(Locale::parse("de"), None);
    }
}
