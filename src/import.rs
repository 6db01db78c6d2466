//! `treaty-charts import`: reads a UN Treaty Collection status record as people get it — the "ViewDetails" page
//! saved from a browser (HTML), or the MTDSG XML — into rows of `data/treaty_actions.csv`, and compares them with
//! the data (native only; the browser module never parses either).
//!
//! The record's participant table has three columns: the participant (footnote numbers after the name), its
//! signature (`d` after the date: succession to signature) and its consent to be bound, whose marker says the
//! mode: none = ratification, `a` accession, `A` acceptance, `AA` approval, `d` succession. Names join to ISO3
//! codes through the names the data already uses for that treaty or the other, `data/untc_renamings.csv` (names
//! the UN used before) and `countries.csv`; a name none of them knows is an error that says where to add it. HTML
//! is read with `scraper` (html5ever), XML with `roxmltree`; the XML is ISO-8859-1 (its declaration says so).

// Native only (the CLI): std's string search is no cost to the browser module (see clippy.toml).
#![allow(clippy::disallowed_methods)]

use crate::data::{self, Treaty};
use crate::rows::{self, ActionRow, Ymd};
use std::fmt;

/// Which kind of record a file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The UNTC "ViewDetails" status page, saved from a browser (UTF-8 HTML).
    ViewDetailsHtml,
    /// The UNTC MTDSG XML (ISO-8859-1).
    MtdsgXml,
}

/// A record read into rows.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The treaty the record is for.
    pub treaty: Treaty,
    /// HTML or XML.
    pub format: Format,
    /// The record's reference as it gives it (`IV-13`, `XVIII-12-a`).
    pub reference: String,
    /// The page's "STATUS AS AT" date (HTML only): the date the list is complete to.
    pub status_as_at: Option<Ymd>,
    /// The record's own header counts, (signatories, parties), where it prints them.
    pub header: Option<(u16, u16)>,
    /// One row per participant, in the record's order, names as the UN writes them today.
    pub rows: Vec<ActionRow>,
    /// Names replaced by today's (`data/untc_renamings.csv`): (as in the record, as now).
    pub renamed: Vec<(String, String)>,
}

