defmodule ExUnit.Assertions do
  @moduledoc "Assertions imported into test modules: `assert`, `refute`, `assert_raise`, `assert_receive` and friends."

  # The macros evaluate each side once. A failure raises an
  # ExUnit.AssertionError built by one of the `__..._error__` functions at
  # the end of this module, from the caller's code or from a function the
  # caller calls, whichever Elixir's ExUnit does (it shows in stack traces).

  @operators [:==, :!=, :===, :!==, :<, :>, :<=, :>=, :=~, :in]
  @no_value :ex_unit_no_meaningful_value

  @doc "Asserts that `assertion` is truthy; `=`, `match?/2` and comparisons get detailed failures."
  defmacro assert({:=, _, [left, right]} = assertion) do
    code = escape_quoted(:assert, assertion)
    value = Macro.var(:right, __MODULE__)
    vars = collect_vars(left)

    quote do
      unquote(value) = unquote(right)

      unquote({:{}, [], Enum.map(vars, &generated/1)}) =
        case unquote(value) do
          unquote(left) ->
            unquote({:{}, [], vars})

          _ ->
            raise ExUnit.Assertions.__match_error__(
                    "match (=) failed",
                    unquote(escape(left)),
                    unquote(value),
                    unquote(pins(left)),
                    unquote(code)
                  )
        end

      if unquote(value) do
        unquote(value)
      else
        raise ExUnit.Assertions.__truthy_error__(unquote(value), unquote(@no_value), unquote(code))
      end
    end
  end

  defmacro assert({:match?, _, [left, right]} = assertion) do
    match_assertion(:assert, left, right, assertion)
  end

  defmacro assert({op, meta, [left, right]} = assertion) when op in @operators do
    operator_assertion(:assert, op, meta, left, right, assertion)
  end

  defmacro assert(assertion) do
    code = escape_quoted(:assert, assertion)
    value = Macro.var(:value, __MODULE__)
    {args, expr} = extract_args(assertion, __CALLER__)

    quote do
      unquote(value) = unquote(expr)

      if unquote(value) do
        unquote(value)
      else
        raise ExUnit.Assertions.__truthy_error__(unquote(value), unquote(args), unquote(code))
      end
    end
  end

  @doc "Asserts that `assertion` is `nil` or `false`."
  defmacro refute({:match?, _, [left, right]} = assertion) do
    match_assertion(:refute, left, right, assertion)
  end

  defmacro refute({op, meta, [left, right]} = assertion) when op in @operators do
    operator_assertion(:refute, op, meta, left, right, assertion)
  end

  defmacro refute(assertion) do
    code = escape_quoted(:refute, assertion)
    value = Macro.var(:value, __MODULE__)

    quote do
      unquote(value) = unquote(assertion)

      if unquote(value) do
        raise ExUnit.Assertions.__refute_error__(unquote(value), unquote(code))
      else
        unquote(value)
      end
    end
  end

  defp match_assertion(kind, left, right, assertion) do
    value = Macro.var(:right, __MODULE__)

    quote do
      unquote(value) = unquote(right)

      ExUnit.Assertions.__match__(
        unquote(kind),
        case unquote(value) do
          unquote(left) -> true
          _ -> false
        end,
        unquote(escape(left)),
        unquote(value),
        unquote(pins(left)),
        unquote(escape_quoted(kind, assertion))
      )
    end
  end

  # A failing `assert` raises from a function called in tail position, a
  # failing `refute` from the caller's own code: stack traces show the same
  # frames as Elixir's.
  defp operator_assertion(:assert, op, meta, left, right, assertion) do
    code = escape_quoted(:assert, assertion)
    [l, r] = Enum.map([:left, :right], &Macro.var(&1, __MODULE__))

    quote do
      unquote(l) = unquote(left)
      unquote(r) = unquote(right)
      ExUnit.Assertions.__operator__(unquote({op, meta, [l, r]}), unquote(op), unquote(l), unquote(r), unquote(code))
    end
  end

  defp operator_assertion(:refute, op, meta, left, right, assertion) do
    code = escape_quoted(:refute, assertion)
    [l, r, value] = Enum.map([:left, :right, :value], &Macro.var(&1, __MODULE__))

    quote do
      unquote(l) = unquote(left)
      unquote(r) = unquote(right)
      unquote(value) = unquote({op, meta, [l, r]})

      if unquote(value) do
        raise ExUnit.Assertions.__operator_error__(:refute, unquote(op), unquote(l), unquote(r), unquote(code))
      else
        unquote(value)
      end
    end
  end

  # A call that is neither an operator, a special form nor a macro, with an
  # argument that is not a literal: its arguments are evaluated first so
  # that a failure can show them.
  defp extract_args({root, meta, [_ | _] = args} = expr, env) do
    reserved? = is_atom(root) and (special_form?(root) or operator?(root, length(args)))

    if reserved? or Enum.all?(args, &literal?/1) or Macro.expand_once(expr, env) != expr do
      {@no_value, expr}
    else
      vars = Enum.map(1..length(args), fn i -> Macro.var(:"arg#{i}", __MODULE__) end)

      quoted =
        quote do
          {unquote_splicing(vars)} = {unquote_splicing(args)}
          unquote({root, meta, vars})
        end

      {vars, quoted}
    end
  end

  defp extract_args(expr, _env), do: {@no_value, expr}

  @special_forms [:%, :%{}, :&, :., :"::", :<<>>, :=, :^, :__aliases__, :__block__, :__CALLER__,
                  :__DIR__, :__ENV__, :__MODULE__, :__STACKTRACE__, :alias, :case, :cond, :fn, :for,
                  :import, :quote, :receive, :require, :super, :try, :unquote, :unquote_splicing,
                  :with, :{}]
  @unary_operators [:!, :^, :not, :+, :-, :&, :@, :"~~~"]
  @binary_operators [:+, :-, :*, :/, :++, :--, :+++, :---, :.., :<>, :in, :"not in", :|>, :<<<,
                     :>>>, :<<~, :~>>, :<~, :~>, :<~>, :"<|>", :<, :>, :<=, :>=, :==, :!=, :=~,
                     :===, :!==, :&&, :&&&, :and, :||, :|||, :or, :=, :"::", :when, :<-, :\\, :|,
                     :**, :"//", :^^^]

  defp special_form?(name), do: name in @special_forms
  defp operator?(name, 1), do: name in @unary_operators
  defp operator?(name, 2), do: name in @binary_operators
  defp operator?(_name, _arity), do: false

  # Quoted literals: atoms, numbers, strings and lists, tuples and maps of them.
  defp literal?({:__aliases__, _, args}), do: literal?(args)
  defp literal?({:%, _, [left, right]}), do: literal?(left) and literal?(right)
  defp literal?({:%{}, _, args}), do: literal?(args)
  defp literal?({:{}, _, args}), do: literal?(args)
  defp literal?({:__MODULE__, _, ctx}) when is_atom(ctx), do: true
  defp literal?({left, right}), do: literal?(left) and literal?(right)
  defp literal?(list) when is_list(list), do: Enum.all?(list, &literal?/1)
  defp literal?(term), do: is_atom(term) or is_number(term) or is_binary(term)

  @doc "Fails with `message` unless `value` is truthy; `opts` are the error's fields."
  def assert(value, message) when is_binary(message), do: assert(value, message: message)

  def assert(value, opts) when is_list(opts) do
    unless value, do: raise(ExUnit.AssertionError.exception(opts))
    true
  end

  @doc "Fails with `message` unless `value` is `nil` or `false`."
  def refute(value, message), do: not assert(!value, message)

  @doc "Fails with `message`."
  def flunk(message \\ "Flunked!") when is_binary(message), do: assert(false, message: message)

  @doc "Asserts that a message matching `pattern` arrives within `timeout` ms; binds the pattern's variables."
  defmacro assert_receive(pattern, timeout \\ nil, failure_message \\ nil) do
    timeout = timeout || quote(do: ExUnit.Assertions.__timeout__(:assert_receive_timeout))
    receive_assertion(:assert_receive, pattern, timeout, failure_message)
  end

  @doc "Asserts that a message matching `pattern` is already in the mailbox."
  defmacro assert_received(pattern, failure_message \\ nil) do
    receive_assertion(:assert_received, pattern, 0, failure_message)
  end

  defp receive_assertion(kind, pattern_and_guard, timeout, failure_message) do
    {pattern, guard} =
      case pattern_and_guard do
        {:when, _, [pattern, guard]} -> {pattern, guard}
        pattern -> {pattern, nil}
      end

    vars = collect_vars(pattern)
    [received, wait] = Enum.map([:received, :timeout], &Macro.var(&1, __MODULE__))
    head = quote(do: unquote(pattern) = unquote(received))
    head = if guard, do: {:when, [], [head, guard]}, else: head

    quote do
      unquote(wait) = unquote(timeout)

      {unquote(received), unquote({:{}, [], Enum.map(vars, &generated/1)})} =
        receive do
          unquote(head) ->
            {unquote(received), unquote({:{}, [], vars})}
        after
          unquote(wait) ->
            raise ExUnit.Assertions.__receive_error__(
                    unquote(wait),
                    unquote(escape(pattern_and_guard)),
                    unquote(pins(pattern)),
                    unquote(escape_quoted(kind, [], pattern_and_guard)),
                    unquote(failure_message)
                  )
        end

      unquote(received)
    end
  end

  @doc "Asserts that no message matching `pattern` arrives within `timeout` ms."
  defmacro refute_receive(pattern, timeout \\ nil, failure_message \\ nil) do
    timeout = timeout || quote(do: ExUnit.Assertions.__timeout__(:refute_receive_timeout))
    refute_receive_assertion(pattern, timeout, failure_message)
  end

  @doc "Asserts that no message matching `pattern` is in the mailbox."
  defmacro refute_received(pattern, failure_message \\ nil) do
    refute_receive_assertion(pattern, 0, failure_message)
  end

  defp refute_receive_assertion(pattern, timeout, failure_message) do
    received = Macro.var(:received, __MODULE__)
    shown = Macro.to_string(pattern)

    quote do
      receive do
        unquote(pattern) = unquote(received) ->
          ExUnit.Assertions.flunk(
            unquote(failure_message) ||
              "Unexpectedly received message #{inspect(unquote(received))} (which matched #{unquote(shown)})"
          )
      after
        unquote(timeout) -> false
      end
    end
  end

  @doc "Asserts that `function` raises `exception`; returns the exception."
  def assert_raise(exception, function) when is_function(function, 0) do
    result =
      try do
        function.()
        :ex_unit_not_raised
      rescue
        error -> {error, __STACKTRACE__}
      end

    case result do
      {%{__struct__: ^exception} = error, _stack} ->
        error

      {%{__struct__: ExUnit.AssertionError} = error, stack} ->
        reraise error, stack

      {%{__struct__: name} = error, stack} ->
        message =
          "Expected exception #{inspect(exception)} but got #{inspect(name)} (#{Exception.message(error)})"

        reraise ExUnit.AssertionError.exception(message: message), stack

      :ex_unit_not_raised ->
        flunk("Expected exception #{inspect(exception)} but nothing was raised")
    end
  end

  @doc "Like `assert_raise/2`, also checking the message (a string, or a regex)."
  def assert_raise(exception, expected, function) when is_function(function, 0) do
    error = assert_raise(exception, function)
    actual = Exception.message(error)

    matches? =
      case expected do
        %{__struct__: Regex} -> Regex.match?(expected, actual)
        _ when is_binary(expected) -> actual == expected
      end

    unless matches? do
      flunk(
        "Wrong message for #{inspect(exception)}\nexpected:\n  #{inspect(expected)}\nactual:\n  #{inspect(actual)}"
      )
    end

    error
  end

  @doc "Asserts that `value1` and `value2` differ by at most `delta`."
  def assert_in_delta(value1, value2, delta, message \\ nil)

  def assert_in_delta(_value1, _value2, delta, _message) when delta < 0 do
    raise ArgumentError, "delta must always be a positive number, got: #{inspect(delta)}"
  end

  def assert_in_delta(value1, value2, delta, message) do
    diff = abs(value1 - value2)

    message =
      message ||
        "Expected the difference between #{inspect(value1)} and #{inspect(value2)} (#{inspect(diff)}) to be less than or equal to #{inspect(delta)}"

    assert(diff <= delta, message)
  end

  @doc "Asserts that `value1` and `value2` differ by more than `delta`."
  def refute_in_delta(value1, value2, delta, message \\ nil) do
    diff = abs(value1 - value2)

    message =
      if message do
        "#{message} (difference between #{inspect(value1)} and #{inspect(value2)} is less than #{inspect(delta)})"
      else
        "Expected the difference between #{inspect(value1)} and #{inspect(value2)} (#{inspect(diff)}) to be more than #{inspect(delta)}"
      end

    refute(diff <= delta, message)
  end

  @doc "Asserts that `expression` throws; returns the thrown value."
  defmacro catch_throw(expression), do: catch_kind(:throw, expression)

  @doc "Asserts that `expression` exits; returns the exit reason."
  defmacro catch_exit(expression), do: catch_kind(:exit, expression)

  @doc "Asserts that `expression` raises an error; returns the raw error."
  defmacro catch_error(expression), do: catch_kind(:error, expression)

  defp catch_kind(kind, expression) do
    caught = Macro.var(:caught, __MODULE__)

    quote do
      result =
        try do
          _ = unquote(expression)
          nil
        catch
          unquote(kind), unquote(caught) -> {unquote(caught)}
        end

      case result do
        {unquote(caught)} -> unquote(caught)
        nil -> raise ExUnit.AssertionError.exception(message: unquote("Expected to catch #{kind}, got nothing"))
      end
    end
  end

  # ---- run-time helpers (called by the code the macros generate) ----

  @doc false
  def __timeout__(key) do
    if ExUnit.Server.started?(), do: Keyword.get(ExUnit.configuration(), key, 100), else: 100
  end

  @doc false
  def __operator__(value, op, left, right, code) do
    if value, do: value, else: raise(__operator_error__(:assert, op, left, right, code))
  end

  @doc false
  def __match__(:assert, true, _pattern, _right, _pins, _code), do: true
  def __match__(:refute, false, _pattern, _right, _pins, _code), do: false

  def __match__(:assert, false, pattern, right, pins, code),
    do: raise(__match_error__("match (match?) failed", pattern, right, pins, code))

  def __match__(:refute, true, pattern, right, pins, code),
    do: raise(__match_error__("match (match?) succeeded, but should have failed", pattern, right, pins, code))

  @doc false
  def __operator_error__(kind, op, left, right, code) do
    prefix = if kind == :assert, do: "Assertion", else: "Refute"
    strict? = (kind == :assert and op == :===) or (kind == :refute and op == :!==)
    context = if strict?, do: :===, else: :==

    if left === right do
      ExUnit.AssertionError.exception(
        message: "#{prefix} with #{op} failed, both sides are exactly equal",
        left: left,
        expr: code,
        context: context
      )
    else
      ExUnit.AssertionError.exception(
        message: "#{prefix} with #{op} failed",
        left: left,
        right: right,
        expr: code,
        context: context
      )
    end
  end

  @doc false
  def __match_error__(message, pattern, right, pins, code) do
    ExUnit.AssertionError.exception(
      message: message <> pins_message(pins),
      left: pattern,
      right: right,
      expr: code,
      context: {:match, pins}
    )
  end

  @doc false
  def __truthy_error__(value, args, code) do
    ExUnit.AssertionError.exception(message: "Expected truthy, got #{inspect(value)}", args: args, expr: code)
  end

  @doc false
  def __refute_error__(value, code) do
    ExUnit.AssertionError.exception(message: "Expected false or nil, got #{inspect(value)}", expr: code)
  end

  @doc false
  def __receive_error__(_timeout, _pattern, _pins, _code, message) when is_binary(message) do
    ExUnit.AssertionError.exception(message: message)
  end

  def __receive_error__(timeout, pattern, pins, code, nil) do
    {:messages, messages} = Process.info(self(), :messages)
    count = length(messages)
    shown = Enum.take(messages, -10)

    mailbox =
      if count == 0 do
        "\nThe process mailbox is empty."
      else
        "\nShowing #{length(shown)} of #{count} #{if count == 1, do: "message", else: "messages"} in the mailbox"
      end

    ExUnit.AssertionError.exception(
      message: "Assertion failed, no matching message after #{timeout}ms" <> pins_message(pins) <> mailbox,
      left: pattern,
      expr: code,
      context: {:mailbox, pins, shown}
    )
  end

  defp pins_message([]), do: ""

  defp pins_message(pins) do
    "\nThe following variables were pinned:" <>
      Enum.map_join(pins, "", fn {{name, _context}, value} -> "\n  #{name} = #{inspect(value)}" end)
  end

  # ---- compile-time helpers over quoted code ----

  # `expr` as code that rebuilds it (like Macro.escape/1), except that an
  # `unquote(...)` outside any `quote` is left alone, so that it works in
  # unquote fragments (tests defined in a `for`). Its metadata is pruned to
  # `:line` and `:no_parens` (as with `Macro.escape(expr, prune_metadata:
  # true)`), so the `code:` line of a failure prints sigils with `"`
  # whatever their delimiter (`~w"a b"`). Both done by the compiler's
  # built-in: every assertion escapes its code when it expands. Code
  # without such an `unquote` comes back as `{:"$beamlet_data", bytes}`,
  # which the compiler turns into the same literal (compiler/src/packed_data.rs).
  # The assertion's code, `{kind, meta, [expr]}`: `assert`/`refute` carry the
  # metadata of the expression they check (none for a literal), as Elixir's.
  defp escape_quoted(kind, {_, meta, _} = expr) when is_list(meta), do: escape_quoted(kind, meta, expr)
  defp escape_quoted(kind, expr), do: escape_quoted(kind, [], expr)
  defp escape_quoted(kind, meta, expr), do: :beamlet_compiler.escape({kind, meta, [expr]}, :assertion_code)

  defp escape(expr), do: :beamlet_compiler.escape(expr, :keep_unquote)

  # The variables a pattern binds, in order, once each (underscored ones,
  # pinned ones, attributes and `__MODULE__`-like forms excluded).
  defp collect_vars(pattern), do: Enum.reverse(vars(pattern, []))

  defp vars({:^, _, _}, acc), do: acc
  defp vars({:@, _, _}, acc), do: acc
  defp vars({:unquote, _, _}, acc), do: acc
  defp vars({:"::", _, [left, _type]}, acc), do: vars(left, acc)

  defp vars({name, meta, context} = var, acc) when is_atom(name) and is_list(meta) and is_atom(context) do
    skip? =
      String.starts_with?(Atom.to_string(name), "_") or
        name in [:__MODULE__, :__DIR__, :__ENV__, :__CALLER__, :__STACKTRACE__] or
        Enum.any?(acc, fn other -> var_id(other) == var_id(var) end)

    if skip?, do: acc, else: [var | acc]
  end

  defp vars({left, _meta, right}, acc), do: vars(right, vars(left, acc))
  defp vars({left, right}, acc), do: vars(right, vars(left, acc))
  defp vars(list, acc) when is_list(list), do: Enum.reduce(list, acc, &vars/2)
  defp vars(_other, acc), do: acc

  defp var_id({name, meta, context}), do: {name, Keyword.get(meta, :counter, context)}

  # The pinned variables of a pattern, last first, as code building `[{{name, context}, value}]`.
  defp pins(pattern), do: pins(pattern, [])

  defp pins({:^, _, [{name, _meta, context} = var]}, acc) when is_atom(name) and is_atom(context) do
    if Enum.any?(acc, fn {key, _} -> key == {name, context} end),
      do: acc,
      else: [{{name, context}, var} | acc]
  end

  defp pins({left, _meta, right}, acc), do: pins(right, pins(left, acc))
  defp pins({left, right}, acc), do: pins(right, pins(left, acc))
  defp pins(list, acc) when is_list(list), do: Enum.reduce(list, acc, &pins/2)
  defp pins(_other, acc), do: acc

  defp generated({name, meta, context}), do: {name, [generated: true] ++ meta, context}
end
