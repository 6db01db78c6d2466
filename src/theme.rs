//! Colour roles and themes.
//!
//! Marks and text never name a colour: they name a [`Role`] (ink, muted ink, grid, surface, each treaty's party
//! colour, …). A [`Theme`] maps every role to a colour. The SVG writer turns roles into classes (`f3` fills with
//! role 3, `s3` strokes with it) and writes one small style sheet per chart with the theme's colours, so a chart
//! drawn with `theme="auto"` carries both themes and follows the reader's `prefers-color-scheme` without being
//! drawn again. The loader's own text (loading, errors, fallback content) and the tooltip use the same roles
//! through CSS custom properties written by [`css_vars`].
//!
//! Palette: Okabe–Ito blue and vermillion (told apart with the common colour-vision deficiencies), darkened
//! where white numbers sit on them, with a lighter tint per treaty for signatories. Contrast is tested for every
//! pair that occurs (see [`TEXT_PAIRS`], [`MARK_PAIRS`] and `tests/theme.rs`): text ≥ 4.5:1 (3:1 when large),
//! marks ≥ 3:1 against what they touch.

use crate::data::Treaty;

/// What a colour is for. The discriminant is the role's index in a [`Theme`] and in class names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// The chart's background.
    Surface,
    /// Headlines, body text, direct labels.
    Ink,
    /// Subtitles, axis labels, the source line.
    Muted,
    /// Gridlines (decorative; not a carrier of meaning).
    Grid,
    /// Axis baseline, tick marks and legend keys for event markers.
    Axis,
    /// Link text ("Get the data").
    Link,
    /// Keyboard focus ring and the tooltip's rule.
    Focus,
    /// A highlighted state or mark.
    Highlight,
    /// Palermo Protocol: lines and party fills.
    PalermoParty,
    /// Palermo Protocol: text in the treaty's colour.
    PalermoText,
    /// Palermo Protocol: signatories that are not parties.
    PalermoSignatory,
    /// Migrant Workers Convention: lines and party fills.
    IcrmwParty,
    /// Migrant Workers Convention: text in the treaty's colour.
    IcrmwText,
    /// Migrant Workers Convention: signatories that are not parties.
    IcrmwSignatory,
    /// Numbers written on a party fill.
    OnParty,
    /// States that have neither signed nor joined.
    Neither,
    /// Map: party to both treaties.
    Both,
    /// Map: party to the Migrant Workers Convention only.
    IcrmwOnly,
    /// Map: land that is not one of the 195 states (Antarctica, territories).
    Land,
    /// Map: borders between shapes (the surface colour, slightly set off).
    Border,
    /// Tooltip background.
    TipSurface,
    /// Tooltip border.
    TipBorder,
    /// Error box text.
    ErrorInk,
    /// Error box background.
    ErrorSurface,
    /// Error box border.
    ErrorBorder,
}

/// Number of roles.
pub const ROLES: usize = 25;

impl Role {
    /// Every role, in index order.
    pub const ALL: [Role; ROLES] = [
        Role::Surface,
        Role::Ink,
        Role::Muted,
        Role::Grid,
        Role::Axis,
        Role::Link,
        Role::Focus,
        Role::Highlight,
        Role::PalermoParty,
        Role::PalermoText,
        Role::PalermoSignatory,
        Role::IcrmwParty,
        Role::IcrmwText,
        Role::IcrmwSignatory,
        Role::OnParty,
        Role::Neither,
        Role::Both,
        Role::IcrmwOnly,
        Role::Land,
        Role::Border,
        Role::TipSurface,
        Role::TipBorder,
        Role::ErrorInk,
        Role::ErrorSurface,
        Role::ErrorBorder,
    ];

    /// Index of the role in a theme's table and in class names (`f{index}`, `s{index}`).
    pub fn index(self) -> usize {
        self as usize
    }

