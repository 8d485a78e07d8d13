defmodule Regex do
  @moduledoc """
  Regular expressions: PCRE, over Erlang's `:re` (built into beamlet on
  PCRE2, with PCRE 8's behaviour where the two differ: vm/src/bif/re.rs).
  `~r/pattern/modifiers` compiles while the code is expanded; the modifiers
  are `i` (caseless), `m` (multiline), `s` (dotall, any newline), `x`
  (extended), `u` (unicode and Unicode classes), `f` (firstline) and `U`
  (ungreedy).

  A regex carries the engine's version (`re_version`): one made by another
  version (a struct built by hand, or kept from another system) is compiled
  again from its source when it is used.
  """

  defstruct re_pattern: nil, source: "", opts: "", re_version: ""

  @doc "Compiles `source` with modifiers (a string) or `:re` options (a list)."
  def compile(source, options \\ "") when is_binary(source) do
    compile(source, options, version())
  end

  defp compile(source, options, version) when is_binary(options) do
    case translate_options(options, []) do
      {:error, rest} -> {:error, {:invalid_option, rest}}
      translated -> compile(source, translated, options, version)
    end
  end

  defp compile(source, options, version) when is_list(options) do
    compile(source, options, options, version)
  end

  defp compile(source, opts, doc_opts, version) do
    case :re.compile(source, opts) do
      {:ok, re_pattern} ->
        {:ok, %Regex{re_pattern: re_pattern, re_version: version, source: source, opts: doc_opts}}

      error ->
        error
    end
  end

  @doc "Compiles the regular expression, raising `Regex.CompileError` if it is invalid."
  def compile!(source, options \\ "") when is_binary(source) do
    case compile(source, options) do
      {:ok, regex} -> regex
      {:error, {reason, at}} -> raise Regex.CompileError, "#{reason} at position #{at}"
    end
  end

  @doc "Recompiles a regex made by another version of the engine (else returns it)."
  def recompile(%Regex{} = regex) do
    version = version()

    case regex do
      %{re_version: ^version} -> {:ok, regex}
      %{source: source, opts: opts} -> compile(source, opts)
    end
  end

  @doc "As `recompile/1`, raising `Regex.CompileError` when the source does not compile."
  def recompile!(regex) do
    case recompile(regex) do
      {:ok, regex} -> regex
      {:error, {reason, at}} -> raise Regex.CompileError, "#{reason} at position #{at}"
    end
  end

  # Known when the library is compiled (into the binary that runs it), so
  # each match compares with a literal.
  @version {:re.version(), :erlang.system_info(:endian)}

  @doc "The version of the regular expression engine, with the machine's endianness."
  def version, do: @version

  @doc "Whether `term` is a regex."
  def regex?(term)
  def regex?(%Regex{}), do: true
  def regex?(_), do: false

  @doc "Whether `string` matches the regex."
  def match?(%Regex{} = regex, string) when is_binary(string) do
    safe_run(regex, string, [{:capture, :none}]) == :match
  end

  @doc """
  The first match of the regex in `string`: the whole match then each group,
  or `nil`. Options: `:return` (`:binary` or `:index`), `:capture` (`:all`,
  `:first`, `:all_but_first`, `:none`, `:all_names` or a list), `:offset`.
  """
  def run(regex, string, options \\ [])

  def run(%Regex{} = regex, string, options) when is_binary(string) do
    return = Keyword.get(options, :return, :binary)
    captures = Keyword.get(options, :capture, :all)
    offset = Keyword.get(options, :offset, 0)

    case safe_run(regex, string, [{:capture, captures, return}, {:offset, offset}]) do
      :nomatch -> nil
      :match -> []
      {:match, results} -> results
    end
  end

  @doc "The named groups of the first match, as a map of name to text, or `nil`."
  def named_captures(regex, string, options \\ []) when is_binary(string) do
    names = names(regex)
    options = Keyword.put(options, :capture, names)

    case run(regex, string, options) do
      nil -> nil
      results -> Map.new(:lists.zip(names, results))
    end
  end

  @doc "The regex's source."
  def source(%Regex{source: source}), do: source

  @doc "The regex's modifiers (or options)."
  def opts(%Regex{opts: opts}), do: opts

  @doc "The compiled pattern, for `:re`."
  def re_pattern(%Regex{re_pattern: compiled}), do: compiled

  @doc "The names of the regex's named groups, sorted."
  def names(%Regex{} = regex) do
    {:namelist, names} = :re.inspect(current_pattern(regex), :namelist)
    names
  end

  @doc "Every match of the regex in `string`, each as `run/3` gives it."
  def scan(regex, string, options \\ [])

  def scan(%Regex{} = regex, string, options) when is_binary(string) do
    return = Keyword.get(options, :return, :binary)
    captures = Keyword.get(options, :capture, :all)
    offset = Keyword.get(options, :offset, 0)

    case safe_run(regex, string, [{:capture, captures, return}, :global, {:offset, offset}]) do
      :match -> []
      :nomatch -> []
      {:match, results} -> results
    end
  end

  # The compiled pattern, compiled again from the source when the regex
  # comes from another version of the engine.
  defp current_pattern(%Regex{re_pattern: compiled, re_version: version} = regex) do
    if version == @version do
      compiled
    else
      {:ok, %Regex{re_pattern: compiled}} = recompile(regex)
      compiled
    end
  end

  defp safe_run(%Regex{re_pattern: compiled, re_version: version} = regex, string, options) do
    if version == @version do
      :re.run(string, compiled, options)
    else
      :re.run(string, run_source(regex), run_options(regex) ++ options)
    end
  end

  defp run_source(%Regex{source: source}), do: source

  defp run_options(%Regex{opts: opts}) when is_list(opts), do: opts

  defp run_options(%Regex{opts: opts}) do
    case translate_options(opts, []) do
      {:error, _} -> []
      translated -> translated
    end
  end

  @doc """
  Splits `string` on the regex's matches. Options: `:parts` (at most that
  many), `:trim` (drop empty parts), `:on` (which groups split, as
  `:capture`), `:include_captures` (keep what matched).
  """
  def split(regex, string, options \\ [])

  def split(%Regex{}, "", options) when is_list(options) do
    if Keyword.get(options, :trim, false), do: [], else: [""]
  end

  def split(%Regex{} = regex, string, options) when is_binary(string) and is_list(options) do
    on = Keyword.get(options, :on, :first)

    case safe_run(regex, string, [:global, {:capture, on}]) do
      {:match, matches} ->
        parts = parts_to_index(Keyword.get(options, :parts, :infinity))
        trim = Keyword.get(options, :trim, false)
        with_captures = Keyword.get(options, :include_captures, false)
        do_split(matches, string, 0, parts, trim, with_captures)

      :match ->
        [string]

      :nomatch ->
        [string]
    end
  end

  defp parts_to_index(:infinity), do: 0
  defp parts_to_index(n) when is_integer(n) and n > 0, do: n

  # The parts of `string` from byte `offset` on; `parts` counts down to 1
  # (the rest, whole), 0 is no limit.
  defp do_split(_, string, offset, _parts, true, _with_captures)
       when byte_size(string) <= offset,
       do: []

  defp do_split(_, string, offset, 1, _trim, _with_captures),
    do: [binary_part(string, offset, byte_size(string) - offset)]

  defp do_split([], string, offset, _parts, _trim, _with_captures),
    do: [binary_part(string, offset, byte_size(string) - offset)]

  defp do_split([[] | rest], string, offset, parts, trim, with_captures),
    do: do_split(rest, string, offset, parts, trim, with_captures)

  defp do_split([[{pos, _} | more] | rest], string, offset, parts, trim, with_captures)
       when pos < offset,
       do: do_split([more | rest], string, offset, parts, trim, with_captures)

  defp do_split([[{pos, len} | more] | rest], string, offset, parts, trim, with_captures) do
    next = pos + len
    keep = pos - offset
    part = binary_part(string, offset, keep)
    match = binary_part(string, pos, len)

    cond do
      keep == 0 and trim and with_captures ->
        [match | do_split([more | rest], string, next, parts - 1, trim, with_captures)]

      keep == 0 and trim ->
        do_split([more | rest], string, next, parts, trim, with_captures)

      with_captures ->
        [part, match | do_split([more | rest], string, next, parts - 1, trim, with_captures)]

      true ->
        [part | do_split([more | rest], string, next, parts - 1, trim, with_captures)]
    end
  end

  @doc """
  Replaces the regex's matches in `string` (all of them, unless `global:
  false`). `replacement` is a string, where `\\\\N` and `\\\\g{N}` stand for
  group N (`\\\\0` the whole match), or a function given the match and its
  groups, as many as its arity.
  """
  def replace(regex, string, replacement, options \\ [])

  def replace(%Regex{} = regex, string, replacement, options)
      when is_binary(string) and is_list(options) do
    opts = if Keyword.get(options, :global) != false, do: [:global], else: []

    case safe_run(regex, string, [{:capture, :all, :index} | opts]) do
      :nomatch ->
        string

      {:match, [first | _] = all} when is_list(first) ->
        apply_replace(string, all, precompile_replacement(replacement), 0, [])

      {:match, one} ->
        apply_replace(string, [one], precompile_replacement(replacement), 0, [])
    end
  end

  defp precompile_replacement(replacement) when is_function(replacement) do
    {:arity, arity} = Function.info(replacement, :arity)
    {:fun, replacement, arity}
  end

  defp precompile_replacement(replacement) when is_binary(replacement) do
    {:parts, parse_replacement(replacement)}
  end

  # The replacement string as a list of texts and group numbers.
  defp parse_replacement(""), do: []

  defp parse_replacement(<<?\\, ?g, ?{, rest::binary>>) when byte_size(rest) > 0 do
    {digits, rest} = take_digits(rest, [])
    {digits, "}" <> rest} = {digits, rest}
    [List.to_integer(digits) | parse_replacement(rest)]
  end

  defp parse_replacement(<<?\\, ?\\, rest::binary>>), do: add_text("\\", parse_replacement(rest))

  defp parse_replacement(<<?\\, d, rest::binary>>) when d in ?0..?9 do
    {digits, rest} = take_digits(rest, [d])
    [List.to_integer(digits) | parse_replacement(rest)]
  end

  defp parse_replacement(<<c, rest::binary>>), do: add_text(<<c>>, parse_replacement(rest))

  defp add_text(text, [head | tail]) when is_binary(head), do: [text <> head | tail]
  defp add_text(text, parts), do: [text | parts]

  defp take_digits(<<d, rest::binary>>, acc) when d in ?0..?9, do: take_digits(rest, [d | acc])
  defp take_digits(rest, acc), do: {:lists.reverse(acc), rest}

  defp apply_replace(string, [], _replacement, offset, acc) do
    rest = binary_part(string, offset, byte_size(string) - offset)
    IO.iodata_to_binary(:lists.reverse([rest | acc]))
  end

  defp apply_replace(string, [[{pos, len} | _] = groups | more], replacement, offset, acc) do
    before = binary_part(string, offset, pos - offset)
    acc = [replacement_text(replacement, string, groups), before | acc]
    apply_replace(string, more, replacement, pos + len, acc)
  end

  defp replacement_text({:fun, fun, arity}, string, groups) do
    apply(fun, group_texts(string, groups, arity))
  end

  defp replacement_text({:parts, parts}, string, groups) do
    Enum.map(parts, fn
      n when is_integer(n) -> group_text(string, Enum.at(groups, n))
      text -> text
    end)
  end

  # The first `count` groups' texts, "" for a group that took no part.
  defp group_texts(_string, _groups, 0), do: []
  defp group_texts(string, [g | gs], n), do: [group_text(string, g) | group_texts(string, gs, n - 1)]
  defp group_texts(string, [], n), do: ["" | group_texts(string, [], n - 1)]

  defp group_text(_string, nil), do: ""
  defp group_text(_string, {pos, _len}) when pos < 0, do: ""
  defp group_text(string, {pos, len}), do: binary_part(string, pos, len)

  @escapable [?., ?^, ?$, ?*, ?+, ??, ?(, ?), ?[, ?], ?{, ?}, ?|, ?#, ?-, ?\\] ++
               [?\s, ?\t, ?\n, ?\v, ?\f, ?\r]

  @doc "Escapes `string` so that it matches itself in a regex."
  def escape(string) when is_binary(string) do
    for <<c <- string>>, into: "" do
      if c in @escapable, do: <<?\\, c>>, else: <<c>>
    end
  end

  @doc false
  # The escapes a `~r` sigil's text takes (the others reach PCRE as written).
  def unescape_map(:newline), do: true
  def unescape_map(?f), do: ?\f
  def unescape_map(?n), do: ?\n
  def unescape_map(?r), do: ?\r
  def unescape_map(?t), do: ?\t
  def unescape_map(?v), do: ?\v
  def unescape_map(?a), do: ?\a
  def unescape_map(_), do: false

  # Modifiers to `:re` options.
  defp translate_options(<<?u, t::binary>>, acc), do: translate_options(t, [:unicode, :ucp | acc])
  defp translate_options(<<?i, t::binary>>, acc), do: translate_options(t, [:caseless | acc])
  defp translate_options(<<?x, t::binary>>, acc), do: translate_options(t, [:extended | acc])
  defp translate_options(<<?f, t::binary>>, acc), do: translate_options(t, [:firstline | acc])
  defp translate_options(<<?U, t::binary>>, acc), do: translate_options(t, [:ungreedy | acc])

  defp translate_options(<<?s, t::binary>>, acc),
    do: translate_options(t, [:dotall, {:newline, :anycrlf} | acc])

  defp translate_options(<<?m, t::binary>>, acc), do: translate_options(t, [:multiline | acc])
  defp translate_options(<<>>, acc), do: acc
  defp translate_options(rest, _acc), do: {:error, rest}
end
