# __CALLER__.context_modules and __ENV__.context_modules list the modules
# being defined around the code, innermost first, after the ones defined
# earlier in the file.
defmodule CmMacros do
  defmacro ctx, do: Macro.escape(__CALLER__.context_modules)
end

defmodule CmOuter do
  require CmMacros
  IO.inspect(CmMacros.ctx())

  defmodule Inner do
    require CmMacros
    IO.inspect(CmMacros.ctx())
    IO.inspect(__ENV__.context_modules)
    def f, do: CmMacros.ctx()
  end
end

IO.inspect(CmOuter.Inner.f())
IO.inspect(__ENV__.context_modules)
