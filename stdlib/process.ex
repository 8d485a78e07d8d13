# Process functions written in the language; the rest are built-ins (vm/src/bif/process.rs).
defmodule Process do
  # Suspends the calling process (never its scheduler thread) for `ms`
  # milliseconds, or forever with :infinity. `:timer.sleep/1` compiles to this.
  def sleep(ms) do
    receive do
    after
      ms -> :ok
    end
  end

  @doc "Information about `pid` (a keyword list), or `nil` if it is not alive."
  def info(pid) do
    nilify(:erlang.process_info(pid))
  end

  @doc "The item `spec` (or the list of items) of `pid`'s information, or `nil` if it is not alive."
  def info(pid, :registered_name) do
    case :erlang.process_info(pid, :registered_name) do
      :undefined -> nil
      [] -> {:registered_name, []}
      other -> other
    end
  end

  def info(pid, spec) when is_atom(spec) or is_list(spec) do
    nilify(:erlang.process_info(pid, spec))
  end

  @doc "Every `{key, value}` of the process dictionary."
  def get(), do: :erlang.get()

  @doc "The value of `key` in the process dictionary, or `default`."
  def get(key, default \\ nil) do
    case :erlang.get(key) do
      :undefined -> default
      value -> value
    end
  end

  @doc "The keys of the process dictionary."
  def get_keys(), do: :erlang.get_keys()

  @doc "The keys of the process dictionary holding `value`."
  def get_keys(value), do: :erlang.get_keys(value)

  @doc "Stores `value` under `key` in the process dictionary; the old value, or `nil`."
  def put(key, value) do
    nilify(:erlang.put(key, value))
  end

  @doc "Deletes `key` from the process dictionary; its value, or `nil`."
  def delete(key) do
    nilify(:erlang.erase(key))
  end

  defp nilify(:undefined), do: nil
  defp nilify(other), do: other
end
