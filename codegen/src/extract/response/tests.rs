use super::*;
use crate::extract::examples;

fn response(md: &str) -> (Option<ResponseFragment>, Vec<crate::diag::Diagnostic>) {
    let s = Source::new("api/x.md", md);
    let mut d = Diagnostics::default();
    let page = Page::parse(&s, &mut d);
    let ex = examples::extract(&s, &page, &mut d);
    (extract(&s, &page, &ex, &mut d), d.into_sorted())
}

#[test]
fn status_codes_in_response_sentences() {
    assert_eq!(
        status_in("this method returns a `201 Created` response").map(|s| s.0),
        Some(201)
    );
    assert_eq!(
        status_in("returns `201, Created` response code").map(|s| s.0),
        Some(201)
    );
    assert_eq!(
        status_in("If successful, the response is `204 No Content`.").map(|s| s.0),
        Some(204)
    );
    assert_eq!(status_in("If successful, returns 2040 things"), None);
    assert_eq!(status_in("no verb 200 here"), None);
}

#[test]
fn the_sentence_may_be_in_a_subsection() {
    let md = "# X\n## Response\n### CSV\nIf successful, this method returns a `302 Found` response.\n## Examples\n";
    let (r, d) = response(md);
    let r = r.unwrap();
    assert_eq!((r.status, r.source.line), (302, 4));
    assert!(d.is_empty(), "{d:?}");
}

#[test]
fn the_type_follows_the_status_and_must_be_a_type_name() {
    let md = "# X\n## Response\nIf successful, returns `200 OK` and a [user](../resources/user.md) collection. \
See [get the status of the copy operation](onenote-operation.md).\n";
    let t = response(md).0.unwrap().type_ref.unwrap();
    assert_eq!((t.name.as_str(), t.collection), ("user", true));
    let md = "# X\n## Response\nIf successful, returns `200 OK` and a collection of [team](../resources/team.md) objects.\n";
    assert!(response(md).0.unwrap().type_ref.unwrap().collection);
    let md = "# X\n## Response\nIf successful, returns `202 Accepted`; [get the status of the copy operation](x.md).\n";
    assert_eq!(response(md).0.unwrap().type_ref, None);
}

#[test]
fn without_a_sentence_the_example_gives_the_status_with_a_note() {
    let md = "# X\n## Response\nIf successful, this method returns a [driveItem](../resources/driveitem.md).\n\
## Example\n<!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.driveItem\" } -->\n\
```http\nHTTP 201 Created\n\n{}\n```\n";
    let (r, d) = response(md);
    let r = r.unwrap();
    assert_eq!(r.status, 201);
    assert_eq!(r.type_ref.unwrap().name, "driveItem");
    assert_eq!(r.source.line, 7);
    assert_eq!(d[0].code, "response-status-from-example");
}

/// What `status_in` replaces: each word searched for by its first letter, every byte
/// after it tried as the start of a status.
fn status_in_reference(text: &str) -> Option<(u16, usize)> {
    let from = ["return", "respon", "success"]
        .iter()
        .filter_map(|w| crate::ascii::find(text, w))
        .min()?;
    let bytes = text.as_bytes();
    (from..bytes.len().saturating_sub(2)).find_map(|i| {
        let three = bytes.get(i..i + 3)?;
        let boundary_before = i == 0 || bytes.get(i - 1).is_none_or(|b| !b.is_ascii_digit());
        let boundary_after = bytes.get(i + 3).is_none_or(|b| !b.is_ascii_digit());
        let first_ok = three.first().is_some_and(|b| (b'1'..=b'5').contains(b));
        let digits = three.iter().all(u8::is_ascii_digit) && first_ok;
        (digits && boundary_before && boundary_after)
            .then(|| three.iter().fold(0, |n, d| n * 10 + u16::from(d - b'0')))
            .map(|status| (status, i + 3))
    })
}

#[test]
fn status_in_finds_what_the_byte_by_byte_search_found() {
    for text in [
        "",
        "200",
        "returns 200",
        "RETURNS 200",
        "returns200",
        "200 returns 201",
        "Returns 6001 or 0200 then 404.",
        "respond with 1234, then 599 and 600",
        "Success: 204",
        "successful 20",
        "é returns `201 Créé` ü",
        "return 12 345 678",
        "succes reponse retur 200",
        "ReSpOnSe\r\n\u{a0}302",
        "returns\t500",
        "responses 999 then 100",
    ] {
        assert_eq!(status_in(text), status_in_reference(text), "{text:?}");
    }
}
