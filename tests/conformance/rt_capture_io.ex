# ExUnit.CaptureIO outside a test: what a function prints, captured and
# returned; nested captures, spawned processes, standard error and input.
ExUnit.start(autorun: false)
import ExUnit.CaptureIO

out = capture_io(fn -> IO.puts("captured line") end)
IO.inspect(out)

out =
  capture_io(fn ->
    IO.write("outer ")
    inner = capture_io(fn -> IO.puts("inner") end)
    IO.write("after inner #{inspect(inner)}")
  end)

IO.inspect(out)

err = capture_io(:stderr, fn -> IO.puts(:stderr, "to stderr") end)
IO.inspect(err)

out =
  capture_io(fn ->
    parent = self()
    spawn(fn -> IO.puts("from a child"); send(parent, :done) end)
    receive do
      :done -> :ok
    end
  end)

IO.inspect(out)

out = capture_io("first\nsecond\n", fn ->
  IO.inspect(IO.gets("prompt> "))
  IO.inspect(IO.gets(""))
  IO.inspect(IO.gets(""))
end)

IO.inspect(out)

{result, out} = with_io(fn -> IO.puts("with"); :value end)
IO.inspect({result, out})

out =
  try do
    capture_io(fn ->
      IO.puts("before raise")
      raise "inside"
    end)
  rescue
    e -> "rescued #{Exception.message(e)}"
  end

IO.inspect(out)
IO.puts("not captured")
