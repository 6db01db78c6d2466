//! World geometry for maps: country outlines and one label point per state, plus the Equal Earth projection.
//!
//! The data are Natural Earth 1:110m countries (`data/world_110m.geojson`, 177 features) and
//! `data/country_points.csv` (197 points); see `data/SUPPORT_SOURCES.md` §3–4 for provenance and known gaps (29 small
//! UN members/observers have a point but no outline). `build.rs` (`build/geometry.rs`) compiles both into one compact
//! binary, `world.bin`. Natively it is embedded (`WORLD_BIN`, `embedded()`); the wasm build does not carry it: the
//! page fetches the file and passes its bytes to [`decode`].
//!
//! # Units
//! Every coordinate is an `i16` in **tenths of a degree**: `lon10` = longitude × 10 in −1800..=1800 (east positive),
//! `lat10` = latitude × 10 in −900..=900 (north positive), WGS84. Values were rounded half away from zero from the
//! 2-decimal source, so a vertex is within 0.05° of the source.
//!
//! # `world.bin`, format version 1
//! All counts are unsigned LEB128 varints (7 bits a byte, low first, high bit = more; at most 5 bytes, fits `u32`).
//! Coordinates are zigzag varints (0, −1, 1, −2, … ↦ 0, 1, 2, 3, …).
//! ```text
//! magic    "TCWG" (4 bytes), version 0x01 (1 byte)
//! features count, then per feature:
//!   iso3       3 ASCII capitals, or "---" for a feature with no code (N. Cyprus, Somaliland)
//!   polygons   count (≥ 1), then per polygon:
//!     rings    count (≥ 1; the first is the outer ring, the rest are holes), then per ring:
//!       points count (≥ 3), then the points: lon10, lat10 of the first, then each point minus the previous one
//! labels   count, then per label point: iso3 (3 ASCII capitals), lon10, lat10 (absolute, zigzag)
//! ```
//! Nothing may follow. Rings are **implicitly closed**: the last point is not a repeat of the first, and the edge
//! from the last point back to the first is part of the ring (an SVG path closes it with `Z`). Consecutive points
//! are never equal. Features are in the GeoJSON's order and label points in the CSV's (both sorted by iso3).

use std::fmt;

/// A ring: points `(lon10, lat10)` in tenths of a degree, implicitly closed (see the module docs), at least 3 points.
pub type Ring = Vec<(i16, i16)>;

/// A polygon: its rings, the outer ring first, then any holes. Never empty.
pub type Polygon = Vec<Ring>;

/// The decoded world: 177 country shapes and 197 label points for the embedded data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct World {
    /// Country outlines, one per Natural Earth feature, sorted by iso3 as in the GeoJSON.
    pub shapes: Vec<Shape>,
    /// One marker/label point per state (UN members and observers, plus TWN and XKX), sorted by iso3.
    pub points: Vec<LabelPoint>,
}

/// One country's outline (one Natural Earth feature).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shape {
    /// ISO 3166-1 alpha-3 code as three ASCII capitals (e.g. `*b"ZAF"`); `None` for the two features without a code
    /// (N. Cyprus, Somaliland). Kosovo is `XKX`. See [`Shape::iso3_str`].
    pub iso3: Option<[u8; 3]>,
    /// Polygons (at least one); each polygon is rings (outer first, then holes); each ring is points
    /// `(lon10, lat10)` in tenths of a degree, implicitly closed.
    pub polygons: Vec<Polygon>,
}

impl Shape {
    /// The iso3 code as a string, e.g. `Some("ZAF")`; `None` for a feature without a code.
    pub fn iso3_str(&self) -> Option<&str> {
        self.iso3.as_ref().and_then(|c| std::str::from_utf8(c).ok())
    }

    /// Number of stored points over all rings (closing points are implicit and not counted).
    pub fn point_count(&self) -> usize {
        self.polygons.iter().flatten().map(Vec::len).sum()
    }
}

/// A point for a marker or label: inside the state's main territory (for small island states, on the main island).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LabelPoint {
    /// ISO 3166-1 alpha-3 code as three ASCII capitals (`XKX` for Kosovo). See [`LabelPoint::iso3_str`].
    pub iso3: [u8; 3],
    /// Longitude × 10 (tenths of a degree, east positive), −1800..=1800.
    pub lon10: i16,
    /// Latitude × 10 (tenths of a degree, north positive), −900..=900.
    pub lat10: i16,
}

