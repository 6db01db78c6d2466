//! Every sentence a chart shows, in one place.
//!
//! Chart modules compute numbers and call these functions; they hold no prose of their own. The wording is the
//! project's own, written to say plainly what a count of ratifications measures and what it leaves out (formal
//! consent versus implementation, the rights of migrant workers, which states stay out, and what
//! criminal-justice figures can and cannot tell).

use crate::date::Day;

/// Text blocks of one chart, in reading order. Plain text (escaped on output).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Blocks {
    /// Headline.
    pub title: String,
    /// One line under the headline.
    pub subtitle: String,
    /// "What this measures: …" (with its lead).
    pub measures: String,
    /// "What it leaves out: …" (with its lead).
    pub leaves_out: String,
    /// Data-derived notes: gaps, derived dates, who stays out.
    pub notes: Vec<String>,
    /// Source line, with the data's as-of date.
    pub source: String,
}

/// Lead of the measures block; rendered bold.
pub const MEASURES_LEAD: &str = "What this measures:";
/// Lead of the leaves-out block; rendered bold.
pub const LEAVES_OUT_LEAD: &str = "What it leaves out:";
/// Lead of each note; rendered bold.
pub const NOTE_LEAD: &str = "Note:";
/// Text of the CSV download link.
pub const GET_THE_DATA: &str = "Get the data (CSV)";

/// "1 party", "2 parties": `n` followed by the singular or plural noun.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Joins names as "A, B and C".
pub fn and_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

const LEAVES_OUT_CORE: &str = "whether a party has written the treaty into its laws or applies them, and how migrant \
workers and people who were trafficked are actually treated. Joining the Palermo Protocol commits a state to \
prosecute trafficking, not to protect migrants’ rights at work, and counts of prosecutions or referrals describe \
the justice process more than the scale of exploitation.";

/// Blocks of the timeline chart.
pub fn timeline(as_of: Day) -> Blocks {
    Blocks {
        title: "Parties to the Palermo Protocol and the Migrant Workers Convention".into(),
        subtitle: if as_of.year() == 1990 {
            format!("Number of parties to each treaty on {}", as_of.human())
        } else {
            format!("Number of parties to each treaty, 1990 to {}", as_of.human())
        },
        measures: format!(
            "{MEASURES_LEAD} formal consent to be bound – the day each state (and, for the Palermo Protocol, the \
             European Union) deposited its ratification, accession or equivalent with the UN Secretary-General, \
             counted as the depositary counts. Entry into force came later."
        ),
        leaves_out: format!("{LEAVES_OUT_CORE_LEAD} {LEAVES_OUT_CORE}", LEAVES_OUT_CORE_LEAD = LEAVES_OUT_LEAD),
        notes: Vec::new(),
        source: String::new(),
    }
}

/// Blocks of the status chart.
pub fn status(as_of: Day) -> Blocks {
    Blocks {
        title: "Where the 195 UN member and observer states stand".into(),
        subtitle: format!("Parties, states that have only signed, and states that have done neither, {}", as_of.human()),
        measures: format!(
            "{MEASURES_LEAD} each state’s formal standing under each treaty. A signature alone does not make a \
             state a party; only depositing a ratification, accession or equivalent does."
        ),
        leaves_out: format!(
            "{LEAVES_OUT_LEAD} {LEAVES_OUT_CORE} Reservations that limit a party’s obligations are not shown."
        ),
        notes: Vec::new(),
        source: String::new(),
    }
}

/// Note on who stays out: how many of the top destination states are parties to each treaty.
///
/// `icrmw_parties` are the names of the top destinations that are ICRMW parties on `as_of`; `palermo` is
/// `None` before the Protocol opened for signature, otherwise (dated parties among the top destinations, names
/// of those that are parties on an unconfirmed date).
pub fn who_stays_out(top_n: usize, icrmw_parties: &[&str], palermo: Option<(usize, &[&str])>, as_of: Day) -> String {
    let n = icrmw_parties.len();
    let who = if n == 0 {
        "none is".to_string()
    } else {
        let names = and_list(icrmw_parties);
        if n == 1 {
            format!("only one ({names}) is")
        } else {
            format!("only {n} ({names}) are")
        }
    };
    let palermo = match palermo {
        Some((0, [])) => "; none is a party to the Palermo Protocol".to_string(),
        Some((n, [])) => format!("; {n} {} to the Palermo Protocol", if n == 1 { "is a party" } else { "are parties" }),
        Some((n, undated)) if as_of >= crate::data::data_as_of() => format!(
            "; {n} {} to the Palermo Protocol ({} with {}, whose date of joining is not confirmed)",
            if n == 1 { "is a party" } else { "are parties" },
            n + undated.len(),
            and_list(undated)
        ),
        Some((n, undated)) => format!(
            "; {n} {} to the Palermo Protocol, not counting {}, which joined after {} on a date not confirmed",
            if n == 1 { "is a party" } else { "are parties" },
            and_list(undated),
            crate::data::Treaty::Palermo.info().complete_list_as_of.human()
        ),
        None => String::new(),
    };
    format!(
        "{NOTE_LEAD} Of the {top_n} UN states with the most international migrants (UN DESA, 2024), {who} a party \
         to the Migrant Workers Convention on {}{palermo}. The states where most migrant workers go have largely \
         stayed out.",
        as_of.human()
    )
}

