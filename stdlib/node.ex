# Elixir's Node: this node and the others it is connected to, written in
# the language over `:erlang`'s distribution functions. beamlet is a single
# node that is not alive (not distributed), as `elixir script.exs` without
# `--sname`: `Node.self()` is `:nonode@nohost` and no other node is reachable.
defmodule Node do
  @moduledoc "Functions about the VM node: beamlet's is single and not distributed."

  @type t :: node

  @doc "The current node (`:nonode@nohost`)."
  def self, do: node()

  @doc "Whether this node is distributed: never."
  def alive?, do: :erlang.is_alive()

  @doc "The nodes this one is connected to: none."
  def list, do: :erlang.nodes()

  @doc "The nodes of the kinds `args` (`:visible`, `:hidden`, `:connected`, `:this`, `:known`)."
  def list(args), do: :erlang.nodes(args)

  @doc "Monitors `node`: fails, as this node is not distributed."
  def monitor(node, flag), do: :erlang.monitor_node(node, flag)

  @doc "Monitors `node` with `options`: fails, as this node is not distributed."
  def monitor(node, flag, options), do: :erlang.monitor_node(node, flag, options)

  @doc "Disconnects `node`: `:ignored` on a node that is not alive."
  def disconnect(node), do: :erlang.disconnect_node(node)

  @doc "Connects to `node`: `:ignored` on a node that is not alive."
  def connect(node) when is_atom(node), do: :ignored

  @doc "Pings `node`: `:pang`, no node being reachable."
  def ping(node) when is_atom(node), do: :pang

  @doc "The magic cookie: `:nocookie` on a node that is not alive."
  def get_cookie, do: :erlang.get_cookie()

  @doc "Sets the magic cookie of `node`: fails on a node that is not alive."
  def set_cookie(node \\ Node.self(), cookie) when is_atom(cookie), do: :erlang.set_cookie(node, cookie)

  @doc "Turns this node into a distributed one: beamlet has no distribution."
  def start(name, type \\ :longnames, tick_time \\ 15000)
      when is_atom(name) and is_atom(type) and is_integer(tick_time),
      do: {:error, {{:shutdown, {:failed_to_start_child, :net_kernel, {:EXIT, :nodistribution}}}, name}}

  @doc "Turns a distributed node back into a plain one: this one is not distributed."
  def stop, do: {:error, :not_found}

  @doc "Spawns `fun` on `node`."
  def spawn(node, fun), do: :erlang.spawn(node, fun)

  @doc "Spawns `fun` on `node` with spawn `opts`."
  def spawn(node, fun, opts), do: :erlang.spawn_opt(node, fun, opts)

  @doc "Spawns `apply(module, fun, args)` on `node`."
  def spawn(node, module, fun, args), do: :erlang.spawn(node, module, fun, args)

  @doc "Spawns `apply(module, fun, args)` on `node` with spawn `opts`."
  def spawn(node, module, fun, args, opts), do: :erlang.spawn_opt(node, module, fun, args, opts)

  @doc "Spawns `fun` on `node`, linked."
  def spawn_link(node, fun), do: :erlang.spawn_link(node, fun)

  @doc "Spawns `apply(module, fun, args)` on `node`, linked."
  def spawn_link(node, module, fun, args), do: :erlang.spawn_link(node, module, fun, args)

  @doc "Spawns `fun` on `node`, monitored: `{pid, ref}`."
  def spawn_monitor(node, fun), do: :erlang.spawn_opt(node, fun, [:monitor])

  @doc "Spawns `apply(module, fun, args)` on `node`, monitored: `{pid, ref}`."
  def spawn_monitor(node, module, fun, args), do: :erlang.spawn_opt(node, module, fun, args, [:monitor])
end