impl LabelPoint {
    /// The iso3 code as a string, e.g. `"FJI"`.
    pub fn iso3_str(&self) -> &str {
        std::str::from_utf8(&self.iso3).unwrap_or("---")
    }
}

impl World {
    /// The outline of the state with this iso3 code (e.g. `"ZAF"`), if it has one at 1:110m. Linear search.
    pub fn shape(&self, iso3: &str) -> Option<&Shape> {
        self.shapes.iter().find(|s| s.iso3.is_some_and(|c| c.as_slice() == iso3.as_bytes()))
    }

    /// The label point of the state with this iso3 code (e.g. `"TUV"`). Linear search.
    pub fn point(&self, iso3: &str) -> Option<&LabelPoint> {
        self.points.iter().find(|p| p.iso3.as_slice() == iso3.as_bytes())
    }
}

/// Why bytes could not be decoded as `world.bin`. Byte offsets count from the start of the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GeoError {
    /// The input does not start with `TCWG`.
    BadMagic,
    /// The format version is not the one this build reads.
    UnsupportedVersion(u8),
    /// The input ends (at byte `at`, its length) where more was expected.
    Truncated {
        /// Offset of the first missing byte, which is the input's length.
        at: usize,
    },
    /// A varint at byte `at` is longer than 5 bytes or does not fit 32 bits.
    BadVarint {
        /// Offset of the varint's first byte.
        at: usize,
    },
    /// An iso3 code at byte `at` is not three ASCII capitals (or `---` for a shape).
    BadIso3 {
        /// Offset of the code's first byte.
        at: usize,
    },
    /// A value read at byte `at` breaks the format: `what` says which rule.
    Invalid {
        /// Offset of the value.
        at: usize,
        /// The broken rule, e.g. "a ring needs at least 3 points".
        what: &'static str,
    },
    /// Well-formed data ends at byte `at`, but the input goes on.
    TrailingBytes {
        /// Offset of the first extra byte.
        at: usize,
    },
}

impl fmt::Display for GeoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("world geometry: ")?;
        match self {
            GeoError::BadMagic => f.write_str("bad magic bytes (expected \"TCWG\"; not a world.bin file)"),
            GeoError::UnsupportedVersion(v) => {
                write!(f, "unsupported format version {v} (this build reads version {VERSION})")
            }
            GeoError::Truncated { at } => write!(f, "truncated at byte {at}"),
            GeoError::BadVarint { at } => write!(f, "malformed varint at byte {at}"),
            GeoError::BadIso3 { at } => write!(f, "bad iso3 code at byte {at}"),
            GeoError::Invalid { at, what } => write!(f, "{what} (at byte {at})"),
            GeoError::TrailingBytes { at } => write!(f, "unexpected bytes after the end of the data, from byte {at}"),
        }
    }
}

impl std::error::Error for GeoError {}

const MAGIC: &[u8; 4] = b"TCWG";
const VERSION: u8 = 1;

/// A cursor over the input; every read is bounds-checked and reports where it failed.
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], GeoError> {
        let end = self.pos.checked_add(n).ok_or(GeoError::Truncated { at: self.bytes.len() })?;
        let s = self.bytes.get(self.pos..end).ok_or(GeoError::Truncated { at: self.bytes.len() })?;
        self.pos = end;
        Ok(s)
    }

    fn byte(&mut self) -> Result<u8, GeoError> {
        let b = *self.bytes.get(self.pos).ok_or(GeoError::Truncated { at: self.bytes.len() })?;
        self.pos += 1;
        Ok(b)
    }

    fn varint(&mut self) -> Result<u32, GeoError> {
        let at = self.pos;
        let mut n: u32 = 0;
        for i in 0..5 {
            let b = self.byte()?;
            let bits = u32::from(b & 0x7f);
            if i == 4 && bits > 0x0f {
                return Err(GeoError::BadVarint { at });
            }
            n |= bits << (7 * i);
            if b & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err(GeoError::BadVarint { at })
    }

    fn zigzag(&mut self) -> Result<i64, GeoError> {
        let n = self.varint()?;
        Ok(i64::from(n >> 1) ^ -i64::from(n & 1))
    }

    /// A count of items that take at least `min_bytes` each: checked against what is left, so a corrupt count
    /// cannot ask for a huge allocation. Returns the count and a safe capacity.
    fn count(&mut self, min_bytes: usize, at_least: u32, what: &'static str) -> Result<(u32, usize), GeoError> {
        let at = self.pos;
        let n = self.varint()?;
        if n < at_least {
            return Err(GeoError::Invalid { at, what });
        }
        let left = self.bytes.len().saturating_sub(self.pos);
        let cap = usize::try_from(n).unwrap_or(usize::MAX).min(left / min_bytes.max(1));
        Ok((n, cap))
    }

    fn iso3(&mut self, allow_none: bool) -> Result<Option<[u8; 3]>, GeoError> {
        let at = self.pos;
        match *self.take(3)? {
            [b'-', b'-', b'-'] if allow_none => Ok(None),
            [a, b, c] if [a, b, c].iter().all(u8::is_ascii_uppercase) => Ok(Some([a, b, c])),
            _ => Err(GeoError::BadIso3 { at }),
        }
    }

    /// An absolute coordinate: a running sum checked against ±`limit` tenths of a degree.
    fn coord(&mut self, base: i64, limit: i64) -> Result<i16, GeoError> {
        let at = self.pos;
        let v = base + self.zigzag()?;
        if v.abs() > limit {
            return Err(GeoError::Invalid { at, what: "coordinate outside ±180° longitude / ±90° latitude" });
        }
        i16::try_from(v).map_err(|_| GeoError::Invalid { at, what: "coordinate does not fit 16 bits" })
    }
}

