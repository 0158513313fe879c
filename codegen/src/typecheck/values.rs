//! Does a JSON value fit an OData primitive? Mirrors what the generated runtime accepts.

use serde_json::Value;

/// The outcome of checking one value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The value fits.
    Ok,
    /// A type placeholder (`"Date"`) that the model cannot read.
    Placeholder,
    /// A type placeholder the model still reads (`"String"` for a string).
    PlaceholderReadable,
    /// A value of the wrong JSON type or format.
    WrongType,
}

const TYPE_WORDS: &[&str] = &[
    "string",
    "boolean",
    "bool",
    "int",
    "integer",
    "int16",
    "int32",
    "int64",
    "long",
    "double",
    "single",
    "float",
    "decimal",
    "number",
    "date",
    "datetime",
    "datetimeoffset",
    "timeofday",
    "time",
    "duration",
    "guid",
    "uuid",
    "binary",
    "byte",
    "timestamp",
    "enum",
    "object",
    "url",
    "uri",
];

/// Whether a string is a type placeholder such as `"Date"`, `"String (timestamp)"`,
/// `"Edm.Boolean"` or `"datetime-value"` rather than an example value.
pub fn is_placeholder(s: &str) -> bool {
    // Compared ignoring ASCII case in place: this runs for most string values, and a
    // lowered copy of each cost an allocation.
    let t = s.trim();
    let head = t.split('(').next().unwrap_or("").trim();
    let head = match head.get(..4) {
        Some(edm) if edm.eq_ignore_ascii_case("edm.") => &head[4..],
        _ => head,
    };
    // Most values are longer than any type word: those skip comparing with each.
    let word_sized = (SHORTEST_WORD..=LONGEST_WORD).contains(&head.len());
    (word_sized && TYPE_WORDS.iter().any(|w| w.eq_ignore_ascii_case(head)))
        || (crate::ascii::ends_with(t, "-value") && !t.contains(' '))
}

/// The lengths of the shortest and the longest of [`TYPE_WORDS`].
const SHORTEST_WORD: usize = 3;
const LONGEST_WORD: usize = 14;

/// Checks a value against an `Edm.*` type.
pub fn check_primitive(ty: &str, v: &Value) -> Verdict {
    let Some(s) = v.as_str() else {
        return if fits_non_string(ty, v) {
            Verdict::Ok
        } else {
            Verdict::WrongType
        };
    };
    let fits = match ty {
        "Edm.String" | "Edm.Binary" | "Edm.Untyped" | "Edm.Stream" => {
            return if ty == "Edm.String" && is_placeholder(s) {
                Verdict::PlaceholderReadable
            } else {
                Verdict::Ok
            };
        }
        "Edm.Date" => is_date(s),
        "Edm.DateTimeOffset" => is_date_time(s),
        "Edm.TimeOfDay" => is_time(s),
        "Edm.Guid" => is_guid(s),
        "Edm.Duration" => is_duration(s),
        _ => false,
    };
    if fits {
        Verdict::Ok
    } else if is_placeholder(s) {
        Verdict::Placeholder
    } else {
        Verdict::WrongType
    }
}

fn fits_non_string(ty: &str, v: &Value) -> bool {
    let int_in = |lo: i64, hi: i64| v.as_i64().is_some_and(|n| (lo..=hi).contains(&n));
    match ty {
        "Edm.Boolean" => v.is_boolean(),
        "Edm.Byte" => int_in(0, 255),
        "Edm.SByte" => int_in(-128, 127),
        "Edm.Int16" => int_in(i16::MIN.into(), i16::MAX.into()),
        "Edm.Int32" => int_in(i32::MIN.into(), i32::MAX.into()),
        "Edm.Int64" => v.is_i64() || v.is_u64() && v.as_i64().is_some(),
        "Edm.Double" | "Edm.Single" | "Edm.Decimal" => v.is_number(),
        "Edm.Untyped" | "Edm.Stream" => true,
        _ => false,
    }
}

fn digits(s: &str, n: usize) -> Option<u32> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
}

/// `YYYY-MM-DD` with a real month and day.
pub fn is_date(s: &str) -> bool {
    let mut parts = s.split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let (Some(_), Some(m), Some(d)) = (digits(y, 4), digits(m, 2), digits(d, 2)) else {
        return false;
    };
    (1..=12).contains(&m) && (1..=days_in(m)).contains(&d)
}

