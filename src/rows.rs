//! One row of `data/treaty_actions.csv`, read and checked field by field: the same code for the build script
//! (which compiles the file into tables, `#[path]`-included there), the importer (`treaty-charts import`) and
//! `treaty-charts check`. Standard library only, so that `build.rs` can include it.
//!
//! Every error names the line, the field and the value (clipped to 80 characters), and says what is valid.

use std::fmt;

/// The columns of `treaty_actions.csv`, in order.
pub const ACTION_COLUMNS: [&str; 7] = ["treaty", "participant", "iso3", "signature_date", "action_date", "action_type", "source"];

/// The treaty tags a row may carry.
pub const TREATY_TAGS: [&str; 2] = ["palermo", "icrmw"];

/// The modes of consent to be bound, as `action_type` spells them (UNTC markers: none, `a`, `A`, `AA`, `d`).
pub const ACTION_TYPES: [&str; 5] = ["ratification", "accession", "acceptance", "approval", "succession"];

/// Longest field accepted, in characters (the longest participant name, "United Kingdom of Great Britain and
/// Northern Ireland", is 52).
pub const MAX_FIELD: usize = 200;

/// A calendar date (proleptic Gregorian), checked: the month 1–12 and the day within the month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ymd {
    /// Year, 1900–2100 (a treaty action outside that span is a typo).
    pub y: i32,
    /// Month, 1–12.
    pub m: u8,
    /// Day of the month.
    pub d: u8,
}

impl fmt::Display for Ymd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

/// Days in a month of a year.
pub fn month_days(y: i32, m: u8) -> u8 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

const MONTHS: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

impl Ymd {
    /// A checked date; `Err` says why not (for a message after the value).
    pub fn new(y: i32, m: u8, d: u8) -> Result<Ymd, String> {
        if !(1900..=2100).contains(&y) {
            return Err(format!("the year {y} is outside 1900–2100"));
        }
        if !(1..=12).contains(&m) {
            return Err("the month must be 01 to 12".into());
        }
        let n = month_days(y, m);
        if d == 0 || d > n {
            let name = MONTHS.get(usize::from(m) - 1).copied().unwrap_or("");
            return Err(format!("{name} {y} has {n} days"));
        }
        Ok(Ymd { y, m, d })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Result<Ymd, String> {
        let b = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
        if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') || !digits(0..4) || !digits(5..7) || !digits(8..10) {
            return Err("not a date of the form YYYY-MM-DD".into());
        }
        let num = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<i32>().ok()).unwrap_or(0);
        Ymd::new(num(0..4), u8::try_from(num(5..7)).unwrap_or(0), u8::try_from(num(8..10)).unwrap_or(0))
    }

    /// Julian day number (the representation of the library's `date::Day`).
    pub fn julian(self) -> i32 {
        // Fliegel & Van Flandern (1968), integer arithmetic.
        let (y, m, d) = (self.y, i32::from(self.m), i32::from(self.d));
        let a = (14 - m) / 12;
        let (yy, mm) = (y + 4800 - a, m + 12 * a - 3);
        d + (153 * mm + 2) / 5 + 365 * yy + yy / 4 - yy / 100 + yy / 400 - 32045
    }
}

/// A checked row of `treaty_actions.csv`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionRow {
    /// `palermo` or `icrmw`.
    pub treaty: &'static str,
    /// The participant's name as the UN Treaty Collection writes it today.
    pub participant: String,
    /// ISO 3166-1 alpha-3 (`EUU` for the European Union): three capital letters.
    pub iso3: String,
    /// Signature (or succession to signature).
    pub signature: Option<Ymd>,
    /// Deposit of the instrument of consent to be bound; `None` with an `action_type` for a party whose date no
    /// source gives.
    pub action: Option<Ymd>,
    /// One of [`ACTION_TYPES`], or `None` for a signature only.
    pub action_type: Option<&'static str>,
    /// The source tag (`untc-2026-02-03`, `untc-xml-2018-01`, …).
    pub source: String,
}

impl ActionRow {
    /// The row as CSV fields, in [`ACTION_COLUMNS`] order.
    pub fn fields(&self) -> [String; 7] {
        let d = |x: Option<Ymd>| x.map(|d| d.to_string()).unwrap_or_default();
        [
            self.treaty.to_string(),
            self.participant.clone(),
            self.iso3.clone(),
            d(self.signature),
            d(self.action),
            self.action_type.unwrap_or("").to_string(),
            self.source.clone(),
        ]
    }
}

/// What is wrong with a row: its line (1 = the header), the field, the value, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    /// Line in the file (the header is line 1); 0 when the row did not come from a file.
    pub line: usize,
    /// The column (or `row` for the row as a whole).
    pub field: &'static str,
    /// The value, clipped to 80 characters.
    pub value: String,
    /// Why it is refused, and what is valid.
    pub why: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "line {}: ", self.line)?;
        }
        write!(f, "{} “{}”: {}", self.field, self.value, self.why)
    }
}

impl std::error::Error for RowError {}

/// At most 80 characters of `s`, with `…` when cut; control characters shown as `\u{…}`.
pub fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(80).flat_map(|c| if c.is_control() { c.escape_unicode().collect::<Vec<_>>() } else { vec![c] }).collect();
    if s.chars().count() > 80 {
        out.push('…');
    }
    out
}

fn err(line: usize, field: &'static str, value: &str, why: impl Into<String>) -> RowError {
    RowError { line, field, value: clip(value), why: why.into() }
}

