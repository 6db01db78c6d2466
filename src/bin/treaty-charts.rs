//! Command-line interface: the same options, model and renderer as the browser embed.
//!
//! ```text
//! treaty-charts render --chart timeline --as-of 2020-08-03 --width 640 [--chart-title T] [--out chart.svg]
//! treaty-charts data   --chart status   --as-of 2020-08-03
//! treaty-charts meta   --json
//! treaty-charts import --treaty icrmw|palermo FILE [--source TAG] [--out FILE]
//! treaty-charts check
//! ```
//! `render` writes a standalone SVG (to `--out`, or standard output); `data` prints the chart's numbers as CSV;
//! `meta --json` prints the registry (chart kinds, their options and reserved heights, the loader's messages and
//! theme colours) for the browser build; `import` reads a UN Treaty Collection status record (the ViewDetails page
//! saved from a browser, or MTDSG XML) into rows of `data/treaty_actions.csv` (standard output or `--out`) and
//! prints on standard error how they differ from the data; `check` prints the data's validation report (exit
//! code 1 on a problem). Errors go to standard error with exit code 2.
#![allow(clippy::disallowed_methods)] // the CLI: the methods clippy.toml refuses keep the .wasm small; this never enters it

use std::io::Write;
use std::process::ExitCode;
use treaty_charts::charts::{self, CHARTS};
use treaty_charts::options::{Opt, Options, Values};

fn usage() -> String {
    let mut s = String::from(
        "usage:
  treaty-charts render [options] [--out FILE]   write the chart as a standalone SVG (default: standard output)
  treaty-charts data   [options] [--out FILE]   write the chart's numbers as CSV (default: standard output)
  treaty-charts meta   --json                   print the chart registry as JSON (for the browser build)
  treaty-charts world  --out FILE               write the map geometry (world.bin) the browser fetches
  treaty-charts catalogue LANG --out FILE       write a language's messages and names as the JSON the browser
                                                fetches for it (LANG: fr, es)
  treaty-charts import --treaty icrmw|palermo FILE [--source TAG] [--out FILE]
                                                read a UN Treaty Collection status record (the ViewDetails page
                                                saved from a browser, or MTDSG XML) into treaty_actions.csv rows;
                                                the differences from the data go to standard error
  treaty-charts check                           validate the data: joins, duplicates, dates, headline counts

charts:\n",
    );
    let cat = treaty_charts::i18n::Cat::en();
    for c in CHARTS {
        let extra: Vec<String> = c.options.iter().map(|o| format!("--{}", o.name())).collect();
        let extra = if extra.is_empty() { String::new() } else { format!(" (also {})", extra.join(", ")) };
        s.push_str(&format!("  {:<10} {}{extra}\n", c.name, cat.t(c.about)));
    }
    s.push_str("\noptions:\n");
    for o in Opt::ALL {
        let values = match o.values() {
            Values::OneOf(v) => v.join("|"),
            Values::Date { first, last } => format!("YYYY-MM-DD, {first} to {last} (default: the newest)"),
            Values::Whole { min, max } => format!("PX, {min} to {max} (default: 640)"),
            Values::Text { max_chars } => format!("TEXT, up to {max_chars} characters"),
            Values::State => "ISO3 code of one of the 195 UN member and observer states, e.g. AUS".to_string(),
            Values::States { max } => format!("up to {max} ISO3 codes, separated by commas, e.g. AUS,PHL"),
        };
        s.push_str(&format!("  --{:<12} {values}\n", o.name()));
    }
    s
}

/// `import --help`.
#[cfg(not(target_arch = "wasm32"))]
const IMPORT_HELP: &str = "treaty-charts import --treaty icrmw|palermo FILE [--source TAG] [--out FILE]
  Reads a UN Treaty Collection status record (the ViewDetails page saved from a browser, or the MTDSG XML) into
  rows in the columns of data/treaty_actions.csv (to --out, or standard output), and writes to standard error what
  differs from the data compiled into this binary: new participants, changed dates or modes, participants not in
  the record, the record's counts and date, the names the UN has changed. TAG (letters, digits, - . + _) goes in the
  rows' source column (default untc-<the page's status date>). See the README, \"When a state joins\".";

