//! Chart specs and SVG output: valid XML, accessible structure, exact geometry, no clipped or overlapping text,
//! escaping, and the CSV behind each chart.
#![allow(clippy::unwrap_used)] // test helpers unwrap: a failure is the test failing
#![allow(clippy::disallowed_methods)] // a test: the methods clippy.toml refuses keep the .wasm small; this never enters it

use treaty_charts::options::Options;
use treaty_charts::spec::{Anchor, Mark, Region, Spec, Text};
use treaty_charts::text;
use treaty_charts::{charts, model::Model, render};

/// Options for a chart, with its registry example (the country card's state).
fn opts(chart: &str, as_of: &str, width: &str) -> Options {
    let mut pairs = vec![("chart", chart), ("as-of", as_of), ("width", width)];
    pairs.extend(charts::find(chart).unwrap().example.iter().copied());
    Options::from_pairs(pairs).unwrap()
}

/// Text as a reader sees it: no-break spaces (which keep dates on one line) read as spaces.
fn plain(s: &str) -> String {
    s.replace('\u{a0}', " ")
}

/// The caveat and "About this data" of a chart, as a reader reads them.
fn notes(chart: &str, as_of: &str) -> String {
    let b = render(&opts(chart, as_of, "640")).unwrap().spec.blocks;
    plain(&b.caveat.into_iter().chain(b.about).collect::<Vec<_>>().join(" "))
}

fn extent(t: &Text) -> (f64, f64) {
    let w = text::width(&t.text, t.size, t.bold);
    match t.anchor {
        Anchor::Start => (t.x, t.x + w),
        Anchor::Middle => (t.x - w / 2.0, t.x + w / 2.0),
        Anchor::End => (t.x - w, t.x),
    }
}

const WIDTHS: [&str; 5] = ["280", "320", "375", "640", "1200"];
const DATES: [&str; 6] = ["1990-01-01", "1995-06-01", "2000-12-12", "2008-09-26", "2020-08-03", "2026-02-03"];

fn spec(chart: &str, as_of: &str, width: &str) -> Spec {
    charts::build(Model::get(), &opts(chart, as_of, width)).unwrap()
}

/// Every registered chart at every test width and date in English; in French and Spanish, whose words run longer,
/// at the narrow widths, also with the options that add legend items (a highlight; the map of one treaty).
fn all_specs() -> Vec<(String, Spec)> {
    let mut out = Vec::new();
    for chart in charts::names() {
        for w in WIDTHS {
            for d in DATES {
                out.push((format!("{chart} {w} {d}"), spec(chart, d, w)));
            }
        }
        for lang in ["fr", "es"] {
            for w in ["280", "320", "375"] {
                for d in ["1999-01-01", "2026-02-03"] {
                    let def = charts::find(chart).unwrap();
                    let takes = |name: &str| def.options.iter().any(|o| o.name() == name);
                    let extra: Vec<(&str, &str)> = [("treaty", "icrmw"), ("highlight", "PHL")].into_iter().filter(|(k, _)| takes(k)).collect();
                    let mut pairs = vec![("chart", chart), ("as-of", d), ("width", w), ("lang", lang)];
                    pairs.extend(def.example.iter().copied());
                    pairs.extend(extra.iter().copied());
                    let o = Options::from_pairs(pairs).unwrap();
                    out.push((format!("{chart} {w} {d} {lang} {extra:?}"), charts::build(Model::get(), &o).unwrap()));
                }
            }
        }
        // Eight neighbours highlighted at once: their names must not land on one another.
        if charts::find(chart).unwrap().options.iter().any(|o| o.name() == "highlight") {
            for w in ["320", "640", "1200"] {
                let o = Options::from_pairs([("chart", chart), ("width", w), ("highlight", "FRA,DEU,BEL,NLD,LUX,CHE,AUT,ITA")]).unwrap();
                out.push((format!("{chart} {w} eight European highlights"), charts::build(Model::get(), &o).unwrap()));
            }
        }
    }
    out
}

#[test]
fn every_placeholder_is_filled() {
    // A message whose placeholder the code does not fill shows its braces to readers ("No hay línea para
    // {t|palermo=…}"): every word a chart shows — drawn text, description, table, tooltips, "About this data" — in
    // every language, on dates before and after each treaty opened, with full notes.
    for chart in charts::names() {
        for lang in ["en", "fr", "es"] {
            for d in DATES {
                let mut pairs = vec![("chart", chart), ("as-of", d), ("width", "640"), ("lang", lang), ("notes", "full")];
                pairs.extend(charts::find(chart).unwrap().example.iter().copied());
                let r = render(&Options::from_pairs(pairs).unwrap()).unwrap();
                let svg = r.svg();
                let doc = roxmltree::Document::parse(&svg).unwrap();
                let words = doc.descendants().filter(|n| n.is_text() && n.parent().is_some_and(|p| !p.has_tag_name("style"))).filter_map(|n| n.text());
                let lines = r.spec.hits.iter().flat_map(|h| h.lines.iter().map(String::as_str));
                let table = r.spec.table.as_deref().unwrap_or_default();
                for text in words.chain(lines).chain([table, r.spec.summary.as_str()]).chain(r.spec.blocks.about.iter().map(String::as_str)) {
                    assert!(!text.contains('{') && !text.contains('}'), "{chart} {lang} {d}: “{text}”");
                }
            }
        }
    }
}

#[test]
fn svg_is_well_formed_and_accessible() {
    for chart in charts::names() {
        for w in ["320", "1200"] {
            let r = render(&opts(chart, "2020-08-03", w)).unwrap();
            let svg = r.svg();
            let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{chart} {w}: {e}"));
            let root = doc.root_element();
            assert_eq!(root.tag_name().name(), "svg");
            assert_eq!(root.attribute("width"), Some(w));
            // The image holds its own title and description, each exposed once.
            let img = root.children().find(|n| n.attribute("role") == Some("img")).unwrap();
            let title = img.children().find(|n| n.has_tag_name("title")).unwrap();
            let desc_el = img.children().find(|n| n.has_tag_name("desc")).unwrap();
            let desc = desc_el.text().unwrap();
            assert!(desc.contains("What this measures:"), "{desc}");
            assert!(desc.contains("What it leaves out:"));
            assert!(desc.contains("Sources: UN Treaty Collection"));
            assert!(desc.contains("Palermo Protocol: full depositary list to 15"));
            assert_eq!(img.attribute("aria-labelledby"), title.attribute("id"));
            assert_eq!(img.attribute("aria-describedby"), desc_el.attribute("id"));
            assert_eq!(root.attribute("aria-labelledby"), title.attribute("id"));
            assert_eq!(root.attribute("role"), Some("group"));
            assert!(root.children().all(|n| !n.has_tag_name("desc")), "no description on the group as well");
            // The CSV link carries the chart's numbers.
            let a = root.descendants().find(|n| n.has_tag_name("a")).unwrap();
            assert!(a.attribute("href").unwrap().starts_with("data:text/csv;charset=utf-8,"));
            assert_eq!(a.attribute("download"), Some(r.spec.csv_filename.as_str()));
        }
    }
}

