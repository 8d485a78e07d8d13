//! Built-in functions (BIFs): primitives written in Rust.
//!
//! A BIF gets its arguments and a [`Ctx`] (the calling process's state and
//! the code table) and returns a term or an exception. A BIF may run a
//! function of the language to completion with `nested::call` (the compiler
//! running a macro); higher-order library functions (`Enum.map`, ...) are
//! written in the language itself (`stdlib/`) rather than call back so.
//!
//! The table [`BIFS`] maps `module.name/arity` to each BIF; the compiler
//! looks BIFs up by name and emits `Op::Bif` with the index.

pub mod atomics;
pub mod binary;
pub mod binary_module;
pub mod compiler;
pub mod digest;
pub mod erlang;
pub mod ets;
mod ets_hash;
pub mod ets_ms;
pub mod exception;
pub mod ext;
pub mod file;
pub mod float_text;
pub mod inspect;
pub mod io;
pub mod map;
pub mod math;
pub mod number;
pub mod os;
pub mod process;
pub mod protocol;
pub mod re;
pub mod shell;
pub mod string;
pub mod structs;
pub mod system;
#[cfg(any(test, feature = "test-bifs"))]
pub mod testing;
pub mod zlib;

use crate::atom;
pub use crate::ctx::{Ctx, Io};
use crate::process::Exn;
use crate::term::Term;

pub type BifResult = Result<Term, Exn>;
pub type BifFn = fn(&mut Ctx, &[Term]) -> BifResult;
pub type BifId = u16;

pub struct BifEntry {
    pub module: &'static str,
    pub name: &'static str,
    pub arity: u8,
    pub f: BifFn,
    /// Allowed in guards (never has side effects).
    pub guard: bool,
}

