# @on_definition's env has no versioned_vars: the module body's variables
# (bound before or between the definitions, used by unquote fragments) are
# not the definition's; __ENV__ in the body and a macro's __CALLER__ there
# still see them.
defmodule VarsHook do
  def __on_definition__(env, _kind, name, _args, _guards, _body) do
    IO.inspect({name, env.versioned_vars, env.function})
  end

  defmacro caller_vars, do: Macro.escape(Map.keys(__CALLER__.versioned_vars))
end

defmodule VarsWatched do
  require VarsHook
  @on_definition VarsHook
  a = 1
  def f, do: 1
  b = 2
  def g, do: unquote(a + b)
  IO.inspect(Map.keys(__ENV__.versioned_vars))
  IO.inspect(VarsHook.caller_vars())
  c = 3
  def h, do: unquote(c)
  IO.inspect(VarsHook.caller_vars())
end

IO.inspect({VarsWatched.f(), VarsWatched.g(), VarsWatched.h()})
