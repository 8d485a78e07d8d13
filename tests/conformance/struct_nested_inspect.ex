# Nested structs, structs inside lists, tuples and maps, inspected with options.
defmodule Address do
  defstruct street: "", city: "", zip: nil
end

defmodule Person do
  defstruct name: nil, age: 0, address: %Address{}, tags: [], meta: %{}
end

defmodule Team do
  defstruct name: "", members: [], lead: nil
end

defmodule Main do
  def run do
    a = %Address{street: "1 Main St", city: "Springfield", zip: "12345"}
    p1 = %Person{name: "Ann", age: 31, address: a, tags: [:admin, :dev], meta: %{since: 2019}}
    p2 = %Person{name: "Bob", age: 45}
    t = %Team{name: "core", members: [p1, p2], lead: p1}

    IO.inspect(a)
    IO.inspect(p2)
    IO.inspect(p1)
    IO.inspect(t, width: 120)
    IO.inspect(t, limit: 3)
    IO.inspect(p1, structs: false, width: 60)
    IO.inspect({p2, [a]}, width: 40)
    IO.inspect(%{"lead" => p2.address, :list => [%Address{}, %Address{city: "X"}]})
    IO.puts(inspect(a, pretty: true, width: 20))
    IO.puts(inspect([a, a], width: 0))
    IO.inspect(%Team{}, label: "empty team")
    IO.inspect([%Address{zip: 1}], label: "addresses", width: 30)
    IO.puts(inspect(%Person{meta: %{nested: %{deeper: %Address{city: "Deep"}}}}, limit: :infinity))
  end
end

Main.run()
