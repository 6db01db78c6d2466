//! The importer against the UN Treaty Collection's own records (tests/fixtures/untc, copied unchanged from the
//! shared research folder): each reproduces, row for row, the rows `data/treaty_actions.csv` took from it; broken
//! records give errors that name the participant, the column and the text.
#![allow(clippy::disallowed_methods)] // native only: the methods clippy.toml refuses keep the .wasm small; this never enters it
#![allow(clippy::unwrap_used, clippy::expect_used)]

use treaty_charts::data::Treaty;
use treaty_charts::import::{self, Format, ImportError};

const HTML: &str = "tests/fixtures/untc/IV-13-viewdetails-2026-02-03.html";
const ICRMW_XML: &str = "tests/fixtures/untc/IV-13-mtdsg-2018-01.xml";
const PALERMO_XML: &str = "tests/fixtures/untc/XVIII-12-a-mtdsg-2018-01.xml";

/// The data's rows with this source tag, as CSV lines without line ends.
fn data_rows(tag: &str) -> Vec<String> {
    let mut r = csv::Reader::from_path("data/treaty_actions.csv").unwrap();
    let mut out: Vec<String> = r.records().map(|x| x.unwrap().iter().collect::<Vec<_>>().join(",")).filter(|l| l.ends_with(&format!(",{tag}"))).collect();
    out.sort();
    out
}

fn imported_rows(csv_text: &str) -> Vec<String> {
    let mut out: Vec<String> = csv_text.lines().skip(1).map(|l| l.trim_end_matches('\r').to_string()).collect();
    out.sort();
    out
}

#[test]
fn the_2026_convention_page_reproduces_its_71_rows() {
    let imported = import::import(Treaty::Icrmw, &std::fs::read(HTML).unwrap(), None).unwrap();
    assert_eq!(imported.format, Format::ViewDetailsHtml);
    assert_eq!(imported.reference, "IV-13");
    assert_eq!(imported.status_as_at.unwrap().to_string(), "2026-02-03");
    let csv = import::to_csv(&imported);
    assert!(csv.starts_with("treaty,participant,iso3,signature_date,action_date,action_type,source\r\n"));
    let ours = data_rows("untc-2026-02-03");
    assert_eq!(ours.len(), 71);
    assert_eq!(imported_rows(&csv), ours);
    // Footnote marks are not part of names ("Montenegro 2" on the page); markers give the mode.
    assert!(csv.contains("icrmw,Montenegro,MNE,2006-10-23,,,untc-2026-02-03"));
    assert!(csv.contains("icrmw,Zimbabwe,ZWE,,2024-11-05,accession,untc-2026-02-03"));
    let diff = import::diff(&imported);
    assert_eq!(diff.first().unwrap(), "no differences from data/treaty_actions.csv");
    // The page's own header line ("Signatories : 40. Parties : 60") is compared with its rows.
    assert!(diff.contains(&"counts: the record's header says 40 signatories and 60 parties; its rows give the same".to_string()), "{diff:?}");
    assert!(diff.contains(&"complete to: the record is as at 2026-02-03, as data/treaties.csv says".to_string()), "{diff:?}");
}

#[test]
fn a_page_that_contradicts_itself_or_its_header_is_reported() {
    let page = std::fs::read_to_string(HTML).unwrap();
    // A header count its rows do not give.
    let i = page.find("Parties :").unwrap();
    let j = i + page[i..].find("60").unwrap();
    let bumped = format!("{}61{}", &page[..j], &page[j + 2..]);
    let diff = import::diff(&import::import(Treaty::Icrmw, bumped.as_bytes(), None).unwrap());
    assert!(diff.contains(&"counts: the record's header says 40 signatories and 61 parties, but its rows give 40 and 60".to_string()), "{diff:?}");
    // A deposit after the page's own "status as at" date.
    let late = page.replacen("5 Nov\t 2024 a", "1 Dec\t 2026 a", 1);
    assert_ne!(late, page);
    let e = import::import(Treaty::Icrmw, late.as_bytes(), None).unwrap_err().to_string();
    assert!(e.contains("Zimbabwe: deposit 2026-12-01 is after the record's own date (2026-02-03)"), "{e}");
    // A source tag that is not a tag.
    let e = import::import(Treaty::Icrmw, page.as_bytes(), Some("=cmd|x")).unwrap_err().to_string();
    assert!(e.starts_with("--source “=cmd|x” is not a source tag"), "{e}");
}

#[test]
fn the_2018_protocol_xml_reproduces_its_175_rows_with_the_documented_renamings() {
    let imported = import::import(Treaty::Palermo, &std::fs::read(PALERMO_XML).unwrap(), Some("untc-xml-2018-01")).unwrap();
    assert_eq!(imported.format, Format::MtdsgXml);
    assert_eq!(imported.reference, "XVIII-12-a");
    assert_eq!(imported.header, Some((117, 173)));
    let ours = data_rows("untc-xml-2018-01");
    assert_eq!(ours.len(), 175);
    assert_eq!(imported_rows(&import::to_csv(&imported)), ours);
    // TREATY_SOURCES.md §3: the five names the UN has changed since, and nothing else renamed.
    let renamed: Vec<(&str, &str)> = imported.renamed.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    assert_eq!(
        renamed,
        [
            ("Bahamas", "Bahamas (The)"),
            ("Netherlands", "Netherlands (Kingdom of the)"),
            ("Swaziland", "Eswatini"),
            ("The former Yugoslav Republic of Macedonia", "North Macedonia"),
            ("Turkey", "Türkiye"),
        ]
    );
    let diff = import::diff(&imported);
    // The eight later accessions come from other sources, and the diff says so rather than dropping them.
    assert_eq!(diff.iter().filter(|l| l.starts_with("not in this record:")).count(), 8, "{diff:?}");
    assert!(diff.iter().any(|l| l == "counts: the record's header says 117 signatories and 173 parties; its rows give the same"));
    assert!(!diff.iter().any(|l| l.starts_with("changed:") || l.starts_with("new:")), "{diff:?}");
}

