//! The world map: every state resolves to exactly one shape or one dot, the legend's counts are the status
//! chart's, tooltips and CSV carry each state's dates, keyboard order, and the SVG's structure.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)] // test helpers unwrap: a failure is the test failing
#![allow(clippy::disallowed_methods)] // a test: the methods clippy.toml refuses keep the .wasm small; this never enters it

use std::collections::{BTreeMap, BTreeSet};
use treaty_charts::data::Treaty;
use treaty_charts::geo;
use treaty_charts::model::Model;
use treaty_charts::options::Options;
use treaty_charts::spec::{Mark, Spec};
use treaty_charts::{charts, render};

fn map(pairs: &[(&str, &str)]) -> Spec {
    let mut all = vec![("chart", "map")];
    all.extend_from_slice(pairs);
    charts::build(Model::get(), &Options::from_pairs(all).unwrap()).unwrap()
}

fn plain(s: &str) -> String {
    s.replace('\u{a0}', " ")
}

/// The hit index of every mark that stands for a state, by the mark's kind.
fn state_marks(s: &Spec) -> (BTreeMap<u16, usize>, usize, usize) {
    let states: BTreeSet<u16> = s.hits.iter().enumerate().filter(|(_, h)| h.walk).map(|(i, _)| i as u16).collect();
    let (mut per_hit, mut shapes, mut dots) = (BTreeMap::new(), 0, 0);
    for m in &s.marks {
        let (hit, is_dot) = match m {
            Mark::Shape { hit: Some(h), .. } => (*h, false),
            Mark::Dot { hit: Some(h), .. } => (*h, true),
            _ => continue,
        };
        if states.contains(&hit) {
            *per_hit.entry(hit).or_insert(0) += 1;
            if is_dot { dots += 1 } else { shapes += 1 }
        }
    }
    (per_hit, shapes, dots)
}

#[test]
fn every_state_is_exactly_one_shape_or_one_dot() {
    let s = map(&[("width", "640")]);
    let world = geo::world().unwrap();
    let model = Model::get();
    assert_eq!(s.hits.iter().filter(|h| h.walk).count(), 195);
    let (per_hit, shapes, dots) = state_marks(&s);
    assert_eq!(per_hit.len(), 195, "every state has a mark");
    assert!(per_hit.values().all(|n| *n == 1), "no state has two marks");
    assert_eq!((shapes, dots), (166, 29));
    // On ISO3 alone: a state has a shape in world.bin or, failing that, a label point (a dot).
    for st in model.un_states() {
        let shape = world.shape(st.iso3()).is_some();
        let point = world.point(st.iso3()).is_some();
        assert!(shape || point, "{}", st.iso3());
        let hit = s.hits.iter().position(|h| h.key == st.iso3()).unwrap() as u16;
        let kind = s.marks.iter().find_map(|m| match m {
            Mark::Shape { hit: Some(h), .. } if *h == hit => Some("shape"),
            Mark::Dot { hit: Some(h), .. } if *h == hit => Some("dot"),
            _ => None,
        });
        assert_eq!(kind, Some(if shape { "shape" } else { "dot" }), "{}", st.iso3());
    }
    // Shapes that are no state are there too, with a tooltip that says so.
    let ata = s.hits.iter().find(|h| h.key == "ATA").unwrap();
    assert!(!ata.walk);
    assert_eq!(plain(&ata.lines.join(" ")), "Antarctica Not one of the 195 UN member and observer states; not counted.");
    assert_eq!(s.hits.len(), 195 + world.shapes.iter().filter(|sh| sh.iso3_str().map_or(true, |c| model.state(c).map_or(true, |st| !st.is_un()))).count());
}

#[test]
fn the_svg_has_one_state_mark_per_state() {
    let r = render(&Options::from_pairs([("chart", "map"), ("width", "375")]).unwrap()).unwrap();
    let svg = r.svg();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let walk = r.spec.hits.iter().filter(|h| h.walk).count();
    // Each state's first drawn element (its fill) carries its hit; patterns and outlines repeat it.
    let mut seen = BTreeSet::new();
    for n in doc.descendants().filter(|n| n.has_tag_name("path") || n.has_tag_name("circle")) {
        if let Some(h) = n.attribute("data-hit").and_then(|v| v.parse::<usize>().ok()) {
            if h < walk {
                seen.insert(h);
            }
        }
    }
    assert_eq!(seen.len(), 195);
    // Shapes with holes are one even-odd path: South Africa around Lesotho.
    let zaf = r.spec.hits.iter().position(|h| h.key == "ZAF").unwrap().to_string();
    let zaf_path = doc.descendants().find(|n| n.has_tag_name("path") && n.attribute("data-hit") == Some(zaf.as_str())).unwrap();
    assert_eq!(zaf_path.attribute("fill-rule"), Some("evenodd"));
    assert_eq!(zaf_path.attribute("d").unwrap().matches('M').count(), 2, "outer ring and the hole");
}

