defmodule Job do
  def step(n) do
    IO.puts("step #{n}")
    if n == 3, do: raise("step 3 failed"), else: :ok
  end
end

IO.puts("starting")
Enum.each(1..5, &Job.step/1)
IO.puts("never printed")
