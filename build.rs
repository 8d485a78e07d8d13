//! Bundles the library (`stdlib/`) into the binary: one entry per file,
//! the module it defines (its first `defmodule`) and its source. The VM
//! compiles a library module the first time a program uses it.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

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

/// The module a library file defines: `defmodule Foo.Bar do` → `Elixir.Foo.Bar`,
/// `defmodule :name do` → `name`.
fn module_of(src: &str) -> Option<String> {
    for line in src.lines() {
        let l = line.trim_start();
        if let Some(rest) = l.strip_prefix("defmodule ") {
            let name = rest.split_whitespace().next()?.trim_end_matches(',');
            return Some(match name.strip_prefix(':') {
                Some(atom) => atom.to_owned(),
                None => format!("Elixir.{name}"),
            });
        }
    }
    None
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let stdlib = root.join("stdlib");
    println!("cargo:rerun-if-changed=stdlib");
    let mut all = Vec::new();
    files(&stdlib, &mut all);
    let mut code = String::from("/// The library: one module per file of `stdlib/`.\npub static LIBRARY: &[beamlet_compiler::runtime::LibModule] = &[\n");
    for p in &all {
        println!("cargo:rerun-if-changed={}", p.display());
        let src = std::fs::read_to_string(p).expect("a library file is readable");
        let rel = p
            .strip_prefix(&root)
            .expect("under the crate")
            .to_string_lossy()
            .replace('\\', "/");
        let Some(module) = module_of(&src) else {
            panic!("{rel}: a library file must define a module");
        };
        let _ = writeln!(
            code,
            "    beamlet_compiler::runtime::LibModule {{ module: {module:?}, file: {rel:?}, source: include_str!({:?}) }},",
            p.display().to_string()
        );
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it")).join("library.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}
