# @enforce_keys: which builds check it, the messages, and keys that also have defaults.
defmodule Conn do
  @enforce_keys [:host, :port]
  defstruct [:host, :port, timeout: 5000, opts: []]
end

defmodule Single do
  @enforce_keys [:id]
  defstruct id: 0, name: "x"
end

defmodule Main do
  def show(fun) do
    try do
      IO.inspect(fun.())
    rescue
      e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
    end
  end

  def run do
    show(fn -> %Conn{host: "h", port: 1} end)
    show(fn -> struct!(Conn, host: "h", port: 80, timeout: 1) end)
    show(fn -> struct!(Conn, host: "h") end)
    show(fn -> struct!(Conn, []) end)
    show(fn -> struct!(Conn, timeout: 1) end)
    show(fn -> struct(Conn, host: "only host") end)
    show(fn -> Conn.__struct__() end)
    show(fn -> Conn.__struct__(port: 1, host: 2) end)
    show(fn -> Conn.__struct__(port: 1) end)
    show(fn -> struct!(Single, name: "y") end)
    show(fn -> struct!(Single, id: 9) end)
    show(fn -> %Single{id: 1} end)
    c = %Conn{host: "a", port: 2}
    show(fn -> %Conn{c | timeout: 0} end)
    show(fn -> struct!(c, opts: [:x]) end)
    show(fn -> Code.eval_string("%Conn{host: 1}") |> elem(0) end)
    show(fn -> Code.eval_string("%Single{}") |> elem(0) end)
    show(fn -> Code.eval_string("%Single{id: :ok}") |> elem(0) end)
    show(fn -> Conn.__info__(:struct) end)

  end
end

Main.run()
