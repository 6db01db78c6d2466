//! Text measurement, line wrapping and escaping.
//!
//! Layout must be identical in the CLI and in every browser, and must not depend on the host page (plotters'
//! wasm text measurement appends a `<span>` to the page's body, where host CSS leaks in). So text is measured
//! here from a width table: the advance widths of Helvetica, which Arial and Liberation Sans share, in
//! thousandths of an em. The SVG asks for exactly those fonts ([`FONT_FAMILY`]). Characters outside the table
//! count as the width of a digit; layouts keep a few per cent of slack for fonts that differ.

/// The font stack every chart uses; all three share the metrics in the width table.
pub const FONT_FAMILY: &str = "Arial, 'Liberation Sans', Helvetica, sans-serif";

/// Advance widths of ASCII 32..=126 in Helvetica (regular), in 1/1000 em.
const WIDTHS: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space .. /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, // 0..9
    278, 278, 584, 584, 584, 556, 1015, // : ; < = > ? @
    667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667,
    944, 667, 667, 611, // A..Z
    278, 278, 278, 469, 556, 333, // [ \ ] ^ _ `
    556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500,
    722, 500, 500, 500, // a..z
    334, 260, 334, 584, // { | } ~
];

/// Width of one character in 1/1000 em.
fn char_width(c: char, bold: bool) -> u32 {
    let base = match c {
        ' '..='~' => WIDTHS.get(c as usize - 32).copied().unwrap_or(556),
        '\u{a0}' => 278, // no-break space: as wide as a space
        '\u{202f}' => 190, // narrow no-break space (French number groups, before %)
        '–' => 556,
        '—' => 1000,
        '’' | '‘' => 222,
        '“' | '”' => 333,
        '…' => 1000,
        'é' | 'è' | 'ê' | 'ô' | 'ö' | 'ü' | 'ç' | 'ã' | 'á' | 'í' | 'ó' => 556,
        'Ü' | 'Ö' | 'Ô' | 'É' => 722,
        // CJK, Hangul, full-width forms and emoji are about one em wide.
        '\u{1100}'..='\u{115F}' | '\u{2E80}'..='\u{A4CF}' | '\u{AC00}'..='\u{D7A3}' | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}' | '\u{FF00}'..='\u{FF60}' | '\u{1F000}'..='\u{1FAFF}' | '\u{20000}'.. => 1000,
        _ => 556,
    };
    let base = u32::from(base);
    if bold {
        base * 107 / 100
    } else {
        base
    }
}

/// Width of `s` in px at `size` px.
pub fn width(s: &str, size: f64, bold: bool) -> f64 {
    let units: u32 = s.chars().map(|c| char_width(c, bold)).sum();
    f64::from(units) * size / 1000.0
}

/// Words for [`wrap`]: split at ordinary spaces and line breaks, not at no-break spaces (U+00A0, U+202F), which
/// the catalogue puts inside dates and numbers (`3 Feb 2026`, `1 234`) to keep them on one line.
fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split([' ', '\n', '\t']).filter(|w| !w.is_empty())
}

/// Breaks `s` into lines no wider than `max` px at `size` px, at spaces, never at a no-break space (so never
/// inside a date such as `3 Feb 2026`). A word wider than a whole line is cut between characters, so nothing runs past `max` (a
/// one-character line is the only exception).
pub fn wrap(s: &str, size: f64, bold: bool, max: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in words(s) {
        let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
        if width(&candidate, size, bold) <= max {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // The word starts a new line; cut it while it is wider than a line, never inside a character sequence
        // that reads as one (an accent, a joined or modified emoji, a flag).
        let mut prev: Option<char> = None;
        let mut flags_run = 0; // regional indicators in a row before `c`: a flag is a pair of them
        for c in word.chars() {
            let regional = ('\u{1f1e6}'..='\u{1f1ff}').contains(&c);
            let clings = matches!(c, '\u{300}'..='\u{36f}' | '\u{200d}' | '\u{fe00}'..='\u{fe0f}' | '\u{1f3fb}'..='\u{1f3ff}' | '\u{e0020}'..='\u{e007f}')
                || prev == Some('\u{200d}')
                || (regional && flags_run % 2 == 1);
            flags_run = if regional { flags_run + 1 } else { 0 };
            prev = Some(c);
            line.push(c);
            if width(&line, size, bold) > max && line.chars().count() > 1 && !clings {
                line.pop();
                lines.push(std::mem::take(&mut line));
                line.push(c);
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The lower-case form of a letter of the charts' languages: ASCII, Latin-1 (`À`–`Þ`) and Latin Extended-A
/// (`Ā`–`Ž`, which pair capital and small letter); any other character as it is. std's `to_lowercase` would carry
/// Unicode's whole case tables into the WebAssembly (about 10 KB) for text that is all in these ranges.
pub fn lower(c: char) -> char {
    let u = u32::from(c);
    let to = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => u + 32,
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if u % 2 == 0 => u + 1,
        0x139..=0x148 | 0x179..=0x17E if u % 2 == 1 => u + 1,
        0x178 => 0xFF,
        _ => u,
    };
    char::from_u32(to).unwrap_or(c)
}

/// The capital form of a letter, over the same ranges as [`lower`] (`ß` and other letters without a one-letter
/// capital stay as they are).
pub fn upper(c: char) -> char {
    let u = u32::from(c);
    let to = match u {
        0x61..=0x7A | 0xE0..=0xF6 | 0xF8..=0xFE => u - 32,
        0x101..=0x12F | 0x133..=0x137 | 0x14B..=0x177 if u % 2 == 1 => u - 1,
        0x13A..=0x148 | 0x17A..=0x17E if u % 2 == 0 => u - 1,
        0xFF => 0x178,
        _ => u,
    };
    char::from_u32(to).unwrap_or(c)
}

/// `s` with its first letter changed by `f` ([`lower`] or [`upper`]): "What it leaves out: whether…".
pub fn first_with(s: &str, f: fn(char) -> char) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => std::iter::once(f(first)).chain(c).collect(),
        None => String::new(),
    }
}

/// A lower-case Latin letter without its accent (`é` → `e`, `ñ` → `n`), for sorting and matching names in the
/// charts' three languages; any other character as it is.
pub fn unaccent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        c => c,
    }
}

