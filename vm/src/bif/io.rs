//! `IO`, `inspect` and `System.argv`.

use super::string::{chardata_to_bytes, chars_into};
use super::{argument_error, list_to_vec, BifResult, Ctx};
use crate::atom;
use crate::convert::to_value;
use crate::inspect::{inspect, Binaries, Charlists, InspectOpts};
use crate::process::Exn;
use crate::term::Term;

/// The bytes `IO.puts`/`IO.write` print for `t` (chardata or String.Chars).
fn output_bytes(ctx: &mut Ctx, t: Term) -> Result<Vec<u8>, Exn> {
    if let Some(b) = t.binary_bytes() {
        return Ok(b.to_vec());
    }
    if t.is_list() {
        return chardata_to_bytes(t).map_err(|_| {
            let msg = "errors were found at the given arguments:\n\n  * 2nd argument: not valid character data (an iodata term)\n";
            argument_error(ctx, msg)
        });
    }
    let mut out = Vec::new();
    chars_into(ctx, t, &mut out)?;
    Ok(out)
}

fn to_device(ctx: &mut Ctx, device: Term, bytes: &[u8]) -> Result<(), Exn> {
    match atom::name(device) {
        "stdio" => ctx.io.out(bytes),
        "stderr" => {
            ctx.io.flush();
            ctx.io.err(bytes)
        }
        _ => return Err(super::badarg()),
    }
    Ok(())
}

pub fn puts(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    puts2(ctx, &[atom::intern("stdio"), a[0]])
}
pub fn puts2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let mut b = output_bytes(ctx, a[1])?;
    b.push(b'\n');
    to_device(ctx, a[0], &b)?;
    Ok(atom::OK)
}
pub fn write(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    write2(ctx, &[atom::intern("stdio"), a[0]])
}
pub fn write2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let b = output_bytes(ctx, a[1])?;
    to_device(ctx, a[0], &b)?;
    Ok(atom::OK)
}

/// Inspect options from a keyword list; also returns the `label:` text.
fn parse_opts(
    ctx: &mut Ctx,
    opts: Term,
    mut o: InspectOpts,
) -> Result<(InspectOpts, Option<Vec<u8>>), Exn> {
    let mut label = None;
    for item in list_to_vec(opts).unwrap_or_default() {
        let Some([k, v]) = item.tuple_elems() else {
            continue;
        };
        match atom::name(*k) {
            "label" => {
                let mut b = Vec::new();
                chars_into(ctx, *v, &mut b)?;
                label = Some(b);
            }
            "limit" => {
                if let Some(n) = v.as_small() {
                    o.limit = n.max(0) as usize;
                } else if *v == atom::INFINITY {
                    o.limit = usize::MAX;
                }
            }
            "width" => {
                if let Some(n) = v.as_small() {
                    o.width = n.max(0) as usize;
                } else if *v == atom::INFINITY {
                    o.width = usize::MAX;
                }
            }
            "pretty" => o.pretty = v.is_true(),
            "charlists" => {
                o.charlists = match atom::name(*v) {
                    "as_lists" => Charlists::AsLists,
                    "as_charlists" => Charlists::AsCharlists,
                    _ => Charlists::Infer,
                }
            }
            "binaries" => {
                o.binaries = match atom::name(*v) {
                    "as_binaries" => Binaries::AsBinaries,
                    "as_strings" => Binaries::AsStrings,
                    _ => Binaries::Infer,
                }
            }
            _ => {}
        }
    }
    Ok((o, label))
}

pub fn inspect1(ctx: &mut Ctx, t: Term) -> BifResult {
    inspect2(ctx, &[t, Term::NIL])
}
pub fn inspect_bif(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    inspect1(ctx, a[0])
}
/// `IO.inspect(term, opts)`: prints (with `label: ` first) and returns `term`.
pub fn inspect2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let (o, label) = parse_opts(ctx, a[1], InspectOpts::io_inspect())?;
    let mut out = label
        .map(|mut l| {
            l.extend_from_slice(b": ");
            l
        })
        .unwrap_or_default();
    out.extend_from_slice(inspect(&to_value(ctx.code, a[0]), &o).as_bytes());
    out.push(b'\n');
    ctx.io.out(&out);
    Ok(a[0])
}
pub fn inspect_to_string(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let s = inspect(&to_value(ctx.code, a[0]), &InspectOpts::default());
    Ok(ctx.st.heap.str(&s))
}
pub fn inspect_to_string2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let (o, _) = parse_opts(ctx, a[1], InspectOpts::default())?;
    let s = inspect(&to_value(ctx.code, a[0]), &o);
    Ok(ctx.st.heap.str(&s))
}

pub fn argv(ctx: &mut Ctx, _: &[Term]) -> BifResult {
    let args = ctx.st.argv.clone();
    let ts: Vec<Term> = args.iter().map(|s| ctx.st.heap.str(s)).collect();
    Ok(ctx.st.heap.list(&ts))
}
