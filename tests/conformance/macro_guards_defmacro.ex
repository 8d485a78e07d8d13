defmodule GM do
  defmacro is_zero(x) do
    if __CALLER__.context == :guard do
      quote do: unquote(x) === 0
    else
      quote do
        v = unquote(x)
        v === 0
      end
    end
  end

  defmacro in_range(x, lo, hi) do
    quote do
      unquote(x) >= unquote(lo) and unquote(x) <= unquote(hi)
    end
  end

  defmacro either(a, b) when is_tuple(a) and is_tuple(b) do
    quote do: unquote(a) or unquote(b)
  end
end

defmodule GMUser do
  import GM

  def z(n) when is_zero(n), do: :zero
  def z(_), do: :nonzero

  def r(n) when in_range(n, 1, 5), do: :low
  def r(n) when in_range(n, 6, 10), do: :high
  def r(_), do: :out

  def e(a, b) when either(a, b), do: :one_true
  def e(_, _), do: :both_false

  def direct(n), do: is_zero(n)
  def filtered(list), do: for(n <- list, in_range(n, 2, 4), do: n)
end

IO.inspect({GMUser.z(0), GMUser.z(0.0), GMUser.z(1)})
IO.inspect(Enum.map([0, 3, 7, 11], &GMUser.r/1))
IO.inspect({GMUser.e(true, false), GMUser.e(false, false)})
IO.inspect({GMUser.direct(0), GMUser.direct(2)})
IO.inspect(GMUser.filtered([1, 2, 3, 4, 5]))
