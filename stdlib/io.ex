# IO functions written in the language: reading standard input and
# `inspect`. Printing (`puts`, `write`) is built in (vm/src/bif/io.rs). A process
# whose output is captured (ExUnit.CaptureIO) reads the capture's input.
defmodule IO do
  @moduledoc "Reading standard input; the rest of IO is built in."

  @doc "Reads a line from `device` after printing `prompt`: the line (with its newline), or `:eof`."
  def gets(device \\ :stdio, prompt) do
    :io.get_line(map_dev(device), to_chardata(prompt))
  end

  @doc "Reads from `device`: a `:line`, `count` characters, or everything (`:eof`, or `:all`: `\"\"` at the end)."
  def read(device \\ :stdio, line_or_chars)

  def read(device, :all) do
    case read(device, :eof) do
      :eof -> ""
      data -> data
    end
  end

  def read(device, :eof), do: getn(device, "", :eof)
  def read(device, :line), do: :io.get_line(map_dev(device), "")

  def read(device, count) when is_integer(count) and count >= 0 do
    :io.get_chars(map_dev(device), "", count)
  end

  @doc "Like `read/2` (bytes and characters are alike for UTF-8 text here)."
  def binread(device \\ :stdio, line_or_chars)
  def binread(device, :all), do: read(device, :all)
  def binread(device, :eof), do: read(device, :eof)
  def binread(device, :line), do: read(device, :line)
  def binread(device, count) when is_integer(count) and count >= 0, do: read(device, count)

  @doc "Reads `count` characters (or everything, `:eof`) after printing `prompt`."
  def getn(prompt, count \\ 1)
  def getn(prompt, :eof), do: getn(:stdio, prompt, :eof)
  def getn(prompt, count) when is_integer(count) and count > 0, do: getn(:stdio, prompt, count)
  def getn(device, prompt) when not is_integer(prompt), do: getn(device, prompt, 1)

  def getn(device, prompt, :eof), do: getn_eof(map_dev(device), to_chardata(prompt), [])

  def getn(device, prompt, count) when is_integer(count) and count > 0 do
    :io.get_chars(map_dev(device), to_chardata(prompt), count)
  end

  defp getn_eof(device, prompt, acc) do
    case :io.get_line(device, prompt) do
      line when is_binary(line) -> getn_eof(device, "", [line | acc])
      :eof -> wrap_eof(:lists.reverse(acc))
      other -> other
    end
  end

  defp wrap_eof([]), do: :eof
  defp wrap_eof(lines), do: Enum.join(lines)

  @doc "Writes `iodata` to `device` as it is (no encoding here: bytes are bytes)."
  def binwrite(device \\ :stdio, iodata), do: IO.write(device, IO.iodata_to_binary(iodata))

  @doc "Prints `message` as a warning to standard error, with the caller's stack trace."
  def warn(message) do
    {:current_stacktrace, trace} = Process.info(self(), :current_stacktrace)
    warn(message, Enum.drop(trace, 2))
  end

  @doc "Prints `message` as a warning to standard error, with `stacktrace` below it."
  def warn(message, stacktrace) when is_list(stacktrace) do
    entries = for entry <- stacktrace, do: ["  ", Exception.format_stacktrace_entry(entry), ?\n]
    IO.write(:stderr, ["warning: ", chardata_to_string(message), ?\n, entries, ?\n])
  end

  @doc """
  Prints `item` as `inspect/2` shows it (laid out in `:width` columns,
  after `label: ` when `opts` gives a `:label`) to `device`, and returns it.
  """
  def inspect(item, opts \\ []), do: inspect(:stdio, item, opts)

  def inspect(device, item, opts) when is_list(opts) do
    label =
      case Keyword.get(opts, :label) do
        nil -> []
        label -> [to_chardata(label), ": "]
      end

    # Terms without user implementations print natively, to the same text.
    text =
      case :beamlet.inspect_fast(item, opts, :io) do
        false ->
          opts = Inspect.Opts.new(opts)
          doc = Inspect.Algebra.group(Inspect.Algebra.to_doc(item, opts))
          Inspect.Algebra.format(doc, opts.width)

        text ->
          text
      end

    IO.puts(device, [label, text])
    item
  end

  @doc "The size in bytes of `iodata`."
  def iodata_length(iodata), do: byte_size(IO.iodata_to_binary(iodata))

  @doc "`chardata` as a string."
  def chardata_to_string(string) when is_binary(string), do: string
  def chardata_to_string(list) when is_list(list), do: List.to_string(list)

  defp map_dev(:stdio), do: :standard_io
  defp map_dev(:stderr), do: :standard_error
  defp map_dev(other), do: other

  defp to_chardata(list) when is_list(list), do: list
  defp to_chardata(other), do: to_string(other)
end
