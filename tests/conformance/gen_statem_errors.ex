defmodule E do
  @behaviour :gen_statem
  def callback_mode, do: [:state_functions, :state_enter]
  def init(x), do: {:ok, :one, x}
  def one(:enter, _old, _d), do: :keep_state_and_data
  def one(:cast, :undef_state, d), do: {:next_state, :missing, d}
  def one(:cast, :enter_other, d), do: {:next_state, :two, d}
  def one(:cast, :raise, _d), do: raise("kaboom")
  def one(:cast, :throw, d), do: throw({:keep_state, d + 1})
  def one(:cast, :stop, d), do: {:stop, {:shutdown, :asked}, d * 2}
  def one(:cast, :idle, _d), do: {:keep_state_and_data, [{:timeout, 30, :idle}]}
  def one(:cast, :ping, _d), do: :keep_state_and_data
  def one(:timeout, :idle, d) do
    IO.puts("event timeout in one")
    {:keep_state, d}
  end
  def one(:cast, :swap, d), do: {:keep_state, d, [{:change_callback_module, E2}]}
  def one({:call, f}, :get, d), do: {:keep_state_and_data, [{:reply, f, {:one, d}}]}
  def two(:enter, _old, _d), do: {:next_state, :one, 0}
  def terminate(reason, state, data) do
    IO.inspect({:terminate, reason_name(reason), state, data})
  end
  defp reason_name(%RuntimeError{message: m}), do: {:runtime_error, m}
  defp reason_name({:undef, _}), do: :undef
  defp reason_name(r) when is_tuple(r), do: elem(r, 0)
  defp reason_name(r), do: r
end
defmodule E2 do
  def callback_mode, do: :handle_event_function
  def handle_event({:call, f}, :get, s, d), do: {:keep_state_and_data, [{:reply, f, {:e2, s, d}}]}
end
defmodule Main do
  def watch(arg, msgs) do
    {:ok, p} = :gen_statem.start(E, arg, [])
    ref = Process.monitor(p)
    Enum.each(msgs, &:gen_statem.cast(p, &1))
    receive do
      {:DOWN, ^ref, _, _, {r, st}} when is_list(st) -> IO.inspect({:down, elem_or(r)})
      {:DOWN, ^ref, _, _, r} -> IO.inspect({:down, r})
    after 500 -> IO.inspect({:alive, :gen_statem.call(p, :get)})
    end
  end
  defp elem_or(%RuntimeError{message: m}), do: m
  defp elem_or(r) when is_tuple(r), do: elem(r, 0)
  defp elem_or(r), do: r
  def run do
    watch(1, [:undef_state])
    watch(2, [:enter_other])
    watch(3, [:raise])
    watch(4, [:throw, :throw])
    watch(5, [:stop])
    watch(6, [:idle])
    watch(7, [:idle, :ping])
    watch(8, [:swap])
    {:ok, p} = :gen_statem.start(E, 9, [])
    IO.inspect(:sys.replace_state(p, fn {s, d} -> {s, d * 100} end))
    GenServer.cast(p, :ping)
    IO.inspect(GenServer.call(p, :get))
    IO.inspect(:gen_statem.stop(p, :normal, :infinity))
    Process.flag(:trap_exit, true)
    IO.inspect(:gen_statem.start_link(E2, :x, []) |> elem(0))
    receive do
      {:EXIT, _, {:undef, _}} -> IO.puts("init undefined: exit undef")
    after 100 -> IO.puts("no exit")
    end
  end
end
Main.run()
