//! Compiles the CSV files in `data/` into typed Rust tables (`$OUT_DIR/data_tables.rs`).
//!
//! Parsing happens here, once, with the `csv` crate; the library (native and wasm) ships no CSV parser.
//! A malformed date or an unknown treaty tag stops the build with a message naming the file and row.

#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // a build script stops loudly on bad data

#[allow(dead_code)]
#[path = "src/date.rs"]
mod date;
#[path = "build/geometry.rs"]
mod geometry;

use date::Day;
use std::fmt::Write as _;
use std::{env, fs, path::Path};

type Row = csv::StringRecord;

fn read(file: &str) -> (csv::StringRecord, Vec<Row>) {
    println!("cargo:rerun-if-changed=data/{file}");
    let mut r = csv::Reader::from_path(Path::new("data").join(file))
        .unwrap_or_else(|e| panic!("data/{file}: {e}"));
    let header = r.headers().unwrap_or_else(|e| panic!("data/{file}: {e}")).clone();
    let rows = r.records().map(|x| x.unwrap_or_else(|e| panic!("data/{file}: {e}"))).collect();
    (header, rows)
}

fn col<'a>(header: &csv::StringRecord, row: &'a Row, name: &str, file: &str) -> &'a str {
    let i = header.iter().position(|h| h == name).unwrap_or_else(|| panic!("data/{file}: no column {name}"));
    row.get(i).unwrap_or("")
}

fn day(s: &str, file: &str) -> String {
    match Day::parse(s) {
        Ok(d) => format!("Day({})", d.0),
        Err(e) => panic!("data/{file}: {e}"),
    }
}

fn opt_day(s: &str, file: &str) -> String {
    if s.is_empty() { "None".into() } else { format!("Some({})", day(s, file)) }
}

fn treaty(tag: &str, file: &str) -> &'static str {
    match tag {
        "palermo" => "Treaty::Palermo",
        "icrmw" => "Treaty::Icrmw",
        other => panic!("data/{file}: unknown treaty tag {other:?}"),
    }
}

fn main() {
    let mut out = String::new();

    let f = "treaties.csv";
    let (h, rows) = read(f);
    assert_eq!(rows.len(), 2, "data/{f}: expected exactly two treaties");
    let tags: Vec<&str> = rows.iter().map(|r| col(&h, r, "treaty", f)).collect();
    assert_eq!(tags, ["palermo", "icrmw"], "data/{f}: rows must be palermo, icrmw in that order");
    out.push_str("static TREATIES: [TreatyInfo; 2] = [\n");
    for r in &rows {
        let c = |n| col(&h, r, n, f);
        writeln!(
            out,
            "  TreatyInfo {{ tag: {:?}, short_name: {:?}, name: {:?}, untc_ref: {:?}, adopted: {}, opened_for_signature: {}, entry_into_force: {}, complete_list_as_of: {} }},",
            c("treaty"), c("short_name"), c("name"), c("untc_ref"), day(c("adopted"), f),
            day(c("opened_for_signature"), f), day(c("entry_into_force"), f), day(c("complete_list_as_of"), f)
        ).ok();
    }
    out.push_str("];\n");

    let f = "countries.csv";
    let (h, mut rows) = read(f);
    rows.sort_by(|a, b| col(&h, a, "iso3", f).cmp(col(&h, b, "iso3", f)));
    out.push_str("static COUNTRIES: &[Country] = &[\n");
    for r in &rows {
        let c = |n| col(&h, r, n, f);
        let un = match c("un_member") {
            "member" => "UnStatus::Member",
            "observer" => "UnStatus::Observer",
            "other" => "UnStatus::Other",
            x => panic!("data/{f}: un_member {x:?}"),
        };
        writeln!(out, "  Country {{ iso3: {:?}, name: {:?}, region: {:?}, un: {un} }},", c("iso3"), c("name"), c("region")).ok();
    }
    out.push_str("];\n");

    let f = "treaty_actions.csv";
    let (h, rows) = read(f);
    out.push_str("static ACTIONS: &[Action] = &[\n");
    for r in &rows {
        let c = |n| col(&h, r, n, f);
        let kind = match c("action_type") {
            "" => "None",
            "ratification" => "Some(ActionKind::Ratification)",
            "accession" => "Some(ActionKind::Accession)",
            "acceptance" => "Some(ActionKind::Acceptance)",
            "approval" => "Some(ActionKind::Approval)",
            "succession" => "Some(ActionKind::Succession)",
            x => panic!("data/{f}: action_type {x:?}"),
        };
        writeln!(
            out,
            "  Action {{ treaty: {}, iso3: {:?}, signature: {}, action: {}, kind: {kind}, source: {:?} }},",
            treaty(c("treaty"), f), c("iso3"), opt_day(c("signature_date"), f), opt_day(c("action_date"), f), c("source")
        ).ok();
    }
    out.push_str("];\n");

    let f = "treaty_status.csv";
    let (h, rows) = read(f);
    out.push_str("static HEADLINES: &[Headline] = &[\n");
    for r in &rows {
        let c = |n| col(&h, r, n, f);
        let as_of = c("as_of");
        let d = Day::parse(as_of).map(|d| format!("Some(Day({}))", d.0)).unwrap_or_else(|_| "None".into());
        let num = |n| match c(n) {
            "" => "None".to_string(),
            x => format!("Some({})", x.parse::<u16>().unwrap_or_else(|_| panic!("data/{f}: {n} {x:?}"))),
        };
        let parties: u16 = c("parties").parse().unwrap_or_else(|_| panic!("data/{f}: parties"));
        writeln!(
            out,
            "  Headline {{ treaty: {}, as_of_text: {as_of:?}, day: {d}, signatories: {}, parties: {parties}, source_url: {:?} }},",
            treaty(c("treaty"), f), num("signatories"), c("source_url")
        ).ok();
    }
    out.push_str("];\n");

    let f = "migrant_stock.csv";
    let (h, mut rows) = read(f);
    rows.retain(|r| !matches!(col(&h, r, "iso3", f), "WLD" | "CHI"));
    let stock = |r: &Row| -> u64 { col(&h, r, "immigrant_stock", f).parse().unwrap_or(0) };
    rows.sort_by(|a, b| stock(b).cmp(&stock(a)).then(col(&h, a, "iso3", f).cmp(col(&h, b, "iso3", f))));
    out.push_str("static MIGRANT_STOCK: &[MigrantStock] = &[\n");
    for r in &rows {
        writeln!(out, "  MigrantStock {{ iso3: {:?}, immigrants: {} }},", col(&h, r, "iso3", f), stock(r)).ok();
    }
    out.push_str("];\n");

    let dest = Path::new(&env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).join("data_tables.rs");
    fs::write(&dest, out).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/date.rs");
    geometry::write();
}
