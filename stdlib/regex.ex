defmodule Regex do
  @moduledoc """
  Regular expressions, PCRE-style, over Erlang's `:re` (built into beamlet
  on the `fancy-regex` crate). `~r/pattern/modifiers` builds one at compile
  time; the modifiers are `i` (caseless), `m` (multiline), `s` (dotall),
  `x` (extended), `u` (unicode), `f` (firstline) and `U` (ungreedy).
  """

  defstruct re_pattern: nil, source: "", opts: "", re_version: ""

  @version {"beamlet fancy-regex 0.20", :little}

  @doc "Compiles `source` with modifiers (a string) or `:re` options (a list)."
  def compile(source, options \\ "")

  def compile(source, options) when is_binary(source) and is_binary(options) do
    case translate_options(options, []) do
      {:error, _} = error -> error
      translated -> compile(source, translated, options)
    end
  end

  def compile(source, options) when is_binary(source) and is_list(options) do
    compile(source, options, options)
  end

  defp compile(source, opts, doc_opts) do
    case :re.compile(source, opts) do
      {:ok, re_pattern} ->
        {:ok, %Regex{re_pattern: re_pattern, re_version: @version, source: source, opts: doc_opts}}

      error ->
        error
    end
  end

  @doc "Compiles the regular expression, raising `Regex.CompileError` if it is invalid."
  def compile!(source, options \\ "") when is_binary(source) do
    case compile(source, options) do
      {:ok, regex} -> regex
      {:error, {:invalid_option, o}} -> raise Regex.CompileError, "invalid option #{inspect(o)}"
      {:error, {reason, at}} -> raise Regex.CompileError, "#{reason} at position #{at}"
    end
  end

  @doc "Recompiles a regex made by another version of the engine."
  def recompile(%Regex{re_version: @version} = regex), do: {:ok, regex}

  def recompile(%Regex{source: source, opts: opts}), do: compile(source, opts)

  def recompile!(regex) do
    case recompile(regex) do
      {:ok, regex} -> regex
      {:error, {reason, at}} -> raise Regex.CompileError, "#{reason} at position #{at}"
    end
  end

  @doc "The version of the regular expression engine."
  def version, do: @version

  @doc false
  def regex?(term)
  def regex?(%Regex{}), do: true
  def regex?(_), do: false

  @doc "Whether `string` matches the regex."
  def match?(%Regex{re_pattern: compiled}, string) when is_binary(string) do
    :re.run(string, compiled, [{:capture, :none}]) == :match
  end

  @doc """
  The first match of the regex in `string`: the whole match then each group,
  or `nil`. Options: `:return` (`:binary` or `:index`), `:capture` (`:all`,
  `:first`, `:all_but_first`, `:none`, `:all_names` or a list), `:offset`.
  """
  def run(regex, string, options \\ [])

  def run(%Regex{re_pattern: compiled} = regex, string, options) when is_binary(string) do
    return = Keyword.get(options, :return, :binary)
    captures = captures(regex, Keyword.get(options, :capture, :all))
    offset = Keyword.get(options, :offset, 0)

    case :re.run(string, compiled, [{:capture, captures, return}, {:offset, offset}]) do
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
      results -> Map.new(zip(names, results))
    end
  end

  defp zip([n | ns], [r | rs]), do: [{n, r} | zip(ns, rs)]
  defp zip(_, _), do: []

  @doc "The regex's source."
  def source(%Regex{source: source}), do: source

  @doc "The regex's modifiers (or options)."
  def opts(%Regex{opts: opts}), do: opts

  @doc "The compiled pattern, for `:re`."
  def re_pattern(%Regex{re_pattern: compiled}), do: compiled

  @doc "The names of the regex's named groups, sorted."
  def names(%Regex{re_pattern: compiled}) do
    {:namelist, names} = :re.inspect(compiled, :namelist)
    names
  end

  @doc "Every match of the regex in `string`, each as `run/3` gives it."
  def scan(regex, string, options \\ [])

  def scan(%Regex{re_pattern: compiled} = regex, string, options) when is_binary(string) do
    return = Keyword.get(options, :return, :binary)
    captures = captures(regex, Keyword.get(options, :capture, :all))
    offset = Keyword.get(options, :offset, 0)

    case :re.run(string, compiled, [:global, {:capture, captures, return}, {:offset, offset}]) do
      :match -> []
      :nomatch -> []
      {:match, results} -> results
    end
  end

  defp captures(regex, :all_names), do: names(regex)
  defp captures(_regex, captures), do: captures

  @doc """
  Splits `string` on the regex's matches. Options: `:parts` (at most that
  many), `:trim` (drop empty parts), `:on` (which groups split, as
  `:capture`), `:include_captures` (keep what matched).
  """
  def split(regex, string, options \\ [])

  def split(%Regex{}, "", options) do
    if Keyword.get(options, :trim, false), do: [], else: [""]
  end

  def split(%Regex{re_pattern: compiled} = regex, string, options) when is_binary(string) do
    on = captures(regex, Keyword.get(options, :on, :first))

    case :re.run(string, compiled, [:global, {:capture, on}]) do
      {:match, matches} ->
        parts =
          case Keyword.get(options, :parts, :infinity) do
            :infinity -> 0
            n when is_integer(n) and n > 0 -> n
          end

        trim = Keyword.get(options, :trim, false)
        with_captures = Keyword.get(options, :include_captures, false)
        do_split(matches, string, 0, parts, trim, with_captures)

      _ ->
        [string]
    end
  end

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
    tail = do_split([more | rest], string, next, parts - 1, trim, with_captures)

    cond do
      keep == 0 and trim and with_captures ->
        [match | do_split([more | rest], string, next, parts, trim, with_captures)]

      keep == 0 and trim ->
        do_split([more | rest], string, next, parts, trim, with_captures)

      with_captures ->
        [part, match | tail]

      true ->
        [part | tail]
    end
  end

  @doc """
  Replaces the regex's matches in `string` (all of them, unless `global:
  false`). `replacement` is a string, where `\\N` and `\\g{N}` stand for
  group N (`\\0` the whole match), or a function given the match and its
  groups, as many as its arity.
  """
  def replace(regex, string, replacement, options \\ [])

  def replace(%Regex{re_pattern: compiled}, string, replacement, options)
      when is_binary(string) and (is_binary(replacement) or is_function(replacement)) do
    opts = if Keyword.get(options, :global) != false, do: [:global], else: []

    case :re.run(string, compiled, [{:capture, :all, :index} | opts]) do
      :nomatch ->
        string

      {:match, [first | _] = all} when is_list(first) ->
        apply_replace(string, all, prepare(replacement), 0, [])

      {:match, one} ->
        apply_replace(string, [one], prepare(replacement), 0, [])
    end
  end

  @digits ~w(0 1 2 3 4 5 6 7 8 9)

  defp prepare(replacement) when is_function(replacement) do
    {:fun, replacement, arity(replacement)}
  end

  defp prepare(replacement), do: {:parts, parse_replacement(replacement, "", [])}

  defp arity(fun) do
    {:arity, n} = Function.info(fun, :arity)
    n
  end

  # The replacement string as parts: text, and {:group, n}.
  defp parse_replacement("", text, acc), do: Enum.reverse(push_text(text, acc))

  defp parse_replacement("\\g{" <> rest, text, acc) do
    case Integer.parse(rest) do
      {n, "}" <> rest} -> parse_replacement(rest, "", [{:group, n} | push_text(text, acc)])
      _ -> parse_replacement(rest, text <> "\\g{", acc)
    end
  end

  defp parse_replacement("\\\\" <> rest, text, acc), do: parse_replacement(rest, text <> "\\", acc)

  defp parse_replacement("\\" <> rest, text, acc) do
    if String.first(rest) in @digits do
      {n, rest} = Integer.parse(rest)
      parse_replacement(rest, "", [{:group, n} | push_text(text, acc)])
    else
      parse_replacement(rest, text <> "\\", acc)
    end
  end

  defp parse_replacement(string, text, acc) do
    {char, rest} = String.split_at(string, 1)
    parse_replacement(rest, text <> char, acc)
  end

  defp push_text("", acc), do: acc
  defp push_text(text, acc), do: [text | acc]

  defp apply_replace(string, [], _replacement, offset, acc) do
    rest = binary_part(string, offset, byte_size(string) - offset)
    IO.iodata_to_binary(Enum.reverse([rest | acc]))
  end

  defp apply_replace(string, [[{pos, len} | _] = groups | more], replacement, offset, acc) do
    before = binary_part(string, offset, pos - offset)
    texts = Enum.map(groups, fn {p, l} -> if p < 0, do: "", else: binary_part(string, p, l) end)
    acc = [replacement_text(replacement, texts), before | acc]
    apply_replace(string, more, replacement, pos + len, acc)
  end

  defp replacement_text({:fun, fun, arity}, texts) do
    apply(fun, pad(texts, arity))
  end

  defp replacement_text({:parts, parts}, texts) do
    Enum.map(parts, fn
      {:group, n} -> Enum.at(texts, n, "")
      text -> text
    end)
  end

  defp pad(_texts, 0), do: []
  defp pad([t | ts], n), do: [t | pad(ts, n - 1)]
  defp pad([], n), do: ["" | pad([], n - 1)]

  @special [".", "^", "$", "*", "+", "?", "(", ")", "[", "]", "{", "}", "|", "#", "-", "\\"] ++
             [" ", "\t", "\n", "\v", "\f", "\r"]

  @doc "Escapes `string` so it matches itself in a regex."
  def escape(string) when is_binary(string) do
    string
    |> String.graphemes()
    |> Enum.map(fn c -> if c in @special, do: "\\" <> c, else: c end)
    |> IO.iodata_to_binary()
  end

  # Modifiers to `:re` options.
  defp translate_options("u" <> rest, acc), do: translate_options(rest, [:unicode, :ucp | acc])
  defp translate_options("i" <> rest, acc), do: translate_options(rest, [:caseless | acc])
  defp translate_options("x" <> rest, acc), do: translate_options(rest, [:extended | acc])
  defp translate_options("f" <> rest, acc), do: translate_options(rest, [:firstline | acc])
  defp translate_options("U" <> rest, acc), do: translate_options(rest, [:ungreedy | acc])
  defp translate_options("s" <> rest, acc), do: translate_options(rest, [:dotall, {:newline, :anycrlf} | acc])
  defp translate_options("m" <> rest, acc), do: translate_options(rest, [:multiline | acc])
  defp translate_options("", acc), do: acc
  defp translate_options(rest, _acc), do: {:error, {:invalid_option, rest}}
end
