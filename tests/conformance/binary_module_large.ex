# :binary's searching on a 1 MB subject with thousands of matches: match,
# matches, split and replace, one pattern and several, with scopes.
defmodule Main do
  def run do
    line = "name=value;" <> :binary.copy("x", 50) <> "\n"
    subject = :binary.copy(line, 16_000)
    IO.inspect(byte_size(subject))
    IO.inspect(:binary.match(subject, "value", scope: {500_000, 100_000}))
    found = :binary.matches(subject, "\n")
    IO.inspect({length(found), hd(found), List.last(found)})
    many = :binary.matches(subject, ["=", ";", "\n", "name"])
    IO.inspect({length(many), Enum.take(many, 4)})
    lines = :binary.split(subject, "\n", [:global, :trim])
    IO.inspect({length(lines), hd(lines) == binary_part(line, 0, byte_size(line) - 1)})
    fields = :binary.split(subject, [";", "="], [:global])
    IO.inspect({length(fields), Enum.take(fields, 3) |> Enum.map(&byte_size/1)})
    replaced = :binary.replace(subject, "value", "v", [:global])
    IO.inspect({byte_size(replaced), :binary.part(replaced, 0, 10)})
    wrapped = :binary.replace(subject, ";", "<>", [:global, {:insert_replaced, 1}])
    IO.inspect({byte_size(wrapped), :binary.match(wrapped, "<;>")})
    x_runs = :binary.matches(subject, :binary.copy("x", 50), scope: {0, 640})
    IO.inspect(x_runs)
    IO.inspect(length(:binary.matches(subject, "xx")))
    IO.inspect(:binary.match(subject, "missing"))
    compiled = :binary.compile_pattern(["name", "value"])
    IO.inspect(length(:binary.matches(subject, compiled)))
    IO.inspect(length(String.split(subject, "\n")))
    IO.inspect(byte_size(String.replace(subject, "x", "")))
  end
end

Main.run()