#[test]
fn timeline_summary_names_the_counts() {
    let r = render(&opts("timeline", "2020-08-03", "640")).unwrap();
    let summary = plain(&r.spec.summary);
    assert!(summary.contains("Palermo Protocol had 177–178 parties"), "{summary}");
    assert!(summary.contains("Migrant Workers Convention had 55 parties"));
    let early = render(&opts("timeline", "1995-01-01", "640")).unwrap();
    assert!(early.spec.summary.contains("Palermo Protocol was not yet open for signature"), "{}", early.spec.summary);
    assert!(early.spec.summary.contains("had not yet entered into force"));
}

#[test]
fn status_bars_are_exactly_count_over_195_of_the_width() {
    let s = spec("status", "2026-02-03", "640");
    let rects: Vec<_> = s.marks.iter().filter_map(|mk| match mk {
        Mark::Rect { rect, .. } | Mark::Hatch { rect, .. } if rect.h >= 30.0 => Some(*rect),
        _ => None,
    }).collect();
    // Palermo: 180 parties (Nepal, Pakistan and Palau within their ranges by then), 2 signed, 13 neither;
    // ICRMW: 60, 11, 124.
    let expected = [180.0, 2.0, 13.0, 60.0, 11.0, 124.0];
    assert_eq!(rects.len(), expected.len());
    for (r, n) in rects.iter().zip(expected) {
        assert!((r.w - s.plot.w * n / 195.0).abs() < 1e-9, "{} vs {}", r.w, n);
    }
    // Each bar fills the plot width exactly.
    let palermo: f64 = rects[..3].iter().map(|r| r.w).sum();
    assert!((palermo - s.plot.w).abs() < 1e-9);
}

#[test]
fn timeline_lines_end_at_the_counts() {
    let s = spec("timeline", "2014-04-08", "640");
    let labels: Vec<&str> = s.texts.iter().filter(|t| t.bold && t.x > s.plot.x + s.plot.w).map(|t| t.text.as_str()).collect();
    assert_eq!(labels, ["159", "47"]);
    // The last hit is the last change on or before the as-of date, with both counts.
    let last = s.hits.last().unwrap();
    assert!(last.key.as_str() <= "2014-04-08");
    assert!(last.lines.iter().any(|l| l == "Migrant Workers Convention: 47 parties"), "{:?}", last.lines);
    // Hits are sorted, inside the plot, and their bands tile it.
    let rules: Vec<f64> = s.hits.iter().map(|h| h.rule.unwrap()).collect();
    assert!(rules.windows(2).all(|w| w[0] < w[1]));
    assert!(rules.iter().all(|x| *x >= s.plot.x && *x <= s.plot.x + s.plot.w));
    let bands: Vec<(f64, f64)> = s.hits.iter().map(|h| match h.region { Region::Band { x0, x1 } => (x0, x1), _ => panic!("not a band") }).collect();
    assert_eq!(bands.first().unwrap().0, s.plot.x);
    assert_eq!(bands.last().unwrap().1, s.plot.x + s.plot.w);
    assert!(bands.windows(2).all(|w| w[0].1 == w[1].0));
    assert!(bands.iter().zip(&rules).all(|((a, b), x)| a <= x && x <= b));
}

#[test]
fn tooltips_name_who_joined_with_their_own_spelling() {
    let s = spec("timeline", "2026-02-03", "640");
    // Names as charts show them (data/country_names.csv: CLDR's everyday names), joined on ISO3.
    let lao = s.hits.iter().find(|h| h.key == "2003-09-26").unwrap();
    assert!(lao.lines.iter().any(|l| l.contains("Laos (accession)")), "{:?}", lao.lines);
    let civ = s.hits.iter().find(|h| h.key == "2023-09-26").unwrap();
    assert!(civ.lines.iter().any(|l| l.contains("Côte d’Ivoire (accession)")), "{:?}", civ.lines);
    let comoros = s.hits.iter().find(|h| h.key == "2020-06-23").unwrap();
    assert!(comoros.lines.iter().any(|l| l.contains("Comoros (accession, date derived)")));
}

#[test]
fn no_text_is_clipped_and_plot_labels_do_not_overlap() {
    for (name, s) in all_specs() {
        for t in &s.texts {
            let (l, r) = extent(t);
            assert!(l >= 0.0 && r <= s.width + 0.5, "{name}: “{}” spans {l:.1}..{r:.1} of {}", t.text, s.width);
            assert!(t.y <= s.height, "{name}: “{}” below the chart", t.text);
        }
        // Texts whose lines are less than a line's height apart (so that their letters would touch) must not
        // overlap horizontally.
        for (i, a) in s.texts.iter().enumerate() {
            for b in s.texts.iter().skip(i + 1) {
                if (a.y - b.y).abs() < a.size.min(b.size) {
                    let ((al, ar), (bl, br)) = (extent(a), extent(b));
                    assert!(ar <= bl || br <= al, "{name}: “{}” overlaps “{}”", a.text, b.text);
                }
            }
        }
        // (The shortest: the regions chart before either treaty opened, its plot one sentence.)
        assert!(s.height > 250.0 && s.height < 1800.0, "{name}: height {}", s.height);
    }
}

#[test]
fn text_is_readable_at_every_width() {
    for (name, s) in all_specs() {
        for t in &s.texts {
            assert!(t.size >= 11.0, "{name}: “{}” at {} px", t.text, t.size);
        }
    }
}

#[test]
fn custom_titles_are_escaped_in_svg() {
    let title = "Saint Vincent & the Grenadines, Côte d'Ivoire and Lao People's <DR> \"2020\"";
    let o = Options::from_pairs([("chart", "status"), ("chart-title", title), ("width", "640")]).unwrap();
    let r = render(&o).unwrap();
    assert!(!r.svg().contains("<DR>"));
    let svg = r.svg();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let t = doc.descendants().find(|n| n.has_tag_name("title")).unwrap();
    assert_eq!(t.text(), Some(title));
    // The visible title is wrapped over text runs that read back the same.
    let shown: Vec<&str> = doc.descendants().filter(|n| n.has_tag_name("text") && n.attribute("font-size") == Some("22")).filter_map(|n| n.text()).collect();
    assert_eq!(shown.join(" "), title);
}

