# Generates vm/tests/inspect_cases.rs: `inspect/2`, `IO.inspect/1` layouts and `to_string/1`
# results recorded from real Elixir. Run from the repository root:
#
#     elixir vm/tests/gen_inspect_cases.exs > vm/tests/inspect_cases.rs
defmodule User do
  defstruct [:name, :age, :email]
end

defmodule Point do
  defstruct x: 0, y: 0
end

defmodule Wide do
  defstruct [:alpha, :beta, :gamma, :delta, :epsilon, :zeta]
end

defmodule Funs do
  def adder(x), do: fn y -> x + y end
  def zero, do: fn -> :ok end
  def unquote(:"odd name")(), do: fn -> 1 end
end

defmodule Gen do
  # A Rust expression building the `Value` of a term.
  def r(i) when is_integer(i) and i >= -9_223_372_036_854_775_808 and i <= 9_223_372_036_854_775_807,
    do: "int(#{i})"

  def r(i) when is_integer(i), do: "big(\"#{i}\")"

  def r(f) when is_float(f) do
    <<bits::64>> = <<f::float-64>>
    "flt(0x#{String.pad_leading(Integer.to_string(bits, 16), 16, "0")})"
  end

  def r(a) when is_atom(a), do: "atom(#{rs(Atom.to_string(a))})"
  def r(b) when is_binary(b), do: "bin(&#{inspect(:binary.bin_to_list(b), limit: :infinity, charlists: :as_lists)})"
  def r(t) when is_tuple(t), do: "tuple(vec![#{t |> Tuple.to_list() |> Enum.map_join(", ", &r/1)}])"

  def r(m) when is_map(m) do
    pairs = m |> Map.to_list() |> Enum.sort() |> Enum.map_join(", ", fn {k, v} -> "(#{r(k)}, #{r(v)})" end)
    "map(vec![#{pairs}])"
  end

  def r(l) when is_list(l) do
    {items, tail} = split_list(l, [])
    items = Enum.map_join(items, ", ", &r/1)

    case tail do
      [] -> "list(vec![#{items}])"
      t -> "ilist(vec![#{items}], #{r(t)})"
    end
  end

  def r(p) when is_pid(p) do
    [_, a, b] = p |> :erlang.pid_to_list() |> to_string() |> String.trim("<") |> String.trim(">") |> String.split(".")
    "pid(#{a}, #{b})"
  end

  def r(ref) when is_reference(ref) do
    "#Ref<0." <> rest = ref |> :erlang.ref_to_list() |> to_string()
    [a, b, c] = rest |> String.trim(">") |> String.split(".")
    "reference(#{a}, #{b}, #{c})"
  end

  def r(f) when is_function(f) do
    info = :erlang.fun_info(f)

    case info[:type] do
      :external ->
        "efun(#{rs(Atom.to_string(info[:module]))}, #{rs(Atom.to_string(info[:name]))}, #{info[:arity]})"

      :local ->
        "afun(#{rs(Atom.to_string(info[:module]))}, #{rs(Atom.to_string(info[:name]))}, #{info[:new_index]}, #{info[:uniq]}, #{info[:arity]})"
    end
  end

  defp split_list([h | t], acc), do: split_list(t, [h | acc])
  defp split_list(tail, acc), do: {Enum.reverse(acc), tail}

  # A Rust string literal.
  def rs(s) do
    body =
      s
      |> String.to_charlist()
      |> Enum.map_join(fn
        ?" -> "\\\""
        ?\\ -> "\\\\"
        ?\n -> "\\n"
        ?\t -> "\\t"
        ?\r -> "\\r"
        c when c < 32 or c == 127 -> "\\u{#{Integer.to_string(c, 16)}}"
        c -> <<c::utf8>>
      end)

    "\"" <> body <> "\""
  end

  def opts_expr(kw) do
    fields =
      Enum.map(kw, fn
        {:pretty, p} -> "pretty: #{p}"
        {:width, w} -> "width: #{w}"
        {:limit, :infinity} -> "limit: usize::MAX"
        {:limit, l} -> "limit: #{l}"
        {:charlists, :as_lists} -> "charlists: Charlists::AsLists"
        {:charlists, :as_charlists} -> "charlists: Charlists::AsCharlists"
        {:binaries, :as_strings} -> "binaries: Binaries::AsStrings"
        {:binaries, :as_binaries} -> "binaries: Binaries::AsBinaries"
        {:printable_limit, l} -> "printable_limit: #{l}"
        {:structs, s} -> "structs: #{s}"
      end)

    "InspectOpts { #{Enum.join(fields ++ ["..base()"], ", ")} }"
  end
