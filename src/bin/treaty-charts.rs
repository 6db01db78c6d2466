//! Command-line interface: the same options, model and renderer as the browser embed.
//!
//! ```text
//! treaty-charts render --chart timeline --as-of 2020-08-03 --width 640 [--chart-title T] [--out chart.svg]
//! treaty-charts data   --chart status   --as-of 2020-08-03
//! ```
//! `render` writes a standalone SVG (to `--out`, or standard output); `data` prints the chart's numbers as CSV.
//! Errors go to standard error with exit code 2.

use std::io::Write;
use std::process::ExitCode;
use treaty_charts::options::{Options, OPTION_NAMES};

const USAGE: &str = "usage:
  treaty-charts render [options] [--out FILE]   write the chart as a standalone SVG (default: standard output)
  treaty-charts data   [options]                print the chart's numbers as CSV

options:
  --chart timeline|status    which chart (default: timeline)
  --as-of YYYY-MM-DD         the day the chart describes (default: the newest date in the data)
  --width PX                 width in CSS pixels, 280 to 2400 (default: 640)
  --chart-title TEXT         replace the default title";

fn run(args: &[String]) -> Result<(), String> {
    let (cmd, rest) = match args.split_first() {
        Some((c, r)) if c == "render" || c == "data" => (c.as_str(), r),
        Some((c, _)) if c == "-h" || c == "--help" || c == "help" => {
            println!("{USAGE}");
            return Ok(());
        }
        Some((c, _)) => return Err(format!("unknown command “{c}”; use render or data")),
        None => return Err("missing command: render or data".into()),
    };
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut out: Option<String> = None;
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        if a == "-h" || a == "--help" {
            println!("{USAGE}");
            return Ok(());
        }
        let Some(flag) = a.strip_prefix("--") else {
            return Err(format!("unexpected argument “{a}”"));
        };
        let name = flag.split_once('=').map_or(flag, |(n, _)| n);
        let is_out = name == "out" && cmd == "render";
        if !is_out && !OPTION_NAMES.contains(&name) {
            return Err(format!("unknown flag --{name}; valid: --{}{}", OPTION_NAMES.join(", --"), if cmd == "render" { ", --out" } else { "" }));
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
            // A repeated option is reported by Options::from_pairs.
            pairs.push((name.to_string(), value));
        }
    }
    let o = Options::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))).map_err(|e| e.to_string())?;
    let chart = treaty_charts::render(&o).map_err(|e| e.to_string())?;
    let bytes = if cmd == "render" { chart.svg } else { chart.csv };
    match out {
        Some(path) => std::fs::write(&path, bytes).map_err(|e| format!("cannot write {path}: {e}")),
        None => std::io::stdout().write_all(bytes.as_bytes()).map_err(|e| e.to_string()),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("treaty-charts: {e}");
            if !e.starts_with("cannot write") {
                eprintln!("{USAGE}");
            }
            ExitCode::from(2)
        }
    }
}
