# compile error: building a struct without one of its @enforce_keys
defmodule User do
  @enforce_keys [:id]
  defstruct [:id, :name]
end

defmodule Make do
  def user, do: %User{name: "a"}
end