#[test]
fn an_older_record_shows_what_changed_since() {
    // The 2018 Convention XML, against data complete to 2026: later deposits show as changes, later parties as
    // missing from the record, and its own header agrees with its rows.
    let imported = import::import(Treaty::Icrmw, &std::fs::read(ICRMW_XML).unwrap(), None).unwrap();
    assert_eq!(imported.header, Some((39, 51)));
    assert_eq!(imported.rows.len(), 67);
    let diff = import::diff(&imported);
    assert!(diff.contains(&"changed: Benin (BEN): deposit 2018-07-06 → none; mode ratification → none".to_string()), "{diff:?}");
    assert!(diff.contains(&"not in this record: Zimbabwe (ZWE), source untc-2026-02-03".to_string()), "{diff:?}");
    assert_eq!(imported.rows.iter().find(|r| r.iso3 == "TUR").unwrap().participant, "Türkiye");
    // The same file saved again as UTF-8 (and saying so) gives the same rows.
    let latin1 = std::fs::read(PALERMO_XML).unwrap();
    let first = import::import(Treaty::Palermo, &latin1, None).unwrap();
    let utf8: String = latin1.iter().map(|&b| char::from(b)).collect::<String>().replacen("encoding=\"iso-8859-1\"", "encoding=\"utf-8\"", 1);
    let again = import::import(Treaty::Palermo, utf8.as_bytes(), None).unwrap();
    assert_eq!(import::to_csv(&again), import::to_csv(&first));
    assert!(again.rows.iter().any(|r| r.participant.starts_with("Côte")), "{:?}", again.rows.iter().map(|r| &r.participant).collect::<Vec<_>>());
}

#[test]
fn broken_or_foreign_records_say_what_is_wrong() {
    let html = std::fs::read_to_string(HTML).unwrap();
    let err = |t: Treaty, s: &str| import::import(t, s.as_bytes(), None).unwrap_err().to_string();
    assert_eq!(
        err(Treaty::Palermo, &html),
        "the record is for IV-13, not XVIII-12-a: check --treaty"
    );
    assert!(err(Treaty::Icrmw, "treaty,participant\nicrmw,Albania").starts_with("not a UN Treaty Collection status record: the file starts “treaty,participant”"));
    // A name nobody knows: where to add it.
    let e = import::import(Treaty::Icrmw, html.replacen(">Albania<", ">Atlantis<", 1).as_bytes(), None).unwrap_err();
    assert_eq!(e, ImportError::UnknownNames(vec!["Atlantis".to_string()]));
    assert!(e.to_string().contains("add a row to data/untc_renamings.csv"));
    // An impossible date and an unknown marker name the participant, the column and the text.
    assert_eq!(
        err(Treaty::Icrmw, &html.replacen("5 Jun\t 2007 a", "31 Jun\t 2007 a", 1)),
        "Albania: consent to be bound “31 Jun 2007 a”: June 2007 has 30 days"
    );
    assert_eq!(
        err(Treaty::Icrmw, &html.replacen("5 Jun\t 2007 a", "5 Jun\t 2007 x", 1)),
        "Albania: consent to be bound “5 Jun 2007 x”: unknown marker “x”: use none, a, A, AA or d"
    );
    assert!(err(Treaty::Icrmw, &html.replacen("5 Jun\t 2007 a", "5 Juin\t 2007 a", 1)).ends_with("“Juin” is not a month (Jan … Dec)"));
    // A page cut short.
    assert!(err(Treaty::Icrmw, &html[..html.len() / 2]).contains("the page is incomplete"));
    // A participant twice.
    let i = html.find("Zimbabwe<br>").unwrap();
    let row_start = html[..i].rfind("<tr").unwrap();
    let row_end = i + html[i..].find("</tr>").unwrap() + 5;
    let twice = format!("{}{}{}", &html[..row_end], &html[row_start..row_end], &html[row_end..]);
    assert!(err(Treaty::Icrmw, &twice).contains("Zimbabwe (ZWE) appears twice in the record"), "{}", err(Treaty::Icrmw, &twice));
}

#[test]
fn the_check_report_reproduces_every_headline() {
    let (lines, ok) = import::check_report();
    assert!(ok, "{lines:?}");
    assert!(lines.contains(&"headlines: 10 dated counts within a complete list reproduced exactly; 1 later depositary count not exceeded".to_string()), "{lines:?}");
    assert!(lines.contains(&"gap: palermo on 2024-04-20: the depositary counted 182, the data identifies 181".to_string()), "{lines:?}");
}