#[test]
fn csv_rows_hold_the_counts() {
    let t = render(&opts("timeline", "2008-09-26", "640")).unwrap().csv;
    let mut rdr = csv::Reader::from_reader(t.as_bytes());
    assert_eq!(rdr.headers().unwrap(), vec!["date", "treaty", "parties_min", "parties_max"]);
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    let last_palermo = rows.iter().rev().find(|r| &r[1] == "palermo").unwrap();
    assert_eq!((&last_palermo[0], &last_palermo[2], &last_palermo[3]), ("2008-09-26", "124", "124"));
    let last_icrmw = rows.iter().rev().find(|r| &r[1] == "icrmw").unwrap();
    assert_eq!(&last_icrmw[2], "39");
    // Counts rise by at least one per row, per treaty.
    for tag in ["palermo", "icrmw"] {
        let n: Vec<u32> = rows.iter().filter(|r| &r[1] == tag).map(|r| r[2].parse().unwrap()).collect();
        assert!(n.windows(2).all(|w| w[1] > w[0]), "{tag}");
    }

    let s = render(&opts("status", "2026-02-03", "640")).unwrap().csv;
    assert_eq!(s, "as_of,treaty,party_min,party_max,signatory,neither\n2026-02-03,palermo,180,180,2,13\n2026-02-03,icrmw,60,60,11,124\n");
    // On the article's day Nepal may or may not have joined: 176 states certainly, 177 at most.
    let s = render(&opts("status", "2020-08-03", "640")).unwrap().csv;
    assert_eq!(s, "as_of,treaty,party_min,party_max,signatory,neither\n2020-08-03,palermo,176,177,2,16\n2020-08-03,icrmw,55,55,13,127\n");
    let t = render(&opts("timeline", "2020-08-03", "640")).unwrap().csv;
    assert!(t.trim_end().ends_with("2020-06-23,palermo,177,178"), "the Comoros' derived day is the last change: {t}");
    // A standing is on a date, and every row of a downloaded file says which (data/treaty_actions.csv: the
    // Philippines, the registry's example, ratified the Migrant Workers Convention on 5 Jul 1995).
    let c = render(&opts("country", "2020-08-03", "640")).unwrap().csv;
    let rows: Vec<&str> = c.lines().collect();
    assert!(rows[0].starts_with("as_of,iso3,name,region,palermo_status") && rows[1].starts_with("2020-08-03,PHL,Philippines,Asia,party,"), "{c}");
    assert!(rows[1].contains(",party,1993-11-15,1995-07-05,ratification,"), "{c}");
    for chart in ["map", "coverage", "regions"] {
        let csv = render(&opts(chart, "1999-06-01", "640")).unwrap().csv;
        assert!(csv.starts_with("as_of,") && csv.lines().skip(1).all(|l| l.starts_with("1999-06-01,")), "{chart}: {csv}");
    }
}

#[test]
fn same_options_give_the_same_bytes() {
    let a = render(&opts("timeline", "2020-08-03", "375")).unwrap().svg();
    let b = render(&opts("timeline", "2020-08-03", "375")).unwrap().svg();
    assert_eq!(a, b);
    assert_ne!(a, render(&opts("timeline", "2020-08-03", "376")).unwrap().svg());
    assert_eq!(Options::new(charts::find("status").unwrap()).width, 640);
}

#[test]
fn notes_say_who_stays_out_from_the_data() {
    let now = notes("status", "2026-02-03");
    // Pakistan (16th destination) is a Palermo party by now, within its range: counted.
    assert!(now.contains("Of the 20 states with the most international migrants, only one, Türkiye, is a party to the Migrant Workers Convention, and 19 are parties to the Palermo Protocol."), "{now}");
    assert!(now.contains("The Convention’s parties are home to 13.5% of the world’s international migrants but the birthplace of 36.0% of all emigrants."), "{now}");
    assert!(now.contains("The European Union has been a party to the Palermo Protocol since 6 Sep 2006 (approval)"));
    // 182 reported; 181 identified, so one party is not in the data at all.
    assert!(now.contains("8 later accessions come from other sources (4 dated from entry into force minus 30 days). Known only within a range: Nepal (between 1 Feb 2019 and 9 Oct 2020), Palau (between 1 Feb 2019 and 31 Mar 2020) and Pakistan (in November 2022). The UN reported 182 parties on 20 Apr 2024; this data identifies 181 (both counts include the European Union)."), "{now}");
    // The status bar shows states (180); its note, beside the parties the UN and this data count with the European
    // Union (182, 181), says so. The timeline, which counts parties with the EU, does not need to.
    assert!(now.starts_with("Note: Palermo parties after 15 Jan 2018 come from other sources; the UN counted 182 on 20 Apr 2024 and this data 181, the European Union included in both; without it, 180 states."), "{now}");
    assert!(notes("timeline", "2026-02-03").starts_with("Note: Palermo parties after 15 Jan 2018 come from other sources; the UN counted 182 on 20 Apr 2024 and this data 181, the European Union included in both. "));
    // The newest higher secondary count in treaty_status.csv (2025-07: 185) is cited as secondary.
    assert!(now.contains("Secondary sources gave 185 by July 2025."), "{now}");
    // On the article's day, the caveat of the state charts is Nepal's range, counted in states.
    let y2020 = notes("status", "2020-08-03");
    // … with the European Union's count beside it, so that the timeline's 177–178 reads as the same fact.
    assert!(
        y2020.starts_with("Note: 176–177 of the 195 states were parties to the Palermo Protocol on 3 Aug 2020 (Nepal: date of joining known only within a range); with the European Union, 177–178 parties."),
        "{y2020}"
    );
    assert!(y2020.contains("On 3 Aug 2020 too, the count is of today’s 195 UN member and observer states, whether or not"));
    // On a past date the parties are that date's and the migrants mid-2024's: the sentence says both, in the past.
    assert!(
        y2020.contains("Of the 20 states with the most international migrants (2024), only one, Türkiye, was a party to the Migrant Workers Convention on 3 Aug 2020, and 18 were parties to the Palermo Protocol."),
        "{y2020}"
    );
    assert!(y2020.contains("The Convention’s parties on 3 Aug 2020 are home to "), "{y2020}");
    assert!(!y2020.contains(" is a party to the Migrant Workers Convention"), "{y2020}");
    assert!(!y2020.contains("depositary reported") && !y2020.contains("UN reported"), "no count from after the date: {y2020}");
    let t2020 = notes("timeline", "2020-08-03");
    assert!(t2020.starts_with("Note: The Palermo Protocol had 177–178 parties on 3 Aug 2020: for Nepal, the date of joining is known only within a range."), "{t2020}");
    let early = notes("timeline", "2003-07-01");
    assert!(early.starts_with("Note: The Palermo Protocol was not yet in force on 1 Jul 2003: it entered into force on 25 Dec 2003."), "{early}");
    assert!(early.contains("none was a party to the Migrant Workers Convention on 1 Jul 2003"), "{early}");
    // Before the Convention entered into force (1 Jul 2003) no conclusion about who stays out is drawn.
    for d in ["1993-02-19", "2000-12-12", "2003-06-30"] {
        let before = notes("status", d);
        assert!(!before.contains("most international migrants"), "{d}: {before}");
    }
    let gap = notes("timeline", "2018-06-01");
    assert!(gap.contains("runs to 15 Jan 2018; no later accession is known."), "{gap}");
    assert!(!early.contains("runs to 15 Jan 2018"), "no gap paragraph before 2018");
}

#[test]
fn status_before_a_treaty_opened_shows_no_bar() {
    let r = render(&opts("status", "1995-06-01", "640")).unwrap();
    assert_eq!(r.csv, "as_of,treaty,party_min,party_max,signatory,neither\n1995-06-01,palermo,,,,\n1995-06-01,icrmw,4,4,3,188\n");
    let bars = r.spec.marks.iter().filter(|m| matches!(m, Mark::Rect { rect, .. } if rect.h >= 30.0)).count();
    assert_eq!(bars, 3, "only the ICRMW bar: 4 parties, 3 signed only, 188 neither");
    assert!(r.spec.texts.iter().any(|t| plain(&t.text).starts_with("Not yet open for signature (it opened on 12 Dec 2000")));
    assert!(plain(&r.spec.summary).contains("the Palermo Protocol was not yet open for signature; Migrant Workers Convention: 4 parties"), "{}", r.spec.summary);
}

