defmodule Function do
  @moduledoc "Functions that work on functions: capture, inspect, identity."

  @doc "`&module.function_name/arity` built at run time."
  def capture(module, function_name, arity)
      when is_atom(module) and is_atom(function_name) and is_integer(arity) and arity >= 0 do
    :erlang.make_fun(module, function_name, arity)
  end

  @doc "What `fun` is: its module, name, arity, environment and type (`:local` or `:external`)."
  def info(fun) when is_function(fun), do: :erlang.fun_info(fun)

  @doc "`{item, value}` for one item of `info/1`."
  def info(fun, item) when is_function(fun) and is_atom(item), do: :erlang.fun_info(fun, item)

  @doc "Returns its argument."
  def identity(value), do: value
end
