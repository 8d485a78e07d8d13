# From the article, "Receiving a Message": a worker asks a "calculator" process for a sum.
# The article's code as written, plus a few more requests and one the calculator does not
# understand (with a short timeout, so the timeout branch shows).
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

for {a, b} <- [{1, 2}, {100, -58}, {2.5, 0.25}] do
  send(calculator, {:add, a, b, caller})
  receive do
    {:answer, value} -> IO.puts("#{a} + #{b} = #{value}")
  after
    3000 -> IO.puts("Timed out waiting for answer")
  end
end

# The calculator only knows :add; this request stays unanswered in its mailbox.
send(calculator, {:mul, 6, 7, caller})
receive do
  {:answer, value} -> IO.puts("Got result: #{value}")
after
  100 -> IO.puts("Timed out waiting for answer")
end
