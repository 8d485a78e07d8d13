//! Parser tests: parse trees and syntax-error diagnostics as insta
//! snapshots, the example programs, deep nesting, and a robustness run over
//! mutated inputs.
//!
//! Snapshots live in `tests/snapshots/`; after a change, review them with
//! `cargo insta review` (or `cargo insta test --accept` once reviewed).
//! Trees are printed by `ast_print::sexp`, whose notation its module doc
//! explains (`(f~ x)` is a call without parentheses).

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use beamlet_compiler::ast_print::sexp;
use beamlet_compiler::parser::parse;

/// The source and its tree, for a snapshot.
fn tree(src: &str) -> String {
    match parse(src) {
        Ok(p) => format!("{src}\n---\n{}", sexp(&p)),
        Err(d) => panic!("unexpected error:\n{}", d.render("test.ex", src)),
    }
}

/// The source and its rendered diagnostic, for a snapshot.
fn error(src: &str) -> String {
    match parse(src) {
        Ok(p) => panic!("expected an error, got:\n{}", sexp(&p)),
        Err(d) => format!("{src}\n---\n{}", d.render("test.ex", src)),
    }
}

macro_rules! trees {
    ($($name:ident: $src:expr;)*) => {$(
        #[test]
        fn $name() {
            insta::assert_snapshot!(stringify!($name), tree($src));
        }
    )*};
}

macro_rules! errors {
    ($($name:ident: $src:expr;)*) => {$(
        #[test]
        fn $name() {
            insta::assert_snapshot!(stringify!($name), error($src));
        }
    )*};
}

