f = fn x -> IO.write("#{x} "); x end
_ = [f.(1), f.(2) | [f.(3)]]
IO.puts("")
_ = {f.(1), f.(2), f.(3)}
IO.puts("")
_ = %{a: f.(1), b: f.(2), c: f.(3)}
IO.puts("")
_ = %{f.(1) => f.(2), f.(3) => f.(4)}
IO.puts("")
_ = f.(1) + f.(2) * f.(3)
IO.puts("")
_ = "#{f.(1)}#{f.(2)}"
IO.puts("")
_ = max(f.(1), f.(2))
IO.puts("")
m = %{a: 1, b: 2}
_ = %{m | a: f.(1), b: f.(2)}
IO.puts("")
_ = [f.(1), f.(2)] ++ [f.(3)]
IO.puts("")
