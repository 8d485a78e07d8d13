# Process functions written in the language; the rest are built-ins (vm/src/bif/process.rs).
defmodule Process do
  # Suspends the calling process (never its scheduler thread) for `ms`
  # milliseconds, or forever with :infinity. `:timer.sleep/1` compiles to this.
  def sleep(ms) do
    receive do
    after
      ms -> :ok
    end
  end
end
