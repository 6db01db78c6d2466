//! English: every message of the catalogue (see [`super`] for the template syntax).

use super::{LocaleData, Msg, Plural};

/// The English locale.
pub static DATA: LocaleData = LocaleData {
    tag: "en",
    months: [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ],
    months_short: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    date_short: "{d}\u{a0}{m}\u{a0}{y}",
    date_long: "{d}\u{a0}{m}\u{a0}{y}",
    month_year: "{m}\u{a0}{y}",
    group: ",",
    group_from_digits: 4,
    decimal: ".",
    percent: "{n}%",
    list_last: " and ",
    list_sep: ", ",
    plural,
    text,
};

fn plural(n: i64) -> Plural {
    if n == 1 {
        Plural::One
    } else {
        Plural::Other
    }
}

fn text(m: Msg) -> &'static str {
    match m {
        Msg::PalermoShort => "Palermo Protocol",
        Msg::IcrmwShort => "Migrant Workers Convention",
        Msg::EuName => "European Union",
        Msg::KindRatification => "ratification",
        Msg::KindAccession => "accession",
        Msg::KindAcceptance => "acceptance",
        Msg::KindApproval => "approval",
        Msg::KindSuccession => "succession",

        Msg::MeasuresLead => "What this measures:",
        Msg::LeavesOutLead => "What it leaves out:",
        Msg::NoteLead => "Note:",
        Msg::GetTheData => "Get the data (CSV)",
        Msg::Source => "Source: UN Treaty Collection (XVIII-12-a, IV-13); Palermo accessions after 2018 from UNODC, US TIP \
            Reports and the Netherlands treaty database; UN DESA International Migrant Stock 2024. Data as of {date}.",
        Msg::LeavesOutCore => "whether a party has written the treaty into its laws or applies them, and how migrant \
            workers and people who were trafficked are actually treated. Joining the Palermo Protocol commits a state \
            to prosecute trafficking, not to protect migrants’ rights at work, and counts of prosecutions or referrals \
            describe the justice process more than the scale of exploitation.",
        Msg::Semicolon => "; ",
        Msg::Dot => " · ",

        Msg::AboutTimeline => "Parties to each treaty over time",
        Msg::AboutStatus => "Parties, signatories only and neither among the 195 UN member and observer states",

        Msg::TimelineTitle => "Parties to the Palermo Protocol and the Migrant Workers Convention",
        Msg::TimelineSubtitleDay => "Number of parties to each treaty on {date}",
        Msg::TimelineSubtitle => "Number of parties to each treaty, {first} to {date}",
        Msg::TimelineMeasures => "formal consent to be bound – the day each state (and, for the Palermo Protocol, the \
            European Union) deposited its ratification, accession or equivalent with the UN Secretary-General, counted \
            as the depositary counts. Entry into force came later.",
        Msg::LegendOpened => "opened for signature",
        Msg::LegendInForce => "entered into force",
        Msg::LegendPublished => "count published by the UN",
        Msg::LegendUndated => "{n|+# party|+# parties}, dates not confirmed",
        Msg::LegendUndatedUpTo => "up to {n|+# party|+# parties}, dates not confirmed",
        Msg::NoLine => "No {treaty} line: it opened for signature on {date}.",
        Msg::TipNotYetOpen => "{treaty}: not yet open",
        Msg::TipParties => "{treaty}: {n|# party|# parties}",
        Msg::TipPartiesUndated => "{treaty}: {n|# party|# parties} (+ up to {u} on unconfirmed dates)",
        Msg::TipNew => "{t|palermo={n|New Palermo party|New Palermo parties}|icrmw={n|New ICRMW party|New ICRMW parties}}: {names}",
        Msg::TipAndMore => "{names}; and {n} more",
        Msg::TipJoiner => "{name} ({kind})",
        Msg::TipJoinerDerived => "{name} ({kind}, date derived)",
        Msg::SummaryOn => "On {date}, {parts}.",
        Msg::SummaryNotOpen => "the {treaty} was not yet open for signature",
        Msg::SummaryHad => "the {treaty} had {n|# party|# parties}{more}; it opened for signature on {opened} and {force}",
        Msg::SummaryMoreUndated => " (and {u} more whose dates are not confirmed)",
        Msg::SummaryMoreUndatedUpTo => " (and up to {u} more whose dates are not confirmed)",
        Msg::SummaryInForce => "entered into force on {date}",
        Msg::SummaryNotInForce => "had not yet entered into force",

        Msg::StatusTitle => "Where the {n} UN member and observer states stand",
        Msg::StatusSubtitle => "Parties, states that have only signed, and states that have done neither, {date}",
        Msg::StatusMeasures => "each state’s formal standing under each treaty. A signature alone does not make a state \
            a party; only depositing a ratification, accession or equivalent does.",
        Msg::StatusLeavesOutExtra => "Reservations that limit a party’s obligations are not shown.",
        Msg::StatusNotOpen => "Not yet open for signature (it opened on {date}).",
        Msg::SegParties => "{n|# party|# parties}",
        Msg::SegUnconfirmedNow => "{n|# party|# parties} on unconfirmed dates",
        Msg::SegUnconfirmedEarlier => "{n} unknown (parties by {date}, date of joining not confirmed)",
        Msg::SegSigned => "{n} signed only",
        Msg::SegNeither => "{n} neither",
        Msg::StatusSummary => "Of today’s {total} UN member and observer states, on {date}: {parts}.",
        Msg::StatusSummaryPart => "{treaty}: {n|# party|# parties}{unknown}, {s} signed only, {x} neither",
        Msg::StatusSummaryUnknown => ", {u} more whose date of joining is not confirmed",
        Msg::NoteEu => "The European Union is also a party to the Palermo Protocol; it is not a state, so it is not in \
            these bars.",
        Msg::NoteTodaysStates => "The 195 are today’s UN member and observer states, counted on {date} whether or not \
            they were UN members or independent states then.",

        Msg::StaysOut => "Of the {top} UN states with the most international migrants (UN DESA, 2024), \
            {n|none is|only one ({names}) is|only # ({names}) are} a party to the Migrant Workers Convention on \
            {date}{palermo}. The states where most migrant workers go have largely stayed out.",
        Msg::StaysOutPalermo => "; {n|none is a party|# is a party|# are parties} to the Palermo Protocol",
        Msg::StaysOutPalermoUndated => "; {n|# is a party|# are parties} to the Palermo Protocol ({m} with {names}, \
            whose date of joining is not confirmed)",
        Msg::StaysOutPalermoNotCounting => "; {n|# is a party|# are parties} to the Palermo Protocol, not counting \
            {names}, which joined after {date} on a date not confirmed",

        Msg::GapIntro => "Palermo Protocol data after {date} is incomplete: no full depositary list newer than that \
            was available.",
        Msg::GapDated => " {n|No accession since then is dated|1 accession since then is dated|# accessions since \
            then are dated}{derived}.",
        Msg::GapDerivedAll => " (all from entry into force minus 30 days)",
        Msg::GapDerived => " ({d} from entry into force minus 30 days)",
        Msg::GapUndated => " {n|1 party ({names}) joined after {date} on a date not confirmed here: it is shown as a \
            shaded range, not counted{maybe}.|# parties ({names}) joined after {date} on dates not confirmed here: \
            they are shown as a shaded range, not counted{maybe}.}",
        Msg::GapUndatedMaybe => "{n|, and it may not yet have been a party on {as_of}|, and they may not yet have \
            been parties on {as_of}}",
        Msg::GapDepositary => " The depositary reported {published} parties on {date}; this data dates {dated} by \
            then{more}{gap}.",
        Msg::GapDepositaryMore => " and has {u} more on dates not confirmed",
        Msg::GapDepositaryMissing => ": {m|1 party is|# parties are} not identified here",
        Msg::GapSecondary => " Secondary sources gave {n} parties by {when}.",
        Msg::GapMinimum => " The count shown is a minimum.",

        Msg::ErrorLead => "This chart could not be drawn.",
        Msg::LoadFailed => "This chart could not be loaded.",
        Msg::Loading => "Loading chart…",
        Msg::ErrUnknown => "Unknown option “{name}”. Valid options: {list}.",
        Msg::ErrNotForChart => "The option “{name}” does not apply to the {chart} chart. Its options: {list}.",
        Msg::ErrChart => "Invalid chart “{value}”. Valid charts: {list}.",
        Msg::ErrDate => "Invalid as-of: {why}. Use a date from {first} to {last}.",
        Msg::ErrDateRange => "Invalid as-of: {value} is {side}. Use a date from {first} to {last}.",
        Msg::ErrDateBefore => "before the timeline starts",
        Msg::ErrDateAfter => "after the newest data",
        Msg::DateMalformed => "“{value}” is not a date of the form YYYY-MM-DD",
        Msg::DateImpossible => "{value} is not a calendar date: {reason}",
        Msg::DateBadMonth => "the month must be 01 to 12",
        Msg::DateMonthLength => "{month} has {n} days",
        Msg::ErrWidth => "Invalid width “{value}”. Use a whole number of pixels from {min} to {max}.",
        Msg::ErrTitleEmpty => "Invalid chart-title: it is empty.",
        Msg::ErrTitleLong => "Invalid chart-title: it is longer than {n} characters.",
        Msg::ErrRepeated => "The option “{name}” is given more than once. Give each option once.",
        Msg::ErrTheme => "Invalid theme “{value}”. Valid themes: {list}.",
        Msg::ErrTreaty => "Invalid treaty “{value}”. Valid treaties: {list}.",
        Msg::ErrNotStrings => "Options must be strings: [name, value, name, value, …].",
        Msg::ErrNotPairs => "Options must come in pairs: [name, value, name, value, …].",
        Msg::EmbedUnknownParam => "Unknown parameter “{name}” in the embed address. Valid parameters: {list}.",
        Msg::EmbedRepeatedParam => "The parameter “{name}” is given more than once in the embed address. Give each once.",

        Msg::AriaInteractive => "interactive chart",
        Msg::AriaKeysTimeline => "{title}. Use the left and right arrow keys to step through the dates on which a \
            count changed.",
        Msg::AriaKeysMarks => "{title}. Use the arrow keys to go from one part of the chart to the next, Home and End \
            for the first and last.",
        Msg::RegionAfrica => "Africa",
        Msg::RegionAmericas => "Americas",
        Msg::RegionAsia => "Asia",
        Msg::RegionEurope => "Europe",
        Msg::RegionOceania => "Oceania",

        Msg::AboutMap => "World map: where each state stands under each treaty",
        Msg::MapTitleBoth => "Where the world’s states stand on the two treaties",
        Msg::MapTitleOne => "Who has joined the {treaty}",
        Msg::MapSubtitle => "The 195 UN member and observer states, {date}",
        Msg::MapMeasures => "each state’s formal standing on the date: a party has deposited its ratification, \
            accession or equivalent with the UN Secretary-General; a signatory has only signed.",
        Msg::MapLeavesOut => "area is not people: large, thinly populated states dominate the picture, and the 29 \
            states too small to draw at this scale are dots. A coloured state has consented to be bound; the map \
            does not show whether it applies the treaty, or how migrant workers and people who were trafficked are \
            treated there.",
        Msg::MapBoth => "Party to both: {n}",
        Msg::MapPalermoOnly => "Palermo Protocol only: {n}",
        Msg::MapIcrmwOnly => "Migrant Workers Convention only: {n}",
        Msg::MapNeither => "Neither: {n}",
        Msg::MapParties => "Parties: {n}",
        Msg::MapSignedOnly => "Signed only: {n}",
        Msg::MapSigned => "Hatched: signed, not a party",
        Msg::MapUndatedNow => "Party, date not confirmed: {n}",
        Msg::MapUndatedEarlier => "May have joined (date not confirmed): {n}",
        Msg::MapDot => "Dot: a state too small to draw",
        Msg::MapNotState => "Not one of the 195 states",
        Msg::MapCounts => "{treaty}: {counts}",
        Msg::TipPartySince => "{treaty}: party since {date} ({kind}{signed})",
        Msg::TipPartySinceDerived => "{treaty}: party since {date} ({kind}, date derived from entry into force{signed})",
        Msg::TipSignedOn => "; signed {date}",
        Msg::TipPartyUndated => "{treaty}: party ({kind}), date not confirmed",
        Msg::TipPartyUndatedEarlier => "{treaty}: joined after {date} on a date not confirmed; may not yet have been a party",
        Msg::TipSignedOnly => "{treaty}: signed {date}, not a party",
        Msg::TipNeither => "{treaty}: neither signed nor joined",
        Msg::TipNotState => "Not one of the 195 UN member and observer states; not counted.",
        Msg::MapNoCode => "Area without a code in the map data",
        Msg::MapSummary => "On {date}, of the {total} UN member and observer states, {both} are parties to both treaties, \
            {p} to the Palermo Protocol only, {i} to the Migrant Workers Convention only and {x} to neither.",
        Msg::MapTableCaption => "Each state’s standing on {date}",
        Msg::MapColState => "State",
        Msg::MapColRegion => "Region",
        Msg::AriaKeysMap => "{title}. Use the arrow keys to go from state to state, region by region and west to east; \
            Home and End for the first and last.",
        Msg::ErrNoWorld => "The map’s outlines could not be loaded.",
        Msg::TipShareOfStates => "{share} of the {total} states",
        Msg::TipListMore => "{names} and {n} more",
    }
}
