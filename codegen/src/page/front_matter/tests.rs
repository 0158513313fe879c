use super::reader::{read, special};
use super::*;

/// Compares [`parse`] with what pages answered when the YAML parser read every front
/// matter: the same error (so the same diagnostic), and for every key the same
/// `Value::get(key)?.as_str()`. Returns whether the hand-written reader took it.
fn agrees_with_yaml(yaml: &str) -> bool {
    let old = serde_yaml::from_str::<serde_yaml::Value>(yaml);
    let new = parse(yaml);
    match (&old, &new) {
        (Err(o), Err(n)) => assert_eq!(o.to_string(), n.to_string(), "{yaml:?}"),
        (Ok(old), Ok(new)) => {
            let mut keys: Vec<String> = yaml
                .lines()
                .filter_map(|l| l.split(':').next())
                .flat_map(|k| [k.to_string(), k.trim().to_string()])
                .collect();
            if let Some(map) = old.as_mapping() {
                keys.extend(map.keys().filter_map(|k| k.as_str().map(str::to_string)));
            }
            keys.extend(new.iter().map(|(k, _)| k.to_string()));
            for key in &keys {
                let want = old.get(key.as_str()).and_then(|v| v.as_str());
                assert_eq!(new.get(key), want, "{yaml:?} key {key:?}");
            }
        }
        _ => panic!("{yaml:?}: yaml {:?}, ours {:?}", old.is_ok(), new.is_ok()),
    }
    read(yaml).is_some()
}

#[test]
fn simple_front_matter_is_read_without_the_yaml_parser() {
    for yaml in [
        "title: \"user: delta\"\nauthor: jpettere\nms.prod: \"users\"\ndoc_type: apiPageType\n",
        "documentationcenter: ''\nlocalization_priority: Normal\n",
        "ms.date: 08/30/2020\nb: 3/16/2018\nc: 1/2\n",
        "d: Revoke the group's access\ne: say \"hi\" x\nf: a'b\"c\n",
        "a: 'it''s'\nb: ''''\nc: 'x'''\n",
        "a: x   \n\nb:    \"y\"  \n   \nc: z",
        "url: https://graph.microsoft.com/v1.0/me\nb: a:b::c\n",
        "key.with-dots_and-dashes: v\n_k: v\n",
        "a: \u{a0}x\u{a0}\nb: \"\u{a0}\"\nc: caf\u{e9} \u{2013} \u{202f}x \u{1f600}\n",
        "a: \" spaced \"\nb: ' s '\nc: x [y] {z}, w\n",
        "a: Infinity\nb: nan\nc: e5\nd: tRUE-ish\n",
    ] {
        assert!(agrees_with_yaml(yaml), "{yaml:?} should be read by hand");
    }
}

#[test]
fn anything_else_reads_as_the_yaml_parser_reads_it() {
    for yaml in [
        "",
        "\n",
        "   \n",
        "a: x\r\nb: y\r\n",
        "a: x\rb: y\n",
        "a:\tx\n",
        "a: x\ty\n",
        "a:\n",
        "a:   \nb: x\n",
        "a:value\n",
        "a: \"x\\ty\"\nb: \"\\u00e9\"\nc: \"q\\\"q\"\n",
        "a: 'x\n",
        "a: \"x\n",
        "a: '''\n",
        "a: 'x' 'y'\n",
        "a: x # comment\n",
        "# comment\na: x\n",
        "a: x #\n",
        "a: x#y\n",
        "title: driveItem: createUploadSession\n",
        "a: x:\n",
        "a: 1\nb: 1.5\nc: 0x1F\nd: -3\ne: +4\nf: .5\ng: 1e3\nh: 2020-01-01\n",
        "a: true\nb: False\nc: null\nd: ~\ne: NULL\nf: yes\ng: off\n",
        "true: x\nnull: y\n1: z\n",
        "a: x\na: y\n",
        "a: x\nb:\n  c: y\n",
        "a: x\n  continued\n",
        "  a: x\n  b: y\n",
        "a: x\n b: y\n",
        "tags:\n  - x\n  - y\n",
        "tags:\n- x\n",
        "a: [x, y]\nb: {c: d}\n",
        "a: |\n  line\n  two\nb: >\n  folded\n  text\n",
        "a: &anchor x\nb: *anchor\n",
        "a: !tag x\nb: !!str 1\n",
        "!tag\na: x\n",
        "- x\n- y\n",
        "just text\n",
        "a: x\u{0}y\n",
        "a: x\u{1b}y\n",
        "a: x\u{7f}\n",
        "a: x\u{85}y\n",
        "a: x\u{2028}y\n",
        "a: \u{feff}x\n",
        "\u{e9}: x\n",
        "key : x\n",
        "\"a\": x\n",
        "? a\n: x\n",
        "%YAML 1.1\n---\na: x\n",
        "a: -x\nb: ?x\nc: @x\nd: `x`\ne: %x\n",
        "a: x\n---\nb: y\n",
    ] {
        agrees_with_yaml(yaml);
    }
    let long_key = "k".repeat(2000);
    agrees_with_yaml(&format!("{long_key}: x\n"));
    agrees_with_yaml(&format!("a: {}\n", "v".repeat(5000)));
}

