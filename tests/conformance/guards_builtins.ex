defmodule G do
  def odd?(n) when rem(n, 2) == 1 or rem(n, 2) == -1, do: true
  def odd?(_), do: false
  def halves(n) when div(n, 2) > 3, do: :big_half
  def halves(_), do: :small_half
  def far(n) when abs(n) > 100, do: :far
  def far(_), do: :near
  def first_ok(t) when elem(t, 0) == :ok, do: elem(t, 1)
  def first_ok(_), do: :not_ok
  def pair?(t) when is_tuple(t) and tuple_size(t) == 2, do: true
  def pair?(_), do: false
  def short?(l) when length(l) < 3, do: true
  def short?(_), do: false
  def starts_zero?(l) when hd(l) == 0, do: true
  def starts_zero?(_), do: false
  def empty_map?(m) when map_size(m) == 0, do: true
  def empty_map?(_), do: false
  def tiny?(b) when byte_size(b) <= 2, do: true
  def tiny?(_), do: false
  def tl_empty?(l) when tl(l) == [], do: true
  def tl_empty?(_), do: false
end

IO.inspect(Enum.map([-3, -2, 0, 1, 7], &G.odd?/1))
IO.inspect({G.halves(8), G.halves(7), G.halves(-20)})
IO.inspect({G.far(-101), G.far(100), G.far(250.5)})
IO.inspect({G.first_ok({:ok, 5}), G.first_ok({:error, 5}), G.first_ok(:ok)})
IO.inspect({G.pair?({1, 2}), G.pair?({1, 2, 3}), G.pair?([1, 2])})
IO.inspect({G.short?([]), G.short?([1, 2]), G.short?([1, 2, 3]), G.short?(:no)})
IO.inspect({G.starts_zero?([0, 1]), G.starts_zero?([1]), G.starts_zero?([])})
IO.inspect({G.empty_map?(%{}), G.empty_map?(%{a: 1}), G.empty_map?([])})
IO.inspect({G.tiny?("ab"), G.tiny?("abc"), G.tiny?("é"), G.tiny?(:ab)})
IO.inspect({G.tl_empty?([1]), G.tl_empty?([1, 2]), G.tl_empty?([])})
