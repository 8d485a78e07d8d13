//! The `beamlet` command line: run scripts, evaluate expressions, check,
//! disassemble and parse files. The only code that talks to the terminal.
#![deny(unsafe_code)]

/// `eprint!`/`eprintln!` that ignore a closed standard error (`beamlet ...
/// 2>&1 | head -1`) instead of panicking, as a write to a closed device
/// does not stop Elixir either.
macro_rules! err {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stderr(), $($t)*);
    }};
}
macro_rules! errln {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($t)*);
    }};
}
/// `print!`/`println!` likewise for standard output.
macro_rules! out {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout(), $($t)*);
    }};
}
macro_rules! outln {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($t)*);
    }};
}
mod shell;

use clap::{value_parser, Arg, ArgAction, ArgMatches};
use std::path::PathBuf;
use std::process::ExitCode;

// The one `unsafe` of the CLI: the global allocator's calls into mimalloc.
#[allow(unsafe_code)]
mod alloc;

/// The command line, as parsed: a subcommand, or `-e CODE`, or a script
/// file with its arguments, or nothing (the shell).
struct Cli {
    command: Option<Command>,
    eval: Option<String>,
    schedulers: Option<usize>,
    jit: Jit,
    file: Option<PathBuf>,
    args: Vec<String>,
}

#[derive(Clone, Copy)]
enum Jit {
    On,
    Off,
    Eager,
}

/// How to run a script, from the command line.
struct Opts {
    schedulers: Option<usize>,
    jit: Jit,
}

enum Command {
    Run {
        file: PathBuf,
        args: Vec<String>,
    },
    Shell,
    Check {
        file: PathBuf,
    },
    Disasm {
        file: PathBuf,
    },
    Test(TestArgs),
    Parse {
        eval: Option<String>,
        file: Option<PathBuf>,
    },
}

/// The command line's grammar (clap's builder: the derive macros cost a
/// clean build two proc-macro crates and a second `syn`).
fn cli() -> clap::Command {
    use clap::Command as C;
    let file = || {
        Arg::new("file")
            .value_name("FILE")
            .value_parser(value_parser!(PathBuf))
    };
    let trailing = || {
        Arg::new("args")
            .value_name("ARGS")
            .num_args(0..)
            .trailing_var_arg(true)
            .allow_hyphen_values(true)
    };
    let tag = |name: &'static str, help: &'static str| {
        Arg::new(name)
            .long(name)
            .value_name("TAG")
            .action(ArgAction::Append)
            .help(help)
    };
    C::new("beamlet")
        .version(env!("CARGO_PKG_VERSION"))
        .about("A pocket BEAM: runs Elixir-subset scripts")
        .arg(
            Arg::new("eval")
                .short('e')
                .long("eval")
                .value_name("CODE")
                .help("Evaluate CODE as a script"),
        )
        .arg(
            Arg::new("schedulers")
                .long("schedulers")
                .value_name("N")
                .global(true)
                .value_parser(value_parser!(usize))
                .help("Number of scheduler threads (default: one per core)"),
        )
        .arg(
            Arg::new("jit")
                .long("jit")
                .value_name("MODE")
                .global(true)
                .default_value("on")
                .value_parser(["on", "off", "eager"])
                .help(
                    "Native code for hot functions: on (default), off (interpret \
                     everything), or eager (compile every function at its first call)",
                ),
        )
        .arg(file().help("A script to run, followed by its arguments (`System.argv()`)"))
        .arg(trailing())
        .subcommand(
            C::new("run")
                .about("Run FILE.ex (its arguments follow it)")
                .arg(file().required(true))
                .arg(trailing()),
        )
        .subcommand(
            C::new("shell")
                .about("Start the interactive shell (as `beamlet` with no arguments does)"),
        )
        .subcommand(
            C::new("check")
                .about("Compile FILE.ex without running it; report errors")
                .arg(file().required(true)),
        )
        .subcommand(
            C::new("disasm")
                .about("Print the bytecode of FILE.ex")
                .arg(file().required(true)),
        )
        .subcommand(
            C::new("test")
                .about(
                    "Run the ExUnit tests in every `*_test.exs` file under PATHS (default \
                     `test/`), after the `test_helper.exs` of each directory given, as `mix \
                     test` does. Exit status 2 when a test fails",
                )
                .arg(
                    Arg::new("paths")
                        .value_name("PATHS")
                        .num_args(0..)
                        .value_parser(value_parser!(PathBuf))
                        .help(
                            "Test files or directories (a file may end in `:LINE` to run the \
                             test at that line)",
                        ),
                )
                .arg(
                    Arg::new("seed")
                        .long("seed")
                        .value_name("N")
                        .value_parser(value_parser!(u64))
                        .help(
                            "Order the tests by this seed (0 keeps the order they are defined in)",
                        ),
                )
                .arg(tag(
                    "only",
                    "Run only the tests with TAG (`slow` or `key:value`)",
                ))
                .arg(tag("include", "Run the tests with TAG even if excluded"))
                .arg(tag("exclude", "Skip the tests with TAG"))
                .arg(
                    Arg::new("trace")
                        .long("trace")
                        .action(ArgAction::SetTrue)
                        .help("Print each test and its time as it runs; no timeout"),
                ),
        )
        .subcommand(
            C::new("parse")
                .about(
                    "Print FILE's quoted form, as Elixir's `Code.string_to_quoted!/1` gives it \
                     (inspected with `limit: :infinity, printable_limit: :infinity`)",
                )
                .arg(
                    Arg::new("eval")
                        .short('e')
                        .long("eval")
                        .value_name("CODE")
                        .conflicts_with("file")
                        .help("Parse CODE instead of a file"),
                )
                .arg(file().required_unless_present("eval")),
        )
}

