# OTP's :sys for the processes of the OTP behaviours (GenServer, Agent,
# Supervisor...): their state, suspension, code change and termination,
# asked by `{:system, from, request}` messages (stdlib/gen_server.ex).
defmodule :sys do
  @moduledoc false

  @doc "The state of `name`."
  def get_state(name, timeout \\ 5000), do: send_system(name, :get_state, timeout, :get_state)

  @doc "Replaces the state of `name` with `fun.(state)`; the new state."
  def replace_state(name, fun, timeout \\ 5000) do
    case send_system(name, {:replace_state, fun}, timeout, :replace_state) do
      {:error, {:callback_failed, _, _} = reason} -> exit({reason, {:sys, :replace_state, [name, fun]}})
      state -> state
    end
  end

  @doc "The status of `name`."
  def get_status(name, timeout \\ 5000), do: send_system(name, :get_status, timeout, :get_status)

  @doc "Suspends `name`: it handles only system messages until resumed."
  def suspend(name, timeout \\ 5000), do: send_system(name, :suspend, timeout, :suspend)

  @doc "Resumes a suspended `name`."
  def resume(name, timeout \\ 5000), do: send_system(name, :resume, timeout, :resume)

  @doc "Asks `name` to change its state for a new version of `module`: `:ok` or `{:error, reason}`."
  def change_code(name, module, old_vsn, extra, timeout \\ 5000) do
    send_system(name, {:change_code, module, old_vsn, extra}, timeout, :change_code)
  end

  @doc "Stops `name` with `reason`."
  def terminate(name, reason, timeout \\ :infinity) do
    :proc_lib.stop(GenServer.whereis(name) || name, reason, timeout)
  end

  defp send_system(name, request, timeout, fun) do
    case GenServer.whereis(name) do
      pid when is_pid(pid) ->
        case GenServer.__call__(pid, :system, request, timeout) do
          {:ok, reply} -> reply
          {:error, reason} -> exit({reason, {:sys, fun, [name, timeout]}})
        end

      _ ->
        exit({:noproc, {:sys, fun, [name, timeout]}})
    end
  end
end
