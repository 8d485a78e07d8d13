# What quote records about imports (variables named as imports, `&name/arity`)
# and how a macro's captured import survives the caller's `import ... except:`;
# Macro.expand_once/2 of run-time aliases, `in []` in patterns, `@attr`.
defmodule Helpers do
  defmacro int32 do
    quote do: 32
  end
end

defmodule Lengths do
  defmacro with_function do
    quote do: (&length/1).('hello')
  end

  defmacro with_partial do
    quote do: (&length(&1)).('hello')
  end

  defmacro plain do
    quote do: length('hello')
  end
end

defmodule Demo do
  import Helpers
  require Lengths

  def run do
    IO.inspect(quote(do: int32))
    IO.inspect(quote(do: length))
    IO.inspect(quote(do: x))
    IO.inspect(quote(do: &length/1))
    IO.inspect(quote(do: &is_atom/1))
    IO.inspect(quote(do: &length(&1)))
    IO.inspect(quote(do: &Kernel.length/1))
    IO.inspect(quote(do: self))
    import Kernel, except: [length: 1]
    import String, only: [length: 1], warn: false
    IO.inspect({Lengths.with_function(), Lengths.with_partial(), Lengths.plain(), length("héllo")})
  end

  def expand do
    IO.inspect(Macro.expand_once(quote(do: Foo.bar().Baz), __ENV__))
    IO.inspect(Macro.expand_once(quote(do: x in []), Macro.Env.to_match(__ENV__)))
    IO.inspect(Macro.expand_once(quote(do: Elixir.Foo.Baz), __ENV__))
    IO.inspect(Macro.expand_once(quote(do: __MODULE__.Foo), __ENV__))
    env = %{__ENV__ | line: 0}
    IO.inspect(Macro.expand_once(quote(do: __ENV__), env) == {:%{}, [], Map.to_list(env)})
    IO.inspect(Macro.expand_once(quote(do: __ENV__.file), env) == env.file)
    IO.inspect(Macro.expand_once(quote(do: __ENV__.unknown), env))

    try do
      Macro.expand_once(quote(do: @foo), __ENV__)
    rescue
      e -> IO.puts(Exception.message(e))
    end
  end
end

Demo.run()
Demo.expand()
