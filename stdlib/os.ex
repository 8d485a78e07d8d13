# The parts of Erlang/OTP 25's `:os` module written in the language:
# `cmd/1,2`, `timestamp/0`, `perf_counter/0,1`, `version/0`,
# `find_executable/1,2`, `env/0`. `type`, `getenv`, `putenv`, `unsetenv`,
# `getpid` and `system_time` are built-ins (vm/src/bif/system.rs).
defmodule :os do
  @moduledoc false

  @doc "What the command line wrote on stdout, as a list of characters."
  def cmd(command), do: cmd(command, %{})

  @doc "Same as `cmd/1` (`max_size:` limits the bytes kept)."
  def cmd(command, options) when is_map(options) do
    unless is_list(command) or is_atom(command),
      do:
        raise(
          ArgumentError,
          "errors were found at the given arguments:\n\n  * 1st argument: not a list of characters\n"
        )

    text = if is_atom(command), do: Atom.to_string(command), else: IO.chardata_to_string(command)
    out = :beamlet.os_cmd(text)

    out =
      case Map.get(options, :max_size, :undefined) do
        n when is_integer(n) and n < byte_size(out) -> binary_part(out, 0, n)
        _ -> out
      end

    case :unicode.characters_to_list(out) do
      list when is_list(list) -> list
      _ -> :erlang.binary_to_list(out)
    end
  end

  @doc "`{megaseconds, seconds, microseconds}` of the OS clock."
  def timestamp do
    us = :os.system_time(:microsecond)
    {div(us, 1_000_000_000_000), rem(div(us, 1_000_000), 1_000_000), rem(us, 1_000_000)}
  end

  @doc "A monotonic counter in native units."
  def perf_counter, do: :erlang.monotonic_time()

  @doc "A monotonic counter in `unit`."
  def perf_counter(unit), do: :erlang.monotonic_time(unit)

  @doc "The OS version: `{major, minor, release}`."
  def version do
    case :beamlet.os_cmd("uname -r 2>/dev/null") |> String.trim() |> String.split(".") do
      [a, b, c | _] -> {int(a), int(b), int(c)}
      _ -> {0, 0, 0}
    end
  end

  defp int(text) do
    case Integer.parse(text) do
      {n, _} -> n
      :error -> 0
    end
  end

  @doc "The full path of the executable `name` on the PATH, or `false`."
  def find_executable(name), do: find_executable(name, :os.getenv('PATH', '/usr/bin:/bin'))

  @doc "The full path of the executable `name` on `path`, or `false`."
  def find_executable(name, path) do
    name = List.to_string(name)

    found =
      path
      |> List.to_string()
      |> String.split(":")
      |> Enum.find(fn dir ->
        File.regular?(Path.join(dir, name)) and
          :beamlet.os_cmd("test -x '#{Path.join(dir, name)}' && echo y") == "y\n"
      end)

    if found, do: String.to_charlist(Path.join(found, name)), else: false
  end

  @doc "The environment as `{name, value}` charlists."
  def env do
    Enum.map(:os.getenv(), fn entry ->
      i = Enum.find_index(entry, &(&1 == ?=))
      {Enum.take(entry, i), Enum.drop(entry, i + 1)}
    end)
  end
end
