//! `Vm`: loaded code, the compiler, and a runtime that lives from the first
//! evaluation to `shutdown`; whole-program runs (`run_source`) beside it.

use crate::builder::{Limits, VmBuilder};
use crate::error::{CompileError, Error, RunError};
use crate::mailbox::Mailbox;
use crate::output::{CaptureIo, Io, StdIo};
use crate::pid::Pid;
use crate::TestOptions;
use beamlet_compiler::diagnostic::Diagnostic;
use beamlet_compiler::runtime::Service;
use beamlet_vm::code::{CodeTable, FunId};
use beamlet_vm::process::Class;
use beamlet_vm::sched::{self, Config, Host, Outcome, SpawnError, WaitError};
use beamlet_vm::value::Value;
use std::sync::{Arc, Mutex, OnceLock};

include!(concat!(env!("OUT_DIR"), "/library.rs"));

/// The library image's index, read once (its units are decoded as modules
/// are first used).
pub(crate) fn library_image(
) -> Result<beamlet_vm::image::Image<'static>, beamlet_vm::image::ImageError> {
    static IMAGE: std::sync::OnceLock<
        Result<beamlet_vm::image::Image<'static>, beamlet_vm::image::ImageError>,
    > = std::sync::OnceLock::new();
    IMAGE
        .get_or_init(|| beamlet_vm::image::Image::parse(LIBRARY_IMAGE))
        .clone()
}

/// The library module that drives module definitions and runs scripts.
pub(crate) const DRIVER: &str = "elixir_module";

/// A beamlet virtual machine: loaded code, and a runtime of processes.
///
/// Two ways to use it:
/// - as a persistent runtime: [`Vm::eval`], [`Vm::load`], [`Vm::call`],
///   [`Vm::spawn`], [`Vm::send`] share one runtime (its scheduler threads,
///   process table, registered names, timers and loaded modules), started at
///   the first of them and stopped by [`Vm::shutdown`] or when the `Vm` is
///   dropped;
/// - to run whole programs as `elixir file.exs` does: [`Vm::run_source`]
///   and [`Vm::run_tests`] run each program in a runtime of its own that
///   ends with it (modules it defines stay loaded).
///
/// Thread safety: `Vm` is `Send` and `Sync`; every method but the
/// whole-program runs takes `&self`, so threads may share a `Vm` (in an
/// `Arc`) and evaluate, call and send at once. `eval`, `load` and `call`
/// block the calling thread until the evaluation ends (or its time limit
/// passes); `spawn` and `send` never wait for a process; `shutdown` waits
/// for each scheduler thread to finish its current time slice.
///
/// ```
/// let vm = beamlet::Vm::builder().schedulers(2).build().expect("the VM starts");
/// vm.load("defmodule Greeter do\n  def hi(name), do: \"hi \" <> name\nend\n", "greeter.ex").unwrap();
/// let v = vm.call("Greeter", "hi", vec!["joe".into()]).unwrap();
/// assert_eq!(String::try_from(v).unwrap(), "hi joe");
/// vm.shutdown();
/// ```
pub struct Vm {
    pub(crate) code: Arc<CodeTable>,
    pub(crate) config: Config,
    pub(crate) limits: Limits,
    pub(crate) compiler: Arc<Service>,
    /// The output sink of the persistent runtime, until it starts.
    pub(crate) output: Mutex<Option<Box<dyn Io + Send>>>,
    pub(crate) host: OnceLock<Host>,
}

/// The name of module `m` as an atom: `"Enum"` and `"Elixir.Enum"` are
/// Elixir's `Enum`; `":lists"` and `"lists"` are Erlang's `:lists`.
pub(crate) fn module_atom(m: &str) -> String {
    if let Some(erl) = m.strip_prefix(':') {
        erl.to_owned()
    } else if m.starts_with("Elixir.") || !m.starts_with(|c: char| c.is_ascii_uppercase()) {
        m.to_owned()
    } else {
        format!("Elixir.{m}")
    }
}

impl Vm {
    /// A VM with default options.
    ///
    /// ```
    /// let vm = beamlet::Vm::new().unwrap();
    /// assert_eq!(vm.eval("\"a\" <> \"b\"").unwrap(), beamlet::Value::from("ab"));
    /// ```
    pub fn new() -> Result<Vm, CompileError> {
        VmBuilder::default().build()
    }

