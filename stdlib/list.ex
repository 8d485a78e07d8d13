defmodule List do
  @moduledoc """
  Functions on (linked) lists: Elixir 1.14's `List` module.

  `to_tuple/1`, `to_string/1`, `to_integer/1` and `flatten/1` are built-ins
  (vm/src/bif/), so they are not defined here. Errors are Elixir's: where
  Elixir delegates to `:lists` (keydelete, keysort, flatten/2, ...) the error
  comes from there, and a few name the functions the BEAM compiler makes
  when it inlines `:lists` calls (foldl/3, foldr/3, zip/1).
  """
  import Kernel, except: [to_charlist: 1, to_string: 1]

  @doc "`list` without the first element that matches (===) `element`."
  def delete(list, element)
  def delete([element | rest], element), do: rest
  def delete([other | rest], element), do: [other | delete(rest, element)]
  def delete([], _element), do: []

  @doc "A list of `n` copies of `elem`."
  def duplicate(elem, n), do: :lists.duplicate(n, elem)

  @doc "The elements of a deep list, followed by `tail`."
  def flatten(list, tail), do: :lists.flatten(list, tail)

  @doc "`fun` folded over the elements, first to last."
  def foldl(list, acc, fun) when is_list(list) and is_function(fun), do: foldl_loop(list, acc, fun)

  defp foldl_loop([h | t], acc, fun), do: foldl_loop(t, fun.(h, acc), fun)
  defp foldl_loop([], acc, _fun), do: acc
  defp foldl_loop(_, _, _), do: inlined_clause(:"-foldl/3-lists^foldl/2-0-", 3)

  @doc "`fun` folded over the elements, last to first."
  def foldr(list, acc, fun) when is_list(list) and is_function(fun), do: foldr_loop(list, acc, fun)

  defp foldr_loop([h | t], acc, fun), do: fun.(h, foldr_loop(t, acc, fun))
  defp foldr_loop([], acc, _fun), do: acc
  defp foldr_loop(_, _, _), do: inlined_clause(:"-foldr/3-lists^foldr/2-0-", 3)

  @doc "The first element, or `default` for an empty list."
  def first(list, default \\ nil)
  def first([], default), do: default
  def first([head | _], _default), do: head

  # On the BEAM, last/2 is a loop whose clauses fail in turn as a
  # FunctionClauseError and as a CaseClauseError of `{rest, default}`; last/1
  # starts it one step in. The error says which.
  @doc "The last element, or `default` for an empty list."
  def last(list), do: last(list, nil, true)
  def last(list, default), do: last(list, default, false)

  defp last([], default, _), do: default
  defp last([head], _default, _), do: head
  defp last([_ | tail], default, odd), do: last(tail, default, not odd)
  defp last(other, default, true), do: :erlang.error({:case_clause, {other, default}})
  defp last(_other, _default, false), do: raise(FunctionClauseError, module: List, function: :last, arity: 2)

  @doc "Whether `list` is improper (ends in something other than `[]`)."
  def improper?(list) when is_list(list) and length(list) >= 0, do: false
  def improper?(list) when is_list(list), do: true

  @doc "`list` with `value` inserted at `index` (negative: from the end)."
  def insert_at(list, index, value) when is_list(list) and is_integer(index) do
    case index do
      -1 ->
        list ++ [value]

      _ when index < 0 ->
        case length(list) + index + 1 do
          index when index < 0 -> [value | list]
          index -> do_insert_at(list, index, value)
        end

      _ ->
        do_insert_at(list, index, value)
    end
  end

  defp do_insert_at([], _index, value), do: [value]
  defp do_insert_at(list, 0, value), do: [value | list]
  defp do_insert_at([head | tail], index, value), do: [head | do_insert_at(tail, index - 1, value)]

  @doc "`list` with the element at `index` replaced by `value`."
  def replace_at(list, index, value) when is_list(list) and is_integer(index) do
    if index < 0 do
      case length(list) + index do
        index when index < 0 -> list
        index -> do_replace_at(list, index, value)
      end
    else
      do_replace_at(list, index, value)
    end
  end

  defp do_replace_at([], _index, _value), do: []
  defp do_replace_at([_ | tail], 0, value), do: [value | tail]
  defp do_replace_at([head | tail], index, value), do: [head | do_replace_at(tail, index - 1, value)]

  @doc "`list` with `fun` applied to the element at `index`."
  def update_at(list, index, fun) when is_list(list) and is_integer(index) and is_function(fun, 1) do
    if index < 0 do
      case length(list) + index do
        index when index < 0 -> list
        index -> do_update_at(list, index, fun)
      end
    else
      do_update_at(list, index, fun)
    end
  end

  defp do_update_at([], _index, _fun), do: []
  defp do_update_at([head | tail], 0, fun), do: [fun.(head) | tail]
  defp do_update_at([head | tail], index, fun), do: [head | do_update_at(tail, index - 1, fun)]

  @doc "`list` without the element at `index`."
  def delete_at(list, index) when is_integer(index), do: elem(pop_at(list, index), 1)

  @doc "`{element at index (or default), list without it}`."
  def pop_at(list, index, default \\ nil) when is_integer(index) do
    if index >= 0 do
      do_pop_at(list, index, default, [])
    else
      case length(list) + index do
        index when index < 0 -> {default, list}
        index -> do_pop_at(list, index, default, [])
      end
    end
  end

  defp do_pop_at([], _index, default, acc), do: {default, :lists.reverse(acc)}
  defp do_pop_at([head | tail], 0, _default, acc), do: {head, :lists.reverse(acc, tail)}
  defp do_pop_at([head | tail], index, default, acc), do: do_pop_at(tail, index - 1, default, [head | acc])

  ## Lists of tuples (positions are 0-based)

  @doc "The first tuple whose element at `position` equals (==) `key`, or `default`."
  def keyfind(list, key, position, default \\ nil) when is_integer(position) do
    case :lists.keysearch(key, position + 1, list) do
      {:value, tuple} -> tuple
      false -> default
    end
  end

  @doc "As keyfind/3, but raises KeyError when no tuple matches."
  def keyfind!(list, key, position) when is_integer(position) do
    case :lists.keysearch(key, position + 1, list) do
      {:value, tuple} ->
        tuple

      false ->
        raise KeyError,
          key: key,
          term: list,
          message: "key #{inspect(key)} at position #{inspect(position)} not found in: #{inspect(list)}"
    end
  end

  @doc "Whether a tuple's element at `position` equals (==) `key`."
  def keymember?(list, key, position) when is_integer(position),
    do: :lists.keymember(key, position + 1, list)

  @doc "`list` with the first tuple whose element at `position` equals `key` replaced."
  def keyreplace(list, key, position, new_tuple) when is_integer(position),
    do: :lists.keyreplace(key, position + 1, list, new_tuple)

  @doc "`list` with the first matching tuple replaced, or `new_tuple` added at the end."
  def keystore(list, key, position, new_tuple) when is_integer(position),
    do: :lists.keystore(key, position + 1, list, new_tuple)

  @doc "`list` without the first tuple whose element at `position` equals `key`."
  def keydelete(list, key, position) when is_integer(position),
    do: :lists.keydelete(key, position + 1, list)

  @doc "`{tuple, rest}` for the first matching tuple, or `nil`."
  def keytake(list, key, position) when is_integer(position) do
    case :lists.keytake(key, position + 1, list) do
      {:value, element, rest} -> {element, rest}
      false -> nil
    end
  end

  @doc """
  The tuples sorted on their element at `position`; stable. `sorter` is
  `:asc`, `:desc`, a function `(a, b -> boolean)`, a module with `compare/2`,
  or `{:asc | :desc, module}`.
  """
  def keysort(list, position, sorter \\ :asc)

  def keysort(list, position, :asc) when is_list(list) and is_integer(position),
    do: :lists.keysort(position + 1, list)

  def keysort(list, position, sorter) when is_list(list) and is_integer(position) do
    fun = keysort_fun(sorter, position + 1)
    :lists.sort(fn a, b -> fun.(key_at(a, position + 1), key_at(b, position + 1)) end, list)
  end

  defp keysort_fun(sorter, _) when is_function(sorter, 2), do: sorter
  defp keysort_fun(:desc, _), do: &>=/2
  defp keysort_fun(module, _) when is_atom(module), do: &(module.compare(&1, &2) != :gt)
  defp keysort_fun({:asc, module}, _) when is_atom(module), do: &(module.compare(&1, &2) != :gt)
  defp keysort_fun({:desc, module}, _) when is_atom(module), do: &(module.compare(&1, &2) != :lt)

  # element/2, with the BEAM's error text.
  defp key_at(tuple, n) when is_tuple(tuple) and n >= 1 and n <= tuple_size(tuple),
    do: :erlang.element(n, tuple)

  defp key_at(tuple, n) do
    index = if n < 1 or is_tuple(tuple), do: ["  * 1st argument: out of range\n"], else: []
    tuple = if is_tuple(tuple), do: [], else: ["  * 2nd argument: not a tuple\n"]

    raise ArgumentError,
          "errors were found at the given arguments:\n\n" <> Enum.join(index ++ tuple)
  end

  ## Other

  @doc "Whether `list` starts with `prefix`."
  def starts_with?(list, prefix)
  def starts_with?([head | tail], [head | prefix_tail]), do: starts_with?(tail, prefix_tail)
  def starts_with?(list, []) when is_list(list), do: true
  def starts_with?(list, [_ | _]) when is_list(list), do: false

  @doc "`term` as a list: `[]` for nil, a list as is, anything else in a list."
  def wrap(term)
  def wrap(list) when is_list(list), do: list
  def wrap(nil), do: []
  def wrap(other), do: [other]

  @doc "Tuples of the elements of `lists` (lists or tuples) at each index, up to the shortest."
  def zip([]), do: []
  def zip(list_of_lists) when is_list(list_of_lists), do: zip_rounds(list_of_lists, [])

  defp zip_rounds(lists, acc) do
    case zip_round(lists, [], [], true) do
      {tails, heads, true} -> zip_rounds(tails, [List.to_tuple(heads) | acc])
      {_, _, false} -> :lists.reverse(acc)
    end
  end

  # One tuple: the heads and the tails of the lists, every element converted
  # (a non-list fails even after an empty list has ended the zip).
  defp zip_round([list | rest], tails, heads, live) do
    case zip_to_list(list) do
      [head | tail] when live -> zip_round(rest, [tail | tails], [head | heads], true)
      _ -> zip_round(rest, tails, heads, false)
    end
  end

  defp zip_round([], tails, heads, live), do: {:lists.reverse(tails), :lists.reverse(heads), live}
  defp zip_round(_, _, _, _), do: inlined_clause(:"-do_zip/2-lists^mapfoldl/2-0-", 3)

  defp zip_to_list(tuple) when is_tuple(tuple), do: Tuple.to_list(tuple)
  defp zip_to_list(list) when is_list(list), do: list
  defp zip_to_list(_), do: raise(FunctionClauseError, module: List, function: :to_list, arity: 1)

  @doc """
  Whether `list` is a charlist of printable ASCII characters (32..126 and
  `\\a\\b\\t\\n\\v\\f\\r\\e`), looking at `limit` characters at most.
  """
  def ascii_printable?(list, limit \\ :infinity)

  def ascii_printable?(list, limit)
      when is_list(list) and (limit == :infinity or (is_integer(limit) and limit >= 0)),
      do: ascii_loop(list, limit)

  defp ascii_loop(_, 0), do: true
  defp ascii_loop([], _), do: true

  defp ascii_loop([char | rest], limit)
       when is_integer(char) and ((char >= 32 and char <= 126) or (char >= 7 and char <= 13) or char == 27),
       do: ascii_loop(rest, decrement(limit))

  defp ascii_loop(_, _), do: false

  defp decrement(:infinity), do: :infinity
  defp decrement(n), do: n - 1

  ## Conversions

  @doc "The atom whose text is `charlist`."
  def to_atom(charlist) do
    check_atom_chars(charlist)
    String.to_atom(List.to_string(charlist))
  end

  @doc "The existing atom whose text is `charlist`."
  def to_existing_atom(charlist) do
    check_atom_chars(charlist)
    String.to_existing_atom(List.to_string(charlist))
  end

  # What list_to_atom/1 accepts: a proper list of at most 255 code points.
  defp check_atom_chars(charlist) do
    cond do
      not is_list(charlist) -> badarg1("not a list")
      not proper?(charlist) -> badarg1("not a proper list")
      not code_points?(charlist) -> badarg1("not a list of characters")
      length(charlist) > 255 -> :erlang.error(:system_limit)
      true -> :ok
    end
  end

  defp code_points?([c | rest]) when is_integer(c) and c >= 0 and c <= 0x10FFFF and (c < 0xD800 or c > 0xDFFF),
    do: code_points?(rest)

  defp code_points?([]), do: true
  defp code_points?(_), do: false

  @doc "The float a charlist spells (Erlang's syntax: `1.5`, `-2.0e3`)."
  def to_float(charlist) do
    cond do
      not is_list(charlist) or not proper?(charlist) ->
        badarg1("not a list")

      float_text?(charlist) ->
        try do
          String.to_float(List.to_string(charlist))
        rescue
          ArgumentError -> badarg1("not a textual representation of a float")
        end

      true ->
        badarg1("not a textual representation of a float")
    end
  end

  # [+-]digits.digits([eE][+-]digits)?
  defp float_text?([sign | rest]) when sign in [?+, ?-], do: float_int(rest)
  defp float_text?(chars), do: float_int(chars)

  defp float_int([d | rest]) when d in ?0..?9, do: float_int_more(rest)
  defp float_int(_), do: false

  defp float_int_more([d | rest]) when d in ?0..?9, do: float_int_more(rest)
  # OTP 25 takes a comma for the decimal point too.
  defp float_int_more([c | rest]) when c in [?., ?,], do: float_frac(rest)
  defp float_int_more(_), do: false

  defp float_frac([d | rest]) when d in ?0..?9, do: float_frac_more(rest)
  defp float_frac(_), do: false

  defp float_frac_more([d | rest]) when d in ?0..?9, do: float_frac_more(rest)
  defp float_frac_more([]), do: true
  defp float_frac_more([e | rest]) when e in [?e, ?E], do: float_exp(rest)
  defp float_frac_more(_), do: false

  defp float_exp([sign | rest]) when sign in [?+, ?-], do: float_exp_digits(rest)
  defp float_exp(rest), do: float_exp_digits(rest)

  defp float_exp_digits([d | rest]) when d in ?0..?9, do: digits_only?(rest)
  defp float_exp_digits(_), do: false

  defp digits_only?([d | rest]) when d in ?0..?9, do: digits_only?(rest)
  defp digits_only?([]), do: true
  defp digits_only?(_), do: false

  @doc "The integer a charlist spells in `base` (2 to 36)."
  def to_integer(charlist, base) do
    list_error =
      cond do
        not is_list(charlist) -> ["  * 1st argument: not a list\n"]
        not proper?(charlist) -> ["  * 1st argument: not a proper list\n"]
        true -> []
      end

    base_error =
      if is_integer(base) and base >= 2 and base <= 36,
        do: [],
        else: ["  * 2nd argument: not an integer in the range 2 through 36\n"]

    case list_error ++ base_error do
      [] -> parse_integer(charlist, base)
      lines -> raise ArgumentError, "errors were found at the given arguments:\n\n" <> Enum.join(lines)
    end
  end

  defp parse_integer([?- | digits], base), do: -parse_digits(digits, base)
  defp parse_integer([?+ | digits], base), do: parse_digits(digits, base)
  defp parse_integer(digits, base), do: parse_digits(digits, base)

  defp parse_digits([], _base), do: badarg1("not a textual representation of an integer")
  defp parse_digits(digits, base), do: parse_digits(digits, base, 0)

  defp parse_digits([c | rest], base, acc) do
    case digit_value(c) do
      d when d < base -> parse_digits(rest, base, acc * base + d)
      _ -> badarg1("not a textual representation of an integer")
    end
  end

  defp parse_digits([], _base, acc), do: acc

  defp digit_value(c) when c in ?0..?9, do: c - ?0
  defp digit_value(c) when c in ?a..?z, do: c - ?a + 10
  defp digit_value(c) when c in ?A..?Z, do: c - ?A + 10
  defp digit_value(_), do: 99

  @doc """
  The charlist of chardata `list`: code points, UTF-8 strings, and lists of
  those. Raises UnicodeConversionError for an invalid code point or bad
  UTF-8, ArgumentError for anything else in the list.
  """
  def to_charlist(list) when is_list(list) do
    cond do
      code_points?(list) ->
        list

      not chardata?(list) ->
        raise ArgumentError, charlist_message(list)

      true ->
        case to_codepoints([list], [], <<>>) do
          {:ok, chars} -> chars
          {kind, chars, rest} -> raise_unicode(kind, chars, rest)
        end
    end
  end

  defp chardata?([h | t]) when is_integer(h) or is_binary(h), do: chardata?(t)
  defp chardata?([h | t]) when is_list(h), do: chardata?(h) and chardata?(t)
  defp chardata?([]), do: true
  defp chardata?(tail), do: is_binary(tail)

  # Walks the chardata, a stack of what remains, keeping `acc` (the code
  # points so far, reversed) and `pending`: the start of a UTF-8 sequence a
  # string ended in, which the next strings may complete (as
  # :unicode.characters_to_list does).
  defp to_codepoints([[] | stack], acc, pending), do: to_codepoints(stack, acc, pending)
  defp to_codepoints([[h | t] | stack], acc, pending), do: to_codepoints([h, t | stack], acc, pending)

  defp to_codepoints([c | stack], acc, <<>>) when is_integer(c) do
    if c >= 0 and c <= 0x10FFFF and (c < 0xD800 or c > 0xDFFF),
      do: to_codepoints(stack, [c | acc], <<>>),
      else: {:invalid, acc, c}
  end

  defp to_codepoints([c | _], acc, pending) when is_integer(c), do: {:invalid, acc, pending}

  defp to_codepoints([bin | stack], acc, <<>>) when is_binary(bin) do
    case decode_utf8(bin, acc) do
      {:ok, acc} -> to_codepoints(stack, acc, <<>>)
      {:incomplete, acc, rest} -> to_codepoints(stack, acc, rest)
      {:invalid, acc, rest} -> {:invalid, acc, rest}
    end
  end

  defp to_codepoints([bin | stack], acc, pending) when is_binary(bin) do
    joined = pending <> bin

    cond do
      byte_size(joined) < sequence_length(pending) ->
        to_codepoints(stack, acc, joined)

      match?({:ok, _, _}, first_char(joined)) ->
        to_codepoints([joined | stack], acc, <<>>)

      true ->
        {:invalid, acc, pending}
    end
  end

  defp to_codepoints([], acc, <<>>), do: {:ok, :lists.reverse(acc)}

  defp to_codepoints([], acc, pending) do
    case first_char(pending) do
      :incomplete -> {:incomplete, acc, pending}
      _ -> {:invalid, acc, pending}
    end
  end

  defp decode_utf8(<<>>, acc), do: {:ok, acc}

  defp decode_utf8(bin, acc) do
    if String.valid?(bin) do
      {:ok, :lists.reverse(String.to_charlist(bin), acc)}
    else
      decode_slow(bin, acc)
    end
  end

  defp decode_slow(<<>>, acc), do: {:ok, acc}

  defp decode_slow(bin, acc) do
    case first_char(bin) do
      {:ok, c, rest} -> decode_slow(rest, [c | acc])
      :incomplete -> {:incomplete, acc, bin}
      :invalid -> {:invalid, acc, bin}
    end
  end

  # The first UTF-8 character of a binary: {:ok, code point, rest}, or
  # :incomplete when the binary ends inside a valid sequence, or :invalid.
  defp first_char(<<c, rest::binary>>) when c < 0x80, do: {:ok, c, rest}

  defp first_char(<<lead, _::binary>> = bin) when lead >= 0xC2 and lead <= 0xF4 do
    need = sequence_length(bin)
    take_continuations(bin, need, 1)
  end

  defp first_char(_), do: :invalid

  defp take_continuations(bin, need, have) when have == need do
    <<seq::binary-size(need), rest::binary>> = bin
    {:ok, seq_code_point(seq), rest}
  end

  defp take_continuations(bin, _need, have) when byte_size(bin) == have, do: :incomplete

  defp take_continuations(bin, need, have) do
    <<lead, _::binary-size(have - 1), byte, _::binary>> = bin
    {lo, hi} = if have == 1, do: second_byte_range(lead), else: {0x80, 0xBF}

    if byte >= lo and byte <= hi,
      do: take_continuations(bin, need, have + 1),
      else: :invalid
  end

  defp second_byte_range(0xE0), do: {0xA0, 0xBF}
  defp second_byte_range(0xED), do: {0x80, 0x9F}
  defp second_byte_range(0xF0), do: {0x90, 0xBF}
  defp second_byte_range(0xF4), do: {0x80, 0x8F}
  defp second_byte_range(_), do: {0x80, 0xBF}

  defp sequence_length(<<lead, _::binary>>) when lead < 0xE0, do: 2
  defp sequence_length(<<lead, _::binary>>) when lead < 0xF0, do: 3
  defp sequence_length(_), do: 4

  defp seq_code_point(<<c::utf8>>), do: c

  defp raise_unicode(kind, chars, rest) do
    detail =
      if is_integer(rest),
        do: "code point #{rest}",
        else: "encoding starting at #{inspect(rest)}"

    :erlang.error(%{
      __struct__: UnicodeConversionError,
      __exception__: true,
      encoded: :lists.reverse(chars),
      message: "#{kind} #{detail}"
    })
  end

  defp charlist_message(list) do
    "cannot convert the given list to a charlist.\n\n" <>
      "To be converted to a charlist, a list must contain only:\n\n" <>
      "  * strings\n" <>
      "  * integers representing Unicode code points\n" <>
      "  * or a list containing one of these three elements\n\n" <>
      "Please check the given list or call inspect/1 to get the list representation, got:\n\n" <>
      inspect(list) <> "\n"
  end

  ## Myers' difference

  @doc """
  The edit script (`eq:`, `del:`, `ins:`) turning `list1` into `list2`, by
  Myers' O(ND) algorithm.
  """
  def myers_difference(list1, list2) when is_list(list1) and is_list(list2),
    do: myers(list1, list2, nil)

  @doc """
  As myers_difference/2; `diff_script.(a, b)` is asked about elements that
  differ and may return a nested script, kept under `diff:` (or nil).
  """
  def myers_difference(list1, list2, diff_script)
      when is_list(list1) and is_list(list2) and is_function(diff_script),
      do: myers(list1, list2, diff_script)

  # A path is {y, rest1, rest2, edits}: y elements of list1 consumed, the
  # edits newest first. Round d holds the furthest paths with d edits on
  # diagonals -d, -d + 2, ..., d, in that order.
  defp myers(list1, list2, diff_script) do
    case snake({0, list1, list2, []}) do
      {:done, edits} -> group_edits(edits, [])
      {:more, path} -> myers_round(1, [path], diff_script)
    end
  end

  defp myers_round(d, paths, diff_script) do
    case extend(-d, d, paths, [], diff_script) do
      {:done, edits} -> group_edits(edits, [])
      {:more, next} -> myers_round(d + 1, next, diff_script)
    end
  end

  # Diagonal k is reached by a deletion from k + 1 or an insertion from
  # k - 1: whichever has consumed more of list1, the deletion on a tie.
  defp extend(k, d, _paths, acc, _diff_script) when k > d, do: {:more, :lists.reverse(acc)}

  defp extend(k, d, paths, acc, diff_script) do
    {path, rest} =
      cond do
        k == -d ->
          {delete_step(hd(paths), diff_script), paths}

        k == d ->
          {insert_step(hd(paths), diff_script), []}

        true ->
          [left, right | _] = paths

          if elem(left, 0) > elem(right, 0),
            do: {insert_step(left, diff_script), tl(paths)},
            else: {delete_step(right, diff_script), tl(paths)}
      end

    case snake(path) do
      {:done, edits} -> {:done, edits}
      {:more, path} -> extend(k + 2, d, rest, [path | acc], diff_script)
    end
  end

  defp delete_step({y, [a | rest1], [b | rest2] = list2, edits}, diff_script) when diff_script != nil do
    case diff_script.(a, b) do
      nil -> {y + 1, rest1, list2, [{:del, a} | edits]}
      diff -> {y + 1, rest1, rest2, [{:diff, diff} | edits]}
    end
  end

  defp delete_step({y, [a | rest1], list2, edits}, _), do: {y + 1, rest1, list2, [{:del, a} | edits]}
  defp delete_step({y, [], list2, edits}, _), do: {y + 1, [], list2, edits}

  defp insert_step({y, [a | rest1] = list1, [b | rest2], edits}, diff_script) when diff_script != nil do
    case diff_script.(a, b) do
      nil -> {y, list1, rest2, [{:ins, b} | edits]}
      diff -> {y + 1, rest1, rest2, [{:diff, diff} | edits]}
    end
  end

  defp insert_step({y, list1, [b | rest2], edits}, _), do: {y, list1, rest2, [{:ins, b} | edits]}
  defp insert_step({y, list1, [], edits}, _), do: {y, list1, [], edits}

  defp snake({y, [a | rest1], [a | rest2], edits}), do: snake({y + 1, rest1, rest2, [{:eq, a} | edits]})
  defp snake({_, [], [], edits}), do: {:done, edits}
  defp snake(path), do: {:more, path}

  # The edits (newest first) grouped by kind into the script. An `eq` group
  # followed by an identical `ins` group and another `eq` group reads
  # better as the insertion first: `ins: x, eq: x ++ more`.
  defp group_edits([], script), do: script
  defp group_edits([{:diff, _} = diff | rest], script), do: group_edits(rest, [diff | script])

  defp group_edits([{kind, x} | rest], [{kind, xs} | script]),
    do: group_edits(rest, [{kind, [x | xs]} | script])

  defp group_edits([{kind, x} | rest], script) do
    script =
      case script do
        [{:eq, same}, {:ins, same}, {:eq, more} | tail] -> [{:ins, same}, {:eq, same ++ more} | tail]
        _ -> script
      end

    case script do
      [{^kind, xs} | tail] -> group_edits(rest, [{kind, [x | xs]} | tail])
      _ -> group_edits(rest, [{kind, [x]} | script])
    end
  end

  ## Helpers

  defp proper?(list) when length(list) >= 0, do: true
  defp proper?(_), do: false

  defp badarg1(text) do
    raise ArgumentError, "errors were found at the given arguments:\n\n  * 1st argument: " <> text <> "\n"
  end

  defp inlined_clause(function, arity),
    do: raise(FunctionClauseError, module: List, function: function, arity: arity)
end
