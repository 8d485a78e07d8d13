defmodule ExUnit.Server do
  @moduledoc "ExUnit's state: configuration, loaded test modules, on_exit callbacks and test supervisors."

  # The process is a plain receive loop over GenServer-shaped callbacks, so
  # no OTP is needed to run it. Its state is a map:
  #   config: keyword list, started_at: monotonic microseconds,
  #   async / sync: test modules, newest first,
  #   tests: %{pid => [{key, fun}]} on_exit callbacks, newest first, per test process,
  #   supervisors: %{pid => supervisor pid}.
  @behaviour GenServer

  @doc "Starts the server (registered under this module's name) unless it runs already."
  def ensure_started(defaults) do
    if Process.whereis(__MODULE__) == nil do
      {:ok, state} = init(defaults)
      pid = spawn(fn -> loop(state) end)
      Process.register(pid, __MODULE__)
    end

    :ok
  end

  @doc "Whether ExUnit was started."
  def started?, do: Process.whereis(__MODULE__) != nil

  @doc "Sends `request` to the server and waits for its reply."
  def call(request) do
    case Process.whereis(__MODULE__) do
      nil ->
        raise "cannot use ExUnit without starting it, please call ExUnit.start()"

      pid ->
        ref = Process.monitor(pid)
        send(pid, {:call, {self(), ref}, request})

        receive do
          {^ref, reply} ->
            Process.demonitor(ref)
            receive do
              {:DOWN, ^ref, _, _, _} -> :ok
            after
              0 -> :ok
            end

            reply

          {:DOWN, ^ref, _, _, reason} ->
            exit({reason, {__MODULE__, :call, [request]}})
        end
    end
  end

  @doc "Sends `message` to the server without waiting (ignored when it is not running)."
  def cast(message) do
    case Process.whereis(__MODULE__) do
      nil -> :ok
      pid -> send(pid, message)
    end

    :ok
  end

  @doc "Registers a compiled test module (its `__ex_unit__/2` says whether it is async)."
  def add_module(module), do: call({:add_module, module, module.__ex_unit__(:async, nil)})

  @doc "Microseconds since ExUnit was started."
  def load_time, do: System.monotonic_time(:microsecond) - call(:started_at)

  defp loop(state) do
    receive do
      {:call, {pid, ref} = from, request} ->
        {:reply, reply, state} = handle_call(request, from, state)
        send(pid, {ref, reply})
        loop(state)

      message ->
        {:noreply, state} = handle_cast(message, state)
        loop(state)
    end
  end

  @impl true
  def init(defaults) do
    {:ok,
     %{
       config: defaults,
       started_at: System.monotonic_time(:microsecond),
       async: [],
       sync: [],
       tests: %{},
       supervisors: %{}
     }}
  end

  @impl true
  def handle_call({:configure, options}, _from, state) do
    config = Enum.reduce(options, state.config, fn {k, v}, acc -> Keyword.put(acc, k, v) end)
    {:reply, :ok, %{state | config: config}}
  end

  def handle_call(:configuration, _from, state), do: {:reply, state.config, state}
  def handle_call(:started_at, _from, state), do: {:reply, state.started_at, state}

  def handle_call({:add_module, module, true}, _from, state),
    do: {:reply, :ok, %{state | async: [module | state.async]}}

  def handle_call({:add_module, module, _}, _from, state),
    do: {:reply, :ok, %{state | sync: [module | state.sync]}}

  def handle_call(:take_modules, _from, state),
    do: {:reply, {state.async, state.sync}, %{state | async: [], sync: []}}

  def handle_call({:on_exit, pid, key, fun}, _from, state) do
    case Map.fetch(state.tests, pid) do
      {:ok, callbacks} ->
        callbacks =
          if List.keyfind(callbacks, key, 0) do
            Enum.map(callbacks, fn {k, f} -> if k == key, do: {k, fun}, else: {k, f} end)
          else
            [{key, fun} | callbacks]
          end

        {:reply, :ok, %{state | tests: Map.put(state.tests, pid, callbacks)}}

      :error ->
        {:reply, :error, state}
    end
  end

  # What a finished test (or setup_all) process leaves: its supervisor (or
  # nil) and its on_exit callbacks, newest first.
  def handle_call({:take_test, pid}, _from, state) do
    {callbacks, tests} = Map.pop(state.tests, pid, [])
    {sup, supervisors} = Map.pop(state.supervisors, pid)
    {:reply, {sup, callbacks}, %{state | tests: tests, supervisors: supervisors}}
  end

  def handle_call({:fetch_supervisor, pid}, _from, state),
    do: {:reply, Map.fetch(state.supervisors, pid), state}

  def handle_call({:put_supervisor, pid, sup}, _from, state),
    do: {:reply, :ok, %{state | supervisors: Map.put(state.supervisors, pid, sup)}}

  # A test process registers itself (a message, not a call: its later calls
  # come after it, and the runner asks for what it left only once it ended).
  @impl true
  def handle_cast({:register_test, pid}, state),
    do: {:noreply, %{state | tests: Map.put(state.tests, pid, [])}}

  def handle_cast(_message, state), do: {:noreply, state}
end
