//! The blocks every chart carries, worded from the model's facts through the catalogue.
//!
//! Each chart shows three short blocks by default — what it measures, what it leaves out, and the one caveat that
//! matters most for that chart on that date — about 60 words in all. Everything else is "About this data": what
//! the treaties require, how parties are counted, the Palermo data gap, who stays out, the European Union,
//! today's states on a past date, what a migrant stock counts. In the element it is a disclosure under the
//! chart; in the standalone SVG and in print (`notes="full"`) it is written out in full. Every block has its own
//! sentences: none is repeated in another block of the same chart, and the same fact is worded by the same
//! message in every chart.
//!
//! The model computes what is true; this module only chooses messages and fills them.

use crate::data::{self, Treaty};
use crate::date::Day;
use crate::i18n::{Arg, Cat, Msg};
use crate::model::{Model, PalermoGap, Range, SourceDate, Status, When};

/// Text blocks of one chart, in reading order. Plain text (escaped on output).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Blocks {
    /// Headline.
    pub title: String,
    /// The chart's accessible name (the SVG's `<title>`, the iframe page's title, the builder's iframe `title`): the
    /// headline, unless a headline that is only a name needs words to say what the chart is (the country card).
    pub label: String,
    /// One line under the headline.
    pub subtitle: String,
    /// "What this measures: …" (with its lead).
    pub measures: String,
    /// "What it leaves out: …" (with its lead).
    pub leaves_out: String,
    /// "Note: …": the main caveat of this chart on this date (with its lead), if any.
    pub caveat: Option<String>,
    /// "About this data": the other notes, one paragraph each (no lead).
    pub about: Vec<String>,
    /// How complete each treaty's list is.
    pub completeness: String,
    /// Source line.
    pub source: String,
}

impl Blocks {
    /// A chart's blocks: its headline and subtitle, what it measures and leaves out (bodies without their leads;
    /// the leads are added), its caveat and "About this data" paragraphs, and the completeness and source lines
    /// every chart carries.
    pub fn new(cat: &Cat, title: String, subtitle: String, measures: &str, leaves_out: &str, caveat: Option<String>, about: Vec<String>) -> Blocks {
        Blocks {
            label: title.clone(),
            title,
            subtitle,
            measures: with_lead(cat, Msg::MeasuresLead, measures),
            leaves_out: with_lead(cat, Msg::LeavesOutLead, leaves_out),
            caveat,
            about,
            completeness: completeness(cat),
            source: source(cat),
        }
    }
}

/// How much of the notes a chart shows: the three short blocks (the rest in the element's disclosure), or all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Notes {
    /// Measures, leaves out, one caveat (about 60 words); the element adds "About this data".
    #[default]
    Short,
    /// Everything, for standalone SVGs and print.
    Full,
}

impl Notes {
    /// Every value, as the option spells it.
    pub const ALL: [Notes; 2] = [Notes::Short, Notes::Full];

    /// `short` or `full`.
    pub fn name(self) -> &'static str {
        match self {
            Notes::Short => "short",
            Notes::Full => "full",
        }
    }
}

/// What kind of counts a chart makes, for choosing its notes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counts {
    /// Parties as the depositary counts them, the European Union included (the timeline).
    Parties,
    /// The 195 states only (status, map, regions, coverage, country).
    States,
}

/// `lead` followed by `body`, as a block starts ("Note: …").
pub fn with_lead(cat: &Cat, lead: Msg, body: &str) -> String {
    format!("{} {body}", cat.t(lead))
}

