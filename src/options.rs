//! Chart options, validated once at the edge.
//!
//! The CLI's flags, the custom element's attributes and the iframe page's query parameters are the same
//! vocabulary ([`Opt`]). [`Options::from_pairs`] turns raw strings into [`Options`], which cannot be invalid; every
//! error names the option, the value and what would be valid, in the chart's language ([`OptionError::message`]).
//! Unknown (misspelt) options are errors, not ignored; so is an option the chosen chart does not take.

use crate::charts::{self, ChartDef};
use crate::data::{self, Treaty};
use crate::date::{DateError, Day};
use crate::i18n::{Arg, Cat, Locale, Msg};
use crate::model::{Model, State};
use crate::notes::Notes;
use crate::theme::ThemeChoice;
use std::fmt;

/// Narrowest and widest chart, in CSS px.
pub const MIN_WIDTH: u32 = 280;
/// See [`MIN_WIDTH`].
pub const MAX_WIDTH: u32 = 2400;
/// Width used when none is given (CLI).
pub const DEFAULT_WIDTH: u32 = 640;
/// Earliest as-of date: the timeline starts on 1 January 1990.
pub const FIRST_YEAR: i32 = 1990;
/// Longest custom title, in characters.
pub const MAX_TITLE_CHARS: usize = 200;
/// Most states `highlight` takes.
pub const MAX_HIGHLIGHT: usize = 8;

/// An option: an attribute of the element, a CLI flag (`--as-of`), a parameter of the iframe page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opt {
    /// `chart`: which chart (a name from [`charts::CHARTS`]).
    Chart,
    /// `as-of`: the day the chart describes, `YYYY-MM-DD`.
    AsOf,
    /// `width`: width in CSS px.
    Width,
    /// `chart-title`: replaces the headline.
    Title,
    /// `theme`: `light`, `dark` or `auto`.
    Theme,
    /// `lang`: `en`, `fr` or `es`.
    Lang,
    /// `notes`: `short` (the default; the rest in "About this data") or `full`.
    Notes,
    /// `treaty`: `palermo`, `icrmw` or `both` (charts that show one treaty or both).
    Treaty,
    /// `country`: the ISO3 code of one of the 195 states (the country card).
    Country,
    /// `highlight`: ISO3 codes, separated by commas, of states to mark on the chart.
    Highlight,
}

impl Opt {
    /// Every option.
    pub const ALL: [Opt; 10] =
        [Opt::Chart, Opt::AsOf, Opt::Width, Opt::Title, Opt::Theme, Opt::Lang, Opt::Notes, Opt::Treaty, Opt::Country, Opt::Highlight];
    /// The options every chart takes; a chart's registry entry lists the others it takes.
    pub const COMMON: [Opt; 7] = [Opt::Chart, Opt::AsOf, Opt::Width, Opt::Title, Opt::Theme, Opt::Lang, Opt::Notes];

    /// The option's name as an attribute, flag and parameter.
    pub fn name(self) -> &'static str {
        match self {
            Opt::Chart => "chart",
            Opt::AsOf => "as-of",
            Opt::Width => "width",
            Opt::Title => "chart-title",
            Opt::Theme => "theme",
            Opt::Lang => "lang",
            Opt::Notes => "notes",
            Opt::Treaty => "treaty",
            Opt::Country => "country",
            Opt::Highlight => "highlight",
        }
    }

    /// The option named `name`, if any.
    pub fn parse(name: &str) -> Option<Opt> {
        Opt::ALL.into_iter().find(|o| o.name() == name)
    }

    /// The values the option takes, for documentation, the CLI's help and the builder page.
    pub fn values(self) -> Values {
        match self {
            Opt::Chart => Values::OneOf(charts::names()),
            Opt::AsOf => Values::Date { first: Day::jan1(FIRST_YEAR), last: data::data_as_of() },
            Opt::Width => Values::Whole { min: MIN_WIDTH, max: MAX_WIDTH },
            Opt::Title => Values::Text { max_chars: MAX_TITLE_CHARS },
            Opt::Theme => Values::OneOf(ThemeChoice::ALL.iter().map(|t| t.name()).collect()),
            Opt::Lang => Values::OneOf(Locale::ALL.iter().map(|l| l.tag()).collect()),
            Opt::Notes => Values::OneOf(Notes::ALL.iter().map(|n| n.name()).collect()),
            Opt::Treaty => Values::OneOf(TREATY_VALUES.to_vec()),
            Opt::Country => Values::State,
            Opt::Highlight => Values::States { max: MAX_HIGHLIGHT },
        }
    }
}

