# Erlang/OTP 25's `:string` module, written in the language: the Unicode
# API (`trim`, `split`, `lexemes`, `pad`, `find`, `replace`, `length`,
# `slice`, `reverse`, `uppercase`, `to_integer`, `take`, `equal`, ...) and
# the old list API (`tokens`, `join`, `to_lower`, `strip`, `substr`,
# `left`, `centre`, `words`, ...).
#
# Strings are chardata. A binary argument gives binary results; a list
# gives charlists (OTP may return deeper chardata holding the same
# characters, e.g. for a list of binaries); `pad/2,3,4` and `replace/3,4`
# return OTP's nested forms. Characters are code points here (OTP works
# on grapheme clusters, which differ only for combining sequences).
defmodule :string do
  @moduledoc false

  @ws [?\s, ?\t, ?\n, ?\r, ?\v, ?\f, 0x85, 0x200E, 0x200F, 0x2028, 0x2029]

  ## Helpers: chardata in, the input's kind out

  defp chars(s) when is_binary(s), do: String.to_charlist(s)
  defp chars(s) when is_list(s), do: s |> IO.chardata_to_string() |> String.to_charlist()
  defp chars(s) when is_integer(s), do: [s]

  defp back(cs, orig) when is_binary(orig), do: List.to_string(cs)
  defp back(cs, _orig), do: cs

  defp seps(list) when is_list(list), do: Enum.map(list, fn
    [c] -> c
    c -> c
  end)

  ## The Unicode API

  @doc "Whether `s` has no characters."
  def is_empty(s), do: chars(s) == []

  @doc "The number of characters."
  def length(s), do: Kernel.length(chars(s))

  @doc "The characters as a list."
  def to_graphemes(s), do: chars(s)

  @doc "The characters in reverse order (a list)."
  def reverse(s), do: :lists.reverse(chars(s))

  @doc "`[char | rest]`, or `[]` at the end."
  def next_grapheme(s), do: next_codepoint(s)

  @doc "`[char | rest]`, or `[]` at the end."
  def next_codepoint(s) when is_binary(s) do
    case s do
      <<c::utf8, rest::binary>> -> [c | rest]
      "" -> []
      _ -> {:error, s}
    end
  end

  def next_codepoint(s) do
    case chars(s) do
      [c | rest] -> [c | rest]
      [] -> []
    end
  end

  @doc "The characters `start..start+len-1` (0-based)."
  def slice(s, start), do: slice(s, start, :infinity)

  def slice(s, start, len) do
    cs = Enum.drop(chars(s), start)
    cs = if len == :infinity, do: cs, else: Enum.take(cs, len)
    back(cs, s)
  end

  @doc "`s` without whitespace at both ends."
  def trim(s), do: trim(s, :both)

  @doc "`s` without whitespace at the `:leading`, `:trailing` or `:both` ends."
  def trim(s, dir), do: trim(s, dir, @ws ++ [[?\r, ?\n]])

  @doc "`s` without the characters `set` at the given ends."
  def trim(s, dir, set) do
    set = seps(set)
    cs = chars(s)
    cs = if dir in [:leading, :both], do: Enum.drop_while(cs, &(&1 in set)), else: cs

    cs =
      if dir in [:trailing, :both],
        do: cs |> :lists.reverse() |> Enum.drop_while(&(&1 in set)) |> :lists.reverse(),
        else: cs

    back(cs, s)
  end

  @doc "`s` without one trailing newline (`\\n` or `\\r\\n`)."
  def chomp(s) do
    cs = chars(s)

    cs =
      case :lists.reverse(cs) do
        [?\n, ?\r | rest] -> :lists.reverse(rest)
        [?\n | rest] -> :lists.reverse(rest)
        _ -> cs
      end

    back(cs, s)
  end

  @doc "`s` split at the first (`:leading`), last (`:trailing`) or every (`:all`) `pattern`."
  def split(s, pattern), do: split(s, pattern, :leading)

  def split(s, pattern, where) do
    cs = chars(s)
    pat = chars(pattern)

    parts =
      cond do
        pat == [] -> [cs]
        where == :all -> split_all(cs, pat, [], [])
        where == :leading -> split_first(cs, pat)
        where == :trailing -> split_last(cs, pat)
      end

    Enum.map(parts, &back(&1, s))
  end

  defp split_all([], _pat, cur, acc), do: :lists.reverse([:lists.reverse(cur) | acc])

  defp split_all(cs, pat, cur, acc) do
    if :lists.prefix(pat, cs),
      do: split_all(Enum.drop(cs, Kernel.length(pat)), pat, [], [:lists.reverse(cur) | acc]),
      else: split_all(tl(cs), pat, [hd(cs) | cur], acc)
  end

  defp split_first(cs, pat) do
    case find_at(cs, pat, 0) do
      nil -> [cs]
      i -> [Enum.take(cs, i), Enum.drop(cs, i + Kernel.length(pat))]
    end
  end

  defp split_last(cs, pat) do
    case last_at(cs, pat) do
      nil -> [cs]
      i -> [Enum.take(cs, i), Enum.drop(cs, i + Kernel.length(pat))]
    end
  end

  defp find_at([], _pat, _i), do: nil

  defp find_at(cs, pat, i) do
    if :lists.prefix(pat, cs), do: i, else: find_at(tl(cs), pat, i + 1)
  end

  defp last_at(cs, pat) do
    n = Kernel.length(pat)

    case find_at(:lists.reverse(cs), :lists.reverse(pat), 0) do
      nil -> nil
      j -> Kernel.length(cs) - j - n
    end
  end

  @doc "The parts of `s` between runs of the separator characters."
  def lexemes(s, separators) do
    set = seps(separators)
    cs = chars(s)
    cs = collapse_crlf(cs, set)

    cs
    |> chunk_by_set(set, [], [])
    |> Enum.map(&back(&1, s))
  end

  # `[?\r, ?\n]` among the separators matches CR LF as one.
  defp collapse_crlf(cs, _set), do: cs

  defp chunk_by_set([], _set, [], acc), do: :lists.reverse(acc)
  defp chunk_by_set([], _set, cur, acc), do: :lists.reverse([:lists.reverse(cur) | acc])

  defp chunk_by_set([c | rest], set, cur, acc) do
    cond do
      c in set or (c == ?\r and [?\r, ?\n] in set) or (c == ?\n and [?\r, ?\n] in set) ->
        if cur == [],
          do: chunk_by_set(rest, set, [], acc),
          else: chunk_by_set(rest, set, [], [:lists.reverse(cur) | acc])

      true ->
        chunk_by_set(rest, set, [c | cur], acc)
    end
  end

  @doc "The `n`th lexeme (1-based)."
  def nth_lexeme(s, n, separators) do
    case Enum.at(lexemes(s, separators), n - 1) do
      nil -> back([], s)
      lexeme -> lexeme
    end
  end

  @doc "`s` from the first (or last) occurrence of `pattern`, or `:nomatch`."
  def find(s, pattern), do: find(s, pattern, :leading)

  def find(s, pattern, dir) do
    cs = chars(s)
    pat = chars(pattern)

    i =
      cond do
        pat == [] -> 0
        dir == :trailing -> last_at(cs, pat)
        true -> find_at(cs, pat, 0)
      end

    if i == nil, do: :nomatch, else: back(Enum.drop(cs, i), s)
  end

  @doc "`s` with the first (`:leading`), last (`:trailing`) or every (`:all`) `pattern` replaced (OTP's list of parts)."
  def replace(s, pattern, replacement), do: replace(s, pattern, replacement, :leading)

  def replace(s, pattern, replacement, where) do
    s
    |> split(pattern, where)
    |> intersperse(replacement)
  end

  defp intersperse([a, b | rest], sep), do: [a, sep | intersperse([b | rest], sep)]
  defp intersperse(list, _sep), do: list

  @doc "`s` padded with spaces to `length` characters at its end."
  def pad(s, length), do: pad(s, length, :trailing, ?\s)
  def pad(s, length, dir), do: pad(s, length, dir, ?\s)

  @doc "`s` padded with `char` to `length` characters at the `:leading`, `:trailing` or `:both` ends."
  def pad(s, length, dir, char) do
    k = max(length - Kernel.length(chars(s)), 0)

    case dir do
      :trailing ->
        [s | List.duplicate(char, k)]

      :leading ->
        [List.duplicate(char, k), s]

      :both ->
        l = div(k, 2)

        if rem(k, 2) == 1,
          do: [List.duplicate(char, l), s, List.duplicate(char, l), char],
          else: [List.duplicate(char, l), s, List.duplicate(char, l)]
    end
  end

  @doc "`{taken, rest}`: the leading characters in (or, with `complement`, not in) `set`; `:trailing` takes from the end, giving `{rest, taken}`."
  def take(s, set), do: take(s, set, false, :leading)
  def take(s, set, complement), do: take(s, set, complement, :leading)

  def take(s, set, complement, dir) do
    set = seps(set)
    keep? = fn c -> (c in set) != complement end
    cs = chars(s)

    case dir do
      :leading ->
        {taken, rest} = split_while(cs, keep?, [])
        {back(taken, s), back(rest, s)}

      :trailing ->
        {taken, rest} = split_while(:lists.reverse(cs), keep?, [])
        {back(:lists.reverse(rest), s), back(:lists.reverse(taken), s)}
    end
  end

  defp split_while([c | rest], keep?, acc) do
    if keep?.(c), do: split_while(rest, keep?, [c | acc]), else: {:lists.reverse(acc), [c | rest]}
  end

  defp split_while([], _keep?, acc), do: {:lists.reverse(acc), []}

  @doc "`s` after `prefix`, or `:nomatch`."
  def prefix(s, prefix) do
    cs = chars(s)
    p = chars(prefix)
    if :lists.prefix(p, cs), do: back(Enum.drop(cs, Kernel.length(p)), s), else: :nomatch
  end

  @doc "Whether two strings have the same characters (optionally ignoring case)."
  def equal(a, b), do: chars(a) == chars(b)
  def equal(a, b, ignore_case), do: equal(a, b, ignore_case, :none)

  def equal(a, b, ignore_case, _norm) do
    if ignore_case, do: casefold(a) |> chars() == casefold(b) |> chars(), else: equal(a, b)
  end

  @doc "`s` in upper case."
  def uppercase(s), do: back(String.to_charlist(String.upcase(List.to_string(chars(s)))), s)

  @doc "`s` in lower case."
  def lowercase(s), do: back(String.to_charlist(String.downcase(List.to_string(chars(s)))), s)

  @doc "`s` case-folded for comparisons."
  def casefold(s) do
    text = s |> chars() |> List.to_string() |> String.downcase() |> :binary.replace("ß", "ss", [:global])
    back(String.to_charlist(text), s)
  end

  @doc "`s` with its first character in title case."
  def titlecase(s) do
    case chars(s) do
      [c | rest] -> back(String.to_charlist(String.upcase(<<c::utf8>>)) ++ rest, s)
      [] -> back([], s)
    end
  end

  @doc "`{integer, rest}` from the start of `s`, or `{:error, :no_integer}`."
  def to_integer(s) do
    cs = chars(s)

    {sign, digits_and_rest} =
      case cs do
        [?- | r] -> {-1, r}
        [?+ | r] -> {1, r}
        r -> {1, r}
      end

    case split_while(digits_and_rest, &(&1 in ?0..?9), []) do
      {[], _} -> {:error, :no_integer}
      {ds, rest} -> {sign * List.to_integer(ds), back(rest, s)}
    end
  end

  @doc "`{float, rest}` from the start of `s`, or `{:error, :no_float}`."
  def to_float(s) do
    cs = chars(s)

    {sign, r} =
      case cs do
        [?- | r] -> {[?-], r}
        [?+ | r] -> {[], r}
        r -> {[], r}
      end

    with {[_ | _] = int, [?. | r]} <- split_while(r, &(&1 in ?0..?9), []),
         {[_ | _] = frac, r} <- split_while(r, &(&1 in ?0..?9), []) do
      {exp, r} =
        case r do
          [e | r2] when e in [?e, ?E] ->
            {esign, r3} =
              case r2 do
                [s2 | r3] when s2 in [?-, ?+] -> {[s2], r3}
                r3 -> {[], r3}
              end

            case split_while(r3, &(&1 in ?0..?9), []) do
              {[], _} -> {[], r}
              {ds, r4} -> {[?e | esign] ++ ds, r4}
            end

          _ ->
            {[], r}
        end

      text = sign ++ int ++ [?. | frac] ++ exp
      {:erlang.list_to_float(text), back(r, s)}
    else
      _ -> {:error, :no_float}
    end
  end

  ## The old list API

  @doc "The parts of `s` between runs of the separator characters."
  def tokens(s, separators), do: lexemes(s, separators)

  @doc "The strings joined with `separator`."
  def join([], _sep), do: []
  def join([h | t], sep), do: h ++ Enum.flat_map(t, &(sep ++ &1))

  @doc "`s` in lower case (characters or a string)."
  def to_lower(c) when is_integer(c), do: hd(to_lower([c]))
  def to_lower(s) when is_list(s), do: Enum.map(s, &lower_char/1)

  @doc "`s` in upper case (characters or a string)."
  def to_upper(c) when is_integer(c), do: hd(to_upper([c]))
  def to_upper(s) when is_list(s), do: Enum.map(s, &upper_char/1)

  defp lower_char(c) when c in ?A..?Z or c in 0xC0..0xDE and c != 0xD7, do: c + 32
  defp lower_char(c), do: c
  defp upper_char(c) when c in ?a..?z or c in 0xE0..0xFE and c != 0xF7, do: c - 32
  defp upper_char(c), do: c

  @doc "The number of characters."
  def len(s), do: Kernel.length(s)

  @doc "The two strings concatenated."
  def concat(a, b), do: a ++ b

  @doc "The 1-based position of the first `c`, or 0."
  def chr(s, c), do: index_of(s, c, 1)

  @doc "The 1-based position of the last `c`, or 0."
  def rchr(s, c) do
    case index_of(:lists.reverse(s), c, 1) do
      0 -> 0
      i -> Kernel.length(s) - i + 1
    end
  end

  defp index_of([c | _], c, i), do: i
  defp index_of([_ | t], c, i), do: index_of(t, c, i + 1)
  defp index_of([], _c, _i), do: 0

  @doc "The 1-based position of the first `sub`, or 0."
  def str(s, sub) do
    case find_at(s, sub, 0) do
      nil -> 0
      i -> i + 1
    end
  end

  @doc "The 1-based position of the last `sub`, or 0."
  def rstr(s, sub) do
    case last_at(s, sub) do
      nil -> 0
      i -> i + 1
    end
  end

  @doc "The length of the leading run of characters in `chars`."
  def span(s, chars), do: Kernel.length(elem(split_while(s, &(&1 in chars), []), 0))

  @doc "The length of the leading run of characters not in `chars`."
  def cspan(s, chars), do: Kernel.length(elem(split_while(s, &(&1 not in chars), []), 0))

  @doc "The characters from 1-based `start`."
  def substr(s, start), do: Enum.drop(s, start - 1)
  def substr(s, start, len), do: Enum.take(Enum.drop(s, start - 1), len)

  @doc "The characters from 1-based `start` to `stop`."
  def sub_string(s, start), do: substr(s, start)
  def sub_string(s, start, stop), do: substr(s, start, stop - start + 1)

  @doc "`s` without blanks (or `char`) at the given ends."
  def strip(s), do: strip(s, :both, ?\s)
  def strip(s, dir), do: strip(s, dir, ?\s)

  def strip(s, dir, char) do
    s = if dir in [:left, :both], do: Enum.drop_while(s, &(&1 == char)), else: s

    if dir in [:right, :both],
      do: s |> :lists.reverse() |> Enum.drop_while(&(&1 == char)) |> :lists.reverse(),
      else: s
  end

  @doc "`s` cut or padded to `n` characters, kept at the left."
  def left(s, n), do: left(s, n, ?\s)
  def left(s, n, char), do: Enum.take(s, n) ++ List.duplicate(char, max(n - Kernel.length(s), 0))

  @doc "`s` cut or padded to `n` characters, kept at the right."
  def right(s, n), do: right(s, n, ?\s)

  def right(s, n, char) do
    l = Kernel.length(s)
    if l >= n, do: Enum.drop(s, l - n), else: List.duplicate(char, n - l) ++ s
  end

  @doc "`s` centred in `n` characters."
  def centre(s, n), do: centre(s, n, ?\s)

  def centre(s, n, char) do
    l = Kernel.length(s)

    cond do
      l >= n ->
        Enum.take(Enum.drop(s, div(l - n, 2)), n)

      true ->
        k = n - l
        right = div(k, 2)
        List.duplicate(char, k - right) ++ s ++ List.duplicate(char, right)
    end
  end

  @doc "`s` repeated `n` times."
  def copies(s, n), do: List.flatten(List.duplicate(s, n))

  @doc "The number of words (separated by blanks or `char`)."
  def words(s), do: words(s, ?\s)
  def words(s, char), do: Kernel.length(lexemes(s, [char]))

  @doc "The `n`th word."
  def sub_word(s, n), do: sub_word(s, n, ?\s)
  def sub_word(s, n, char), do: Enum.at(lexemes(s, [char]), n - 1, [])

  @doc "`n` copies of `char` (before `tail`)."
  def chars(char, n), do: List.duplicate(char, n)
  def chars(char, n, tail), do: List.duplicate(char, n) ++ tail

  @doc "`{integer, rest}` from a charlist."
  def list_to_integer(s) when is_list(s), do: to_integer(s)

  @doc "`{float, rest}` from a charlist."
  def list_to_float(s) when is_list(s), do: to_float(s)
end
