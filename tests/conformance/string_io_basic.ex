# StringIO: open, contents, flush, close, writing through IO.
{:ok, pid} = StringIO.open("abc")
IO.inspect(is_pid(pid))
IO.inspect(IO.write(pid, "edf"))
IO.inspect(IO.puts(pid, [?x, "y", [?z]]))
IO.inspect(IO.puts(pid, :atom))
IO.inspect(IO.write(pid, 12))
IO.inspect(IO.inspect(pid, {:a, [1, 2]}, label: "tuple"))
IO.inspect(StringIO.contents(pid))
IO.inspect(StringIO.flush(pid))
IO.inspect(StringIO.contents(pid))
IO.inspect(IO.write(pid, "あいう"))
IO.inspect(IO.binwrite(pid, <<127, 128>>))
IO.inspect(StringIO.close(pid))
IO.inspect(Process.alive?(pid))

{:ok, pid} = StringIO.open("", encoding: :latin1)
IO.binwrite(pid, <<127, 128>>)
IO.inspect(StringIO.contents(pid))

{:ok, pid} = StringIO.open("")

try do
  IO.write(pid, <<222>>)
rescue
  e -> IO.inspect(e)
end

try do
  IO.write(pid, [<<1::1>>])
rescue
  e -> IO.inspect(e.__struct__)
end

IO.inspect(StringIO.open("in", fn pid -> IO.write(pid, "out") && StringIO.contents(pid) end))
IO.inspect(StringIO.open("abc", [capture_prompt: true], fn pid -> {IO.gets(pid, ">"), StringIO.contents(pid)} end))
Process.register(elem(StringIO.open(""), 1), :named_io)
IO.puts(:named_io, "by name")
IO.inspect(StringIO.contents(Process.whereis(:named_io)))

try do
  IO.puts(:no_such_device, "x")
rescue
  e -> IO.puts(Exception.message(e))
end
