//! Party counts reproduced from the embedded data, checked against the published headline counts in
//! `data/treaty_status.csv`.
#![allow(clippy::disallowed_methods)] // native only: the methods clippy.toml refuses keep the .wasm small; this never enters it
#![allow(clippy::unwrap_used)] // test helpers unwrap: a failure is the test failing

use treaty_charts::data::{self, Treaty};
use treaty_charts::date::Day;
use treaty_charts::model::{Coverage, Model, Status, When};
use treaty_charts::notes;

fn day(s: &str) -> Day {
    Day::parse(s).unwrap()
}

#[test]
fn embedded_data_passes_integrity_checks() {
    assert_eq!(data::check(), Vec::<String>::new());
    assert_eq!(Model::get().un_states().count(), 195);
    assert_eq!(Model::get().un_states().filter(|s| s.country.un == data::UnStatus::Observer).count(), 2);
    assert_eq!(data::data_as_of().to_string(), "2026-02-03");
    assert_eq!(data::actions().iter().filter(|a| a.treaty == Treaty::Icrmw).count(), 71);
    assert_eq!(data::actions().iter().filter(|a| a.treaty == Treaty::Palermo).count(), 183);
}

#[test]
fn integrity_check_catches_a_broken_join() {
    // The check must be able to fail: an unknown code does not join.
    assert!(data::country("XXX").is_none());
    let cat = treaty_charts::i18n::Cat::en();
    assert_eq!(cat.name("CIV"), "Côte d’Ivoire");
    assert_eq!(cat.name("EUU"), "European Union");
}

#[test]
fn counts_match_the_depositary_headlines_named_in_the_issue() {
    let m = Model::get();
    assert_eq!(m.parties_on(Treaty::Icrmw, day("2014-04-08")).min, 47);
    assert_eq!(m.parties_on(Treaty::Icrmw, day("2026-02-03")).min, 60);
    assert_eq!(m.parties_on(Treaty::Palermo, day("2008-09-26")).min, 124);
    assert_eq!(m.parties_on(Treaty::Palermo, day("2018-01-15")).min, 173);
    assert_eq!(m.parties_on(Treaty::Palermo, day("2007-08-22")).min, 114);
    // Entry into force follows from the counts: the ICRMW 3 months after the 20th deposit (art. 87(1); two
    // deposits on 14 Mar 2003 → 1 Jul 2003), the Protocol 90 days after the 40th (art. 17(1); four deposits on
    // 26 Sep 2003 →
    // 25 Dec 2003).
    assert_eq!((m.parties_on(Treaty::Icrmw, day("2003-03-13")).min, m.parties_on(Treaty::Icrmw, day("2003-03-14")).min), (19, 21));
    assert_eq!((m.parties_on(Treaty::Palermo, day("2003-09-25")).min, m.parties_on(Treaty::Palermo, day("2003-09-26")).min), (36, 40));
    assert_eq!(day("2003-09-26").plus_days(90), Treaty::Palermo.info().entry_into_force);
}

#[test]
fn every_dated_headline_within_a_complete_list_is_reproduced_exactly() {
    let m = Model::get();
    let mut checked = 0;
    for h in data::headlines() {
        let Some(d) = h.day else { continue };
        let ours = m.parties_on(h.treaty, d);
        if d <= h.treaty.info().complete_list_as_of {
            assert!(ours.exact(), "{} on {d}: a range within the complete list", h.treaty.tag());
            assert_eq!(ours.min, h.parties, "{} on {d} ({})", h.treaty.tag(), h.source_url);
            checked += 1;
        } else if treaty_charts::model::from_depositary(h) {
            // After the last complete list the data can only undercount what it has not identified.
            assert!(ours.max <= h.parties, "{} on {d}: {} > {}", h.treaty.tag(), ours.max, h.parties);
        }
    }
    assert_eq!(checked, 10);
}

