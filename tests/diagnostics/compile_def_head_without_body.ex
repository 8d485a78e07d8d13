# compile error: a function head that no clause follows
defmodule HeadOnly do
  def greet(name, greeting \\ "hi")
end
