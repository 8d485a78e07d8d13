# compile error: module attribute set inside a function body
defmodule Foo do
  def f do
    @x 1
  end
end
