//! Pretty JSON, byte for byte as `serde_json::to_writer_pretty` prints it, written straight
//! into a byte buffer and starting at any depth.
//!
//! Printing the corpus's IR through serde_json spent most of its time escaping strings one
//! byte at a time and in its generic writer plumbing; here strings are scanned eight bytes
//! at a time and indentation is one slice. Numbers are still formatted by serde_json.
//! Shapes the IR never has (tuple and struct enum variants, map keys that are not strings)
//! are refused with an error, so that the caller can fall back to serde_json.
//!
//! The JSON bodies of examples (`serde_json::Value`s) are the one exception to going through
//! serde: the caller may hand them over beforehand and they are then printed by matching on
//! the value (see `value.rs`).

use std::fmt::Display;
use std::io::Write as _;
use std::num::FpCategory;

use serde::Serialize;
use serde::ser::{self, Error as _, Serializer};
use serde_json::ser::{CompactFormatter, Formatter};
use serde_json::{Error, Value};

mod escape;
mod keys;
mod value;
use escape::write_str;
#[cfg(test)]
use escape::{clean_len, is_special, word_is_special};
use keys::KeyLines;

/// What every method returns.
type Res = Result<(), Error>;
/// Type, field and variant names.
type Name = &'static str;
/// The result of opening an array or object.
type Open<'s, 'a> = Result<Compound<'s, 'a>, Error>;
/// Enum variants with fields are not written here.
type Never = ser::Impossible<(), Error>;

/// Writes values as pretty JSON, keeping what it prepares from one value to the next: the
/// items of a list share their field names, so those are prepared once for all of them.
#[derive(Default)]
pub struct Writer {
    /// The lines of field names, prepared.
    keys: KeyLines,
    /// What `collect_str` displays, before it is escaped.
    scratch: Vec<u8>,
}

impl Writer {
    /// Appends `value` to `out` as pretty JSON whose first line is indented `depth` levels
    /// (the caller writes that first indentation; later lines get theirs here). On error
    /// `out` holds a partial value: truncate it.
    ///
    /// The `body` fields of the structs named `Example` in `value` are printed from `bodies`
    /// rather than through serde: serde's generic path costs a few calls per node of a JSON
    /// value, a match on the value costs none. (They are handed over because serde passes a
    /// field as a generic `&T`, which cannot be told to be a `Value` without `unsafe`.)
    /// `bodies` must be the values of those fields, in the order they are serialised; once
    /// they run out the fields are serialised as usual.
    pub fn write_pretty<T: Serialize + ?Sized>(
        &mut self,
        out: &mut Vec<u8>,
        value: &T,
        depth: usize,
        bodies: &[Option<&Value>],
    ) -> Res {
        value.serialize(&mut Pretty {
            out,
            depth,
            scratch: &mut self.scratch,
            keys: &mut self.keys,
            bodies: bodies.iter(),
        })
    }
}

/// The struct whose `BODY` field is printed from the bodies handed over.
const EXAMPLE: Name = "Example";
const BODY: Name = "body";

/// The widest indentation `BREAK` holds.
const INDENT: usize = 32;

/// A comma, a line break and the widest indentation, written as one slice of a fixed size
/// from offset 0 or 1 (no comma) and cut to the width after: deeper levels add spaces.
const BREAK: &[u8; 2 + INDENT + 1] = b",\n                                 ";

/// The serializer: the buffer and the depth of the value being written.
struct Pretty<'a> {
    out: &'a mut Vec<u8>,
    depth: usize,
    /// What `collect_str` displays, before it is escaped.
    scratch: &'a mut Vec<u8>,
    /// Field names with their line, prepared.
    keys: &'a mut KeyLines,
    /// The example bodies not printed yet (see `Writer::write_pretty`).
    bodies: std::slice::Iter<'a, Option<&'a Value>>,
}

impl<'a> Pretty<'a> {
    /// A line break (after a comma unless `first`) and the current indentation.
    fn line(&mut self, first: bool) {
        let skip = usize::from(first);
        let width = 2 * self.depth;
        let start = self.out.len();
        // Fixed length, variable offset: one inlined copy rather than a push and a `memcpy`.
        if let Some(text) = BREAK
            .get(skip..)
            .and_then(<[u8]>::first_chunk::<{ 2 + INDENT }>)
        {
            self.out.extend_from_slice(text);
        }
        let end = start + 2 - skip + width;
        if width <= INDENT {
            self.out.truncate(end);
        } else {
            self.out.resize(end, b' ');
        }
    }

    /// Opens an array or object; `close` is its closing bracket.
    fn begin<'s>(&'s mut self, open: u8, close: u8) -> Compound<'s, 'a> {
        self.out.push(open);
        self.depth += 1;
        Compound {
            ser: self,
            first: true,
            close,
            example: false,
        }
    }
}

/// An open array or object.
struct Compound<'s, 'a> {
    ser: &'s mut Pretty<'a>,
    /// No element written yet.
    first: bool,
    close: u8,
    /// A struct named `EXAMPLE`: its `BODY` is printed from the bodies handed over.
    example: bool,
}

impl Compound<'_, '_> {
    /// Starts an element or a key on its own line.
    fn next(&mut self) {
        self.ser.line(self.first);
        self.first = false;
    }

