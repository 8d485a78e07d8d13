# @after_verify: hooks wait for the end of the compilation that defined the
# module (the file, Code.eval_string/eval_quoted/compile_string), then run
# with the module's name, the last module finished first; a module defined
# by a spawned process is verified at once. Bare modules are stored as
# {module, :__after_verify__}.
defmodule V do
  def __after_verify__(m), do: IO.puts("verify #{inspect(m)}")
  def other(m), do: IO.puts("other #{inspect(m)}")
  def __after_compile__(env, _), do: IO.puts("compile #{inspect(env.module)}")
end

defmodule A do
  @after_verify V
  @after_compile V
  IO.inspect({@after_verify, @after_compile})
  IO.puts("body A")
end

IO.puts("after A")

defmodule B do
  @after_verify {V, :other}

  defmodule C do
    @after_verify V
  end

  IO.puts("body B")
end

IO.puts("after B")

Code.eval_string("""
defmodule D do
  @after_verify V
end
IO.puts "in eval_string"
""")

IO.puts("after eval_string")

Code.eval_quoted(
  quote do
    defmodule Q do
      @after_verify V
    end

    IO.puts("in eval_quoted")
  end
)

Code.compile_string("""
defmodule S do
  @after_verify V
end
""")

IO.puts("after compile_string")

Code.eval_string("""
Code.eval_string("defmodule N1 do\\n @after_verify V\\n end\\nIO.puts :inner")
defmodule N2 do
  @after_verify V
end
IO.puts :outer
""")

task = Task.async(fn ->
  defmodule P do
    @after_verify V
  end

  IO.puts("in task")
end)

Task.await(task)

defmodule E do
  def f do
    defmodule F do
      @after_verify V
    end
  end
end

E.f()

try do
  Code.eval_string("""
  defmodule Raises do
    @after_verify V
  end
  raise "boom"
  """)
rescue
  e -> IO.puts("rescued #{Exception.message(e)}")
end

IO.puts("end of script")
