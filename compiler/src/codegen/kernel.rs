//! The Kernel functions a program calls without naming a module, and where each one lives.

/// Kernel functions callable without a module: name, arity, and where each one lives.
const KERNEL: &[(&str, usize, &str, &str)] = &[
    ("is_integer", 1, "erlang", "is_integer"),
    ("is_float", 1, "erlang", "is_float"),
    ("is_number", 1, "erlang", "is_number"),
    ("is_atom", 1, "erlang", "is_atom"),
    ("is_boolean", 1, "erlang", "is_boolean"),
    ("is_binary", 1, "erlang", "is_binary"),
    ("is_list", 1, "erlang", "is_list"),
    ("is_tuple", 1, "erlang", "is_tuple"),
    ("is_map", 1, "erlang", "is_map"),
    ("is_function", 1, "erlang", "is_function"),
    ("is_pid", 1, "erlang", "is_pid"),
    ("is_reference", 1, "erlang", "is_reference"),
    ("is_port", 1, "erlang", "is_port"),
    ("is_bitstring", 1, "erlang", "is_bitstring"),
    ("is_function", 2, "erlang", "is_function"),
    // Kernel's takes (map, key); the erlang BIF (key, map).
    ("is_map_key", 2, "Elixir.Kernel", "is_map_key"),
    ("hd", 1, "erlang", "hd"),
    ("tl", 1, "erlang", "tl"),
    ("length", 1, "erlang", "length"),
    ("abs", 1, "erlang", "abs"),
    ("max", 2, "erlang", "max"),
    ("min", 2, "erlang", "min"),
    ("round", 1, "erlang", "round"),
    ("trunc", 1, "erlang", "trunc"),
    ("ceil", 1, "erlang", "ceil"),
    ("floor", 1, "erlang", "floor"),
    ("div", 2, "erlang", "div"),
    ("rem", 2, "erlang", "rem"),
    ("tuple_size", 1, "erlang", "tuple_size"),
    ("map_size", 1, "erlang", "map_size"),
    ("byte_size", 1, "erlang", "byte_size"),
    ("bit_size", 1, "erlang", "bit_size"),
    ("binary_part", 3, "erlang", "binary_part"),
    ("not", 1, "erlang", "not"),
    ("throw", 1, "erlang", "throw"),
    ("exit", 1, "erlang", "exit"),
    ("self", 0, "erlang", "self"),
    ("node", 0, "erlang", "node"),
    ("node", 1, "erlang", "node"),
    ("send", 2, "erlang", "send"),
    ("make_ref", 0, "erlang", "make_ref"),
    ("spawn", 1, "erlang", "spawn"),
    ("spawn", 3, "erlang", "spawn"),
    ("spawn_link", 1, "erlang", "spawn_link"),
    ("spawn_link", 3, "erlang", "spawn_link"),
    ("spawn_monitor", 1, "erlang", "spawn_monitor"),
    ("spawn_monitor", 3, "erlang", "spawn_monitor"),
    ("elem", 2, "Elixir.Kernel", "elem"),
    ("put_elem", 3, "Elixir.Kernel", "put_elem"),
    ("is_nil", 1, "Elixir.Kernel", "is_nil"),
    ("is_struct", 1, "Elixir.Kernel", "is_struct"),
    ("is_struct", 2, "Elixir.Kernel", "is_struct"),
    ("inspect", 1, "Elixir.Kernel", "inspect"),
    ("inspect", 2, "Elixir.Kernel", "inspect"),
    ("to_string", 1, "Elixir.Kernel", "to_string"),
    ("to_charlist", 1, "Elixir.Kernel", "to_charlist"),
    ("then", 2, "Elixir.Kernel", "then"),
    ("tap", 2, "Elixir.Kernel", "tap"),
    ("apply", 2, "erlang", "apply"),
    ("apply", 3, "erlang", "apply"),
    ("is_exception", 1, "Elixir.Kernel", "is_exception"),
    (
        "function_exported?",
        3,
        "Elixir.Kernel",
        "function_exported?",
    ),
    ("+", 2, "erlang", "+"),
    ("-", 2, "erlang", "-"),
    ("*", 2, "erlang", "*"),
    ("/", 2, "erlang", "/"),
    ("<", 2, "erlang", "<"),
    (">", 2, "erlang", ">"),
    (">=", 2, "erlang", ">="),
    ("<=", 2, "erlang", "=<"),
    ("==", 2, "erlang", "=="),
    ("!=", 2, "erlang", "/="),
    ("===", 2, "erlang", "=:="),
    ("!==", 2, "erlang", "=/="),
    ("++", 2, "erlang", "++"),
    ("--", 2, "erlang", "--"),
    ("-", 1, "erlang", "-"),
    ("+", 1, "erlang", "+"),
    ("<>", 2, "Elixir.Kernel", "<>"),
];

/// Where the Kernel function `name/arity` lives (module, function), if it is one.
pub fn local_kernel(name: &str, arity: usize) -> Option<(&'static str, &'static str)> {
    KERNEL
        .iter()
        .find(|(n, a, _, _)| *n == name && *a == arity)
        .map(|(_, _, m, f)| (*m, *f))
}

/// Whether a call of `module.name/arity` always returns a reference made by
/// the call itself (`make_ref/0`, `monitor`, `alias`): a receive waiting for
/// it can skip the messages queued before the call (the receive marker).
/// `module` is `None` for a call without a module.
pub(super) fn makes_fresh_ref(module: Option<&str>, name: &str, arity: usize) -> bool {
    matches!(
        (module, name, arity),
        (None | Some("erlang") | Some("Elixir.Kernel"), "make_ref", 0)
            | (Some("erlang"), "monitor", 2 | 3)
            | (Some("Elixir.Process"), "monitor", 1)
            | (Some("erlang") | Some("Elixir.Process"), "alias", 0 | 1)
    )
}
