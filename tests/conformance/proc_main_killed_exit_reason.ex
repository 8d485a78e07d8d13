# A linked child exits with a non-normal reason (no exception); the main process dies: status 1.
defmodule T do
  def main do
    me = self()
    spawn_link(fn ->
      send(me, :child_ready)
      Process.sleep(40)
      exit(:shutdown_everything)
    end)
    receive do
      :child_ready -> IO.puts("child ready")
    end
    IO.puts("waiting")
    Process.sleep(1000)
    IO.puts("not printed")
  end
end

T.main()
