//! Text put together from the pieces pulldown-cmark hands out, kept as one slice of the
//! source for as long as each piece is the next part of it (the common case: a cell, a
//! heading or a code block is one piece, or pieces that follow each other), and copied
//! into a buffer only once a piece comes from elsewhere (a line break read as a space,
//! an escape, a code span between words).

use std::borrow::Cow;

use pulldown_cmark::CowStr;

/// A text being put together (see the module docs).
pub(super) struct Joined<'a> {
    /// The markdown every borrowed piece is a slice of.
    src: &'a str,
    state: State<'a>,
    /// The copy, once the text is [`State::Copied`]; one buffer serves every text of a
    /// page.
    buf: String,
}

#[derive(Clone, Copy)]
enum State<'a> {
    Empty,
    /// The pieces so far are this slice of `src` (or one piece from elsewhere).
    Slice(&'a str),
    /// The pieces so far are in `buf`.
    Copied,
}

impl<'a> Joined<'a> {
    /// An empty text over `src`, with `capacity` bytes for the copies.
    pub(super) fn new(src: &'a str, capacity: usize) -> Self {
        Joined {
            src,
            state: State::Empty,
            buf: String::with_capacity(capacity),
        }
    }

    /// An empty text over `src` that copies into `buf` (cleared first).
    pub(super) fn with_buffer(src: &'a str, mut buf: String) -> Self {
        buf.clear();
        Joined {
            src,
            state: State::Empty,
            buf,
        }
    }

    /// The copy buffer, to be used again.
    pub(super) fn into_buffer(self) -> String {
        self.buf
    }

