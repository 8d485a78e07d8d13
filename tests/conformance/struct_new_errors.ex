# __struct__/1 and struct!/2 with maps and keyword lists, their errors, and
# defstruct's checks of @enforce_keys (a single atom, unknown or bad keys)
defmodule Mixed do
  @enforce_keys [:first]
  defstruct [:first, :second, third: 3]
end

defmodule Single do
  @enforce_keys :id
  defstruct id: 0, name: "x"
end

defmodule Main do
  def show(label, fun) do
    IO.inspect(fun.(), label: label)
  rescue
    e -> IO.inspect(e, label: label); IO.puts(Exception.message(e))
  end

  def run do
    v = &Process.get(:unset, &1)
    show("map", fn -> Mixed.__struct__(v.(%{first: 1, second: 2})) end)
    show("map missing", fn -> Mixed.__struct__(v.(%{second: 2})) end)
    show("replace struct", fn -> Mixed.__struct__(v.(first: 1, __struct__: Other)) end)
    for kv <- [[first: 1, nope: 2], %{first: 1, nope: 2}, %{"first" => 1}, [:a], 5, [{:first, 1}, :x]] do
      show("new #{inspect(kv)}", fn -> Mixed.__struct__(v.(kv)) end)
      show("struct! #{inspect(kv)}", fn -> struct!(Mixed, v.(kv)) end)
      show("struct #{inspect(kv)}", fn -> struct(Mixed, v.(kv)) end)
    end
    show("single", fn -> struct!(Single, v.(name: "y")) end)
    show("single ok", fn -> struct!(Single, v.(id: 1)) end)
    IO.inspect(Single.__info__(:struct))
    IO.inspect(Mixed.__info__(:struct))
    defs = [
      {[:missing, :also], [:present]},
      {[:a, :zz], [:a, b: 2]},
      {[:a, "b"], [:a]},
      {"x", [:a]},
      {[:a, :a], [:a]},
      {[], [:a]},
      {nil, [:a]}
    ]
    for {{keys, fields}, i} <- Enum.with_index(defs) do
      try do
        Code.eval_quoted(quote do
          defmodule unquote(Module.concat(Tmp, "M#{i}")) do
            @enforce_keys unquote(keys)
            defstruct unquote(fields)
          end
        end)
        IO.inspect(Module.concat(Tmp, "M#{i}").__info__(:struct))
      rescue
        e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
      end
    end
    try do
      defmodule BadEx do
        @enforce_keys [:code]
        defexception [:message]
      end
    rescue
      e -> IO.puts(Exception.message(e))
    end
  end
end

Main.run()
