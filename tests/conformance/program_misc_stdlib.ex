:rand.seed(:exsss, {1, 2, 3})
IO.inspect(Enum.map(1..5, fn _ -> :rand.uniform(100) end))
IO.inspect(Enum.shuffle(1..10))
IO.inspect(Enum.take_random(1..100, 3))
IO.inspect(Enum.random(~w(a b c d)))
IO.inspect(:rand.uniform() |> Float.round(6))

{:ok, io} = StringIO.open("line one\nline two\nline three\n")
io |> IO.stream(:line) |> Enum.map(&String.trim/1) |> IO.inspect()
{:ok, {_, out}} = StringIO.close(io)
IO.inspect(out)

res = Stream.resource(fn -> 1 end, fn
  n when n > 5 -> {:halt, n}
  n -> {[n * n], n + 1}
end, fn _ -> IO.puts("closed") end)
IO.inspect(Enum.to_list(res))

{:ok, _} = Registry.start_link(keys: :unique, name: MyReg)
{:ok, _} = Registry.register(MyReg, "alice", :meta_a)
IO.inspect(Registry.lookup(MyReg, "alice") |> Enum.map(fn {pid, v} -> {pid == self(), v} end))
IO.inspect(Registry.lookup(MyReg, "bob"))

import ExUnit.CaptureIO
out = capture_io(fn -> IO.puts("captured!"); IO.write("x") end)
IO.inspect(out)
IO.inspect(capture_io("input text\n", fn -> IO.gets("") |> String.upcase() |> IO.write() end))

IO.inspect(URI.parse("https://example.com:8080/path?q=1#frag") |> Map.take([:host, :port, :path, :query]))
IO.inspect(URI.encode_query(%{a: 1, b: "x y"}))
IO.inspect(Base.encode64("hello world"))
IO.inspect(Base.decode16!("48656C6C6F"))
IO.inspect(:erlang.phash2("abc"))
IO.inspect(Path.join(["a", "b", "c.txt"]) |> Path.extname())
IO.inspect(Path.basename("/x/y/z.tar.gz", ".gz"))
IO.inspect(Version.compare("1.2.3", "1.10.0"))
IO.inspect(System.version() |> is_binary())
IO.inspect(OptionParser.parse(["--verbose", "-n", "3", "file"], switches: [verbose: :boolean, n: :integer], aliases: [n: :n]))
IO.inspect(Tuple.to_list({1, 2}) ++ Tuple.to_list(Tuple.append({}, 3)))
IO.inspect(List.keystore([a: 1], :b, 0, {:b, 2}))
IO.inspect(:lists.seq(1, 10, 3))
IO.inspect(:string.titlecase("hello"))
IO.inspect(:binary.split("a-b-c", "-", [:global]))
IO.inspect(String.to_existing_atom("ok"))
IO.inspect(Atom.to_string(:abc) <> "!")
IO.inspect(:queue.to_list(:queue.in(2, :queue.in(1, :queue.new()))))
IO.inspect(Bitwise.band(12, 10))
IO.inspect(<<1::4, 15::4>>)
IO.inspect(for <<a::4, b::4 <- <<0x12, 0x34>> >>, do: {a, b})
