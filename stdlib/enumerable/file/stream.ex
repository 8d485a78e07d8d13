defimpl Enumerable, for: File.Stream do
  # Opens the file when enumeration starts and closes it when it ends;
  # `:trim_bom` drops a UTF-8 byte order mark first.
  def reduce(%File.Stream{path: path, modes: modes, line_or_bytes: line_or_bytes, raw: raw}, acc, fun) do
    start = fn ->
      case File.open(path, for(m <- modes, m not in [:write, :append, :trim_bom], do: m)) do
        {:ok, device} ->
          if :trim_bom in modes, do: trim_bom(device), else: device

        {:error, reason} ->
          raise File.Error, reason: reason, action: "stream", path: path
      end
    end

    next =
      if raw,
        do: &IO.each_binstream(&1, line_or_bytes),
        else: &IO.each_stream(&1, line_or_bytes)

    Stream.resource(start, next, &File.close/1).(acc, fun)
  end

  defp trim_bom(device) do
    case IO.binread(device, 3) do
      <<0xEF, 0xBB, 0xBF>> -> device
      _ -> :beamlet_file_io.position(device, :bof) && device
    end
  end

  # Counting lines counts newlines, as Elixir does; bytes from the size.
  def count(%File.Stream{path: path, line_or_bytes: :line}) do
    case File.read(path) do
      {:ok, data} -> {:ok, length(:binary.matches(data, "\n"))}
      {:error, reason} -> raise File.Error, reason: reason, action: "stream", path: path
    end
  end

  def count(%File.Stream{path: path, line_or_bytes: bytes, raw: true}) do
    case File.stat(path) do
      {:ok, %File.Stat{size: 0}} -> {:ok, 0}
      {:ok, %File.Stat{size: size}} -> {:ok, div(size - 1, bytes) + 1}
      {:error, reason} -> raise File.Error, reason: reason, action: "stream", path: path
    end
  end

  def count(_stream), do: {:error, __MODULE__}
  def member?(_stream, _term), do: {:error, __MODULE__}
  def slice(_stream), do: {:error, __MODULE__}
end
