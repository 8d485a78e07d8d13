defmodule Collect do
  defmacro __using__(_) do
    quote do
      Module.register_attribute(__MODULE__, :routes, accumulate: true)
      import Collect, only: [route: 2]
      @before_compile Collect
    end
  end

  defmacro route(path, handler) do
    quote do
      @routes {unquote(path), unquote(handler)}
    end
  end

  defmacro __before_compile__(env) do
    routes = Module.get_attribute(env.module, :routes) |> Enum.reverse()
    clauses =
      for {path, handler} <- routes do
        quote do
          def dispatch(unquote(path)), do: unquote(handler)
        end
      end

    quote do
      unquote_splicing(clauses)
      def dispatch(_), do: :not_found
      def routes, do: unquote(Macro.escape(routes))
      def compiled_module, do: unquote(env.module)
    end
  end
end

defmodule Router do
  use Collect
  route("/", :index)
  route("/about", :about)
  route("/users", :users)
end

IO.inspect(Router.dispatch("/"))
IO.inspect(Router.dispatch("/users"))
IO.inspect(Router.dispatch("/missing"))
IO.inspect(Router.routes())
IO.inspect(Router.compiled_module())
IO.inspect(Router.__info__(:functions))
