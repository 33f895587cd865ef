//! The attribute's own grammar:
//! `METHOD "PATH", scope = SCOPE, [version = "vN",] [external = "…",] [response = Type,]
//! [root = "/crm/bulk",] [idempotent,] [custom_module,] [download,] [domain = "content",]
//! [max_upload = BYTES]`.
//!
//! Every key is parsed on its own; a malformed one is reported and skipped, so the other keys
//! are still read and checked in the same build.

use proc_macro2::{Span, TokenStream, TokenTree};
use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};
use syn::{bracketed, Ident, LitBool, LitStr, Token, Type};

use zoho_spec::Method;

use crate::ctxt::{Ctxt, Keys};
use crate::suggest::{did_you_mean, listed, listed_or};

/// The keys after the path.
pub const KEYS: [&str; 11] = [
    "scope",
    "version",
    "external",
    "response",
    "root",
    "idempotent",
    "unique",
    "custom_module",
    "download",
    "domain",
    "max_upload",
];

/// The `scope = …` key: one string or an array of them.
pub struct ScopeArg {
    /// Each scope as written.
    pub scopes: Vec<LitStr>,
}

/// What the attribute says, each part as written. A part that failed to parse is `None`, its
/// error already in the context.
#[derive(Default)]
pub struct Args {
    /// `GET`, `PUT`, …
    pub method: Option<Method>,
    /// `"/Deals/<deal_id>"`.
    pub path: Option<LitStr>,
    /// `scope = …`.
    pub scope: Option<ScopeArg>,
    /// `version = "v6"`.
    pub version: Option<LitStr>,
    /// `external = "Contacts.External_Contact_ID"`.
    pub external: Option<LitStr>,
    /// `response = Type`.
    pub response: Option<Type>,
    /// `root = "/crm/bulk"`.
    pub root: Option<LitStr>,
    /// `idempotent` (or `idempotent = true|false`), with its token.
    pub idempotent: Option<(Ident, bool)>,
    /// `unique = "Email"` or `unique = ["Email", "Mobile"]`, with the key's token.
    pub unique: Option<(Ident, Vec<LitStr>)>,
    /// `custom_module`.
    pub custom_module: Option<Ident>,
    /// `download`: the answer is a file, handed over as a stream.
    pub download: Option<Ident>,
    /// `domain = "content"`.
    pub domain: Option<LitStr>,
    /// `max_upload = BYTES`, an expression of type `u64`.
    pub max_upload: Option<(Ident, syn::Expr)>,
    /// Whether the method and path part was missing altogether.
    pub head_missing: bool,
    /// Whether a `scope` key was written, even a malformed one.
    pub scope_written: bool,
}

/// Parses the attribute's arguments, reporting every malformed part.
pub fn parse_args(cx: &Ctxt, tokens: TokenStream) -> Args {
    let parser = |input: ParseStream| {
        let mut args = Args::default();
        parse_all(cx, input, &mut args);
        Ok(args)
    };
    match parser.parse2(tokens) {
        Ok(args) => args,
        Err(error) => {
            cx.push(error);
            Args::default()
        }
    }
}

fn parse_all(cx: &Ctxt, input: ParseStream, args: &mut Args) {
    if input.is_empty() {
        cx.error_at(
            Span::call_site(),
            "expected the HTTP method and the path: \
             `#[zoho_endpoint(GET \"/Leads\", scope = \"ZohoCRM.modules.leads.READ\")]`",
        );
        args.head_missing = true;
        return;
    }
    let mut first = !parse_head(cx, input, args);
    let mut seen = Keys::new("`#[zoho_endpoint]`");
    while !input.is_empty() {
        if !first {
            if let Err(error) = input.parse::<Token![,]>() {
                cx.push(syn::Error::new(
                    error.span(),
                    "expected `,` before this key: write `, ` between the attribute's parts",
                ));
                if !input.peek(Ident::peek_any) {
                    skip_past_comma(input);
                    continue;
                }
            }
            if input.is_empty() {
                break;
            }
        }
        first = false;
        if let Err(error) = parse_key(cx, input, args, &mut seen) {
            cx.push(error);
            skip_to_comma(input);
        }
    }
}

/// `METHOD "PATH"`. Returns whether anything was consumed.
fn parse_head(cx: &Ctxt, input: ParseStream, args: &mut Args) -> bool {
    if input.peek(LitStr) {
        let path: LitStr = input.parse().expect("peeked");
        cx.error_spanned_by(
            &path,
            format!(
                "missing HTTP method before the path: write {} first, e.g. `GET \"/Leads\"`",
                listed_or(Method::ALL.map(Method::as_str))
            ),
        );
        args.path = Some(path);
        return true;
    }
    if input.peek(Ident::peek_any) && (input.peek2(Token![=]) || input.peek2(Token![,])) {
        let ident = input.fork().call(Ident::parse_any).expect("peeked");
        if KEYS.contains(&ident.to_string().as_str()) {
            cx.error_spanned_by(
                &ident,
                "expected the HTTP method and the path first: \
                 `#[zoho_endpoint(GET \"/Leads\", scope = …)]`",
            );
            args.head_missing = true;
            return false;
        }
    }
    match input.call(Ident::parse_any) {
        Ok(ident) => args.method = parse_method(cx, ident),
        Err(error) => {
            cx.push(syn::Error::new(
                error.span(),
                "expected the HTTP method and the path: `GET \"/Leads\"`",
            ));
            args.head_missing = true;
            skip_to_comma(input);
            return true;
        }
    }
    parse_path(cx, input, args);
    true
}

