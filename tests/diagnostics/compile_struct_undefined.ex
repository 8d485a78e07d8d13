# compile error: a struct whose module does not exist
defmodule Make do
  def user, do: %Usr{name: "a"}
end
