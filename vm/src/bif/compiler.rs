//! The compiler's built-ins (`beamlet_compiler.*`): what a running program
//! calls to compile code (module bodies, `Code.eval_string`, macros'
//! helpers), forwarded to the compiler the embedder installed.
//!
//! The VM knows nothing of source syntax (ARCHITECTURE.md): it only knows
//! that a [`Compiler`] exists, and calls it by name. The compiler crate
//! implements it and `beamlet::Vm` installs it in the code table, so each
//! VM has its own compiler state (the modules being defined).

use super::{BifResult, Ctx};
use crate::term::Term;

/// The compiler, as the VM reaches it.
pub trait Compiler: Send + Sync {
    /// Runs the compiler's built-in `beamlet_compiler.name/args.len()`.
    fn call(&self, ctx: &mut Ctx, name: &str, args: &[Term]) -> BifResult;
    /// Loads `module` if the compiler can make it (the library's modules
    /// are compiled on first use); whether it is loaded now.
    fn ensure_loaded(&self, ctx: &mut Ctx, module: Term) -> bool;
}

fn forward(ctx: &mut Ctx, name: &str, args: &[Term]) -> BifResult {
    match ctx.code.compiler() {
        Some(c) => c.call(ctx, name, args),
        None => Err(super::internal_error(
            ctx,
            &format!(
                "no compiler is installed for beamlet_compiler.{name}/{}",
                args.len()
            ),
        )),
    }
}

/// Loads `module` through the installed compiler, if any (lazy loading of
/// the library: the interpreter asks before raising `undef`).
pub fn autoload(ctx: &mut Ctx, module: Term) -> bool {
    match ctx.code.compiler() {
        Some(c) => c.ensure_loaded(ctx, module),
        None => false,
    }
}

macro_rules! forwarders {
    ($($f:ident),* $(,)?) => {
        $(
            pub fn $f(ctx: &mut Ctx, a: &[Term]) -> BifResult {
                forward(ctx, stringify!($f), a)
            }
        )*
    };
}

forwarders! {
    define, put_attribute, get_attribute, defstruct, defexception, defoverridable,
    struct_from, exception_from, defguard_expand,
    module_open, before_compile, module_finish, object_code, load_binary,
    compile_file, check_file, eval_string, eval_quoted, eval_env, eval_string_env, env_for_eval, library_modules, string_to_quoted,
    expand, expand_once, escape, ensure_loaded,
    register_attribute, module_put_attribute, module_get_attribute, delete_attribute,
    is_open, defines, definitions_in, get_definition, delete_definition, to_string, overridables_in, attributes_in, has_attribute,
    verify_open, verify_defer, verify_close, module_close, module_abort, run_on_load,
}