end

# {term, extra inspect options}; each is recorded with `inspect/2` (one line) and with the
# layout of `IO.inspect/2` (`pretty: true`, 80 columns).
plain = [
  0, 42, -7, 123_456_789_012_345_678_901_234_567_890, -9_223_372_036_854_775_808,
  9_223_372_036_854_775_808, -18_446_744_073_709_551_616,
  1.0, -0.0, 0.1, 1000.0, 1.0e16, 2.5e-7, 1.0e100, 123456789.0, -1.5,
  :ok, :"a b", :"foo-bar", nil, true, false, Foo.Bar, :+, :"Elixir.foo", :"9a", :a?, :b!, :@,
  :"::", :"//", :..., :.., :., :"..//", :->, :%, :"%{}", :{}, :"<<>>", :Foo, :"Foo.Bar", :a@b,
  :"a?b", :"", :é, :Über, :_, :"\n", :"a\"b", Elixir, :"Elixir.Elixir", :"Elixir.Foo-bar", :in,
  :when, :|, :|>, :&, :"^^^", :"~~~", :"<|>", :\\, :do, :"1", :A1, :aB, :"Elixir.Foo.bar",
  "hello", "quo\"te", "a\nb\tc\e", "\\", "\#{x}", "é ü 😀", <<255, 1>>, "\u0000", "", "\x7F",
  "a\x01", <<0xEF, 0xBB, 0xBF>>, "\u00A0", "it's", "\a\b\v\f\r", <<0xC3>>, "\uFFFF",
  'hi', 'a\nb', [7, 8, 9, 10, 11, 12, 13, 27], 'it\'s', '\#{', '"', [0], [252, 110, 239], [128],
  [97 | 98], [1, 2, 3], [],
  [1, [2, [3]]], [1 | 2], [1, 2 | 3], [:a, "b", 1.5], [[]], [{}], [1, 2 | "tail"],
  [a: 1, b: 2], ["odd key": 1], [nil: 1, true: 2], [{:a, 1}, {:b, 2, 3}], [{Foo, 1}],
  [{:a, 1} | 2], [a: [b: [c: 1]]], [{:"Elixir.foo", 1}], [b: 1, a: 2], [+: 1, "a b": 2, a?: 3],
  {}, {1}, {1, 2}, {:ok, "x"}, {:error, {:nested, [1]}}, {:a, [b: 1], %{c: 2}},
  %{}, %{a: 1, b: 2}, %{1 => 2, :a => 3}, %{"a" => 1}, %{{1, 2} => [3]}, %{a: %{b: %{c: 1}}},
  %{Foo => 1}, %{nil => 1}, %{[1] => 2}, %{"a b": 1, ok: 2},
  struct(User, name: "Ann", age: 30), struct(Point), struct(Point, x: -1.5, y: [1, 2]), %RuntimeError{message: "x"},
  %ArgumentError{message: "bad"}, %KeyError{key: :z, term: %{a: 1}}, %MatchError{term: {:error, :nope}},
  1..10, 1..10//2, 10..1//-1, -5..-1, 0..0, [1..2, 3..4], %{r: 1..2},
  %{__struct__: Nope, a: 1}, %{__struct__: User, only: 1},
  &IO.puts/1, &:lists.reverse/1, &Kernel.+/2, &String.length/1, &Funs."odd name"/0,
  Funs.adder(1), Funs.zero(), apply(Funs, :"odd name", []),
  {self(), make_ref()}
]

