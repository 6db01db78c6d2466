//! The blocks every chart carries, worded from the model's facts through the catalogue.
//!
//! The model computes what is true (how many parties, which are undated, what the depositary last reported); this
//! module only chooses the catalogue's messages and fills them. Chart modules call these functions; they hold no
//! prose of their own.

use crate::data::Treaty;
use crate::date::Day;
use crate::i18n::{Arg, Cat, Msg};
use crate::model::{Model, PalermoGap, SourceDate, StaysOut};

/// Text blocks of one chart, in reading order. Plain text (escaped on output).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Blocks {
    /// Headline.
    pub title: String,
    /// One line under the headline.
    pub subtitle: String,
    /// "What this measures: …" (with its lead).
    pub measures: String,
    /// "What it leaves out: …" (with its lead).
    pub leaves_out: String,
    /// Data-derived notes, each with its lead: gaps, derived dates, who stays out.
    pub notes: Vec<String>,
    /// Source line, with the data's as-of date.
    pub source: String,
}

/// `lead` followed by `body`, as a block starts ("Note: …").
pub fn with_lead(cat: &Cat, lead: Msg, body: &str) -> String {
    format!("{} {body}", cat.t(lead))
}

/// A note: "Note: " and the text.
pub fn note(cat: &Cat, body: &str) -> String {
    with_lead(cat, Msg::NoteLead, body)
}

/// Names of participants by ISO3, in the catalogue's language.
fn names(cat: &Cat, iso3: &[&'static str]) -> String {
    let v: Vec<&str> = iso3.iter().map(|c| cat.name(c)).collect();
    cat.list(&v)
}

/// The source line.
pub fn source(cat: &Cat, data_as_of: Day) -> String {
    cat.f(Msg::Source, &[("date", Arg::Day(data_as_of))])
}

/// The notes every chart shares: the Palermo data gap (after the last complete list) and who stays out of the
/// Migrant Workers Convention (once it is in force).
pub fn shared(cat: &Cat, model: &Model, as_of: Day) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(g) = model.palermo_gap(as_of) {
        out.push(note(cat, &palermo_gap(cat, &g)));
    }
    if let Some(s) = model.stays_out(as_of) {
        out.push(note(cat, &stays_out(cat, &s)));
    }
    out
}

/// The sentence on who stays out.
pub fn stays_out(cat: &Cat, s: &StaysOut) -> String {
    let palermo = match &s.palermo {
        None => String::new(),
        Some((n, undated)) if undated.is_empty() => cat.f(Msg::StaysOutPalermo, &[("n", Arg::Num(*n as i64))]),
        Some((n, undated)) if s.newest => cat.f(
            Msg::StaysOutPalermoUndated,
            &[("n", Arg::Num(*n as i64)), ("m", Arg::Num((n + undated.len()) as i64)), ("names", Arg::Str(&names(cat, undated)))],
        ),
        Some((n, undated)) => cat.f(
            Msg::StaysOutPalermoNotCounting,
            &[
                ("n", Arg::Num(*n as i64)),
                ("names", Arg::Str(&names(cat, undated))),
                ("date", Arg::Day(Treaty::Palermo.info().complete_list_as_of)),
            ],
        ),
    };
    cat.f(
        Msg::StaysOut,
        &[
            ("top", Arg::Num(s.top as i64)),
            ("n", Arg::Num(s.icrmw.len() as i64)),
            ("names", Arg::Str(&names(cat, &s.icrmw))),
            ("date", Arg::Day(s.as_of)),
            ("palermo", Arg::Str(&palermo)),
        ],
    )
}

/// A source's date in words.
fn source_date(cat: &Cat, d: SourceDate) -> String {
    match d {
        SourceDate::Day(d) => cat.day(d),
        SourceDate::Month(y, m) => cat.month_year(y, m),
        SourceDate::Year(y) => y.to_string(),
    }
}