    /// Name of the CSS custom property the loader reads (`--tc-<name>`).
    pub fn css_name(self) -> &'static str {
        match self {
            Role::Surface => "surface",
            Role::Ink => "ink",
            Role::Muted => "muted",
            Role::Grid => "grid",
            Role::Axis => "axis",
            Role::Link => "link",
            Role::Focus => "focus",
            Role::Highlight => "highlight",
            Role::PalermoParty => "palermo",
            Role::PalermoText => "palermo-text",
            Role::PalermoSignatory => "palermo-signatory",
            Role::IcrmwParty => "icrmw",
            Role::IcrmwText => "icrmw-text",
            Role::IcrmwSignatory => "icrmw-signatory",
            Role::OnParty => "on-party",
            Role::Neither => "neither",
            Role::Both => "both",
            Role::IcrmwOnly => "icrmw-only",
            Role::Land => "land",
            Role::Border => "border",
            Role::TipSurface => "tip-surface",
            Role::TipBorder => "tip-border",
            Role::ErrorInk => "error-ink",
            Role::ErrorSurface => "error-surface",
            Role::ErrorBorder => "error-border",
        }
    }

    /// A treaty's line and party colour.
    pub fn party(t: Treaty) -> Role {
        match t {
            Treaty::Palermo => Role::PalermoParty,
            Treaty::Icrmw => Role::IcrmwParty,
        }
    }

    /// A treaty's text colour.
    pub fn text(t: Treaty) -> Role {
        match t {
            Treaty::Palermo => Role::PalermoText,
            Treaty::Icrmw => Role::IcrmwText,
        }
    }

    /// A treaty's signatory tint.
    pub fn signatory(t: Treaty) -> Role {
        match t {
            Treaty::Palermo => Role::PalermoSignatory,
            Treaty::Icrmw => Role::IcrmwSignatory,
        }
    }
}

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`.
    pub fn hex(self) -> String {
        let mut s = String::with_capacity(7);
        s.push('#');
        crate::text::push_hex(&mut s, u32::from(self.0) << 16 | u32::from(self.1) << 8 | u32::from(self.2), 6, false);
        s
    }

    /// Relative luminance (WCAG 2.x), 0 (black) to 1 (white).
    pub fn luminance(self) -> f64 {
        let lin = |v: u8| {
            let c = f64::from(v) / 255.0;
            if c <= 0.040_45 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }
}

/// WCAG 2.x contrast ratio of two colours, 1 to 21.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// A complete mapping from roles to colours.
#[derive(Debug)]
pub struct Theme {
    /// `light` or `dark`.
    pub name: &'static str,
    colors: [Rgb; ROLES],
}

impl Theme {
    /// The colour of a role in this theme.
    pub fn color(&self, r: Role) -> Rgb {
        self.colors.get(r.index()).copied().unwrap_or(Rgb(0, 0, 0))
    }
}

const fn rgb(v: u32) -> Rgb {
    Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8)
}

/// The light theme (white paper).
pub static LIGHT: Theme = Theme {
    name: "light",
    colors: [
        rgb(0xffffff), // Surface
        rgb(0x1a1a1a), // Ink
        rgb(0x595959), // Muted
        rgb(0xdcdcdc), // Grid
        rgb(0x333333), // Axis
        rgb(0x0b57a4), // Link
        rgb(0x0b57a4), // Focus
        rgb(0x1a1a1a), // Highlight
        rgb(0x0072b2), // PalermoParty
        rgb(0x005b8e), // PalermoText
        rgb(0xa9cfe8), // PalermoSignatory
        rgb(0xc04f00), // IcrmwParty
        rgb(0xa64800), // IcrmwText
        rgb(0xf3c6a5), // IcrmwSignatory
        rgb(0xffffff), // OnParty
        rgb(0xcfcfcf), // Neither
        rgb(0xc04f00), // Both
        rgb(0x9e3d7a), // IcrmwOnly
        rgb(0xf0f0ee), // Land
        rgb(0xffffff), // Border
        rgb(0xffffff), // TipSurface
        rgb(0x8a8a8a), // TipBorder
        rgb(0x5c0010), // ErrorInk
        rgb(0xfff4f5), // ErrorSurface
        rgb(0xb00020), // ErrorBorder
    ],
};

/// The dark theme (near-black paper).
pub static DARK: Theme = Theme {
    name: "dark",
    colors: [
        rgb(0x17191c), // Surface
        rgb(0xececec), // Ink
        rgb(0xa9adb3), // Muted
        rgb(0x34373c), // Grid
        rgb(0xc4c7cc), // Axis
        rgb(0x8cc4ff), // Link
        rgb(0x8cc4ff), // Focus
        rgb(0xffffff), // Highlight
        rgb(0x62b8ee), // PalermoParty
        rgb(0x7cc0ec), // PalermoText
        rgb(0x1b5fa0), // PalermoSignatory (as light as 3:1 against the party fill allows: it must not read as the background)
        rgb(0xf59a60), // IcrmwParty
        rgb(0xf4a06c), // IcrmwText
        rgb(0x8f4512), // IcrmwSignatory
        rgb(0x17191c), // OnParty
        rgb(0x4a4e54), // Neither
        rgb(0xf59a60), // Both
        rgb(0xf3bde1), // IcrmwOnly
        rgb(0x2a2d32), // Land (near the surface, as in the light theme: an area that is not a state reads as blank land, not as a grey category, yet its shape still shows)
        rgb(0x17191c), // Border
        rgb(0x23262a), // TipSurface
        rgb(0x6e737a), // TipBorder
        rgb(0xffd7dc), // ErrorInk
        rgb(0x3a1016), // ErrorSurface
        rgb(0xff6b81), // ErrorBorder
    ],
};

/// Both themes.
pub static THEMES: [&Theme; 2] = [&LIGHT, &DARK];

/// The `theme` option.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ThemeChoice {
    /// Light whatever the reader's setting.
    Light,
    /// Dark whatever the reader's setting.
    Dark,
    /// Follows the reader's `prefers-color-scheme` (the chart carries both themes).
    #[default]
    Auto,
}

impl ThemeChoice {
    /// Every choice, as the option spells it.
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::Light, ThemeChoice::Dark, ThemeChoice::Auto];

    /// The option value: `light`, `dark`, `auto`.
    pub fn name(self) -> &'static str {
        match self {
            ThemeChoice::Light => "light",
            ThemeChoice::Dark => "dark",
            ThemeChoice::Auto => "auto",
        }
    }
}

/// Text on a background, as it occurs outside the SVG (the loader's tooltip, loading line, errors and fallback
/// content): (text role, background role). Text inside charts is checked from the charts themselves.
pub const TEXT_PAIRS: &[(Role, Role)] = &[
    (Role::Ink, Role::Surface),
    (Role::Muted, Role::Surface),
    (Role::Link, Role::Surface),
    (Role::Ink, Role::TipSurface),
    (Role::Muted, Role::TipSurface),
    (Role::ErrorInk, Role::ErrorSurface),
    (Role::PalermoText, Role::Surface),
    (Role::IcrmwText, Role::Surface),
    (Role::OnParty, Role::PalermoParty),
    (Role::OnParty, Role::IcrmwParty),
    (Role::Ink, Role::PalermoSignatory),
    (Role::Ink, Role::IcrmwSignatory),
    (Role::Ink, Role::Neither),
];

/// Marks against what they touch, each needing 3:1: lines and fills on the surface; a party fill against the
/// signatory tint and the "neither" fill beside it in a bar or on a map; map categories against each other's
/// neighbour "neither"; the focus ring against the surface.
pub const MARK_PAIRS: &[(Role, Role)] = &[
    (Role::PalermoParty, Role::Surface),
    (Role::IcrmwParty, Role::Surface),
    (Role::Axis, Role::Surface),
    (Role::Focus, Role::Surface),
    (Role::Highlight, Role::Surface),
    (Role::PalermoParty, Role::PalermoSignatory),
    (Role::IcrmwParty, Role::IcrmwSignatory),
    (Role::PalermoParty, Role::Neither),
    (Role::IcrmwParty, Role::Neither),
    (Role::Both, Role::Neither),
    (Role::IcrmwOnly, Role::Neither),
    (Role::Both, Role::Surface),
    (Role::IcrmwOnly, Role::Surface),
    (Role::ErrorBorder, Role::ErrorSurface),
    (Role::TipBorder, Role::TipSurface),
];

/// CSS custom properties for one theme: `--tc-surface:#ffffff;--tc-ink:#1a1a1a;…` (every role).
pub fn css_vars(theme: &Theme) -> String {
    let mut s = String::new();
    for r in Role::ALL {
        s.push_str("--tc-");
        s.push_str(r.css_name());
        s.push(':');
        s.push_str(&theme.color(r).hex());
        s.push(';');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_index_their_table() {
        for (i, r) in Role::ALL.iter().enumerate() {
            assert_eq!(r.index(), i, "{r:?}");
        }
        assert_eq!(Rgb(11, 87, 164).hex(), "#0b57a4");
        assert!((contrast(Rgb(255, 255, 255), Rgb(0, 0, 0)) - 21.0).abs() < 1e-9);
        assert!(css_vars(&LIGHT).starts_with("--tc-surface:#ffffff;--tc-ink:#1a1a1a;"));
    }
}
