defmodule Function do
  @moduledoc "Functions that work on functions: capture, inspect, identity."

  @doc "`&module.function_name/arity` built at run time."
  def capture(module, function_name, arity)
      when is_atom(module) and is_atom(function_name) and is_integer(arity) and arity >= 0 and
             arity <= 255 do
    :erlang.make_fun(module, function_name, arity)
  end

  def capture(module, function_name, arity) do
    lines =
      [
        not is_atom(module) and {1, "not an atom"},
        not is_atom(function_name) and {2, "not an atom"},
        not is_integer(arity) and {3, "not an integer"},
        is_integer(arity) and arity < 0 and {3, "out of range"}
      ]
      |> Enum.filter(& &1)

    case lines do
      [] ->
        :erlang.error(:badarg)

      _ ->
        text = Enum.map_join(lines, fn {n, what} -> "  * #{ordinal(n)} argument: #{what}\n" end)
        raise ArgumentError, "errors were found at the given arguments:\n\n" <> text
    end
  end

  defp ordinal(1), do: "1st"
  defp ordinal(2), do: "2nd"
  defp ordinal(3), do: "3rd"

  @doc "What `fun` is: its module, name, arity, environment and type (`:local` or `:external`)."
  def info(fun) when is_function(fun), do: :erlang.fun_info(fun)

  @doc "`{item, value}` for one item of `info/1`."
  def info(fun, item) when is_function(fun) and is_atom(item), do: :erlang.fun_info(fun, item)

  @doc "Returns its argument."
  def identity(value), do: value
end