/// `check --help`.
#[cfg(not(target_arch = "wasm32"))]
const CHECK_HELP: &str = "treaty-charts check
  Checks the data compiled into this binary (cargo run rebuilds it from data/ first): every code joins, no
  participant twice, no date before a treaty opened or a deposit before its signature, and every dated headline
  count in data/treaty_status.csv reproduced. Exit 0 when all is well, 2 with the problems listed.";

/// `import --treaty T FILE [--source TAG] [--out FILE]`.
#[cfg(not(target_arch = "wasm32"))]
fn import(args: &[String]) -> Result<(), String> {
    use treaty_charts::data::Treaty;
    let (mut treaty, mut file, mut source, mut out) = (None, None, None, None);
    if args.iter().any(|a| a == "--help" || a == "-h") {
        return say(IMPORT_HELP);
    }
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or_else(|| format!("--{name} needs a value"));
        let slot = match a.as_str() {
            "--treaty" => &mut treaty,
            "--source" => &mut source,
            "--out" => &mut out,
            f if f.starts_with("--") => return Err(format!("unknown flag {f}; import takes --treaty, --source and --out")),
            _ => {
                if file.is_some() {
                    return Err(format!("import reads one file (got “{a}” too)"));
                }
                file = Some(a.clone());
                continue;
            }
        };
        if slot.is_some() {
            return Err(format!("{a} is given more than once"));
        }
        *slot = Some(value(a.trim_start_matches("--"))?);
    }
    let treaty = match treaty.as_deref().map(|t| t.trim().to_ascii_lowercase()).as_deref() {
        Some("palermo") => Treaty::Palermo,
        Some("icrmw") => Treaty::Icrmw,
        Some(t) => return Err(format!("--treaty “{t}”: use palermo or icrmw")),
        None => return Err("import needs --treaty palermo|icrmw".into()),
    };
    let file = file.ok_or("import needs the record's file: the ViewDetails page saved as HTML, or the MTDSG XML")?;
    let bytes = std::fs::read(&file).map_err(|e| format!("cannot read {file}: {e}"))?;
    let imported = treaty_charts::import::import(treaty, &bytes, source.as_deref()).map_err(|e| format!("{file}: {e}"))?;
    let csv = treaty_charts::import::to_csv(&imported);
    match &out {
        Some(path) => std::fs::write(path, &csv).map_err(|e| format!("cannot write {path}: {e}"))?,
        None => stdout(csv.as_bytes())?,
    }
    let mut err = std::io::stderr();
    let _ = writeln!(err, "{}: {} rows for {} ({})", file, imported.rows.len(), treaty.tag(), imported.reference);
    for line in treaty_charts::import::diff(&imported) {
        let _ = writeln!(err, "  {line}");
    }
    Ok(())
}