trees! {
    modules_nested: "defmodule A.B do\n  defmodule C do\n    def f(x), do: x\n  end\nend\n";
    def_clauses_and_guards: "def f(0), do: :zero\ndef f(n) when n > 0 and is_integer(n) do\n  n - 1\nend\ndefp g(a, b \\\\ 2), do: a + b\ndef h, do: :ok\n";
    def_zero_arity_do: "def pong do\n  :ok\nend\n";
    module_attributes: "@moduledoc \"hello\"\n@limit 10\n@debug true\nx = @limit\nif @debug do\n  IO.puts(\"x\")\nend\n@spec f(integer) :: integer\n";
    calls_without_parens: "IO.puts \"x\"\nIO.inspect x, label: \"a\"\nspawn fn -> send(self(), :hi) end\nsend pid, {:msg, 1}\nraise \"x\"\nraise ArgumentError, message: \"x\"\n";
    nested_calls_without_parens: "f g a, b\nf a, g b\nx = f a, b\nfoo(g a, b)\na b c d\n";
    op_identifier: "f -1\nf - 1\nf -x\nx [1]\nf (1)\nx[1]\n";
    remote_calls: "Mod.f(x)\n:timer.sleep(10)\nMod.f\nmap.field\nx.y.z()\nFoo.Bar.baz(1)\nFoo.Bar\nKernel.not(x)\n";
    keyword_arguments: "f(a, key: 1)\nf(a, b, key: 1, other: 2)\nf(key: 1)\nf do: 1\n[\"quoted key\": 1]\n";
    keyword_do_else: "if x, do: 1, else: 2\nif a, do: b\nIO.puts(if a, do: b, else: c)\nwith :ok <- f(), do: :ok\n";
    fn_clauses: "fn\n  0 -> :zero\n  n when n > 0 -> :pos\n  _ ->\n    x = -1\n    x\nend\n";
    fn_heads: "fn a, b -> a + b end\nfn {a, b} -> a end\nfn -> :ok end\nfn (a, b) -> a end\nfn () -> :ok end\nfn -> 1; 2 end\n";
    anonymous_calls: "f.(x)\nf.(x).(y)\n(fn x -> x end).(1)\nloop_fun.(loop_fun)\n";
    stab_parens: "receive(do: (:stop -> :ok))\ncase x, do: (1 -> :a; _ -> :b)\n";
    captures: "&Mod.f/1\n&f/1\n&(&1 + 1)\n&{&1, &2}\n&[&1]\n& &1\nx = &foo/1\nEnum.each(files, &thumb.(&1))\n";
    case_expr: "case x do\n  {:ok, v} -> v\n  {:error, _} = e -> e\n  _ ->\n    a = 1\n    a + 2\nend\n";
    cond_expr: "cond do\n  x > 1 -> :big\n  true -> :small\nend\n";
    if_unless_else: "if x do\n  1\nelse\n  2\nend\nunless x do\n  1\nend\nif f x do 1 else 2 end\n";
    with_else: "with {:ok, a} <- f(x),\n     {:ok, b} <- g(a) do\n  a + b\nelse\n  {:error, e} -> e\n  _ -> :other\nend\n";
    for_comprehension: "for x <- xs, x > 1, into: %{} do\n  {x, x * 2}\nend\na = for x <- [1, 2], do: x * 2\n";
    try_rescue_catch_after: "try do\n  raise \"x\"\nrescue\n  e in ArgumentError -> e\n  e -> e\ncatch\n  kind, val -> {kind, val}\nafter\n  IO.puts(\"done\")\nend\n";
    receive_after: "receive do\n  {:msg, x} -> x\nafter\n  100 -> :timeout\nend\nreceive do\nafter\n  0 -> :ok\nend\n";
    block_call_values: "x = case y do\n  1 -> :a\n  _ -> :b\nend\nresult = receive do\n  x -> x\nend\nfoo(if x do 1 else 2 end)\nif a do\n  b\nend |> f()\n";
    do_identifier_contexts: "case foo.bar do _ -> 1 end\ncase m[:a] do _ -> 1 end\nfoo.bar do\n  1\nend\nFoo.bar x do\n  1\nend\n";
    pipes: "x |> f() |> g(1)\nx |> Enum.map(&(&1 * 2)) |> Enum.sum()\n\"foo\" |> String.upcase\n";
    pipes_on_new_lines: "a\n|> b\n|> c\ny = x\n  |> f()\n";
    ranges: "1..10\n1..10//2\na..b//c + 1\na in b..c\n";
    maps_and_structs: "%{\"b\" => 2, a: 1}\n%{a: 1}\n%{m | a: 1}\n%{m | \"a\" => 1}\n%Range{}\n%__MODULE__{a: 1}\n%Foo.Bar{s | a: 1}\n%{a: %{b: 1}}[:a][:b]\n";
    lists: "[]\n[h | t]\n[a, b | t]\n[a: 1, b: 2]\n[{:a, 1} | rest]\n[1, a: 2]\n[1, 2, 3,]\n";
    tuples: "{}\n{1}\n{1, 2}\n{1, 2, 3}\n{1, a: 2}\n{:ok,\n  1}\n";
    access: "m[:a][:b]\nm[:a]\nx.y[:z]\n@a[:b]\nf(x)[0]\n";
    patterns: "\"prefix\" <> rest = s\n^x = y\n[head | tail] = list\n%{a: a} = m\ncase x do\n  ^y -> :same\n  \"str\" <> rest -> rest\nend\n";
    unary_operators: "-x\nnot x\n!x\n-(-x)\n^a\n-a.b\n-2 ** 2\na - -b\n";
    precedence_arithmetic: "1 + 2 * 3 - 4 / 5\n2 ** 3 ** 2\na * -b\na + b ++ c\n";
    precedence_logic: "a = b || c && d\na or b and c\na == b or c != d\na < b == c > d\na |> b in c\nnot a == b\n";
    right_associative: "a ++ b ++ c\na <> b <> c\na -- b -- c\nx = y = 3\na when b when c\na | b | c\n";
    not_in_rearrangement: "a not in b\n!a in b\nnot a in b\n";
    parenthesised_blocks: "(a; b)\n(a\nb)\n(1 + 2) * 3\n";
    multiline_continuation: "x =\n  1 +\n    2\na and\n  b\nfoo(\n  1,\n  2\n)\nx = 1 \\\n  + 2\nx = 1; y = 2\n";
    strings_and_interpolation: "\"a #{b} c\"\n\"#{a}#{b}\"\n\"#{}\"\n\"a #{\"b #{c}\"} d\"\n\"#{x; y}\"\n\"a\\\nb\"\n";
    string_escapes: "\"\\n\\t\\r\\\"\\\\ \\e\\a\\b\\f\\v\\0\\s\\x41\\u00e9\\u{1F600}\\z\"\n";
    heredocs: "\"\"\"\n  hello\n    world\n  \"\"\"\n\"\"\"\n  a #{x}\n  b\n\"\"\"\n'''\n  c\n  '''\n";
    charlists: "'hi'\n'a#{b}'\n'\\x41'\n";
    sigils: "~w(a b c)\n~s(hello #{x})\n~w[a b]a\n~c(abc)\n~S(a\\nb)\n~s\"x\"\n~s|x|\n~r/a\\d+/i\n~s{x}\n~s<x>\n~S(a\\)b)\n~s\"\"\"\n  heredoc\n  \"\"\"\n";
    atoms_and_literals: ":ok\n:\"a b\"\n:+\n:foo?\n:erlang\ntrue\nfalse\nnil\n:Foo\n";
    numbers: "42\n1_000\n0x1F\n0b101\n0o17\n?a\n?\\n\n?\\s\n1.0\n1.5e3\n1.0e-3\n1_000.25\n123456789012345678901234567890\n";
    bitstrings: "<<a, b::binary>>\n<<1, 2, 3>>\n<<>>\n";
    comments_and_separators: "# a comment\nx = 1 # trailing\n\n\n;y = 2;\n";
    operator_functions: "&+/2\n&>=/2\n&Kernel.<>/2\nKernel.+(1, 2)\nx |> Kernel.<>(\" world\")\n";
    unicode_names: ":ÿ\n:Über\nnaïve = 1\n\"é\"\n";
    keyword_keys_everywhere: "[do: 1, else: 2, when: 3, true: 4]\nx.do\n";
    interpolated_atoms: ":\"a#{b}\"\n[\"k#{x}\": 1]\n";
    custom_operators: "a &&& b\na ||| b\na <<< b ~> c\na ^^^ b\n~~~a\na +++ b --- c\n";
}

