//! Chart options, validated once at the edge.
//!
//! The CLI's flags and the custom element's attributes are the same vocabulary: `chart`, `as-of`, `width`,
//! `chart-title`. [`Options::from_pairs`] turns raw strings into [`Options`], which cannot be invalid; every error
//! names the option, the value and what would be valid. Unknown (misspelt) options are errors, not ignored.

use crate::data;
use crate::date::{DateError, Day};
use std::fmt;

/// The kinds of chart this crate draws. One module per kind lives in `charts/`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartKind {
    /// Parties to each treaty over time (step lines).
    Timeline,
    /// Parties / signatories only / neither among the 195 UN member and observer states (stacked bars).
    Status,
}

impl ChartKind {
    /// Every kind, in the order the error messages list them.
    pub const ALL: [ChartKind; 2] = [ChartKind::Timeline, ChartKind::Status];

    /// The option value naming this kind.
    pub fn name(self) -> &'static str {
        match self {
            ChartKind::Timeline => "timeline",
            ChartKind::Status => "status",
        }
    }
}

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

/// The option names, as attributes and as CLI flags (`--as-of`).
pub const OPTION_NAMES: [&str; 4] = ["chart", "as-of", "width", "chart-title"];

/// Valid options for one chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Which chart.
    pub chart: ChartKind,
    /// The day the chart describes (inclusive), between 1 Jan 1990 and the data's as-of date.
    pub as_of: Day,
    /// Width of the whole chart in CSS px ([`MIN_WIDTH`]..=[`MAX_WIDTH`]).
    pub width: u32,
    /// Replaces the default title when set (plain text; escaped on output).
    pub title: Option<String>,
}

/// A rejected option. `Display` is the sentence shown inside the widget and printed by the CLI.
#[derive(Clone, Debug, PartialEq)]
pub enum OptionError {
    /// An option this crate does not know (often a typo).
    Unknown(String),
    /// `chart` is not one of [`ChartKind::ALL`].
    Chart(String),
    /// `as-of` is malformed or not a calendar date.
    Date(DateError),
    /// `as-of` is a real date outside the data.
    DateOutOfRange { value: Day, first: Day, last: Day },
    /// `width` is not a whole number in range.
    Width(String),
    /// `chart-title` is empty or too long.
    Title(String),
    /// The same option was given twice (a repeated CLI flag or URL parameter); neither value is guessed.
    Repeated(String),
}

impl fmt::Display for OptionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names = ChartKind::ALL.map(ChartKind::name).join(", ");
        match self {
            OptionError::Unknown(k) => write!(f, "Unknown option “{k}”. Valid options: {}.", OPTION_NAMES.join(", ")),
            OptionError::Chart(v) => write!(f, "Invalid chart “{v}”. Valid charts: {names}."),
            OptionError::Date(e) => {
                let last = data::data_as_of();
                write!(f, "Invalid as-of: {e}. Use a date from {FIRST_YEAR}-01-01 to {last}.")
            }
            OptionError::DateOutOfRange { value, first, last } => {
                let side = if value < first { "before the timeline starts" } else { "after the newest data" };
                write!(f, "Invalid as-of: {value} is {side}. Use a date from {first} to {last}.")
            }
            OptionError::Width(v) => {
                write!(f, "Invalid width “{v}”. Use a whole number of pixels from {MIN_WIDTH} to {MAX_WIDTH}.")
            }
            OptionError::Title(why) => write!(f, "Invalid chart-title: {why}."),
            OptionError::Repeated(k) => write!(f, "The option “{k}” is given more than once. Give each option once."),
        }
    }
}

impl std::error::Error for OptionError {}

