//! Pretty JSON, byte for byte as `serde_json::to_writer_pretty` prints it, written straight
//! into a byte buffer and starting at any depth.
//!
//! Printing the corpus's IR through serde_json spent most of its time escaping strings one
//! byte at a time and in its generic writer plumbing; here strings are scanned eight bytes
//! at a time and indentation is one slice. Numbers are still formatted by serde_json.
//! Shapes the IR never has (tuple and struct enum variants, map keys that are not strings)
//! are refused with an error, so that the caller can fall back to serde_json.

use std::fmt::{self, Display};
use std::io::Write as _;
use std::num::FpCategory;

use serde::Serialize;
use serde::ser::{self, Serializer};
use serde_json::ser::{CompactFormatter, Formatter};

/// Why a value could not be printed here (the caller then asks serde_json).
#[derive(Debug)]
pub struct Error(String);

impl Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

/// Appends `value` to `out` as pretty JSON whose first line is indented `depth` levels
/// (the caller writes that first indentation; later lines get theirs here). On error `out`
/// holds a partial value: truncate it.
pub fn write_pretty<T: Serialize + ?Sized>(
    out: &mut Vec<u8>,
    value: &T,
    depth: usize,
) -> Result<(), Error> {
    value.serialize(&mut Pretty { out, depth })
}

/// `,\n` and the widest indentation written as one slice; deeper levels add spaces.
const LINE: &[u8; 2 + 64] = b",\n                                                                ";

/// The serializer: the buffer and the depth of the value being written.
struct Pretty<'a> {
    out: &'a mut Vec<u8>,
    depth: usize,
}

impl<'a> Pretty<'a> {
    /// A line break (after a comma unless `first`) and the current indentation.
    fn line(&mut self, first: bool) {
        let from = usize::from(first);
        let width = 2 * self.depth;
        match LINE.get(from..2 + width) {
            Some(slice) => self.out.extend_from_slice(slice),
            None => {
                self.out
                    .extend_from_slice(LINE.get(from..2).unwrap_or_default());
                self.out.resize(self.out.len() + width, b' ');
            }
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
        }
    }

    /// A number formatted by serde_json's own formatter.
    fn number(
        &mut self,
        write: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>,
    ) -> Result<(), Error> {
        write(self.out).map_err(|e| Error(e.to_string()))
    }
}

/// An open array or object.
struct Compound<'s, 'a> {
    ser: &'s mut Pretty<'a>,
    /// No element written yet.
    first: bool,
    close: u8,
}

impl Compound<'_, '_> {
    /// Starts an element or a key on its own line.
    fn next(&mut self) {
        self.ser.line(self.first);
        self.first = false;
    }

