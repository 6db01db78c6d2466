//! Words of visible notes (what it measures, what it leaves out, the caveat) per chart, date and language
//! (developer aid): cargo run --example words
#![allow(clippy::unwrap_used)]
fn main() {
    for lang in ["en", "fr", "es"] {
        for d in ["2003-07-01", "2020-08-03", "2026-02-03"] {
            let mut row = format!("{lang} {d}:");
            for c in treaty_charts::charts::names() {
                let mut p = vec![("chart", c), ("as-of", d), ("lang", lang), ("width", "375")];
                p.extend(treaty_charts::charts::find(c).unwrap().example.iter().copied());
                let o = treaty_charts::options::Options::from_pairs(p).unwrap();
                let b = treaty_charts::charts::build(treaty_charts::model::Model::get(), &o).unwrap().blocks;
                let text = [b.measures, b.leaves_out, b.caveat.unwrap_or_default()].join(" ");
                row.push_str(&format!(" {c} {}", text.split_whitespace().count()));
            }
            println!("{row}");
        }
    }
}
