//! The bit syntax's segments (`<<x, y::16-little, rest::binary>>`) read
//! from the AST, and the expressions that hand them to the VM's built-ins
//! (`vm/src/bif/binary.rs`): a construction becomes
//! `:beamlet.bs_build([{value, type, size, unit, signed, endian}, ...])`, a
//! pattern a match of `:beamlet.bs_match(subject, [{type, size, unit,
//! signed, endian}, ...])` against the tuple of the segments' patterns, a
//! binary generator a generator over `:beamlet.bs_each(binary, specs)`.

use crate::ast::*;
use crate::desugar::remote;
use crate::diagnostic::Diagnostic;

/// One segment: its value (or pattern) and how it is laid out.
#[derive(Clone)]
pub struct Segment {
    pub value: Expr,
    pub ty: &'static str,
    pub size: Option<Expr>,
    pub unit: Option<i64>,
    pub signed: bool,
    pub endian: &'static str,
}

/// The segments of `<<segs>>`. A string literal segment without a type is
/// a binary; with `utf8`/`utf16`/`utf32`, one segment per character.
pub fn segments(segs: &[Expr]) -> Result<Vec<Segment>, Diagnostic> {
    let mut out = Vec::new();
    for s in segs {
        let (value, spec) = match &s.kind {
            ExprKind::Binary(BinOp::Type, v, spec) => ((**v).clone(), Some(&**spec)),
            _ => (s.clone(), None),
        };
        if spec.is_none() {
            // `<<1, <<2, 3>>, 4>>`: an inner bitstring's segments are spliced in.
            if let ExprKind::Bitstring(inner) = &value.kind {
                out.extend(segments(inner)?);
                continue;
            }
        }
        if let ExprKind::Charlist(parts) = &value.kind {
            if let Some(text) = parts
                .iter()
                .map(|p| match p {
                    InterpPart::Lit(s) => Some(s.as_str()),
                    _ => None,
                })
                .collect::<Option<String>>()
            {
                return Err(Diagnostic::new(
                    s.span,
                    format!("invalid literal '{text}' in <<>>"),
                ));
            }
        }
        let mut seg = Segment {
            value,
            ty: "",
            size: None,
            unit: None,
            signed: false,
            endian: "big",
        };
        if let Some(spec) = spec {
            read_spec(spec, &mut seg)?;
        }
        if let (Some(spec), ExprKind::Bitstring(inner)) = (spec, &seg.value.kind) {
            literal_bitstring_segment(s.span, inner, &seg, spec)?;
        }
        let is_str = matches!(seg.value.kind, ExprKind::Str(_));
        // A literal's own type must agree with the segment's.
        let literal_type = match &seg.value.kind {
            ExprKind::Str(_) => Some("binary"),
            ExprKind::Float(_) => Some("float"),
            ExprKind::Int(_) => Some("integer"),
            _ => None,
        };
        if let Some(lt) = literal_type {
            let clash = matches!(
                (lt, seg.ty),
                ("binary", "integer" | "float") | ("float", "integer") | ("integer", "binary")
            );
            if clash {
                return Err(Diagnostic::new(
                    s.span,
                    format!(
                        "conflicting type specification for bit field: \"{}\" and \"{lt}\"",
                        seg.ty
                    ),
                ));
            }
        }
        if let (true, Some(spec)) = (is_str, spec) {
            literal_string_segment(s.span, spec)?;
        }
        if is_str && matches!(seg.ty, "utf8" | "utf16" | "utf32") {
            let ExprKind::Str(text) = &seg.value.kind else {
                unreachable!()
            };
            for c in text.chars() {
                out.push(Segment {
                    value: Expr::new(seg.value.span, ExprKind::Int((c as u32).into())),
                    ..seg.clone()
                });
            }
            continue;
        }
        if seg.ty.is_empty() {
            seg.ty = match &seg.value.kind {
                ExprKind::Str(_)
                | ExprKind::Literal(_)
                | ExprKind::Data(_)
                | ExprKind::Interp(_) => "binary",
                ExprKind::Float(_) => "float",
                _ => "integer",
            };
        }
        if seg.ty == "binary" && seg.size.is_none() {
            if let ExprKind::Str(text) = &seg.value.kind {
                // A literal matches exactly its own bytes.
                seg.size = Some(Expr::new(seg.value.span, ExprKind::Int(text.len().into())));
            }
        }
        out.push(seg);
    }
    Ok(out)
}

