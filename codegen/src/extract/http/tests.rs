#[test]
fn words_split_like_split_whitespace() {
    for text in [
        "",
        "   ",
        "GET /me",
        "  GET\t/me \x0b HTTP/1.1\r",
        "a\u{a0}b\u{2003}c\u{3000} d",
        "é /ü\u{85}x  ",
        "\u{feff}GET /x",
        "GET /users/{user-id}/calendars/{calendar-id}/events?$top=1 HTTP/1.1",
        "/a/b/c/d/e/f/g/h\ti/j/k/l/m/n/o/p/q/r/s/t/u/v/w/x/y/z\u{a0}0123456789abcdef",
        "0123456789abcdef0123456789abcde\x7f 0123456789abcdef0123456789abcdef\u{85}x",
        "0123456789abcdé0123456789abcdef\u{2003}0123456789abcdef\x0c0123456789abcdef",
    ] {
        let ours: Vec<&str> = super::words(text).collect();
        let std: Vec<&str> = text.split_whitespace().collect();
        assert_eq!(ours, std, "{text:?}");
        assert_eq!(
            super::has_space(text),
            text.contains(char::is_whitespace),
            "{text:?}"
        );
    }
}

use super::*;

#[test]
fn request_lines_with_alternations_and_full_urls() {
    let r = request_line(
        "POST /users/{id | userPrincipalName}/profile/publications",
        3,
    )
    .unwrap();
    assert_eq!(
        r.path,
        "/users/{id | userPrincipalName}/profile/publications"
    );
    let r = request_line(
        "GET https://graph.microsoft.com/beta/me/profile HTTP/1.1",
        1,
    )
    .unwrap();
    assert_eq!((r.method.as_str(), r.path.as_str()), ("GET", "/me/profile"));
    assert!(request_line("Content-Type: application/json", 1).is_none());
}

#[test]
fn queries_tildes_glued_methods_and_junk() {
    let r = request_line("GET /me/events/delta?startDateTime={start_datetime}", 1).unwrap();
    assert_eq!(r.path, "/me/events/delta");
    assert_eq!(r.query.as_deref(), Some("?startDateTime={start_datetime}"));
    let r = request_line(
        "GET /me/messages/{id}?$expand=x($filter=id eq '{id_value}')",
        1,
    )
    .unwrap();
    assert_eq!(r.path, "/me/messages/{id}");
    let r = request_line(
        "DELETE ~/onPremisesPublishingProfiles/{type}/agentGroups/{id}/$ref",
        1,
    )
    .unwrap();
    assert_eq!(
        r.path,
        "/onPremisesPublishingProfiles/{type}/agentGroups/{id}/$ref"
    );
    let r = request_line("DELETE/identity/b2xUserFlows/{id}/$ref", 1).unwrap();
    assert_eq!(
        (r.method.as_str(), r.path.as_str(), r.glued),
        ("DELETE", "/identity/b2xUserFlows/{id}/$ref", true)
    );
    let r = request_line("GET /drive/root:/{path and filename}:/content", 1).unwrap();
    assert_eq!(r.path, "/drive/root:/{path and filename}:/content");
    assert!(request_line("GET ** Entity URI for x not found", 1).is_none());
}

#[test]
fn status_lines_without_a_version() {
    assert_eq!(message("HTTP 201 Created\n\n{}").status, Some(201));
    assert_eq!(message("HTTP/1.1 202 Accpted").status, Some(202));
}

#[test]
fn response_body_directly_after_headers() {
    let m = message("HTTP/1.1 201 Created\nContent-Type: application/json\n{\n  \"id\": \"1\"\n}");
    assert_eq!(m.status, Some(201));
    assert_eq!(m.headers.len(), 1);
    assert_eq!(m.body_offset, 2);
    assert!(m.body.starts_with('{'));
}

#[test]
fn bodies_keep_their_lines_but_the_last_newline() {
    for (text, body, offset) in [
        ("HTTP/1.1 200 OK\n\n{}\n", "{}", 2),
        ("HTTP/1.1 200 OK\n\n{\n}\n\n", "{\n}\n", 2),
        ("\n\nHTTP/1.1 204 No Content\n", "", 3),
        ("HTTP/1.1 200 OK\r\nA: b\r\n\r\n{\r\n}\r\n", "{\n}", 3),
        ("{\"a\": 1}", "{\"a\": 1}", 0),
        ("", "", 0),
    ] {
        let m = message(text);
        assert_eq!((m.body.as_str(), m.body_offset), (body, offset), "{text:?}");
    }
}

#[test]
fn request_with_blank_line_before_headers() {
    let m = message("POST https://x/beta/me\n\nContent-type: application/json\n\n{}");
    assert_eq!(m.method.as_deref(), Some("POST"));
    assert_eq!(m.headers[0].0, "Content-type");
    assert_eq!(m.body, "{}");
    assert_eq!(m.body_offset, 4);
}
