//! ASCII case-insensitive comparisons on borrowed text.
//!
//! Extraction and the example check compare page text with lower-case phrases many times
//! per page; lower-casing a copy first costs an allocation each time. ASCII lower-casing
//! keeps every byte where it is, so an offset found here is the one
//! `text.to_ascii_lowercase().find(needle)` gives. Every `needle` below is lower-case ASCII.

/// Byte offset of the first occurrence of `needle` in `hay`, ASCII case ignored.
pub(crate) fn find(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, tail)) = n.split_first() else {
        return Some(0);
    };
    let mut from = 0;
    while let Some(i) = memchr::memchr2(first, first.to_ascii_uppercase(), h.get(from..)?) {
        let at = from + i;
        if h.get(at + 1..at + n.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(tail))
        {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Byte offset of the last occurrence of `needle` in `hay`, ASCII case ignored.
pub(crate) fn rfind(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, tail)) = n.split_first() else {
        return Some(h.len());
    };
    let mut end = h.len();
    while let Some(at) = memchr::memrchr2(first, first.to_ascii_uppercase(), h.get(..end)?) {
        if h.get(at + 1..at + n.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(tail))
        {
            return Some(at);
        }
        end = at;
    }
    None
}

/// Whether `hay` contains `needle`, ASCII case ignored.
pub(crate) fn contains(hay: &str, needle: &str) -> bool {
    find(hay, needle).is_some()
}

/// Whether `hay` starts with `prefix`, ASCII case ignored (no trimming).
pub(crate) fn starts_with(hay: &str, prefix: &str) -> bool {
    hay.as_bytes()
        .get(..prefix.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// Whether `hay` ends with `suffix`, ASCII case ignored.
pub(crate) fn ends_with(hay: &str, suffix: &str) -> bool {
    let h = hay.as_bytes();
    h.len() >= suffix.len() && h[h.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// `text` lower-cased (ASCII) into `buf`; `None` when it does not fit. For matching
/// short words (type names, table headers) against lower-case spellings without
/// allocating.
pub(crate) fn lower_in<'b>(text: &str, buf: &'b mut [u8]) -> Option<&'b str> {
    std::str::from_utf8(lower_bytes_in(text, buf)?).ok()
}

/// [`lower_in`] as bytes, for matching byte-string tables: no UTF-8 check of the copy
/// (ASCII lower-casing leaves every other byte as it is, so the copy is as valid as `text`).
pub(crate) fn lower_bytes_in<'b>(text: &str, buf: &'b mut [u8]) -> Option<&'b [u8]> {
    let out = buf.get_mut(..text.len())?;
    out.copy_from_slice(text.as_bytes());
    out.make_ascii_lowercase();
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the helpers replace: lower-case a copy, then search it.
    fn slow_find(hay: &str, needle: &str) -> Option<usize> {
        hay.to_ascii_lowercase().find(needle)
    }

    fn slow_rfind(hay: &str, needle: &str) -> Option<usize> {
        hay.to_ascii_lowercase().rfind(needle)
    }

    #[test]
    fn searches_agree_with_lower_casing_a_copy() {
        let hays = [
            "",
            "a",
            "aaa",
            "Possible values are: `a`, `b`.",
            "The POSSIBLE VALUES ARE `x`; possible values are `y`",
            "Inherited from [x](x.md). inherited FROM y",
            "é Collection collection(Collection",
            "String collection.",
            "ÄÖü values",
            "valuevalues",
        ];
        let needles = [
            "",
            "a",
            "aa",
            "values",
            "possible values are",
            "inherited from",
            " collection",
            "collection(",
            "x",
            "ü",
        ];
        for hay in hays {
            for needle in needles {
                if !needle.is_ascii() {
                    continue;
                }
                assert_eq!(
                    find(hay, needle),
                    slow_find(hay, needle),
                    "{hay:?} {needle:?}"
                );
                assert_eq!(
                    rfind(hay, needle),
                    slow_rfind(hay, needle),
                    "{hay:?} {needle:?}"
                );
                let lower = hay.to_ascii_lowercase();
                assert_eq!(starts_with(hay, needle), lower.starts_with(needle));
                assert_eq!(ends_with(hay, needle), lower.ends_with(needle));
            }
        }
    }

    #[test]
    fn lower_in_fits_or_declines() {
        let mut buf = [0u8; 8];
        assert_eq!(lower_in("Edm.Int", &mut buf), Some("edm.int"));
        assert_eq!(lower_in("DateTimeOffset", &mut buf), None);
        assert_eq!(lower_in("Ünï", &mut buf), Some("Ünï"));
    }
}
