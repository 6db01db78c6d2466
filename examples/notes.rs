//! Prints every chart's notes at a date (developer aid): cargo run --example notes -- 2020-08-03
#![allow(clippy::unwrap_used)]
fn main() {
    let d = std::env::args().nth(1).unwrap_or_else(|| "2026-02-03".into());
    for c in treaty_charts::charts::names() {
        let mut p = vec![("chart", c), ("as-of", d.as_str())];
        if c == "country" { p.push(("country", "NPL")); }
        let o = treaty_charts::options::Options::from_pairs(p).unwrap();
        let s = treaty_charts::charts::build(treaty_charts::model::Model::get(), &o).unwrap();
        let b = &s.blocks;
        println!("== {c}\n{}\n{}\n{}\n{:?}\nABOUT:", b.measures, b.leaves_out, b.caveat.clone().unwrap_or_default(), s.summary);
        for a in &b.about { println!("  - {a}"); }
    }
}
