defmodule Parse do
  def words(<<>>, cur, acc), do: Enum.reverse([cur | acc])
  def words(<<" ", rest::binary>>, cur, acc), do: words(rest, "", [cur | acc])
  def words(<<c::utf8, rest::binary>>, cur, acc), do: words(rest, cur <> <<c::utf8>>, acc)

  def bits(<<>>), do: []
  def bits(<<b::1, rest::bits>>), do: [b | bits(rest)]

  def records(<<>>), do: []
  def records(<<len::16, id::32, payload::binary-size(len), rest::binary>>),
    do: [{id, payload} | records(rest)]
end

defmodule Main do
  def run do
    IO.inspect(Parse.words("héllo wörld and more", "", []))
    IO.inspect(Parse.bits(<<0b1011::4, 1::1>>))
    blob = for i <- 1..5, into: <<>>, do: <<byte_size("r#{i}")::16, i::32, "r#{i}">>
    IO.inspect(Parse.records(blob))
    <<_::3, mid::bits-size(7), tail::bits>> = <<255, 0, 7::4>>
    IO.inspect({mid, tail, bit_size(tail)})
    "pre" <> rest = "prefix and more"
    IO.inspect(rest)
    <<"f", "oo">> <> x = "foobar"
    IO.inspect(x)
    big = String.duplicate("abcdefgh", 10)
    <<_::binary-size(3), part::binary-size(40), _::binary>> = big
    IO.inspect(part)
    IO.inspect(part == binary_part(big, 3, 40))
    IO.inspect(for <<c <- part>>, c == ?a, do: c)
    IO.inspect(<<part::binary, 1::1>>)
    pid = self()
    spawn(fn -> send(pid, {:got, mid, part}) end)
    receive do
      {:got, m, p} -> IO.inspect({m, byte_size(p)})
    end
    IO.inspect(Enum.sort([<<1::1>>, <<1>>, <<0::7>>, <<>>, "a", <<97, 1::1>>]))
    IO.inspect(%{<<1::3>> => :bits, "k" => :bin}[<<1::3>>])
  end
end

Main.run()
