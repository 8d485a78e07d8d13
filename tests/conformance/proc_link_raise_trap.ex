# A trapping parent gets {:EXIT, pid, {exception, stacktrace}} when a linked child raises.
defmodule T do
  def main do
    IO.inspect(Process.flag(:trap_exit, true), label: "old trap_exit")
    pid = spawn_link(fn -> raise "boom" end)
    receive do
      {:EXIT, ^pid, {%RuntimeError{} = e, stack}} ->
        IO.inspect(e, label: "exception")
        IO.inspect(Exception.message(e), label: "message")
        IO.inspect(is_list(stack), label: "stacktrace is a list")
    end
    pid2 = spawn_link(fn -> raise ArgumentError, "bad arg" end)
    receive do
      {:EXIT, ^pid2, {e, _}} -> IO.inspect(e, label: "second")
    end
    pid3 = spawn_link(fn -> raise KeyError, "no such key" end)
    receive do
      {:EXIT, ^pid3, {e, _}} -> IO.inspect(Exception.message(e), label: "KeyError")
    end
    # an error raised by the runtime (not by raise) arrives as the raw Erlang reason
    pid4 = spawn_link(fn -> 1 + Enum.count([:a]) * :a end)
    receive do
      {:EXIT, ^pid4, {reason, _}} -> IO.inspect(reason, label: "raw erlang error")
    end
    IO.puts("parent survived all four")
  end
end

T.main()