#[test]
fn every_corpus_front_matter_reads_as_the_yaml_parser_reads_it() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/corpus/graph-beta-2021");
    let Ok(dirs) = std::fs::read_dir(&root) else {
        eprintln!("no corpus at {}: skipped", root.display());
        return;
    };
    let (mut pages, mut by_hand) = (0, 0);
    for dir in dirs.flatten().filter(|d| d.path().is_dir()) {
        for file in std::fs::read_dir(dir.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let Ok(text) = std::fs::read_to_string(file.path()) else {
                continue;
            };
            let text = Source::new("a.md", &text).text;
            let Some(rest) = text.strip_prefix("---\n") else {
                continue;
            };
            let Some(end) = closing_fence(rest) else {
                continue;
            };
            pages += 1;
            by_hand += usize::from(agrees_with_yaml(&rest[..end]));
        }
    }
    assert!(pages > 7000, "{pages} pages with front matter");
    assert!(
        by_hand * 100 >= pages * 99,
        "{by_hand} of {pages} read by hand"
    );
}

#[test]
fn front_matter_is_parsed_and_skipped() {
    let s = Source::new("a.md", "---\ntitle: \"X\"\n---\n# X\n");
    let mut d = Diagnostics::default();
    let (fm, start) = split(&s, &mut d);
    assert_eq!(fm.unwrap().get("title"), Some("X"));
    assert_eq!(&s.text[start..], "# X\n");
}

#[test]
fn broken_yaml_is_reported_with_its_line() {
    let s = Source::new("a.md", "---\ntitle: \"X\n  : [\n---\n# X\n");
    let mut d = Diagnostics::default();
    let (fm, _) = split(&s, &mut d);
    assert!(fm.is_none());
    let all = d.into_sorted();
    assert_eq!(all[0].code, "front-matter-invalid");
    assert!(all[0].location.line >= 2);
}

#[test]
fn entries_are_kept_in_order() {
    let mut fm = FrontMatter::default();
    for (k, v) in [("a", "1"), ("bb", ""), ("", "c")] {
        let entry = (fm.push(k), fm.push(v));
        fm.entries.push(entry);
    }
    let all: Vec<_> = fm.iter().collect();
    assert_eq!(all, [("a", "1"), ("bb", ""), ("", "c")]);
    assert_eq!(fm.get("bb"), Some(""));
    assert_eq!(fm.get("x"), None);
}

#[test]
fn byte_scans_agree_with_the_str_methods() {
    for t in [
        "", "\n", "a", "a: b", "a:b", "a #b", "a#b", "#a", "a:", ":", "a\tb", "it's", "é:é",
        "é: x #y",
    ] {
        let old = t.contains(": ") || t.contains(" #") || t.ends_with(':') || t.contains('\t');
        assert_eq!(special(t), old, "{t:?}");
    }
    for (rest, want) in [
        ("a: b\n---\n", Some(5)),
        ("...  \n", Some(0)),
        ("a\n--- x\n", None),
        ("a\n---", Some(2)),
        ("", None),
    ] {
        assert_eq!(closing_fence(rest), want, "{rest:?}");
    }
}
