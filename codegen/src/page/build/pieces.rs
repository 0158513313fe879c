//! Small steps of folding events, kept apart from the builder: pulldown-cmark's pieces
//! (tags let go, `CowStr`s made `Cow`s), texts trimmed, directives recognised, and vectors
//! moved out of the buffers that are used again.

use std::borrow::Cow;

use pulldown_cmark::{CowStr, Tag};

/// The items of a buffer that is used again, moved into a vector of their exact size.
///
/// Pushing into a fresh vector for each text, section or table grows it step by step
/// (an allocation and up to a few reallocations each); the buffers grow once per page,
/// and each vector kept is allocated once (or not at all, when empty).
pub(super) fn take_exact<T>(buf: &mut Vec<T>) -> Vec<T> {
    if buf.is_empty() {
        return Vec::new();
    }
    let mut exact = Vec::with_capacity(buf.len());
    exact.append(buf);
    exact
}

/// A `CowStr` as a `Cow`: borrowed text (nearly all of it) stays borrowed.
#[inline]
pub(super) fn cow(s: CowStr<'_>) -> Cow<'_, str> {
    match s {
        CowStr::Borrowed(b) => Cow::Borrowed(b),
        other => Cow::Owned(other.into_string()),
    }
}

/// `text` trimmed, and the number of characters cut from its start.
#[inline]
pub(super) fn trim(text: &str) -> (&str, u32) {
    // Most texts start and end with a visible ASCII character: nothing to cut, and no
    // need to decode characters to find out.
    let b = text.as_bytes();
    let visible = |c: Option<&u8>| c.is_some_and(|c| c.is_ascii_graphic());
    if visible(b.first()) && visible(b.last()) {
        return (text, 0);
    }
    trim_edges(text)
}

/// [`trim`] for texts with an edge to look at.
fn trim_edges(text: &str) -> (&str, u32) {
    let end = text.trim_end();
    let trimmed = end.trim_start();
    let lead = &end[..end.len() - trimmed.len()];
    (trimmed, lead.chars().count() as u32)
}

/// Drops a tag; the variants that own nothing (nearly all tags, and headings without
/// attributes) are let go without a call to the drop glue.
#[inline]
pub(super) fn discard(tag: Tag<'_>) {
    let owns_nothing = match &tag {
        // A vector that never allocated owns nothing.
        Tag::Heading {
            id: None,
            classes,
            attrs,
            ..
        } => classes.capacity() == 0 && attrs.capacity() == 0,
        _ => owns_nothing(&tag),
    };
    if owns_nothing {
        std::mem::forget(tag);
    }
}

/// Whether a tag is of a variant that owns nothing.
#[inline]
fn owns_nothing(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Item
            | Tag::TableCell
            | Tag::TableHead
            | Tag::TableRow
            | Tag::HtmlBlock
            | Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::List(_)
            | Tag::BlockQuote(_)
    )
}

/// DocFX directives such as `[!INCLUDE [x](y)]` or `[!div ...]` carry no content here.
pub(super) fn is_directive(text: &str) -> bool {
    // A visible ASCII first byte other than `[` rules most texts out without trimming.
    match text.as_bytes().first() {
        None => return false,
        Some(&b) if b.is_ascii_graphic() && b != b'[' => return false,
        _ => {}
    }
    let t = text.trim_start();
    // All of them start with `[`: most texts are ruled out by their first byte.
    if !t.starts_with('[') {
        return false;
    }
    ["[!INCLUDE", "[!DIV", "[!VIDEO"].iter().any(|d| {
        t.get(..d.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(d))
    })
}
