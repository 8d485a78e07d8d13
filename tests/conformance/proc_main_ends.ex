# When the main script finishes the program ends, even with processes waiting or working.
defmodule T do
  def main do
    me = self()
    # waits forever
    spawn(fn ->
      receive do
        :never_sent -> IO.puts("never printed")
      end
    end)
    # would print much later
    spawn(fn ->
      Process.sleep(5000)
      IO.puts("never printed either")
    end)
    # a timer far in the future
    Process.send_after(self(), :late, 5000)
    # a worker that prints before we finish
    spawn(fn ->
      IO.puts("worker printed")
      send(me, :worker_done)
    end)
    receive do
      :worker_done -> :ok
    end
    # a linked process still running at the end does not change the status
    spawn_link(fn -> Process.sleep(5000) end)
    IO.puts("main finishing")
  end
end

T.main()
IO.puts("last line")
