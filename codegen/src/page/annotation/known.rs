//! The members of an annotation object that extraction reads.
//!
//! [`Known::scan`] reads a strict subset of JSON by hand: plain strings (no escapes),
//! short integers, `true` / `false` / `null`, and shallow nesting, which is what nearly
//! every annotation is. Whatever it accepts is valid JSON that a `serde_json::Value`
//! reads the same way, so anything else (escapes, floats, repairs, errors) can go to the
//! `Value` path unchanged.

use serde_json::Value;

/// Nesting deeper than this is left to serde_json, which limits depth itself.
const MAX_DEPTH: u32 = 64;

/// Integers with more digits are left to serde_json (they would not fit an `i64`).
const MAX_DIGITS: usize = 18;

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

    /// The reading of `text` if it is in the subset read by hand, else `None`.
    pub fn scan(text: &'a str) -> Option<Known<'a>> {
        let mut s = Scanner { text, pos: 0 };
        let mut known = Known::default();
        s.skip_ws();
        if s.peek() == Some(b'{') {
            s.pos += 1;
            s.object(1, Some(&mut known))?;
        } else {
            s.value(0)?;
        }
        s.skip_ws();
        (s.pos == text.len()).then_some(known)
    }
}

struct Scanner<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Scanner<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    /// JSON whitespace only: NBSP and friends are for the repair path.
    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.pos += 1;
        }
    }

    /// Skips whitespace and then `byte`, if it is next.
    fn eat(&mut self, byte: u8) -> bool {
        self.skip_ws();
        let found = self.peek() == Some(byte);
        self.pos += usize::from(found);
        found
    }

    fn value(&mut self, depth: u32) -> Option<Member<'a>> {
        self.skip_ws();
        let first = self.peek()?;
        self.pos += 1;
        match first {
            b'"' => self.string().map(Member::Str),
            b'{' => self.object(depth + 1, None).map(|()| Member::Other),
            b'[' => self.array(depth + 1).map(|()| Member::Other),
            b't' => self.literal("rue").map(|()| Member::Bool(true)),
            b'f' => self.literal("alse").map(|()| Member::Bool(false)),
            b'n' => self.literal("ull").map(|()| Member::Other),
            b'-' => self.integer().map(|()| Member::Other),
            b'0'..=b'9' => {
                self.pos -= 1;
                self.integer().map(|()| Member::Other)
            }
            _ => None,
        }
    }

    fn literal(&mut self, rest: &str) -> Option<()> {
        let tail = self.text.get(self.pos..)?;
        tail.starts_with(rest).then(|| self.pos += rest.len())
    }

    /// `0` or a non-zero digit then digits, not followed by a fraction or exponent.
    fn integer(&mut self) -> Option<()> {
        let tail = self.text.as_bytes().get(self.pos..)?;
        let digits = tail.iter().take_while(|b| b.is_ascii_digit()).count();
        let leading_zero = digits > 1 && tail.first() == Some(&b'0');
        if digits == 0 || digits > MAX_DIGITS || leading_zero {
            return None;
        }
        self.pos += digits;
        (!matches!(self.peek(), Some(b'.' | b'e' | b'E'))).then_some(())
    }

    /// The text of a string whose opening quote was read: `None` for escapes and raw
    /// control characters (serde_json rejects the latter; the former need decoding).
    fn string(&mut self) -> Option<&'a str> {
        let tail = self.text.get(self.pos..)?;
        let len = tail
            .bytes()
            .position(|b| b == b'"' || b == b'\\' || b < 0x20)?;
        if tail.as_bytes().get(len) != Some(&b'"') {
            return None;
        }
        self.pos += len + 1;
        tail.get(..len)
    }

    /// The members of an object whose `{` was read, into `known` when given.
    fn object(&mut self, depth: u32, mut known: Option<&mut Known<'a>>) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        if self.eat(b'}') {
            return Some(());
        }
        loop {
            if !self.eat(b'"') {
                return None;
            }
            let key = self.string()?;
            if !self.eat(b':') {
                return None;
            }
            let value = self.value(depth)?;
            if let Some(slot) = known.as_deref_mut().and_then(|k| k.slot(key)) {
                *slot = value;
            }
            if self.eat(b'}') {
                return Some(());
            }
            if !self.eat(b',') {
                return None;
            }
        }
    }

    /// The elements of an array whose `[` was read.
    fn array(&mut self, depth: u32) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        if self.eat(b']') {
            return Some(());
        }
        loop {
            self.value(depth)?;
            if self.eat(b']') {
                return Some(());
            }
            if !self.eat(b',') {
                return None;
            }
        }
    }
}