    fn end(self) -> Result<(), Error> {
        self.ser.depth -= 1;
        if !self.first {
            self.ser.line(true);
        }
        self.ser.out.push(self.close);
        Ok(())
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.next();
        value.serialize(&mut *self.ser)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Error> {
        self.next();
        write_str(self.ser.out, key);
        self.ser.out.extend_from_slice(b": ");
        value.serialize(&mut *self.ser)
    }
}

/// Whether byte `b` is escaped: control characters, `"` and `\`.
fn is_special(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// Whether any of the eight bytes of `word` is special (exact: a borrow can only mark bytes
/// above one that is special already).
fn word_is_special(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let quote = word ^ (ONES * u64::from(b'"'));
    let backslash = word ^ (ONES * u64::from(b'\\'));
    let below_space = word.wrapping_sub(ONES * 0x20) & !word;
    let is_quote = quote.wrapping_sub(ONES) & !quote;
    let is_backslash = backslash.wrapping_sub(ONES) & !backslash;
    (below_space | is_quote | is_backslash) & HIGH != 0
}

/// Appends serde_json's escape of the special byte `b`.
fn write_escape(out: &mut Vec<u8>, b: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let short: &[u8] = match b {
        b'"' => b"\\\"",
        b'\\' => b"\\\\",
        0x08 => b"\\b",
        0x0c => b"\\f",
        b'\n' => b"\\n",
        b'\r' => b"\\r",
        b'\t' => b"\\t",
        _ => b"",
    };
    if short.is_empty() {
        let hex = |nibble: u8| HEX.get(usize::from(nibble & 0xf)).copied().unwrap_or(b'0');
        out.extend_from_slice(&[b'\\', b'u', b'0', b'0', hex(b >> 4), hex(b)]);
    } else {
        out.extend_from_slice(short);
    }
}

/// Appends `s` as a JSON string.
fn write_str(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut copied = 0; // bytes before this are in `out`
    let mut at = 0; // bytes before this are scanned
    while at < bytes.len() {
        let clean = bytes
            .get(at..at + 8)
            .and_then(|w| <[u8; 8]>::try_from(w).ok())
            .is_some_and(|w| !word_is_special(u64::from_le_bytes(w)));
        if clean {
            at += 8;
            continue;
        }
        let end = bytes.len().min(at + 8);
        for (i, &b) in bytes.iter().enumerate().take(end).skip(at) {
            if is_special(b) {
                out.extend_from_slice(bytes.get(copied..i).unwrap_or_default());
                write_escape(out, b);
                copied = i + 1;
            }
        }
        at = end;
    }
    out.extend_from_slice(bytes.get(copied..).unwrap_or_default());
    out.push(b'"');
}

fn refused(what: &str) -> Error {
    Error(format!("{what} is left to serde_json"))
}

/// Numbers go to serde_json's formatter, through a closure so each method stays one line.
macro_rules! numbers {
    ($($method:ident($ty:ty) => $write:ident;)*) => {$(
        fn $method(self, v: $ty) -> Result<(), Error> {
            self.number(|out| CompactFormatter.$write(out, v))
        }
    )*};
}

impl<'s, 'a> Serializer for &'s mut Pretty<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'s, 'a>;
    type SerializeTuple = Compound<'s, 'a>;
    type SerializeTupleStruct = Compound<'s, 'a>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = Compound<'s, 'a>;
    type SerializeStruct = Compound<'s, 'a>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

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

    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        match v.classify() {
            FpCategory::Nan | FpCategory::Infinite => self.serialize_unit(),
            _ => self.number(|out| CompactFormatter.write_f32(out, v)),
        }
    }

    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        match v.classify() {
            FpCategory::Nan | FpCategory::Infinite => self.serialize_unit(),
            _ => self.number(|out| CompactFormatter.write_f64(out, v)),
        }
    }

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }

    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        write_str(self.out, v);
        Ok(())
    }

    /// Displays straight into the buffer; escapes afterwards only if something needs it.
    fn collect_str<T: Display + ?Sized>(self, value: &T) -> Result<(), Error> {
        self.out.push(b'"');
        let start = self.out.len();
        write!(self.out, "{value}").map_err(|e| Error(e.to_string()))?;
        if self
            .out
            .get(start..)
            .unwrap_or_default()
            .iter()
            .any(|&b| is_special(b))
        {
            let raw = self.out.split_off(start - 1);
            let text = std::str::from_utf8(raw.get(1..).unwrap_or_default())
                .map_err(|e| Error(e.to_string()))?;
            write_str(self.out, text);
        } else {
            self.out.push(b'"');
        }
        Ok(())
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        let mut seq = self.begin(b'[', b']');
        v.iter().try_for_each(|b| seq.element(b))?;
        seq.end()
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let mut object = self.begin(b'{', b'}');
        object.field(variant, value)?;
        object.end()
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'s, 'a>, Error> {
        Ok(self.begin(b'[', b']'))
    }

    fn serialize_tuple(self, _len: usize) -> Result<Compound<'s, 'a>, Error> {
        Ok(self.begin(b'[', b']'))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Compound<'s, 'a>, Error> {
        Ok(self.begin(b'[', b']'))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(refused("a tuple variant"))
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'s, 'a>, Error> {
        Ok(self.begin(b'{', b'}'))
    }

    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'s, 'a>, Error> {
        Ok(self.begin(b'{', b'}'))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(refused("a struct variant"))
    }
}

/// The element methods of the array-like traits.
macro_rules! elements {
    ($($trait:ident :: $method:ident;)*) => {$(
        impl ser::$trait for Compound<'_, '_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.element(value)
            }
            fn end(self) -> Result<(), Error> {
                Compound::end(self)
            }
        }
    )*};
}

elements! {
    SerializeSeq::serialize_element;
    SerializeTuple::serialize_element;
    SerializeTupleStruct::serialize_field;
}

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    /// Keys must print as strings (serde_json quotes number keys; that is left to it).
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.next();
        let start = self.ser.out.len();
        key.serialize(&mut *self.ser)?;
        match self.ser.out.get(start) {
            Some(b'"') => Ok(()),
            _ => Err(refused("a map key that is not a string")),
        }
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.ser.out.extend_from_slice(b": ");
        value.serialize(&mut *self.ser)
    }

    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }

    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

#[cfg(test)]
mod tests;