/// Why a file could not be imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Neither HTML with a participant table nor MTDSG XML; says what was found.
    NotARecord(String),
    /// The record is for another treaty: (the reference wanted, the one found).
    OtherTreaty(String, String),
    /// A cell that does not read: (participant, column, cell text, why).
    Cell(String, &'static str, String, String),
    /// Participant names that join to no ISO3 code.
    UnknownNames(Vec<String>),
    /// A row the row checks refuse.
    Row(rows::RowError),
    /// A record that contradicts itself (a participant twice, a date before the treaty opened or after the
    /// record's own date): one sentence each.
    Contradicts(Vec<String>),
    /// A `--source` tag that is not a tag.
    Source(String),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::NotARecord(what) => write!(
                f,
                "not a UN Treaty Collection status record: {what}. Give the ViewDetails page saved from a browser (HTML) or the MTDSG XML"
            ),
            ImportError::OtherTreaty(want, found) => write!(f, "the record is for {found}, not {want}: check --treaty"),
            ImportError::Cell(who, column, text, why) => write!(f, "{who}: {column} “{}”: {why}", rows::clip(text)),
            ImportError::UnknownNames(names) => write!(
                f,
                "no ISO3 code for {}: if the UN renamed a participant, add a row to data/untc_renamings.csv (untc_name,current_name,iso3,source) and rebuild; \
                 if it is new, add the state to the data with its code first; if the names look garbled (“CÃ´te”), the file's encoding is not the one it declares",
                names.iter().map(|n| format!("“{}”", rows::clip(n))).collect::<Vec<_>>().join(", ")
            ),
            ImportError::Row(e) => write!(f, "{e}"),
            ImportError::Contradicts(list) => write!(f, "the record contradicts itself: {}", list.join("; ")),
            ImportError::Source(s) => write!(
                f,
                "--source “{s}” is not a source tag: use letters, digits and - . + _ (up to 60), for example untc-2026-12-01, \
                 and describe the source in data/TREATY_SOURCES.md"
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// One raw row: the three cells' text.
struct RawRow {
    name: String,
    signature: String,
    action: String,
}

/// Reads a record for `treaty`. `source` is the tag the rows get (default: `untc-<status date>` for a page,
/// `untc-xml` for XML).
///
/// # Errors
/// [`ImportError`]: not a record, another treaty's, a cell that is not a date with a known marker, names that
/// join to no code, or a row the row checks refuse.
pub fn import(treaty: Treaty, bytes: &[u8], source: Option<&str>) -> Result<Imported, ImportError> {
    let head: String = String::from_utf8_lossy(bytes.get(..bytes.len().min(512)).unwrap_or(bytes)).trim_start_matches('\u{feff}').trim_start().to_string();
    let (format, reference, status_as_at, header, raw) = if head.starts_with("<?xml") {
        // ISO-8859-1: every byte is the code point of the same value. The UN's files carry control characters
        // that XML 1.0 does not allow (0x19, 0x1C, 0x1D in declaration texts, apparently stand-ins for quotation
        // marks); they become spaces, since none is in the participant table.
        // A file the UN exports is ISO-8859-1, as its declaration says; one saved again as UTF-8 says so too.
        let utf8 = head.to_ascii_lowercase().contains("encoding=\"utf-8\"");
        let decoded: String = if utf8 {
            std::str::from_utf8(bytes).map_err(|e| ImportError::NotARecord(format!("the XML declares UTF-8 but byte {} is not UTF-8", e.valid_up_to())))?.to_string()
        } else {
            bytes.iter().map(|&b| char::from(b)).collect()
        };
        let text: String = decoded.chars().map(|c| if u32::from(c) < 0x20 && !matches!(c, '\t' | '\n' | '\r') { ' ' } else { c }).collect();
        let text = bare_ampersands(&text.replacen("encoding=\"iso-8859-1\"", "encoding=\"UTF-8\"", 1).replacen("encoding=\"ISO-8859-1\"", "encoding=\"UTF-8\"", 1));
        let (reference, header, raw) = read_xml(&text)?;
        (Format::MtdsgXml, reference, None, header, raw)
    } else if head.to_ascii_lowercase().contains("<html") || head.to_ascii_lowercase().contains("<!doctype html") {
        // Saved pages are UTF-8; a page saved in a single-byte encoding is read as Latin-1 rather than garbled.
        let text = match std::str::from_utf8(bytes) {
            Ok(t) => t.to_string(),
            Err(_) => bytes.iter().map(|&b| char::from(b)).collect(),
        };
        // A page cut short (an interrupted download or save) ends without </html>.
        if !text.to_ascii_lowercase().trim_end().ends_with("</html>") {
            return Err(ImportError::NotARecord("the page is incomplete (it does not end with </html>): save it again from the browser".into()));
        }
        let (reference, status, header, raw) = read_html(&text)?;
        (Format::ViewDetailsHtml, reference, status, header, raw)
    } else {
        return Err(ImportError::NotARecord(format!("the file starts “{}”", rows::clip(head.lines().next().unwrap_or("")))));
    };
    let want = treaty.info().untc_ref;
    if !reference.eq_ignore_ascii_case(want) {
        return Err(ImportError::OtherTreaty(want.to_string(), reference));
    }
    let source = match (source, status_as_at) {
        (Some(s), _) if !valid_tag(s) => return Err(ImportError::Source(rows::clip(s))),
        (Some(s), _) => s.to_string(),
        (None, Some(d)) => format!("untc-{d}"),
        (None, None) => "untc-xml".to_string(),
    };

    let mut out = Vec::new();
    let mut renamed = Vec::new();
    let mut unknown = Vec::new();
    for (i, r) in raw.iter().enumerate() {
        let untc_name = r.name.clone();
        let name = data::untc_renamings().iter().find(|(old, _)| same_name(old, &untc_name)).map_or(untc_name.clone(), |(_, now)| (*now).to_string());
        if name != untc_name {
            renamed.push((untc_name.clone(), name.clone()));
        }
        let Some(iso3) = iso3_of(treaty, &name) else {
            unknown.push(untc_name);
            continue;
        };
        let (signature, _succession) = match cell_date(&r.signature) {
            Ok(Some((d, m))) if m.is_empty() || m == "d" => (Some(d), m == "d"),
            Ok(Some((_, m))) => return Err(ImportError::Cell(name, "signature", r.signature.clone(), format!("unknown marker “{m}” (a signature may carry only d)"))),
            Ok(None) => (None, false),
            Err(why) => return Err(ImportError::Cell(name, "signature", r.signature.clone(), why)),
        };
        let (action, action_type) = match cell_date(&r.action) {
            Ok(Some((d, m))) => {
                let kind = match m.as_str() {
                    "" => "ratification",
                    "a" => "accession",
                    "A" => "acceptance",
                    "AA" => "approval",
                    "d" => "succession",
                    other => {
                        return Err(ImportError::Cell(name, "consent to be bound", r.action.clone(), format!("unknown marker “{other}”: use none, a, A, AA or d")))
                    }
                };
                (Some(d), Some(kind))
            }
            Ok(None) => (None, None),
            Err(why) => return Err(ImportError::Cell(name, "consent to be bound", r.action.clone(), why)),
        };
        let fields = [
            treaty.tag().to_string(),
            name.clone(),
            iso3.to_string(),
            signature.map(|d| d.to_string()).unwrap_or_default(),
            action.map(|d| d.to_string()).unwrap_or_default(),
            action_type.unwrap_or("").to_string(),
            source.clone(),
        ];
        let refs: Vec<&str> = fields.iter().map(String::as_str).collect();
        out.push(rows::action_row(i + 2, &refs).map_err(|e| ImportError::Cell(name.clone(), e.field, e.value, e.why))?);
    }
    if !unknown.is_empty() {
        return Err(ImportError::UnknownNames(unknown));
    }
    // A record that contradicts itself: a state twice, a date before the treaty opened or after the record's own.
    let lines: Vec<(usize, ActionRow)> = out.iter().cloned().enumerate().map(|(i, r)| (i + 2, r)).collect();
    let opened = treaty.info().opened_for_signature.ymd();
    let opened = Ymd { y: opened.0, m: opened.1, d: opened.2 };
    let mut problems: Vec<String> = rows::check_actions(&lines, &|_| true, &|_| Some(opened))
        .into_iter()
        .map(|e| {
            let who = lines.iter().find(|(l, _)| *l == e.line).map_or(String::new(), |(_, r)| r.participant.clone());
            let also = e.why.split("(also line ").nth(1).and_then(|x| x.trim_end_matches(')').parse::<usize>().ok());
            match also {
                Some(_) => format!("{who} ({}) appears twice in the record", e.value),
                None => format!("{who}: {} “{}”: {}", e.field, e.value, e.why),
            }
        })
        .collect();
    if let Some(as_at) = status_as_at {
        for r in &out {
            for (field, d) in [("signature", r.signature), ("deposit", r.action)] {
                if let Some(d) = d.filter(|d| *d > as_at) {
                    problems.push(format!("{}: {field} {d} is after the record's own date ({as_at})", r.participant));
                }
            }
        }
    }
    if !problems.is_empty() {
        return Err(ImportError::Contradicts(problems));
    }
    Ok(Imported { treaty, format, reference, status_as_at, header, rows: out, renamed })
}

/// A source tag as the data's are written (`untc-2026-02-03`, `verdragenbank-inview-2024-eif30`).
fn valid_tag(s: &str) -> bool {
    !s.is_empty() && s.len() <= 60 && s.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '+' | '_')) && s.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
}

