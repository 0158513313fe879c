//! `<!-- { ... } -->` annotations, reduced to the members extraction reads.
//!
//! Valid JSON (nearly every annotation) is read by serde_json straight into those
//! members, without building a `serde_json::Value` of the whole object; anything else
//! takes the `json_repair` path. Both readings give what `Value::get(key)` then `as_str()` /
//! `as_bool()` gives: last duplicate wins, a member of another type reads as absent.

mod known;
#[cfg(test)]
mod tests;

use crate::json_repair::{self, JsonError};
use known::{Known, Member};

/// The `blockType` of an annotation, read trimmed and ignoring ASCII case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockType {
    /// `request`.
    Request,
    /// `response`.
    Response,
    /// `resource`.
    Resource,
    /// `ignored`.
    Ignored,
    /// Any other string.
    Other,
}

impl BlockType {
    fn classify(text: &str) -> BlockType {
        let t = text.trim();
        [
            ("request", BlockType::Request),
            ("response", BlockType::Response),
            ("resource", BlockType::Resource),
            ("ignored", BlockType::Ignored),
        ]
        .into_iter()
        .find(|(name, _)| t.eq_ignore_ascii_case(name))
        .map_or(BlockType::Other, |(_, kind)| kind)
    }
}

/// A `<!-- { ... } -->` annotation: the members extraction reads.
#[derive(Debug, Clone, PartialEq)]
pub struct Annotation {
    /// `blockType`, when it is a string.
    pub block_type: Option<BlockType>,
    /// `name`, when it is a string.
    pub name: Option<Box<str>>,
    /// `@odata.type` as written, when it is a string.
    pub odata_type: Option<Box<str>>,
    /// `baseType` as written, when it is a string.
    pub base_type: Option<Box<str>>,
    /// Whether `keyProperty` is a string.
    pub has_key_property: bool,
    /// `isCollection`, when it is a boolean.
    pub is_collection: Option<bool>,
    /// Whether `truncated` is `true`.
    pub truncated: bool,
    /// Line of the comment.
    pub line: u32,
}

impl Annotation {
    /// Whether the `blockType` is `kind`.
    pub fn block_type_is(&self, kind: BlockType) -> bool {
        self.block_type == Some(kind)
    }

    /// Reads an annotation body at `line`, with the names of the repairs it needed
    /// (empty for valid JSON).
    pub fn read(body: &str, line: u32) -> Result<(Annotation, Vec<String>), JsonError> {
        if let Some(known) = Known::parse(body) {
            return Ok((known.into_annotation(line), Vec::new()));
        }
        let parsed = json_repair::parse(body)?;
        let known = Known::from_value(&parsed.value);
        Ok((known.into_annotation(line), parsed.repairs))
    }
}

impl Known<'_> {
    fn into_annotation(self, line: u32) -> Annotation {
        Annotation {
            block_type: self.block_type.as_str().map(BlockType::classify),
            name: self.name.into_string(),
            odata_type: self.odata_type.into_string(),
            base_type: self.base_type.into_string(),
            has_key_property: self.key_property.as_str().is_some(),
            is_collection: self.is_collection.as_bool(),
            truncated: self.truncated.as_bool() == Some(true),
            line,
        }
    }
}

impl Member<'_> {
    fn as_str(&self) -> Option<&str> {
        match *self {
            Member::Str(s) => Some(s),
            _ => None,
        }
    }

    fn into_string(self) -> Option<Box<str>> {
        match self {
            Member::Str(s) => Some(s.into()),
            _ => None,
        }
    }

    fn as_bool(&self) -> Option<bool> {
        match *self {
            Member::Bool(b) => Some(b),
            _ => None,
        }
    }
}
