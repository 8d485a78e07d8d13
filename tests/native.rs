//! Native functions: host closures callable from scripts (VmBuilder::native).

use beamlet::{Error, NativeError, SharedOutput, Value, Vm};

fn vm() -> (Vm, SharedOutput) {
    let out = SharedOutput::new();
    let vm = Vm::builder()
        .schedulers(2)
        .output(out.clone())
        .native("Host", "lookup", 1, |args: &[Value]| {
            let key = String::try_from(args[0].clone())?;
            match key.as_str() {
                "a" => Ok(Value::from(1)),
                "b" => Ok(Value::tuple([
                    Value::atom("ok"),
                    Value::from(vec![1.5, 2.5]),
                ])),
                _ => Err(NativeError::from(format!("unknown key {key}"))),
            }
        })
        .native("Host", "add", 3, |args: &[Value]| {
            let mut sum = 0i64;
            for a in args {
                sum += i64::try_from(a.clone())?;
            }
            Ok(Value::from(sum))
        })
        .native("Host", "now", 0, |_: &[Value]| Ok(Value::atom("tick")))
        .native("Host", "bad_arg", 0, |_: &[Value]| {
            Err(NativeError::raise("ArgumentError", "host says no"))
        })
        .native("Host", "thrown", 0, |_: &[Value]| {
            Err(NativeError::Throw(Value::atom("ball")))
        })
        .native("Host", "exited", 0, |_: &[Value]| {
            Err(NativeError::Exit(Value::atom("gone")))
        })
        .native("Host", "erred", 0, |_: &[Value]| {
            Err(NativeError::Error(Value::tuple([
                Value::atom("bad"),
                Value::from(1),
            ])))
        })
        .native(
            "Host",
            "boom",
            1,
            |_: &[Value]| -> Result<Value, NativeError> { panic!("the host broke") },
        )
        .native(":host_kv", "get", 1, |args: &[Value]| Ok(args[0].clone()))
        .native("Host", "question?", 1, |args: &[Value]| {
            Ok(Value::from(args[0] == Value::from(42)))
        })
        .build()
        .expect("the VM starts");
    (vm, out)
}

fn eval(vm: &Vm, src: &str) -> String {
    match vm.eval(src) {
        Ok(v) => format!("{v:?}"),
        Err(e) => format!("{e:?}"),
    }
}

#[test]
fn natives_are_called_like_module_functions() {
    let (vm, _) = vm();
    assert_eq!(eval(&vm, "Host.lookup(\"a\")"), "1");
    assert_eq!(eval(&vm, "Host.lookup(\"b\")"), "{:ok, [1.5, 2.5]}");
    assert_eq!(eval(&vm, "Host.add(1, 2, 3)"), "6");
    assert_eq!(eval(&vm, "Host.now()"), ":tick");
    assert_eq!(eval(&vm, "Enum.map([\"a\"], &Host.lookup/1)"), "[1]");
    assert_eq!(eval(&vm, "apply(Host, :add, [1, 1, 1])"), "3");
    assert_eq!(
        eval(&vm, "apply(String.to_atom(\"Elixir.Host\"), :now, [])"),
        ":tick"
    );
    assert_eq!(eval(&vm, ":host_kv.get([1, :x])"), "[1, :x]");
    assert_eq!(eval(&vm, "Host.question?(42)"), "true");
    assert_eq!(
        eval(
            &vm,
            "{function_exported?(Host, :lookup, 1), function_exported?(Host, :lookup, 2), Code.ensure_loaded?(Host), Code.ensure_loaded?(:host_kv)}"
        ),
        "{true, false, true, true}"
    );
    // From a module defined later, and from another process.
    vm.load(
        "defmodule User do\n  def go(k), do: Host.lookup(k)\nend",
        "user.ex",
    )
    .unwrap();
    assert_eq!(
        vm.call("User", "go", vec![Value::from("a")]).unwrap(),
        Value::from(1)
    );
    assert_eq!(
        vm.call("Host", "add", vec![1.into(), 2.into(), 3.into()])
            .unwrap(),
        Value::from(6)
    );
    assert_eq!(
        eval(
            &vm,
            "Task.async(fn -> Host.lookup(\"a\") end) |> Task.await()"
        ),
        "1"
    );
}

