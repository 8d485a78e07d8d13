defmodule ExUnit.CaptureIO do
  @moduledoc "Captures what a function writes to standard output or standard error."

  # Standard output: as in Elixir, a StringIO holding the input becomes the
  # group leader of the calling process (and of the processes it spawns
  # meanwhile), so its writes and reads of standard IO are IO protocol
  # requests to that device (vm/src/bif/io.rs sends the writes; `:io` the
  # reads). Standard error: a VM capture (`:beamlet.capture_io/2`), global as
  # Elixir's (which swaps the `:standard_error` device), that also takes the
  # compiler's warnings.

  @doc "Runs `fun` and returns what it wrote to standard output."
  def capture_io(fun) when is_function(fun, 0), do: capture_io(:stdio, [], fun)

  @doc "Like `capture_io/1`, with a device (`:stdio`, `:stderr`), an input string or options."
  def capture_io(device, fun) when is_atom(device) and is_function(fun, 0), do: capture_io(device, [], fun)
  def capture_io(input, fun) when is_binary(input) and is_function(fun, 0), do: capture_io(:stdio, [input: input], fun)
  def capture_io(options, fun) when is_list(options) and is_function(fun, 0), do: capture_io(:stdio, options, fun)

  @doc "Like `capture_io/1` with a device and an input string or options (`:input`, `:capture_prompt`, `:encoding`)."
  def capture_io(device, input, fun) when is_binary(input), do: capture_io(device, [input: input], fun)

  def capture_io(device, options, fun) when is_atom(device) and is_list(options) and is_function(fun, 0) do
    {_result, output} = with_io(device, options, fun)
    output
  end

  @doc "Runs `fun` and returns `{result, output}`."
  def with_io(fun) when is_function(fun, 0), do: with_io(:stdio, [], fun)

  @doc "Like `with_io/1`, with a device, an input string or options."
  def with_io(device, fun) when is_atom(device) and is_function(fun, 0), do: with_io(device, [], fun)
  def with_io(input, fun) when is_binary(input) and is_function(fun, 0), do: with_io(:stdio, [input: input], fun)
  def with_io(options, fun) when is_list(options) and is_function(fun, 0), do: with_io(:stdio, options, fun)

  @doc "Like `with_io/1` with a device and an input string or options."
  def with_io(device, input, fun) when is_binary(input), do: with_io(device, [input: input], fun)

  def with_io(device, options, fun) when is_atom(device) and is_list(options) and is_function(fun, 0) do
    case device_name(device) do
      :stdio -> with_stdio(options, fun)
      :stderr -> with_stderr(options, fun)
    end
  end

  defp with_stdio(options, fun) do
    {:ok, device} =
      StringIO.open(Keyword.get(options, :input, ""),
        capture_prompt: Keyword.get(options, :capture_prompt, true),
        encoding: Keyword.get(options, :encoding, :unicode)
      )

    original = Process.group_leader()
    Process.group_leader(self(), device)

    result =
      try do
        {:ok, fun.()}
      catch
        kind, reason -> {kind, reason, __STACKTRACE__}
      after
        Process.group_leader(self(), original)
      end

    {:ok, {_input, output}} = StringIO.close(device)
    finish(result, output)
  end

  defp with_stderr(options, fun) do
    capture = :beamlet.capture_io(:stderr, Keyword.get(options, :input, ""))

    result =
      try do
        {:ok, fun.()}
      catch
        kind, reason -> {kind, reason, __STACKTRACE__}
      end

    finish(result, :beamlet.release_io(capture))
  end

  defp finish(result, output) do
    case result do
      {:ok, value} -> {value, output}
      {:error, reason, stack} -> reraise Exception.normalize(:error, reason, stack), stack
      {:throw, value, _stack} -> throw(value)
      {:exit, reason, _stack} -> exit(reason)
    end
  end

  defp device_name(device) when device in [:stdio, :standard_io], do: :stdio
  defp device_name(device) when device in [:stderr, :standard_error], do: :stderr

  defp device_name(device),
    do: raise(ArgumentError, "could not find IO device registered at #{inspect(device)}")
end