    /// Options: schedulers, native code, limits, the output sink.
    ///
    /// ```
    /// let vm = beamlet::Vm::builder().schedulers(1).build().unwrap();
    /// # drop(vm);
    /// ```
    pub fn builder() -> VmBuilder {
        VmBuilder::default()
    }

    /// The loaded code (for tools: listings, the library table).
    ///
    /// ```
    /// let vm = beamlet::Vm::builder().schedulers(1).build().unwrap();
    /// assert!(vm.code().function_count() > 0);
    /// ```
    pub fn code(&self) -> &CodeTable {
        &self.code
    }

    /// The driver's function `name/arity`.
    fn driver(&self, name: &str, arity: u32) -> FunId {
        self.code
            .lookup(
                beamlet_vm::atom::intern(DRIVER),
                beamlet_vm::atom::intern(name),
                arity,
            )
            .expect("the driver is loaded when the VM is built")
    }

    /// The persistent runtime, started on first use.
    fn host(&self) -> Result<&Host, Error> {
        let host = self.host.get_or_init(|| {
            let io = self
                .output
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .take()
                .unwrap_or_else(|| Box::new(StdIo::default()));
            Host::start(self.code.clone(), io, &self.config)
        });
        if host.is_running() {
            return Ok(host);
        }
        Err(match host.halted() {
            Some(Outcome::Halted { status }) => Error::Halted { status },
            _ => Error::Stopped,
        })
    }

    /// Evaluates `source` (as a script named `nofile`) in a new process and
    /// returns the value of its last expression. Modules it defines stay
    /// loaded; processes it spawns go on running. Blocks until the
    /// evaluation ends, or [`Limits::timeout`] passes.
    ///
    /// ```
    /// let vm = beamlet::Vm::builder().schedulers(1).build().unwrap();
    /// assert_eq!(vm.eval("Enum.map([1, 2], &(&1 * 10))").unwrap(), beamlet::Value::from(vec![10, 20]));
    /// assert!(matches!(vm.eval("1 / 0"), Err(beamlet::Error::Raised { .. })));
    /// ```
    pub fn eval(&self, source: &str) -> Result<Value, Error> {
        self.eval_file(source, "nofile")
    }

    /// [`Vm::eval`] with `file` as the name in stack traces and errors.
    ///
    /// ```
    /// let vm = beamlet::Vm::builder().schedulers(1).build().unwrap();
    /// let e = vm.eval_file("x = 1\nx.(2)", "calc.exs").unwrap_err();
    /// assert!(e.to_string().starts_with("** (BadFunctionError)"));
    /// ```
    pub fn eval_file(&self, source: &str, file: &str) -> Result<Value, Error> {
        let entry = self.driver("host_eval", 2);
        let args = [Value::binary(source), Value::binary(file)];
        self.run_watched(entry, &args)
    }

    /// Compiles `source` as `file` and defines its modules, without running
    /// the rest of it; they stay loaded for later evaluations and calls (a
    /// module defined again replaces the old one, with Elixir's warning).
    /// Returns the names of the modules defined.
    ///
    /// ```
    /// let vm = beamlet::Vm::builder().schedulers(1).build().unwrap();
    /// vm.load("defmodule M do\n  def two, do: 2\nend\nIO.puts(:not_run)\n", "m.ex").unwrap();
    /// assert_eq!(vm.eval("M.two()").unwrap(), beamlet::Value::from(2));
    /// ```
    pub fn load(&self, source: &str, file: &str) -> Result<(), Error> {
        let entry = self.driver("check_file", 2);
        let args = [Value::binary(source), Value::binary(file)];
        self.run_watched(entry, &args).map(|_| ())
    }

