# Binary comprehensions: binary generators, into: <<>>, filters, several
# generators, generators over bits, and patterns that skip elements.
defmodule Pixels do
  def to_gray(pixels) do
    for <<r::8, g::8, b::8 <- pixels>>, into: <<>>, do: <<div(r + g + b, 3)>>
  end

  def swap_rb(pixels), do: for(<<r, g, b <- pixels>>, into: <<>>, do: <<b, g, r>>)

  def bright(pixels), do: for(<<r, g, b <- pixels>>, r + g + b > 300, do: {r, g, b})
end

defmodule Main do
  def run do
    pixels = <<213, 45, 132, 64, 76, 32, 76, 0, 0, 234, 32, 15>>
    IO.inspect(for <<r::8, g::8, b::8 <- pixels>>, do: {r, g, b})
    IO.inspect(Pixels.to_gray(pixels))
    IO.inspect(Pixels.swap_rb(pixels))
    IO.inspect(Pixels.bright(pixels))
    IO.inspect(for <<c <- "hello">>, c != ?l, into: "", do: <<c - 32>>)
    IO.inspect(for <<c::utf8 <- "héllo wörld">>, do: c)
    IO.inspect(for <<c::utf8 <- "añb">>, into: "", do: <<c::utf16>>)
    IO.inspect(for <<b::1 <- <<0b10110010>> >>, do: b)
    IO.inspect(for <<b::2 <- <<0b11011000, 1::2>> >>, into: <<>>, do: <<b::2>>)
    IO.inspect(for <<n::4 <- <<0x12, 0x34>> >>, into: <<>>, do: <<n::4, n::4>>)
    IO.inspect(for <<x::16 <- <<1, 2, 3, 4, 5>> >>, do: x)
    IO.inspect(for <<x::little-16 <- <<1, 2, 3, 4>> >>, do: x)
    IO.inspect(for <<x::float-32 <- <<1.5::float-32, 2.5::float-32>> >>, do: x)
    IO.inspect(for <<len, word::binary-size(len) <- <<2, "hi", 3, "you">> >>, do: word)
    IO.inspect(for <<a <- "ab">>, <<b <- "xy">>, do: <<a, b>>)
    IO.inspect(for x <- [1, 2, 3], <<c <- "ab">>, into: "", do: <<c + x>>)
    IO.inspect(for <<c <- "a1b2c3">>, c in ?0..?9, reduce: 0, do: (acc -> acc * 10 + c - ?0))
    IO.inspect(for <<1, x <- <<1, 2, 0, 3, 1, 4>> >>, do: x)
    IO.inspect(for <<x::binary-size(2) <- "abcdefg">>, do: x)
    IO.inspect(for <<x::bits-size(3) <- <<255, 255>> >>, do: x)
    IO.inspect(for <<x <- "">>, do: x)
    IO.inspect(for x <- 1..5, into: <<>>, do: <<x::4>>)
    IO.inspect(for x <- [?a, ?b], into: "z", do: <<x>>)
    IO.inspect(for <<c <- "abc">>, into: %{}, do: {c, <<c>>})
    IO.inspect(for <<c <- "hello">>, uniq: true, do: c)
    try do
      for <<x <- :not_binary>>, do: x
    rescue
      e -> IO.inspect(e)
    end
  end
end

Main.run()
