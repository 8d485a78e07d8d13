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

  def macro_exported?(module, macro, arity)
      when is_atom(module) and is_atom(macro) and is_integer(arity) do
    Code.ensure_loaded?(module) and
      function_exported?(module, :__info__, 1) and
      :lists.member({macro, arity}, module.__info__(:macros))
  end

  def get_in(data, [key]), do: Access.get(data, key)
  def get_in(data, [key | rest]), do: get_in(Access.get(data, key), rest)

  def put_in(data, keys, value), do: update_in(data, keys, fn _ -> value end)

  def update_in(data, [key], fun) when is_map(data), do: Map.put(data, key, fun.(Map.get(data, key)))
  def update_in(data, [key], fun) when is_list(data), do: Keyword.put(data, key, fun.(Keyword.get(data, key)))

  def update_in(data, [key | rest], fun) when is_map(data),
    do: Map.put(data, key, update_in(Map.get(data, key), rest, fun))

  def update_in(data, [key | rest], fun) when is_list(data),
    do: Keyword.put(data, key, update_in(Keyword.get(data, key), rest, fun))

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
      {key, value}, acc -> %{acc | key => value}
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