fn parse_method(cx: &Ctxt, ident: Ident) -> Option<Method> {
    let text = ident.to_string();
    if let Some(method) = Method::parse(&text) {
        return Some(method);
    }
    if let Some(name) = Method::parse(&text.to_ascii_uppercase()) {
        cx.error_spanned_by(
            &ident,
            format!("HTTP methods are written in capitals: write `{name}` instead of `{text}`"),
        );
    } else {
        cx.error_spanned_by(
            &ident,
            format!(
                "unknown HTTP method `{text}`{}; expected one of {}",
                did_you_mean(&text, Method::ALL.map(Method::as_str)),
                Method::listed()
            ),
        );
    }
    None
}

fn parse_path(cx: &Ctxt, input: ParseStream, args: &mut Args) {
    if input.peek(LitStr) {
        args.path = Some(input.parse().expect("peeked"));
        return;
    }
    // The method of the example: the one written, when it parsed.
    let method = args.method.unwrap_or(Method::Get);
    if input.is_empty() || input.peek(Token![,]) {
        cx.error_at(
            input.span(),
            format!("missing path after the method: write `{method} \"/Leads\"`"),
        );
    } else {
        let found: TokenStream = input
            .fork()
            .parse::<TokenTree>()
            .map_or_else(|_| TokenStream::new(), Into::into);
        cx.error_spanned_by(
            found,
            format!("the path must be a string literal: write `{method} \"/Leads/<id>\"`"),
        );
        skip_to_comma(input);
    }
    args.head_missing = true;
}

fn parse_key(cx: &Ctxt, input: ParseStream, args: &mut Args, seen: &mut Keys) -> syn::Result<()> {
    let key = input.call(Ident::parse_any)?;
    let name = key.to_string();
    if !seen.first(cx, &key) {
        skip_to_comma(input);
        return Ok(());
    }
    args.scope_written |= name == "scope";
    match name.as_str() {
        // scope = "ZohoCRM.modules.leads.READ" | scope = ["…", "…"]
        "scope" => args.scope = Some(parse_scope(input, &key)?),
        // version = "v6"
        "version" => args.version = Some(string_value(input, &key, "\"v8\"")?),
        // external = "Contacts.External_Contact_ID"
        "external" => {
            args.external = Some(string_value(
                input,
                &key,
                "\"Contacts.External_Contact_ID\"",
            )?)
        }
        // response = Type
        "response" => args.response = Some(parse_response(input, &key)?),
        // root = "/crm/bulk"
        "root" => args.root = Some(string_value(input, &key, "\"/crm/bulk\"")?),
        // idempotent | idempotent = true
        "idempotent" => args.idempotent = Some(parse_flag(input, key)?),
        // unique = "External_Id" | unique = ["Email", "Mobile"]
        "unique" => {
            let fields = parse_unique(input, &key)?;
            args.unique = Some((key, fields));
        }
        // custom_module
        "custom_module" => args.custom_module = Some(parse_bare(input, key)?),
        // download
        "download" => args.download = Some(parse_bare(input, key)?),
        // domain = "content"
        "domain" => args.domain = Some(string_value(input, &key, "\"content\"")?),
        // max_upload = zoho_runtime::files::MAX_ATTACHMENT_BYTES
        "max_upload" => {
            expect_eq(input, &key, "zoho_runtime::files::MAX_ATTACHMENT_BYTES")?;
            args.max_upload = Some((key, input.parse()?));
        }
        _ => {
            cx.error_spanned_by(&key, unknown_key_message(&name));
            skip_to_comma(input);
        }
    }
    Ok(())
}

fn unknown_key_message(name: &str) -> String {
    match name {
        "method" | "path" => format!(
            "unknown key `{name}`: the method and the path come first, without a key: \
             `#[zoho_endpoint(GET \"/Leads\", scope = …)]`"
        ),
        _ => format!(
            "unknown key `{name}` in `#[zoho_endpoint]`{}; expected one of {}",
            did_you_mean(name, KEYS),
            listed(KEYS)
        ),
    }
}

fn expect_eq(input: ParseStream, key: &Ident, example: &str) -> syn::Result<()> {
    if input.peek(Token![=]) {
        input.parse::<Token![=]>()?;
        return Ok(());
    }
    Err(syn::Error::new_spanned(
        key,
        format!("`{key}` needs a value: write `{key} = {example}`"),
    ))
}

fn string_value(input: ParseStream, key: &Ident, example: &str) -> syn::Result<LitStr> {
    expect_eq(input, key, example)?;
    if input.peek(LitStr) {
        return input.parse();
    }
    let found: TokenTree = input.parse()?;
    Err(syn::Error::new_spanned(
        found,
        format!("`{key}` takes a string literal: write `{key} = {example}`"),
    ))
}

