# String.Chars and List.Chars for user structs: interpolation, to_string, to_charlist, join.
defmodule Money do
  defstruct cents: 0, currency: :usd

  defimpl String.Chars do
    def to_string(%Money{cents: c, currency: cur}) do
      sign = if c < 0, do: "-", else: ""
      a = abs(c)
      frac = rem(a, 100)
      pad = if frac < 10, do: "0", else: ""
      "#{sign}#{div(a, 100)}.#{pad}#{frac} #{cur |> Atom.to_string() |> String.upcase()}"
    end
  end

  defimpl List.Chars do
    def to_charlist(m), do: Kernel.to_charlist("<" <> to_string(m) <> ">")
  end
end
defmodule Version3 do
  defstruct major: 0, minor: 0, patch: 0
  defimpl String.Chars do
    def to_string(v), do: Enum.join([v.major, v.minor, v.patch], ".")
  end
end

defmodule Main do
  def run do
    m = %Money{cents: 12345}
    IO.puts("total: #{m}")
    IO.puts(to_string(%Money{cents: -7, currency: :eur}))
    IO.puts(m)
    IO.puts(["list with ", to_string(m), ?!])
    IO.puts(Enum.join([m, %Money{cents: 5}, :atom, 3, 2.5, "s"], " | "))
    IO.inspect(List.Chars.to_charlist(m))
    IO.inspect(List.Chars.to_charlist(%Money{}))
    IO.inspect(String.Chars.to_string(%Version3{major: 1, minor: 14}))
    IO.puts("v#{%Version3{major: 2, patch: 9}} < v#{%Version3{major: 10}}")
    IO.inspect(Enum.map([%Version3{}, %Version3{minor: 1}], &to_string/1))
    IO.inspect("#{m}" <> "#{m}" |> byte_size())
    IO.inspect(String.Chars.impl_for(m))
    IO.inspect(List.Chars.impl_for(%Version3{}))
    IO.inspect(String.Chars.impl_for(%Version3{}))

    for v <- [:a, 1, 1.5, "bin", 'chars', nil, true] do
      IO.puts("#{inspect(v)} -> #{v}")
    end

    for bad <- [%Version3{}, {1, 2}, %{a: 1}] do
      try do
        List.Chars.to_charlist(bad)
      rescue
        e in Protocol.UndefinedError -> IO.puts(Exception.message(e))
      end
    end
    try do
      "#{{:tuple}}"
    rescue
      e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
    end
  end
end

Main.run()
