defmodule Range do
  @moduledoc """
  Ranges of integers, `first..last//step`: a struct (`%Range{first:,
  last:, step:}`) that `Enum` walks through the `Enumerable` protocol
  without building a list.
  """

  defstruct first: nil, last: nil, step: nil

  @doc "The range from `first` to `last`, stepping by 1 up or -1 down."
  def new(first, last) when is_integer(first) and is_integer(last) do
    step = if first <= last, do: 1, else: -1
    %Range{first: first, last: last, step: step}
  end

  def new(first, last) do
    raise ArgumentError,
          "ranges (first..last) expect both sides to be integers, got: #{inspect(first)}..#{inspect(last)}"
  end

  @doc "The range from `first` to `last` by `step` (a non-zero integer)."
  def new(first, last, step) when is_integer(first) and is_integer(last) and is_integer(step) and step != 0 do
    %Range{first: first, last: last, step: step}
  end

  def new(first, last, step) do
    raise ArgumentError,
          "ranges (first..last//step) expect both sides to be integers and the step to be a non-zero integer, " <>
            "got: #{inspect(first)}..#{inspect(last)}//#{inspect(step)}"
  end

  @doc "How many integers the range holds."
  def size(%{__struct__: Range, first: first, last: last, step: step})
      when is_integer(first) and is_integer(last) and is_integer(step) do
    cond do
      step > 0 and first > last -> 0
      step < 0 and first < last -> 0
      true -> abs(div(last - first, step)) + 1
    end
  end

  # A range made before steps existed steps by 1 or -1.
  def size(%{__struct__: Range, first: first, last: last} = range)
      when is_integer(first) and is_integer(last) and not is_map_key(range, :step) do
    abs(last - first) + 1
  end

  @doc "The range moved by `steps` of its step."
  def shift(%Range{first: first, last: last, step: step}, steps)
      when is_integer(first) and is_integer(last) and is_integer(step) and is_integer(steps) do
    %Range{first: first + steps * step, last: last + steps * step, step: step}
  end

  @doc "Whether no integer is in both ranges."
  def disjoint?(%{__struct__: Range} = r1, %{__struct__: Range} = r2) do
    r1 = with_step(r1)
    r2 = with_step(r2)

    if size(r1) == 0 or size(r2) == 0 do
      true
    else
      {lo1, hi1, s1} = ascending(r1)
      {lo2, hi2, s2} = ascending(r2)
      lo = max(lo1, lo2)
      hi = min(hi1, hi2)

      if lo > hi do
        true
      else
        # x = lo1 (mod s1) and x = lo2 (mod s2): solvable when the gcd divides
        # the difference; then the least solution >= lo decides.
        {g, p, _q} = egcd(s1, s2)
        diff = lo2 - lo1

        if rem(diff, g) != 0 do
          true
        else
          lcm = div(s1 * s2, g)
          x0 = lo1 + s1 * mod(div(diff, g) * p, div(s2, g))
          first_common = x0 + lcm * ceil_div(lo - x0, lcm)
          first_common > hi
        end
      end
    end
  end

  defp with_step(%{step: _} = range), do: range
  defp with_step(%{first: first, last: last} = range), do: Map.put(range, :step, if(first <= last, do: 1, else: -1))

  # The range as lowest member, highest member, positive step.
  defp ascending(%Range{first: first, step: step} = r) when step > 0 do
    {first, first + (size(r) - 1) * step, step}
  end

  defp ascending(%Range{first: first, step: step} = r) do
    last = first + (size(r) - 1) * step
    {last, first, -step}
  end

  defp egcd(a, 0), do: {a, 1, 0}

  defp egcd(a, b) do
    {g, x, y} = egcd(b, rem(a, b))
    {g, y, x - div(a, b) * y}
  end

  defp mod(a, m) do
    r = rem(a, m)
    if r < 0, do: r + m, else: r
  end

  defp ceil_div(a, b) when a > 0, do: div(a + b - 1, b)
  defp ceil_div(a, b), do: -div(-a, b)

  @doc false
  def range?(term), do: is_struct(term, Range)
end
