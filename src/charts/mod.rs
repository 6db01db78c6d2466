//! The chart kinds: one registry, one module per kind.
//!
//! Every kind is a module under `charts/` with the same shape — a `pub static CHART: ChartDef` and a
//! `fn build(cx: &Ctx) -> Result<Spec, ChartError>` laid out in the same order (blocks and notes, made by
//! `notes::Blocks::new` → frame header and legend → scales → marks → hits → CSV → `Frame::finish`, which adds the
//! footer and makes the spec) — and one entry in [`CHARTS`]. Nothing else names a kind:
//! option validation, the CLI (`--chart` help and errors), `treaty-charts meta --json` (read by the browser build
//! for the loader's valid names and reserved heights, the gallery and the static fallbacks), the benchmark and the
//! tests all read the registry. **Adding a kind = one module here plus one entry in [`CHARTS`]** (and its
//! description in each locale of the catalogue; in English, the messages only its module names are wrapped in
//! `only("<kind>", …)`, which leaves them out of the other kinds' `.wasm` — tests/i18n.rs says which).
//!
//! A chart's height is known from its layout before anything is drawn ([`Spec::height`]); the build tabulates it
//! per width from the same code, so the loader can reserve the space before the WebAssembly arrives.

pub mod country;
pub mod coverage;
pub mod map;
pub mod regions;
pub mod status;
pub mod timeline;

use crate::geo::World;
use crate::i18n::{Arg, Cat, Msg};
use crate::model::Model;
use crate::options::{Opt, Options};
use crate::spec::Spec;
use crate::text;
use std::fmt;

// Words and keys more than one chart uses live here, not in one chart's module: chart modules never use each
// other (tests/i18n.rs checks it), so that a message only one module names is that chart's alone, and a build
// for other kinds leaves it out (see `i18n::en::only`).

/// The name of a region.
pub fn region_name(cat: &Cat, r: crate::data::Region) -> &'static str {
    cat.t(match r {
        crate::data::Region::Africa => Msg::RegionAfrica,
        crate::data::Region::Americas => Msg::RegionAmericas,
        crate::data::Region::Asia => Msg::RegionAsia,
        crate::data::Region::Europe => Msg::RegionEurope,
        crate::data::Region::Oceania | crate::data::Region::None => Msg::RegionOceania,
    })
}

/// The name of a sub-region.
pub fn subregion_name(cat: &Cat, s: crate::data::Subregion) -> &'static str {
    use crate::data::Subregion as S;
    cat.t(match s {
        S::NorthernAfrica => Msg::SubNorthernAfrica,
        S::SubSaharanAfrica => Msg::SubSubSaharanAfrica,
        S::LatinAmericaAndTheCaribbean => Msg::SubLatinAmerica,
        S::NorthernAmerica => Msg::SubNorthernAmerica,
        S::CentralAsia => Msg::SubCentralAsia,
        S::EasternAsia => Msg::SubEasternAsia,
        S::SouthEasternAsia => Msg::SubSouthEasternAsia,
        S::SouthernAsia => Msg::SubSouthernAsia,
        S::WesternAsia => Msg::SubWesternAsia,
        S::EasternEurope => Msg::SubEasternEurope,
        S::NorthernEurope => Msg::SubNorthernEurope,
        S::SouthernEurope => Msg::SubSouthernEurope,
        S::WesternEurope => Msg::SubWesternEurope,
        S::AustraliaAndNewZealand => Msg::SubAustraliaNewZealand,
        S::Melanesia => Msg::SubMelanesia,
        S::Micronesia => Msg::SubMicronesia,
        S::Polynesia | S::None => Msg::SubPolynesia,
    })
}

/// A standing in machine form, as hit keys and CSV columns name it.
pub fn status_key(s: crate::model::Status) -> &'static str {
    match s {
        crate::model::Status::Party => "party",
        crate::model::Status::MaybeParty => "maybe_party",
        crate::model::Status::Signatory => "signatory",
        crate::model::Status::Neither => "neither",
        crate::model::Status::NotOpen => "not_open",
    }
}

