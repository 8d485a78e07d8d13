//! The quoted form against Elixir's: each snippet `tests/quoted/NAME.ex` is
//! parsed and converted (`quoted::from_program`), inspected as Elixir's
//! `inspect(q, limit: :infinity, printable_limit: :infinity)` prints, and
//! compared byte for byte with `tests/quoted/NAME.quoted`, which real Elixir
//! 1.14 produced (`Code.string_to_quoted!/1`; see `tests/quoted/README.md`
//! for how to regenerate the expected files).

use std::path::Path;

use beamlet_compiler::parser::parse;
use beamlet_compiler::quoted::{from_program, LineIndex};
use beamlet_vm::inspect::{inspect, InspectOpts};

/// The quoted form of `src`, as `beamlet parse` prints it (without the newline).
fn quoted(name: &str, src: &str) -> String {
    match parse(src) {
        Ok(p) => inspect(
            &from_program(&p.exprs, &LineIndex::new(src)),
            &InspectOpts::unlimited(),
        ),
        Err(d) => panic!("{name} does not parse:\n{}", d.render(name, src)),
    }
}

/// Where two texts first differ, with some context from each.
fn first_difference(expected: &str, got: &str) -> String {
    let at = expected
        .bytes()
        .zip(got.bytes())
        .position(|(a, b)| a != b)
        .unwrap_or(expected.len().min(got.len()));
    let window = |s: &str| {
        let mut from = at.saturating_sub(160);
        while !s.is_char_boundary(from) {
            from -= 1;
        }
        let mut to = (at + 160).min(s.len());
        while !s.is_char_boundary(to) {
            to += 1;
        }
        s[from..to].to_string()
    };
    format!(
        "first difference at byte {at}\n  elixir:  …{}…\n  beamlet: …{}…",
        window(expected),
        window(got)
    )
}

#[test]
fn snippets_quote_as_elixir_does() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/quoted");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ex"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 20,
        "expected the snippets in {}",
        dir.display()
    );
    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let src = std::fs::read_to_string(path).unwrap();
        let expected_path = path.with_extension("quoted");
        let expected = std::fs::read_to_string(&expected_path)
            .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
        let expected = expected.strip_suffix('\n').unwrap_or(&expected);
        let got = quoted(&name, &src);
        if got != expected {
            failures.push(format!("{name}: {}", first_difference(expected, &got)));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} snippet files differ from Elixir:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}
