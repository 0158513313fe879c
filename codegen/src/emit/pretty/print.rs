//! The printing half of the line breaker: tokens leave the scan buffer once their size
//! is known, and each break is taken or not (prettyplease's `advance_left`, `print_*`).

use std::ops::Range;

use super::{Break, Breaks, Frame, MARGIN_I, MIN_SPACE, Printer, Token};

impl Printer {
    pub(super) fn advance_left(&mut self) {
        while let Some(&first) = self.buf.front() {
            if first.size < 0 {
                break;
            }
            self.buf.pop_front();
            self.offset += 1;
            match first.token {
                Token::Text(start, end) => {
                    self.left_total += first.size;
                    self.print_text(start, end);
                }
                Token::Break(b) => {
                    self.left_total += b.blank_space as isize;
                    self.print_break(b, first.size);
                }
                Token::Begin { offset, breaks } => self.print_begin(offset, breaks, first.size),
                Token::End => self.print_end(),
            }
        }
    }

    pub(super) fn check_stack(&mut self, mut depth: usize) {
        while let Some(&index) = self.scan_stack.back() {
            let right_total = self.right_total;
            let Some(entry) = self.entry_mut(index) else {
                break;
            };
            match entry.token {
                Token::Begin { .. } => {
                    if depth == 0 {
                        break;
                    }
                    entry.size += right_total;
                    self.scan_stack.pop_back();
                    depth -= 1;
                }
                Token::End => {
                    entry.size = 1;
                    self.scan_stack.pop_back();
                    depth += 1;
                }
                Token::Break(_) => {
                    entry.size += right_total;
                    self.scan_stack.pop_back();
                    if depth == 0 {
                        break;
                    }
                }
                Token::Text(..) => break,
            }
        }
    }

    fn print_begin(&mut self, offset: isize, breaks: Breaks, size: isize) {
        if size > self.space {
            self.print_stack.push(Frame::Broken(self.indent, breaks));
            self.indent = (self.indent as isize + offset).max(0) as usize;
        } else {
            self.print_stack.push(Frame::Fits);
        }
    }

    pub(super) fn print_end(&mut self) {
        if let Some(Frame::Broken(indent, _)) = self.print_stack.pop() {
            self.indent = indent;
        }
    }

    fn print_break(&mut self, b: Break, size: isize) {
        let top = self
            .print_stack
            .last()
            .copied()
            .unwrap_or(Frame::Broken(0, Breaks::Inconsistent));
        let fits = b.never_break
            || match top {
                Frame::Fits => true,
                Frame::Broken(_, Breaks::Consistent) => false,
                Frame::Broken(_, Breaks::Inconsistent) => size <= self.space,
            };
        if fits {
            self.pending_indentation += b.blank_space;
            self.space -= b.blank_space as isize;
            if let Some(c) = b.no_break {
                self.out.push(c);
                self.space -= c.len_utf8() as isize;
            }
            return;
        }
        if let Some(c) = b.pre_break {
            self.print_indent();
            self.out.push(c);
        }
        self.out.push('\n');
        let indent = (self.indent as isize + b.offset).max(0);
        self.pending_indentation = indent as usize;
        self.space = (MARGIN_I - indent).max(MIN_SPACE);
        if !b.post_break.is_empty() {
            self.print_indent();
            self.out.push_str(b.post_break);
            self.space -= b.post_break.len() as isize;
        }
    }

    fn print_text(&mut self, start: usize, end: usize) {
        self.print_indent();
        let Range { start, end } = start..end;
        if let Some(text) = self.words.get(start..end) {
            self.out.push_str(text);
        }
        self.space -= (end - start) as isize;
    }

    pub(super) fn print_indent(&mut self) {
        self.out
            .extend(std::iter::repeat_n(' ', self.pending_indentation));
        self.pending_indentation = 0;
    }
}
