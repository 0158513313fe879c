//! The resolved intermediate representation: what the docs say, independent of Rust.
//!
//! `codegen ir --format json|yaml` prints an [`Api`]; other tools read it, so the field
//! names here are a public contract (see `design.md`). Every list is sorted by name so
//! that the output is deterministic.

use serde::{Deserialize, Serialize};

use crate::diag::Location;

/// Everything the generator learned from one docs tree.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Api {
    /// Entity and complex types, sorted by qualified name.
    pub types: Vec<TypeDef>,
    /// Enumerations, sorted by qualified name.
    pub enums: Vec<EnumDef>,
    /// Operations (one per API page), sorted by name.
    pub operations: Vec<Operation>,
}

/// Whether a type has identity (`entity`) or is a value (`complex`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TypeKind {
    /// An entity type: has a key (`id`) or derives from `microsoft.graph.entity`.
    Entity,
    /// A complex (value) type.
    Complex,
}

/// A documented entity or complex type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TypeDef {
    /// Qualified OData name, e.g. `microsoft.graph.itemPublication`.
    pub name: String,
    /// Entity or complex.
    pub kind: TypeKind,
    /// Qualified name of the base type, if the docs name one.
    pub base: Option<String>,
    /// The page's description of the type.
    pub description: String,
    /// Where the type is defined (its page's title line).
    pub source: Location,
    /// Structural properties the type itself declares (inherited ones live on the base).
    pub properties: Vec<Property>,
    /// Navigation properties (the Relationships table).
    pub navigation: Vec<Property>,
}

/// One row of a property table, resolved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Property {
    /// The JSON member name, e.g. `publishedDate`.
    pub name: String,
    /// An OData primitive (`Edm.Date`) or the qualified name of a type or enum.
    #[serde(rename = "type")]
    pub type_name: String,
    /// `X collection` / `Collection(X)`.
    pub collection: bool,
    /// Graph properties may be null unless the docs say otherwise.
    pub nullable: bool,
    /// The Description cell, as plain text.
    pub description: String,
    /// The table row this came from.
    pub source: Location,
}

/// An enumeration, from an enum table or a "Possible values are" list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnumDef {
    /// Qualified OData name, e.g. `microsoft.graph.allowedAudiences`.
    pub name: String,
    /// What the docs say about the enum, if anything.
    pub description: String,
    /// Members in documented order.
    pub members: Vec<EnumMember>,
    /// Where it is defined.
    pub source: Location,
}

/// One enum member.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnumMember {
    /// The wire name, e.g. `groupMembers`.
    pub name: String,
    /// The numeric value when the docs give one, else its position.
    pub value: i64,
    /// Member description, if any.
    pub description: String,
}

/// One documented API operation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Operation {
    /// camelCase name from the page title, e.g. `createItemPublication`.
    pub name: String,
    /// The page title, e.g. `Create itemPublication`.
    pub title: String,
    /// The page's description.
    pub description: String,
    /// HTTP method, upper case.
    pub method: String,
    /// Path templates relative to the service root, in documented order.
    pub paths: Vec<String>,
    /// The request body, when the operation takes one.
    pub request_body: Option<RequestBody>,
    /// The documented success response.
    pub response: Option<Response>,
    /// Permission type → permissions, as the page lists them.
    pub permissions: std::collections::BTreeMap<String, Vec<String>>,
    /// Annotated examples in page order.
    pub examples: Vec<Example>,
    /// The page (title line).
    pub source: Location,
}

/// What an operation accepts as its body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RequestBody {
    /// The type the body is a representation of, when the page names one.
    #[serde(rename = "type")]
    pub type_name: Option<String>,
    /// Whether the body is a collection of that type.
    pub collection: bool,
    /// The Request body table, when there is one.
    pub properties: Vec<Property>,
}

/// The documented success response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Response {
    /// Status code, e.g. 201.
    pub status: u16,
    /// The returned type, if any (none for `204 No Content`).
    #[serde(rename = "type")]
    pub type_name: Option<String>,
    /// Whether a collection is returned.
    pub collection: bool,
}

/// Request or response example.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExampleKind {
    /// `"blockType": "request"`.
    Request,
    /// `"blockType": "response"`.
    Response,
}

/// One annotated HTTP example block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Example {
    /// Request or response.
    pub kind: ExampleKind,
    /// The annotation's `name`, if any.
    pub name: Option<String>,
    /// Request method (requests only).
    pub method: Option<String>,
    /// Request URL as written (requests only).
    pub url: Option<String>,
    /// Response status (responses only).
    pub status: Option<u16>,
    /// Headers in order.
    pub headers: Vec<Header>,
    /// The JSON body, when there is one and it parses.
    pub body: Option<serde_json::Value>,
    /// The type the body should deserialize into, when known.
    pub body_type: Option<String>,
    /// Whether `body_type` is a collection (`{"value": [...]}` for responses).
    pub body_collection: bool,
    /// The annotation says the example is shortened.
    pub truncated: bool,
    /// The fenced block (its first content line).
    pub source: Location,
    /// First line of the JSON body, when there is one.
    pub body_source: Option<Location>,
}

/// One HTTP header line of an example.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    /// Header name as written.
    pub name: String,
    /// Header value as written.
    pub value: String,
}

impl Api {
    /// Looks a type up by qualified name.
    pub fn type_def(&self, name: &str) -> Option<&TypeDef> {
        self.types
            .binary_search_by(|t| t.name.as_str().cmp(name))
            .ok()
            .map(|i| &self.types[i])
    }

    /// Looks an enum up by qualified name.
    pub fn enum_def(&self, name: &str) -> Option<&EnumDef> {
        self.enums
            .binary_search_by(|e| e.name.as_str().cmp(name))
            .ok()
            .map(|i| &self.enums[i])
    }

    /// The type's own properties followed by those of its bases, base-most first.
    ///
    /// Stops on a cycle or an unknown base (both reported by `resolve`).
    pub fn all_properties(&self, name: &str) -> Vec<&Property> {
        let mut chain = Vec::new();
        let mut next = Some(name);
        while let Some(n) = next {
            let Some(t) = self.type_def(n) else { break };
            if chain.iter().any(|c: &&TypeDef| c.name == t.name) {
                break;
            }
            chain.push(t);
            next = t.base.as_deref();
        }
        chain
            .iter()
            .rev()
            .flat_map(|t| t.properties.iter().chain(&t.navigation))
            .collect()
    }
}

/// Whether a type name is an OData primitive (`Edm.*`).
pub fn is_primitive(type_name: &str) -> bool {
    type_name.starts_with("Edm.")
}
