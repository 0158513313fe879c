//! JSON strings as serde_json writes them, with the test for bytes to escape done eight at
//! a time: nearly every string of the IR has none, and most are a few bytes long.

/// Whether byte `b` is escaped: control characters, `"` and `\`.
pub(super) fn is_special(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// Bits set (at 0x80 of a byte) in the bytes of `word` that are special (exact: a borrow
/// can only mark bytes above one that is special already, so the mask is right as to
/// whether any is). Each test is the usual "has a byte below n" / "has a zero byte" on the
/// word or on it xored with `"` or `\`; those two have the high bit clear, so all three
/// share the `!word` that keeps bytes of 0x80 and above out.
fn special_bits(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let quote = word ^ (ONES * u64::from(b'"'));
    let backslash = word ^ (ONES * u64::from(b'\\'));
    let below_space = word.wrapping_sub(ONES * 0x20);
    (below_space | quote.wrapping_sub(ONES) | backslash.wrapping_sub(ONES)) & !word & HIGH
}

/// Whether any of the eight bytes of `word` is special.
pub(super) fn word_is_special(word: u64) -> bool {
    special_bits(word) != 0
}

/// The `N` bytes of `bytes` from `from` (zeros when they are not all there).
fn bytes_at<const N: usize>(bytes: &[u8], from: usize) -> [u8; N] {
    bytes
        .get(from..from + N)
        .and_then(|w| <[u8; N]>::try_from(w).ok())
        .unwrap_or([0; N])
}

/// The four bytes of `bytes` from `from`, as the low half of a word.
fn half_at(bytes: &[u8], from: usize) -> u64 {
    u64::from(u32::from_le_bytes(bytes_at(bytes, from)))
}

/// A word made of bytes of `bytes` only (repeated when it is shorter than eight; the
/// value for no bytes at all is a clean one), so that it is special exactly when `bytes`
/// has a special byte.
fn short_word(bytes: &[u8]) -> u64 {
    let len = bytes.len();
    match len {
        0 => u64::from_le_bytes(*b"        "),
        1..4 => {
            let at = |i: usize| bytes.get(i).copied().unwrap_or(b' ');
            let first = at(0);
            u64::from_le_bytes([
                first,
                at(len / 2),
                at(len - 1),
                first,
                first,
                first,
                first,
                first,
            ])
        }
        _ => half_at(bytes, 0) | half_at(bytes, len.saturating_sub(4)) << 32,
    }
}

/// How many leading bytes of `bytes` need no escape (for strings shorter than eight bytes,
/// tested as a whole: none or all).
#[inline]
pub(super) fn clean_len(bytes: &[u8]) -> usize {
    match bytes.len() {
        0..8 if word_is_special(short_word(bytes)) => 0,
        len @ 0..8 => len,
        _ => long_clean_len(bytes),
    }
}

/// `clean_len` of eight bytes or more, found sixteen then eight at a time: whole words, then
/// (when they all are clean) the last eight bytes, overlapping, for the rest. The words are
/// taken as arrays (`as_chunks`), so that no step has a bounds check.
fn long_clean_len(bytes: &[u8]) -> usize {
    let (words, rest) = bytes.as_chunks::<8>();
    let (pairs, odd) = words.as_chunks::<2>();
    let mut clean = 0;
    for [first, second] in pairs {
        let first = special_bits(u64::from_le_bytes(*first));
        if first | special_bits(u64::from_le_bytes(*second)) != 0 {
            return if first == 0 { clean + 8 } else { clean };
        }
        clean += 16;
    }
    if let [word] = odd {
        if word_is_special(u64::from_le_bytes(*word)) {
            return clean;
        }
        clean += 8;
    }
    match bytes.last_chunk::<8>() {
        Some(last) if !rest.is_empty() && word_is_special(u64::from_le_bytes(*last)) => clean,
        _ => bytes.len(),
    }
}

/// `"`, `bytes` and `"` when `bytes` is `HALF` to `2 * HALF` bytes long with none to escape,
/// padded to `TEXT` (`2 * HALF + 2`) bytes: its first and last `HALF` bytes, overlapping, are
/// both the test and the copy, and writing the text is then one inlined copy of a fixed
/// size rather than a scan and a `memcpy` call. Five sixths of the IR's strings are 8 to 64
/// bytes long (65 to 128 still gain a little).
fn quoted<const HALF: usize, const TEXT: usize>(bytes: &[u8]) -> Option<[u8; TEXT]> {
    let len = bytes.len();
    if !(HALF..=2 * HALF).contains(&len) {
        return None;
    }
    let head = bytes.first_chunk::<HALF>()?;
    let tail = bytes.last_chunk::<HALF>()?;
    if words_are_special(head) || words_are_special(tail) {
        return None;
    }
    // Quotes everywhere; the bytes over them leave the closing one at `len + 1`.
    let mut text = [b'"'; TEXT];
    text.get_mut(1..=HALF)?.copy_from_slice(head);
    text.get_mut(len + 1 - HALF..=len)?.copy_from_slice(tail);
    Some(text)
}

/// Whether any whole word of `bytes` has a special byte (all of them when its length is a
/// multiple of eight).
fn words_are_special(bytes: &[u8]) -> bool {
    let (words, _) = bytes.as_chunks::<8>();
    let bits = words.iter().fold(0, |bits, word| {
        bits | special_bits(u64::from_le_bytes(*word))
    });
    bits != 0
}

/// Appends the first `len` bytes of `text`, copying it whole (a fixed size: inlined).
fn write_fixed<const TEXT: usize>(out: &mut Vec<u8>, text: &[u8; TEXT], len: usize) {
    let end = out.len() + len;
    out.extend_from_slice(text);
    out.truncate(end);
}

/// Appends serde_json's escape of the special byte `b`.
fn write_escape(out: &mut Vec<u8>, b: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let letter = match b {
        b'"' | b'\\' => b,
        0x08 => b'b',
        0x0c => b'f',
        b'\n' => b'n',
        b'\r' => b'r',
        b'\t' => b't',
        _ => 0,
    };
    let hex = |nibble: u8| HEX.get(usize::from(nibble & 0xf)).copied().unwrap_or(b'0');
    match letter {
        0 => out.extend_from_slice(&[b'\\', b'u', b'0', b'0', hex(b >> 4), hex(b)]),
        _ => out.extend_from_slice(&[b'\\', letter]),
    }
}

/// Appends `s` as a JSON string.
#[inline]
pub(super) fn write_str(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    if let Some(text) = quoted::<8, 18>(bytes) {
        return write_fixed(out, &text, bytes.len() + 2);
    }
    if let Some(text) = quoted::<16, 34>(bytes) {
        return write_fixed(out, &text, bytes.len() + 2);
    }
    if let Some(text) = quoted::<32, 66>(bytes) {
        return write_fixed(out, &text, bytes.len() + 2);
    }
    if let Some(text) = quoted::<64, 130>(bytes) {
        return write_fixed(out, &text, bytes.len() + 2);
    }
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let clean = clean_len(bytes);
    match bytes.get(clean..) {
        Some([]) | None => out.extend_from_slice(bytes),
        Some(_) => write_escaped(out, bytes, clean),
    }
    out.push(b'"');
}

/// Appends `key`, a field name, and the `": ` after it.
pub(super) fn write_key(out: &mut Vec<u8>, key: &str) {
    write_str(out, key);
    out.extend_from_slice(b": ");
}

/// The rest of `write_str` for strings with something to escape (the first `clean` bytes
/// need none).
#[cold]
#[inline(never)]
fn write_escaped(out: &mut Vec<u8>, bytes: &[u8], clean: usize) {
    let mut copied = 0; // bytes before this are in `out`
    let mut at = clean; // bytes before this are scanned
    while at < bytes.len() {
        let end = bytes.len().min(at + 8);
        for (i, &b) in bytes.iter().enumerate().take(end).skip(at) {
            if is_special(b) {
                out.extend_from_slice(bytes.get(copied..i).unwrap_or_default());
                write_escape(out, b);
                copied = i + 1;
            }
        }
        at = end;
        at += clean_len(bytes.get(at..).unwrap_or_default());
    }
    out.extend_from_slice(bytes.get(copied..).unwrap_or_default());
}
