//! Quoted code as text for the expander's messages ("Called as: one()"),
//! until the VM's `Macro.to_string` printer is in: calls as `name(args)`,
//! other nodes inspected.

use crate::quoted::as_node;
use beamlet_vm::value::Value;

/// `v` as source text.
pub fn code(v: &Value) -> String {
    match as_node(v) {
        Some((Value::Atom(n), _, Value::List(args, None))) => {
            let args: Vec<String> = args.iter().map(code).collect();
            format!("{n}({})", args.join(", "))
        }
        Some((Value::Atom(n), _, Value::Atom(_))) => n.clone(),
        _ => beamlet_vm::inspect::inspect(v, &Default::default()),
    }
}
