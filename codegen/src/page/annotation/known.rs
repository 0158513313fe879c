//! The members of an annotation object that extraction reads.
//!
//! [`Known::parse`] has serde_json read an annotation straight into these members,
//! borrowing their strings and skipping the other members' values, rather than building
//! a `serde_json::Value` map of every member (most of what reading annotations cost).
//! Whatever it accepts reads as a `Value` would; the rest (repairs, errors, duplicate
//! members, strings with escapes, arrays) goes to the `Value` path unchanged.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

/// One member's value: a string, a boolean, or anything else (absent for readers).
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub(super) enum Member<'a> {
    Str(&'a str),
    Bool(bool),
    #[default]
    Other,
}

/// The members read; a missing member is `Other`.
#[derive(Debug, Default, Clone, PartialEq)]
pub(super) struct Known<'a> {
    pub block_type: Member<'a>,
    pub name: Member<'a>,
    pub odata_type: Member<'a>,
    pub base_type: Member<'a>,
    pub key_property: Member<'a>,
    pub is_collection: Member<'a>,
    pub truncated: Member<'a>,
}

impl<'a> Known<'a> {
    /// The slot for member `key`, if it is one that is read.
    fn slot(&mut self, key: &str) -> Option<&mut Member<'a>> {
        Some(match key {
            "blockType" => &mut self.block_type,
            "name" => &mut self.name,
            "@odata.type" => &mut self.odata_type,
            "baseType" => &mut self.base_type,
            "keyProperty" => &mut self.key_property,
            "isCollection" => &mut self.is_collection,
            "truncated" => &mut self.truncated,
            _ => return None,
        })
    }

    /// The reading of a parsed value: like `Value::get(key)`, the last duplicate wins
    /// (the map keeps it), and a value that is not an object has no members.
    pub fn from_value(value: &'a Value) -> Known<'a> {
        let mut known = Known::default();
        if let Value::Object(map) = value {
            for (key, v) in map {
                if let Some(slot) = known.slot(key) {
                    *slot = match v {
                        Value::String(s) => Member::Str(s),
                        Value::Bool(b) => Member::Bool(*b),
                        _ => Member::Other,
                    };
                }
            }
        }
        known
    }

    /// The reading of `text` when serde_json reads it as an object straight into the
    /// members, else `None`: not JSON, not an object, or a string with escapes (which
    /// cannot be borrowed; rare, and read through a `Value` then).
    pub fn parse(text: &'a str) -> Option<Known<'a>> {
        serde_json::from_str(text).ok()
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Known<'a> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(KnownVisitor)
    }
}

/// Reads an object's members, keeping the ones read. Like a `Value`'s map, the last of
/// duplicate members wins.
struct KnownVisitor;

impl<'de> Visitor<'de> for KnownVisitor {
    type Value = Known<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut known = Known::default();
        while let Some(Key(key)) = map.next_key()? {
            let value: Member<'de> = map.next_value()?;
            if let Some(slot) = known.slot(key) {
                *slot = value;
            }
        }
        Ok(known)
    }
}

/// A member's name, borrowed.
struct Key<'a>(&'a str);

impl<'de: 'a, 'a> Deserialize<'de> for Key<'a> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        <&str>::deserialize(d).map(Key)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Member<'a> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(MemberVisitor)
    }
}

/// Reads a member's value as [`Member`]: a borrowed string, a boolean, or `Other` for
/// anything else. Nested values are read the same way rather than skipped, so that a
/// number out of range fails here as it does in a `Value`.
struct MemberVisitor;

impl<'de> Visitor<'de> for MemberVisitor {
    type Value = Member<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Member::Str(v))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Err(E::custom("a string with escapes is read through a Value"))
    }

    fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Member::Bool(v))
    }

    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(Member::Other)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(Member::Other)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(Member::Other)
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Member::Other)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<Member<'de>>()?.is_some() {}
        Ok(Member::Other)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<Key<'de>, Member<'de>>()?.is_some() {}
        Ok(Member::Other)
    }
}