/// A treaty's short tag, where a chart has no room for its name: "Palermo" / "ICRMW" (en), from the catalogue.
pub fn short_tag(cat: &Cat, t: crate::data::Treaty) -> &'static str {
    cat.t(match t {
        crate::data::Treaty::Palermo => Msg::PalermoTag,
        crate::data::Treaty::Icrmw => Msg::IcrmwTag,
    })
}

/// A treaty's name as a heading or key over marks that carry its short tag: the name with the tag after it, where
/// the tag is not one of the name's own words ("Migrant Workers Convention (ICRMW)"; "Palermo Protocol" stays as it
/// is, and so do the French and Spanish names, whose tags are their words), so that the tag is defined once.
pub fn name_with_tag(cat: &Cat, t: crate::data::Treaty) -> String {
    let (name, tag) = (cat.treaty(t), short_tag(cat, t));
    if text::contains(&text::sort_key(name), &text::sort_key(tag)) {
        name.to_string()
    } else {
        cat.f(Msg::NameWithTag, &[("name", Arg::Str(name)), ("tag", Arg::Str(tag))])
    }
}

/// Persons as `8.6 million`, or grouped digits below a million.
pub fn people(cat: &Cat, n: u64) -> String {
    if n >= 1_000_000 {
        let tenths = i64::try_from((n + 50_000) / 100_000).unwrap_or(0);
        cat.f(Msg::Million, &[("n", crate::i18n::Arg::Dec(tenths))])
    } else {
        cat.num(i64::try_from(n).unwrap_or(0))
    }
}

/// Everything a chart module gets to build its spec.
pub struct Ctx<'a> {
    /// The model of the embedded data.
    pub model: &'a Model,
    /// Valid options.
    pub o: &'a Options,
    /// The catalogue of the chart's language.
    pub cat: Cat,
    /// The world geometry, where the build has it (natively always; in the browser once fetched).
    pub world: Option<&'a World>,
    /// Whether the hits get their tooltip lines. False for the drawing the element shows at each redraw, which
    /// asks for the lines apart, once (`hitLines`): a chart then leaves every [`Hit::lines`](crate::spec::Hit)
    /// empty and skips the work of writing them (on the timeline most of its work).
    pub lines: bool,
}

/// Why a chart could not be built from valid options.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChartError {
    /// A map was asked for before its geometry was loaded.
    NoWorld,
    /// The country card without a state.
    NoCountry,
    /// A module built for other chart kinds (see [`only`]); the kind asked for.
    NotBuilt(&'static str),
}

impl ChartError {
    /// The sentence in `cat`'s language.
    pub fn message(&self, cat: &Cat) -> String {
        match self {
            ChartError::NoWorld => cat.t(Msg::ErrNoWorld).to_string(),
            ChartError::NoCountry => cat.t(Msg::ErrCountryMissing).to_string(),
            ChartError::NotBuilt(chart) => cat.f(Msg::ErrNotBuilt, &[("chart", crate::i18n::Arg::Str(chart))]),
        }
    }
}

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(&Cat::en()))
    }
}

