defmodule Colors do
  @colors [red: "#f00", green: "#0f0", blue: "#00f"]

  for {name, hex} <- @colors do
    def unquote(name)(), do: unquote(hex)
    def unquote(:"#{name}?")(x), do: x == unquote(name)
  end

  def all, do: Keyword.keys(@colors)

  for {n, i} <- Enum.with_index([:zero, :one, :two]) do
    def to_int(unquote(n)), do: unquote(i)
    def from_int(unquote(i)), do: unquote(n)
  end

  Enum.each([:up, :down], fn dir ->
    def move(unquote(dir), n), do: {unquote(dir), n}
  end)

  data = %{k: 1}
  def data, do: unquote(Macro.escape(data))
end

IO.inspect({Colors.red(), Colors.green(), Colors.blue()})
IO.inspect({Colors.red?(:red), Colors.blue?(:red)})
IO.inspect(Colors.all())
IO.inspect(Enum.map([:zero, :one, :two], &Colors.to_int/1))
IO.inspect(Colors.from_int(2))
IO.inspect(Colors.move(:up, 3))
IO.inspect(Colors.data())
IO.inspect(Colors.__info__(:functions))