    /// [`Vm::load`] of the file at `path` (read as UTF-8).
    ///
    /// ```
    /// let dir = std::env::temp_dir().join("beamlet-doc-load");
    /// std::fs::create_dir_all(&dir).unwrap();
    /// let path = dir.join("three.ex");
    /// std::fs::write(&path, "defmodule Three do\n  def v, do: 3\nend\n").unwrap();
    /// let vm = beamlet::Vm::builder().schedulers(1).build().unwrap();
    /// vm.load_file(&path).unwrap();
    /// assert_eq!(vm.call("Three", "v", vec![]).unwrap(), beamlet::Value::from(3));
    /// ```
    pub fn load_file(&self, path: impl AsRef<std::path::Path>) -> Result<(), Error> {
        let path = path.as_ref();
        let source = std::fs::read_to_string(path).map_err(|e| {
            Error::BadArgument(format!("could not read file {}: {e}", path.display()))
        })?;
        self.load(&source, &path.to_string_lossy())
    }

    /// Calls `module.function(args...)` in a new process and returns its
    /// result. `module` as Elixir writes it (`"Enum"`, `"String.Chars"`) or
    /// an Erlang module with a colon (`":lists"`). Blocks as [`Vm::eval`] does.
    ///
    /// ```
    /// let vm = beamlet::Vm::builder().schedulers(1).build().unwrap();
    /// let v = vm.call(":lists", "reverse", vec![beamlet::Value::from(vec![1, 2, 3])]).unwrap();
    /// assert_eq!(v, beamlet::Value::from(vec![3, 2, 1]));
    /// let e = vm.call("Nope", "f", vec![]).unwrap_err();
    /// assert_eq!(e.to_string(), "** (UndefinedFunctionError) function Nope.f/0 is undefined (module Nope is not available)");
    /// ```
    pub fn call(&self, module: &str, function: &str, args: Vec<Value>) -> Result<Value, Error> {
        let entry = self.driver("host_apply", 3);
        let args = [
            Value::atom(module_atom(module)),
            Value::atom(function),
            Value::List(args, None),
        ];
        self.run_watched(entry, &args)
    }

    /// Starts a process calling `module.function(args...)` and returns its
    /// pid at once; it runs until it ends (or the VM shuts down). Errors
    /// in it are reported on the output, as for any process.
    ///
    /// ```
    /// let vm = beamlet::Vm::builder().schedulers(1).build().unwrap();
    /// vm.load("defmodule Echo do\n  def loop, do: (receive do {from, m} -> send(from, m); loop() end)\nend\n", "echo.ex").unwrap();
    /// let pid = vm.spawn("Echo", "loop", vec![]).unwrap();
    /// assert!(vm.alive(pid));
    /// ```
    pub fn spawn(&self, module: &str, function: &str, args: Vec<Value>) -> Result<Pid, Error> {
        let entry = self.driver("host_apply", 3);
        let args = [
            Value::atom(module_atom(module)),
            Value::atom(function),
            Value::List(args, None),
        ];
        let (pid, _) = self
            .host()?
            .spawn(entry, &args, false)
            .map_err(spawn_error)?;
        Ok(Pid::from_term(pid))
    }

    /// Sends `msg` to `pid`, as `send/2` does: never blocks; a message to a
    /// process that has ended is dropped (returns `false`, which Elixir's
    /// `send` would not tell).
    ///
    /// ```
    /// let vm = beamlet::Vm::builder().schedulers(1).build().unwrap();
    /// let pid = beamlet::Pid::try_from(vm.eval("spawn(fn -> receive do _ -> :ok end end)").unwrap()).unwrap();
    /// assert!(vm.send(pid, beamlet::Value::atom("go")));
    /// ```
    pub fn send(&self, pid: Pid, msg: impl Into<Value>) -> bool {
        match self.host() {
            Ok(h) => h.send(pid.term(), &msg.into()),
            Err(_) => false,
        }
    }

    /// Sends `msg` to the process registered as `name` (`Process.register/2`).
    ///
    /// ```
    /// let vm = beamlet::Vm::builder().schedulers(1).build().unwrap();
    /// vm.eval("spawn(fn -> Process.register(self(), :sink); receive do _ -> :ok end end)").unwrap();
    /// while vm.whereis("sink").is_none() { std::thread::yield_now() }
    /// assert!(vm.send_named("sink", 1));
    /// ```
    pub fn send_named(&self, name: &str, msg: impl Into<Value>) -> bool {
        match self.host() {
            Ok(h) => h.send(beamlet_vm::atom::intern(name), &msg.into()),
            Err(_) => false,
        }
    }