limit_cases = [
  {Enum.to_list(1..60), []},
  {Enum.to_list(1..60), [limit: :infinity]},
  {Enum.to_list(1..10), [limit: 3]},
  {Enum.to_list(1..10), [limit: 0]},
  {Enum.map(1..50, fn _ -> [1, 2] end), []},
  {Map.new(1..10, &{&1, &1}), [limit: 4]},
  {Tuple.duplicate(:x, 8), [limit: 2]},
  {<<1, 2, 3, 4, 5>>, [limit: 2]},
  {<<1, 2, 3>>, [limit: 3]},
  {<<1, 2, 3>>, [limit: 2]},
  {[[1, 2, 3], [4, 5, 6]], [limit: 4]},
  {struct(User, name: "a", age: 1, email: "e"), [limit: 2]},
  {'abc', [charlists: :as_lists]},
  {[1, 2], [charlists: :as_charlists]},
  {"hello", [binaries: :as_binaries]},
  {<<1, 0xAB, 0x1F>>, [binaries: :as_strings]},
  {<<0xFFFF::utf8, 0x1FFFF::utf8, 0xFEFF::utf8>>, [binaries: :as_strings]},
  {String.duplicate("ab", 20), [printable_limit: 7]},
  {String.to_charlist(String.duplicate("ab", 20)), [printable_limit: 7]},
  {%RuntimeError{message: "x"}, [structs: false]},
  {1..3, [structs: false]}
]

pretty_cases = [
  Enum.to_list(1..40),
  Enum.to_list(1..60),
  Enum.map(1..30, &{&1, &1 * &1}),
  Enum.map(1..6, &%{id: &1, name: "user#{&1}"}),
  %{alpha: %{beta: %{gamma: "a long string value here", delta: [1, 2, 3]}, epsilon: :zeta}, eta: "another string value"},
  [first_key: "a rather long value", second_key: "another long value", third: 12345, fourth: :atom],
  Enum.map(1..8, &"string number #{&1}"),
  Enum.map(1..30, &:"atom_#{&1}"),
  Enum.map(1..5, fn i -> Enum.to_list(i..(i + 20)) end),
  Tuple.to_list(List.to_tuple(Enum.to_list(1..45))) |> List.to_tuple(),
  :binary.list_to_bin(Enum.to_list(0..99)),
  struct(Wide, alpha: "aaaaaaaaaa", beta: "bbbbbbbbbb", gamma: "cccccccccc", delta: 4, epsilon: 5, zeta: [1, 2, 3]),
  {:ok, %{users: Enum.map(1..3, &struct(User, name: "name#{&1}", age: &1, email: "u#{&1}@example.com"))}},
  [%RuntimeError{message: String.duplicate("x", 70)}],
  %{"a key that is long" => "a value that is long", "another key" => {1, 2, 3}, "k" => [a: 1, b: 2]},
  Enum.map(1..12, &{:item, &1, "label #{&1}"}),
  [List.duplicate(1, 30), List.duplicate(2, 30)],
  Enum.to_list(1_000_000..1_000_020),
  [1.5, 2.25, 1000.0, 1.0e20, -0.0, 3.14159, 2.718281828, 1.0e-10, 100.0, 0.1, 0.2, 0.30000000000000004],
  {String.duplicate("a", 78)},
  [String.duplicate("a", 78)],
  %{key: String.duplicate("v", 74)},
  %{key: String.duplicate("v", 73)},
  %UnicodeConversionError{encoded: "a", message: "invalid encoding starting at <<255, 97>>"},
  Enum.map(1..20, &(&1 * 1000)) |> Enum.zip(Enum.map(1..20, &"v#{&1}")) |> Map.new(),
  [[[[[[Enum.to_list(1..30)]]]]]],
  Enum.to_list(1..25) ++ [:end | :tail]
]

width_cases = [
  {Enum.to_list(1..20), [width: 20]},
  {[a: 1, b: 2, c: 3], [width: 10]},
  {{:aaaa, :bbbb, :cccc}, [width: 10]},
  {%{a: [1, 2, 3], b: {4, 5}}, [width: 12]},
  {Enum.to_list(1..20), [width: 0]},
  {"a long string", [width: 5]}
]

to_string_cases = [
  1, -3, 123_456_789_012_345_678_901_234_567_890, 1.0, 1000.0, 0.1, 1.0e-5, :ok, nil, true, Foo,
  Foo.Bar, :"a b", "bin", <<255>>, 'abc', ["a", 0x1F600, 'b' | "c"], [], [[]], [1, "é", [[0x100]]],
  {1, 2}, %{a: 1}, %RuntimeError{message: "x"}, 1..2, self(), &IO.puts/1, [1, {2}], [1 | 2], [-1],
  [0x110000], [0xD800], ["a", <<255, 97>>], [97, <<0xC3>>], [<<0xC3>>, <<0xA9>>], [0xC3, <<0xA9>>],
  [<<97, 0xC3>>, 98], [:a, 0x110000], ["a" | "b"], [97 | <<255>>], [[97, 0x110000] | :x],
  [<<0xC3>>], ["é", <<0xE2, 0x82>>], struct(User, name: "x"), {:ok, Enum.to_list(1..60)}
]

