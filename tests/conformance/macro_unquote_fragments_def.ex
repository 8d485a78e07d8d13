defmodule Gen do
  defmacro defgetter(name, value) do
    quote do
      def unquote(name)(), do: unquote(value)
    end
  end

  defmacro defadder(name, n) do
    quote bind_quoted: [name: name, n: n] do
      def unquote(name)(x), do: x + unquote(n)
    end
  end

  defmacro defmany(names) do
    for {n, i} <- Enum.with_index(names) do
      quote do
        def unquote(n)(), do: unquote(i)
      end
    end
  end

  defmacro defwith_args(name, args) do
    vars = Enum.map(args, &Macro.var(&1, nil))
    quote do
      def unquote(name)(unquote_splicing(vars)), do: [unquote_splicing(vars)]
    end
  end
end

defmodule Gened do
  require Gen
  Gen.defgetter(:answer, 42)
  Gen.defgetter(:pair, {1, 2})
  Gen.defadder(:add5, 5)
  Gen.defadder(:add10, 2 * 5)
  Gen.defmany([:first, :second, :third])
  Gen.defwith_args(:collect, [:a, :b, :c])
end

IO.inspect(Gened.answer())
IO.inspect(Gened.pair())
IO.inspect({Gened.add5(1), Gened.add10(1)})
IO.inspect({Gened.first(), Gened.second(), Gened.third()})
IO.inspect(Gened.collect(1, 2, 3))
IO.inspect(Gened.__info__(:functions))