/// The note on the Palermo Protocol's incomplete data after its last complete depositary list.
pub fn palermo_gap(cat: &Cat, g: &PalermoGap) -> String {
    let mut s = cat.f(Msg::GapIntro, &[("date", Arg::Day(g.complete))]);
    let derived = match g.derived {
        0 => String::new(),
        d if d == g.later_dated => cat.t(Msg::GapDerivedAll).to_string(),
        d => cat.f(Msg::GapDerived, &[("d", Arg::Num(d as i64))]),
    };
    s.push_str(&cat.f(Msg::GapDated, &[("n", Arg::Num(g.later_dated as i64)), ("derived", Arg::Str(&derived))]));
    let undated = g.undated.len() as i64;
    if undated > 0 {
        let maybe = if g.newest {
            String::new()
        } else {
            cat.f(Msg::GapUndatedMaybe, &[("n", Arg::Num(undated)), ("as_of", Arg::Day(g.as_of))])
        };
        s.push_str(&cat.f(
            Msg::GapUndated,
            &[
                ("n", Arg::Num(undated)),
                ("names", Arg::Str(&names(cat, &g.undated))),
                ("date", Arg::Day(g.complete)),
                ("maybe", Arg::Str(&maybe)),
            ],
        ));
    }
    let mut highest_published = 0;
    if let Some((day, published, dated)) = g.depositary {
        if published > dated {
            highest_published = published;
            let more = if undated == 0 { String::new() } else { cat.f(Msg::GapDepositaryMore, &[("u", Arg::Num(undated))]) };
            let missing = i64::from(published) - i64::from(dated) - undated;
            let gap = if missing > 0 { cat.f(Msg::GapDepositaryMissing, &[("m", Arg::Num(missing))]) } else { String::new() };
            s.push_str(&cat.f(
                Msg::GapDepositary,
                &[
                    ("published", Arg::Num(i64::from(published))),
                    ("date", Arg::Day(day)),
                    ("dated", Arg::Num(i64::from(dated))),
                    ("more", Arg::Str(&more)),
                    ("gap", Arg::Str(&gap)),
                ],
            ));
        }
    }
    if let Some((when, n)) = g.secondary {
        if n > highest_published {
            s.push_str(&cat.f(Msg::GapSecondary, &[("n", Arg::Num(i64::from(n))), ("when", Arg::Str(&source_date(cat, when)))]));
        }
    }
    s.push_str(cat.t(Msg::GapMinimum));
    s
}

/// Blocks of the timeline chart (notes and source are filled by the chart).
pub fn timeline(cat: &Cat, as_of: Day, first_year: i32) -> Blocks {
    let subtitle = if as_of.year() == first_year {
        cat.f(Msg::TimelineSubtitleDay, &[("date", Arg::Day(as_of))])
    } else {
        cat.f(Msg::TimelineSubtitle, &[("first", Arg::Plain(i64::from(first_year))), ("date", Arg::Day(as_of))])
    };
    Blocks {
        title: cat.t(Msg::TimelineTitle).into(),
        subtitle,
        measures: with_lead(cat, Msg::MeasuresLead, cat.t(Msg::TimelineMeasures)),
        leaves_out: with_lead(cat, Msg::LeavesOutLead, cat.t(Msg::LeavesOutCore)),
        notes: Vec::new(),
        source: String::new(),
    }
}

/// Blocks of the status chart; `states` is the number of states counted (195).
pub fn status(cat: &Cat, as_of: Day, states: u16) -> Blocks {
    Blocks {
        title: cat.f(Msg::StatusTitle, &[("n", Arg::Num(i64::from(states)))]),
        subtitle: cat.f(Msg::StatusSubtitle, &[("date", Arg::Day(as_of))]),
        measures: with_lead(cat, Msg::MeasuresLead, cat.t(Msg::StatusMeasures)),
        leaves_out: format!(
            "{} {}",
            with_lead(cat, Msg::LeavesOutLead, cat.t(Msg::LeavesOutCore)),
            cat.t(Msg::StatusLeavesOutExtra)
        ),
        notes: Vec::new(),
        source: String::new(),
    }
}