fn parse_scope(input: ParseStream, key: &Ident) -> syn::Result<ScopeArg> {
    let example = "\"ZohoCRM.modules.leads.READ\"";
    expect_eq(input, key, example)?;
    if input.peek(LitStr) {
        let scope = input.parse()?;
        return Ok(ScopeArg {
            scopes: vec![scope],
        });
    }
    if input.peek(syn::token::Bracket) {
        let content;
        let bracket = bracketed!(content in input);
        let scopes = content.parse_terminated(scope_item, Token![,])?;
        if scopes.is_empty() {
            return Err(syn::Error::new(
                bracket.span.join(),
                format!("`scope = []` names no scope: write at least one, `scope = [{example}]`"),
            ));
        }
        return Ok(ScopeArg {
            scopes: scopes.into_iter().collect(),
        });
    }
    let found: TokenTree = input.parse()?;
    Err(syn::Error::new_spanned(
        found,
        format!(
            "`scope` takes a string or an array of strings: write `scope = {example}` or \
             `scope = [{example}, \"ZohoCRM.modules.deals.READ\"]`"
        ),
    ))
}

fn parse_unique(input: ParseStream, key: &Ident) -> syn::Result<Vec<LitStr>> {
    let example = "\"External_Lead_ID\"";
    expect_eq(input, key, example)?;
    if input.peek(LitStr) {
        return Ok(vec![input.parse()?]);
    }
    if input.peek(syn::token::Bracket) {
        let content;
        let bracket = bracketed!(content in input);
        let fields = content.parse_terminated(field_item, Token![,])?;
        if fields.is_empty() {
            return Err(syn::Error::new(
                bracket.span.join(),
                "`unique = []` names no field: write at least one, `unique = [\"Email\"]`, or remove the key",
            ));
        }
        return Ok(fields.into_iter().collect());
    }
    let found: TokenTree = input.parse()?;
    Err(syn::Error::new_spanned(
        found,
        format!(
            "`unique` takes a field's API name or an array of them: write `unique = {example}` \
             or `unique = [\"Email\", \"Mobile\"]`"
        ),
    ))
}

fn field_item(input: ParseStream) -> syn::Result<LitStr> {
    if input.peek(LitStr) {
        return input.parse();
    }
    let found: TokenTree = input.parse()?;
    Err(syn::Error::new_spanned(
        found,
        "each unique field is a string literal, its API name: `\"Email\"`",
    ))
}

fn scope_item(input: ParseStream) -> syn::Result<LitStr> {
    if input.peek(LitStr) {
        return input.parse();
    }
    let found: TokenTree = input.parse()?;
    Err(syn::Error::new_spanned(
        found,
        "each scope is a string literal: `\"ZohoCRM.modules.leads.READ\"`",
    ))
}

fn parse_response(input: ParseStream, key: &Ident) -> syn::Result<Type> {
    expect_eq(input, key, "MyAnswer")?;
    if input.peek(LitStr) {
        let lit: LitStr = input.parse()?;
        return Err(syn::Error::new_spanned(
            &lit,
            format!(
                "`response` takes a type, not a string: write `response = {}`",
                lit.value()
            ),
        ));
    }
    input.parse::<Type>().map_err(|error| {
        syn::Error::new(
            error.span(),
            "`response` takes a type: write `response = MyAnswer` for a type that implements \
             `serde::Deserialize`",
        )
    })
}

fn parse_flag(input: ParseStream, key: Ident) -> syn::Result<(Ident, bool)> {
    if !input.peek(Token![=]) {
        return Ok((key, true));
    }
    input.parse::<Token![=]>()?;
    if input.peek(LitBool) {
        let value: LitBool = input.parse()?;
        return Ok((key, value.value));
    }
    let found: TokenTree = input.parse()?;
    Err(syn::Error::new_spanned(
        found,
        format!("`{key}` is a flag: write `{key}` alone, or `{key} = true` / `{key} = false`"),
    ))
}

fn parse_bare(input: ParseStream, key: Ident) -> syn::Result<Ident> {
    if input.peek(Token![=]) {
        return Err(syn::Error::new_spanned(
            &key,
            format!("`{key}` is a flag and takes no value: write `{key}` alone"),
        ));
    }
    Ok(key)
}

/// Skips to the next `,` at this level (generic arguments of a type are not split).
fn skip_to_comma(input: ParseStream) {
    let _ = input.step(|cursor| {
        let mut rest = *cursor;
        let mut depth = 0usize;
        while let Some((tree, next)) = rest.token_tree() {
            if let TokenTree::Punct(punct) = &tree {
                match punct.as_char() {
                    '<' => depth += 1,
                    '>' => depth = depth.saturating_sub(1),
                    ',' if depth == 0 => return Ok(((), rest)),
                    _ => {}
                }
            }
            rest = next;
        }
        Ok(((), rest))
    });
}

fn skip_past_comma(input: ParseStream) {
    skip_to_comma(input);
    let _ = input.parse::<Token![,]>();
}
