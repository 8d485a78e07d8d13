//! `VmBuilder`: the options of a [`crate::Vm`], and its `Limits`.

use crate::error::{CompileError, Error};
use crate::output::{CaptureIo, Io};
use crate::vm::{library_image, module_atom, Vm, DRIVER};
use crate::{Pid, Value};
use beamlet_compiler::diagnostic::Diagnostic;
use beamlet_compiler::runtime::{Library, Service};
use beamlet_vm::code::CodeTable;
pub use beamlet_vm::jit::Mode as JitMode;
use beamlet_vm::native::Native;
pub use beamlet_vm::native::NativeError;
use beamlet_vm::sched::Config;
use beamlet_vm::term::Term;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Limits on what scripts may use (none by default).
///
/// ```
/// use std::time::Duration;
/// let limits = beamlet::Limits { timeout: Some(Duration::from_millis(200)), ..Default::default() };
/// let vm = beamlet::Vm::builder().schedulers(1).limits(limits).build().unwrap();
/// assert_eq!(vm.eval("receive do _ -> :ok after 5_000 -> :late end"), Err(beamlet::Error::Timeout));
/// assert_eq!(vm.eval("1 + 1"), Ok(beamlet::Value::from(2)));
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Limits {
    /// Wall time an [`Vm::eval`], [`Vm::load`] or [`Vm::call`] may take:
    /// past it, the process evaluating is killed and the call returns
    /// [`crate::Error::Timeout`]; the VM stays usable.
    pub timeout: Option<Duration>,
    /// Processes alive at once, at most (`None`: about four million, the
    /// table's size). A spawn beyond it raises `SystemLimitError` in the
    /// script (`Vm::spawn` returns [`crate::Error::SystemLimit`]). Host
    /// mailboxes count, and each `eval`/`call` runs in a process of its own.
    pub max_processes: Option<usize>,
    /// Each process's `max_heap_size`, in words (8 bytes each): a process
    /// with more live data after a garbage collection is killed with reason
    /// `:killed` (its links and monitors see it, the others go on) and a
    /// report goes to stderr, as the BEAM's `max_heap_size` with `kill:
    /// true` does. A script may change its own with
    /// `Process.flag(:max_heap_size, n)`. Checked when the heap is
    /// collected, so allocation pays nothing for it; an evaluation killed so
    /// returns [`crate::Error::Exit`] with reason `:killed`.
    ///
    /// ```
    /// let limits = beamlet::Limits { max_heap_words: Some(100_000), ..Default::default() };
    /// let out = beamlet::SharedOutput::new();
    /// let vm = beamlet::Vm::builder().schedulers(1).output(out.clone()).limits(limits).build().unwrap();
    /// let e = vm.eval("Enum.map(1..1_000_000, &{&1}) |> length()").unwrap_err();
    /// assert!(matches!(e, beamlet::Error::Exit { .. }), "{e:?}");
    /// assert!(out.take_stderr().contains("maximum heap size reached"));
    /// assert_eq!(vm.eval("Enum.sum(1..10)"), Ok(beamlet::Value::from(55)));
    /// ```
    pub max_heap_words: Option<usize>,
    /// Reductions (function calls, roughly) an [`Vm::eval`], [`Vm::load`] or
    /// [`Vm::call`] may run: past them its process is killed and the call
    /// returns [`crate::Error::Budget`]; the VM stays usable. The processes
    /// it spawns (and they spawn) draw on the same budget for as long as
    /// they run, even after the evaluation has returned, so work moved to
    /// another process cannot escape it: once it is spent, each of them is
    /// killed (`:killed`) at the end of its next time slice. Counted at the
    /// end of each time slice (4,000 reductions), so an evaluation may
    /// overrun it by up to one slice per process.
    ///
    /// ```
    /// let limits = beamlet::Limits { reductions: Some(100_000), ..Default::default() };
    /// let vm = beamlet::Vm::builder().schedulers(1).limits(limits).build().unwrap();
    /// let e = vm.eval("defmodule Loop do def go(n), do: go(n + 1) end; Loop.go(0)");
    /// assert_eq!(e, Err(beamlet::Error::Budget));
    /// assert_eq!(vm.eval("1 + 1"), Ok(beamlet::Value::from(2)));
    /// ```
    pub reductions: Option<u64>,
    /// The largest binary a script may build, in bytes: a construction
    /// (`<<...>>`, `<>`), `:binary.copy/2` or `String.duplicate/2` past it
    /// raises `SystemLimitError` before allocating, so one expression
    /// cannot ask the host for a terabyte. The limit is the host process's
    /// (the last [`crate::VmBuilder::limits`] that sets it wins), as the
    /// atom table is: atoms made from data (`String.to_atom/1`...) stop
    /// 65,536 short of the table's 1,048,576 and then raise
    /// `SystemLimitError` too, leaving room for the runtime's own.
    ///
    /// ```
    /// let limits = beamlet::Limits { max_binary_bytes: Some(1 << 30), ..Default::default() };
    /// let vm = beamlet::Vm::builder().schedulers(1).limits(limits).build().unwrap();
    /// match vm.eval("<<0::size(8_000_000_000_000)>>") {
    ///     Err(beamlet::Error::Raised { banner, .. }) => assert!(banner.starts_with("** (SystemLimitError)")),
    ///     other => panic!("{other:?}"),
    /// }
    /// assert_eq!(vm.eval("byte_size(String.duplicate(\"ab\", 1000))"), Ok(beamlet::Value::from(2000)));
    /// ```
    pub max_binary_bytes: Option<u64>,
    /// Messages a process's mailbox may hold: a message sent to a process
    /// holding that many already is dropped (the send still returns its
    /// message, as a send to a dead process does), so a flood costs the
    /// host no memory. The BEAM has no such limit. The count is the
    /// messages not yet received, as of the receiver's last time slice plus
    /// those sent since, so a busy receiver may hold a few more.
    ///
    /// ```
    /// let limits = beamlet::Limits { max_mailbox: Some(1000), ..Default::default() };
    /// let vm = beamlet::Vm::builder().schedulers(1).limits(limits).build().unwrap();
    /// let n = vm.eval("for i <- 1..100_000, do: send(self(), i)\n{:message_queue_len, n} = Process.info(self(), :message_queue_len)\nn");
    /// assert_eq!(n, Ok(beamlet::Value::from(1000)));
    /// ```
    pub max_mailbox: Option<usize>,
    /// Bytes all the VM's processes together may hold: their heaps, spare
    /// heap chunks, stacks, and the large binaries each refers to (a
    /// binary shared by several processes counts in each). A process
    /// that grows while the total is past it is killed with reason
    /// `:killed` (its links and monitors see it, the others go on) and a
    /// report goes to stderr, if it holds at least an average share of the
    /// total (a small process growing while large ones hold the memory is
    /// spared) or the total is a quarter over; an evaluation killed so returns
    /// [`crate::Error::Memory`]. Counted when a heap takes a new chunk, a
    /// large binary or a longer stack, and after each collection (a
    /// process over only by its garbage is collected, not killed), so
    /// allocation pays nothing for it on its fast path. Messages on their
    /// way count once the receiver takes them in (at its next time slice;
    /// bound their number with [`Limits::max_mailbox`]); the compiled code
    /// and the VM's tables are not counted.
    ///
    /// ```
    /// let limits = beamlet::Limits { max_memory: Some(64 << 20), ..Default::default() };
    /// let out = beamlet::SharedOutput::new();
    /// let vm = beamlet::Vm::builder().schedulers(1).output(out.clone()).limits(limits).build().unwrap();
    /// let e = vm.eval("Enum.reduce(1..100, [], fn _, acc -> [String.duplicate(\"x\", 1_000_000) | acc] end)");
    /// assert_eq!(e, Err(beamlet::Error::Memory));
    /// assert!(out.take_stderr().contains("memory limit"));
    /// assert_eq!(vm.eval("Enum.sum(1..10)"), Ok(beamlet::Value::from(55)));
    /// ```
    pub max_memory: Option<usize>,
}

