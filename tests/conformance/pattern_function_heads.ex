defmodule Msg do
  def handle({:greet, name}), do: "hello #{name}"
  def handle({:add, a, b}) when is_number(a) and is_number(b), do: "sum #{a + b}"
  def handle({:list, [first | _] = all}), do: "list of #{length(all)} starting #{first}"
  def handle({:list, []}), do: "empty list"
  def handle(%{type: :ping} = msg), do: "pong #{map_size(msg)}"
  def handle("raw:" <> rest), do: "raw #{rest}"
  def handle(other), do: "unhandled #{inspect(other)}"

  def same(x, x), do: :same
  def same(_, _), do: :different

  def zip_pairs([], []), do: []
  def zip_pairs([a | as], [b | bs]), do: [{a, b} | zip_pairs(as, bs)]
end

IO.puts(Msg.handle({:greet, "Joe"}))
IO.puts(Msg.handle({:add, 1, 2.5}))
IO.puts(Msg.handle({:add, 1, "2"}))
IO.puts(Msg.handle({:list, [7, 8, 9]}))
IO.puts(Msg.handle({:list, []}))
IO.puts(Msg.handle(%{type: :ping, id: 1}))
IO.puts(Msg.handle("raw:data"))
IO.puts(Msg.handle(:other))
IO.inspect(Msg.same(1, 1))
IO.inspect(Msg.same(1, 1.0))
IO.inspect(Msg.same([1], [1]))
IO.inspect(Msg.zip_pairs([1, 2, 3], [:a, :b, :c]))