/// A key for sorting names alphabetically in any of the charts' languages: lower case, accents dropped
/// (`Équateur` sorts with E, `Türkiye` with T).
pub fn sort_key(s: &str) -> String {
    s.chars().map(lower).map(unaccent).collect()
}

/// Byte offset of the first `needle` in `haystack` (0 for an empty needle). The charts' own substring search: std's
/// (`str::find`, `contains`, `replace` and `split_once` with a string pattern) brings its two-way searcher and a
/// panic path that formats characters and Unicode tables into the `.wasm` (about 6 KB); these texts are short.
pub fn find(haystack: &str, needle: &str) -> Option<usize> {
    // UTF-8 is self-synchronising: a match of a whole valid needle starts and ends on character boundaries.
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    if n.is_empty() {
        return Some(0);
    }
    h.windows(n.len()).position(|w| w == n)
}

/// Whether `haystack` contains `needle` (see [`find`]).
pub fn contains(haystack: &str, needle: &str) -> bool {
    find(haystack, needle).is_some()
}

/// `s` with every `from` replaced by `to`, left to right, matches not overlapping (as `str::replace`; see [`find`]).
/// `from` must not be empty (then `s` is returned unchanged).
pub fn replace(s: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = find(rest, from).filter(|_| !from.is_empty()) {
        out.push_str(rest.get(..i).unwrap_or(""));
        out.push_str(to);
        rest = rest.get(i + from.len()..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// Text before and after the first `sep` (as `str::split_once`; see [`find`]).
pub fn split_once<'a>(s: &'a str, sep: &str) -> Option<(&'a str, &'a str)> {
    let i = find(s, sep)?;
    Some((s.get(..i)?, s.get(i + sep.len()..)?))
}

/// Escapes text for XML/HTML character data and for attribute values in double or single quotes.
pub fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Characters XML 1.0 does not allow (most controls, U+FFFE, U+FFFF): dropped rather than emitted as
            // invalid markup.
            c if ((c as u32) < 0x20 && !matches!(c, '\n' | '\t')) || matches!(c, '\u{fffe}' | '\u{ffff}') => {}
            c => out.push(c),
        }
    }
    out
}

/// Percent-encodes `s` for use in a URL (RFC 3986 unreserved characters stay as they are), e.g. the body of a
/// `data:` URL or a file name.
pub fn escape_url(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3 / 2);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            push_hex(&mut out, u32::from(b), 2, true);
        }
    }
    out
}

