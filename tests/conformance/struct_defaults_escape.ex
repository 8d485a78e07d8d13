# defstruct defaults are kept as literals: an anonymous function or a
# reference among them is refused (the message is cut before the value)
defmodule Check do
  def show(fun) do
    IO.inspect(fun.())
  rescue
    e in ArgumentError -> IO.puts(Exception.message(e) |> String.split("<") |> hd())
  end
end

Check.show(fn -> defmodule(S1, do: defstruct(baz: fn -> nil end)) end)
Check.show(fn -> defmodule(S2, do: defstruct(a: 1, b: [ok: make_ref()])) end)
Check.show(fn -> defmodule(S3, do: defstruct(a: %{key: {1, fn x -> x end}})) end)
Check.show(fn -> defmodule(S4, do: defstruct(a: &String.length/1, b: {1, [2]})) |> elem(0) end)
IO.inspect(S4.__struct__())
Check.show(fn -> defmodule(S5, do: defstruct([:plain, other: :ok])) |> elem(0) end)
IO.inspect(struct(S5, other: 2))
Check.show(fn -> defmodule(S6, do: defstruct(pid: self())) |> elem(0) end)
IO.inspect(is_pid(S6.__struct__().pid))

try do
  defmodule S7 do
    defstruct fun: fn -> :no end
  end
rescue
  e -> IO.puts(Exception.message(e) |> String.split("<") |> hd())
end
