# Erlang/OTP 25's `:re`, the part written in the language: `replace/3,4`
# and `split/2,3`, over `:re.run/3`.
#
# compile/1,2, run/2,3, inspect/2 and version/0 are built-ins (vm/src/bif/re.rs,
# on PCRE2), registered under this module's name, so calls to them never reach
# this file.
#
# Known difference: the iodata `replace` returns by default (no `:return`
# option) holds the same bytes as OTP's, in a list of the same shape for
# simple cases (`["a", "x" | "b"]`), but OTP's exact nesting is not promised.
defmodule :re do
  @doc false
  def replace(subject, re, replacement), do: replace(subject, re, replacement, [])

  @doc false
  def replace(subject, re, replacement, options) when is_list(options) do
    {return, global, run_opts} = replace_options(options, :iodata, false, [])
    run_opts = if global, do: [:global | run_opts], else: run_opts
    uni = unicode?(re, run_opts)

    case :re.run(subject, re, [{:capture, :all, :index} | run_opts]) do
      :nomatch ->
        return_subject(subject, return, uni)

      {:match, matches} ->
        bin = subject_binary(subject, uni)
        parts = replacement_parts(IO.iodata_to_binary(replacement_bytes(replacement, uni)))
        matches = if global, do: matches, else: [matches]
        iodata = replace_all(bin, matches, parts, 0)
        convert(iodata, return, uni)
    end
  end

  defp replace_options([], return, global, acc), do: {return, global, :lists.reverse(acc)}

  defp replace_options([{:return, r} | t], _return, global, acc) when r in [:iodata, :list, :binary],
    do: replace_options(t, r, global, acc)

  defp replace_options([:global | t], return, _global, acc), do: replace_options(t, return, true, acc)

  defp replace_options([{:capture, _} | _], _, _, _), do: :erlang.error(:badarg)
  defp replace_options([{:capture, _, _} | _], _, _, _), do: :erlang.error(:badarg)
  defp replace_options([o | t], return, global, acc), do: replace_options(t, return, global, [o | acc])

  defp replace_all(bin, [], _parts, offset) do
    binary_part(bin, offset, byte_size(bin) - offset)
  end

  defp replace_all(bin, [[{pos, len} | _] = groups | more], parts, offset) do
    before = binary_part(bin, offset, pos - offset)
    text = replacement_text(parts, bin, groups)

    case replace_all(bin, more, parts, pos + len) do
      "" -> [before, text]
      rest -> [before, text | rest]
    end
  end

  # The replacement as texts and group numbers: `&` is the whole match,
  # `\N`, `\gN` and `\g{N}` group N, `\&` and `\\` the character itself.
  defp replacement_parts(<<>>), do: []
  defp replacement_parts(<<?&, rest::binary>>), do: [0 | replacement_parts(rest)]
  defp replacement_parts(<<?\\, ?&, rest::binary>>), do: add_text("&", replacement_parts(rest))
  defp replacement_parts(<<?\\, ?\\, rest::binary>>), do: add_text("\\", replacement_parts(rest))

  defp replacement_parts(<<?\\, ?g, ?{, rest::binary>> = all) do
    case take_digits(rest, []) do
      {[_ | _] = digits, "}" <> rest} -> [List.to_integer(digits) | replacement_parts(rest)]
      _ -> text_then(all)
    end
  end

  defp replacement_parts(<<?\\, ?g, d, rest::binary>>) when d in ?0..?9 do
    {digits, rest} = take_digits(rest, [d])
    [List.to_integer(digits) | replacement_parts(rest)]
  end

  defp replacement_parts(<<?\\, d, rest::binary>>) when d in ?0..?9 do
    {digits, rest} = take_digits(rest, [d])
    [List.to_integer(digits) | replacement_parts(rest)]
  end

  defp replacement_parts(all), do: text_then(all)

  defp text_then(<<c, rest::binary>>), do: add_text(<<c>>, replacement_parts(rest))

  defp add_text(text, [head | tail]) when is_binary(head), do: [text <> head | tail]
  defp add_text(text, parts), do: [text | parts]

  defp take_digits(<<d, rest::binary>>, acc) when d in ?0..?9, do: take_digits(rest, [d | acc])
  defp take_digits(rest, acc), do: {:lists.reverse(acc), rest}

  defp replacement_text([text], _bin, _groups) when is_binary(text), do: text

  defp replacement_text(parts, bin, groups) do
    for part <- parts do
      if is_integer(part), do: group_text(bin, groups, part), else: part
    end
  end

  defp group_text(bin, groups, n) do
    case Enum.at(groups, n) do
      {pos, len} when pos >= 0 -> binary_part(bin, pos, len)
      _ -> ""
    end
  end

  @doc false
  def split(subject, re), do: split(subject, re, [])

  @doc false
  def split(subject, re, options) when is_list(options) do
    {return, parts, trim, group, run_opts} = split_options(options, :iodata, :infinity, false, false, [])
    uni = unicode?(re, run_opts)
    bin = subject_binary(subject, uni)

    pieces =
      case :re.run(subject, re, [:global, {:capture, :all, :index} | run_opts]) do
        :nomatch -> [[bin]]
        {:match, matches} -> split_at(bin, matches, 0, parts, groups_of(re, run_opts))
      end

    pieces =
      cond do
        not trim -> pieces
        parts == :infinity -> trim_empty(pieces)
        # A limited split with trim: the whole split when, trimmed, it has
        # no more parts than the limit (as OTP does).
        true -> trim_limited(subject, re, run_opts, bin, pieces, parts)
      end

    if group do
      for piece <- pieces, do: for(p <- piece, do: convert(p, return, uni))
    else
      for piece <- pieces, p <- piece, do: convert(p, return, uni)
    end
  end

  defp split_options([], return, parts, trim, group, acc),
    do: {return, parts, trim, group, :lists.reverse(acc)}

  defp split_options([{:return, r} | t], _return, parts, trim, group, acc)
       when r in [:iodata, :list, :binary],
       do: split_options(t, r, parts, trim, group, acc)

  defp split_options([{:parts, 0} | t], return, _parts, _trim, group, acc),
    do: split_options(t, return, :infinity, true, group, acc)

  defp split_options([{:parts, n} | t], return, _parts, trim, group, acc)
       when (is_integer(n) and n > 0) or n == :infinity,
       do: split_options(t, return, n, trim, group, acc)

  defp split_options([:trim | t], return, parts, _trim, group, acc),
    do: split_options(t, return, parts, true, group, acc)

  defp split_options([:group | t], return, parts, trim, _group, acc),
    do: split_options(t, return, parts, trim, true, acc)

  defp split_options([o | _], _, _, _, _, _)
       when o == :global or (is_tuple(o) and elem(o, 0) == :capture),
       do: :erlang.error(:badarg)

  defp split_options([o | t], return, parts, trim, group, acc),
    do: split_options(t, return, parts, trim, group, [o | acc])

  # The number of groups of the pattern (each split piece is followed by
  # all of them, "" for one that took no part).
  defp groups_of({:re_pattern, n, _, _, _}, _opts), do: n

  defp groups_of(source, opts) do
    compile_opts = for o <- opts, compile_option?(o), do: o
    {:ok, {:re_pattern, n, _, _, _}} = :re.compile(source, compile_opts)
    n
  end

  defp compile_option?({:newline, _}), do: true

  defp compile_option?(o),
    do:
      o in [:unicode, :anchored, :caseless, :dollar_endonly, :dotall, :extended, :firstline] or
        o in [:multiline, :no_auto_capture, :dupnames, :ungreedy, :no_start_optimize, :ucp] or
        o in [:never_utf, :bsr_anycrlf, :bsr_unicode]

  # Each piece: the text before a match, then its groups. An empty match
  # where the last piece ended splits nothing (so none at the start).
  defp split_at(bin, _matches, offset, 1, _groups),
    do: [[binary_part(bin, offset, byte_size(bin) - offset)]]

  defp split_at(bin, [], offset, _parts, _groups),
    do: [[binary_part(bin, offset, byte_size(bin) - offset)]]

  defp split_at(bin, [[{pos, 0} | _] | more], offset, parts, groups) when pos == offset,
    do: split_at(bin, more, offset, parts, groups)

  defp split_at(bin, [[{pos, len} | subs] | more], offset, parts, groups) do
    piece = [binary_part(bin, offset, pos - offset) | sub_texts(bin, subs, groups)]
    parts = if parts == :infinity, do: :infinity, else: parts - 1
    [piece | split_at(bin, more, pos + len, parts, groups)]
  end

  defp sub_texts(_bin, _subs, 0), do: []

  defp sub_texts(bin, [{pos, len} | t], n) when pos >= 0,
    do: [binary_part(bin, pos, len) | sub_texts(bin, t, n - 1)]

  defp sub_texts(bin, [_ | t], n), do: ["" | sub_texts(bin, t, n - 1)]
  defp sub_texts(bin, [], n), do: ["" | sub_texts(bin, [], n - 1)]

  defp trim_limited(subject, re, run_opts, bin, pieces, parts) do
    {:match, matches} = :re.run(subject, re, [:global, {:capture, :all, :index} | run_opts])
    whole = trim_empty(split_at(bin, matches, 0, :infinity, groups_of(re, run_opts)))
    if length(whole) <= parts, do: whole, else: trim_empty(pieces)
  end

  # Trailing pieces that are all empty go (a subject that is one empty
  # piece stays one).
  defp trim_empty([_] = pieces), do: pieces

  defp trim_empty(pieces) do
    pieces
    |> :lists.reverse()
    |> Enum.drop_while(fn piece -> Enum.all?(piece, &(&1 == "")) end)
    |> :lists.reverse()
  end

  defp unicode?({:re_pattern, _, 1, _, _}, _), do: true
  defp unicode?(_, opts), do: :unicode in opts

  # The subject as one binary (indices from :re.run count its bytes).
  defp subject_binary(subject, _uni) when is_binary(subject), do: subject

  defp subject_binary(subject, uni) do
    if uni,
      do: List.to_string(subject),
      else: IO.iodata_to_binary(subject)
  end

  defp replacement_bytes(replacement, uni) when is_list(replacement) do
    if uni, do: List.to_string(replacement), else: replacement
  end

  defp replacement_bytes(replacement, _uni), do: replacement

  defp return_subject(subject, :iodata, _uni), do: subject
  defp return_subject(subject, return, uni), do: convert(subject, return, uni)

  defp convert(data, :iodata, _uni), do: data
  defp convert(data, :binary, uni), do: subject_binary(data, uni)

  defp convert(data, :list, uni) do
    bin = IO.iodata_to_binary(data)
    if uni, do: String.to_charlist(bin), else: :erlang.binary_to_list(bin)
  end
end