    /// The markdown the pieces are slices of.
    pub(super) fn src(&self) -> &'a str {
        self.src
    }

    /// Forgets the text.
    #[inline]
    pub(super) fn clear(&mut self) {
        self.state = State::Empty;
    }

    /// Appends a piece pulldown-cmark handed out.
    #[inline]
    pub(super) fn push_cow(&mut self, t: &CowStr<'a>) {
        match t {
            CowStr::Borrowed(b) => self.push_borrowed(b),
            other => self.push_str(other),
        }
    }

    /// Appends a piece that lives as long as the source (a slice of it, usually).
    ///
    /// Inlined into the event loop: a call per text event costs more than the few
    /// checks of the common case (the first piece, or the next part of the source).
    #[inline(always)]
    pub(super) fn push_borrowed(&mut self, t: &'a str) {
        if t.is_empty() {
            return;
        }
        match self.state {
            State::Empty => self.state = State::Slice(t),
            State::Slice(s) => match self.follows(s, t) {
                Some(joined) => self.state = State::Slice(joined),
                None => self.copy(s, t),
            },
            State::Copied => self.buf.push_str(t),
        }
    }

    /// Appends a piece that is not part of the source.
    #[inline]
    pub(super) fn push_str(&mut self, t: &str) {
        match self.state {
            State::Empty => {
                self.buf.clear();
                self.buf.push_str(t);
                self.state = State::Copied;
            }
            State::Slice(s) => self.copy(s, t),
            State::Copied => self.buf.push_str(t),
        }
    }

    fn copy(&mut self, s: &str, t: &str) {
        self.buf.clear();
        self.buf.push_str(s);
        self.buf.push_str(t);
        self.state = State::Copied;
    }

    /// `s` and `t` as one slice of the source, when `t` starts where `s` ends there.
    fn follows(&self, s: &'a str, t: &'a str) -> Option<&'a str> {
        let base = self.src.as_ptr() as usize;
        let start = (s.as_ptr() as usize).checked_sub(base)?;
        let end = start + s.len();
        if t.as_ptr() as usize != base + end {
            return None;
        }
        // In bounds, so both pieces are this very memory: the joined slice is their text.
        self.src.get(start..end + t.len())
    }

    /// The text so far.
    #[inline]
    pub(super) fn as_str(&self) -> &str {
        match self.state {
            State::Empty => "",
            State::Slice(s) => s,
            State::Copied => &self.buf,
        }
    }

    /// Length of the text so far.
    #[inline]
    pub(super) fn len(&self) -> usize {
        self.as_str().len()
    }

    /// The text from byte `at` on, trimmed: borrowed while the text is a slice, else
    /// borrowed from `written` (where the part was written in the markdown) when that
    /// starts with it after blanks, else an exact-size copy.
    pub(super) fn trimmed_from(&self, at: usize, written: &'a str) -> Cow<'a, str> {
        match self.state {
            State::Empty => Cow::Borrowed(""),
            State::Slice(s) => Cow::Borrowed(super::trim(s.get(at..).unwrap_or("")).0),
            State::Copied => {
                let part = super::trim(self.buf.get(at..).unwrap_or("")).0;
                // A copied text's later parts are often as written (a link after a line
                // break): equal bytes of the source serve as well as a copy of them.
                match written.trim_start().get(..part.len()) {
                    Some(same) if same == part => Cow::Borrowed(same),
                    _ => Cow::Owned(part.to_owned()),
                }
            }
        }
    }

    /// The text trimmed and the number of characters cut from its start; the text is
    /// forgotten.
    #[inline]
    pub(super) fn take_trimmed(&mut self) -> (Cow<'a, str>, u32) {
        let state = std::mem::replace(&mut self.state, State::Empty);
        match state {
            State::Empty => (Cow::Borrowed(""), 0),
            State::Slice(s) => {
                let (t, lead) = super::trim(s);
                (Cow::Borrowed(t), lead)
            }
            State::Copied => {
                let (t, lead) = super::trim(&self.buf);
                (Cow::Owned(t.to_owned()), lead)
            }
        }
    }

    /// The text as it is; the text is forgotten.
    pub(super) fn take(&mut self) -> Cow<'a, str> {
        let state = std::mem::replace(&mut self.state, State::Empty);
        match state {
            State::Empty => Cow::Borrowed(""),
            State::Slice(s) => Cow::Borrowed(s),
            State::Copied => Cow::Owned(self.buf.as_str().to_owned()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Joined;
    use std::borrow::Cow;

    /// Whatever the pieces, the text is their concatenation, and it is borrowed exactly
    /// when the borrowed pieces follow each other in the source.
    #[test]
    fn pieces_join_into_their_concatenation() {
        let src = "ab\u{a0}é\r\n c\td\u{1}";
        let cuts = [0, 1, 2, 4, 6, 8, 9, 10, 11, 12, src.len()];
        for &a in &cuts {
            for &b in cuts.iter().filter(|&&b| b >= a) {
                for &c in cuts.iter().filter(|&&c| c >= b) {
                    let (x, y) = (&src[a..b], &src[b..c]);
                    let mut j = Joined::new(src, 0);
                    j.push_borrowed(x);
                    j.push_borrowed(y);
                    assert_eq!(j.as_str(), &src[a..c]);
                    assert_eq!(j.trimmed_from(x.len(), ""), src[b..c].trim());
                    let (t, lead) = j.take_trimmed();
                    assert_eq!(t, src[a..c].trim());
                    assert!(matches!(t, Cow::Borrowed(_)), "{a} {b} {c}");
                    let cut = src[a..c].trim_end().chars().count() - t.chars().count();
                    assert_eq!(lead as usize, cut);
                    // Out of order, or with a piece from elsewhere: a copy.
                    j.push_borrowed(y);
                    j.push_str(" ");
                    j.push_borrowed(x);
                    let want = format!("{y} {x}");
                    assert_eq!(j.as_str(), want);
                    assert_eq!(j.take(), want.as_str());
                    j.push_borrowed(y);
                    j.push_borrowed(x);
                    assert_eq!(j.take(), format!("{y}{x}"));
                }
            }
        }
    }

    #[test]
    fn pieces_from_elsewhere_are_copied() {
        let src = "abc";
        let other = String::from("abcdef");
        let mut j = Joined::new(src, 0);
        j.push_borrowed(&src[..3]);
        j.push_borrowed(&other[3..]);
        assert_eq!(j.take(), "abcdef");
        j.push_borrowed(&other[..1]);
        j.push_borrowed(&src[1..]);
        assert_eq!(j.take(), "abc");
        assert_eq!(j.take(), "");
        j.push_str("");
        assert_eq!((j.len(), j.trimmed_from(5, "")), (0, Cow::Borrowed("")));
    }
}
