//! How library frames read in stack traces. beamlet's library (stdlib/)
//! does the work of Elixir 1.14's and OTP 25's in functions of its own, so
//! a frame of one of them would name a file and line no Elixir program
//! sees. The frames a failure's trace shows most often (the ones ExUnit
//! prints, and the `[error] GenServer ... terminating` report) are renamed
//! here to what Elixir shows: an `Enum` list helper as the `:lists` call
//! Elixir inlines, a GenServer callback under `:gen_server.try_handle_call/4`
//! and `:gen_server.handle_msg/6`, a task under `Task.Supervised.invoke_mfa/2`,
//! a process started by `:proc_lib` under `:proc_lib.init_p_do_apply/3`,
//! a client's exit under `GenServer.call/3` at Elixir's line, a library
//! function that raises at one place (`Keyword.fetch!/2`, `Enum.fetch!/2`,
//! `Enum.reduce/2`, `Enum.random/1`) at the line of Elixir's raise, a
//! range's walk as `Enum.reduce_range/5` (with `Enum.each/2`'s,
//! `Enum.map/2`'s and `Enum.filter/2`'s callbacks at Elixir's lines), the `Enumerable`
//! protocol's dispatch and its callers (`Enum.count/1`, `Enum.member?/2`,
//! `Enum.at/3`) at Elixir's lines in lib/enum.ex, and list helpers of Enum
//! and Map calling a callback (`Enum.find_value/2`'s, `Map.update/4`...)
//! where they have the same frames as Elixir's, and the String, Integer,
//! Keyword and List functions a bad argument fails most (no clause
//! matches) at their first clause's line in Elixir, `Enum.join/2`,
//! `Enum.map_join/3` and `Enum.sort_by/3` of a list through Elixir's
//! helpers, and the protocol functions of String.Chars and List.Chars
//! (their conversions in Rust push the same frames: bif/string.rs).
//!
//! The library keeps one function for each frame Elixir shows (a callback
//! runs in a function of its own, an exit happens in a helper called in
//! tail position), so a frame is renamed by its function alone, whatever
//! line of the library it stands at. A renamed function keeps its name in
//! the library: a conformance script (`errors_otp_frames`) checks each one.

use crate::atom;
use crate::term::Term;

