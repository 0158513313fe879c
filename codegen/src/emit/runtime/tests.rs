//! Behaviour tests for the runtime; they run whenever the generated crate is tested.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::*;

/// A model shaped like the generated ones.
#[derive(Debug, Clone, Default, PartialEq)]
struct Item {
    a: Field<i64>,
    took: Field<Duration>,
    additional: serde_json::Map<String, Value>,
}

impl Serialize for Item {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut members = MemberWriter::new(serializer)?;
        members.field("a", &self.a)?;
        members.field("took", &self.took)?;
        members.end(&self.additional)
    }
}

impl<'de> Deserialize<'de> for Item {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut members = Members::read(deserializer)?;
        Ok(Self {
            a: members.take("a")?,
            took: members.take("took")?,
            additional: members.rest(),
        })
    }
}

/// An endpoint shaped like the generated ones.
struct CreateItem {
    user: Option<String>,
    body: Item,
}

impl Endpoint for CreateItem {
    type Output = Item;
    const METHOD: http::Method = http::Method::POST;

    fn path(&self) -> String {
        match &self.user {
            None => String::from("/me/items"),
            Some(id) => ["/users/", encode_segment(id).as_str(), "/items"].concat(),
        }
    }

    fn body(&self) -> Result<Option<Vec<u8>>, Error> {
        json_body(&self.body)
    }

    fn expected_status(&self) -> http::StatusCode {
        status(201)
    }
}

struct DeleteItem;

impl Endpoint for DeleteItem {
    type Output = ();
    const METHOD: http::Method = http::Method::DELETE;

    fn path(&self) -> String {
        String::from("/me/items/1")
    }
}

fn round_trip<T: Serialize + serde::de::DeserializeOwned>(value: Value) -> Value {
    let typed: T = serde_json::from_value(value).unwrap_or_else(|e| panic!("deserialize: {e}"));
    serde_json::to_value(typed).unwrap_or_else(|e| panic!("serialize: {e}"))
}

fn response(status: u16, body: &str) -> http::Response<Vec<u8>> {
    let mut response = http::Response::new(body.as_bytes().to_vec());
    *response.status_mut() = http::StatusCode::from_u16(status).unwrap_or_default();
    response
}

#[test]
fn absent_null_and_value_round_trip_exactly() {
    for doc in [json!({}), json!({"a": null}), json!({"a": 1})] {
        assert_eq!(round_trip::<Item>(doc.clone()), doc);
    }
    let null: Item = serde_json::from_value(json!({"a": null})).unwrap_or_default();
    assert!(null.a.is_null());
    let absent: Item = serde_json::from_value(json!({})).unwrap_or_default();
    assert!(absent.a.is_absent());
}

#[test]
fn unknown_members_are_kept() {
    let doc = json!({"@odata.type": "#microsoft.graph.item", "newer": [1, {"x": null}], "a": 2});
    assert_eq!(round_trip::<Item>(doc.clone()), doc);
}

#[test]
fn lexical_values_keep_their_text() {
    let doc = json!({"took": "PT1H30M5.50S"});
    assert_eq!(round_trip::<Item>(doc.clone()), doc);
    let guid = json!("B7B35E6F-2B63-4C2F-8CD1-0B2B0C1F2A60");
    assert_eq!(round_trip::<Guid>(guid.clone()), guid);
    assert_eq!(round_trip::<Duration>(json!("PT1H30M")), json!("PT1H30M"));
}

#[test]
fn invalid_lexical_text_is_a_clear_error() {
    let err = serde_json::from_value::<Item>(json!({"took": "yesterday"}));
    let message = err.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(message.contains("ISO 8601 duration"), "{message}");
    assert!(serde_json::from_value::<Guid>(json!("not-a-guid")).is_err());
}

#[test]
fn lexical_values_compare_by_value_and_keep_their_text() {
    let a: Guid = "B7B35E6F-2B63-4C2F-8CD1-0B2B0C1F2A60"
        .parse()
        .unwrap_or_else(|e| panic!("{e}"));
    let b: Guid = "b7b35e6f-2b63-4c2f-8cd1-0b2b0c1f2a60"
        .parse()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(a, b);
    assert_eq!(a.to_string(), "B7B35E6F-2B63-4C2F-8CD1-0B2B0C1F2A60");
    assert_eq!(Guid::new(b.into_value()).as_str(), "b7b35e6f-2b63-4c2f-8cd1-0b2b0c1f2a60");
}

#[test]
fn durations_parse_and_reject() {
    let parse = |s: &str| s.parse::<IsoDuration>();
    let d = parse("P1DT2H3M4.5S").unwrap_or_default();
    assert_eq!(
        (d.days, d.hours, d.minutes, d.seconds, d.nanos),
        (1, 2, 3, 4, 500_000_000)
    );
    assert_eq!(d.to_string(), "P1DT2H3M4.5S");
    assert!(parse("-PT5S").is_ok_and(|d| d.negative && d.seconds == 5));
    assert_eq!(
        parse("P2W").ok().and_then(|d| d.to_std()),
        Some(std::time::Duration::from_secs(14 * 86_400))
    );
    assert!(parse("P1Y2M").is_ok_and(|d| d.years == 1 && d.months == 2 && d.to_std().is_none()));
    for bad in [
        "", "P", "PT", "1H", "PT1H2H", "P1H", "PT1D", "P1.5D", "PTS", "P1DT", "x",
    ] {
        assert!(parse(bad).is_err(), "{bad:?} should be rejected");
    }
    assert_eq!(IsoDuration::default().to_string(), "PT0S");
    let back = IsoDuration::from_std(std::time::Duration::from_secs(90_061));
    assert_eq!(back.to_string(), "P1DT1H1M1S");
}

