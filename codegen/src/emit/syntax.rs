//! The few expressions, types and patterns the operation files and the registry contain,
//! fed to [`super::pretty`] with the boxes and breaks prettyplease's printers use for them
//! (`prettyplease-0.3/src/{expr,item,pat,path,stmt}.rs`), so that they break exactly where
//! prettyplease breaks them.

use std::cell::RefCell;

use super::pretty::{Break, INDENT, Printer};
use super::text::RustWriter;

/// An expression.
pub enum Expr<'a> {
    /// A path, identifier or literal: text that never breaks.
    Word(&'a str),
    /// `path::<ty>` (a path with a turbofish).
    Turbofish(&'a str, &'a str),
    /// `func(args)`.
    Call(&'a str, Vec<Expr<'a>>),
    /// `receiver.method(args)`.
    MethodCall(Box<Expr<'a>>, &'a str, Vec<Expr<'a>>),
    /// `[elements]` (never a "simple" array of numbers: elements are strings or calls).
    Array(Vec<Expr<'a>>),
    /// `&expr`.
    Reference(Box<Expr<'a>>),
    /// `path { field: value, .. }`; a `None` value is a shorthand field.
    Struct(&'a str, Vec<(&'a str, Option<Expr<'a>>)>),
    /// `match scrutinee { arms }`.
    Match(&'a str, Vec<Arm<'a>>),
}

/// A match arm whose body is not a block.
pub struct Arm<'a> {
    pub pattern: Pat<'a>,
    pub body: Expr<'a>,
}

/// A pattern.
pub enum Pat<'a> {
    /// A path, literal or `_`.
    Word(&'a str),
    /// `path { a, b }` with shorthand fields.
    Struct(&'a str, Vec<&'a str>),
}

/// Writes `fragment` as lines at `w`'s indentation: the printer starts there, as the
/// statement or arm would after the hard break that precedes it.
pub fn write(w: &mut RustWriter, fragment: impl FnOnce(&mut Printer)) {
    thread_local! {
        /// One printer per thread, restarted for every fragment so its buffers are reused.
        static PRINTER: RefCell<Printer> = RefCell::new(Printer::at(0));
    }
    PRINTER.with(|cell| match cell.try_borrow_mut() {
        Ok(mut p) => print_fragment(w, &mut p, fragment),
        // Only if a fragment ever wrote a fragment of its own: a fresh printer then.
        Err(_) => print_fragment(w, &mut Printer::at(0), fragment),
    });
}

fn print_fragment(w: &mut RustWriter, p: &mut Printer, fragment: impl FnOnce(&mut Printer)) {
    p.restart_at(w.column());
    fragment(p);
    // The hard break that ends a statement or arm, then a word to flush it out.
    p.hardbreak();
    p.word("");
    // The hard break leaves a newline and the next line's indentation.
    let text = p.flush().trim_end();
    w.start_line();
    w.push(text);
    w.end_line();
}

/// A statement `expr` without a semicolon, ending a block (`Stmt::Expr(_, None)`).
pub fn tail(p: &mut Printer, expr: &Expr<'_>) {
    p.ibox(0);
    expr_at(p, expr, true);
    p.end();
}

/// A match arm (`arm`): on one line, or with its body in a block of its own.
pub fn arm(p: &mut Printer, arm: &Arm<'_>) {
    p.ibox(0);
    pat(p, &arm.pattern);
    p.word(" => ");
    p.neverbreak();
    p.cbox(INDENT);
    p.scan_break(Break {
        pre_break: Some('{'),
        ..Break::default()
    });
    expr_at(p, &arm.body, true);
    p.scan_break(Break {
        offset: -INDENT,
        post_break: "}",
        no_break: (!matches!(arm.body, Expr::Match(..))).then_some(','),
        ..Break::default()
    });
    p.end();
    p.end();
}

/// `head ty = expr;` as `item_const` and `item_static` print it (`head` like `pub static X: `).
pub fn item_value(p: &mut Printer, head: &str, ty: &str, value: &Expr<'_>) {
    p.cbox(0);
    p.word(head);
    p.word(ty);
    p.word(" = ");
    p.neverbreak();
    expr(p, value);
    p.word(";");
    p.end();
}

/// `type name = ty;` in an impl (`impl_item_type`).
pub fn impl_type(p: &mut Printer, name: &str, ty: &str) {
    p.cbox(INDENT);
    p.word("type ");
    p.word(name);
    p.word(" = ");
    p.neverbreak();
    p.ibox(-INDENT);
    self::ty(p, ty);
    p.end();
    p.word(";");
    p.end();
}

/// The signature of a method with typed arguments up to its body's `{`
/// (`impl_item_fn` and `signature`; `head` like `pub fn new`).
pub fn fn_header(p: &mut Printer, head: &str, args: &[(&str, &str)], output: &str) {
    p.cbox(INDENT);
    p.word(head);
    p.word("(");
    p.neverbreak();
    p.cbox(0);
    p.zerobreak();
    for (i, (name, ty)) in args.iter().enumerate() {
        p.word(name);
        p.word(": ");
        self::ty(p, ty);
        p.trailing_comma(i + 1 == args.len());
    }
    p.offset(-INDENT);
    p.end();
    p.word(")");
    p.cbox(-INDENT);
    p.word(" -> ");
    self::ty(p, output);
    p.end();
    p.word(" ");
    p.word("{");
    p.end();
}

/// A type written as text: a path whose generic arguments break like
/// `angle_bracketed_generic_arguments`.
pub fn ty(p: &mut Printer, ty: &str) {
    let generic = ty
        .split_once('<')
        .and_then(|(outer, rest)| Some((outer, rest.strip_suffix('>')?)))
        .filter(|(outer, _)| !outer.is_empty());
    match generic {
        Some((outer, inner)) => {
            p.word(outer);
            p.word("<");
            p.cbox(INDENT);
            p.zerobreak();
            let args = split_args(inner);
            for (i, arg) in args.iter().enumerate() {
                self::ty(p, arg.trim());
                p.trailing_comma(i + 1 == args.len());
            }
            p.offset(-INDENT);
            p.end();
            p.word(">");
        }
        None => p.word(ty),
    }
}

/// Generic arguments split at the commas outside `<...>`.
fn split_args(inner: &str) -> Vec<&str> {
    let mut args = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in inner.char_indices() {
        match c {
            '<' => depth += 1,
            '>' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                args.push(inner.get(start..i).unwrap_or_default());
                start = i + 1;
            }
            _ => {}
        }
    }
    args.push(inner.get(start..).unwrap_or_default());
    args
}

fn pat(p: &mut Printer, pattern: &Pat<'_>) {
    match pattern {
        Pat::Word(text) => p.word(text),
        Pat::Struct(path, fields) => {
            p.cbox(INDENT);
            p.word(path);
            p.word(" {");
            p.space_if_nonempty();
            for (i, field) in fields.iter().enumerate() {
                p.word(field);
                p.trailing_comma_or_space(i + 1 == fields.len());
            }
            p.offset(-INDENT);
            p.end();
            p.word("}");
        }
    }
}

/// An expression anywhere (`expr`).
pub fn expr(p: &mut Printer, e: &Expr<'_>) {
    expr_at(p, e, false);
}

/// An expression; `line_start` when it begins a statement or an arm's body
/// (`expr_beginning_of_line`), which only matters for method calls on short receivers.
fn expr_at(p: &mut Printer, e: &Expr<'_>, line_start: bool) {
    match e {
        Expr::Word(text) => p.word(text),
        Expr::Turbofish(path, ty) => {
            p.word(path);
            p.word("::");
            p.word("<");
            p.cbox(INDENT);
            p.zerobreak();
            self::ty(p, ty);
            p.trailing_comma(true);
            p.offset(-INDENT);
            p.end();
            p.word(">");
        }
        Expr::Call(func, args) => {
            p.word(func);
            p.word("(");
            call_args(p, args);
            p.word(")");
        }
        Expr::MethodCall(receiver, method, args) => {
            method_call(p, receiver, method, args, line_start)
        }
        Expr::Array(elements) => array(p, elements),
        Expr::Reference(inner) => {
            p.word("&");
            expr(p, inner);
        }
        Expr::Struct(path, fields) => struct_literal(p, path, fields),
        Expr::Match(scrutinee, arms) => match_expr(p, scrutinee, arms),
    }
}

fn method_call(
    p: &mut Printer,
    receiver: &Expr<'_>,
    method: &str,
    args: &[Expr<'_>],
    line_start: bool,
) {
    let short = matches!(receiver, Expr::Word(w) if w.len() <= INDENT as usize && !w.contains(':'));
    let unindent = line_start && short;
    p.cbox(INDENT);
    // `prefix_subexpr`: a call receiver is printed as is, anything else one level out.
    if matches!(receiver, Expr::Call(..)) {
        expr(p, receiver);
    } else {
        p.cbox(-INDENT);
        expr(p, receiver);
        p.end();
    }
    if !unindent {
        let no_break = p.ends_with('.').then_some(' ');
        p.scan_break(Break {
            no_break,
            ..Break::default()
        });
    }
    p.word(".");
    p.word(method);
    p.cbox(if unindent { -INDENT } else { 0 });
    p.word("(");
    call_args(p, args);
    p.word(")");
    p.end();
    p.end();
}

fn call_args(p: &mut Printer, args: &[Expr<'_>]) {
    if let [single @ (Expr::Array(_) | Expr::Struct(..))] = args {
        expr(p, single);
        return;
    }
    p.cbox(INDENT);
    p.zerobreak();
    for (i, arg) in args.iter().enumerate() {
        expr(p, arg);
        p.trailing_comma(i + 1 == args.len());
    }
    p.offset(-INDENT);
    p.end();
}

fn array(p: &mut Printer, elements: &[Expr<'_>]) {
    if elements.is_empty() {
        p.word("[]");
        return;
    }
    p.word("[");
    p.cbox(INDENT);
    p.zerobreak();
    for (i, element) in elements.iter().enumerate() {
        expr(p, element);
        p.trailing_comma(i + 1 == elements.len());
    }
    p.offset(-INDENT);
    p.end();
    p.word("]");
}

/// `expr_struct`: breaks when wider than 34 columns, or when it does not fit.
fn struct_literal(p: &mut Printer, path: &str, fields: &[(&str, Option<Expr<'_>>)]) {
    p.cbox(INDENT);
    p.ibox(-INDENT);
    p.word(path);
    p.end();
    p.word(" {");
    p.space_if_nonempty();
    for (i, (name, value)) in fields.iter().enumerate() {
        p.word(name);
        if let Some(value) = value {
            p.word(": ");
            p.ibox(0);
            expr(p, value);
            p.end();
        }
        p.trailing_comma_or_space(i + 1 == fields.len());
    }
    p.offset(-INDENT);
    p.end_with_max_width(34);
    p.word("}");
}

fn match_expr(p: &mut Printer, scrutinee: &str, arms: &[Arm<'_>]) {
    p.ibox(0);
    p.word("match ");
    p.cbox(0);
    p.word(scrutinee);
    p.word(" ");
    p.end();
    p.word("{");
    p.neverbreak();
    p.cbox(INDENT);
    if !arms.is_empty() {
        p.hardbreak();
    }
    for a in arms {
        arm(p, a);
        p.hardbreak();
    }
    p.offset(-INDENT);
    p.end();
    p.word("}");
    p.end();
}
