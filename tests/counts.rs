//! Party counts reproduced from the embedded data, checked against the published headline counts in
//! `data/treaty_status.csv`.
#![allow(clippy::unwrap_used)] // test helpers unwrap: a failure is the test failing

use treaty_charts::data::{self, Treaty};
use treaty_charts::date::Day;
use treaty_charts::model::{Model, Status};

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
    assert_eq!(m.parties_on(Treaty::Icrmw, day("2014-04-08")), 47);
    assert_eq!(m.parties_on(Treaty::Icrmw, day("2026-02-03")), 60);
    assert_eq!(m.parties_on(Treaty::Palermo, day("2008-09-26")), 124);
    assert_eq!(m.parties_on(Treaty::Palermo, day("2018-01-15")), 173);
    assert_eq!(m.parties_on(Treaty::Palermo, day("2007-08-22")), 114);
    // Entry into force follows from the counts: the ICRMW 3 months after the 20th deposit (art. 87(1); two
    // deposits on 14 Mar 2003 → 1 Jul 2003), the Protocol 90 days after the 40th (art. 17(1); four deposits on
    // 26 Sep 2003 →
    // 25 Dec 2003).
    assert_eq!((m.parties_on(Treaty::Icrmw, day("2003-03-13")), m.parties_on(Treaty::Icrmw, day("2003-03-14"))), (19, 21));
    assert_eq!((m.parties_on(Treaty::Palermo, day("2003-09-25")), m.parties_on(Treaty::Palermo, day("2003-09-26"))), (36, 40));
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
            assert_eq!(ours, h.parties, "{} on {d} ({})", h.treaty.tag(), h.source_url);
            checked += 1;
        } else if treaty_charts::model::from_depositary(h) {
            // After the last complete list the data can only undercount what it has not identified.
            let identified = ours + m.undated_possible_on(h.treaty, d);
            assert!(identified <= h.parties, "{} on {d}: {identified} > {}", h.treaty.tag(), h.parties);
        }
    }
    assert_eq!(checked, 10);
}

#[test]
fn the_known_palermo_gap_is_measured_not_hidden() {
    let m = Model::get();
    let d = day("2024-04-20");
    let dated = m.parties_on(Treaty::Palermo, d);
    let undated = m.undated_possible_on(Treaty::Palermo, d);
    assert_eq!((dated, undated), (178, 3));
    let published = data::headlines()
        .iter()
        .find(|h| h.treaty == Treaty::Palermo && h.day == Some(d) && treaty_charts::model::from_depositary(h))
        .map(|h| h.parties);
    assert_eq!(published, Some(182));
    let mut codes: Vec<&str> = m.undated_parties(Treaty::Palermo).to_vec();
    codes.sort();
    assert_eq!(codes, ["NPL", "PAK", "PLW"]);
    // Before the last complete list, undated joiners were not parties.
    assert_eq!(m.undated_possible_on(Treaty::Palermo, day("2018-01-15")), 0);
    assert_eq!(m.status_of(Treaty::Palermo, "NPL", day("2017-06-01")), Status::Neither);
    assert_eq!(m.status_of(Treaty::Palermo, "NPL", day("2020-08-03")), Status::PartyDateUnknown);
}

#[test]
fn status_counts_cover_the_195_states() {
    let m = Model::get();
    let c = m.status_counts(Treaty::Icrmw, day("2026-02-03"));
    assert_eq!((c.party, c.signatory, c.neither, c.party_date_unknown), (60, 11, 124, 0));
    assert_eq!(c.total(), 195);
    // Palermo: 178 dated parties include the European Union, which is not one of the 195 states.
    let p = m.status_counts(Treaty::Palermo, day("2026-02-03"));
    assert_eq!((p.party, p.party_date_unknown, p.signatory, p.neither), (177, 3, 2, 13));
    let early = m.status_counts(Treaty::Palermo, day("2000-12-31"));
    assert_eq!(early.party, 0);
    assert_eq!(early.signatory + early.neither, 195);
    // Calendar-day boundaries: Türkiye ratified the ICRMW on 27 Sep 2004.
    assert_eq!(m.status_of(Treaty::Icrmw, "TUR", day("2004-09-26")), Status::Signatory);
    assert_eq!(m.status_of(Treaty::Icrmw, "TUR", day("2004-09-27")), Status::Party);
}
