//! The `beamlet` command line: run scripts, evaluate expressions, check,
//! disassemble and parse files. The only code that talks to the terminal.
#![deny(unsafe_code)]

use clap::{Parser, Subcommand};
use mimalloc::MiMalloc;
use std::path::PathBuf;
use std::process::ExitCode;

#[global_allocator]
static GLOBAL: MiMalloc = MiMalloc;

#[derive(Parser)]
#[command(
    name = "beamlet",
    version,
    about = "A pocket BEAM: runs Elixir-subset scripts",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Evaluate CODE as a script.
    #[arg(short = 'e', long = "eval", value_name = "CODE")]
    eval: Option<String>,
    /// Number of scheduler threads (default: one per core).
    #[arg(long, value_name = "N", global = true)]
    schedulers: Option<usize>,
    /// Native code for hot functions: on (default), off (interpret
    /// everything), or eager (compile every function at its first call).
    #[arg(long, value_name = "MODE", global = true, default_value = "on")]
    jit: Jit,
    /// A script to run, followed by its arguments (`System.argv()`).
    file: Option<PathBuf>,
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    args: Vec<String>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
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

#[derive(Subcommand)]
enum Command {
    /// Run FILE.ex (its arguments follow it).
    Run {
        file: PathBuf,
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Compile FILE.ex without running it; report errors.
    Check { file: PathBuf },
    /// Print the bytecode of FILE.ex.
    Disasm { file: PathBuf },
    /// Print FILE's quoted form, as Elixir's `Code.string_to_quoted!/1` gives
    /// it (inspected with `limit: :infinity, printable_limit: :infinity`).
    Parse {
        /// Parse CODE instead of a file.
        #[arg(
            short = 'e',
            long = "eval",
            value_name = "CODE",
            conflicts_with = "file"
        )]
        eval: Option<String>,
        #[arg(required_unless_present = "eval")]
        file: Option<PathBuf>,
    },
}

fn read(file: &PathBuf) -> Result<String, ExitCode> {
    std::fs::read_to_string(file).map_err(|e| {
        eprintln!("error: cannot read {}: {e}", file.display());
        ExitCode::from(1)
    })
}

fn run(source: &str, file: &str, args: &[String], opts: &Opts) -> ExitCode {
    let mut builder = beamlet::Vm::builder().jit(match opts.jit {
        Jit::On => beamlet::JitMode::On,
        Jit::Off => beamlet::JitMode::Off,
        Jit::Eager => beamlet::JitMode::Eager,
    });
    if let Some(n) = opts.schedulers {
        builder = builder.schedulers(n);
    }
    let mut vm = match builder.build() {
        Ok(vm) => vm,
        Err(e) => {
            eprint!("internal error: the standard library does not compile:\n{e}");
            return ExitCode::from(70);
        }
    };
    match vm.run_source(source, file, args) {
        Ok(_) => ExitCode::SUCCESS,
        Err(beamlet::RunError::Compile(e)) => {
            eprint!("{e}");
            ExitCode::from(1)
        }
        Err(beamlet::RunError::Raised {
            banner,
            trace,
            exit_status,
        }) => {
            // `elixir` reports nothing for a script that exits `:normal`,
            // `:shutdown` or `{:shutdown, n}` (status n).
            let quiet = banner == "** (exit) normal"
                || banner == "** (exit) :normal"
                || banner == "** (exit) shutdown"
                || banner == "** (exit) :shutdown"
                || banner.starts_with("** (exit) {:shutdown, ");
            if !quiet && (exit_status != 0 || !banner.starts_with("** (exit)")) {
                eprintln!("{banner}");
                for t in trace {
                    eprintln!("{t}");
                }
            }
            ExitCode::from(exit_status.clamp(0, 255) as u8)
        }
        Err(beamlet::RunError::Halted { exit_status }) => {
            ExitCode::from(exit_status.clamp(0, 255) as u8)
        }
        Err(beamlet::RunError::Deadlock) => {
            eprintln!("** (beamlet) deadlock: the script waits in `receive` and no process can send it a message");
            ExitCode::from(1)
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(n) = cli.schedulers {
        if n == 0 {
            eprintln!("error: --schedulers must be at least 1");
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
        Some(Command::Check { file }) => match read(&file) {
            Ok(src) => match beamlet::check(&src, &file.display().to_string()) {
                Ok(warnings) => {
                    for w in warnings {
                        eprint!("{w}");
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprint!("{e}");
                    ExitCode::from(1)
                }
            },
            Err(c) => c,
        },
        Some(Command::Disasm { file }) => match read(&file) {
            Ok(src) => match beamlet::disasm(&src, &file.display().to_string()) {
                Ok(listing) => {
                    print!("{listing}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprint!("{e}");
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
                    println!("{}", beamlet::inspect_unlimited(&quoted));
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprint!("{e}");
                    ExitCode::from(1)
                }
            }
        }
        None => match &cli.file {
            Some(file) => match read(file) {
                Ok(src) => run(&src, &file.display().to_string(), &cli.args, &opts),
                Err(c) => c,
            },
            None => {
                eprintln!("beamlet: the interactive shell is not available yet; run a script: beamlet run FILE.ex");
                ExitCode::from(2)
            }
        },
    }
}
