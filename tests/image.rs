//! The library image built into beamlet (build.rs, vm/src/image.rs).

use beamlet_vm::image::{decode_unit, encode_unit, Image};

/// Every module of the library comes back from its bytes as it went in:
/// decoding then encoding again gives the same bytes.
#[test]
fn every_library_module_round_trips() {
    let image = Image::parse(beamlet::LIBRARY_IMAGE).expect("the image parses");
    assert!(image.entries().len() > 10);
    for e in image.entries() {
        let unit = image
            .unit(e.module)
            .expect("listed")
            .unwrap_or_else(|err| panic!("{}: {err}", e.file));
        let again = encode_unit(&unit).expect("encodes");
        let back = decode_unit(&again).expect("decodes");
        assert_eq!(
            encode_unit(&back).expect("encodes"),
            again,
            "{}: not stable",
            e.file
        );
        assert!(
            unit.functions
                .iter()
                .any(|f| atom_name(f.module) == e.module),
            "{}: no function of {}",
            e.file,
            e.module
        );
    }
}

fn atom_name(t: beamlet_vm::term::Term) -> &'static str {
    beamlet_vm::atom::name(t)
}

/// The image is what compiling `stdlib/` gives now (so it is never stale):
/// the same modules, each with the same functions.
#[test]
fn the_image_is_the_library_compiled() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let (library, _) = beamlet_compiler::runtime::read_library(root).expect("stdlib/ reads");
    let fresh = beamlet_compiler::runtime::compile_library(library).expect("the library compiles");
    let fresh = Image::parse(&fresh).expect("parses");
    let built = Image::parse(beamlet::LIBRARY_IMAGE).expect("parses");
    let names = |i: &Image| -> Vec<(String, String)> {
        i.entries()
            .iter()
            .map(|e| (e.module.to_owned(), e.file.to_owned()))
            .collect()
    };
    assert_eq!(names(&fresh), names(&built));
    let mut differ = Vec::new();
    for e in built.entries() {
        let a = built.unit(e.module).unwrap().unwrap();
        let b = fresh.unit(e.module).unwrap().unwrap();
        let sig = |u: &beamlet_vm::code::Unit| -> Vec<(String, u32, usize)> {
            u.functions
                .iter()
                .map(|f| (atom_name(f.name).to_owned(), f.arity, f.code.len()))
                .collect()
        };
        assert_eq!(sig(&a), sig(&b), "{}: stale", e.file);
        if encode_unit(&a).unwrap() != encode_unit(&b).unwrap() {
            differ.push(e.file);
        }
    }
    assert!(differ.is_empty(), "differ: {differ:?}");
}

/// Cut or damaged, the image gives errors, never a panic.
#[test]
fn damaged_images_are_errors() {
    let bytes = beamlet::LIBRARY_IMAGE;
    assert!(Image::parse(&bytes[..bytes.len() / 2]).is_err());
    let image = Image::parse(bytes).expect("parses");
    // Each unit cut short fails to decode.
    for e in image.entries() {
        let unit = image.unit(e.module).expect("listed").expect("decodes");
        let b = encode_unit(&unit).expect("encodes");
        for n in [0, 1, b.len() / 3, b.len() / 2, b.len() - 1] {
            assert!(decode_unit(&b[..n]).is_err(), "{}: {n} bytes", e.file);
        }
        // Flipped bytes: an error or a unit that passed every check.
        for i in (0..b.len()).step_by(97) {
            let mut c = b.clone();
            c[i] ^= 0x5a;
            let _ = decode_unit(&c);
        }
    }
}

/// A program loads only the library modules it uses.
#[test]
fn programs_load_only_what_they_use() {
    let mut vm = beamlet::Vm::builder()
        .schedulers(1)
        .build()
        .expect("the VM starts");
    let loaded = |vm: &beamlet::Vm, m: &str| {
        vm.code()
            .module_loaded(beamlet_vm::atom::intern(&format!("Elixir.{m}")))
    };
    let mut io = beamlet::CaptureIo::default();
    vm.run_source_with("IO.puts(:hi)", "hi.exs", &[], &mut io)
        .expect("runs");
    assert_eq!(String::from_utf8_lossy(&io.out), "hi\n");
    for m in ["Enum", "String", "Map", "ExUnit.Assertions"] {
        assert!(!loaded(&vm, m), "{m} was loaded for a hello");
    }
    vm.run_source_with("IO.puts(Enum.sum([1, 2]))", "sum.exs", &[], &mut io)
        .expect("runs");
    assert!(loaded(&vm, "Enum"));
    assert!(!loaded(&vm, "String"));
}
