# Atoms that need quotes, keyword lists and maps with such keys, records
# (tuples tagged by an atom) and aliases.
defmodule Main do
  def run do
    atoms = [:ok, :"with space", :"hy-phen", :foo?, :bar!, :Foo, :"Foo.Bar", Foo.Bar, :"Elixir.foo",
             :+, :"::", :"~~~", :..., :%{}, :"@x", :a@b, :"", :"é", :"1a", :_ignored, nil, true, false,
             :Elixir, :"Elixir.Elixir", :->, :"\"q\"", :"a\nb", :&&&, :<<>>, :%, :\\]
    Enum.each(atoms, &IO.puts(inspect(&1)))
    IO.puts(inspect([{:"with space", 1}, {:ok, 2}, {:"::", 3}, {:+, 4}, {:"1a", 5}]))
    IO.puts(inspect(%{"with space": 1, ok: 2, "Foo.Bar": 3}))
    IO.puts(inspect([{Foo, 1}, {:ok, 2}]))
    IO.puts(inspect(%{Foo => 1, :ok => 2}))
    IO.puts(inspect({:user, "ann", 30}))
    IO.puts(inspect([{:user, "ann", 30}, {:user, "bob", 31}]))
    IO.puts(inspect([ok: nil, error: false]))
    IO.puts(inspect([{:a, 1} | {:b, 2}]))
    IO.puts(inspect([{:a, 1}, {"b", 2}]))
    IO.puts(inspect([a: 1, a: 2]))
    IO.puts(inspect(&Enum.map/2))
    IO.puts(inspect(&:lists.reverse/1))
    IO.puts(inspect(&Kernel.+/2))
    IO.puts(inspect(&__MODULE__."odd name"/0))
  end

  def unquote(:"odd name")(), do: :ok
end

Main.run()
