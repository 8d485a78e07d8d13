# The code an assertion error carries (its expr field): assert/refute with the
# metadata of the expression they check, as Elixir's.
import ExUnit.Assertions
for f <- [
      fn -> assert 1 + 1 == 3 end,
      fn -> refute 1 == 1 end,
      fn -> assert_receive :x, 0 end,
      fn -> assert match?({:a}, 1) end,
      fn -> refute match?({:a}, {:a}) end,
      fn -> assert {:a} = {1} end,
      fn -> assert nil end,
      fn -> x = 5; assert x in [1, 2] end,
      fn -> assert_received {:y, _} end
    ] do
  try do
    f.()
  rescue
    e -> IO.inspect(e.expr)
  end
end
