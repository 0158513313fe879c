//! [`Collection`]: the OData list envelope.

use serde::{Deserialize, Serialize};

/// A page of a list response: `{"value": [...], "@odata.nextLink": "..."}`.
///
/// Other members (`@odata.context`, `@odata.count`, …) are kept in `additional`, so a
/// page round-trips unchanged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(serialize = "T: Serialize", deserialize = "T: Deserialize<'de>"))]
pub struct Collection<T> {
    /// The items on this page.
    #[serde(default = "Vec::new")]
    pub value: Vec<T>,
    /// The URL of the next page, when there is one.
    #[serde(
        rename = "@odata.nextLink",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub next_link: Option<String>,
    /// Members the envelope had besides `value` and `@odata.nextLink`.
    #[serde(flatten)]
    pub additional: serde_json::Map<String, serde_json::Value>,
}

impl<T> Default for Collection<T> {
    /// An empty page with no next link.
    fn default() -> Self {
        Collection {
            value: Vec::new(),
            next_link: None,
            additional: serde_json::Map::new(),
        }
    }
}

impl<T> Collection<T> {
    /// Whether there is another page to fetch.
    pub fn has_next(&self) -> bool {
        self.next_link.is_some()
    }
}

impl<T> IntoIterator for Collection<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;

    /// Iterates over the items of this page.
    fn into_iter(self) -> Self::IntoIter {
        self.value.into_iter()
    }
}

/// A response that wraps one primitive value: `{"@odata.context": "...", "value": true}`.
///
/// OData functions and actions that return a string, number or boolean send it this way.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(serialize = "T: Serialize", deserialize = "T: Deserialize<'de>"))]
pub struct Single<T> {
    /// The returned value.
    pub value: T,
    /// Members besides `value` (`@odata.context`).
    #[serde(flatten)]
    pub additional: serde_json::Map<String, serde_json::Value>,
}

impl<T> Single<T> {
    /// The returned value, dropping the annotations.
    pub fn into_value(self) -> T {
        self.value
    }
}
