defmodule Show do
  # The fields one by one: Elixir's inspect of a URI hides a nil :authority.
  def uri(%URI{} = u) do
    fields = [u.scheme, u.authority, u.userinfo, u.host, u.port, u.path, u.query, u.fragment]
    IO.puts("%URI " <> Enum.map_join(fields, " | ", &inspect/1))
  end

  def new(string) do
    case URI.new(string) do
      {:ok, u} -> uri(u)
      {:error, part} -> IO.puts("error #{inspect(part)}")
    end
  end

  def attempt(fun) do
    fun.()
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end

Enum.each(["https://u:p@Example.com:8080/a/b?q=1#top", "HTTP://h", "//[::1]:81/x", "mailto:me@example.com",
           "/rel?x", "file:///tmp", "http://a:b:c", "ldap:///dc=x??sub", ""], fn s -> Show.uri(URI.parse(s)) end)
Enum.each(["https://elixir-lang.org/", "//[fe80::]/", "https:?q", "http://h:", "//u@", "//[::ffff:1.2.3.4]",
           "/p/>", "http://a b", "//[1:2]", "a:b:c", "//ü"], &Show.new/1)
Show.attempt(fn -> URI.new!("http://x/{") end)
Show.attempt(fn -> URI.new!("x:" <> <<0xFF>>) end)
IO.puts(URI.to_string(URI.parse("https://h:443/p?q#f")) <> " " <> to_string(URI.parse("http://[::1]:8080")))
IO.puts("#{%URI{scheme: "s", authority: "a@b", path: "/p"}} #{%URI{host: "h", userinfo: "", query: "", fragment: ""}}")
Show.attempt(fn -> URI.to_string(%URI{host: "h", path: "rel"}) end)
Show.attempt(fn -> URI.to_string(%URI{host: "h", port: :undefined}) end)
base = URI.parse("http://a/b/c/d;p?q")
for rel <- ["g", "./g", "g/", "/g", "//g", "?y", "g?y", "#s", "", ".", "..", "../g", "../../../g", "g;x=1/../y", "https:h"] do
  IO.puts("#{rel} -> #{URI.merge(base, rel)}")
end
Show.uri(URI.merge("http://example.com/foo/../bar", "baz"))
Show.attempt(fn -> URI.merge("/relative", "x") end)
IO.inspect({URI.encode("a b/ü?&"), URI.encode("a b", &URI.char_unreserved?/1), URI.encode("abc", &(&1 != ?b))})
IO.inspect({URI.encode_www_form("a b+c/~*"), URI.decode("%41%zz%e3%82%86+"), URI.decode_www_form("a+b%2B%")})
IO.inspect({URI.char_reserved?(?:), URI.char_unreserved?(?~), URI.char_unescaped?(?{), URI.char_reserved?(:x)})
IO.inspect(URI.encode_query([{"a b", 1}, {:c, "d&e"}, {nil, true}]))
IO.inspect(URI.encode_query(%{"z" => "ü", "a" => 1.5}, :rfc3986))
Show.attempt(fn -> URI.encode_query(key: [:list]) end)
Show.attempt(fn -> URI.encode_query([{'k', "v"}]) end)
IO.inspect(URI.decode_query("a=1&b=x+y&&c&a=2&e=%3D") |> Enum.sort())
IO.inspect(URI.decode_query("p=a+b", %{"start" => "map"}, :rfc3986) |> Enum.sort())
IO.inspect(URI.query_decoder("x=1&y=2&z") |> Enum.to_list())
IO.inspect(URI.query_decoder("x=1&y=2&z") |> Enum.take(1))
IO.inspect({URI.default_port("https"), URI.default_port("ssh")})
:ok = URI.default_port("ssh", 22)
IO.inspect({URI.default_port("ssh"), URI.parse("ssh://h").port, to_string(URI.new!("ssh://h:22/"))})
Show.attempt(fn -> URI.default_port(:http) end)
Show.uri(URI.append_query(URI.parse("http://h/?a=1"), "b=2"))
Show.uri(URI.append_query(URI.parse("http://h/?a=1&"), "b=2"))
Show.attempt(fn -> URI.decode(:atom) end)
IO.puts(Exception.message(%URI.Error{action: :parse, reason: :invalid_uri, part: "x"}))
