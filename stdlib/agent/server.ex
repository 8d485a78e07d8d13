defmodule Agent.Server do
  @moduledoc false
  # The GenServer behind Agent: the state is whatever the functions make.
  use GenServer

  def init(fun) do
    _ = initial_call(fun)
    {:ok, run(fun, [])}
  end

  def handle_call({:get, fun}, _from, state) do
    {:reply, run(fun, [state]), state}
  end

  def handle_call({:get_and_update, fun}, _from, state) do
    case run(fun, [state]) do
      {reply, state} -> {:reply, reply, state}
      other -> {:stop, {:bad_return_value, other}, state}
    end
  end

  def handle_call({:update, fun}, _from, state) do
    {:reply, :ok, run(fun, [state])}
  end

  def handle_cast({:cast, fun}, state) do
    {:noreply, run(fun, [state])}
  end

  # (Each callback above sits at the line of Elixir's lib/agent/server.ex,
  # where stack traces show it: vm/src/frames.rs.)
  def handle_call(msg, from, state) do
    super(msg, from, state)
  end

  def handle_cast(msg, state) do
    super(msg, state)
  end

  def code_change(_old, state, fun) do
    {:ok, run(fun, [state])}
  end

  defp initial_call({module, fun, args}) do
    Process.put(:"$initial_call", {module, fun, length(args)})
  end

  defp initial_call(fun) when is_function(fun) do
    {:module, module} = Function.info(fun, :module)
    {:name, name} = Function.info(fun, :name)
    {:arity, arity} = Function.info(fun, :arity)
    Process.put(:"$initial_call", {module, name, arity})
  end

  defp run({m, f, a}, extra), do: apply(m, f, extra ++ a)
  defp run(fun, extra), do: apply(fun, extra)
end