/// What an option accepts.
#[derive(Clone, Debug, PartialEq)]
pub enum Values {
    /// One of these words (any letter case).
    OneOf(Vec<&'static str>),
    /// A calendar date in this range.
    Date { first: Day, last: Day },
    /// A whole number in this range.
    Whole { min: u32, max: u32 },
    /// Plain text up to this many characters.
    Text { max_chars: usize },
    /// The ISO3 code of one of the 195 UN member and observer states.
    State,
    /// Up to `max` such codes, separated by commas.
    States { max: usize },
}

/// Values of `treaty`: each treaty's tag, then `both`.
pub const TREATY_VALUES: [&str; 3] = ["palermo", "icrmw", "both"];

/// Valid options for one chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Which chart (its registry entry).
    pub chart: &'static ChartDef,
    /// The day the chart describes (inclusive), between 1 Jan 1990 and the data's as-of date.
    pub as_of: Day,
    /// Width of the whole chart in CSS px ([`MIN_WIDTH`]..=[`MAX_WIDTH`]).
    pub width: u32,
    /// Replaces the default title when set (plain text; escaped on output).
    pub title: Option<String>,
    /// Colours: light, dark, or following the reader's setting.
    pub theme: ThemeChoice,
    /// One treaty, or `None` for both (charts that take `treaty`).
    pub treaty: Option<Treaty>,
    /// The language of every word and number.
    pub lang: Locale,
    /// Short notes (and "About this data" apart) or full.
    pub notes: Notes,
    /// The state of the country card (ISO3).
    pub country: Option<&'static str>,
    /// States to mark (ISO3), in the order given.
    pub highlight: Vec<&'static str>,
}

impl Options {
    /// The catalogue of the chart's language.
    pub fn cat(&self) -> Cat {
        self.lang.cat()
    }
}

/// A rejected option. [`OptionError::message`] is the sentence shown inside the widget and printed by the CLI;
/// `Display` gives it in English.
#[derive(Clone, Debug, PartialEq)]
pub enum OptionError {
    /// An option this crate does not know (often a typo); holds it and the chart's valid options.
    Unknown { name: String, chart: &'static ChartDef },
    /// An option the chosen chart does not take.
    NotForChart { name: &'static str, chart: &'static ChartDef },
    /// `chart` is not a registered chart.
    Chart(String),
    /// `as-of` is malformed or not a calendar date.
    Date(DateError),
    /// `as-of` is a real date outside the data.
    DateOutOfRange { value: Day, first: Day, last: Day },
    /// `width` is not a whole number in range.
    Width(String),

    /// `chart-title` is too long.
    TitleLong,
    /// `theme` is not light, dark or auto.
    Theme(String),
    /// `treaty` is not palermo, icrmw or both.
    Treaty(String),
    /// `lang` is not a supported language.
    Lang(String),
    /// `notes` is not short or full.
    Notes(String),
    /// `country` or a code in `highlight` is not one of the 195 states; with suggestions (ISO3 codes).
    Country { option: &'static str, value: String, suggestions: Vec<&'static str> },
    /// `country` or a code in `highlight` names an area the data knows that is not one of the 195 states (its ISO3).
    NotAState { option: &'static str, value: String, iso3: &'static str },
    /// The country card without `country`.
    CountryMissing,
    /// `highlight` has more than [`MAX_HIGHLIGHT`] states.
    HighlightMany,
    /// The same option was given twice (a repeated CLI flag or URL parameter); neither value is guessed.
    Repeated(String),
}

fn option_list(chart: &ChartDef) -> String {
    chart.accepts().map(Opt::name).collect::<Vec<_>>().join(", ")
}

/// The `<treaty-chart>` element's own attributes, which its script reads and every chart takes: `controls` (the
/// time slider) and `eager` (draw even while far out of view). They are not chart options (the CLI has no such
/// flags, and its unknown flags never reach [`OptionError::Unknown`]); the messages about an unknown option and
/// about one the chart does not take list them after the options, and the loader reads this list from
/// `treaty-charts meta --json` (`attributes`) to know which attributes to keep for itself.
pub const ELEMENT_ATTRIBUTES: [&str; 2] = ["controls", "eager"];

/// The option or element attribute that a misspelt name most likely meant: the same letters but for case, `_`
/// for `-` or one or two edits (`highligt`, `as_of`, `Controls`), or a word in common use for one (`date`, `type`,
/// `language`). `None` when nothing is that close.
pub(crate) fn meant(name: &str) -> Option<&'static str> {
    let n: String = name.trim().chars().map(|c| if c == '_' || c == ' ' { '-' } else { c.to_ascii_lowercase() }).collect();
    let synonym = match n.as_str() {
        "date" | "day" | "asof" | "as-at" | "on" => Some(Opt::AsOf.name()),
        "type" | "kind" | "chart-type" | "charttype" => Some(Opt::Chart.name()),
        "language" | "locale" => Some(Opt::Lang.name()),
        "countries" | "states" | "state" => Some(Opt::Highlight.name()),
        "headline" | "heading" => Some(Opt::Title.name()),
        "slider" | "control" => Some("controls"),
        _ => None,
    };
    let names = Opt::ALL.map(Opt::name).into_iter().chain(ELEMENT_ATTRIBUTES);
    synonym.or_else(|| {
        let limit = if n.chars().count() <= 4 { 1 } else { 2 };
        names.map(|o| (edits(&n, o), o)).filter(|(d, _)| *d <= limit).min_by_key(|(d, _)| *d).map(|(_, o)| o)
    })
}

