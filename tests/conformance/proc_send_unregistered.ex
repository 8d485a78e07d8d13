# Sending to an atom that is not a registered name raises ArgumentError.
defmodule T do
  def try_send(dest, msg) do
    try do
      send(dest, msg)
      :sent
    rescue
      e in ArgumentError -> {:error, Exception.message(e)}
    end
  end

  def main do
    IO.inspect(try_send(:nobody_here, :hello))
    r = try_send(:also_missing, {:data, [1, 2]})
    {:error, text} = r
    IO.puts(text)
    IO.inspect(try_send(self(), :fine), label: "to a pid")
    receive do
      :fine -> IO.puts("got :fine")
    end
    Process.register(self(), :now_here)
    IO.inspect(try_send(:now_here, :ok_now), label: "after register")
    receive do
      m -> IO.inspect(m)
    end
    Process.unregister(:now_here)
    IO.inspect(try_send(:now_here, :gone), label: "after unregister")
    e = try do
      send(:ghost, 1)
    rescue
      err -> err
    end
    IO.inspect(e.__struct__, label: "struct")
  end
end

T.main()