#[test]
fn the_known_palermo_gap_is_measured_not_hidden() {
    let m = Model::get();
    // 20 Apr 2024: the depositary reported 182; this data has 181, every date certain by then.
    let d = day("2024-04-20");
    assert_eq!((m.parties_on(Treaty::Palermo, d).min, m.parties_on(Treaty::Palermo, d).max), (181, 181));
    let published = data::headlines()
        .iter()
        .find(|h| h.treaty == Treaty::Palermo && h.day == Some(d) && treaty_charts::model::from_depositary(h))
        .map(|h| h.parties);
    assert_eq!(published, Some(182));
    assert_eq!(m.palermo_gap(day("2026-02-03")).unwrap().unidentified(), 1);
    // The deposits known only within a sourced range (date_bounds.csv, TREATY_SOURCES.md §8).
    let mut ranged: Vec<(&str, String, String)> = m
        .deposits(Treaty::Palermo)
        .iter()
        .filter_map(|x| match x.when {
            When::Between { not_before, not_after, sourced: true } => Some((x.iso3, not_before.to_string(), not_after.to_string())),
            _ => None,
        })
        .collect();
    ranged.sort();
    assert_eq!(
        ranged,
        [("NPL", "2019-02-01".into(), "2020-10-09".into()), ("PAK", "2022-11-01".into(), "2022-11-30".into()), ("PLW", "2019-02-01".into(), "2020-03-31".into())]
    );
    // Before a range, not a party; inside it, maybe; after it, a party.
    assert_eq!(m.status_of(Treaty::Palermo, "NPL", day("2019-01-31")), Status::Neither);
    assert_eq!(m.status_of(Treaty::Palermo, "NPL", day("2020-08-03")), Status::MaybeParty);
    assert_eq!(m.status_of(Treaty::Palermo, "NPL", day("2020-10-09")), Status::Party);
}

#[test]
fn on_the_articles_day_palermo_is_a_range_and_the_convention_exact() {
    let m = Model::get();
    let d = day("2020-08-03");
    // Palau certainly in (its range ends 31 Mar 2020), Nepal possibly (to 9 Oct 2020): 177–178, never 176.
    let p = m.parties_on(Treaty::Palermo, d);
    assert_eq!((p.min, p.max), (177, 178));
    let i = m.parties_on(Treaty::Icrmw, d);
    assert_eq!((i.min, i.max), (55, 55));
    // As states (the EU is not one): 176–177.
    assert_eq!(m.status_counts(Treaty::Palermo, d).parties(), treaty_charts::model::Range { min: 176, max: 177 });
}

#[test]
fn coverage_shares_are_computed_from_the_migrant_stock() {
    let m = Model::get();
    let d = day("2026-02-03");
    let icrmw = m.coverage(Treaty::Icrmw, d);
    let palermo = m.coverage(Treaty::Palermo, d);
    assert_eq!((icrmw.world_immigrants, icrmw.world_emigrants), (304_021_813, 281_955_848));
    // The Convention's parties: home to about 13.5% of the world's immigrants, birthplace of about 36% of emigrants.
    assert_eq!(Coverage::tenths(icrmw.immigrants.0, icrmw.world_immigrants), 135);
    assert_eq!(Coverage::tenths(icrmw.emigrants.0, icrmw.world_emigrants), 360);
    // The Protocol's: about 95%.
    assert_eq!(Coverage::tenths(palermo.immigrants.0, palermo.world_immigrants), 954);
    // The sums are of the parties' own rows of migrant_stock.csv.
    let us = m.state("USA").unwrap().stock.unwrap().immigrants;
    assert!(palermo.immigrants.0 > us && icrmw.immigrants.0 < us, "the US (a Palermo party only) alone outweighs the Convention's parties");
}

#[test]
fn status_counts_cover_the_195_states() {
    let m = Model::get();
    let c = m.status_counts(Treaty::Icrmw, day("2026-02-03"));
    assert_eq!((c.party, c.signatory, c.neither, c.maybe), (60, 11, 124, 0));
    assert_eq!(c.total(), 195);
    // Palermo: 181 parties include the European Union, which is not one of the 195 states.
    let p = m.status_counts(Treaty::Palermo, day("2026-02-03"));
    assert_eq!((p.party, p.maybe, p.signatory, p.neither), (180, 0, 2, 13));
    let early = m.status_counts(Treaty::Palermo, day("2000-12-31"));
    assert_eq!(early.party, 0);
    assert_eq!(early.signatory + early.neither, 195);
    // Calendar-day boundaries: Türkiye ratified the ICRMW on 27 Sep 2004.
    assert_eq!(m.status_of(Treaty::Icrmw, "TUR", day("2004-09-26")), Status::Signatory);
    assert_eq!(m.status_of(Treaty::Icrmw, "TUR", day("2004-09-27")), Status::Party);
}

/// The CSV file's rows as maps of column → value.
fn csv_rows(file: &str) -> Vec<std::collections::HashMap<String, String>> {
    let mut r = csv::Reader::from_path(format!("data/{file}")).unwrap();
    let h = r.headers().unwrap().clone();
    r.records().map(|rec| h.iter().zip(rec.unwrap().iter()).map(|(k, v)| (k.to_string(), v.to_string())).collect()).collect()
}

