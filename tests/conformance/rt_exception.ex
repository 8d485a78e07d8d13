# Exception: messages, banners, exit reasons and stack trace entries,
# formatted as Elixir 1.14 formats them.
defmodule MyError do
  defexception [:value]
  def message(%{value: v}), do: "bad value: #{inspect(v)}"
end

defmodule PlainError do
  defexception message: "plain default"
end

defmodule BrokenError do
  defexception [:x]
  def message(_), do: :not_a_string
end

IO.puts(Exception.message(%RuntimeError{message: "boom"}))
IO.puts(Exception.message(MyError.exception(value: 3)))
IO.puts(Exception.message(PlainError.exception([])))
IO.puts(Exception.message(PlainError.exception(message: "given")))
IO.puts(Exception.message(ArgumentError.exception("arg")))
IO.puts(Exception.message(%KeyError{key: :k, term: %{a: 1}}))
IO.puts(Exception.message(%MatchError{term: {:x, 1}}))
IO.puts(Exception.message(BrokenError.exception(x: 1)))
IO.inspect(Exception.exception?(%RuntimeError{}))
IO.inspect(Exception.exception?(%{}))

IO.puts(Exception.format_banner(:error, %RuntimeError{message: "boom"}))
IO.puts(Exception.format_banner(:error, :badarith))
IO.puts(Exception.format_banner(:error, {:badmatch, 3}))
IO.puts(Exception.format_banner(:error, :function_clause))
IO.puts(Exception.format_banner(:error, {:badkey, :a, %{}}))
IO.puts(Exception.format_banner(:error, :undef))
IO.puts(Exception.format_banner(:error, :some_atom))
IO.puts(Exception.format_banner(:error, MyError.exception(value: [1])))
IO.puts(Exception.format_banner(:throw, {:ball, 1}))
IO.puts(Exception.format_banner(:exit, :normal))
IO.puts(Exception.format_banner(:exit, {:shutdown, 3}))
IO.puts(Exception.format_banner(:exit, :killed))

IO.inspect(Exception.normalize(:error, :badarith))
IO.inspect(Exception.normalize(:error, {:badarity, {1, [2]}}) |> Map.get(:__struct__))
IO.inspect(Exception.normalize(:throw, :badarith))
IO.inspect(Exception.normalize(:exit, :badarith))
IO.inspect(Exception.normalize(:error, %RuntimeError{message: "x"}))

IO.puts(Exception.format_exit(:normal))
IO.puts(Exception.format_exit(:shutdown))
IO.puts(Exception.format_exit({:shutdown, :why}))
IO.puts(Exception.format_exit(:timeout))
IO.puts(Exception.format_exit(:noproc))
IO.puts(Exception.format_exit({:bad_call, :req}))
IO.puts(Exception.format_exit({:timeout, {GenServer, :call, [:srv, :hi, 5000]}}))
IO.puts(Exception.format_exit({%RuntimeError{message: "inner"}, [{Foo, :bar, 1, [file: 'foo.ex', line: 9]}]}))
IO.puts(Exception.format_exit({:something, :else}))

IO.puts(Exception.format_mfa(Foo, :bar, 2))
IO.puts(Exception.format_mfa(Foo.Bar, :baz?, [1, "two"]))
IO.puts(Exception.format_mfa(:lists, :map, 2))
IO.puts(Exception.format_mfa(Foo, :"-bar/2-fun-0-", 1))
IO.puts(Exception.format_mfa(Foo, :"weird name", 0))
IO.puts(Exception.format_mfa(Foo, :+, 2))
IO.puts(Exception.format_file_line("lib/a.ex", 12))
IO.puts(Exception.format_file_line("lib/a.ex", nil))
IO.inspect(Exception.format_file_line(nil, 12))
IO.puts(Exception.format_file_line("lib/a.ex", 12, " suffix"))
IO.puts(Exception.format_file_line_column("lib/a.ex", 12, 5))

trace = [
  {Foo, :bar, 1, [file: 'lib/foo.ex', line: 9]},
  {Foo, :baz, [1, :two], [file: 'lib/foo.ex', line: 12]},
  {Foo, :no_location, 0, []},
  {Foo, :"-run/1-fun-0-", 1, [file: 'lib/foo.ex', line: 30]}
]

Enum.each(trace, fn entry -> IO.puts(Exception.format_stacktrace_entry(entry)) end)
IO.write(Exception.format_stacktrace(trace))
IO.inspect(Exception.format_stacktrace([]))
IO.puts(Exception.format(:error, %RuntimeError{message: "with trace"}, Enum.take(trace, 2)))
IO.puts(Exception.format(:throw, :ball, []))
IO.puts(Exception.format(:exit, :normal, [{Foo, :bar, 1, []}]))

{e, t} = Exception.blame(:error, %RuntimeError{message: "same"}, trace)
IO.inspect({e.message, length(t)})
{e, _} = Exception.blame(:error, :badarith, [{:erlang, :+, [1, :a], []}])
IO.puts(Exception.message(e))
{e, _} = Exception.blame(:throw, :x, [])
IO.inspect(e)

try do
  raise MyError, value: :raised
rescue
  e in MyError -> IO.puts("rescued: " <> Exception.message(e))
end

try do
  raise "plain"
rescue
  e -> IO.puts(Exception.format_banner(:error, e, __STACKTRACE__))
end

try do
  1 + String.to_atom("a")
rescue
  e -> IO.puts(Exception.format_banner(:error, e))
end

try do
  :erlang.error(:badarith)
catch
  kind, reason -> IO.puts(Exception.format_banner(kind, reason))
end

try do
  throw(:thrown)
catch
  kind, reason -> IO.puts(Exception.format(kind, reason))
end

try do
  exit({:shutdown, :bye})
catch
  kind, reason -> IO.puts(Exception.format(kind, reason))
end