defmodule RandTerm do
  # Random nested terms for layout cases (seeded, so the output is stable).
  @atoms [:ok, :error, :a, :some_longer_atom, :"with space", Foo.Bar, nil, true, :x?]
  @strings ["", "a", "hello world", "quo\"te", "line\nbreak", "a somewhat longer string of text",
            String.duplicate("z", 45), "é😀"]

  def leaf do
    case :rand.uniform(9) do
      1 -> :rand.uniform(1000) - 500
      2 -> :rand.uniform(1_000_000_000_000) * Enum.random([1, -1, 1_000_000_000_000])
      3 -> Enum.random([0.5, -2.25, 1.0e20, 3.14159, 1000.0, 1.0e-7])
      4 -> Enum.random(@atoms)
      5 -> Enum.random(@strings)
      6 -> Enum.random([<<255, 0, 1>>, <<1, 2, 3, 4, 5, 6, 7, 8, 9, 10>>])
      7 -> Enum.random(['abc', [1, 2, 3], 'with space'])
      _ -> :rand.uniform(100)
    end
  end

  def gen(0), do: leaf()

  def gen(d) do
    case :rand.uniform(12) do
      n when n <= 3 -> leaf()
      4 -> for _ <- 0..:rand.uniform(12), do: gen(d - 1)
      5 -> List.to_tuple(for _ <- 1..:rand.uniform(5), do: gen(d - 1))
      6 -> Map.new(1..:rand.uniform(6), fn i -> {:"key#{i}", gen(d - 1)} end)
      7 -> Map.new(1..:rand.uniform(5), fn i -> {Enum.random([i, "k#{i}", {i}]), gen(d - 1)} end)
      8 -> for i <- 1..:rand.uniform(6), do: {Enum.random([:"k#{i}", :"odd key #{i}"]), gen(d - 1)}
      9 -> Enum.to_list(1..:rand.uniform(60))
      10 -> [gen(d - 1), gen(d - 1) | gen(0)]
      11 -> struct(User, name: gen(d - 1), age: :rand.uniform(99), email: gen(0))
      _ -> Enum.map(1..:rand.uniform(8), fn _ -> {leaf(), leaf()} end)
    end
  end
end

:rand.seed(:exsss, {1, 14, 0})

random_cases =
  for _ <- 1..150 do
    kw = Enum.random([[], [], [], [width: 40], [width: 20], [width: 100], [limit: 5], [width: 30, limit: 8]])
    {RandTerm.gen(Enum.random([2, 3, 4])), kw}
  end

emit = fn term, kw ->
  flat = inspect(term, kw)
  pretty = inspect(term, [pretty: true] ++ Keyword.delete(kw, :pretty))
  IO.puts("        (#{Gen.r(term)}, #{Gen.opts_expr(kw)}, #{Gen.rs(flat)}),")
  IO.puts("        (#{Gen.r(term)}, #{Gen.opts_expr([pretty: true] ++ kw)}, #{Gen.rs(pretty)}),")
end

