# Code.Typespec.fetch_specs/types/callbacks of a module defined in a script
# (compiled in memory) is :error in Elixir: beamlet answers the same.
defmodule Spec do
  @type t :: integer
  @callback cb(t) :: t
  @spec f(t) :: t
  def f(x), do: x
end

IO.inspect(Code.Typespec.fetch_specs(Spec))
IO.inspect(Code.Typespec.fetch_types(Spec))
IO.inspect(Code.Typespec.fetch_callbacks(Spec))
IO.inspect(Code.Typespec.fetch_specs(NotAModule))

result =
  case Code.Typespec.fetch_specs(Spec) do
    {:ok, specs} -> {:specs, length(specs)}
    :error -> :no_specs
  end

IO.inspect(result)