#[test]
fn collections_round_trip() {
    let doc =
        json!({"@odata.context": "x", "value": [{"a": 1}, {}], "@odata.nextLink": "https://n"});
    assert_eq!(round_trip::<Collection<Item>>(doc.clone()), doc);
    let page: Collection<Item> = serde_json::from_value(doc).unwrap_or_default();
    assert!(page.has_next());
    assert_eq!(page.into_iter().count(), 2);
}

#[test]
fn primitive_results_are_unwrapped() {
    let doc = json!({"@odata.context": "x", "value": true});
    assert_eq!(round_trip::<Single<bool>>(doc.clone()), doc);
    let single: Option<Single<bool>> = serde_json::from_value(doc).ok();
    assert_eq!(single.map(Single::into_value), Some(true));
}

#[test]
fn requests_carry_method_url_and_json_body() {
    let endpoint = CreateItem {
        user: None,
        body: Item {
            a: Field::Value(1),
            ..Item::default()
        },
    };
    let request = endpoint.to_request().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(request.method(), http::Method::POST);
    assert_eq!(
        request.uri().to_string(),
        format!("{}/me/items", crate::BASE_URL)
    );
    assert_eq!(
        request.headers()[http::header::CONTENT_TYPE],
        "application/json"
    );
    assert_eq!(
        serde_json::from_slice::<Value>(request.body()).ok(),
        Some(json!({"a": 1}))
    );
    let delete = DeleteItem
        .to_request_with_base("http://localhost/v1.0/")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(delete.uri().to_string(), "http://localhost/v1.0/me/items/1");
    assert!(delete.headers().get(http::header::CONTENT_TYPE).is_none());
    assert!(delete.body().is_empty());
}

#[test]
fn path_parameters_are_percent_encoded() {
    let endpoint = CreateItem {
        user: Some("a b/c@d".to_string()),
        body: Item::default(),
    };
    assert_eq!(endpoint.path(), "/users/a%20b%2Fc%40d/items");
    assert!(endpoint.to_request().is_ok());
    assert_eq!(encode_segment("A-z_0.9~"), "A-z_0.9~");
    assert_eq!(encode_literal("O'Neil"), "O%27%27Neil");
    assert_eq!(encode_path("dir/file name.txt"), "dir/file%20name.txt");
    assert_eq!(encode_segment("é"), "%C3%A9");
}

#[test]
fn responses_parse_into_output_or_errors() {
    let endpoint = CreateItem {
        user: None,
        body: Item::default(),
    };
    let created = endpoint.parse_response(response(201, r#"{"a": 5, "id": "x"}"#));
    assert!(created.is_ok_and(|item| item.a == Field::Value(5)));
    let missing = endpoint.parse_response(response(404, r#"{"error":{"code":"x","message":"y"}}"#));
    match missing {
        Err(Error::Graph { status, error }) => {
            assert_eq!(status, http::StatusCode::NOT_FOUND);
            assert_eq!((error.code.as_str(), error.message.as_str()), ("x", "y"));
        }
        other => panic!("expected a Graph error, got {other:?}"),
    }
    let odd = endpoint.parse_response(response(302, "moved"));
    assert!(matches!(odd, Err(Error::UnexpectedStatus { status, .. }) if status.as_u16() == 302));
    let garbage = endpoint.parse_response(response(500, "<html>"));
    assert!(matches!(garbage, Err(Error::UnexpectedStatus { .. })));
    assert!(matches!(
        endpoint.parse_response(response(201, "[")),
        Err(Error::Json(_))
    ));
    assert!(DeleteItem.parse_response(response(204, "")).is_ok());
}

#[test]
fn errors_display_and_chain() {
    let error = Error::Graph {
        status: http::StatusCode::FORBIDDEN,
        error: Box::default(),
    };
    assert!(error.to_string().contains("403"));
    let json = serde_json::from_str::<Item>("[").err().map(Error::from);
    assert!(json.is_some_and(|e| std::error::Error::source(&e).is_some()));
}

#[test]
fn member_errors_name_the_member() {
    let error = serde_json::from_value::<Item>(json!({"a": "x"})).err();
    let text = error.map(|e| e.to_string()).unwrap_or_default();
    assert!(text.starts_with("member `a`: invalid type: string"), "{text}");
    let error = serde_json::from_str::<Item>("[1]").err();
    assert!(error.is_some(), "an array is not a model");
    let nested = serde_json::from_value::<Collection<Item>>(json!({"value": [{"took": 3}]}));
    let text = nested.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(text.contains("member `took`"), "{text}");
}