fn run(args: &[String]) -> Result<(), String> {
    let (cmd, rest) = match args.split_first() {
        Some((c, r)) if c == "render" || c == "data" => (c.as_str(), r),
        #[cfg(not(target_arch = "wasm32"))]
        Some((c, r)) if c == "world" => {
            return match r {
                [flag, path] if flag == "--out" => {
                    std::fs::write(path, treaty_charts::geo::WORLD_BIN).map_err(|e| format!("cannot write {path}: {e}"))
                }
                _ => Err("world takes --out FILE".into()),
            };
        }
        #[cfg(not(target_arch = "wasm32"))]
        Some((c, r)) if c == "import" => return import(r),
        #[cfg(not(target_arch = "wasm32"))]
        Some((c, r)) if c == "check" => {
            if r.first().is_some_and(|a| a == "--help" || a == "-h") {
                return say(CHECK_HELP);
            }
            if let Some(a) = r.first() {
                return Err(format!("check takes no arguments (got “{a}”)"));
            }
            let (lines, ok) = treaty_charts::import::check_report();
            say(&lines.join("\n"))?;
            return if ok { Ok(()) } else { Err(DATA_PROBLEMS.into()) };
        }
        Some((c, r)) if c == "catalogue" => {
            return match r {
                [lang, flag, path] if flag == "--out" => {
                    let locale = treaty_charts::i18n::Locale::parse(lang)
                        .ok_or_else(|| format!("catalogue: unknown language “{lang}”; use {}", treaty_charts::i18n::Locale::ALL.map(|l| l.tag()).join(", ")))?;
                    let json = serde_json::to_string(&treaty_charts::i18n::catalogue(locale)).map_err(|e| e.to_string())?;
                    std::fs::write(path, json).map_err(|e| format!("cannot write {path}: {e}"))
                }
                _ => Err("catalogue takes LANG --out FILE".into()),
            };
        }
        Some((c, r)) if c == "meta" => {
            return match r {
                [flag] if flag == "--json" => {
                    say(&meta::json().map_err(|e| e.to_string())?)
                }
                _ => Err("meta takes exactly one flag: --json".into()),
            };
        }
        Some((c, _)) if c == "-h" || c == "--help" || c == "help" => {
            return say(&usage());
        }
        Some((c, _)) if c == "-V" || c == "--version" => {
            return say(&format!("treaty-charts {} (data as of {})", env!("CARGO_PKG_VERSION"), treaty_charts::data::data_as_of()));
        }
        Some((c, _)) => return Err(format!("unknown command “{c}”; use render, data, meta, world, catalogue, import or check")),
        None => return Err("missing command: render, data, meta, world, catalogue, import or check".into()),
    };
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut out: Option<String> = None;
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        if a == "-h" || a == "--help" {
            return say(&usage());
        }
        let Some(flag) = a.strip_prefix("--") else {
            return Err(format!("unexpected argument “{a}”"));
        };
        let name = flag.split_once('=').map_or(flag, |(n, _)| n);
        let is_out = name == "out";
        if !is_out && Opt::parse(name).is_none() {
            let valid: Vec<String> = Opt::ALL.iter().map(|o| format!("--{}", o.name())).collect();
            return Err(format!("unknown flag --{name}; valid: {}, --out", valid.join(", ")));
        }
        let value = match flag.split_once('=') {
            Some((_, v)) => v.to_string(),
            None => it.next().ok_or_else(|| format!("--{flag} needs a value"))?.clone(),
        };
        if is_out {
            if out.is_some() {
                return Err("--out is given more than once".into());
            }
            out = Some(value);
        } else {
            // A repeated option, or one the chart does not take, is reported by Options::from_pairs.
            pairs.push((name.to_string(), value));
        }
    }
    // A standalone SVG cannot open a disclosure: the CLI writes the notes in full unless asked otherwise.
    if !pairs.iter().any(|(k, _)| k == "notes") {
        pairs.push(("notes".into(), "full".into()));
    }
    let o = Options::from_pairs_localized(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))?;
    let chart = treaty_charts::render(&o).map_err(|e| e.to_string())?;
    let bytes = if cmd == "render" { chart.svg() } else { chart.csv };
    match out {
        Some(path) => std::fs::write(&path, bytes).map_err(|e| format!("cannot write {path}: {e}")),
        None => stdout(bytes.as_bytes()),
    }
}

/// The registry as JSON for the browser build.
mod meta {
    use super::*;
    use serde_json::{json, Value};
    use treaty_charts::data;
    use treaty_charts::date::Day;
    use treaty_charts::i18n::{Locale, Msg};
    use treaty_charts::options::{FIRST_YEAR, MAX_WIDTH, MIN_WIDTH};
    use treaty_charts::theme::{css_vars, THEMES};

