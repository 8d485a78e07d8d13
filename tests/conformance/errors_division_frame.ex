# A failing `/` in compiled code leaves no `:erlang./2` frame (the BEAM's float
# division instruction), so ExUnit's report and Exception.blame show the plain
# message; the other arithmetic operators keep their frame.
defmodule Ops do
  def slash(a, b), do: a / b
  def plus(a, b), do: a + b
  def times(a, b), do: a * b
  def idiv(a, b), do: div(a, b)
  def irem(a, b), do: rem(a, b)
  def neg(a), do: -a

  def run(name, args) do
    try do
      apply(__MODULE__, name, args)
    rescue
      e ->
        [{m, f, a, _} | _] = __STACKTRACE__
        {blamed, _} = Exception.blame(:error, :badarith, __STACKTRACE__)
        IO.inspect({name, Exception.message(e), {m, f, a}, Exception.message(blamed)})
    end
  end
end

for {n, args} <- [slash: [1, 0], slash: [1.0, 0.0], slash: [:a, 1], slash: [1.0e308, 1.0e-10],
                  plus: [1, :a], times: [1.0e308, 10], idiv: [1, 0], irem: [1, 0], neg: [:a]] do
  Ops.run(n, args)
end

try do
  apply(:erlang, :/, [1, 0])
rescue
  _ -> IO.inspect(hd(__STACKTRACE__) |> Tuple.delete_at(3), label: "apply")
end

ExUnit.start(autorun: false, seed: 0)

defmodule DivisionTest do
  use ExUnit.Case

  test "divide by zero" do
    Ops.slash(1, 0)
  end

  test "add an atom" do
    Ops.plus(1, :a)
  end
end

ExUnit.CaptureIO.capture_io(fn -> ExUnit.run() end)
|> String.split("\n")
|> Enum.reject(&String.starts_with?(&1, "Finished in"))
|> Enum.each(&IO.puts/1)