/// Reads the parsed command line into a `Cli`.
fn parse_cli() -> Cli {
    let m = cli().get_matches();
    let strings = |m: &ArgMatches, id: &str| -> Vec<String> {
        m.get_many::<String>(id)
            .map(|v| v.cloned().collect())
            .unwrap_or_default()
    };
    let path = |m: &ArgMatches| m.get_one::<PathBuf>("file").cloned();
    let command = match m.subcommand() {
        Some(("run", s)) => Some(Command::Run {
            file: path(s).unwrap_or_default(),
            args: strings(s, "args"),
        }),
        Some(("shell", _)) => Some(Command::Shell),
        Some(("check", s)) => Some(Command::Check {
            file: path(s).unwrap_or_default(),
        }),
        Some(("disasm", s)) => Some(Command::Disasm {
            file: path(s).unwrap_or_default(),
        }),
        Some(("test", s)) => Some(Command::Test(TestArgs {
            paths: s
                .get_many::<PathBuf>("paths")
                .map(|v| v.cloned().collect())
                .unwrap_or_default(),
            options: beamlet::TestOptions {
                seed: s.get_one::<u64>("seed").copied(),
                only: strings(s, "only"),
                include: strings(s, "include"),
                exclude: strings(s, "exclude"),
                trace: s.get_flag("trace"),
            },
        })),
        Some(("parse", s)) => Some(Command::Parse {
            eval: s.get_one::<String>("eval").cloned(),
            file: path(s),
        }),
        _ => None,
    };
    // `--schedulers` and `--jit` are global: a subcommand's matches hold
    // them when given after it.
    let sub = m.subcommand().map(|(_, s)| s).unwrap_or(&m);
    let jit = match sub.get_one::<String>("jit").map(String::as_str) {
        Some("off") => Jit::Off,
        Some("eager") => Jit::Eager,
        _ => Jit::On,
    };
    Cli {
        command,
        eval: m.get_one::<String>("eval").cloned(),
        schedulers: sub.get_one::<usize>("schedulers").copied(),
        jit,
        file: path(&m),
        args: strings(&m, "args"),
    }
}

