# A module attribute as the literal prefix of a <> pattern (function heads and case).
defmodule A do
  @magic "ab"
  def f(@magic <> rest), do: rest
  def f(_), do: :no
  def g(x) do
    case x do
      @magic <> "c" <> r -> {:c, r}
      _ -> :none
    end
  end
end
IO.inspect {A.f("abc"), A.f("x"), A.g("abcd"), A.g("abd")}