/// Appends the last `digits` hexadecimal digits of `n` (upper or lower case), most significant first: the one
/// hex writer for URLs, JSON escapes, colours and quoted code points (no `core::fmt` in a hot loop).
pub fn push_hex(out: &mut String, n: u32, digits: u32, upper: bool) {
    let table: &[u8; 16] = if upper { b"0123456789ABCDEF" } else { b"0123456789abcdef" };
    for k in (0..digits).rev() {
        let nibble = n.checked_shr(4 * k).unwrap_or(0) & 15;
        out.push(char::from(table.get(nibble as usize).copied().unwrap_or(b'0')));
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // tests run natively; the .wasm never carries them
mod tests {
    #[test]
    #[allow(clippy::disallowed_methods)] // compares with std's mapping
    fn case_matches_std_for_every_letter_it_maps() {
        // Every character up to the end of Latin Extended-A whose std mapping is one character in that range
        // (not İ → i̇, ı → I, ſ → S, µ → Greek Μ).
        let mut mapped = 0;
        for c in (0..0x180u32).filter_map(char::from_u32) {
            let (lo, up): (Vec<char>, Vec<char>) = (c.to_lowercase().collect(), c.to_uppercase().collect());
            if let [l] = lo.as_slice() {
                if *l < '\u{180}' {
                    assert_eq!(super::lower(c), *l, "lower {c:?}");
                    mapped += usize::from(*l != c);
                }
            }
            if let [u] = up.as_slice() {
                if *u < '\u{180}' && !matches!(c, 'ı' | 'ſ') {
                    assert_eq!(super::upper(c), *u, "upper {c:?}");
                }
            }
        }
        assert_eq!(mapped, 26 + 30 + 62, "capitals of ASCII, Latin-1 and Latin Extended-A (but İ)");
        assert_eq!(super::first_with("Équateur", super::lower), "équateur");
        assert_eq!(super::first_with("œuvre", super::upper), "Œuvre");
    }

    use super::*;

    #[test]
    fn measures_from_the_helvetica_table() {
        // "0" is 556/1000 em: four digits at 10 px are 22.24 px.
        assert!((width("2000", 10.0, false) - 22.24).abs() < 1e-9);
        assert!(width("Palermo", 14.0, true) > width("Palermo", 14.0, false));
    }

    #[test]
    fn substring_search_matches_std_on_non_ascii_text() {
        let cases = [
            ("3\u{a0}févr.\u{a0}2026", "\u{a0}"),
            ("{d} {m} {y}", "{m}"),
            ("Côte d’Ivoire", "d’I"),
            ("Türkiye: party since 2004", ": "),
            ("aaa", "aa"),
            ("é", "e"),
            ("", "x"),
            ("abc", ""),
        ];
        for (h, n) in cases {
            assert_eq!(find(h, n), h.find(n), "{h:?} {n:?}");
            assert_eq!(contains(h, n), h.contains(n), "{h:?} {n:?}");
            assert_eq!(split_once(h, n), if n.is_empty() { Some(("", h)) } else { h.split_once(n) }, "{h:?} {n:?}");
            if !n.is_empty() {
                assert_eq!(replace(h, n, "<>"), h.replace(n, "<>"), "{h:?} {n:?}");
            }
        }
        assert_eq!(replace("abc", "", "x"), "abc", "an empty pattern changes nothing");
    }

    #[test]
    fn wraps_at_spaces_within_the_width() {
        let lines = wrap("the quick brown fox jumps over the lazy dog", 10.0, false, 60.0);
        assert!(lines.len() > 2);
        for l in &lines {
            assert!(width(l, 10.0, false) <= 60.0 || !l.contains(' '), "{l}");
        }
        assert_eq!(lines.join(" "), "the quick brown fox jumps over the lazy dog");
    }

    #[test]
    fn cuts_words_wider_than_a_line() {
        let long = "Trafficking".repeat(8);
        let lines = wrap(&format!("A {long} title"), 20.0, true, 200.0);
        assert!(lines.len() >= 5, "{lines:?}");
        for l in &lines {
            assert!(width(l, 20.0, true) <= 200.0, "{l}");
        }
        assert_eq!(lines.concat().replace(' ', ""), format!("A{long}title"));
        // Flags (pairs of regional indicators) and joined emoji are not cut apart.
        let flags = "\u{1f1f3}\u{1f1f5}".repeat(12);
        for l in wrap(&flags, 20.0, false, 70.0) {
            assert_eq!(l.chars().count() % 2, 0, "{l:?}");
        }
        // A date written with no-break spaces stays on one line.
        let d = wrap("Number of parties, 1990 to 3\u{a0}Feb\u{a0}2026. Next", 10.0, false, 90.0);
        assert!(d.iter().any(|l| l.contains("3\u{a0}Feb\u{a0}2026.")), "{d:?}");
        assert_eq!(words("on 20\u{a0}Apr\u{a0}2024; this").collect::<Vec<_>>(), ["on", "20\u{a0}Apr\u{a0}2024;", "this"]);
        // Wide scripts count as one em per character.
        assert!((width("条约", 10.0, false) - 20.0).abs() < 1e-9);
    }

    #[test]
    fn escapes_for_each_context() {
        assert_eq!(escape_xml("Saint Vincent & the Grenadines"), "Saint Vincent &amp; the Grenadines");
        assert_eq!(escape_xml("a\u{0}b\u{fffe}c\u{ffff}d"), "abcd");
        assert_eq!(escape_xml("Lao People's <b>\"Democratic\"</b>"), "Lao People&#39;s &lt;b&gt;&quot;Democratic&quot;&lt;/b&gt;");
        assert_eq!(escape_url("Côte d'Ivoire & co"), "C%C3%B4te%20d%27Ivoire%20%26%20co");
        assert_eq!(escape_url("a,b\n\u{0}\u{ff}"), "a%2Cb%0A%00%C3%BF");
    }

    #[test]
    fn hex_digits_for_each_writer() {
        let hex = |n: u32, digits: u32, upper: bool| {
            let mut s = String::new();
            super::push_hex(&mut s, n, digits, upper);
            s
        };
        assert_eq!(hex(0x202e, 4, true), "202E");
        assert_eq!(hex(0x1f600, 6, true), "01F600");
        assert_eq!(hex(0x0a, 4, false), "000a");
        assert_eq!(hex(0xc8_5a_0c, 6, false), "c85a0c");
        assert_eq!(hex(0xff, 2, true), "FF");
    }
}