#[test]
fn errors_are_raised_in_the_script() {
    let (vm, _) = vm();
    assert_eq!(
        eval(
            &vm,
            "try do Host.lookup(\"zz\") rescue e in RuntimeError -> e.message end"
        ),
        "\"unknown key zz\""
    );
    assert_eq!(
        eval(
            &vm,
            "try do Host.lookup(7) rescue e in ArgumentError -> :argument_error end"
        ),
        ":argument_error"
    );
    assert_eq!(
        eval(
            &vm,
            "try do Host.bad_arg() rescue e in ArgumentError -> e.message end"
        ),
        "\"host says no\""
    );
    assert_eq!(
        eval(
            &vm,
            "catch_throw = try do Host.thrown() catch :throw, v -> v end"
        ),
        ":ball"
    );
    assert_eq!(
        eval(&vm, "try do Host.exited() catch :exit, v -> {:exit, v} end"),
        "{:exit, :gone}"
    );
    assert_eq!(
        eval(&vm, "try do Host.erred() catch :error, v -> v end"),
        "{:bad, 1}"
    );
    match vm.eval("Host.lookup(\"zz\")") {
        Err(Error::Raised { banner, trace, .. }) => {
            assert_eq!(banner, "** (RuntimeError) unknown key zz");
            assert!(
                trace.iter().any(|l| l.contains("Host.lookup/1")),
                "{trace:?}"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_panic_raises_in_the_calling_process() {
    let (vm, _) = vm();
    assert_eq!(
        eval(
            &vm,
            "try do Host.boom(1) rescue e in RuntimeError -> e.message end"
        ),
        "\"native function Host.boom/1 panicked: the host broke\""
    );
    // The scheduler survived.
    assert_eq!(eval(&vm, "Host.lookup(\"a\") + 1"), "2");
}

#[path = "../examples/embed_native.rs"]
mod native_example;

#[test]
fn the_example_runs() {
    let (printed, total) = native_example::run();
    assert_eq!(printed, "skipped: no price for \"kiwi\"\n");
    assert_eq!(total, Value::from(11));
}

fn denying() -> Vm {
    Vm::builder()
        .schedulers(2)
        .output(SharedOutput::new())
        .deny_modules(["File", "System", ":io", ":os"])
        .build()
        .expect("the VM starts")
}

const DENIED_FILE: &str =
    "\"function File.read/1 is undefined (module File is denied by the host)\"";

#[test]
fn denied_modules_cannot_be_called_by_scripts() {
    let vm = denying();
    let rescue = |call: &str| {
        eval(
            &vm,
            &format!(
                "try do {call} rescue e in UndefinedFunctionError -> Exception.message(e) end"
            ),
        )
    };
    assert_eq!(rescue("File.read(\"/etc/hostname\")"), DENIED_FILE);
    assert_eq!(rescue("apply(File, :read, [\"x\"])"), DENIED_FILE);
    assert_eq!(
        rescue("apply(String.to_atom(\"Elixir.File\"), :read, [\"x\"])"),
        DENIED_FILE
    );
    assert_eq!(rescue("Enum.map([\"x\"], &File.read/1)"), DENIED_FILE);
    assert_eq!(
        rescue("apply(&apply/3, [File, :read, [\"x\"]])"),
        DENIED_FILE
    );
    assert_eq!(
        rescue("System.get_env(\"HOME\")"),
        "\"function System.get_env/1 is undefined (module System is denied by the host)\""
    );
    assert_eq!(
        rescue(":io.put_chars(\"x\")"),
        "\"function :io.put_chars/1 is undefined (module :io is denied by the host)\""
    );
    // A built-in called directly.
    assert_eq!(
        rescue(":os.getenv(~c\"HOME\")"),
        "\"function :os.getenv/1 is undefined (module :os is denied by the host)\""
    );
    // spawn/3: the new process fails with the same error.
    assert_eq!(
        eval(
            &vm,
            "pid = spawn(File, :read, [\"x\"]); ref = Process.monitor(pid); receive do {:DOWN, ^ref, _, _, {e, _}} -> Exception.message(e) end"
        ),
        DENIED_FILE
    );
    // From a module the script defines, too.
    vm.load(
        "defmodule Sneaky do\n  def go, do: File.read(\"x\")\nend",
        "s.ex",
    )
    .unwrap();
    match vm.call("Sneaky", "go", vec![]) {
        Err(Error::Raised { banner, .. }) => assert_eq!(
            banner,
            "** (UndefinedFunctionError) function File.read/1 is undefined (module File is denied by the host)"
        ),
        other => panic!("{other:?}"),
    }
    // The library's own calls still work (IO.puts goes through :io).
    assert_eq!(eval(&vm, "IO.puts(\"hi\"); Enum.sum([1, 2])"), "3");
    assert_eq!(eval(&vm, "Path.join(\"a\", \"b\")"), "\"a/b\"");
}

#[test]
fn the_library_still_works_with_modules_denied() {
    let vm = denying();
    assert_eq!(
        eval(
            &vm,
            "IO.inspect(%{a: 1}); x = \"#{1.5} #{:a}\"; {:ok, pid} = Agent.start_link(fn -> x end); Agent.get(pid, & &1)"
        ),
        "\"1.5 a\""
    );
    assert_eq!(
        eval(
            &vm,
            "Task.async(fn -> Enum.sort([3, 1, 2]) end) |> Task.await()"
        ),
        "[1, 2, 3]"
    );
}
