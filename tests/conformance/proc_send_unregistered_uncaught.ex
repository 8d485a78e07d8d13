# An uncaught ArgumentError from send/2 to an unknown name ends the script: status 1.
defmodule T do
  def main do
    send(self(), :first)
    receive do
      :first -> IO.puts("first message ok")
    end
    IO.puts("sending to :no_such_name")
    send(:no_such_name, :hello)
    IO.puts("never printed")
  end
end

IO.puts("start")
T.main()
IO.puts("never printed either")