    /// Widths at which the reserved height is tabulated: every `STEP` px from the narrowest to the widest.
    pub const STEP: u32 = 20;
    /// Widths at which the per-year corrections are measured (the loader interpolates in 1/width).
    pub const DELTA_WIDTHS: [u32; 3] = [360, 640, 1200];
    /// Widths at which the corrections for [`variants`] are measured: the full notes wrap line by line, so the
    /// narrowest widths, where a legend breaks differently every few px, are measured closely.
    pub const VARIANT_WIDTHS: [u32; 5] = [280, 320, 360, 640, 1200];

    /// The state highlighted to measure what a highlight adds: a long name and dates under both treaties.
    const MEASURED_STATE: &str = "PHL";
    /// The state the country card's heights are measured on: one of the most common standing (a party to the
    /// Palermo Protocol only, as 122 of the 195 are), whose card has the median height of the 195 cards at 280,
    /// 320, 375, 640 and 1200 px in English (measured: 1,111 px at 320, between 1,042 for the Holy See and 1,175
    /// for Palau), so that the loader is off by less for most states than on a state with dates under both.
    const CARD_STATE: &str = "DEU";

    /// Option values that change a chart's height enough to reserve for (the loader adds their correction, measured
    /// at [`DELTA_WIDTHS`] and interpolated in 1/width, when the element has them): the full notes, one treaty
    /// instead of both, one highlighted state and three (the loader goes on in a line from one to three for more).
    fn variants(c: &charts::ChartDef) -> Vec<(&'static str, &'static str, &'static str)> {
        let mut v = vec![("notes=full", "notes", "full")];
        if c.accepts().any(|o| o == Opt::Treaty) {
            v.extend([("treaty=icrmw", "treaty", "icrmw"), ("treaty=palermo", "treaty", "palermo")]);
        }
        if c.accepts().any(|o| o == Opt::Highlight) {
            v.push(("highlight", "highlight", MEASURED_STATE));
            v.push(("highlight3", "highlight", "PHL,MEX,DEU"));
        }
        v
    }

    fn height(chart: &str, lang: &str, width: u32, as_of: Option<Day>) -> Result<u32, String> {
        height_with(chart, lang, width, as_of, None)
    }

    fn height_with(chart: &str, lang: &str, width: u32, as_of: Option<Day>, extra: Option<(&str, &str)>) -> Result<u32, String> {
        let w = width.to_string();
        let d = as_of.map(|d| d.to_string());
        let mut pairs = vec![("chart", chart), ("width", w.as_str()), ("lang", lang)];
        if charts::find(chart).is_some_and(|c| c.accepts().any(|o| o == Opt::Country)) {
            pairs.push(("country", CARD_STATE));
        }
        if let Some(d) = &d {
            pairs.push(("as-of", d.as_str()));
        }
        pairs.extend(extra);
        let o = Options::from_pairs(pairs).map_err(|e| e.to_string())?;
        let spec = charts::build(treaty_charts::model::Model::get(), &o).map_err(|e| e.to_string())?;
        Ok(spec.height.round() as u32)
    }

    fn values(o: Opt) -> Value {
        match o.values() {
            Values::OneOf(v) => json!({ "oneOf": v }),
            Values::Date { first, last } => json!({ "date": [first.to_string(), last.to_string()] }),
            Values::Whole { min, max } => json!({ "whole": [min, max] }),
            Values::Text { max_chars } => json!({ "text": max_chars }),
            Values::State => json!({ "state": true }),
            Values::States { max } => json!({ "states": max }),
        }
    }

    /// Periods within a year whose notes may differ from that year's 31 December: cut at every day on which a
    /// note starts or stops applying (a treaty opening for signature or entering into force, the depositary's
    /// complete list ending, a sourced range of dates beginning or ending) and at every 1 January; `(first, last)`,
    /// those that hold no 31 December.
    fn periods(newest: Day) -> Vec<(Day, Day)> {
        let mut cuts: Vec<Day> = Vec::new();
        for t in data::Treaty::ALL {
            let i = t.info();
            cuts.extend([i.opened_for_signature, i.entry_into_force, i.complete_list_as_of.plus_days(1)]);
        }
        for b in data::date_bounds() {
            cuts.extend([b.not_before, b.not_after.plus_days(1)]);
        }
        cuts.extend((FIRST_YEAR..=newest.year()).map(Day::jan1));
        cuts.push(newest.plus_days(1));
        cuts.retain(|d| *d <= newest.plus_days(1) && d.year() >= FIRST_YEAR);
        cuts.sort();
        cuts.dedup();
        cuts.windows(2)
            .filter_map(|w| match w {
                [a, b] => Some((*a, b.plus_days(-1))),
                _ => None,
            })
            // (Each lies inside one year: the one that ends on 31 December is the year's own correction.)
            .filter(|(_, b)| !matches!(b.ymd(), (_, 12, 31)) && *b < newest)
            .collect()
    }

