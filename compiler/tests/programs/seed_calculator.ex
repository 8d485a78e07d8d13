# A worker that asks a “calculator” process for the sum of two numbers.
calculator = spawn(fn ->
loop = fn loop_fun ->
receive do
{:add, a, b, reply_to} ->
send(reply_to, {:answer, a + b})
loop_fun.(loop_fun)
end
end
loop.(loop)
end)
caller = self()
send(calculator, {:add, 12, 30, caller})
receive do
{:answer, value} -> IO.puts("Got result: #{value}")
after
3000 -> IO.puts("Timed out waiting for answer")
end
