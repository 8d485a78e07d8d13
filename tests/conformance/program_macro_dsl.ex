defmodule Assertions do
  defmacro check(expr) do
    code = Macro.to_string(expr)
    quote do
      result = unquote(expr)
      IO.puts("#{unquote(code)} => #{inspect(result)}")
      result
    end
  end

  defmacro unless_zero(n, do: block) do
    quote do
      if unquote(n) != 0, do: unquote(block), else: :zero
    end
  end
end

defmodule Router do
  defmacro __using__(_opts) do
    quote do
      import Router
      Module.register_attribute(__MODULE__, :routes, accumulate: true)
      @before_compile Router
    end
  end

  defmacro get(path, handler) do
    quote do
      @routes {unquote(path), unquote(handler)}
    end
  end

  defmacro __before_compile__(env) do
    routes = Module.get_attribute(env.module, :routes) |> Enum.reverse()
    quote do
      def routes, do: unquote(Macro.escape(routes))
      def dispatch(path) do
        case List.keyfind(routes(), path, 0) do
          {_, h} -> {:ok, h}
          nil -> {:error, :not_found}
        end
      end
    end
  end
end

defmodule App do
  use Router
  get "/", :index
  get "/about", :about
end

defmodule Demo do
  require Assertions
  import Assertions

  def run do
    check(1 + 2 * 3)
    check(Enum.map([1, 2], &(&1 * 2)))
    check(String.upcase("hi") <> "!")
    IO.inspect(unless_zero(5, do: :nonzero))
    IO.inspect(unless_zero(0, do: :nonzero))
    IO.inspect(App.routes())
    IO.inspect(App.dispatch("/about"))
    IO.inspect(App.dispatch("/missing"))
    ast = quote do: sum(1, 2 + x)
    IO.inspect(ast)
    IO.puts(Macro.to_string(ast))
    {val, binding} = Code.eval_string("a + b * 2", a: 1, b: 3)
    IO.inspect({val, binding})
    IO.inspect(Code.string_to_quoted!("foo(1, :bar)"))
    x = 10
    IO.inspect(binding())
    IO.inspect(__MODULE__)
    IO.inspect(__ENV__.function)
    IO.inspect(x)
  end
end

Demo.run()