    pub fn json() -> Result<String, String> {
        let newest = data::data_as_of();
        let last_year = newest.year() - 1;
        let all_periods = periods(newest);
        let mut kinds = Vec::new();
        for c in CHARTS {
            // Per language: the height on the newest data at each width, and each year's correction.
            let mut heights = serde_json::Map::new();
            let mut deltas = serde_json::Map::new();
            let mut variant_deltas = serde_json::Map::new();
            let mut period_deltas = serde_json::Map::new();
            for l in Locale::ALL {
                let tag = l.tag();
                let h: Vec<u32> =
                    (MIN_WIDTH..=MAX_WIDTH).step_by(STEP as usize).map(|w| height(c.name, tag, w, None)).collect::<Result<_, _>>()?;
                let newest_h: Vec<u32> = DELTA_WIDTHS.iter().map(|w| height(c.name, tag, *w, None)).collect::<Result<_, _>>()?;
                let mut d = Vec::new();
                for y in FIRST_YEAR..=last_year {
                    let end = Day::from_ymd(y, 12, 31).map_err(|e| e.to_string())?;
                    let row: Vec<i64> = DELTA_WIDTHS
                        .iter()
                        .zip(&newest_h)
                        .map(|(w, n)| height(c.name, tag, *w, Some(end)).map(|h| i64::from(h) - i64::from(*n)))
                        .collect::<Result<_, _>>()?;
                    d.push(row);
                }
                // A period inside a year whose notes make the chart another height than on the year's end: its own
                // correction, measured on its middle day (the loader takes it for a date inside the period).
                for (k, (first, last)) in all_periods.iter().enumerate() {
                    let mid = first.plus_days(first.days_until(*last) / 2);
                    let year_row = d.get(usize::try_from(mid.year() - FIRST_YEAR).unwrap_or(usize::MAX));
                    let row: Vec<i64> = DELTA_WIDTHS
                        .iter()
                        .zip(&newest_h)
                        .map(|(w, n)| height(c.name, tag, *w, Some(mid)).map(|h| i64::from(h) - i64::from(*n)))
                        .collect::<Result<_, _>>()?;
                    // (Within about a line of the year's correction, 20 px, is left to it: each entry costs the loader.)
                    let differs = year_row.map_or(true, |y| y.iter().zip(&row).any(|(a, b)| (a - b).abs() > 20));
                    if differs {
                        let entry = period_deltas.entry(tag.to_string()).or_insert_with(|| json!([]));
                        if let Some(list) = entry.as_array_mut() {
                            list.push(json!([k, row]));
                        }
                    }
                }
                heights.insert(tag.to_string(), json!(h));
                deltas.insert(tag.to_string(), json!(d));
                for (key, name, value) in variants(c) {
                    let row: Vec<i64> = VARIANT_WIDTHS
                        .iter()
                        .map(|w| Ok(i64::from(height_with(c.name, tag, *w, None, Some((name, value)))?) - i64::from(height(c.name, tag, *w, None)?)))
                        .collect::<Result<_, String>>()?;
                    let entry = variant_deltas.entry(key.to_string()).or_insert_with(|| json!({}));
                    entry[tag] = json!(row);
                }
            }
            let options: Vec<Value> = c.accepts().map(|o| json!({ "name": o.name(), "values": values(o) })).collect();
            let about: serde_json::Map<String, Value> =
                Locale::ALL.iter().map(|l| (l.tag().to_string(), json!(l.cat().t(c.about)))).collect();
            let example: serde_json::Map<String, Value> = c.example.iter().map(|(k, v)| ((*k).to_string(), json!(v))).collect();
            kinds.push(json!({
                "name": c.name, "about": about, "options": options, "world": c.world, "example": example,
                "heights": heights, "deltas": deltas, "variants": variant_deltas, "periods": period_deltas,
            }));
        }
        let messages: serde_json::Map<String, Value> = Locale::ALL
            .iter()
            .map(|l| {
                let cat = l.cat();
                (l.tag().to_string(), json!({
                    "loading": cat.t(Msg::Loading),
                    "loadFailed": cat.t(Msg::LoadFailed),
                    "errorLead": cat.t(Msg::ErrorLead),
                    "about": cat.t(Msg::AboutLead),
                    // The element's notices, as templates the loader fills ({name} → value).
                    "noticeLang": cat.t(Msg::NoticeLang),
                    "noticeSwitch": cat.t(Msg::NoticeSwitch),
                    "noticeScaled": cat.t(Msg::NoticeScaled),
                    "noticeNarrow": cat.t(Msg::NoticeNarrow),
                }))
            })
            .collect();
        let themes: serde_json::Map<String, Value> = THEMES.iter().map(|t| (t.name.to_string(), json!(css_vars(t)))).collect();
        // For the builder page's pickers (not written into the loader): the 195 states, named in each language.
        let states: Vec<Value> = treaty_charts::model::Model::get()
            .un_states()
            .map(|s| {
                let names: serde_json::Map<String, Value> =
                    Locale::ALL.iter().map(|l| (l.tag().to_string(), json!(l.cat().name(s.iso3())))).collect();
                json!({ "iso3": s.iso3(), "names": names })
            })
            .collect();
        let meta = json!({
            "version": env!("CARGO_PKG_VERSION"),
            "charts": kinds,
            "options": Opt::ALL.map(Opt::name),
            "attributes": treaty_charts::options::ELEMENT_ATTRIBUTES,
            "widths": { "min": MIN_WIDTH, "max": MAX_WIDTH, "step": STEP },
            "deltaWidths": DELTA_WIDTHS,
            "periods": all_periods.iter().map(|(a, b)| json!([a.to_string(), b.to_string()])).collect::<Vec<_>>(),
            "variantWidths": VARIANT_WIDTHS,
            "firstYear": FIRST_YEAR,
            "newest": newest.to_string(),
            "locales": Locale::ALL.map(Locale::tag),
            // The languages the browser's modules are built without (i18n::BUILT_IN): the loader fetches
            // treaty_charts_<lang>.json (treaty-charts catalogue) for the first chart in each.
            "catalogues": Locale::ALL.into_iter().filter(|l| !l.in_browser_modules()).map(Locale::tag).collect::<Vec<_>>(),
            "messages": messages,
            "themes": themes,
            "states": states,
        });
        serde_json::to_string(&meta).map_err(|e| e.to_string())
    }
}

/// `check`'s error when the data has problems (listed above it; no usage hint after it).
const DATA_PROBLEMS: &str = "the data has problems (see above)";

/// Writes `bytes` to standard output. A reader that closed the pipe early (`| head`) has what it wanted: that is
/// not an error, and never a panic.
fn stdout(bytes: &[u8]) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(format!("cannot write to standard output: {e}")),
        _ => Ok(()),
    }
}

/// A line of text to standard output (see [`stdout`]).
fn say(text: &str) -> Result<(), String> {
    stdout(format!("{text}\n").as_bytes())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("treaty-charts: {e}");
            if !e.starts_with("cannot write") && e != DATA_PROBLEMS && !e.contains(".html: ") && !e.contains(".xml: ") {
                eprintln!("(treaty-charts --help lists the commands, charts and options)");
            }
            ExitCode::from(2)
        }
    }
}
