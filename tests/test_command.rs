//! `beamlet test [PATHS]`: finds `*_test.exs` files under `test/` (after
//! `test_helper.exs`), runs them with ExUnit and exits 2 when a test fails;
//! `--seed`, `--only`/`--exclude`, `FILE:LINE`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fresh project folder with `test/test_helper.exs` and two test files.
fn project(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("beamlet-test-cmd-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("test/nested")).expect("temp dir");
    std::fs::write(
        dir.join("test/test_helper.exs"),
        "ExUnit.configure(exclude: [:slow])\n",
    )
    .expect("write helper");
    std::fs::write(
        dir.join("test/math_test.exs"),
        r#"defmodule MathTest do
  use ExUnit.Case

  test "adds" do
    assert 1 + 1 == 2
  end

  describe "sub" do
    test "subs" do
      assert 3 - 1 == 2
    end

    test "fails" do
      assert 3 - 1 == 3
    end
  end

  @tag :slow
  test "slow one" do
    assert true
  end
end
"#,
    )
    .expect("write test");
    std::fs::write(
        dir.join("test/nested/other_test.exs"),
        r#"defmodule OtherTest do
  use ExUnit.Case
  test "other", do: assert(:ok == :ok)
end
"#,
    )
    .expect("write test");
    // Not a test file: never run.
    std::fs::write(dir.join("test/helper.exs"), "raise \"not a test file\"\n").expect("write");
    dir
}

fn beamlet(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_beamlet"))
        .arg("test")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run beamlet")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn runs_every_test_file_and_reports_failures() {
    let dir = project("all");
    let out = beamlet(&dir, &["--seed", "0"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(text.contains("1) test sub fails (MathTest)"), "{text}");
    assert!(text.contains("test/math_test.exs:13"), "{text}");
    assert!(text.contains("5 tests, 1 failure, 1 excluded"), "{text}");
    assert!(text.contains("Randomized with seed 0"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn file_line_and_only_select_tests() {
    let dir = project("select");
    let out = beamlet(&dir, &["test/math_test.exs:4", "--seed", "0"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("Including tags: [line: \"4\"]"), "{text}");
    assert!(text.contains("4 tests, 0 failures, 3 excluded"), "{text}");

    let out = beamlet(&dir, &["--only", "slow", "--seed", "0"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("5 tests, 0 failures, 4 excluded"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_missing_path_is_a_clear_error() {
    let dir = project("missing");
    let out = beamlet(&dir, &["test/nope_test.exs"]);
    assert_ne!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("nope_test.exs"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
