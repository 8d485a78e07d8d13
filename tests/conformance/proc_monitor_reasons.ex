# DOWN reasons for each way a process can end.
defmodule T do
  def down_reason(f) do
    {pid, ref} = spawn_monitor(f)
    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> reason
    end
  end

  def show(label, reason) do
    case reason do
      {{:nocatch, v}, st} when is_list(st) -> IO.inspect({:nocatch, v}, label: label)
      {%{__exception__: true} = e, st} when is_list(st) -> IO.inspect(e, label: label)
      {raw, st} when is_list(st) -> IO.inspect({raw, :stacktrace}, label: label)
      other -> IO.inspect(other, label: label)
    end
  end

  def only_ints(n) when is_integer(n), do: n

  def main do
    show("returns", down_reason(fn -> 1 + 1 end))
    show("raise", down_reason(fn -> raise "boom" end))
    show("raise ArgumentError", down_reason(fn -> raise ArgumentError, message: "bad" end))
    show("exit atom", down_reason(fn -> exit(:bye) end))
    show("exit tuple", down_reason(fn -> exit({:shutdown, :done}) end))
    show("throw", down_reason(fn -> throw(:ball) end))
    show("throw tuple", down_reason(fn -> throw({:data, [1, 2]}) end))
    show(":erlang.error(:badarith)", down_reason(fn -> :erlang.error(:badarith) end))
    show("1 / 0 via variable", down_reason(fn ->
      zero = Enum.count([])
      1 / zero
    end))
    show("bad match", down_reason(fn ->
      {:ok, v} = Enum.fetch([], 0)
      v
    end))
    show("function clause", down_reason(fn -> only_ints(:not_an_int) end))
    show("killed", down_reason(fn -> Process.exit(self(), :kill) end))
  end
end

T.main()