/// What a native function ([`VmBuilder::native_with_ctx`]) is told about
/// its call, besides the arguments.
#[derive(Clone, Copy, Debug)]
pub struct NativeCtx {
    caller: Pid,
}

impl NativeCtx {
    /// The process calling the native function.
    pub fn caller(&self) -> Pid {
        self.caller
    }
}

/// Options for a [`Vm`]: see [`Vm::builder`]. `Send`.
///
/// ```
/// let vm = beamlet::Vm::builder()
///     .schedulers(2)
///     .jit(beamlet::JitMode::Off)
///     .build()
///     .expect("the VM starts");
/// assert_eq!(vm.eval("21 * 2").unwrap(), beamlet::Value::from(42));
/// ```
#[derive(Default)]
pub struct VmBuilder {
    pub(crate) config: Config,
    pub(crate) limits: Limits,
    pub(crate) output: Option<Box<dyn Io + Send>>,
    pub(crate) natives: Vec<Native>,
    pub(crate) denied: Vec<String>,
}

impl std::fmt::Debug for VmBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VmBuilder")
            .field("config", &self.config)
            .field("limits", &self.limits)
            .field("output", &self.output.as_ref().map(|_| "host sink"))
            .field("natives", &self.natives)
            .field("denied", &self.denied)
            .finish()
    }
}

