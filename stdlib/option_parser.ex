# OptionParser: command-line switches to keyword lists, as Elixir 1.14's.
# `next/2` reads one switch; `parse/2` and `parse_head/2` loop over it.
# A switch name becomes an atom only if that atom exists already (unless
# `allow_nonexistent_atoms: true`), so argv cannot fill the atom table.
defmodule OptionParser do
  @moduledoc "Functions for parsing command line arguments."

  @switch_types [:boolean, :count, :integer, :float, :string]
  @switch_modifiers [:keep]

  @doc """
  Parses `argv` into `{parsed, args, invalid}`: the switches as a keyword
  list, the remaining arguments, and the switches that were invalid as
  `{name, value}` (with `:switches`, `:strict`, `:aliases`,
  `:allow_nonexistent_atoms`).
  """
  def parse(argv, opts \\ []) when is_list(argv) and is_list(opts) do
    do_parse(argv, build_config(opts), [], [], [], true)
  end

  @doc "Like `parse/2`, but raises `OptionParser.ParseError` on invalid switches; returns `{parsed, args}`."
  def parse!(argv, opts \\ []) when is_list(argv) and is_list(opts) do
    case parse(argv, opts) do
      {parsed, args, []} -> {parsed, args}
      {_, _, errors} -> raise OptionParser.ParseError, format_errors(errors, opts)
    end
  end

  @doc "Like `parse/2`, but stops at the first argument that is not a switch."
  def parse_head(argv, opts \\ []) when is_list(argv) and is_list(opts) do
    do_parse(argv, build_config(opts), [], [], [], false)
  end

  @doc "Like `parse_head/2`, but raises `OptionParser.ParseError` on invalid switches."
  def parse_head!(argv, opts \\ []) when is_list(argv) and is_list(opts) do
    case parse_head(argv, opts) do
      {parsed, args, []} -> {parsed, args}
      {_, _, errors} -> raise OptionParser.ParseError, format_errors(errors, opts)
    end
  end

  defp do_parse(argv, config, opts, args, invalid, all?) do
    case next_with_config(argv, config) do
      {:ok, option, value, rest} ->
        kinds = List.wrap(Keyword.get(config.switches, option))
        do_parse(rest, config, store_option(opts, option, value, kinds), args, invalid, all?)

      {:invalid, option, value, rest} ->
        do_parse(rest, config, opts, args, [{option, value} | invalid], all?)

      {:undefined, option, _value, rest} ->
        invalid = if config.strict?, do: [{option, nil} | invalid], else: invalid
        do_parse(rest, config, opts, args, invalid, all?)

      {:error, ["--" | rest]} ->
        {Enum.reverse(opts), Enum.reverse(args, rest), Enum.reverse(invalid)}

      {:error, [arg | rest] = remaining} ->
        if all? do
          do_parse(rest, config, opts, [arg | args], invalid, all?)
        else
          {Enum.reverse(opts), Enum.reverse(args, remaining), Enum.reverse(invalid)}
        end

      {:error, []} ->
        {Enum.reverse(opts), Enum.reverse(args), Enum.reverse(invalid)}
    end
  end

  @doc """
  Reads the next switch of `argv`: `{:ok, key, value, rest}`,
  `{:invalid, switch, value, rest}`, `{:undefined, switch, value, rest}`, or
  `{:error, rest}` when `argv` does not start with a switch.
  """
  def next(argv, opts \\ []) when is_list(argv) and is_list(opts) do
    next_with_config(argv, build_config(opts))
  end

  defp next_with_config([], _config), do: {:error, []}
  defp next_with_config(["--" | _] = argv, _config), do: {:error, argv}
  defp next_with_config(["-" | _] = argv, _config), do: {:error, argv}
  defp next_with_config(["- " <> _ | _] = argv, _config), do: {:error, argv}

  defp next_with_config(["--" <> option | rest], config) do
    {option, value} = split_option(option)

    if String.contains?(option, "_") do
      {:undefined, "--" <> option, value, rest}
    else
      next_tagged(tag_option(option, config), value, "--" <> option, rest, config)
    end
  end

  defp next_with_config(["-" <> option | rest] = argv, config) do
    {option, value} = split_option(option)
    original = "-" <> option

    cond do
      value == nil and starts_with_digit?(option) ->
        {:error, argv}

      String.contains?(option, ["-", "_"]) ->
        {:undefined, original, value, rest}

      String.length(option) == 1 ->
        next_tagged(tag_alias(option, config), value, original, rest, config)

      true ->
        key = option_key(option, config.allow_nonexistent_atoms?)
        aliased = key && Keyword.get(config.aliases, key)

        if aliased do
          IO.warn("multi-letter aliases are deprecated, got: #{inspect(key)}")
          next_tagged({:default, aliased}, value, original, rest, config)
        else
          next_with_config(expand_short(option, value) ++ rest, config)
        end
    end
  end

  defp next_with_config(argv, _config), do: {:error, argv}

  defp split_option(option) do
    case :binary.split(option, "=") do
      [name] -> {name, nil}
      [name, value] -> {name, value}
    end
  end

  defp starts_with_digit?(<<c, _::binary>>) when c in ?0..?9, do: true
  defp starts_with_digit?(_), do: false

  # "-ab" is "-a -b"; digits end the letters and are the last one's value.
  defp expand_short(option, value) do
    {letters, digits} = split_at_digit(String.to_charlist(option), [])
    [last | firsts] = letters |> List.to_string() |> String.graphemes() |> Enum.reverse()
    firsts = firsts |> Enum.reverse() |> Enum.map(&("-" <> &1))

    tail =
      case {digits, value} do
        {[], nil} -> ""
        {[], value} -> "=" <> value
        {digits, nil} -> "=" <> List.to_string(digits)
        {digits, value} -> "=" <> List.to_string(digits) <> "=" <> value
      end

    firsts ++ ["-" <> last <> tail]
  end

  defp split_at_digit([c | _] = rest, acc) when c in ?0..?9, do: {Enum.reverse(acc), rest}
  defp split_at_digit([c | rest], acc), do: split_at_digit(rest, [c | acc])
  defp split_at_digit([], acc), do: {Enum.reverse(acc), []}

  defp next_tagged(:unknown, value, original, rest, config) do
    {value, _kinds, rest} = normalize_value(value, [], rest, config.strict?)
    {:undefined, original, value, rest}
  end

  defp next_tagged({tag, option}, value, original, rest, config) do
    if config.strict? and not Keyword.has_key?(config.switches, option) do
      {:undefined, original, value, rest}
    else
      {kinds, value} = normalize_tag(tag, option, value, config.switches)
      {value, kinds, rest} = normalize_value(value, kinds, rest, config.strict?)

      case validate_option(value, kinds) do
        {:ok, value} -> {:ok, option, value, rest}
        :invalid -> {:invalid, original, value, rest}
      end
    end
  end

  defp normalize_tag(:negated, _option, value, _switches) when value != nil, do: {[:invalid], value}
  defp normalize_tag(:negated, option, nil, switches), do: {List.wrap(switches[option]), false}
  defp normalize_tag(:default, option, value, switches), do: {List.wrap(switches[option]), value}

  defp normalize_value(nil, kinds, rest, strict?) do
    cond do
      :boolean in kinds -> {true, kinds, rest}
      :count in kinds -> {1, kinds, rest}
      value_in_tail?(rest) -> {hd(rest), kinds, tl(rest)}
      kinds == [] and strict? -> {nil, kinds, rest}
      kinds == [] -> {true, kinds, rest}
      true -> {nil, [:invalid], rest}
    end
  end

  defp normalize_value(value, kinds, rest, _strict?), do: {value, kinds, rest}

  defp value_in_tail?(["-" | _]), do: true
  defp value_in_tail?(["- " <> _ | _]), do: true
  defp value_in_tail?(["-" <> arg | _]), do: negative_number?(arg)
  defp value_in_tail?([]), do: false
  defp value_in_tail?(_), do: true

  defp negative_number?(arg) do
    case Float.parse(arg) do
      {_, ""} -> true
      _ -> false
    end
  end

  defp validate_option(value, kinds) do
    cond do
      :invalid in kinds ->
        :invalid

      :boolean in kinds ->
        case value do
          v when v in [true, "true"] -> {:ok, true}
          v when v in [false, "false"] -> {:ok, false}
          _ -> :invalid
        end

      :count in kinds ->
        if value == 1, do: {:ok, 1}, else: :invalid

      :integer in kinds ->
        case Integer.parse(value) do
          {int, ""} -> {:ok, int}
          _ -> :invalid
        end

      :float in kinds ->
        case Float.parse(value) do
          {float, ""} -> {:ok, float}
          _ -> :invalid
        end

      true ->
        {:ok, value}
    end
  end

  defp store_option(opts, option, value, kinds) do
    cond do
      :count in kinds -> Keyword.update(opts, option, value, &(&1 + 1))
      :keep in kinds -> [{option, value} | opts]
      true -> [{option, value} | Keyword.delete(opts, option)]
    end
  end

  defp tag_option("no-" <> negated = option, config) do
    allow? = config.allow_nonexistent_atoms?
    key = option_key(negated, allow?)

    cond do
      key != nil and :boolean in List.wrap(config.switches[key]) -> {:negated, key}
      key = option_key(option, allow?) -> {:default, key}
      true -> :unknown
    end
  end

  defp tag_option(option, config) do
    case option_key(option, config.allow_nonexistent_atoms?) do
      nil -> :unknown
      key -> {:default, key}
    end
  end

  defp tag_alias(letter, config) do
    key = to_key(letter, config.allow_nonexistent_atoms?)

    case key && Keyword.get(config.aliases, key) do
      nil -> :unknown
      option -> {:default, option}
    end
  end

  # "foo-bar" is :foo_bar; a name with "_" has no key.
  defp option_key(option, allow?) do
    if String.contains?(option, "_") do
      nil
    else
      to_key(String.replace(option, "-", "_"), allow?)
    end
  end

  defp to_key(name, true), do: String.to_atom(name)

  defp to_key(name, false) do
    String.to_existing_atom(name)
  rescue
    ArgumentError -> nil
  end

  defp build_config(opts) do
    {switches, strict?} =
      cond do
        opts[:switches] && opts[:strict] ->
          raise ArgumentError, ":switches and :strict cannot be given together"

        switches = opts[:switches] ->
          {validate_switches(switches), false}

        strict = opts[:strict] ->
          {validate_switches(strict), true}

        true ->
          IO.warn("not passing the :switches or :strict option to OptionParser is deprecated")
          {[], false}
      end

    %{
      aliases: opts[:aliases] || [],
      allow_nonexistent_atoms?: opts[:allow_nonexistent_atoms] || false,
      strict?: strict?,
      switches: switches
    }
  end

  defp validate_switches(switches), do: Enum.map(switches, &validate_switch/1)

  defp validate_switch({_name, types} = switch) do
    case Enum.reject(List.wrap(types), &(&1 in @switch_types or &1 in @switch_modifiers)) do
      [] ->
        switch

      invalid ->
        raise ArgumentError,
              "invalid switch types/modifiers: " <> Enum.map_join(invalid, ", ", &inspect/1)
    end
  end

  defp format_errors(errors, opts) do
    types = opts[:switches] || opts[:strict]
    count = length(errors)
    noun = if count == 1, do: "error", else: "errors"
    "#{count} #{noun} found!\n" <> Enum.map_join(errors, "\n", &format_error(&1, opts, types))
  end

  defp format_error({option, nil}, opts, types) do
    if type = get_type(option, opts, types) do
      "#{option} : Missing argument of type #{type}"
    else
      message = "#{option} : Unknown option"

      case did_you_mean(option, types) do
        {similar, score} when score > 0.8 -> message <> ". Did you mean --#{similar}?"
        _ -> message
      end
    end
  end

  defp format_error({option, value}, opts, types) do
    "#{option} : Expected type #{get_type(option, opts, types)}, got #{inspect(value)}"
  end

  defp get_type(option, opts, types) do
    allow? = opts[:allow_nonexistent_atoms] || false
    key = option |> trim_leading(?-) |> String.replace("-", "_") |> to_key(allow?)

    if aliased = key && opts[:aliases][key] do
      types[aliased]
    else
      types[key]
    end
  end

  defp did_you_mean(option, types) do
    target = option |> trim_leading(?-) |> String.replace("-", "_")

    Enum.reduce(types, {nil, 0}, fn {source, _}, {_, best} = acc ->
      source = Atom.to_string(source)
      score = String.jaro_distance(source, target)
      if score < best, do: acc, else: {String.replace(source, "_", "-"), score}
    end)
  end

  defp trim_leading(<<c, rest::binary>>, c), do: trim_leading(rest, c)
  defp trim_leading(string, _c), do: string

  @doc "Splits a command line into arguments, as a shell does with spaces, quotes and backslashes."
  def split(string) when is_binary(string) do
    do_split(trim_leading(string, ?\s), "", [], nil)
  end

  # An escaped quote inside quotes of its kind is the quote.
  defp do_split(<<?\\, q, rest::binary>>, buffer, acc, q), do: do_split(rest, <<buffer::binary, q>>, acc, q)

  defp do_split(<<q, rest::binary>>, buffer, acc, nil) when q in [?", ?'],
    do: do_split(rest, buffer, acc, q)

  defp do_split(<<q, rest::binary>>, buffer, acc, q), do: do_split(rest, buffer, acc, nil)

  # Outside quotes, a backslash escapes a space or a quote.
  defp do_split(<<?\\, c, rest::binary>>, buffer, acc, nil) when c in [?\s, ?", ?'],
    do: do_split(rest, <<buffer::binary, c>>, acc, nil)

  defp do_split(<<?\s, rest::binary>>, buffer, acc, nil),
    do: do_split(trim_leading(rest, ?\s), "", [buffer | acc], nil)

  defp do_split(<<c, rest::binary>>, buffer, acc, q), do: do_split(rest, <<buffer::binary, c>>, acc, q)
  defp do_split(<<>>, "", acc, nil), do: Enum.reverse(acc)
  defp do_split(<<>>, buffer, acc, nil), do: Enum.reverse([buffer | acc])

  defp do_split(<<>>, _buffer, _acc, q) do
    raise "argv string did not terminate properly, a #{<<q>>} was opened but never closed"
  end

  @doc "Turns a keyword list of switches back into argv (`:count` switches from `switches:` repeat)."
  def to_argv(enum, options \\ []) do
    switches = Keyword.get(options, :switches, [])

    Enum.flat_map(enum, fn
      {_key, nil} -> []
      {key, true} -> [to_switch(key, "--")]
      {key, false} -> [to_switch(key, "--no-")]
      {key, value} -> to_argv(key, value, switches)
    end)
  end

  defp to_argv(key, value, switches) do
    if switches[key] == :count do
      List.duplicate(to_switch(key, "--"), value)
    else
      [to_switch(key, "--"), to_string(value)]
    end
  end

  defp to_switch(key, prefix) when is_atom(key) do
    prefix <> String.replace(Atom.to_string(key), "_", "-")
  end
end
