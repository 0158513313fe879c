//! The text before a struct field's value, `,\n`, the indentation and `"name": `, prepared
//! once per field name and depth and then written as one copy of a fixed size.
//!
//! The IR prints about 370k fields from a few dozen names at a few depths: testing each name
//! for escapes and writing the comma, the line break, the indentation, the quotes and the
//! colon as separate pieces cost more than the rest of the field. A copy of a fixed size is
//! inlined by the compiler (no `memcpy` call); the buffer is then cut back to the text.

use super::escape::{clean_len, write_key};

/// Room for a prepared text: a comma, a line break, the indentation and the quoted name.
const TEXT: usize = 64;

/// Prepared texts kept: a few times the field names of the IR times their depths (about
/// sixty), so that few have to share their first place.
const SLOTS: usize = 256;

/// Places a text may be kept in: its first and the next ones. Names of one list's items
/// that would otherwise share one place would push each other out at every item.
const PROBES: usize = 4;

/// One prepared text and what it was prepared for.
#[derive(Clone, Copy)]
struct Slot {
    /// The name's address and length: a `&'static str` at the same place is the same text.
    name: (usize, usize),
    depth: usize,
    /// `,\n`, `2 * depth` spaces, `"name": ` and then padding, so that it can be copied
    /// whole (`TEXT` bytes from offset 0 or 1) before the buffer is cut back.
    text: [u8; TEXT + 1],
    /// How much of `text` is meant.
    len: usize,
}

/// No text prepared: its name (address 0) matches no real `&'static str`. All zeros, so
/// that a new table is a `memset`.
const EMPTY: Slot = Slot {
    name: (0, 0),
    depth: 0,
    text: [0; TEXT + 1],
    len: 0,
};

/// The prepared texts, by field name and depth.
pub(super) struct KeyLines {
    slots: [Slot; SLOTS],
}

impl Default for KeyLines {
    fn default() -> Self {
        KeyLines {
            slots: [EMPTY; SLOTS],
        }
    }
}

impl KeyLines {
    /// Appends the line of field `name` at `depth` up to its value: `,` (unless `first`),
    /// the line break, the indentation and the name with its `": `.
    #[inline]
    pub(super) fn write(
        &mut self,
        out: &mut Vec<u8>,
        first: bool,
        depth: usize,
        name: &'static str,
    ) {
        match self.find(depth, name) {
            Some(slot) => slot.write(out, first),
            None => write_line_and_key(out, first, depth, name),
        }
    }

    /// The slot holding the text of `name` at `depth`, prepared now if it is not kept yet;
    /// `None` for names that need escaping or texts that do not fit.
    #[inline]
    fn find(&mut self, depth: usize, name: &'static str) -> Option<&Slot> {
        let key = (name.as_ptr() as usize, name.len());
        // Fibonacci hashing: names are statics a few bytes apart, the product spreads them.
        let hash = (key.0 ^ depth).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (usize::BITS - 8);
        let mut place = None;
        for probe in 0..PROBES {
            let index = (hash + probe) % SLOTS;
            match self.slots.get(index) {
                Some(slot) if slot.name == key && slot.depth == depth => {
                    return self.slots.get(index);
                }
                Some(slot) if place.is_none() && slot.name.0 == 0 => place = Some(index),
                _ => {}
            }
        }
        // All taken: the first place is given up (the texts of a run settle after one item).
        let slot = self.slots.get_mut(place.unwrap_or(hash % SLOTS))?;
        *slot = prepare(depth, name)?;
        Some(slot)
    }
}

impl Slot {
    /// Appends the text, without its comma if `first`.
    #[inline]
    fn write(&self, out: &mut Vec<u8>, first: bool) {
        let skip = usize::from(first);
        let start = out.len();
        // Fixed length, variable offset: still one inlined copy.
        if let Some(text) = self.text.get(skip..).and_then(<[u8]>::first_chunk::<TEXT>) {
            out.extend_from_slice(text);
            out.truncate(start + self.len - skip);
        }
    }
}

/// The slot for field `name` at `depth`, if its name needs no escape and the text fits.
#[cold]
fn prepare(depth: usize, name: &'static str) -> Option<Slot> {
    let len = 2 + 2 * depth + name.len() + 4;
    if len > TEXT || clean_len(name.as_bytes()) != name.len() {
        return None;
    }
    let mut slot = Slot {
        name: (name.as_ptr() as usize, name.len()),
        depth,
        len,
        ..EMPTY
    };
    let quoted = 2 + 2 * depth;
    slot.text.get_mut(..2)?.copy_from_slice(b",\n");
    slot.text.get_mut(2..quoted)?.fill(b' ');
    *slot.text.get_mut(quoted)? = b'"';
    let after = quoted + 1 + name.len();
    slot.text
        .get_mut(quoted + 1..after)?
        .copy_from_slice(name.as_bytes());
    slot.text.get_mut(after..len)?.copy_from_slice(b"\": ");
    Some(slot)
}

/// The same text written piece by piece, escaping the name as needed.
#[cold]
fn write_line_and_key(out: &mut Vec<u8>, first: bool, depth: usize, name: &str) {
    if !first {
        out.push(b',');
    }
    out.push(b'\n');
    out.resize(out.len() + 2 * depth, b' ');
    write_key(out, name);
}