IO.puts("""
//! Generated by `elixir vm/tests/gen_inspect_cases.exs`: `inspect`, `IO.inspect` and
//! `to_string` output recorded from Elixir #{System.version()} (OTP #{System.otp_release()}).
//! Do not edit by hand.
#![allow(clippy::all)]

use std::sync::Arc;

use beamlet_vm::inspect::{inspect, Binaries, Charlists, InspectOpts};
use beamlet_vm::string_chars::{to_chars_checked, CharsError};
use beamlet_vm::value::{FunValue, Value};

fn int(i: i64) -> Value { Value::Int(i) }
fn big(s: &str) -> Value { Value::BigInt(s.parse().unwrap()) }
fn flt(bits: u64) -> Value { Value::Float(f64::from_bits(bits)) }
fn atom(s: &str) -> Value { Value::Atom(s.to_string()) }
fn bin(b: &[u8]) -> Value { Value::Binary(b.to_vec()) }
fn list(v: Vec<Value>) -> Value { Value::List(v, None) }
fn ilist(v: Vec<Value>, t: Value) -> Value { Value::List(v, Some(Box::new(t))) }
fn tuple(v: Vec<Value>) -> Value { Value::Tuple(v) }
fn map(v: Vec<(Value, Value)>) -> Value { Value::Map(v) }
fn pid(index: u32, serial: u32) -> Value { Value::Pid { index, serial } }
fn reference(a: u32, b: u32, c: u32) -> Value { Value::Ref([a, b, c]) }
fn efun(module: &str, name: &str, arity: u32) -> Value {
    Value::Fun(FunValue::External { module: module.to_string(), name: name.to_string(), arity })
}
fn afun(module: &str, defined_in: &str, index: u32, uniq: u32, arity: u32) -> Value {
    Value::Fun(FunValue::Anonymous { module: Some(module.to_string()), defined_in: defined_in.to_string(), index, uniq, arity })
}

/// The struct modules the generator defined, as the VM would know them.
fn struct_fields(module: &str) -> Option<Vec<String>> {
    let fields: &[&str] = match module {
#{for m <- [User, Point, Wide], do: "        #{Gen.rs(Atom.to_string(m))} => &#{inspect(Enum.map(m.__info__(:struct), &Atom.to_string(&1.field)))},\n"}        _ => return None,
    };
    Some(fields.iter().map(|s| s.to_string()).collect())
}

fn base() -> InspectOpts {
    InspectOpts { struct_fields: Some(Arc::new(struct_fields)), ..InspectOpts::default() }
}

fn inspect_cases() -> Vec<(Value, InspectOpts, &'static str)> {
    vec![\
""")

for t <- plain, do: emit.(t, [])
for {t, kw} <- limit_cases ++ width_cases, do: emit.(t, kw)

for {t, kw} <- random_cases do
  kw = [pretty: true] ++ kw
  IO.puts("        (#{Gen.r(t)}, #{Gen.opts_expr(kw)}, #{Gen.rs(inspect(t, kw))}),")
end

for t <- pretty_cases do
  IO.puts("        (#{Gen.r(t)}, #{Gen.opts_expr(pretty: true)}, #{Gen.rs(inspect(t, pretty: true))}),")
end

IO.puts("""
    ]
}

fn s(text: &str) -> Result<Vec<u8>, (&'static str, String)> { Ok(text.as_bytes().to_vec()) }
fn bytes(b: &[u8]) -> Result<Vec<u8>, (&'static str, String)> { Ok(b.to_vec()) }
fn err(module: &'static str, message: &str) -> Result<Vec<u8>, (&'static str, String)> {
    Err((module, message.to_string()))
}

fn to_string_cases() -> Vec<(Value, Result<Vec<u8>, (&'static str, String)>)> {
    vec![\
""")

for t <- to_string_cases do
  expected =
    try do
      s = to_string(t)
      if String.valid?(s), do: "s(#{Gen.rs(s)})", else: "bytes(&#{inspect(:binary.bin_to_list(s), limit: :infinity, charlists: :as_lists)})"
    rescue
      e -> "err(#{Gen.rs(Atom.to_string(e.__struct__))}, #{Gen.rs(Exception.message(e))})"
    end

  IO.puts("        (#{Gen.r(t)}, #{expected}),")
end

IO.puts("""
    ]
}

#[test]
fn inspect_matches_elixir() {
    let cases = inspect_cases();
    let mut failures = Vec::new();
    for (i, (v, opts, want)) in cases.iter().enumerate() {
        let got = inspect(v, opts);
        if got != *want {
            failures.push(format!("case {i}: {v:?} pretty={}\\n--- want\\n{want}\\n--- got\\n{got}", opts.pretty));
        }
    }
    assert!(failures.is_empty(), "{} of {} mismatches:\\n{}", failures.len(), cases.len(), failures.join("\\n"));
}

#[test]
fn to_string_matches_elixir() {
    let cases = to_string_cases();
    let mut failures = Vec::new();
    for (i, (v, want)) in cases.iter().enumerate() {
        let got = to_chars_checked(v, &base()).map_err(|e: CharsError| (e.exception_module(), e.message().to_string()));
        if got != *want {
            failures.push(format!("case {i}: {v:?}\\n--- want\\n{want:?}\\n--- got\\n{got:?}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} mismatches:\\n{}", failures.len(), cases.len(), failures.join("\\n"));
}\
""")
