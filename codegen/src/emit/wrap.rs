//! prettyplease's line breaking, for the generated constructs that can outgrow a line.
//!
//! prettyplease (Oppen's algorithm) wraps text in boxes with possible breaks. A box is
//! broken when the text from its start up to the first possible break after its end does
//! not fit in what is left of the line ([`MARGIN`](super::text::MARGIN) columns); a
//! *consistent* box then breaks at every one of its breaks, an *inconsistent* one only
//! where the text up to the next break would not fit. A break that is taken may print a
//! character first (the trailing comma of a list), which does not count towards the width.
//! For the shapes the emitters write, that comes down to the rules below, each named after
//! the prettyplease printer it mirrors (`prettyplease-0.3/src/{path,expr,item}.rs`).

use super::text::RustWriter;

/// `head` + `ty` + `tail` as one line, or, when it does not fit, with the type's generic
/// argument on lines of its own (`angle_bracketed_generic_arguments`: a consistent box
/// after `<`), recursively:
///
/// ```text
///     pub name: crate::runtime::Field<
///         ::std::vec::Vec<crate::models::SomeLongName>,
///     >,
/// ```
///
/// Only types whose generics have one argument each (`A<B<C>>`) are split; the emitters'
/// field types are all of that shape.
pub fn typed(w: &mut RustWriter, head: &str, ty: &str, tail: &str) {
    typed_measured(w, head, ty, tail, tail.len());
}

/// [`typed`], where only `measured` bytes of `tail` count towards the width: the comma
/// after a broken argument is printed by the break itself and is not measured.
fn typed_measured(w: &mut RustWriter, head: &str, ty: &str, tail: &str, measured: usize) {
    let generic = ty
        .split_once('<')
        .and_then(|(outer, rest)| Some((outer, rest.strip_suffix('>')?)));
    match generic {
        Some((outer, inner)) if !w.fits(head.len() + ty.len() + measured) => {
            w.open(&[head, outer, "<"]);
            typed_measured(w, "", inner, ",", 0);
            w.close(&[">", tail]);
        }
        _ => w.line(&[head, ty, tail]),
    }
}

/// One argument of a method call.
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    /// Printed as is: a literal or a path, which never breaks.
    Atom(&'a str),
    /// `&self.<field>`, which breaks before `.<field>` when it does not fit.
    SelfField(&'a str),
}

impl Arg<'_> {
    fn width(self) -> usize {
        match self {
            Arg::Atom(text) => text.len(),
            Arg::SelfField(field) => "&self.".len() + field.len(),
        }
    }

    fn push(self, w: &mut RustWriter) {
        match self {
            Arg::Atom(text) => w.push(text),
            Arg::SelfField(field) => {
                w.push("&self.");
                w.push(field);
            }
        }
    }
}

