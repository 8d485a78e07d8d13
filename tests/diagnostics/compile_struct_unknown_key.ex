# compile error: building a struct with a key it does not have
defmodule User do
  defstruct [:name]
end

defmodule Make do
  def user, do: %User{name: "a", nmae: "b"}
end
