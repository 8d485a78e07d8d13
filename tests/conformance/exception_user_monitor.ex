# User exceptions in spawned processes: the :DOWN reason a monitor receives.
defmodule JobError do
  defexception [:job, message: "job failed"]
end

defmodule Main do
  def down_reason(fun) do
    {pid, ref} = spawn_monitor(fun)
    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> reason
    end
  end

  def show(label, reason) do
    case reason do
      {%{__exception__: true} = e, stack} when is_list(stack) ->
        IO.puts("#{label}: exception #{inspect(e)}")
        IO.puts("  message: #{Exception.message(e)}")
        IO.puts("  banner: #{Exception.format_banner(:error, e)}")
      {{:nocatch, v}, stack} when is_list(stack) ->
        IO.puts("#{label}: uncaught throw #{inspect(v)}")
      {other, stack} when is_list(stack) ->
        IO.puts("#{label}: erlang error #{inspect(other)}")
      other ->
        IO.puts("#{label}: exit #{inspect(other)}")
        IO.puts("  banner: #{Exception.format_banner(:exit, other)}")
    end
  end

  def run do
    show("raise", down_reason(fn -> raise JobError, job: 7 end))
    show("raise msg", down_reason(fn -> raise JobError, "disk full" end))
    show("runtime", down_reason(fn -> raise "oops" end))
    show("badarith", down_reason(fn -> 1 / Process.get(:zero, 0) end))
    show("badmatch", down_reason(fn -> {:ok, _} = Process.get(:none, :error) end))
    show("throw", down_reason(fn -> throw(:ball) end))
    show("exit atom", down_reason(fn -> exit(:custom) end))
    show("exit shutdown", down_reason(fn -> exit({:shutdown, :done}) end))
    show("exit exception", down_reason(fn -> exit(%JobError{job: 1}) end))
    show("normal", down_reason(fn -> :ok end))

    show("rescued inside", down_reason(fn ->
      try do
        raise JobError, job: 2
      rescue
        e in JobError -> exit({:handled, e.job})
      end
    end))

    show("reraised", down_reason(fn ->
      try do
        raise JobError, job: 3
      rescue
        e -> reraise %{e | message: "wrapped: " <> e.message}, __STACKTRACE__
      end
    end))

    parent = self()
    spawn(fn ->
      result =
        try do
          raise JobError, job: 4
        rescue
          e -> {:error, e}
        end
      send(parent, {:result, result})
    end)
    receive do
      {:result, r} -> IO.inspect(r, label: "sent back")
    end
  end
end

Main.run()
