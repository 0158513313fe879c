//! Every variant compiles (this crate builds) and keeps a document exactly as sent.

use serde_json::{Value, json};

fn document() -> Value {
    json!({
        "id": "1",
        "day": "2020-07-06",
        "start": "08:30:00.0000000",
        "createdDateTime": "2020-07-06T06:34:12.2294868Z",
        "subject": "Planning",
        "@odata.type": "#microsoft.graph.meeting"
    })
}

fn round_trip<T: serde::Serialize + serde::de::DeserializeOwned>() -> (T, Value) {
    let typed: T = serde_json::from_value(document()).expect("deserializes");
    let back = serde_json::to_value(&typed).expect("serializes");
    (typed, back)
}

#[test]
fn chrono_dates_parse_and_keep_their_text() {
    let (meeting, back) = round_trip::<build_variants::with_chrono::models::Meeting>();
    assert_eq!(back, document());
    let day: Option<&chrono::NaiveDate> = meeting.day.value().map(|d| d.value());
    assert_eq!(day, chrono::NaiveDate::from_ymd_opt(2020, 7, 6).as_ref());
    let start: Option<&chrono::NaiveTime> = meeting.start.value().map(|t| t.value());
    assert_eq!(start, chrono::NaiveTime::from_hms_opt(8, 30, 0).as_ref());
}

#[test]
fn time_dates_parse_and_keep_their_text() {
    let (meeting, back) = round_trip::<build_variants::with_time::models::Meeting>();
    assert_eq!(back, document());
    let day: Option<&time::Date> = meeting.day.value().map(|d| d.value());
    assert_eq!(day.map(|d| d.to_string()).as_deref(), Some("2020-07-06"));
    let created: Option<&time::OffsetDateTime> =
        meeting.created_date_time.value().map(|t| t.value());
    assert_eq!(created.map(|c| c.unix_timestamp()), Some(1_594_017_252));
    let bad = json!({"start": "25:00:00"});
    assert!(serde_json::from_value::<build_variants::with_time::models::Meeting>(bad).is_err());
}

#[test]
fn string_dates_are_plain_strings() {
    let (meeting, back) = round_trip::<build_variants::with_strings::models::Meeting>();
    assert_eq!(back, document());
    let day: Option<&String> = meeting.day.value();
    assert_eq!(day.map(String::as_str), Some("2020-07-06"));
    let odd = json!({"day": "not a date"});
    assert!(serde_json::from_value::<build_variants::with_strings::models::Meeting>(odd).is_ok());
}

#[test]
fn the_module_tree_works_below_another_module() {
    let (_, back) = round_trip::<build_variants::nested::as_tree::models::Meeting>();
    assert_eq!(back, document());
    assert!(build_variants::nested::as_tree::registry::find("microsoft.graph.meeting").is_some());
}

/// The `time` runtime's own behaviour (its `dates.rs` ships without a test module, since
/// only crate layouts carry tests): parsing, comparing by value, canonical text.
#[test]
fn time_runtime_values() {
    use build_variants::with_time::runtime::{Date, DateTimeOffset, TimeOfDay};

    let a: TimeOfDay = "08:30:00".parse().expect("time");
    let b: TimeOfDay = "08:30:00.000".parse().expect("time");
    assert_eq!(a, b);
    assert_eq!(b.to_string(), "08:30:00.000");
    assert_eq!(TimeOfDay::new(*b.value()).as_str(), "08:30:00");
    let half: TimeOfDay = "08:30:00.5".parse().expect("time");
    assert_eq!(TimeOfDay::new(*half.value()).as_str(), "08:30:00.5");
    let date = time::Date::from_calendar_date(2020, time::Month::July, 6).expect("date");
    assert_eq!(Date::from(date).as_str(), "2020-07-06");
    let no_offset: DateTimeOffset = "2021-01-01T00:00:00".parse().expect("date-time");
    assert_eq!(no_offset.value().unix_timestamp(), 1_609_459_200);
    let offset: DateTimeOffset = "2021-01-01T00:00:00+02:00".parse().expect("date-time");
    assert_eq!(
        DateTimeOffset::new(*offset.value()).as_str(),
        "2021-01-01T00:00:00+02:00"
    );
    let error = "yesterday"
        .parse::<DateTimeOffset>()
        .expect_err("not a date-time");
    assert!(error.contains("RFC 3339"), "{error}");
    assert!("2020-13-01".parse::<Date>().is_err());
    assert!("25:00:00".parse::<TimeOfDay>().is_err());
}