/// Names compared as people write them: curly and straight apostrophes alike, white space collapsed, any case.
fn same_name(a: &str, b: &str) -> bool {
    #[allow(clippy::disallowed_methods)] // native only (the CLI's importer): never in the .wasm
    let norm = |s: &str| s.replace(['’', '‘'], "'").split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    norm(a) == norm(b)
}

/// The ISO3 code of a participant name: as the data names it under `treaty`, then under the other treaty, then
/// as `countries.csv` names it.
fn iso3_of(treaty: Treaty, name: &str) -> Option<&'static str> {
    let mine = data::actions_with_names().find(|(a, n)| a.treaty == treaty && same_name(n, name)).map(|(a, _)| a.iso3);
    mine.or_else(|| data::actions_with_names().find(|(_, n)| same_name(n, name)).map(|(a, _)| a.iso3))
        .or_else(|| data::countries().iter().find(|c| same_name(c.name, name)).map(|c| c.iso3))
}

/// A cell's date and marker: `5 Jun 2007 a` → (2007-06-05, "a"); empty (or only spaces) → `None`.
fn cell_date(cell: &str) -> Result<Option<(Ymd, String)>, String> {
    let words: Vec<&str> = cell.split(|c: char| c.is_whitespace() || c == '\u{a0}').filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        return Ok(None);
    }
    let (Some(d), Some(m), Some(y)) = (words.first(), words.get(1), words.get(2)) else {
        return Err("not a date of the form 5 Jun 2007 followed by an optional marker".into());
    };
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let month = MONTHS.iter().position(|x| x.eq_ignore_ascii_case(m)).ok_or_else(|| format!("“{m}” is not a month (Jan … Dec)"))?;
    let day: u8 = d.parse().map_err(|_| format!("“{d}” is not a day of the month"))?;
    let year: i32 = y.parse().map_err(|_| format!("“{y}” is not a year"))?;
    let date = Ymd::new(year, u8::try_from(month + 1).unwrap_or(0), day)?;
    let marker = words.get(3..).unwrap_or(&[]).join(" ");
    Ok(Some((date, marker)))
}

