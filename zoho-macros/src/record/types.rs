//! What a field's Rust type is, judged by its name as written: the macro sees tokens, not
//! types, so a type it cannot name is left to a trait bound that rustc checks.

use syn::{GenericArgument, PathArguments, Type};

/// A Rust type, as far as its name tells.
pub enum Rust<'a> {
    /// `String`, `&str`, `Cow<str>`, `Box<str>`, `Arc<str>`, `Rc<str>`.
    Text,
    /// `RecordId`: an id alone, not a `{"id": …}` object.
    Id,
    /// An integer type of this many bits.
    Integer(u32),
    /// `f32` or `f64`.
    Float,
    /// `bool`.
    Bool,
    /// `Json`, `Value`, `serde_json::Value`: holds anything.
    Json,
    /// `Vec<T>`, `[T; N]`, `&[T]`, `Box<[T]>`.
    List(&'a Type),
    /// Any other path: a type of the user's.
    Named,
    /// Anything else (a tuple, a function pointer, …).
    Other,
}

/// The type inside `Option<…>` or `Nullable<…>`, as often as they are nested.
pub fn unwrapped(ty: &Type) -> &Type {
    match generic_of(ty, &["Option", "Nullable"]) {
        Some(inner) => unwrapped(inner),
        None => ty,
    }
}

/// Whether the type is `Option<…>` (or `Nullable<…>`) at the top.
pub fn is_optional(ty: &Type) -> bool {
    generic_of(ty, &["Option", "Nullable"]).is_some()
}

/// The kind of an unwrapped type.
pub fn classify(ty: &Type) -> Rust<'_> {
    match ty {
        Type::Reference(r) => match &*r.elem {
            Type::Path(p) if p.path.is_ident("str") => Rust::Text,
            Type::Slice(s) => Rust::List(&s.elem),
            _ => classify(&r.elem),
        },
        Type::Array(a) => Rust::List(&a.elem),
        Type::Slice(s) => Rust::List(&s.elem),
        Type::Paren(p) => classify(&p.elem),
        Type::Group(g) => classify(&g.elem),
        Type::Path(_) => classify_path(ty),
        _ => Rust::Other,
    }
}

fn classify_path(ty: &Type) -> Rust<'_> {
    if let Some(inner) = generic_of(ty, &["Vec", "VecDeque"]) {
        return Rust::List(inner);
    }
    if let Some(inner) = generic_of(ty, &["Box", "Arc", "Rc", "Cow"]) {
        return match classify(inner) {
            Rust::Other => Rust::Named,
            _ if is_ident(inner, "str") => Rust::Text,
            Rust::List(elem) => Rust::List(elem),
            kind => kind,
        };
    }
    let Some(name) = last_ident(ty) else {
        return Rust::Other;
    };
    match name.as_str() {
        "String" | "str" => Rust::Text,
        "RecordId" => Rust::Id,
        "i8" | "u8" => Rust::Integer(8),
        "i16" | "u16" => Rust::Integer(16),
        "i32" | "u32" => Rust::Integer(32),
        "i64" | "u64" | "isize" | "usize" => Rust::Integer(64),
        "i128" | "u128" => Rust::Integer(128),
        "f32" | "f64" => Rust::Float,
        "bool" => Rust::Bool,
        "Json" | "Value" => Rust::Json,
        _ => Rust::Named,
    }
}

fn is_ident(ty: &Type, name: &str) -> bool {
    matches!(ty, Type::Path(p) if p.path.is_ident(name))
}

fn last_ident(ty: &Type) -> Option<String> {
    let Type::Path(p) = ty else { return None };
    p.path.segments.last().map(|s| s.ident.to_string())
}

/// `T` of `Name<T>` when the last segment is one of `names`.
fn generic_of<'a>(ty: &'a Type, names: &[&str]) -> Option<&'a Type> {
    let Type::Path(p) = ty else { return None };
    let last = p.path.segments.last()?;
    if !names.iter().any(|n| last.ident == n) {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    args.args.iter().find_map(|a| match a {
        GenericArgument::Type(t) => Some(t),
        _ => None,
    })
}
