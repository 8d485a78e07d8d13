# compiles (with an "unused function" warning) but fails at run time: private function called from outside its module
defmodule Foo do
  defp secret, do: 42
end
IO.puts(Foo.secret())
