# The library's named servers (the timer server, the application
# controller, Logger's configuration, :global's names, System.at_exit's
# holder) start on first use: whoever needs one first spawns and registers
# it.
defmodule :beamlet_singleton do
  @moduledoc false

  @doc """
  The pid registered as `name`; when there is none, spawns `init` (a
  zero-arity fun, the server's body) and registers it. Of two processes
  racing to start it, one registers its server and the other kills its own
  and takes the winner's.
  """
  def ensure(name, init) when is_atom(name) and is_function(init, 0) do
    case Process.whereis(name) do
      nil ->
        pid = spawn(init)

        try do
          Process.register(pid, name)
          pid
        rescue
          ArgumentError ->
            Process.exit(pid, :kill)
            ensure(name, init)
        end

      pid ->
        pid
    end
  end
end
