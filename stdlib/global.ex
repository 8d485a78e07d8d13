# OTP's :global on one node: a name table kept by a server process
# (registered as :global_name_server, started on first use) that monitors
# each registered pid and forgets its names when it ends.
defmodule :global do
  @moduledoc false

  @doc "Registers `pid` as `name`: `:yes`, or `:no` if the name is taken or the pid has it already."
  def register_name(name, pid) when is_pid(pid), do: call({:register, name, pid})
  def register_name(name, pid, _resolve) when is_pid(pid), do: call({:register, name, pid})

  @doc "Registers `pid` as `name`, replacing any holder."
  def re_register_name(name, pid) when is_pid(pid), do: call({:re_register, name, pid})
  def re_register_name(name, pid, _resolve) when is_pid(pid), do: call({:re_register, name, pid})

  @doc "Removes `name`."
  def unregister_name(name), do: call({:unregister, name})

  @doc "The pid registered as `name`, or `:undefined`."
  def whereis_name(name) do
    case Process.whereis(:global_name_server) do
      nil -> :undefined
      _ -> call({:whereis, name})
    end
  end

  @doc "Every registered name."
  def registered_names() do
    case Process.whereis(:global_name_server) do
      nil -> []
      _ -> call(:names)
    end
  end

  @doc "Sends `msg` to the pid registered as `name`; exits with `{:badarg, {name, msg}}` when there is none."
  def send(name, msg) do
    case whereis_name(name) do
      pid when is_pid(pid) ->
        Kernel.send(pid, msg)
        pid

      :undefined ->
        exit({:badarg, {name, msg}})
    end
  end

  @doc "Runs `fun` (no locks are needed on one node)."
  def trans(_id, fun), do: fun.()
  def trans(_id, fun, _nodes), do: fun.()
  def trans(_id, fun, _nodes, _retries), do: fun.()

  def sync(), do: :ok

  defp call(request) do
    pid = server()
    ref = Process.monitor(pid)
    Kernel.send(pid, {:global_request, self(), ref, request})

    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        reply

      {:DOWN, ^ref, _, _, _} ->
        call(request)
    end
  end

  defp server do
    :beamlet_singleton.ensure(:global_name_server, fn -> loop(%{}, %{}) end)
  end

  # names: name => {pid, monitor ref}; refs: monitor ref => name.
  defp loop(names, refs) do
    receive do
      {:global_request, from, tag, request} ->
        {reply, names, refs} = handle(request, names, refs)
        Kernel.send(from, {tag, reply})
        loop(names, refs)

      {:DOWN, ref, :process, _, _} ->
        case Map.pop(refs, ref) do
          {nil, refs} -> loop(names, refs)
          {name, refs} -> loop(Map.delete(names, name), refs)
        end
    end
  end

  defp handle({:register, name, pid}, names, refs) do
    taken = Map.has_key?(names, name) or Enum.any?(names, fn {_, {p, _}} -> p == pid end)

    if taken or not Process.alive?(pid) do
      {:no, names, refs}
    else
      ref = Process.monitor(pid)
      {:yes, Map.put(names, name, {pid, ref}), Map.put(refs, ref, name)}
    end
  end

  defp handle({:re_register, name, pid}, names, refs) do
    {_, names, refs} = handle({:unregister, name}, names, refs)
    handle({:register, name, pid}, names, refs)
  end

  defp handle({:unregister, name}, names, refs) do
    case Map.fetch(names, name) do
      {:ok, {_pid, ref}} ->
        Process.demonitor(ref, [:flush])
        {:ok, Map.delete(names, name), Map.delete(refs, ref)}

      :error ->
        {:ok, names, refs}
    end
  end

  defp handle({:whereis, name}, names, refs) do
    case Map.fetch(names, name) do
      {:ok, {pid, _}} -> {pid, names, refs}
      :error -> {:undefined, names, refs}
    end
  end

  defp handle(:names, names, refs), do: {Map.keys(names), names, refs}
end