#[test]
fn legend_counts_are_the_status_charts() {
    for date in ["2003-07-01", "2014-04-08", "2020-08-03", "2026-02-03"] {
        let s = map(&[("as-of", date), ("width", "1200")]);
        let legend: String = plain(&s.texts.iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join("\n"));
        let model = Model::get();
        let d = treaty_charts::date::Day::parse(date).unwrap();
        let (p, i) = (model.status_counts(Treaty::Palermo, d), model.status_counts(Treaty::Icrmw, d));
        let num = |label: &str| -> u16 {
            let line = legend.lines().find(|l| l.starts_with(label)).unwrap_or_else(|| panic!("{date}: no “{label}” in {legend}"));
            line.rsplit(' ').next().unwrap().parse().unwrap()
        };
        let (both, p_only, i_only, neither) = (num("Party to both:"), num("Palermo Protocol only:"), num("Migrant Workers Convention only:"), num("Party to neither:"));
        assert_eq!(both + p_only, p.party, "{date}: Palermo parties");
        assert_eq!(both + i_only, i.party, "{date}: ICRMW parties");
        let maybe = if p.maybe > 0 { num("Dotted: may be a party, date within a range:") } else { 0 };
        assert_eq!(maybe, p.maybe, "{date}");
        assert_eq!(both + p_only + i_only + neither + maybe, 195, "{date}: the categories cover the 195 states");
        // The per-treaty lines repeat the status chart's own words.
        assert!(legend.contains(&format!("Migrant Workers Convention: {} part", i.party)), "{date}: {legend}");
        // The summary a screen reader hears gives the same four counts, in words that hold for a past date too.
        let on = plain(&treaty_charts::i18n::Cat::en().day(d));
        let party = |n: u16| if n == 1 { "party" } else { "parties" };
        let said = format!("Of today’s 195 UN member and observer states, on {on}: {both} {} to both treaties, {p_only} to the Palermo Protocol only, {i_only} to the Migrant Workers Convention only, {neither} to neither.", party(both));
        assert!(plain(&s.summary).starts_with(&said), "{date}: {}", s.summary);
    }
    // One treaty: parties / signed only / neither, exactly the status counts.
    let s = map(&[("treaty", "icrmw"), ("width", "640")]);
    let text = plain(&s.texts.iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join("\n"));
    assert!(text.contains("Parties: 60") && text.contains("Signed only: 11") && text.contains("Neither: 124"), "{text}");
    assert!(text.contains("Who has joined the Migrant Workers Convention"));
}

#[test]
fn tooltips_and_csv_give_each_states_dates() {
    let s = map(&[("width", "640")]);
    let tip = |iso3: &str| plain(&s.hits.iter().find(|h| h.key == iso3).unwrap().lines.join(" | "));
    assert_eq!(tip("AUS"), "Australia | Palermo Protocol: party since 14 Sep 2005 (ratification; signed 11 Dec 2002) | Migrant Workers Convention: neither signed nor joined");
    assert_eq!(tip("PHL"), "Philippines | Palermo Protocol: party since 28 May 2002 (ratification; signed 14 Dec 2000) | Migrant Workers Convention: party since 5 Jul 1995 (ratification; signed 15 Nov 1993)");
    assert!(tip("COM").contains("Palermo Protocol: party since 23 Jun 2020 (accession, date derived from entry into force)"), "{}", tip("COM"));
    assert_eq!(tip("NPL"), "Nepal | Palermo Protocol: party, joined between 1 Feb 2019 and 9 Oct 2020 (accession; exact date not known) | Migrant Workers Convention: neither signed nor joined");
    let y2020 = map(&[("as-of", "2020-08-03"), ("width", "640")]);
    let npl = plain(&y2020.hits.iter().find(|h| h.key == "NPL").unwrap().lines.join(" | "));
    assert_eq!(npl, "Nepal | Palermo Protocol: joined between 1 Feb 2019 and 9 Oct 2020, day unknown, so it may not yet have been a party | Migrant Workers Convention: neither signed nor joined");
    // Before it joined, a state's tooltip speaks of that day.
    let early = map(&[("as-of", "2004-01-01"), ("width", "640")]);
    let aus = plain(&early.hits.iter().find(|h| h.key == "AUS").unwrap().lines.join(" | "));
    assert!(aus.contains("Palermo Protocol: signed 11 Dec 2002, not a party"), "{aus}");

    let mut rdr = csv::Reader::from_reader(s.csv.as_bytes());
    let header: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[..7], ["as_of", "iso3", "name", "region", "palermo_status", "palermo_signature", "palermo_deposit"]);
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 195);
    let aus = rows.iter().find(|r| &r[1] == "AUS").unwrap();
    let on = treaty_charts::data::data_as_of().to_string(); // the newest date, the chart's default
    assert_eq!(aus.iter().collect::<Vec<_>>(), [on.as_str(), "AUS", "Australia", "Oceania", "party", "2002-12-11", "2005-09-14", "ratification", "no", "neither", "", "", "", ""]);
    let npl = rows.iter().find(|r| &r[1] == "NPL").unwrap();
    assert_eq!((&npl[4], &npl[6]), ("party", "2019-02-01/2020-10-09"), "a range is written as an ISO 8601 interval");
}