/// Levenshtein distance between two short names (insertions, deletions, substitutions; in characters).
fn edits(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row.first().copied().unwrap_or(0);
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let (left, up) = (row.get(j).copied().unwrap_or(0), row.get(j + 1).copied().unwrap_or(0));
            let here = if ca == *cb { diagonal } else { 1 + diagonal.min(left).min(up) };
            diagonal = up;
            if let Some(slot) = row.get_mut(j + 1) {
                *slot = here;
            }
        }
    }
    row.last().copied().unwrap_or(0)
}

impl OptionError {
    /// The sentence in `cat`'s language.
    pub fn message(&self, cat: &Cat) -> String {
        fn s(v: &str) -> Arg<'_> {
            Arg::Str(v)
        }
        match self {
            // Both lists name the element's own attributes too, which every chart takes.
            OptionError::Unknown { name, chart } => {
                let suggest = meant(name).map_or_else(String::new, |m| cat.f(Msg::ErrCountrySuggest, &[("list", s(m))]));
                cat.f(Msg::ErrUnknown, &[("name", s(name)), ("suggest", s(&suggest)), ("list", s(&format!("{}, {}", option_list(chart), ELEMENT_ATTRIBUTES.join(", "))))])
            }
            OptionError::NotForChart { name, chart } => cat.f(
                Msg::ErrNotForChart,
                &[("name", s(name)), ("chart", s(chart.name)), ("list", s(&format!("{}, {}", option_list(chart), ELEMENT_ATTRIBUTES.join(", "))))],
            ),
            OptionError::Chart(v) => {
                // A near miss ("maps", "region"): one edit for a short name, two for a longer one, as for options.
                let low = v.to_ascii_lowercase();
                let limit = if low.chars().count() <= 4 { 1 } else { 2 };
                let near = charts::names().into_iter().map(|n| (edits(&low, n), n)).filter(|(d, _)| *d <= limit).min_by_key(|(d, _)| *d);
                let suggest = near.map_or_else(String::new, |(_, m)| cat.f(Msg::ErrCountrySuggest, &[("list", s(m))]));
                cat.f(Msg::ErrChart, &[("value", s(v)), ("suggest", s(&suggest)), ("list", s(&charts::names().join(", ")))])
            }
            OptionError::Date(e) => {
                let (first, last) = (Day::jan1(FIRST_YEAR).to_string(), data::data_as_of().to_string());
                cat.f(Msg::ErrDate, &[("why", s(&e.message(cat))), ("first", s(&first)), ("last", s(&last))])
            }
            OptionError::DateOutOfRange { value, first, last } => {
                let side = cat.t(if value < first { Msg::ErrDateBefore } else { Msg::ErrDateAfter });
                let (v, f, l) = (value.to_string(), first.to_string(), last.to_string());
                cat.f(Msg::ErrDateRange, &[("value", s(&v)), ("side", s(side)), ("first", s(&f)), ("last", s(&l))])
            }
            OptionError::Width(v) => cat.f(
                Msg::ErrWidth,
                &[("value", s(v)), ("min", Arg::Plain(i64::from(MIN_WIDTH))), ("max", Arg::Plain(i64::from(MAX_WIDTH)))],
            ),
            OptionError::TitleLong => cat.f(Msg::ErrTitleLong, &[("n", Arg::Num(MAX_TITLE_CHARS as i64))]),
            OptionError::Theme(v) => {
                let list = ThemeChoice::ALL.map(ThemeChoice::name).join(", ");
                cat.f(Msg::ErrTheme, &[("value", s(v)), ("list", s(&list))])
            }
            OptionError::Treaty(v) => cat.f(Msg::ErrTreaty, &[("value", s(v)), ("list", s(&TREATY_VALUES.join(", ")))]),
            OptionError::Lang(v) => {
                let list = Locale::ALL.map(Locale::tag).join(", ");
                cat.f(Msg::ErrLang, &[("value", s(v)), ("list", s(&list))])
            }
            OptionError::Notes(v) => cat.f(Msg::ErrNotes, &[("value", s(v)), ("list", s(&Notes::ALL.map(Notes::name).join(", ")))]),
            OptionError::Country { option, value, suggestions } => {
                let suggest = if suggestions.is_empty() {
                    String::new()
                } else {
                    let items: Vec<String> = suggestions.iter().map(|c| format!("{c} ({})", cat.name(c))).collect();
                    let items: Vec<&str> = items.iter().map(String::as_str).collect();
                    cat.f(Msg::ErrCountrySuggest, &[("list", s(&cat.list_or(&items)))])
                };
                cat.f(Msg::ErrCountry, &[("option", s(option)), ("value", s(value)), ("suggest", s(&suggest))])
            }
            OptionError::NotAState { option, value, iso3 } => {
                cat.f(Msg::ErrNotAState, &[("option", s(option)), ("value", s(value)), ("name", s(&cat.name_in_text(iso3)))])
            }
            OptionError::CountryMissing => cat.t(Msg::ErrCountryMissing).to_string(),
            OptionError::HighlightMany => cat.f(Msg::ErrHighlightMany, &[("n", Arg::Num(MAX_HIGHLIGHT as i64))]),
            OptionError::Repeated(k) => cat.f(Msg::ErrRepeated, &[("name", s(k))]),
        }
    }
}

impl fmt::Display for OptionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(&Cat::en()))
    }
}

impl std::error::Error for OptionError {}