impl VmBuilder {
    /// Scheduler threads to run processes on (default: one per core; at least 1).
    ///
    /// ```
    /// let vm = beamlet::Vm::builder().schedulers(1).build().unwrap();
    /// assert_eq!(vm.eval("System.schedulers_online()").unwrap(), beamlet::Value::from(1));
    /// ```
    pub fn schedulers(mut self, n: usize) -> VmBuilder {
        self.config.schedulers = n.max(1);
        self
    }

    /// Collect garbage at every safe point: slow; for tests that check a
    /// collection can happen anywhere without changing what a program does.
    ///
    /// ```
    /// let vm = beamlet::Vm::builder().schedulers(1).gc_always(true).build().unwrap();
    /// assert_eq!(vm.eval("Enum.sum(1..10)").unwrap(), beamlet::Value::from(55));
    /// ```
    pub fn gc_always(mut self, on: bool) -> VmBuilder {
        self.config.gc_always = on;
        self
    }

    /// When functions get native code (default [`JitMode::On`]: once hot).
    ///
    /// ```
    /// let vm = beamlet::Vm::builder().jit(beamlet::JitMode::Off).schedulers(1).build().unwrap();
    /// assert!(vm.eval(":ok").is_ok());
    /// ```
    pub fn jit(mut self, mode: JitMode) -> VmBuilder {
        self.config.jit = mode;
        self
    }

    /// Limits for untrusted scripts (see [`Limits`]).
    ///
    /// ```
    /// let vm = beamlet::Vm::builder().limits(beamlet::Limits::default()).schedulers(1).build().unwrap();
    /// assert!(vm.eval(":ok").is_ok());
    /// ```
    pub fn limits(mut self, limits: Limits) -> VmBuilder {
        if let Some(n) = limits.max_processes {
            self.config.max_processes = n;
        }
        self.config.max_heap_words = limits.max_heap_words.unwrap_or(0);
        self.config.max_reductions = limits.reductions.unwrap_or(0);
        self.config.max_mailbox = limits.max_mailbox.unwrap_or(0);
        self.config.max_memory = limits.max_memory.unwrap_or(0);
        if let Some(n) = limits.max_binary_bytes {
            beamlet_vm::bif::binary::MAX_BINARY_BYTES
                .store(n, std::sync::atomic::Ordering::Relaxed);
        }
        self.limits = limits;
        self
    }

    /// Where the output of [`Vm::eval`], [`Vm::call`] and spawned processes
    /// goes (default: this program's stdout and stderr): a
    /// [`crate::SharedOutput`] to read it back, a [`crate::WriterIo`], or
    /// any [`Io`]. [`Vm::run_source_with`] takes its own sink instead.
    ///
    /// ```
    /// let out = beamlet::SharedOutput::new();
    /// let vm = beamlet::Vm::builder().schedulers(1).output(out.clone()).build().unwrap();
    /// vm.eval("IO.write(\"a\"); IO.puts(:stderr, \"b\")").unwrap();
    /// assert_eq!((out.take_stdout(), out.take_stderr()), ("a".into(), "b\n".into()));
    /// ```
    pub fn output(mut self, io: impl Io + Send + 'static) -> VmBuilder {
        self.output = Some(Box::new(io));
        self
    }

