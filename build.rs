//! Compiles the CSV files in `data/` into typed Rust tables (`$OUT_DIR/data_tables.rs`).
//!
//! Parsing happens here, once, with the `csv` crate; the library (native and wasm) ships no CSV parser.
//! A malformed date or an unknown treaty tag stops the build with a message naming the file and row.
#![allow(clippy::disallowed_methods)] // native only: the methods clippy.toml refuses keep the .wasm small; this never enters it

#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // a build script stops loudly on bad data

#[path = "build/geometry.rs"]
mod geometry;
// The row checks of treaty_actions.csv, shared with the importer and `treaty-charts check`.
#[path = "src/rows.rs"]
#[allow(dead_code)]
mod rows;

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

/// Julian day number of a `YYYY-MM-DD` calendar date (the representation of `date::Day`).
fn julian(s: &str) -> Option<i32> {
    let mut parts = s.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let month = time::Month::try_from(m.parse::<u8>().ok()?).ok()?;
    time::Date::from_calendar_date(y.parse().ok()?, month, d.parse().ok()?).ok().map(|d| d.to_julian_day())
}

fn day(s: &str, file: &str) -> String {
    match julian(s) {
        Some(d) => format!("Day({d})"),
        None => panic!("data/{file}: {s:?} is not a YYYY-MM-DD calendar date"),
    }
}

