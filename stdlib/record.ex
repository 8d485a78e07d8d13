defmodule Record do
  @moduledoc """
  Records: tuples whose first element is an atom tag, with compile-time
  field names.

  `defrecord/3` and `defrecordp/3` define macros that build, read, update
  and match such tuples; `is_record/1,2` test for them, in guards too;
  `extract/2` and `extract_all/1` read `-record(...)` declarations from an
  Erlang header file (`from:` a path; `from_lib:` needs `:code.lib_dir/1`).

  The records of a module are listed, newest first, in its `@__records__`
  attribute while it is being defined (maps with `:kind`, `:name`, `:tag`
  and `:fields`).
  """

  @doc """
  Whether `data` is a record: a non-empty tuple whose first element is an
  atom. Allowed in guards.
  """
  defguard is_record(data)
           when is_tuple(data) and tuple_size(data) > 0 and is_atom(elem(data, 0))

  @doc """
  Whether `data` is a record tagged `kind` (an atom). Allowed in guards.
  """
  defguard is_record(data, kind)
           when is_atom(kind) and is_tuple(data) and tuple_size(data) > 0 and
                  elem(data, 0) == kind

  @doc """
  Defines the public macros `name/0`, `name/1` and `name/2` to build, read,
  update and pattern match on records tagged `tag` (default: `name`) with
  the fields `kv` (a keyword list of defaults; a bare atom defaults to nil).
  """
  defmacro defrecord(name, tag \\ nil, kv) do
    definition(:defrecord, name, tag, kv)
  end

  @doc "Same as `defrecord/3`, with private macros."
  defmacro defrecordp(name, tag \\ nil, kv) do
    definition(:defrecordp, name, tag, kv)
  end

  # The module body code of a definition: name, tag and fields are read
  # when the body runs, then the two macros are defined with unquote
  # fragments (the fields escaped so defaults stay values).
  defp definition(kind, name, tag, kv) do
    quote bind_quoted: [kind: kind, name: name, tag: tag, kv: kv] do
      tag = tag || name
      fields = Record.__record__(__MODULE__, kind, name, tag, kv)
      escaped = Macro.escape(fields)

      case kind do
        :defrecord ->
          defmacro unquote(name)(args \\ []) do
            Record.__access__(unquote(tag), unquote(escaped), args, __CALLER__)
          end

          defmacro unquote(name)(record, args) do
            Record.__access__(unquote(tag), unquote(escaped), record, args, __CALLER__)
          end

        :defrecordp ->
          defmacrop unquote(name)(args \\ []) do
            Record.__access__(unquote(tag), unquote(escaped), args, __CALLER__)
          end

          defmacrop unquote(name)(record, args) do
            Record.__access__(unquote(tag), unquote(escaped), record, args, __CALLER__)
          end
      end
    end
  end

  @doc false
  # Run in the module body: checks the name is free, normalises the fields
  # (`[{field, default}]`, defaults must be escapable) and records the
  # record in `@__records__`.
  def __record__(module, kind, name, tag, kv) do
    case Enum.find(0..2, &Module.defines?(module, {name, &1})) do
      nil ->
        :ok

      arity ->
        raise ArgumentError,
              "cannot define record #{inspect(name)} because a definition #{name}/#{arity} already exists"
    end

    # Anything but a list is a CaseClauseError, as in Elixir.
    fields =
      case kv do
        kv when is_list(kv) -> Enum.map(kv, &field(kind, &1))
      end

    warn_duplicates(fields)
    Module.register_attribute(module, :__records__, accumulate: true)
    keys = for {key, _} <- fields, do: key
    Module.put_attribute(module, :__records__, %{kind: kind, name: name, tag: tag, fields: keys})
    fields
  end

  defp field(_kind, {key, value}) when is_atom(key) do
    case unescapable(value) do
      nil ->
        {key, value}

      bad ->
        raise ArgumentError,
              "invalid value for record field #{key}, cannot escape #{inspect(bad)}. " <>
                "The supported values are: lists, tuples, maps, atoms, numbers, bitstrings, " <>
                "PIDs and remote functions in the format &Mod.fun/arity"
    end
  end

  defp field(_kind, key) when is_atom(key), do: {key, nil}

  defp field(kind, other) do
    raise ArgumentError, "#{kind} fields must be atoms, got: #{inspect(other)}"
  end

  # The first part of `value` that cannot be quoted (an anonymous
  # function, a reference, a port), or nil.
  defp unescapable([head | tail]), do: unescapable(head) || unescapable(tail)
  defp unescapable(tuple) when is_tuple(tuple), do: unescapable(Tuple.to_list(tuple))

  defp unescapable(map) when is_map(map) do
    Enum.find_value(Map.to_list(map), fn {key, value} ->
      unescapable(key) || unescapable(value)
    end)
  end

  defp unescapable(fun) when is_function(fun) do
    if :erlang.fun_info(fun, :type) == {:type, :external}, do: nil, else: fun
  end

  defp unescapable(term)
       when is_atom(term) or is_number(term) or is_bitstring(term) or is_pid(term) or term == [],
       do: nil

  defp unescapable(other), do: other

  defp warn_duplicates(fields) do
    keys = for {key, _} <- fields, do: key

    keys
    |> Enum.reduce({%{}, []}, fn key, {seen, dups} ->
      cond do
        not Map.has_key?(seen, key) -> {Map.put(seen, key, true), dups}
        key in dups -> {seen, dups}
        true -> {seen, [key | dups]}
      end
    end)
    |> elem(1)
    |> Enum.reverse()
    |> Enum.each(&IO.warn("duplicate key #{inspect(&1)} found in record"))
  end

  @doc false
  # `name(args)`: an atom gives the field's index, a keyword list builds a
  # record, anything else converts a record to a keyword list.
  def __access__(tag, fields, args, caller) do
    cond do
      is_atom(args) ->
        index(tag, fields, args)

      Keyword.keyword?(args) ->
        create(tag, fields, args, caller)

      true ->
        case Macro.expand(args, caller) do
          {:{}, _, [^tag | values]} when length(values) == length(fields) ->
            zip_keyword(fields, values)

          {^tag, value} when length(fields) == 1 ->
            zip_keyword(fields, [value])

          _ ->
            quote do
              Record.__keyword__(unquote(tag), unquote(Macro.escape(fields)), unquote(args))
            end
        end
    end
  end

  @doc false
  # `name(record, args)`: an atom reads a field, a keyword list updates.
  def __access__(tag, fields, record, args, caller) do
    cond do
      is_atom(args) ->
        quote do: :erlang.element(unquote(index(tag, fields, args) + 1), unquote(record))

      Keyword.keyword?(args) ->
        update(tag, fields, record, args, caller)

      true ->
        raise ArgumentError,
              "expected arguments to be a compile time atom or a keyword list, got: #{Macro.to_string(args)}"
    end
  end

  @doc false
  # A record converted to a keyword list at run time.
  def __keyword__(tag, fields, record) do
    if is_record(record, tag) do
      [_tag | values] = Tuple.to_list(record)

      if length(values) == length(fields) do
        zip_keyword(fields, values)
      else
        raise ArgumentError,
              "expected argument to be a #{inspect(tag)} record with #{length(fields)} fields, got: #{inspect(record)}"
      end
    else
      raise ArgumentError,
            "expected argument to be a literal atom, literal keyword or a #{inspect(tag)} record, got runtime: #{inspect(record)}"
    end
  end

  defp zip_keyword(fields, values) do
    for {{key, _}, value} <- Enum.zip(fields, values), do: {key, value}
  end

  # The zero-based position of `key` in the tuple (the tag is at 0).
  defp index(tag, fields, key) do
    case Enum.find_index(fields, fn {field, _} -> field == key end) do
      nil -> raise ArgumentError, "record #{inspect(tag)} does not have the key: #{inspect(key)}"
      i -> i + 1
    end
  end

  # A new record: the tuple literal (a pattern in a match, where missing
  # fields are `_`). Outside matches and guards, values that are not
  # literals or variables are first bound, in the order written.
  defp create(tag, fields, keyword, caller) do
    {bindings, keyword} = bind_values(keyword, caller, :create)
    tuple = create_tuple(tag, fields, keyword, Macro.Env.in_match?(caller))
    block(bindings, tuple)
  end

  defp create_tuple(tag, fields, keyword, in_match) do
    keyword = apply_underscore(fields, keyword)

    {values, rest} =
      Enum.map_reduce(fields, keyword, fn {field, default}, keyword ->
        value =
          case Keyword.fetch(keyword, field) do
            {:ok, value} -> value
            :error when in_match -> {:_, [], nil}
            :error -> Macro.escape(default)
          end

        {value, Keyword.delete(keyword, field)}
      end)

    case rest do
      [] ->
        {:{}, [], [tag | values]}

      [{key, _} | _] ->
        raise ArgumentError, "record #{inspect(tag)} does not have the key: #{inspect(key)}"
    end
  end

  # `name(record, kw)`: nested `:erlang.setelement/3` calls. With `_:` it
  # builds a new record instead (and warns), dropping the bindings, as
  # Elixir 1.14 does.
  defp update(tag, fields, record, keyword, caller) do
    if Macro.Env.in_match?(caller) do
      raise ArgumentError, "cannot invoke update style macro inside match"
    end

    {bindings, keyword} = bind_values(keyword, caller, :update)

    if Keyword.has_key?(keyword, :_) do
      IO.warn(
        "updating a record with a default (:_) is equivalent to creating a new record",
        Macro.Env.stacktrace(caller)
      )

      create_tuple(tag, fields, keyword, false)
    else
      Enum.each(keyword, fn {key, _} -> index(tag, fields, key) end)

      # Fields from the last to the first, each field's values in the
      # order written.
      updated =
        fields
        |> Enum.reverse()
        |> Enum.reduce(record, fn {field, _}, acc ->
          position = index(tag, fields, field) + 1

          keyword
          |> Keyword.get_values(field)
          |> Enum.reduce(acc, fn value, acc ->
            quote do: :erlang.setelement(unquote(position), unquote(acc), unquote(value))
          end)
        end)

      block(bindings, updated)
    end
  end

  defp apply_underscore(fields, keyword) do
    case Keyword.fetch(keyword, :_) do
      {:ok, default} ->
        fields
        |> Enum.map(fn {key, _} -> {key, default} end)
        |> Keyword.merge(keyword)
        |> Keyword.delete(:_)

      :error ->
        keyword
    end
  end

  # Outside matches and guards, `key: expr` with expr not a literal or a
  # variable becomes `key = expr` (a variable of its own) and `key: key`,
  # so values run in the order written, once each.
  # A new record leaves `_:` alone (its value goes in every field left);
  # an update binds it too.
  defp bind_values(keyword, caller, mode) do
    if Macro.Env.in_match?(caller) or Macro.Env.in_guard?(caller) do
      {[], keyword}
    else
      {keyword, bindings} =
        Enum.map_reduce(keyword, [], fn
          {:_, _} = pair, bindings when mode == :create ->
            {pair, bindings}

          {key, value} = pair, bindings ->
            if simple?(value) do
              {pair, bindings}
            else
              var = Macro.unique_var(key, caller.module)
              {{key, var}, [{:=, [], [var, value]} | bindings]}
            end
        end)

      {Enum.reverse(bindings), keyword}
    end
  end

  defp simple?({name, _, context}) when is_atom(name) and is_atom(context), do: true
  defp simple?(other), do: Macro.quoted_literal?(other)

  defp block([], expr), do: expr
  defp block(bindings, expr), do: {:__block__, [], bindings ++ [expr]}

  @doc """
  The fields of record `name` declared in an Erlang file, as a keyword list
  of defaults (`:undefined` when none).

  Options: `from:` a path (one without directories is looked up in the
  current directory first), `from_lib:` a path whose first part is an
  OTP application (needs `:code.lib_dir/1`), `includes:` directories for
  `-include`, `macros:` values for `?NAME` macros.

  The file is read by a small preprocessor and parser written here:
  `-define`/`-undef`/`-ifdef`/`-ifndef`/`-if`/`-elif`/`-else`/`-endif`,
  `-include` and `-record` declarations (with `:: type` annotations).
  Defaults may use literals, strings, lists, tuples, maps, binaries, other
  records (`#name{}`, `#name.field`), operators, `begin ... end`, calls
  to Erlang functions and `fun M:F/A`. An anonymous `fun` reads as a
  function of its arity that raises when called (beamlet does not run
  Erlang code); other expressions raise an ArgumentError naming the field.
  `-include_lib` and `from_lib:` need `:code.lib_dir/1`, which beamlet
  lacks: `from_lib:` raises, `-include_lib` is skipped.
  """
  def extract(name, opts) when is_atom(name) and is_list(opts) do
    {file, records} = read_records(opts)

    case List.keyfind(records, name, 0) do
      {^name, fields} ->
        eval_record_fields(name, fields, records, file)

      nil ->
        raise ArgumentError,
              "no record #{name} found at #{file}. Or the record does not exist or its entry is " <>
                "malformed or depends on other include files"
    end
  end

  @doc """
  All the records declared in an Erlang file, as `[{name, fields}]` in
  file order. Takes the options of `extract/2`.
  """
  def extract_all(opts) when is_list(opts) do
    {file, records} = read_records(opts)
    for {name, fields} <- records, do: {name, eval_record_fields(name, fields, records, file)}
  end

  # The file named by the options and its records, unevaluated.
  defp read_records(opts) do
    file =
      cond do
        Keyword.has_key?(opts, :from) -> from_file(Keyword.fetch!(opts, :from))
        Keyword.has_key?(opts, :from_lib) -> from_lib_file(Keyword.fetch!(opts, :from_lib))
        true -> raise ArgumentError, "expected :from or :from_lib to be given as option"
      end

    state = %{
      macros: predefined_macros(file, Keyword.get(opts, :macros, [])),
      includes: Keyword.get(opts, :includes, []),
      records: [],
      conds: []
    }

    case read_erlang_file(file, state) do
      {:ok, state} -> {file, Enum.reverse(state.records)}
      {:error, reason} -> raise "error parsing file #{file}, got: #{inspect({:error, reason})}"
    end
  end

  # A bare file name found in the current directory reads as `./name`, as
  # `:code.where_is_file/1` finds it there.
  defp from_file(file) when is_binary(file) do
    if not String.contains?(file, "/") and File.exists?(file), do: "./" <> file, else: file
  end

  defp from_file(_other),
    do: raise(FunctionClauseError, module: String, function: :to_charlist, arity: 1)

  defp from_lib_file(file) when is_binary(file) do
    [app | path] = Path.split(file)

    lib_dir =
      try do
        :code.lib_dir(String.to_atom(app))
      rescue
        UndefinedFunctionError ->
          raise ArgumentError,
                "lib file #{file} could not be found: this runtime has no OTP application " <>
                  "directories (:code.lib_dir/1), use the :from option with a path instead"
      end

    case lib_dir do
      {:error, _} -> raise ArgumentError, "lib file #{file} could not be found"
      dir -> Path.join([List.to_string(dir) | path])
    end
  end

  defp from_lib_file(_other),
    do: raise(FunctionClauseError, module: String, function: :to_charlist, arity: 1)

  defp predefined_macros(file, macros) do
    user =
      for macro <- macros, into: %{} do
        case macro do
          {name, value} -> {name, {:simple, [{:term, 0, value}]}}
          name when is_atom(name) -> {name, {:simple, [{:atom, 0, true}]}}
        end
      end

    Map.merge(
      %{
        FILE: {:simple, [{:string, 0, String.to_charlist(file)}]},
        MACHINE: {:simple, [{:atom, 0, :BEAM}]},
        OTP_RELEASE: {:simple, [{:int, 0, otp_release()}]}
      },
      user
    )
  end

  defp otp_release do
    try do
      :erlang.system_info(:otp_release) |> List.to_string() |> String.to_integer()
    rescue
      _ -> 25
    end
  end

  defp read_erlang_file(file, state) do
    case File.read(file) do
      {:ok, source} ->
        tokens = erl_tokens(String.to_charlist(source), 1, [])
        {:ok, erl_forms(split_forms(tokens, [], []), Path.dirname(file), state)}

      {:error, reason} ->
        {:error, reason}
    end
  end

  # ## Tokens: {kind, line, value}, kinds :atom, :var, :int, :float,
  # :char, :string, :kw (reserved words), :punct, :dot (end of a form) and
  # :term (a value from the macros: option).

  @erl_keywords ~w(after and andalso band begin bnot bor bsl bsr bxor case catch cond div end fun if
                   let maybe else not of or orelse receive rem try when xor)a

  @erl_puncts [
    {'=:=', :"=:="},
    {'=/=', :"=/="},
    {'...', :...},
    {'<<', :"<<"},
    {'>>', :">>"},
    {'->', :->},
    {'=>', :"=>"},
    {':=', :":="},
    {'::', :"::"},
    {'||', :||},
    {'++', :++},
    {'--', :--},
    {'==', :==},
    {'/=', :"/="},
    {'=<', :"=<"},
    {'>=', :>=},
    {'<=', :<=},
    {'<-', :<-},
    {'..', :..}
  ]

  # The tokens of `chars`. A lexical error ends them there: the forms
  # before it are still read.
  defp erl_tokens([], _line, acc), do: Enum.reverse(acc)

  defp erl_tokens(chars, line, acc) do
    result =
      try do
        erl_token(chars, line)
      catch
        _, _ -> :error
      end

    case result do
      :error -> Enum.reverse(acc)
      {nil, rest, line} -> erl_tokens(rest, line, acc)
      {token, rest, line} -> erl_tokens(rest, line, [token | acc])
    end
  end

  # `{token or nil, rest, line}`
  defp erl_token([?\n | rest], line), do: {nil, rest, line + 1}
  defp erl_token([c | rest], line) when c in [?\s, ?\t, ?\r, ?\f, ?\v], do: {nil, rest, line}
  defp erl_token([?% | rest], line), do: {nil, Enum.drop_while(rest, &(&1 != ?\n)), line}

  defp erl_token([?. | rest], line) when rest == [] or hd(rest) in [?\s, ?\t, ?\r, ?\n, ?%] do
    {{:dot, line, nil}, rest, line}
  end

  defp erl_token([c | _] = chars, line) when c in ?a..?z do
    {name, rest} = split_while(chars, &erl_name_char?/1)
    atom = :erlang.list_to_atom(name)
    kind = if atom in @erl_keywords, do: :kw, else: :atom
    {{kind, line, atom}, rest, line}
  end

  defp erl_token([c | _] = chars, line) when c in ?A..?Z or c == ?_ do
    {name, rest} = split_while(chars, &erl_name_char?/1)
    {{:var, line, :erlang.list_to_atom(name)}, rest, line}
  end

  defp erl_token([c | _] = chars, line) when c in ?0..?9 do
    {token, rest} = erl_number(chars, line)
    {token, rest, line}
  end

  defp erl_token([?$ | rest], line) do
    {char, rest} = erl_char(rest)
    {{:char, line, char}, rest, line}
  end

  defp erl_token([?" | rest], line) do
    {chars, rest, lines} = erl_quoted(rest, ?", [], 0)
    {{:string, line, chars}, rest, line + lines}
  end

  defp erl_token([?' | rest], line) do
    {chars, rest, lines} = erl_quoted(rest, ?', [], 0)
    {{:atom, line, :erlang.list_to_atom(chars)}, rest, line + lines}
  end

  defp erl_token([c | rest] = chars, line) do
    case Enum.find(@erl_puncts, fn {text, _} -> prefix?(text, chars) end) do
      {text, punct} -> {{:punct, line, punct}, Enum.drop(chars, length(text)), line}
      nil -> {{:punct, line, :erlang.list_to_atom([c])}, rest, line}
    end
  end

  defp split_while(list, fun), do: split_while(list, fun, [])

  defp split_while([x | rest] = list, fun, acc),
    do: if(fun.(x), do: split_while(rest, fun, [x | acc]), else: {Enum.reverse(acc), list})

  defp split_while([], _fun, acc), do: {Enum.reverse(acc), []}

  defp prefix?([c | text], [c | chars]), do: prefix?(text, chars)
  defp prefix?([], _chars), do: true
  defp prefix?(_text, _chars), do: false

  defp erl_name_char?(c), do: c in ?a..?z or c in ?A..?Z or c in ?0..?9 or c == ?_ or c == ?@

  defp erl_number(chars, line) do
    {digits, rest} = erl_digits(chars, 10)

    case rest do
      [?# | more] ->
        base = List.to_integer(digits)
        {based, rest} = erl_digits(more, base)
        {{:int, line, String.to_integer(List.to_string(based), base)}, rest}

      [?., d | _] when d in ?0..?9 ->
        [?. | more] = rest
        {fraction, rest} = erl_digits(more, 10)

        {exponent, rest} =
          case rest do
            [e, sign, d | _] when e in [?e, ?E] and sign in [?+, ?-] and d in ?0..?9 ->
              {exp, rest} = erl_digits(Enum.drop(rest, 2), 10)
              {[?e, sign | exp], rest}

            [e, d | _] when e in [?e, ?E] and d in ?0..?9 ->
              {exp, rest} = erl_digits(tl(rest), 10)
              {[?e | exp], rest}

            _ ->
              {[], rest}
          end

        {float, ""} = Float.parse(List.to_string(digits ++ [?. | fraction] ++ exponent))
        {{:float, line, float}, rest}

      _ ->
        {{:int, line, List.to_integer(digits)}, rest}
    end
  end

  # Digits of `base` (underscores between them dropped).
  defp erl_digits(chars, base) do
    {digits, rest} = split_while(chars, &(&1 == ?_ or erl_digit?(&1, base)))
    {Enum.reject(digits, &(&1 == ?_)), rest}
  end

  defp erl_digit?(c, base) do
    value =
      cond do
        c in ?0..?9 -> c - ?0
        c in ?a..?z -> c - ?a + 10
        c in ?A..?Z -> c - ?A + 10
        true -> 99
      end

    value < base
  end

  defp erl_quoted([quote | rest], quote, acc, lines), do: {Enum.reverse(acc), rest, lines}
  defp erl_quoted([], _quote, _acc, _lines), do: throw({:erl_syntax, "unterminated string"})

  defp erl_quoted([?\\ | rest], quote, acc, lines) do
    {char, rest} = erl_escape(rest)
    erl_quoted(rest, quote, [char | acc], lines)
  end

  defp erl_quoted([?\n | rest], quote, acc, lines),
    do: erl_quoted(rest, quote, [?\n | acc], lines + 1)

  defp erl_quoted([c | rest], quote, acc, lines), do: erl_quoted(rest, quote, [c | acc], lines)

  defp erl_char([?\\ | rest]), do: erl_escape(rest)
  defp erl_char([c | rest]), do: {c, rest}

  defp erl_escape([?x, ?{ | rest]) do
    {hex, [?} | rest]} = split_while(rest, &(&1 != ?}))
    {String.to_integer(List.to_string(hex), 16), rest}
  end

  defp erl_escape([?x, a, b | rest]), do: {String.to_integer(List.to_string([a, b]), 16), rest}

  defp erl_escape([d | _] = chars) when d in ?0..?7 do
    {octal, _} = split_while(Enum.take(chars, 3), &(&1 in ?0..?7))
    {String.to_integer(List.to_string(octal), 8), Enum.drop(chars, length(octal))}
  end

  defp erl_escape([?^, c | rest]), do: {Bitwise.band(c, 31), rest}

  defp erl_escape([c | rest]) do
    char =
      case c do
        ?b -> ?\b
        ?d -> 127
        ?e -> 27
        ?f -> ?\f
        ?n -> ?\n
        ?r -> ?\r
        ?s -> ?\s
        ?t -> ?\t
        ?v -> ?\v
        other -> other
      end

    {char, rest}
  end

  # The tokens of each form (up to its `.`).
  defp split_forms([], [], forms), do: Enum.reverse(forms)
  defp split_forms([], current, forms), do: Enum.reverse([Enum.reverse(current) | forms])

  defp split_forms([{:dot, _, _} | rest], current, forms),
    do: split_forms(rest, [], [Enum.reverse(current) | forms])

  defp split_forms([token | rest], current, forms),
    do: split_forms(rest, [token | current], forms)

  # ## The preprocessor: conditionals, macros, includes; keeps `-record`s.
  # `state.conds` holds one entry per open `-if*`, innermost first:
  # :active (forms are read), :waiting (no branch taken yet) or :done (a
  # branch was taken, or an enclosing one is skipped). Forms are read when
  # every entry is :active.

  defp erl_forms(forms, dir, state), do: Enum.reduce(forms, state, &erl_form(&1, dir, &2))

  defp erl_form([{:punct, _, :-}, {kind, _, directive} | args], dir, state)
       when kind in [:atom, :kw] do
    skipping = Enum.any?(state.conds, &(&1 != :active))

    case {directive, skipping} do
      {d, _} when d in [:ifdef, :ifndef, :if] and skipping ->
        %{state | conds: [:done | state.conds]}

      {:ifdef, false} ->
        push_cond(state, Map.has_key?(state.macros, directive_name(args)))

      {:ifndef, false} ->
        push_cond(state, not Map.has_key?(state.macros, directive_name(args)))

      {:if, false} ->
        push_cond(state, erl_condition(args, state))

      {:elif, _} ->
        case state.conds do
          [:active | outer] ->
            %{state | conds: [:done | outer]}

          [:waiting | outer] ->
            if Enum.any?(outer, &(&1 != :active)),
              do: state,
              else: push_cond(%{state | conds: outer}, erl_condition(args, state))

          _ ->
            state
        end

      {:else, _} ->
        case state.conds do
          [:active | outer] -> %{state | conds: [:done | outer]}
          [:waiting | outer] -> %{state | conds: [:active | outer]}
          _ -> state
        end

      {:endif, _} ->
        %{state | conds: Enum.drop(state.conds, 1)}

      {_, true} ->
        state

      {:define, false} ->
        erl_define(args, state)

      {:undef, false} ->
        %{state | macros: Map.delete(state.macros, directive_name(args))}

      {include, false} when include in [:include, :include_lib] ->
        erl_include(args, include, dir, state)

      {:record, false} ->
        erl_record_form(args, state)

      _ ->
        state
    end
  end

  defp erl_form(_other, _dir, state), do: state

  defp push_cond(state, true), do: %{state | conds: [:active | state.conds]}
  defp push_cond(state, false), do: %{state | conds: [:waiting | state.conds]}

  defp directive_name([{:punct, _, :"("}, {kind, _, name} | _]) when kind in [:atom, :var],
    do: name

  defp directive_name(_), do: nil

  defp erl_condition(args, state) do
    try do
      tokens = args |> strip_parens() |> expand_macros(state.macros, 0)
      {expr, []} = parse_expr(tokens)
      eval_erl(expr, []) == true
    catch
      _, _ -> false
    end
  end

  # `(tokens)` → tokens.
  defp strip_parens([{:punct, _, :"("} | rest]) do
    case Enum.reverse(rest) do
      [{:punct, _, :")"} | inner] -> Enum.reverse(inner)
      _ -> throw({:erl_syntax, "expected )"})
    end
  end

  defp strip_parens(_), do: throw({:erl_syntax, "expected ("})

  defp erl_define(args, state) do
    try do
      case strip_parens(args) do
        [{kind, _, name}, {:punct, _, :","} | body] when kind in [:atom, :var] ->
          put_macro(state, name, {:simple, body})

        [{kind, _, name}] when kind in [:atom, :var] ->
          put_macro(state, name, {:simple, []})

        [{kind, _, name}, {:punct, _, :"("} | rest] when kind in [:atom, :var] ->
          {params, rest} = split_while(rest, &(not match?({:punct, _, :")"}, &1)))
          params = for {:var, _, param} <- params, do: param

          body =
            case rest do
              [{:punct, _, :")"}, {:punct, _, :","} | body] -> body
              [{:punct, _, :")"}] -> []
            end

          {kind, calls} =
            case Map.get(state.macros, name) do
              {:calls, calls} -> {:calls, calls}
              _ -> {:calls, %{}}
            end

          put_macro(state, name, {kind, Map.put(calls, length(params), {params, body})})
      end
    catch
      _, _ -> state
    end
  end

  defp put_macro(state, name, definition),
    do: %{state | macros: Map.put(state.macros, name, definition)}

  # `-include("f")` looks in the current directory, the including file's
  # directory and the `includes:` ones; `-include_lib("app/f")` also in the
  # application's directory (when `:code.lib_dir/1` exists). An include not
  # found is skipped, as epp skips the form.
  defp erl_include(args, directive, dir, state) do
    with [{:string, _, name}] <- strip_parens(args),
         name = List.to_string(name),
         candidates = [
           name,
           Path.join(dir, name) | Enum.map(state.includes, &Path.join(&1, name))
         ],
         candidates =
           if(directive == :include_lib, do: candidates ++ lib_paths(name), else: candidates),
         path when is_binary(path) <- Enum.find(candidates, &File.regular?/1),
         {:ok, state} <- read_erlang_file(path, state) do
      state
    else
      _ -> state
    end
  catch
    _, _ -> state
  end

  defp lib_paths(name) do
    [app | path] = Path.split(name)

    case :code.lib_dir(String.to_atom(app)) do
      {:error, _} -> []
      dir -> [Path.join([List.to_string(dir) | path])]
    end
  rescue
    _ -> []
  end

  # `-record(name, {fields}).`: kept as `{name, [{field, default_expr | nil}]}`
  # (a form that does not parse is left out, as epp leaves it out).
  defp erl_record_form(args, state) do
    try do
      tokens = args |> strip_parens() |> expand_macros(state.macros, 0)

      case tokens do
        [{:atom, _, name}, {:punct, _, :","}, {:punct, _, :"{"} | rest] ->
          {fields, [{:punct, _, :"}"}]} = parse_record_fields(rest, [])
          %{state | records: [{name, fields} | state.records]}
      end
    catch
      _, _ -> state
    end
  end

  defp parse_record_fields([{:punct, _, :"}"} | _] = rest, []), do: {[], rest}

  defp parse_record_fields([{:atom, _, field} | rest], acc) do
    {default, rest} =
      case rest do
        [{:punct, _, :=} | rest] ->
          try do
            parse_expr(rest)
          catch
            {:erl_unsupported, kind, value} ->
              {{:unsupported, unsupported_text(kind, value)}, skip_expr(rest, 0)}
          end

        _ ->
          {nil, rest}
      end

    rest =
      case rest do
        [{:punct, _, :"::"} | rest] -> skip_type(rest, 0)
        _ -> rest
      end

    acc = [{field, default} | acc]

    case rest do
      [{:punct, _, :","} | rest] -> parse_record_fields(rest, acc)
      [{:punct, _, :"}"} | _] -> {Enum.reverse(acc), rest}
    end
  end

  defp unsupported_text(:var, name), do: "variable #{name}"
  defp unsupported_text(:kw, word), do: "#{word} expression"
  defp unsupported_text(_kind, value), do: inspect(value)

  # Skips an expression up to the `,`, `}` or `::` that ends it.
  @erl_openers [:fun, :begin, :case, :if, :receive, :try, :maybe]

  defp skip_expr(tokens, depth, stop \\ :field)
  defp skip_expr([{:punct, _, p} | _] = rest, 0, :field) when p in [:",", :"}", :"::"], do: rest
  defp skip_expr([{:kw, _, :end} | rest], 1, :end), do: rest

  defp skip_expr([{:kw, _, :fun}, {:punct, _, :"("} = paren | rest], depth, stop),
    do: skip_expr([paren | rest], depth + 1, stop)

  defp skip_expr([{:kw, _, :fun} | rest], depth, stop), do: skip_expr(rest, depth, stop)

  defp skip_expr([{:kw, _, word} | rest], depth, stop) when word in @erl_openers,
    do: skip_expr(rest, depth + 1, stop)

  defp skip_expr([{:kw, _, :end} | rest], depth, stop), do: skip_expr(rest, depth - 1, stop)

  defp skip_expr([{:punct, _, p} | rest], depth, stop) when p in [:"(", :"[", :"{", :"<<"],
    do: skip_expr(rest, depth + 1, stop)

  defp skip_expr([{:punct, _, p} | rest], depth, stop) when p in [:")", :"]", :"}", :">>"],
    do: skip_expr(rest, depth - 1, stop)

  defp skip_expr([_ | rest], depth, stop), do: skip_expr(rest, depth, stop)
  defp skip_expr([], _depth, _stop), do: throw({:erl_syntax, "unterminated expression"})

  # Skips a type up to the `,` or `}` that ends it.
  defp skip_type([{:punct, _, p} | _] = rest, 0) when p in [:",", :"}"], do: rest

  defp skip_type([{:punct, _, p} | rest], depth) when p in [:"(", :"[", :"{", :"<<"],
    do: skip_type(rest, depth + 1)

  defp skip_type([{:punct, _, p} | rest], depth) when p in [:")", :"]", :"}", :">>"],
    do: skip_type(rest, depth - 1)

  defp skip_type([_ | rest], depth), do: skip_type(rest, depth)
  defp skip_type([], _depth), do: throw({:erl_syntax, "unterminated type"})

  # Replaces `?NAME` and `?NAME(args)` by the macro bodies.
  defp expand_macros(_tokens, _macros, depth) when depth > 50,
    do: throw({:erl_syntax, "macro nesting too deep"})

  defp expand_macros([], _macros, _depth), do: []

  defp expand_macros([{:punct, line, :"?"}, {kind, _, name} | rest], macros, depth)
       when kind in [:atom, :var] do
    case Map.get(macros, name) do
      {:calls, calls} ->
        case rest do
          [{:punct, _, :"("} | after_paren] ->
            {args, rest} = macro_args(after_paren, 0, [], [])

            case Map.get(calls, length(args)) do
              {params, body} ->
                bindings = Enum.zip(params, args) |> Map.new()

                body =
                  Enum.flat_map(body, fn
                    {:var, _, var} = token -> Map.get(bindings, var, [token])
                    token -> [token]
                  end)

                expand_macros(body, macros, depth + 1) ++ expand_macros(rest, macros, depth)

              nil ->
                throw({:erl_syntax, "macro #{name} with #{length(args)} arguments"})
            end

          _ ->
            throw({:erl_syntax, "macro #{name} needs arguments"})
        end

      {:simple, body} ->
        body = Enum.map(body, &put_elem(&1, 1, line))
        expand_macros(body, macros, depth + 1) ++ expand_macros(rest, macros, depth)

      nil when name == :LINE ->
        [{:int, line, line} | expand_macros(rest, macros, depth)]

      nil ->
        throw({:erl_syntax, "undefined macro #{name}"})
    end
  end

  defp expand_macros([token | rest], macros, depth),
    do: [token | expand_macros(rest, macros, depth)]

  # The arguments of a macro call, as token lists, up to its `)`.
  defp macro_args([{:punct, _, :")"} | rest], 0, [], []), do: {[], rest}

  defp macro_args([{:punct, _, :")"} | rest], 0, current, args),
    do: {Enum.reverse([Enum.reverse(current) | args]), rest}

  defp macro_args([{:punct, _, :","} | rest], 0, current, args),
    do: macro_args(rest, 0, [], [Enum.reverse(current) | args])

  defp macro_args([{:punct, _, p} = token | rest], depth, current, args)
       when p in [:"(", :"[", :"{", :"<<"],
       do: macro_args(rest, depth + 1, [token | current], args)

  defp macro_args([{:punct, _, p} = token | rest], depth, current, args)
       when p in [:")", :"]", :"}", :">>"],
       do: macro_args(rest, depth - 1, [token | current], args)

  defp macro_args([token | rest], depth, current, args),
    do: macro_args(rest, depth, [token | current], args)

  defp macro_args([], _depth, _current, _args),
    do: throw({:erl_syntax, "unterminated macro call"})

  # ## Expressions: {ast, rest}, by Erlang's precedence.

  defp parse_expr(tokens), do: parse_right(tokens, [:orelse], &parse_andalso/1)

  defp parse_andalso(tokens), do: parse_right(tokens, [:andalso], &parse_comparison/1)

  defp parse_comparison(tokens) do
    {left, rest} = parse_list_op(tokens)

    case rest do
      [{:punct, _, op} | rest] when op in [:==, :"/=", :"=<", :<, :>=, :>, :"=:=", :"=/="] ->
        {right, rest} = parse_list_op(rest)
        {{:op, op, left, right}, rest}

      _ ->
        {left, rest}
    end
  end

  defp parse_list_op(tokens), do: parse_right(tokens, [:++, :--], &parse_additive/1)

  defp parse_additive(tokens),
    do: parse_left(tokens, [:+, :-, :bor, :bxor, :bsl, :bsr, :or, :xor], &parse_multiplicative/1)

  defp parse_multiplicative(tokens),
    do: parse_left(tokens, [:/, :*, :div, :rem, :band, :and], &parse_prefix/1)

  defp parse_right(tokens, ops, next) do
    {left, rest} = next.(tokens)

    with [{kind, _, op} | more] when kind in [:punct, :kw] <- rest,
         true <- op in ops do
      {right, rest} = parse_right(more, ops, next)
      {{:op, op, left, right}, rest}
    else
      _ -> {left, rest}
    end
  end

  defp parse_left(tokens, ops, next) do
    {left, rest} = next.(tokens)
    parse_left_more(left, rest, ops, next)
  end

  defp parse_left_more(left, [{kind, _, op} | rest] = tokens, ops, next)
       when kind in [:punct, :kw] do
    if op in ops do
      {right, rest} = next.(rest)
      parse_left_more({:op, op, left, right}, rest, ops, next)
    else
      {left, tokens}
    end
  end

  defp parse_left_more(left, tokens, _ops, _next), do: {left, tokens}

  defp parse_prefix([{kind, _, op} | rest])
       when kind in [:punct, :kw] and op in [:-, :+, :bnot, :not] do
    {operand, rest} = parse_prefix(rest)
    {{:unop, op, operand}, rest}
  end

  defp parse_prefix(tokens), do: parse_postfix(parse_primary(tokens))

  # `expr#name.field` and `expr#name{...}`.
  defp parse_postfix(
         {expr, [{:punct, _, :"#"}, {:atom, _, name}, {:punct, _, :.}, {:atom, _, field} | rest]}
       ) do
    parse_postfix({{:record_field, expr, name, field}, rest})
  end

  defp parse_postfix({expr, [{:punct, _, :"#"}, {:atom, _, name}, {:punct, _, :"{"} | rest]}) do
    {fields, rest} = parse_record_values(rest, [])
    parse_postfix({{:record_update, expr, name, fields}, rest})
  end

  defp parse_postfix(result), do: result

  defp parse_primary([{kind, _, value} | rest]) when kind in [:int, :float, :char],
    do: {{:lit, value}, rest}

  defp parse_primary([{:term, _, value} | rest]), do: {{:lit, value}, rest}

  defp parse_primary([{:string, _, chars} | rest]) do
    {more, rest} = split_while(rest, &match?({:string, _, _}, &1))
    {{:lit, Enum.concat([chars | for({:string, _, c} <- more, do: c)])}, rest}
  end

  defp parse_primary([
         {:atom, _, module},
         {:punct, _, :":"},
         {:atom, _, fun},
         {:punct, _, :"("} | rest
       ]) do
    {args, rest} = parse_sequence(rest, :")")
    {{:call, module, fun, args}, rest}
  end

  defp parse_primary([{:atom, _, fun}, {:punct, _, :"("} | rest]) do
    {args, rest} = parse_sequence(rest, :")")
    {{:call, :erlang, fun, args}, rest}
  end

  defp parse_primary([{:atom, _, atom} | rest]), do: {{:lit, atom}, rest}

  defp parse_primary([{:punct, _, :"("} | rest]) do
    {expr, [{:punct, _, :")"} | rest]} = parse_expr(rest)
    {expr, rest}
  end

  defp parse_primary([{:punct, _, :"["}, {:punct, _, :"]"} | rest]), do: {{:lit, []}, rest}

  defp parse_primary([{:punct, _, :"["} | rest]) do
    {elements, rest} = parse_elements(rest, [])

    case rest do
      [{:punct, _, :"]"} | rest] ->
        {{:list, elements, {:lit, []}}, rest}

      [{:punct, _, :|} | rest] ->
        {tail, [{:punct, _, :"]"} | rest]} = parse_expr(rest)
        {{:list, elements, tail}, rest}
    end
  end

  defp parse_primary([{:punct, _, :"{"} | rest]) do
    {elements, rest} = parse_sequence(rest, :"}")
    {{:tuple, elements}, rest}
  end

  defp parse_primary([{:punct, _, :"#"}, {:punct, _, :"{"} | rest]) do
    {pairs, rest} = parse_map_pairs(rest, [])
    {{:map, pairs}, rest}
  end

  defp parse_primary([
         {:punct, _, :"#"},
         {:atom, _, name},
         {:punct, _, :.},
         {:atom, _, field} | rest
       ]) do
    {{:record_index, name, field}, rest}
  end

  defp parse_primary([{:punct, _, :"#"}, {:atom, _, name}, {:punct, _, :"{"} | rest]) do
    {fields, rest} = parse_record_values(rest, [])
    {{:record, name, fields}, rest}
  end

  defp parse_primary([{:punct, _, :"<<"}, {:punct, _, :">>"} | rest]), do: {{:lit, ""}, rest}

  defp parse_primary([{:punct, _, :"<<"} | rest]) do
    {segments, rest} = parse_segments(rest, [])
    {{:binary, segments}, rest}
  end

  defp parse_primary([
         {:kw, _, :fun},
         {:atom, _, module},
         {:punct, _, :":"},
         {:atom, _, fun},
         {:punct, _, :/},
         {:int, _, arity} | rest
       ]) do
    {{:lit, Function.capture(module, fun, arity)}, rest}
  end

  # An anonymous fun: beamlet does not run Erlang code, so its value is a
  # function of the same arity that raises when called.
  defp parse_primary([{:kw, _, :fun}, {:punct, _, :"("} = paren | rest]) do
    {args, _} = macro_args(rest, 0, [], [])
    {{:anonymous_fun, length(args)}, skip_expr([{:kw, 0, :fun}, paren | rest], 0, :end)}
  end

  defp parse_primary([{:kw, _, :begin} | rest]) do
    {exprs, rest} = parse_body(rest, [])
    {{:block, exprs}, rest}
  end

  defp parse_primary([{kind, _, value} | _]), do: throw({:erl_unsupported, kind, value})
  defp parse_primary([]), do: throw({:erl_syntax, "unexpected end"})

  defp parse_body(tokens, acc) do
    {expr, rest} = parse_expr(tokens)

    case rest do
      [{:punct, _, :","} | rest] -> parse_body(rest, [expr | acc])
      [{:kw, _, :end} | rest] -> {Enum.reverse([expr | acc]), rest}
    end
  end

  # Expressions separated by commas up to `close`.
  defp parse_sequence([{:punct, _, close} | rest], close), do: {[], rest}

  defp parse_sequence(tokens, close) do
    {elements, rest} = parse_elements(tokens, [])
    [{:punct, _, ^close} | rest] = rest
    {elements, rest}
  end

  defp parse_elements(tokens, acc) do
    {expr, rest} = parse_expr(tokens)

    case rest do
      [{:punct, _, :","} | rest] -> parse_elements(rest, [expr | acc])
      _ -> {Enum.reverse([expr | acc]), rest}
    end
  end

  defp parse_map_pairs([{:punct, _, :"}"} | rest], []), do: {[], rest}

  defp parse_map_pairs(tokens, acc) do
    {key, [{:punct, _, :"=>"} | rest]} = parse_expr(tokens)
    {value, rest} = parse_expr(rest)

    case rest do
      [{:punct, _, :","} | rest] -> parse_map_pairs(rest, [{key, value} | acc])
      [{:punct, _, :"}"} | rest] -> {Enum.reverse([{key, value} | acc]), rest}
    end
  end

  defp parse_record_values([{:punct, _, :"}"} | rest], []), do: {[], rest}

  defp parse_record_values([{kind, _, field}, {:punct, _, :=} | rest], acc)
       when kind in [:atom, :var] do
    {value, rest} = parse_expr(rest)
    acc = [{field, value} | acc]

    case rest do
      [{:punct, _, :","} | rest] -> parse_record_values(rest, acc)
      [{:punct, _, :"}"} | rest] -> {Enum.reverse(acc), rest}
    end
  end

  # `<<Value:Size/Type-Specifiers, ...>>`
  defp parse_segments(tokens, acc) do
    {value, rest} =
      case tokens do
        [{:punct, _, :-} | rest] ->
          {v, rest} = parse_primary(rest)
          {{:unop, :-, v}, rest}

        _ ->
          parse_primary(tokens)
      end

    {size, rest} =
      case rest do
        [{:punct, _, :":"} | rest] -> parse_primary(rest)
        _ -> {nil, rest}
      end

    {specs, rest} =
      case rest do
        [{:punct, _, :/} | rest] -> parse_bit_specs(rest, [])
        _ -> {[], rest}
      end

    acc = [{value, size, specs} | acc]

    case rest do
      [{:punct, _, :","} | rest] -> parse_segments(rest, acc)
      [{:punct, _, :">>"} | rest] -> {Enum.reverse(acc), rest}
    end
  end

  defp parse_bit_specs([{:atom, _, :unit}, {:punct, _, :":"}, {:int, _, unit} | rest], acc),
    do: more_bit_specs(rest, [{:unit, unit} | acc])

  defp parse_bit_specs([{:atom, _, spec} | rest], acc), do: more_bit_specs(rest, [spec | acc])

  defp more_bit_specs([{:punct, _, :-} | rest], acc), do: parse_bit_specs(rest, acc)
  defp more_bit_specs(rest, acc), do: {Enum.reverse(acc), rest}

  # ## Evaluation of defaults.

  defp eval_record_fields(name, fields, records, file) do
    for {field, default} <- fields do
      value =
        try do
          if default, do: eval_erl(default, records), else: :undefined
        catch
          kind, reason when kind == :throw or kind == :error ->
            raise ArgumentError,
                  "cannot extract record #{name} from #{file}: the default value of field #{field} " <>
                    "is not supported (#{unsupported_reason(kind, reason)}); Record.extract evaluates " <>
                    "literals, strings, lists, tuples, maps, binaries, records, macros, operators, " <>
                    "calls, fun M:F/A and (as functions that raise) anonymous funs"
        end

      {field, value}
    end
  end

  defp unsupported_reason(:throw, {:unsupported, text}), do: text
  defp unsupported_reason(:throw, {:erl_undefined_record, name}), do: "undefined record #{name}"

  defp unsupported_reason(:throw, {:erl_bad_field, name, field}),
    do: "record #{name} has no field #{field}"

  defp unsupported_reason(:throw, other), do: inspect(other)

  defp unsupported_reason(:error, error),
    do: Exception.message(Exception.normalize(:error, error, []))

  defp eval_erl({:lit, value}, _records), do: value
  defp eval_erl({:unsupported, text}, _records), do: throw({:unsupported, text})
  defp eval_erl({:anonymous_fun, arity}, _records), do: anonymous_fun(arity)

  defp eval_erl({:list, elements, tail}, records) do
    Enum.reduce(Enum.reverse(elements), eval_erl(tail, records), fn e, acc ->
      [eval_erl(e, records) | acc]
    end)
  end

  defp eval_erl({:tuple, elements}, records),
    do: List.to_tuple(Enum.map(elements, &eval_erl(&1, records)))

  defp eval_erl({:map, pairs}, records) do
    Map.new(pairs, fn {k, v} -> {eval_erl(k, records), eval_erl(v, records)} end)
  end

  defp eval_erl({:block, exprs}, records),
    do: exprs |> Enum.map(&eval_erl(&1, records)) |> List.last()

  defp eval_erl({:record, name, values}, records) do
    fields = record_definition(name, records)

    Enum.each(values, fn {field, _} ->
      field == :_ or List.keyfind(fields, field, 0) != nil or throw({:erl_bad_field, name, field})
    end)

    values =
      for {field, default} <- fields do
        case List.keyfind(values, field, 0) || List.keyfind(values, :_, 0) do
          {_, expr} -> eval_erl(expr, records)
          nil when default == nil -> :undefined
          nil -> eval_erl(default, records)
        end
      end

    List.to_tuple([name | values])
  end

  defp eval_erl({:record_index, name, field}, records), do: record_position(name, field, records)

  defp eval_erl({:record_field, expr, name, field}, records) do
    elem(eval_erl(expr, records), record_position(name, field, records) - 1)
  end

  defp eval_erl({:record_update, expr, name, values}, records) do
    Enum.reduce(values, eval_erl(expr, records), fn {field, value}, acc ->
      put_elem(acc, record_position(name, field, records) - 1, eval_erl(value, records))
    end)
  end

  defp eval_erl({:call, module, fun, args}, records),
    do: apply(module, fun, Enum.map(args, &eval_erl(&1, records)))

  defp eval_erl({:unop, op, operand}, records) do
    value = eval_erl(operand, records)

    case op do
      :- -> -value
      :+ -> +value
      :bnot -> Bitwise.bnot(value)
      :not -> not value
    end
  end

  defp eval_erl({:op, :andalso, left, right}, records),
    do: eval_erl(left, records) and eval_erl(right, records)

  defp eval_erl({:op, :orelse, left, right}, records),
    do: eval_erl(left, records) or eval_erl(right, records)

  defp eval_erl({:op, op, left, right}, records) do
    a = eval_erl(left, records)
    b = eval_erl(right, records)

    case op do
      :+ -> a + b
      :- -> a - b
      :* -> a * b
      :/ -> a / b
      :div -> div(a, b)
      :rem -> rem(a, b)
      :band -> Bitwise.band(a, b)
      :bor -> Bitwise.bor(a, b)
      :bxor -> Bitwise.bxor(a, b)
      :bsl -> Bitwise.bsl(a, b)
      :bsr -> Bitwise.bsr(a, b)
      :and -> a and b
      :or -> a or b
      :xor when is_boolean(a) and is_boolean(b) -> a != b
      :++ -> a ++ b
      :-- -> a -- b
      :== -> a == b
      :"/=" -> a != b
      :"=<" -> a <= b
      :< -> a < b
      :>= -> a >= b
      :> -> a > b
      :"=:=" -> a === b
      :"=/=" -> a !== b
    end
  end

  defp eval_erl({:binary, segments}, records) do
    for {value, size, specs} <- segments, into: <<>> do
      segment(eval_erl(value, records), size && eval_erl(size, records), specs)
    end
  end

  @anonymous_fun_message "this anonymous function was read from an Erlang file by Record.extract/2; " <>
                           "beamlet cannot run Erlang code"

  defp anonymous_fun(0), do: fn -> raise ArgumentError, @anonymous_fun_message end
  defp anonymous_fun(1), do: fn _ -> raise ArgumentError, @anonymous_fun_message end
  defp anonymous_fun(2), do: fn _, _ -> raise ArgumentError, @anonymous_fun_message end
  defp anonymous_fun(3), do: fn _, _, _ -> raise ArgumentError, @anonymous_fun_message end
  defp anonymous_fun(4), do: fn _, _, _, _ -> raise ArgumentError, @anonymous_fun_message end
  defp anonymous_fun(5), do: fn _, _, _, _, _ -> raise ArgumentError, @anonymous_fun_message end

  defp anonymous_fun(6),
    do: fn _, _, _, _, _, _ -> raise ArgumentError, @anonymous_fun_message end

  defp anonymous_fun(arity), do: throw({:unsupported, "anonymous fun of arity #{arity}"})

  defp segment(value, size, specs) do
    type =
      Enum.find(
        specs,
        &(&1 in [:integer, :float, :binary, :bytes, :bitstring, :bits, :utf8, :utf16, :utf32])
      ) || :integer

    unit =
      Enum.find_value(specs, fn
        {:unit, u} -> u
        _ -> nil
      end)

    little = :little in specs

    case type do
      :integer when is_list(value) ->
        for c <- value, into: <<>>, do: segment(c, size, specs)

      :integer ->
        bits = (size || 8) * (unit || 1)
        if little, do: <<value::little-size(bits)>>, else: <<value::size(bits)>>

      :float ->
        bits = (size || 64) * (unit || 1)
        if little, do: <<value::float-little-size(bits)>>, else: <<value::float-size(bits)>>

      :utf8 when is_list(value) ->
        List.to_string(value)

      :utf8 ->
        <<value::utf8>>

      type when type in [:binary, :bytes, :bitstring, :bits] ->
        if size, do: binary_part(value, 0, div(size * (unit || 8), 8)), else: value

      _ ->
        throw({:erl_unsupported, :segment, type})
    end
  end

  defp record_definition(name, records) do
    case List.keyfind(records, name, 0) do
      {^name, fields} -> fields
      nil -> throw({:erl_undefined_record, name})
    end
  end

  defp record_position(name, field, records) do
    fields = record_definition(name, records)

    case Enum.find_index(fields, fn {f, _} -> f == field end) do
      nil -> throw({:erl_bad_field, name, field})
      i -> i + 2
    end
  end
end