/// The text with every `&` that does not start an entity or character reference written `&amp;`: the UN's
/// Palermo file has a bare `&` in a declaration ("& [T]he Government of … Sri Lanka"), which no XML parser
/// accepts.
fn bare_ampersands(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(rest.get(..i).unwrap_or(""));
        let after = rest.get(i + 1..).unwrap_or("");
        let name_len = after.find(';').filter(|&n| {
            let name = after.get(..n).unwrap_or("");
            n > 0 && n <= 10 && (name.chars().all(|c| c.is_ascii_alphanumeric()) || name.strip_prefix('#').is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_hexdigit() || c == 'x')))
        });
        out.push_str(if name_len.is_some() { "&" } else { "&amp;" });
        rest = after;
    }
    out.push_str(rest);
    out
}

/// What an XML record gives: its MTDSG reference ("IV-13"), its header counts (signatories, parties) if printed,
/// and its participant rows.
type XmlRecord = (String, Option<(u16, u16)>, Vec<RawRow>);

/// MTDSG XML: the reference (chapter, section, sub-section), the header counts and the participant rows.
fn read_xml(text: &str) -> Result<XmlRecord, ImportError> {
    let doc = roxmltree::Document::parse(text).map_err(|e| ImportError::NotARecord(format!("the XML does not parse ({e})")))?;
    let first = |name: &str| doc.descendants().find(|n| n.has_tag_name(name)).and_then(|n| n.text()).map(str::trim).unwrap_or("");
    let chapter = doc.descendants().find(|n| n.has_tag_name("Chapter")).and_then(|c| c.children().find(|n| n.has_tag_name("Header"))).and_then(|n| n.text()).unwrap_or("");
    let chapter = chapter.trim().trim_start_matches("CHAPTER").trim();
    if chapter.is_empty() {
        return Err(ImportError::NotARecord("XML without an MTDSG chapter header".into()));
    }
    let mut reference = format!("{chapter}-{}", first("Numsect"));
    if !first("Subnumsect").is_empty() {
        reference = format!("{reference}-{}", first("Subnumsect"));
    }
    let header = match (first("Signatories").parse::<u16>(), first("Parties").parse::<u16>()) {
        (Ok(s), Ok(p)) => Some((s, p)),
        _ => None,
    };
    let participants = doc.descendants().find(|n| n.has_tag_name("Participants")).ok_or_else(|| ImportError::NotARecord("XML without Participants".into()))?;
    let body = participants.descendants().find(|n| n.has_tag_name("Tbody")).ok_or_else(|| ImportError::NotARecord("XML without a participant table body".into()))?;
    let mut raw = Vec::new();
    for row in body.descendants().filter(|n| n.has_tag_name("Row")) {
        let cells: Vec<String> = row.children().filter(|n| n.has_tag_name("Entry")).map(|e| e.text().unwrap_or("").to_string()).collect();
        let cell = |i: usize| cells.get(i).cloned().unwrap_or_default();
        // Footnote numbers come as escaped markup inside the name: "China<superscript>1</superscript>".
        raw.push(RawRow { name: strip_superscript(&cell(0)), signature: cell(1), action: cell(2) });
    }
    Ok((reference, header, raw))
}

