# an uncaught calendar error at run time: the output before it, then status 1
defmodule Main do
  def run do
    IO.puts("parsing")
    IO.inspect(Date.from_iso8601("2020-02-29"))
    IO.inspect(Date.from_iso8601("2021-02-29"))
    Date.from_iso8601!("2021-02-29")
    IO.puts("not reached")
  end
end

Main.run()
