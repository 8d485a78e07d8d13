//! The field order of struct modules, for `inspect`.
//!
//! Elixir prints a struct's fields in the order `defstruct` gave them
//! (`Module.__info__(:struct)`), and a map whose `:__struct__` names no
//! struct module as a plain map. The inspector is pure (it sees a
//! [`Value`]), so the built-ins that inspect first ask each struct module
//! met in the term (running its `__info__/1`) and remember the answer in the
//! code table until the module is loaded again.

use super::Ctx;
use crate::atom;
use crate::convert::to_value;
use crate::inspect::{InspectOpts, StructFieldsFn};
use crate::term::Term;
use crate::value::Value;
use std::collections::HashMap;
use std::sync::Arc;

/// The struct modules named in `v` (each once).
fn struct_modules(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Map(pairs) => {
            for (k, x) in pairs {
                if let (Value::Atom(k), Value::Atom(m)) = (k, x) {
                    if k == "__struct__" && !out.iter().any(|o| o == m) {
                        out.push(m.to_string());
                    }
                }
                struct_modules(k, out);
                struct_modules(x, out);
            }
        }
        Value::List(items, tail) => {
            items.iter().for_each(|x| struct_modules(x, out));
            if let Some(t) = tail {
                struct_modules(t, out);
            }
        }
        Value::Tuple(items) => items.iter().for_each(|x| struct_modules(x, out)),
        _ => {}
    }
}

/// Asks `module.__info__(:struct)` and remembers its field names.
fn learn(ctx: &mut Ctx, module: Term) {
    let info = crate::nested::call_mfa(
        ctx,
        module,
        atom::intern("__info__"),
        &[atom::intern("struct")],
    );
    let fields = match info {
        Ok(t) => match to_value(ctx.code, t) {
            Value::List(items, None) => Some(
                items
                    .iter()
                    .filter_map(|i| match i {
                        Value::Map(pairs) => pairs.iter().find_map(|(k, v)| match (k, v) {
                            (Value::Atom(k), Value::Atom(f)) if k == "field" => {
                                Some(atom::intern(f))
                            }
                            _ => None,
                        }),
                        _ => None,
                    })
                    .collect::<Vec<Term>>()
                    .into(),
            ),
            _ => None,
        },
        // No such module, or no `__info__/1`: not a struct module.
        Err(e) if e.reason == atom::UNDEF => None,
        // Anything else (too deep a nesting, a raising `__info__`): ask again later.
        Err(_) => return,
    };
    ctx.code.remember_struct_fields(module, fields);
}

/// The field lookup for inspecting `v` from what the code table remembers;
/// `None` (fields print in key order) when it does not know every module.
pub fn known(ctx: &Ctx, v: &Value) -> Option<Arc<StructFieldsFn>> {
    let mut modules = Vec::new();
    struct_modules(v, &mut modules);
    let mut table: HashMap<String, Option<Vec<String>>> = HashMap::new();
    for m in modules {
        let fields = ctx.code.struct_fields(atom::intern(&m))?;
        let names = fields.map(|fs| fs.iter().map(|&f| atom::name(f).to_string()).collect());
        table.insert(m, names);
    }
    Some(Arc::new(move |m: &str| table.get(m).cloned().flatten()))
}

/// Learns the struct modules named in `t` that the code table does not know yet.
pub fn learn_all(ctx: &mut Ctx, t: Term) {
    let v = to_value(ctx.code, t);
    learn_in(ctx, &v);
}

fn learn_in(ctx: &mut Ctx, v: &Value) {
    let mut modules = Vec::new();
    struct_modules(v, &mut modules);
    for m in modules {
        let module = atom::intern(&m);
        if ctx.code.struct_fields(module).is_none() {
            learn(ctx, module);
        }
    }
}

/// `opts` with the field order of the structs in `t`.
pub fn opts_for(ctx: &mut Ctx, t: Term, opts: InspectOpts) -> (Value, InspectOpts) {
    let v = to_value(ctx.code, t);
    learn_in(ctx, &v);
    let struct_fields = known(ctx, &v);
    (
        v,
        InspectOpts {
            struct_fields,
            ..opts
        },
    )
}