fn variant(value: &str, file: &str, column: &str, table: &[(&str, &'static str)]) -> &'static str {
    table.iter().find(|(k, _)| *k == value).map(|(_, v)| *v).unwrap_or_else(|| panic!("data/{file}: {column} {value:?}"))
}

const REGIONS: &[(&str, &str)] = &[
    ("Africa", "Africa"), ("Americas", "Americas"), ("Asia", "Asia"), ("Europe", "Europe"), ("Oceania", "Oceania"), ("", "None"),
];

const SUBREGIONS: &[(&str, &str)] = &[
    ("Northern Africa", "NorthernAfrica"), ("Sub-Saharan Africa", "SubSaharanAfrica"),
    ("Latin America and the Caribbean", "LatinAmericaAndTheCaribbean"), ("Northern America", "NorthernAmerica"),
    ("Central Asia", "CentralAsia"), ("Eastern Asia", "EasternAsia"), ("South-eastern Asia", "SouthEasternAsia"),
    ("Southern Asia", "SouthernAsia"), ("Western Asia", "WesternAsia"), ("Eastern Europe", "EasternEurope"),
    ("Northern Europe", "NorthernEurope"), ("Southern Europe", "SouthernEurope"), ("Western Europe", "WesternEurope"),
    ("Australia and New Zealand", "AustraliaAndNewZealand"), ("Melanesia", "Melanesia"), ("Micronesia", "Micronesia"),
    ("Polynesia", "Polynesia"), ("", "None"),
];

/// Appends `v` as an unsigned LEB128 varint (7 bits a byte, low first; `data::Bytes::varint` reads it).
fn varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// A packed table as Rust source: its bytes and its text (see `data::Bytes`).
fn packed(out: &mut String, name: &str, doc: &str, bytes: &[u8], text: &str) {
    writeln!(out, "/// {doc}").ok();
    writeln!(out, "static {name}: Packed = Packed {{ bytes: &{bytes:?}, text: {text:?} }};").ok();
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
    let opened: Vec<(String, Option<rows::Ymd>)> =
        rows.iter().map(|r| (col(&h, r, "treaty", f).to_string(), rows::Ymd::parse(col(&h, r, "opened_for_signature", f)).ok())).collect();
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
    let codes: Vec<String> = rows.iter().map(|r| col(&h, r, "iso3", f).to_string()).collect();
    // Packed (data::countries decodes it once): per row the M49 code + 1 (0: none), the region's and sub-region's
    // positions in REGIONS / SUBREGIONS, the UN status (0 member, 1 observer, 2 other) and the name's length in
    // bytes, as varints; the text holds each row's ISO3 code, ISO2 code and name, one after the other. A name that
    // is the one charts show in English (country_names.csv, NAMES_EN) has length 0 and is taken from there: 218 of
    // the 250 are.
    let english: std::collections::HashMap<String, String> = {
        let (nh, names) = read("country_names.csv");
        names.iter().map(|r| (col(&nh, r, "iso3", "country_names.csv").to_string(), col(&nh, r, "en", "country_names.csv").to_string())).collect()
    };
    let (mut bytes, mut text) = (Vec::new(), String::new());
    for r in &rows {
        let c = |n| col(&h, r, n, f);
        let un = match c("un_member") {
            "member" => 0,
            "observer" => 1,
            "other" => 2,
            x => panic!("data/{f}: un_member {x:?}"),
        };
        // Kosovo has no M49 code.
        let m49 = match c("m49") {
            "" => 0,
            x => 1 + u64::from(x.parse::<u16>().unwrap_or_else(|_| panic!("data/{f}: m49 {x:?}"))),
        };
        let position = |v: &str, list: &[(&str, &'static str)], what: &str| {
            variant(v, f, what, list);
            list.iter().position(|(csv, _)| *csv == v).unwrap_or_default() as u64
        };
        let (iso3, iso2) = (c("iso3"), c("iso2"));
        assert!(iso3.len() == 3 && iso3.is_ascii() && iso2.len() == 2 && iso2.is_ascii(), "data/{f}: codes {iso3:?} {iso2:?}");
        assert!(!c("name").is_empty(), "data/{f}: {iso3} has no name");
        let name = if english.get(iso3).is_some_and(|n| n == c("name")) { "" } else { c("name") };
        for v in [m49, position(c("region"), REGIONS, "region"), position(c("subregion"), SUBREGIONS, "subregion"), un, name.len() as u64] {
            varint(&mut bytes, v);
        }
        text.push_str(iso3);
        text.push_str(iso2);
        text.push_str(name);
    }
    for (name, ty, list) in [("REGION_ORDER", "Region", REGIONS), ("SUBREGION_ORDER", "Subregion", SUBREGIONS)] {
        writeln!(out, "/// The {ty} of each position in the packed countries.").ok();
        let items: Vec<String> = list.iter().map(|(_, v)| format!("{ty}::{v}")).collect();
        writeln!(out, "const {name}: [{ty}; {}] = [{}];", list.len(), items.join(", ")).ok();
    }
    packed(&mut out, "COUNTRIES_PACKED", "countries.csv, sorted by ISO3 code (see `data::countries`).", &bytes, &text);

    let f = "treaty_actions.csv";
    let (h, rows) = read(f);
    let columns: Vec<&str> = h.iter().collect();
    assert_eq!(columns, rows::ACTION_COLUMNS, "data/{f}: the columns must be {}", rows::ACTION_COLUMNS.join(","));
    // Every row is checked before any is compiled, and every problem is reported at once (a build that stops at
    // the first bad row makes a maintainer rebuild once per mistake): fields, then the rows together (a state
    // twice, an unknown code, a date before the treaty opened).
    let mut problems: Vec<String> = Vec::new();
    let mut checked: Vec<(usize, rows::ActionRow)> = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let fields: Vec<&str> = r.iter().collect();
        match rows::action_row(i + 2, &fields) {
            Ok(a) => checked.push((i + 2, a)),
            Err(e) => problems.push(e.to_string()),
        }
    }
    let known = |c: &str| codes.iter().any(|k| k == c);
    let opened_on = |t: &str| opened.iter().find(|(tag, _)| tag == t).and_then(|(_, d)| *d);
    problems.extend(rows::check_actions(&checked, &known, &opened_on).iter().map(ToString::to_string));
    if !problems.is_empty() {
        eprintln!("data/{f} has {} problem{}:", problems.len(), if problems.len() == 1 { "" } else { "s" });
        for p in &problems {
            eprintln!("  {p}");
        }
        eprintln!("Fix them (each needs a source in data/TREATY_SOURCES.md); nothing was built.");
        std::process::exit(1);
    }
    // Packed (data::actions decodes it once), as varints: the number of rows, then per row the treaty (0 Palermo,
    // 1 ICRMW), the kind (0: signature only, then ACTION_KINDS' order), the signature and deposit days (Julian day −
    // ACTION_DAY_BASE; 0: none) and whether the deposit day is derived from entry into force (its source tag ends
    // in -eif30). The text holds each row's ISO3 code. The source tags themselves are a table of their own, for the
    // CLI only (the charts never show a tag).
    const ACTION_KINDS: [&str; 5] = ["ratification", "accession", "acceptance", "approval", "succession"];
    let base = checked.iter().flat_map(|(_, a)| [a.signature, a.action]).flatten().map(|d| d.julian()).min().unwrap_or(0);
    writeln!(out, "/// The day every packed action date counts from (the earliest in treaty_actions.csv, minus one).").ok();
    writeln!(out, "const ACTION_DAY_BASE: i32 = {};", base - 1).ok();
    let mut sources: Vec<&str> = Vec::new();
    for (_, a) in &checked {
        if !sources.contains(&a.source.as_str()) {
            sources.push(&a.source);
        }
    }
    let (mut bytes, mut text) = (Vec::new(), String::new());
    varint(&mut bytes, checked.len() as u64);
    for (_, a) in &checked {
        let kind = a.action_type.map_or(0, |k| 1 + ACTION_KINDS.iter().position(|x| *x == k).unwrap_or_else(|| panic!("data/{f}: action type {k:?}")));
        let d = |x: Option<rows::Ymd>| x.map_or(0, |d| u64::try_from(d.julian() - base + 1).unwrap_or(0));
        let t = if treaty(a.treaty, f) == "Treaty::Palermo" { 0 } else { 1 };
        for v in [t, kind as u64, d(a.signature), d(a.action), u64::from(a.source.ends_with("-eif30"))] {
            varint(&mut bytes, v);
        }
        assert!(a.iso3.len() == 3 && a.iso3.is_ascii(), "data/{f}: iso3 {:?}", a.iso3);
        text.push_str(&a.iso3);
    }
    packed(&mut out, "ACTIONS_PACKED", "treaty_actions.csv, in file order (see `data::actions`).", &bytes, &text);
    // The source tags (native only), as varints: the number of distinct tags and each one's length in bytes, then
    // per row its tag's position; the text holds the tags.
    let (mut bytes, mut text) = (Vec::new(), String::new());
    varint(&mut bytes, sources.len() as u64);
    for s in &sources {
        varint(&mut bytes, s.len() as u64);
        text.push_str(s);
    }
    for (_, a) in &checked {
        varint(&mut bytes, sources.iter().position(|s| *s == a.source).unwrap_or_default() as u64);
    }
    out.push_str("#[cfg(not(target_arch = \"wasm32\"))]\n");
    packed(&mut out, "ACTION_SOURCES_PACKED", "Each treaty_actions.csv row's source tag, in file order (see `data::actions`).", &bytes, &text);
    // For the importer (native only): each action's participant name, in the same order as ACTIONS.
    out.push_str("#[cfg(not(target_arch = \"wasm32\"))]\nstatic ACTION_PARTICIPANTS: &[&str] = &[\n");
    for r in &rows {
        writeln!(out, "  {:?},", col(&h, r, "participant", f)).ok();
    }
    out.push_str("];\n");

    let f = "untc_renamings.csv";
    let (h, rows) = read(f);
    out.push_str("#[cfg(not(target_arch = \"wasm32\"))]\nstatic RENAMINGS: &[(&str, &str)] = &[\n");
    for r in &rows {
        writeln!(out, "  ({:?}, {:?}),", col(&h, r, "untc_name", f), col(&h, r, "current_name", f)).ok();
    }
    out.push_str("];\n");
    // The former names with their states' codes, in every build: options suggest the state for "Turkey".
    out.push_str("static FORMER_NAMES: &[(&str, &str)] = &[\n");
    for r in &rows {
        writeln!(out, "  ({:?}, {:?}),", col(&h, r, "untc_name", f), col(&h, r, "iso3", f)).ok();
    }
    out.push_str("];\n");

    // Hosts whose counts are the depositary's own: the UN Treaty Collection and a verbatim copy of its XML record
    // (`data/TREATY_SOURCES.md` §1, source B). Every other count in `treaty_status.csv` is secondary.
    const DEPOSITARY_HOSTS: [&str; 2] = ["treaties.un.org", "allucinaria/XML"];
    let f = "treaty_status.csv";
    let (h, rows) = read(f);
    out.push_str("static HEADLINES: &[Headline] = &[\n");
    for r in &rows {
        let c = |n| col(&h, r, n, f);
        let as_of = c("as_of");
        let d = julian(as_of).map(|d| format!("Some(Day({d}))")).unwrap_or_else(|| "None".into());
        let num = |n| match c(n) {
            "" => "None".to_string(),
            x => format!("Some({})", x.parse::<u16>().unwrap_or_else(|_| panic!("data/{f}: {n} {x:?}"))),
        };
        let parties: u16 = c("parties").parse().unwrap_or_else(|_| panic!("data/{f}: parties"));
        writeln!(
            out,
            "  Headline {{ treaty: {}, as_of_text: {as_of:?}, day: {d}, signatories: {}, parties: {parties}, depositary: {}, \
             #[cfg(not(target_arch = \"wasm32\"))] source_url: {:?} }},",
            treaty(c("treaty"), f), num("signatories"), DEPOSITARY_HOSTS.iter().any(|host| c("source_url").contains(host)), c("source_url")
        ).ok();
    }
    out.push_str("];\n");

    let f = "country_names.csv";
    let (h, mut rows) = read(f);
    rows.sort_by(|a, b| col(&h, a, "iso3", f).cmp(col(&h, b, "iso3", f)));
    // One table per language, so that a build without a language (the browser's modules fetch French and
    // Spanish) carries none of its names.
    for lang in ["en", "fr", "es"] {
        writeln!(out, "/// Names in `{lang}` by ISO3 code, sorted by code (`data/country_names.csv`).").ok();
        writeln!(out, "pub static NAMES_{}: &[(&str, &str)] = &[", lang.to_ascii_uppercase()).ok();
        for r in &rows {
            writeln!(out, "  ({:?}, {:?}),", col(&h, r, "iso3", f), col(&h, r, lang, f)).ok();
        }
        out.push_str("];\n");
    }

    let f = "date_bounds.csv";
    let (h, rows) = read(f);
    out.push_str("static BOUNDS: &[DateBound] = &[\n");
    for r in &rows {
        let c = |n| col(&h, r, n, f);
        let yes = |n: &str| match col(&h, r, n, f) {
            "yes" => "true",
            "no" => "false",
            x => panic!("data/{f}: {n} {x:?} (yes or no)"),
        };
        writeln!(
            out,
            "  DateBound {{ treaty: {}, iso3: {:?}, not_before: {}, not_before_source: {:?}, not_before_inferred: {}, not_after: {}, not_after_source: {:?}, not_after_inferred: {} }},",
            treaty(c("treaty"), f), c("iso3"), day(c("not_before"), f), c("not_before_source"), yes("not_before_inferred"),
            day(c("not_after"), f), c("not_after_source"), yes("not_after_inferred")
        ).ok();
    }
    out.push_str("];\n");

    let f = "migrant_stock.csv";
    let (h, mut rows) = read(f);
    // The world's immigrants: the WLD row (the sum of the 233 UN DESA areas). The world's emigrants by origin: the
    // sum over the ISO-coded areas, which is OWID's own World row (SUPPORT_SOURCES.md §1).
    let world = rows.iter().find(|r| col(&h, r, "iso3", f) == "WLD").unwrap_or_else(|| panic!("data/{f}: no WLD row"));
    let world_immigrants: u64 = col(&h, world, "immigrant_stock", f).parse().unwrap_or_else(|_| panic!("data/{f}: WLD immigrant_stock"));
    rows.retain(|r| !matches!(col(&h, r, "iso3", f), "WLD" | "CHI"));
    let world_emigrants: u64 = rows.iter().map(|r| col(&h, r, "emigrant_stock", f).parse::<u64>().unwrap_or(0)).sum();
    writeln!(out, "/// International migrants in the world, mid-2024 (UN DESA IMS 2024; the WLD row).").ok();
    writeln!(out, "pub const WORLD_IMMIGRANTS: u64 = {world_immigrants};").ok();
    writeln!(out, "/// Emigrants in the world by country of origin, mid-2024: the sum over the ISO-coded areas (OWID's World row).").ok();
    writeln!(out, "pub const WORLD_EMIGRANTS: u64 = {world_emigrants};").ok();
    let number = |r: &Row, name: &str| -> Option<u64> {
        match col(&h, r, name, f) {
            "" => None,
            x => Some(x.parse().unwrap_or_else(|_| panic!("data/{f}: {name} {x:?}"))),
        }
    };
    let need = |r: &Row, name: &str| number(r, name).unwrap_or_else(|| panic!("data/{f}: {} has no {name}", col(&h, r, "iso3", f)));
    rows.sort_by(|a, b| need(b, "immigrant_stock").cmp(&need(a, "immigrant_stock")).then(col(&h, a, "iso3", f).cmp(col(&h, b, "iso3", f))));
    // Packed (data::migrant_stock decodes it once): per row immigrants, emigrants and population + 1 (0: none),
    // as varints; the text holds each row's ISO3 code.
    let (mut bytes, mut text) = (Vec::new(), String::new());
    for r in &rows {
        let iso3 = col(&h, r, "iso3", f);
        assert!(iso3.len() == 3 && iso3.is_ascii(), "data/{f}: iso3 {iso3:?}");
        for v in [need(r, "immigrant_stock"), need(r, "emigrant_stock"), number(r, "population").map_or(0, |p| p + 1)] {
            varint(&mut bytes, v);
        }
        text.push_str(iso3);
    }
    packed(&mut out, "MIGRANT_STOCK_PACKED", "migrant_stock.csv's ISO-coded areas, largest immigrant stock first (see `data::migrant_stock`).", &bytes, &text);

    let dest = Path::new(&env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).join("data_tables.rs");
    fs::write(&dest, out).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
    println!("cargo:rerun-if-changed=build.rs");
    // One chart kind per browser module (src/charts/mod.rs, `ONLY`): a different kind rebuilds the library.
    println!("cargo:rerun-if-env-changed=TREATY_CHARTS_ONLY");
    geometry::write();
}
