# %Struct{term | ...} on a term that is not that struct (BadStructError), and
# %var{} / %_{} patterns, which need an atom in __struct__
defmodule S do
  defstruct a: 1
end

defmodule T do
  defp empty_map, do: %{}
  defp name(%module{}), do: {:struct, module}
  defp name(_), do: :not_a_struct
  defp any(%_{}), do: :struct
  defp any(_), do: :other

  def run do
    for base <- [%{}, 1, %{__struct__: Other, a: 1}, %{__struct__: S}, %S{a: 5}, [a: 1]] do
      try do
        IO.inspect(%S{Process.get(:x, base) | a: 2})
      rescue
        e -> IO.inspect(e); IO.puts(Exception.message(e))
      end
    end
    try do
      %S{empty_map() | a: 3}
    rescue
      e in BadStructError -> IO.inspect({e.struct, e.term})
    end
    IO.inspect(%BadStructError{struct: S, term: 1})
    IO.puts(Exception.message(%BadStructError{struct: URI, term: "x"}))
    for v <- [%{__struct__: "foo"}, %{__struct__: :ok}, %{__struct__: nil}, %S{}, %{}, %{__struct__: 1, a: 2}] do
      IO.inspect({name(v), any(v), match?(%_{}, v), match?(%m{} when is_atom(m), v)})
    end
    result =
      case Process.get(:x, %{__struct__: "foo"}) do
        %module{} -> module
        other -> {:no, other}
      end
    IO.inspect(result)
  end
end

T.run()