#[test]
fn before_either_treaty_opened_the_charts_say_so_for_both() {
    // 1 Jun 1990 (data/treaties.csv): the Migrant Workers Convention opened for signature on 18 Dec 1990, the
    // Palermo Protocol on 12 Dec 2000.
    let both = "Neither treaty was open for signature yet on 1 Jun 1990: the Migrant Workers Convention opened on 18 Dec 1990, the Palermo Protocol on 12 Dec 2000.";
    // The regions chart: no bars, no "0 of 54" (which would read as 54 refusals); the plot says why, once.
    let r = render(&opts("regions", "1990-06-01", "640")).unwrap();
    let plot = plain(&r.spec.texts.iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join(" "));
    assert!(plot.contains(both), "{plot}");
    assert!(!plot.contains(" of 54"), "{plot}");
    assert!(!notes("regions", "1990-06-01").contains("18 Dec 1990"), "the note does not say it again");
    assert_eq!(plain(&r.spec.summary), both);
    // The map: its note names both treaties, its key says neither was open.
    let m = render(&opts("map", "1990-06-01", "640")).unwrap();
    assert!(plain(&m.spec.blocks.caveat.clone().unwrap_or_default()).contains(both), "{:?}", m.spec.blocks.caveat);
    assert!(m.spec.texts.iter().any(|t| plain(&t.text) == "Neither treaty open for signature yet"));
    // A map of one treaty speaks of that treaty's dates alone.
    let one = |t: &str, d: &str| {
        let o = Options::from_pairs([("chart", "map"), ("treaty", t), ("as-of", d), ("width", "640")]).unwrap();
        plain(&render(&o).unwrap().spec.blocks.caveat.unwrap_or_default())
    };
    assert_eq!(one("icrmw", "1990-12-18"), "Note: The Migrant Workers Convention was not yet in force on 18 Dec 1990: it entered into force on 1 Jul 2003.");
    assert_eq!(one("palermo", "2000-12-12"), "Note: The Palermo Protocol was not yet in force on 12 Dec 2000: it entered into force on 25 Dec 2003.");
    // Both treaties asked for on a day only the Migrant Workers Convention was open: its map, with a note on why the
    // Palermo Protocol is missing.
    let both_asked = plain(&render(&opts("map", "1995-06-01", "640")).unwrap().spec.blocks.caveat.unwrap_or_default());
    assert_eq!(both_asked, "Note: The Palermo Protocol was not yet open for signature on 1 Jun 1995: it opened on 12 Dec 2000.");
    // Once the Migrant Workers Convention opened, the regions chart draws its bars: 0 of 54 in Africa then.
    let later = plain(&spec("regions", "1991-01-01", "640").texts.iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join(" "));
    assert!(later.contains("0 of 54") && !later.contains(both), "{later}");
}

#[test]
fn timeline_before_palermo_opened_keys_only_the_drawn_line_and_says_why_once() {
    // 1 Jun 1999 (data/treaties.csv): the Palermo Protocol opened for signature on 12 Dec 2000; the Migrant
    // Workers Convention was open (18 Dec 1990) but not yet in force (1 Jul 2003).
    let r = render(&opts("timeline", "1999-06-01", "640")).unwrap();
    let lines: Vec<String> = r.spec.texts.iter().map(|t| plain(&t.text)).collect();
    assert!(lines.iter().any(|l| l == "Migrant Workers Convention"), "the drawn line is keyed: {lines:?}");
    assert!(!lines.iter().any(|l| l == "Palermo Protocol"), "no key for a line that is not drawn: {lines:?}");
    let said = lines.iter().filter(|l| l.contains("12 Dec 2000")).count();
    let noted = notes("timeline", "1999-06-01");
    assert_eq!(said, 1, "the plot says once why the Palermo line is missing: {lines:?}");
    assert!(!noted.contains("12 Dec 2000"), "and the note does not say it again: {noted}");
    assert!(noted.contains("Migrant Workers Convention was not yet in force on 1 Jun 1999: it entered into force on 1 Jul 2003"), "{noted}");
    // 1 Jun 2001: both open, neither yet in force (1 Jul 2003 and 25 Dec 2003); the note names both.
    for chart in ["timeline", "map"] {
        let noted = notes(chart, "2001-06-01");
        assert!(noted.contains("Neither treaty was in force yet on 1 Jun 2001: the Migrant Workers Convention entered into force on 1 Jul 2003, the Palermo Protocol on 25 Dec 2003."), "{chart}: {noted}");
    }
    // The band of uncertain deposits is keyed only where it can be seen: on 3 Aug 2020 Palau and Nepal had joined
    // on unknown days (data/date_bounds.csv), at most two parties: 3.2 px at 640 px, 1.9 px at 375 px.
    let keyed = |w: &str| spec("timeline", "2020-08-03", w).texts.iter().any(|t| plain(&t.text).starts_with("range: date of joining not known exactly"));
    assert!(keyed("640") && keyed("1200") && !keyed("375"));
    // Once both treaties are open, both lines are keyed.
    let later: Vec<String> = spec("timeline", "2001-06-01", "640").texts.iter().map(|t| plain(&t.text)).collect();
    assert!(later.iter().any(|l| l == "Palermo Protocol") && later.iter().any(|l| l == "Migrant Workers Convention"), "{later:?}");
}

#[test]
fn country_card_before_a_treaty_opened_says_so_once_and_gives_the_day() {
    // The Philippines on 1 Jan 1995 (data/treaty_actions.csv): the Palermo Protocol opened for signature on
    // 12 Dec 2000; the Philippines signed the Migrant Workers Convention on 15 Nov 1993 and ratified it in 1995.
    let r = render(&opts("country", "1995-01-01", "640")).unwrap();
    let lines: Vec<String> = r.spec.texts.iter().map(|t| plain(&t.text)).collect();
    assert_eq!(lines.iter().filter(|l| l.to_lowercase().starts_with("not yet open for signature")).count(), 1, "{lines:?}");
    assert!(lines.iter().any(|l| l == "Opened for signature: 12 Dec 2000"), "{lines:?}");
    assert!(lines.iter().any(|l| l == "Signed: 15 Nov 1993"), "{lines:?}");
    assert!(!lines.iter().any(|l| l.starts_with("Ratification")), "not yet ratified on 1 Jan 1995: {lines:?}");
    // A past date speaks in the past tense of the region's parties too.
    assert!(lines.iter().any(|l| l.starts_with("Asia: ") && (l.ends_with(" were parties") || l.ends_with(" was a party"))), "{lines:?}");
    let now: Vec<String> = render(&opts("country", "2026-02-03", "640")).unwrap().spec.texts.iter().map(|t| plain(&t.text)).collect();
    assert!(now.iter().any(|l| l.starts_with("Asia: ") && l.ends_with(" are parties")), "{now:?}");
    // Membership is today's (the data has no dates of independence or admission), and says so on a past date.
    assert_eq!(plain(&r.spec.blocks.subtitle), "Asia, South-eastern Asia · UN member state today");
    assert_eq!(plain(&render(&opts("country", "2026-02-03", "640")).unwrap().spec.blocks.subtitle), "Asia, South-eastern Asia · UN member state");
}