/// Note on the Palermo Protocol's incomplete data after its last complete depositary list.
pub struct PalermoGap<'a> {
    /// Date of the last complete depositary list.
    pub complete: Day,
    /// Dated accessions after it, up to the chart's as-of date.
    pub later_dated: usize,
    /// Of those, how many have dates derived from entry into force.
    pub derived: usize,
    /// Names of parties with no confirmed date.
    pub undated: &'a [&'a str],
    /// Newest depositary headline on or before as-of, after `complete`: (day, parties it reported, dated parties
    /// in this data on that day).
    pub depositary: Option<(Day, u16, u16)>,
    /// Newest higher count from a secondary source known by as-of: (date as the source gives it, parties).
    pub secondary: Option<(String, u16)>,
    /// The chart's date.
    pub as_of: Day,
}

/// Sentence for [`PalermoGap`].
pub fn palermo_gap(g: &PalermoGap<'_>) -> String {
    let mut s = format!(
        "{NOTE_LEAD} Palermo Protocol data after {} is incomplete: no full depositary list newer than that was \
         available. {}",
        g.complete.human(),
        match g.later_dated {
            0 => "No accession since then is dated".to_string(),
            1 => "1 accession since then is dated".to_string(),
            n => format!("{n} accessions since then are dated"),
        },
    );
    if g.derived > 0 {
        s.push_str(&format!(
            " ({} from entry into force minus 30 days)",
            if g.derived == g.later_dated { "all".to_string() } else { g.derived.to_string() }
        ));
    }
    s.push('.');
    if !g.undated.is_empty() {
        let one = g.undated.len() == 1;
        s.push_str(&format!(
            " {} ({}) joined after {} on {} not confirmed here: {} shown as a shaded range, not counted",
            plural(g.undated.len(), "party", "parties"),
            and_list(g.undated),
            g.complete.human(),
            if one { "a date" } else { "dates" },
            if one { "it is" } else { "they are" },
        ));
        if g.as_of < crate::data::data_as_of() {
            s.push_str(&format!(
                ", and {} not yet have been {} on {}",
                if one { "it may" } else { "they may" },
                if one { "a party" } else { "parties" },
                g.as_of.human()
            ));
        }
        s.push('.');
    }
    let mut highest_published = 0;
    if let Some((day, published, dated)) = g.depositary {
        if published > dated {
            highest_published = published;
            let undated = g.undated.len();
            let more = if undated == 0 { String::new() } else { format!(" and has {undated} more on dates not confirmed") };
            let known = usize::from(dated) + undated;
            let missing = usize::from(published).saturating_sub(known);
            let gap = if missing > 0 { format!(": {} not identified here", plural(missing, "party is", "parties are")) } else { String::new() };
            s.push_str(&format!(" The depositary reported {published} parties on {}; this data dates {dated} by then{more}{gap}.", day.human()));
        }
    }
    if let Some((when, n)) = &g.secondary {
        if *n > highest_published {
            s.push_str(&format!(" Secondary sources gave {n} parties by {when}."));
        }
    }
    s.push_str(" The count shown is a minimum.");
    s
}

/// Note for the status chart about the European Union.
pub fn eu_not_a_state(eu_is_party: bool) -> Option<String> {
    eu_is_party.then(|| {
        format!("{NOTE_LEAD} The European Union is also a party to the Palermo Protocol; it is not a state, so it is not in these bars.")
    })
}

/// Note for a status chart of a past date: the 195 are today's states.
pub fn todays_states(as_of: Day) -> String {
    format!(
        "{NOTE_LEAD} The 195 are today’s UN member and observer states, counted on {} whether or not they were \
         UN members or independent states then.",
        as_of.human()
    )
}

/// Source line.
pub fn source(data_as_of: Day) -> String {
    format!(
        "Source: UN Treaty Collection (XVIII-12-a, IV-13); Palermo accessions after 2018 from UNODC, US TIP \
         Reports and the Netherlands treaty database; UN DESA International Migrant Stock 2024. Data as of {}.",
        data_as_of.human()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_naturally() {
        assert_eq!(and_list(&["A"]), "A");
        assert_eq!(and_list(&["A", "B", "C"]), "A, B and C");
    }
}
