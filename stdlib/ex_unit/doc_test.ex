defmodule ExUnit.DocTest do
  @moduledoc """
  Tests from the examples in a module's documentation: `doctest Mod` in a test
  module makes a test of each group of `iex>` examples in `Mod`'s `@moduledoc`
  and `@doc`s.

  An example is an `iex>` line (continued by `...>` lines) followed by the
  expected result: a value (compared with the pin operator's strictness), an
  inspected form starting with `#Name<` (compared with `inspect/1` of the
  result), or `** (Exception) message`. An example with no expected result is
  run for its bindings. Examples not separated by a blank line form one test.

  The documentation comes from `Code.fetch_docs/1`: a module defined by a
  script keeps none (as in Elixir, where such a module has no `.beam` file),
  so `doctest` raises `ExUnit.DocTest.Error` for it.
  """

  @doc """
  Defines a test for each group of examples in `module`'s documentation.
  Options: `only:` and `except:` (a list of `{name, arity}` and `:moduledoc`),
  `import: true` (the tests import `module`).
  """
  defmacro doctest(module, opts \\ []) do
    module = Macro.expand(module, __CALLER__)

    if is_atom(module) and not Code.ensure_loaded?(module) do
      raise CompileError,
        file: __CALLER__.file,
        line: __CALLER__.line,
        description: "module #{inspect(module)} is not loaded and could not be found"
    end

    quote bind_quoted: [module: module, opts: opts, file: __CALLER__.file, line: __CALLER__.line] do
      for {name, tags, test} <- ExUnit.DocTest.__doctests__(module, opts) do
        doctest_name = ExUnit.Case.register_test(__MODULE__, file, line, :doctest, name, tags)
        def unquote(doctest_name)(_), do: unquote(test)
      end
    end
  end

  @doc false
  # `[{name, tags, quoted test}]` for `module`'s examples, numbered in order.
  def __doctests__(module, opts) do
    case Code.fetch_docs(module) do
      {:docs_v1, _, _, _, _, _, _} = docs -> __from_docs__(module, docs, opts)
      {:error, reason} ->
        raise ExUnit.DocTest.Error,
          module: module,
          message: "could not retrieve the documentation for module #{inspect(module)}. " <> explain(reason)
    end
  end

  @doc false
  # The tests of a `Code.fetch_docs/1` result.
  def __from_docs__(module, docs, opts) do
    case docs do
      {:docs_v1, anno, _, _, moduledoc, _, docs} ->
        import? = Keyword.get(opts, :import, false)

        module_tests =
          if wanted?(:moduledoc, opts),
            do: groups(moduledoc, :moduledoc, line_of(anno)),
            else: []

        fun_tests =
          for {{kind, name, arity}, anno, _, doc, _} <- docs,
              kind in [:function, :macro],
              wanted?({name, arity}, opts),
              group <- groups(doc, {name, arity}, line_of(anno)),
              do: group

        (module_tests ++ fun_tests)
        |> Enum.with_index(1)
        |> Enum.map(fn {{what, line, examples}, n} ->
          name =
            case what do
              :moduledoc -> "module #{inspect(module)} (#{n})"
              {f, a} -> "#{inspect(module)}.#{f}/#{a} (#{n})"
            end

          {name, [doctest: module, doctest_line: line], test_code(module, examples, import?)}
        end)
    end
  end

  @doc false
  # The file `module` was compiled from, relative to the working directory.
  def __source__(module) do
    case module.module_info(:compile)[:source] do
      nil -> "nofile"
      source -> Path.relative_to_cwd(List.to_string(source))
    end
  end

  defp explain(:module_not_found), do: "The BEAM file of the module cannot be accessed"
  defp explain(:chunk_not_found), do: "The module was not compiled with documentation"
  defp explain(reason), do: "Reason: #{inspect(reason)}"

  defp line_of(anno) when is_list(anno), do: Keyword.get(anno, :line, 0)
  defp line_of(anno) when is_integer(anno), do: anno
  defp line_of(_), do: 0

  defp wanted?(what, opts) do
    only = Keyword.get(opts, :only, [])
    except = Keyword.get(opts, :except, [])
    (only == [] or what in only) and what not in except
  end

  # The groups of examples in a doc: `[{what, line, [example]}]`, an example
  # `{code, expected, doctest_text}`.
  defp groups(%{"en" => text}, what, line) when is_binary(text) do
    text
    |> String.split("\n")
    |> Enum.with_index(line + 1)
    |> parse([], [], nil)
    |> Enum.map(fn {first_line, examples} -> {what, first_line, examples} end)
  end

  defp groups(_doc, _what, _line), do: []

  @prompt ~r/^(\s*)iex(?:\(\d+\))?>\s?(.*)$/
  @continuation ~r/^\s*\.\.\.(?:\(\d+\))?>\s?(.*)$/

  # Walks the lines; `group` holds the examples of the test being read
  # (newest first), `done` the finished groups.
  defp parse([], group, done, _start), do: Enum.reverse(close(group, done, nil))

  defp parse([{text, n} | rest] = lines, group, done, start) do
    case Regex.run(@prompt, text) do
      [_, indent, code] ->
        {code_lines, rest} = take_continuations(rest, [code])
        {expected, rest} = take_expected(rest, indent, [])
        start = start || n
        prompt_lines = [text | Enum.map(tl(code_lines), &(indent <> "...> " <> &1))]
        example = {Enum.join(code_lines, "\n"), expected(expected), {indent, prompt_lines, expected}, n}

        case rest do
          [{next, _} | _] ->
            if Regex.match?(@prompt, next),
              do: parse(rest, [example | group], done, start),
              else: parse(rest, [], close([example | group], done, start), nil)

          [] ->
            parse(rest, [], close([example | group], done, start), nil)
        end

      nil ->
        _ = lines
        parse(rest, [], close(group, done, start), nil)
    end
  end

  defp close([], done, _start), do: done
  defp close(group, done, start), do: [{start, Enum.reverse(group)} | done]

  defp take_continuations([{text, _} | rest] = lines, acc) do
    case Regex.run(@continuation, text) do
      [_, code] -> take_continuations(rest, [code | acc])
      nil -> {Enum.reverse(acc), lines}
    end
  end

  defp take_continuations([], acc), do: {Enum.reverse(acc), []}

  defp take_expected([{text, _} | rest] = lines, indent, acc) do
    cond do
      String.trim(text) == "" -> {Enum.reverse(acc), lines}
      Regex.match?(@prompt, text) -> {Enum.reverse(acc), lines}
      true -> take_expected(rest, indent, [strip(text, indent) | acc])
    end
  end

  defp take_expected([], _indent, acc), do: {Enum.reverse(acc), []}

  defp strip(text, indent) do
    if String.starts_with?(text, indent),
      do: binary_part(text, byte_size(indent), byte_size(text) - byte_size(indent)),
      else: String.trim_leading(text)
  end

  defp expected([]), do: :none

  defp expected(["** (" <> _ = first | more]) do
    case Regex.run(~r/^\*\* \(([\w.]+)\) ?(.*)$/s, Enum.join([first | more], "\n")) do
      [_, exception, message] -> {:error, Module.concat([exception]), message}
      nil -> {:test, Enum.join([first | more], "\n")}
    end
  end

  defp expected(["#" <> _ = first | more]) do
    text = Enum.join([first | more], "\n")

    if Regex.match?(~r/^#[A-Z][\w.]*</, text), do: {:inspect, text}, else: {:test, text}
  end

  defp expected(lines), do: {:test, Enum.join(lines, "\n")}

  # A test's code: the examples in order, in one scope (bindings carry on).
  defp test_code(module, examples, import?) do
    file = __source__(module)
    body = Enum.map(examples, &example_code(&1, module, file))
    imports = if import?, do: [quote(do: import(unquote(module)))], else: []
    {:__block__, [], imports ++ body ++ [:ok]}
  end

  defp example_code({code, expected, text, line}, module, file) do
    expr = Code.string_to_quoted!(code)
    # Failures point at the example in the documentation.
    doctest = {doctest_text(text, expected), [{module, :__MODULE__, 0, [file: String.to_charlist(file), line: line]}]}

    case expected do
      :none ->
        expr

      {:test, expected_code} ->
        expected_expr = Code.string_to_quoted!(expected_code)

        quote do
          expected = unquote(expected_expr)

          case unquote(expr) do
            ^expected ->
              :ok

            actual ->
              ExUnit.DocTest.__failed__(
                "Doctest failed",
                unquote(Macro.escape({:===, [], [expr, expected_expr]})),
                actual,
                expected,
                unquote(Macro.escape(doctest))
              )
          end
        end

      {:inspect, string} ->
        quote do
          case inspect(unquote(expr)) do
            unquote(string) ->
              :ok

            actual ->
              ExUnit.DocTest.__failed__(
                "Doctest failed",
                unquote(Macro.escape({:===, [], [{:inspect, [], [expr]}, string]})),
                actual,
                unquote(string),
                unquote(Macro.escape(doctest))
              )
          end
        end

      {:error, exception, message} ->
        quote do
          ExUnit.DocTest.__raises__(
            fn -> unquote(expr) end,
            unquote(exception),
            unquote(message),
            unquote(Macro.escape(doctest))
          )
        end
    end
  end

  # The example as the failure report shows it: the prompt lines, then the
  # expected result (an exception's message inspected).
  defp doctest_text({indent, prompt_lines, expected_lines}, expected) do
    prompt = Enum.map(prompt_lines, &strip(&1, indent))

    shown =
      case expected do
        {:error, exception, message} -> ["** (#{inspect(exception)}) #{inspect(message)}"]
        {:inspect, string} -> [inspect(string)]
        _ -> expected_lines
      end

    Enum.join(prompt ++ shown, "\n")
  end

  @doc false
  def __failed__(message, expr, left, right, {doctest, stack}) do
    error = ExUnit.AssertionError.exception(message: message, expr: expr, left: left, right: right, doctest: doctest)
    reraise error, stack
  end

  @doc false
  def __raises__(fun, exception, message, {doctest, stack}) do
    try do
      fun.()
    rescue
      error ->
        actual = error.__struct__
        actual_message = Exception.message(error)

        cond do
          actual != exception ->
            fail(
              "Doctest failed: expected exception #{inspect(exception)} but got " <>
                "#{inspect(actual)} with message #{inspect(actual_message)}",
              doctest,
              stack
            )

          actual_message != message ->
            fail(
              "Doctest failed: wrong message for #{inspect(actual)}\n" <>
                "expected:\n  #{inspect(message)}\nactual:\n  #{inspect(actual_message)}",
              doctest,
              stack
            )

          true ->
            :ok
        end
    else
      _ ->
        fail("Doctest failed: expected exception #{inspect(exception)} but nothing was raised", doctest, stack)
    end
  end

  defp fail(message, doctest, stack) do
    reraise ExUnit.AssertionError.exception(message: message, doctest: doctest), stack
  end
end
