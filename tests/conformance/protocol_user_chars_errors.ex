# to_string/to_charlist/interpolation: List.Chars on structs, user impls for
# built-in types, and the exact exceptions for what cannot convert
defmodule Money do
  defstruct cents: 0
  defimpl String.Chars do
    def to_string(m), do: "#{m.cents}c"
  end
  defimpl List.Chars do
    def to_charlist(m), do: Kernel.to_charlist("<" <> to_string(m) <> ">")
  end
end

defmodule Plain do
  defstruct a: 1
end

defimpl String.Chars, for: Tuple do
  def to_string(t), do: "tuple of #{tuple_size(t)}"
end

defimpl List.Chars, for: Map do
  def to_charlist(m), do: 'map of #{map_size(m)}'
end

defmodule Main do
  def try_it(label, fun) do
    IO.inspect(fun.(), label: label)
  rescue
    e ->
      IO.inspect(Map.keys(e), label: label)
      IO.inspect(e, label: label)
      IO.puts(Exception.message(e))
  end

  def run do
    v = &Process.get(:unset, &1)
    try_it("list_chars", fn -> List.Chars.to_charlist(v.(%Money{cents: 5})) end)
    try_it("to_charlist", fn -> to_charlist(v.(%Money{cents: 5})) end)
    try_it("interp", fn -> "#{v.(%Money{cents: 7})} and #{v.({1, 2})}" end)
    try_it("tuple", fn -> to_string(v.({:a, :b, :c})) end)
    try_it("map", fn -> to_charlist(v.(%{a: 1, b: 2})) end)
    for bad <- [%Plain{}, {1, 2}, %{a: 1}, self() |> is_pid()] do
      try_it("charlist #{inspect(bad)}", fn -> to_charlist(v.(bad)) end)
    end
    for bad <- [%Plain{}, %{a: 1}, [1.5], [:a], [-1], [?a, "bc", [?d, 0xD800]], <<1::3>>] do
      try_it("string #{inspect(bad)}", fn -> to_string(v.(bad)) end)
    end
    try_it("interp plain", fn -> "#{v.(%Plain{})}" end)
    try_it("charlist bits", fn -> to_charlist(v.(<<1::3>>)) end)
  end
end

Main.run()
