# ExUnit.CaptureIO on a StringIO group leader: input, prompts, spawned writers, nesting.
ExUnit.start(autorun: false)
import ExUnit.CaptureIO
IO.inspect capture_io(fn -> IO.puts("a"); IO.write("b") end)
IO.inspect capture_io("in1\nin2\n", fn -> IO.inspect(IO.gets("p> ")); IO.inspect(IO.read(:stdio, :line)) end)
IO.inspect capture_io([input: "x", capture_prompt: false], fn -> IO.inspect(IO.gets("p> ")) end)
IO.inspect capture_io(fn ->
  parent = self()
  spawn(fn -> IO.puts("child"); send(parent, :done) end)
  receive do :done -> :ok end
end)
IO.inspect capture_io(fn -> IO.puts("outer1"); IO.inspect(capture_io(fn -> IO.puts("inner") end)); IO.puts("outer2") end)
IO.inspect capture_io(:stderr, fn -> IO.puts(:stderr, "err") end)
IO.inspect with_io(fn -> IO.puts("w"); 42 end)
IO.inspect with_io("abc", fn -> IO.read(:stdio, 2) end)
IO.inspect capture_io(fn -> IO.inspect(Process.group_leader() |> is_pid) end)
try do capture_io(fn -> IO.puts("before raise"); raise "boom" end) rescue e -> IO.inspect(e) end
IO.puts "after"
IO.inspect capture_io(fn -> :io.put_chars("erl") ; :io.nl() end)
