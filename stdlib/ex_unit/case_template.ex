defmodule ExUnit.CaseTemplate do
  @moduledoc """
  A module other test modules `use` in place of `ExUnit.Case`: its `setup` and
  `setup_all` callbacks run before the using module's own, and the code of its
  `using/2` block is injected into each module that uses it.

      defmodule MyCase do
        use ExUnit.CaseTemplate

        using do
          quote do
            import MyHelpers
          end
        end

        setup do
          {:ok, db: :started}
        end
      end

      defmodule MyTest do
        use MyCase, async: true
        ...
      end

  The options given to `use MyCase` go to `use ExUnit.Case` (`async:`), and to
  the `using` block.
  """

  defmacro __using__(_) do
    quote do
      use ExUnit.Callbacks
      import ExUnit.Assertions
      import ExUnit.CaseTemplate, only: [using: 1, using: 2]
      @before_compile ExUnit.CaseTemplate

      defmacro __using__(opts) do
        ExUnit.CaseTemplate.__proxy__(__MODULE__, opts)
      end

      defoverridable __using__: 1
    end
  end

  @doc false
  # The template's callbacks, chained as a test module's are: `__ex_unit__/2`.
  defmacro __before_compile__(env) do
    ExUnit.Callbacks.__callbacks__(env.module)
  end

  @doc false
  # What `use Template, opts` starts with: `use ExUnit.Case, opts` and the
  # template's callbacks registered first in the using module.
  def __proxy__(module, opts) do
    quote do
      use ExUnit.Case, unquote(opts)

      setup_all context do
        unquote(module).__ex_unit__(:setup_all, context)
      end

      setup context do
        unquote(module).__ex_unit__(:setup, context)
      end
    end
  end

  @doc """
  The code to inject into each module that uses the template; `var` is
  matched against the options given to `use`.
  """
  defmacro using(var \\ quote(do: _), do: block) do
    quote do
      defmacro __using__(unquote(var) = opts) do
        parent = ExUnit.CaseTemplate.__proxy__(__MODULE__, opts)
        result = unquote(block)
        {:__block__, [], [parent, result]}
      end
    end
  end
end