    /// The pid registered as `name`.
    ///
    /// ```
    /// let vm = beamlet::Vm::builder().schedulers(1).build().unwrap();
    /// assert_eq!(vm.whereis("nobody"), None);
    /// ```
    pub fn whereis(&self, name: &str) -> Option<Pid> {
        self.host().ok()?.whereis(name).map(Pid::from_term)
    }

    /// Sends the exit signal `reason` to `pid` from the host, as
    /// `Process.exit/2` does (`:kill` ends even a process trapping exits).
    ///
    /// ```
    /// let vm = beamlet::Vm::builder().schedulers(1).build().unwrap();
    /// let pid = beamlet::Pid::try_from(vm.eval("spawn(fn -> receive do _ -> :ok end end)").unwrap()).unwrap();
    /// vm.exit(pid, beamlet::Value::atom("kill"));
    /// vm.wait(pid, None).unwrap_err();
    /// assert!(!vm.alive(pid));
    /// ```
    pub fn exit(&self, pid: Pid, reason: impl Into<Value>) -> bool {
        match self.host() {
            Ok(h) => h.exit(pid.term(), &reason.into()),
            Err(_) => false,
        }
    }

    /// Whether `pid` is alive.
    ///
    /// ```
    /// let vm = beamlet::Vm::builder().schedulers(1).build().unwrap();
    /// let pid = beamlet::Pid::try_from(vm.eval("self()").unwrap()).unwrap();
    /// assert!(!vm.alive(pid));
    /// ```
    pub fn alive(&self, pid: Pid) -> bool {
        self.host().is_ok_and(|h| h.alive(pid.term()))
    }

    /// A watch on the end of `pid` (as `Process.monitor/1`, seen from the
    /// host): take it before doing what ends the process, then
    /// [`Monitor::wait`]. `Error::Exit` with reason `:noproc` if it is gone.
    ///
    /// ```
    /// let vm = beamlet::Vm::builder().schedulers(1).build().unwrap();
    /// let pid = vm.spawn("Process", "sleep", vec![beamlet::Value::atom("infinity")]).unwrap();
    /// let m = vm.monitor(pid).unwrap();
    /// vm.exit(pid, beamlet::Value::atom("stop"));
    /// assert!(matches!(m.wait(None), Err(beamlet::Error::Exit { .. })));
    /// ```
    pub fn monitor(&self, pid: Pid) -> Result<Monitor, Error> {
        let host = self.host()?;
        match host.watch(pid.term()) {
            Some(watch) => Ok(Monitor {
                watch,
                compiler: self.compiler.clone(),
            }),
            None => Err(Error::Exit {
                banner: format!("** (EXIT from {pid}) :noproc"),
                reason: Value::atom("noproc"),
            }),
        }
    }

    /// Waits for `pid` to end (at most `timeout`, `None`: for ever):
    /// [`Vm::monitor`] then [`Monitor::wait`]. A process that ended before
    /// this call gives `Error::Exit` with reason `:noproc`: to wait for the
    /// end of something you are about to cause, take the monitor first.
    ///
    /// ```
    /// let vm = beamlet::Vm::builder().schedulers(1).build().unwrap();
    /// vm.load("defmodule Slow do\n  def run, do: (Process.sleep(50); :done)\nend\n", "slow.ex").unwrap();
    /// let pid = vm.spawn("Slow", "run", vec![]).unwrap();
    /// assert_eq!(vm.wait(pid, None).unwrap(), beamlet::Value::atom("done"));
    /// ```
    pub fn wait(&self, pid: Pid, timeout: Option<std::time::Duration>) -> Result<Value, Error> {
        self.monitor(pid)?.wait(timeout)
    }

    /// A mailbox of the host's, with a pid processes can send to (see
    /// [`Mailbox`]). As many as wanted; each holds a slot of the process
    /// table until dropped.
    ///
    /// ```
    /// let vm = beamlet::Vm::builder().schedulers(1).build().unwrap();
    /// let mb = vm.mailbox().unwrap();
    /// vm.call("Kernel", "send", vec![mb.pid().into(), beamlet::Value::atom("hi")]).unwrap();
    /// assert_eq!(mb.recv().unwrap(), beamlet::Value::atom("hi"));
    /// ```
    pub fn mailbox(&self) -> Result<Mailbox, Error> {
        let inner = self.host()?.mailbox().map_err(spawn_error)?;
        Ok(Mailbox { inner })
    }

