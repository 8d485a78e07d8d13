defmodule Bitwise do
  # Every function here is also rewritten to its :erlang BIF where it is
  # called by name (see compiler/src/expand/dispatch.rs), so each works in
  # guards; these bodies serve captures and apply.
  def bnot(expr), do: :erlang.bnot(expr)
  def ~~~expr, do: :erlang.bnot(expr)
  def band(left, right), do: :erlang.band(left, right)
  def left &&& right, do: :erlang.band(left, right)
  def bor(left, right), do: :erlang.bor(left, right)
  def left ||| right, do: :erlang.bor(left, right)
  def bxor(left, right), do: :erlang.bxor(left, right)
  def left ^^^ right, do: :erlang.bxor(left, right)
  def bsl(left, right), do: :erlang.bsl(left, right)
  def left <<< right, do: :erlang.bsl(left, right)
  def bsr(left, right), do: :erlang.bsr(left, right)
  def left >>> right, do: :erlang.bsr(left, right)
end