macro_rules! bifs {
    ($( $(#[$attr:meta])* $module:literal $name:literal / $arity:literal => $f:path $(, $guard:ident)? ;)*) => {
        pub static BIFS: &[BifEntry] = &[
            $($(#[$attr])* BifEntry { module: $module, name: $name, arity: $arity, f: $f, guard: bifs!(@g $($guard)?) },)*
        ];
    };
    (@g guard) => { true };
    (@g) => { false };
}

bifs! {
    "erlang" "+" / 2 => erlang::add, guard;
    "erlang" "-" / 2 => erlang::sub, guard;
    "erlang" "*" / 2 => erlang::mul, guard;
    "erlang" "/" / 2 => erlang::fdiv, guard;
    "erlang" "div" / 2 => erlang::idiv, guard;
    "erlang" "rem" / 2 => erlang::irem, guard;
    "erlang" "-" / 1 => erlang::neg, guard;
    "erlang" "+" / 1 => erlang::plus, guard;
    "erlang" "==" / 2 => erlang::eq, guard;
    "erlang" "/=" / 2 => erlang::ne, guard;
    "erlang" "=:=" / 2 => erlang::exact_eq, guard;
    "erlang" "=/=" / 2 => erlang::exact_ne, guard;
    "erlang" "<" / 2 => erlang::lt, guard;
    "erlang" ">" / 2 => erlang::gt, guard;
    "erlang" "=<" / 2 => erlang::le, guard;
    "erlang" ">=" / 2 => erlang::ge, guard;
    "erlang" "not" / 1 => erlang::not, guard;
    "erlang" "and" / 2 => erlang::and, guard;
    "erlang" "or" / 2 => erlang::or, guard;
    "erlang" "abs" / 1 => erlang::abs, guard;
    "erlang" "max" / 2 => erlang::max, guard;
    "erlang" "min" / 2 => erlang::min, guard;
    "erlang" "round" / 1 => erlang::round, guard;
    "erlang" "trunc" / 1 => erlang::trunc, guard;
    "erlang" "ceil" / 1 => erlang::ceil, guard;
    "erlang" "floor" / 1 => erlang::floor, guard;
    "Elixir.Kernel" "is_exception" / 1 => exception::is_exception_bif, guard;
    "Elixir.Kernel" "function_exported?" / 3 => erlang::function_exported;
    "erlang" "hd" / 1 => erlang::hd, guard;
    "erlang" "tl" / 1 => erlang::tl, guard;
    "erlang" "length" / 1 => erlang::length, guard;
    "erlang" "tuple_size" / 1 => erlang::tuple_size, guard;
    "erlang" "map_size" / 1 => erlang::map_size, guard;
    "erlang" "byte_size" / 1 => erlang::byte_size, guard;
    "erlang" "element" / 2 => erlang::element, guard;
    "erlang" "setelement" / 3 => erlang::setelement;
    "erlang" "is_integer" / 1 => erlang::is_integer, guard;
    "erlang" "is_float" / 1 => erlang::is_float, guard;
    "erlang" "is_number" / 1 => erlang::is_number, guard;
    "erlang" "is_atom" / 1 => erlang::is_atom, guard;
    "erlang" "is_boolean" / 1 => erlang::is_boolean, guard;
    "erlang" "is_binary" / 1 => erlang::is_binary, guard;
    "erlang" "is_bitstring" / 1 => erlang::is_bitstring, guard;
    "erlang" "bit_size" / 1 => erlang::bit_size, guard;
    "erlang" "is_list" / 1 => erlang::is_list, guard;
    "erlang" "is_tuple" / 1 => erlang::is_tuple, guard;
    "erlang" "is_map" / 1 => erlang::is_map, guard;
    "erlang" "is_function" / 1 => erlang::is_function, guard;
    "erlang" "is_function" / 2 => erlang::is_function2, guard;
    "erlang" "fun_info" / 1 => erlang::fun_info;
    "erlang" "fun_info" / 2 => erlang::fun_info2;
    "erlang" "make_fun" / 3 => erlang::make_fun;
    "erlang" "is_pid" / 1 => erlang::is_pid, guard;
    "erlang" "list_to_pid" / 1 => erlang::list_to_pid;
    "erlang" "is_reference" / 1 => erlang::is_reference, guard;
    "erlang" "is_port" / 1 => erlang::is_port, guard;
    "erlang" "is_map_key" / 2 => map::is_map_key, guard;
    "erlang" "map_get" / 2 => map::map_get, guard;
    "Elixir.Kernel" "is_map_key" / 2 => map::kernel_is_map_key, guard;
    "erlang" "++" / 2 => erlang::append, guard;
    "erlang" "--" / 2 => erlang::subtract;
    "erlang" "error" / 1 => erlang::error;
    "erlang" "error" / 2 => erlang::error2;
    "erlang" "throw" / 1 => erlang::throw;
    "erlang" "exit" / 1 => erlang::exit;
    "erlang" "make_ref" / 0 => erlang::make_ref;
    "erlang" "self" / 0 => erlang::self_, guard;
    "erlang" "node" / 0 => erlang::node, guard;
    "erlang" "node" / 1 => erlang::node, guard;
    "erlang" "send" / 2 => erlang::send;
    "erlang" "spawn" / 1 => process::spawn1;
    "erlang" "spawn" / 3 => process::spawn3;
    "erlang" "spawn_link" / 1 => process::spawn_link1;
    "erlang" "spawn_link" / 3 => process::spawn_link3;
    "erlang" "spawn_monitor" / 1 => process::spawn_monitor1;
    "erlang" "spawn_monitor" / 3 => process::spawn_monitor3;
    "erlang" "link" / 1 => process::link;
    "erlang" "unlink" / 1 => process::unlink;
    "erlang" "monitor" / 2 => process::monitor2;
    "erlang" "demonitor" / 1 => process::demonitor;
    "erlang" "exit" / 2 => process::exit2;
    "erlang" "yield" / 0 => process::yield0;
    "erlang" "process_flag" / 2 => process::flag;
    "erlang" "register" / 2 => process::erl_register;
    "erlang" "unregister" / 1 => process::unregister;
    "erlang" "whereis" / 1 => process::erl_whereis;
    "erlang" "processes" / 0 => process::list;
    "erlang" "put" / 2 => process::dict_put;
    "erlang" "get" / 1 => process::dict_get;
    "erlang" "get" / 0 => process::dict_get_all;
    "erlang" "erase" / 1 => process::dict_erase;
    "erlang" "erase" / 0 => process::dict_erase_all;
    "erlang" "get_keys" / 0 => process::dict_keys;
    "erlang" "get_keys" / 1 => process::dict_keys_of;
    "beamlet" "process_info" / 2 => process::process_info;
    "beamlet" "process_alive" / 1 => process::process_alive;
    "erlang" "send_after" / 3 => process::erl_send_after;
    "erlang" "cancel_timer" / 1 => process::cancel_timer;
    "erlang" "read_timer" / 1 => process::read_timer;
    "erlang" "start_timer" / 3 => process::start_timer;
    "erlang" "registered" / 0 => process::registered;
    "erlang" "monitor" / 3 => process::monitor3;
    "erlang" "alias" / 0 => process::alias;
    "erlang" "alias" / 1 => process::alias;
    "erlang" "unalias" / 1 => process::unalias;
    "beamlet" "demonitor" / 1 => process::demonitor_found;
    "beamlet" "unreceive" / 1 => process::unreceive;
    "Elixir.Process" "spawn" / 1 => process::spawn1;
    "Elixir.Process" "link" / 1 => process::link;
    "Elixir.Process" "unlink" / 1 => process::unlink;
    "Elixir.Process" "monitor" / 1 => process::monitor;
    "Elixir.Process" "demonitor" / 1 => process::demonitor;
    "Elixir.Process" "group_leader" / 0 => process::group_leader0;
    "Elixir.Process" "group_leader" / 2 => process::process_group_leader2;
    "erlang" "group_leader" / 0 => process::group_leader0;
    "erlang" "group_leader" / 2 => process::group_leader2;
    "Elixir.Process" "exit" / 2 => process::exit2;
    "Elixir.Process" "flag" / 2 => process::flag;
    "Elixir.Process" "register" / 2 => process::register;
    "Elixir.Process" "unregister" / 1 => process::unregister;
    "Elixir.Process" "whereis" / 1 => process::whereis;
    "Elixir.Process" "list" / 0 => process::list;
    "Elixir.Process" "send_after" / 3 => process::send_after;
    "Elixir.Process" "cancel_timer" / 1 => process::cancel_timer;
    "Elixir.Process" "send" / 2 => erlang::send;
    "erlang" "tuple_to_list" / 1 => erlang::tuple_to_list;
    "erlang" "list_to_tuple" / 1 => erlang::list_to_tuple;
    "erlang" "make_tuple" / 2 => erlang::make_tuple;
    "erlang" "atom_to_binary" / 1 => string::atom_to_binary;
    "erlang" "binary_to_atom" / 1 => string::binary_to_atom;
    "erlang" "binary_to_atom" / 2 => string::binary_to_atom;
    "erlang" "binary_to_existing_atom" / 1 => string::binary_to_existing_atom;
    "erlang" "binary_to_existing_atom" / 2 => string::binary_to_existing_atom;
    "erlang" "binary_to_integer" / 1 => string::binary_to_integer;
    "erlang" "binary_to_integer" / 2 => string::string_to_integer;
    "erlang" "integer_to_binary" / 1 => string::integer_to_binary;
    "erlang" "integer_to_binary" / 2 => string::integer_to_binary2;
    "erlang" "binary_part" / 3 => string::binary_part, guard;
    "erlang" "binary_part" / 2 => string::binary_part2, guard;
    "erlang" "iolist_to_binary" / 1 => string::iodata_to_binary;
    "erlang" "list_to_binary" / 1 => string::list_to_binary;
    "erlang" "binary_to_list" / 1 => string::binary_to_bytes;
    "erlang" "float" / 1 => erlang::to_float, guard;
    "erlang" "bnot" / 1 => erlang::bnot, guard;
    "erlang" "bor" / 2 => erlang::bor, guard;
    "erlang" "band" / 2 => erlang::band, guard;
    "erlang" "bxor" / 2 => erlang::bxor, guard;
    "erlang" "bsl" / 2 => erlang::bsl, guard;
    "erlang" "bsr" / 2 => erlang::bsr, guard;
    "lists" "reverse" / 1 => erlang::reverse;
    "lists" "reverse" / 2 => erlang::reverse2;
    "lists" "keyfind" / 3 => erlang::keyfind;
    "lists" "member" / 2 => erlang::member;
    "lists" "sort" / 1 => erlang::sort;
    "math" "sin" / 1 => math::sin;
    "math" "cos" / 1 => math::cos;
    "math" "tan" / 1 => math::tan;
    "math" "asin" / 1 => math::asin;
    "math" "acos" / 1 => math::acos;
    "math" "atan" / 1 => math::atan;
    "math" "sinh" / 1 => math::sinh;
    "math" "cosh" / 1 => math::cosh;
    "math" "tanh" / 1 => math::tanh;
    "math" "asinh" / 1 => math::asinh;
    "math" "acosh" / 1 => math::acosh;
    "math" "atanh" / 1 => math::atanh;
    "math" "exp" / 1 => math::exp;
    "math" "log" / 1 => math::log;
    "math" "log2" / 1 => math::log2;
    "math" "log10" / 1 => math::log10;
    "erlang" "term_to_binary" / 1 => ext::term_to_binary;
    "erlang" "term_to_binary" / 2 => ext::term_to_binary2;
    "erlang" "binary_to_term" / 1 => ext::binary_to_term;
    "erlang" "binary_to_term" / 2 => ext::binary_to_term2;
    "erlang" "external_size" / 1 => ext::external_size;
    "erlang" "external_size" / 2 => ext::external_size2;
    "erlang" "phash" / 2 => ext::phash;
    "erlang" "phash2" / 1 => ext::phash2;
    "erlang" "phash2" / 2 => ext::phash2_range;
    "zlib" "compress" / 1 => zlib::compress;
    "zlib" "uncompress" / 1 => zlib::uncompress;
    "zlib" "zip" / 1 => zlib::zip;
    "zlib" "unzip" / 1 => zlib::unzip;
    "zlib" "gzip" / 1 => zlib::gzip;
    "zlib" "gunzip" / 1 => zlib::gunzip;
    "erlang" "md5" / 1 => digest::md5;
    "erlang" "crc32" / 1 => digest::crc32;
    "erlang" "crc32" / 2 => digest::crc32_2;
    "erlang" "adler32" / 1 => digest::adler32;
    "erlang" "adler32" / 2 => digest::adler32_2;
    "beamlet" "digest" / 2 => digest::crypto_digest;
    "beamlet" "strong_rand_bytes" / 1 => digest::strong_rand_bytes;
    "beamlet" "os_cmd" / 1 => os::os_cmd;
    "erlang" "float_to_binary" / 1 => float_text::float_to_binary;
    "erlang" "float_to_binary" / 2 => float_text::float_to_binary2;
    "math" "sqrt" / 1 => math::sqrt;
    "math" "erf" / 1 => math::erf;
    "math" "erfc" / 1 => math::erfc;
    "math" "ceil" / 1 => math::ceil;
    "math" "floor" / 1 => math::floor;
    "math" "atan2" / 2 => math::atan2;
    "math" "pow" / 2 => math::pow;
    "math" "fmod" / 2 => math::fmod;
    "math" "pi" / 0 => math::pi;
    "beamlet" "interp" / 1 => string::interp;
    "beamlet" "concat" / 2 => string::concat;
    "beamlet" "script_fdiv" / 2 => erlang::fdiv;
    "beamlet" "to_string" / 1 => string::to_string;
    "beamlet" "map_dot" / 2 => map::map_dot;
    "beamlet" "map_fold_list" / 1 => map::fold_list;
    "beamlet" "raise" / 1 => exception::raise1;
    "beamlet" "raise" / 2 => exception::raise2;
    "beamlet" "raise_exception" / 1 => exception::raise_exception;
    "beamlet" "reraise" / 2 => exception::reraise;
    "erlang" "raise" / 3 => exception::erlang_raise;
    "atomics" "new" / 2 => atomics::new;
    "beamlet" "counters_new" / 1 => atomics::counters_new;
    "atomics" "get" / 2 => atomics::get;
    "atomics" "put" / 3 => atomics::put;
    "atomics" "add" / 3 => atomics::add;
    "atomics" "add_get" / 3 => atomics::add_get;
    "atomics" "sub" / 3 => atomics::sub;
    "atomics" "sub_get" / 3 => atomics::sub_get;
    "atomics" "exchange" / 3 => atomics::exchange;
    "atomics" "compare_exchange" / 4 => atomics::compare_exchange;
    "atomics" "info" / 1 => atomics::info;
    "persistent_term" "put" / 2 => atomics::pt_put;
    "persistent_term" "get" / 0 => atomics::pt_get0;
    "persistent_term" "get" / 1 => atomics::pt_get1;
    "persistent_term" "get" / 2 => atomics::pt_get2;
    "persistent_term" "erase" / 1 => atomics::pt_erase;
    "persistent_term" "info" / 0 => atomics::pt_info;
    "ets" "new" / 2 => ets::new;
    "ets" "delete" / 1 => ets::delete1;
    "ets" "delete" / 2 => ets::delete2;
    "ets" "delete_all_objects" / 1 => ets::delete_all_objects;
    "ets" "delete_object" / 2 => ets::delete_object;
    "ets" "insert" / 2 => ets::insert;
    "ets" "insert_new" / 2 => ets::insert_new;
    "ets" "lookup" / 2 => ets::lookup;
    "ets" "lookup_element" / 3 => ets::lookup_element;
    "ets" "member" / 2 => ets::member;
    "ets" "take" / 2 => ets::take;
    "ets" "tab2list" / 1 => ets::tab2list;
    "ets" "slot" / 2 => ets::slot;
    "ets" "safe_fixtable" / 2 => ets::safe_fixtable;
    "ets" "first" / 1 => ets::first;
    "ets" "last" / 1 => ets::last;
    "ets" "next" / 2 => ets::next;
    "ets" "prev" / 2 => ets::prev;
    "ets" "update_counter" / 3 => ets::update_counter3;
    "ets" "update_counter" / 4 => ets::update_counter4;
    "ets" "update_element" / 3 => ets::update_element;
    "ets" "info" / 1 => ets::info1;
    "ets" "info" / 2 => ets::info2;
    "ets" "all" / 0 => ets::all;
    "ets" "whereis" / 1 => ets::whereis;
    "ets" "rename" / 2 => ets::rename;
    "ets" "give_away" / 3 => ets::give_away;
    "ets" "setopts" / 2 => ets::setopts;
    "ets" "select" / 1 => ets::select1;
    "ets" "select" / 2 => ets::select2;
    "ets" "select" / 3 => ets::select3;
    "ets" "select_reverse" / 1 => ets::select1;
    "ets" "select_reverse" / 2 => ets::select_reverse2;
    "ets" "select_reverse" / 3 => ets::select_reverse3;
    "ets" "select_count" / 2 => ets::select_count;
    "ets" "select_delete" / 2 => ets::select_delete;
    "ets" "select_replace" / 2 => ets::select_replace;
    "ets" "match" / 1 => ets::select1;
    "ets" "match" / 2 => ets::match2;
    "ets" "match" / 3 => ets::match3;
    "ets" "match_object" / 1 => ets::select1;
    "ets" "match_object" / 2 => ets::match_object2;
    "ets" "match_object" / 3 => ets::match_object3;
    "ets" "match_delete" / 2 => ets::match_delete;
    "ets" "match_spec_compile" / 1 => ets::match_spec_compile;
    "ets" "match_spec_run" / 2 => ets::match_spec_run;
    "ets" "is_compiled_ms" / 1 => ets::is_compiled_ms;
    "ets" "test_ms" / 2 => ets::test_ms;
    "re" "compile" / 1 => re::compile1;
    "re" "compile" / 2 => re::compile2;
    "re" "run" / 2 => re::run2;
    "re" "run" / 3 => re::run3;
    "re" "inspect" / 2 => re::inspect;
    "re" "version" / 0 => re::version0;
    "beamlet" "native" / 2 => crate::native::call;
    "beamlet" "exception" / 2 => exception::exception2;
    "beamlet" "bad_struct" / 2 => exception::bad_struct;
    "beamlet" "normalize" / 2 => exception::normalize_bif;
    "beamlet" "cond_clause" / 0 => exception::cond_clause;
    "beamlet" "with_clause" / 1 => exception::with_clause;
    "beamlet" "enum_error" / 1 => exception::enum_error;
    "beamlet" "bad_arity" / 2 => exception::bad_arity;
    "beamlet" "struct" / 2 => map::make_struct;
    "beamlet" "range" / 2 => map::range2;
    "beamlet" "range" / 3 => map::range;
    "beamlet" "protocol_impl" / 3 => protocol::protocol_impl;
    "beamlet" "bs_build" / 1 => binary::bs_build;
    "beamlet" "bs_match" / 2 => binary::bs_match, guard;
    "beamlet" "bs_each" / 2 => binary::bs_each;
    "beamlet" "binary_search" / 5 => binary_module::binary_search;
    "binary" "referenced_byte_size" / 1 => binary_module::referenced_byte_size;
    "erlang" "module_loaded" / 1 => erlang::module_loaded;
    "erlang" "delete_module" / 1 => erlang::delete_module;
    "erlang" "loaded" / 0 => erlang::loaded;
    "beamlet_compiler" "define" / 5 => compiler::define;
    "beamlet_compiler" "define" / 6 => compiler::define;
    "beamlet_compiler" "put_attribute" / 4 => compiler::put_attribute;
    "beamlet_compiler" "get_attribute" / 3 => compiler::get_attribute;
    "beamlet_compiler" "defstruct" / 3 => compiler::defstruct;
    "beamlet_compiler" "defexception" / 3 => compiler::defexception;
    "beamlet_compiler" "defoverridable" / 3 => compiler::defoverridable;
    "beamlet_compiler" "struct_from" / 3 => compiler::struct_from;
    "beamlet_compiler" "exception_from" / 2 => compiler::exception_from;
    "beamlet_compiler" "defguard_expand" / 4 => compiler::defguard_expand;
    "beamlet_compiler" "module_open" / 4 => compiler::module_open;
    "beamlet_compiler" "before_compile" / 1 => compiler::before_compile;
    "beamlet_compiler" "module_finish" / 1 => compiler::module_finish;
    "beamlet_compiler" "object_code" / 1 => compiler::object_code;
    "beamlet_compiler" "load_binary" / 2 => compiler::load_binary;
    "beamlet_compiler" "compile_file" / 2 => compiler::compile_file;
    "beamlet_compiler" "check_file" / 2 => compiler::check_file;
    "beamlet_compiler" "eval_string" / 3 => compiler::eval_string;
    "beamlet_compiler" "eval_quoted" / 3 => compiler::eval_quoted;
    "beamlet_compiler" "eval_env" / 3 => compiler::eval_env;
    "beamlet_compiler" "library_modules" / 0 => compiler::library_modules;
    "beamlet_compiler" "env_for_eval" / 1 => compiler::env_for_eval;
    "beamlet_compiler" "eval_string_env" / 3 => compiler::eval_string_env;
    "beamlet_shell" "read_line" / 1 => shell::read_line;
    "beamlet_shell" "poll" / 0 => shell::poll;
    "beamlet_shell" "completion" / 2 => shell::completion;
    "beamlet_shell" "colors?" / 0 => shell::colors;
    "beamlet_compiler" "string_to_quoted" / 2 => compiler::string_to_quoted;
    "beamlet_compiler" "expand" / 2 => compiler::expand;
    "beamlet_compiler" "expand_once" / 2 => compiler::expand_once;
    "beamlet_compiler" "escape" / 2 => compiler::escape;
    "beamlet_compiler" "to_string" / 1 => compiler::to_string;
    "beamlet_compiler" "ensure_loaded" / 1 => compiler::ensure_loaded;
    "beamlet_compiler" "register_attribute" / 3 => compiler::register_attribute;
    "beamlet_compiler" "module_put_attribute" / 3 => compiler::module_put_attribute;
    "beamlet_compiler" "module_get_attribute" / 3 => compiler::module_get_attribute;
    "beamlet_compiler" "delete_attribute" / 2 => compiler::delete_attribute;
    "beamlet_compiler" "is_open" / 1 => compiler::is_open;
    "beamlet_compiler" "defines" / 3 => compiler::defines;
    "beamlet_compiler" "definitions_in" / 2 => compiler::definitions_in;
    "beamlet_compiler" "get_definition" / 3 => compiler::get_definition;
    "beamlet_compiler" "delete_definition" / 2 => compiler::delete_definition;
    "beamlet_compiler" "overridables_in" / 1 => compiler::overridables_in;
    "beamlet_compiler" "attributes_in" / 1 => compiler::attributes_in;
    "beamlet_compiler" "has_attribute" / 2 => compiler::has_attribute;
    "beamlet_compiler" "verify_open" / 0 => compiler::verify_open;
    "beamlet_compiler" "verify_defer" / 2 => compiler::verify_defer;
    "beamlet_compiler" "verify_close" / 1 => compiler::verify_close;
    "beamlet_compiler" "module_close" / 1 => compiler::module_close;
    "beamlet_compiler" "module_abort" / 1 => compiler::module_abort;
    "beamlet_compiler" "run_on_load" / 2 => compiler::run_on_load;
    "beamlet" "exception_message" / 1 => exception::message;
    "beamlet" "builtin_exception" / 1 => exception::builtin_exception;
    "beamlet" "builtin_exception_fields" / 1 => exception::builtin_exception_fields;
    "beamlet" "inspect_atom" / 2 => exception::inspect_atom;
    "erlang" "monotonic_time" / 0 => system::monotonic_time0;
    "erlang" "monotonic_time" / 1 => system::monotonic_time1;
    "erlang" "system_time" / 0 => system::system_time0;
    "erlang" "system_time" / 1 => system::system_time1;
    "os" "system_time" / 0 => system::system_time0;
    "os" "system_time" / 1 => system::system_time1;
    "erlang" "time_offset" / 0 => system::time_offset0;
    "erlang" "time_offset" / 1 => system::time_offset1;
    "erlang" "convert_time_unit" / 3 => system::convert_time_unit;
    "erlang" "unique_integer" / 0 => system::unique_integer0;
    "erlang" "unique_integer" / 1 => system::unique_integer1;
    "erlang" "system_info" / 1 => system::system_info;
    "erlang" "system_flag" / 2 => system::system_flag;
    "erlang" "halt" / 0 => system::halt0;
    "init" "restart" / 0 => system::restart;
    "erlang" "halt" / 1 => system::halt1;
    "erlang" "halt" / 2 => system::halt2;
    "beamlet" "cmd" / 3 => system::cmd;
    "os" "getenv" / 0 => system::getenv0;
    "os" "getenv" / 1 => system::getenv1;
    "os" "getenv" / 2 => system::getenv2;
    "os" "putenv" / 2 => system::putenv;
    "os" "unsetenv" / 1 => system::unsetenv;
    "os" "getpid" / 0 => system::getpid;
    "os" "set_signal" / 2 => os::set_signal;
    "os" "type" / 0 => system::os_type;
    "file" "read_file" / 1 => file::read_file;
    "file" "write_file" / 3 => file::write_file;
    "file" "get_cwd" / 0 => file::get_cwd;
    "file" "set_cwd" / 1 => file::set_cwd;
    "file" "list_dir" / 1 => file::list_dir;
    "file" "delete" / 1 => file::delete;
    "file" "make_dir" / 1 => file::make_dir;
    "file" "del_dir" / 1 => file::del_dir;
    "file" "rename" / 2 => file::rename;
    "beamlet" "file_info" / 2 => file::file_info;
    "beamlet" "file_times" / 2 => file::file_times;
    "beamlet" "file_open" / 2 => file::file_open;
    "beamlet" "file_read" / 2 => file::file_read;
    "beamlet" "file_write" / 2 => file::file_write;
    "beamlet" "file_position" / 2 => file::file_position;
    "beamlet" "file_close" / 1 => file::file_close;
    "beamlet" "file_link" / 3 => file::file_link;
    "beamlet" "file_chmod" / 2 => file::file_chmod;
    "beamlet" "file_chown" / 3 => file::file_chown;
    "beamlet" "file_set_times" / 3 => file::file_set_times;
    "file" "read_link" / 1 => file::read_link;
    "beamlet" "capture_io" / 2 => io::capture_io;
    "beamlet" "release_io" / 1 => io::release_io;
    "beamlet" "inspect_nested" / 3 => inspect::inspect_nested;
    "beamlet" "inspect_fast" / 3 => inspect::inspect_fast;
    "beamlet" "inspect_escape" / 3 => inspect::inspect_escape;
    "beamlet" "string_printable" / 2 => inspect::string_printable;
    "beamlet" "get_line" / 2 => io::get_line;
    "beamlet" "get_chars" / 3 => io::get_chars;
    "beamlet" "io_puts" / 2 => io::puts2;
    "beamlet" "io_write" / 2 => io::write2;
    "beamlet" "io_binwrite" / 2 => io::binwrite;
    "Elixir.IO" "puts" / 1 => io::puts;
    "Elixir.IO" "write" / 1 => io::write;
    "Elixir.IO" "iodata_to_binary" / 1 => string::iodata_to_binary;
    "Elixir.Kernel" "to_string" / 1 => string::to_string;
    "Elixir.Kernel" "to_charlist" / 1 => string::to_charlist;
    "Elixir.Kernel" "elem" / 2 => erlang::elem, guard;
    "Elixir.Kernel" "put_elem" / 3 => erlang::put_elem;
    "Elixir.Kernel" "<>" / 2 => string::concat;
    "Elixir.Kernel" "is_nil" / 1 => erlang::is_nil, guard;
    "Elixir.Kernel" "is_struct" / 1 => map::is_struct, guard;
    "Elixir.Kernel" "is_struct" / 2 => map::is_struct2, guard;
    "Elixir.System" "argv" / 0 => io::argv;
    "beamlet" "set_argv" / 1 => io::set_argv;
    "Elixir.Map" "get" / 2 => map::get2;
    "Elixir.Map" "get" / 3 => map::get3;
    "Elixir.Map" "put" / 3 => map::put;
    "Elixir.Map" "fetch" / 2 => map::fetch;
    "Elixir.Map" "fetch!" / 2 => map::fetch_bang;
    "Elixir.Map" "keys" / 1 => map::keys;
    "Elixir.Map" "values" / 1 => map::values;
    "Elixir.Map" "has_key?" / 2 => map::has_key;
    "Elixir.Map" "delete" / 2 => map::delete;
    "Elixir.Map" "merge" / 2 => map::merge;
    "Elixir.Map" "to_list" / 1 => map::to_list;
    "Elixir.Map" "new" / 0 => map::new0;
    "Elixir.Map" "from_list" / 1 => map::from_list;
    "Elixir.Map" "put_new" / 3 => map::put_new;
    "Elixir.Map" "pop" / 2 => map::pop2;
    "Elixir.Map" "pop" / 3 => map::pop3;
    "Elixir.Tuple" "to_list" / 1 => erlang::tuple_to_list;
    "Elixir.Tuple" "append" / 2 => erlang::tuple_append;
    "Elixir.Tuple" "duplicate" / 2 => erlang::tuple_duplicate;
    "Elixir.List" "to_tuple" / 1 => erlang::list_to_tuple;
    "Elixir.List" "to_string" / 1 => string::list_to_string;
    "Elixir.List" "to_integer" / 1 => string::list_to_integer;
    "Elixir.List" "flatten" / 1 => erlang::flatten;
    "Elixir.Atom" "to_string" / 1 => string::atom_to_binary;
    "beamlet" "integer_to_string" / 2 => string::integer_to_binary2;
    "beamlet" "integer_parse" / 2 => string::integer_parse;
    "beamlet" "pow" / 2 => number::pow;
    "beamlet" "float_round" / 3 => number::float_round;
    "beamlet" "float_ratio" / 1 => number::float_ratio;
    "beamlet" "float_format" / 2 => number::float_format;
    "beamlet" "float_to_string" / 1 => string::float_to_string;
    "beamlet" "float_parse" / 1 => string::float_parse;
    "beamlet" "string_graphemes" / 1 => string::string_graphemes;
    "beamlet" "string_codepoints" / 1 => string::string_codepoints;
    "beamlet" "string_length" / 1 => string::string_length;
    "beamlet" "string_next_grapheme_size" / 1 => string::string_next_grapheme_size;
    "beamlet" "string_slice" / 3 => string::string_slice;
    "beamlet" "string_reverse" / 1 => string::string_reverse;
    "beamlet" "string_case" / 3 => string::string_case;
    "beamlet" "string_normalize" / 2 => string::string_normalize;
    "beamlet" "string_split_ws" / 1 => string::string_split_ws;
    "beamlet" "split_whitespace" / 1 => string::split_whitespace;
    "beamlet" "string_trim_ws" / 2 => string::string_trim_ws;
    "beamlet" "string_split" / 4 => string::string_split;
    "beamlet" "string_replace" / 4 => string::string_replace;
    "beamlet" "string_to_charlist" / 1 => string::string_to_charlist;
    "beamlet" "string_valid" / 1 => string::string_valid;
    "beamlet" "string_to_integer" / 2 => string::string_to_integer;
    "beamlet" "string_to_float" / 1 => string::string_to_float;
    "beamlet" "string_duplicate" / 2 => string::string_duplicate;
    "beamlet" "string_to_atom" / 2 => string::string_to_atom;
    "beamlet" "string_pad" / 4 => string::string_pad;
    "beamlet" "string_trim_str" / 3 => string::string_trim_str;
    // Tests only (the `test-bifs` feature): see testing.rs.
    #[cfg(any(test, feature = "test-bifs"))]
    "beamlet_test" "nested_call" / 3 => testing::nested_call;
    #[cfg(any(test, feature = "test-bifs"))]
    "beamlet_test" "nested_apply" / 2 => testing::nested_apply;
    #[cfg(any(test, feature = "test-bifs"))]
    "beamlet_test" "load_pending" / 1 => testing::load_pending;
    #[cfg(any(test, feature = "test-bifs"))]
    "beamlet_test" "panic" / 1 => testing::panic;
}

/// Whether some built-in belongs to `module` (`math`, `Elixir.IO`): such a
/// module exists, whether or not the library has a file for it.
pub fn is_builtin_module(module: &str) -> bool {
    use std::collections::HashSet;
    use std::sync::OnceLock;
    static MODULES: OnceLock<HashSet<&'static str>> = OnceLock::new();
    MODULES
        .get_or_init(|| BIFS.iter().map(|b| b.module).collect())
        .contains(module)
}

/// The index of `module.name/arity` in [`BIFS`].
pub fn lookup(module: &str, name: &str, arity: usize) -> Option<BifId> {
    use std::collections::HashMap;
    use std::sync::OnceLock;
    // FxHash: loading a unit looks up each BIF it calls by name.
    type Index = HashMap<(&'static str, &'static str, u8), BifId, rustc_hash::FxBuildHasher>;
    static INDEX: OnceLock<Index> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        BIFS.iter()
            .enumerate()
            .map(|(i, b)| ((b.module, b.name, b.arity), i as BifId))
            .collect()
    });
    index.get(&(module, name, arity as u8)).copied()
}

/// [`lookup`] by atoms (`apply/3`, a call of `&:erlang.is_binary/1`):
/// remembered per thread by the atoms' terms, as reading an atom's name
/// takes the atom table's lock and an applied built-in is usually applied
/// again and again (`Enum.all?(list, &is_binary/1)`). Atoms never move nor
/// die, so a term names one atom for the life of the process.
pub fn lookup_atoms(module: Term, name: Term, arity: usize) -> Option<BifId> {
    use std::cell::RefCell;
    use std::collections::HashMap;
    type Cache = HashMap<(Term, Term, usize), Option<BifId>, rustc_hash::FxBuildHasher>;
    thread_local! {
        static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
    }
    let key = (module, name, arity);
    if let Some(found) = CACHE.with(|c| c.borrow().get(&key).copied()) {
        return found;
    }
    let found = lookup(atom::name(module), atom::name(name), arity);
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        // Bounded: a program applying ever new names does not grow it without end.
        if c.len() >= 4096 {
            c.clear();
        }
        c.insert(key, found);
    });
    found
}

