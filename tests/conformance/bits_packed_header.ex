# One packed record using every segment type, built and parsed in a single
# match: odd-size integers, both endians, floats, sized binaries, utf segments.
defmodule Header do
  def build(h) do
    name = h.name
    <<h.version::4, h.flags::3, h.urgent::1,
      h.ttl::unsigned-little-16, h.delta::signed-big-12, h.pad::4,
      h.temp::float-32, h.ratio::float-little-64, h.half::float-16,
      byte_size(name)::8, name::binary, h.mark::utf8, h.sym::utf16-little, h.cp::utf32,
      h.tail::bits>>
  end

  def parse(<<version::4, flags::3, urgent::1,
              ttl::unsigned-little-16, delta::signed-big-12, pad::4,
              temp::float-32, ratio::float-little-64, half::float-16,
              len::8, name::binary-size(len), mark::utf8, sym::utf16-little, cp::utf32,
              tail::bits>>) do
    %{version: version, flags: flags, urgent: urgent, ttl: ttl, delta: delta, pad: pad,
      temp: temp, ratio: ratio, half: half, name: name, mark: mark, sym: sym, cp: cp, tail: tail}
  end

  def parse(other), do: {:bad, bit_size(other)}
end

defmodule Main do
  def show(h) do
    b = Header.build(h)
    IO.puts("#{bit_size(b)} bits")
    IO.inspect(b, limit: :infinity)
    p = Header.parse(b)
    for k <- [:version, :flags, :urgent, :ttl, :delta, :pad, :temp, :ratio, :half, :name, :mark, :sym, :cp, :tail] do
      IO.puts("  #{k} = #{inspect(Map.get(p, k))}")
    end
    IO.inspect(p == h)
  end

  def run do
    base = %{version: 4, flags: 5, urgent: 1, ttl: 513, delta: -100, pad: 15,
             temp: 21.5, ratio: -0.125, half: 1.5, name: "node-α", mark: ?é,
             sym: 0x1F600, cp: 0x10FFFF, tail: <<1::1, 0::1, 1::1>>}
    show(base)
    show(%{base | version: 15, flags: 0, urgent: 0, ttl: 65535, delta: 2047, pad: 0,
                  temp: -0.0, ratio: 1.0e300, half: -65504.0, name: "", mark: ?a, sym: ?z, cp: 0, tail: <<>>})
    IO.inspect(Header.parse(<<1, 2, 3>>))
    <<_::binary-size(5), rest::bits>> = Header.build(base)
    IO.inspect(Header.parse(rest))
  end
end

Main.run()
