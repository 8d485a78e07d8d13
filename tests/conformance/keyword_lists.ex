defmodule Opts do
  def connect(host, opts \\ []) do
    port = opts[:port] || 80
    secure = opts[:secure] == true
    "#{host}:#{port} secure=#{secure}"
  end

  def tag(name, attrs), do: "<#{name}#{render(attrs)}>"
  defp render([]), do: ""
  defp render([{k, v} | rest]), do: " #{k}=\"#{v}\"" <> render(rest)
end

IO.puts(Opts.connect("example.com"))
IO.puts(Opts.connect("example.com", port: 443, secure: true))
IO.puts(Opts.connect("example.com", [port: 8080]))
IO.puts(Opts.tag("a", href: "/home", class: "nav"))
IO.puts(Opts.tag("br", []))
kw = [b: 2, a: 1, b: 3]
IO.inspect(kw)
IO.inspect(kw[:b])
IO.inspect(length(kw))
IO.inspect(kw ++ [c: 4])
IO.inspect([a: 1] == [{:a, 1}])
IO.inspect(is_list(kw))
IO.inspect(for {k, v} <- kw, do: "#{k}#{v}")
IO.inspect(Enum.map(kw, fn {k, v} -> {k, v * 10} end))
IO.inspect(Enum.reduce(kw, 0, fn {_k, v}, acc -> acc + v end))
IO.inspect([if: 1, do: 2, end: 3])
IO.inspect(["quoted key": 1, "with-dash": 2, ok?: 3])
IO.inspect([{:a, 1}, {:b, 2, 3}])
IO.inspect([{1, :a}])
IO.inspect([{:A, 1}, {:Elixir, 2}])
IO.inspect(if(true, do: :kw_do, else: :kw_else))
IO.inspect(if(false, [do: :kw_do, else: :kw_else]))