    /// Defines the function `module.name/arity` as `f`, a closure of the
    /// host's: scripts call it as any function (`Host.lookup(k)`,
    /// `&Host.lookup/1`, `apply(Host, :lookup, [k])`), and
    /// `function_exported?/3`, `Code.ensure_loaded?/1` and stack traces see
    /// it. `module` is Elixir's (`"Host"`, `"Elixir.Host"`) or Erlang's
    /// (`":host"`). Registering the same function again replaces it.
    ///
    /// The natives' modules are compiled and loaded by [`VmBuilder::build`]
    /// (which then starts the runtime), so every script of the VM sees them;
    /// a script that defines a module of the same name replaces it.
    ///
    /// Arguments and results are [`Value`]s (copied out of and into the
    /// process's heap). `Err(e)` makes the call fail in the script as `e`
    /// says ([`NativeError`]: a `RuntimeError` from a string, any exception
    /// module and message, or any value to `:erlang.error`, `throw` or
    /// `exit`); the script can rescue or catch it. A panic in `f` is caught
    /// and raised in the calling process as a `RuntimeError` naming the
    /// native and the panic's message (the panic hook still prints it).
    ///
    /// `f` runs on the scheduler thread of the calling process, which
    /// runs nothing else meanwhile: a slow native blocks that scheduler
    /// (reply through a [`crate::Mailbox`] instead, for long work).
    ///
    /// ```
    /// use beamlet::{NativeError, Value};
    /// let vm = beamlet::Vm::builder()
    ///     .schedulers(1)
    ///     .native("Host", "double", 1, |args: &[Value]| {
    ///         let n = i64::try_from(args[0].clone())?;
    ///         Ok(Value::from(n * 2))
    ///     })
    ///     .native("Host", "fail", 0, |_: &[Value]| Err(NativeError::from("no such key")))
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(vm.eval("Enum.map([1, 2], &Host.double/1)").unwrap(), Value::from(vec![2, 4]));
    /// assert_eq!(
    ///     vm.eval("try do Host.fail() rescue e in RuntimeError -> e.message end").unwrap(),
    ///     Value::from("no such key")
    /// );
    /// ```
    pub fn native<F>(self, module: &str, name: &str, arity: u32, f: F) -> VmBuilder
    where
        F: Fn(&[Value]) -> Result<Value, NativeError> + Send + Sync + 'static,
    {
        self.native_with_ctx(module, name, arity, move |_: &NativeCtx, args: &[Value]| {
            f(args)
        })
    }

    /// [`VmBuilder::native`], for a closure that also gets a [`NativeCtx`]:
    /// who is calling. With the caller's pid a host can answer later, from
    /// a thread of its own ([`Vm::send`]), or keep subscribers to notify.
    ///
    /// ```
    /// use beamlet::{NativeCtx, Pid, Value};
    /// use std::sync::{Arc, Mutex};
    /// let subscribers: Arc<Mutex<Vec<Pid>>> = Arc::default();
    /// let subs = subscribers.clone();
    /// let vm = beamlet::Vm::builder()
    ///     .schedulers(1)
    ///     .native_with_ctx("Feed", "subscribe", 0, move |ctx: &NativeCtx, _: &[Value]| {
    ///         subs.lock().unwrap().push(ctx.caller());
    ///         Ok(Value::atom("ok"))
    ///     })
    ///     .build()
    ///     .unwrap();
    /// let listener = vm.eval("spawn(fn -> Feed.subscribe(); receive do {:news, n} -> IO.puts(n) end end)").unwrap();
    /// let listener = Pid::try_from(listener).unwrap();
    /// while subscribers.lock().unwrap().is_empty() {
    ///     std::thread::yield_now();
    /// }
    /// assert_eq!(subscribers.lock().unwrap()[0], listener);
    /// assert!(vm.send(listener, (Value::atom("news"), "hello")));
    /// vm.wait(listener, None).unwrap();
    /// ```
    pub fn native_with_ctx<F>(mut self, module: &str, name: &str, arity: u32, f: F) -> VmBuilder
    where
        F: Fn(&NativeCtx, &[Value]) -> Result<Value, NativeError> + Send + Sync + 'static,
    {
        let f = move |caller: Term, args: &[Value]| {
            f(
                &NativeCtx {
                    caller: Pid::from_term(caller),
                },
                args,
            )
        };
        let module = module_atom(module);
        let native = Native {
            module,
            name: name.to_owned(),
            arity,
            f: Arc::new(f),
        };
        match self
            .natives
            .iter_mut()
            .find(|n| (&n.module, &n.name, n.arity) == (&native.module, &native.name, arity))
        {
            Some(old) => *old = native,
            None => self.natives.push(native),
        }
        self
    }