/// A rejected value as the message quotes it: at most 40 characters, invisible control and bidirectional
/// formatting characters shown by their code point (`status[U+0000]` rather than a `status` that looks valid; a
/// right-to-left override cannot reverse the rest of the message).
pub fn clip(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().take(40) {
        let bidi = matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        if c.is_control() || bidi {
            // "[U+202E]": the notation readers and Unicode charts use, not a programming language's escape.
            out.push_str("[U+");
            crate::text::push_hex(&mut out, u32::from(c), if u32::from(c) > 0xFFFF { 6 } else { 4 }, true);
            out.push(']');
        } else {
            out.push(c);
        }
    }
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

fn one_of<T: Copy>(v: &str, table: impl IntoIterator<Item = (&'static str, T)>) -> Option<T> {
    table.into_iter().find(|(name, _)| name.eq_ignore_ascii_case(v)).map(|(_, t)| t)
}

impl Options {
    /// Default options for a chart: as of the newest data, [`DEFAULT_WIDTH`] wide, theme auto, both treaties.
    pub fn new(chart: &'static ChartDef) -> Options {
        Options {
            chart,
            as_of: data::data_as_of(),
            width: DEFAULT_WIDTH,
            title: None,
            theme: ThemeChoice::Auto,
            treaty: None,
            lang: Locale::En,
            notes: Notes::Short,
            country: None,
            highlight: Vec::new(),
        }
    }

    /// Validates `(name, value)` pairs. Missing options take their defaults (`chart`: the first registered chart,
    /// the timeline; `as-of`: the newest date in the data; `width`: 640; `theme`: auto). Surrounding white space
    /// in values is ignored, and the words of `chart`, `theme` and `treaty` may be in any letter case (as HTML's
    /// enumerated attributes are); an option given twice is an error.
    ///
    /// # Errors
    /// The first invalid or unknown option, as an [`OptionError`] (`chart` is checked first, because it decides
    /// which other options are valid).
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Options, OptionError> {
        let pairs: Vec<(&str, &str)> = pairs.into_iter().collect();
        let mut seen: Vec<&str> = Vec::new();
        for (k, _) in &pairs {
            if seen.contains(k) {
                return Err(OptionError::Repeated(clip(k)));
            }
            seen.push(k);
        }
        let chart = match pairs.iter().find(|(k, v)| *k == Opt::Chart.name() && !v.trim().is_empty()) {
            Some((_, v)) => charts::find(v.trim()).ok_or_else(|| OptionError::Chart(clip(v.trim())))?,
            None => charts::default_chart(),
        };
        let mut o = Options::new(chart);
        for (k, v) in pairs {
            let v = v.trim();
            let Some(opt) = Opt::parse(k) else {
                return Err(OptionError::Unknown { name: clip(k), chart });
            };
            // An empty value is no value: the option's default (a CMS writes every field of its form, filled or
            // not, and one template may serve every chart). A misspelt name is still refused, above.
            if v.is_empty() {
                continue;
            }
            if !chart.accepts().any(|a| a == opt) {
                return Err(OptionError::NotForChart { name: opt.name(), chart });
            }
            match opt {
                Opt::Chart => {}
                Opt::AsOf => o.as_of = parse_as_of(v)?,
                Opt::Width => {
                    o.width = v
                        .parse::<u32>()
                        .ok()
                        .filter(|w| (MIN_WIDTH..=MAX_WIDTH).contains(w))
                        .ok_or_else(|| OptionError::Width(clip(v)))?;
                }
                Opt::Title => {
                    if v.chars().count() > MAX_TITLE_CHARS {
                        return Err(OptionError::TitleLong);
                    }
                    // Without the controls that embed, override or isolate a direction (U+202A–202E, U+2066–2069):
                    // invisible, they would turn the rest of the headline around ("eltit") or spoof its words. The
                    // marks (U+200E, U+200F) stay: they only nudge neutral characters.
                    let t: String = v.chars().filter(|c| !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')).collect();
                    o.title = (!t.trim().is_empty()).then_some(t);
                }
                Opt::Theme => {
                    o.theme = one_of(v, ThemeChoice::ALL.map(|t| (t.name(), t))).ok_or_else(|| OptionError::Theme(clip(v)))?;
                }
                Opt::Treaty => {
                    o.treaty = one_of(v, [("palermo", Some(Treaty::Palermo)), ("icrmw", Some(Treaty::Icrmw)), ("both", None)])
                        .ok_or_else(|| OptionError::Treaty(clip(v)))?;
                }
                Opt::Lang => o.lang = Locale::parse(v).ok_or_else(|| OptionError::Lang(clip(v)))?,
                Opt::Notes => o.notes = one_of(v, Notes::ALL.map(|n| (n.name(), n))).ok_or_else(|| OptionError::Notes(clip(v)))?,
                Opt::Country => o.country = Some(parse_state(v, "country")?),
                Opt::Highlight => {
                    let mut codes = Vec::new();
                    // Items between commas or semicolons; an item of several words is codes between spaces
                    // ("AUS PHL"), unless none of its words is a code: then it is one name ("United States"), and
                    // the message is about the whole name, not its first word.
                    for item in v.split([',', ';']).map(str::trim).filter(|p| !p.is_empty()) {
                        let words: Vec<&str> = item.split_whitespace().collect();
                        let mut read: Vec<Result<&'static str, OptionError>> = words.iter().map(|w| parse_state(w, "highlight")).collect();
                        if words.len() > 1 && read.iter().all(Result::is_err) {
                            read = vec![parse_state(item, "highlight")];
                        }
                        for c in read {
                            let c = c?;
                            if !codes.contains(&c) {
                                codes.push(c);
                            }
                        }
                    }
                    if codes.len() > MAX_HIGHLIGHT {
                        return Err(OptionError::HighlightMany);
                    }
                    o.highlight = codes;
                }
            }
        }
        if chart.accepts().any(|a| a == Opt::Country) && o.country.is_none() {
            return Err(OptionError::CountryMissing);
        }
        Ok(o)
    }

    /// Like [`Options::from_pairs`], and in the language the pairs ask for: the sentence of a rejected option in
    /// the `lang` given (English when `lang` itself is wrong or absent).
    ///
    /// # Errors
    /// The sentence to show.
    pub fn from_pairs_localized<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Options, String> {
        let pairs: Vec<(&str, &str)> = pairs.into_iter().collect();
        let cat = pairs.iter().find(|(k, _)| *k == Opt::Lang.name()).and_then(|(_, v)| Locale::parse(v)).unwrap_or_default().cat();
        Options::from_pairs(pairs).map_err(|e| e.message(&cat))
    }
}

/// Folds a name for matching: lower case, accents and punctuation dropped.
fn fold(s: &str) -> String {
    s.chars()
        .filter_map(|c| {
            let c = c.to_ascii_lowercase();
            let base = if c == 'ş' { 's' } else { crate::text::unaccent(c) };
            base.is_ascii_alphanumeric().then_some(base)
        })
        .collect()
}

/// A state's names as charts show them in each language, then its official name, folded for matching (so
/// "Laos", "Corée du Sud" and "Lao People's Democratic Republic" all find their state).
/// Whether one of the state's names ([`folded_names`]) starts with the words of `v`, each whole: "Hong Kong" begins
/// "Hong Kong SAR China", "America" does not begin "American Samoa".
fn begins_with_words(s: &State, v: &str) -> bool {
    let words = |n: &str| n.split(|c: char| !c.is_alphanumeric()).map(fold).filter(|w| !w.is_empty()).collect::<Vec<_>>();
    let want = words(v);
    let iso3 = s.iso3();
    !want.is_empty() && crate::i18n::Locale::ALL.map(|l| l.cat().name(iso3)).into_iter().chain([s.country.name]).any(|n| words(n).starts_with(&want))
}

fn folded_names(s: &State) -> Vec<String> {
    let iso3 = s.iso3();
    crate::i18n::Locale::ALL.map(|l| l.cat().name(iso3)).into_iter().chain([s.country.name]).map(fold).collect()
}

/// Names in common use (folded, see `fold`) that are none of a state's names in the data — in English, French,
/// Spanish or officially — nor a former name the depositary records: "Holland" would otherwise suggest Poland.
const COMMON_NAMES: [(&str, &str); 14] = [
    ("america", "USA"),
    ("holland", "NLD"),
    ("burma", "MMR"),
    ("ivorycoast", "CIV"),
    ("easttimor", "TLS"),
    ("vatican", "VAT"),
    ("england", "GBR"),
    ("scotland", "GBR"),
    ("wales", "GBR"),
    ("northernireland", "GBR"),
    ("czechrepublic", "CZE"),
    ("drcongo", "COD"),
    ("congokinshasa", "COD"),
    ("congobrazzaville", "COG"),
];

/// Parses the ISO3 code of one of the 195 states (any letter case).
///
/// # Errors
/// [`OptionError::Country`], with up to three suggestions: the state of that ISO 3166-1 alpha-2 code, states whose
/// name matches what was typed, and codes one letter away.
pub fn parse_state(v: &str, option: &'static str) -> Result<&'static str, OptionError> {
    let v = v.trim();
    let model = Model::get();
    let up = v.to_ascii_uppercase();
    if let Some(s) = model.state(&up).filter(|s| s.is_un()) {
        return Ok(s.iso3());
    }
    // The European Union, a party to the Palermo Protocol that the charts note but do not count: by its codes
    // (EU, and EUU as the data writes it) or its name in English, French or Spanish.
    if matches!(up.as_str(), "EU" | "EUU") || matches!(fold(v).as_str(), "europeanunion" | "theeuropeanunion" | "unioneuropeenne" | "unioneuropea") {
        return Err(OptionError::NotAState { option, value: clip(v), iso3: "EUU" });
    }
    // A code of somewhere the data knows that is not one of the 195 (Taiwan, Kosovo, Greenland…): say so, rather
    // than suggest a neighbour in the alphabet. Kosovo's user-assigned codes (XK, XKX) and KOS count as its codes.
    let other = match up.as_str() {
        "KOS" | "XK" => model.state("XKX"),
        _ => model.state(&up).or_else(|| model.all_states().find(|s| s.country.iso2.eq_ignore_ascii_case(&up))),
    };
    if let Some(s) = other.filter(|s| !s.is_un()) {
        return Err(OptionError::NotAState { option, value: clip(v), iso3: s.iso3() });
    }
    // The name of somewhere that is not one of the 195 ("Kosovo", "Taiwan"), in any language: say so too.
    let folded = fold(v);
    if folded.len() >= 3 {
        if let Some(s) = model.all_states().filter(|s| !s.is_un()).find(|s| folded_names(s).contains(&folded)) {
            return Err(OptionError::NotAState { option, value: clip(v), iso3: s.iso3() });
        }
    }
    // The first whole words of such a name ("Hong Kong", "Macao" for CLDR's "Hong Kong SAR China", "Macao SAR
    // China"; not "America" for "American Samoa"): the one place they begin, when they begin no state's name.
    if folded.len() >= 4 {
        let (mut place, mut places, mut state) = (None, 0, false);
        for s in model.all_states().filter(|s| begins_with_words(s, v)) {
            if s.is_un() {
                state = true;
            } else {
                (place, places) = (Some(s.iso3()), places + 1);
            }
        }
        if let (false, 1, Some(iso3)) = (state, places, place) {
            return Err(OptionError::NotAState { option, value: clip(v), iso3 });
        }
    }
    let mut suggestions: Vec<&'static str> = Vec::new();
    // Codes in common use that ISO 3166 does not give these states: UK (GB, GBR), the sports codes of the United
    // Kingdom's nations, and EL, the EU's code for Greece.
    match up.as_str() {
        "UK" | "ENG" | "SCO" | "WAL" | "NIR" => suggestions.push("GBR"),
        "EL" => suggestions.push("GRC"),
        _ => {}
    }
    // Such a code means that state alone ("ENG" is England, not a near miss for MNG or PNG).
    let alias = !suggestions.is_empty();
    if folded.len() >= 4 && !alias {
        suggestions.extend(COMMON_NAMES.iter().filter(|(n, _)| n.starts_with(&folded)).map(|(_, c)| *c).take(1));
    }
    let mut push = |c: &'static str| {
        if !alias && !suggestions.contains(&c) && suggestions.len() < 3 {
            suggestions.push(c);
        }
    };
    for s in model.un_states() {
        if s.country.iso2.eq_ignore_ascii_case(v) {
            push(s.iso3());
        }
    }
    if folded.len() >= 3 {
        for s in model.un_states() {
            if folded_names(s).iter().any(|n| n.starts_with(&folded)) {
                push(s.iso3());
            }
        }
        // Former names ("Turkey", "Swaziland"), from the depositary's renamings.
        for (former, iso3) in crate::data::former_names() {
            if fold(former).starts_with(&folded) {
                if let Some(s) = model.state(iso3) {
                    push(s.iso3());
                }
            }
        }
        for s in model.un_states() {
            if folded_names(s).iter().any(|n| crate::text::contains(n, &folded)) {
                push(s.iso3());
            }
        }
    }
    if up.len() == 3 {
        for s in model.un_states() {
            let near = s.iso3().bytes().zip(up.bytes()).filter(|(a, b)| a != b).count() == 1;
            if near {
                push(s.iso3());
            }
        }
    }
    // Nothing found so far, but a misspelt name ("Philipines", "Untied States"): the names one edit away, or two
    // for a longer name, closest first.
    if suggestions.is_empty() && folded.len() >= 4 {
        let limit = if folded.len() <= 5 { 1 } else { 2 };
        let mut near: Vec<(usize, &'static str)> =
            model.un_states().filter_map(|s| folded_names(s).iter().map(|n| edits(&folded, n)).min().filter(|d| *d <= limit).map(|d| (d, s.iso3()))).collect();
        crate::sort::by_key(&mut near, |(d, _)| *d);
        suggestions.extend(near.into_iter().map(|(_, c)| c).take(3));
    }
    Err(OptionError::Country { option, value: clip(v), suggestions })
}

/// Parses and range-checks an as-of date (`YYYY-MM-DD`, or `latest` for the newest date of the data).
///
/// # Errors
/// [`OptionError::Date`] for malformed or impossible dates, [`OptionError::DateOutOfRange`] outside
/// 1990-01-01 ..= the data's as-of date.
pub fn parse_as_of(v: &str) -> Result<Day, OptionError> {
    // "latest", as the static files are named, is the newest date of the data.
    if v.eq_ignore_ascii_case("latest") {
        return Ok(data::data_as_of());
    }
    let d = Day::parse(v).map_err(|e| match e {
        DateError::Malformed(s) => OptionError::Date(DateError::Malformed(clip(&s))),
        other => OptionError::Date(other),
    })?;
    let (first, last) = (Day::jan1(FIRST_YEAR), data::data_as_of());
    if d < first || d > last {
        return Err(OptionError::DateOutOfRange { value: d, first, last });
    }
    Ok(d)
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // tests run natively; the .wasm never carries them
mod tests {
    use super::*;

    fn err(pairs: &[(&str, &str)]) -> String {
        Options::from_pairs(pairs.iter().copied()).unwrap_err().to_string()
    }

    #[test]
    fn defaults_and_valid_values() {
        let o = Options::from_pairs([("chart", "status"), ("as-of", "2020-08-03"), ("width", "375")]).unwrap();
        assert_eq!((o.chart.name, o.as_of.to_string(), o.width), ("status", "2020-08-03".into(), 375));
        let d = Options::from_pairs([]).unwrap();
        assert_eq!((d.chart.name, d.as_of.to_string(), d.width, d.theme), ("timeline", "2026-02-03".into(), 640, ThemeChoice::Auto));
        assert_eq!(Options::from_pairs([("theme", " Dark ")]).unwrap().theme, ThemeChoice::Dark);
    }

    #[test]
    fn errors_name_the_option_and_what_is_valid() {
        let charts = charts::names().join(", ");
        assert_eq!(err(&[("chart", "pie")]), format!("Invalid chart “pie”. Valid charts: {charts}."));
        assert_eq!(err(&[("chart", "status\u{0}")]), format!("Invalid chart “status[U+0000]”. Valid charts: {charts}."));
        assert_eq!(Options::from_pairs([("chart", "STATUS")]).map(|o| o.chart.name), Ok("status"));
        assert!(err(&[("as-of", "\u{202e}2020-08-03")]).starts_with("Invalid as-of: “[U+202E]2020-08-03” is not a date"), "{}", err(&[("as-of", "\u{202e}2020-08-03")]));
        assert_eq!(
            err(&[("as-of", "2019-02-30")]),
            "Invalid as-of: 2019-02-30 is not a calendar date: February 2019 has 28 days. Use a date from 1990-01-01 to 2026-02-03."
        );
        assert!(err(&[("as-of", "3 Feb 2020")]).contains("not a date of the form YYYY-MM-DD"));
        assert_eq!(
            err(&[("as-of", "1989-12-31")]),
            "Invalid as-of: 1989-12-31 is before the data starts. Use a date from 1990-01-01 to 2026-02-03."
        );
        assert!(err(&[("as-of", "2027-01-01")]).contains("after the newest data"));
        assert!(err(&[("width", "wide")]).contains("from 280 to 2400"));
        assert!(err(&[("width", "100")]).contains("“100”"));
        assert_eq!(err(&[("as_of", "2020-01-01")]), "Unknown option “as_of”. Did you mean as-of? Valid options: chart, as-of, width, chart-title, theme, lang, notes, highlight, controls, eager.");
        // An empty headline keeps the chart's own (CMS forms write every field).
        assert_eq!(Options::from_pairs([("chart-title", "  ")]).unwrap().title, None);
        // A right-to-left override in a headline does not turn it around.
        assert_eq!(Options::from_pairs([("chart-title", "Evil \u{202e}title\u{202c} \u{2067}x\u{2069}")]).unwrap().title.as_deref(), Some("Evil title x"));
        assert_eq!(
            err(&[("chart", "status"), ("chart", "timeline")]),
            "The option “chart” is given more than once. Give each option once."
        );
        assert_eq!(err(&[("theme", "sepia")]), "Invalid theme “sepia”. Valid themes: light, dark, auto.");
        assert_eq!(
            err(&[("highlight", "Australia")]),
            "Invalid highlight “Australia”: use the ISO 3166-1 alpha-3 code of one of the 195 UN member and observer states, such as AUS or PHL. Did you mean AUS (Australia)?"
        );
        assert!(err(&[("highlight", "GB")]).contains("Did you mean GBR (United Kingdom)?"), "{}", err(&[("highlight", "GB")]));
        assert!(err(&[("highlight", "AUX")]).contains("AUS (Australia)"), "{}", err(&[("highlight", "AUX")]));
        assert_eq!(Options::from_pairs([("highlight", "aus, PHL,aus")]).unwrap().highlight, ["AUS", "PHL"]);
        assert_eq!(
            err(&[("highlight", "TWN")]),
            "Invalid highlight “TWN”: Taiwan is not one of the 195 UN member and observer states this data covers."
        );
        assert!(err(&[("chart", "country"), ("country", "kos")]).contains("Kosovo is not one of the 195"));
        assert!(err(&[("highlight", "UK")]).contains("Did you mean GBR (United Kingdom)?"), "{}", err(&[("highlight", "UK")]));
        // Names as charts show them, in any of the three languages.
        assert!(err(&[("highlight", "Laos")]).contains("LAO (Laos)"), "{}", err(&[("highlight", "Laos")]));
        assert!(err(&[("highlight", "Corée du Sud")]).contains("KOR (South Korea)"), "{}", err(&[("highlight", "Corée du Sud")]));
        // Former names, from the depositary's renamings; alternatives joined by "or".
        assert!(err(&[("highlight", "Turkey")]).contains("Did you mean TUR (Türkiye)?"), "{}", err(&[("highlight", "Turkey")]));
        assert!(err(&[("highlight", "Swaziland")]).contains("SWZ (Eswatini)"), "{}", err(&[("highlight", "Swaziland")]));
        assert!(err(&[("highlight", "Congo")]).contains(" or "), "{}", err(&[("highlight", "Congo")]));
        assert_eq!(
            err(&[("chart", "status"), ("treaty", "icrmw")]),
            "The option “treaty” does not apply to the status chart. Its options: chart, as-of, width, chart-title, theme, lang, notes, highlight, controls, eager."
        );
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // tests run natively; the .wasm never carries them
mod suggestion_tests {
    use super::*;

    #[test]
    fn a_misspelt_option_gets_the_name_it_meant() {
        for (typed, meant_name) in [("highligt", "highlight"), ("as_of", "as-of"), ("asof", "as-of"), ("date", "as-of"), ("Controls", "controls"), ("eagre", "eager"), ("language", "lang"), ("type", "chart"), ("thme", "theme")] {
            assert_eq!(meant(typed), Some(meant_name), "{typed}");
        }
        assert_eq!(meant("zzzzzz"), None);
        assert_eq!(meant("foo"), None, "a short name needs to be one edit away");
        let e = Options::from_pairs([("chart", "status"), ("highligt", "PHL")]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "Unknown option “highligt”. Did you mean highlight? Valid options: chart, as-of, width, chart-title, theme, lang, notes, highlight, controls, eager."
        );
    }

    #[test]
    fn a_misspelt_or_other_name_of_a_state_gets_its_code() {
        let err = |v: &str| parse_state(v, "country").unwrap_err().message(&Cat::en());
        assert!(err("Philipines").ends_with("Did you mean PHL (Philippines)?"), "{}", err("Philipines"));
        assert!(err("Untied States").ends_with("Did you mean USA (United States)?"), "{}", err("Untied States"));
        assert!(err("ENG").contains("Did you mean GBR (United Kingdom)?"), "{}", err("ENG"));
        assert!(!err("ENG").contains("MNG") && !err("ENG").contains("PNG"), "{}", err("ENG"));
        // Names in common use that are no name of the state in the data.
        for (name, code) in [("Holland", "NLD (Netherlands)"), ("Burma", "MMR (Myanmar)"), ("Ivory Coast", "CIV (Côte d’Ivoire)"), ("England", "GBR (United Kingdom)"), ("DR Congo", "COD (")] {
            assert!(err(name).contains(&format!("Did you mean {code}")), "{}", err(name));
        }
        assert_eq!(err("Kosovo"), "Invalid country “Kosovo”: Kosovo is not one of the 195 UN member and observer states this data covers.");
        // The EU (which the data codes EUU) is not an Ecuador one letter away.
        for v in ["EU", "euu", "European Union", "Union européenne"] {
            assert_eq!(err(v), format!("Invalid country “{v}”: the European Union is not one of the 195 UN member and observer states this data covers."));
        }
        // The first words of the name of a place that is not a state (CLDR: "Hong Kong SAR China"), as whole words.
        for v in ["Hong Kong", "hong-kong"] {
            assert_eq!(err(v), format!("Invalid country “{v}”: Hong Kong SAR China is not one of the 195 UN member and observer states this data covers."));
        }
        // "Saint" begins the names of states too: a suggestion, not a place that is not a state.
        assert!(err("Saint").contains("Did you mean"), "{}", err("Saint"));
        let chart = |v: &str| Options::from_pairs([("chart", v)]).unwrap_err().message(&Cat::en());
        assert_eq!(chart("maps"), "Invalid chart “maps”. Did you mean map? Valid charts: timeline, status, map, coverage, regions, country.");
        assert!(!chart("pie").contains("Did you mean"), "{}", chart("pie"));
        assert!(err("America").ends_with("Did you mean USA (United States)?"), "{}", err("America"));
        // A name of several words in `highlight` is one name, not one code per word.
        let h = |v: &str| Options::from_pairs([("chart", "map"), ("highlight", v)]).unwrap_err().message(&Cat::en());
        assert!(h("United States").starts_with("Invalid highlight “United States”") && h("United States").ends_with("Did you mean USA (United States)?"), "{}", h("United States"));
        assert!(h("Hong Kong").starts_with("Invalid highlight “Hong Kong”: Hong Kong SAR China is not one"), "{}", h("Hong Kong"));
        assert!(h("PHL, Hong Kong").starts_with("Invalid highlight “Hong Kong”"), "{}", h("PHL, Hong Kong"));
        // Codes between spaces are still codes: the message is about the wrong one.
        assert!(h("AUS PHL XYZ").starts_with("Invalid highlight “XYZ”"), "{}", h("AUS PHL XYZ"));
        assert!(!err("Mexico City").contains("Did you mean") || err("Mexico City").contains("MEX"));
    }

    #[test]
    fn an_empty_value_is_the_default() {
        let o = Options::from_pairs([("chart", ""), ("as-of", " "), ("width", ""), ("theme", ""), ("lang", ""), ("notes", ""), ("highlight", "")]).unwrap();
        assert_eq!((o.chart.name, o.as_of, o.highlight.len()), (charts::default_chart().name, data::data_as_of(), 0));
        // An option another chart takes, left empty by a template that serves every chart, is no error either.
        assert!(Options::from_pairs([("chart", "timeline"), ("country", "")]).is_ok());
        // The country card still needs its state.
        assert_eq!(Options::from_pairs([("chart", "country"), ("country", "")]).unwrap_err(), OptionError::CountryMissing);
        // A misspelt name is refused even without a value.
        assert!(matches!(Options::from_pairs([("highligt", "")]), Err(OptionError::Unknown { .. })));
    }
}
