# Erlang/OTP 25's `:io_lib` formatting, written in the language:
# `format/2` (`fwrite/2`) with the control sequences `~c ~s ~w ~p ~W ~P
# ~b ~B ~x ~X ~# ~+ ~f ~e ~g ~n ~i ~~`, field width, precision, padding
# character and `-` (left adjust), `*` taking a number from the
# arguments (`~W` and `~P` with a depth limit); and `write/1,2`, `print/1`,
# `write_atom/1`, `write_string/1`, `nl/0`.
#
# Terms print in Erlang's syntax (`{ok,[1,2]}`, `#{a => 1}`, `<<"ab">>`,
# quoted atoms). The result is a flat charlist, where OTP returns a deep
# one of the same characters (the same text once flattened); `~p` and `~P`
# break long terms over lines as io_lib_pretty does.
defmodule :io_lib do
  @moduledoc false

  @doc "The characters of `format` with its control sequences filled from `args`."
  def format(format, args) do
    chars = fmt_chars(format)

    if is_list(args) do
      try do
        build(chars, args, [])
      catch
        :throw, :beamlet_badarg -> :erlang.error(:badarg)
      end
    else
      :erlang.error(:badarg)
    end
  end

  @doc "Same as `format/2`."
  def fwrite(format, args), do: format(format, args)

  @doc "The Erlang text of `term`."
  def write(term), do: String.to_charlist(write_term(term, false))

  @doc "The Erlang text of `term`, nested no deeper than `depth` (-1: no limit)."
  def write(term, depth) when is_integer(depth), do: String.to_charlist(write_term(limit(term, depth, false), false))

  @doc "The Erlang text of `term`, strings shown as strings."
  def print(term), do: String.to_charlist(write_term(term, true))

  @doc """
  `term` laid out as `~p` does, starting at column `column` (1 is the first),
  within lines of `line_length`, nested no deeper than `depth` (-1: no limit).
  """
  def print(term, column, line_length, depth)
      when is_integer(column) and column >= 1 and is_integer(line_length) and is_integer(depth) do
    String.to_charlist(layout_pretty(limit(term, depth, true), true, column - 1, 0, line_length - 2))
  end

  @doc "The Erlang text of an atom, quoted when needed."
  def write_atom(atom), do: String.to_charlist(atom_text(atom))

  @doc "The Erlang text of a string: `\"...\"`."
  def write_string(string), do: String.to_charlist(string_text(string))

  @doc "A newline."
  def nl, do: '\n'

  defp fmt_chars(f) when is_list(f), do: List.to_string(f) |> String.to_charlist()
  defp fmt_chars(f) when is_binary(f), do: String.to_charlist(f)
  defp fmt_chars(f) when is_atom(f), do: String.to_charlist(Atom.to_string(f))
  defp fmt_chars(_), do: :erlang.error(:badarg)

  @doc false
  # Why `format(format, args)` fails, in the words of OTP 25's error info
  # for `:io.format/2,3`: `{argument_position, text}`.
  def __format_error__(format, args) do
    cond do
      not is_list(args) ->
        {2, "not a list"}

      true ->
        chars = fmt_chars(format)

        case scan_controls(chars, []) do
          {:invalid, c} ->
            {1, "format string invalid (invalid control ~#{<<c::utf8>>})"}

          {:ok, controls} ->
            needed = Enum.sum(Enum.map(controls, &length(elem(&1, 1))))

            if needed != length(args) do
              {1, "wrong number of arguments"}
            else
              type_error(controls, args, 1) || {1, "failed to format string"}
            end
        end
    end
  catch
    _, _ -> {1, "failed to format string"}
  end

  @valid_controls ~c"cfegswpWPBX#bx+in~"

  # Each control with the types of the arguments it takes (`*` fields take
  # integers too).
  defp scan_controls([], acc), do: {:ok, Enum.reverse(acc)}

  defp scan_controls([?~ | rest], acc) do
    {stars, rest} = skip_field(rest, 0)

    case rest do
      [c | rest] when c in @valid_controls ->
        types =
          case c do
            c when c in [?n, ?~] -> []
            ?c -> [:integer]
            c when c in [?f, ?e, ?g] -> [:float]
            ?s -> [:string]
            c when c in [?w, ?p, ?i] -> [:any]
            c when c in [?W, ?P] -> [:any, :integer]
            c when c in [?x, ?X] -> [:integer, :string]
            _ -> [:integer]
          end

        scan_controls(rest, [{c, List.duplicate(:integer, stars) ++ types} | acc])

      [c | _] ->
        {:invalid, c}

      [] ->
        {:invalid, ?\s}
    end
  end

  defp scan_controls([_ | rest], acc), do: scan_controls(rest, acc)

  # Skips `[-][width][.precision[.pad]][t|l|k|K]`, counting the `*`s.
  defp skip_field([c | rest], stars) when c == ?- or c in ?0..?9, do: skip_field(rest, stars)
  defp skip_field([?* | rest], stars), do: skip_field(rest, stars + 1)
  defp skip_field([?., ?. , ?* | rest], stars), do: skip_field(rest, stars + 1)
  defp skip_field([?., ?., _pad | rest], stars), do: skip_field(rest, stars)
  defp skip_field([?. | rest], stars), do: skip_field(rest, stars)
  defp skip_field([m | rest], stars) when m in [?t, ?l, ?k, ?K], do: skip_field(rest, stars)
  defp skip_field(rest, stars), do: {stars, rest}

  defp type_error([], _args, _i), do: nil

  defp type_error([{_c, types} | rest], args, i) do
    {mine, args} = Enum.split(args, length(types))

    bad =
      Enum.zip(types, mine)
      |> Enum.with_index(i)
      |> Enum.find(fn {{type, v}, _} -> not of_type?(type, v) end)

    case bad do
      {{type, _}, n} -> {2, "element #{n} must be of type #{type}"}
      nil -> type_error(rest, args, i + length(types))
    end
  end

  defp of_type?(:any, _), do: true
  defp of_type?(:integer, v), do: is_integer(v)
  defp of_type?(:float, v), do: is_float(v)
  defp of_type?(:string, v), do: is_binary(v) or is_atom(v) or is_list(v)

  ## The format's walk

  defp build([], [], acc), do: :lists.reverse(acc)
  defp build([], _args, _acc), do: throw(:beamlet_badarg)

  defp build([?~ | rest], args, acc) do
    {spec, rest, args} = directive(rest, args)
    # `~p` lays its term out from the column the output has reached.
    spec = Map.put(spec, :col, Enum.find_index(acc, &(&1 == ?\n)) || length(acc))
    {text, args} = control(spec, args)
    build(rest, args, :lists.reverse(text, acc))
  end

  defp build([c | rest], args, acc), do: build(rest, args, [c | acc])

  # Reads `[-][width][.precision[.pad]][t|l]control`.
  defp directive(chars, args) do
    {left, chars} =
      case chars do
        [?- | r] -> {true, r}
        r -> {false, r}
      end

    {width, chars, args} = number(chars, args)

    {width, left} =
      if is_integer(width) and width < 0, do: {-width, true}, else: {width, left}

    {prec, pad, chars, args} =
      case chars do
        [?. | r] ->
          {p, r, args} = number(r, args)

          case r do
            [?., ?* | r2] ->
              case args do
                [c | args] -> {p, c, r2, args}
                [] -> throw(:beamlet_badarg)
              end

            [?., c | r2] ->
              {p, c, r2, args}

            _ ->
              {p, ?\s, r, args}
          end

        r ->
          {nil, ?\s, r, args}
      end

    # The modifiers, in either order: `t` (Unicode), `l` (no string
    # detection: lists and binaries as integers).
    {unicode, lists, chars} = modifiers(chars, false, false)

    case chars do
      [c | rest] -> {%{c: c, width: width, left: left, prec: prec, pad: pad, t: unicode, l: lists}, rest, args}
      [] -> throw(:beamlet_badarg)
    end
  end

  defp modifiers([?t | r], _t, l), do: modifiers(r, true, l)
  defp modifiers([?l | r], t, _l), do: modifiers(r, t, true)
  defp modifiers(r, t, l), do: {t, l, r}

  defp number([?* | r], [n | args]) when is_integer(n), do: {n, r, args}
  defp number([?* | _], _args), do: throw(:beamlet_badarg)

  defp number(chars, args) do
    {digits, rest} = split_digits(chars, [])

    case digits do
      [] -> {nil, rest, args}
      _ -> {List.to_integer(digits), rest, args}
    end
  end

  defp split_digits([c | rest], acc) when c in ?0..?9, do: split_digits(rest, [c | acc])
  defp split_digits(rest, acc), do: {:lists.reverse(acc), rest}

  defp take([a | rest]), do: {a, rest}
  defp take([]), do: throw(:beamlet_badarg)

  ## The controls

  defp control(%{c: ?~} = s, args), do: {pad('~', s, :right), args}
  defp control(%{c: ?n}, args), do: {'\n', args}

  defp control(%{c: ?i}, args) do
    {_, args} = take(args)
    {[], args}
  end

  # `~c`: the character once; `F` or `P` times when one is given; with both,
  # `P` times in a field of `F` (`F` < `P` is refused, as OTP does).
  defp control(%{c: ?c} = s, args) do
    {c, args} = take(args)
    unless is_integer(c) and c >= 0, do: throw(:beamlet_badarg)
    # Without the `t` modifier the character is taken modulo 256, as OTP does.
    c = if s.t, do: c, else: Bitwise.band(c, 255)

    case {s.width, s.prec} do
      {nil, nil} -> {[c], args}
      {f, nil} -> {List.duplicate(c, f), args}
      {nil, p} -> {List.duplicate(c, p), args}
      {f, p} when f < p -> throw(:beamlet_badarg)
      {_f, p} -> {pad(List.duplicate(c, p), s, :right), args}
    end
  end

  defp control(%{c: ?s, width: f, prec: p}, _args) when is_integer(f) and is_integer(p) and f < p,
    do: throw(:beamlet_badarg)

  defp control(%{c: ?s} = s, args) do
    {v, args} = take(args)
    text = string_arg(v, s.t)
    n = length(text)

    # The precision cuts the string or pads it (on the right) to its
    # length; a precision equal to the field width only cuts.
    text =
      cond do
        s.prec == nil -> text
        n > s.prec -> Enum.take(text, s.prec)
        s.prec == s.width -> text
        true -> text ++ List.duplicate(s.pad, s.prec - n)
      end

    {pad(text, s, :left_default_right), args}
  end

  defp control(%{c: ?w} = s, args) do
    {v, args} = take(args)
    {term_field(String.to_charlist(write_term(v, false)), s), args}
  end

  # OTP refuses a left-adjusted `~p`/`~P` (its field width is a line length).
  defp control(%{c: c, left: true}, _args) when c in [?p, ?P], do: throw(:beamlet_badarg)

  defp control(%{c: ?p} = s, args) do
    {v, args} = take(args)
    # The field width of `~p` is its line length.
    {String.to_charlist(pretty_text(v, pretty_mode(s), s)), args}
  end

  defp control(%{c: ?W} = s, args) do
    {v, args} = take(args)
    {depth, args} = take(args)
    unless is_integer(depth), do: throw(:beamlet_badarg)
    {term_field(String.to_charlist(write_term(limit(v, depth, false), false)), s), args}
  end

  # `~P`: `~p` with a depth limit (the field width is the line length).
  defp control(%{c: ?P} = s, args) do
    {v, args} = take(args)
    {depth, args} = take(args)
    unless is_integer(depth), do: throw(:beamlet_badarg)
    mode = pretty_mode(s)
    {String.to_charlist(pretty_text(limit(v, depth, mode), mode, s)), args}
  end

  # `~p`'s text: the field width is the line length (80 by default, 0 for
  # no line breaks).
  defp pretty_text(v, mode, %{width: 0}), do: write_term(v, mode)
  defp pretty_text(v, mode, s), do: layout_pretty(v, mode, pretty_col(s), 0, (s.width || 80) - 2)

  # The layout with io_lib_pretty's TInd, the indentation of tagged tuples'
  # elements: -1 (after the tag) if every tuple broken over lines allows
  # it, else 4, else 1 (`tag_tuple_layout/6`).
  defp layout_pretty(v, mode, col, tail, line) do
    Enum.find_value([-1, 4], fn tind ->
      try do
        layout(v, mode, col, tail, line, tind)
      catch
        :beamlet_io_lib_no_good -> nil
      end
    end) || layout(v, mode, col, tail, line, 1)
  end

  # The column `~p`/`~P` lays a term out from: the precision when given
  # (`~F.Pp`: line length F, column P), else where the output stands.
  defp pretty_col(%{prec: p}) when is_integer(p), do: p - 1
  defp pretty_col(s), do: s.col

  # A term in a field: `width` columns (the precision when no width is
  # given), stars when the term is longer than the precision or the field.
  # Numbers go through it too, without a precision: `~3B` of 12345 is `***`.
  defp term_field(text, %{width: nil, prec: nil}), do: text
  defp term_field(text, %{width: nil} = s), do: term_field(text, %{s | width: s.prec})

  defp term_field(text, %{width: f, prec: p0} = s) do
    l = length(text)
    p = min(l, min(p0 || f, f))
    if l > p, do: pad(List.duplicate(?*, p), s, :right), else: pad(text, s, :right)
  end

  defp control(%{c: c} = s, args) when c in [?b, ?B, ?x, ?X, ?#, ?+] do
    {n, args} = take(args)
    unless is_integer(n), do: throw(:beamlet_badarg)
    base = s.prec || 10
    unless base in 2..36, do: throw(:beamlet_badarg)
    digits = Integer.to_string(abs(n), base)
    digits = if c in [?b, ?x, ?+], do: String.downcase(digits), else: digits

    {prefix, args} =
      case c do
        x when x in [?x, ?X] ->
          {p, args} = take(args)
          {prefix_arg(p), args}

        x when x in [?#, ?+] ->
          {String.to_charlist(Integer.to_string(base) <> "#"), args}

        _ ->
          {[], args}
      end

    sign = if n < 0, do: '-', else: []
    {term_field(sign ++ prefix ++ String.to_charlist(digits), %{s | prec: nil}), args}
  end

  defp control(%{c: ?f} = s, args) do
    {x, args} = take(args)
    p = s.prec || 6
    # OTP takes at least one decimal.
    unless is_float(x) and p >= 1, do: throw(:beamlet_badarg)
    {term_field(f_text(x, p), %{s | prec: nil}), args}
  end

  defp control(%{c: ?e} = s, args) do
    {x, args} = take(args)
    # OTP takes at least two significant digits.
    unless is_float(x) and (s.prec == nil or s.prec >= 2), do: throw(:beamlet_badarg)
    {term_field(e_text(x, s.prec || 6), %{s | prec: nil}), args}
  end

  # `~g`: `~f` for magnitudes from 0.1 up to 10000.0 (with `precision`
  # significant digits), else `~e`.
  defp control(%{c: ?g} = s, args) do
    {x, args} = take(args)
    p = s.prec || 6
    unless is_float(x) and p >= 1, do: throw(:beamlet_badarg)
    a = abs(x)

    e =
      cond do
        a < 0.1 -> -2
        a < 1.0 -> -1
        a < 10.0 -> 0
        a < 100.0 -> 1
        a < 1000.0 -> 2
        a < 10000.0 -> 3
        true -> nil
      end

    text =
      cond do
        p <= 1 and e == -1 -> f_text(x, p)
        e != nil and e >= -1 and p - 1 > e -> f_text(x, p - 1 - e)
        p <= 1 -> e_text(x, 2)
        true -> e_text(x, p)
      end

    {term_field(text, %{s | prec: nil}), args}
  end

  defp control(_s, _args), do: throw(:beamlet_badarg)

  defp pretty_mode(%{l: true}), do: false
  defp pretty_mode(%{t: true}), do: :unicode
  defp pretty_mode(_), do: true

  # `~f`, `~e` and `~g` round as OTP's `io_lib_format` does: from the 21 significant
  # digits of `float_to_list/1` (`"%.20e"`), half away from zero on those digits (not on
  # the exact value: `~.4e` of 9706.5 is `9.707e+3`, `~.2f` of 1.1396629073038682e21
  # ends in `...235780.00`). A negative float gets its `-`, `-0.0` too.

  # `p` decimals: `3.14`.
  defp f_text(x, p) do
    if negative?(x), do: [?- | unsigned_f_text(-x, p)], else: unsigned_f_text(x, p)
  end

  defp negative?(x) do
    <<sign::1, _::bitstring>> = <<x::float>>
    sign == 1
  end

  defp unsigned_f_text(x, p) do
    {ds, e} = float_data(x)
    {ds, e} = if e <= 0, do: {List.duplicate(?0, -e + 1) ++ ds, 1}, else: {ds, e}

    case float_man(ds, e, p) do
      {fs, true} -> [?1 | fs]
      {fs, false} -> fs
    end
  end

  # `p` significant digits, the exponent unpadded: `2.50000e+0`.
  defp e_text(x, p) do
    if negative?(x), do: [?- | unsigned_e_text(-x, p)], else: unsigned_e_text(x, p)
  end

  defp unsigned_e_text(x, p) do
    {ds, e} = float_data(x)

    case float_man(ds, 1, p - 1) do
      {[?0 | fs], true} -> [?1 | fs] ++ float_exp(e)
      {fs, false} -> fs ++ float_exp(e - 1)
    end
  end

  defp float_exp(e) when e >= 0, do: [?e, ?+ | Integer.to_charlist(e)]
  defp float_exp(e), do: [?e | Integer.to_charlist(e)]

  # The digits of `float_to_list(x)` and the exponent of the first one plus one.
  defp float_data(x) do
    [mant, exp] = String.split(:erlang.float_to_binary(x, scientific: 20), "e")
    {for(<<c <- mant>>, c in ?0..?9, do: c), String.to_integer(exp) + 1}
  end

  # `i` digits before the point, `dc` after it, rounded up on a 5 or more; the flag says
  # whether a carry is left over.
  defp float_man(ds, 0, dc) do
    {cs, carry} = float_man(ds, dc)
    {[?. | cs], carry}
  end

  defp float_man([d | ds], i, dc) do
    case float_man(ds, i - 1, dc) do
      {cs, true} when d == ?9 -> {[?0 | cs], true}
      {cs, true} -> {[d + 1 | cs], false}
      {cs, false} -> {[d | cs], false}
    end
  end

  defp float_man([], i, dc), do: {List.duplicate(?0, i) ++ [?. | List.duplicate(?0, dc)], false}

  defp float_man([d | _], 0) when d >= ?5, do: {[], true}
  defp float_man([_ | _], 0), do: {[], false}

  defp float_man([d | ds], dc) do
    case float_man(ds, dc - 1) do
      {cs, true} when d == ?9 -> {[?0 | cs], true}
      {cs, true} -> {[d + 1 | cs], false}
      {cs, false} -> {[d | cs], false}
    end
  end

  defp float_man([], dc), do: {List.duplicate(?0, dc), false}

  # Pads to the field width: `:left` and `:right` say where the text goes
  # unless `-` asked for left adjustment; `:left_default_right` (for ~s)
  # right-justifies by default.
  defp pad(text, %{width: nil}, _), do: text

  defp pad(text, %{width: w, left: left, pad: p}, default) do
    n = length(text)

    cond do
      n >= w and default == :right -> text
      n > w -> Enum.take(text, w)
      left or default == :left -> text ++ List.duplicate(p, w - n)
      true -> List.duplicate(p, w - n) ++ text
    end
  end

  # The prefix of `~x`/`~X`: an atom's text or a deep list of characters (a binary is
  # refused, as OTP does).
  defp prefix_arg(p) when is_atom(p), do: String.to_charlist(Atom.to_string(p))

  defp prefix_arg(p) when is_list(p) do
    if deep_char_list?(p), do: List.flatten(p), else: throw(:beamlet_badarg)
  end

  defp prefix_arg(_), do: throw(:beamlet_badarg)

  defp deep_char_list?([c | t]) when is_integer(c) and c >= 0, do: deep_char_list?(t)
  defp deep_char_list?([l | t]) when is_list(l), do: deep_char_list?(l) and deep_char_list?(t)
  defp deep_char_list?([]), do: true
  defp deep_char_list?(_), do: false

  # The characters of a ~s argument: a binary's bytes are Latin-1
  # characters unless the `t` modifier says UTF-8.
  defp string_arg(v, _t) when is_atom(v), do: String.to_charlist(Atom.to_string(v))
  defp string_arg(v, true) when is_binary(v), do: String.to_charlist(v)
  defp string_arg(v, false) when is_binary(v), do: :erlang.binary_to_list(v)

  defp string_arg(v, t) when is_list(v) do
    List.flatten(
      Enum.map(v, fn
        c when is_integer(c) -> c
        b when is_binary(b) -> string_arg(b, t)
        l when is_list(l) -> string_arg(l, t)
        _ -> throw(:beamlet_badarg)
      end)
    )
  end

  defp string_arg(_, _t), do: throw(:beamlet_badarg)

  ## Erlang's term syntax

  @doc false
  ## Depth limits (`~W`, `~P`, `write/2`): `limit/3` replaces what lies
  ## deeper than the limit by `{@more, text}` (`...`, `[...]`, `{...}`,
  ## `<<1,2,...>>`), which the writer prints as its text. A list keeps
  ## depth - 1 elements (`[1,2|...]`), a tuple too (`{1,2,...}`), a
  ## binary depth - 1 bytes, or 4 * (depth - 1) characters when printed as
  ## a string (`<<"abcd"...>>`); the elements are limited to one less at
  ## each step.
  @more :"$beamlet_io_lib_more"
  @more_map :"$beamlet_io_lib_more_map"
  @pair :"$beamlet_io_lib_pair"

  defp limit(term, depth, _pretty) when depth < 0, do: term
  defp limit(_term, 0, _pretty), do: {@more, "..."}

  defp limit(term, depth, pretty) when is_list(term) and term != [] do
    cond do
      depth == 1 -> {@more, "[...]"}
      pretty && printable_list?(term) -> term
      true -> limit_list(term, depth, pretty)
    end
  end

  defp limit(term, depth, pretty) when is_tuple(term) and tuple_size(term) > 0 do
    if depth == 1 do
      {@more, "{...}"}
    else
      [h | t] = Tuple.to_list(term)
      List.to_tuple([limit(h, depth - 1, pretty) | limit_elements(t, depth - 1, pretty)])
    end
  end

  defp limit(term, depth, pretty) when is_map(term) and map_size(term) > 0 do
    cond do
      depth == 1 and pretty -> {@more, "#" <> "{...}"}
      depth == 1 -> {@more, "#" <> "{}"}
      pretty ->
        # Kept as pairs, so that `~P` can lay the map out over lines.
        pairs = :maps.to_list(term)
        shown = for {k, v} <- Enum.take(pairs, depth - 1), do: {limit(k, depth - 1, pretty), limit(v, depth - 1, pretty)}
        {@more_map, shown, length(pairs) > depth - 1}

      true ->
        {@more, "#" <> "{" <> limit_pairs(:maps.to_list(term), depth - 1, pretty) <> "}"}
    end
  end

  defp limit(term, depth, pretty) when is_bitstring(term) and term != <<>> do
    cond do
      depth == 1 ->
        {@more, "<<...>>"}

      is_binary(term) and pretty != false and write_term(term, pretty) |> String.starts_with?("<<\"") ->
        utf8? = pretty == :unicode and String.valid?(term)
        chars = if utf8?, do: String.to_charlist(term), else: :erlang.binary_to_list(term)
        keep = 4 * (depth - 1)

        if length(chars) > keep do
          kept = Enum.take(chars, keep)
          kept = if utf8?, do: :unicode.characters_to_binary(kept), else: :erlang.list_to_binary(kept)
          text = write_term(kept, pretty)
          {@more, String.replace_suffix(text, ">>", "...>>")}
        else
          term
        end

      bit_size(term) > 8 * (depth - 1) ->
        <<kept::binary-size(depth - 1), _::bitstring>> = term
        {@more, String.replace_suffix(write_term(kept, false), ">>", ",...>>")}

      true ->
        term
    end
  end

  defp limit(term, _depth, _pretty), do: term

  defp limit_list([h | t], depth, pretty), do: [limit(h, depth - 1, pretty) | limit_tail(t, depth - 1, pretty)]

  defp limit_tail([], _depth, _pretty), do: []
  defp limit_tail(_t, 1, _pretty), do: {@more, "..."}
  defp limit_tail([h | t], depth, pretty), do: [limit(h, depth - 1, pretty) | limit_tail(t, depth - 1, pretty)]
  defp limit_tail(t, depth, pretty), do: limit(t, depth - 1, pretty)

  defp limit_elements([], _depth, _pretty), do: []
  defp limit_elements(_t, 1, _pretty), do: [{@more, "..."}]
  defp limit_elements([h | t], depth, pretty), do: [limit(h, depth - 1, pretty) | limit_elements(t, depth - 1, pretty)]

  # A map's pairs: at most `depth` of them, each key and value limited to
  # `depth`; then `,...` when pairs are left (`~W` and `write/2` also add it
  # when exactly `depth` pairs were shown: `#{a => 1,...}`).
  defp limit_pairs(pairs, depth, pretty) do
    shown = Enum.take(pairs, depth)

    text =
      Enum.map_join(shown, ",", fn {k, v} ->
        write_term(limit(k, depth, pretty), pretty) <> " => " <> write_term(limit(v, depth, pretty), pretty)
      end)

    if length(pairs) > depth or (pretty == false and length(shown) == depth), do: text <> ",...", else: text
  end

  def write_term({@more, text}, _pretty), do: text
  def write_term({@pair, k, v}, pretty), do: write_term(k, pretty) <> " => " <> write_term(v, pretty)

  def write_term({@more_map, pairs, more?}, pretty) do
    text = Enum.map_join(pairs, ",", fn {k, v} -> write_term(k, pretty) <> " => " <> write_term(v, pretty) end)
    "#" <> "{" <> text <> if(more?, do: ",...", else: "") <> "}"
  end
  def write_term(t, _pretty) when is_integer(t), do: Integer.to_string(t)
  def write_term(t, _pretty) when is_float(t), do: :erlang.float_to_binary(t, [:short])
  def write_term(t, _pretty) when is_atom(t), do: atom_text(t)
  def write_term(t, _pretty) when is_pid(t), do: List.to_string(:erlang.pid_to_list(t))
  def write_term(t, _pretty) when is_reference(t), do: List.to_string(:erlang.ref_to_list(t))

  def write_term(t, pretty) when is_binary(t) do
    cond do
      pretty == :unicode and t != <<>> and String.valid?(t) and unicode_printable?(t) ->
        if ascii?(t), do: "<<" <> string_text(t) <> ">>", else: "<<" <> string_text(t) <> "/utf8>>"

      pretty && printable_binary?(t) ->
        "<<" <> latin1_text(t) <> ">>"

      true ->
        "<<" <> Enum.map_join(:erlang.binary_to_list(t), ",", &Integer.to_string/1) <> ">>"
    end
  end

  defp ascii?(bin), do: Enum.all?(:erlang.binary_to_list(bin), &(&1 < 128))

  # `~tp` prints a binary as `<<"..."/utf8>>` when its characters are printable in the
  # emulator's printable range, Latin-1 by default (`io:printable_range/0`): `"日本"` prints
  # as bytes.
  defp unicode_printable?(bin), do: printable_list?(String.to_charlist(bin))

  # A binary's bytes as Latin-1 characters, quoted.
  defp latin1_text(bin), do: string_text(:erlang.binary_to_list(bin) |> Enum.map(&<<&1::utf8>>) |> Enum.join())

  def write_term(t, _pretty) when is_bitstring(t) do
    size = bit_size(t)
    whole = div(size, 8)
    <<bytes::binary-size(whole), last::size(size - whole * 8)>> = t
    parts = Enum.map(:erlang.binary_to_list(bytes), &Integer.to_string/1)
    "<<" <> Enum.join(parts ++ ["#{last}:#{size - whole * 8}"], ",") <> ">>"
  end

  def write_term([], _pretty), do: "[]"

  def write_term(t, pretty) when is_list(t) do
    if pretty && printable_list?(t) do
      string_text(List.to_string(t))
    else
      "[" <> list_items(t, pretty) <> "]"
    end
  end

  def write_term(t, pretty) when is_tuple(t),
    do: "{" <> Enum.map_join(Tuple.to_list(t), ",", &write_term(&1, pretty)) <> "}"

  def write_term(t, pretty) when is_map(t) do
    "#" <> "{" <>
      Enum.map_join(:beamlet.map_fold_list(t), ",", fn {k, v} ->
        write_term(k, pretty) <> " => " <> write_term(v, pretty)
      end) <> "}"
  end

  def write_term(t, _pretty) when is_function(t), do: inspect(t)

  ## `~p`'s layout, as io_lib_pretty's: with its line length of 80, a line
  ## holds at most 78 columns (`line`)

  # `term` printed from column `col`, followed by `tail` columns of closing
  # characters: flat when it fits; else the items of a list or tuple fill
  # lines, where a nested item (a tuple, map or list) starts a line of its
  # own, as does the item after it; a tuple starting with an atom keeps
  # the atom on the first line and puts the rest after it or TInd (`tind`)
  # columns in (`tag_tuple_layout/6`); a map takes a line per pair, the
  # value on the next line when it does not fit.
  defp layout({@more, text}, _pretty, col, tail, line, _tind) do
    if bytes_text?(text) and col + String.length(text) + tail > line,
      do: bytes_layout(text, col, tail, line),
      else: text
  end

  defp layout({@pair, k, v} = pair, pretty, col, tail, line, tind) do
    flat = write_term(pair, pretty)

    if col + String.length(flat) + tail <= line do
      flat
    else
      # The value goes `TInd` columns in (4 when TInd is -1).
      i = if tind > 0, do: tind, else: 4
      write_term(k, pretty) <> " =>\n" <> String.duplicate(" ", col + i) <> layout(v, pretty, col + i, tail, line, tind)
    end
  end

  defp layout({@more_map, pairs, more?} = term, pretty, col, tail, line, tind) do
    flat = write_term(term, pretty)
    if col + String.length(flat) + tail <= line, do: flat, else: layout_map(pairs, more?, pretty, col, tail, line, tind)
  end

  defp layout(term, pretty, col, tail, line, tind) do
    flat = write_term(term, pretty)

    cond do
      col + String.length(flat) + tail <= line ->
        flat

      is_list(term) and term != [] and not (pretty && printable_list?(term)) ->
        {items, last_tail} = list_parts(term, [])
        "[" <> items_layout(items, last_tail, pretty, col + 1, tail + 1, line, tind) <> "]"

      is_tuple(term) and tuple_size(term) > 1 and is_atom(elem(term, 0)) ->
        tag_tuple_layout(term, pretty, col, tail, line, tind)

      is_tuple(term) and tuple_size(term) > 0 ->
        "{" <> items_layout(Tuple.to_list(term), nil, pretty, col + 1, tail + 1, line, tind) <> "}"

      is_map(term) and map_size(term) > 0 ->
        layout_map(:beamlet.map_fold_list(term), false, pretty, col, tail, line, tind)

      is_bitstring(term) and bytes_text?(flat) ->
        bytes_layout(flat, col, tail, line)

      true ->
        flat
    end
  end

  # The items of a list and its improper tail (nil when proper).
  defp list_parts([h | t], acc) when is_list(t), do: list_parts(t, [h | acc])
  defp list_parts([h | t], acc), do: {Enum.reverse([h | acc]), t}
  defp list_parts([], acc), do: {Enum.reverse(acc), nil}

  # Whether an item is not "atomic" to io_lib_pretty (`?ATM`): a
  # non-empty list that is no string, tuple or map, or a binary written
  # as bytes. Such an item starts a line of its own, as does the next.
  defp nested?({@pair, k, v}, pretty), do: nested?(k, pretty) or nested?(v, pretty)
  defp nested?({@more, text}, _pretty), do: bytes_text?(text)
  defp nested?({}, _pretty), do: false
  defp nested?(t, _pretty) when is_tuple(t), do: true
  defp nested?(t, _pretty) when is_map(t), do: map_size(t) > 0
  defp nested?(t, pretty) when is_list(t), do: t != [] and not (pretty && printable_list?(t))
  defp nested?(t, pretty) when is_bitstring(t), do: bytes_text?(write_term(t, pretty))
  defp nested?(_, _pretty), do: false

  # A bitstring written as its bytes (`<<1,2,3>>`, `<<1,...>>`), not as a string.
  defp bytes_text?("<<\"" <> _), do: false
  defp bytes_text?("<<>>"), do: false
  defp bytes_text?("<<...>>"), do: false
  defp bytes_text?("<<" <> _), do: true
  defp bytes_text?(_), do: false

  # A bitstring's bytes over lines as io_lib_pretty's `pp_binary`: each
  # `byte,` goes on the line while it fits in `n` columns, the line
  # length less the column after `<<` and the closing characters (at
  # least 8); a new line is indented two columns past the `<<`.
  defp bytes_layout(text, col, tail, line) do
    body = text |> String.replace_prefix("<<", "") |> String.replace_suffix(">>", "")
    {init, [last]} = body |> String.split(",") |> Enum.split(-1)
    n0 = max(8, line - col - 1 - tail)
    newline = "\n" <> String.duplicate(" ", col + 2)

    {out, n} =
      Enum.reduce(init, {"", n0}, fn bs, {out, n} ->
        len = String.length(bs) + 1
        if n - len < 0, do: {out <> newline <> bs <> ",", n0 - len}, else: {out <> bs <> ",", n - len}
      end)

    last = if String.length(last) > n, do: newline <> last, else: last
    "<<" <> out <> last <> ">>"
  end

  # `start`: `{text, col}` when the items follow `text` already written
  # (a tagged tuple's `{tag,`), ending at `col`: the first item is then
  # placed as the ones after it are.
  defp items_layout(items, improper, pretty, indent, tail, line, tind, start \\ nil) do
    last = length(items) - 1
    newline = "\n" <> String.duplicate(" ", indent)
    # The text so far is kept as a reversed list of pieces, joined once.
    {out0, col0} =
      case start do
        nil -> {[], indent}
        {text, col} -> {[text], col}
      end

    # A cut tuple or map ends with `...` (a cut list has it as its tail).
    dots_last? = List.last(items) == {@more, "..."}

    {out, _col, _break?} =
      items
      |> Enum.with_index()
      |> Enum.reduce({out0, col0, false}, fn {item, i}, {out, col, break?} ->
        sep =
          cond do
            i < last -> ","
            improper != nil -> "|" <> write_term(improper, pretty)
            true -> ""
          end

        # An item before the `...` of a cut term counts as the last one
        # (io_lib_pretty's `last_depth/2`), without the `...`.
        dots_next? = if i < last, do: i == last - 1 and dots_last?, else: improper == {@more, "..."}

        after_cols =
          cond do
            dots_next? -> tail
            i == last -> String.length(sep) + tail
            true -> 1
          end

        text = write_term(item, pretty)
        first? = i == 0 and start == nil
        nested = nested?(item, pretty)
        # io_lib_pretty lays an item out over lines counting no closing
        # characters after it (not its comma) but for the last item.
        item_tail = if i < last and not dots_next?, do: 0, else: after_cols
        len = String.length(text)

        cond do
          # The `...` of a cut tuple or map follows the last item's comma.
          not first? and item == {@more, "..."} ->
            {[sep, text | out], col + 3 + String.length(sep), false}

          first? and col + len + after_cols <= line ->
            {[sep, text | out], col + len + String.length(sep), nested}

          not first? and not nested and not break? and col + len + after_cols <= line ->
            {[sep, text | out], col + len + String.length(sep), false}

          first? ->
            {[sep, layout(item, pretty, indent, item_tail, line, tind) | out], indent, true}

          indent + len + after_cols <= line ->
            {[sep, text, newline | out], indent + len + String.length(sep), nested}

          true ->
            {[sep, layout(item, pretty, indent, item_tail, line, tind), newline | out], indent, true}
        end
      end)

    out |> :lists.reverse() |> IO.iodata_to_binary()
  end

  # A map's pairs fill lines as a list's items do (a pair holding a
  # nested key or value takes a line of its own, as does the pair after
  # it); a pair too long for a line puts its value on the next one, four
  # columns in. `more?`: pairs were left out (`~P`), written as `...`.
  defp layout_map(pairs, more?, pretty, col, tail, line, tind) do
    items = for {k, v} <- pairs, do: {@pair, k, v}
    items = if more?, do: items ++ [{@more, "..."}], else: items
    "#\{" <> items_layout(items, nil, pretty, col + 2, tail + 1, line, tind) <> "}"
  end

  # A tuple whose first element is an atom, as io_lib_pretty's
  # `pp_tag_tuple`: with TInd (`tind`) at -1, or the tag no longer than
  # TInd allows, the other elements line up after `{tag,`; else they
  # follow the tag, and a new line is TInd columns in. While TInd is being
  # chosen (-1, then 4), a tuple whose elements would start past half the
  # line throws `:no_good` (`cind_tag_tuple`): `layout_pretty/5` tries the
  # next TInd, down to 1.
  defp tag_tuple_layout(term, pretty, col, tail, line, tind) do
    [tag | rest] = Tuple.to_list(term)
    tag_text = write_term(tag, pretty)
    tag_ind = String.length(tag_text) + 2
    half = div(line + 2, 2)

    if tind > 0 and tag_ind > tind do
      if tind != 1 and col + 1 + tind > half, do: throw(:beamlet_io_lib_no_good)
      # The column io_lib_pretty counts from is one past the comma.
      start = {"{" <> tag_text <> ",", col + 1 + tag_ind}
      items_layout(rest, nil, pretty, col + tind, tail + 1, line, tind, start) <> "}"
    else
      if tind != 1 and col + 1 + tag_ind >= half, do: throw(:beamlet_io_lib_no_good)
      head = "{" <> tag_text <> ","
      head <> items_layout(rest, nil, pretty, col + tag_ind, tail + 1, line, tind) <> "}"
    end
  end

  # A list's items, comma-separated (`|` before an improper tail), joined
  # once: appending each to the text of the rest would copy it over and
  # over.
  defp list_items(list, pretty), do: list |> list_pieces(pretty, []) |> IO.iodata_to_binary()

  defp list_pieces([h], pretty, acc), do: :lists.reverse([write_term(h, pretty) | acc])
  defp list_pieces([h | t], pretty, acc) when is_list(t), do: list_pieces(t, pretty, [",", write_term(h, pretty) | acc])
  defp list_pieces([h | t], pretty, acc), do: :lists.reverse([write_term(t, pretty), "|", write_term(h, pretty) | acc])

  defp printable_list?(list) do
    Enum.all?(list, &(is_integer(&1) and (&1 in 32..126 or &1 in 160..255 or &1 in [?\n, ?\r, ?\t, ?\v, ?\b, ?\f, ?\e])))
  catch
    _, _ -> false
  end

  defp printable_binary?(bin) do
    bin != <<>> and printable_list?(:erlang.binary_to_list(bin))
  end

  defp string_text(s) when is_list(s), do: string_text(List.to_string(s))

  defp string_text(s) do
    "\"" <> escape(s, ?") <> "\""
  end

  defp escape(s, quote) do
    s |> String.to_charlist() |> Enum.map_join(&escape_char(&1, quote, :unicode))
  end

  # One character inside quotes (`quote`: the quote character, escaped), as
  # Erlang writes it: the named escapes, `\\d` for DEL, three octal digits for
  # the other control characters (C0 and C1), and, in `:latin1` mode, `\\x{HEX}`
  # for a character above 255.
  defp escape_char(quote, quote, _mode), do: <<?\\, quote>>
  defp escape_char(?\\, _quote, _mode), do: "\\\\"
  defp escape_char(?\n, _quote, _mode), do: "\\n"
  defp escape_char(?\r, _quote, _mode), do: "\\r"
  defp escape_char(?\t, _quote, _mode), do: "\\t"
  defp escape_char(?\v, _quote, _mode), do: "\\v"
  defp escape_char(?\b, _quote, _mode), do: "\\b"
  defp escape_char(?\f, _quote, _mode), do: "\\f"
  defp escape_char(?\e, _quote, _mode), do: "\\e"
  defp escape_char(127, _quote, _mode), do: "\\d"

  defp escape_char(c, _quote, _mode) when c < 32 or c in 128..159 do
    "\\" <> String.pad_leading(Integer.to_string(c, 8), 3, "0")
  end

  defp escape_char(c, _quote, :latin1) when c > 255, do: "\\x{" <> Integer.to_string(c, 16) <> "}"
  defp escape_char(c, _quote, _mode), do: <<c::utf8>>

  ## Formatted input

  @doc """
  Reads `input` (a string of characters) as `format` says: `{:ok, values,
  rest}`, `{:more, format_rest, count, values_so_far}` when the input ends
  before the format, or `{:error, {:fread, what}}`.

  Controls: `~d` (integer), `~u` (unsigned), `~-` (an optional sign, as 1
  or -1), `~f` (float: digits, `.`, digits, optional exponent), `~#`
  (`base#digits`), `~s` (a word), `~a` (a word as an atom), `~c`
  (characters, whitespace included), `~l` (the characters read so far),
  `~~`; a width (`~3d`) takes that many characters, `*` (`~*d`) reads
  without keeping the value. Whitespace in `format` skips any whitespace,
  other characters must match.
  """
  def fread(format, input) when is_list(format) and is_list(input) do
    case fread_chars(format, input, 0, []) do
      {:ok, values, rest, _count} -> {:ok, values, rest}
      other -> other
    end
  end

  @doc """
  `fread/2` for an IO server, fed characters as they come (`:eof` at the
  end): the format is read from each whole line. `{:more, continuation}`
  until a line is complete, then `{:done, result, rest}` where `result` is
  `{:ok, values}`, `{:error, {:fread, what}}` or `:eof`. Start with `[]` as
  the continuation.
  """
  def fread([], chars, format) when is_list(format), do: fread({[], format, 0, []}, chars, format)

  def fread({[], _fmt, 0, []}, :eof, _format), do: {:done, :eof, :eof}

  def fread({collected, fmt, count, acc}, :eof, _format) do
    case fread_chars(fmt, collected, count, acc) do
      {:ok, values, rest, _count} -> {:done, {:ok, values}, rest}
      {:more, _, _, _} -> {:done, {:error, {:fread, :input}}, :eof}
      {:error, _} = error -> {:done, error, :eof}
    end
  end

  def fread({collected, fmt, count, acc}, chars, format) when is_list(chars) do
    all = collected ++ chars

    case Enum.split_while(all, &(&1 != ?\n)) do
      {_, []} ->
        {:more, {all, fmt, count, acc}}

      {line, [?\n | after_line]} ->
        case fread_chars(fmt, line, count, acc) do
          {:ok, values, rest, _count} -> {:done, {:ok, values}, line_rest(rest, after_line)}
          {:more, fmt, count, acc} -> fread({[], fmt, count, acc}, after_line, format)
          {:error, _} = error -> {:done, error, after_line}
        end
    end
  end

  # What is left after a line read by `fread/3`: the line's own rest with its
  # newline (dropped when nothing of the line is left), then the next lines.
  defp line_rest([], after_line), do: after_line
  defp line_rest(rest, after_line), do: rest ++ [?\n | after_line]

  @doc false
  # `fread/2`'s work, resumable: `count` characters were read, `acc` holds
  # the values so far (reversed). `{:ok, values, rest, count}` at the end of
  # the format.
  def fread_chars([], input, count, acc), do: {:ok, :lists.reverse(acc), input, count}

  def fread_chars([c | format], input, count, acc) when c in [?\s, ?\t, ?\n, ?\r] do
    {skipped, input} = skip_white(input, 0)
    fread_chars(format, input, count + skipped, acc)
  end

  def fread_chars([?~ | format] = all, input, count, acc) do
    {suppress?, format} =
      case format do
        [?* | format] -> {true, format}
        _ -> {false, format}
      end

    {width, format} = fread_width(format, nil)

    case format do
      [] ->
        {:error, {:fread, :format}}

      [?~ | format] ->
        fread_literal(?~, all, format, input, count, acc)

      [?l | format] ->
        fread_chars(format, input, count, fread_keep(count, suppress?, acc))

      [control | format] when control in [?d, ?u, ?-, ?f, ?#, ?s, ?a, ?c] ->
        if input == [] do
          {:more, all, count, acc}
        else
          case fread_field(control, width, input) do
            {:ok, value, used, input} -> fread_chars(format, input, count + used, fread_keep(value, suppress?, acc))
            {:error, what} -> {:error, {:fread, what}}
          end
        end

      _ ->
        {:error, {:fread, :format}}
    end
  end

  def fread_chars([c | format] = all, input, count, acc), do: fread_literal(c, all, format, input, count, acc)

  defp fread_literal(_c, all, _format, [], count, acc), do: {:more, all, count, acc}
  defp fread_literal(c, _all, format, [c | input], count, acc), do: fread_chars(format, input, count + 1, acc)
  defp fread_literal(_c, _all, _format, _input, _count, _acc), do: {:error, {:fread, :input}}

  defp fread_keep(_value, true, acc), do: acc
  defp fread_keep(value, false, acc), do: [value | acc]

  defp fread_width([d | t], width) when d in ?0..?9, do: fread_width(t, (width || 0) * 10 + d - ?0)
  defp fread_width(format, width), do: {width, format}

  defp skip_white([c | t], n) when c in [?\s, ?\t, ?\n, ?\r, ?\v, ?\f], do: skip_white(t, n + 1)
  defp skip_white(input, n), do: {n, input}

  defp take_word([c | _] = input, acc) when c in [?\s, ?\t, ?\n, ?\r, ?\v, ?\f], do: {:lists.reverse(acc), input}
  defp take_word([c | t], acc), do: take_word(t, [c | acc])
  defp take_word([], acc), do: {:lists.reverse(acc), []}

  # One field: `{:ok, value, characters used, rest}` or `{:error, what}`.
  # With a width, the field is exactly that many characters, which the
  # value must use up (`~s` and `~a` take them all, leading whitespace
  # dropped).
  defp fread_field(?c, width, input) do
    n = width || 1

    case Enum.split(input, n) do
      {field, rest} when length(field) == n -> {:ok, field, n, rest}
      _ -> {:error, :character}
    end
  end

  defp fread_field(control, nil, input) when control in [?s, ?a] do
    {skipped, input} = skip_white(input, 0)
    {word, rest} = take_word(input, [])
    {:ok, word_value(control, word), skipped + length(word), rest}
  end

  defp fread_field(control, width, input) when control in [?s, ?a] do
    case Enum.split(input, width) do
      {field, rest} when length(field) == width ->
        {_, word} = skip_white(field, 0)
        {:ok, word_value(control, word), width, rest}

      _ ->
        {:error, field_error(control)}
    end
  end

  defp fread_field(control, nil, input) do
    {skipped, input} = skip_white(input, 0)

    case scan_number(control, input) do
      {:ok, value, used, rest} -> {:ok, value, skipped + used, rest}
      :error -> {:error, field_error(control)}
    end
  end

  defp fread_field(control, width, input) do
    with {field, rest} when length(field) == width <- Enum.split(input, width),
         {_skipped, field} = skip_white(field, 0),
         {:ok, value, _used, []} <- scan_number(control, field) do
      {:ok, value, width, rest}
    else
      _ -> {:error, field_error(control)}
    end
  end

  defp word_value(?s, word), do: word
  defp word_value(?a, word), do: List.to_atom(word)

  defp field_error(?d), do: :integer
  defp field_error(?u), do: :unsigned
  defp field_error(?-), do: :sign
  defp field_error(?f), do: :float
  defp field_error(?#), do: :based
  defp field_error(?s), do: :string
  defp field_error(?a), do: :atom

  defp scan_number(?-, [?- | rest]), do: {:ok, -1, 1, rest}
  defp scan_number(?-, [?+ | rest]), do: {:ok, 1, 1, rest}
  defp scan_number(?-, rest), do: {:ok, 1, 0, rest}

  defp scan_number(?u, input) do
    case take_digits(input, []) do
      {[], _} -> :error
      {digits, rest} -> {:ok, List.to_integer(digits), length(digits), rest}
    end
  end

  defp scan_number(?d, input) do
    {sign, n, input} = take_sign(input)

    case scan_number(?u, input) do
      {:ok, value, used, rest} -> {:ok, sign * value, n + used, rest}
      :error -> :error
    end
  end

  defp scan_number(?#, input) do
    {sign, n, input} = take_sign(input)

    with {[_ | _] = base_digits, [?# | input]} <- take_digits(input, []),
         base when base in 2..36 <- List.to_integer(base_digits),
         {[_ | _] = digits, rest} <- take_based(input, base, []) do
      {:ok, sign * List.to_integer(digits, base), n + length(base_digits) + 1 + length(digits), rest}
    else
      _ -> :error
    end
  end

  defp scan_number(?f, input) do
    {sign, n, input} = take_sign(input)

    with {[_ | _] = int, [?. | input]} <- take_digits(input, []),
         {[_ | _] = frac, rest} <- take_digits(input, []),
         {exp, rest} when is_list(exp) <- take_exponent(rest) do
      text = int ++ [?. | frac] ++ exp
      value = :erlang.list_to_float(text)
      {:ok, if(sign < 0, do: -value, else: value), n + length(text), rest}
    else
      _ -> :error
    end
  end

  defp take_exponent([e | input]) when e in [?e, ?E] do
    {sign, input} =
      case input do
        [s | input] when s in [?+, ?-] -> {[s], input}
        _ -> {[], input}
      end

    case take_digits(input, []) do
      {[_ | _] = digits, rest} -> {[?e | sign ++ digits], rest}
      _ -> :error
    end
  end

  defp take_exponent(input), do: {[], input}

  defp take_sign([?- | input]), do: {-1, 1, input}
  defp take_sign([?+ | input]), do: {1, 1, input}
  defp take_sign(input), do: {1, 0, input}

  defp take_digits([d | t], acc) when d in ?0..?9, do: take_digits(t, [d | acc])
  defp take_digits(input, acc), do: {:lists.reverse(acc), input}

  defp take_based([d | t] = input, base, acc) do
    value =
      cond do
        d in ?0..?9 -> d - ?0
        d in ?a..?z -> d - ?a + 10
        d in ?A..?Z -> d - ?A + 10
        true -> 99
      end

    if value < base, do: take_based(t, base, [d | acc]), else: {:lists.reverse(acc), input}
  end

  defp take_based([], _base, acc), do: {:lists.reverse(acc), []}

  ## Character lists and their Erlang text

  @doc "Whether `list` is a flat list of printable characters (the `:latin1` printable range)."
  def printable_list(list), do: printable_latin1_list(list)

  @doc "Whether `list` is a flat list of printable Latin-1 characters."
  def printable_latin1_list([c | t]) when is_integer(c) and (c in 32..126 or c in 160..255 or c in 8..13 or c == 27),
    do: printable_latin1_list(t)

  def printable_latin1_list([]), do: true
  def printable_latin1_list(_), do: false

  @doc "Whether `list` is a flat list of printable Unicode characters."
  def printable_unicode_list([c | t]) when is_integer(c) and (c in 32..126 or c in 8..13 or c == 27),
    do: printable_unicode_list(t)

  def printable_unicode_list([c | t])
      when is_integer(c) and (c in 160..0xD7FF or c in 0xE000..0xFFFD or c in 0x10000..0x10FFFF),
      do: printable_unicode_list(t)

  def printable_unicode_list([]), do: true
  def printable_unicode_list(_), do: false

  @doc "Whether `term` is a flat list of Unicode code points."
  def char_list([c | t]) when is_integer(c) and (c in 0..0xD7FF or c in 0xE000..0xFFFD or c in 0x10000..0x10FFFF),
    do: char_list(t)

  def char_list([]), do: true
  def char_list(_), do: false

  @doc "Whether `term` is a flat list of Latin-1 characters."
  def latin1_char_list([c | t]) when is_integer(c) and c in 0..255, do: latin1_char_list(t)
  def latin1_char_list([]), do: true
  def latin1_char_list(_), do: false

  @doc "Whether `term` is a deep list of Unicode code points."
  def deep_char_list(term), do: deep_list?(term, &char_list([&1]))

  @doc "Same as `deep_char_list/1`."
  def deep_unicode_char_list(term), do: deep_char_list(term)

  @doc "Whether `term` is a deep list of Latin-1 characters."
  def deep_latin1_char_list(term), do: deep_list?(term, &(&1 in 0..255))

  defp deep_list?([], _char?), do: true
  defp deep_list?([h | t], char?) when is_list(h), do: deep_list?(h, char?) and deep_list?(t, char?)
  defp deep_list?([h | t], char?) when is_integer(h), do: char?.(h) and deep_list?(t, char?)
  defp deep_list?(_, _char?), do: false

  @doc "The number of characters in the chardata `chars`."
  def chars_length(chars) do
    chars |> :unicode.characters_to_list() |> length()
  end

  @doc "The column after writing `chars` from column `col` (tabs stop every 8 columns)."
  def indentation([c | t], col) when is_integer(c) do
    case c do
      ?\n -> indentation(t, 0)
      ?\t -> indentation(t, (div(col, 8) + 1) * 8)
      _ -> indentation(t, col + 1)
    end
  end

  def indentation([h | t], col), do: indentation(t, indentation(h, col))
  def indentation([], col), do: col

  @doc "Whether the atom `atom` (whose characters are `chars`) needs quotes in Erlang."
  def quote_atom(atom, chars) when is_atom(atom) and is_list(chars) do
    not bare_atom?(List.to_string(chars))
  end

  @doc "Same as `write_atom/1`, characters above 255 escaped as `\\x{HEX}`."
  def write_atom_as_latin1(atom) when is_atom(atom) do
    text = Atom.to_string(atom)

    if bare_atom?(text) do
      String.to_charlist(text)
    else
      String.to_charlist("'" <> (text |> String.to_charlist() |> Enum.map_join(&escape_char(&1, ?', :latin1))) <> "'")
    end
  end

  @doc "The Erlang text of the string `string` between `quote` characters."
  def write_string(string, quote) when is_list(string) and is_integer(quote),
    do: quoted_chars(string, quote, :unicode)

  @doc "Same as `write_string/1`."
  def write_unicode_string(string) when is_list(string), do: quoted_chars(string, ?", :unicode)

  @doc "The Erlang text of the Latin-1 string `string`."
  def write_latin1_string(string), do: write_latin1_string(string, ?")

  @doc "The Erlang text of the Latin-1 string `string` between `quote` characters."
  def write_latin1_string(string, quote) when is_integer(quote) do
    if latin1_char_list(string), do: quoted_chars(string, quote, :latin1), else: :erlang.error(:function_clause)
  end

  @doc "The Erlang text of `string`, characters above 255 escaped as `\\x{HEX}`."
  def write_string_as_latin1(string), do: write_string_as_latin1(string, ?")

  @doc "As `write_string_as_latin1/1`, between `quote` characters."
  def write_string_as_latin1(string, quote) when is_list(string) and is_integer(quote),
    do: quoted_chars(string, quote, :latin1)

  defp quoted_chars(chars, quote, mode) do
    inner = Enum.map_join(chars, &escape_char(&1, quote, mode))
    String.to_charlist(<<quote::utf8>> <> inner <> <<quote::utf8>>)
  end

  @doc "The Erlang text of the character `c`: `$a`, `$\\n`."
  def write_char(c) when is_integer(c) and c >= 0, do: char_text(c, :unicode)

  @doc "Same as `write_char/1`."
  def write_unicode_char(c) when is_integer(c) and c >= 0, do: char_text(c, :unicode)

  @doc "The Erlang text of the Latin-1 character `c`."
  def write_latin1_char(c) when is_integer(c) and c in 0..255, do: char_text(c, :latin1)

  @doc "As `write_char/1`, characters above 255 written `$\\x{HEX}`."
  def write_char_as_latin1(c) when is_integer(c) and c >= 0, do: char_text(c, :latin1)

  defp char_text(?\s, :unicode), do: '$\\s'
  defp char_text(c, mode), do: String.to_charlist("$" <> escape_char(c, nil, mode))

  @reserved ~w(after and andalso band begin bnot bor bsl bsr bxor case catch cond div end fun if let not
               of or orelse receive rem try when xor maybe else)

  defp atom_text(atom) do
    text = Atom.to_string(atom)

    if bare_atom?(text), do: text, else: "'" <> escape(text, ?') <> "'"
  end

  # An atom Erlang writes unquoted: a lowercase letter (Latin-1's too) then
  # letters, digits, `_` and `@`, and not a reserved word.
  defp bare_atom?(text) do
    case String.to_charlist(text) do
      [c | rest] when c in ?a..?z or (c in 223..255 and c != 247) ->
        text not in @reserved and
          Enum.all?(rest, &(&1 in ?a..?z or &1 in ?A..?Z or &1 in ?0..?9 or &1 in [?_, ?@] or (&1 in 192..255 and &1 not in [215, 247])))

      _ ->
        false
    end
  end

  defp bare_atom?(_), do: false
end