// ---- helpers shared by the BIF modules ----

pub(crate) fn badarg() -> Exn {
    Exn::error(atom::BADARG)
}

pub(crate) fn badarith() -> Exn {
    Exn::error(atom::BADARITH)
}

/// `{tag, value}` error reason.
pub(crate) fn error2(ctx: &mut Ctx, tag: Term, value: Term) -> Exn {
    let r = ctx.st.heap.tuple(&[tag, value]);
    Exn::error(r)
}

/// An Elixir exception struct, raised as an error: `%Module{message: msg}`.
pub(crate) fn raise_msg(ctx: &mut Ctx, module: &str, msg: &str) -> Exn {
    let m = ctx.st.heap.str(msg);
    let e = exception::make_exception(ctx, module, &[(atom::MESSAGE, m)]);
    Exn::error(e)
}

/// `ArgumentError` with a message.
pub(crate) fn argument_error(ctx: &mut Ctx, msg: &str) -> Exn {
    raise_msg(ctx, "Elixir.ArgumentError", msg)
}

/// The elements of a proper list, or `None`.
pub(crate) fn list_to_vec(t: Term) -> Option<Vec<Term>> {
    let mut v = Vec::new();
    let mut cur = t;
    while let Some((h, tl)) = cur.cons_parts() {
        v.push(h);
        cur = tl;
    }
    if cur.is_nil() {
        Some(v)
    } else {
        None
    }
}

