IO.puts(EEx.eval_string("Hello <%= name %>!", name: "World"))
IO.inspect(EEx.eval_string("a\n<% x = 1 %>\nb <%= x %>"))
IO.inspect(EEx.eval_string("<%= for x <- [1, 2] do %>[<%= x %>]<% end %>"))
IO.inspect(EEx.eval_string("<%= case 1 do %>\n  <% 1 -> %>one<% _ -> %>other<% end %>"))
IO.inspect(EEx.eval_string("<%= if true do %>a<% else %>b<% end %>"))
IO.inspect(EEx.eval_string("<%= cond do %><% false -> %>a<% true -> %>b<% end %>"))
IO.inspect(EEx.eval_string("<%= with {:ok, x} <- {:ok, 5} do %>got <%= x %><% else _ -> %>no<% end %>"))
IO.inspect(EEx.eval_string("<%= Enum.map([1, 2], fn x -> %><%= x * 2 %>,<% end) %>"))
IO.inspect(EEx.eval_string("<%= nil %>|<%= :a %>|<%= 'ab' %>|<%= 1.5 %>"))
IO.inspect(EEx.eval_string("x<%!-- multi\nline --%>y<%# short %>z <%% kept %>"))
IO.inspect(EEx.eval_string("<%= @a %> and <%= @b %>", assigns: %{a: 1, b: "two"}))
IO.inspect(EEx.eval_string("<%= @a %>", assigns: [a: :kw]))
IO.inspect(EEx.eval_string("<%= x %>", [x: "é"], engine: EEx.Engine))
IO.inspect(EEx.eval_string("<%= @x %>", [assigns: [x: 1]], engine: EEx.SmartEngine))
for s <- ["x <%= 1 %>\n\n\ny", "<%= 1 %>  \n  \n z", "a  \n  <%= 1 %>", "text\n  ", "a\n\n\n  <%= 1 %>", "<%= 1 %>\n\n", "a <%= 1 %> b\n", "\t<% %>\t\r\nz", "a\n<%# c %>\nb", "<%= 1 %>\n  <%= 2 %>  \n", "line1\n<%= if true do %>\n  yes\n<% end %>\nend"] do
  IO.inspect({s, EEx.eval_string(s, [], trim: true), EEx.eval_string(s)})
end
defmodule T do
  require EEx
  EEx.function_from_string(:def, :greet, "Hi <%= name %>, you are <%= age %>", [:name, :age])
  EEx.function_from_string(:defp, :secret, "<%= a %>!", [:a])
  def call_secret(a), do: secret(a)
end
IO.puts(T.greet("Ann", 30))
IO.puts(T.call_secret("psst"))
IO.inspect(function_exported?(T, :secret, 1))
path = Path.join(System.tmp_dir!(), "eex_eval_conformance_#{System.pid()}.eex")
File.write!(path, "<%= for {k, v} <- items do %><%= k %>=<%= v %>;<% end %>\n")
IO.inspect(EEx.eval_file(path, items: [a: 1, b: 2]))
IO.inspect(EEx.eval_file(path, [items: [c: 3]], trim: true))
{result, _} = Code.eval_quoted(EEx.compile_file(path), items: [])
IO.inspect(result)
{r, _} = Code.eval_quoted(EEx.compile_string("<%= a %>-<%= b %>"), a: 1, b: 2)
IO.inspect(r)
File.rm!(path)
defmodule Upcase do
  use EEx.Engine
  def handle_text(state, meta, text), do: EEx.Engine.handle_text(state, meta, String.upcase(text))
end
IO.inspect(EEx.eval_string("abc <%= \"def\" %> ghi", [], engine: Upcase))
try do
  EEx.eval_string("<%= {:a, 1} %>")
rescue
  e -> IO.inspect(e.__struct__)
end