/// A literal string segment takes only a type and an endianness
/// (`"abc"::utf16-little`), as in Elixir.
fn literal_string_segment(span: Span, spec: &Expr) -> Result<(), Diagnostic> {
    let written = SpecText::of(spec);
    if written.size.is_some() || written.unit.is_some() {
        return Err(Diagnostic::new(
            span,
            "literal string in bitstring supports only endianness and type specifiers, which must be one of: little, big, native, utf8, utf16, utf32, bits, bytes, binary or bitstring",
        ));
    }
    if written.sign.is_some() {
        return Err(Diagnostic::new(
            span,
            "signed and unsigned specifiers are supported only on integer and float types",
        ));
    }
    Ok(())
}

/// A literal `<<...>>` segment given a type (`<<(<<1, 2>>)::binary, x>>`):
/// only `binary` or `bitstring`, without a size; as a binary its size must
/// be whole bytes.
fn literal_bitstring_segment(
    span: Span,
    inner: &[Expr],
    seg: &Segment,
    spec: &Expr,
) -> Result<(), Diagnostic> {
    if matches!(seg.ty, "integer" | "float") {
        return Err(Diagnostic::new(
            span,
            format!(
                "conflicting type specification for bit field: \"{}\" and \"bitstring\"",
                seg.ty
            ),
        ));
    }
    let written = SpecText::of(spec);
    if written.size.is_some() || written.unit.is_some() {
        return Err(Diagnostic::new(
            span,
            "literal <<>> in bitstring supports only type specifiers, which must be one of: binary or bitstring",
        ));
    }
    if seg.ty == "binary" {
        check_binary_literal(span, inner)?;
    }
    Ok(())
}

/// A literal `<<...>>` used as a binary (an operand of `<>`, a segment of
/// type `binary`) whose size is known not to be whole bytes is refused while
/// compiling, as Elixir does: `x <> <<1::1>>`.
pub fn check_binary_literal(span: Span, segs: &[Expr]) -> Result<(), Diagnostic> {
    let parsed = segments(segs)?;
    let mut bits: u64 = 0;
    for seg in &parsed {
        let size = match &seg.size {
            None => None,
            Some(e) => match &e.kind {
                ExprKind::Int(i) => match u64::try_from(i.clone()) {
                    Ok(n) => Some(n),
                    Err(_) => return Ok(()),
                },
                _ => return Ok(()),
            },
        };
        let unit = seg.unit.map(|u| u as u64);
        bits += match (seg.ty, size) {
            ("integer", None) => 8,
            ("float", None) => 64,
            ("binary", None) | ("utf8" | "utf16" | "utf32", _) => 0,
            ("binary", Some(n)) => n * unit.unwrap_or(8),
            (_, Some(n)) => n * unit.unwrap_or(1),
            // `bits` of any size.
            (_, None) => return Ok(()),
        };
    }
    if bits.is_multiple_of(8) {
        return Ok(());
    }
    let shown: Vec<String> = segs.iter().map(segment_text).collect();
    Err(Diagnostic::new(
        span,
        format!(
            "expected <<{}>> to be a binary but its number of bits is not divisible by 8",
            shown.join(", ")
        ),
    ))
}

/// The specifiers as written, for messages: each kind once, its last word.
#[derive(Default)]
struct SpecText {
    ty: Option<&'static str>,
    endian: Option<&'static str>,
    sign: Option<&'static str>,
    unit: Option<Expr>,
    size: Option<Expr>,
}

impl SpecText {
    fn of(spec: &Expr) -> SpecText {
        let mut t = SpecText::default();
        t.read(spec);
        t
    }

