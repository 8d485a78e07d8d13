defmodule G do
  def kind(x) when is_integer(x) when is_float(x), do: :number
  def kind(x) when is_atom(x) when is_binary(x) when is_list(x), do: :name_like
  def kind(_), do: :other

  # an error in the first guard tries the next one
  def safe(x) when length(x) > 2 when x == :ok, do: :yes
  def safe(_), do: :no

  def in_case(v) do
    case v do
      n when n < 0 when n > 100 -> :out_of_range
      _ -> :in_range
    end
  end

  def in_fn do
    f = fn
      x when is_tuple(x) when is_map(x) -> :container
      _ -> :scalar
    end

    {f.({1}), f.(%{}), f.(1)}
  end

  def in_with(v) do
    with x when is_integer(x) when is_float(x) <- v do
      {:num, x}
    else
      other -> {:not_num, other}
    end
  end
end

IO.inspect(Enum.map([1, 2.5, :a, "s", [1], {}], &G.kind/1))
IO.inspect({G.safe([1, 2, 3]), G.safe(:ok), G.safe(:nope), G.safe([1])})
IO.inspect(Enum.map([-1, 50, 101], &G.in_case/1))
IO.inspect(G.in_fn())
IO.inspect({G.in_with(3), G.in_with(1.5), G.in_with("x")})
