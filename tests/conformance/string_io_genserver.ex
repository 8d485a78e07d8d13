# StringIO is a GenServer, as in Elixir: its callbacks init/1, handle_call/3
# and handle_info/2 are public; :sys sees its state; it is linked to its opener.
{:ok, pid} = StringIO.open("abc", capture_prompt: true, encoding: :latin1)
IO.inspect(:sys.get_state(pid))
IO.inspect(Process.info(pid, :links) == {:links, [self()]})
IO.inspect(StringIO.init({"abc", []}))
IO.inspect(StringIO.init({"abc", [capture_prompt: true]}))
IO.inspect(StringIO.init({"abc", [encoding: :latin1, foo: 1]}))
st = %{encoding: :unicode, input: "in", output: "out", capture_prompt: false}
IO.inspect(StringIO.handle_call(:contents, {self(), make_ref()}, st))
IO.inspect(StringIO.handle_call(:flush, {self(), make_ref()}, st))
IO.inspect(StringIO.handle_call(:close, {self(), make_ref()}, st))
IO.inspect(StringIO.handle_info(:foo, st))
IO.inspect(try do StringIO.handle_call(:other, {self(), :tag}, st) rescue e -> e end)
IO.inspect(StringIO.handle_info({:io_request, self(), :ref, {:put_chars, :unicode, "x"}}, st))
receive do m -> IO.inspect(m) end
IO.inspect(StringIO.handle_info({:io_request, self(), :ref, {:get_chars, :unicode, "", 1}}, st))
receive do m -> IO.inspect(m) end
IO.inspect(StringIO.handle_info({:io_request, self(), :ref, {:get_line, :unicode, "> "}}, %{st | capture_prompt: true}))
receive do m -> IO.inspect(m) end
IO.inspect(GenServer.call(pid, :contents))
send(pid, :ignored)
IO.write(pid, "written")
IO.inspect(GenServer.call(pid, :flush))
IO.inspect(StringIO.contents(pid))
IO.inspect(StringIO.close(pid))
IO.inspect(Process.alive?(pid))
IO.inspect(try do StringIO.contents(pid) catch :exit, {reason, {mod, fun, _}} -> {reason, mod, fun} end)
