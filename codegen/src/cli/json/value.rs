//! `serde_json::Value`s printed by matching on them rather than through their `Serialize`:
//! the example bodies of the IR are tens of thousands of small nodes, and serde's generic
//! path spends a few calls on each (`serialize_entry`, the key's own `Serialize`, the test
//! that the key printed as a string) where a match needs none.

use serde::Serialize;
use serde_json::{Map, Value};

use super::escape::{write_key, write_str};
use super::{Pretty, Res};

impl Pretty<'_> {
    /// Appends `value`, or `null` for none, as `Option<Value>` serialises.
    pub(super) fn write_option_value(&mut self, value: Option<&Value>) -> Res {
        match value {
            Some(value) => self.write_value(value),
            None => {
                self.out.extend_from_slice(b"null");
                Ok(())
            }
        }
    }

    /// Appends `value` at the current depth, as its `Serialize` would through `self`.
    pub(super) fn write_value(&mut self, value: &Value) -> Res {
        match value {
            Value::Null => self.out.extend_from_slice(b"null"),
            Value::Bool(true) => self.out.extend_from_slice(b"true"),
            Value::Bool(false) => self.out.extend_from_slice(b"false"),
            // Rare, and their formatting is serde_json's own: left to their `Serialize`.
            Value::Number(number) => return number.serialize(self),
            Value::String(s) => write_str(self.out, s),
            Value::Array(items) => return self.write_array(items),
            Value::Object(members) => return self.write_object(members),
        }
        Ok(())
    }

    /// Appends `[`, the items one a line, and `]` (`[]` when there are none).
    fn write_array(&mut self, items: &[Value]) -> Res {
        let mut array = self.begin(b'[', b']');
        for item in items {
            array.next();
            array.ser.write_value(item)?;
        }
        array.end()
    }

    /// Appends `{`, the members one a line, and `}` (`{}` when there are none).
    fn write_object(&mut self, members: &Map<String, Value>) -> Res {
        let mut object = self.begin(b'{', b'}');
        for (key, value) in members {
            object.next();
            write_key(object.ser.out, key);
            object.ser.write_value(value)?;
        }
        object.end()
    }
}
