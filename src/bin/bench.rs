//! Benchmark: how long each stage of a render takes natively, and how big the output is. Prints numbers; never
//! fails on them (speed is measured here, not asserted in tests).
//!
//! ```text
//! cargo run --release --bin treaty-charts-bench [-- ROUNDS [CHART]]
//! ```
//! For each chart and width (375, 640, 1200 px) on the newest data it times, over ROUNDS runs (default 200),
//! the model (embedded tables → sorted deposits), the chart spec (layout, notes, CSV) with the tooltip lines (as the
//! CLI and `hitLines` build it) and without them (as the element draws at every redraw), and the SVG writer, and
//! prints the median and the 90th percentile in microseconds, plus the SVG's size in bytes. With CHART, only that
//! chart kind (for profiling one chart).
#![allow(clippy::disallowed_methods)] // native only: the methods clippy.toml refuses keep the .wasm small; this never enters it

use std::hint::black_box;
use std::time::Instant;
use treaty_charts::options::Options;
use treaty_charts::{charts, model::Model, svg};

/// Median and 90th percentile of `samples` (µs), sorted in place. `samples` must not be empty.
fn summary(samples: &mut [f64]) -> (f64, f64) {
    samples.sort_by(f64::total_cmp);
    let at = |q: f64| samples.get(((samples.len() - 1) as f64 * q).round() as usize).copied().unwrap_or(f64::NAN);
    (at(0.5), at(0.9))
}

fn time<T>(rounds: usize, mut f: impl FnMut() -> T) -> (f64, f64) {
    let mut samples = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let t = Instant::now();
        black_box(f());
        samples.push(t.elapsed().as_secs_f64() * 1e6);
    }
    summary(&mut samples)
}

fn main() -> Result<(), String> {
    let rounds: usize = match std::env::args().nth(1) {
        Some(a) => a.parse().map_err(|_| format!("ROUNDS must be a positive integer, not “{a}”"))?,
        None => 200,
    };
    if rounds == 0 {
        return Err("ROUNDS must be at least 1".into());
    }
    println!("native render benchmark, {rounds} rounds each, newest data; times in µs (median / p90)");
    let (m50, m90) = time(rounds, Model::new);
    println!("{:<22} {:>9.1} / {:>9.1}", "model", m50, m90);
    println!("{:<22} {:>21} {:>21} {:>21} {:>10}", "chart @ width", "spec", "spec, no tooltip lines", "svg", "svg bytes");
    let model = Model::get();
    let only = std::env::args().nth(2);
    for kind in charts::CHARTS.iter().filter(|k| only.as_deref().map_or(true, |o| o == k.name)) {
        for width in [375u32, 640, 1200] {
            let w = width.to_string();
            let mut pairs = vec![("chart", kind.name), ("width", w.as_str())];
            pairs.extend(kind.example.iter().copied());
            let o = Options::from_pairs(pairs).map_err(|e| e.to_string())?;
            let (s50, s90) = time(rounds, || charts::build(model, &o));
            let (l50, l90) = time(rounds, || charts::build_with(model, &o, false));
            let spec = charts::build(model, &o).map_err(|e| e.to_string())?;
            let (v50, v90) = time(rounds, || svg::render(&spec));
            let bytes = svg::render(&spec).map_err(|e| e.to_string())?.len();
            let at = format!("{} @ {width}", kind.name);
            println!("{at:<22} {s50:>9.1} / {s90:>9.1} {l50:>9.1} / {l90:>9.1} {v50:>9.1} / {v90:>9.1} {bytes:>10}");
        }
    }
    Ok(())
}
