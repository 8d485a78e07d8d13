# A small JSON encoder as a protocol: built-in types, user structs with
# their own impls, @derive with options through __deriving__, and errors.
defprotocol Json do
  @fallback_to_any true
  def encode(term)
end
defimpl Json, for: Any do
  defmacro __deriving__(module, struct, opts) do
    fields = Keyword.get(opts, :only, Map.keys(struct) -- [:__struct__])
    quote do
      defimpl Json, for: unquote(module) do
        def encode(s), do: Json.Map.encode(Map.take(s, unquote(fields)))
      end
    end
  end
  def encode(%mod{}), do: raise(ArgumentError, "cannot encode struct #{inspect(mod)}")
  def encode(other), do: raise(ArgumentError, "cannot encode #{inspect(other)}")
end
defimpl Json, for: [Integer, Float] do
  def encode(n), do: to_string(n)
end
defimpl Json, for: Atom do
  def encode(nil), do: "null"
  def encode(a) when is_boolean(a), do: to_string(a)
  def encode(a), do: Json.encode(Atom.to_string(a))
end
defimpl Json, for: BitString do
  def encode(s) when is_binary(s), do: "\"" <> for(<<c <- s>>, into: "", do: esc(c)) <> "\""
  defp esc(c) when c in [?", ?\\], do: <<?\\, c>>
  defp esc(?\n), do: "\\n"
  defp esc(c) when c < 0x20, do: "\\u00" <> for(<<n::4 <- <<c>> >>, into: "", do: <<if(n < 10, do: ?0 + n, else: ?a + n - 10)>>)
  defp esc(c), do: <<c>>
end
defimpl Json, for: List do
  def encode(l), do: "[" <> Enum.map_join(l, ",", &Json.encode/1) <> "]"
end
defimpl Json, for: Map do
  def encode(m) do
    pairs = for {k, v} <- Enum.sort(Map.to_list(m)), do: Json.encode(to_string(k)) <> ":" <> Json.encode(v)
    "{" <> Enum.join(pairs, ",") <> "}"
  end
end
defmodule User do
  @derive {Json, only: [:name, :roles]}
  defstruct name: "", roles: [], password: "secret"
end
defmodule Point do
  @derive Json
  defstruct x: 0, y: 0
end
defmodule Secret, do: defstruct(value: 1)

defmodule Main do
  def run do
    for v <- [1, -2.5, nil, true, :atom, "say \"hi\"\n\ttab\\", [1, [2, []]], %{b: 1, a: [nil]}, %{"k" => %{}}] do
      IO.puts(Json.encode(v))
    end
    IO.puts(Json.encode(%User{name: "ann", roles: [:admin]}))
    IO.puts(Json.encode([%Point{x: 1}, %Point{y: -1.5}]))
    IO.puts(Json.encode(%{users: [%User{}], origin: %Point{}}))
    IO.inspect({Json.impl_for(%User{}), Json.impl_for(%Secret{}), Json.impl_for({}), Json.impl_for(1.0)})
    for bad <- [%Secret{}, {1, 2}, [1, {:t}]] do
      try do
        Json.encode(bad)
      rescue
        e in ArgumentError -> IO.puts("error: " <> Exception.message(e))
      end
    end
  end
end

Main.run()