/// An `ArgumentError` with `msg` (for the compiler's built-ins).
pub fn argument_error_msg(ctx: &mut Ctx, msg: &str) -> Exn {
    argument_error(ctx, msg)
}

/// A `RuntimeError` saying an internal invariant broke: a bug in beamlet,
/// reported as an exception rather than a crash.
pub fn internal_error(ctx: &mut Ctx, what: &str) -> Exn {
    raise_msg(
        ctx,
        "Elixir.RuntimeError",
        &format!("internal error in beamlet: {what}"),
    )
}

/// The elements of a proper list, or `None` (for the compiler's built-ins).
pub fn list_to_vec_pub(t: Term) -> Option<Vec<Term>> {
    list_to_vec(t)
}

/// A `KeyError` for `key` missing in `term`.
pub fn key_error(ctx: &mut Ctx, key: Term, term: Term) -> Exn {
    let e = exception::make_exception(
        ctx,
        "Elixir.KeyError",
        &[(atom::KEY, key), (atom::intern("term"), term)],
    );
    Exn::error(e)
}

/// `inspect(t)` for messages built-in code writes: through the `Inspect` protocol when a
/// struct in `t` has its own implementation, else natively (see [`inspect::inspect_term`]).
pub fn inspect_term(ctx: &mut Ctx, t: Term) -> String {
    inspect::inspect_term(ctx, t)
}

/// `inspect(t)` with default options, natively (user `Inspect` implementations unseen).
/// Structs print their fields in definition order when [`structs`] has
/// learned their modules (see [`structs::learn_all`]), else in key order.
pub fn inspect_term_native(ctx: &Ctx, t: Term) -> String {
    let v = crate::convert::to_value(ctx.code, t);
    let opts = crate::inspect::InspectOpts {
        struct_fields: structs::known(ctx, &v),
        ..crate::inspect::InspectOpts::default()
    };
    crate::inspect::inspect(&v, &opts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bif_names_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for b in BIFS {
            assert!(
                seen.insert((b.module, b.name, b.arity)),
                "duplicate BIF {}.{}/{}",
                b.module,
                b.name,
                b.arity
            );
        }
        assert!(BIFS.len() < u16::MAX as usize);
    }
}
