//! Bytecode listings (`beamlet::disasm`) of small programs, as insta snapshots.
//!
//! Each test compiles one program covering one construct and snapshots the
//! listing in `tests/snapshots/disasm__NAME.snap`. When codegen changes on
//! purpose, regenerate them with `cargo insta test --test disasm` and review
//! each listing with `cargo insta review` (check the new code is what you meant,
//! not just that it differs).

/// Snapshots the listing of `src` under `name`, the source kept as the snapshot's description.
fn check(name: &str, src: &str) {
    let listing =
        beamlet::disasm(src, "x.ex").unwrap_or_else(|e| panic!("{name} does not compile:\n{e}"));
    // A module's environment holds its file's absolute path (`__ENV__.file`).
    let cwd = std::env::current_dir().expect("a working directory");
    let listing = listing.replace(&cwd.to_string_lossy().into_owned(), "<cwd>");
    let mut settings = insta::Settings::clone_current();
    settings.set_omit_expression(true);
    settings.set_description(src.trim());
    settings.bind(|| insta::assert_snapshot!(name, listing));
}

#[test]
fn multi_clause_function_with_guards() {
    check(
        "multi_clause_guards",
        r#"
defmodule M do
  def classify(n) when is_integer(n) and n < 0, do: :negative
  def classify(0), do: :zero
  def classify(n) when is_integer(n), do: :positive
  def classify(_), do: :other
end
M.classify(3)
"#,
    );
}

#[test]
fn closure_capturing_variables() {
    check(
        "closure_captures",
        r#"
a = 1
b = 2
add = fn x -> x + a + b end
add.(3)
"#,
    );
}

#[test]
fn case_cond_if() {
    check(
        "case_cond_if",
        r#"
x = 5
y = case x do
  {:ok, v} -> v
  n when n > 3 -> :big
  _ -> :small
end
z = cond do
  x > 10 -> :large
  true -> :normal
end
if y == :big, do: z, else: nil
"#,
    );
}

#[test]
fn try_rescue() {
    check(
        "try_rescue",
        r#"
try do
  raise ArgumentError, "bad"
rescue
  e in ArgumentError -> e.message
  _ -> :other
after
  IO.puts("done")
end
"#,
    );
}

#[test]
fn receive_after() {
    check(
        "receive_after",
        r#"
send(self(), {:hello, 1})
receive do
  {:hello, n} -> n
  :stop -> 0
after
  100 -> :timeout
end
"#,
    );
}

#[test]
fn for_comprehension() {
    check(
        "for_comprehension",
        r#"
for x <- [1, 2, 3], rem(x, 2) == 1, y <- [:a, :b], do: {x, y}
"#,
    );
}

#[test]
fn map_and_struct_patterns() {
    check(
        "map_struct_patterns",
        r#"
defmodule Point do
  defstruct x: 0, y: 0
  def norm1(%Point{x: x, y: y}), do: abs(x) + abs(y)
  def make(x), do: %Point{x: x, y: -1}
end
%{name: name, age: age} = %{name: "ann", age: 3}
Point.norm1(Point.make(age))
name
"#,
    );
}

#[test]
fn string_interpolation() {
    check(
        "string_interpolation",
        r#"
name = "world"
n = 3
"hello #{name}, #{n + 1} times #{:ok}"
"#,
    );
}

#[test]
fn clause_dispatch() {
    // Three or more keys: decide on the argument's outermost form first.
    check(
        "clause_dispatch",
        r#"
defmodule M do
  def f(:a, _), do: 1
  def f(:b, _), do: 2
  def f({x}, y), do: {x, y}
  def f(:c, y) when y > 0, do: 3
  def f(x, y), do: {x, y}
  def f(:c, _), do: 4
end
M.f(:c, 1)
"#,
    );
}

#[test]
fn tagged_tuple_dispatch() {
    // Three or more tags among tuples of one size: decide on the tag too.
    check(
        "tagged_tuple_dispatch",
        r#"
defmodule M do
  def h({:get, k}), do: k
  def h({:put, k, v}), do: {k, v}
  def h({:del, k}), do: k
  def h({:inc, k}) when is_integer(k), do: k + 1
  def h({_, k}), do: k
  def h(:stop), do: :stop
end
M.h(:stop)
"#,
    );
}

#[test]
fn call_add_imm_fusion() {
    // A call whose last argument is `x + k` fuses with it, for body and tail
    // calls; not when a branch joins between the two, nor for other arguments.
    check(
        "call_add_imm_fusion",
        r#"
defmodule M do
  def fib(n) when n < 2, do: n
  def fib(n), do: fib(n - 1) + fib(n - 2)
  def loop(acc, 0), do: acc
  def loop(acc, n), do: loop(acc + n, n - 1)
  def first(n, m), do: pair(n + 1, m)
  def joined(n, c), do: fib(if(c, do: n - 1, else: n - 2))
  defp pair(a, b), do: {a, b}
end
M.fib(3)
"#,
    );
}

#[test]
fn deep_clause_dispatch() {
    // Decisions on a second argument, on a list's head and inside a tuple.
    check(
        "deep_clause_dispatch",
        r#"
defmodule M do
  def op(:x, 1), do: :x1
  def op(:x, 2), do: :x2
  def op(:x, 3), do: :x3
  def op(:y, _), do: :y
  def cmd([:up | rest]), do: {:up, rest}
  def cmd([:down | rest]), do: {:down, rest}
  def cmd([:left | rest]), do: {:left, rest}
  def cmd([]), do: :done
  def ev({:key, {:press, k}}), do: k
  def ev({:key, {:release, k}}), do: k
  def ev({:key, {:repeat, k, n}}), do: {k, n}
  def ev({:key, :none}), do: nil
  def ev({:mouse, x, y}), do: {x, y}
end
M.op(:y, 0)
"#,
    );
}