    /// Modules scripts may not call (`"File"`, `"System"`, `":os"`; added to
    /// those of earlier calls). A script's call to one, direct
    /// (`File.read(p)`), through `apply/3` (even with the module made at run
    /// time, `String.to_atom("Elixir.File")`), an `&File.read/1` fun or
    /// `spawn/3`, raises `UndefinedFunctionError`: "function File.read/1 is
    /// undefined (module File is denied by the host)". The library's own
    /// calls by name still reach them (`IO.puts` works with `:io` denied);
    /// calls made at run time (apply, funs, spawns) are refused whoever
    /// makes them, since their module may come from a script.
    ///
    /// Built-ins count as their module's functions (`":os"` denies a
    /// script's `:os.getenv/1`). Deny the internal modules too when a script
    /// could reach the same thing through them (`":file"` as well as `"File"`).
    ///
    /// ```
    /// let vm = beamlet::Vm::builder().schedulers(1).deny_modules(["File", "System"]).build().unwrap();
    /// let r = vm.eval("try do File.read(\"x\") rescue e in UndefinedFunctionError -> Exception.message(e) end");
    /// assert_eq!(
    ///     r.unwrap(),
    ///     beamlet::Value::from("function File.read/1 is undefined (module File is denied by the host)")
    /// );
    /// assert_eq!(vm.eval("IO.puts(\"still fine\")").unwrap(), beamlet::Value::atom("ok"));
    /// ```
    pub fn deny_modules<I, S>(mut self, modules: I) -> VmBuilder
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.denied
            .extend(modules.into_iter().map(|m| module_atom(m.as_ref())));
        self
    }

    /// A VM with the compiler installed; the library (`stdlib/`, compiled
    /// when beamlet was built) loads module by module as programs use it.
    /// The runtime (its scheduler threads) starts at the first evaluation,
    /// call or spawn, and lives until [`Vm::shutdown`] or the `Vm` is dropped.
    ///
    /// ```
    /// let vm = beamlet::Vm::builder().build().expect("the VM starts");
    /// vm.shutdown();
    /// ```
    pub fn build(self) -> Result<Vm, CompileError> {
        let code = Arc::new(CodeTable::new());
        code.set_denied(self.denied.iter().map(|m| beamlet_vm::atom::intern(m)));
        let image = library_image().map_err(|e| {
            let text = format!("{e}\n");
            CompileError {
                diagnostic: Diagnostic::new(Default::default(), text.trim().to_owned()),
                rendered: text,
            }
        })?;
        let compiler = Arc::new(Service::new(Library::Image(image)));
        code.set_compiler(compiler.clone());
        // The driver of module definitions and scripts runs before any
        // program: load it now, outside any process.
        let mut sink = CaptureIo::default();
        let loaded = beamlet_vm::detached::with_ctx(&code, &mut sink, |ctx| {
            compiler.ensure_loaded(ctx, DRIVER)
        });
        if !loaded {
            let text = String::from_utf8_lossy(&sink.err).into_owned();
            return Err(CompileError {
                diagnostic: Diagnostic::new(Default::default(), text.trim().to_owned()),
                rendered: text,
            });
        }
        let source = natives_source(&self.natives);
        code.set_natives(self.natives);
        let vm = Vm {
            code,
            config: self.config,
            limits: self.limits,
            compiler,
            output: Mutex::new(self.output),
            host: Default::default(),
        };
        if let Some(source) = source {
            vm.load(&source, "beamlet_natives").map_err(|e| match e {
                Error::Compile(c) => c,
                other => {
                    let text = format!("the native functions' modules do not load: {other:?}\n");
                    CompileError {
                        diagnostic: Diagnostic::new(Default::default(), text.trim().to_owned()),
                        rendered: text,
                    }
                }
            })?;
        }
        Ok(vm)
    }
}

/// An atom literal for `name` (always quoted: any name reads back).
fn atom_literal(name: &str) -> String {
    let mut s = String::from(":\"");
    for c in name.chars() {
        match c {
            '"' | '\\' | '#' => {
                s.push('\\');
                s.push(c);
            }
            '\n' => s.push_str("\\n"),
            c => s.push(c),
        }
    }
    s.push('"');
    s
}

/// The modules of the natives, each function calling `:beamlet.native/2`
/// with its index in the table (see vm/src/native.rs); `None` without natives.
fn natives_source(natives: &[Native]) -> Option<String> {
    if natives.is_empty() {
        return None;
    }
    let mut modules: Vec<&str> = Vec::new();
    for n in natives {
        if !modules.contains(&n.module.as_str()) {
            modules.push(&n.module);
        }
    }
    let mut src = String::new();
    for m in modules {
        src.push_str(&format!(
            "defmodule {} do\n  @moduledoc false\n",
            atom_literal(m)
        ));
        for (i, n) in natives.iter().enumerate().filter(|(_, n)| n.module == m) {
            let args: Vec<String> = (1..=n.arity).map(|k| format!("a{k}")).collect();
            src.push_str(&format!(
                "  def unquote({})({}), do: :beamlet.native({i}, [{}])\n",
                atom_literal(&n.name),
                args.join(", "),
                args.join(", ")
            ));
        }
        src.push_str("end\n");
    }
    Some(src)
}