/// Reads one row (fields in [`ACTION_COLUMNS`] order) from line `line`.
///
/// # Errors
/// The first field that is wrong: a treaty tag other than `palermo`/`icrmw`; an empty, overlong or
/// control-character participant; an `iso3` that is not three capital letters; a date that is not a
/// `YYYY-MM-DD` calendar date in 1900–2100; an unknown `action_type`; a deposit date without an `action_type`; a
/// row with neither a signature nor an `action_type`; a deposit before the signature; an empty `source`.
pub fn action_row(line: usize, fields: &[&str]) -> Result<ActionRow, RowError> {
    if fields.len() != ACTION_COLUMNS.len() {
        let value = fields.join(",");
        return Err(err(line, "row", &value, format!("{} fields; a row has {}: {}", fields.len(), ACTION_COLUMNS.len(), ACTION_COLUMNS.join(","))));
    }
    let f = |i: usize| fields.get(i).copied().unwrap_or("");
    for (i, name) in ACTION_COLUMNS.iter().enumerate() {
        let v = f(i);
        if v.chars().count() > MAX_FIELD {
            return Err(err(line, name, v, format!("longer than {MAX_FIELD} characters")));
        }
        if v.chars().any(char::is_control) {
            return Err(err(line, name, v, "contains a control character"));
        }
    }
    let treaty = TREATY_TAGS.iter().copied().find(|t| *t == f(0)).ok_or_else(|| err(line, "treaty", f(0), "use palermo or icrmw"))?;
    let participant = f(1).trim();
    if participant.is_empty() {
        return Err(err(line, "participant", f(1), "empty; give the name as the UN Treaty Collection writes it"));
    }
    let iso3 = f(2);
    if iso3.len() != 3 || !iso3.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(err(line, "iso3", iso3, "use an ISO 3166-1 alpha-3 code: three capital letters, such as AUS (EUU for the European Union)"));
    }
    let date = |i: usize, name: &'static str| -> Result<Option<Ymd>, RowError> {
        match f(i) {
            "" => Ok(None),
            v => Ymd::parse(v).map(Some).map_err(|why| err(line, name, v, why)),
        }
    };
    let signature = date(3, "signature_date")?;
    let action = date(4, "action_date")?;
    let action_type = match f(5) {
        "" => None,
        v => Some(ACTION_TYPES.iter().copied().find(|t| *t == v).ok_or_else(|| err(line, "action_type", v, format!("use one of {} (or leave it empty for a signature only)", ACTION_TYPES.join(", "))))?),
    };
    if action.is_some() && action_type.is_none() {
        return Err(err(line, "action_type", "", "empty, but the row has an action_date: say which mode of consent it was"));
    }
    if signature.is_none() && action_type.is_none() {
        return Err(err(line, "signature_date", "", "empty, and the row has no action_type either: a row is a signature, a consent to be bound, or both"));
    }
    if let (Some(s), Some(a)) = (signature, action) {
        if a < s {
            return Err(err(line, "action_date", f(4), format!("before the signature ({s}): a deposit cannot precede its signature")));
        }
    }
    if f(6).trim().is_empty() {
        return Err(err(line, "source", f(6), "empty; give the source tag the row comes from (see TREATY_SOURCES.md)"));
    }
    Ok(ActionRow { treaty, participant: participant.to_string(), iso3: iso3.to_string(), signature, action, action_type, source: f(6).to_string() })
}

/// Checks across rows: no participant twice for one treaty, every code known to `known` (ISO3 → whether
/// `countries.csv` has it; the EU's `EUU` always passes), and no date before the treaty opened for signature
/// (`opened`: treaty tag → that day).
pub fn check_actions(rows: &[(usize, ActionRow)], known: &dyn Fn(&str) -> bool, opened: &dyn Fn(&str) -> Option<Ymd>) -> Vec<RowError> {
    let mut out = Vec::new();
    let mut seen: std::collections::HashMap<(&str, &str), usize> = std::collections::HashMap::new();
    for (line, r) in rows {
        if let Some(first) = seen.insert((r.treaty, r.iso3.as_str()), *line) {
            out.push(err(*line, "iso3", &r.iso3, format!("appears twice for {} (also line {first})", r.treaty)));
        }
        if r.iso3 != "EUU" && !known(&r.iso3) {
            out.push(err(*line, "iso3", &r.iso3, "not a code in countries.csv"));
        }
        if let Some(open) = opened(r.treaty) {
            for (name, d) in [("signature_date", r.signature), ("action_date", r.action)] {
                if let Some(d) = d.filter(|d| *d < open) {
                    out.push(err(*line, name, &d.to_string(), format!("before the {} opened for signature ({open})", r.treaty)));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_read_and_errors_name_field_and_value() {
        let ok = action_row(2, &["icrmw", "Albania", "ALB", "", "2007-06-05", "accession", "untc-2026-02-03"]).unwrap();
        assert_eq!(ok.action, Some(Ymd { y: 2007, m: 6, d: 5 }));
        assert_eq!(ok.fields().join(","), "icrmw,Albania,ALB,,2007-06-05,accession,untc-2026-02-03");
        let e = action_row(9, &["icrmw", "Albania", "ALB", "", "2007-02-30", "accession", "x"]).unwrap_err();
        assert_eq!(e.to_string(), "line 9: action_date “2007-02-30”: February 2007 has 28 days");
        let e = action_row(3, &["icrmw", "Albania", "ALB", "2010-01-01", "2007-06-05", "ratification", "x"]).unwrap_err();
        assert_eq!(e.to_string(), "line 3: action_date “2007-06-05”: before the signature (2010-01-01): a deposit cannot precede its signature");
        assert_eq!(action_row(4, &["x"]).unwrap_err().field, "row");
        assert_eq!(Ymd::parse("2000-02-29").unwrap().julian(), 2_451_604);
    }
}
