defmodule MySigils do
  def sigil_u(string, []), do: String.upcase(string)
  def sigil_u(string, mods), do: {String.upcase(string), mods}

  defmacro sigil_i({:<<>>, _, [str]}, mods) when is_binary(str) do
    n = String.to_integer(str)
    case mods do
      'n' -> -n
      _ -> n
    end
  end

  def sigil_p(str, _), do: str |> String.split(",") |> Enum.map(&String.trim/1)
end

defmodule Local do
  def sigil_z(s, _), do: {:local_z, String.reverse(s)}
  def go, do: ~z(abc)
  def sigil_x(s, m), do: {s, m}
  def mods, do: [~x(a)i, ~x(b)abc, ~x[c], ~x<d>, ~x"e" ]
end

defmodule Main do
  def run do
    import MySigils
    IO.inspect(~u(hello))
    IO.inspect(~u(hello)xy)
    IO.inspect(~u[brackets])
    IO.inspect(~u/slash/)
    IO.inspect(~i(42))
    IO.inspect(~i(42)n)
    IO.inspect(~p(a, b ,c))
    name = "world"
    IO.inspect(~u(hi #{name}))
    IO.inspect(Local.go())
    IO.inspect(Local.mods())
    IO.inspect(~u"""
    heredoc
    """)
  end
end

Main.run()