fn ring(r: &mut Reader<'_>) -> Result<Ring, GeoError> {
    // A point is at least two 1-byte varints.
    let (n, cap) = r.count(2, 3, "a ring needs at least 3 points")?;
    let mut pts = Vec::with_capacity(cap);
    let (mut x, mut y) = (0i64, 0i64);
    for _ in 0..n {
        let lon = r.coord(x, 1800)?;
        let lat = r.coord(y, 900)?;
        (x, y) = (i64::from(lon), i64::from(lat));
        pts.push((lon, lat));
    }
    Ok(pts)
}

/// Decodes `world.bin` (format version 1, see the module docs).
///
/// # Errors
/// [`GeoError`] naming what is wrong and at which byte: bad magic, another format version, truncated input, a
/// malformed varint or iso3 code, a count or coordinate that breaks the format, or bytes after the end. Never panics,
/// whatever the input; memory use is bounded by the input's length.
pub fn decode(bytes: &[u8]) -> Result<World, GeoError> {
    let mut r = Reader { bytes, pos: 0 };
    if r.take(4)? != MAGIC {
        return Err(GeoError::BadMagic);
    }
    let v = r.byte()?;
    if v != VERSION {
        return Err(GeoError::UnsupportedVersion(v));
    }
    // Smallest feature: iso3 + 3 counts + 3 points of 2 bytes = 12 bytes.
    let (n, cap) = r.count(12, 0, "")?;
    let mut shapes = Vec::with_capacity(cap);
    for _ in 0..n {
        let iso3 = r.iso3(true)?;
        let (np, cap) = r.count(8, 1, "a shape needs at least 1 polygon")?;
        let mut polygons = Vec::with_capacity(cap);
        for _ in 0..np {
            let (nr, cap) = r.count(7, 1, "a polygon needs at least 1 ring")?;
            let mut rings = Vec::with_capacity(cap);
            for _ in 0..nr {
                rings.push(ring(&mut r)?);
            }
            polygons.push(rings);
        }
        shapes.push(Shape { iso3, polygons });
    }
    // A label point: iso3 + two 1-byte varints.
    let (n, cap) = r.count(5, 0, "")?;
    let mut points = Vec::with_capacity(cap);
    for _ in 0..n {
        let at = r.pos;
        let iso3 = r.iso3(false)?.ok_or(GeoError::BadIso3 { at })?;
        let lon10 = r.coord(0, 1800)?;
        let lat10 = r.coord(0, 900)?;
        points.push(LabelPoint { iso3, lon10, lat10 });
    }
    if r.pos != bytes.len() {
        return Err(GeoError::TrailingBytes { at: r.pos });
    }
    Ok(World { shapes, points })
}

/// The `world.bin` built from `data/` (native builds only; the wasm build fetches the file instead). The CLI can write
/// these bytes out as a file for the web build.
#[cfg(not(target_arch = "wasm32"))]
pub const WORLD_BIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/world.bin"));

/// The embedded world, decoded on first use and kept (native builds only).
///
/// # Errors
/// [`GeoError`] if the embedded bytes do not decode; the tests make sure they do.
#[cfg(not(target_arch = "wasm32"))]
pub fn embedded() -> Result<&'static World, GeoError> {
    static WORLD: std::sync::OnceLock<Result<World, GeoError>> = std::sync::OnceLock::new();
    WORLD.get_or_init(|| decode(WORLD_BIN)).as_ref().map_err(Clone::clone)
}

