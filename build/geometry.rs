//! Compiles `data/world_110m.geojson` and `data/country_points.csv` into `$OUT_DIR/world.bin`, the compact world
//! geometry that `src/geo.rs` decodes. The byte layout is documented there (module docs of `treaty_charts::geo`);
//! this file and that decoder must change together, and the tests in `tests/geo.rs` decode what this writes.
//!
//! What happens to the data on the way:
//! * Coordinates become tenths of a degree (`i16`: lon×10, lat×10), rounded half away from zero on the decimal value.
//!   The inputs carry 2 decimals, so the rounding is done exactly, in integer hundredths.
//! * Consecutive points that became equal are merged. Rings are stored *implicitly closed*: the closing point (equal
//!   to the first) is not written, and a last point that rounded onto the first is merged into it.
//! * A ring left with fewer than 3 distinct points (fewer than 4 when closed) is dropped; a polygon whose outer ring
//!   is dropped goes with its holes. A feature that would lose every polygon stops the build: every feature is kept.
//! * No simplification. Measured on the 177 features (2026-02): 10,590 points in the GeoJSON (closed rings), 10,570
//!   after quantising and merging (20 merged, no ring dropped); 10,282 stored once the 288 closing points are left
//!   implicit. `world.bin` is 23,736 bytes raw, 16,900 bytes with gzip -9, under the 20 KB budget, so no
//!   Visvalingam–Whyatt or other simplification was needed. (Writing the closing point explicitly would cost
//!   about +580 bytes raw, +390 gzip.)
//! * Features keep the GeoJSON's order (sorted by iso3); label points keep the CSV's order (sorted by iso3).

use std::fmt::Write as _;
use std::{env, fs, path::Path};

const GEOJSON: &str = "data/world_110m.geojson";
const POINTS: &str = "data/country_points.csv";
/// File magic: "TCWG" (treaty-charts world geometry).
const MAGIC: &[u8; 4] = b"TCWG";
/// Format version; `src/geo.rs` reads exactly this version.
const VERSION: u8 = 1;

/// Builds `world.bin` into `$OUT_DIR`. Stops the build, naming the file and feature or row, on data it cannot encode.
pub fn write() {
    println!("cargo:rerun-if-changed={GEOJSON}");
    println!("cargo:rerun-if-changed={POINTS}");
    println!("cargo:rerun-if-changed=build/geometry.rs");

    let mut out = Vec::with_capacity(32 * 1024);
    out.extend_from_slice(MAGIC);
    out.push(VERSION);
    let stats = shapes(&mut out);
    points(&mut out);

    let dir = env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    let dest = Path::new(&dir).join("world.bin");
    fs::write(&dest, &out).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
    // A plain-text note beside the binary, for whoever measures it (not read by the crate).
    let mut note = String::new();
    writeln!(note, "world.bin: {} bytes", out.len()).ok();
    writeln!(note, "points in GeoJSON (closed rings): {}", stats.points_in).ok();
    writeln!(note, "points after quantising (closed rings): {}", stats.points_kept_closed).ok();
    writeln!(note, "points stored (implicitly closed): {}", stats.points_stored).ok();
    writeln!(note, "rings: {} in, {} dropped", stats.rings_in, stats.rings_dropped).ok();
    let note_path = Path::new(&dir).join("world.txt");
    fs::write(&note_path, note).unwrap_or_else(|e| panic!("{}: {e}", note_path.display()));
}

#[derive(Default)]
struct Stats {
    points_in: usize,
    points_kept_closed: usize,
    points_stored: usize,
    rings_in: usize,
    rings_dropped: usize,
}

/// LEB128: 7 bits a byte, low bits first, high bit set on every byte but the last.
fn varint(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// Zigzag (0, -1, 1, -2, … → 0, 1, 2, 3, …) then LEB128.
fn zigzag(out: &mut Vec<u8>, n: i32) {
    varint(out, ((n << 1) ^ (n >> 31)) as u32);
}

fn count(out: &mut Vec<u8>, n: usize, what: &str) {
    varint(out, u32::try_from(n).unwrap_or_else(|_| panic!("{GEOJSON}: too many {what}")));
}

/// Tenths of a degree, rounded half away from zero on the decimal value; `limit` is 1800 (lon) or 900 (lat).
fn tenths(v: f64, limit: i64, file: &str, at: &str) -> i16 {
    let hundredths = v * 100.0;
    let t = if (hundredths - hundredths.round()).abs() < 1e-6 {
        // The documented case: at most 2 decimals. Exact integer rounding, no binary-fraction surprises.
        let h = hundredths.round() as i64;
        h.signum() * ((h.abs() + 5) / 10)
    } else {
        (v * 10.0).round() as i64 // f64::round is half away from zero
    };
    if !v.is_finite() || t.abs() > limit {
        panic!("{file}: {at}: coordinate {v} is outside ±{}°", limit / 10);
    }
    t as i16
}

fn iso3_bytes(s: &str, file: &str, at: &str) -> [u8; 3] {
    match s.as_bytes() {
        &[a, b, c] if [a, b, c].iter().all(u8::is_ascii_uppercase) => [a, b, c],
        _ => panic!("{file}: {at}: iso3 {s:?} is not three capital letters"),
    }
}

/// One GeoJSON ring → quantised, merged, implicitly closed; `None` if fewer than 3 distinct points remain.
fn ring(value: &serde_json::Value, at: &str, stats: &mut Stats) -> Option<Vec<(i16, i16)>> {
    let coords = value.as_array().unwrap_or_else(|| panic!("{GEOJSON}: {at}: a ring is not an array"));
    stats.rings_in += 1;
    stats.points_in += coords.len();
    let mut pts: Vec<(i16, i16)> = Vec::with_capacity(coords.len());
    for c in coords {
        let (lon, lat) = match c.as_array().map(Vec::as_slice) {
            Some([lon, lat, ..]) => (lon.as_f64(), lat.as_f64()),
            _ => (None, None),
        };
        let (Some(lon), Some(lat)) = (lon, lat) else { panic!("{GEOJSON}: {at}: bad position {c}") };
        let p = (tenths(lon, 1800, GEOJSON, at), tenths(lat, 900, GEOJSON, at));
        if pts.last() != Some(&p) {
            pts.push(p);
        }
    }
    // Implicit closure: drop the closing point, and any last point that rounded onto the first.
    while pts.len() > 1 && pts.first() == pts.last() {
        pts.pop();
    }
    if pts.len() < 3 {
        stats.rings_dropped += 1;
        return None;
    }
    stats.points_kept_closed += pts.len() + 1;
    stats.points_stored += pts.len();
    Some(pts)
}

/// `v[k]` without the index operator: `Null` when `v` is not an object or has no `k`.
fn key<'a>(v: &'a serde_json::Value, k: &str) -> &'a serde_json::Value {
    static NULL: serde_json::Value = serde_json::Value::Null;
    v.get(k).unwrap_or(&NULL)
}