errors! {
    err_unclosed_do: "defmodule A do\n  def f do\n    1\n  end\n";
    err_missing_end_with_else: "if x do\n  1\nelse\n  2\n";
    err_unclosed_string: "IO.puts(\"abc)\n";
    err_unclosed_paren: "foo(1, 2\n";
    err_unclosed_bracket: "x = [1, 2\n";
    err_unclosed_map: "%{a: 1\n";
    err_stray_paren: "x = 1)\n";
    err_stray_end: "x = 1\nend\n";
    err_mismatched_bracket: "foo(1]\n";
    err_bad_number_underscore: "x = 1_\n";
    err_bad_number_double_underscore: "x = 1__0\n";
    err_number_then_letter: "x = 0xZ\n";
    err_unexpected_token: "x = 1 2\n";
    err_operator_without_operand: "x + * 2\n";
    err_fn_without_end: "f = fn x -> x\n";
    err_fn_end_in_parens: "foo(fn x -> x)\n";
    err_trailing_comma: "f(a,)\n";
    err_double_comma: "[1,,2]\n";
    err_incomplete: "x = \n";
    err_keyword_not_last: "f(a, b: 1, c)\n";
    err_mixed_clauses: "case x do\n  a\n  b -> c\nend\n";
    err_arrow_at_top_level: "a -> b\n";
    err_else_outside_block: "else\n";
    err_ambiguous_nested_call: "f a, g b, c\n";
    err_ambiguous_in_list: "[f a, b]\n";
    err_bad_unicode_escape: "\"\\u{110000}\"\n";
    err_unclosed_interpolation: "\"a #{b\"\n";
    err_lone_colon: "x = :\n";
    err_lone_question_mark: "x = ?\n";
    err_range_step_without_range: "a // b\n";
    err_fn_without_clauses: "fn x end\n";
    err_heredoc_text_on_opening_line: "\"\"\"abc\n\"\"\"\n";
    err_unclosed_heredoc: "x = \"\"\"\n  abc\n";
    err_unclosed_sigil: "~s(abc\n";
    err_tuple_keywords_only: "{a: 1}\n";
}

/// Every program under `tests/programs/` (the benchmarks and the seed
/// article's examples) parses; their trees are snapshots too.
#[test]
fn example_programs() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(
        files.len() >= 15,
        "expected the example programs in {}",
        dir.display()
    );
    for path in files {
        let src = std::fs::read_to_string(&path).unwrap();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        match parse(&src) {
            Ok(p) => insta::assert_snapshot!(format!("program_{name}"), sexp(&p)),
            Err(d) => panic!("{} failed:\n{}", path.display(), d.render(&name, &src)),
        }
    }
}