/// The geometry the browser fetched and passed in ([`set_world`]); the wasm build's copy of [`embedded`].
#[cfg(target_arch = "wasm32")]
static FETCHED: std::sync::OnceLock<World> = std::sync::OnceLock::new();

/// Keeps the geometry the page fetched (`world.bin`'s bytes), for every map on the page; a second call keeps the
/// first copy.
///
/// # Errors
/// [`GeoError`] when the bytes do not decode (a wrong or truncated file).
#[cfg(target_arch = "wasm32")]
pub fn set_world(bytes: &[u8]) -> Result<(), GeoError> {
    if FETCHED.get().is_none() {
        let w = decode(bytes)?;
        let _ = FETCHED.set(w);
    }
    Ok(())
}

/// The world geometry, if this build has it: always natively; in the browser once the page has fetched it.
pub fn world() -> Option<&'static World> {
    #[cfg(target_arch = "wasm32")]
    {
        FETCHED.get()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        embedded().ok()
    }
}

// Equal Earth coefficients (Šavrič, Patterson & Jenny 2018), as in d3-geo's `geoEqualEarthRaw` and PROJ `eqearth`.
const A1: f64 = 1.340264;
const A2: f64 = -0.081106;
const A3: f64 = 0.000893;
const A4: f64 = 0.003796;
/// √3 / 2 (the nearest `f64`; `sqrt` is not available in constants).
const M: f64 = 0.866_025_403_784_438_6;

/// Half the width of the Equal Earth map for R = 1: `x` at longitude ±180° on the equator, ≈ 2.706630.
pub const EQUAL_EARTH_MAX_X: f64 = std::f64::consts::PI / (M * A1);

/// Half the height of the Equal Earth map for R = 1: `y` at latitude ±90°, ≈ 1.317363 (θ = π/3 at the poles).
pub const EQUAL_EARTH_MAX_Y: f64 = {
    let t = std::f64::consts::FRAC_PI_3;
    let t2 = t * t;
    let t6 = t2 * t2 * t2;
    t * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
};

