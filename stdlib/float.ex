defmodule Float do
  import Kernel, except: [to_string: 1, to_charlist: 1]
  @moduledoc """
  Floats (IEEE 754 doubles): parsing, rounding to a number of decimal
  places on the float's exact value, exact ratios, printing.
  """

  @precision_range 0..15

  @doc "The float at the start of `binary` and the rest, or `:error`."
  def parse(binary), do: parse_unsigned(binary)

  # (Elixir's errors name this function.)
  defp parse_unsigned(binary) when is_binary(binary), do: :beamlet.float_parse(binary)

  @doc "`number` rounded down to `precision` decimal places (0 to 15)."
  def floor(number, precision \\ 0)

  def floor(number, precision) when is_float(number) and precision in @precision_range,
    do: :beamlet.float_round(number, precision, :floor)

  def floor(number, precision) when is_float(number),
    do: raise(ArgumentError, invalid_precision_message(precision))

  @doc "`number` rounded up to `precision` decimal places (0 to 15)."
  def ceil(number, precision \\ 0)

  def ceil(number, precision) when is_float(number) and precision in @precision_range,
    do: :beamlet.float_round(number, precision, :ceil)

  def ceil(number, precision) when is_float(number),
    do: raise(ArgumentError, invalid_precision_message(precision))

  @doc """
  `float` rounded to `precision` decimal places (0 to 15), half away from
  zero on its exact value: `round(2.675, 2)` is 2.67, 2.675 being really
  2.67499999999999982236431605997495353221893310546875.
  """
  def round(float, precision \\ 0)

  def round(float, precision) when is_float(float) and precision in @precision_range,
    do: :beamlet.float_round(float, precision, :half_up)

  def round(float, precision) when is_float(float),
    do: raise(ArgumentError, invalid_precision_message(precision))

  defp invalid_precision_message(precision),
    do: "precision #{precision} is out of valid range of #{inspect(@precision_range)}"

  @doc "`{numerator, denominator}`: the float's exact value in lowest terms."
  def ratio(float) when is_float(float), do: :beamlet.float_ratio(float)

  @doc "The least finite float."
  def min_finite, do: -1.7976931348623157e308

  @doc "The greatest finite float."
  def max_finite, do: 1.7976931348623157e308

  @doc "`base` to the power `exponent` (ArithmeticError when not a real float)."
  def pow(base, exponent) when is_float(base) and is_number(exponent),
    do: :math.pow(base, exponent)

  @doc "The shortest text that reads back as `float`."
  def to_string(float) when is_float(float), do: :beamlet.float_to_string(float)

  @doc "The shortest text that reads back as `float`, as a charlist."
  def to_charlist(float) when is_float(float), do: String.to_charlist(to_string(float))

  @doc false
  @deprecated "Use :erlang.float_to_binary/2 instead"
  def to_string(float, options) when is_float(float) and is_list(options),
    do: :beamlet.float_format(float, format_options(options))

  @doc false
  @deprecated "Use Float.to_charlist/1 instead"
  def to_char_list(float), do: to_charlist(float)

  @doc false
  @deprecated "Use :erlang.float_to_list/2 instead"
  def to_char_list(float, options), do: String.to_charlist(to_string(float, options))

  # {decimals | scientific, digits, compact}: the last of `decimals:` or
  # `scientific:` given wins (default scientific with 20 digits).
  defp format_options(options) do
    Enum.reduce(options, {:scientific, 20, false}, fn
      {:decimals, n}, {_, _, compact} when is_integer(n) and n >= 0 and n <= 253 -> {:decimals, n, compact}
      {:scientific, n}, {_, _, compact} when is_integer(n) and n >= 0 and n <= 249 -> {:scientific, n, compact}
      {:compact, c}, {kind, n, _} when is_boolean(c) -> {kind, n, c}
      _, _ -> raise ArgumentError, "invalid options: #{inspect(options)}"
    end)
  end
end