/// A name without its `<superscript>n</superscript>` footnote marks (and any other markup inside it).
fn strip_superscript(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("<superscript>") {
        out.push_str(rest.get(..i).unwrap_or(""));
        rest = rest.get(i..).and_then(|r| r.find("</superscript>").map(|j| r.get(j + "</superscript>".len()..).unwrap_or(""))).unwrap_or("");
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The ViewDetails page: the reference (from its links' `mtdsg_no=`), the "STATUS AS AT" date, and the rows of
/// the participant table (the table whose first row heads "Participant").
/// What an HTML page gives: its MTDSG reference, its "STATUS AS AT" date, its header counts (signatories, parties)
/// and its participant rows.
type HtmlRecord = (String, Option<Ymd>, Option<(u16, u16)>, Vec<RawRow>);

/// The page's "Signatories : 40. Parties : 60" line, if it has one.
fn html_counts(text: &str) -> Option<(u16, u16)> {
    let after = |label: &str| -> Option<u16> {
        let rest = text.split(label).nth(1)?.trim_start_matches(|c: char| c == ':' || c.is_whitespace());
        rest.chars().take_while(char::is_ascii_digit).collect::<String>().parse().ok()
    };
    Some((after("Signatories :")?, after("Parties :")?))
}

fn read_html(text: &str) -> Result<HtmlRecord, ImportError> {
    use scraper::{ElementRef, Html, Selector};
    let doc = Html::parse_document(text);
    let sel = |s: &str| Selector::parse(s).map_err(|e| ImportError::NotARecord(format!("selector {s}: {e}")));
    let reference = text
        .split("mtdsg_no=")
        .nth(1)
        .map(|r| r.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect::<String>())
        .filter(|r| !r.is_empty())
        .ok_or_else(|| ImportError::NotARecord("an HTML page without a treaty reference (mtdsg_no=…)".into()))?;
    // "STATUS AS AT : 03-02-2026 10:16:18 EDT" (day-month-year).
    let status = text.split("STATUS AS AT").nth(1).and_then(|r| {
        let d: String = r.trim_start_matches([' ', ':']).chars().take(10).collect();
        let p: Vec<&str> = d.split('-').collect();
        match p.as_slice() {
            [dd, mm, yyyy] => Ymd::new(yyyy.parse().ok()?, mm.parse().ok()?, dd.parse().ok()?).ok(),
            _ => None,
        }
    });
    let (tables, tr, td, sup) = (sel("table")?, sel("tr")?, sel("td")?, sel("sup")?);
    // A cell's text without its footnote marks (<sup>…</sup>), spaces collapsed.
    let text_of = |cell: ElementRef<'_>| {
        let notes: Vec<String> = cell.select(&sup).map(|s| s.text().collect::<String>()).collect();
        let mut t: String = cell.text().collect();
        for n in notes {
            if let Some(i) = t.rfind(&n) {
                t.replace_range(i..i + n.len(), "");
            }
        }
        t.replace('\u{a0}', " ").split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let table = doc
        .select(&tables)
        .find(|t| {
            t.select(&tr).next().is_some_and(|r| r.select(&td).next().is_some_and(|c| text_of(c) == "Participant")) && t.select(&tables).count() == 0
        })
        .ok_or_else(|| ImportError::NotARecord("an HTML page without a participant table (a first row headed “Participant”)".into()))?;
    let mut raw = Vec::new();
    for row in table.select(&tr).skip(1) {
        let cells: Vec<String> = row.select(&td).map(text_of).collect();
        let cell = |i: usize| cells.get(i).cloned().unwrap_or_default();
        if cell(0).is_empty() {
            continue;
        }
        raw.push(RawRow { name: cell(0), signature: cell(1), action: cell(2) });
    }
    Ok((reference, status, html_counts(text), raw))
}

/// The rows as `treaty_actions.csv` lines (with its header), CRLF-terminated as that file is.
pub fn to_csv(imported: &Imported) -> String {
    let mut out = rows::ACTION_COLUMNS.join(",");
    out.push_str("\r\n");
    for r in &imported.rows {
        let fields: Vec<String> = r.fields().iter().map(|f| csv_field(f)).collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// What the record says that the data does not: one line per difference, then how the record's counts and date
/// compare. Empty lists are said in words, so an empty diff reads as "no changes".
pub fn diff(imported: &Imported) -> Vec<String> {
    let t = imported.treaty;
    let current: Vec<(&data::Action, &str)> = data::actions_with_names().filter(|(a, _)| a.treaty == t).collect();
    let mut out = Vec::new();
    let day = |d: Option<crate::date::Day>| d.map(|d| d.to_string()).unwrap_or_default();
    let ymd = |d: Option<Ymd>| d.map(|d| d.to_string()).unwrap_or_default();
    for r in &imported.rows {
        match current.iter().find(|(a, _)| a.iso3 == r.iso3) {
            None => out.push(format!("new: {} ({}) {}", r.participant, r.iso3, describe(r))),
            Some((a, name)) => {
                let kind = a.kind.map_or("", |k| k.tag());
                let mut what = Vec::new();
                if *name != r.participant {
                    what.push(format!("name {name} → {}", r.participant));
                }
                if day(a.signature) != ymd(r.signature) {
                    what.push(format!("signature {} → {}", or_none(&day(a.signature)), or_none(&ymd(r.signature))));
                }
                if day(a.action) != ymd(r.action) {
                    what.push(format!("deposit {} → {}", or_none(&day(a.action)), or_none(&ymd(r.action))));
                }
                if kind != r.action_type.unwrap_or("") {
                    what.push(format!("mode {} → {}", or_none(kind), or_none(r.action_type.unwrap_or(""))));
                }
                if !what.is_empty() {
                    out.push(format!("changed: {} ({}): {}", r.participant, r.iso3, what.join("; ")));
                }
            }
        }
    }
    for (a, name) in &current {
        if !imported.rows.iter().any(|r| r.iso3 == a.iso3) {
            out.push(format!("not in this record: {name} ({}), source {}", a.iso3, a.source));
        }
    }
    if out.is_empty() {
        out.push("no differences from data/treaty_actions.csv".to_string());
    }
    let parties = imported.rows.iter().filter(|r| r.action_type.is_some()).count();
    let signatories = imported.rows.iter().filter(|r| r.signature.is_some()).count();
    out.push(match imported.header {
        Some((s, p)) if usize::from(s) == signatories && usize::from(p) == parties => {
            format!("counts: the record's header says {s} signatories and {p} parties; its rows give the same")
        }
        Some((s, p)) => format!("counts: the record's header says {s} signatories and {p} parties, but its rows give {signatories} and {parties}"),
        None => format!("counts: the rows give {signatories} signatories and {parties} parties"),
    });
    if imported.status_as_at.is_none() && imported.format == Format::ViewDetailsHtml {
        out.push("complete to: the page's “STATUS AS AT” date could not be read, so the list's completeness date is unknown; leave data/treaties.csv as it is".to_string());
    }
    if let Some(d) = imported.status_as_at {
        let have = t.info().complete_list_as_of;
        out.push(if have.to_string() == d.to_string() {
            format!("complete to: the record is as at {d}, as data/treaties.csv says")
        } else {
            format!("complete to: the record is as at {d}; set complete_list_as_of in data/treaties.csv to it (it says {have})")
        });
    }
    for (old, now) in &imported.renamed {
        out.push(format!("renamed: the record says {old}, the data {now} (data/untc_renamings.csv)"));
    }
    out
}

fn or_none(s: &str) -> &str {
    if s.is_empty() {
        "none"
    } else {
        s
    }
}

fn describe(r: &ActionRow) -> String {
    let mut parts = Vec::new();
    if let Some(s) = r.signature {
        parts.push(format!("signed {s}"));
    }
    if let (Some(d), Some(k)) = (r.action, r.action_type) {
        parts.push(format!("{k} {d}"));
    }
    parts.join(", ")
}

/// A count that may be a range, as the report writes it: `181`, or `177–178`.
fn range_text(min: u16, max: u16) -> String {
    if min == max {
        min.to_string()
    } else {
        format!("{min}–{max}")
    }
}

/// The data's validation report (`treaty-charts check`): the integrity checks of the compiled tables (every code
/// joins, no participant twice, no date before a treaty opened or a deposit before its signature, ranges that fit
/// their rows), and every headline count in `data/treaty_status.csv` against the counts the data gives — exactly,
/// for a dated headline within its treaty's complete list; at most the published count, for the depositary's
/// counts after it (the data can only miss what it has not identified). Returns (lines, all well).
pub fn check_report() -> (Vec<String>, bool) {
    let mut lines = Vec::new();
    let problems = data::check();
    let mut ok = problems.is_empty();
    let actions = data::actions();
    lines.push(format!(
        "rows: {} (palermo {}, icrmw {}); countries: {}",
        actions.len(),
        actions.iter().filter(|a| a.treaty == Treaty::Palermo).count(),
        actions.iter().filter(|a| a.treaty == Treaty::Icrmw).count(),
        data::countries().len()
    ));
    if problems.is_empty() {
        lines.push("integrity: every code joins, no duplicates, dates plausible".to_string());
    }
    lines.extend(problems.into_iter().map(|p| format!("problem: {p}")));
    let m = crate::model::Model::get();
    let (mut exact, mut bounded) = (0, 0);
    for h in data::headlines() {
        let Some(d) = h.day else { continue };
        let ours = m.parties_on(h.treaty, d);
        let tag = h.treaty.tag();
        if d <= h.treaty.info().complete_list_as_of {
            if ours.exact() && ours.min == h.parties {
                exact += 1;
            } else {
                ok = false;
                let identified = range_text(ours.min, ours.max);
                lines.push(format!("problem: {tag} on {d}: the source ({}) says {} parties, the data {identified}", h.source_url, h.parties));
            }
        } else if crate::model::from_depositary(h) {
            if ours.max <= h.parties {
                bounded += 1;
                if ours.max < h.parties {
                    let identified = range_text(ours.min, ours.max);
                    lines.push(format!("gap: {tag} on {d}: the depositary counted {}, the data identifies {identified}", h.parties));
                }
            } else {
                ok = false;
                lines.push(format!("problem: {tag} on {d}: the data has {} parties, more than the depositary's {}", ours.max, h.parties));
            }
        }
    }
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    lines.push(format!(
        "headlines: {} within a complete list reproduced exactly; {} not exceeded",
        plural(exact, "dated count", "dated counts"),
        plural(bounded, "later depositary count", "later depositary counts")
    ));
    lines.push("data: as compiled into this binary from data/ (cargo run rebuilds it first; a bad row stops the build, listing every problem)".to_string());
    lines.push(if ok { "check: all well".to_string() } else { "check: problems above".to_string() });
    (lines, ok)
}