    fn read(&mut self, spec: &Expr) {
        match &spec.kind {
            ExprKind::Binary(BinOp::Sub, a, b) => {
                self.read(a);
                self.read(b);
            }
            ExprKind::Binary(BinOp::Mul, size, unit) => {
                self.size = Some((**size).clone());
                self.unit = Some((**unit).clone());
            }
            ExprKind::Int(_) => self.size = Some(spec.clone()),
            ExprKind::Var(name) => self.word(name, spec),
            ExprKind::Call(c) => match (&c.target, c.args.as_slice()) {
                (CallTarget::Local(n), [e]) if n == "size" => self.size = Some(e.clone()),
                (CallTarget::Local(n), [e]) if n == "unit" => self.unit = Some(e.clone()),
                (CallTarget::Local(n), []) => self.word(n, spec),
                _ => {}
            },
            _ => {}
        }
    }

    fn word(&mut self, name: &str, spec: &Expr) {
        match name {
            "integer" => self.ty = Some("integer"),
            "float" => self.ty = Some("float"),
            "binary" | "bytes" => self.ty = Some("binary"),
            "bits" | "bitstring" => self.ty = Some("bitstring"),
            "utf8" => self.ty = Some("utf8"),
            "utf16" => self.ty = Some("utf16"),
            "utf32" => self.ty = Some("utf32"),
            "signed" => self.sign = Some("signed"),
            "unsigned" => self.sign = Some("unsigned"),
            "big" => self.endian = Some("big"),
            "little" => self.endian = Some("little"),
            "native" => self.endian = Some("native"),
            _ => self.size = Some(spec.clone()),
        }
    }
}

/// A segment as Elixir prints it once expanded: `1::integer-size(3)`,
/// `x::binary`, a segment without specifiers as it is.
fn segment_text(seg: &Expr) -> String {
    let code = |e: &Expr| {
        beamlet_vm::macro_string::to_string(&crate::quoted::from_ast(
            e,
            &crate::quoted::LineIndex::new(""),
        ))
    };
    let ExprKind::Binary(BinOp::Type, value, spec) = &seg.kind else {
        return code(seg);
    };
    let t = SpecText::of(spec);
    let ty = t.ty.unwrap_or(match value.kind {
        ExprKind::Str(_) | ExprKind::Interp(_) => "binary",
        ExprKind::Float(_) => "float",
        _ => "integer",
    });
    let mut out = format!("{}::{ty}", code(value));
    for word in [t.endian, t.sign].into_iter().flatten() {
        out.push('-');
        out.push_str(word);
    }
    if let Some(u) = &t.unit {
        out.push_str(&format!("-unit({})", code(u)));
    }
    if let Some(s) = &t.size {
        out.push_str(&format!("-size({})", code(s)));
    }
    out
}

fn read_spec(spec: &Expr, seg: &mut Segment) -> Result<(), Diagnostic> {
    match &spec.kind {
        ExprKind::Binary(BinOp::Sub, a, b) => {
            read_spec(a, seg)?;
            read_spec(b, seg)
        }
        ExprKind::Binary(BinOp::Mul, size, unit) => {
            seg.size = Some((**size).clone());
            seg.unit = Some(literal_int(unit)?);
            Ok(())
        }
        ExprKind::Int(_) => {
            seg.size = Some(spec.clone());
            Ok(())
        }
        ExprKind::Var(name) => {
            match name.as_str() {
                "integer" => seg.ty = "integer",
                "float" => seg.ty = "float",
                "binary" | "bytes" => seg.ty = "binary",
                "bits" | "bitstring" => seg.ty = "bits",
                "utf8" => seg.ty = "utf8",
                "utf16" => seg.ty = "utf16",
                "utf32" => seg.ty = "utf32",
                "signed" => seg.signed = true,
                "unsigned" => seg.signed = false,
                "big" => seg.endian = "big",
                "little" => seg.endian = "little",
                "native" => seg.endian = "native",
                // `<<x::n>>` with a variable n: its size.
                _ => seg.size = Some(spec.clone()),
            }
            Ok(())
        }
        ExprKind::Call(c) => match (&c.target, c.args.as_slice()) {
            (CallTarget::Local(n), [e]) if n == "size" => {
                seg.size = Some(e.clone());
                Ok(())
            }
            (CallTarget::Local(n), [e]) if n == "unit" => {
                seg.unit = Some(literal_int(e)?);
                Ok(())
            }
            (CallTarget::Local(n), []) => {
                read_spec(&Expr::new(spec.span, ExprKind::Var(n.clone())), seg)
            }
            _ => Err(unknown(spec)),
        },
        _ => Err(unknown(spec)),
    }
}

