//! HTML blocks and inline HTML: annotation comments (`<!-- { ... } -->`) become
//! [`Annotation`]s, for the code block after them or as blocks of their own.

use std::ops::Range;

use pulldown_cmark::CowStr;

use super::{Builder, Joined};
use crate::page::{Annotation, annotation_body};

impl<'a> Builder<'a, '_> {
    /// A line of an HTML block (or HTML outside one, which opens one).
    pub(super) fn html_text(&mut self, h: &CowStr<'a>, range: &Range<usize>) {
        if self.html.is_none() {
            self.html = Some(self.line(range));
            self.html_text.clear();
        }
        self.html_text.push_cow(h);
    }

    /// Inline HTML: an annotation comment, or markup that reads as a space.
    pub(super) fn inline_html(&mut self, h: &str, range: &Range<usize>) {
        if annotation_body(h).is_some() {
            let line = self.line(range);
            self.annotation(h, line);
        } else {
            // `<br>` and friends inside table cells read as spaces.
            self.push_text(" ");
        }
    }

    /// Ends an HTML block: its text is read as an annotation comment, if it is one.
    pub(super) fn html_end(&mut self) {
        if let Some(line) = self.html.take() {
            // The text is only read: lent out of the builder, it is not copied.
            let empty = Joined::new(self.buf.src(), 0);
            let mut html = std::mem::replace(&mut self.html_text, empty);
            self.annotation(html.as_str(), line);
            html.clear();
            self.html_text = html;
        }
    }

    // Kept out of line: inlined, it changes how the hot event loop is compiled.
    #[inline(never)]
    pub(super) fn annotation(&mut self, html: &str, line: u32) {
        let Some(body) = annotation_body(html) else {
            return;
        };
        let at = self.source.at_line(line);
        match Annotation::read(body, line) {
            Ok((annotation, repairs)) => {
                if !repairs.is_empty() {
                    self.diags.warning(
                        "annotation-repaired",
                        at,
                        format!(
                            "annotation comment is not valid JSON; read it after repair ({})",
                            repairs.join(", ")
                        ),
                    );
                }
                self.flush_pending();
                self.pending = Some(annotation);
            }
            Err(e) => {
                self.diags.warning(
                    "annotation-invalid",
                    at,
                    format!("annotation comment is not valid JSON and was ignored: {e}"),
                );
            }
        }
    }
}
