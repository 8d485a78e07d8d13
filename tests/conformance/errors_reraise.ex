defmodule Wrap do
  def attempt(f) do
    try do
      f.()
    rescue
      e ->
        IO.puts("logging: #{Exception.message(e)}")
        reraise e, __STACKTRACE__
    end
  end
end

r =
  try do
    Wrap.attempt(fn -> raise "first" end)
  rescue
    e -> {:outer, Exception.message(e)}
  end
IO.inspect(r)

r2 =
  try do
    try do
      raise ArgumentError
    rescue
      e in ArgumentError -> raise e
    end
  rescue
    e -> {:again, Exception.message(e)}
  end
IO.inspect(r2)

r3 =
  try do
    raise %RuntimeError{message: "struct raise"}
  rescue
    e -> e.message
  end
IO.inspect(r3)

e = RuntimeError.exception("built by hand")
IO.inspect(e)
IO.puts(Exception.message(e))
IO.inspect(is_exception(e))
IO.inspect(is_exception(:nope))
IO.inspect(ArgumentError.exception("x").message)
