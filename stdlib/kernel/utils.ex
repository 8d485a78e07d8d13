defmodule Kernel.Utils do
  @doc false
  # `destructure/2`'s right side: `count` elements, padded with nil.
  def destructure(list, count) when is_list(list), do: destructure_list(list, count)
  def destructure(nil, count), do: destructure_list([], count)

  defp destructure_list(_, 0), do: []
  defp destructure_list([], count), do: [nil | destructure_list([], count - 1)]
  defp destructure_list([h | t], count), do: [h | destructure_list(t, count - 1)]

  @doc false
  # `is_struct/2` and `is_exception/2` outside guards.
  # A name that is not an atom is an ArgumentError ("argument error").
  def is_struct(%{__struct__: s}, name) when is_atom(name), do: s === name
  def is_struct(_, name) when is_atom(name), do: false
  def is_struct(_, _name), do: :erlang.error(:badarg)

  def is_exception(%{__struct__: s, __exception__: true}, name) when is_atom(name), do: s === name
  def is_exception(_, name) when is_atom(name), do: false
  def is_exception(_, _name), do: :erlang.error(:badarg)

  ## The paths of put_in/2, update_in/2, get_and_update_in/2 and pop_in/1:
  ## `data[key]` is an Access step, `data.field` a map step. A path is read
  ## into its start (a variable, a local or a remote call) and its steps, and
  ## whether every step is a map step (then a plain nest of Map.update!/3).

  @doc false
  def access_path(path, kind), do: access_path(path, [], true, kind)

  defp access_path({{:., _, [Access, :get]}, _, [data, key]}, steps, _all_map?, kind),
    do: access_path(data, [{:access, key} | steps], false, kind)

  defp access_path({{:., _, [data, field]}, _, []}, steps, all_map?, kind)
       when is_tuple(data) and :erlang.element(1, data) != :__aliases__ and
              :erlang.element(1, data) != :__MODULE__ and is_atom(field),
       do: access_path(data, [{:map, field} | steps], all_map?, kind)

  defp access_path(other, [], _all_map?, kind) do
    raise ArgumentError,
          "expected expression given to #{kind} to access at least one element, got: " <>
            Macro.to_string(other)
  end

  defp access_path(other, steps, all_map?, kind) do
    if path_start?(other) do
      {[other | steps], all_map?}
    else
      raise ArgumentError,
            "expression given to #{kind} must start with a variable, local or remote call " <>
              "and be followed by an element access, got: " <> Macro.to_string(other)
    end
  end

  defp path_start?({{:., _, [module, _]}, _, _}) when is_atom(module), do: true
  defp path_start?({{:., _, [{:__aliases__, _, _}, _]}, _, _}), do: true
  defp path_start?({{:., _, [{:__MODULE__, _, _}, _]}, _, _}), do: true

  defp path_start?({name, _, _}) when is_atom(name), do: true
  defp path_start?(other), do: not is_tuple(other)

  @doc false
  # Every step a map step: nested Map.update!/3, `fun` at the end.
  def map_update_path(data, [{:map, field}], fun),
    do: quote(do: Map.update!(unquote(data), unquote(field), unquote(fun)))

  def map_update_path(data, [{:map, field} | rest], fun) do
    inner = map_update_path(quote(do: value), rest, fun)
    quote(do: Map.update!(unquote(data), unquote(field), fn value -> unquote(inner) end))
  end

  @doc false
  # Nested get_and_update calls, `fun` at the end.
  def get_and_update_path(data, [step], fun), do: get_and_update_step(data, step, fun)

  def get_and_update_path(data, [step | rest], fun) do
    inner = get_and_update_path(quote(do: value), rest, fun)
    get_and_update_step(data, step, quote(do: fn value -> unquote(inner) end))
  end

  defp get_and_update_step(data, {:access, key}, fun),
    do: quote(do: Access.get_and_update(unquote(data), unquote(key), unquote(fun)))

  defp get_and_update_step(data, {:map, field}, fun),
    do: quote(do: Map.get_and_update!(unquote(data), unquote(field), unquote(fun)))

  @doc false
  # pop_in/1: a nil reached through an Access step is removed (:pop), one
  # reached through a map field stays; a map field cannot be the last step.
  def pop_path(data, steps), do: pop_path(:map, data, steps)

  defp pop_path(_kind, _data, [{:map, field}]) do
    raise ArgumentError,
          "cannot use pop_in when the last segment is a map/struct field. " <>
            "This would effectively remove the field #{inspect(field)} from the map/struct"
  end

  defp pop_path(kind, data, [{:access, key}]) do
    on_nil = if kind == :map, do: quote(do: {nil, nil}), else: :pop

    quote do
      case unquote(data) do
        nil -> unquote(on_nil)
        container -> Access.pop(container, unquote(key))
      end
    end
  end

  defp pop_path(_kind, data, [{:map, field} | rest]) do
    inner = pop_path(:map, quote(do: value), rest)
    quote(do: Map.get_and_update!(unquote(data), unquote(field), fn value -> unquote(inner) end))
  end

  defp pop_path(:map, data, [{:access, key} | rest]) do
    inner = pop_path(:access, quote(do: value), rest)
    quote(do: Access.get_and_update(unquote(data), unquote(key), fn value -> unquote(inner) end))
  end

  defp pop_path(:access, data, [{:access, key} | rest]) do
    inner = pop_path(:access, quote(do: value), rest)

    quote do
      case unquote(data) do
        nil -> :pop
        container -> Access.get_and_update(container, unquote(key), fn value -> unquote(inner) end)
      end
    end
  end
end