#[test]
fn the_packed_tables_give_back_every_row_of_their_csv_files() {
    // treaty_actions.csv, in file order: every field.
    let rows = csv_rows("treaty_actions.csv");
    let acts = data::actions();
    assert_eq!(acts.len(), rows.len());
    for (a, r) in acts.iter().zip(&rows) {
        let day = |d: Option<treaty_charts::date::Day>| d.map_or_else(String::new, |d| d.to_string());
        let got = (a.treaty.tag(), a.iso3, day(a.signature), day(a.action), a.kind.map_or("", |k| k.tag()), a.source);
        assert_eq!(got, (r["treaty"].as_str(), r["iso3"].as_str(), r["signature_date"].clone(), r["action_date"].clone(), r["action_type"].as_str(), r["source"].as_str()));
        assert_eq!(a.derived, r["source"].ends_with("-eif30"), "{} {}: derived from entry into force", a.treaty.tag(), a.iso3);
    }
    assert!(acts.iter().filter(|a| a.derived).count() > 0, "some deposit days are derived from entry into force");
    // countries.csv, sorted by code: codes, M49 code, name, UN status.
    let mut rows = csv_rows("countries.csv");
    rows.sort_by(|a, b| a["iso3"].cmp(&b["iso3"]));
    let countries = data::countries();
    assert_eq!(countries.len(), rows.len());
    for (c, r) in countries.iter().zip(&rows) {
        let un = match c.un {
            data::UnStatus::Member => "member",
            data::UnStatus::Observer => "observer",
            data::UnStatus::Other => "other",
        };
        assert_eq!((c.iso3, c.iso2, c.m49.map_or_else(String::new, |m| m.to_string()), c.name, un),
            (r["iso3"].as_str(), r["iso2"].as_str(), r["m49"].trim_start_matches('0').to_string(), r["name"].as_str(), r["un_member"].as_str()), "{}", r["iso3"]);
    }
    assert_eq!(data::country("PHL").map(|c| (c.region, c.subregion)), Some((data::Region::Asia, data::Subregion::SouthEasternAsia)));
    // migrant_stock.csv without its aggregates: every number.
    let rows: Vec<_> = csv_rows("migrant_stock.csv").into_iter().filter(|r| r["iso3"] != "WLD" && r["iso3"] != "CHI").collect();
    let stock = data::migrant_stock();
    assert_eq!(stock.len(), rows.len());
    for s in stock {
        let r = rows.iter().find(|r| r["iso3"] == s.iso3).unwrap();
        assert_eq!((s.immigrants.to_string(), s.emigrants.to_string(), s.population.map_or_else(String::new, |p| p.to_string())),
            (r["immigrant_stock"].clone(), r["emigrant_stock"].clone(), r["population"].clone()), "{}", s.iso3);
    }
    assert!(stock.windows(2).all(|w| w[0].immigrants >= w[1].immigrants), "largest immigrant stock first");
}

#[test]
fn a_share_that_rounds_to_nothing_or_everything_says_so() {
    // data/migrant_stock.csv, mid-2024: the UN state home to the fewest international migrants holds a share of the
    // world's that rounds to 0.0%; all the others together, one that rounds to 100.0%. Neither may read as if it were
    // exact; the United States' 52.4 million is 17.2%.
    let m = Model::get();
    let world = m.coverage(Treaty::Icrmw, day("2026-02-03")).world_immigrants;
    let stocks: Vec<u64> = m.un_states().filter_map(|s| s.stock).map(|s| s.immigrants).collect();
    let least = stocks.iter().copied().filter(|n| *n > 0).min().unwrap();
    let usa = m.state("USA").and_then(|s| s.stock).unwrap().immigrants;
    let en = treaty_charts::i18n::Cat::en();
    let fr = treaty_charts::i18n::Locale::Fr.cat();
    assert_eq!(notes::share(&en, (least, least), world), "<0.1%");
    assert_eq!(notes::share(&fr, (least, least), world), "<\u{202f}0,1\u{202f}%");
    assert_eq!(notes::share(&en, (world - least, world - least), world), ">99.9%");
    assert_eq!(notes::share(&en, (usa, usa), world), "17.2%");
    assert_eq!(notes::share(&en, (0, 0), world), "0.0%");
    assert_eq!(notes::share(&en, (world, world), world), "100.0%");
}
