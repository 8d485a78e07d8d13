# Erlang/OTP 25's `:binary` module, written in the language.
#
# Two built-ins (vm/src/bif/binary_module.rs) do what the language cannot do
# fast or at all: `:beamlet.binary_search/5`, the search under match/2,3,
# matches/2,3, split/2,3 and replace/3,4 (memmem for one pattern,
# Aho-Corasick for several: a 1 MB subject is scanned natively), and
# referenced_byte_size/1, registered under this module's name (so calls to
# it never reach this file). Parts (part/2,3, split's pieces) are views of
# the subject made by `:erlang.binary_part/3`, not copies.
#
# Errors are OTP 25's as Elixir shows them: an ArgumentError whose message
# lists "errors were found at the given arguments" with the BEAM's text for
# each bad argument, or a plain "argument error" where the BEAM explains
# nothing (`at("ab", 2)`: an index past the end). Options are looked at only
# when the other arguments are right, as on the BEAM.
#
# Known differences: a compiled pattern is `{:bm, [pattern]}` or `{:ac,
# patterns}` (OTP holds a reference to a native automaton there, so it
# prints as `{:bm, #Reference<...>}`), and such a tuple built by hand is
# accepted; encode_hex/1 and decode_hex/1 refuse every bitstring that is not
# a binary, where OTP 25 answers some of them (its unrolled loop reads whole
# bytes only); OTP 25 has no encode_hex/2 (it came in OTP 26), nor has this.
defmodule :binary do
  @moduledoc false
  import Bitwise

  # The largest small integer of the BEAM (64-bit): a count above it makes
  # copy/2 fail with a plain badarg.
  @max_small 576_460_752_303_423_487

  ## Bytes and parts

  @doc "The byte at `pos` (0-based)."
  def at(subject, pos) when is_binary(subject) and is_integer(pos) and pos >= 0 and pos < byte_size(subject) do
    <<_::binary-size(pos), b, _::binary>> = subject
    b
  end

  def at(subject, pos) do
    lines = subject_error(subject) ++ index_error(2, pos)
    badarg(lines)
  end

  @doc "The first byte."
  def first(<<b, _::binary>>), do: b
  def first(subject), do: badarg(nonempty_error(subject))

  @doc "The last byte."
  def last(subject) when is_binary(subject) and byte_size(subject) > 0,
    do: at(subject, byte_size(subject) - 1)

  def last(subject), do: badarg(nonempty_error(subject))

  @doc "The part `{pos, len}` (a negative `len` counts back from `pos`)."
  def part(subject, pos_len), do: :erlang.binary_part(subject, pos_len)

  @doc "The part of `len` bytes from `pos` (a negative `len` counts back)."
  def part(subject, pos, len), do: :erlang.binary_part(subject, pos, len)

  @doc "The bytes of `subject` as a list."
  def bin_to_list(subject) when is_binary(subject), do: :erlang.binary_to_list(subject)
  def bin_to_list(subject), do: badarg(subject_error(subject))

  @doc "The bytes of the part `{pos, len}` as a list."
  def bin_to_list(subject, pos_len) when is_binary(subject),
    do: :erlang.binary_to_list(:erlang.binary_part(subject, pos_len))

  def bin_to_list(subject, pos_len) do
    tuple =
      case pos_len do
        {pos, len} when is_integer(pos) and is_integer(len) -> negative_error(2, pos)
        _ -> [{2, "not a valid {Pos,Length} tuple"}]
      end

    badarg(subject_error(subject) ++ tuple)
  end

  @doc "The bytes of the part of `len` bytes from `pos` as a list."
  def bin_to_list(subject, pos, len) when is_binary(subject),
    do: :erlang.binary_to_list(:erlang.binary_part(subject, pos, len))

  def bin_to_list(subject, pos, len) do
    pos_lines = if is_integer(pos), do: negative_error(2, pos), else: [{2, "not an integer"}]
    len_lines = if is_integer(len), do: [], else: [{3, "not an integer"}]
    badarg(subject_error(subject) ++ pos_lines ++ len_lines)
  end

  @doc "A copy of `subject` (a binary of its own, not a view of a larger one)."
  def copy(subject) when is_binary(subject), do: :erlang.list_to_binary([subject])
  def copy(subject), do: badarg(subject_error(subject))

  @doc "`subject` repeated `n` times."
  def copy(subject, n) when is_binary(subject) and is_integer(n) and n >= 0 and n <= @max_small,
    do: :beamlet.string_duplicate(subject, n)

  def copy(subject, n), do: badarg(subject_error(subject) ++ index_error(2, n))

  @doc "The binary of an iolist (a binary alone is not one)."
  def list_to_bin(list) when is_list(list), do: :erlang.iolist_to_binary(list)
  def list_to_bin(_), do: badarg([{1, "not an iodata term"}])

  ## Unsigned integers

  @doc "The unsigned integer a binary holds, big-endian."
  def decode_unsigned(subject), do: decode_unsigned(subject, :big)

  @doc "The unsigned integer a binary holds, `:big` or `:little` endian."
  def decode_unsigned(subject, :big) when is_binary(subject) do
    bits = bit_size(subject)
    <<n::size(bits)>> = subject
    n
  end

  def decode_unsigned(subject, :little) when is_binary(subject) do
    bits = bit_size(subject)
    <<n::little-size(bits)>> = subject
    n
  end

  def decode_unsigned(subject, endianness),
    do: badarg(subject_error(subject) ++ endian_error(endianness))

  @doc "The shortest big-endian binary holding the unsigned integer `n`."
  def encode_unsigned(n), do: encode_unsigned(n, :big)

  @doc "The shortest binary holding the unsigned integer `n`, `:big` or `:little` endian."
  def encode_unsigned(n, endianness) when is_integer(n) and n >= 0 and endianness in [:big, :little] do
    bits = 8 * byte_count(n >>> 8, 1)

    case endianness do
      :big -> <<n::size(bits)>>
      :little -> <<n::little-size(bits)>>
    end
  end

  def encode_unsigned(n, endianness) do
    lines =
      cond do
        not is_integer(n) -> [{1, "not an integer"}]
        n < 0 -> [{1, "out of range"}]
        true -> []
      end

    badarg(lines ++ endian_error(endianness))
  end

  defp byte_count(0, count), do: count
  defp byte_count(n, count), do: byte_count(n >>> 8, count + 1)

  defp endian_error(e) when e in [:big, :little], do: []
  defp endian_error(_), do: [{2, "must be 'big' or 'little'"}]

  ## Hexadecimal

  @doc "The bytes of `subject` as uppercase hexadecimal digits."
  def encode_hex(subject) when is_binary(subject) do
    for <<b <- subject>>, into: <<>>, do: <<hex_digit(b >>> 4), hex_digit(b &&& 15)>>
  end

  def encode_hex(subject), do: badarg(subject_error(subject))

  defp hex_digit(d) when d < 10, do: ?0 + d
  defp hex_digit(d), do: ?A - 10 + d

  @doc "The bytes hexadecimal digits (either case) stand for."
  def decode_hex(subject) when is_binary(subject) and rem(byte_size(subject), 2) == 0 do
    for <<hi, lo <- subject>>, into: <<>> do
      case {hex_value(hi), hex_value(lo)} do
        {h, l} when h >= 0 and l >= 0 -> <<h <<< 4 ||| l>>
        _ -> badarg([{1, <<hi, lo>> <> " is not a valid hex"}])
      end
    end
  end

  def decode_hex(subject) when is_binary(subject),
    do: badarg([{1, "must contain an even number of bytes"}])

  def decode_hex(subject), do: badarg(subject_error(subject))

  defp hex_value(c) when c >= ?0 and c <= ?9, do: c - ?0
  defp hex_value(c) when c >= ?a and c <= ?f, do: c - ?a + 10
  defp hex_value(c) when c >= ?A and c <= ?F, do: c - ?A + 10
  defp hex_value(_), do: -1

  ## Common prefixes and suffixes

  @doc "The length of the longest prefix all the binaries share."
  def longest_common_prefix(binaries) do
    [first | rest] = flat_binaries(binaries)
    common(rest, first, byte_size(first), :prefix)
  end

  @doc "The length of the longest suffix all the binaries share."
  def longest_common_suffix(binaries) do
    [first | rest] = flat_binaries(binaries)
    common(rest, first, byte_size(first), :suffix)
  end

  defp flat_binaries(list) do
    if flat_binaries?(list) and list != [],
      do: list,
      else: badarg([{1, "not a flat list of binaries"}])
  end

  defp flat_binaries?([b | rest]) when is_binary(b), do: flat_binaries?(rest)
  defp flat_binaries?([]), do: true
  defp flat_binaries?(_), do: false

  # The longest common part of `first` (the first `n` or last `n` bytes of
  # it) with each of the others.
  defp common([], _first, n, _side), do: n
  defp common(_rest, _first, 0, _side), do: 0

  defp common([b | rest], first, n, side) do
    n = min(n, byte_size(b))
    common(rest, first, shared(first, b, n, side), side)
  end

  # How many of the first (last) `n` bytes of `a` and `b` agree, from the
  # start (end): halving the length until the parts agree, then growing.
  defp shared(a, b, n, :prefix) do
    if :erlang.binary_part(a, 0, n) == :erlang.binary_part(b, 0, n),
      do: n,
      else: scan(a, b, 0, n, 1)
  end

  defp shared(a, b, n, :suffix) do
    if :erlang.binary_part(a, byte_size(a), -n) == :erlang.binary_part(b, byte_size(b), -n),
      do: n,
      else: scan(a, b, 0, n, -1)
  end

  defp scan(_a, _b, i, n, _dir) when i == n, do: i

  defp scan(a, b, i, n, 1) do
    if :binary.at(a, i) == :binary.at(b, i), do: scan(a, b, i + 1, n, 1), else: i
  end

  defp scan(a, b, i, n, -1) do
    if :binary.at(a, byte_size(a) - 1 - i) == :binary.at(b, byte_size(b) - 1 - i),
      do: scan(a, b, i + 1, n, -1),
      else: i
  end

  ## Patterns and searching

  @doc "A pattern prepared for match/matches/split/replace."
  def compile_pattern(pattern) when is_binary(pattern) or is_list(pattern) do
    case patterns(pattern) do
      [_] = list -> {:bm, list}
      [_, _ | _] = list -> {:ac, list}
      :error -> badarg([{1, "not a valid pattern"}])
    end
  end

  def compile_pattern(_), do: badarg([{1, "not a valid pattern"}])

  @doc "The first (longest) match of `pattern` in `subject`, or `:nomatch`."
  def match(subject, pattern), do: match(subject, pattern, [])

  @doc "match/2 within the `{:scope, {start, length}}` option's part."
  def match(subject, pattern, options) do
    {patterns, from, to} = search_args(subject, pattern, options)

    case :beamlet.binary_search(subject, patterns, from, to, false) do
      [found] -> found
      [] -> :nomatch
    end
  end

  @doc "All the non-overlapping matches of `pattern` in `subject`."
  def matches(subject, pattern), do: matches(subject, pattern, [])

  @doc "matches/2 within the `{:scope, {start, length}}` option's part."
  def matches(subject, pattern, options) do
    {patterns, from, to} = search_args(subject, pattern, options)
    :beamlet.binary_search(subject, patterns, from, to, true)
  end

  # The patterns and the part searched, or the BEAM's error.
  defp search_args(subject, pattern, options) do
    patterns = patterns(pattern)
    lines = subject_error(subject) ++ if(patterns == :error, do: [{2, "not a valid pattern"}], else: [])
    if lines != [], do: badarg(lines)

    case scan_options(options, :match, %{scope: nil}) do
      :error ->
        badarg([{3, "invalid options"}])

      %{scope: scope} ->
        case scope_range(subject, scope) do
          {from, to} -> {patterns, from, to}
          :error -> badarg([{3, "specified part is not wholly inside binary"}])
        end
    end
  end

  @doc "`subject` split at the first match of `pattern`."
  def split(subject, pattern), do: split(subject, pattern, [])

  @doc "split/2 with `:global`, `:trim`, `:trim_all` and `{:scope, {start, length}}`."
  def split(subject, pattern, options) do
    patterns = patterns(pattern)
    lines = subject_error(subject) ++ if(patterns == :error, do: [{2, "not a valid pattern"}], else: [])
    if lines != [], do: badarg(lines)
    opts = scan_options(options, :split, %{scope: nil, global: false, trim: false, trim_all: false})

    {from, to} =
      case opts != :error && scope_range(subject, opts.scope) do
        {from, to} -> {from, to}
        _ -> badarg([{3, "invalid options"}])
      end

    found = :beamlet.binary_search(subject, patterns, from, to, opts.global)
    parts = pieces(subject, found, 0, [])

    cond do
      opts.trim_all -> Enum.reject(parts, &(&1 == ""))
      opts.trim -> trim_trailing(parts)
      true -> parts
    end
  end

  # The parts of `subject` between the matches `found`, from byte `at`.
  defp pieces(subject, [{pos, len} | found], at, acc),
    do: pieces(subject, found, pos + len, [:erlang.binary_part(subject, at, pos - at) | acc])

  defp pieces(subject, [], at, acc),
    do: :lists.reverse([:erlang.binary_part(subject, at, byte_size(subject) - at) | acc])

  defp trim_trailing(parts) do
    parts |> :lists.reverse() |> Enum.drop_while(&(&1 == "")) |> :lists.reverse()
  end

  @doc "`subject` with the first match of `pattern` replaced by `replacement`."
  def replace(subject, pattern, replacement), do: replace(subject, pattern, replacement, [])

  @doc "replace/3 with `:global`, `{:scope, {start, length}}` and `{:insert_replaced, pos | [pos]}`."
  def replace(subject, pattern, replacement, options) do
    patterns = patterns(pattern)

    lines =
      subject_error(subject) ++
        if(patterns == :error, do: [{2, "not a valid pattern"}], else: []) ++
        replacement_error(replacement)

    if lines != [], do: badarg(lines)
    opts = scan_options(options, :replace, %{scope: nil, global: false, insert: []})

    range =
      opts != :error and Enum.all?(opts.insert, &(&1 <= byte_size(replacement))) and
        scope_range(subject, opts.scope)

    {from, to} =
      case range do
        {from, to} -> {from, to}
        _ -> badarg([{4, "invalid options"}])
      end

    case :beamlet.binary_search(subject, patterns, from, to, opts.global) do
      [] ->
        subject

      found ->
        insert = Enum.sort(opts.insert)
        :erlang.iolist_to_binary(replaced(subject, found, replacement, insert, 0, []))
    end
  end

  defp replacement_error(r) when is_binary(r), do: []
  defp replacement_error(r) when is_bitstring(r), do: [{3, "is a bitstring (expected a binary)"}]
  defp replacement_error(_), do: [{3, "not a binary"}]

  # iodata of `subject` with each match in `found` replaced, from byte `at`.
  defp replaced(subject, [{pos, len} | found], replacement, insert, at, acc) do
    before = :erlang.binary_part(subject, at, pos - at)
    new = with_inserted(replacement, insert, :erlang.binary_part(subject, pos, len))
    replaced(subject, found, replacement, insert, pos + len, [new, before | acc])
  end

  defp replaced(subject, [], _replacement, _insert, at, acc),
    do: :lists.reverse([:erlang.binary_part(subject, at, byte_size(subject) - at) | acc])

  # The replacement with the matched part inserted at each of the sorted
  # positions `insert`.
  defp with_inserted(replacement, [], _matched), do: replacement

  defp with_inserted(replacement, insert, matched) do
    {parts, at} =
      Enum.reduce(insert, {[], 0}, fn pos, {acc, at} ->
        {[matched, :erlang.binary_part(replacement, at, pos - at) | acc], pos}
      end)

    :lists.reverse([:erlang.binary_part(replacement, at, byte_size(replacement) - at) | parts])
  end

  # A pattern (a binary, a list of binaries, a compiled pattern) as a list
  # of non-empty binaries, or `:error`.
  defp patterns(pattern) when is_binary(pattern) and pattern != "", do: [pattern]
  defp patterns({:bm, [p]} = _compiled) when is_binary(p) and p != "", do: [p]
  defp patterns({:ac, [_ | _] = list}), do: patterns(list)

  defp patterns([_ | _] = list) do
    if Enum.all?(proper_or_nil(list), &(is_binary(&1) and &1 != "")), do: list, else: :error
  end

  defp patterns(_), do: :error

  # The elements of a proper list, or `[nil]` for an improper one.
  defp proper_or_nil(list) do
    case proper?(list) do
      true -> list
      false -> [nil]
    end
  end

  defp proper?([_ | t]), do: proper?(t)
  defp proper?([]), do: true
  defp proper?(_), do: false

  # The options of match/matches (`:match`), split and replace, into `acc`,
  # or `:error`. match, matches and split read a list up to its tail, as the
  # BEAM does, so an improper tail is ignored there; replace/4 wants a
  # proper list.
  defp scan_options(options, kind, acc) when is_list(options), do: scan_list(options, kind, acc)
  defp scan_options(_, _kind, _acc), do: :error

  defp scan_list([option | rest], kind, acc) do
    case option(option, kind, acc) do
      :error -> :error
      acc -> scan_list(rest, kind, acc)
    end
  end

  defp scan_list([], _kind, acc), do: acc
  defp scan_list(_tail, :replace, _acc), do: :error
  defp scan_list(_tail, _kind, acc), do: acc

  defp option({:scope, {start, len}}, _kind, acc) when is_integer(start) and is_integer(len),
    do: %{acc | scope: {start, len}}

  defp option(:global, kind, acc) when kind != :match, do: %{acc | global: true}
  defp option(:trim, :split, acc), do: %{acc | trim: true}
  defp option(:trim_all, :split, acc), do: %{acc | trim_all: true}

  defp option({:insert_replaced, pos}, :replace, acc) when is_integer(pos) and pos >= 0,
    do: %{acc | insert: [pos]}

  defp option({:insert_replaced, list}, :replace, acc) when is_list(list) do
    if proper?(list) and Enum.all?(list, &(is_integer(&1) and &1 >= 0)),
      do: %{acc | insert: list},
      else: :error
  end

  defp option(_, _kind, _acc), do: :error

  # The byte range `{from, to}` a scope covers (all of `subject` for none),
  # or `:error` when it is not wholly inside `subject`.
  defp scope_range(subject, nil), do: {0, byte_size(subject)}

  defp scope_range(subject, {start, len}) do
    stop = start + len
    size = byte_size(subject)

    if start >= 0 and start <= size and stop >= 0 and stop <= size,
      do: {min(start, stop), max(start, stop)},
      else: :error
  end

  ## Errors

  defp subject_error(s) when is_binary(s), do: []
  defp subject_error(s) when is_bitstring(s), do: [{1, "is a bitstring (expected a binary)"}]
  defp subject_error(_), do: [{1, "not a binary"}]

  defp nonempty_error(""), do: [{1, "a zero-sized binary is not allowed"}]
  defp nonempty_error(subject), do: subject_error(subject)

  # An index or count argument: an integer, not negative (a large one is
  # left to the plain badarg).
  defp index_error(at, n) when is_integer(n), do: negative_error(at, n)
  defp index_error(at, _), do: [{at, "not an integer"}]

  defp negative_error(at, n) when n < 0, do: [{at, "out of range"}]
  defp negative_error(_at, _n), do: []

  # Raises ArgumentError with the BEAM's text for the bad arguments `lines`
  # ([{position, text}]), or the plain badarg when there are none.
  defp badarg([]), do: :erlang.error(:badarg)

  defp badarg(lines) do
    raise ArgumentError, "errors were found at the given arguments:\n\n" <> badarg_lines(lines)
  end

  defp badarg_lines([{pos, text} | rest]),
    do: "  * " <> ordinal(pos) <> " argument: " <> text <> "\n" <> badarg_lines(rest)

  defp badarg_lines([]), do: ""

  defp ordinal(1), do: "1st"
  defp ordinal(2), do: "2nd"
  defp ordinal(3), do: "3rd"
  defp ordinal(4), do: "4th"
end
