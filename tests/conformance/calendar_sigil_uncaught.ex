# a bad calendar sigil stops the program while it compiles: status 1, nothing printed
defmodule Early do
  def hello, do: IO.puts("never printed")
end

defmodule Main do
  def run do
    IO.puts("not reached")
    IO.inspect(~U[2015-01-13T13:00:07-00:30])
  end
end

Main.run()