/// The options of `beamlet test`.
struct TestArgs {
    paths: Vec<PathBuf>,
    options: beamlet::TestOptions,
}

/// Finds the test files and helpers under `paths` and runs them.
fn test(args: TestArgs, opts: &Opts) -> ExitCode {
    let mut options = args.options;
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("test")]
    } else {
        args.paths
    };
    let mut helpers = vec![];
    let mut files = vec![];
    for path in &paths {
        // `file_test.exs:12`: only the test at line 12.
        let text = path.display().to_string();
        let (path, line) = match text.rsplit_once(':') {
            Some((f, l)) if !path.exists() && l.parse::<u32>().is_ok() => {
                (PathBuf::from(f), Some(l.to_string()))
            }
            _ => (path.clone(), None),
        };
        if let Some(l) = line {
            options.only.push(format!("line:{l}"));
        }
        if path.is_dir() {
            let helper = path.join("test_helper.exs");
            if helper.is_file() {
                helpers.push(helper);
            }
            collect_tests(&path, &mut files);
        } else if path.is_file() {
            files.push(path);
        } else {
            errln!(
                "error: {} is not a file or directory (beamlet test takes test files and folders of *_test.exs files)",
                path.display()
            );
            return ExitCode::from(1);
        }
    }
    if files.is_empty() {
        let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        errln!(
            "error: no *_test.exs files under {} (give test files or folders holding them)",
            shown.join(", ")
        );
        return ExitCode::from(1);
    }
    let load = |fs: Vec<PathBuf>| -> Result<Vec<(String, String)>, ExitCode> {
        fs.iter()
            .map(|f| Ok((read(f)?, f.display().to_string())))
            .collect()
    };
    let (helpers, files) = match (load(helpers), load(files)) {
        (Ok(h), Ok(f)) => (h, f),
        (Err(c), _) | (_, Err(c)) => return c,
    };
    let Some(mut vm) = build_vm(opts) else {
        return ExitCode::from(70);
    };
    match vm.run_tests(&helpers, &files, &options) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(2),
        Err(e) => report(e),
    }
}

/// Every `*_test.exs` file under `dir`, in name order.
fn collect_tests(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect_tests(&path, out);
        } else if path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.ends_with("_test.exs"))
        {
            out.push(path);
        }
    }
}

fn read(file: &PathBuf) -> Result<String, ExitCode> {
    std::fs::read_to_string(file).map_err(|e| {
        errln!("error: cannot read {}: {e}", file.display());
        ExitCode::from(1)
    })
}

fn build_vm(opts: &Opts) -> Option<beamlet::Vm> {
    let mut builder = beamlet::Vm::builder().jit(match opts.jit {
        Jit::On => beamlet::JitMode::On,
        Jit::Off => beamlet::JitMode::Off,
        Jit::Eager => beamlet::JitMode::Eager,
    });
    if let Some(n) = opts.schedulers {
        builder = builder.schedulers(n);
    }
    match builder.build() {
        Ok(vm) => Some(vm),
        Err(e) => {
            err!("internal error: the standard library does not compile:\n{e}");
            None
        }
    }
}

/// Prints why a run failed; its exit status.
fn report(e: beamlet::RunError) -> ExitCode {
    match e {
        beamlet::RunError::Compile(e) => {
            err!("{e}");
            ExitCode::from(1)
        }
        beamlet::RunError::Raised {
            banner,
            trace,
            exit_status,
        } => {
            // `elixir` reports nothing for a script that exits `:normal`,
            // `:shutdown` or `{:shutdown, n}` (status n).
            let quiet = banner == "** (exit) normal"
                || banner == "** (exit) :normal"
                || banner == "** (exit) shutdown"
                || banner == "** (exit) :shutdown"
                || banner.starts_with("** (exit) {:shutdown, ")
                || banner.starts_with("** (exit) shutdown: ");
            if !quiet && (exit_status != 0 || !banner.starts_with("** (exit)")) {
                errln!("{banner}");
                for t in trace {
                    errln!("{t}");
                }
            }
            ExitCode::from(exit_status.clamp(0, 255) as u8)
        }
        beamlet::RunError::Halted { exit_status } => {
            ExitCode::from(exit_status.clamp(0, 255) as u8)
        }
        beamlet::RunError::Deadlock => {
            errln!("** (beamlet) deadlock: the script waits in `receive` and no process can send it a message");
            ExitCode::from(1)
        }
    }
}

