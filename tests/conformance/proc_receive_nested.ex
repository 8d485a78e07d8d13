# Messages with nested data are matched deeply and copied intact.
defmodule T do
  def main do
    me = self()
    order = %{id: 1, customer: %{name: "Zoe", tags: [:vip, :early]},
              lines: [{:item, "pen", 2, 1.5}, {:item, "ink", 1, 4.25}]}
    spawn(fn -> send(me, {:order, order}) end)
    receive do
      {:order, %{customer: %{name: name, tags: [first_tag | _]}, lines: lines}} ->
        IO.puts("customer #{name}, first tag #{first_tag}")
        total = Enum.reduce(lines, 0, fn {:item, _, q, p}, acc -> acc + q * p end)
        IO.inspect(total, label: "total")
    end
    spawn(fn -> send(me, {:deep, [[1, [2, [3, [4, [5]]]]]]}) end)
    receive do
      {:deep, [[a, [b, [c, [d, [e]]]]]]} -> IO.inspect([a, b, c, d, e], label: "flattened")
    end
    spawn(fn -> send(me, {:kw, [mode: :fast, retries: 3], {"str", 'chars', 2.0}}) end)
    receive do
      {:kw, opts, {s, cl, f}} ->
        IO.inspect(Keyword.get(opts, :retries), label: "retries")
        IO.inspect({s, cl, f})
    end
    big = Enum.to_list(1..500)
    spawn(fn -> send(me, {:big, big, Map.new(big, fn x -> {x, x * x} end)}) end)
    receive do
      {:big, l, m} ->
        IO.inspect({length(l), Enum.sum(l), map_size(m), m[500]}, label: "big")
    end
    # a message that contains a function
    spawn(fn -> send(me, {:fun, fn x -> x * 3 end}) end)
    receive do
      {:fun, f} -> IO.inspect(f.(14), label: "function from child")
    end
  end
end

T.main()
