//! Trims that answer without a call when a text's edge bytes are printable ASCII.
//!
//! Nearly every cell, title and line starts and ends with a visible ASCII character, and
//! `str::trim` costs a call and a char decode at each end even when there is nothing to
//! remove (~420k trims in a corpus run).

/// `str::trim`, `trim_start` and `trim_end`, answering without a call when the edge bytes
/// are printable ASCII, which is never whitespace.
pub(crate) trait Trim {
    /// [`str::trim`].
    fn trimmed(&self) -> &str;
    /// [`str::trim_start`].
    fn trimmed_start(&self) -> &str;
    /// [`str::trim_end`].
    fn trimmed_end(&self) -> &str;
}

/// Whether `b` is printable ASCII (`!` to `~`): not whitespace, and a whole char.
#[inline]
fn solid(b: Option<&u8>) -> bool {
    b.is_some_and(|b| b.wrapping_sub(b'!') < b'~' - b'!' + 1)
}

impl Trim for str {
    #[inline]
    fn trimmed(&self) -> &str {
        self.trimmed_start().trimmed_end()
    }

    #[inline]
    fn trimmed_start(&self) -> &str {
        match self.as_bytes() {
            [] => self,
            [first, ..] if solid(Some(first)) => self,
            // `Mail.Read, Mail.ReadWrite`, `Inherited from [x]`: one space after a
            // separator is the usual case of something to trim.
            [b' ', next, ..] if solid(Some(next)) => self.get(1..).unwrap_or(self),
            _ => self.trim_start(),
        }
    }

    #[inline]
    fn trimmed_end(&self) -> &str {
        match self.as_bytes() {
            [] => self,
            [.., last] if solid(Some(last)) => self,
            [.., before, b' '] if solid(Some(before)) => self.get(..self.len() - 1).unwrap_or(self),
            _ => self.trim_end(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Trim;

    #[test]
    fn trimmed_trims_like_str_trim() {
        for text in [
            "",
            " ",
            "a",
            " a",
            "a ",
            "  a  ",
            " a b ",
            " \t",
            "\t ",
            " é ",
            "\ta\n",
            "é",
            " é ",
            "a\u{a0}",
            "\u{2003}a",
            "a b",
            "\x0bx",
        ] {
            assert_eq!(text.trimmed(), text.trim(), "{text:?}");
            assert_eq!(text.trimmed_start(), text.trim_start(), "{text:?}");
            assert_eq!(text.trimmed_end(), text.trim_end(), "{text:?}");
        }
    }
}
