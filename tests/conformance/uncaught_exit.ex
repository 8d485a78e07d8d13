IO.puts("about to exit")
IO.inspect({:state, [1, 2, 3]})
r =
  try do
    exit(:caught_one)
  catch
    :exit, reason -> reason
  end
IO.inspect(r, label: "caught exit")
exit(:boom)
IO.puts("unreachable")