/// Runs `f` on another thread with a big-enough stack and fails if it does
/// not finish within `secs` seconds (an infinite loop would hang forever).
fn within<T: Send + 'static>(secs: u64, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(move || {
            let _ = tx.send(f());
        })
        .unwrap();
    rx.recv_timeout(Duration::from_secs(secs))
        .expect("the parser did not return in time (or panicked)")
}

#[test]
fn deep_nesting_is_rejected_not_overflowed() {
    let n = 100_000;
    let cases = vec![
        "(".repeat(n) + "1" + &")".repeat(n),
        "[".repeat(n) + &"]".repeat(n),
        "{".repeat(n),
        "-".repeat(n) + "x",
        "- ".repeat(n) + "x",
        "not ".repeat(n) + "x",
        "a + ".repeat(n) + "a",
        "a = ".repeat(n) + "a",
        "f ".repeat(n) + "x",
        "x".to_string() + &".y".repeat(n),
        "x".to_string() + &"[1]".repeat(n),
        "fn -> ".repeat(n) + &" end".repeat(n),
        "if x do ".repeat(n) + &" end".repeat(n),
        "\"#{".repeat(200) + &"}\"".repeat(200),
    ];
    within(120, move || {
        for src in cases {
            let result = parse(&src);
            assert!(result.is_err(), "nesting accepted: {}...", &src[..20]);
        }
    });
    // Moderate nesting is fine.
    let ok = "(".repeat(200) + "1" + &")".repeat(200);
    assert!(parse(&ok).is_ok());
    let sum = "a + ".repeat(500) + "a";
    assert!(parse(&sum).is_ok());
}

/// Long flat inputs (a 100,000-item list, a long keyword list, many
/// statements) parse in linear time.
#[test]
fn long_inputs_parse_quickly() {
    within(60, || {
        let items: Vec<String> = (0..100_000).map(|i| i.to_string()).collect();
        let list = format!("x = [{}]", items.join(", "));
        assert!(parse(&list).is_ok());
        let call = format!("f({})", items.join(", "));
        assert!(parse(&call).is_ok());
        let kw: Vec<String> = (0..50_000).map(|i| format!("k{i}: {i}")).collect();
        assert!(parse(&format!("g a, {}", kw.join(", "))).is_ok());
        assert!(parse(&format!("%{{{}}}", kw.join(", "))).is_ok());
        let lines = "x = x + 1\n".repeat(100_000);
        assert!(parse(&lines).is_ok());
    });
}

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Fragments that mutations splice in: the characters that matter most to
/// the lexer and grammar.
const SPLICES: &[&str] = &[
    "(", ")", "[", "]", "{", "}", "%{", "<<", ">>", "\"", "'", "#{", "}", "do", "end", "fn", "->",
    ",", ":", "::", "\\", "\\\\", "\n", ";", " ", "&", "&1", "@", ".", "..", "//", "|", "|>", "=",
    "when", "not in", "?", "~s(", "\"\"\"\n", "'''", "x", "F", "1_", "0x", "é", "\u{0}", "else",
    "after", "key: ", "-1",
];

#[test]
fn mutated_inputs_never_panic_or_hang() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let mut seeds: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    seeds.sort();
    seeds.push(
        "x = \"a #{b <> \"c #{d}\"} e\"\n~w(a b)a\n'''\n  z\n  '''\n%{m | a: 1}[:a]\n&(&1 + 1)"
            .into(),
    );
    let count = within(300, move || {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let mut count = 0;
        for round in 0..4000 {
            let seed = &seeds[round % seeds.len()];
            let mut bytes = seed.as_bytes().to_vec();
            for _ in 0..1 + rng.below(4) {
                let at = rng.below(bytes.len() + 1);
                match rng.below(4) {
                    0 => bytes.truncate(at),
                    1 if at < bytes.len() => bytes[at] = (rng.next() & 0x7F) as u8,
                    2 if at < bytes.len() => {
                        let end = (at + 1 + rng.below(20)).min(bytes.len());
                        bytes.drain(at..end);
                    }
                    _ => {
                        let s = SPLICES[rng.below(SPLICES.len())];
                        bytes.splice(at..at, s.bytes());
                    }
                }
            }
            let src = String::from_utf8_lossy(&bytes).into_owned();
            // Both outcomes are fine; a panic or a hang is not.
            if let Err(d) = parse(&src) {
                let _ = d.render("fuzz.ex", &src);
            }
            count += 1;
        }
        count
    });
    assert_eq!(count, 4000);
}
