# Erlang/OTP 25's `:persistent_term`: every function is a built-in
# (vm/src/bif/atomics.rs); these `def`s let them be applied and captured.
defmodule :persistent_term do
  @moduledoc false

  def put(key, value), do: :persistent_term.put(key, value)
  def get(), do: :persistent_term.get()
  def get(key), do: :persistent_term.get(key)
  def get(key, default), do: :persistent_term.get(key, default)
  def erase(key), do: :persistent_term.erase(key)
  def info(), do: :persistent_term.info()
end
