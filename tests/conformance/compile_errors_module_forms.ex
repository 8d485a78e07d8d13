# Compile errors of module forms and clauses, as Elixir words them, caught
# from Code.eval_string; a module whose body raised can be defined again.
codes = [
  "case nil do 0, z when not is_nil(z) -> z end",
  "cond do a, b -> 1 end",
  "receive do a, b -> 1 end",
  "try do 1 rescue a, b -> 1 end",
  "try do 1 catch a, b, c -> 1 end",
  "with x <- 1 do x else a, b -> 1 end",
  "case 1 do -> 1 end",
  "%{a: :b, a: :c} = %{a: :c}",
  "%{1 => 1, 1 => 2} = %{}",
  "%{\"k\" => 1, \"k\" => 2} = %{}",
  "foo = %{}\n%{put_in(foo.bar.baz, nil)}",
  "defmodule InDef do\n  defmodule Elixir.InDef, do: true\nend",
  "defmodule FunAlias do\n  def Bar do\n    :baz\n  end\nend",
  "defmodule DefRescue do\n  def foo do\n    bar()\n  rescue\n    baz()\n  end\nend",
  "defmodule S2 do\n def bar(x), do: x\n defoverridable bar: 1\n def bar(x), do: super()\nend",
  "defmodule S3 do\n def bar(x), do: x\n defoverridable bar: 1\n def bar(x), do: &super/0\nend",
  "defmodule S4 do\n defmacro m(x), do: x\n defoverridable m: 1\n defmacro m(x), do: super(x, 1)\nend"
]

for code <- codes do
  try do
    IO.inspect(Code.eval_string(code))
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end

IO.inspect(Code.eval_string("case 1 do x when x > 0 -> :pos; _ -> :other end"))
IO.inspect(Code.eval_string("try do throw(:t) catch :throw, x -> x end"))
IO.inspect(Code.eval_string("%{a: 1, b: 2} = %{a: 1, b: 2, c: 3}") |> elem(0))

defmodule Again do
  try do
    Code.eval_string("defmodule Inner do\n  raise \"body failed\"\nend")
  rescue
    e -> IO.puts("first: #{Exception.message(e)}")
  end
end

{{:module, mod, _, result}, _} = Code.eval_string("defmodule Inner do\n  :second_time\nend")
IO.inspect({mod, result})
