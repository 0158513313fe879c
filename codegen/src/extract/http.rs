//! HTTP text in code blocks: documented request lines and example messages.

use crate::trim::Trim;
use std::borrow::Cow;

use crate::ascii;

/// Methods a request line may start with.
const METHODS: &[&str] = &["GET", "POST", "PATCH", "PUT", "DELETE", "HEAD", "OPTIONS"];

/// One `METHOD /path` line of an HTTP request block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestLine {
    /// Upper-case method.
    pub method: String,
    /// Path template relative to the service root (`/me/profile/publications`).
    pub path: String,
    /// 1-based line in the page.
    pub line: u32,
    /// The query (`?$filter=…`) written after the path, which is not part of the template.
    pub query: Option<String>,
    /// The method was written without a space before the path (`DELETE/users/{id}`).
    pub glued: bool,
}

/// Parses `METHOD target [HTTP/1.1]`; `None` if the line is not a request line.
///
/// The target must look like a path or URL (`/x`, `~/x`, `x/y`, `https://…`, `{x}/…`);
/// text such as `** Entity URI for … not found` is not one.
pub fn request_line(text: &str, line: u32) -> Option<RequestLine> {
    let (method, rest, glued) = split_method(text.trimmed())?;
    // Templates such as `{id | userPrincipalName}` contain spaces: rejoin them.
    let target = target_words(words(rest));
    let plausible = target
        .chars()
        .next()
        .is_some_and(|c| c == '/' || c == '~' || c == '{' || c.is_ascii_alphabetic());
    if !plausible {
        return None;
    }
    let (path, query) = split_query(&target);
    Some(RequestLine {
        method,
        path: normalise_path(path),
        line,
        query: query.map(str::to_string),
        glued,
    })
}

/// The words after the method but the `HTTP/1.1` version, joined by single spaces;
/// borrowed when there is one word, as there nearly always is.
fn target_words<'a>(words: impl Iterator<Item = &'a str>) -> Cow<'a, str> {
    let mut kept = words.filter(|w| !ascii::starts_with(w, "http/"));
    let Some(first) = kept.next() else {
        return Cow::Borrowed("");
    };
    let Some(second) = kept.next() else {
        return Cow::Borrowed(first);
    };
    let mut target = [first, " ", second].concat();
    for word in kept {
        target.push(' ');
        target.push_str(word);
    }
    Cow::Owned(target)
}

/// The method `word` names, any case.
fn method(word: &str) -> Option<&'static str> {
    METHODS
        .iter()
        .copied()
        .find(|m| word.eq_ignore_ascii_case(m))
}

/// `GET /x` → (`GET`, ` /x`, false); `DELETE/x` → (`DELETE`, `/x`, true).
fn split_method(text: &str) -> Option<(String, &str, bool)> {
    let first = words(text).next()?;
    if let Some(m) = method(first) {
        return Some((m.to_string(), text.get(first.len()..)?, false));
    }
    METHODS.iter().find_map(|m| {
        let head = text.get(..m.len())?;
        let rest = text.get(m.len()..)?;
        (head.eq_ignore_ascii_case(m) && rest.starts_with('/')).then(|| (m.to_string(), rest, true))
    })
}

/// Splits `path?query` at the first `?` outside `{…}`.
fn split_query(target: &str) -> (&str, Option<&str>) {
    // Most targets have no query at all.
    if memchr::memchr(b'?', target.as_bytes()).is_none() {
        return (target, None);
    }
    let mut depth = 0usize;
    // Bytes, not chars: the three delimiters are ASCII, and an ASCII byte is always a
    // char boundary in UTF-8, so slicing at it is safe.
    for (i, b) in target.bytes().enumerate() {
        match b {
            b'{' => depth += 1,
            b'}' => depth = depth.saturating_sub(1),
            b'?' if depth == 0 => return (&target[..i], Some(&target[i..])),
            _ => {}
        }
    }
    (target, None)
}

/// Turns a documented URL or path into a path relative to the versioned service root.
pub fn normalise_path(target: &str) -> String {
    let mut t = target.trimmed();
    if let Some(i) = super::find_short(t, "://") {
        let after = &t[i + 3..];
        t = after.find('/').map_or("", |j| &after[j..]);
    }
    t = t.strip_prefix('~').unwrap_or(t);
    for version in ["/beta", "/v1.0"] {
        if let Some(rest) = t.strip_prefix(version)
            && (rest.is_empty() || rest.starts_with('/'))
        {
            t = rest;
            break;
        }
    }
    let mut path = String::with_capacity(t.len() + 1);
    if !t.starts_with('/') {
        path.push('/');
    }
    collapse_template_spaces(t, &mut path);
    path
}