#[test]
fn the_keys_walk_region_by_region_west_to_east() {
    let s = map(&[("width", "640")]);
    let model = Model::get();
    let world = geo::world().unwrap();
    let walk: Vec<&str> = s.hits.iter().filter(|h| h.walk).map(|h| h.key.as_str()).collect();
    let keys: Vec<(treaty_charts::data::Region, i16)> =
        walk.iter().map(|c| (model.state(c).unwrap().country.region, world.point(c).unwrap().lon10)).collect();
    assert!(keys.windows(2).all(|w| w[0] <= w[1]), "sorted by region, then longitude");
    assert_eq!(walk.first(), Some(&"CPV"), "Africa's westernmost first: Cabo Verde");
    // The hidden table lists every state for screen readers.
    let table = s.table.unwrap();
    assert_eq!(table.matches("<tr><th scope=\"row\">").count(), 195);
    assert!(table.contains("<th scope=\"row\">Côte d’Ivoire</th>"));
}

#[test]
fn a_map_without_its_geometry_says_so() {
    let o = Options::from_pairs([("chart", "map")]).unwrap();
    let cx = charts::Ctx { model: Model::get(), o: &o, cat: treaty_charts::i18n::Cat::en(), world: None, lines: true };
    let e = (o.chart.build)(&cx).unwrap_err();
    assert_eq!(e.to_string(), "The map’s outlines could not be loaded.");
}

#[test]
fn the_map_is_the_only_kind_that_draws_the_world() {
    // A one-kind browser module decodes world.bin only when it is the map's (`charts::map::NAME`).
    let drawing: Vec<&str> = charts::CHARTS.iter().filter(|c| c.world).map(|c| c.name).collect();
    assert_eq!(drawing, [charts::map::NAME]);
}

#[test]
fn a_highlighted_name_never_covers_another_highlighted_state() {
    // Eight neighbours in western Europe: France's name east of its point would sit on Switzerland's.
    let codes = ["FRA", "DEU", "BEL", "NLD", "LUX", "CHE", "AUT", "ITA"];
    for w in ["375", "640", "1200"] {
        let s = map(&[("width", w), ("highlight", &codes.join(","))]);
        let point = |c: &str| {
            s.hits.iter().find(|h| h.key == c).map(|h| match h.region {
                treaty_charts::spec::Region::Mark { cx, cy } => (cx, cy),
                treaty_charts::spec::Region::Band { x0, .. } => (x0, 0.0),
            })
        };
        for c in codes {
            let name = treaty_charts::i18n::Cat::en().name(c).to_string();
            let t = s.texts.iter().find(|t| t.text == name && t.color == treaty_charts::spec::Role::Highlight).unwrap();
            let (l, r) = (t.x, t.x + treaty_charts::text::width(&t.text, t.size, t.bold));
            let (top, bottom) = (t.y - t.size * 0.8, t.y + t.size * 0.25);
            for other in codes.iter().filter(|o| **o != c) {
                let (x, y) = point(other).unwrap();
                assert!(!(x > l && x < r && y > top && y < bottom), "{w} px: “{name}” covers {other}'s point ({x:.1}, {y:.1})");
            }
        }
    }
}

#[test]
fn neighbours_names_keep_their_order_and_name_their_state() {
    // On a phone Nepal's and Bhutan's points are a few pixels apart: Nepal's name must not go east of Bhutan's, and
    // each name is its state's target (pointing at "Nepal" shows Nepal, not the state under the word).
    for (w, lang) in [("320", "en"), ("320", "fr"), ("375", "es"), ("640", "en")] {
        let s = map(&[("width", w), ("lang", lang), ("as-of", "2020-08-03"), ("highlight", "NPL,BTN")]);
        let cat = treaty_charts::i18n::Locale::parse(lang).unwrap().cat();
        let label = |c: &'static str| s.texts.iter().find(|t| t.text == cat.name(c) && t.color == treaty_charts::spec::Role::Highlight).unwrap();
        let (npl, btn) = (label("NPL"), label("BTN"));
        assert!(npl.x + treaty_charts::text::width(&npl.text, npl.size, npl.bold) <= btn.x || npl.y != btn.y, "{w} {lang}: {} at {}, {} at {}", npl.text, npl.x, btn.text, btn.x);
        assert!(npl.x < btn.x, "{w} {lang}: Nepal's name west of Bhutan's");
        for (t, c) in [(npl, "NPL"), (btn, "BTN")] {
            let hit = s.hits.iter().position(|h| h.key == c).map(|i| i as u16);
            assert_eq!(t.hit, hit, "{w} {lang}: {c}'s name is its state's target");
        }
    }
    let svg = render(&Options::from_pairs([("chart", "map"), ("width", "320"), ("highlight", "NPL")]).unwrap()).unwrap().body;
    // The drawn name carries the attribute: `<text … data-hit="N">Nepal</text>`.
    assert!(svg.split("<text").any(|t| t.contains(">Nepal</text>") && t.split('>').next().is_some_and(|open| open.contains("data-hit=\""))), "{svg}");
}
