use crate::diag::Diagnostics;
use crate::page::{Block, Page};
use crate::source::Source;

#[test]
fn trim_agrees_with_str_trim_and_counts_the_cut_characters() {
    for t in [
        "",
        " ",
        "a",
        " a",
        "a ",
        "\u{a0}é\u{2003}",
        " \t x y \n",
        "é",
        "[x]",
        "\u{3000}a",
    ] {
        let (got, lead) = super::trim(t);
        assert_eq!(got, t.trim(), "{t:?}");
        let cut = t.trim_end().chars().count() - got.chars().count();
        assert_eq!(lead as usize, cut, "{t:?}");
    }
    assert!(super::is_directive(" [!include[x](y)]") && !super::is_directive("[x](y)"));
}

fn parse(md: &str) -> Page<'static> {
    // The page borrows from its source: a test's source lives as long as the test run.
    let source = Box::leak(Box::new(Source::new("a.md", md)));
    Page::parse(source, &mut Diagnostics::default())
}

#[test]
fn texts_are_trimmed_and_keep_their_links_code_and_place() {
    let md = "# Title `x` \n\nSee [the *docs*](http://a/b) and `code`.\n\n| a | b |\n|---|---|\n| é `c` | [l](t) <br> |\n\n- item [one](u)\n";
    let page = parse(md);
    let s = &page.sections[1];
    assert_eq!((&*s.title, s.line), ("Title x", 1));
    let Block::Paragraph(p) = &s.blocks[0] else {
        panic!("{:?}", s.blocks[0]);
    };
    assert_eq!(p.text, "See the docs and code.");
    assert_eq!((p.line, p.col), (3, 1));
    assert_eq!(
        (&*p.links[0].text, &*p.links[0].target),
        ("the docs", "http://a/b")
    );
    assert_eq!(p.code, ["code"]);
    let t = s.tables().next().unwrap();
    let header: Vec<_> = t.header.iter().map(|c| (&*c.text, c.col)).collect();
    assert_eq!(header, [("a", 2), ("b", 6)]);
    let row = &t.rows[0].cells;
    assert_eq!(
        (&*row[0].text, row[0].col, row[0].code.len()),
        ("é c", 2, 1)
    );
    assert_eq!((&*row[1].text, &*row[1].links[0].text), ("l", "l"));
    let items: Vec<_> = s.paragraphs().skip(1).map(|p| &*p.text).collect();
    assert_eq!(items, ["item one"]);
    // Leading whitespace that `<br>` left moves the column past it.
    let p = parse("x\n\n<br>é <br>\n");
    let Block::Paragraph(p) = &p.sections[0].blocks[1] else {
        panic!()
    };
    assert_eq!((&*p.text, p.line, p.col), ("é", 3, 2));
}

/// `is_directive` rules texts out by their first byte; it must answer as trimming first
/// and comparing the heads does.
#[test]
fn is_directive_agrees_with_trimming_first() {
    fn by_trim(text: &str) -> bool {
        let t = text.trim_start();
        ["[!INCLUDE", "[!DIV", "[!VIDEO"].iter().any(|d| {
            t.get(..d.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(d))
        })
    }
    for t in [
        "",
        " ",
        "[",
        "[!include[x](y)]",
        " [!INCLUDE [x](y)]",
        "\u{a0}[!div class=\"x\"]",
        "\t\n[!Video https://x]",
        "é[!include",
        "[!inc",
        "x [!include[x](y)]",
        "\u{3000}[!DIV",
        "[!divé",
    ] {
        assert_eq!(super::is_directive(t), by_trim(t), "{t:?}");
    }
}

/// Texts that are one run of the source are slices of it; texts put together from
/// elsewhere are owned; both read the same.
#[test]
fn single_pieces_are_borrowed_and_joined_pieces_are_copied() {
    use std::borrow::Cow;
    let borrowed = |c: &Cow<'_, str>| matches!(c, Cow::Borrowed(_));
    let md = "# Title [x] \n\n| a | `b` |\n|---|---|\n| [l](t.md) | one\\|two |\n\nline one\nline two `c`.\n\n```HTTP \nGET /x\n\nbody é\n```\n\n- item\n\n  ```json\n  {}\n  ```\n\n```\r\na\r\n```\r\n";
    let page = parse(md);
    let s = &page.sections[1];
    assert_eq!((&*s.title, borrowed(&s.title)), ("Title [x]", true));
    let t = s.tables().next().unwrap();
    assert!(
        t.header
            .iter()
            .all(|c| borrowed(&c.text) && c.code.iter().all(borrowed))
    );
    let row = &t.rows[0].cells;
    let link = &row[0].links[0];
    assert!(borrowed(&row[0].text) && borrowed(&link.text) && borrowed(&link.target));
    assert_eq!((&*row[1].text, borrowed(&row[1].text)), ("one|two", false));
    let p = s.paragraphs().next().unwrap();
    assert_eq!(
        (&*p.text, borrowed(&p.text)),
        ("line one line two c.", false)
    );
    let code: Vec<_> = page.code_blocks().collect();
    assert_eq!(&*code[0].text, "GET /x\n\nbody é\n");
    assert_eq!(&*code[0].info, "http");
    assert!(borrowed(&code[0].text));
    // Indented in a list item: the indent is not part of the text, so it is a copy.
    assert_eq!((&*code[1].text, &*code[1].info), ("{}\n", "json"));
    // pulldown-cmark hands out CRLF line ends as `\n`: a copy too.
    assert_eq!(&*code[2].text, "a\n");
}

/// A link after a line break (the paragraph is a copy) keeps its text borrowed.
#[test]
fn a_link_in_a_copied_text_borrows_its_text() {
    let page = parse("a\nsee [ the *x* ](y) here\n");
    let Some(Block::Paragraph(t)) = page.sections[0].blocks.first() else {
        panic!("no paragraph");
    };
    assert_eq!(t.links[0].text, "the x");
    assert!(matches!(t.links[0].text, std::borrow::Cow::Owned(_)));
    let page = parse("a\nsee [ the x ](y)\n");
    let Some(Block::Paragraph(t)) = page.sections[0].blocks.first() else {
        panic!("no paragraph");
    };
    assert_eq!(t.links[0].text, "the x");
    assert!(matches!(t.links[0].text, std::borrow::Cow::Borrowed(_)));
}
