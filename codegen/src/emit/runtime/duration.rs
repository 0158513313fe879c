//! [`IsoDuration`]: an ISO 8601 / XML Schema duration such as `P1DT2H` or `-PT5.5S`.

use std::fmt;
use std::str::FromStr;

/// A parsed ISO 8601 duration: `[-]P[nY][nM][nW][nD][T[nH][nM][n[.f]S]]`.
///
/// Years and months have no fixed length, so they are kept as written; two durations
/// are equal when every component is (`P1D` is not equal to `PT24H`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct IsoDuration {
    /// Whether the duration is negative (`-P…`).
    pub negative: bool,
    /// Years (`nY`).
    pub years: u64,
    /// Months (`nM` before `T`).
    pub months: u64,
    /// Weeks (`nW`).
    pub weeks: u64,
    /// Days (`nD`).
    pub days: u64,
    /// Hours (`nH`).
    pub hours: u64,
    /// Minutes (`nM` after `T`).
    pub minutes: u64,
    /// Whole seconds (`nS`).
    pub seconds: u64,
    /// Fractional seconds, in nanoseconds.
    pub nanos: u32,
}

impl IsoDuration {
    /// The length as a [`std::time::Duration`] (ignoring the sign), when the duration has no
    /// years or months; a week is 7 days and a day 24 hours.
    pub fn to_std(&self) -> Option<std::time::Duration> {
        if self.years != 0 || self.months != 0 {
            return None;
        }
        let days = self.weeks.checked_mul(7)?.checked_add(self.days)?;
        let hours = days.checked_mul(24)?.checked_add(self.hours)?;
        let minutes = hours.checked_mul(60)?.checked_add(self.minutes)?;
        let seconds = minutes.checked_mul(60)?.checked_add(self.seconds)?;
        Some(std::time::Duration::new(seconds, self.nanos))
    }

    /// A positive duration of whole days, hours, minutes and seconds.
    pub fn from_std(duration: std::time::Duration) -> Self {
        let secs = duration.as_secs();
        IsoDuration {
            days: secs / 86_400,
            hours: secs % 86_400 / 3_600,
            minutes: secs % 3_600 / 60,
            seconds: secs % 60,
            nanos: duration.subsec_nanos(),
            ..IsoDuration::default()
        }
    }
}

/// Reads one `<digits>[.<digits>]<designator>` component; returns (whole, nanos, designator).
fn component(text: &str) -> Result<(u64, u32, char, &str), String> {
    let digits_end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    if digits_end == 0 {
        return Err(format!("expected a number at {text:?}"));
    }
    let whole: u64 = text[..digits_end]
        .parse()
        .map_err(|_| format!("number too large in {text:?}"))?;
    let mut rest = &text[digits_end..];
    let mut nanos = 0u32;
    if let Some(after_dot) = rest.strip_prefix(['.', ',']) {
        let frac_end = after_dot
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(after_dot.len());
        if frac_end == 0 {
            return Err("expected digits after the decimal point".to_string());
        }
        let frac = &after_dot[..frac_end];
        let padded: String = frac.chars().chain(std::iter::repeat('0')).take(9).collect();
        nanos = padded.parse().map_err(|_| "bad fraction".to_string())?;
        rest = &after_dot[frac_end..];
    }
    let mut chars = rest.chars();
    let designator = chars
        .next()
        .ok_or("missing a designator (Y, M, W, D, H or S)")?;
    Ok((whole, nanos, designator, chars.as_str()))
}

/// Parses the components of one part (date part or time part) in the allowed order.
fn parse_part(
    mut text: &str,
    order: &[char],
    d: &mut IsoDuration,
    time: bool,
) -> Result<(), String> {
    let mut next = 0;
    while !text.is_empty() {
        let (whole, nanos, designator, rest) = component(text)?;
        let position = order[next..]
            .iter()
            .position(|&c| c == designator)
            .ok_or_else(|| format!("unexpected or out-of-order designator {designator:?}"))?;
        next += position + 1;
        if nanos != 0 && !(time && designator == 'S') {
            return Err("only seconds may have a fraction".to_string());
        }
        let slot = match (time, designator) {
            (false, 'Y') => &mut d.years,
            (false, 'M') => &mut d.months,
            (false, 'W') => &mut d.weeks,
            (false, _) => &mut d.days,
            (true, 'H') => &mut d.hours,
            (true, 'M') => &mut d.minutes,
            (true, _) => &mut d.seconds,
        };
        *slot = whole;
        if time && designator == 'S' {
            d.nanos = nanos;
        }
        text = rest;
    }
    Ok(())
}

impl FromStr for IsoDuration {
    type Err = String;

    /// Parses `[-]P…`; rejects anything that is not an ISO 8601 duration (`P`, `PT`, `1H`).
    fn from_str(text: &str) -> Result<Self, String> {
        let (negative, rest) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.strip_prefix('+').unwrap_or(text)),
        };
        let body = rest.strip_prefix('P').ok_or("a duration starts with P")?;
        let (date, time) = match body.split_once('T') {
            Some((date, time)) => (date, Some(time)),
            None => (body, None),
        };
        if date.is_empty() && time.is_none_or(str::is_empty) {
            return Err("a duration needs at least one component".to_string());
        }
        let mut d = IsoDuration {
            negative,
            ..IsoDuration::default()
        };
        parse_part(date, &['Y', 'M', 'W', 'D'], &mut d, false)?;
        if let Some(time) = time {
            if time.is_empty() {
                return Err("T must be followed by a time component".to_string());
            }
            parse_part(time, &['H', 'M', 'S'], &mut d, true)?;
        }
        Ok(d)
    }
}

impl fmt::Display for IsoDuration {
    /// The canonical form: zero components left out, `PT0S` for zero.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.negative {
            f.write_str("-")?;
        }
        f.write_str("P")?;
        for (n, designator) in [
            (self.years, 'Y'),
            (self.months, 'M'),
            (self.weeks, 'W'),
            (self.days, 'D'),
        ] {
            if n != 0 {
                write!(f, "{n}{designator}")?;
            }
        }
        let has_time = self.hours != 0 || self.minutes != 0 || self.seconds != 0 || self.nanos != 0;
        let has_date = self.years != 0 || self.months != 0 || self.weeks != 0 || self.days != 0;
        if !has_time && has_date {
            return Ok(());
        }
        f.write_str("T")?;
        if self.hours != 0 {
            write!(f, "{}H", self.hours)?;
        }
        if self.minutes != 0 {
            write!(f, "{}M", self.minutes)?;
        }
        if self.seconds != 0 || self.nanos != 0 || (self.hours == 0 && self.minutes == 0) {
            write!(f, "{}", self.seconds)?;
            if self.nanos != 0 {
                let frac = format!("{:09}", self.nanos);
                write!(f, ".{}", frac.trim_end_matches('0'))?;
            }
            f.write_str("S")?;
        }
        Ok(())
    }
}