/// The Equal Earth projection (Šavrič, Patterson & Jenny 2018) on a sphere of radius 1, centred on Greenwich.
///
/// Takes longitude and latitude in degrees (−180..=180, −90..=90; not wrapped or clamped) and returns `(x, y)` in
/// sphere radii: `x` east positive, `y` **north positive** (flip `y` for SVG, whose y axis points down). The map
/// spans `|x| ≤` [`EQUAL_EARTH_MAX_X`] and `|y| ≤` [`EQUAL_EARTH_MAX_Y`] (up to floating-point rounding, below
/// 1e-14). Equal-area: projected areas are proportional to areas on the globe. d3's `geoEqualEarth()` is this times
/// its scale 177.158, with y flipped.
pub fn equal_earth(lon_deg: f64, lat_deg: f64) -> (f64, f64) {
    let lambda = lon_deg.to_radians();
    let theta = (M * lat_deg.to_radians().sin()).asin();
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let x = lambda * theta.cos() / (M * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)));
    let y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    (x, y)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hand-built `world.bin` pieces.
    fn varint(out: &mut Vec<u8>, mut n: u32) {
        while n >= 0x80 {
            out.push((n as u8 & 0x7f) | 0x80);
            n >>= 7;
        }
        out.push(n as u8);
    }

    fn zz(out: &mut Vec<u8>, n: i32) {
        varint(out, ((n << 1) ^ (n >> 31)) as u32);
    }

    fn header() -> Vec<u8> {
        b"TCWG\x01".to_vec()
    }

    /// One shape "ABC" with a triangle, one label point "ABC".
    fn tiny() -> Vec<u8> {
        let mut b = header();
        varint(&mut b, 1);
        b.extend_from_slice(b"ABC");
        varint(&mut b, 1); // polygons
        varint(&mut b, 1); // rings
        varint(&mut b, 3); // points
        for (dx, dy) in [(-1800, 900), (3600, 0), (-1800, -1800)] {
            zz(&mut b, dx);
            zz(&mut b, dy);
        }
        varint(&mut b, 1);
        b.extend_from_slice(b"ABC");
        zz(&mut b, 125);
        zz(&mut b, -417);
        b
    }

    #[test]
    fn decodes_a_hand_built_file() {
        let w = decode(&tiny()).unwrap();
        assert_eq!(w.shapes.len(), 1);
        assert_eq!(w.shapes[0].iso3_str(), Some("ABC"));
        assert_eq!(w.shapes[0].polygons, vec![vec![vec![(-1800, 900), (1800, 900), (0, -900)]]]);
        assert_eq!(w.points, vec![LabelPoint { iso3: *b"ABC", lon10: 125, lat10: -417 }]);
        assert_eq!(w.shape("ABC").map(Shape::point_count), Some(3));
        assert!(w.shape("XYZ").is_none() && w.point("abc").is_none());
        let mut empty = header();
        empty.extend_from_slice(&[0, 0]);
        assert_eq!(decode(&empty).unwrap(), World { shapes: vec![], points: vec![] });
    }

    #[test]
    fn every_error_says_what_and_where() {
        let t = tiny();
        let msg = |b: &[u8]| decode(b).unwrap_err().to_string();
        let bad_magic = "world geometry: bad magic bytes (expected \"TCWG\"; not a world.bin file)";
        assert_eq!(msg(b"TCWX\x01\x00\x00"), bad_magic);
        let version = "world geometry: unsupported format version 2 (this build reads version 1)";
        assert_eq!(msg(b"TCWG\x02\x00\x00"), version);
        assert_eq!(msg(&t[..t.len() - 1]), format!("world geometry: truncated at byte {}", t.len() - 1));
        assert_eq!(msg(b""), "world geometry: truncated at byte 0");
        let mut extra = t.clone();
        extra.push(0);
        assert_eq!(decode(&extra), Err(GeoError::TrailingBytes { at: t.len() }));
        assert_eq!(decode(b"TCWG\x01\xff\xff\xff\xff\x7f"), Err(GeoError::BadVarint { at: 5 }));
        assert_eq!(decode(b"TCWG\x01\x80\x80\x80\x80\x80\x01"), Err(GeoError::BadVarint { at: 5 }));
        assert_eq!(decode(b"TCWG\x01\x01abc"), Err(GeoError::BadIso3 { at: 6 }));
        // A label point may not be "---"; a shape may.
        assert_eq!(decode(b"TCWG\x01\x00\x01---\x00\x00"), Err(GeoError::BadIso3 { at: 7 }));
        let mut two_points = header();
        two_points.extend_from_slice(b"\x01---\x01\x01\x02\x00\x00\x02\x02");
        assert_eq!(msg(&two_points), "world geometry: a ring needs at least 3 points (at byte 11)");
        let mut no_polygon = header();
        no_polygon.extend_from_slice(b"\x01ABC\x00");
        assert_eq!(decode(&no_polygon), Err(GeoError::Invalid { at: 9, what: "a shape needs at least 1 polygon" }));
        // Longitude 180.1°: 1801 tenths.
        let mut far = header();
        far.extend_from_slice(b"\x00\x01ABC");
        zz(&mut far, 1801);
        zz(&mut far, 0);
        assert!(msg(&far).starts_with("world geometry: coordinate outside ±180° longitude"), "{}", msg(&far));
    }

    #[test]
    fn a_huge_count_does_not_allocate_or_panic() {
        let mut b = header();
        varint(&mut b, u32::MAX);
        assert_eq!(decode(&b), Err(GeoError::Truncated { at: b.len() }));
    }

    /// xorshift64*: deterministic pseudo-random bytes without a dependency.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }
    }

    #[test]
    fn never_panics_on_random_or_damaged_input() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for len in 0..600 {
            let mut b: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
            let _ = decode(&b);
            // The same with a valid header, so the decoder gets past it.
            if b.len() >= 5 {
                b[..5].copy_from_slice(b"TCWG\x01");
                let _ = decode(&b);
            }
        }
        // Every truncation of a valid file is reported as truncated at its own length.
        let t = tiny();
        for n in 0..t.len() {
            assert_eq!(decode(&t[..n]), Err(GeoError::Truncated { at: n }), "prefix {n}");
        }
    }

    #[test]
    fn equal_earth_extent_constants_match_the_formula() {
        assert!((equal_earth(180.0, 0.0).0 - EQUAL_EARTH_MAX_X).abs() < 1e-14);
        assert!((equal_earth(-180.0, 0.0).0 + EQUAL_EARTH_MAX_X).abs() < 1e-14);
        assert!((equal_earth(0.0, 90.0).1 - EQUAL_EARTH_MAX_Y).abs() < 1e-14);
        assert!((equal_earth(0.0, -90.0).1 + EQUAL_EARTH_MAX_Y).abs() < 1e-14);
    }
}
