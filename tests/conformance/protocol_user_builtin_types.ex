# A user protocol implemented for every built-in type, with for: [A, B] lists,
# and the dispatch of structs (never to the Map impl).
defprotocol Kind do
  @spec name(t) :: String.t()
  def name(term)
  def weight(term, factor)
end

defimpl Kind, for: [Integer, Float] do
  def name(n), do: "number #{n}"
  def weight(n, f), do: n * f
end

defimpl Kind, for: Atom do
  def name(nil), do: "nil atom"
  def name(a) when is_boolean(a), do: "boolean #{a}"
  def name(a), do: "atom #{a}"
  def weight(a, f), do: byte_size(Atom.to_string(a)) * f
end

defimpl Kind, for: BitString do
  def name(b) when is_binary(b), do: "binary of #{byte_size(b)} bytes"
  def name(b), do: "bitstring of #{bit_size(b)} bits"
  def weight(b, f), do: bit_size(b) * f
end

defimpl Kind, for: [List, Tuple, Map] do
  def name(l) when is_list(l), do: "list of #{length(l)}"
  def name(m) when is_map(m), do: "map of #{map_size(m)}"
  def name(t), do: "tuple of #{tuple_size(t)}"
  def weight(l, f) when is_list(l), do: Enum.reduce(l, 0, &(Kind.weight(&1, f) + &2))
  def weight(m, f) when is_map(m), do: map_size(m) * f
  def weight(t, f), do: weight(Tuple.to_list(t), f)
end

defimpl Kind, for: [Function, PID, Reference] do
  def name(fun) when is_function(fun), do: "function of arity #{:erlang.fun_info(fun)[:arity]}"
  def name(p) when is_pid(p), do: "a pid"
  def name(_), do: "a reference"
  def weight(_, f), do: f
end

defmodule Pt, do: defstruct(x: 0)

defmodule Main do
  def run do
    values = [1, -2.5, :ok, nil, true, "héllo", <<1::5>>, [1, 2], {:a, "b", 3.0}, %{k: 1}, &Enum.map/2, fn -> 1 end, self(), make_ref()]
    for v <- values, do: IO.puts("#{Kind.name(v)} / #{inspect(Kind.impl_for(v))} / #{inspect(Kind.weight(v, 2))}")
    IO.inspect(Kind.weight([1, [2, {3, 4.0}], "ab"], 10))
    IO.inspect({Kind.impl_for(%Pt{}), Kind.impl_for!(%{})})
    IO.inspect(Kind.__protocol__(:functions))
    IO.inspect({Kind.Integer.__impl__(:for), Kind.Float.__impl__(:protocol), Kind.List == Kind.impl_for([])})
    for v <- [%Pt{}, %ArgumentError{}, 1..2] do
      try do
        Kind.name(v)
      rescue
        e in Protocol.UndefinedError -> IO.puts(Exception.message(e)); IO.inspect({e.protocol, e.value == v})
      end
    end
    try do
      Kind.impl_for!(%Pt{x: 1})
    rescue
      e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
    end
  end
end

Main.run()