#[test]
fn one_party_is_singular() {
    // The ICRMW had one party from 19 Feb 1993 to 21 Jun 1993 (treaty_actions.csv).
    let s = spec("timeline", "2026-02-03", "640");
    let first = s.hits.iter().find(|h| h.lines.iter().any(|l| l == "Migrant Workers Convention: 1 party")).unwrap();
    assert!(first.lines.iter().any(|l| l.starts_with("New party to the Migrant Workers Convention: ")), "{:?}", first.lines);
    assert!(s.hits.iter().all(|h| h.lines.iter().all(|l| !l.contains(" 1 parties"))));
    // Days with several deposits say "parties".
    assert!(s.hits.iter().any(|h| h.lines.iter().any(|l| l.starts_with("New parties to the Palermo Protocol: "))));
}

#[test]
fn ids_differ_between_widths_and_titles() {
    let id = |o: &Options| {
        let svg = render(o).unwrap().svg();
        let doc = roxmltree::Document::parse(&svg).unwrap();
        doc.descendants().find(|n| n.has_tag_name("title")).unwrap().attribute("id").unwrap().to_string()
    };
    let a = id(&opts("timeline", "2020-08-03", "375"));
    assert!(a.starts_with("tc-timeline-20200803-375-"), "{a}");
    assert_ne!(a, id(&opts("timeline", "2020-08-03", "640")));
    let titled = Options::from_pairs([("chart", "timeline"), ("as-of", "2020-08-03"), ("width", "375"), ("chart-title", "T")]).unwrap();
    assert_ne!(a, id(&titled));
}

#[test]
fn year_labels_keep_a_regular_step() {
    for w in ["320", "375", "640", "760", "1200"] {
        let s = spec("timeline", "2020-08-03", w);
        let below = s.plot.y + s.plot.h;
        let years: Vec<i32> = s.texts.iter().filter(|t| t.y > below + 6.0 && t.y < below + 30.0 && t.text.len() == 4).filter_map(|t| t.text.parse().ok()).collect();
        assert_eq!(years.first(), Some(&1990), "{w}: {years:?}");
        let steps: Vec<i32> = years.windows(2).map(|p| p[1] - p[0]).collect();
        assert!(steps.windows(2).all(|p| p[0] == p[1]), "{w}: uneven year labels {years:?}");
        assert!(years.len() >= 4, "{w}: {years:?}");
    }
}

#[test]
fn host_text_styles_are_reset_on_the_root() {
    let r = render(&opts("status", "2020-08-03", "375")).unwrap();
    let svg = r.svg();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let root = doc.root_element();
    assert_eq!(root.attribute("direction"), Some("ltr"));
    // The reset is the style sheet's first rule, on the root's id (no style attribute: a Content-Security-Policy
    // may block those); the element inserts the body without any <style> and adopts the sheet.
    assert_eq!(root.attribute("style"), None);
    let id = root.attribute("id").unwrap();
    let first = r.css.split('}').next().unwrap();
    assert!(first.starts_with(&format!("#{id}{{")), "{first}");
    for decl in ["direction:ltr", "letter-spacing:normal", "word-spacing:normal", "text-transform:none"] {
        assert!(first.contains(decl), "{first}");
    }
    assert!(!r.body.contains("<style") && !r.body.contains("style=\""));
    assert!(svg.contains(&format!("<style>{}</style>", r.css)));
}

#[test]
fn tooltip_lines_do_not_depend_on_the_width() {
    // The element fetches every hit's lines once (hitLines) and keeps them across redraws for a new width, by the
    // hit's key: each key must carry the same lines at every width.
    for chart in charts::names() {
        for d in ["2000-12-12", "2026-02-03"] {
            let at = |w: &str| -> Vec<(String, Vec<String>)> { spec(chart, d, w).hits.into_iter().map(|h| (h.key, h.lines)).collect() };
            let wide = at("1200");
            let mut keys: Vec<&str> = wide.iter().map(|(k, _)| k.as_str()).collect();
            treaty_charts::sort::sort(&mut keys);
            keys.dedup();
            assert_eq!(keys.len(), wide.len(), "{chart} {d}: every hit's key is its own");
            for w in ["280", "375", "640"] {
                for (key, lines) in at(w) {
                    let same = wide.iter().find(|(k, _)| *k == key).map(|(_, l)| l);
                    assert_eq!(same, Some(&lines), "{chart} {d} at {w} px: hit {key}");
                }
            }
        }
    }
}

#[test]
fn a_drawing_without_tooltip_lines_is_the_same_drawing() {
    // The element draws without the lines (render_with(.., false)) and asks for them apart: everything else — the
    // SVG, its style sheet, the CSV, the table, the hits' keys and places — must be what render() gives, and the
    // lines must really be left out (else the saving is not there).
    use treaty_charts::render_with;
    for chart in charts::names() {
        for (d, w, extra) in [("2000-12-12", "375", None), ("2020-08-03", "640", Some(("lang", "fr"))), ("2026-02-03", "1200", None)] {
            let mut o = opts(chart, d, w);
            if let Some((k, v)) = extra {
                let mut pairs = vec![("chart", chart), ("as-of", d), ("width", w), (k, v)];
                pairs.extend(charts::find(chart).unwrap().example.iter().copied());
                o = Options::from_pairs(pairs).unwrap();
            }
            let (full, lean) = (render(&o).unwrap(), render_with(&o, false).unwrap());
            let at = format!("{chart} {d} {w} px");
            assert_eq!(full.body, lean.body, "{at}: SVG");
            assert_eq!((&full.css, &full.csv, &full.spec.table, &full.spec.summary), (&lean.css, &lean.csv, &lean.spec.table, &lean.spec.summary), "{at}");
            assert_eq!(full.spec.hits.len(), lean.spec.hits.len(), "{at}: hits");
            for (f, l) in full.spec.hits.iter().zip(&lean.spec.hits) {
                assert_eq!((&f.key, &f.region, &f.rule, &f.dots, f.walk, f.small), (&l.key, &l.region, &l.rule, &l.dots, l.walk, l.small), "{at}");
                assert!(!f.lines.is_empty() && l.lines.is_empty(), "{at}: hit {} has lines {:?} / {:?}", f.key, f.lines, l.lines);
            }
        }
    }
}