/// Names of participants by ISO3, in the catalogue's language, as a list inside a sentence ([`Cat::name_in_text`]:
/// "the Philippines and Mexico").
pub fn names(cat: &Cat, iso3: &[&'static str]) -> String {
    let v: Vec<String> = iso3.iter().map(|c| cat.name_in_text(c)).collect();
    cat.list(&v.iter().map(String::as_str).collect::<Vec<_>>())
}

/// A count that may be a range: `177` or `177–178`.
pub fn count(cat: &Cat, r: Range) -> String {
    if r.exact() {
        cat.num(i64::from(r.min))
    } else {
        cat.f(Msg::Range, &[("min", Arg::Num(i64::from(r.min))), ("max", Arg::Num(i64::from(r.max)))])
    }
}

/// A date known within a range: `between 1 Feb 2019 and 31 Mar 2020`, or `in November 2022` when the range is
/// one calendar month.
pub fn range(cat: &Cat, not_before: Day, not_after: Day) -> String {
    let (y, m, d) = not_before.ymd();
    if d == 1 && Day::last_of_month(y, m) == Some(not_after) {
        return cat.f(Msg::RangeMonth, &[("month", Arg::MonthYear(y, m))]);
    }
    cat.f(Msg::RangeBetween, &[("a", Arg::Day(not_before)), ("b", Arg::Day(not_after))])
}

/// The completeness line.
pub fn completeness(cat: &Cat) -> String {
    cat.f(
        Msg::Completeness,
        &[("p", Arg::Day(Treaty::Palermo.info().complete_list_as_of)), ("i", Arg::Day(Treaty::Icrmw.info().complete_list_as_of))],
    )
}

/// The source line.
pub fn source(cat: &Cat) -> String {
    cat.t(Msg::Source).to_string()
}

fn source_date(cat: &Cat, d: SourceDate) -> String {
    match d {
        SourceDate::Day(d) => cat.day(d),
        SourceDate::Month(y, m) => cat.month_year(y, m),
        SourceDate::Year(y) => y.to_string(),
    }
}

/// The paragraph on the Palermo Protocol's data after its last complete list.
pub fn gap_text(cat: &Cat, g: &PalermoGap) -> String {
    let derived = match g.derived() {
        0 => String::new(),
        d => cat.f(Msg::GapDerived, &[("d", Arg::Num(d as i64))]),
    };
    let ranged: Vec<String> = g
        .ranged()
        .iter()
        .map(|l| cat.f(Msg::GapRangedItem, &[("name", Arg::Str(cat.name(l.iso3))), ("range", Arg::Str(&range(cat, l.when.earliest(), l.when.latest())))]))
        .collect();
    let ranged = if ranged.is_empty() {
        String::new()
    } else {
        let items: Vec<&str> = ranged.iter().map(String::as_str).collect();
        cat.f(Msg::GapRanged, &[("list", Arg::Str(&cat.list(&items)))])
    };
    let depositary = match g.depositary {
        Some((day, published, ours)) if published != ours.max || !ours.exact() => cat.f(
            Msg::GapDepositary,
            &[("published", Arg::Num(i64::from(published))), ("date", Arg::Day(day)), ("ours", Arg::Str(&count(cat, ours)))],
        ),
        _ => String::new(),
    };
    let highest = g.depositary.map_or(0, |d| d.1);
    let secondary = match g.secondary {
        Some((when, n)) if n > highest => {
            cat.f(Msg::GapSecondary, &[("n", Arg::Num(i64::from(n))), ("when", Arg::Str(&source_date(cat, when)))])
        }
        _ => String::new(),
    };
    cat.f(
        Msg::GapText,
        &[
            ("date", Arg::Day(g.complete)),
            ("n", Arg::Num(g.later.len() as i64)),
            ("derived", Arg::Str(&derived)),
            ("ranged", Arg::Str(&ranged)),
            ("depositary", Arg::Str(&depositary)),
            ("secondary", Arg::Str(&secondary)),
        ],
    )
}

/// The "About this data" paragraphs for a chart of `counts` on `as_of`.
pub fn about(cat: &Cat, model: &Model, as_of: Day, counts: Counts, stock: bool) -> Vec<String> {
    let mut out = vec![cat.t(Msg::TreatiesText).to_string(), cat.t(Msg::CountingText).to_string()];
    if let Some(g) = model.palermo_gap(as_of) {
        out.push(gap_text(cat, &g));
    }
    let stays = model.stays_out(as_of);
    if let Some(s) = &stays {
        out.push(cat.f(
            if past(as_of) { Msg::StaysOutTextPast } else { Msg::StaysOutText },
            &[
                ("top", Arg::Num(s.top as i64)),
                ("n", Arg::Num(s.icrmw.len() as i64)),
                ("names", Arg::Str(&names(cat, &s.icrmw))),
                ("p", Arg::Str(&count(cat, s.palermo))),
                ("date", Arg::Day(as_of)),
            ],
        ));
        out.extend(stays_out_shares(cat, model, as_of));
    }
    if counts == Counts::States {
        if let Some(d) = eu_date(model).filter(|d| *d <= as_of) {
            out.push(cat.f(Msg::EuText, &[("date", Arg::Day(d))]));
        }
        if as_of < data::data_as_of() {
            out.push(cat.f(Msg::TodaysStatesText, &[("date", Arg::Day(as_of))]));
        }
    }
    if stock || stays.is_some() {
        out.push(cat.t(Msg::StockText).to_string());
    }
    out
}

/// The paragraph on the Convention's parties' shares of the world's migrants and emigrants (when it is open).
pub fn stays_out_shares(cat: &Cat, model: &Model, as_of: Day) -> Option<String> {
    let s = model.stays_out(as_of)?;
    Some(cat.f(
        if past(as_of) { Msg::StaysOutSharesPast } else { Msg::StaysOutShares },
        &[
            ("imm", Arg::Str(&share(cat, s.coverage.immigrants, s.coverage.world_immigrants))),
            ("emi", Arg::Str(&share(cat, s.coverage.emigrants, s.coverage.world_emigrants))),
            ("date", Arg::Day(as_of)),
        ],
    ))
}

/// True for a date before the newest data: sentences about who is a party then take the past tense and name the
/// date, and mark the migrant figures (mid-2024's, the only ones the data has) as of 2024.
pub fn past(as_of: Day) -> bool {
    as_of < data::data_as_of()
}

/// The day the European Union became a Palermo party.
fn eu_date(model: &Model) -> Option<Day> {
    model.participation(Treaty::Palermo, data::EU).and_then(|p| p.deposit).and_then(|d| d.when.day())
}

/// A share of the world's migrants, in tenths of a per cent: `13.5%`, or `93.8–94.0%` as a range. A share that is
/// not zero but rounds to 0.0% reads `<0.1%`, one short of the whole that rounds to 100.0% `>99.9%` (en).
pub fn share(cat: &Cat, part: (u64, u64), whole: u64) -> String {
    let (a, b) = (crate::model::Coverage::tenths(part.0, whole), crate::model::Coverage::tenths(part.1, whole));
    if a == b && a == 0 && part.1 > 0 {
        cat.f(Msg::Below, &[("n", Arg::Str(&cat.tenths(1)))])
    } else if a == b && a == 1000 && part.0 < whole {
        cat.f(Msg::Above, &[("n", Arg::Str(&cat.tenths(999)))])
    } else if a == b {
        cat.tenths(a)
    } else {
        let numbers = cat.f(Msg::Range, &[("min", Arg::Str(&cat.decimal(a))), ("max", Arg::Str(&cat.decimal(b)))]);
        crate::text::replace(cat.0.percent, "{n}", &numbers)
    }
}

/// `s` with its first letter in lower case (a sentence that follows a lead such as "What it leaves out:").
pub fn lowercase_first(s: &str) -> String {
    crate::text::first_with(s, crate::text::lower)
}

/// Caveat: a treaty's count on `as_of` is a range; names the states that make it one. `counts` says whether the
/// chart counts parties as the depositary does (the EU included) or the 195 states.
pub fn caveat_range(cat: &Cat, model: &Model, as_of: Day, counts: Counts) -> Option<String> {
    for t in Treaty::ALL {
        let r = match counts {
            Counts::Parties => model.parties_on(t, as_of),
            Counts::States => model.status_counts(t, as_of).parties(),
        };
        if r.exact() {
            continue;
        }
        let maybe: Vec<&'static str> = model
            .deposits(t)
            .iter()
            .filter(|d| model.status_of(t, d.iso3, as_of) == Status::MaybeParty)
            .map(|d| d.iso3)
            .collect();
        // A count of states next to the timeline's count of parties: say how the two differ, in the same note.
        let eu = counts == Counts::States && model.eu_party_on(t, as_of);
        let key = match counts {
            Counts::States if eu => Msg::CaveatRangeStatesEu,
            Counts::States => Msg::CaveatRangeStates,
            Counts::Parties => Msg::CaveatRange,
        };
        return Some(cat.f(
            key,
            &[
                ("t", Arg::Key(t.tag())),
                ("treaty", Arg::Str(cat.treaty(t))),
                ("count", Arg::Str(&count(cat, r))),
                ("date", Arg::Day(as_of)),
                ("n", Arg::Num(maybe.len() as i64)),
                ("names", Arg::Str(&names(cat, &maybe))),
                ("parties", Arg::Str(&count(cat, model.parties_on(t, as_of)))),
            ],
        ));
    }
    None
}

/// Caveat: the Palermo data after its last complete list; on a chart of `Counts::States`, also how many of the
/// parties are states (the European Union is not).
pub fn caveat_gap(cat: &Cat, model: &Model, as_of: Day, counts: Counts) -> Option<String> {
    let g = model.palermo_gap(as_of)?;
    Some(match g.depositary {
        Some((day, published, ours)) => {
            let eu = u16::from(model.eu_party_on(Treaty::Palermo, as_of));
            let states = crate::model::Range { min: ours.min.saturating_sub(eu), max: ours.max.saturating_sub(eu) };
            cat.f(
                if counts == Counts::States { Msg::CaveatGapStates } else { Msg::CaveatGap },
                &[
                    ("date", Arg::Day(g.complete)),
                    ("published", Arg::Num(i64::from(published))),
                    ("day", Arg::Day(day)),
                    ("ours", Arg::Str(&count(cat, ours))),
                    ("states", Arg::Str(&count(cat, states))),
                ],
            )
        }
        None => cat.f(Msg::CaveatGapEarly, &[("date", Arg::Day(g.complete))]),
    })
}

/// Caveat: a treaty not yet open for signature, or not yet in force, on `as_of` (the first that applies).
pub fn caveat_early(cat: &Cat, as_of: Day) -> Option<String> {
    caveat_not_open(cat, as_of).or_else(|| caveat_not_in_force(cat, as_of))
}

/// [`caveat_early`] for a chart of one treaty, `t`: about that treaty alone (a one-treaty map must not speak of
/// the other's dates).
pub fn caveat_early_for(cat: &Cat, as_of: Day, t: Treaty) -> Option<String> {
    let (msg, date) = if !t.open_on(as_of) {
        (Msg::CaveatNotOpen, t.info().opened_for_signature)
    } else if t.info().entry_into_force > as_of {
        (Msg::CaveatNotInForce, t.info().entry_into_force)
    } else {
        return None;
    };
    let args = [("t", Arg::Key(t.tag())), ("treaty", Arg::Str(cat.treaty(t))), ("as_of", Arg::Day(as_of)), ("date", Arg::Day(date))];
    Some(cat.f(msg, &args))
}

/// Caveat: a treaty not yet open for signature on `as_of`, or neither in one sentence.
fn caveat_not_open(cat: &Cat, as_of: Day) -> Option<String> {
    if Treaty::ALL.iter().all(|t| !t.open_on(as_of)) {
        // Neither: one sentence, so that naming one does not read as if the other were open.
        let day = |t: Treaty| Arg::Day(t.info().opened_for_signature);
        return Some(cat.f(Msg::CaveatNoneOpen, &[("as_of", Arg::Day(as_of)), ("icrmw", day(Treaty::Icrmw)), ("palermo", day(Treaty::Palermo))]));
    }
    let t = Treaty::ALL.into_iter().find(|t| !t.open_on(as_of))?;
    let args = [("t", Arg::Key(t.tag())), ("treaty", Arg::Str(cat.treaty(t))), ("as_of", Arg::Day(as_of)), ("date", Arg::Day(t.info().opened_for_signature))];
    Some(cat.f(Msg::CaveatNotOpen, &args))
}

/// Caveat: a treaty open for signature but not yet in force on `as_of`, or both in one sentence.
/// The timeline uses this one alone: its plot already says, where the line would be, that a treaty was not yet
/// open.
pub fn caveat_not_in_force(cat: &Cat, as_of: Day) -> Option<String> {
    let pending: Vec<Treaty> = Treaty::ALL.into_iter().filter(|t| t.open_on(as_of) && t.info().entry_into_force > as_of).collect();
    if pending.len() > 1 {
        // Both: one sentence, so that naming one does not read as if the other were in force.
        let day = |t: Treaty| Arg::Day(t.info().entry_into_force);
        return Some(cat.f(Msg::CaveatNoneInForce, &[("as_of", Arg::Day(as_of)), ("icrmw", day(Treaty::Icrmw)), ("palermo", day(Treaty::Palermo))]));
    }
    let t = pending.first().copied()?;
    let args = [("t", Arg::Key(t.tag())), ("treaty", Arg::Str(cat.treaty(t))), ("as_of", Arg::Day(as_of)), ("date", Arg::Day(t.info().entry_into_force))];
    Some(cat.f(Msg::CaveatNotInForce, &args))
}

/// Caveat: who stays out of the Migrant Workers Convention.
pub fn caveat_stays_out(cat: &Cat, model: &Model, as_of: Day) -> Option<String> {
    let s = model.stays_out(as_of)?;
    Some(cat.f(
        if past(as_of) { Msg::CaveatStaysOutPast } else { Msg::CaveatStaysOut },
        &[("top", Arg::Num(s.top as i64)), ("n", Arg::Num(s.icrmw.len() as i64)), ("names", Arg::Str(&names(cat, &s.icrmw))), ("date", Arg::Day(as_of))],
    ))
}

/// Caveat: the European Union is a party but not counted (when it is a party by `as_of`).
pub fn caveat_eu(cat: &Cat, model: &Model, as_of: Day) -> Option<String> {
    model.eu_party_on(Treaty::Palermo, as_of).then(|| cat.t(Msg::CaveatEu).to_string())
}

/// Caveat: today's states on a past date.
pub fn caveat_todays_states(cat: &Cat, as_of: Day) -> Option<String> {
    (as_of < data::data_as_of()).then(|| cat.f(Msg::TodaysStatesText, &[("date", Arg::Day(as_of))]))
}

/// The first caveat that applies, with its lead; the paragraph it repeats (if any) is dropped from `about`.
pub fn first_caveat(cat: &Cat, candidates: impl IntoIterator<Item = Option<String>>, about: &mut Vec<String>) -> Option<String> {
    let c = candidates.into_iter().flatten().next()?;
    about.retain(|p| *p != c);
    Some(with_lead(cat, Msg::NoteLead, &c))
}

/// A state's standing under `t` on `day`, in a few words (`party since 14 Sep 2005`).
pub fn standing(cat: &Cat, model: &Model, iso3: &str, t: Treaty, day: Day) -> String {
    let p = model.participation(t, iso3);
    if t.info().opened_for_signature > day {
        return cat.t(Msg::StandingNotOpen).to_string();
    }
    let when = p.and_then(|p| p.deposit).map(|d| d.when);
    match (model.status_of(t, iso3, day), when) {
        (Status::Party, Some(When::On(d))) => cat.f(Msg::StandingParty, &[("date", Arg::Day(d))]),
        (Status::Party, Some(w)) => cat.f(Msg::StandingPartyRange, &[("range", Arg::Str(&range(cat, w.earliest(), w.latest())))]),
        (Status::MaybeParty, Some(w)) => cat.f(Msg::StandingMaybe, &[("range", Arg::Str(&range(cat, w.earliest(), w.latest())))]),
        (Status::Signatory, _) => {
            let d = p.and_then(|p| p.signature).unwrap_or(day);
            cat.f(Msg::StandingSigned, &[("date", Arg::Day(d))])
        }
        _ => cat.t(Msg::StandingNeither).to_string(),
    }
}
