//! The command-line interface, run as a user runs it.
#![allow(clippy::unwrap_used)] // test helpers unwrap: a failure is the test failing
#![allow(clippy::disallowed_methods)] // a test: the methods clippy.toml refuses keep the .wasm small; this never enters it

use std::process::Command;

fn cli(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_treaty-charts")).args(args).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn data_prints_counts_at_depositary_dates() {
    for (date, treaty, n) in [("2014-04-08", "icrmw", "47"), ("2026-02-03", "icrmw", "60"), ("2008-09-26", "palermo", "124"), ("2018-01-15", "palermo", "173")] {
        let (code, out, _) = cli(&["data", "--chart", "timeline", "--as-of", date]);
        assert_eq!(code, 0);
        let last = out.lines().rev().find(|l| l.split(',').nth(1) == Some(treaty)).unwrap();
        assert_eq!(last.split(',').nth(2), Some(n), "{date} {treaty}: {last}");
    }
    let (_, out, _) = cli(&["data", "--chart", "status", "--as-of=2014-04-08"]);
    assert_eq!(out.lines().nth(2), Some("2014-04-08,icrmw,47,47,18,130"));
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    // `treaty-charts render | head -c 10`: the pipe closes before the 100 KB map is written.
    use std::io::Read;
    for args in [&["render", "--chart", "map"][..], &["data", "--chart", "map"], &["--help"]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_treaty-charts"))
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 10];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap(); // read 10 bytes, then close the pipe
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(out.status.success() && err.is_empty(), "{args:?}: {:?} {err}", out.status);
    }
}

#[test]
fn render_writes_a_standalone_svg_file() {
    let dir = std::env::temp_dir().join(format!("treaty-charts-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("t.svg");
    let (code, _, err) = cli(&["render", "--chart", "timeline", "--width", "375", "--out", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let svg = std::fs::read_to_string(&path).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert_eq!(doc.root_element().attribute("width"), Some("375"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn bad_input_exits_2_with_a_message_naming_what_is_valid() {
    let valid_charts = format!("Valid charts: {}.", treaty_charts::charts::names().join(", "));
    let cases: [(&[&str], &str); 10] = [
        (&["render", "--out", "a.svg", "--out", "b.svg"], "--out is given more than once"),
        (&["data", "--bogus"], "unknown flag --bogus"),
        (&["data", "--chart", "status", "--chart", "timeline"], "“chart” is given more than once"),
        (&["render", "--chart", "pie"], valid_charts.as_str()),
        (&["data", "--as-of", "2019-02-30"], "February 2019 has 28 days"),
        (&["data", "--as-of", "2019/02/03"], "YYYY-MM-DD"),
        (&["data", "--as-of", "1989-06-01"], "before the data starts"),
        (&["render", "--width", "-5"], "from 280 to 2400"),
        (&["data", "--colour", "red"], "unknown flag --colour"),
        (&["draw"], "unknown command"),
    ];
    for (args, needle) in cases {
        let (code, out, err) = cli(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty());
        assert!(err.contains(needle), "{args:?}: {err}");
    }
}

#[test]
fn the_map_prints_one_row_per_state_and_draws() {
    let (code, out, err) = cli(&["data", "--chart", "map", "--as-of", "2020-08-03"]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1 + 195);
    assert!(lines.iter().any(|l| l.starts_with("2020-08-03,AUS,Australia,Oceania,party,2002-12-11,2005-09-14,ratification,no,neither")), "{out}");
    let (code, svg, _) = cli(&["render", "--chart", "map", "--treaty", "palermo", "--width", "320"]);
    assert_eq!(code, 0);
    assert!(roxmltree::Document::parse(&svg).is_ok());
    let (code, _, err) = cli(&["data", "--chart", "timeline", "--treaty", "palermo"]);
    assert_eq!(code, 2);
    assert!(err.contains("The option “treaty” does not apply to the timeline chart."), "{err}");
}

#[test]
fn import_writes_rows_and_reports_the_differences_and_check_validates() {
    let (code, out, err) = cli(&["import", "--treaty", "icrmw", "tests/fixtures/untc/IV-13-viewdetails-2026-02-03.html"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 72);
    assert!(out.contains("icrmw,Philippines,PHL,1993-11-15,1995-07-05,ratification,untc-2026-02-03\r\n"));
    assert!(err.contains("71 rows for icrmw (IV-13)") && err.contains("no differences from data/treaty_actions.csv"), "{err}");
    let (code, _, err) = cli(&["import", "--treaty", "palermo", "tests/fixtures/untc/IV-13-viewdetails-2026-02-03.html"]);
    assert_eq!(code, 2);
    assert!(err.contains("the record is for IV-13, not XVIII-12-a: check --treaty"), "{err}");
    let (code, _, err) = cli(&["import", "tests/fixtures/untc/IV-13-viewdetails-2026-02-03.html"]);
    assert_eq!(code, 2);
    assert!(err.contains("import needs --treaty palermo|icrmw"), "{err}");
    let (code, out, _) = cli(&["check"]);
    assert_eq!(code, 0);
    assert!(out.ends_with("check: all well\n"), "{out}");
}
