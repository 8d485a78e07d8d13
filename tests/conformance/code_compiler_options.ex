# Code's compiler options: defaults, setting (previous values back), errors.
IO.inspect(Code.compiler_options())
IO.inspect(Code.available_compiler_options())
IO.inspect(Code.compiler_options(ignore_module_conflict: true))
IO.inspect(Code.compiler_options(ignore_module_conflict: false, docs: true))
IO.inspect(Code.get_compiler_option(:docs))
IO.inspect(Code.put_compiler_option(:docs, false))
IO.inspect(Code.get_compiler_option(:docs))
IO.inspect(Code.put_compiler_option(:no_warn_undefined, :all))
IO.inspect(Code.put_compiler_option(:tracers, [Foo]))
IO.inspect(Code.compiler_options(%{tracers: []}))
IO.inspect(Code.compiler_options(warnings_as_errors: true))
IO.inspect(Code.get_compiler_option(:warnings_as_errors))
Code.compiler_options(warnings_as_errors: false)

for {key, value} <- [foo: 1, docs: 1, no_warn_undefined: 1, tracers: 1, parser_options: 1, relative_paths: nil] do
  try do
    Code.put_compiler_option(key, value)
  rescue
    e -> IO.inspect(e)
  end
end

for f <- [fn -> Code.get_compiler_option(:foo) end, fn -> Code.compiler_options(foo: 1) end] do
  try do
    f.()
  rescue
    e in FunctionClauseError -> IO.inspect({e.module, e.function, e.arity})
  end
end

IO.inspect(Code.compiler_options())
