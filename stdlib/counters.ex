# Erlang/OTP 25's `:counters`, written over `:atomics` (a counters
# reference is `{:atomics, ref}` or `{:write_concurrency, ref}`, as OTP's;
# both are one atomics array here). Counters are signed and wrap around.
defmodule :counters do
  @moduledoc false

  def new(size, options) do
    kind =
      case options do
        [] -> :atomics
        [:atomics] -> :atomics
        [:write_concurrency] -> :write_concurrency
        _ when not is_list(options) -> raise ArgumentError, arg_error("not a list")
        _ -> raise ArgumentError, arg_error(if proper_list?(options), do: "invalid option in list", else: "not a proper list")
      end

    {kind, :beamlet.counters_new(size)}
  end

  defp proper_list?([_ | t]), do: proper_list?(t)
  defp proper_list?(t), do: t == []

  defp arg_error(what), do: "errors were found at the given arguments:\n\n  * 2nd argument: #{what}\n"

  def get(ref, ix), do: :atomics.get(array(ref), ix)
  def add(ref, ix, incr), do: :atomics.add(array(ref), ix, incr)
  def sub(ref, ix, decr), do: :atomics.sub(array(ref), ix, decr)
  def put(ref, ix, value), do: :atomics.put(array(ref), ix, value)

  def info({:write_concurrency, ref}) do
    # OTP keeps a cache line of 8 counters per scheduler, plus one.
    size = :atomics.info(ref).size
    lines = div(size + 7, 8)
    %{memory: 32 + (:erlang.system_info(:schedulers) + 1) * 64 * lines, size: size}
  end

  def info(ref), do: :atomics.info(array(ref))

  defp array({:atomics, ref}), do: ref
  defp array({:write_concurrency, ref}), do: ref
  defp array(other), do: other
end