fn run(source: &str, file: &str, args: &[String], opts: &Opts) -> ExitCode {
    loop {
        let Some(mut vm) = build_vm(opts) else {
            return ExitCode::from(70);
        };
        let result = vm.run_source(source, file, args);
        if !matches!(result, Err(beamlet::RunError::Halted { exit_status })
            if exit_status == beamlet::RESTART_STATUS)
        {
            vm.keep_code_at_exit();
        }
        return match result {
            Ok(_) => ExitCode::SUCCESS,
            // `System.restart/0`: the script runs again, as `elixir` reruns it.
            Err(beamlet::RunError::Halted { exit_status })
                if exit_status == beamlet::RESTART_STATUS =>
            {
                continue
            }
            Err(e) => report(e),
        };
    }
}

/// The interactive shell (src/shell/) until Ctrl-D or `System.halt/0`.
fn start_shell(opts: &Opts) -> ExitCode {
    let Some(mut vm) = build_vm(opts) else {
        return ExitCode::from(70);
    };
    match shell::run(&mut vm) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => report(e),
    }
}

fn main() -> ExitCode {
    beamlet_vm::timing::init();
    let code = real_main();
    beamlet_vm::timing::report();
    code
}

fn real_main() -> ExitCode {
    let cli = parse_cli();
    if let Some(n) = cli.schedulers {
        if n == 0 {
            errln!("error: --schedulers must be at least 1");
            return ExitCode::from(2);
        }
    }
    let opts = Opts {
        schedulers: cli.schedulers,
        jit: cli.jit,
    };
    if let Some(code) = &cli.eval {
        return run(code, "nofile", &cli.args, &opts);
    }
    match cli.command {
        Some(Command::Run { file, args }) => match read(&file) {
            Ok(src) => run(&src, &file.display().to_string(), &args, &opts),
            Err(c) => c,
        },
        Some(Command::Test(args)) => test(args, &opts),
        Some(Command::Shell) => start_shell(&opts),
        Some(Command::Check { file }) => match read(&file) {
            Ok(src) => match beamlet::check(&src, &file.display().to_string()) {
                Ok(warnings) => {
                    for w in warnings {
                        err!("{w}");
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    err!("{e}");
                    ExitCode::from(1)
                }
            },
            Err(c) => c,
        },
        Some(Command::Disasm { file }) => match read(&file) {
            Ok(src) => match beamlet::disasm(&src, &file.display().to_string()) {
                Ok(listing) => {
                    out!("{listing}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    err!("{e}");
                    ExitCode::from(1)
                }
            },
            Err(c) => c,
        },
        Some(Command::Parse { eval, file }) => {
            let (src, name) = match (eval, file) {
                (Some(code), _) => (code, "nofile".to_string()),
                (None, Some(file)) => match read(&file) {
                    Ok(src) => (src, file.display().to_string()),
                    Err(c) => return c,
                },
                (None, None) => return ExitCode::from(2),
            };
            match beamlet::parse_quoted(&src, &name) {
                Ok(quoted) => {
                    outln!("{}", beamlet::inspect_unlimited(&quoted));
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    err!("{e}");
                    ExitCode::from(1)
                }
            }
        }
        None => match &cli.file {
            Some(file) => match read(file) {
                Ok(src) => run(&src, &file.display().to_string(), &cli.args, &opts),
                Err(c) => c,
            },
            None => start_shell(&opts),
        },
    }
}
