//! Code loaded while a program runs (`vm/src/code.rs`): modules that appear
//! mid-run, modules redefined under running code (native code included), and
//! native code for functions that waited for a module. Loads come from
//! another thread, or from the program itself through the test-only
//! `:beamlet_test.load_pending/1` (vm's `test-bifs` feature).

use beamlet::{JitMode, Vm};
use beamlet_vm::atom;
use beamlet_vm::bif::testing::queue_load;
use beamlet_vm::code::CodeTable;
use beamlet_vm::sched::{run_main, Config, Outcome};
use beamlet_vm::value::Value;

/// A loadable unit for macro-free `source`, without a VM: the compiler's
/// static path (modules and the top level at once), for code built by hand.
fn compile(source: &str, file: &str, script: bool) -> Result<beamlet_vm::code::Unit, String> {
    let program = beamlet_compiler::parser::parse(source).map_err(|d| d.render(file, source))?;
    let (mut unit, _) = beamlet_compiler::compile_program(source, &program, script)
        .map_err(|d| d.render(file, source))?;
    let f = atom::intern(file);
    for func in &mut unit.functions {
        func.file = f;
    }
    Ok(unit)
}

fn vm(jit: JitMode) -> Vm {
    Vm::builder().jit(jit).build().expect("stdlib compiles")
}

fn config(jit: JitMode) -> Config {
    Config {
        schedulers: 2,
        gc_always: false,
        jit,
        ..Default::default()
    }
}

/// Runs `script` on `code` while `meanwhile` runs on another thread.
fn run_with(
    code: &CodeTable,
    jit: JitMode,
    script: &str,
    meanwhile: impl FnOnce() + Send,
) -> Value {
    let entry = code
        .load(compile(script, "main.ex", true).expect("compiles"))
        .script
        .expect("a script");
    let mut io = beamlet::CaptureIo::default();
    let out = std::thread::scope(|s| {
        s.spawn(meanwhile);
        run_main(code, entry, &[], &[], &mut io, &config(jit))
    });
    match out {
        Outcome::Returned(v) => v,
        other => panic!(
            "{other:?}\nstdout: {}\nstderr: {}",
            String::from_utf8_lossy(&io.out),
            String::from_utf8_lossy(&io.err)
        ),
    }
}

fn inspect(v: &Value) -> String {
    beamlet_vm::inspect::inspect(v, &Default::default())
}

#[test]
fn a_module_loaded_while_running_is_found_and_called() {
    for jit in [JitMode::Off, JitMode::Eager] {
        let vm = vm(jit);
        let code = vm.code();
        let script = r#"
            defmodule Wait do
              def until(0), do: :gave_up
              def until(n) do
                if function_exported?(Late, :hello, 1) do
                  m = Late
                  {Late.hello(:world), m.hello(:apply)}
                else
                  Process.sleep(1)
                  until(n - 1)
                end
              end
            end
            Wait.until(20_000)
        "#;
        let v = run_with(code, jit, script, || {
            std::thread::sleep(std::time::Duration::from_millis(30));
            let unit = compile(
                "defmodule Late do\n  def hello(x), do: {:hello, x}\nend\n",
                "late.ex",
                false,
            )
            .expect("compiles");
            assert!(code.load(unit).redefined.is_empty());
        });
        assert_eq!(
            inspect(&v),
            "{{:hello, :world}, {:hello, :apply}}",
            "{jit:?}"
        );
        let m = atom::intern("Elixir.Late");
        assert!(code.module_loaded(m));
        assert_eq!(
            code.module_functions(m),
            vec![(atom::intern("hello"), 1, true)]
        );
    }
}

#[test]
fn a_redefinition_reaches_code_already_running_natively() {
    // `go` calls Target.value/0 by name, loads a new Target, and calls it
    // again in the same activation: under `--jit eager` that activation is
    // native code compiled against the first Target.
    for (key, jit) in [
        (101, JitMode::Off),
        (102, JitMode::Eager),
        (103, JitMode::On),
    ] {
        let vm = vm(jit);
        let code = vm.code();
        let unit = compile(
            "defmodule Target do\n  def value, do: 2\nend\n",
            "target2.ex",
            false,
        )
        .expect("compiles");
        queue_load(key, unit);
        // Its own unit: calls by name into the same unit are bound when
        // compiled, as the compiler does today.
        let first = compile(
            "defmodule Target do\n  def value, do: 1\nend\n",
            "target1.ex",
            false,
        )
        .expect("compiles");
        code.load(first);
        let script = format!(
            r#"
            defmodule Caller do
              def go(key) do
                a = Target.value()
                n = :beamlet_test.load_pending(key)
                b = Target.value()
                {{a, n, b}}
              end
              def sum(0, acc), do: acc
              def sum(n, acc), do: sum(n - 1, acc + Target.value())
            end
            before = Caller.sum(20_000, 0)
            r = Caller.go({key})
            {{before, r, Caller.sum(20_000, 0)}}
            "#
        );
        let v = run_with(code, jit, &script, || {});
        assert_eq!(inspect(&v), "{20000, {1, 1, 2}, 40000}", "{jit:?}");
        if jit != JitMode::Off {
            // Compiled anew against the new Target.
            let sum = code
                .lookup(atom::intern("Elixir.Caller"), atom::intern("sum"), 2)
                .expect("loaded");
            assert!(code.jit.has_native(code.function(sum)), "{jit:?}");
        }
    }
}

#[test]
fn a_function_waiting_for_a_module_gets_native_code_once_it_is_loaded() {
    let vm = vm(JitMode::Eager);
    let code = vm.code();
    queue_load(
        201,
        compile(
            "defmodule Later do\n  def value, do: 7\nend\n",
            "later.ex",
            false,
        )
        .expect("compiles"),
    );
    let script = r#"
        defmodule Early do
          def call_later, do: Later.value() + 1
          def attempt do
            try do
              call_later()
            rescue
              _ -> :undef
            end
          end
        end
        first = Early.attempt()
        :beamlet_test.load_pending(201)
        {first, Early.attempt()}
    "#;
    let v = run_with(code, JitMode::Eager, script, || {});
    assert_eq!(inspect(&v), "{:undef, 8}");
    let f = code
        .lookup(atom::intern("Elixir.Early"), atom::intern("call_later"), 0)
        .expect("loaded");
    assert!(code.jit.has_native(code.function(f)));
}

#[test]
fn many_loads_while_processes_send_literals() {
    // Processes pass literals of units loaded a moment ago around while
    // another thread keeps loading: the literal area grows under them.
    let vm = vm(JitMode::On);
    let code = vm.code();
    let script = r#"
        defmodule Pass do
          def relay(0, acc), do: acc
          def relay(n, acc) do
            me = self()
            m = :"Elixir.Gen50"
            term = if function_exported?(m, :data, 0), do: m.data(), else: {:none, n}
            pid = spawn(fn -> send(me, {:back, term}) end)
            receive do
              {:back, t} -> relay(n - 1, [t == term | acc])
            end
          end
        end
        Enum.all?(Pass.relay(3000, []))
    "#;
    let v = run_with(code, JitMode::On, script, || {
        for k in 0..100 {
            let src = format!(
                "defmodule Gen{k} do\n  def data, do: {{:gen, {k}, \"literal {k}\", [1, 2, {k}]}}\nend\n"
            );
            code.load(compile(&src, "gen.ex", false).expect("compiles"));
        }
    });
    assert_eq!(inspect(&v), "true");
    assert!(code.loaded_modules().len() >= 100);
}