/// A chart kind's spec builder.
pub type BuildFn = fn(&Ctx<'_>) -> Result<Spec, ChartError>;

/// The one chart kind this build draws, when the build was made for one: the value of the environment variable
/// `TREATY_CHARTS_ONLY` at compile time (a registry name, e.g. `timeline`). The browser build compiles one `.wasm`
/// per kind this way (scripts/build_web.py), so that a reader downloads only the code of the chart on the page;
/// every other build (the CLI, the tests) draws every kind.
pub const ONLY: Option<&str> = option_env!("TREATY_CHARTS_ONLY");

/// True when this build draws the kind named `name` (see [`ONLY`]).
#[allow(clippy::indexing_slicing)] // i < len of both, checked by the loop
pub const fn built(name: &str) -> bool {
    let Some(only) = ONLY else { return true };
    let (a, b) = (only.as_bytes(), name.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// A registry entry's builder: `build` when this build draws the kind `name`, else one that answers
/// [`ChartError::NotBuilt`] — so that the linker drops the kinds a module was not built for, while every module
/// still knows every kind's name and options (and so validates any options alike).
pub const fn only(name: &'static str, build: BuildFn) -> BuildFn {
    if built(name) {
        build
    } else {
        not_built
    }
}

fn not_built(cx: &Ctx<'_>) -> Result<Spec, ChartError> {
    Err(ChartError::NotBuilt(cx.o.chart.name))
}

/// A chart kind's registry entry.
pub struct ChartDef {
    /// The value of the `chart` option.
    pub name: &'static str,
    /// One line saying what the chart shows (catalogue key).
    pub about: Msg,
    /// Options it takes besides [`Opt::COMMON`].
    pub options: &'static [Opt],
    /// True when it draws the world geometry (`world.bin`), which the browser fetches before the first such chart.
    pub world: bool,
    /// Options to show it with where an example is needed (the gallery, the reserved heights): the country
    /// card's state.
    pub example: &'static [(&'static str, &'static str)],
    /// Builds the spec (made with [`only`]).
    pub build: BuildFn,
}

impl ChartDef {
    /// Every option the chart takes, common ones first.
    pub fn accepts(&self) -> impl Iterator<Item = Opt> + '_ {
        Opt::COMMON.into_iter().chain(self.options.iter().copied())
    }
}

impl PartialEq for ChartDef {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl fmt::Debug for ChartDef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ChartDef({})", self.name)
    }
}

/// The registry: every chart kind, in the order the gallery, errors and help list them. The first is the default.
pub static CHARTS: [&ChartDef; 6] =
    [&timeline::CHART, &status::CHART, &map::CHART, &coverage::CHART, &regions::CHART, &country::CHART];

/// The names of every kind, in registry order.
pub fn names() -> Vec<&'static str> {
    CHARTS.iter().map(|c| c.name).collect()
}

/// The kind named `name` (any letter case, as HTML's enumerated attributes are).
pub fn find(name: &str) -> Option<&'static ChartDef> {
    CHARTS.iter().copied().find(|c| c.name.eq_ignore_ascii_case(name))
}

/// The kind drawn when no `chart` is given: the first in the registry.
pub fn default_chart() -> &'static ChartDef {
    CHARTS.first().copied().unwrap_or(&timeline::CHART)
}

/// Builds the spec for `o.chart`.
///
/// # Errors
/// [`ChartError`] when the chart cannot be built from these options.
pub fn build(model: &Model, o: &Options) -> Result<Spec, ChartError> {
    build_with(model, o, true)
}

/// Like [`build`]; `lines: false` leaves the hits' tooltip lines empty (see [`Ctx::lines`]).
///
/// # Errors
/// As [`build`].
pub fn build_with(model: &Model, o: &Options, lines: bool) -> Result<Spec, ChartError> {
    let cx = Ctx { model, o, cat: o.cat(), world: crate::geo::world(), lines };
    (o.chart.build)(&cx)
}

/// Appends one CSV record of a chart whose rows are standings on one date: that date first (`YYYY-MM-DD`; in the
/// header record, the column's name `as_of`), then `fields` as [`csv_row`] writes them. A downloaded file keeps
/// its date in every row, not only in its name.
pub fn dated_row(out: &mut String, as_of: &str, fields: &[&str]) {
    out.push_str(as_of);
    out.push(',');
    csv_row(out, fields);
}

/// Appends one CSV record; fields are quoted when they contain a comma, quote or line break.
pub fn csv_row(out: &mut String, fields: &[&str]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if f.chars().any(|c| matches!(c, ',' | '"' | '\n' | '\r')) {
            out.push('"');
            out.push_str(&crate::text::replace(f, "\"", "\"\""));
            out.push('"');
        } else {
            out.push_str(f);
        }
    }
    out.push('\n');
}
