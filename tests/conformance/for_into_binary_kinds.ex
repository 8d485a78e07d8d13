# `for ..., into: "..."` and Collectable for bitstrings: binaries joined,
# bitstrings appended bit by bit, a non-bitstring element an error.
defmodule IntoBin do
  def run do
    bin = :binary.copy("abcxyz", 50)
    IO.puts(for <<b <- bin>>, into: "", do: <<b - 32>>)
    IO.inspect(for <<b <- "abc">>, into: "pre:", do: <<b>>)
    IO.inspect(for <<b::4 <- "ab">>, into: "", do: <<b::4>>)
    IO.inspect(for <<b::1 <- <<0b1011::4>> >>, into: <<>>, do: <<b::1, 1::1>>)
    IO.inspect(for x <- [1, 2, 3], into: "", do: Integer.to_string(x))
    IO.inspect(for x <- [], into: "", do: x)
    IO.inspect(for <<c::utf8 <- "héllo">>, into: "", do: <<c::utf16>>)
    IO.inspect(Enum.into(["a", <<1::3>>, "b"], ""))
    IO.inspect(Enum.into(["x", "y"], "w"))
    IO.inspect(Enum.into([<<1::1>>, <<1::1>>], <<1::1>>))
    IO.inspect(Base.encode16(bin) |> byte_size())
    IO.inspect(Base.decode16!(Base.encode16("hello")))
    IO.inspect(Base.encode16(<<0, 255, 16>>, case: :lower))

    try do
      for x <- [1, 2], into: "", do: x
    rescue
      e -> IO.inspect(e)
    end

    try do
      for x <- ["a", :b], into: "", do: x
    rescue
      e -> IO.inspect(e)
    end

    try do
      Enum.into([1], "")
    rescue
      e -> IO.inspect(e.__struct__)
    end
  end
end

IntoBin.run()
