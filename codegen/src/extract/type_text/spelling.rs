//! The spelling tables of the Type column: primitive names and the vague words that
//! stand for one, matched on ASCII-lower-cased bytes (no UTF-8 check of the lower-cased
//! copy, a call for every Type cell).

use super::UNTYPED;

pub(super) use crate::ascii::lower_bytes_in as lower_in;

/// The primitive `name` spells (any case, with or without `Edm.`).
pub(super) fn primitive_spelled(name: &str) -> Option<&'static str> {
    // The longest spelling of a primitive is `edm.microsoft.graph.json`; a longer name
    // is none.
    let mut buf = [0u8; 24];
    primitive_lower(lower_in(name, &mut buf)?)
}

/// [`primitive_spelled`] of a name already lower-cased.
pub(super) fn primitive_lower(lower: &[u8]) -> Option<&'static str> {
    let bare = lower.strip_prefix(b"edm.").unwrap_or(lower);
    let bare: &[u8] = if bare == b"microsoft.graph.json" {
        b"json"
    } else {
        bare
    };
    primitive(bare)
}

/// The `Edm.X` name of a bare lower-case primitive spelling.
fn primitive(lower: &[u8]) -> Option<&'static str> {
    Some(match lower {
        b"string" => "Edm.String",
        b"boolean" | b"bool" => "Edm.Boolean",
        b"int32" | b"int" | b"integer" => "Edm.Int32",
        b"int64" | b"long" => "Edm.Int64",
        b"int16" => "Edm.Int16",
        b"byte" => "Edm.Byte",
        b"sbyte" => "Edm.SByte",
        b"double" => "Edm.Double",
        b"single" | b"float" => "Edm.Single",
        b"decimal" => "Edm.Decimal",
        b"date" => "Edm.Date",
        b"datetimeoffset" | b"datetime" => "Edm.DateTimeOffset",
        b"timeofday" => "Edm.TimeOfDay",
        b"duration" | b"timespan" => "Edm.Duration",
        b"guid" | b"uuid" => "Edm.Guid",
        b"binary" => "Edm.Binary",
        b"stream" => "Edm.Stream",
        b"json" | b"object" | b"untyped" => UNTYPED,
        _ => return None,
    })
}

/// Words (lower-case) that describe a primitive without being an OData name.
pub(super) fn vague_lower(lower: &[u8]) -> Option<&'static str> {
    Some(match lower {
        b"number" | b"numeric" => "Edm.Double",
        b"timestamp" => "Edm.DateTimeOffset",
        b"url" | b"uri" => "Edm.String",
        _ => return None,
    })
}
