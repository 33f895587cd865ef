//! The `handwritten` crate: the same endpoints against the runtime's public API.

use std::fmt::Write as _;

use crate::table::{type_imports, Endpoint, Field, Role};

fn handwritten(e: &Endpoint) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "/// {}\n///\n/// {}", e.doc, e.doc_line());
    if e.fields.is_empty() {
        let _ = writeln!(out, "pub struct {};", e.name);
    } else {
        let _ = writeln!(out, "pub struct {} {{", e.name);
        for f in &e.fields {
            let _ = writeln!(out, "    pub {}: {},", f.name, f.ty);
        }
        out.push_str("}\n");
    }
    let response = e.response_type();
    let method = match e.method {
        "GET" => "Get",
        "POST" => "Post",
        "PUT" => "Put",
        "PATCH" => "Patch",
        _ => "Delete",
    };
    let segments: Vec<String> = e
        .segments()
        .iter()
        .map(|(field, text)| {
            if *field {
                format!("Segment::Field({text:?})")
            } else {
                format!("Segment::Literal({text:?})")
            }
        })
        .collect();
    let scopes: Vec<String> = e.scopes.iter().map(|s| format!("{s:?}")).collect();
    let version = e.version_variant().map_or(String::new(), |v| {
        format!("\n        .version(ApiVersion::{v})")
    });
    let external = e
        .external
        .as_ref()
        .map_or(String::new(), |x| format!("\n        .external({x:?})"));
    let root = e
        .root
        .map_or(String::new(), |r| format!("\n        .root({r:?})"));
    let batch = match e.batch_field().map(|f| &f.role) {
        Some(Role::Records) => "\n        .batch(BatchAxis::Records)",
        Some(_) => "\n        .batch(BatchAxis::Targets)",
        None => "",
    };
    let _ = writeln!(out, "\nimpl Endpoint for {} {{", e.name);
    let _ = writeln!(out, "    type Response = {response};");
    let _ = writeln!(
        out,
        "    const META: &'static EndpointMeta = &EndpointMeta::new(Method::{method}, {:?})\n        .segments(&[{}])\n        .scopes(&[{}]){version}{root}{external}\n        .idempotent({}){batch};",
        e.path,
        segments.join(", "),
        scopes.join(", "),
        e.is_idempotent(),
    );
    out.push('\n');
    out.push_str(&write_request(e));
    if let Some(f) = e.batch_field() {
        let len = match f.inner() {
            Some(_) => format!("self.{}.as_ref().map(Vec::len)", f.name),
            None => format!("Some(self.{}.len())", f.name),
        };
        let _ = writeln!(
            out,
            "\n    fn batch_len(&self) -> Option<usize> {{\n        {len}\n    }}"
        );
    }
    let decode = if response == "Outcomes" {
        "fn decode(raw: &RawResponse, expected: Option<usize>) -> Result<Outcomes, Error> {\n        decode_outcomes(raw, expected)\n    }".to_owned()
    } else {
        format!("fn decode(raw: &RawResponse, _expected: Option<usize>) -> Result<{response}, Error> {{\n        decode_json(raw)\n    }}")
    };
    let _ = writeln!(out, "\n    {decode}\n}}");
    let _ = writeln!(
        out,
        "\nimpl {} {{
    /// Sends this call and decodes Zoho's answer.
    pub async fn send(&self, client: &Client) -> Result<{response}, Error> {{
        client.send(self).await
    }}

    /// Renders the request without sending it: method, full URL, headers and JSON body.
    pub async fn prepare(&self, client: &Client) -> Result<PreparedRequest, Error> {{
        client.prepare(self).await
    }}
}}",
        e.name
    );
    out
}

/// `write_request`: path values in the order of their placeholders, then query parameters and
/// headers in field order, then the body.
fn write_request(e: &Endpoint) -> String {
    let batch = if e.batch_field().is_some() {
        "batch"
    } else {
        "_batch"
    };
    let mut out = format!(
        "    fn write_request(&self, parts: &mut RequestParts, {batch}: Option<Range<usize>>) -> Result<(), Error> {{\n"
    );
    for (is_field, name) in e.segments() {
        if is_field {
            let _ = writeln!(out, "        parts.path_value({name:?}, &self.{name})?;");
        }
    }
    for f in &e.fields {
        match f.role {
            Role::Query(_) => {
                let _ = writeln!(out, "        parts.query({:?}, &self.{});", f.key(), f.name);
            }
            Role::Header(_) => {
                let _ = writeln!(
                    out,
                    "        parts.header({:?}, &self.{})?;",
                    f.key(),
                    f.name
                );
            }
            _ => {}
        }
    }
    let body: Vec<&Field> = e
        .fields
        .iter()
        .filter(|f| {
            matches!(
                f.role,
                Role::Record(_) | Role::Records | Role::Envelope | Role::Targets
            )
        })
        .collect();
    if !body.is_empty() {
        out.push_str("        let mut body = parts.body();\n");
        if body.iter().any(|f| matches!(f.role, Role::Record(_))) {
            out.push_str("        body.single_record();\n");
        }
        for f in body {
            let (key, name) = (f.key(), f.name);
            let call = |value: &str| match f.role {
                Role::Record(_) => format!("body.record_field({key:?}, {value})?;"),
                Role::Envelope => format!("body.envelope({key:?}, {value})?;"),
                Role::Records => format!("body.records({value}, batch)?;"),
                _ => format!("body.targets({key:?}, {value}, batch)?;"),
            };
            match f.inner() {
                Some(_) => {
                    let _ = writeln!(
                        out,
                        "        if let Some(value) = &self.{name} {{\n            {}\n        }}",
                        call("value")
                    );
                }
                None => {
                    let _ = writeln!(out, "        {}", call(&format!("&self.{name}")));
                }
            }
        }
        out.push_str("        body.finish();\n");
    }
    out.push_str("        Ok(())\n    }\n");
    out
}

pub(crate) fn handwritten_file(endpoints: &[&Endpoint]) -> String {
    let text: String = endpoints
        .iter()
        .map(|e| handwritten(e))
        .collect::<Vec<_>>()
        .join("\n");
    let mut runtime = vec![
        "Client",
        "Endpoint",
        "endpoint::EndpointMeta",
        "Error",
        "endpoint::Method",
        "PreparedRequest",
        "endpoint::RawResponse",
        "endpoint::RequestParts",
        "endpoint::Segment",
    ];
    for name in [
        "ApiVersion",
        "endpoint::BatchAxis",
        "endpoint::decode_json",
        "endpoint::decode_outcomes",
    ] {
        if text.contains(name.trim_start_matches("endpoint::")) {
            runtime.push(name);
        }
    }
    format!(
        "use std::ops::Range;\n\n{}\n{text}",
        type_imports(&text, &runtime)
    )
}
