# Parsing an HTTP-like request with :binary functions and binary patterns.
defmodule Req do
  def parse(raw) do
    [head, body] = :binary.split(raw, "\r\n\r\n")
    [request_line | header_lines] = :binary.split(head, "\r\n", [:global])
    [method, path, version] = :binary.split(request_line, " ", [:global])
    headers = for line <- header_lines, do: header(line)
    {method, path_parts(path), version, headers, body}
  end

  defp header(line) do
    {pos, 1} = :binary.match(line, ":")
    name = :binary.part(line, 0, pos)
    value = :binary.part(line, pos + 1, byte_size(line) - pos - 1)
    {downcase(name), trim(value)}
  end

  defp path_parts(path) do
    case :binary.split(path, "?") do
      [p] -> {p, []}
      [p, q] -> {p, for(kv <- :binary.split(q, "&", [:global, :trim_all]), do: List.to_tuple(:binary.split(kv, "=")))}
    end
  end

  def downcase(s), do: for(<<c <- s>>, into: "", do: <<if(c in ?A..?Z, do: c + 32, else: c)>>)
  def trim(<<" ", rest::binary>>), do: trim(rest)
  def trim(s), do: s
end

defmodule Main do
  def run do
    raw = "POST /api/items?id=42&sort=desc&&flag HTTP/1.1\r\nHost: example.org\r\nContent-Type:  text/plain\r\nX-Count: 3\r\n\r\nhello=world"
    {method, {path, query}, version, headers, body} = Req.parse(raw)
    IO.inspect({method, path, version})
    IO.inspect(query)
    IO.inspect(headers)
    IO.inspect(body)
    IO.inspect(:binary.matches(raw, "\r\n"))
    IO.inspect(:binary.match(raw, ["Host", "X-"]))
    IO.inspect(:binary.split(path, "/", [:global]))
    IO.inspect(:binary.split(path, "/", [:global, :trim_all]))
    IO.inspect(:binary.replace(body, "=", ": "))
    IO.inspect(:binary.replace("a-b-c", "-", "+", [:global]))
    IO.inspect(:binary.replace("a-b-c", "-", "[]", [:global, {:insert_replaced, 1}]))
    IO.inspect(:binary.longest_common_prefix(["Content-Type", "Content-Length", "Connection"]))
    IO.inspect(:binary.longest_common_suffix(["item.ex", "main.ex", "x.exs"]))
    IO.inspect(:binary.first(body) == ?h and :binary.last(body) == ?d)
    IO.inspect(:binary.at(version, 5))
    IO.inspect(:binary.bin_to_list(version, 5, 3))
    IO.inspect(:binary.decode_unsigned(<<1, 0>>))
    IO.inspect(:binary.decode_unsigned(<<1, 0>>, :little))
    IO.inspect(:binary.encode_unsigned(65_536))
    IO.inspect(:binary.encode_unsigned(65_536, :little))
    IO.inspect(:binary.copy("ab", 3))
    IO.inspect(:binary.part("hello", {5, -2}))
    IO.inspect(:binary.referenced_byte_size(:binary.copy(:binary.part(raw, 0, 4))))
    IO.inspect(:binary.compile_pattern(["x"]) |> elem(0))
    IO.inspect(for <<"=", _::binary>> <- ["=a", "b", "=c"], do: :hit)
  end
end

Main.run()