/// What a library function's frame shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shown {
    /// The frame of Elixir's or OTP's function doing the same work.
    As {
        module: &'static str,
        name: &'static str,
        arity: u32,
        file: &'static str,
        line: u32,
    },
    /// Its own name and line, in Elixir's file (the library function sits
    /// at the line of Elixir's).
    InFile(&'static str),
    /// Several frames of Elixir's (a script's top level runs under
    /// Elixir's compiler: `:elixir_compiler.dispatch/4` and what called it).
    Many(&'static [Shown]),
}

/// The atom of one of this table's names, interned once per thread (a
/// trace is built at each raise: interning hashes and takes a lock), in a
/// small direct-mapped cache keyed by the name's address.
pub(crate) fn atom_of(name: &'static str) -> Term {
    use std::cell::Cell;
    const SLOTS: usize = 128;
    thread_local! {
        static ATOMS: [Cell<(usize, usize, Term)>; SLOTS] =
            const { [const { Cell::new((0, 0, Term::NIL)) }; SLOTS] };
    }
    // A hit is the same string: the same address and length.
    let (ptr, len) = (name.as_ptr() as usize, name.len());
    let slot = ((ptr >> 3) ^ len) % SLOTS;
    ATOMS.with(|atoms| {
        let (p, l, t) = atoms[slot].get();
        if p == ptr && l == len {
            return t;
        }
        let t = atom::intern(name);
        atoms[slot].set((ptr, len, t));
        t
    })
}

const fn at(
    module: &'static str,
    name: &'static str,
    arity: u32,
    file: &'static str,
    line: u32,
) -> Shown {
    Shown::As {
        module,
        name,
        arity,
        file,
        line,
    }
}

/// Where a script's top level runs in Elixir 1.14 (`elixir file.exs`):
/// what `:elixir_module.verifying/1` stands for...
const SCRIPT: &[Shown] = &[
    at(
        "elixir_compiler",
        "dispatch",
        4,
        "src/elixir_compiler.erl",
        65,
    ),
    at(
        "elixir_compiler",
        "compile",
        3,
        "src/elixir_compiler.erl",
        50,
    ),
    at("elixir_lexical", "run", 3, "src/elixir_lexical.erl", 15),
    at(
        "elixir_compiler",
        "quoted",
        3,
        "src/elixir_compiler.erl",
        17,
    ),
    at(
        "Elixir.Module.ParallelChecker",
        "verify",
        1,
        "lib/module/parallel_checker.ex",
        100,
    ),
];

/// ...and `:elixir_module.eval_file/2`.
const SCRIPT_FILE: &[Shown] = &[at("Elixir.Code", "require_file", 2, "lib/code.ex", 1245)];

const GEN_SERVER: &str = "gen_server";
const GEN_SERVER_ERL: &str = "gen_server.erl";
const ELIXIR_GEN_SERVER: &str = "Elixir.GenServer";
const LIB_GEN_SERVER: &str = "lib/gen_server.ex";
const LIB_ENUM: &str = "lib/enum.ex";

/// How the frame of `module.name/arity` reads, when it is one of the
/// library functions renamed (None: as it is).
pub(crate) fn shown(module: Term, name: Term, arity: u32) -> Option<Shown> {
    // (By name: reading an atom's name takes no lock, interning does.)
    let name = atom::name(name);
    Some(match (atom::name(module), name, arity) {
        ("Elixir.Enum", ..) => return enum_frame(name, arity),
        ("Elixir.String", ..) => return string_frame(name, arity),
        // Functions a bad argument fails (no clause matches), at the line
        // of their first clause in Elixir.
        ("Elixir.Integer", "parse", 2) => at("Elixir.Integer", "parse", 2, "lib/integer.ex", 275),
        ("Elixir.Integer", "digits", 2) => at("Elixir.Integer", "digits", 2, "lib/integer.ex", 190),
        ("Elixir.Keyword", "get", 3) => at("Elixir.Keyword", "get", 3, "lib/keyword.ex", 388),
        ("Elixir.List", "first", 2) => at("Elixir.List", "first", 2, "lib/list.ex", 293),
        ("elixir_module", "verifying", 1) => Shown::Many(SCRIPT),
        ("elixir_module", "eval_file", 2) => Shown::Many(SCRIPT_FILE),
        ("Elixir.GenServer", "try_init", 2) => at(GEN_SERVER, "init_it", 2, GEN_SERVER_ERL, 851),
        ("Elixir.GenServer", "__init_it__", 6) => at(GEN_SERVER, "init_it", 6, GEN_SERVER_ERL, 814),
        ("Elixir.GenServer", "continue", 3) => at(GEN_SERVER, "loop", 7, GEN_SERVER_ERL, 865),
        ("Elixir.GenServer", "try_handle_call", 4) => {
            at(GEN_SERVER, "try_handle_call", 4, GEN_SERVER_ERL, 1149)
        }
        ("Elixir.GenServer", "handle_msg", 3) => {
            at(GEN_SERVER, "handle_msg", 6, GEN_SERVER_ERL, 1178)
        }
        ("Elixir.GenServer", "try_dispatch", 4) => {
            at(GEN_SERVER, "try_dispatch", 4, GEN_SERVER_ERL, 1123)
        }
        ("Elixir.GenServer", "dispatch", 5) => {
            at(GEN_SERVER, "handle_msg", 6, GEN_SERVER_ERL, 1200)
        }
        ("Elixir.GenServer", "try_terminate", 3) => {
            at(GEN_SERVER, "try_terminate", 3, GEN_SERVER_ERL, 1161)
        }
        ("Elixir.GenServer", "terminate", 8) => {
            at(GEN_SERVER, "terminate", 10, GEN_SERVER_ERL, 1351)
        }
        // (Where a client waits for the reply, as a crash report shows it.)
        ("Elixir.GenServer", "__call__", 4) => at("gen", "do_call", 4, "gen.erl", 256),
        ("Elixir.GenServer", "call", 3) => at(ELIXIR_GEN_SERVER, "call", 3, LIB_GEN_SERVER, 1035),
        ("Elixir.GenServer", "call_noproc", 3) => {
            at(ELIXIR_GEN_SERVER, "call", 3, LIB_GEN_SERVER, 1027)
        }
        ("Elixir.GenServer", "call_self", 3) => {
            at(ELIXIR_GEN_SERVER, "call", 3, LIB_GEN_SERVER, 1031)
        }
        ("Elixir.GenServer", "call_failed", 4) => {
            at(ELIXIR_GEN_SERVER, "call", 3, LIB_GEN_SERVER, 1038)
        }
        ("Elixir.GenServer", "stop_noproc", 3) => {
            at(ELIXIR_GEN_SERVER, "stop", 3, LIB_GEN_SERVER, 985)
        }
        ("proc_lib", "init_p_do_apply", 3) => {
            at("proc_lib", "init_p_do_apply", 3, "proc_lib.erl", 240)
        }
        // A protocol without an implementation for the value (the
        // protocol function of String.Chars and List.Chars; their
        // conversions in Rust give these frames too: bif/string.rs).
        ("Elixir.String.Chars", "impl_for!", 1) => at(
            "Elixir.String.Chars",
            "impl_for!",
            1,
            "lib/string/chars.ex",
            3,
        ),
        ("Elixir.String.Chars", "to_string", 1) => at(
            "Elixir.String.Chars",
            "to_string",
            1,
            "lib/string/chars.ex",
            22,
        ),
        ("Elixir.List.Chars", "impl_for!", 1) => {
            at("Elixir.List.Chars", "impl_for!", 1, "lib/list/chars.ex", 1)
        }
        ("Elixir.List.Chars", "to_charlist", 1) => at(
            "Elixir.List.Chars",
            "to_charlist",
            1,
            "lib/list/chars.ex",
            17,
        ),
        ("Elixir.Agent.Server", ..) => Shown::InFile("lib/agent/server.ex"),
        // Map functions calling a callback, at Elixir's line of the call.
        ("Elixir.Map", "update", 4) => at("Elixir.Map", "update", 4, "lib/map.ex", 687),
        ("Elixir.Map", "new_from_enum", 2) => {
            at("Elixir.Map", "new_from_enum", 2, "lib/map.ex", 263)
        }
        ("Elixir.List", "foldl_loop", 3) => at(
            "Elixir.List",
            "-foldl/3-lists^foldl/2-0-",
            3,
            "lib/list.ex",
            249,
        ),
        // Enumerable's dispatch (Elixir's protocol lives in lib/enum.ex).
        ("Elixir.Enumerable", "impl_for!", 1) => {
            at("Elixir.Enumerable", "impl_for!", 1, LIB_ENUM, 1)
        }
        ("Elixir.Enumerable", "reduce", 3) => at("Elixir.Enumerable", "reduce", 3, LIB_ENUM, 166),
        ("Elixir.Enumerable", "count", 1) => at("Elixir.Enumerable", "count", 1, LIB_ENUM, 178),
        ("Elixir.Enumerable", "member?", 2) => at("Elixir.Enumerable", "member?", 2, LIB_ENUM, 194),
        ("Elixir.Enumerable", "slice", 1) => at("Elixir.Enumerable", "slice", 1, LIB_ENUM, 230),
        // A library function raising at one place: Elixir's line of the raise.
        ("Elixir.Keyword", "fetch!", 2) => at("Elixir.Keyword", "fetch!", 2, "lib/keyword.ex", 595),
        ("Elixir.Task.Supervised", "invoke_mfa", 2) => at(
            "Elixir.Task.Supervised",
            "invoke_mfa",
            2,
            "lib/task/supervised.ex",
            89,
        ),
        ("Elixir.Task.Supervised", "reply", 3) => at(
            "Elixir.Task.Supervised",
            "reply",
            4,
            "lib/task/supervised.ex",
            34,
        ),
        ("Elixir.Task", "await_down", 2) => at("Elixir.Task", "await", 2, "lib/task.ex", 826),
        ("Elixir.Task", "await_timeout", 2) => at("Elixir.Task", "await", 2, "lib/task.ex", 830),
        ("Elixir.Task", "await_owner", 1) => at("Elixir.Task", "await", 2, "lib/task.ex", 817),
        ("Elixir.Task", "yield_owner", 1) => at("Elixir.Task", "yield", 2, "lib/task.ex", 1061),
        ("Elixir.Task", "ignore_owner", 1) => at("Elixir.Task", "ignore", 1, "lib/task.ex", 856),
        ("Elixir.Task", "shutdown_owner", 1) => {
            at("Elixir.Task", "shutdown", 2, "lib/task.ex", 1221)
        }
        ("Elixir.Task", "await_many", 2) => at("Elixir.Task", "await_many", 2, "lib/task.ex", 940),
        ("Elixir.Task", "await_many_timeout", 1) => {
            at("Elixir.Task", "await_many", 5, "lib/task.ex", 956)
        }
        ("Elixir.Task", "await_many_down", 2) => {
            at("Elixir.Task", "await_many", 5, "lib/task.ex", 960)
        }
        ("Elixir.ExUnit.Runner", "exec_test", 3) => at(
            "Elixir.ExUnit.Runner",
            "exec_test",
            1,
            "lib/ex_unit/runner.ex",
            512,
        ),
        ("Elixir.ExUnit.Runner", "test_process", 4) => at(
            "Elixir.ExUnit.Runner",
            "-spawn_test_monitor/4-fun-1-",
            4,
            "lib/ex_unit/runner.ex",
            463,
        ),
        // A setup callback that returned something else than :ok, a keyword or a map.
        ("Elixir.ExUnit.Callbacks", "raise_merge_failed!", 2) => at(
            "Elixir.ExUnit.Callbacks",
            "raise_merge_failed!",
            2,
            "lib/ex_unit/callbacks.ex",
            685,
        ),
        ("Elixir.Process", "sleep", 1) => at("Elixir.Process", "sleep", 1, "lib/process.ex", 250),
        ("timer", "tc", 1) => at("timer", "tc", 1, "timer.erl", 235),
        ("timer", "tc", 2) => at("timer", "tc", 2, "timer.erl", 250),
        ("timer", "tc", 3) => at("timer", "tc", 3, "timer.erl", 266),
        _ => return None,
    })
}

/// Elixir's name, arity and line (in `lib/enum.ex`) for beamlet's list
/// helpers of `Enum` (stdlib/enum.ex), which stand where Elixir 1.14 has
/// its inlined `:lists` calls and list helpers, so a callback's error reads
/// as in Elixir.
fn enum_frame(name: &str, arity: u32) -> Option<Shown> {
    let (name, arity, line) = match (name, arity) {
        ("reduce_list", 3) => ("-reduce/3-lists^foldl/2-0-", 3, 2468),
        ("map_list", 2) => ("-map/2-lists^map/1-0-", 2, 1658),
        ("each_list", 2) => ("-each/2-lists^foreach/1-0-", 2, 975),
        ("map_reduce_list", 4) => ("-map_reduce/3-lists^mapfoldl/2-0-", 3, 1780),
        ("filter_list", 2) => ("filter_list", 2, 4197),
        ("reject_list", 2) => ("reject_list", 2, 4313),
        ("flat_map_list", 2) => ("flat_map_list", 2, 4249),
        ("find_list", 3) => ("find_list", 3, 4211),
        ("all_list", 2) => ("all_list", 2, 4110),
        ("any_list", 2) => ("any_list", 2, 4136),
        ("uniq_list", 3) => ("uniq_list", 3, 4689),
        ("zip_with_list", 3) => ("zip_with_list", 3, 4725),
        // A range's walk, and callbacks Elixir runs through it: Elixir's
        // `reduce/3` is inlined into `each/2`, `map/2` and `filter/2` (its range
        // clause's line). A fun is matched by its arity without what it
        // captured (the callback: 3 in its frame).
        ("reduce_up" | "reduce_down", 5) => ("reduce_range", 5, 4299),
        ("-each/2-fun-0-", 2) => ("-each/2-fun-0-", 3, 980),
        ("-filter/2-fun-0-", 2) => ("-filter/2-fun-0-", 3, 1112),
        ("-map/2-fun-0-", 2) => ("-map/2-fun-0-", 3, 1662),
        ("each", 2) => ("each", 2, 2472),
        ("map", 2) => ("map", 2, 2472),
        ("filter", 2) => ("filter", 2, 2472),
        // List helpers calling a callback, as Elixir's (same function).
        ("find_value_list", 3) => ("find_value_list", 3, 4239),
        ("find_index_list", 3) => ("find_index_list", 3, 4225),
        ("take_while_list", 2) => ("take_while_list", 2, 4675),
        ("drop_while_list", 2) => ("drop_while_list", 2, 4183),
        ("into", 3) => ("into", 3, 1552),
        // An element without String.Chars: `join/2` of a list.
        ("join", 2) => ("join", 2, 1617),
        ("join_list", 2) => ("join_list", 2, 4272),
        ("join_non_empty_list", 3) => ("join_non_empty_list", 3, 3991),
        ("map_join", 3) => ("map_join", 3, 1755),
        ("map_intersperse_list", 3) => ("map_intersperse_list", 3, 4292),
        ("map_intersperse_last", 2) => ("map_intersperse_list", 3, 4289),
        // A mapper raising in `sort_by/3`.
        ("-sort_by/3-fun-0-", 1) => ("-sort_by/3-fun-0-", 2, 3264),
        ("sort_by", 3) => ("sort_by", 3, 3264),
        // Where these call the Enumerable protocol.
        ("count", 1) => ("count", 1, 690),
        ("member?", 2) => ("member?", 2, 1960),
        ("at", 3) => ("at", 3, 468),
        ("slice_forward", 4) => ("slice_forward", 4, 4379),
        // Functions that raise at one place (Elixir's line of the raise).
        ("fetch!", 2) => ("fetch!", 2, 1072),
        ("reduce", 2) => ("reduce", 2, 2414),
        ("random", 1) => ("random", 1, 2349),
        _ => return None,
    };
    Some(at("Elixir.Enum", name, arity, LIB_ENUM, line))
}

/// The line of Elixir's first clause of the `String` functions a bad
/// argument (often nil) fails most: a `FunctionClauseError`'s frame (their
/// clauses are in `Exception`'s `@library_clauses`).
fn string_frame(name: &str, arity: u32) -> Option<Shown> {
    let (name, line) = match (name, arity) {
        ("length", 1) => ("length", 2016),
        ("upcase", 2) => ("upcase", 831),
        ("downcase", 2) => ("downcase", 899),
        ("split", 3) => ("split", 479),
        ("trim", 1) => ("trim", 1271),
        ("graphemes", 1) => ("graphemes", 1902),
        ("reverse", 1) => ("reverse", 1657),
        ("capitalize", 2) => ("capitalize", 945),
        ("starts_with?", 2) => ("starts_with?", 2346),
        ("contains?", 2) => ("contains?", 2490),
        ("codepoints", 1) => ("codepoints", 1720),
        ("replace", 4) => ("replace", 1521),
        ("slice", 3) => ("slice", 2110),
        ("at", 2) => ("at", 2050),
        ("to_charlist", 1) => ("to_charlist", 2529),
        _ => return None,
    };
    Some(at("Elixir.String", name, arity, "lib/string.ex", line))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atom_of_gives_each_name_its_atom() {
        let names: Vec<&'static str> = (0..600)
            .map(|i| &*Box::leak(format!("frames_test_{i}").into_boxed_str()))
            .collect();
        for _ in 0..2 {
            for n in &names {
                assert_eq!(atom::name(atom_of(n)), *n);
            }
        }
        assert_eq!(atom::name(atom_of("tc")), "tc");
        assert_eq!(atom::name(atom_of("timer")), "timer");
    }

    #[test]
    fn renames_by_function() {
        let m = atom::intern("Elixir.GenServer");
        let shown = shown(m, atom::intern("try_handle_call"), 4);
        assert_eq!(
            shown,
            Some(at(GEN_SERVER, "try_handle_call", 4, GEN_SERVER_ERL, 1149))
        );
        assert_eq!(super::shown(m, atom::intern("cast"), 2), None);
        let agent = atom::intern("Elixir.Agent.Server");
        assert_eq!(
            super::shown(agent, atom::intern("handle_call"), 3),
            Some(Shown::InFile("lib/agent/server.ex"))
        );
    }
}
