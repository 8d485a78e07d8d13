defmodule Integer do
  @moduledoc """
  Integers (of any size): division that floors, digits, parsing and
  printing in bases 2 to 36, gcd.
  """

  import Bitwise

  @doc "Whether `integer` is odd (allowed in guards)."
  defguard is_odd(integer) when is_integer(integer) and (integer &&& 1) == 1

  @doc "Whether `integer` is even (allowed in guards)."
  defguard is_even(integer) when is_integer(integer) and (integer &&& 1) == 0

  @doc "`base` to the power `exponent` (a non-negative integer)."
  def pow(base, exponent) when is_integer(base) and is_integer(exponent) do
    if exponent < 0, do: raise(ArithmeticError)
    :beamlet.pow(base, exponent)
  end

  @doc "The remainder of the floored division: its sign is the divisor's."
  def mod(dividend, divisor) do
    remainder = rem(dividend, divisor)

    if remainder * divisor < 0,
      do: remainder + divisor,
      else: remainder
  end

  @doc "The quotient rounded toward negative infinity."
  def floor_div(dividend, divisor) do
    if dividend * divisor < 0 and rem(dividend, divisor) != 0,
      do: div(dividend, divisor) - 1,
      else: div(dividend, divisor)
  end

  @doc "The digits of `integer` in `base`, most significant first (negative for a negative integer)."
  def digits(integer, base \\ 10)
      when is_integer(integer) and is_integer(base) and base >= 2 do
    do_digits(integer, base, [])
  end

  defp do_digits(integer, base, []) when abs(integer) < base, do: [integer]
  defp do_digits(0, _base, acc), do: acc

  defp do_digits(integer, base, acc),
    do: do_digits(div(integer, base), base, [rem(integer, base) | acc])

  @doc "The integer whose digits in `base` are `digits`."
  def undigits(digits, base \\ 10) when is_list(digits) and is_integer(base) and base >= 2,
    do: do_undigits(digits, base, 0)

  defp do_undigits([], _base, acc), do: acc

  defp do_undigits([digit | _], base, _acc) when is_integer(digit) and digit >= base,
    do: raise(ArgumentError, "invalid digit #{digit} in base #{base}")

  defp do_undigits([digit | rest], base, acc) when is_integer(digit),
    do: do_undigits(rest, base, acc * base + digit)

  @doc "The integer at the start of `binary` in `base`, and the rest, or `:error`."
  def parse(binary, base \\ 10)

  def parse(_binary, base) when not is_integer(base) or base < 2 or base > 36,
    do: raise(ArgumentError, "invalid base #{inspect(base)}")

  def parse(binary, base) when is_binary(binary), do: :beamlet.integer_parse(binary, base)

  @doc "The text of `integer` in `base` (upper-case letters)."
  def to_string(integer, base \\ 10), do: :erlang.integer_to_binary(integer, base)

  @doc "The text of `integer` in `base`, as a charlist."
  def to_charlist(integer, base \\ 10),
    do: String.to_charlist(:erlang.integer_to_binary(integer, base))

  @doc "The greatest common divisor (non-negative; `gcd(0, 0)` is 0)."
  def gcd(integer1, integer2) when is_integer(integer1) and is_integer(integer2),
    do: do_gcd(abs(integer1), abs(integer2))

  defp do_gcd(a, 0), do: a
  defp do_gcd(a, b), do: do_gcd(b, rem(a, b))

  @doc "`{gcd, m, n}` with `m * a + n * b == gcd`."
  def extended_gcd(0, 0), do: {0, 0, 0}
  def extended_gcd(0, b) when is_integer(b), do: {b, 0, 1}
  def extended_gcd(a, 0) when is_integer(a), do: {a, 1, 0}

  def extended_gcd(a, b) when is_integer(a) and is_integer(b),
    do: extended_gcd(a, b, 1, 0, 0, 1)

  defp extended_gcd(r0, 0, s0, _s1, t0, _t1) do
    if r0 < 0, do: {-r0, -s0, -t0}, else: {r0, s0, t0}
  end

  defp extended_gcd(r0, r1, s0, s1, t0, t1) do
    q = div(r0, r1)
    extended_gcd(r1, r0 - q * r1, s1, s0 - q * s1, t1, t0 - q * t1)
  end

  @doc false
  @deprecated "Use Integer.to_charlist/1 instead"
  def to_char_list(integer), do: to_charlist(integer)

  @doc false
  @deprecated "Use Integer.to_charlist/2 instead"
  def to_char_list(integer, base), do: to_charlist(integer, base)
end
