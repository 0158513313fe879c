//! The rule registry: every code `lint` can report, with its lint severity and an
//! explanation for `codegen lint --explain CODE`.
//!
//! Most codes are recorded by the pipeline while it reads the docs (with the severity that
//! `generate` needs: an error only when something had to be skipped); `lint` reports them
//! with the severity a docs team needs instead. The rest come from [`super`]'s own rules.

use std::fmt;

use crate::diag::Severity;

/// What part of the docs a rule looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Family {
    /// Example bodies against the documented types.
    Examples,
    /// HTTP request lines, example requests and responses.
    Http,
    /// Type, property and enum definitions across pages.
    Types,
    /// Page structure: front matter, tables, annotations, links, unfinished text.
    Pages,
}

impl fmt::Display for Family {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Family::Examples => "examples",
            Family::Http => "http",
            Family::Types => "types",
            Family::Pages => "pages",
        })
    }
}

/// One rule: a stable code, its severity under `lint`, and what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// Stable code, e.g. `placeholder-value`.
    pub code: &'static str,
    /// Severity under `lint` (`generate` may record the same code with another one).
    pub severity: Severity,
    /// The part of the docs it looks at.
    pub family: Family,
    /// One line: what the rule finds.
    pub summary: &'static str,
    /// A paragraph: why it matters and how to fix it.
    pub explanation: &'static str,
}

const fn rule(
    code: &'static str,
    severity: Severity,
    family: Family,
    summary: &'static str,
    explanation: &'static str,
) -> Rule {
    Rule {
        code,
        severity,
        family,
        summary,
        explanation,
    }
}

use Family::{Examples, Http, Pages, Types};
use Severity::{Error, Note, Warning};

