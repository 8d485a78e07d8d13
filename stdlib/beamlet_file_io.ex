# The process behind a file `File.open/2` opens: it serves Erlang's IO
# protocol (`{:io_request, from, reply_as, request}`) over an OS file held as
# a handle of the `:beamlet.file_*` built-ins (vm/src/bif/file.rs), and
# `{:file_request, from, ref, request}` (`:close`, `{:position, at}`) as
# OTP's file server does. Reads go through a buffer of bytes read ahead; the
# text requests themselves (lines, characters, encodings, `get_until`) are
# StringIO's, run over that buffer. The file is closed when its owner (the
# process that opened it) ends.
defmodule :beamlet_file_io do
  @moduledoc false

  @chunk 65_536

  @doc "Opens `path` with `modes` (`:file.open/2`'s) for the calling process: `{:ok, pid}` or `{:error, reason}`."
  def open(path, modes) do
    encoding =
      Enum.reduce(modes, :latin1, fn
        :utf8, _ -> :unicode
        {:encoding, :latin1}, _ -> :latin1
        {:encoding, _}, _ -> :unicode
        _, enc -> enc
      end)

    write? = Enum.any?(modes, &(&1 in [:write, :append, :exclusive]))
    read? = :read in modes or not write?

    case :beamlet.file_open(path, modes) do
      {:ok, handle} ->
        owner = self()

        pid =
          spawn(fn ->
            ref = Process.monitor(owner)

            loop(%{
              handle: handle,
              buf: "",
              eof: false,
              encoding: encoding,
              read: read?,
              binary: :binary in modes,
              write: write?,
              owner: ref
            })
          end)

        {:ok, pid}

      error ->
        error
    end
  end

  @doc "Closes the file `pid` serves: `:ok` (also when it is closed already)."
  def close(pid), do: file_request(pid, :close, :ok)

  @doc "Moves the file's position: `{:ok, position}` or `{:error, reason}`."
  def position(pid, at), do: file_request(pid, {:position, at}, {:error, :terminated})

  defp file_request(pid, request, when_dead) do
    ref = Process.monitor(pid)
    send(pid, {:file_request, self(), ref, request})

    receive do
      {:file_reply, ^ref, reply} ->
        Process.demonitor(ref, [:flush])
        reply

      {:DOWN, ^ref, _, _, _} ->
        when_dead
    end
  end

  defp loop(state) do
    receive do
      {:io_request, from, reply_as, request} ->
        {reply, state} = io_request(request, state)
        send(from, {:io_reply, reply_as, reply})
        loop(state)

      {:file_request, from, ref, :close} ->
        :beamlet.file_close(state.handle)
        send(from, {:file_reply, ref, :ok})

      {:file_request, from, ref, {:position, at}} ->
        {reply, state} = seek(at, state)
        send(from, {:file_reply, ref, reply})
        loop(state)

      {:DOWN, ref, _, _, _} when ref == state.owner ->
        :beamlet.file_close(state.handle)

      _other ->
        loop(state)
    end
  end

  defp seek(at, state) do
    at =
      case at do
        n when is_integer(n) -> {:bof, n}
        :bof -> {:bof, 0}
        :cur -> {:cur, 0}
        :eof -> {:eof, 0}
        other -> other
      end

    # The OS position is ahead of the reader by the buffered bytes.
    at =
      case at do
        {:cur, n} -> {:cur, n - byte_size(state.buf)}
        other -> other
      end

    case at do
      {from, n} when from in [:bof, :cur, :eof] and is_integer(n) ->
        {:beamlet.file_position(state.handle, at), %{state | buf: "", eof: false}}

      _ ->
        {{:error, :einval}, state}
    end
  end

  defp io_request({:put_chars, chars}, state), do: io_request({:put_chars, :latin1, chars}, state)

  defp io_request({:put_chars, module, function, args}, state),
    do: io_request({:put_chars, :latin1, module, function, args}, state)

  defp io_request({:put_chars, _, _} = request, state), do: put(request, state)
  defp io_request({:put_chars, _, _, _, _} = request, state), do: put(request, state)

  defp io_request({:get_chars, prompt, count}, state),
    do: io_request({:get_chars, :latin1, prompt, count}, state)

  defp io_request({:get_line, prompt}, state), do: io_request({:get_line, :latin1, prompt}, state)

  defp io_request({:get_until, prompt, module, function, args}, state),
    do: io_request({:get_until, :latin1, prompt, module, function, args}, state)

  defp io_request({:get_chars, _encoding, _prompt, count} = request, state)
       when is_integer(count) and count >= 0 do
    get(request, fill(state, fn buf -> byte_size(buf) >= count * 4 end))
  end

  defp io_request({:get_line, _encoding, _prompt} = request, state) do
    get(request, fill(state, fn buf -> :binary.match(buf, "\n") != :nomatch end))
  end

  defp io_request({:get_until, _, _, _, _, _} = request, state) do
    get(request, fill(state, fn _ -> false end))
  end

  defp io_request({:setopts, options}, state) do
    case Keyword.get(options, :encoding, state.encoding) do
      enc when enc in [:unicode, :utf8] -> {:ok, %{state | encoding: :unicode}}
      :latin1 -> {:ok, %{state | encoding: :latin1}}
      _ -> {{:error, :enotsup}, state}
    end
  end

  defp io_request(:getopts, state), do: {[binary: state.binary, encoding: state.encoding], state}
  defp io_request({:requests, requests}, state), do: requests(requests, {:ok, state})
  defp io_request(_request, state), do: {{:error, :request}, state}

  defp requests([request | rest], {:ok, state}) do
    case io_request(request, state) do
      {{:error, _}, _} = error -> error
      {_reply, state} = result -> if rest == [], do: result, else: requests(rest, {:ok, state})
    end
  end

  defp requests([], acc), do: acc

  # Reads ahead until `enough?(buf)` or the end of the file.
  defp fill(%{read: false} = state, _enough?), do: state

  defp fill(state, enough?) do
    if state.eof or enough?.(state.buf) do
      state
    else
      case :beamlet.file_read(state.handle, @chunk) do
        {:ok, data} -> fill(%{state | buf: state.buf <> data}, enough?)
        _eof_or_error -> %{state | eof: true}
      end
    end
  end

  defp get(_request, %{read: false} = state), do: {{:error, :ebadf}, state}

  # A file opened without `:binary` answers reads with lists of characters.
  defp get(request, %{binary: false} = state) do
    case get(request, %{state | binary: true}) do
      {data, state} when is_binary(data) ->
        chars =
          if elem(request, 1) == :latin1,
            do: :binary.bin_to_list(data),
            else: String.to_charlist(data)

        {chars, %{state | binary: false}}

      {other, state} ->
        {other, %{state | binary: false}}
    end
  end

  # A raw read (`:latin1`) from a `:unicode` file reads characters and
  # gives them as bytes, as OTP's file server does.
  defp get(request, %{encoding: :unicode} = state) when elem(request, 1) == :latin1 do
    {reply, state} = get(put_elem(request, 1, :unicode), state)

    case reply do
      data when is_binary(data) ->
        case :unicode.characters_to_binary(data, :unicode, :latin1) do
          bytes when is_binary(bytes) -> {bytes, state}
          _ -> {{:error, {:no_translation, :unicode, :latin1}}, state}
        end

      other ->
        {other, state}
    end
  end

  defp get(request, state) do
    sio = %{input: state.buf, output: "", capture_prompt: false, encoding: state.encoding}
    {reply, sio} = StringIO.io_request(request, sio)
    {reply, %{state | buf: sio.input}}
  end

  defp put(_request, %{write: false} = state), do: {{:error, :ebadf}, state}

  defp put(request, state) do
    sio = %{input: "", output: "", capture_prompt: false, encoding: state.encoding}

    case StringIO.io_request(request, sio) do
      {:ok, %{output: data}} ->
        # Writing happens where the reader is, not where reading ahead got.
        if state.buf != "", do: :beamlet.file_position(state.handle, {:cur, -byte_size(state.buf)})
        {:beamlet.file_write(state.handle, data), %{state | buf: "", eof: false}}

      {error, _sio} ->
        {error, state}
    end
  end
end
