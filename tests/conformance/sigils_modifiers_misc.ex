defmodule S do
  def sigil_m(s, mods), do: {s, mods, Enum.map(mods, &List.to_string([&1]))}
  defmacro sigil_q({:<<>>, _meta, pieces}, mods) do
    count = length(pieces)
    quote do
      {unquote(count), unquote(mods), unquote({:<<>>, [], pieces})}
    end
  end
end

defmodule SUser do
  import S

  def run do
    IO.inspect(~m(x))
    IO.inspect(~m(x)abc)
    IO.inspect(~m(x)i)
    IO.inspect(~m{x}zz)
    IO.inspect(~m/path\/y/)
    IO.inspect(~M(upper #{1}))
    v = "V"
    IO.inspect(~q(plain))
    IO.inspect(~q(a#{v}b)x)
    IO.inspect(~m"""
    heredoc
      keeps indent
    """)
    IO.inspect(~m'''
    single
    '''s)
  end

  def sigil_M(s, mods), do: {:upper, s, mods}
end

SUser.run()
