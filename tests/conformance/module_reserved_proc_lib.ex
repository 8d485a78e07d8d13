# Module.reserved_attributes/0; :proc_lib.spawn/spawn_link/spawn_opt on this node.
IO.inspect Module.reserved_attributes(), limit: :infinity, printable_limit: :infinity
IO.inspect map_size(Module.reserved_attributes())
parent = self()
pid = :proc_lib.spawn(node(), fn -> send(parent, {:dict, Process.get(:"$initial_call") != nil}) end)
receive do {:dict, d} -> IO.inspect({is_pid(pid), d}) end
pid = :proc_lib.spawn_link(node(), :erlang, :send, [parent, :hello])
receive do m -> IO.inspect({is_pid(pid), m}) end
{pid, ref} = :proc_lib.spawn_opt(node(), Kernel, :send, [parent, :monitored], [:monitor])
receive do :monitored -> IO.inspect(:got) end
receive do {:DOWN, ^ref, :process, ^pid, r} -> IO.inspect(r) end
