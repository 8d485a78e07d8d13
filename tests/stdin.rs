//! Reading standard input: `IO.gets/1,2`, `IO.read/2` (`:line`, `:eof`,
//! `:all`, a count), `IO.getn`, `IO.binread/2` and `IO.stream/2` on the real
//! standard input of `beamlet run`, which the conformance scripts cannot
//! feed. Each case pipes `input` to a script and compares its standard
//! output with what Elixir 1.14 prints for the same script and input.

use std::io::Write;
use std::process::{Command, Stdio};

/// Runs `script` with `input` on its standard input; its standard output.
fn run(name: &str, script: &str, input: &[u8]) -> String {
    let path =
        std::env::temp_dir().join(format!("beamlet-stdin-{name}-{}.exs", std::process::id()));
    std::fs::write(&path, script).expect("write script");
    let mut child = Command::new(env!("CARGO_BIN_EXE_beamlet"))
        .arg("run")
        .arg(&path)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run beamlet");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(input).expect("write stdin");
    drop(stdin);
    let out = child.wait_with_output().expect("wait");
    let _ = std::fs::remove_file(&path);
    assert!(
        out.status.success(),
        "{name}: exit {:?}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

#[test]
fn gets_reads_lines_then_eof() {
    let script = r#"
IO.inspect(IO.gets("name? "))
IO.inspect(IO.gets(:stdio, ""))
IO.inspect(IO.gets(""))
IO.inspect(IO.gets(""))
"#;
    // The prompt goes to standard output, before the answer.
    assert_eq!(
        run("gets", script, b"joe\nann\nlast"),
        "name? \"joe\\n\"\n\"ann\\n\"\n\"last\"\n:eof\n"
    );
}

#[test]
fn read_line_count_and_eof() {
    let script = r#"
IO.inspect(IO.read(:stdio, :line))
IO.inspect(IO.read(:stdio, 3))
IO.inspect(IO.getn("", 2))
IO.inspect(IO.read(:stdio, :eof))
IO.inspect(IO.read(:stdio, :eof))
IO.inspect(IO.read(:stdio, :line))
"#;
    assert_eq!(
        run(
            "read",
            script,
            "first\nあいうえお\nrest\nlines\n".as_bytes()
        ),
        "\"first\\n\"\n\"あいう\"\n\"えお\"\n\"\\nrest\\nlines\\n\"\n:eof\n:eof\n"
    );
}

#[test]
fn read_all_and_binread() {
    let script = r#"
IO.inspect(IO.binread(:stdio, :line))
IO.inspect(IO.binread(:stdio, 2))
IO.inspect(IO.read(:stdio, :all))
IO.inspect(IO.read(:stdio, :all))
"#;
    assert_eq!(
        run("binread", script, b"one\ntwo\nthree\n"),
        "\"one\\n\"\n\"tw\"\n\"o\\nthree\\n\"\n\"\"\n"
    );
}

#[test]
fn binread_gives_latin1_bytes() {
    // The standard input is in unicode mode: `IO.binread` takes characters
    // and gives each as one byte; one above 255 fails the request.
    // (OTP's server keeps the data it read ahead in the encoding of the
    // last request and converts it all: a count read, or a character above
    // 255 anywhere ahead, changes what later requests give; not modelled.)
    let script = r#"
IO.inspect(IO.binread(:stdio, :line))
IO.inspect(IO.read(:stdio, :line))
IO.inspect(IO.binread(:stdio, :line))
IO.inspect(IO.binread(:stdio, :eof))
IO.inspect(IO.binread(:stdio, :eof))
"#;
    assert_eq!(
        run(
            "binread-latin1",
            script,
            "héllo\nwörld\nça va\nnaïve\nend\n".as_bytes()
        ),
        "<<104, 233, 108, 108, 111, 10>>\n\"wörld\\n\"\n<<231, 97, 32, 118, 97, 10>>\n\
         <<110, 97, 239, 118, 101, 10, 101, 110, 100, 10>>\n:eof\n"
    );
    assert_eq!(
        run(
            "binread-cjk",
            "IO.inspect(IO.binread(:stdio, 2))\n",
            "日本\n".as_bytes()
        ),
        "{:error, :collect_chars}\n"
    );
    let script = "IO.inspect(IO.binread(:stdio, :eof))\nIO.inspect(IO.binread(:stdio, :all))\n";
    assert_eq!(
        run("binread-eof-latin1", script, "naïve\nça\n".as_bytes()),
        "<<110, 97, 239, 118, 101, 10, 231, 97, 10>>\n\"\"\n"
    );
}

#[test]
fn stream_of_lines() {
    let script = r#"
IO.stream(:stdio, :line) |> Enum.map(&String.trim/1) |> IO.inspect()
"#;
    assert_eq!(
        run("stream", script, b"a\nb\nc\n"),
        "[\"a\", \"b\", \"c\"]\n"
    );
}

#[test]
fn io_fread_values_across_lines() {
    let script = r#"
IO.inspect :io.fread('', '~d~d')
IO.inspect :io.fread("", '~s ~f')
IO.inspect :io.fread('', '~a')
IO.inspect :io.fread(~c"> ", ~c"~d")
IO.inspect :io.fread(:standard_io, '', '~d')
IO.inspect :io.fread('', '~d')
"#;
    // A format reads on into the next line; what a line has left is read by
    // the next call; the prompt is written once per call.
    assert_eq!(
        run("fread", script, b"4\n5 hi 1.0 x 7\n 8\n\n"),
        "{:ok, [4, 5]}\n{:ok, ['hi', 1.0]}\n{:ok, [:x]}\n> {:ok, '\\a'}\n{:ok, '\\b'}\n{:error, {:fread, :input}}\n"
    );
    // An error or the end of the input inside the format.
    let script = "IO.inspect :io.fread('', '~d~d')\nIO.inspect :io.fread('', '~d')\n";
    assert_eq!(
        run("fread_errors", script, b"1 x\n"),
        "{:error, {:fread, :integer}}\n:eof\n"
    );
    assert_eq!(
        run("fread_eof", script, b"\n"),
        "{:error, {:fread, :input}}\n:eof\n"
    );
}
