//! [`Field`]: a member that may be absent, explicitly `null`, or hold a value.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A JSON member that keeps absent, `null` and a value apart.
///
/// Graph omits members it did not select and sends explicit `null`s, and a `PATCH` with
/// `null` clears a value, so a model must not collapse the two. Generated structs read
/// their members with [`Members::take`](super::Members::take) and write them with
/// [`MemberWriter::field`](super::MemberWriter::field) (which skips absent ones), so an
/// absent member stays absent, `null` stays `null` and a value stays a value. Hand-written
/// structs get the same with `#[serde(default, skip_serializing_if = "Field::is_absent")]`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field<T> {
    /// The member was not present.
    Absent,
    /// The member was present with the value `null`.
    Null,
    /// The member was present with a value.
    Value(T),
}

impl<T> Default for Field<T> {
    /// [`Field::Absent`].
    fn default() -> Self {
        Field::Absent
    }
}

impl<T> Field<T> {
    /// Whether the member was absent (used by `skip_serializing_if`).
    pub fn is_absent(&self) -> bool {
        matches!(self, Field::Absent)
    }

    /// Whether the member was an explicit `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Field::Null)
    }

    /// Whether the member holds a value.
    pub fn is_value(&self) -> bool {
        matches!(self, Field::Value(_))
    }

    /// The value, if there is one.
    pub fn value(&self) -> Option<&T> {
        match self {
            Field::Value(v) => Some(v),
            _ => None,
        }
    }

    /// The value for changing in place, if there is one.
    pub fn value_mut(&mut self) -> Option<&mut T> {
        match self {
            Field::Value(v) => Some(v),
            _ => None,
        }
    }

    /// The value, if there is one, dropping the absent/null distinction.
    pub fn into_option(self) -> Option<T> {
        match self {
            Field::Value(v) => Some(v),
            _ => None,
        }
    }

    /// A field borrowing this one's value.
    pub fn as_ref(&self) -> Field<&T> {
        match self {
            Field::Absent => Field::Absent,
            Field::Null => Field::Null,
            Field::Value(v) => Field::Value(v),
        }
    }

    /// Applies `f` to the value, keeping absent and null as they are.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Field<U> {
        match self {
            Field::Absent => Field::Absent,
            Field::Null => Field::Null,
            Field::Value(v) => Field::Value(f(v)),
        }
    }

    /// Takes the field out, leaving [`Field::Absent`] in its place.
    pub fn take(&mut self) -> Field<T> {
        std::mem::take(self)
    }
}

impl<T> From<T> for Field<T> {
    /// [`Field::Value`].
    fn from(value: T) -> Self {
        Field::Value(value)
    }
}

impl<T> From<Option<T>> for Field<T> {
    /// `Some` → [`Field::Value`], `None` → [`Field::Null`].
    fn from(value: Option<T>) -> Self {
        value.map_or(Field::Null, Field::Value)
    }
}

impl<T: Serialize> Serialize for Field<T> {
    /// A value serializes as itself; null (and absent, if not skipped) as `null`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Field::Value(v) => v.serialize(serializer),
            Field::Absent | Field::Null => serializer.serialize_none(),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Field<T> {
    /// `null` becomes [`Field::Null`], anything else a [`Field::Value`]; absence is
    /// handled by the struct ([`Members::take`](super::Members::take) or
    /// `#[serde(default)]`).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Option::<T>::deserialize(deserializer)?.into())
    }
}
