# IO.stream/binstream over a StringIO, Collectable, and get_until requests.
defmodule Until do
  def three(cont, :eof), do: {:done, cont, :eof}

  def three(cont, chars) do
    case cont ++ chars do
      [a, b, c | rest] -> {:done, [a, b, c], rest}
      more -> {:more, more}
    end
  end

  def to_eof(cont, :eof), do: {:done, cont, :eof}
  def to_eof(cont, chars), do: {:more, cont ++ chars}
end

{:ok, pid} = StringIO.open("ab\ncd\nef")
IO.inspect(IO.stream(pid, :line) |> Enum.to_list())
{:ok, pid} = StringIO.open("abcdefg")
IO.inspect(IO.stream(pid, 3) |> Enum.map(&String.upcase/1))
{:ok, pid} = StringIO.open("あいう")
IO.inspect(IO.binstream(pid, 2) |> Enum.to_list())
{:ok, pid} = StringIO.open("12\n34\n56\n")
two = fn x, acc -> if length(acc) == 1, do: {:halt, [x | acc]}, else: {:cont, [x | acc]} end
IO.inspect(Enumerable.reduce(IO.stream(pid, :line), {:cont, []}, two))
IO.inspect(StringIO.contents(pid))

{:ok, pid} = StringIO.open(<<130, 227>>)

try do
  Enum.to_list(IO.stream(pid, :line))
rescue
  e -> IO.inspect(e)
end

{:ok, pid} = StringIO.open("")
stream = Enum.into(["a", "b", "c"], IO.stream(pid, :line))
IO.inspect({is_pid(stream.device), stream.raw, stream.line_or_bytes})
IO.inspect(StringIO.contents(pid))

{:ok, pid} = StringIO.open("abcdefg")
IO.inspect(:io.request(pid, {:get_until, :unicode, "", Until, :three, []}))
IO.inspect(IO.read(pid, :all))

{:ok, pid} = StringIO.open("abc\nd", capture_prompt: true)
IO.inspect(:io.request(pid, {:get_until, :unicode, ">", Until, :to_eof, []}))
IO.inspect(StringIO.contents(pid))

{:ok, pid} = StringIO.open(<<181, 255, ?\n>>)
IO.inspect(:io.request(pid, {:get_until, :latin1, "", Until, :to_eof, []}))
