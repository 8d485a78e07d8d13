# compile error: defmodule given a name but no do-block
defmodule Foo
IO.puts("hi")
