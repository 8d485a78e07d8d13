//! Compiling the library into an image: what beamlet's build script runs,
//! so a program starts with the library compiled and only decodes the
//! modules it uses (see ARCHITECTURE.md, "Library loading").
//!
//! Compiling a module runs code (its body, the macros it uses), so this
//! needs a VM: it makes one, with a [`Service`] that compiles the library
//! from source and records each module it loads ([`Service::recording`]),
//! loads every module, and serializes what was recorded.

use super::{LibModule, Library, Service};
use beamlet_vm::bif::Io;
use beamlet_vm::code::CodeTable;
use beamlet_vm::image::Image;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The module that drives module definitions: compiled first, as a VM
/// loads it first.
const DRIVER: &str = "elixir_module";

#[derive(Default)]
struct Capture {
    text: Vec<u8>,
}

impl Io for Capture {
    fn out(&mut self, bytes: &[u8]) {
        self.text.extend_from_slice(bytes);
    }
    fn err(&mut self, bytes: &[u8]) {
        self.text.extend_from_slice(bytes);
    }
}

/// Compiles every module of `sources` and returns the image of them all
/// (in the order of `sources`). Fails, with what the compiler printed, when
/// a module does not compile or its compilation prints anything (a
/// warning in the library is an error).
pub fn compile_library(sources: &'static [LibModule]) -> Result<Vec<u8>, String> {
    let code = CodeTable::new();
    code.jit.set_mode(beamlet_vm::jit::Mode::Off);
    let svc = Arc::new(Service::recording(Library::Sources(sources)));
    code.set_compiler(svc.clone());
    let mut io = Capture::default();
    let order = sources
        .iter()
        .filter(|l| l.module == DRIVER)
        .chain(sources.iter().filter(|l| l.module != DRIVER));
    let failed: Vec<&str> = beamlet_vm::detached::with_ctx(&code, &mut io, |ctx| {
        order
            .filter(|lib| !svc.ensure_loaded(ctx, lib.module))
            .map(|lib| lib.file)
            .collect()
    });
    let printed = String::from_utf8_lossy(&io.text);
    if !failed.is_empty() || !printed.is_empty() {
        return Err(format!(
            "the library does not compile cleanly (failed: {failed:?}):\n{printed}"
        ));
    }
    let recorded = svc.take_recorded();
    let mut units = Vec::with_capacity(sources.len());
    for lib in sources {
        let mine: Vec<_> = recorded.iter().filter(|r| r.0 == lib.module).collect();
        match mine.as_slice() {
            [(m, _, Ok(bytes))] => {
                // What the VM will check when it loads the module, checked now.
                if let Err(e) = beamlet_vm::image::decode_unit(bytes) {
                    return Err(format!(
                        "{}: its serialized code does not decode: {e}",
                        lib.file
                    ));
                }
                units.push((m.clone(), lib.file.to_owned(), bytes.clone()))
            }
            [(_, _, Err(e))] => return Err(format!("{}: cannot be serialized: {e}", lib.file)),
            [] => return Err(format!("{}: defines no module {}", lib.file, lib.module)),
            _ => return Err(format!("{}: {} was compiled twice", lib.file, lib.module)),
        }
    }
    if let Some((m, f, _)) = recorded
        .iter()
        .find(|r| !sources.iter().any(|l| l.module == r.0))
    {
        return Err(format!(
            "{f}: defines {m}, which is no library file's module"
        ));
    }
    Ok(Image::build(&units))
}

/// The library under `root` (`root/stdlib/**/*.ex`, in path order), each
/// file with the module it defines; the texts are leaked (read once, by a
/// build script or a test). Files are named relative to `root`.
pub fn read_library(root: &Path) -> Result<(&'static [LibModule], Vec<PathBuf>), String> {
    let mut paths = Vec::new();
    files(&root.join("stdlib"), &mut paths);
    let mut library = Vec::new();
    for p in &paths {
        let src = std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?;
        let rel = p
            .strip_prefix(root)
            .unwrap_or(p)
            .to_string_lossy()
            .replace('\\', "/");
        let Some(module) = module_of(&src) else {
            return Err(format!("{rel}: a library file must define a module"));
        };
        library.push(LibModule {
            module: Box::leak(module.into_boxed_str()),
            file: Box::leak(rel.into_boxed_str()),
            source: Box::leak(src.into_boxed_str()),
        });
    }
    Ok((Box::leak(library.into_boxed_slice()), paths))
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|e| e == "ex") {
            out.push(p);
        }
    }
}

/// The module a library file defines (its first `defmodule`,
/// `defprotocol` or `defimpl`): `defmodule Foo.Bar do` → `Elixir.Foo.Bar`,
/// `defmodule :name do` → `name`, `defprotocol Enumerable do` →
/// `Elixir.Enumerable`, `defimpl Enumerable, for: List do` →
/// `Elixir.Enumerable.List`.
fn module_of(src: &str) -> Option<String> {
    for line in src.lines() {
        let l = line.trim_start();
        if let Some(rest) = l.strip_prefix("defimpl ") {
            let (protocol, rest) = rest.split_once(',')?;
            let target = rest
                .trim_start()
                .strip_prefix("for:")?
                .split_whitespace()
                .next()?;
            return Some(format!(
                "Elixir.{}.{}",
                protocol.trim(),
                target.trim_end_matches(',')
            ));
        }
        if let Some(rest) = l
            .strip_prefix("defmodule ")
            .or_else(|| l.strip_prefix("defprotocol "))
        {
            let name = rest.split_whitespace().next()?.trim_end_matches(',');
            return Some(match name.strip_prefix(':') {
                Some(atom) => atom.to_owned(),
                None => format!("Elixir.{name}"),
            });
        }
    }
    None
}
