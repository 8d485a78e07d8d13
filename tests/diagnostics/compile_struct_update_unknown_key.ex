# compile error: updating a struct with a key it does not have
defmodule User do
  defstruct [:name]
end

defmodule Edit do
  def rename(u), do: %User{u | nmae: "b"}
end
