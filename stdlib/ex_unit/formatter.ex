defmodule ExUnit.Formatter do
  @moduledoc "Formats failures, filters and times the way ExUnit prints them (without colours or diffs)."

  # A failure is a list of chunks, each printed on its own line(s) indented
  # by 5 spaces; continuation lines inside a chunk carry their own indent.
  @no_value :ex_unit_no_meaningful_value
  @pad "     "

  @doc "`Finished in ...` from times in microseconds (`run`, `async` or nil, `load` or nil)."
  def format_times(%{run: run, async: async, load: load}) do
    async = async || 0
    load_text = if load, do: "#{format_us(load)}s on load, ", else: ""

    "Finished in #{format_us(run + (load || 0))} seconds " <>
      "(#{load_text}#{format_us(async)}s async, #{format_us(run - async)}s sync)"
  end

  # Seconds with two decimals below 0.1 s, one decimal above.
  defp format_us(us) do
    centis = div(us, 10_000)

    if centis < 10 do
      "0.0#{centis}"
    else
      tenths = div(centis, 10)
      "#{div(tenths, 10)}.#{rem(tenths, 10)}"
    end
  end

  @doc "A test's time in milliseconds, as trace mode prints it."
  def format_ms(us) do
    hundredths = div(us, 10)

    if hundredths < 10 do
      "0.0#{hundredths}"
    else
      tenths = div(hundredths, 10)
      "#{div(tenths, 10)}.#{rem(tenths, 10)}"
    end
  end

  @doc "`Excluding tags: [...]` or `Including tags: [...]`."
  def format_filters(filters, :exclude), do: "Excluding tags: #{inspect(filters)}"
  def format_filters(filters, :include), do: "Including tags: #{inspect(filters)}"

  @doc "A failed test, numbered `counter`, values wrapped at `width` columns."
  def format_test_failure(test, failures, counter, width, _formatter \\ nil) do
    %{file: file, line: line} = test.tags

    number(counter) <> " #{test.name} (#{inspect(test.module)})\n" <>
      @pad <> "#{Path.relative_to_cwd(file)}:#{line}\n" <> format_failures(failures, test, width)
  end

  @doc "A test module whose setup_all failed."
  def format_test_all_failure(test_module, failures, counter, width, _formatter \\ nil) do
    number(counter) <> " #{inspect(test_module.name)}: failure on setup_all callback, all tests have been invalidated\n" <>
      format_failures(failures, nil, width)
  end

  defp number(counter), do: String.pad_leading(Integer.to_string(counter), 3) <> ")"

  @doc "An assertion error as its message prints it (no indentation, no wrapping)."
  def format_assertion_error(error) do
    Enum.join(assertion_chunks(error, nil, [], :infinity), "\n")
  end

  defp format_failures(failures, test, width),
    do: Enum.map_join(failures, "", fn failure -> format_failure(failure, test, width) end)

  defp format_failure({kind, reason, stack}, test, width) do
    {reason, stack} = blame(kind, reason, stack)

    chunks =
      case {kind, reason} do
        {:error, %{__struct__: ExUnit.AssertionError}} ->
          assertion_chunks(reason, test, stack, width)

        _ ->
          [format_banner(kind, reason, stack) | source_code(test, stack)]
      end

    chunks = if stack == [], do: chunks, else: chunks ++ [format_stacktrace(stack, test)]
    Enum.map_join(chunks, "", fn chunk -> @pad <> chunk <> "\n" end)
  end

  # Errors get the details Exception.blame/3 finds (the arguments of a
  # FunctionClauseError, the operands of an ArithmeticError).
  defp blame(:error, reason, stack), do: Exception.blame(:error, reason, stack)
  defp blame(_kind, reason, stack), do: {reason, stack}

  # The lines of a message are indented, but for the blank line that
  # separates a FunctionClauseError from the arguments it was given.
  defp format_banner(:error, %{__struct__: FunctionClauseError} = reason, stack) do
    case String.split(Exception.format_banner(:error, reason, stack), "\n\n", parts: 2) do
      [banner, arguments] -> pad_message(banner) <> "\n\n" <> @pad <> pad_message(arguments)
      [banner] -> pad_message(banner)
    end
  end

  defp format_banner(kind, reason, stack), do: pad_message(Exception.format_banner(kind, reason, stack))

  defp pad_message(message), do: String.replace(message, "\n", "\n" <> @pad)

  defp assertion_chunks(error, test, stack, width) do
    label = if has_value?(error.right), do: 7, else: 6

    code =
      if has_value?(error.expr),
        do: [labelled("code:", label, code_string(error.expr, 5 + label))],
        else: source_code(test, stack)

    message = if has_value?(error.message), do: [pad_message(error.message)], else: []

    doctest =
      if has_value?(error.doctest),
        do: [pad_message("doctest:\n  " <> String.replace(error.doctest, "\n", "\n  "))],
        else: []

    code = if has_value?(error.doctest) and not has_value?(error.expr), do: [], else: code
    message ++ doctest ++ code ++ format_args(error.args, width) ++ format_context(error, label, width)
  end

  defp format_args(args, width) when is_list(args) do
    entries =
      args
      |> Enum.with_index(1)
      |> Enum.map_join("", fn {arg, index} ->
        "\n         # #{index}\n         " <> inspect_multiline(arg, 9, width) <> "\n"
      end)

    ["arguments:\n" <> entries]
  end

  defp format_args(_args, _width), do: []

  defp format_context(%{context: {:mailbox, _pins, []}}, _label, _width), do: []

  defp format_context(%{context: {:mailbox, _pins, messages}, left: pattern}, _label, width) do
    pattern = code_string(pattern, 16)

    entries =
      Enum.map_join(messages, "\n", fn message ->
        "\n       pattern: " <> pattern <> "\n       value:   " <> inspect_multiline(message, 16, width)
      end)

    ["mailbox:" <> entries]
  end

  defp format_context(error, label, width) do
    left =
      case error.context do
        {:match, _pins} -> code_string(error.left, 5 + label)
        _ -> inspect_multiline(error.left, 5 + label, width)
      end

    left = if has_value?(error.left), do: [labelled("left:", label, left)], else: []

    right =
      if has_value?(error.right),
        do: [labelled("right:", label, inspect_multiline(error.right, 5 + label, width))],
        else: []

    left ++ right
  end

  defp labelled(name, width, text), do: String.pad_trailing(name, width) <> text

  # The assertion macros' code, `{:assert, _, [expr]}`, prints as `assert ` and the expression.
  defp code_string({name, _, [expr]}, indent) when name in [:assert, :refute, :assert_receive, :assert_received],
    do: "#{name} " <> code_string(expr, indent)

  defp code_string(expr, indent) do
    String.replace(Macro.to_string(expr), "\n", "\n" <> String.duplicate(" ", indent))
  end

  # The value as inspect prints it with pretty: true, continuation lines
  # indented by `indent` columns that count toward `width`.
  defp inspect_multiline(value, _indent, :infinity), do: inspect(value)
  defp inspect_multiline(value, indent, width) do
    # Natively when no struct in `value` has its own Inspect implementation.
    case :beamlet.inspect_nested(value, indent, width) do
      false ->
        w = max(width - indent, 0)
        opts = Inspect.Opts.new(pretty: true, width: w)
        doc = Inspect.Algebra.group(Inspect.Algebra.to_doc(value, opts))
        IO.iodata_to_binary(Inspect.Algebra.format(Inspect.Algebra.nest(doc, indent), w))

      text ->
        text
    end
  end

  defp has_value?(value), do: value != @no_value

  # `code:` from the source line of the test's own stack frame.
  defp source_code(nil, _stack), do: []

  defp source_code(test, stack) do
    case test_location(test, stack) do
      {file, line} when line > 0 ->
        case File.read(file) do
          {:ok, source} ->
            case Enum.drop(String.split(source, "\n"), line - 1) do
              [text | _] -> ["code: " <> String.trim(text)]
              [] -> []
            end

          {:error, _} ->
            []
        end

      _ ->
        []
    end
  end

  defp test_location(_test, []), do: nil

  defp test_location(%{module: module, name: name}, [{module, name, _arity, location} | _]),
    do: {to_string(Keyword.get(location, :file)), Keyword.get(location, :line, 0)}

  defp test_location(test, [_ | stack]), do: test_location(test, stack)

  # The `{:erlang, :error_info, 0, _}` entry that carries a BIF's
  # explanation of a badarg (see Exception.normalize) is no frame.
  defp format_stacktrace(stack, test) do
    stack = Enum.reject(stack, &match?({:erlang, :error_info, 0, _}, &1))
    "stacktrace:" <> Enum.map_join(stack, "", fn entry -> "\n       " <> format_entry(entry, test) end)
  end

  defp format_entry({module, name, _arity, location}, %{module: module, name: name}) do
    "#{Path.relative_to_cwd(to_string(Keyword.get(location, :file)))}:#{Keyword.get(location, :line)}: (test)"
  end

  defp format_entry(entry, _test), do: Exception.format_stacktrace_entry(entry)
end