fn literal_int(e: &Expr) -> Result<i64, Diagnostic> {
    match &e.kind {
        ExprKind::Int(i) => i64::try_from(i.clone()).map_err(|_| unknown(e)),
        _ => Err(Diagnostic::new(
            e.span,
            "unit in a bitstring segment must be a literal integer",
        )),
    }
}

fn unknown(e: &Expr) -> Diagnostic {
    Diagnostic::new(e.span, "unknown bitstring specifier")
        .with_hint("a segment's type is integer, float, binary, bits, utf8, utf16 or utf32, with size(n), unit(n), signed/unsigned, big/little/native")
}

fn atom(span: Span, s: &str) -> Expr {
    Expr::new(span, ExprKind::Atom(s.to_owned()))
}

fn layout(seg: &Segment, size: Expr) -> Vec<Expr> {
    let span = seg.value.span;
    let unit = match seg.unit {
        Some(u) => Expr::new(span, ExprKind::Int(u.into())),
        None => atom(span, "nil"),
    };
    vec![
        atom(span, seg.ty),
        size,
        unit,
        atom(span, if seg.signed { "true" } else { "false" }),
        atom(span, seg.endian),
    ]
}

/// The first segment whose size is an expression over variables that
/// earlier segments bind (`<<n, body::binary-size(n * 2)>>`): a match must
/// take the segments before it first. A plain variable needs no split (the
/// VM refers to the earlier segment: see [`match_specs`]).
pub fn size_split(segs: &[Segment]) -> Option<usize> {
    (1..segs.len()).find(|&i| {
        let Some(size) = &segs[i].size else {
            return false;
        };
        if matches!(size.kind, ExprKind::Var(_) | ExprKind::Int(_)) {
            return false;
        }
        let mut used = rustc_hash::FxHashSet::default();
        crate::desugar::mentioned_vars(size, &mut used);
        segs[..i]
            .iter()
            .any(|s| matches!(&s.value.kind, ExprKind::Var(v) if used.contains(v)))
    })
}

/// `:beamlet.bs_build([...])` for a construction.
pub fn build(span: Span, segs: &[Segment]) -> Expr {
    let items = segs
        .iter()
        .map(|s| {
            let size = s.size.clone().unwrap_or_else(|| atom(span, "nil"));
            let mut t = vec![s.value.clone()];
            t.extend(layout(s, size));
            Expr::new(span, ExprKind::Tuple(t))
        })
        .collect();
    remote(
        span,
        "beamlet",
        "bs_build",
        vec![Expr::new(span, ExprKind::List(items, None))],
    )
}

/// The spec list of a pattern's segments, and the tuple pattern their
/// values must match. A size naming a variable the same pattern binds
/// earlier (`<<n, data::binary-size(n)>>`) refers to that segment.
pub fn match_specs(span: Span, segs: &[Segment]) -> (Expr, Expr) {
    let mut specs = Vec::new();
    let mut pats = Vec::new();
    for (i, s) in segs.iter().enumerate() {
        let size = match &s.size {
            None => atom(span, "nil"),
            Some(e) => match &e.kind {
                ExprKind::Var(n) => {
                    let earlier = segs[..i]
                        .iter()
                        .position(|p| matches!(&p.value.kind, ExprKind::Var(v) if v == n));
                    match earlier {
                        Some(j) => Expr::new(
                            span,
                            ExprKind::Tuple(vec![
                                atom(span, "ref"),
                                Expr::new(span, ExprKind::Int(j.into())),
                            ]),
                        ),
                        None => e.clone(),
                    }
                }
                _ => e.clone(),
            },
        };
        specs.push(Expr::new(span, ExprKind::Tuple(layout(s, size))));
        pats.push(s.value.clone());
    }
    (
        Expr::new(span, ExprKind::List(specs, None)),
        Expr::new(span, ExprKind::Tuple(pats)),
    )
}