#[test]
fn highlighted_names_keep_off_the_lines_where_there_is_room() {
    // A name on the timeline sits beside its marker, clear of both treaties' step lines, when the chart has room;
    // and never on another name.
    use treaty_charts::spec::Role;
    for (codes, w) in [("GHA", "640"), ("TUR,DEU,USA", "640"), ("NPL,PLW,BTN", "375"), ("PHL,MEX", "1200"), ("GHA,NPL,DEU", "1200")] {
        let o = Options::from_pairs([("chart", "timeline"), ("width", w), ("highlight", codes)]).unwrap();
        let s = charts::build(Model::get(), &o).unwrap();
        let lines: Vec<&Vec<(f64, f64)>> = s
            .marks
            .iter()
            .filter_map(|m| match m {
                Mark::Path { points, color: Role::PalermoParty | Role::IcrmwParty, width, .. } if *width > 2.0 && points.len() > 2 => Some(points),
                _ => None,
            })
            .collect();
        assert_eq!(lines.len(), 2, "{codes} {w}: both step lines");
        let names: Vec<(&str, [f64; 4])> = s
            .texts
            .iter()
            .filter(|t| t.color == Role::Highlight)
            .map(|t| {
                let (l, r) = extent(t);
                (t.text.as_str(), [l, t.y - t.size * 0.8, r, t.y + t.size * 0.25])
            })
            .collect();
        assert!(names.len() >= codes.split(',').count(), "{codes} {w}: {names:?}");
        for (name, b) in &names {
            for line in &lines {
                for seg in line.windows(2) {
                    let (a, c) = (seg[0], seg[1]);
                    let crosses = a.0.max(c.0) > b[0] && a.0.min(c.0) < b[2] && a.1.max(c.1) > b[1] && a.1.min(c.1) < b[3];
                    assert!(!crosses, "{codes} at {w} px: “{name}” {b:?} on a line at {a:?}–{c:?}");
                }
            }
            for (other, o) in &names {
                let apart = b[2] <= o[0] || o[2] <= b[0] || b[3] <= o[1] || o[3] <= b[1];
                assert!(std::ptr::eq(name, other) || apart, "{codes} at {w} px: “{name}” on “{other}”");
            }
        }
    }
}

#[test]
fn many_highlighted_states_on_a_phone_take_numbers_and_a_key() {
    // Eight states on a 320 px timeline: their names find no place clear of one another, so every marker takes its
    // state's number (1 to 8, in the order given; a state on both lines on both markers) and a key under the plot
    // names them. Leaders never cross one another.
    use treaty_charts::spec::Role;
    let codes = "PHL,NPL,PLW,MEX,FRA,DEU,USA,BRA";
    for (lang, key) in [("en", "1 Philippines · 2 Nepal · 3 Palau · 4 Mexico"), ("es", "1 Filipinas · 2 Nepal · 3 Palaos · 4 México")] {
        let o = Options::from_pairs([("chart", "timeline"), ("width", "320"), ("highlight", codes), ("lang", lang)]).unwrap();
        let s = charts::build(Model::get(), &o).unwrap();
        let labels: Vec<String> = s.texts.iter().filter(|t| t.color == Role::Highlight).map(|t| plain(&t.text)).collect();
        let numbers: Vec<&String> = labels.iter().filter(|l| l.parse::<u8>().is_ok()).collect();
        // Philippines and Mexico joined both treaties (data/treaty_actions.csv): ten markers.
        assert_eq!(numbers.len(), 10, "{lang}: {labels:?}");
        assert_eq!(numbers.iter().filter(|n| n.as_str() == "1").count(), 2, "{lang}: the Philippines on both lines");
        let joined = labels.join(" ");
        assert!(joined.contains(key) && joined.contains("8 Bra"), "{lang}: {joined}");
        let leaders: Vec<((f64, f64), (f64, f64))> = s
            .marks
            .iter()
            .filter_map(|m| match m {
                Mark::Path { points, color: Role::Highlight, .. } if points.len() == 2 => Some((points[0], points[1])),
                _ => None,
            })
            .collect();
        let side = |p: (f64, f64), q: (f64, f64), r: (f64, f64)| (q.0 - p.0) * (r.1 - p.1) - (q.1 - p.1) * (r.0 - p.0);
        for (i, (a, b)) in leaders.iter().enumerate() {
            for (c, d) in leaders.iter().skip(i + 1) {
                let cross = side(*c, *d, *a) * side(*c, *d, *b) < 0.0 && side(*a, *b, *c) * side(*a, *b, *d) < 0.0;
                assert!(!cross, "{lang}: leaders {a:?}–{b:?} and {c:?}–{d:?} cross");
            }
        }
    }
    // With room, the names themselves: two states at 1200 px.
    let o = Options::from_pairs([("chart", "timeline"), ("width", "1200"), ("highlight", "PHL,NPL")]).unwrap();
    let s = charts::build(Model::get(), &o).unwrap();
    let labels: Vec<String> = s.texts.iter().filter(|t| t.color == Role::Highlight).map(|t| plain(&t.text)).collect();
    assert!(labels.iter().any(|l| l == "Philippines (Palermo)") && labels.iter().any(|l| l == "Nepal"), "{labels:?}");
}

#[test]
fn highlighted_states_are_never_left_out_without_a_word() {
    // On 3 Aug 2020 (data/treaty_actions.csv, date_bounds.csv): Nepal joined the Palermo Protocol on a day known
    // only between 1 Feb 2019 and 9 Oct 2020, so it may have joined; Bhutan had joined neither treaty.
    let o = Options::from_pairs([("chart", "timeline"), ("as-of", "2020-08-03"), ("width", "640"), ("highlight", "NPL,BTN")]).unwrap();
    let s = charts::build(Model::get(), &o).unwrap();
    let lines: Vec<String> = s.texts.iter().map(|t| plain(&t.text)).collect();
    assert!(lines.iter().any(|l| l == "Nepal"), "{lines:?}");
    assert!(lines.iter().any(|l| l == "Bhutan was not a party to either treaty on 3 Aug 2020."), "{lines:?}");
    assert!(lines.iter().any(|l| l == "highlighted state: date known only within a range"), "{lines:?}");
    use treaty_charts::theme::Role;
    let hollow = |s: &Spec| s.marks.iter().filter(|m| matches!(m, Mark::Dot { fill: Role::Surface, outline: Role::Highlight, .. })).count();
    assert_eq!(hollow(&s), 1, "one hollow marker: Nepal's possible deposit");
    // Once the range has ended (10 Oct 2020) Nepal is a party, but its day is still not known: the marker stays
    // hollow, at the range's end, and no filled marker claims a day ("the day it joined").
    // Names inside a sentence take their article in English (the United States ratified the Palermo Protocol on
    // 3 Nov 2005; the Holy See has joined neither); French and Spanish list them after a colon, in the past tense.
    for (lang, want) in [
        ("en", "The United States and the Holy See were not parties to either treaty on 1 Jan 2003."),
        ("es", "No eran partes en ninguno de los dos tratados el 1 ene. 2003: Estados Unidos y Santa Sede."),
        ("fr", "N’étaient parties à aucun des deux traités au 1er janv. 2003\u{202f}: États-Unis et Saint-Siège."),
    ] {
        let o = Options::from_pairs([("chart", "timeline"), ("lang", lang), ("as-of", "2003-01-01"), ("width", "1200"), ("highlight", "USA,VAT")]).unwrap();
        let s = charts::build(Model::get(), &o).unwrap();
        let lines: Vec<String> = s.texts.iter().map(|t| plain(&t.text)).collect();
        assert!(lines.iter().any(|l| l == want), "{lang}: {lines:?}");
    }
    let o = Options::from_pairs([("chart", "timeline"), ("as-of", "2020-10-10"), ("width", "640"), ("highlight", "NPL")]).unwrap();
    let s = charts::build(Model::get(), &o).unwrap();
    assert_eq!(hollow(&s), 1);
    assert!(!s.marks.iter().any(|m| matches!(m, Mark::Dot { fill: Role::Highlight, .. })));
    let lines: Vec<String> = s.texts.iter().map(|t| plain(&t.text)).collect();
    assert!(lines.iter().any(|l| l == "highlighted state: date known only within a range") && !lines.iter().any(|l| l.contains("the day it joined")), "{lines:?}");
}

