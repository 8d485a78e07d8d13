defmodule KM do
  def run do
    x = nil
    IO.inspect(x || :default)
    IO.inspect(false && :never)
    IO.inspect(1 && 2)
    IO.inspect(!nil)
    IO.inspect(is_nil(x))
    v = [1, 2]
    IO.inspect(match?([_ | _], v))
    IO.inspect(match?({:ok, n} when n > 5, {:ok, 3}))
    IO.inspect(binding() |> Enum.sort())
    IO.inspect(then(5, &(&1 * 2)))
    IO.inspect(tap(5, fn _ -> :ignored end))
    IO.inspect(get_in(%{a: %{b: 1}}, [:a, :b]))
    IO.inspect(put_in(%{a: %{b: 1}}, [:a, :b], 2))
    IO.inspect(update_in(%{a: [1, 2]}, [:a], &Enum.reverse/1))
    IO.inspect(to_string(:abc))
    IO.inspect(to_charlist("abc"))
    IO.inspect(is_struct(%{}, Map))
    IO.inspect(destructure([a, b, c], [1, 2]))
    IO.inspect(if(nil, do: 1))
    IO.inspect(unless(false, do: :u))
    IO.inspect(Macro.expand_once(quote(do: is_nil(z)), __ENV__) |> Macro.to_string())
  end
end

KM.run()
