# A linked child crashes; the main process does not trap exits, so it dies too (status 1).
defmodule T do
  def main do
    IO.puts("main starts")
    child = spawn_link(fn ->
      receive do
        :go -> raise "child crashed"
      end
    end)
    IO.puts("linked child started")
    send(child, :go)
    receive do
      :never -> :ok
    after
      1000 -> IO.puts("not printed: the exit signal arrives first")
    end
    IO.puts("not printed either")
  end
end

T.main()
