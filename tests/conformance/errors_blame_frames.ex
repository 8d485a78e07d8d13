# The top stack frame of a function_clause error holds the arguments, and
# an arithmetic error the operator with its operands (unless one operand of
# + or - is a literal integer), as on the BEAM; Exception.blame/3 and ExUnit
# failure reports show them.
defmodule Calc do
  def only_ints(x, y) when is_integer(x) and is_integer(y), do: x + y
  def add(x, y), do: x + y
  def add1(x), do: x + 1
  def sub(x, y), do: x - y
  def mul(x, y), do: x * y
  def mul2(x), do: x * 2
  def neg(x), do: -x
end

for {f, args} <- [only_ints: [1, :two], add: [:a, 1], add: [1, "b"], add1: [:a], sub: [[], 2], mul: [nil, 3], mul2: [:x], neg: [:a]] do
  try do
    apply(Calc, f, args)
  rescue
    e ->
      [{m, name, arity_or_args, _} | _] = __STACKTRACE__
      IO.inspect({f, m, name, arity_or_args})
      {blamed, _} = Exception.blame(:error, e, __STACKTRACE__)
      IO.puts(Exception.message(blamed))
  end
end

ExUnit.start(autorun: false, seed: 0)

defmodule BlameTest do
  use ExUnit.Case

  test "function clause" do
    Calc.only_ints("1", 2)
  end

  test "arithmetic" do
    Calc.add(:a, 2)
  end
end

ExUnit.CaptureIO.capture_io(fn -> ExUnit.run() end)
|> String.split("\n")
|> Enum.reject(&String.starts_with?(&1, "Finished in"))
|> Enum.each(&IO.puts/1)
