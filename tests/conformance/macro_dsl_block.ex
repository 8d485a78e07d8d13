defmodule Pipeline do
  defmacro pipeline(name, do: block) do
    steps =
      case block do
        {:__block__, _, exprs} -> exprs
        single -> [single]
      end

    fns =
      Enum.map(steps, fn {:step, _, [f]} -> f end)

    quote do
      def unquote(name)(input) do
        Enum.reduce(unquote(fns), input, fn f, acc -> f.(acc) end)
      end
    end
  end

  defmacro assert_eq(a, b) do
    src = Macro.to_string(a)
    quote do
      left = unquote(a)
      right = unquote(b)
      if left == right do
        IO.puts("ok: " <> unquote(src))
      else
        IO.puts("fail: #{unquote(src)} -> #{inspect(left)} != #{inspect(right)}")
      end
    end
  end

  defmacro repeat(n, do: body) do
    quote do
      Enum.map(1..unquote(n), fn var!(i) -> unquote(body) end)
    end
  end
end

defmodule Flow do
  import Pipeline

  pipeline :process do
    step(fn x -> x + 1 end)
    step(&(&1 * 10))
    step(fn x -> {:done, x} end)
  end

  pipeline :single do
    step(&to_string/1)
  end

  def checks do
    assert_eq(1 + 1, 2)
    assert_eq(String.length("abc"), 4)
    repeat 3 do
      i * i
    end
  end
end

IO.inspect(Flow.process(4))
IO.inspect(Flow.single(7))
IO.inspect(Flow.checks())