/// Every rule, sorted by code.
pub const RULES: &[Rule] = &[
    rule(
        "allow-unknown-code",
        Warning,
        Pages,
        "A `codegen-lint: allow` comment names a code that is not a rule.",
        "`<!-- codegen-lint: allow CODE -->` silences CODE for the page it is in. A code that no rule has silences nothing, usually because of a typo. Fix the code (see `codegen lint --list-rules`) or remove the comment.",
    ),
    rule(
        "annotation-invalid",
        Warning,
        Pages,
        "An annotation comment (`<!-- { ... } -->`) is not JSON, even after repair; it is ignored.",
        "The block that follows loses its annotation: an example is not recognised as a request or response, a resource block loses its type name. Write the annotation as a JSON object.",
    ),
    rule(
        "annotation-repaired",
        Warning,
        Pages,
        "An annotation comment is not valid JSON; it was read after repair.",
        "Tools that read annotations strictly will skip it. The message names the repairs (trailing commas, comments, ...); apply them to the page.",
    ),
    rule(
        "enum-defined-twice",
        Warning,
        Types,
        "Two enum tables define the same enum with different members.",
        "Readers of one table miss the members of the other; the generator merges them. Keep one table, or make both list the same members.",
    ),
    rule(
        "enum-inferred",
        Note,
        Types,
        "A String property lists its possible values; it is generated as an enum.",
        "Informational: the docs describe an enum as `String` plus a list. Documenting the enum type itself makes the list reusable and checkable.",
    ),
    rule(
        "enum-member-invalid",
        Warning,
        Types,
        "An enum table row has no usable member name; the row is skipped.",
        "Member names are single words (`groupMembers`). Fix the Member cell of the row.",
    ),
    rule(
        "enum-value-undocumented",
        Warning,
        Examples,
        "An example or a table uses an enum value that the enum's table does not list.",
        "Either the example uses a value that does not exist, or the enum table is missing a member. Graph enums are open (`unknownFutureValue`), so the generated code still reads the value, but readers of the table cannot know it.",
    ),
    rule(
        "example-json-invalid",
        Error,
        Examples,
        "An example body is not valid JSON and could not be repaired; it is skipped.",
        "Readers who copy the example get a body the service rejects, and the example cannot be checked against its type. The diagnostic points at the first place the JSON parser stopped.",
    ),
    rule(
        "example-json-repaired",
        Error,
        Examples,
        "An example body is not valid JSON; it parses after the repairs named in the help.",
        "Comments, `...` elisions and trailing commas are not JSON: a reader who copies the body gets a request the service rejects. The help names the repairs that make the body parse; apply them, and mark a shortened response `\"truncated\": true` instead of eliding members.",
    ),
    rule(
        "example-odata-type-unknown",
        Warning,
        Examples,
        "An `@odata.type` in an example names a type that no page defines.",
        "Clients use `@odata.type` to pick the type to deserialize into; a name that does not exist (a typo, a plural, a wrong case) cannot be resolved. Write the qualified name of a documented type, e.g. `#microsoft.graph.personDataSource`.",
    ),
    rule(
        "example-property-missing",
        Warning,
        Examples,
        "A response example that is not marked truncated omits documented properties.",
        "A response shows every property the type documents unless the example says it is shortened. Add the missing members (null is fine), or add `\"truncated\": true` to the example's annotation. Examples whose request uses `$select` are not checked.",
    ),
    rule(
        "example-property-undocumented",
        Warning,
        Examples,
        "An example member is not a documented property of its type.",
        "Either the example has a typo, or the type's Properties table misses a row. The generated model keeps unknown members in `additional`, so nothing is lost, but the property has no type.",
    ),
    rule(
        "example-value-wrong-type",
        Error,
        Examples,
        "An example value does not fit its documented property's type (a string for a Boolean, a date that isn't ISO 8601, ...).",
        "The body cannot be read into the generated model, and readers copy a value the service rejects. Write a value of the documented type (dates as `2020-07-06`, date-times as RFC 3339 with an offset, GUIDs as 8-4-4-4-12 hex), or null.",
    ),
    rule(
        "fence-unclosed",
        Error,
        Pages,
        "A code block is not closed; it is read as ending before the heading or fence that shows it should have.",
        "A fenced block runs until a line of three backticks, and a fence with an info string (three backticks and `http`) cannot close it. Without the closing line, the headings and examples after it (`### Response` and its block) render as code and the fences that follow pair up wrongly, so the rest of the page is garbled for readers. Add the closing line of three backticks at the end of the block.",
    ),
    rule(
        "front-matter-invalid",
        Warning,
        Pages,
        "The YAML front matter does not parse.",
        "The page's title and metadata are lost to every tool that reads them. Fix the YAML (quote values that contain `: ` or start with `*`).",
    ),
    rule(
        "front-matter-unclosed",
        Warning,
        Pages,
        "The page starts with `---` but the front matter has no closing `---` line.",
        "The whole page may be read as front matter by other tools. Add the closing `---` line.",
    ),
    rule(
        "inherited-property-undeclared",
        Warning,
        Types,
        "A row says `Inherited from X`, but X's page does not document the property.",
        "The base type's page is incomplete (or the row names the wrong base). Add the row to the base type's Properties table.",
    ),
    rule(
        "io-error",
        Error,
        Pages,
        "A page or folder could not be read.",
        "The file is unreadable (permissions, a dangling link); nothing in it was checked.",
    ),
    rule(
        "link-case-mismatch",
        Warning,
        Pages,
        "A link names a page with the wrong letter case.",
        "Links are case-sensitive on GitHub and on case-sensitive file systems, so the link is broken there even though the page exists. Write the file name as it is on disk.",
    ),
    rule(
        "namespace-spelling",
        Warning,
        Types,
        "A page spells its namespace in another letter case than most pages (`microsoft.graph.termstore` for `microsoft.graph.termStore`).",
        "OData names are case-sensitive, so to clients the two spellings are two namespaces and a qualified name in the other spelling names no type. The generator reads the page's namespace as most pages spell it. Write the `Namespace:` line (and the qualified names on the page) in that spelling.",
    ),
    rule(
        "non-standard-namespace",
        Warning,
        Types,
        "A type is named in the internal namespace `Microsoft.Fast.PI.ViewGenerator.V2.Profile.Models`.",
        "That namespace is an internal name that leaked into the docs; the service uses `microsoft.graph`. Write `microsoft.graph.X` (in tables, annotations and `@odata.type` values).",
    ),
    rule(
        "not-utf8",
        Warning,
        Pages,
        "A page is not valid UTF-8; invalid bytes were replaced.",
        "Save the page as UTF-8.",
    ),
    rule(
        "operation-name-clash",
        Note,
        Types,
        "Several API pages have the same title; the operation is named after its file.",
        "Informational: give each page a distinct title to get a stable operation name.",
    ),
    rule(
        "page-shadowed",
        Note,
        Pages,
        "A page with the same path in an earlier docs folder hides this one.",
        "Informational: with several docs folders (the build API's `.docs(...)` repeated), the earlier folder wins for a page path. Remove the older copy if it is not meant to be overridden.",
    ),
    rule(
        "page-yields-nothing",
        Warning,
        Pages,
        "A page has no HTTP request block, no property table and no enum table.",
        "Nothing can be generated or checked from it. Either the page is not an API or resource page (then it does not belong in the docs folder given to the generator) or its tables are malformed.",
    ),
    rule(
        "placeholder-string",
        Warning,
        Examples,
        "An example string is a type placeholder (`\"String\"`) instead of a realistic value.",
        "The value still reads (it is a string), but it shows readers nothing about the property. Write a realistic value; for an enum, one of its members.",
    ),
    rule(
        "placeholder-value",
        Error,
        Examples,
        "An example value is a type placeholder (`\"Date\"`, `\"Boolean\"`, `\"String (timestamp)\"`) that the model cannot read.",
        "The body cannot be read into the generated model and a reader who copies it gets a request the service rejects. Write a realistic value of the documented type, or null.",
    ),
    rule(
        "property-disagrees",
        Error,
        Types,
        "Two places document the same property with different types.",
        "A type defined on two pages, or a request table and the type's page, disagree on a property's type or collection-ness. At most one of them is right; the first declaration is kept. Make them agree.",
    ),
    rule(
        "property-only-in-request-table",
        Warning,
        Types,
        "A request body table documents a property that the type's own page does not.",
        "The type's page is incomplete. Add the row to the type's Properties table.",
    ),
    rule(
        "request-block-empty",
        Warning,
        Http,
        "The HTTP request section has no request line; no operation is generated.",
        "Write the documented request lines (`POST /me/profile/publications`) in the HTTP request block.",
    ),
    rule(
        "request-body-inferred",
        Note,
        Types,
        "An update page's body names no type; it is read as a partial of the type the response returns.",
        "Informational: say \"supply a JSON representation of the [x](../resources/x.md) object\" (or link the type in the Request body sentence) so that the body type is stated, not inferred.",
    ),
    rule(
        "request-example-mismatch",
        Error,
        Http,
        "A request example's method or path matches none of the page's documented HTTP request lines.",
        "Either the example calls another API, or the HTTP request block is incomplete. Make the example use one of the documented request lines (parameters such as `{id}` match any value).",
    ),
    rule(
        "request-line-invalid",
        Warning,
        Http,
        "A line in the HTTP request block is not `METHOD /path`.",
        "Request blocks hold only request lines; move prose and headers out of the block.",
    ),
    rule(
        "request-line-query",
        Note,
        Http,
        "A documented request line has a query string; it is left out of the operation's path.",
        "Informational: the generated endpoint's path is the part before `?`, so query parameters such as `?startDateTime={start_datetime}` are not part of it. Nothing needs fixing when the function cannot be called without them; otherwise document them in the Optional query parameters section instead of the request line.",
    ),
    rule(
        "request-line-repaired",
        Warning,
        Http,
        "A documented request line has no space between the method and the path (`DELETE/me/x`); it was read after repair.",
        "Readers who copy the line get no valid request, and tools that read request lines strictly skip it. Put a space between the method and the path: `DELETE /identity/b2xUserFlows/{id}`.",
    ),
    rule(
        "request-lines-mixed-methods",
        Warning,
        Http,
        "The HTTP request block mixes methods; lines with another method than the first are ignored.",
        "One page documents one operation. Move the other method's lines to its own page.",
    ),
    rule(
        "request-path-brace-unbalanced",
        Warning,
        Http,
        "A documented path has a `{` without its `}` (or the reverse), so it names no parameter.",
        "The generator reads unbalanced braces as literal text, so the endpoint's path contains `%7Bid` instead of a parameter, and readers cannot tell what to substitute. Close the parameter: `/things/{id}`.",
    ),
    rule(
        "request-section-missing",
        Warning,
        Http,
        "An API page has no `HTTP request` heading; its request lines are read from the blocks before its examples.",
        "Readers look for the request syntax under `## HTTP request`, and tools that find a page's operation by its headings find none. Put the `## HTTP request` heading above the block of request lines (after `## Permissions`, where the other API pages have it).",
    ),
    rule(
        "request-without-response",
        Warning,
        Http,
        "A request example is not followed by a response example.",
        "Readers cannot see what the call returns. Add the response example after the request (or before the next request).",
    ),
    rule(
        "response-status-from-example",
        Warning,
        Http,
        "The Response section states no status code; the status is taken from a response example.",
        "Readers have to find the status in an example, which may show another case than success. Write a sentence such as \"If successful, this method returns a `200 OK` response code and a [x](../resources/x.md) object in the response body.\" When no example shows a status either, `response-undocumented` reports the page instead.",
    ),
    rule(
        "response-status-mismatch",
        Error,
        Http,
        "A response example's status differs from the status the Response section documents.",
        "One of the two is wrong. Make the example's status line and the Response sentence agree.",
    ),
    rule(
        "response-undocumented",
        Warning,
        Http,
        "Neither the Response section nor a response example gives a status code.",
        "Readers cannot tell which status means success, and the generated endpoint assumes `200 OK` with no typed body. Write a sentence such as \"If successful, this method returns a `201 Created` response code and an [x](../resources/x.md) object in the response body.\"",
    ),
    rule(
        "response-without-request",
        Warning,
        Http,
        "A response example has no request example before it.",
        "Readers cannot see which call the response answers. Add the request example before it.",
    ),
    rule(
        "table-row-continued",
        Warning,
        Pages,
        "A line break inside a table cell; the next line is read as the rest of the cell.",
        "A table row ends at the end of its line, so the text after the break is published as a row of its own, with that text in the first column. Join the lines of the cell, or write `<br>` where a line break is meant.",
    ),
    rule(
        "table-row-extra-cells",
        Error,
        Pages,
        "A table row has more cells than its header (an unescaped `|` in a cell); the extra text is added to the last cell.",
        "Markdown tables drop the cells past the header's, so readers of the published page do not see the text after the `|`: `Payload file name (*.mobileconfig | *.xml).` shows as `Payload file name (*.mobileconfig`. Escape a `|` inside a cell as `\\|`, or reword the text.",
    ),
    rule(
        "table-row-label",
        Note,
        Types,
        "A property table row has only its first cell (`|**Device configuration**|`); it is read as a group label, not a property.",
        "Informational: the row is skipped and the rows after it are read as usual. If the row was meant as a property, fill in its Type and Description cells; to group properties, a sub-heading with a table of its own reads better than a short row.",
    ),
    rule(
        "table-row-no-name",
        Warning,
        Types,
        "A property table row has no property name; the row is skipped.",
        "Fill in the Property cell.",
    ),
    rule(
        "table-row-no-type",
        Warning,
        Types,
        "A property table row has an empty or missing Type cell; the row is skipped.",
        "Fill in the Type cell (`String`, `DateTimeOffset`, `[x](x.md) collection`, ...).",
    ),
    rule(
        "todo-marker",
        Warning,
        Pages,
        "The page still contains `TODO` text.",
        "Placeholders such as `**TODO: Provide applicable permissions.**` or `**TODO: Add Description**` are published as they are. Write the missing text.",
    ),
    rule(
        "type-defined-twice",
        Note,
        Types,
        "The same type is defined on two pages; the definitions are merged.",
        "Informational. When the two definitions disagree on a property, `property-disagrees` reports it.",
    ),
    rule(
        "type-text-prose",
        Warning,
        Types,
        "A Type cell is prose, not a type name; the property is generated as any JSON value.",
        "Readers cannot tell the property's type, and the generated field accepts any JSON. Put the type name (`DateTimeOffset`, `[identitySet](identityset.md)`, `String collection`) in the Type column and move the prose to the Description.",
    ),
    rule(
        "type-text-qualified",
        Note,
        Types,
        "A Type cell adds a qualifier to the type (`String (identifier)`, `string, maximum size 20`); the qualifier is left out of the type.",
        "Informational: the property gets the type without the qualifier, and the qualifier is not kept. Keep the Type column to the type name and state constraints such as a maximum length in the Description.",
    ),
    rule(
        "type-text-union",
        Warning,
        Types,
        "A Type cell names several types (`String or Int32`, `[a](a.md) or [b](b.md)`); the property is generated as any JSON value.",
        "A property has one type in the service's schema; with several named, readers cannot tell which it is and the generated field loses its type. Document the one type, or the base type the alternatives share, and say in the Description which derived types occur.",
    ),
    rule(
        "type-text-vague",
        Note,
        Types,
        "A Type cell uses a word that is no OData type (`number`, `Timestamp`, `Url`); it is read as the closest primitive.",
        "Informational: `number` is read as `Double`, `Timestamp` as `DateTimeOffset`, `Url` as `String`. The guess can be wrong (a `number` may be an `Int32`); write the OData type name.",
    ),
    rule(
        "unresolved-type",
        Error,
        Types,
        "A type named in a table, a sentence or an annotation is not defined by any page.",
        "The name has a typo, or the type's resource page is missing from the docs. Values of the type are generated as untyped JSON.",
    ),
];

/// The rule with this code.
pub fn find(code: &str) -> Option<&'static Rule> {
    RULES
        .binary_search_by(|r| r.code.cmp(code))
        .ok()
        .and_then(|i| RULES.get(i))
}