    /// Sends `msg` to `pid` as `GenServer.call/3` does and waits (at most
    /// `timeout`) for the reply: the process receives
    /// `{:"$gen_call", from, msg}` and answers with
    /// `GenServer.reply(from, reply)` (a `GenServer`'s `handle_call/3`
    /// returning `{:reply, reply, state}` does so). If the process ends
    /// first, `Error::Exit` with its reason (`:noproc` if it was gone);
    /// [`Error::Timeout`] if no reply came in time (a late reply is dropped).
    ///
    /// ```
    /// let vm = beamlet::Vm::builder().schedulers(1).build().unwrap();
    /// vm.load("defmodule Doubler do\n  def loop do\n    receive do\n      {:\"$gen_call\", from, n} -> GenServer.reply(from, n * 2)\n    end\n    loop()\n  end\nend\n", "doubler.ex").unwrap();
    /// let pid = vm.spawn("Doubler", "loop", vec![]).unwrap();
    /// let r = vm.request(pid, 21, std::time::Duration::from_secs(5)).unwrap();
    /// assert_eq!(r, beamlet::Value::from(42));
    /// ```
    pub fn request(
        &self,
        pid: Pid,
        msg: impl Into<Value>,
        timeout: std::time::Duration,
    ) -> Result<Value, Error> {
        let host = self.host()?;
        let mb = host.mailbox().map_err(spawn_error)?;
        let mref = host.make_ref();
        let noproc = || Error::Exit {
            banner: format!("** (EXIT from {pid}) :noproc"),
            reason: Value::atom("noproc"),
        };
        if !host.monitor(&mb, pid.term(), mref) {
            return Err(noproc());
        }
        let tag = beamlet_vm::convert::to_value(&self.code, mref);
        let from = Value::tuple([Pid::from_term(mb.pid()).into(), tag.clone()]);
        let call = Value::tuple([Value::atom("$gen_call"), from, msg.into()]);
        if !host.send(pid.term(), &call) {
            return Err(noproc());
        }
        let deadline = std::time::Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            let m = match mb.recv(Some(left)) {
                Ok(m) => m,
                Err(WaitError::Timeout) => {
                    host.demonitor(pid.term(), mref);
                    return Err(Error::Timeout);
                }
                Err(WaitError::Stopped) => return Err(self.stopped()),
            };
            match m {
                Value::Tuple(mut t) if t.len() == 2 && t[0] == tag => {
                    host.demonitor(pid.term(), mref);
                    return Ok(t.pop().expect("two elements"));
                }
                Value::Tuple(mut t)
                    if t.len() == 5 && t[0] == Value::atom("DOWN") && t[1] == tag =>
                {
                    let reason = t.pop().expect("five elements");
                    let shown = beamlet_vm::inspect::inspect(&reason, &Default::default());
                    return Err(Error::Exit {
                        banner: format!("** (EXIT from {pid}) {shown}"),
                        reason,
                    });
                }
                _ => continue,
            }
        }
    }

    /// Stops every process and joins the scheduler threads; later calls
    /// return [`Error::Stopped`]. Also done when the `Vm` is dropped.
    /// Whole-program runs ([`Vm::run_source`]) still work after it.
    ///
    /// ```
    /// let vm = beamlet::Vm::builder().schedulers(1).build().unwrap();
    /// vm.eval("spawn(fn -> Process.sleep(:infinity) end)").unwrap();
    /// vm.shutdown();
    /// assert_eq!(vm.eval("1"), Err(beamlet::Error::Stopped));
    /// ```
    pub fn shutdown(&self) {
        // Started (and stopped at once) if it never ran, so later calls fail.
        let host = self.host.get_or_init(|| {
            let io = self
                .output
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .take()
                .unwrap_or_else(|| Box::new(StdIo::default()));
            Host::start(self.code.clone(), io, &self.config)
        });
        host.shutdown();
    }

    /// Runs `entry(args)` in a new watched process; its end is the result.
    fn run_watched(&self, entry: FunId, args: &[Value]) -> Result<Value, Error> {
        let host = self.host()?;
        let (pid, w) = host.spawn(entry, args, true).map_err(spawn_error)?;
        let w = w.expect("a watch was asked for");
        match w.wait(self.limits.timeout) {
            Ok(Outcome::Deadlock) => {
                host.exit(pid, &Value::atom("kill"));
                Err(Error::Deadlock)
            }
            Ok(o) => self.outcome(o),
            Err(WaitError::Timeout) => {
                host.exit(pid, &Value::atom("kill"));
                Err(Error::Timeout)
            }
            Err(WaitError::Stopped) => Err(self.stopped()),
        }
    }

    /// Why the runtime is gone.
    fn stopped(&self) -> Error {
        match self.host.get().and_then(|h| h.halted()) {
            Some(Outcome::Halted { status }) => Error::Halted { status },
            _ => Error::Stopped,
        }
    }

    fn outcome(&self, o: Outcome) -> Result<Value, Error> {
        outcome(&self.compiler, o)
    }

    fn compile_failure(&self, banner: &str) -> Option<CompileError> {
        compile_failure(&self.compiler, banner)
    }

    /// Runs `source` as a script, as `elixir file.exs` would, printing to
    /// the terminal, in a runtime of its own that ends with the script.
    ///
    /// ```no_run
    /// let mut vm = beamlet::Vm::new().unwrap();
    /// vm.run_source("IO.puts(\"hi\")", "hello.exs", &[]).unwrap();
    /// ```
    pub fn run_source(
        &mut self,
        source: &str,
        file: &str,
        argv: &[String],
    ) -> Result<Value, RunError> {
        let mut io = StdIo::default();
        let r = self.run_source_with(source, file, argv, &mut io);
        io.flush();
        r
    }

    /// Runs test files (see [`Vm::run_tests_with`]) printing to the terminal.
    ///
    /// ```no_run
    /// let mut vm = beamlet::Vm::new().unwrap();
    /// let files = vec![("ExUnit.start()\ndefmodule T do\n  use ExUnit.Case\n  test \"x\", do: assert 1 == 1\nend\n".to_string(), "t_test.exs".to_string())];
    /// assert_eq!(vm.run_tests(&[], &files, &Default::default()).unwrap(), 0);
    /// ```
    pub fn run_tests(
        &mut self,
        helpers: &[(String, String)],
        files: &[(String, String)],
        options: &TestOptions,
    ) -> Result<u64, RunError> {
        let mut io = StdIo::default();
        let r = self.run_tests_with(helpers, files, options, &mut io);
        io.flush();
        r
    }

    /// Runs `source` with output going to `io`.
    ///
    /// ```
    /// let mut vm = beamlet::Vm::builder().schedulers(1).build().unwrap();
    /// let mut io = beamlet::CaptureIo::default();
    /// let v = vm.run_source_with("IO.puts(:a)\n:b", "ab.exs", &[], &mut io).unwrap();
    /// assert_eq!((io.out, v), (b"a\n".to_vec(), beamlet::Value::atom("b")));
    /// ```
    pub fn run_source_with(
        &mut self,
        source: &str,
        file: &str,
        argv: &[String],
        io: &mut (dyn Io + Send),
    ) -> Result<Value, RunError> {
        let entry = self.driver("eval_file", 2);
        let args = [Value::Binary(source.into()), Value::Binary(file.into())];
        self.run_entry(entry, &args, argv, io)
    }

    /// Runs test files as `mix test` does (see [`TestOptions`]): ExUnit
    /// starts, each helper runs (`test_helper.exs`), `options` configure
    /// ExUnit, each file is compiled and run, then the suite runs and
    /// prints its report. Files are `(source, file name)` pairs. Returns
    /// the number of failed (or invalid) tests.
    ///
    /// ```no_run
    /// let mut vm = beamlet::Vm::new().unwrap();
    /// let mut io = beamlet::CaptureIo::default();
    /// let failed = vm.run_tests_with(&[], &[], &Default::default(), &mut io).unwrap();
    /// assert_eq!(failed, 0);
    /// ```
    pub fn run_tests_with(
        &mut self,
        helpers: &[(String, String)],
        files: &[(String, String)],
        options: &TestOptions,
        io: &mut (dyn Io + Send),
    ) -> Result<u64, RunError> {
        let pairs = |fs: &[(String, String)]| {
            Value::List(
                fs.iter()
                    .map(|(src, name)| {
                        Value::Tuple(vec![
                            Value::Binary(src.as_bytes().to_vec()),
                            Value::Binary(name.as_bytes().to_vec()),
                        ])
                    })
                    .collect(),
                None,
            )
        };
        let entry = self.driver("run_tests", 3);
        let args = [pairs(helpers), pairs(files), options.to_config()];
        match self.run_entry(entry, &args, &[], io)? {
            Value::Int(n) => Ok(n.max(0) as u64),
            other => Err(RunError::Raised {
                banner: format!(
                    "** (RuntimeError) the test run returned {}",
                    beamlet_vm::inspect::inspect(&other, &Default::default())
                ),
                trace: vec![],
                exit_status: 1,
            }),
        }
    }

    /// Compiles `source` as [`crate::check`] does, on this VM (its modules stay loaded).
    ///
    /// ```
    /// let mut vm = beamlet::Vm::builder().schedulers(1).build().unwrap();
    /// let mut io = beamlet::CaptureIo::default();
    /// assert!(vm.check_with("defmodule C do\nend\n", "c.ex", &mut io).is_ok());
    /// ```
    pub fn check_with(
        &mut self,
        source: &str,
        file: &str,
        io: &mut (dyn Io + Send),
    ) -> Result<(), CompileError> {
        let entry = self.driver("check_file", 2);
        let args = [Value::Binary(source.into()), Value::Binary(file.into())];
        match self.run_entry(entry, &args, &[], io) {
            Ok(_) => Ok(()),
            Err(RunError::Compile(e)) => Err(e),
            Err(RunError::Raised { banner, trace, .. }) => {
                let mut text = format!("{banner}\n");
                for t in trace {
                    text += &format!("{t}\n");
                }
                Err(CompileError {
                    diagnostic: Diagnostic::new(Default::default(), banner),
                    rendered: text,
                })
            }
            Err(RunError::Halted { exit_status }) => Err(CompileError {
                diagnostic: Diagnostic::new(Default::default(), "halted while compiling"),
                rendered: format!("error: halted while compiling (status {exit_status})\n"),
            }),
            Err(RunError::Deadlock) => Err(CompileError {
                diagnostic: Diagnostic::new(Default::default(), "deadlock while compiling"),
                rendered: "error: deadlock while compiling\n".into(),
            }),
        }
    }

    /// Runs `entry` with `args` as the main process, until it finishes
    /// (other processes still running then are stopped, as `elixir` does).
    fn run_entry(
        &mut self,
        entry: FunId,
        args: &[Value],
        argv: &[String],
        io: &mut (dyn Io + Send),
    ) -> Result<Value, RunError> {
        match sched::run_main(&self.code, entry, args, argv, io, &self.config) {
            Outcome::Returned(v) => Ok(v),
            Outcome::Failed {
                banner,
                trace,
                status,
                ..
            } => {
                if let Some(e) = self.compile_failure(&banner) {
                    return Err(RunError::Compile(e));
                }
                Err(RunError::Raised {
                    banner,
                    trace,
                    exit_status: status,
                })
            }
            Outcome::Deadlock => Err(RunError::Deadlock),
            Outcome::Halted { status: 0 } => Ok(Value::Atom("nil".into())),
            Outcome::Halted { status } => Err(RunError::Halted {
                exit_status: status,
            }),
            // A program run has no reduction limit: never reported.
            Outcome::Budget | Outcome::Memory => Err(RunError::Halted { exit_status: 1 }),
        }
    }
}