#[test]
fn coverage_shows_every_figure_on_a_phone_and_dates_its_migrants() {
    // data/migrant_stock.csv: the United States is home to 52.4 million international migrants (mid-2024).
    for w in ["280", "320", "640"] {
        let s = spec("coverage", "2026-02-03", w);
        let figures = s.texts.iter().filter(|t| t.text.ends_with("million") || t.text.ends_with("\u{a0}million")).count();
        assert!(figures >= 20, "{w} px: {figures} figures");
        assert!(s.texts.iter().any(|t| plain(&t.text) == "52.4 million"), "{w} px");
    }
    let past = plain(&render(&opts("coverage", "1995-06-01", "2400")).unwrap().spec.blocks.title);
    assert_eq!(past, "98.6% of international migrants (2024) live in states that were not party to the Migrant Workers Convention on 1 Jun 1995");
    let now = plain(&render(&opts("coverage", "2026-02-03", "2400")).unwrap().spec.blocks.title);
    assert_eq!(now, "86.5% of international migrants live in states not party to the Migrant Workers Convention");
}

#[test]
fn status_markers_are_named_or_numbered() {
    // Two states on a wide chart: their names beside their markers.
    let o = Options::from_pairs([("chart", "status"), ("width", "1200"), ("highlight", "AUS,PHL")]).unwrap();
    let lines: Vec<String> = charts::build(Model::get(), &o).unwrap().texts.iter().map(|t| plain(&t.text)).collect();
    assert!(lines.iter().any(|l| l == "Australia") && lines.iter().any(|l| l == "Philippines"), "{lines:?}");
    assert!(!lines.iter().any(|l| l.starts_with("1 ")), "{lines:?}");
    // Eight on a phone: the names do not fit beside the markers, so the markers carry numbers and the lines under
    // the bar say whose they are (data: the Philippines joined the Palermo Protocol on 28 May 2002).
    let o = Options::from_pairs([("chart", "status"), ("width", "320"), ("highlight", "PHL,MEX,USA,DEU,IND,NPL,PLW,TUV")]).unwrap();
    let lines: Vec<String> = charts::build(Model::get(), &o).unwrap().texts.iter().map(|t| plain(&t.text)).collect();
    assert!(lines.iter().any(|l| l == "1"), "{lines:?}");
    assert!(lines.iter().any(|l| l.starts_with("1 Philippines: party since 28 May 2002")), "{lines:?}");
}

#[test]
fn every_status_marker_keeps_its_number_in_a_crowded_segment() {
    // 3 Aug 2020 (data/treaty_actions.csv): Congo and Uganda had only signed the Palermo Protocol (the whole
    // signatory segment: 2 of 195 states), Nepal may have been a party (a range), Bhutan neither. At 320 px their
    // four markers fall within a few pixels; each number must still be on the chart, once per treaty.
    // And eight states, six of them in the Migrant Workers Convention's "neither" segment, on a phone: their numbers
    // go on a line of their own, none on another.
    let cases = [("2020-08-03", "COG,UGA,NPL,BTN", ["320", "375", "640"].as_slice()), ("2026-02-03", "AND,BTN,VAT,IRN,MHL,PRK,PNG,WSM", ["320", "375"].as_slice())];
    for (as_of, states, widths) in cases {
        let n = states.split(',').count() as u32;
        for (w, lang) in widths.iter().flat_map(|w| ["en", "fr"].map(|l| (w, l))) {
            let o = Options::from_pairs([("chart", "status"), ("as-of", as_of), ("width", w), ("highlight", states), ("lang", lang)]).unwrap();
            let s = charts::build(Model::get(), &o).unwrap();
            let mut rows: Vec<f64> = s.marks.iter().filter_map(|m| if let Mark::Diamond { center, .. } = m { Some(center.1) } else { None }).collect();
            rows.dedup();
            assert_eq!(rows.len(), 2, "a row of markers per treaty");
            for row in rows {
                let xs: Vec<f64> = s.marks.iter().filter_map(|m| if let Mark::Diamond { center, .. } = m { (center.1 == row).then_some(center.0) } else { None }).collect();
                let labels: Vec<&Text> = s.texts.iter().filter(|t| t.color == treaty_charts::theme::Role::Highlight && t.y < row + 5.0 && t.y > row - 12.0).collect();
                assert_eq!(xs.len() as u32, n, "{w} px: a marker per state");
                for (i, a) in labels.iter().enumerate() {
                    for b in labels.iter().skip(i + 1) {
                        let ((a0, a1), (b0, b1)) = (extent(a), extent(b));
                        assert!(a.y != b.y || a1 <= b0 || b1 <= a0, "{w} px: labels {:?} and {:?} overlap", a.text, b.text);
                    }
                }
                // Each label sits by its markers: the nearest is under it or just beside it.
                for l in &labels {
                    let (l0, l1) = extent(l);
                    let near = xs.iter().map(|x| (x - (l0 + l1) / 2.0).abs()).fold(f64::INFINITY, f64::min);
                    assert!(near <= (l1 - l0) / 2.0 + 14.0, "{w} px {lang}: {:?} is {near:.0} px from the nearest marker", l.text);
                }
                let texts: Vec<String> = labels.iter().map(|t| plain(&t.text).replace(' ', "")).collect();
                let overlap = xs.iter().enumerate().any(|(i, a)| xs.iter().skip(i + 1).any(|b| (a - b).abs() < 9.0));
                if texts.iter().any(|l| l.chars().any(char::is_alphabetic)) {
                    assert!(!overlap, "{w} px: names only beside markers that do not overlap: {texts:?}");
                    continue;
                }
                let mut seen: Vec<u32> = texts.iter().flat_map(|l| l.split('·')).map(|p| p.parse().unwrap()).collect();
                seen.sort_unstable();
                assert_eq!(seen, (1..=n).collect::<Vec<_>>(), "{w} px: every marker's number, once: {texts:?}");
            }
        }
    }
}

#[test]
fn a_short_treaty_tag_is_defined_where_it_is_used() {
    // Mexico deposited to both treaties (data/treaty_actions.csv), so its two labels carry the lines' short tags;
    // the keys then say which tag is which treaty. The coverage table's column heads are tags too.
    let texts = |pairs: &[(&str, &str)]| -> Vec<String> {
        charts::build(Model::get(), &Options::from_pairs(pairs.iter().copied()).unwrap()).unwrap().texts.iter().map(|t| plain(&t.text)).collect()
    };
    let tagged = texts(&[("chart", "timeline"), ("width", "1200"), ("highlight", "MEX")]);
    assert!(tagged.iter().any(|t| t == "Mexico (ICRMW)"), "{tagged:?}");
    assert!(tagged.iter().any(|t| t == "Migrant Workers Convention (ICRMW)"), "{tagged:?}");
    assert!(tagged.iter().any(|t| t == "Palermo Protocol") && !tagged.iter().any(|t| t.starts_with("Palermo Protocol (")), "{tagged:?}");
    let plain_keys = texts(&[("chart", "timeline"), ("width", "1200")]);
    assert!(plain_keys.iter().any(|t| t == "Migrant Workers Convention") && !plain_keys.iter().any(|t| t.contains("(ICRMW)")), "{plain_keys:?}");
    // In French the tag is the name's own words: nothing to define.
    let fr = texts(&[("chart", "timeline"), ("width", "1200"), ("highlight", "MEX"), ("lang", "fr")]);
    assert!(fr.iter().any(|t| t == "Mexique (Travailleurs migrants)"), "{fr:?}");
    assert!(fr.iter().any(|t| t == "Convention sur les travailleurs migrants"), "{fr:?}");
    let coverage = texts(&[("chart", "coverage"), ("width", "640")]);
    assert!(coverage.iter().any(|t| t == "Migrant Workers Convention (ICRMW)") && coverage.iter().any(|t| t == "ICRMW"), "{coverage:?}");
}

