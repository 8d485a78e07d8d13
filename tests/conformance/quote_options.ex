defmodule QO do
  def bq(v) do
    quote bind_quoted: [v: v] do
      v * 2
    end
  end

  def uf do
    quote unquote: false do
      unquote(x) + 1
    end
  end

  def kept do
    quote location: :keep do
      hello()
    end
  end

  def lined do
    quote line: 42 do
      f(g(1))
    end
  end

  def ctx do
    quote context: Other, do: v
  end

  def gen do
    quote generated: true, do: f(x)
  end
end

IO.inspect(QO.bq(3))
IO.inspect(QO.bq({:a, :b, :c}))
IO.inspect(QO.bq(%{a: 1}))
IO.inspect(QO.uf())
{:hello, meta, []} = QO.kept()
{file, line} = Keyword.fetch!(meta, :keep)
IO.inspect({Path.basename(file), line})
IO.inspect(QO.lined())
IO.inspect(QO.ctx())
IO.inspect(QO.gen())
IO.inspect(quote(do: v))
{res, _} = Code.eval_quoted(QO.bq(21))
IO.inspect(res)
