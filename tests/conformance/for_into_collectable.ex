defmodule Pdict do
  defstruct []
  defimpl Collectable do
    def into(struct) do
      fun = fn
        _, {:cont, x} -> Process.put(:into_cont, [x | Process.get(:into_cont)])
        _, :done -> Process.put(:into_done, true)
        _, :halt -> Process.put(:into_halt, true)
      end
      {struct, fun}
    end
  end
end
defmodule T do
  def go do
    Process.put(:into_cont, [])
    try do
      for x <- 1..3, into: %Pdict{} do
        if x > 2, do: raise("oops"), else: x
      end
    rescue _ -> :ok
    end
    IO.inspect Process.get(:into_cont)
    IO.inspect Process.get(:into_halt)
  end
end
T.go
