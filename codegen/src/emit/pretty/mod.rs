//! A port of prettyplease's line breaker (Oppen's algorithm, `prettyplease/src/algorithm.rs`,
//! itself from rustc's `pp.rs`), for the expressions of the operation files and the registry.
//!
//! Those nest boxes (an arm around a struct literal around a method call) in ways that are
//! hard to mirror with per-construct rules like [`super::wrap`]'s. Instead,
//! [`super::syntax`] feeds this printer the same boxes, breaks and words that prettyplease's printers would
//! for the same syntax tree, so the breaks fall where prettyplease puts them without a
//! syntax tree or a parse. A fragment is one statement, arm or item at a known indentation;
//! the lines around it are written by [`super::text::RustWriter`].

use std::collections::VecDeque;

use super::text::MARGIN;

mod print;

/// Spaces per indentation level, as an offset.
pub const INDENT: isize = 4;
/// prettyplease's narrowest line: a deeply indented line still gets this much room.
const MIN_SPACE: isize = 60;
/// The size of a break that never fits (a hard break) or of a box that must break.
const SIZE_INFINITY: isize = 0xffff;
const MARGIN_I: isize = MARGIN as isize;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Breaks {
    Consistent,
    Inconsistent,
}

/// A possible line break (prettyplease's `BreakToken`).
#[derive(Clone, Copy, Default)]
pub struct Break {
    pub offset: isize,
    pub blank_space: usize,
    pub pre_break: Option<char>,
    pub post_break: &'static str,
    pub no_break: Option<char>,
    pub if_nonempty: bool,
    pub never_break: bool,
}

#[derive(Clone, Copy)]
enum Token {
    /// Text in `Printer::words`.
    Text(usize, usize),
    Break(Break),
    Begin {
        offset: isize,
        breaks: Breaks,
    },
    End,
}

#[derive(Clone, Copy)]
enum Frame {
    Fits,
    Broken(usize, Breaks),
}

#[derive(Clone, Copy)]
struct Entry {
    token: Token,
    size: isize,
}

/// The printer. Feed it with the `word`/`cbox`/`ibox`/`end`/break methods, then [`flush`](Self::flush).
pub struct Printer {
    out: String,
    /// The text of every word scanned, referred to by `Token::Text`.
    words: String,
    space: isize,
    buf: VecDeque<Entry>,
    /// The absolute index of `buf[0]`.
    offset: usize,
    left_total: isize,
    right_total: isize,
    scan_stack: VecDeque<usize>,
    print_stack: Vec<Frame>,
    indent: usize,
    pending_indentation: usize,
}

impl Printer {
    /// A printer whose first line is already indented to `indent` columns (by the caller)
    /// and whose enclosing block is indented as much.
    pub fn at(indent: usize) -> Self {
        Printer {
            out: String::new(),
            words: String::new(),
            space: MARGIN_I - indent as isize,
            buf: VecDeque::new(),
            offset: 0,
            left_total: 0,
            right_total: 0,
            scan_stack: VecDeque::new(),
            print_stack: Vec::new(),
            indent,
            pending_indentation: 0,
        }
    }

    /// Makes a used printer like [`Printer::at`]`(indent)`, keeping its buffers' capacity
    /// (a printer is used for every statement and arm of thousands of files).
    pub fn restart_at(&mut self, indent: usize) {
        self.out.clear();
        self.words.clear();
        self.space = MARGIN_I - indent as isize;
        self.buf.clear();
        self.offset = 0;
        self.left_total = 0;
        self.right_total = 0;
        self.scan_stack.clear();
        self.print_stack.clear();
        self.indent = indent;
        self.pending_indentation = 0;
    }

    /// Prints what is pending and returns the text printed: the first line without its
    /// indentation, later lines with theirs. Restart the printer before using it again.
    pub fn flush(&mut self) -> &str {
        if !self.scan_stack.is_empty() {
            self.check_stack(0);
            self.advance_left();
        }
        &self.out
    }

    /// A consistent box: when it breaks, every break directly in it breaks.
    pub fn cbox(&mut self, offset: isize) {
        self.scan_begin(offset, Breaks::Consistent);
    }

    /// An inconsistent box: when it breaks, only the breaks whose next chunk does not fit.
    pub fn ibox(&mut self, offset: isize) {
        self.scan_begin(offset, Breaks::Inconsistent);
    }

    pub fn word(&mut self, text: &str) {
        if self.scan_stack.is_empty() {
            self.print_indent();
            self.out.push_str(text);
            self.space -= text.len() as isize;
            return;
        }
        let start = self.words.len();
        self.words.push_str(text);
        self.push(Token::Text(start, self.words.len()), text.len() as isize);
        self.right_total += text.len() as isize;
        self.check_stream();
    }

    pub fn zerobreak(&mut self) {
        self.scan_break(Break::default());
    }

    pub fn space(&mut self) {
        self.scan_break(Break {
            blank_space: 1,
            ..Break::default()
        });
    }

    pub fn hardbreak(&mut self) {
        self.scan_break(Break {
            blank_space: SIZE_INFINITY as usize,
            ..Break::default()
        });
    }