    fn end(self) -> Res {
        self.ser.depth -= 1;
        if !self.first {
            self.ser.line(true);
        }
        self.ser.out.push(self.close);
        Ok(())
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Res {
        self.next();
        value.serialize(&mut *self.ser)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: Name, value: &T) -> Res {
        let ser = &mut *self.ser;
        ser.keys.write(ser.out, self.first, ser.depth, key);
        self.first = false;
        if self.example
            && key == BODY
            && let Some(body) = ser.bodies.next()
        {
            return ser.write_option_value(*body);
        }
        value.serialize(&mut *self.ser)
    }
}

fn refused(what: &str) -> Error {
    Error::custom(format_args!("{what} is left to serde_json"))
}

/// Numbers are formatted by serde_json's own formatter.
macro_rules! numbers {
    ($($method:ident($ty:ty) => $write:ident;)*) => {$(
        fn $method(self, v: $ty) -> Res {
            CompactFormatter.$write(self.out, v).map_err(Error::io)
        }
    )*};
}

impl<'s, 'a> Serializer for &'s mut Pretty<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'s, 'a>;
    type SerializeTuple = Compound<'s, 'a>;
    type SerializeTupleStruct = Compound<'s, 'a>;
    type SerializeTupleVariant = Never;
    type SerializeMap = Compound<'s, 'a>;
    type SerializeStruct = Compound<'s, 'a>;
    type SerializeStructVariant = Never;

    numbers! {
        serialize_i8(i8) => write_i8;
        serialize_i16(i16) => write_i16;
        serialize_i32(i32) => write_i32;
        serialize_i64(i64) => write_i64;
        serialize_i128(i128) => write_i128;
        serialize_u8(u8) => write_u8;
        serialize_u16(u16) => write_u16;
        serialize_u32(u32) => write_u32;
        serialize_u64(u64) => write_u64;
        serialize_u128(u128) => write_u128;
    }

    fn serialize_f32(self, v: f32) -> Res {
        match v.classify() {
            FpCategory::Nan | FpCategory::Infinite => self.serialize_unit(),
            _ => CompactFormatter.write_f32(self.out, v).map_err(Error::io),
        }
    }

    fn serialize_f64(self, v: f64) -> Res {
        match v.classify() {
            FpCategory::Nan | FpCategory::Infinite => self.serialize_unit(),
            _ => CompactFormatter.write_f64(self.out, v).map_err(Error::io),
        }
    }

    fn serialize_bool(self, v: bool) -> Res {
        self.out
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }

    fn serialize_char(self, v: char) -> Res {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, v: &str) -> Res {
        write_str(self.out, v);
        Ok(())
    }

    /// Displays into a scratch buffer of the item rather than a new `String` each time.
    fn collect_str<T: Display + ?Sized>(self, value: &T) -> Res {
        self.scratch.clear();
        write!(self.scratch, "{value}").map_err(Error::io)?;
        write_str(
            self.out,
            std::str::from_utf8(self.scratch).map_err(Error::custom)?,
        );
        Ok(())
    }

    fn serialize_bytes(self, v: &[u8]) -> Res {
        let mut seq = self.begin(b'[', b']');
        v.iter().try_for_each(|b| seq.element(b))?;
        seq.end()
    }

    fn serialize_none(self) -> Res {
        self.serialize_unit()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Res {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Res {
        self.out.extend_from_slice(b"null");
        Ok(())
    }

    fn serialize_unit_struct(self, _: Name) -> Res {
        self.serialize_unit()
    }

    fn serialize_unit_variant(self, _: Name, _: u32, variant: Name) -> Res {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: Name, value: &T) -> Res {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: Name,
        _: u32,
        variant: Name,
        value: &T,
    ) -> Res {
        let mut object = self.begin(b'{', b'}');
        object.field(variant, value)?;
        object.end()
    }

    fn serialize_seq(self, _: Option<usize>) -> Open<'s, 'a> {
        Ok(self.begin(b'[', b']'))
    }

    fn serialize_tuple(self, _: usize) -> Open<'s, 'a> {
        Ok(self.begin(b'[', b']'))
    }

    fn serialize_tuple_struct(self, _: Name, _: usize) -> Open<'s, 'a> {
        Ok(self.begin(b'[', b']'))
    }

    fn serialize_tuple_variant(self, _: Name, _: u32, _: Name, _: usize) -> Result<Never, Error> {
        Err(refused("a tuple variant"))
    }

    fn serialize_map(self, _: Option<usize>) -> Open<'s, 'a> {
        Ok(self.begin(b'{', b'}'))
    }

    fn serialize_struct(self, name: Name, _: usize) -> Open<'s, 'a> {
        let mut object = self.begin(b'{', b'}');
        object.example = name == EXAMPLE;
        Ok(object)
    }

    fn serialize_struct_variant(self, _: Name, _: u32, _: Name, _: usize) -> Result<Never, Error> {
        Err(refused("a struct variant"))
    }
}

/// The traits of `Compound`: their element methods, and the same `end`.
macro_rules! compound {
    ($($trait:ident { $($method:item)* })*) => {$(
        impl ser::$trait for Compound<'_, '_> {
            type Ok = ();
            type Error = Error;
            $($method)*
            fn end(self) -> Res {
                Compound::end(self)
            }
        }
    )*};
}

compound! {
    SerializeSeq {
        fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Res {
            self.element(value)
        }
    }
    SerializeTuple {
        fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Res {
            self.element(value)
        }
    }
    SerializeTupleStruct {
        fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Res {
            self.element(value)
        }
    }
    SerializeStruct {
        fn serialize_field<T: Serialize + ?Sized>(&mut self, key: Name, value: &T) -> Res {
            self.field(key, value)
        }
    }
    SerializeMap {
        /// Keys must print as strings (serde_json quotes number keys; that is left to it).
        fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Res {
            self.next();
            let start = self.ser.out.len();
            key.serialize(&mut *self.ser)?;
            match self.ser.out.get(start) {
                Some(b'"') => Ok(()),
                _ => Err(refused("a map key that is not a string")),
            }
        }
        fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Res {
            self.ser.out.extend_from_slice(b": ");
            value.serialize(&mut *self.ser)
        }
    }
}

#[cfg(test)]
mod tests;