fn days_in(month: u32) -> u32 {
    match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `hh:mm:ss[.fraction]`.
pub fn is_time(s: &str) -> bool {
    let (main, frac) = s.split_once('.').unwrap_or((s, "0"));
    let mut parts = main.split(':');
    let (Some(h), Some(m), Some(sec), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let ok = |p: &str, max: u32| digits(p, 2).is_some_and(|n| n <= max);
    ok(h, 23)
        && ok(m, 59)
        && ok(sec, 60)
        && !frac.is_empty()
        && frac.bytes().all(|b| b.is_ascii_digit())
}

/// RFC 3339: date `T` time, then `Z` or `±hh:mm`.
pub fn is_date_time(s: &str) -> bool {
    let Some((date, rest)) = s.split_once(['T', 't']) else {
        return false;
    };
    let (time, offset_ok) = if let Some(t) = rest.strip_suffix(['Z', 'z']) {
        (t, true)
    } else if let Some(i) = rest.rfind(['+', '-']) {
        let off = &rest[i + 1..];
        let ok = off.len() == 5
            && off.as_bytes()[2] == b':'
            && digits(&off[..2], 2).is_some()
            && digits(&off[3..], 2).is_some();
        (&rest[..i], ok)
    } else {
        (rest, false)
    };
    is_date(date) && is_time(time) && offset_ok
}

/// 8-4-4-4-12 hex digits.
pub fn is_guid(s: &str) -> bool {
    // Group by group, without collecting the groups (this runs for every Guid value).
    let mut groups = s.split('-');
    [8, 4, 4, 4, 12].into_iter().all(|n| {
        groups
            .next()
            .is_some_and(|g| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()))
    }) && groups.next().is_none()
}

/// ISO 8601 duration such as `P1D`, `PT1H30M`, `-PT0.5S`.
pub fn is_duration(s: &str) -> bool {
    let s = s.strip_prefix('-').unwrap_or(s);
    let Some(body) = s.strip_prefix('P') else {
        return false;
    };
    let (date, time) = body
        .split_once('T')
        .map_or((body, None), |(d, t)| (d, Some(t)));
    let units_ok = |part: &str, units: &str| -> Option<usize> {
        let mut count = 0;
        let mut num = String::new();
        let mut allowed = units;
        for c in part.chars() {
            if c.is_ascii_digit() || c == '.' {
                num.push(c);
                continue;
            }
            let i = allowed.find(c)?;
            if num.is_empty() || num.parse::<f64>().is_err() {
                return None;
            }
            allowed = &allowed[i + 1..];
            num.clear();
            count += 1;
        }
        num.is_empty().then_some(count)
    };
    let Some(d) = units_ok(date, "YMWD") else {
        return false;
    };
    let t = match time {
        Some(t) => match units_ok(t, "HMS") {
            Some(0) | None => return false,
            Some(n) => n,
        },
        None => 0,
    };
    d + t > 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn placeholders_are_recognised() {
        for p in [
            "Date",
            "String",
            "Boolean",
            "String (timestamp)",
            "datetime-value",
            "Edm.Int32",
            "String (identifier)",
        ] {
            assert!(is_placeholder(p), "{p}");
        }
        for p in ["EDM.Guid", "  dateTimeOffset (UTC) ", "Some-Value", "ÉDM.x"] {
            assert_eq!(is_placeholder(p), lowered_is_placeholder(p), "{p}");
        }
        for v in [
            "organization",
            "2020-07-06",
            "Contoso Ltd.",
            "a value",
            "edm",
            "é-value x",
        ] {
            assert!(!is_placeholder(v), "{v}");
        }
    }

    /// The definition `is_placeholder` had, on a lowered copy.
    fn lowered_is_placeholder(s: &str) -> bool {
        let t = s.trim().to_ascii_lowercase();
        let head = t.split('(').next().unwrap_or("").trim();
        let head = head.strip_prefix("edm.").unwrap_or(head);
        TYPE_WORDS.contains(&head) || (t.ends_with("-value") && !t.contains(' '))
    }

    #[test]
    fn primitive_verdicts() {
        assert_eq!(
            check_primitive("Edm.Date", &json!("Date")),
            Verdict::Placeholder
        );
        assert_eq!(
            check_primitive("Edm.Date", &json!("2020-02-30")),
            Verdict::WrongType
        );
        assert_eq!(
            check_primitive("Edm.Date", &json!("2020-07-06")),
            Verdict::Ok
        );
        assert_eq!(
            check_primitive("Edm.Boolean", &json!("Boolean")),
            Verdict::Placeholder
        );
        assert_eq!(check_primitive("Edm.Boolean", &json!(true)), Verdict::Ok);
        assert_eq!(
            check_primitive("Edm.String", &json!("String")),
            Verdict::PlaceholderReadable
        );
        assert_eq!(check_primitive("Edm.String", &json!(5)), Verdict::WrongType);
        assert_eq!(
            check_primitive("Edm.Int32", &json!(5_000_000_000i64)),
            Verdict::WrongType
        );
        assert_eq!(
            check_primitive("Edm.DateTimeOffset", &json!("2020-07-06T06:34:12.2294868Z")),
            Verdict::Ok
        );
        assert_eq!(
            check_primitive("Edm.DateTimeOffset", &json!("String (timestamp)")),
            Verdict::Placeholder
        );
        assert_eq!(
            check_primitive("Edm.DateTimeOffset", &json!("2020-07-06T06:34:12")),
            Verdict::WrongType
        );
    }

    #[test]
    fn type_words_are_within_the_lengths_checked() {
        let lengths = TYPE_WORDS.iter().map(|w| w.len());
        assert_eq!(lengths.clone().min(), Some(SHORTEST_WORD));
        assert_eq!(lengths.max(), Some(LONGEST_WORD));
        for p in [
            "",
            "in",
            "INT",
            " DateTimeOffset ",
            "datetimeoffsets",
            "Edm.datetimeoffset",
            "Edm.",
            "EDM.uri(x)",
            "x-value",
            "a long-value",
            "é",
            "\u{a0}Date\u{a0}",
            "Date\r\n",
            "\u{1}date",
        ] {
            assert_eq!(is_placeholder(p), lowered_is_placeholder(p), "{p:?}");
        }
    }

    /// The definition `is_guid` had, collecting the groups.
    fn collected_is_guid(s: &str) -> bool {
        let groups: Vec<&str> = s.split('-').collect();
        groups.len() == 5
            && groups
                .iter()
                .zip([8, 4, 4, 4, 12])
                .all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()))
    }

    #[test]
    fn guids_as_when_the_groups_were_collected() {
        for g in [
            "",
            "-",
            "----",
            "0fb4c1e3-c1e3-0fb4-e3c1-b40fe3c1b40f",
            "0FB4C1E3-C1E3-0FB4-E3C1-B40FE3C1B40F",
            "0fb4c1e3-c1e3-0fb4-e3c1-b40fe3c1b40f-",
            "0fb4c1e3-c1e3-0fb4-e3c1-b40fe3c1b40f-0",
            "0fb4c1e3-c1e3-0fb4-e3c1",
            "0fb4c1e3-c1e3-0fb4-e3c1-b40fe3c1b40g",
            "0fb4c1é-c1e3-0fb4-e3c1-b40fe3c1b40f",
            "0fb4c1e3-c1e3-0fb4-e3c1-b40fe3c1b4\u{a0}",
            "{0fb4c1e3-c1e3-0fb4-e3c1-b40fe3c1b40f}",
        ] {
            assert_eq!(is_guid(g), collected_is_guid(g), "{g:?}");
        }
    }

    #[test]
    fn durations_and_guids() {
        for d in ["P1D", "PT1H30M", "-PT0.5S", "P1Y2M3DT4H5M6S"] {
            assert!(is_duration(d), "{d}");
        }
        for d in ["P", "PT", "1D", "P1H", "PT1D"] {
            assert!(!is_duration(d), "{d}");
        }
        assert!(is_guid("0fb4c1e3-c1e3-0fb4-e3c1-b40fe3c1b40f"));
        assert!(!is_guid("0fb4c1e3-c1e3-0fb4-e3c1"));
    }
}
