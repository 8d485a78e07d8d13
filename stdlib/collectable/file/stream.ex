defimpl Collectable, for: File.Stream do
  # Opens the file for writing (truncating it unless `:append` is among the
  # modes), writes each element, closes it at the end.
  def into(%File.Stream{path: path, modes: modes, raw: raw} = stream) do
    modes = for mode <- modes, mode not in [:read], do: mode

    case File.open(path, [:write | modes]) do
      {:ok, device} ->
        {:ok,
         fn
           :ok, {:cont, x} -> if raw, do: IO.binwrite(device, x), else: IO.write(device, x)
           :ok, :done -> :ok = File.close(device); stream
           :ok, :halt -> :ok = File.close(device)
         end}

      {:error, reason} ->
        raise File.Error, reason: reason, action: "stream", path: path
    end
  end
end
