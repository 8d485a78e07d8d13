defmodule String do
  @moduledoc """
  Strings: UTF-8 binaries, seen as graphemes (extended grapheme clusters,
  Unicode 14) or code points. A byte that does not start valid UTF-8 counts
  as one code point and one grapheme.

  The Unicode work (graphemes, case mapping, normalization, whitespace) and
  the searches are built-ins (`:beamlet.string_*`, vm/src/bif/string.rs over
  vm/src/unicode/); the functions, their guards and errors are here.
  """

  @type t :: binary
  @type codepoint :: t
  @type grapheme :: t
  @type pattern :: t | [t] | :binary.cp()

  import Kernel, except: [length: 1, to_charlist: 1]

  @case_modes [:default, :ascii, :greek, :turkic]

  ## Splitting

  @doc "The words of `string`, split at Unicode whitespace (not the no-break spaces)."
  defdelegate split(string), to: String.Break

  @doc """
  `string` split at each match of `pattern` (a string, a list of strings, a
  compiled pattern or a regex). Options: `parts:` (at most that many parts,
  the last one the rest of the string), `trim:` (drop empty parts).
  """
  def split(string, pattern, options \\ [])

  def split(string, %Regex{} = pattern, options) when is_binary(string) and is_list(options),
    do: Regex.split(pattern, string, options)

  def split(string, "", options) when is_binary(string) and is_list(options) do
    parts = parts_to_index(Keyword.get(options, :parts, :infinity))
    trim = Keyword.get(options, :trim, false)
    split_graphemes(string, parts, trim)
  end

  def split(string, [], options) when is_binary(string) and is_list(options) do
    if string == "" and Keyword.get(options, :trim, false), do: [], else: [string]
  end

  def split(string, pattern, options) when is_binary(string) and is_list(options) do
    parts = parts_to_index(Keyword.get(options, :parts, :infinity))
    trim = Keyword.get(options, :trim, false)
    :beamlet.string_split(string, patterns(pattern), parts, trim)
  end

  defp parts_to_index(:infinity), do: 0
  defp parts_to_index(n) when is_integer(n) and n > 0, do: n

  # Split at every grapheme boundary: "", g1, ..., gn, "" (empty parts
  # skipped and not counted with `trim`), the last part the rest.
  defp split_graphemes(string, 1, trim), do: split_graphemes(string, 1, trim, [], 0)
  defp split_graphemes(string, parts, true), do: split_graphemes(string, parts, true, [], 0)
  defp split_graphemes(string, parts, false), do: split_graphemes(string, parts, false, [""], 1)

  defp split_graphemes(rest, parts, trim, acc, count) when parts > 0 and count == parts - 1 do
    if trim and rest == "", do: :lists.reverse(acc), else: :lists.reverse([rest | acc])
  end

  defp split_graphemes(rest, parts, trim, acc, count) do
    case next_grapheme(rest) do
      {g, rest} -> split_graphemes(rest, parts, trim, [g | acc], count + 1)
      nil when trim -> :lists.reverse(acc)
      nil -> :lists.reverse(["" | acc])
    end
  end

  # A pattern as a list of non-empty strings (ArgumentError as :binary's).
  defp patterns(pattern) when is_binary(pattern), do: [pattern]
  defp patterns(pattern) when is_list(pattern), do: pattern
  defp patterns({:bm, list}) when is_list(list), do: list
  defp patterns({:ac, list}) when is_list(list), do: list
  defp patterns(_), do: bad_pattern()

  defp bad_pattern do
    raise ArgumentError,
          "errors were found at the given arguments:\n\n  * 2nd argument: not a valid pattern\n"
  end

  @doc """
  A lazy enumerable of the parts of `string` split at `pattern` (as
  `split/3`; the only option is `trim:`).
  """
  def splitter(string, pattern, options \\ [])

  def splitter(string, %Regex{} = pattern, options) when is_binary(string) and is_list(options),
    do: Regex.split(pattern, string, options)

  def splitter(string, pattern, options) when is_binary(string) and is_list(options) do
    trim = Keyword.get(options, :trim, false)

    state =
      case pattern do
        "" -> {:graphemes_start, string}
        [] -> {:whole, string}
        _ -> {:more, string, checked_patterns(pattern)}
      end

    fn acc, fun -> splitter_reduce(state, trim, acc, fun) end
  end

  defp checked_patterns(pattern) do
    list = patterns(pattern)
    :binary.compile_pattern(list)
    list
  end

  defp splitter_reduce(_state, _trim, {:halt, acc}, _fun), do: {:halted, acc}

  defp splitter_reduce(state, trim, {:suspend, acc}, fun),
    do: {:suspended, acc, &splitter_reduce(state, trim, &1, fun)}

  defp splitter_reduce(state, trim, {:cont, acc}, fun) do
    case splitter_next(state, trim) do
      nil -> {:done, acc}
      {piece, state} -> splitter_reduce(state, trim, fun.(piece, acc), fun)
    end
  end

  defp splitter_next(:done, _trim), do: nil
  defp splitter_next({:whole, ""}, true), do: nil
  defp splitter_next({:whole, string}, _trim), do: {string, :done}
  defp splitter_next({:graphemes_start, string}, true), do: splitter_next({:graphemes, string}, true)
  defp splitter_next({:graphemes_start, string}, false), do: {"", {:graphemes, string}}

  defp splitter_next({:graphemes, string}, trim) do
    case next_grapheme(string) do
      {g, rest} -> {g, {:graphemes, rest}}
      nil when trim -> nil
      nil -> {"", :done}
    end
  end

  defp splitter_next({:more, string, patterns}, trim) do
    case :binary.match(string, patterns) do
      {pos, len} ->
        piece = binary_part(string, 0, pos)
        rest = binary_part(string, pos + len, byte_size(string) - pos - len)

        if trim and piece == "",
          do: splitter_next({:more, rest, patterns}, trim),
          else: {piece, {:more, rest, patterns}}

      :nomatch ->
        if trim and string == "", do: nil, else: {string, :done}
    end
  end

  @doc "`string` split in two at grapheme `position` (from the end when negative)."
  def split_at(string, position) when is_binary(string) and is_integer(position) and position >= 0 do
    split_at_grapheme(string, position)
  end

  def split_at(string, position) when is_binary(string) and is_integer(position) and position < 0 do
    split_at_grapheme(string, max(length(string) + position, 0))
  end

  defp split_at_grapheme(string, position) do
    head = :beamlet.string_slice(string, 0, position)
    size = byte_size(head)
    {head, binary_part(string, size, byte_size(string) - size)}
  end

  ## Case

  @doc "`string` in upper case (modes `:default`, `:ascii`, `:greek`, `:turkic`)."
  def upcase(string, mode \\ :default)

  def upcase(string, :default) when is_binary(string),
    do: :beamlet.string_case(string, :upcase, :default)

  def upcase(string, mode) when is_binary(string) and mode in @case_modes,
    do: :beamlet.string_case(string, :upcase, mode)

  @doc "`string` in lower case (`:greek` gives the final sigma)."
  def downcase(string, mode \\ :default)

  def downcase(string, :default) when is_binary(string),
    do: :beamlet.string_case(string, :downcase, :default)

  def downcase(string, mode) when is_binary(string) and mode in @case_modes,
    do: :beamlet.string_case(string, :downcase, mode)

  @doc "The first character of `string` in title case, the rest in lower case."
  def capitalize(string, mode \\ :default)

  def capitalize(string, :default) when is_binary(string),
    do: :beamlet.string_case(string, :capitalize, :default)

  def capitalize(string, mode) when is_binary(string) and mode in @case_modes,
    do: :beamlet.string_case(string, :capitalize, mode)

  ## Trimming and padding

  @doc "`string` without its leading and trailing whitespace."
  def trim(string) when is_binary(string), do: :beamlet.string_trim_ws(string, :both)

  @doc "`string` without the copies of `to_trim` at both ends."
  def trim(string, to_trim) when is_binary(string) and is_binary(to_trim),
    do: string |> trim_leading(to_trim) |> trim_trailing(to_trim)

  @doc "`string` without its leading whitespace."
  defdelegate trim_leading(string), to: String.Break

  @doc "`string` without the copies of `to_trim` at its start."
  def trim_leading(string, "") when is_binary(string), do: replace_leading(string, "", "")

  def trim_leading(string, to_trim) when is_binary(string) and is_binary(to_trim),
    do: :beamlet.string_trim_str(string, to_trim, :leading)

  @doc "`string` without its trailing whitespace."
  defdelegate trim_trailing(string), to: String.Break

  @doc "`string` without the copies of `to_trim` at its end."
  def trim_trailing(string, "") when is_binary(string), do: replace_trailing(string, "", "")

  def trim_trailing(string, to_trim) when is_binary(string) and is_binary(to_trim),
    do: :beamlet.string_trim_str(string, to_trim, :trailing)

  @doc "`string` padded at its start to `count` graphemes with `padding` (cycled)."
  def pad_leading(string, count, padding \\ [" "])

  def pad_leading(string, count, <<_>> = padding)
      when is_binary(string) and is_integer(count) and count >= 0,
      do: pad(string, count, [padding], true)

  def pad_leading(string, count, padding) when is_binary(padding),
    do: pad_leading(string, count, graphemes(padding))

  def pad_leading(string, count, [_ | _] = padding)
      when is_binary(string) and is_integer(count) and count >= 0,
      do: pad(string, count, padding, true)

  @doc "`string` padded at its end to `count` graphemes with `padding` (cycled)."
  def pad_trailing(string, count, padding \\ [" "])

  def pad_trailing(string, count, <<_>> = padding)
      when is_binary(string) and is_integer(count) and count >= 0,
      do: pad(string, count, [padding], false)

  def pad_trailing(string, count, padding) when is_binary(padding),
    do: pad_trailing(string, count, graphemes(padding))

  def pad_trailing(string, count, [_ | _] = padding)
      when is_binary(string) and is_integer(count) and count >= 0,
      do: pad(string, count, padding, false)

  defp pad(string, count, padding, leading) do
    case :beamlet.string_pad(string, count, padding, leading) do
      {:bad, element} ->
        raise ArgumentError, "expected a string padding element, got: #{inspect(element)}"

      padded ->
        padded
    end
  end

  ## Replacing

  @doc """
  `subject` with the matches of `pattern` (a string, a list of strings, a
  compiled pattern or a regex) replaced by `replacement` (a string, or a
  function given each match). `global: false` replaces the first only.
  """
  def replace(subject, pattern, replacement, options \\ [])
      when is_binary(subject) and
             (is_binary(replacement) or is_function(replacement, 1)) and
             is_list(options) do
    global = Keyword.get(options, :global, true)

    case pattern do
      %Regex{} ->
        Regex.replace(pattern, subject, replacement, global: global)

      "" ->
        replace_empty(subject, replacement, global)

      [] ->
        subject

      _ when is_binary(replacement) ->
        :beamlet.string_replace(subject, patterns(pattern), replacement, global)

      _ ->
        list = patterns(pattern)

        matches =
          if global do
            :binary.matches(subject, list)
          else
            case :binary.match(subject, list) do
              :nomatch -> []
              found -> [found]
            end
          end

        replace_matches(subject, matches, replacement, 0, [])
    end
  end

  defp replace_empty(subject, replacement, global) do
    r = if is_binary(replacement), do: replacement, else: IO.iodata_to_binary(replacement.(""))

    if global do
      IO.iodata_to_binary([r | Enum.map(graphemes(subject), &[&1 | r])])
    else
      r <> subject
    end
  end

  defp replace_matches(subject, [], _fun, at, acc),
    do: IO.iodata_to_binary(:lists.reverse(acc, [binary_part(subject, at, byte_size(subject) - at)]))

  defp replace_matches(subject, [{pos, len} | rest], fun, at, acc) do
    before = binary_part(subject, at, pos - at)
    found = binary_part(subject, pos, len)
    replace_matches(subject, rest, fun, pos + len, [fun.(found), before | acc])
  end

  @doc "`string` with each leading copy of `match` replaced by `replacement`."
  def replace_leading(string, match, replacement)
      when is_binary(string) and is_binary(match) and is_binary(replacement) do
    if match == "", do: raise(ArgumentError, "cannot use an empty string as the match to replace")

    case count_leading(string, match, byte_size(match), 0) do
      {0, _} -> string
      {_, rest} when replacement == "" -> rest
      {count, rest} -> IO.iodata_to_binary([:lists.duplicate(count, replacement) | rest])
    end
  end

  defp count_leading(string, match, size, count) do
    case string do
      <<^match::binary-size(size), rest::binary>> -> count_leading(rest, match, size, count + 1)
      _ -> {count, string}
    end
  end

  @doc "`string` with each trailing copy of `match` replaced by `replacement`."
  def replace_trailing(string, match, replacement)
      when is_binary(string) and is_binary(match) and is_binary(replacement) do
    if match == "", do: raise(ArgumentError, "cannot use an empty string as the match to replace")

    case count_trailing(string, match, byte_size(match), byte_size(string), 0) do
      {0, _} -> string
      {_, size} when replacement == "" -> binary_part(string, 0, size)
      {count, size} -> IO.iodata_to_binary([binary_part(string, 0, size) | :lists.duplicate(count, replacement)])
    end
  end

  defp count_trailing(string, match, msize, size, count) do
    if size >= msize and binary_part(string, size - msize, msize) == match,
      do: count_trailing(string, match, msize, size - msize, count + 1),
      else: {count, size}
  end

  @doc "`string` with `match` at its start replaced by `replacement`, if it is there."
  def replace_prefix(string, match, replacement)
      when is_binary(string) and is_binary(match) and is_binary(replacement) do
    size = byte_size(match)

    case string do
      <<^match::binary-size(size), rest::binary>> -> replacement <> rest
      _ -> string
    end
  end

  @doc "`string` with `match` at its end replaced by `replacement`, if it is there."
  def replace_suffix(string, match, replacement)
      when is_binary(string) and is_binary(match) and is_binary(replacement) do
    size = byte_size(string) - byte_size(match)

    if size >= 0 and binary_part(string, size, byte_size(match)) == match,
      do: binary_part(string, 0, size) <> replacement,
      else: string
  end

  @doc "`subject` repeated `n` times."
  def duplicate(subject, n), do: :binary.copy(subject, n)

  ## Graphemes and code points

  @doc "The graphemes in reverse order."
  def reverse(string) when is_binary(string), do: :beamlet.string_reverse(string)

  @doc "The code points of `string`, each as a string."
  def codepoints(string) when is_binary(string), do: :beamlet.string_codepoints(string)

  @doc "The graphemes of `string`."
  def graphemes(string) when is_binary(string), do: :beamlet.string_graphemes(string)

  @doc "The first code point and the rest, or `nil` for `\"\"`."
  def next_codepoint(<<cp::utf8, rest::binary>>), do: {<<cp::utf8>>, rest}
  def next_codepoint(<<byte, rest::binary>>), do: {<<byte>>, rest}
  def next_codepoint(<<>>), do: nil

  @doc "The first grapheme and the rest, or `nil` for `\"\"`."
  def next_grapheme(string) when is_binary(string) do
    case :beamlet.string_next_grapheme_size(string) do
      0 -> nil
      size -> {binary_part(string, 0, size), binary_part(string, size, byte_size(string) - size)}
    end
  end

  @doc false
  @deprecated "Use String.next_grapheme/1 instead"
  def next_grapheme_size(string) when is_binary(string) do
    case :beamlet.string_next_grapheme_size(string) do
      0 -> nil
      size -> {size, binary_part(string, size, byte_size(string) - size)}
    end
  end

  @doc "The first grapheme, or `nil`."
  def first(string) when is_binary(string) do
    case next_grapheme(string) do
      {g, _} -> g
      nil -> nil
    end
  end

  @doc "The last grapheme, or `nil`."
  def last(""), do: nil
  def last(string) when is_binary(string), do: :lists.last(graphemes(string))

  @doc "The number of graphemes."
  def length(string) when is_binary(string), do: :beamlet.string_length(string)

  @doc "The grapheme at `position` (from the end when negative), or `nil`."
  def at(string, position) when is_binary(string) and is_integer(position) and position >= 0 do
    case :beamlet.string_slice(string, position, 1) do
      "" -> nil
      g -> g
    end
  end

  def at(string, position) when is_binary(string) and is_integer(position) and position < 0 do
    case length(string) + position do
      index when index < 0 -> nil
      index -> :beamlet.string_slice(string, index, 1)
    end
  end

  @doc "The `length` graphemes from `start` (counted from the end when negative)."
  def slice(string, start, length)
      when is_binary(string) and is_integer(start) and is_integer(length) and length >= 0 do
    if start >= 0,
      do: :beamlet.string_slice(string, start, length),
      else: :beamlet.string_slice(string, max(length(string) + start, 0), length)
  end

  @doc "The graphemes of `string` in `range` (negative ends count from the end)."
  def slice(string, %Range{first: first, last: last, step: step} = range) when is_binary(string) do
    cond do
      step > 0 -> slice_range(string, first, last, step)
      step == -1 and first > last -> slice_range(string, first, last, 1)
      true -> raise ArgumentError, "String.slice/2 does not accept ranges with negative steps, got: #{inspect(range)}"
    end
  end

  # A range built before steps existed (a map without `:step`): its step
  # is 1, or -1 when it counts down.
  def slice(string, %{__struct__: Range, first: first, last: last} = range)
      when is_binary(string) do
    step = if first <= last, do: 1, else: -1
    slice(string, Map.put(range, :step, step))
  end

  defp slice_range(string, first, last, step) do
    {first, last} =
      if first < 0 or last < 0 do
        len = length(string)
        {if(first < 0, do: max(len + first, 0), else: first), if(last < 0, do: len + last, else: last)}
      else
        {first, last}
      end

    if last < first do
      ""
    else
      part = :beamlet.string_slice(string, first, last - first + 1)
      if step == 1, do: part, else: take_every(graphemes(part), step)
    end
  end

  defp take_every(graphemes, step), do: IO.iodata_to_binary(take_every(graphemes, step, 0))

  defp take_every([], _step, _skip), do: []
  defp take_every([g | rest], step, 0), do: [g | take_every(rest, step, step - 1)]
  defp take_every([_ | rest], step, skip), do: take_every(rest, step, skip - 1)

  ## Searching

  @doc "Whether `string` starts with `prefix` (or one of a list)."
  def starts_with?(string, prefix) when is_binary(string) and is_binary(prefix),
    do: binary_part(string, 0, min(byte_size(prefix), byte_size(string))) == prefix

  def starts_with?(string, prefixes) when is_binary(string) and is_list(prefixes),
    do: Enum.any?(prefixes, &starts_with?(string, checked(&1)))

  def starts_with?(string, pattern) when is_binary(string),
    do: starts_with?(string, patterns(pattern))

  @doc "Whether `string` ends with `suffix` (or one of a list)."
  def ends_with?(string, suffix) when is_binary(string) and is_binary(suffix) do
    size = byte_size(string) - byte_size(suffix)
    size >= 0 and binary_part(string, size, byte_size(suffix)) == suffix
  end

  def ends_with?(string, suffixes) when is_binary(string) and is_list(suffixes),
    do: Enum.any?(suffixes, &ends_with?(string, checked(&1)))

  def ends_with?(string, pattern) when is_binary(string),
    do: ends_with?(string, patterns(pattern))

  defp checked(pattern) when is_binary(pattern), do: pattern
  defp checked(_), do: bad_pattern()

  @doc "Whether `string` contains `contents` (a string, a list of them, or a compiled pattern)."
  def contains?(string, "") when is_binary(string), do: true
  def contains?(string, []) when is_binary(string), do: false

  def contains?(string, contents) when is_binary(string) and is_list(contents),
    do: "" in contents or :binary.match(string, contents) != :nomatch

  def contains?(string, contents) when is_binary(string),
    do: :binary.match(string, contents) != :nomatch

  @doc "Whether `string` matches `regex`."
  def match?(string, regex) when is_binary(string), do: Regex.match?(regex, string)

  ## Checks

  @doc "Whether `string` is valid UTF-8."
  def valid?(string) when is_binary(string), do: :beamlet.string_valid(string)
  def valid?(_), do: false

  @doc false
  @deprecated "Use String.valid?/1 instead"
  def valid_character?(<<_::utf8>> = codepoint), do: valid?(codepoint)
  def valid_character?(_), do: false

  @doc """
  Whether the first `limit` characters of `string` are printable: valid
  UTF-8, no control characters but `\\a\\b\\t\\n\\v\\f\\r\\e` and DEL.
  """
  def printable?(string, limit \\ :infinity)

  def printable?(string, limit)
      when is_binary(string) and (limit == :infinity or (is_integer(limit) and limit >= 0)),
      do: :beamlet.string_printable(string, limit)

  @doc "`string` cut into runs of code points that all have `trait` (`:valid` or `:printable`) or all lack it."
  def chunk(string, trait) when is_binary(string) and trait in [:valid, :printable] do
    case codepoints(string) do
      [] -> []
      [cp | rest] -> chunk(rest, trait, has_trait?(cp, trait), [cp], [])
    end
  end

  defp chunk([], _trait, _flag, run, acc),
    do: :lists.reverse([IO.iodata_to_binary(:lists.reverse(run)) | acc])

  defp chunk([cp | rest], trait, flag, run, acc) do
    case has_trait?(cp, trait) do
      ^flag -> chunk(rest, trait, flag, [cp | run], acc)
      other -> chunk(rest, trait, other, [cp], [IO.iodata_to_binary(:lists.reverse(run)) | acc])
    end
  end

  defp has_trait?(cp, :valid), do: valid?(cp)
  defp has_trait?(cp, :printable), do: printable?(cp)

  ## Unicode equivalence

  @doc "`string` in normalization form `:nfd`, `:nfc`, `:nfkd` or `:nfkc`."
  def normalize(string, form) when is_binary(string) and form in [:nfd, :nfc, :nfkd, :nfkc],
    do: :beamlet.string_normalize(string, form)

  @doc "Whether the two strings are canonically equivalent."
  def equivalent?(string1, string2) when is_binary(string1) and is_binary(string2),
    do: normalize(string1, :nfd) == normalize(string2, :nfd)

  ## Conversions

  @doc "The atom named `string`."
  def to_atom(string), do: :beamlet.string_to_atom(string, false)

  @doc "The atom named `string`, if it already exists."
  def to_existing_atom(string), do: :beamlet.string_to_atom(string, true)

  @doc "The code points of `string` as a charlist."
  def to_charlist(string) when is_binary(string) do
    case :beamlet.string_to_charlist(string) do
      list when is_list(list) ->
        list

      {kind, rest} ->
        :erlang.error(%{
          __struct__: UnicodeConversionError,
          __exception__: true,
          encoded: rest,
          message: "#{kind} encoding starting at #{inspect(rest)}"
        })
    end
  end

  @doc false
  @deprecated "Use String.to_charlist/1 instead"
  def to_char_list(string), do: to_charlist(string)

  @doc "The integer `string` writes."
  def to_integer(string), do: :beamlet.string_to_integer(string, 10)

  @doc "The integer `string` writes in `base`."
  def to_integer(string, base), do: :beamlet.string_to_integer(string, base)

  @doc "The float `string` writes (digits, a dot, digits, an optional exponent)."
  def to_float(string), do: :beamlet.string_to_float(string)

  ## Distances

  @doc "The Jaro distance (similarity, 0.0 to 1.0) between two strings, over their graphemes."
  def jaro_distance(string1, string2) when is_binary(string1) and is_binary(string2) do
    cond do
      string1 == string2 ->
        1.0

      string1 == "" or string2 == "" ->
        0.0

      true ->
        g1 = graphemes(string1)
        g2 = graphemes(string2)
        {len1, len2} = {Kernel.length(g1), Kernel.length(g2)}
        window = max(div(max(len1, len2), 2) - 1, 0)
        {matched1, used2} = jaro_matches(Enum.with_index(g1), List.to_tuple(g2), window, %{}, [])

        case Kernel.length(matched1) do
          0 ->
            0.0

          m ->
            matched2 = for {g, i} <- Enum.with_index(g2), Map.has_key?(used2, i), do: g
            half = Enum.zip(matched1, matched2) |> Enum.count(fn {a, b} -> a != b end)
            (m / len1 + m / len2 + (m - div(half, 2)) / m) / 3
        end
    end
  end

  # The graphemes of the first string that match one of the second within
  # `window` positions, each of the second's used once (in order).
  defp jaro_matches([], _g2, _window, used, acc), do: {:lists.reverse(acc), used}

  defp jaro_matches([{g, i} | rest], g2, window, used, acc) do
    from = max(i - window, 0)
    to = min(i + window, tuple_size(g2) - 1)

    found =
      if from <= to do
        Enum.find(from..to, fn j -> not Map.has_key?(used, j) and elem(g2, j) == g end)
      end

    case found do
      nil -> jaro_matches(rest, g2, window, used, acc)
      j -> jaro_matches(rest, g2, window, Map.put(used, j, true), [g | acc])
    end
  end

  @doc """
  The bag distance (similarity, 0.0 to 1.0): one minus the larger of the
  two multiset differences of the graphemes over the longer length.
  """
  def bag_distance(_string, ""), do: 0.0
  def bag_distance("", _string), do: 0.0

  def bag_distance(string1, string2) when is_binary(string1) and is_binary(string2) do
    {bag1, len1} = bag(string1)
    {bag2, len2} = bag(string2)
    1 - max(bag_difference(bag1, bag2), bag_difference(bag2, bag1)) / max(len1, len2)
  end

  defp bag(string) do
    Enum.reduce(graphemes(string), {%{}, 0}, fn g, {bag, n} ->
      {Map.update(bag, g, 1, &(&1 + 1)), n + 1}
    end)
  end

  defp bag_difference(bag1, bag2) do
    Enum.reduce(bag1, 0, fn {g, n}, sum -> sum + max(n - Map.get(bag2, g, 0), 0) end)
  end

  @doc "The edit script turning `string1` into `string2`: `{:eq | :ins | :del, string}` runs."
  def myers_difference(string1, string2) when is_binary(string1) and is_binary(string2) do
    graphemes(string1)
    |> List.myers_difference(graphemes(string2))
    |> Enum.map(fn {kind, chars} -> {kind, IO.iodata_to_binary(chars)} end)
  end

  ## Deprecated

  @doc false
  @deprecated "Use String.pad_trailing/2 instead"
  def ljust(subject, length), do: pad_trailing(subject, length)

  @doc false
  @deprecated "Use String.pad_trailing/3 with a binary padding instead"
  def ljust(subject, length, pad) when is_integer(pad), do: pad_trailing(subject, length, <<pad::utf8>>)

  @doc false
  @deprecated "Use String.pad_leading/2 instead"
  def rjust(subject, length), do: pad_leading(subject, length)

  @doc false
  @deprecated "Use String.pad_leading/3 with a binary padding instead"
  def rjust(subject, length, pad) when is_integer(pad), do: pad_leading(subject, length, <<pad::utf8>>)

  @doc false
  @deprecated "Use String.trim_leading/1 instead"
  def lstrip(binary), do: trim_leading(binary)

  @doc false
  @deprecated "Use String.trim_leading/2 with a binary as second argument instead"
  def lstrip(string, char) when is_integer(char), do: replace_leading(string, <<char::utf8>>, "")

  @doc false
  @deprecated "Use String.trim_trailing/1 instead"
  def rstrip(binary), do: trim_trailing(binary)

  @doc false
  @deprecated "Use String.trim_trailing/2 with a binary as second argument instead"
  def rstrip(string, char) when is_integer(char), do: replace_trailing(string, <<char::utf8>>, "")

  @doc false
  @deprecated "Use String.trim/1 instead"
  def strip(string), do: trim(string)

  @doc false
  @deprecated "Use String.trim/2 with a binary as second argument instead"
  def strip(string, char), do: trim(string, <<char::utf8>>)
end
