opts = [verbose: true, level: 2]
[verbose: v, level: l] = opts
IO.inspect({v, l})
[{:verbose, v2} | _] = opts
IO.inspect(v2)
IO.inspect(opts == [{:verbose, true}, {:level, 2}])

configure = fn
  [mode: :fast] -> "fast mode"
  [mode: m, retries: r] -> "mode #{m} with #{r} retries"
  [] -> "defaults"
  other -> "custom #{inspect(other)}"
end

IO.puts(configure.(mode: :fast))
IO.puts(configure.(mode: :safe, retries: 3))
IO.puts(configure.([]))
IO.puts(configure.(retries: 3, mode: :safe))

IO.inspect(opts[:verbose])
IO.inspect(opts[:nope])
IO.inspect([a: 1, a: 2][:a])
IO.inspect([b: 1] ++ opts)
IO.inspect(length(opts))
IO.inspect([{:a, 1}, {:b, 2}])
IO.inspect([{:a, 1}, {"b", 2}])
IO.inspect([{:a, 1, 2}])
