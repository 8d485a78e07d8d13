# Compile-time errors Kernel's macros raise as ArgumentError or CompileError (remote calls in guards too):
# defdelegate's checks, @attr = value, use with a non-module, @attr with a
# do-block, invalid module names; Code.eval_string with __ENV__ sees only
# the variables its binding gives.
try do
  defmodule ImplAttributes do
    defdelegate foo(), to: __MODULE__
  end
rescue e -> IO.inspect e
end
try do Code.eval_string("defmodule MA do\n @foo = 42\n end") rescue e -> IO.inspect(e) end
try do Code.eval_string("use 42") rescue e -> IO.inspect(e) end
try do Code.eval_string("use variable") rescue e -> IO.inspect(e) end
try do Code.eval_string("defmodule UAS do\n @foo quote do\n :ok\n end\n end") rescue e -> IO.inspect(e) end
for n <- [nil, true, :"foo/bar", :"a\\b"] do try do Code.eval_string("defmodule #{inspect n}, do: :ok") rescue e -> IO.inspect(e) end end
try do Code.eval_string("defmodule IntDelegateWithGuards do\n defdelegate foo(term) when is_list(term) or is_binary(term), to: List\n end") rescue e -> IO.inspect(e) end
try do Code.eval_string("defmodule IntOptionDelegate do\n defdelegate foo(1 \\\\ 1), to: List\n end") rescue e -> IO.inspect(e) end
f = fn ->
  hidden = 1
  Code.eval_string("binding()", [x: 2], __ENV__)
end
IO.inspect(f.())
IO.inspect(Code.eval_string("x + 1", [x: 2], __ENV__))
try do
  defmodule GuardDot do
    def map_dot(map) when map.field(), do: true
  end
rescue e -> IO.puts(e.description)
end
try do
  defmodule GuardDot2 do
    def map_dot(map) when Module.fun(), do: true
  end
rescue e -> IO.puts(e.description)
end
try do
  defmodule GuardDot3 do
    def map_dot(map) when :erlang.is_map(map) and :lists.member(1, map), do: true
  end
rescue e -> IO.puts(e.description)
end
