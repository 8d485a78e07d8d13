# Formatting user exceptions with hand-written stack traces: Exception.format/3,
defmodule QuotaError do
  defexception [:user, :limit]
  @impl true
  def message(%{user: u, limit: l}), do: "user #{u} is over quota (#{l} MB)\nupgrade your plan"
end

defmodule Main do
  def run do
    stack = [
      {Storage, :write, 3, [file: 'lib/storage.ex', line: 42]},
      {Storage, :save, [:doc, 1], [file: 'lib/storage.ex', line: 10]},
      {:erlang, :apply, 2, []},
      {Main, :"-run/0-fun-0-", 0, [file: 'main.exs', line: 7]}
    ]
    e = %QuotaError{user: "ann", limit: 100}
    IO.puts(Exception.format(:error, e, stack))
    IO.puts("--")
    IO.puts(Exception.format(:error, e, []))
    IO.puts("--")
    IO.puts(Exception.format(:throw, {:retry, 3}, Enum.take(stack, 1)))
    IO.puts("--")
    IO.puts(Exception.format(:exit, {:timeout, {GenServer, :call, [:srv, :ping, 5000]}}, []))
    IO.puts("--")
    for entry <- stack, do: IO.puts(Exception.format_stacktrace_entry(entry))
    IO.puts(Exception.format_mfa(Storage, :write, 3))
    IO.puts(Exception.format_mfa(Storage, :write, [1, "two"]))
    IO.puts(Exception.format_mfa(:lists, :map, 2))
    IO.puts(Exception.format_mfa(Storage, :"weird name", 0))
    IO.puts(Exception.format_file_line("lib/a.ex", 3))
    IO.puts(Exception.format_file_line("lib/a.ex", nil))
    IO.puts(Exception.format_file_line(nil, 3))
    for reason <- [:normal, :shutdown, {:shutdown, :closed}, :killed, :noproc, {:noproc, {M, :f, []}},
                   {:badarg, []}, {e, []}, {:nodedown, :a@b}, :calendar, {:bad_return_value, 1}] do
      IO.puts(Exception.format_exit(reason))
    end
    IO.puts(Exception.format_banner(:error, %KeyError{key: :k, term: %{a: 1}}, []))
    IO.puts(Exception.format_banner(:error, {:badmatch, 1}, []))
    IO.puts(Exception.format_banner(:error, :function_clause, [{M, :f, 1, []}]))
  end
end

Main.run()
