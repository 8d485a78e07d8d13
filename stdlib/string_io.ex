# StringIO: a process that is an IO device over a string. It answers
# Erlang's IO protocol (`{:io_request, from, reply_as, request}`, answered
# with `{:io_reply, reply_as, reply}`), which `:io` (stdlib/erl_io.ex) and
# `IO` speak to any device that is a pid: it reads from its input and
# appends what is written to its output.
#
# Reads in `:unicode` take characters and need valid UTF-8 (else the
# input is left as it was and the reply is an error); reads in `:latin1`
# (`IO.binread/2`) take raw bytes. Writes are converted from the request's
# encoding to the device's (`encoding:` option, `:unicode` by default).
defmodule StringIO do
  @moduledoc "Controls an IO device process that wraps a string."

  @doc """
  Starts a device reading from `string`; `{:ok, pid}`. Options:
  `capture_prompt: true` writes prompts to the output; `encoding:` (`:unicode`
  or `:latin1`). Given a function instead of options, runs it with the device,
  closes the device, and returns `{:ok, result}`.
  """
  def open(string, options_or_function \\ [])

  def open(string, options) when is_binary(string) and is_list(options) do
    GenServer.start_link(__MODULE__, {string, options}, [])
  end

  def open(string, function) when is_binary(string) and is_function(function, 1) do
    open(string, [], function)
  end

  @doc "Like `open/2` with options, running `function` with the device and closing it after."
  def open(string, options, function) when is_binary(string) and is_list(options) and is_function(function, 1) do
    {:ok, pid} = open(string, options)

    try do
      {:ok, function.(pid)}
    after
      {:ok, _contents} = close(pid)
    end
  end

  @doc "The device's remaining input and its output so far: `{input, output}`."
  def contents(pid) when is_pid(pid), do: GenServer.call(pid, :contents)

  @doc "Returns the output so far and empties it."
  def flush(pid) when is_pid(pid), do: GenServer.call(pid, :flush)

  @doc "Stops the device; `{:ok, {input, output}}`."
  def close(pid) when is_pid(pid), do: GenServer.call(pid, :close)

  ## The device process: a GenServer, whose callbacks are public as in Elixir.

  @behaviour GenServer

  @doc false
  @impl true
  def init({string, options}) do
    capture_prompt = options[:capture_prompt] || false
    encoding = options[:encoding] || :unicode
    {:ok, %{encoding: encoding, input: string, output: "", capture_prompt: capture_prompt}}
  end

  @doc false
  @impl true
  def handle_info({:io_request, from, reply_as, request}, state) do
    {reply, state} = io_request(request, state)
    send(from, {:io_reply, reply_as, reply})
    {:noreply, state}
  end

  def handle_info(_message, state), do: {:noreply, state}

  @doc false
  @impl true
  def handle_call(:contents, _from, %{input: input, output: output} = state) do
    {:reply, {input, output}, state}
  end

  def handle_call(:flush, _from, %{output: output} = state) do
    {:reply, output, %{state | output: ""}}
  end

  def handle_call(:close, _from, %{input: input, output: output} = state) do
    {:stop, :normal, {:ok, {input, output}}, state}
  end

  @doc false
  # One IO protocol request: `{reply, state}`.
  def io_request({:put_chars, chars}, state), do: io_request({:put_chars, :latin1, chars}, state)

  def io_request({:put_chars, module, function, args}, state),
    do: io_request({:put_chars, :latin1, module, function, args}, state)

  def io_request({:put_chars, encoding, chars} = request, state) do
    case convert(chars, encoding, state.encoding) do
      {:ok, binary} -> {:ok, %{state | output: state.output <> binary}}
      {:error, :no_translation} -> {{:error, {:no_translation, encoding, state.encoding}}, state}
      {:error, _} -> {{:error, request}, state}
    end
  end

  def io_request({:put_chars, encoding, module, function, args}, state) do
    io_request({:put_chars, encoding, apply(module, function, args)}, state)
  rescue
    _ -> {{:error, :put_chars}, state}
  end

  def io_request({:get_chars, prompt, count}, state), do: io_request({:get_chars, :latin1, prompt, count}, state)
  def io_request({:get_line, prompt}, state), do: io_request({:get_line, :latin1, prompt}, state)

  def io_request({:get_until, prompt, module, function, args}, state),
    do: io_request({:get_until, :latin1, prompt, module, function, args}, state)

  def io_request({:get_chars, encoding, prompt, count}, state) when is_integer(count) and count >= 0 do
    state = put_prompt(prompt, state)

    case take_chars(state.input, encoding, state.encoding, count) do
      {:error, _} = error -> {error, state}
      {result, rest} -> {result, %{state | input: rest}}
    end
  end

  def io_request({:get_line, encoding, prompt}, state) do
    state = put_prompt(prompt, state)

    case take_line(state.input, encoding, state.encoding) do
      {:error, _} = error -> {error, state}
      {result, rest} -> {result, %{state | input: rest}}
    end
  end

  def io_request({:get_until, encoding, prompt, module, function, args}, state) do
    case get_until(state.input, encoding, state, prompt, module, function, args) do
      {:error, state} -> {:error, state}
      {result, rest, state} -> {result, %{state | input: rest}}
    end
  end

  def io_request({:get_password, encoding}, state), do: io_request({:get_line, encoding, ""}, state)
  def io_request({:setopts, options}, state), do: setopts(options, state)

  def io_request(:getopts, state), do: {[binary: true, encoding: state.encoding], state}
  def io_request({:get_geometry, _}, state), do: {{:error, :enotsup}, state}

  def io_request({:requests, requests}, state), do: requests(requests, {:ok, state})
  def io_request(_request, state), do: {{:error, :request}, state}

  defp requests([request | rest], {:ok, state}) do
    case io_request(request, state) do
      {{:error, _}, _} = error -> error
      {_reply, state} = result -> if rest == [], do: result, else: requests(rest, {:ok, state})
    end
  end

  defp requests([], {:ok, state}), do: {:ok, state}

  defp setopts(options, state) do
    case Keyword.get(options, :encoding, state.encoding) do
      encoding when encoding in [:unicode, :utf8] -> {:ok, %{state | encoding: :unicode}}
      :latin1 -> {:ok, %{state | encoding: :latin1}}
      _ -> {{:error, :enotsup}, state}
    end
  end

  defp put_prompt(prompt, %{capture_prompt: true} = state) do
    case convert(prompt_chars(prompt), :unicode, state.encoding) do
      {:ok, binary} -> %{state | output: state.output <> binary}
      _ -> state
    end
  end

  defp put_prompt(_prompt, state), do: state

  defp prompt_chars(prompt) when is_list(prompt) or is_binary(prompt), do: prompt
  defp prompt_chars(prompt) when is_atom(prompt), do: Atom.to_string(prompt)
  defp prompt_chars(prompt), do: inspect(prompt)

  ## Reading

  # Up to `count` characters (`:unicode`) or bytes (`:latin1`) of `input`:
  # `{data, rest}`, `{:eof, input}`, or `{:error, :invalid_unicode}`.
  defp take_chars("", _encoding, _device, _count), do: {:eof, ""}
  defp take_chars(input, _encoding, _device, 0), do: {"", input}

  defp take_chars(input, :latin1, _device, count) do
    case input do
      <<data::binary-size(count), rest::binary>> -> {data, rest}
      data -> {data, ""}
    end
  end

  defp take_chars(input, _unicode, :latin1, count) do
    {data, rest} = take_chars(input, :latin1, :latin1, count)
    {:unicode.characters_to_binary(data, :latin1), rest}
  end

  defp take_chars(input, _unicode, _device, count) do
    case utf8_prefix(input, count, 0) do
      :error -> {:error, :invalid_unicode}
      size -> <<data::binary-size(size), rest::binary>> = input; {data, rest}
    end
  end

  # The byte size of the first `count` characters of `input`.
  defp utf8_prefix(input, count, size) do
    case input do
      _ when count == 0 -> size
      <<>> -> size
      <<_::utf8, rest::binary>> -> utf8_prefix(rest, count - 1, byte_size(input) - byte_size(rest) + size)
      _ -> :error
    end
  end

  # A line (its "\r\n" turned to "\n"): `{line, rest}`, `{:eof, input}` or
  # `{:error, :collect_line}`.
  defp take_line("", _encoding, _device), do: {:eof, ""}

  defp take_line(input, encoding, device) do
    {line, rest} =
      case :binary.split(input, "\n") do
        [line, rest] -> {chomp_cr(line) <> "\n", rest}
        [line] -> {line, ""}
      end

    case {encoding, device} do
      {:latin1, _} ->
        {line, rest}

      {_, :latin1} ->
        {:unicode.characters_to_binary(line, :latin1), rest}

      _ ->
        if String.valid?(line), do: {line, rest}, else: {:error, :collect_line}
    end
  end

  defp chomp_cr(line) do
    size = byte_size(line) - 1

    case line do
      <<head::binary-size(size), ?\r>> -> head
      _ -> line
    end
  end

  # Feeds `input` line by line, then `:eof`, to `module.function(continuation,
  # chars, ...args)` until it is done; each call writes the prompt.
  defp get_until(input, encoding, state, prompt, module, function, args) do
    case to_chars(input, encoding, state.encoding) do
      :error -> {:error, state}
      chars -> feed(split_lines(chars, [], []), [], encoding, state, prompt, module, function, args)
    end
  end

  defp feed(lines, continuation, encoding, state, prompt, module, function, args) do
    state = put_prompt(prompt, state)
    {data, rest_lines} = if lines == [], do: {:eof, []}, else: {hd(lines), tl(lines)}

    case apply(module, function, [continuation, data | args]) do
      {:done, result, rest} ->
        rest_chars = if rest == :eof, do: [], else: rest
        {from_chars(result, encoding), from_chars_input(rest_chars ++ Enum.concat(rest_lines), encoding, state.encoding), state}

      {:more, continuation} ->
        feed(rest_lines, continuation, encoding, state, prompt, module, function, args)
    end
  end

  defp split_lines([], [], acc), do: Enum.reverse(acc)
  defp split_lines([], line, acc), do: Enum.reverse([Enum.reverse(line) | acc])
  defp split_lines([?\n | rest], line, acc), do: split_lines(rest, [], [Enum.reverse([?\n | line]) | acc])
  defp split_lines([c | rest], line, acc), do: split_lines(rest, [c | line], acc)

  defp to_chars(input, :latin1, _device), do: :binary.bin_to_list(input)
  defp to_chars(input, _unicode, :latin1), do: :binary.bin_to_list(input)

  defp to_chars(input, _unicode, _device) do
    if String.valid?(input), do: String.to_charlist(input), else: :error
  end

  defp from_chars(:eof, _encoding), do: :eof
  defp from_chars(list, :latin1) when is_list(list), do: :erlang.list_to_binary(list)
  defp from_chars(list, _unicode) when is_list(list), do: List.to_string(list)
  defp from_chars(other, _encoding), do: other

  defp from_chars_input(chars, :latin1, _device), do: :erlang.list_to_binary(chars)
  defp from_chars_input(chars, _unicode, :latin1), do: :erlang.list_to_binary(chars)
  defp from_chars_input(chars, _unicode, _device), do: List.to_string(chars)

  ## Writing

  # `chars` (chardata in `from`) as a binary in `to`: `{:ok, binary}` or
  # `{:error, reason}`.
  defp convert(chars, from, to) do
    case :unicode.characters_to_binary(chars, from, to) do
      binary when is_binary(binary) -> {:ok, binary}
      {:error, _, _} -> {:error, :no_translation}
      {:incomplete, _, _} -> {:error, :no_translation}
    end
  rescue
    ArgumentError -> {:error, :badarg}
  end
end