#[test]
fn a_segments_share_of_the_states_is_rounded() {
    // Each status segment's tooltip gives its share of the 195 states to the nearest tenth (data: on the newest
    // date the Migrant Workers Convention has 60 parties and 124 states neither signed nor joined it: 30.77% and
    // 63.59%, which read 30.8% and 63.6%, not 30.7% and 63.5%).
    let s = spec("status", "2026-02-03", "640");
    let model = Model::get();
    let c = model.status_counts(treaty_charts::data::Treaty::Icrmw, treaty_charts::date::Day::parse("2026-02-03").unwrap());
    for (key, n) in [("icrmw:party", c.party), ("icrmw:neither", c.neither)] {
        let hit = s.hits.iter().find(|h| h.key == key).unwrap();
        let share = format!("{:.1}% of the 195 states", f64::from(n) * 100.0 / 195.0);
        assert!(hit.lines.iter().any(|l| plain(l) == share), "{key}: {:?} lacks {share}", hit.lines);
    }
    assert_eq!((c.party, c.neither), (60, 124));
}

#[test]
fn headlines_and_summaries_hold_on_a_past_date() {
    // A past date's words do not say "are parties" of 1995: the one-treaty map's headline takes the past tense, the
    // regions chart's subtitle and summary and the status chart's subtitle are written without a tense.
    let build = |pairs: &[(&str, &str)]| charts::build(Model::get(), &Options::from_pairs(pairs.iter().copied()).unwrap()).unwrap();
    let map = |as_of: &str| plain(&build(&[("chart", "map"), ("treaty", "icrmw"), ("as-of", as_of)]).blocks.title);
    assert_eq!(map("1995-06-01"), "Who had joined the Migrant Workers Convention");
    assert_eq!(map("2026-02-03"), "Who has joined the Migrant Workers Convention");
    for chart in ["regions", "status", "map"] {
        let s = build(&[("chart", chart), ("as-of", "1995-06-01"), ("width", "640")]);
        let words = plain(&format!("{} {}", s.blocks.subtitle, s.summary));
        for present in [" are parties", " is a party", " have only signed", " have done neither", " are party"] {
            assert!(!text::contains(&words, present), "{chart}: “{present}” in {words}");
        }
    }
    // The regions summary names each region's count of states (data/countries.csv: 54 UN states in Africa).
    let africa = Model::get().un_states().filter(|s| s.country.region == treaty_charts::data::Region::Africa).count();
    let s = build(&[("chart", "regions"), ("as-of", "1995-06-01")]);
    assert!(text::contains(&plain(&s.summary), &format!("Africa ({africa} states): ")), "{}", s.summary);
    assert_eq!(africa, 54);
}

#[test]
fn a_country_cards_accessible_name_says_what_it_is_about() {
    // The card's headline is the state's name alone; a screen reader, the iframe page's title and the builder's
    // iframe title get the name with what the card is about, in the chart's language.
    let card = |lang: &str, title: Option<&str>| {
        let mut pairs = vec![("chart", "country"), ("country", "NPL"), ("lang", lang)];
        pairs.extend(title.map(|t| ("chart-title", t)));
        render(&Options::from_pairs(pairs).unwrap()).unwrap()
    };
    for (lang, name, label) in [
        ("en", "Nepal", "Nepal: its standing under the Palermo Protocol and the Migrant Workers Convention"),
        ("fr", "Népal", "Népal\u{202f}: sa situation au regard du Protocole de Palerme et de la Convention sur les travailleurs migrants"),
        ("es", "Nepal", "Nepal: su situación ante el Protocolo de Palermo y la Convención sobre los Trabajadores Migratorios"),
    ] {
        let r = card(lang, None);
        assert_eq!(r.spec.blocks.title, name);
        assert_eq!(r.spec.blocks.label, label);
        assert!(r.svg().contains(&format!("-title\">{label}</title>")), "{lang}: the SVG's title is the label");
    }
    // A chosen headline is the chart's name as it stands.
    assert_eq!(card("en", Some("Nepal and trafficking")).spec.blocks.label, "Nepal and trafficking");
    // Other charts' headlines say what they show: the name is the headline.
    for chart in ["timeline", "status", "map", "coverage", "regions"] {
        let b = render(&opts(chart, "2020-08-03", "640")).unwrap().spec.blocks;
        assert_eq!(b.label, b.title, "{chart}");
    }
}

#[test]
fn the_elements_drawing_keeps_its_style_sheet_across_widths() {
    // In the element's shadow root the ids leave out the width, so that a width change does not replace the adopted
    // style sheet (which restyles the whole shadow tree); a file or inline SVG keeps the width in its ids, since two
    // widths of one chart differ in their clip path.
    use treaty_charts::{render_for_element, render_with};
    for chart in charts::names() {
        let (narrow, wide) = (render_for_element(&opts(chart, "2020-08-03", "375")).unwrap(), render_for_element(&opts(chart, "2020-08-03", "640")).unwrap());
        assert_eq!(narrow.css, wide.css, "{chart}: the element's style sheet at 375 and 640 px");
        let page = render_with(&opts(chart, "2020-08-03", "640"), false).unwrap();
        assert_ne!(page.css, wide.css, "{chart}: a page's ids name the width");
        let id = |body: &str| body.split("id=\"").nth(1).and_then(|s| s.split('"').next()).unwrap().to_string();
        let (shadow_id, page_id) = (id(&wide.body), id(&page.body));
        assert!(page_id.contains("-640-") && !shadow_id.contains("-640-"), "{chart}: {page_id} / {shadow_id}");
        // Apart from the ids, the same drawing.
        assert_eq!(wide.body.replace(&shadow_id, &page_id), page.body, "{chart}");
    }
}

#[test]
fn each_chart_credits_the_sources_it_draws_on() {
    // Natural Earth's outlines are drawn by the map alone; UN DESA's migrant stock is in every chart's notes (who
    // stays out of the Migrant Workers Convention is told by where the migrants live).
    for chart in charts::names() {
        let b = render(&opts(chart, "2026-02-03", "640")).unwrap().spec.blocks;
        let about = plain(&b.about.join(" "));
        assert_eq!(b.source.contains("Natural Earth"), chart == "map", "{chart}: {}", b.source);
        assert!(b.source.contains("UN DESA International Migrant Stock 2024"), "{chart}: {}", b.source);
        assert!(about.contains("migrants") || chart == "country", "{chart}: {about}");
    }
}