/// A watched process's end as a result.
fn outcome(compiler: &Service, o: Outcome) -> Result<Value, Error> {
    match o {
        Outcome::Returned(v) => Ok(v),
        Outcome::Failed {
            banner,
            trace,
            class,
            reason,
            ..
        } => {
            if let Some(e) = compile_failure(compiler, &banner) {
                return Err(Error::Compile(e));
            }
            Err(match class {
                Class::Error => Error::Raised {
                    banner,
                    trace,
                    exception: reason,
                },
                Class::Throw => Error::Thrown {
                    banner,
                    value: reason,
                },
                Class::Exit => Error::Exit { banner, reason },
            })
        }
        Outcome::Deadlock => Err(Error::Deadlock),
        Outcome::Halted { status } => Err(Error::Halted { status }),
        Outcome::Budget => Err(Error::Budget),
        Outcome::Memory => Err(Error::Memory),
    }
}

/// The compile error a `** (CompileError)`-like banner reports, rendered.
fn compile_failure(compiler: &Service, banner: &str) -> Option<CompileError> {
    let compile = [
        "** (CompileError)",
        "** (SyntaxError)",
        "** (TokenMissingError)",
    ];
    if !compile.iter().any(|p| banner.starts_with(p)) {
        return None;
    }
    let f = compiler.take_any_failure()?;
    let file = beamlet_compiler::runtime::relative(&f.file);
    let rendered = match &f.source {
        Some(src) => f.diagnostic.render(&file, src),
        None => format!("error: {}\n", f.diagnostic.message),
    };
    Some(CompileError {
        diagnostic: f.diagnostic,
        rendered,
    })
}

