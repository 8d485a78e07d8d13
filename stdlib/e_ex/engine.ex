# EEx's default engine: text is kept as binary parts, `<%= expr %>`
# becomes `String.Chars.to_string(expr)` bound to a variable and put in
# the final binary, `<% expr %>` runs for its effects. `use EEx.Engine`
# gives a module these callbacks, overridable.
defmodule EEx.Engine do
  @moduledoc false

  @callback init(opts :: keyword) :: term
  @callback handle_body(state :: term) :: Macro.t()
  @callback handle_text(state :: term, meta :: keyword, text :: String.t()) :: term
  @callback handle_expr(state :: term, marker :: String.t(), expr :: Macro.t()) :: term
  @callback handle_begin(state :: term) :: term
  @callback handle_end(state :: term) :: Macro.t()

  defmacro __using__(_) do
    quote do
      @behaviour EEx.Engine

      def init(opts), do: EEx.Engine.init(opts)
      def handle_body(state), do: EEx.Engine.handle_body(state)
      def handle_begin(state), do: EEx.Engine.handle_begin(state)
      def handle_end(quoted), do: EEx.Engine.handle_end(quoted)
      def handle_text(state, meta, text), do: EEx.Engine.handle_text(state, meta, text)
      def handle_expr(state, marker, expr), do: EEx.Engine.handle_expr(state, marker, expr)

      defoverridable EEx.Engine
    end
  end

  @doc "Turns `@name` into a lookup of `name` in the `assigns` variable; other nodes are returned as they are."
  def handle_assign({:@, meta, [{name, _, atom}]}) when is_atom(name) and is_atom(atom) do
    line = meta[:line] || 0
    quote(line: line, do: EEx.Engine.fetch_assign!(var!(assigns), unquote(name)))
  end

  def handle_assign(arg), do: arg

  @doc "The value of `key` in `assigns`, or `nil` with a warning when it is missing."
  def fetch_assign!(assigns, key) do
    case Access.fetch(assigns, key) do
      {:ok, val} ->
        val

      :error ->
        keys = Enum.map(assigns, &elem(&1, 0))

        IO.warn(
          "assign @#{key} not available in EEx template. " <>
            "Please ensure all assigns are given as options. " <>
            "Available assigns: #{inspect(keys)}"
        )

        nil
    end
  end

  @doc "The initial state."
  def init(_opts), do: %{binary: [], dynamic: [], vars_count: 0}

  @doc "The state of a nested block."
  def handle_begin(state), do: %{state | binary: [], dynamic: []}

  @doc "The code of a nested block."
  def handle_end(quoted), do: handle_body(quoted)

  @doc "The code of the whole template."
  def handle_body(state) do
    %{binary: binary, dynamic: dynamic} = state
    binary = {:<<>>, [], Enum.reverse(binary)}
    dynamic = [binary | dynamic]
    {:__block__, [], Enum.reverse(dynamic)}
  end

  @doc "Adds text."
  def handle_text(state, _meta, text) do
    %{binary: binary} = state
    %{state | binary: [text | binary]}
  end

  @doc "Adds an expression: `\"=\"` (output) or `\"\"` (run only)."
  def handle_expr(state, "=", ast) do
    %{binary: binary, dynamic: dynamic, vars_count: vars_count} = state
    var = Macro.var(:"arg#{vars_count}", __MODULE__)

    ast =
      quote do
        unquote(var) = String.Chars.to_string(unquote(ast))
      end

    segment =
      quote do
        unquote(var) :: binary
      end

    %{state | dynamic: [ast | dynamic], binary: [segment | binary], vars_count: vars_count + 1}
  end

  def handle_expr(state, "", ast) do
    %{dynamic: dynamic} = state
    %{state | dynamic: [ast | dynamic]}
  end

  def handle_expr(_state, marker, _ast) when marker in ["/", "|"] do
    raise EEx.SyntaxError,
          "unsupported EEx syntax <%#{marker} %> (the syntax is valid but not supported by the current EEx engine)"
  end
end