/// Appends `path` without the spaces outside `{…}`: `{id | userPrincipalName}` keeps its
/// spaces, others are dropped.
fn collapse_template_spaces(path: &str, out: &mut String) {
    if !has_space(path) {
        out.push_str(path);
        return;
    }
    let mut depth = 0usize;
    for c in path.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if c.is_whitespace() && depth == 0 {
            continue;
        }
        out.push(c);
    }
}

/// Whether `c` (an ASCII byte) is whitespace as [`char::is_whitespace`] has it: unlike
/// [`u8::is_ascii_whitespace`], that includes the vertical tab.
fn is_ascii_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// Whether the char starting at byte `i` of `s` (a char boundary) is whitespace, and its
/// length. ASCII is classified from the byte; only other chars are decoded.
fn space_at(s: &str, i: usize) -> (bool, usize) {
    match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => (is_ascii_space(b), 1),
        _ => s
            .get(i..)
            .and_then(|r| r.chars().next())
            .map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8())),
    }
}

/// Whether `s` holds any whitespace ([`char::is_whitespace`]), checking bytes first.
fn has_space(s: &str) -> bool {
    // Folded without an early exit so that it compiles to a vector loop: paths are
    // short and seldom hold a space.
    let ascii = s.bytes().fold(false, |found, b| found | is_ascii_space(b));
    ascii || (!s.is_ascii() && s.chars().any(char::is_whitespace))
}

/// The words of `text` exactly as [`str::split_whitespace`] gives them, found by
/// classifying bytes: request lines are nearly always ASCII, and decoding every char
/// was most of the cost of reading them.
pub(super) fn words(text: &str) -> Words<'_> {
    Words { text, at: 0 }
}

/// Iterator of [`words`].
pub(super) struct Words<'a> {
    text: &'a str,
    /// Byte position of the next char to look at; always a char boundary.
    at: usize,
}

impl Words<'_> {
    /// Advances past chars while their whitespace-ness is `space`.
    #[inline]
    fn skip(&mut self, space: bool) {
        if !space {
            // Inside a word, printable ASCII (`!` to DEL) is never a space: one range
            // check per byte.
            let rest = self.text.as_bytes().get(self.at..).unwrap_or_default();
            self.at += printable_prefix(rest);
        }
        // ASCII bytes are tested here, in the loop; only other chars are decoded.
        while let Some(&b) = self.text.as_bytes().get(self.at) {
            let (is_space, len) = match b.is_ascii() {
                true => (is_ascii_space(b), 1),
                false => space_at(self.text, self.at),
            };
            if is_space != space {
                break;
            }
            self.at += len;
        }
    }
}

/// Whether `b` is printable ASCII or DEL (`!` to 0x7f), which is never whitespace.
#[inline]
fn printable(b: u8) -> bool {
    b.wrapping_sub(b'!') < 0x5f
}

/// How many bytes at the start of `bytes` are [`printable`]. Paths and names are
/// long runs of them: whole 16-byte blocks are checked without an early exit, which
/// compiles to vector compares, and the rest byte by byte.
fn printable_prefix(bytes: &[u8]) -> usize {
    let mut n = 0;
    for block in bytes.chunks_exact(16) {
        if !block.iter().fold(true, |all, &b| all & printable(b)) {
            break;
        }
        n += 16;
    }
    let tail = bytes.get(n..).unwrap_or_default();
    n + tail.iter().take_while(|&&b| printable(b)).count()
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        self.skip(true);
        let start = self.at;
        self.skip(false);
        (self.at > start)
            .then(|| self.text.get(start..self.at))
            .flatten()
    }
}

/// An HTTP message written in an example block.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Message {
    /// Request method.
    pub method: Option<String>,
    /// Request URL as written.
    pub url: Option<String>,
    /// Response status.
    pub status: Option<u16>,
    /// `(name, value)` header pairs in order.
    pub headers: Vec<(String, String)>,
    /// The body text (may be empty).
    pub body: String,
    /// 0-based line offset of the body's first line within the block.
    pub body_offset: u32,
    /// 0-based offset of the start line, when the block has one.
    pub start_offset: Option<u32>,
}