/// A watch on the end of one process ([`Vm::monitor`]). `Send`; not `Sync`.
///
/// ```
/// let vm = beamlet::Vm::builder().schedulers(1).build().unwrap();
/// let pid = vm.spawn("Process", "sleep", vec![beamlet::Value::from(10)]).unwrap();
/// let m = vm.monitor(pid).unwrap();
/// assert_eq!(m.wait(None).unwrap(), beamlet::Value::atom("ok"));
/// ```
pub struct Monitor {
    watch: sched::Watch,
    compiler: Arc<Service>,
}

impl Monitor {
    /// Blocks until the process ends (at most `timeout`; `None`: for ever):
    /// `Ok` with the value its function returned, else how it failed
    /// ([`Error::Timeout`] if it still runs). A process waiting for a
    /// message only the host can send is no deadlock here: give a timeout
    /// when nothing may come.
    ///
    /// ```
    /// let vm = beamlet::Vm::builder().schedulers(1).build().unwrap();
    /// let pid = vm.spawn("Process", "sleep", vec![10_000.into()]).unwrap();
    /// let m = vm.monitor(pid).unwrap();
    /// assert_eq!(m.wait(Some(std::time::Duration::from_millis(10))), Err(beamlet::Error::Timeout));
    /// ```
    pub fn wait(&self, timeout: Option<std::time::Duration>) -> Result<Value, Error> {
        match self.watch.wait(timeout) {
            Ok(o) => outcome(&self.compiler, o),
            Err(WaitError::Timeout) => Err(Error::Timeout),
            Err(WaitError::Stopped) => Err(Error::Stopped),
        }
    }
}

fn spawn_error(e: SpawnError) -> Error {
    match e {
        SpawnError::SystemLimit => Error::SystemLimit,
        SpawnError::Stopped => Error::Stopped,
    }
}

impl Vm {
    /// Leaves the loaded code allocated when this VM drops, for a process
    /// about to exit: freeing every function and literal of a large
    /// program took 3M instructions at the end of a 3,000-line test file
    /// (benches/README.md, tenth pass), work the exit does for nothing.
    pub fn keep_code_at_exit(&self) {
        std::mem::forget(Arc::clone(&self.code));
    }
}

impl Drop for Vm {
    fn drop(&mut self) {
        if let Some(h) = self.host.get() {
            h.shutdown();
        }
    }
}

/// A `Vm` for a one-off job (checking, listing): one scheduler.
pub(crate) fn scratch_vm() -> Result<Vm, CompileError> {
    Vm::builder().schedulers(1).build()
}

#[allow(dead_code)]
fn _assert_thread_safe() {
    fn both<T: Send + Sync>() {}
    both::<Vm>();
    both::<Pid>();
    both::<Error>();
    let _ = CaptureIo::default();
}
