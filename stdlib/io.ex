# IO: writing and reading devices. The standard devices (`:stdio`,
# `:stderr`) are built in (vm/src/bif/io.rs: `IO.puts/1` and `IO.write/1`
# directly, `:beamlet.io_puts/2`, `:beamlet.io_write/2`, `:beamlet.io_binwrite/2` and the reads
# through `:io`), and go to the process's group leader when it is a pid (as
# ExUnit.CaptureIO sets); any other device (a pid such as
# a StringIO, or a registered name) gets Erlang's IO protocol through `:io`
# (stdlib/erl_io.ex). Text goes as `:unicode` requests; `binread`/`binwrite`
# as `:latin1` ones (raw bytes), as Elixir's do through `:file`.
defmodule IO do
  @moduledoc "Functions handling input/output (IO)."

  @std [:stdio, :stderr, :standard_io, :standard_error]

  @doc "Writes `item` and a newline to `device`."
  def puts(device, item) when device in @std, do: :beamlet.io_puts(device, item)
  def puts(device, item), do: :io.put_chars(map_dev(device), [to_chardata(item), ?\n])

  @doc "Writes `chardata` to `device`."
  def write(device, chardata) when device in @std, do: :beamlet.io_write(device, chardata)
  def write(device, chardata), do: :io.put_chars(map_dev(device), to_chardata(chardata))

  @doc "Writes `iodata` to `device` as bytes."
  def binwrite(device \\ :stdio, iodata) when is_list(iodata) or is_binary(iodata) do
    if device in @std do
      :beamlet.io_binwrite(device, IO.iodata_to_binary(iodata))
    else
      case :io.request(map_dev(device), {:put_chars, :latin1, iodata}) do
        :ok -> :ok
        {:error, reason} -> {:error, reason}
      end
    end
  end

  @doc "Reads a line from `device` after printing `prompt`: the line (with its newline), `:eof` or `{:error, reason}`."
  def gets(device \\ :stdio, prompt) do
    :io.get_line(map_dev(device), to_chardata(prompt))
  end

  @doc "Reads from `device`: a `:line`, `count` characters, or everything (`:eof`; `:all` gives `\"\"` at the end)."
  def read(device \\ :stdio, line_or_chars)

  def read(device, :all) do
    case read(device, :eof) do
      :eof -> ""
      data -> data
    end
  end

  def read(device, :eof), do: getn(device, '', :eof)
  def read(device, :line), do: :io.get_line(map_dev(device), '')

  def read(device, count) when is_integer(count) and count >= 0 do
    :io.get_chars(map_dev(device), '', count)
  end

  @doc "Reads raw bytes from `device`: a `:line`, `count` bytes, or everything (`:eof`, or `:all`)."
  def binread(device \\ :stdio, line_or_chars)

  def binread(device, :all) do
    case binread(device, :eof) do
      :eof -> ""
      data -> data
    end
  end

  # The standard devices are in unicode mode (`elixir` sets them so): a
  # `:latin1` read takes characters and gives each as one byte, and one
  # above 255 fails the request (as OTP 25's `io` server does).
  def binread(device, request) when device in @std and (request in [:eof, :line] or is_integer(request)) do
    case read(device, request) do
      data when is_binary(data) ->
        case :unicode.characters_to_binary(data, :unicode, :latin1) do
          bytes when is_binary(bytes) -> bytes
          _ -> {:error, :collect_chars}
        end

      other ->
        other
    end
  end

  def binread(device, :eof), do: binread_eof(map_dev(device), "")

  def binread(device, :line) do
    :io.request(map_dev(device), {:get_line, :latin1, ''})
  end

  def binread(device, count) when is_integer(count) and count >= 0 do
    :io.request(map_dev(device), {:get_chars, :latin1, '', count})
  end

  defp binread_eof(device, acc) do
    case :io.request(device, {:get_chars, :latin1, '', 4096}) do
      data when is_binary(data) -> binread_eof(device, acc <> data)
      :eof -> if acc == "", do: :eof, else: acc
      other -> other
    end
  end

  @doc "Reads `count` characters (or everything, `:eof`) after printing `prompt`."
  def getn(prompt, count \\ 1)
  def getn(prompt, :eof), do: getn(:stdio, prompt, :eof)
  def getn(prompt, count) when is_integer(count) and count > 0, do: getn(:stdio, prompt, count)
  def getn(device, prompt) when not is_integer(prompt), do: getn(device, prompt, 1)

  @doc "Reads `count` characters (or everything, `:eof`) from `device` after printing `prompt`."
  def getn(device, prompt, :eof), do: getn_eof(map_dev(device), to_chardata(prompt), [])

  def getn(device, prompt, count) when is_integer(count) and count > 0 do
    :io.get_chars(map_dev(device), to_chardata(prompt), count)
  end

  defp getn_eof(device, prompt, acc) do
    case :io.get_line(device, prompt) do
      line when is_binary(line) or is_list(line) -> getn_eof(device, '', [line | acc])
      :eof -> wrap_eof(:lists.reverse(acc))
      other -> other
    end
  end

  defp wrap_eof([]), do: :eof
  defp wrap_eof(lines), do: chardata_to_string(lines)

  @doc "Prints `message` as a warning to standard error, with the caller's stack trace."
  def warn(message) do
    {:current_stacktrace, trace} = Process.info(self(), :current_stacktrace)
    warn(message, Enum.drop(trace, 2))
  end

  @doc "Prints `message` as a warning to standard error, with `stacktrace` (a list of entries, a `Macro.Env`, or `file:`/`line:`/`module:`/`function:`) below it."
  def warn(message, %Macro.Env{} = env) do
    warn(message, Macro.Env.stacktrace(env))
  end

  def warn(message, [{key, _} | _] = location) when key in [:file, :line, :module, :function] do
    file = Keyword.get(location, :file, "nofile")
    line = Keyword.get(location, :line)
    place = if line, do: "#{file}:#{line}", else: "#{file}"

    where =
      case {Keyword.get(location, :module), Keyword.get(location, :function)} do
        {module, {name, arity}} when module != nil -> Exception.format_mfa(module, name, arity)
        _ -> "(file)"
      end

    IO.write(:stderr, ["warning: ", to_chardata(message), ?\n, "  ", place, ": ", where, ?\n, ?\n])
  end

  def warn(message, stacktrace) when is_list(stacktrace) do
    entries = for entry <- stacktrace, do: ["  ", Exception.format_stacktrace_entry(entry), ?\n]
    IO.write(:stderr, ["warning: ", to_chardata(message), ?\n, entries, ?\n])
  end

  @doc false
  # Prints a warning once per `key` in the calling process.
  def warn_once(key, message, stacktrace_drop_levels) do
    if Process.get({IO, :warn_once, key}) do
      :ok
    else
      Process.put({IO, :warn_once, key}, true)
      {:current_stacktrace, trace} = Process.info(self(), :current_stacktrace)
      warn(message.(), Enum.drop(trace, stacktrace_drop_levels + 2))
    end
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

  @doc "A stream of `device`'s lines (`:line`) or chunks of `count` characters; writing to it (`Enum.into/2`) writes to the device."
  def stream(device \\ :stdio, line_or_codepoints)
      when line_or_codepoints == :line or (is_integer(line_or_codepoints) and line_or_codepoints > 0) do
    %IO.Stream{device: map_dev(device), raw: false, line_or_bytes: line_or_codepoints}
  end

  @doc false
  def stream, do: stream(:stdio, :line)

  @doc "A stream of `device`'s raw lines (`:line`) or chunks of `count` bytes."
  def binstream(device \\ :stdio, line_or_bytes)
      when line_or_bytes == :line or (is_integer(line_or_bytes) and line_or_bytes > 0) do
    %IO.Stream{device: map_dev(device), raw: true, line_or_bytes: line_or_bytes}
  end

  @doc false
  def binstream, do: binstream(:stdio, :line)

  @doc false
  # The next element of a text stream: `{[data], device}` or `{:halt, device}`.
  def each_stream(device, line_or_codepoints) do
    case read(device, line_or_codepoints) do
      :eof -> {:halt, device}
      {:error, reason} -> raise IO.StreamError, reason: reason
      data -> {[data], device}
    end
  end

  @doc false
  # The next element of a raw stream.
  def each_binstream(device, line_or_chars) do
    case binread(device, line_or_chars) do
      :eof -> {:halt, device}
      {:error, reason} -> raise IO.StreamError, reason: reason
      data -> {[data], device}
    end
  end

  defp map_dev(:stdio), do: :standard_io
  defp map_dev(:stderr), do: :standard_error
  defp map_dev(other), do: other

  defp to_chardata(list) when is_list(list), do: list
  defp to_chardata(other), do: to_string(other)
end