/// Splits an example block into start line, headers and body.
///
/// Tolerates blank lines before the start line and between it and the headers, and a
/// body that follows the headers without a blank line.
pub fn message(text: &str) -> Message {
    let mut lines = Lines {
        text,
        at: 0,
        index: 0,
    };
    let mut m = Message::default();
    lines.skip_blank();
    if let Some(first) = lines.peek()
        && start_line(first.trimmed(), &mut m)
    {
        m.start_offset = Some(lines.index);
        lines.advance();
        while lines.peek().is_some_and(|l| l.trimmed().is_empty())
            && header(lines.peek_second().as_ref()).is_some()
        {
            lines.advance();
        }
    }
    while let Some((name, value)) = header(lines.peek().as_ref()) {
        m.headers.push((name, value));
        lines.advance();
    }
    lines.skip_blank();
    m.body_offset = lines.index;
    m.body = lines.rest();
    m
}

/// A cursor over the lines of a block, as [`str::lines`] splits them. The body is
/// whatever follows the headers: it is taken as one slice, not walked line by line.
struct Lines<'a> {
    text: &'a str,
    /// Byte offset of the current line.
    at: usize,
    /// 0-based number of the current line.
    index: u32,
}

impl<'a> Lines<'a> {
    /// The line starting at byte `at` and the offset of the next one.
    fn line_at(&self, at: usize) -> Option<(&'a str, usize)> {
        let rest = self.text.get(at..).filter(|r| !r.is_empty())?;
        let (line, next) = match memchr::memchr(b'\n', rest.as_bytes()) {
            Some(n) => (
                rest[..n].strip_suffix('\r').unwrap_or(&rest[..n]),
                at + n + 1,
            ),
            None => (rest, self.text.len()),
        };
        Some((line, next))
    }

    fn peek(&self) -> Option<&'a str> {
        self.line_at(self.at).map(|(l, _)| l)
    }

    fn peek_second(&self) -> Option<&'a str> {
        let (_, next) = self.line_at(self.at)?;
        self.line_at(next).map(|(l, _)| l)
    }

    fn advance(&mut self) {
        if let Some((_, next)) = self.line_at(self.at) {
            self.at = next;
            self.index += 1;
        }
    }

    fn skip_blank(&mut self) {
        while self.peek().is_some_and(|l| l.trimmed().is_empty()) {
            self.advance();
        }
    }

    /// The remaining lines joined by `\n` (the last line's newline dropped).
    fn rest(&self) -> String {
        let rest = self.text.get(self.at..).unwrap_or("");
        // memchr's vector search: `str::contains(char)` scans with the generic one.
        if memchr::memchr(b'\r', rest.as_bytes()).is_some() {
            return rest.lines().collect::<Vec<_>>().join("\n");
        }
        rest.strip_suffix('\n').unwrap_or(rest).to_string()
    }
}

fn start_line(line: &str, m: &mut Message) -> bool {
    if ascii::starts_with(line, "http/") || ascii::starts_with(line, "http ") {
        let code = words(line).nth(1).unwrap_or("");
        let digits = code.bytes().take_while(u8::is_ascii_digit).count();
        m.status = code[..digits].parse().ok();
        return true;
    }
    let mut parts = words(line);
    let Some(method) = parts.next().and_then(method) else {
        return false;
    };
    m.method = Some(method.to_string());
    m.url = Some(target_words(parts).into_owned());
    true
}

/// `Name: value` where the name is a token; JSON lines (`"a": 1`) are not headers.
fn header(line: Option<&&str>) -> Option<(String, String)> {
    let (name, value) = split_header(line?.trimmed())?;
    Some((name.to_string(), value.trimmed().to_string()))
}

/// `line` split at its first `:` when what precedes it is a header name (ASCII letters,
/// digits, `-` and `_`); the value is not trimmed.
pub(super) fn split_header(line: &str) -> Option<(&str, &str)> {
    // `memchr` rather than the char searcher `split_once(':')` sets up for every line.
    let colon = memchr::memchr(b':', line.as_bytes())?;
    let (name, value) = (line.get(..colon)?, line.get(colon + 1..)?);
    let token = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
    (!name.is_empty() && name.bytes().all(token)).then_some((name, value))
}

#[cfg(test)]
mod tests;
