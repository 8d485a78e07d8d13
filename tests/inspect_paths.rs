//! `inspect`'s two paths agree: the native printer (`:beamlet.inspect_fast/3`,
//! vm/src/bif/inspect.rs), which `Kernel.inspect/2`, `IO.inspect/3` and ExUnit use for
//! terms without user `Inspect` implementations, and the `Inspect` protocol written in
//! the language (`stdlib/inspect/`), which prints everything else. The script prints
//! each term under each option set both ways and reports every difference where the
//! native printer answered (it answers `false` for what it leaves to the protocol).

use beamlet::{CaptureIo, Vm};

const SCRIPT: &str = r##"
defmodule Plain do
  defstruct [:a, b: [1, 2]]
end

defmodule Paths do
  def slow(term, opts, layout) do
    o = Inspect.Opts.new(opts)

    width =
      case layout do
        :inspect -> if o.pretty, do: o.width, else: :infinity
        :io -> o.width
      end

    doc = Inspect.Algebra.group(Inspect.Algebra.to_doc(term, o))
    IO.iodata_to_binary(Inspect.Algebra.format(doc, width))
  end

  def terms do
    long = String.duplicate("abc ", 40)

    [
      0, -1, 255, 12_345_678_901_234_567_890, -98_765_432_109_876_543_210, 1.0, -2.5, 1.0e20,
      1.0e-10, 0.1, :ok, :"with space", :"Elixir.Foo.Bar", nil, true, :+, :"::", :"a\nb",
      "", "abc", "é\n\t\"#{1}\\", <<0, 1, 2>>, <<200, 201>>, long, "\uFEFFx",
      [], [1, 2, 3], 'abc', [7, 8, 9, 10, 27], [233], [0, 1], [1 | 2], [[1, [2, [3 | 4]]]],
      [a: 1, b: [c: 2]], [{:"with space", 1}], [{Foo, 1}], [{:a, 1} | {:b, 2}],
      {}, {1}, {1, "two", :three, [4]}, %{}, %{a: 1, b: %{c: [1, 2]}}, %{1 => 2, "k" => :v},
      %{{1, 2} => [3], [4] => {5}}, %{"Elixir.Foo": 1, ok: 2},
      %Plain{}, %Plain{a: %Plain{a: 1}}, %RuntimeError{message: "boom"},
      %{__struct__: NoSuchModule, a: 1}, Map.put(%Plain{}, :extra, 1), %{__struct__: "x"},
      Enum.to_list(1..120), Enum.map(1..30, &{&1, Integer.to_string(&1), [&1]}),
      Map.new(1..40, fn i -> {i, %{id: i, name: "n#{i}"}} end),
      Enum.map(1..20, fn i -> [key: i, value: String.duplicate("v", i)] end),
      &Enum.map/2, &:lists.reverse/1
    ]
  end

  def opt_sets do
    [
      [],
      [pretty: true],
      [pretty: true, width: 20],
      [pretty: true, width: 0],
      [limit: 3],
      [limit: 0],
      [limit: :infinity, printable_limit: :infinity],
      [printable_limit: 3],
      [base: :hex],
      [base: :binary, pretty: true, width: 30],
      [charlists: :as_lists],
      [charlists: :as_charlists],
      [binaries: :as_strings],
      [binaries: :as_binaries, limit: 5],
      [structs: false],
      [width: 10]
    ]
  end

  def run do
    bad =
      for term <- terms(), opts <- opt_sets(), layout <- [:inspect, :io],
          fast = :beamlet.inspect_fast(term, opts, layout),
          fast != false,
          slow = (try do slow(term, opts, layout) rescue e -> {:raised, e} end),
          fast != slow do
        IO.puts("#{slow(term, [], :inspect)} #{slow(opts, [], :inspect)} #{layout}:\n  native:   #{fast}\n  protocol: #{inspect(slow)}")
      end

    IO.puts("#{length(bad)} differences")
  end
end

Paths.run()
"##;

#[test]
fn native_and_protocol_inspect_agree() {
    let mut vm = Vm::builder().build().expect("stdlib compiles");
    let mut io = CaptureIo::default();
    let r = vm.run_source_with(SCRIPT, "inspect_paths.ex", &[], &mut io);
    let out = String::from_utf8_lossy(&io.out);
    assert!(
        r.is_ok(),
        "{r:?}\nstdout:\n{out}\nstderr:\n{}",
        String::from_utf8_lossy(&io.err)
    );
    assert_eq!(out, "0 differences\n");
}
