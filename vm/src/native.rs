//! Host functions an embedder registers (`beamlet::VmBuilder::native`):
//! the per-VM table ([`Natives`], kept in [`crate::code::CodeTable`]), the
//! error a native returns ([`NativeError`]) and the built-in
//! `:beamlet.native/2` the generated module functions call.
//!
//! A native `Host.lookup/1` is an ordinary module function,
//! `def lookup(a), do: :beamlet.native(index, [a])`, loaded when the VM is
//! built: direct calls, captures, `apply/3`, `function_exported?/3` and stack
//! traces treat it as any other function, and ordinary calls pay nothing.

use crate::bif::{BifResult, Ctx};
use crate::convert::{from_value, to_value};
use crate::process::{Class, Exn};
use crate::term::Term;
use crate::value::{ConversionError, Value};
use std::sync::Arc;

/// The closure behind a native function: the calling process's pid and the
/// arguments in, a result or an error out. It runs on the scheduler thread
/// of the calling process.
pub type NativeFn = dyn Fn(Term, &[Value]) -> Result<Value, NativeError> + Send + Sync;

/// One registered native function.
#[derive(Clone)]
pub struct Native {
    /// The module's atom name (`Elixir.Host`, `host`).
    pub module: String,
    pub name: String,
    pub arity: u32,
    pub f: Arc<NativeFn>,
}

impl std::fmt::Debug for Native {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}/{}", self.module, self.name, self.arity)
    }
}

/// The natives of one VM, in registration order (the index is what the
/// generated functions pass to `:beamlet.native/2`).
pub type Natives = Vec<Native>;

/// What a native function returns instead of a value: how the calling
/// process fails. `From<&str>`, `From<String>` give a `RuntimeError`;
/// `From<ConversionError>` an `ArgumentError`, so `?` works on
/// `TryFrom<Value>` conversions.
///
/// ```
/// use beamlet_vm::native::NativeError;
/// assert_eq!(NativeError::from("boom"), NativeError::raise("RuntimeError", "boom"));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum NativeError {
    /// Raises the exception `module` (`"ArgumentError"`, `"Elixir.MyError"`)
    /// with `message` set: `raise module, message: message`.
    Raise { module: String, message: String },
    /// `:erlang.error(reason)`: any term as the error reason.
    Error(Value),
    /// `throw(value)`.
    Throw(Value),
    /// `exit(reason)`.
    Exit(Value),
}

impl NativeError {
    /// `raise module, message: message` (`module` with or without `Elixir.`).
    ///
    /// ```
    /// let e = beamlet_vm::native::NativeError::raise("ArgumentError", "bad key");
    /// assert!(matches!(e, beamlet_vm::native::NativeError::Raise { .. }));
    /// ```
    pub fn raise(module: impl Into<String>, message: impl Into<String>) -> NativeError {
        NativeError::Raise {
            module: module.into(),
            message: message.into(),
        }
    }
}

impl From<&str> for NativeError {
    fn from(message: &str) -> NativeError {
        NativeError::raise("RuntimeError", message)
    }
}

impl From<String> for NativeError {
    fn from(message: String) -> NativeError {
        NativeError::raise("RuntimeError", message)
    }
}

impl From<ConversionError> for NativeError {
    fn from(e: ConversionError) -> NativeError {
        NativeError::raise("ArgumentError", e.to_string())
    }
}

impl std::fmt::Display for NativeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NativeError::Raise { module, message } => write!(f, "{module}: {message}"),
            NativeError::Error(v) => write!(f, "error: {v}"),
            NativeError::Throw(v) => write!(f, "throw: {v}"),
            NativeError::Exit(v) => write!(f, "exit: {v}"),
        }
    }
}

impl std::error::Error for NativeError {}

fn exception_module(m: &str) -> String {
    if m.starts_with("Elixir.") || !m.starts_with(|c: char| c.is_ascii_uppercase()) {
        m.to_owned()
    } else {
        format!("Elixir.{m}")
    }
}

/// `:beamlet.native(index, args)`: calls the VM's native `index` (the
/// host's closure: cannot be written in the language). A panic in it is
/// caught and raised in the calling process as a `RuntimeError`.
pub fn call(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let native = usize::try_from(a[0].small_value())
        .ok()
        .and_then(|i| ctx.code.natives().get(i).cloned())
        .ok_or_else(crate::bif::badarg)?;
    let args: Vec<Value> = crate::bif::list_to_vec(a[1])
        .ok_or_else(crate::bif::badarg)?
        .into_iter()
        .map(|t| to_value(ctx.code, t))
        .collect();
    let f = native.f.clone();
    let caller = ctx.st.pid;
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(caller, &args)));
    let err = match result {
        Ok(Ok(v)) => return Ok(from_value(&mut ctx.st.heap, &v)),
        Ok(Err(e)) => e,
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "(no message)".into());
            let module = native
                .module
                .strip_prefix("Elixir.")
                .unwrap_or(&native.module);
            let module = if native.module.starts_with("Elixir.") {
                module.to_owned()
            } else {
                format!(":{module}")
            };
            NativeError::from(format!(
                "native function {module}.{}/{} panicked: {what}",
                native.name, native.arity
            ))
        }
    };
    Err(match err {
        NativeError::Raise { module, message } => {
            crate::bif::raise_msg(ctx, &exception_module(&module), &message)
        }
        NativeError::Error(v) => Exn::error(from_value(&mut ctx.st.heap, &v)),
        NativeError::Throw(v) => Exn {
            class: Class::Throw,
            ..Exn::error(from_value(&mut ctx.st.heap, &v))
        },
        NativeError::Exit(v) => Exn {
            class: Class::Exit,
            ..Exn::error(from_value(&mut ctx.st.heap, &v))
        },
    })
}

/// The error of a call to a module the host denies (`CodeTable::set_denied`): `UndefinedFunctionError` whose message
/// says so.
pub fn denied(ctx: &mut Ctx, module: Term, name: Term, arity: u32) -> Exn {
    let reason = format!(
        "module {} is denied by the host",
        crate::bif::inspect_term_native(ctx, module)
    );
    let reason = ctx.st.heap.str(&reason);
    let fields = [
        (crate::atom::intern("module"), module),
        (crate::atom::intern("function"), name),
        (crate::atom::intern("arity"), Term::small(arity as i64)),
        (crate::atom::intern("reason"), reason),
    ];
    Exn::error(crate::bif::exception::make_exception(
        ctx,
        "Elixir.UndefinedFunctionError",
        &fields,
    ))
}
