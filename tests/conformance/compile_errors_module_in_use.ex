# import/require of a module still being defined, and of one defined in the same context.
for s <- ["defmodule Sched.M do\n  defmodule Hygiene do\n    import Sched.M.Hygiene\n  end\nend", "defmodule Sched.N do\n  import Sched.N\nend", "defmodule Sched.O do\n  require Sched.O\n  Sched.O.foo()\nend", "defmodule Sched.P do\n  defmodule Q do\n  end\n  import Sched.P.Q\nend"] do
  try do
    Code.eval_string(s)
  rescue e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
