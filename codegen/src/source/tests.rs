use super::*;

#[test]
fn crlf_and_bom_are_normalised_and_lines_counted() {
    let s = Source::new("a.md", "\u{feff}one\r\ntwo\r\nthree");
    assert_eq!(s.text, "one\ntwo\nthree");
    assert_eq!(s.line_of(0), 1);
    assert_eq!(s.line_of(4), 2);
    assert_eq!(s.line_col(9), (3, 2));
    assert_eq!(s.line_text(2), "two");
    assert_eq!(s.line_text(99), "");
}

#[test]
fn line_text_ends_at_the_newline_or_the_text_end() {
    let s = Source::new("a.md", "a\n\nbé c\nlast");
    let lines: Vec<_> = (0..=s.line_count() + 1).map(|l| s.line_text(l)).collect();
    assert_eq!(lines, ["", "a", "", "bé c", "last", ""]);
    assert_eq!(Source::new("a.md", "x\n").line_text(2), "");
}

/// The cursor must answer as the binary search does for any order of offsets.
#[test]
fn line_cursor_agrees_with_line_col_in_any_order() {
    let mut text = String::new();
    for i in 0..60 {
        // Lines of varied length, some empty, some not ASCII, some very long.
        text.push_str(&"é x".repeat(i % 7));
        if i % 13 == 0 {
            text.push_str(&"y".repeat(300));
        }
        text.push('\n');
    }
    text.push_str("tail");
    let s = Source::new("a.md", &text);
    // Every char boundary (and past the end), forwards, backwards, then in jumps.
    let mut offsets: Vec<usize> = (0..=s.text.len() + 2)
        .filter(|&o| o > s.text.len() || s.text.is_char_boundary(o))
        .collect();
    let forward = offsets.clone();
    offsets.reverse();
    let backward = offsets.clone();
    let jumps: Vec<usize> = (0..500).map(|i| (i * 7919) % (s.text.len() + 3)).collect();
    for order in [forward, backward, jumps] {
        let mut c = s.cursor();
        for &o in &order {
            if o <= s.text.len() && !s.text.is_char_boundary(o) {
                continue;
            }
            assert_eq!(c.line_of(o), s.line_of(o), "offset {o}");
            assert_eq!(c.line_col(o), s.line_col(o), "offset {o}");
            assert_eq!(c.line_text(o), s.line_text(s.line_of(o)), "offset {o}");
        }
    }
    let empty = Source::new("a.md", "");
    assert_eq!(empty.cursor().line_col(0), (1, 1));
}

/// Texts whose edges are newlines, where counting newlines and the index could
/// disagree by one: every offset from every starting offset.
#[test]
fn line_cursor_agrees_with_the_index_at_the_edges() {
    for text in [
        "",
        "\n",
        "\n\n",
        "a",
        "a\n",
        "\na",
        "a\n\nb\n",
        "é\n\n\né",
        "ab\ncd",
    ] {
        let s = Source::new("a.md", text);
        for from in 0..=text.len() + 1 {
            for to in 0..=text.len() + 1 {
                let mut c = s.cursor();
                c.line_of(from);
                assert_eq!(c.line_of(to), s.line_of(to), "{text:?} {from} → {to}");
                assert_eq!(c.line_text(to), s.line_text(s.line_of(to)), "{text:?} {to}");
                if to > text.len() || text.is_char_boundary(to) {
                    assert_eq!(c.line_col(to), s.line_col(to), "{text:?} {to}");
                }
            }
        }
    }
}

/// Lines of every length around the 32-byte blocks the cursor scans, mixing ASCII and
/// non-ASCII (columns count characters), looked up at every char boundary and at each
/// line's start only (gaps of whole lines, blank ones among them).
#[test]
fn line_cursor_agrees_with_the_index_across_blocks() {
    let mut text = String::new();
    for len in 0..100 {
        let line: String = (0..len)
            .map(|i| match (len + i) % 9 {
                0 => 'é',
                4 => '\u{a0}',
                7 => '中',
                _ => 'a',
            })
            .collect();
        text.push_str(&line);
        text.push('\n');
        if len % 5 == 0 {
            text.push('\n');
        }
    }
    let s = Source::new("a.md", &text);
    let boundaries: Vec<usize> = (0..=s.text.len())
        .filter(|&o| s.text.is_char_boundary(o))
        .collect();
    let line_starts: Vec<usize> = (1..=s.line_count())
        .step_by(3)
        .map(|l| s.offset_of_line(l))
        .collect();
    for order in [boundaries, line_starts] {
        let mut c = s.cursor();
        for &o in &order {
            assert_eq!(c.line_col(o), s.line_col(o), "offset {o}");
            assert_eq!(c.line_text(o), s.line_text(s.line_of(o)), "offset {o}");
        }
    }
}

/// The index, built on first use, answers as `str::split` says.
#[test]
fn the_lazy_index_matches_the_text_split_at_newlines() {
    let s = Source::new("a.md", "a\r\n\nbc\n");
    let lines: Vec<_> = s.text.split('\n').collect();
    assert_eq!(s.line_count() as usize, lines.len());
    for (i, l) in lines.iter().enumerate() {
        let n = i as u32 + 1;
        assert_eq!(s.line_text(n), *l);
        assert_eq!(s.line_of(s.offset_of_line(n)), n);
    }
    assert_eq!(s.offset_of_line(99), s.text.len());
    assert_eq!(s.clone().line_text(3), "bc");
}

#[test]
fn lone_cr_and_mixed_line_ends_become_lf() {
    let s = Source::new("a.md", "a\rb\r\n\r\nc\n\rd\r");
    assert_eq!(s.text, "a\nb\n\nc\n\nd\n");
    assert_eq!(s.line_count(), 7);
    assert_eq!(Source::new("a.md", "\u{feff}").text, "");
}

#[test]
fn bytes_are_normalised_in_place_even_when_not_utf8() {
    for (raw, want) in [
        (&b"\xef\xbb\xbfa\r\nb"[..], &b"a\nb"[..]),
        (b"\r", b"\n"),
        (b"\r\r\n\n", b"\n\n\n"),
        (b"\xff\r\n\xfe\r", b"\xff\n\xfe\n"),
        (b"", b""),
    ] {
        let mut bytes = raw.to_vec();
        normalise_bytes(&mut bytes);
        assert_eq!(bytes, want, "{raw:?}");
    }
}
