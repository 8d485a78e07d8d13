# The engine `EEx.eval_string/3` and friends use by default: EEx.Engine,
# with `@name` read from the `assigns` binding.
defmodule EEx.SmartEngine do
  @moduledoc false
  use EEx.Engine

  @doc "Adds an expression, its `@name`s read from `assigns`."
  def handle_expr(state, marker, expr) do
    expr = Macro.prewalk(expr, &EEx.Engine.handle_assign/1)
    EEx.Engine.handle_expr(state, marker, expr)
  end
end