/// A rejected value as the message quotes it: at most 40 characters, invisible control and bidirectional
/// formatting characters shown as escapes (`status\u{0}` rather than a `status` that looks valid; a
/// right-to-left override cannot reverse the rest of the message).
fn clip(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().take(40) {
        let bidi = matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        if c.is_control() || bidi {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

impl Options {
    /// Default options for a chart kind: as of the newest data, [`DEFAULT_WIDTH`] wide.
    pub fn new(chart: ChartKind) -> Options {
        Options { chart, as_of: data::data_as_of(), width: DEFAULT_WIDTH, title: None }
    }

    /// Validates `(name, value)` pairs. Missing options take their defaults (`chart`: timeline; `as-of`: the
    /// newest date in the data; `width`: 640). Surrounding white space in values is ignored; an option given
    /// twice is an error.
    ///
    /// # Errors
    /// The first invalid or unknown option, as an [`OptionError`].
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Options, OptionError> {
        let mut o = Options::new(ChartKind::Timeline);
        let mut seen: Vec<&str> = Vec::new();
        for (k, v) in pairs {
            if seen.contains(&k) {
                return Err(OptionError::Repeated(clip(k)));
            }
            seen.push(k);
            let v = v.trim();
            match k {
                "chart" => {
                    // Case-insensitive, as HTML's enumerated attributes are.
                    o.chart = ChartKind::ALL
                        .into_iter()
                        .find(|c| c.name().eq_ignore_ascii_case(v))
                        .ok_or_else(|| OptionError::Chart(clip(v)))?;
                }
                "as-of" => o.as_of = parse_as_of(v)?,
                "width" => {
                    o.width = v
                        .parse::<u32>()
                        .ok()
                        .filter(|w| (MIN_WIDTH..=MAX_WIDTH).contains(w))
                        .ok_or_else(|| OptionError::Width(clip(v)))?;
                }
                "chart-title" => {
                    if v.is_empty() {
                        return Err(OptionError::Title("it is empty".into()));
                    }
                    if v.chars().count() > MAX_TITLE_CHARS {
                        return Err(OptionError::Title(format!("it is longer than {MAX_TITLE_CHARS} characters")));
                    }
                    o.title = Some(v.to_string());
                }
                other => return Err(OptionError::Unknown(clip(other))),
            }
        }
        Ok(o)
    }
}

/// Parses and range-checks an as-of date.
///
/// # Errors
/// [`OptionError::Date`] for malformed or impossible dates, [`OptionError::DateOutOfRange`] outside
/// 1990-01-01 ..= the data's as-of date.
pub fn parse_as_of(v: &str) -> Result<Day, OptionError> {
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
mod tests {
    use super::*;

    fn err(pairs: &[(&str, &str)]) -> String {
        Options::from_pairs(pairs.iter().copied()).unwrap_err().to_string()
    }

    #[test]
    fn defaults_and_valid_values() {
        let o = Options::from_pairs([("chart", "status"), ("as-of", "2020-08-03"), ("width", "375")]).unwrap();
        assert_eq!((o.chart, o.as_of.to_string(), o.width), (ChartKind::Status, "2020-08-03".into(), 375));
        let d = Options::from_pairs([]).unwrap();
        assert_eq!((d.chart, d.as_of.to_string(), d.width), (ChartKind::Timeline, "2026-02-03".into(), 640));
    }

    #[test]
    fn errors_name_the_option_and_what_is_valid() {
        assert_eq!(err(&[("chart", "pie")]), "Invalid chart “pie”. Valid charts: timeline, status.");
        assert_eq!(err(&[("chart", "status\u{0}")]), "Invalid chart “status\\u{0}”. Valid charts: timeline, status.");
        assert_eq!(Options::from_pairs([("chart", "STATUS")]).map(|o| o.chart), Ok(ChartKind::Status));
        assert!(err(&[("as-of", "\u{202e}2020-08-03")]).starts_with("Invalid as-of: “\\u{202e}2020-08-03” is not a date"), "{}", err(&[("as-of", "\u{202e}2020-08-03")]));
        assert_eq!(
            err(&[("as-of", "2019-02-30")]),
            "Invalid as-of: 2019-02-30 is not a calendar date: February 2019 has 28 days. Use a date from 1990-01-01 to 2026-02-03."
        );
        assert!(err(&[("as-of", "3 Feb 2020")]).contains("not a date of the form YYYY-MM-DD"));
        assert_eq!(
            err(&[("as-of", "1989-12-31")]),
            "Invalid as-of: 1989-12-31 is before the timeline starts. Use a date from 1990-01-01 to 2026-02-03."
        );
        assert!(err(&[("as-of", "2027-01-01")]).contains("after the newest data"));
        assert!(err(&[("width", "wide")]).contains("from 280 to 2400"));
        assert!(err(&[("width", "100")]).contains("“100”"));
        assert_eq!(err(&[("as_of", "2020-01-01")]), "Unknown option “as_of”. Valid options: chart, as-of, width, chart-title.");
        assert!(err(&[("chart-title", "  ")]).contains("empty"));
        assert_eq!(
            err(&[("chart", "status"), ("chart", "timeline")]),
            "The option “chart” is given more than once. Give each option once."
        );
    }
}