fn shapes(out: &mut Vec<u8>) -> Stats {
    let text = fs::read_to_string(GEOJSON).unwrap_or_else(|e| panic!("{GEOJSON}: {e}"));
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{GEOJSON}: {e}"));
    let features = key(&doc, "features").as_array().unwrap_or_else(|| panic!("{GEOJSON}: no features array"));
    let mut stats = Stats::default();
    count(out, features.len(), "features");
    for (i, f) in features.iter().enumerate() {
        let props = key(f, "properties");
        let at = format!("feature {i} ({})", key(props, "name").as_str().unwrap_or("?"));
        let iso3 = match key(props, "iso3") {
            serde_json::Value::Null => *b"---",
            serde_json::Value::String(s) => iso3_bytes(s, GEOJSON, &at),
            other => panic!("{GEOJSON}: {at}: iso3 {other}"),
        };
        let geom = key(f, "geometry");
        let coords = key(geom, "coordinates").as_array().unwrap_or_else(|| panic!("{GEOJSON}: {at}: no coordinates"));
        let polygons: Vec<&serde_json::Value> = match key(geom, "type").as_str() {
            Some("Polygon") => vec![key(geom, "coordinates")],
            Some("MultiPolygon") => coords.iter().collect(),
            other => panic!("{GEOJSON}: {at}: geometry type {other:?} (expected Polygon or MultiPolygon)"),
        };
        let mut kept: Vec<Vec<Vec<(i16, i16)>>> = Vec::new();
        for poly in polygons {
            let rings = poly.as_array().unwrap_or_else(|| panic!("{GEOJSON}: {at}: a polygon is not an array"));
            let mut rings = rings.iter();
            // The outer ring decides: if it collapses, its holes go with it.
            let Some(outer) = rings.next().and_then(|r| ring(r, &at, &mut stats)) else {
                for r in rings {
                    stats.rings_in += 1;
                    stats.rings_dropped += 1;
                    stats.points_in += r.as_array().map_or(0, Vec::len);
                }
                continue;
            };
            let mut p = vec![outer];
            p.extend(rings.filter_map(|r| ring(r, &at, &mut stats)));
            kept.push(p);
        }
        if kept.is_empty() {
            panic!("{GEOJSON}: {at}: every ring collapsed at 0.1°; the feature would vanish");
        }
        out.extend_from_slice(&iso3);
        count(out, kept.len(), "polygons");
        for p in &kept {
            count(out, p.len(), "rings");
            for r in p {
                count(out, r.len(), "points");
                let (mut x, mut y) = (0i32, 0i32);
                for &(lon, lat) in r {
                    zigzag(out, i32::from(lon) - x);
                    zigzag(out, i32::from(lat) - y);
                    (x, y) = (i32::from(lon), i32::from(lat));
                }
            }
        }
    }
    stats
}

fn points(out: &mut Vec<u8>) {
    let mut r = csv::Reader::from_path(POINTS).unwrap_or_else(|e| panic!("{POINTS}: {e}"));
    let header = r.headers().unwrap_or_else(|e| panic!("{POINTS}: {e}")).clone();
    let col = |name: &str| {
        header.iter().position(|h| h == name).unwrap_or_else(|| panic!("{POINTS}: no column {name}"))
    };
    let (ci, clon, clat) = (col("iso3"), col("lon"), col("lat"));
    let rows: Vec<csv::StringRecord> =
        r.records().map(|x| x.unwrap_or_else(|e| panic!("{POINTS}: {e}"))).collect();
    count(out, rows.len(), "label points");
    for (n, row) in rows.iter().enumerate() {
        let at = format!("row {}", n + 2);
        let field = |i: usize| row.get(i).unwrap_or("");
        let num = |i: usize| -> f64 {
            field(i).parse().unwrap_or_else(|_| panic!("{POINTS}: {at}: {:?} is not a number", field(i)))
        };
        out.extend_from_slice(&iso3_bytes(field(ci), POINTS, &at));
        zigzag(out, i32::from(tenths(num(clon), 1800, POINTS, &at)));
        zigzag(out, i32::from(tenths(num(clat), 900, POINTS, &at)));
    }
}
