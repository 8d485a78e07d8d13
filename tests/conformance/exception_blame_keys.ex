defmodule Blame do
  def message(arg, fun) do
    try do
      fun.(arg)
    rescue
      e ->
        {blamed, _} = Exception.blame(:error, e, __STACKTRACE__)
        Exception.message(blamed)
    end
  end
end

defmodule Main do
  def run do
    IO.puts(Blame.message(%{first: nil, second: nil}, fn map -> map.firts end))
    IO.puts(Blame.message(%{"first" => nil}, fn map -> Map.fetch!(map, "firts") end))
    IO.puts(Blame.message([first: 1, second: 2], fn kw -> Keyword.fetch!(kw, :secnod) end))
    IO.puts(Blame.message(%{abc: 1, ab1: 2, zz: 3}, fn map -> map.ab end))
    IO.puts(Blame.message(%{zzz: 1}, fn map -> map.ab end))
    {e, _} = Exception.blame(:error, %KeyError{key: :ab, term: [abc: 1], message: "kept"}, [])
    IO.puts(e.message)
    {e, _} = Exception.blame(:error, %KeyError{key: :ab}, [])
    IO.inspect(e.message)

    for {a, b} <- [{"man", "map"}, {"martha", "marhta"}, {"dwayne", "duane"}, {"", ""}, {"abc", ""}, {"dixon", "dicksonx"}] do
      IO.inspect({a, b, String.jaro_distance(a, b)})
    end
  end
end

Main.run()
