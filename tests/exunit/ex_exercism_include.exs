# Exercism with every test included (include: :pending overrides the exclude).
defmodule Leap do
  def leap_year?(year), do: rem(year, 4) == 0 and (rem(year, 100) != 0 or rem(year, 400) == 0)
end

ExUnit.start(seed: 0, include: [:pending])
ExUnit.configure(exclude: :pending)

defmodule LeapTest do
  use ExUnit.Case

  test "year not divisible by 4", do: refute(Leap.leap_year?(2015))

  @tag :pending
  test "year divisible by 4", do: assert(Leap.leap_year?(1996))

  @tag :pending
  test "year divisible by 100", do: assert(Leap.leap_year?(2100))

  @tag :pending
  test "year divisible by 400", do: assert(Leap.leap_year?(2000))
end
