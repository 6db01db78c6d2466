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

use crate::date::Day;

/// A language the charts are written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub enum Locale {
    /// English (the default).
    #[default]
    En,
}

impl Locale {
    /// Every locale, in the order option errors list them.
    pub const ALL: [Locale; 1] = [Locale::En];

    /// BCP 47 primary language subtag: `en`.
    pub fn tag(self) -> &'static str {
        self.data().tag
    }

    /// The locale for a language tag (`en`, `en-GB`, `EN`), by its primary subtag; `None` when unsupported.
    pub fn parse(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        Locale::ALL.into_iter().find(|l| l.tag().eq_ignore_ascii_case(primary))
    }

    /// The locale's tables.
    pub fn data(self) -> &'static LocaleData {
        match self {
            Locale::En => &en::DATA,
        }
    }

    /// The catalogue for this locale.
    pub fn cat(self) -> Cat {
        Cat(self.data())
    }
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
    pub text: fn(Msg) -> &'static str,
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
    };
}

messages! {
    // Treaties.
    /// Short name of the Palermo Protocol.
    PalermoShort,
    /// Short name of the Migrant Workers Convention.
    IcrmwShort,
    /// Name of the European Union (a Palermo party that is not a state).
    EuName,
    // Modes of consent.
    /// "ratification".
    KindRatification,
    /// "accession".
    KindAccession,
    /// "acceptance".
    KindAcceptance,
    /// "approval".
    KindApproval,
    /// "succession".
    KindSuccession,
    // Blocks every chart has.
    /// Lead of the measures block.
    MeasuresLead,
    /// Lead of the leaves-out block.
    LeavesOutLead,
    /// Lead of a note.
    NoteLead,
    /// The CSV download link.
    GetTheData,
    /// Source line; `{date}` the newest data.
    Source,
    /// What a count leaves out (shared by the timeline and status charts).
    LeavesOutCore,
    /// Separator between parts of a sentence ("; ").
    Semicolon,
    /// Separator between counts on one line (" · ").
    Dot,
    // Registry descriptions.
    /// One line on the timeline chart.
    AboutTimeline,
    /// One line on the status chart.
    AboutStatus,
    // Timeline.
    /// Timeline headline.
    TimelineTitle,
    /// Timeline subtitle on 1 Jan 1990 itself; `{date}`.
    TimelineSubtitleDay,
    /// Timeline subtitle; `{first}` year, `{date}`.
    TimelineSubtitle,
    /// Timeline: what it measures.
    TimelineMeasures,
    /// Legend: tick where a treaty opened.
    LegendOpened,
    /// Legend: ring at entry into force.
    LegendInForce,
    /// Legend: diamonds at the depositary's counts.
    LegendPublished,
    /// Legend: shaded range of undated parties, on the newest date; `{n}`.
    LegendUndated,
    /// Legend: the same before the newest date; `{n}`.
    LegendUndatedUpTo,
    /// Text where a treaty's line is missing; `{treaty}`, `{date}`.
    NoLine,
    /// Tooltip: treaty not yet open; `{treaty}`.
    TipNotYetOpen,
    /// Tooltip: count; `{treaty}`, `{n}`.
    TipParties,
    /// Tooltip: count with undated parties; `{treaty}`, `{n}`, `{u}`.
    TipPartiesUndated,
    /// Tooltip: who joined that day; `{t}` treaty key, `{n}`, `{names}`.
    TipNew,
    /// Tooltip: list cut short; `{names}`, `{n}` more.
    TipAndMore,
    /// A joiner; `{name}`, `{kind}`.
    TipJoiner,
    /// A joiner whose date is derived; `{name}`, `{kind}`.
    TipJoinerDerived,
    /// Screen-reader summary; `{date}`, `{parts}`.
    SummaryOn,
    /// Summary part: not yet open; `{t}` key, `{treaty}`.
    SummaryNotOpen,
    /// Summary part; `{t}`, `{treaty}`, `{n}`, `{more}`, `{opened}`, `{force}`.
    SummaryHad,
    /// Summary: undated parties on the newest date; `{u}`.
    SummaryMoreUndated,
    /// Summary: undated parties before it; `{u}`.
    SummaryMoreUndatedUpTo,
    /// Summary: in force since; `{date}`.
    SummaryInForce,
    /// Summary: not yet in force.
    SummaryNotInForce,
    // Status chart.
    /// Status headline; `{n}` states.
    StatusTitle,
    /// Status subtitle; `{date}`.
    StatusSubtitle,
    /// Status: what it measures.
    StatusMeasures,
    /// Status: the extra sentence of what it leaves out.
    StatusLeavesOutExtra,
    /// A bar's place before its treaty opened; `{date}`.
    StatusNotOpen,
    /// Count under a bar: parties; `{n}`.
    SegParties,
    /// Count under a bar: parties on unconfirmed dates (newest date); `{n}`.
    SegUnconfirmedNow,
    /// Count under a bar: the same earlier; `{n}`, `{date}`.
    SegUnconfirmedEarlier,
    /// Count under a bar: signed only; `{n}`.
    SegSigned,
    /// Count under a bar: neither; `{n}`.
    SegNeither,
    /// Status summary; `{total}`, `{date}`, `{parts}`.
    StatusSummary,
    /// Status summary part; `{treaty}`, `{n}`, `{unknown}`, `{s}`, `{x}`.
    StatusSummaryPart,
    /// Status summary: undated parties; `{u}`.
    StatusSummaryUnknown,
    /// Note: the EU.
    NoteEu,
    /// Note: today's states on a past date; `{date}`.
    NoteTodaysStates,
    // Who stays out.
    /// The note; `{top}`, `{n}`, `{names}`, `{date}`, `{palermo}`.
    StaysOut,
    /// Its Palermo clause; `{n}`.
    StaysOutPalermo,
    /// Its Palermo clause with undated parties on the newest date; `{n}`, `{m}`, `{names}`.
    StaysOutPalermoUndated,
    /// Its Palermo clause with undated parties not counted; `{n}`, `{names}`, `{date}`.
    StaysOutPalermoNotCounting,
    // The Palermo gap.
    /// First sentence; `{date}`.
    GapIntro,
    /// Dated accessions since; `{n}`, `{derived}`.
    GapDated,
    /// All of them derived.
    GapDerivedAll,
    /// Some derived; `{d}`.
    GapDerived,
    /// Parties with no date; `{n}`, `{names}`, `{date}`, `{maybe}`.
    GapUndated,
    /// ... and they may not yet have been parties; `{n}`, `{as_of}`.
    GapUndatedMaybe,
    /// The depositary's newer count; `{published}`, `{date}`, `{dated}`, `{more}`, `{gap}`.
    GapDepositary,
    /// ... and has more on dates not confirmed; `{u}`.
    GapDepositaryMore,
    /// ... parties not identified; `{m}`.
    GapDepositaryMissing,
    /// A higher secondary count; `{n}`, `{when}`.
    GapSecondary,
    /// Closing sentence.
    GapMinimum,
    // Errors.
    /// Lead of the error box.
    ErrorLead,
    /// The module could not be loaded.
    LoadFailed,
    /// Shown while loading.
    Loading,
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
    /// ... before the timeline starts.
    ErrDateBefore,
    /// ... after the newest data.
    ErrDateAfter,
    /// Not YYYY-MM-DD; `{value}`.
    DateMalformed,
    /// Not a calendar date; `{value}`, `{reason}`.
    DateImpossible,
    /// Month out of range.
    DateBadMonth,
    /// Month length; `{month}` (month and year), `{n}` days.
    DateMonthLength,
    /// Bad width; `{value}`, `{min}`, `{max}`.
    ErrWidth,
    /// Empty title.
    ErrTitleEmpty,
    /// Long title; `{n}`.
    ErrTitleLong,
    /// Repeated option; `{name}`.
    ErrRepeated,
    /// Bad theme; `{value}`, `{list}`.
    ErrTheme,
    /// Bad treaty; `{value}`, `{list}`.
    ErrTreaty,
    /// Options not strings.
    ErrNotStrings,
    /// Options not in pairs.
    ErrNotPairs,
    /// Unknown iframe parameter; `{name}`, `{list}`.
    EmbedUnknownParam,
    /// Repeated iframe parameter; `{name}`.
    EmbedRepeatedParam,
    // The interactive element.
    /// `aria-roledescription` of an interactive chart.
    AriaInteractive,
    /// Accessible name of an interactive timeline; `{title}`.
    AriaKeysTimeline,
    /// Accessible name of a chart whose marks the arrow keys walk; `{title}`.
    AriaKeysMarks,
    // Regions (UN M49).
    /// Africa.
    RegionAfrica,
    /// Americas.
    RegionAmericas,
    /// Asia.
    RegionAsia,
    /// Europe.
    RegionEurope,
    /// Oceania.
    RegionOceania,
    // The map.
    /// One line on the map.
    AboutMap,
    /// Map headline, both treaties.
    MapTitleBoth,
    /// Map headline, one treaty; `{t}` key, `{treaty}`.
    MapTitleOne,
    /// Map subtitle; `{date}`.
    MapSubtitle,
    /// Map: what it measures.
    MapMeasures,
    /// Map: what it leaves out.
    MapLeavesOut,
    /// Legend: party to both; `{n}`.
    MapBoth,
    /// Legend: Palermo only; `{n}`.
    MapPalermoOnly,
    /// Legend: ICRMW only; `{n}`.
    MapIcrmwOnly,
    /// Legend: neither; `{n}`.
    MapNeither,
    /// Legend, one treaty: parties; `{n}`.
    MapParties,
    /// Legend, one treaty: signed only; `{n}`.
    MapSignedOnly,
    /// Legend: the hatch for a signature without (yet) a deposit.
    MapSigned,
    /// Legend: party on a date not confirmed (newest date); `{n}`.
    MapUndatedNow,
    /// Legend: the same on an earlier date; `{n}`.
    MapUndatedEarlier,
    /// Legend: a dot is a state too small to draw.
    MapDot,
    /// Legend: land that is not one of the 195 states.
    MapNotState,
    /// Counts line under the legend; `{treaty}`, `{counts}`.
    MapCounts,
    /// Tooltip: a party; `{treaty}`, `{date}`, `{kind}`, `{signed}`.
    TipPartySince,
    /// Tooltip: a party whose date is derived; `{treaty}`, `{date}`, `{kind}`, `{signed}`.
    TipPartySinceDerived,
    /// Tooltip: "; signed {date}".
    TipSignedOn,
    /// Tooltip: a party on a date not confirmed, newest date; `{treaty}`, `{kind}`.
    TipPartyUndated,
    /// Tooltip: the same earlier; `{treaty}`, `{date}`.
    TipPartyUndatedEarlier,
    /// Tooltip: a signatory; `{treaty}`, `{date}`.
    TipSignedOnly,
    /// Tooltip: neither; `{treaty}`.
    TipNeither,
    /// Tooltip: not one of the 195.
    TipNotState,
    /// Heading for an area without a code.
    MapNoCode,
    /// Map summary, both treaties; `{date}`, `{total}`, `{both}`, `{p}`, `{i}`, `{x}`.
    MapSummary,
    /// Caption of the screen-reader table; `{date}`.
    MapTableCaption,
    /// Column: state.
    MapColState,
    /// Column: region.
    MapColRegion,
    /// Accessible name of the interactive map; `{title}`.
    AriaKeysMap,
    /// The map's geometry is missing.
    ErrNoWorld,
    /// Tooltip: share of the states; `{share}`, `{total}`.
    TipShareOfStates,
    /// A list cut short; `{names}`, `{n}` more.
    TipListMore,
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
    /// A key for `{k|a=…|b=…}` forms (and written as given when used as `{k}`).
    Key(&'a str),
}

impl Arg<'_> {
    fn number(&self) -> Option<i64> {
        match self {
            Arg::Num(n) | Arg::Plain(n) | Arg::Tenths(n) => Some(*n),
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
        (self.0.text)(m)
    }

    /// The message filled with `args`.
    pub fn f(&self, m: Msg, args: &[(&str, Arg<'_>)]) -> String {
        let mut out = String::new();
        fill(self, self.t(m), args, None, &mut out);
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

    /// A share given in tenths of a per cent: `135` → `13.5%` (en). Whole numbers keep their `.0`.
    pub fn tenths(&self, tenths: i64) -> String {
        let n = format!("{}{}{}", self.num(tenths / 10), self.0.decimal, (tenths % 10).unsigned_abs());
        self.0.percent.replace("{n}", &n)
    }

    fn date(&self, template: &str, d: Day, months: &[&str; 12]) -> String {
        let (y, m, day) = d.ymd();
        let month = months.get(usize::from(m).wrapping_sub(1)).copied().unwrap_or("");
        template.replace("{d}", &day.to_string()).replace("{m}", month).replace("{y}", &y.to_string())
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
            Some(m) => self.0.month_year.replace("{m}", m).replace("{y}", &year.to_string()),
            None => year.to_string(),
        }
    }

    /// Items joined as a list: `A, B and C` (en).
    pub fn list(&self, items: &[&str]) -> String {
        match items {
            [] => String::new(),
            [one] => (*one).to_string(),
            [rest @ .., last] => format!("{}{}{last}", rest.join(self.0.list_sep), self.0.list_last),
        }
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

    /// A participant's name by ISO3 code: the `countries.csv` name (UN M49 / UNTC spelling), or the European
    /// Union for `EUU`. An unknown code is returned as it is.
    pub fn name(&self, iso3: &'static str) -> &'static str {
        if iso3 == crate::data::EU {
            return self.t(Msg::EuName);
        }
        crate::data::country(iso3).map_or(iso3, |c| c.name)
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
    out.sort();
    out.dedup();
    out
}

/// Finds the `}` that closes the `{` before `from`, and the top-level `|` positions in between.
fn close(t: &str, from: usize) -> Option<(usize, Vec<usize>)> {
    let mut depth = 0usize;
    let mut bars = Vec::new();
    for (i, c) in t.get(from..)?.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => return Some((from + i, bars)),
            '}' => depth -= 1,
            '|' if depth == 0 => bars.push(from + i),
            _ => {}
        }
    }
    None
}

/// Fills `t` into `out`. `hash` is the formatted number that `#` stands for inside a plural form.
fn fill(cat: &Cat, t: &str, args: &[(&str, Arg<'_>)], hash: Option<&str>, out: &mut String) {
    let mut rest = t;
    while let Some(pos) = rest.find(['{', '#']) {
        let (before, at) = rest.split_at(pos);
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
            if let Some((key, text)) = f.split_once('=') {
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
