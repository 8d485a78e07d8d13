# Erlang/OTP 25's `:io` client side, written in the language. A device is
# `:standard_io`, `:standard_error` (the built-ins of vm/src/bif/io.rs; a
# process whose group leader is a pid reads and writes standard IO there),
# a pid, or a registered name; a pid gets Erlang's
# IO protocol: `{:io_request, self(), ref, request}`, answered by
# `{:io_reply, ref, reply}` (StringIO serves it, stdlib/string_io.ex).
defmodule :io do
  @moduledoc false

  @doc "Writes `format` to standard output; `:ok`."
  def format(format), do: format(:standard_io, format, [])

  @doc "Writes `format` filled from `args` to standard output; `:ok`."
  def format(format, args), do: format(:standard_io, format, args)

  @doc "Writes `format` filled from `args` to `device` (`:io_lib.format/2`); `:ok`."
  def format(device, format, args) do
    chars =
      try do
        :io_lib.format(format, args)
      rescue
        ArgumentError ->
          {n, text} = :io_lib.__format_error__(format, args)
          nth = if n == 1, do: "1st", else: "2nd"
          reraise ArgumentError, "errors were found at the given arguments:\n\n  * #{nth} argument: #{text}\n", __STACKTRACE__
      end

    put_chars(device, chars)
  end

  @doc "Same as `format/1`."
  def fwrite(format), do: format(format)
  @doc "Same as `format/2`."
  def fwrite(format, args), do: format(format, args)
  @doc "Same as `format/3`."
  def fwrite(device, format, args), do: format(device, format, args)

  @doc "Writes the Erlang text of `term`."
  def write(term), do: put_chars(:standard_io, :io_lib.write(term))
  def write(device, term), do: put_chars(device, :io_lib.write(term))

  @doc "Writes chardata to standard output."
  def put_chars(chars), do: put_chars(:standard_io, chars)

  @doc "Writes chardata to `device`; raises when the device refuses it."
  def put_chars(device, chars) do
    case device do
      std when std in [:standard_io, :standard_error, :user] ->
        IO.write(std_device(std), chars)

      _ ->
        case request_device(device, {:put_chars, :unicode, chars}) do
          :ok -> :ok
          {:error, reason} -> :erlang.error(conv_reason(reason))
          other -> other
        end
    end
  end

  @doc "Writes a newline."
  def nl(device \\ :standard_io), do: put_chars(device, "\n")

  @doc "Reads a line after writing `prompt`."
  def get_line(prompt), do: get_line(:standard_io, prompt)

  def get_line(device, prompt) when device in [:standard_io, :standard_error, :user] do
    case leader(device) do
      nil -> :beamlet.get_line(std_device(device), prompt)
      pid -> io_request(pid, {:get_line, :unicode, prompt})
    end
  end

  def get_line(device, prompt), do: request_device(device, {:get_line, :unicode, prompt})

  @doc """
  Reads values from `device` as `:io_lib.fread/2`'s `format` says, line by
  line: `{:ok, values}`, `:eof`, or `{:error, what}`. A format that goes on
  past a line's end reads the next line; what a line has left after the
  format is read by the next `fread` call from the same process.
  """
  def fread(prompt, format), do: fread(:standard_io, prompt, format)

  def fread(device, prompt, format) do
    if is_list(format) do
      key = {:beamlet_fread, device}
      # The prompt is written once per call: before reading, or at once
      # when a line read earlier has characters left.
      prompt = if is_atom(prompt), do: Atom.to_string(prompt), else: prompt

      case Process.delete(key) do
        nil ->
          fread_line(device, prompt, format, nil, key, 0, [], true)

        pending ->
          if prompt not in ["", []], do: put_chars(device, prompt)
          fread_line(device, "", format, pending, key, 0, [], true)
      end
    else
      {:error, :fread}
    end
  end

  # `pending`: characters left by an earlier call (nil: none); `first?`:
  # nothing was read yet in this call (an end of input then is `:eof`).
  defp fread_line(device, prompt, format, pending, key, count, acc, first?) do
    line =
      case pending do
        nil -> get_line(device, prompt)
        chars -> chars
      end

    case line do
      :eof when first? ->
        :eof

      :eof ->
        {:error, {:fread, :input}}

      {:error, _} = error ->
        error

      line ->
        chars = if is_binary(line), do: String.to_charlist(line), else: line
        {chars, newline} = split_newline(chars, [])

        case :io_lib.fread_chars(format, chars, count, acc) do
          {:ok, values, rest, _count} ->
            if rest != [], do: Process.put(key, rest ++ newline)

            {:ok, values}

          {:more, format, count, acc} ->
            fread_line(device, "", format, nil, key, count, acc, false)

          {:error, _} = error ->
            error
        end
    end
  end

  # A line's characters and its end (`'\\n'` or `[]`); pending characters
  # may hold more than one line.
  defp split_newline([?\n | rest], acc) do
    case rest do
      [] -> {:lists.reverse(acc), '\n'}
      _ -> {:lists.reverse(acc), [?\n | rest]}
    end
  end

  defp split_newline([c | rest], acc), do: split_newline(rest, [c | acc])
  defp split_newline([], acc), do: {:lists.reverse(acc), []}

  @doc "Reads `count` characters after writing `prompt`."
  def get_chars(prompt, count), do: get_chars(:standard_io, prompt, count)

  def get_chars(device, prompt, count) when device in [:standard_io, :standard_error, :user] do
    case leader(device) do
      nil -> :beamlet.get_chars(std_device(device), prompt, count)
      pid -> io_request(pid, {:get_chars, :unicode, prompt, count})
    end
  end

  def get_chars(device, prompt, count), do: request_device(device, {:get_chars, :unicode, prompt, count})

  @doc "Reads a line without echo."
  def get_password(device \\ :standard_io)

  def get_password(device) when device in [:standard_io, :standard_error, :user] do
    case leader(device) do
      nil -> :beamlet.get_line(std_device(device), "")
      pid -> io_request(pid, {:get_password, :unicode})
    end
  end

  def get_password(device), do: request_device(device, {:get_password, :unicode})

  @doc "The device's options."
  def getopts(device \\ :standard_io)
  def getopts(device) when device in [:standard_io, :standard_error, :user], do: [binary: true, encoding: :unicode]
  def getopts(device), do: request_device(device, :getopts)

  @doc "Sets the device's options."
  def setopts(device \\ :standard_io, options)
  def setopts(device, _options) when device in [:standard_io, :standard_error, :user], do: :ok
  def setopts(device, options), do: request_device(device, {:setopts, options})

  @doc "The characters `~p` and the printable checks treat as printable: `:latin1`, as `elixir` starts Erlang."
  def printable_range, do: :latin1

  @doc "The terminal's width: `{:error, :enotsup}` when the device is not a terminal."
  def columns(device \\ :standard_io), do: geometry(device, :columns)

  @doc "The terminal's height: `{:error, :enotsup}` when the device is not a terminal."
  def rows(device \\ :standard_io), do: geometry(device, :rows)

  defp geometry(device, _what) when device in [:standard_io, :standard_error, :user], do: {:error, :enotsup}

  defp geometry(device, what) do
    case request_device(device, {:get_geometry, what}) do
      n when is_integer(n) -> {:ok, n}
      other -> other
    end
  end

  @doc "Sends one IO protocol request to `device` and returns its reply."
  def request(request), do: request(:standard_io, request)

  def request(device, request) when device in [:standard_io, :standard_error, :user] do
    case request do
      {:put_chars, _encoding, chars} -> put_chars(device, chars)
      {:get_line, _encoding, prompt} -> get_line(device, prompt)
      {:get_chars, _encoding, prompt, count} -> get_chars(device, prompt, count)
      _ -> {:error, :request}
    end
  end

  def request(device, request), do: request_device(device, request)

  @doc "Sends the requests one after the other; the last reply, or the first error."
  def requests(requests), do: requests(:standard_io, requests)
  def requests(device, requests), do: request(device, {:requests, requests})

  # Standard input of a process whose group leader is a pid (set by
  # ExUnit.CaptureIO) is that device; writes reach it from the built-ins.
  defp leader(:standard_error), do: nil

  defp leader(_device) do
    case :erlang.group_leader() do
      pid when is_pid(pid) -> pid
      _ -> nil
    end
  end

  defp std_device(:standard_error), do: :stderr
  defp std_device(_), do: :stdio

  defp request_device(device, request) do
    case resolve(device) do
      nil -> {:error, :arguments}
      pid -> io_request(pid, request)
    end
  end

  defp resolve(pid) when is_pid(pid), do: pid

  defp resolve(name) when is_atom(name) do
    case :erlang.whereis(name) do
      :undefined -> nil
      pid -> pid
    end
  end

  defp resolve(_), do: nil

  defp io_request(pid, request) do
    ref = Process.monitor(pid)
    send(pid, {:io_request, self(), ref, request})

    receive do
      {:io_reply, ^ref, reply} ->
        demonitor_flush(ref)
        reply

      {:DOWN, ^ref, _, _, _} ->
        {:error, :terminated}
    end
  end

  defp conv_reason(:arguments) do
    %ArgumentError{message: "errors were found at the given arguments:\n\n  * 1st argument: the device does not exist\n"}
  end

  defp conv_reason(:ebadf) do
    %ArgumentError{message: "errors were found at the given arguments:\n\n  * 1st argument: bad file number (ebadf)\n"}
  end

  defp conv_reason(:terminated), do: :terminated
  defp conv_reason(:calling_self), do: :calling_self
  defp conv_reason({:no_translation, _, _}), do: :no_translation
  defp conv_reason(_), do: :badarg

  # Process.demonitor(ref, [:flush]).
  defp demonitor_flush(ref) do
    Process.demonitor(ref)

    receive do
      {:DOWN, ^ref, _, _, _} -> :ok
    after
      0 -> :ok
    end
  end
end
