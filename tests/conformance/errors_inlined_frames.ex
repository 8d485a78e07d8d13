# Calls Elixir's compiler turns into Erlang built-ins fail with the built-in's
# frame (its arguments), then the caller's; messages as OTP 25 explains them.
defmodule I do
  def run(name, f) do
    try do
      [f.()]
    rescue
      e ->
        # (beamlet's own entry carrying a badarg's explanation is left out)
        [{m, f, a, _}, {caller, _, _, _} | _] =
          Enum.reject(__STACKTRACE__, &match?({:erlang, :error_info, 0, _}, &1))
        library = caller in [String, Integer, Atom, List, Tuple, IO, Map]
        IO.inspect({name, e.__struct__, {m, f, a}, library})
        IO.puts(Exception.message(e))
    end
  end
end
I.run(:to_integer, fn -> String.to_integer("12x") end)
I.run(:to_integer_base, fn -> String.to_integer("zz", 37) end)
I.run(:to_integer_ok, fn -> String.to_integer("ff", 16) + String.to_integer("-42") end)
I.run(:to_atom, fn -> String.to_atom(:x) end)
I.run(:to_atom_ok, fn -> String.to_atom("héllo") end)
I.run(:to_existing_atom, fn -> String.to_existing_atom("no_such_atom_anywhere_q") end)
I.run(:to_existing_atom_ok, fn -> String.to_existing_atom("ok") end)
I.run(:int_to_string, fn -> Integer.to_string(1.5) end)
I.run(:int_to_string_base, fn -> Integer.to_string(255, 16) <> Integer.to_string(-7) end)
I.run(:atom_to_string, fn -> Atom.to_string("a") end)
I.run(:list_to_tuple, fn -> List.to_tuple([1 | 2]) end)
I.run(:tuple_to_list, fn -> Tuple.to_list([1]) end)
I.run(:iodata, fn -> IO.iodata_to_binary([1, :a]) end)
I.run(:fetch_bang, fn -> Map.fetch!(%{a: 1, b: 2}, :c) end)
I.run(:fetch_bang_badmap, fn -> Map.fetch!([a: 1], :a) end)
I.run(:fetch_bang_ok, fn -> Map.fetch!(%{a: 1}, :a) end)
I.run(:has_key, fn -> Map.has_key?(nil, :a) end)
I.run(:has_key_ok, fn -> {Map.has_key?(%{a: 1}, :a), Map.has_key?(%{}, :a)} end)
I.run(:map_get, fn -> :erlang.map_get(:k, %{j: 1}) end)
I.run(:trunc, fn -> trunc(:x) end)
I.run(:round, fn -> round("1.5") end)
I.run(:binary_to_atom, fn -> :erlang.binary_to_atom(<<255>>, :utf8) end)
I.run(:binary_to_atom_enc, fn -> :erlang.binary_to_atom("a", :utf16) end)
try do
  Map.fetch!(%{}, :x)
catch
  kind, reason -> IO.inspect({kind, reason})
end
