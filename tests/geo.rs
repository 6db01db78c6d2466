//! The compiled world geometry (`world.bin`) against its sources, `data/world_110m.geojson` and
//! `data/country_points.csv`, read here independently of the build script; and the Equal Earth projection against
//! published values.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)] // test helpers: a failure is the test failing
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::disallowed_methods)] // a test: the methods clippy.toml refuses keep the .wasm small; this never enters it

use std::collections::BTreeSet;
use treaty_charts::geo::{
    self, decode, embedded, equal_earth, GeoError, World, EQUAL_EARTH_MAX_X, EQUAL_EARTH_MAX_Y, WORLD_BIN,
};

fn world() -> &'static World {
    embedded().unwrap()
}

fn geojson() -> serde_json::Value {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/world_110m.geojson")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Tenths of a degree, half away from zero, computed on the 2-decimal value in integer hundredths.
fn tenths(v: f64) -> i16 {
    let h = (v * 100.0).round();
    assert!((v * 100.0 - h).abs() < 1e-6, "{v} has more than 2 decimals");
    let h = h as i64;
    i16::try_from(h.signum() * ((h.abs() + 5) / 10)).unwrap()
}

/// What the format promises for a GeoJSON ring: quantised, consecutive repeats merged, closing point left implicit.
fn expected_ring(ring: &serde_json::Value) -> Vec<(i16, i16)> {
    let mut pts: Vec<(i16, i16)> = Vec::new();
    for c in ring.as_array().unwrap() {
        let p = (tenths(c[0].as_f64().unwrap()), tenths(c[1].as_f64().unwrap()));
        if pts.last() != Some(&p) {
            pts.push(p);
        }
    }
    while pts.len() > 1 && pts.first() == pts.last() {
        pts.pop();
    }
    pts
}

fn polygons(feature: &serde_json::Value) -> Vec<serde_json::Value> {
    let g = &feature["geometry"];
    match g["type"].as_str().unwrap() {
        "Polygon" => vec![g["coordinates"].clone()],
        "MultiPolygon" => g["coordinates"].as_array().unwrap().clone(),
        t => panic!("geometry type {t}"),
    }
}

#[test]
fn decodes_177_shapes_and_197_points() {
    let w = world();
    assert_eq!(w.shapes.len(), 177);
    assert_eq!(w.points.len(), 197);
    assert_eq!(&decode(WORLD_BIN).unwrap(), w);
    assert_eq!(w.shapes.iter().filter(|s| s.iso3.is_none()).count(), 2); // N. Cyprus, Somaliland
    assert_eq!(w.shapes.iter().map(|s| s.polygons.len()).sum::<usize>(), 287);
    assert_eq!(w.shapes.iter().map(|s| s.point_count()).sum::<usize>(), 10_282);
    // The format version 1 file as built on 2026-02 from the committed data; a change here is a format or data change.
    assert_eq!(WORLD_BIN.len(), 23_736);
}

#[test]
fn iso3_codes_and_order_equal_the_geojson() {
    let doc = geojson();
    let want: Vec<Option<String>> = doc["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["properties"]["iso3"].as_str().map(String::from))
        .collect();
    let got: Vec<Option<String>> = world().shapes.iter().map(|s| s.iso3_str().map(String::from)).collect();
    assert_eq!(got, want);
    let unique: BTreeSet<&str> = world().shapes.iter().filter_map(|s| s.iso3_str()).collect();
    assert_eq!(unique.len(), 175);
}

#[test]
fn every_vertex_equals_the_geojson_rounded_to_a_tenth_of_a_degree() {
    let doc = geojson();
    let features = doc["features"].as_array().unwrap();
    let mut source_points = 0;
    for (f, shape) in features.iter().zip(&world().shapes) {
        let want: Vec<Vec<Vec<(i16, i16)>>> = polygons(f)
            .iter()
            .map(|p| p.as_array().unwrap().iter().map(expected_ring).collect())
            .collect();
        let rings = polygons(f).into_iter().flat_map(|p| p.as_array().unwrap().clone());
        source_points += rings.map(|r| r.as_array().unwrap().len()).sum::<usize>();
        assert_eq!(shape.polygons, want, "{:?}", shape.iso3_str());
        for ring in shape.polygons.iter().flatten() {
            assert!(ring.len() >= 3);
            assert_ne!(ring.first(), ring.last(), "implicitly closed");
            assert!(ring.windows(2).all(|w| w[0] != w[1]), "no consecutive repeats");
        }
    }
    assert_eq!(source_points, 10_590); // closed rings in the GeoJSON; 10,570 after quantising, 10,282 stored
    // Hand-checked vertices (GeoJSON → tenths, half away from zero).
    let w = world();
    let zaf = &w.shape("ZAF").unwrap().polygons[0][0];
    assert_eq!(zaf[0], (164, -286)); // 16.35, -28.58
    assert!(w.shape("CHL").unwrap().polygons[0][0].contains(&(-682, -556))); // -68.15, -55.61
    assert_eq!(w.shape("AFG").unwrap().polygons[0][0][0], (665, 374)); // 66.52, 37.36
    // Rings split at the antimeridian reach exactly ±180°.
    for iso3 in ["RUS", "FJI", "ATA"] {
        let lons: Vec<i16> = w.shape(iso3).unwrap().polygons.iter().flatten().flatten().map(|p| p.0).collect();
        assert_eq!((lons.iter().min(), lons.iter().max()), (Some(&-1800), Some(&1800)), "{iso3}");
    }
}

#[test]
fn south_africa_has_lesotho_as_a_hole() {
    let w = world();
    let zaf = w.shape("ZAF").unwrap();
    assert_eq!(zaf.polygons.len(), 1);
    assert_eq!(zaf.polygons[0].len(), 2, "outer ring + one hole");
    // The only hole in the whole world.
    assert_eq!(w.shapes.iter().flat_map(|s| &s.polygons).map(|p| p.len() - 1).sum::<usize>(), 1);
    let hole: BTreeSet<(i16, i16)> = zaf.polygons[0][1].iter().copied().collect();
    let lso = w.shape("LSO").unwrap();
    assert_eq!(lso.polygons.len(), 1);
    let lesotho: BTreeSet<(i16, i16)> = lso.polygons[0][0].iter().copied().collect();
    assert_eq!(hole, lesotho);
    assert_eq!(hole.len(), 11);
}

#[test]
fn label_points_equal_the_csv() {
    let mut r = csv::Reader::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/data/country_points.csv")).unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 197);
    for (row, p) in rows.iter().zip(&world().points) {
        assert_eq!(p.iso3_str(), &row[0]);
        let want = (tenths(row[2].parse().unwrap()), tenths(row[3].parse().unwrap()));
        assert_eq!((p.lon10, p.lat10), want, "{}", &row[0]);
    }
    let w = world();
    let twn = w.point("TWN").unwrap(); // the quoted name row
    assert_eq!((twn.lon10, twn.lat10), (1209, 237)); // 120.87, 23.65
    let kir = w.point("KIR").unwrap(); // Kiritimati, east of the antimeridian
    assert_eq!((kir.lon10, kir.lat10), (-1574, 18)); // -157.38, 1.82
    assert!(w.point("XKX").is_some() && w.point("EUU").is_none());
}

#[test]
fn un_states_166_with_a_shape_29_with_only_a_point() {
    let w = world();
    let un: Vec<&str> = treaty_charts::model::Model::get().un_states().map(|s| s.iso3()).collect();
    assert_eq!(un.len(), 195);
    assert!(un.iter().all(|c| w.point(c).is_some()), "every UN member/observer has a label point");
    let without: Vec<&str> = un.iter().copied().filter(|c| w.shape(c).is_none()).collect();
    assert_eq!(un.len() - without.len(), 166);
    let expected = "AND ATG BHR BRB COM CPV DMA FSM GRD KIR KNA LCA LIE MCO MDV \
                    MHL MLT MUS NRU PLW SGP SMR STP SYC TON TUV VAT VCT WSM";
    assert_eq!(without, expected.split(' ').collect::<Vec<_>>());
    // The points are exactly the UN states plus Taiwan and Kosovo.
    let mut points: Vec<&str> = w.points.iter().map(|p| p.iso3_str()).collect();
    points.retain(|c| !un.contains(c));
    assert_eq!(points, ["TWN", "XKX"]);
    // Shapes that are not UN states (SUPPORT_SOURCES.md §3).
    let others: Vec<&str> = w.shapes.iter().filter_map(|s| s.iso3_str()).filter(|c| !un.contains(c)).collect();
    assert_eq!(others, ["ATA", "ATF", "ESH", "FLK", "GRL", "NCL", "PRI", "TWN", "XKX"]);
}

#[test]
fn damaged_copies_of_the_real_file_never_panic() {
    // Truncations: every prefix fails, reporting its own length.
    let step = |n: usize| if n < 300 || n + 300 > WORLD_BIN.len() { 1 } else { 53 };
    let mut n = 0;
    while n < WORLD_BIN.len() {
        assert_eq!(decode(&WORLD_BIN[..n]), Err(GeoError::Truncated { at: n }), "prefix {n}");
        n += step(n);
    }
    // Single-byte damage anywhere: any result but a panic; the header bytes are always caught.
    let mut b = WORLD_BIN.to_vec();
    let mut seed: u32 = 12345;
    for _ in 0..400 {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let i = (seed as usize >> 4) % b.len();
        let old = b[i];
        b[i] ^= 1 << (seed % 8);
        let r = decode(&b);
        if i < 5 {
            assert!(matches!(r, Err(GeoError::BadMagic | GeoError::UnsupportedVersion(_))));
        }
        b[i] = old;
    }
    assert_eq!(geo::decode(&b).as_ref(), Ok(world()));
}

/// √(dx² + dy²) between a projected point and an expected one.
fn off(got: (f64, f64), want: (f64, f64)) -> f64 {
    (got.0 - want.0).hypot(got.1 - want.1)
}

#[test]
fn equal_earth_matches_published_values() {
    // PROJ test/gie/builtins.gie: +proj=eqearth +R=6378137, (180°, 0°) ↔ x = 17263256.84 m (tolerance 1 cm).
    let (x, y) = equal_earth(180.0, 0.0);
    assert!((x * 6_378_137.0 - 17_263_256.84).abs() < 0.01, "{}", x * 6_378_137.0);
    assert_eq!(y, 0.0);
    // PROJ documentation, eqearth page: `echo 122 47 | proj +proj=eqearth +R=1` prints 1.55 0.89.
    assert!(off(equal_earth(122.0, 47.0), (1.55, 0.89)) < 0.006);
    // Pole height as published in GeoTools' EqualArea (MAX_Y = 1.3173627591574).
    assert!((EQUAL_EARTH_MAX_Y - 1.317_362_759_157_4).abs() < 1e-12);
    assert!((EQUAL_EARTH_MAX_X - 2.706_629_983_696_075).abs() < 1e-12);
    // Computed for this test from d3-geo's equalEarthRaw (src/projection/equalEarth.js) in Python, float64:
    // x = λ cos θ / (M (A1 + 3 A2 θ² + θ⁶ (7 A3 + 9 A4 θ²))), y = θ (A1 + A2 θ² + θ⁶ (A3 + A4 θ²)),
    // θ = asin(M sin φ), M = √3/2.
    assert!(off(equal_earth(10.0, 20.0), (0.146_017_109_262_103_3, 0.400_825_217_562_488_1)) < 1e-12);
    assert!(off(equal_earth(-74.006, 40.7128), (-0.981_861_449_985_850_1, 0.787_064_220_049_107_5)) < 1e-12);
    assert!(off(equal_earth(151.2093, -33.8688), (2.087_106_438_222_146, -0.664_683_776_716_122_3)) < 1e-12);
    assert!(off(equal_earth(180.0, 90.0), (1.603_588_648_284_051_6, 1.317_362_759_157_413_3)) < 1e-12);
    // Odd in both arguments; the origin stays put.
    assert_eq!(equal_earth(0.0, 0.0), (0.0, 0.0));
    let (a, b) = (equal_earth(33.3, 44.4), equal_earth(-33.3, -44.4));
    assert_eq!((a.0, a.1), (-b.0, -b.1));
}

#[test]
fn every_projected_point_lies_within_the_extent() {
    let w = world();
    let (mut max_x, mut max_y) = (0.0f64, 0.0f64);
    let shape_points = w.shapes.iter().flat_map(|s| &s.polygons).flatten().flatten().copied();
    let label_points = w.points.iter().map(|p| (p.lon10, p.lat10));
    for (lon10, lat10) in shape_points.chain(label_points) {
        let (x, y) = equal_earth(f64::from(lon10) / 10.0, f64::from(lat10) / 10.0);
        assert!(x.abs() <= EQUAL_EARTH_MAX_X + 1e-12 && y.abs() <= EQUAL_EARTH_MAX_Y + 1e-12, "{lon10} {lat10}");
        (max_x, max_y) = (max_x.max(x.abs()), max_y.max(y.abs()));
    }
    // The extremes: Tuvalu's label point (179.2°E, 8.5°S; the widest point, not on the equator, so inside the
    // equator's half-width) and Antarctica at 85.6°S (no land reaches the poles in this file).
    assert_eq!(max_x, equal_earth(179.2, -8.5).0);
    assert_eq!(max_y, -equal_earth(0.0, -85.6).1);
    assert!(max_x < EQUAL_EARTH_MAX_X && max_y < EQUAL_EARTH_MAX_Y);
}
