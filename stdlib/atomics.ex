# Erlang/OTP 25's `:atomics`: every function is a built-in
# (vm/src/bif/atomics.rs); these `def`s let them be applied and captured.
defmodule :atomics do
  @moduledoc false

  def new(arity, options), do: :atomics.new(arity, options)
  def get(ref, ix), do: :atomics.get(ref, ix)
  def put(ref, ix, value), do: :atomics.put(ref, ix, value)
  def add(ref, ix, incr), do: :atomics.add(ref, ix, incr)
  def add_get(ref, ix, incr), do: :atomics.add_get(ref, ix, incr)
  def sub(ref, ix, decr), do: :atomics.sub(ref, ix, decr)
  def sub_get(ref, ix, decr), do: :atomics.sub_get(ref, ix, decr)
  def exchange(ref, ix, desired), do: :atomics.exchange(ref, ix, desired)

  def compare_exchange(ref, ix, expected, desired),
    do: :atomics.compare_exchange(ref, ix, expected, desired)

  def info(ref), do: :atomics.info(ref)
end