    pub fn neverbreak(&mut self) {
        self.scan_break(Break {
            never_break: true,
            ..Break::default()
        });
    }

    pub fn space_if_nonempty(&mut self) {
        self.scan_break(Break {
            blank_space: 1,
            if_nonempty: true,
            ..Break::default()
        });
    }

    /// `,` and a space between items; after the last, a break that prints `,` when taken.
    pub fn trailing_comma(&mut self, is_last: bool) {
        if is_last {
            self.scan_break(Break {
                pre_break: Some(','),
                ..Break::default()
            });
        } else {
            self.word(",");
            self.space();
        }
    }

    /// Like [`Self::trailing_comma`], but the last break is a space when not taken.
    pub fn trailing_comma_or_space(&mut self, is_last: bool) {
        if is_last {
            self.scan_break(Break {
                blank_space: 1,
                pre_break: Some(','),
                ..Break::default()
            });
        } else {
            self.word(",");
            self.space();
        }
    }

    /// Adds `offset` to the last break's (prettyplease's `offset`).
    pub fn offset(&mut self, offset: isize) {
        if let Some(Entry {
            token: Token::Break(b),
            ..
        }) = self.buf.back_mut()
        {
            b.offset += offset;
        }
    }

    pub fn end(&mut self) {
        self.scan_end();
    }

    /// Ends a box that must break when its content is wider than `max`.
    pub fn end_with_max_width(&mut self, max: isize) {
        let mut depth = 1;
        for &index in self.scan_stack.iter().rev() {
            let Some(entry) = self.entry(index) else {
                break;
            };
            match entry.token {
                Token::Begin { .. } => {
                    depth -= 1;
                    if depth == 0 {
                        if entry.size < 0 && entry.size + self.right_total > max {
                            self.push(Token::Text(0, 0), SIZE_INFINITY);
                            self.right_total += SIZE_INFINITY;
                        }
                        break;
                    }
                }
                Token::End => depth += 1,
                Token::Break(_) | Token::Text(..) => {}
            }
        }
        self.scan_end();
    }

    /// Whether the last word scanned (or printed) ends with `c`.
    pub fn ends_with(&self, c: char) -> bool {
        for entry in self.buf.iter().rev() {
            if let Token::Text(start, end) = entry.token {
                return self.words.get(start..end).is_some_and(|w| w.ends_with(c));
            }
        }
        self.out.ends_with(c)
    }

    pub fn scan_break(&mut self, token: Break) {
        if self.scan_stack.is_empty() {
            self.reset();
        } else {
            self.check_stack(0);
        }
        let index = self.push(Token::Break(token), -self.right_total);
        self.scan_stack.push_back(index);
        self.right_total += token.blank_space as isize;
    }

    fn scan_begin(&mut self, offset: isize, breaks: Breaks) {
        if self.scan_stack.is_empty() {
            self.reset();
        }
        let index = self.push(Token::Begin { offset, breaks }, -self.right_total);
        self.scan_stack.push_back(index);
    }

    fn scan_end(&mut self) {
        if self.scan_stack.is_empty() {
            self.print_end();
            return;
        }
        let len = self.buf.len();
        if let Some(Entry {
            token: Token::Break(b),
            ..
        }) = self.buf.back().copied()
        {
            let after_begin = len >= 2
                && matches!(
                    self.buf.get(len - 2).map(|e| e.token),
                    Some(Token::Begin { .. })
                );
            if after_begin {
                // An empty box with only a break: both vanish.
                self.buf.pop_back();
                self.buf.pop_back();
                self.scan_stack.pop_back();
                self.scan_stack.pop_back();
                self.right_total -= b.blank_space as isize;
                return;
            }
            if b.if_nonempty {
                self.buf.pop_back();
                self.scan_stack.pop_back();
                self.right_total -= b.blank_space as isize;
            }
        }
        let index = self.push(Token::End, -1);
        self.scan_stack.push_back(index);
    }

    /// Starts a new buffer (nothing is pending).
    fn reset(&mut self) {
        self.left_total = 1;
        self.right_total = 1;
        self.offset += self.buf.len();
        self.buf.clear();
        self.words.clear();
    }

    fn push(&mut self, token: Token, size: isize) -> usize {
        let index = self.offset + self.buf.len();
        self.buf.push_back(Entry { token, size });
        index
    }

    fn entry(&self, index: usize) -> Option<&Entry> {
        self.buf.get(index.checked_sub(self.offset)?)
    }

    fn entry_mut(&mut self, index: usize) -> Option<&mut Entry> {
        self.buf.get_mut(index.checked_sub(self.offset)?)
    }

    fn check_stream(&mut self) {
        while self.right_total - self.left_total > self.space {
            if self.scan_stack.front() == Some(&self.offset) {
                self.scan_stack.pop_front();
                if let Some(first) = self.buf.front_mut() {
                    first.size = SIZE_INFINITY;
                }
            }
            self.advance_left();
            if self.buf.is_empty() {
                break;
            }
        }
    }
}
