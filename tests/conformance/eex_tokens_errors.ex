IO.inspect(EEx.tokenize('a <%= x %>\n<% y %> <%# c %> <%% q %>', []))
IO.inspect(EEx.tokenize('a\n  <% x %>  \nb', trim: true))
IO.inspect(EEx.tokenize('<%!-- c --%>x<%= if a do %>y<% else %>z<% end %>', []))
IO.inspect(EEx.tokenize('<%/ x %><%| y %>', []))
IO.inspect(EEx.tokenize('<%= fn x -> %>a<% end %><%= foo(fn -> %>b<% end) %><% x -> %><% end) %>', []))
IO.inspect(EEx.tokenize('<%= x', []))
IO.inspect(EEx.tokenize("ab", []))
IO.inspect(EEx.tokenize('a\r\nb <%= x %>', []))
for src <- ["<%= if true do %>", "<% end %>", "<% else %>", "<%= x", "<%/ x %>", "<%| x %>", "a\n<%= if true do %>\nb", "x <%!-- open"] do
  try do
    IO.inspect(EEx.compile_string(src))
  rescue
    e -> IO.inspect(e)
  end
end
IO.inspect(EEx.compile_string("a %> b"))
try do
  EEx.compile_string("<%= 1 + %>")
rescue
  e -> IO.inspect({e.__struct__, e.line, e.column, e.description})
end
try do
  EEx.eval_string("<%= 1 + * 2 %>", [], file: "my.eex")
rescue
  e -> IO.puts(Exception.message(e))
end
IO.inspect(EEx.compile_string("<%= @a %>", engine: EEx.Engine))
