# Macro.expand/expand_once of Kernel's macros that are case expressions in Elixir.
env = __ENV__
show = fn ast -> IO.puts(Macro.to_string(ast)) end
show.(Macro.expand_once(quote(do: if(a, do: b)), env))
show.(Macro.expand_once(quote(do: if(a, do: b, else: c)), env))
show.(Macro.expand_once(quote(do: unless(a, do: b)), env))
show.(Macro.expand_once(quote(do: unless(a, do: b, else: c)), env))
show.(Macro.expand(quote(do: unless(a, do: b)), env))
show.(Macro.expand(quote(do: a || b), env))
show.(Macro.expand(quote(do: a && b), env))
show.(Macro.expand(quote(do: x |> f() |> g(1)), env))
show.(Macro.expand(quote(do: is_nil(x)), env))
show.(Macro.expand_once(quote(do: foo(1)), env))
show.(Macro.expand(quote(do: 1 + 2), env))
{:case, _, [cond, [do: clauses]]} = Macro.expand(quote(do: if(ok?, do: :yes)), env)
IO.inspect(cond)
IO.inspect(length(clauses))
IO.inspect(Enum.map(clauses, fn {:->, _, [_, body]} -> body end))