/// The statement `receiver.method(args)suffix` (`expr_method_call` at the beginning of a
/// line): one line; else the call on the next line, one level deeper; else the arguments
/// one per line as well (see [`call_after_receiver`]). `receiver` must be longer than four
/// characters (prettyplease never breaks after a shorter one at the start of a line).
pub fn method_call_statement(
    w: &mut RustWriter,
    receiver: &str,
    method: &str,
    args: &[Arg<'_>],
    suffix: &str,
) {
    let width = receiver.len() + call_width(method, args, suffix);
    if w.fits(width) {
        w.start_line();
        w.push(receiver);
        push_call(w, method, args, suffix);
        w.end_line();
    } else {
        w.line(&[receiver]);
        w.indented(|w| call_after_receiver(w, method, args, suffix));
    }
}

/// The struct literal field `name: receiver.method(args)suffix` (`field_value`), broken
/// like [`method_call_statement`] but after `name: receiver`.
pub fn method_call_field(
    w: &mut RustWriter,
    name: &str,
    receiver: &str,
    call: (&str, &[Arg<'_>]),
    suffix: &str,
) {
    let (method, args) = call;
    let width = name.len() + ": ".len() + receiver.len() + call_width(method, args, suffix);
    if w.fits(width) {
        w.start_line();
        w.push(name);
        w.push(": ");
        w.push(receiver);
        push_call(w, method, args, suffix);
        w.end_line();
    } else {
        w.line(&[name, ": ", receiver]);
        w.indented(|w| call_after_receiver(w, method, args, suffix));
    }
}

/// `.method(args)suffix` on a line of its own; when that does not fit, `call_args`'
/// consistent box breaks: each argument on its own line with a comma, then `)suffix`.
fn call_after_receiver(w: &mut RustWriter, method: &str, args: &[Arg<'_>], suffix: &str) {
    if w.fits(call_width(method, args, suffix)) {
        w.start_line();
        push_call(w, method, args, suffix);
        w.end_line();
        return;
    }
    w.open(&[".", method, "("]);
    for (i, arg) in args.iter().enumerate() {
        let last = i + 1 == args.len();
        // A comma between arguments is text; after the last one the break prints it.
        let comma = usize::from(!last);
        match *arg {
            Arg::SelfField(field) if !w.fits(arg.width() + comma) => {
                // `expr_field`: a consistent box around `self.field` that breaks before
                // the dot, one level deeper.
                w.line(&["&self"]);
                w.indented(|w| w.line(&[".", field, ","]));
            }
            _ => {
                w.start_line();
                arg.push(w);
                w.push(",");
                w.end_line();
            }
        }
    }
    w.close(&[")", suffix]);
}

/// The width of `.method(args)suffix` on one line.
fn call_width(method: &str, args: &[Arg<'_>], suffix: &str) -> usize {
    let args_width: usize = args.iter().map(|a| a.width()).sum();
    let separators = 2 * args.len().saturating_sub(1);
    ".(".len() + method.len() + args_width + separators + ")".len() + suffix.len()
}

fn push_call(w: &mut RustWriter, method: &str, args: &[Arg<'_>], suffix: &str) {
    w.push(".");
    w.push(method);
    w.push("(");
    for (i, arg) in args.iter().enumerate() {
        if i > 0 {
            w.push(", ");
        }
        arg.push(w);
    }
    w.push(")");
    w.push(suffix);
}

/// The match arm `pattern => body,` (`arm` with a body that is not a block); when it
/// does not fit (the comma not counted), the body goes into a block of its own.
pub fn match_arm(w: &mut RustWriter, pattern: &str, body: &str) {
    if w.fits(pattern.len() + " => ".len() + body.len()) {
        w.line(&[pattern, " => ", body, ","]);
    } else {
        w.open(&[pattern, " => {"]);
        w.line(&[body]);
        w.close(&["}"]);
    }
}

/// The header of a trait impl, `head for self_ty {` (`item_impl`), where `head` is
/// `impl Trait`; when it does not fit, `for self_ty {` starts the next line, unindented.
/// Opens the impl's body.
pub fn impl_header(w: &mut RustWriter, head: &str, self_ty: &str) {
    if w.fits(head.len() + " for ".len() + self_ty.len() + " {".len()) {
        w.open(&[head, " for ", self_ty, " {"]);
    } else {
        w.line(&[head]);
        w.open(&["for ", self_ty, " {"]);
    }
}

/// `head{a, b, c};` (`use_group`, with `head` like `pub use module::`); when it does not
/// fit, the names fill the lines between `head{` and `};`, each followed by a comma.
pub fn use_group(w: &mut RustWriter, head: &str, names: &[&str]) {
    let [first, rest @ ..] = names else {
        w.line(&[head, "{};"]);
        return;
    };
    if rest.is_empty() {
        w.line(&[head, first, ";"]);
        return;
    }
    let list: usize = names.iter().map(|n| n.len()).sum::<usize>() + 2 * rest.len();
    if w.fits(head.len() + "{".len() + list + "};".len()) {
        w.start_line();
        w.push(head);
        w.push("{");
        for (i, name) in names.iter().enumerate() {
            if i > 0 {
                w.push(", ");
            }
            w.push(name);
        }
        w.push("};");
        w.end_line();
        return;
    }
    w.open(&[head, "{"]);
    fill(w, first, rest);
    w.close(&["};"]);
}

/// Names separated by `, ` and ending in `,`, as many to a line as fit (an inconsistent
/// box: a break is taken when the next name and its comma would not fit; the last comma
/// is the closing break's and is not counted).
fn fill(w: &mut RustWriter, first: &str, rest: &[&str]) {
    w.start_line();
    w.push(first);
    w.push(",");
    let mut column = w.column() + first.len() + 1;
    for (i, name) in rest.iter().enumerate() {
        let comma = usize::from(i + 1 < rest.len());
        if column + 1 + name.len() + comma <= super::text::MARGIN {
            w.push(" ");
            column += 1;
        } else {
            w.end_line();
            w.start_line();
            column = w.column();
        }
        w.push(name);
        w.push(",");
        column += name.len() + 1;
    }
    w.end_line();
}
