defmodule Kernel do
  @doc """
  Whether `left` matches `right`: a regular expression, or a string that
  `left` contains.
  """
  def left =~ "" when is_binary(left), do: true

  def left =~ right when is_binary(left) and is_binary(right) do
    String.contains?(left, right)
  end

  def left =~ right when is_binary(left), do: Regex.match?(right, left)

  @doc """
  Prints `code` and its value (each step of a pipeline), with where it is,
  and returns the value; `dbg()` prints the variables bound.
  """
  defmacro dbg(code \\ quote(do: binding()), options \\ []) do
    Macro.dbg(code, options, __CALLER__)
  end

  @doc """
  Defines a protocol: a module whose functions dispatch on the type of
  their first argument to the implementations `defimpl` defines.
  """
  defmacro defprotocol(name, do_block) do
    Protocol.__protocol__(name, do_block)
  end

  @doc """
  Implements protocol `name` for the types in `:for` (the enclosing module
  when inside one), in the module `name.Type`.
  """
  defmacro defimpl(name, opts, do_block \\ []) do
    Protocol.__impl__(name, opts, do_block, __CALLER__)
  end

  @doc """
  `term` as text, through the `Inspect` protocol (see `Inspect.Opts` for
  `opts`): on one line, or laid out in `:width` columns with `pretty: true`.
  """
  def inspect(term, opts \\ []) when is_list(opts) do
    # Terms without user implementations print natively, to the same text.
    case :beamlet.inspect_fast(term, opts, :inspect) do
      false ->
        opts = Inspect.Opts.new(opts)
        width = if opts.pretty, do: opts.width, else: :infinity
        doc = Inspect.Algebra.group(Inspect.Algebra.to_doc(term, opts))
        IO.iodata_to_binary(Inspect.Algebra.format(doc, width))

      text ->
        text
    end
  end

  @doc """
  `~D[2015-01-13]`: the `Date`, built while compiling by its calendar's
  `parse_date/1` (`Calendar.ISO`, or a calendar named last:
  `~D[2015-01-13 Calendar.Other]`). A bad date raises `ArgumentError`.
  """
  defmacro sigil_D({:<<>>, _, [string]}, []) do
    {{:ok, {year, month, day}}, calendar} = parse_with_calendar!(string, :parse_date, "Date")
    calendar_struct(Date, calendar: calendar, year: year, month: month, day: day)
  end

  @doc "`~T[13:00:07]`: the `Time`, as `sigil_D/2` builds a date."
  defmacro sigil_T({:<<>>, _, [string]}, []) do
    {{:ok, {hour, minute, second, microsecond}}, calendar} =
      parse_with_calendar!(string, :parse_time, "Time")

    calendar_struct(Time,
      calendar: calendar,
      hour: hour,
      minute: minute,
      second: second,
      microsecond: microsecond
    )
  end

  @doc "`~N[2015-01-13 13:00:07]`: the `NaiveDateTime`, as `sigil_D/2` builds a date."
  defmacro sigil_N({:<<>>, _, [string]}, []) do
    {{:ok, {year, month, day, hour, minute, second, microsecond}}, calendar} =
      parse_with_calendar!(string, :parse_naive_datetime, "NaiveDateTime")

    calendar_struct(NaiveDateTime,
      calendar: calendar,
      year: year,
      month: month,
      day: day,
      hour: hour,
      minute: minute,
      second: second,
      microsecond: microsecond
    )
  end

  @doc """
  `~U[2015-01-13 13:00:07Z]`: the `DateTime` in UTC; the offset must be `Z`
  or zero.
  """
  defmacro sigil_U({:<<>>, _, [string]}, []) do
    {{:ok, {year, month, day, hour, minute, second, microsecond}, offset}, calendar} =
      parse_with_calendar!(string, :parse_utc_datetime, "UTC DateTime")

    if offset != 0 do
      raise ArgumentError,
            "cannot parse #{inspect(string)} as UTC DateTime for #{inspect(calendar)}, reason: :non_utc_offset"
    end

    calendar_struct(DateTime,
      calendar: calendar,
      year: year,
      month: month,
      day: day,
      hour: hour,
      minute: minute,
      second: second,
      microsecond: microsecond,
      time_zone: "Etc/UTC",
      zone_abbr: "UTC",
      utc_offset: 0,
      std_offset: 0
    )
  end

  # The calendar a sigil's text names after its last space (a word that
  # starts with a capital), else Calendar.ISO; then the text parsed by it.
  defp parse_with_calendar!(string, parser, kind) do
    {calendar, text} =
      case String.split(string, " ") do
        [_] ->
          {Calendar.ISO, string}

        words ->
          case List.last(words) do
            <<c, _::binary>> = name when c >= ?A and c <= ?Z ->
              text = binary_part(string, 0, byte_size(string) - byte_size(name) - 1)
              {String.to_atom("Elixir." <> name), text}

            _ ->
              {Calendar.ISO, string}
          end
      end

    case apply(calendar, parser, [text]) do
      {:error, reason} ->
        raise ArgumentError,
              "cannot parse #{inspect(text)} as #{kind} for #{inspect(calendar)}, reason: #{inspect(reason)}"

      ok ->
        {ok, calendar}
    end
  end

  # The struct as a map literal (`%{__struct__: Date, ...}`), so that the
  # sigil also works in patterns.
  defp calendar_struct(module, fields) do
    {:%{}, [], [{:__struct__, module} | fields]}
  end

  @doc "The local node's name (beamlet runs one node)."
  def node(), do: :nonode@nohost
  def node(_arg), do: :nonode@nohost

  def then(value, fun), do: fun.(value)
  def tap(value, fun) do
    fun.(value)
    value
  end

  # Operators and guards the compiler inlines, as functions too, for
  # apply/3 and captures made at run time.
  def left + right, do: :erlang.+(left, right)
  def left - right, do: :erlang.-(left, right)
  def left * right, do: :erlang.*(left, right)
  def left / right, do: :erlang./(left, right)
  def +value, do: :erlang.+(value)
  def -value, do: :erlang.-(value)
  def left == right, do: :erlang.==(left, right)
  def left != right, do: :erlang."/="(left, right)
  def left === right, do: :erlang."=:="(left, right)
  def left !== right, do: :erlang."=/="(left, right)
  def left < right, do: :erlang.<(left, right)
  def left > right, do: :erlang.>(left, right)
  def left <= right, do: :erlang."=<"(left, right)
  def left >= right, do: :erlang.>=(left, right)
  def left ++ right, do: :erlang.++(left, right)
  def left -- right, do: :erlang.--(left, right)
  def div(left, right), do: :erlang.div(left, right)
  def rem(left, right), do: :erlang.rem(left, right)
  def abs(n), do: :erlang.abs(n)
  def hd(l), do: :erlang.hd(l)
  def tl(l), do: :erlang.tl(l)
  def length(l), do: :erlang.length(l)
  def max(a, b), do: :erlang.max(a, b)
  def min(a, b), do: :erlang.min(a, b)
  def round(n), do: :erlang.round(n)
  def trunc(n), do: :erlang.trunc(n)
  def tuple_size(t), do: :erlang.tuple_size(t)
  def map_size(m), do: :erlang.map_size(m)
  def byte_size(b), do: :erlang.byte_size(b)
  def not value, do: :erlang.not(value)
  def is_integer(t), do: :erlang.is_integer(t)
  def is_atom(t), do: :erlang.is_atom(t)
  def is_list(t), do: :erlang.is_list(t)
  def is_binary(t), do: :erlang.is_binary(t)
  def is_map(t), do: :erlang.is_map(t)
  def is_tuple(t), do: :erlang.is_tuple(t)
  def is_number(t), do: :erlang.is_number(t)
  def is_float(t), do: :erlang.is_float(t)
  def is_function(t), do: :erlang.is_function(t)
  def is_function(t, a), do: :erlang.is_function(t, a)
  def send(dest, message), do: :erlang.send(dest, message)
  def self(), do: :erlang.self()
  def exit(reason), do: :erlang.exit(reason)
  def make_ref(), do: :erlang.make_ref()
  def left ** right when is_number(left) and is_number(right), do: :beamlet.pow(left, right)
  def apply(fun, args), do: :erlang.apply(fun, args)
  def apply(module, fun, args), do: :erlang.apply(module, fun, args)
  def binary_part(binary, start, length), do: :erlang.binary_part(binary, start, length)
  def bit_size(bitstring), do: :erlang.bit_size(bitstring)
  def ceil(number), do: :erlang.ceil(number)
  def floor(number), do: :erlang.floor(number)
  def is_bitstring(t), do: :erlang.is_bitstring(t)
  def is_boolean(t), do: :erlang.is_boolean(t)
  def is_pid(t), do: :erlang.is_pid(t)
  def is_port(t), do: :erlang.is_port(t)
  def is_reference(t), do: :erlang.is_reference(t)
  def spawn(fun), do: :erlang.spawn(fun)
  def spawn(module, fun, args), do: :erlang.spawn(module, fun, args)
  def spawn_link(fun), do: :erlang.spawn_link(fun)
  def spawn_link(module, fun, args), do: :erlang.spawn_link(module, fun, args)
  def spawn_monitor(fun), do: :erlang.spawn_monitor(fun)
  def spawn_monitor(module, fun, args), do: :erlang.spawn_monitor(module, fun, args)
  def throw(term), do: :erlang.throw(term)

  def macro_exported?(module, macro, arity)
      when is_atom(module) and is_atom(macro) and is_integer(arity) do
    Code.ensure_loaded?(module) and
      function_exported?(module, :__info__, 1) and
      :lists.member({macro, arity}, module.__info__(:macros))
  end

  ## Nested access: the functions over a list of keys (each a key for
  ## `Access` or an accessor function of arity 3) and the macros over a path
  ## written `data[key].field`.

  @doc "The value at the end of `keys` in `data` (nil once a step gives nil)."
  def get_in(data, [_ | _] = keys), do: get_in_keys(data, keys)

  defp get_in_keys(nil, [_ | _]), do: nil
  defp get_in_keys(data, [key]) when is_function(key, 3), do: key.(:get, data, fn value -> value end)
  defp get_in_keys(data, [key | rest]) when is_function(key, 3), do: key.(:get, data, &get_in_keys(&1, rest))
  defp get_in_keys(data, [key]), do: Access.get(data, key)
  defp get_in_keys(data, [key | rest]), do: get_in_keys(Access.get(data, key), rest)

  @doc "`data` with the value at the end of `keys` set to `value`."
  def put_in(data, [_ | _] = keys, value) do
    :erlang.element(2, get_and_update_in(data, keys, fn _ -> {nil, value} end))
  end

  @doc "`data` with the value at the end of `keys` updated by `fun`."
  def update_in(data, [_ | _] = keys, fun) when is_function(fun, 1) do
    :erlang.element(2, get_and_update_in(data, keys, fn value -> {nil, fun.(value)} end))
  end

  @doc """
  `fun` gets the value at the end of `keys` and returns `{get, new}` or
  `:pop`; the result is `{get, updated data}`.
  """
  def get_and_update_in(data, [key], fun) when is_function(fun, 1) and is_function(key, 3),
    do: key.(:get_and_update, data, fun)

  def get_and_update_in(data, [key | rest], fun) when is_function(fun, 1) and is_function(key, 3),
    do: key.(:get_and_update, data, &get_and_update_in(&1, rest, fun))

  def get_and_update_in(data, [key], fun) when is_function(fun, 1),
    do: Access.get_and_update(data, key, fun)

  def get_and_update_in(data, [key | rest], fun) when is_function(fun, 1),
    do: Access.get_and_update(data, key, &get_and_update_in(&1, rest, fun))

  @doc "`{value, data without it}` for the value at the end of `keys`; a nil on the way is removed."
  def pop_in(data, keys)

  def pop_in(nil, [key | _]) do
    raise ArgumentError, "could not pop key #{inspect(key)} on a nil value"
  end

  def pop_in(data, [_ | _] = keys), do: pop_in_data(data, keys)

  defp pop_in_data(nil, [_ | _]), do: :pop
  defp pop_in_data(data, [key]) when is_function(key, 3), do: key.(:get_and_update, data, fn _ -> :pop end)
  defp pop_in_data(data, [key | rest]) when is_function(key, 3), do: key.(:get_and_update, data, &pop_in_data(&1, rest))
  defp pop_in_data(data, [key]), do: Access.pop(data, key)
  defp pop_in_data(data, [key | rest]), do: Access.get_and_update(data, key, &pop_in_data(&1, rest))

  @doc "`put_in(data[key].field, value)`: the path's end set to `value`."
  defmacro put_in(path, value) do
    case Kernel.Utils.access_path(path, "put_in/2") do
      {[head | steps], true} ->
        Kernel.Utils.map_update_path(head, steps, quote(do: fn _ -> unquote(value) end))

      {[head | steps], false} ->
        update = Kernel.Utils.get_and_update_path(head, steps, quote(do: fn _ -> {nil, unquote(value)} end))
        quote(do: :erlang.element(2, unquote(update)))
    end
  end

  @doc "`update_in(data[key].field, fun)`: the path's end updated by `fun`."
  defmacro update_in(path, fun) do
    case Kernel.Utils.access_path(path, "update_in/2") do
      {[head | steps], true} ->
        Kernel.Utils.map_update_path(head, steps, fun)

      {[head | steps], false} ->
        pair = quote(do: fn value -> {nil, unquote(fun).(value)} end)
        quote(do: :erlang.element(2, unquote(Kernel.Utils.get_and_update_path(head, steps, pair))))
    end
  end

  @doc "`get_and_update_in(data[key].field, fun)`: `{get, updated data}`."
  defmacro get_and_update_in(path, fun) do
    {[head | steps], _} = Kernel.Utils.access_path(path, "get_and_update_in/2")
    Kernel.Utils.get_and_update_path(head, steps, fun)
  end

  @doc "`pop_in(data[key][key2])`: `{value, data without it}`."
  defmacro pop_in(path) do
    {[head | steps], _} = Kernel.Utils.access_path(path, "pop_in/1")
    Kernel.Utils.pop_path(head, steps)
  end

  @doc """
  The `size` bytes of `binary` from byte `start` (a negative start counts
  from the end); fewer near the end, "" past it.
  """
  def binary_slice(binary, start, size)
      when is_binary(binary) and is_integer(start) and is_integer(size) and size >= 0 do
    total = byte_size(binary)
    start = if start < 0, do: max(start + total, 0), else: start

    if start >= total, do: "", else: binary_part(binary, start, min(size, total - start))
  end

  @doc "The bytes of `binary` at the indices of `range` (negative ends count from the end)."
  def binary_slice(binary, %Range{first: first, last: last, step: step})
      when is_binary(binary) and step > 0 do
    total = byte_size(binary)
    first = if first < 0, do: max(first + total, 0), else: first
    last = if last < 0, do: last + total, else: min(last, total - 1)

    cond do
      first >= total or last < first -> ""
      step == 1 -> binary_part(binary, first, last - first + 1)
      true -> for(<<byte <- binary_part(binary, first, last - first + 1)>>, do: byte) |> every_nth(step)
    end
  end

  def binary_slice(binary, %Range{} = range) when is_binary(binary) do
    raise ArgumentError,
          "binary_slice/2 does not accept ranges with negative steps, got: #{inspect(range)}"
  end

  defp every_nth(bytes, step), do: every_nth(bytes, step, 0, [])
  defp every_nth([byte | rest], step, 0, acc), do: every_nth(rest, step, step - 1, [byte | acc])
  defp every_nth([_ | rest], step, skip, acc), do: every_nth(rest, step, skip - 1, acc)
  defp every_nth([], _step, _skip, acc), do: :erlang.list_to_binary(:lists.reverse(acc))

  @doc "The struct `struct` (a module or a struct) with the given `fields` put in; keys the struct lacks are left out."
  def struct(struct, fields \\ []) do
    Enum.reduce(fields, struct_base(struct), fn {key, value}, acc ->
      if key != :__struct__ and Map.has_key?(acc, key), do: Map.put(acc, key, value), else: acc
    end)
  end

  @doc "Like `struct/2`, but a key the struct lacks raises `KeyError`, and a module's `@enforce_keys` are checked."
  def struct!(struct, fields \\ [])

  def struct!(module, fields) when is_atom(module) do
    validate_struct!(module.__struct__(fields), module, 1)
  end

  def struct!(%_{} = struct, fields) do
    Enum.reduce(fields, struct, fn
      {:__struct__, _}, acc -> acc
      {key, value}, acc -> Map.replace!(acc, key, value)
    end)
  end

  defp struct_base(%_{} = struct), do: struct

  defp struct_base(module) when is_atom(module) do
    case Code.ensure_loaded?(module) and function_exported?(module, :__struct__, 0) do
      true -> validate_struct!(module.__struct__(), module, 0)
      false -> raise UndefinedFunctionError, module: module, function: :__struct__, arity: 0
    end
  end

  # What `module.__struct__/arity` returned must be a struct of `module`.
  defp validate_struct!(%{__struct__: module} = struct, module, _arity), do: struct

  defp validate_struct!(%{__struct__: name}, module, arity) when is_atom(name) do
    raise ArgumentError,
          "expected struct name returned by #{inspect(module)}.__struct__/#{arity} " <>
            "to be #{inspect(module)}, got: #{inspect(name)}"
  end

  defp validate_struct!(other, module, arity) do
    raise ArgumentError,
          "expected #{inspect(module)}.__struct__/#{arity} to return a map with a :__struct__ " <>
            "key that holds the name of the struct (atom), got: #{inspect(other)}"
  end
end
