# Code.eval_quoted_with_env/3 and Code.env_for_eval/1: what the shell keeps
# between inputs (aliases, imports, requires, variables).
env = Code.env_for_eval(file: "iex", line: 3)
IO.inspect({env.file, env.line, env.module, env.function})
IO.inspect(env.requires)

step = fn code, binding, env ->
  {value, binding, env} = Code.eval_quoted_with_env(Code.string_to_quoted!(code), binding, env)
  IO.inspect({value, binding})
  {binding, env}
end

{b, env} = step.("alias String, as: S", [], env)
IO.inspect(env.aliases)
{b, env} = step.("x = S.upcase(\"shell\")", b, env)
{b, env} = step.("import Enum, only: [map: 2]", b, env)
IO.inspect(Keyword.get(env.functions, Enum))
{b, env} = step.("y = map([1, 2, 3], &(&1 * 10))", b, env)
{b, env} = step.("{x, y, length(y)}", b, env)
{b, env} = step.("require Integer", b, env)
IO.inspect(Integer in env.requires)
{b, _env} = step.("x <> \"!\"", b, env)
IO.inspect(b)

# The bindings in, the bindings out.
{value, binding, _} = Code.eval_quoted_with_env(Code.string_to_quoted!("a + 1"), [a: 41], Code.env_for_eval([]))
IO.inspect({value, binding})
env2 = Code.env_for_eval(env)
IO.inspect({env2.file, Keyword.get(env2.aliases, S)})

try do
  Code.eval_quoted_with_env(Code.string_to_quoted!("undefined_thing + 1"), [], Code.env_for_eval([]))
rescue
  e -> IO.puts(inspect(e.__struct__))
end
