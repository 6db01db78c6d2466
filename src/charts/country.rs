//! `country`: one state's card (`country="AUS"`). Its name, region and membership; one plain sentence on where it
//! stands; under each treaty its status, signature and deposit dates and mode, flagging a date derived from entry
//! into force or known only within a range; how many states of its region are parties; and its international
//! migrants and emigrants (UN DESA 2024) with their share of its population.
//!
//! Marks: a status square per treaty (filled for a party, tint for a signatory, grey for neither, hatched while it
//! may be a party), each with its words. CSV: one row for the state.

use super::{dated_row, people, region_name, status_key, subregion_name, ChartDef, ChartError, Ctx};
use crate::data::{Treaty, UnStatus};
use crate::i18n::{Arg, Msg};
use crate::model::{State, Status, When};
use crate::notes::{self, Counts};
use crate::options::Opt;
use crate::spec::{Frame, Mark, Rect, Role, Spec, LEADING};
use crate::text;

/// Registry entry.
pub static CHART: ChartDef =
    ChartDef { name: "country", about: Msg::AboutCountry, options: &[Opt::Country], world: false, example: &[("country", "PHL")], build: super::only("country", build) };

/// Builds the country card.
fn build(cx: &Ctx<'_>) -> Result<Spec, ChartError> {
    let (model, o, cat) = (cx.model, cx.o, cx.cat);
    let as_of = o.as_of;
    let w = f64::from(o.width);
    let Some(state): Option<&State> = o.country.and_then(|c| model.state(c)) else { return Err(ChartError::NoCountry) };
    let iso3 = state.iso3();
    let name = cat.name(iso3);

    // The plain sentence under the name: one short sentence per treaty, without the name (the headline gives it),
    // so that no language needs an article or a preposition for it.
    let clause = |t: Treaty| {
        let (key, treaty) = (Arg::Key(t.tag()), Arg::Str(cat.treaty(t)));
        let p = state.under(t);
        let when = p.and_then(|p| p.deposit).map(|d| d.when);
        match (model.status(state, t, as_of), when) {
            (Status::NotOpen, _) => cat.f(Msg::ClauseNotOpen, &[("t", key), ("treaty", treaty), ("date", Arg::Day(t.info().opened_for_signature))]),
            (Status::Party, Some(When::On(d))) => cat.f(Msg::ClauseParty, &[("t", key), ("treaty", treaty), ("date", Arg::Day(d))]),
            (Status::Party, Some(w)) => {
                cat.f(Msg::ClausePartyRange, &[("t", key), ("treaty", treaty), ("range", Arg::Str(&notes::range(&cat, w.earliest(), w.latest())))])
            }
            (Status::MaybeParty, Some(w)) => {
                cat.f(Msg::ClauseMaybe, &[("t", key), ("treaty", treaty), ("range", Arg::Str(&notes::range(&cat, w.earliest(), w.latest())))])
            }
            (Status::Signatory, _) => {
                let d = p.and_then(|p| p.signature).unwrap_or(as_of);
                cat.f(Msg::ClauseSigned, &[("t", key), ("treaty", treaty), ("date", Arg::Day(d))])
            }
            _ => cat.f(Msg::ClauseNeither, &[("t", key), ("treaty", treaty)]),
        }
    };
    let neither_both = Treaty::ALL.iter().all(|t| model.status(state, *t, as_of) == Status::Neither);
    let sentence = if neither_both {
        cat.t(Msg::ClauseNeitherBoth).to_string()
    } else {
        format!("{} {}", clause(Treaty::Palermo), clause(Treaty::Icrmw))
    };

    let mut about = notes::about(&cat, model, as_of, Counts::States, true);
    // On a past date the card says it shows today's state (South Sudan in 2005 had not yet become one), and that
    // its migrant figures are mid-2024's; its UN membership is today's (the data has no dates of independence or
    // admission).
    let past = as_of < crate::data::data_as_of();
    let past_note = past.then(|| cat.f(Msg::CountryPastText, &[("date", Arg::Day(as_of))]));
    let caveat = notes::first_caveat(&cat, [past_note, Some(cat.t(Msg::StockYearText).to_string())], &mut about);
    let membership = cat.t(match (state.country.un == UnStatus::Observer, past) {
        (true, false) => Msg::UnObserver,
        (false, false) => Msg::UnMember,
        (true, true) => Msg::UnObserverToday,
        (false, true) => Msg::UnMemberToday,
    });
    let mut blocks = notes::Blocks::new(
        &cat,
        o.title.clone().unwrap_or_else(|| name.to_string()),
        cat.f(
            Msg::CountrySubtitle,
            &[
                ("region", Arg::Str(region_name(&cat, state.country.region))),
                ("subregion", Arg::Str(subregion_name(&cat, state.country.subregion))),
                ("membership", Arg::Str(membership)),
            ],
        ),
        cat.t(Msg::CountryMeasures),
        cat.t(Msg::CountryLeavesOut),
        caveat,
        about,
    );
    // The headline is the state's name alone; its accessible name says what the card is about (a chosen headline
    // is its own name).
    if o.title.is_none() {
        blocks.label = cat.f(
            Msg::CountryLabel,
            &[("name", Arg::Str(name)), ("palermo", Arg::Str(cat.treaty(Treaty::Palermo))), ("icrmw", Arg::Str(cat.treaty(Treaty::Icrmw)))],
        );
    }

    let mut f = Frame::new(w, cat);
    f.header(&blocks.title, &blocks.subtitle);
    let th = f.sizes;
    let inner = f.inner();
    let plot_top = f.y;
    f.paragraph(&sentence, th.subtitle, Role::Ink, false, "");
    f.y += 6.0;

    // One block per treaty: a status square and words, then the dates.
    let region_states: Vec<&State> = model.un_states().filter(|s| s.country.region == state.country.region).collect();
    let two_columns = w >= 560.0;
    let col_w = if two_columns { (inner - 16.0) / 2.0 } else { inner };
    let top = f.y;
    let mut bottom = top;
    let mut csv_fields: Vec<String> = vec![iso3.to_string(), name.to_string(), region_name(&cat, state.country.region).to_string()];
    for (k, t) in Treaty::ALL.iter().copied().enumerate() {
        let x = if two_columns { th.pad + k as f64 * (col_w + 16.0) } else { th.pad };
        // On narrow cards the second treaty goes under the first, a gap apart.
        let mut y = if two_columns || k == 0 { top } else { bottom + 10.0 };
        // The treaty's name and its standing, each wrapped to the column (long names and ranges never run into the
        // next column or off the card).
        y += 4.0;
        for line in text::wrap(cat.treaty(t), th.label + 1.0, true, col_w) {
            y += (th.label + 1.0) * LEADING;
            let mut head = crate::spec::run(x, y - 3.0, line, th.label + 1.0, Role::text(t));
            head.bold = true;
            f.texts.push(head);
        }
        let st = model.status(state, t, as_of);
        let p = state.under(t);
        y += 4.0;
        let sq = Rect { x, y: y + th.body * LEADING - 11.0, w: 12.0, h: 12.0 };
        f.marks.push(match st {
            Status::Party => Mark::Rect { rect: sq, color: Role::party(t), hit: None },
            Status::MaybeParty => Mark::Hatch { rect: sq, color: Role::party(t), hit: None },
            Status::Signatory => Mark::Rect { rect: sq, color: Role::signatory(t), hit: None },
            Status::Neither | Status::NotOpen => Mark::Rect { rect: sq, color: Role::Neither, hit: None },
        });
        let standing = notes::standing(&cat, model, iso3, t, as_of);
        for line in text::wrap(&standing, th.body, true, col_w - 18.0) {
            y += th.body * LEADING;
            let mut sline = crate::spec::run(x + 18.0, y, line, th.body, Role::Ink);
            sline.bold = true;
            f.texts.push(sline);
        }
        let mut details = Vec::new();
        if st == Status::NotOpen {
            // The standing above says it is not yet open; this line gives only the day it opened.
            details.push(cat.f(Msg::DetailOpened, &[("date", Arg::Day(t.info().opened_for_signature))]));
        }
        match p.and_then(|p| p.signature).filter(|d| *d <= as_of) {
            Some(d) => details.push(cat.f(Msg::DetailSigned, &[("date", Arg::Day(d))])),
            // "Not signed" says something only beside a deposit (an accession without a signature).
            None if matches!(st, Status::Party | Status::MaybeParty) => details.push(cat.t(Msg::DetailNotSigned).to_string()),
            None => {}
        }
        let dep = p.and_then(|p| p.deposit).filter(|d| d.when.earliest() <= as_of);
        if let Some(d) = dep {
            let kind = cat.kind(d.kind);
            let kind_cap = crate::text::first_with(kind, crate::text::upper);
            details.push(match d.when {
                When::On(day) if d.derived => cat.f(Msg::DetailDepositDerived, &[("kind", Arg::Str(&kind_cap)), ("date", Arg::Day(day))]),
                When::On(day) => cat.f(Msg::DetailDeposit, &[("kind", Arg::Str(&kind_cap)), ("date", Arg::Day(day))]),
                When::Between { not_before, not_after, .. } => {
                    cat.f(Msg::DetailDepositRange, &[("kind", Arg::Str(&kind_cap)), ("range", Arg::Str(&notes::range(&cat, not_before, not_after)))])
                }
            });
        }
        let parties = region_states.iter().filter(|s| model.status(s, t, as_of) == Status::Party).count();
        let maybe = region_states.iter().filter(|s| model.status(s, t, as_of) == Status::MaybeParty).count();
        let r = crate::model::Range { min: parties as u16, max: (parties + maybe) as u16 };
        if st != Status::NotOpen {
            details.push(cat.f(
            if notes::past(as_of) { Msg::DetailRegionPast } else { Msg::DetailRegion },
            &[
                ("count", Arg::Str(&notes::count(&cat, r))),
                ("c", Arg::Num(i64::from(r.max))),
                ("n", Arg::Num(region_states.len() as i64)),
                ("region", Arg::Str(region_name(&cat, state.country.region))),
            ],
            ));
        }
        for d in details {
            for line in text::wrap(&d, th.body, false, col_w) {
                y += th.body * LEADING;
                f.texts.push(crate::spec::run(x, y, line, th.body, Role::Muted));
            }
        }
        bottom = bottom.max(y);
        let sig = p.and_then(|p| p.signature).filter(|d| *d <= as_of).map(|d| d.to_string()).unwrap_or_default();
        let day = dep.map(|d| match d.when {
            When::On(d) => d.to_string(),
            When::Between { not_before, not_after, .. } => format!("{not_before}/{not_after}"),
        });
        csv_fields.extend([
            status_key(st).to_string(),
            sig,
            day.unwrap_or_default(),
            dep.map(|d| d.kind.tag().to_string()).unwrap_or_default(),
            dep.map(|d| if d.derived { "yes" } else { "no" }.to_string()).unwrap_or_default(),
        ]);
    }
    f.y = bottom + 12.0;

    // Migrants: those living there, and those born there living abroad, with their share of its population.
    if let Some(m) = state.stock {
        let lines = [(Msg::CountryImmigrants, Msg::CountryImmigrantsNoShare, m.immigrants), (Msg::CountryEmigrants, Msg::CountryEmigrantsNoShare, m.emigrants)];
        for (with_share, without, n) in lines {
            let text = match m.population {
                Some(p) => cat.f(with_share, &[("m", Arg::Str(&people(&cat, n))), ("share", Arg::Str(&notes::share(&cat, (n, n), p)))]),
                None => cat.f(without, &[("m", Arg::Str(&people(&cat, n)))]),
            };
            f.paragraph(&text, th.body, Role::Ink, false, "");
        }
        if m.population.is_none() {
            f.paragraph(cat.t(Msg::CountryNoStock), th.small, Role::Muted, false, "");
        }
        csv_fields.extend([m.immigrants.to_string(), m.emigrants.to_string(), m.population.map(|p| p.to_string()).unwrap_or_default()]);
    } else {
        csv_fields.extend([String::new(), String::new(), String::new()]);
    }
    let plot = Rect { x: th.pad, y: plot_top, w: inner, h: f.y - plot_top };

    let mut csv = String::new();
    let on = as_of.to_string();
    let mut header = vec!["iso3".to_string(), "name".into(), "region".into()];
    for t in Treaty::ALL {
        header.extend(["status", "signature", "deposit", "mode", "date_derived"].map(|c| format!("{}_{c}", t.tag())));
    }
    header.extend(["immigrants".into(), "emigrants".into(), "population".into()]);
    let hrefs: Vec<&str> = header.iter().map(String::as_str).collect();
    dated_row(&mut csv, "as_of", &hrefs);
    let refs: Vec<&str> = csv_fields.iter().map(String::as_str).collect();
    dated_row(&mut csv, &on, &refs);
    let csv_filename = format!("treaty-charts-country-{}-{as_of}-{}.csv", iso3.to_ascii_lowercase(), cat.0.tag);
    Ok(f.finish(
        o,
        blocks,
        crate::spec::Drawn { plot, hits: Vec::new(), keys_label: None, table: None, clip: None, summary: sentence, csv, csv_filename },
    ))
}
