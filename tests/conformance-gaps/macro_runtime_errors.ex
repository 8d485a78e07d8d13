defmodule Boom do
  defmacro safe_div(a, b) do
    quote do
      unquote(a) / unquote(b)
    end
  end

  defmacro must_match(pattern, value) do
    quote do
      unquote(pattern) = unquote(value)
    end
  end

  defmacro fetch(map, key) do
    quote do: Map.fetch!(unquote(map), unquote(key))
  end

  defmacro raising(msg) do
    quote do: raise(ArgumentError, unquote(msg))
  end

  defmacro call_fun(f, arg) do
    quote do: unquote(f).(unquote(arg))
  end

  defmacro generated_case(v) do
    quote do
      case unquote(v) do
        :a -> 1
        :b -> 2
      end
    end
  end
end

defmodule BoomUser do
  require Boom

  def attempt(label, f) do
    try do
      IO.inspect(f.(), label: label)
    rescue
      e -> IO.puts("#{label}: #{inspect(e)}")
    end
  end

  def run do
    zero = 0
    attempt("div", fn -> Boom.safe_div(1, zero) end)
    attempt("match", fn -> Boom.must_match({:ok, _}, {:error, :x}) end)
    attempt("fetch", fn -> Boom.fetch(%{a: 1}, :b) end)
    attempt("raise", fn -> Boom.raising("bad thing") end)
    nf = :not_fun
    attempt("badfun", fn -> Boom.call_fun(nf, 1) end)
    attempt("case", fn -> Boom.generated_case(:c) end)
    attempt("ok", fn -> Boom.generated_case(:b) end)
    attempt("arity", fn -> Boom.call_fun(fn a, b -> a + b end, 1) end)
  end
end

BoomUser.run()
