//! Compiles the library (`stdlib/`) when beamlet is built, into an image
//! of compiled modules embedded in the binary (`LIBRARY_IMAGE`): a program
//! decodes only the modules it uses, the first time it uses them, and
//! never compiles the library (ARCHITECTURE.md, "Library loading").
//!
//! Compiling a module runs code, so this runs the compiler on a VM: the
//! compiler and VM crates are build dependencies. Cargo runs this again
//! when a file of `stdlib/` changes, and when either crate changes (the
//! script is rebuilt with them).

use beamlet_compiler::runtime::{compile_library, read_library};
use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    println!("cargo:rerun-if-changed=stdlib");
    let (library, paths) = read_library(&root).unwrap_or_else(|e| panic!("{e}"));
    for p in &paths {
        println!("cargo:rerun-if-changed={}", p.display());
    }
    let image = compile_library(library).unwrap_or_else(|e| panic!("{e}"));
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it"));
    std::fs::write(out.join("library.img"), image).expect("OUT_DIR is writable");
    let code = "/// The library, compiled: an image of one unit per file of `stdlib/`\n\
         /// (`beamlet_vm::image`).\n\
         pub static LIBRARY_IMAGE: &[u8] = include_bytes!(concat!(env!(\"OUT_DIR\"), \"/library.img\"));\n";
    std::fs::write(out.join("library.rs"), code).expect("OUT_DIR is writable");
}
