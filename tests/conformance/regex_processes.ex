# Regexes across processes: compiled in one, sent in messages, used by many at once; :re with list subjects and dupnames.
defmodule Worker do
  def run(parent, i) do
    re = Regex.compile!("(\\d+)-#{rem(i, 7)}")
    n = Enum.reduce(1..200, 0, fn j, acc ->
      acc + length(Regex.scan(re, "#{j}-#{rem(i, 7)} x #{j}-1 #{j}-#{rem(i, 7)}"))
    end)
    send(parent, {:done, i, n})
  end

  def echo do
    receive do
      {from, %Regex{} = re, s} -> send(from, {:echo, re, Regex.run(re, s)})
    end
  end

  def main do
    me = self()
    for i <- 1..40, do: spawn(fn -> run(me, i) end)
    results = for i <- 1..40, do: (receive do {:done, ^i, n} -> n end)
    IO.inspect Enum.sum(results)
    IO.inspect Enum.uniq(results)
    pid = spawn(&echo/0)
    send(pid, {me, ~r/(?<w>\w+)@(\w+)/i, "mail JOE@host"})
    receive do
      {:echo, re, found} -> IO.inspect({re, found, Regex.names(re), Regex.match?(re, "a@b")})
    end
    pid2 = spawn(&echo/0)
    send(pid2, {me, Regex.compile!("^" <> Regex.escape("1+1") <> "$"), "1+1"})
    receive do
      {:echo, re, found} -> IO.inspect({Regex.source(re), found})
    end
  end
end

Worker.main()
IO.inspect :re.run("é", "(*UTF)(.)", [{:capture, :all, :list}])
IO.inspect :re.run("aXbXc", "(?<n>X)", [:global, {:capture, [:n], :binary}, :dupnames])
IO.inspect Regex.run(~r/(?J)(?<n>a)|(?<n>b)/, "b", capture: :all_names)
IO.inspect :re.split('aébéc', "é", [:unicode, {:return, :list}])
IO.inspect :re.replace('aébéc', "é", "E", [:unicode, :global, {:return, :list}])
IO.inspect :re.run('aébéc', "é", [:unicode, :global, {:capture, :first, :list}])
IO.inspect Regex.run(~r/(a)(?<x>b)?/, "a", capture: :all_names)
