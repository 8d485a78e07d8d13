defmodule A.B.C do
  def name, do: __MODULE__
  defmodule D do
    def name, do: __MODULE__
    def parent, do: A.B.C.name()
  end
end

defmodule Top do
  defmodule Mid do
    defmodule Low do
      def path, do: Module.split(__MODULE__)
    end
    def low, do: Low.path()
  end
  def mid_low, do: Mid.low()
  def direct, do: Mid.Low.path()
end

defmodule Elixir.Explicit do
  def x, do: :explicit
end

IO.inspect(A.B.C.name())
IO.inspect(A.B.C.D.name())
IO.inspect(A.B.C.D.parent())
IO.inspect(Top.mid_low())
IO.inspect(Top.direct())
IO.inspect(Explicit.x())
IO.inspect(Atom.to_string(A.B.C))
IO.inspect(:"Elixir.A.B.C".name())
mod = Module.concat(["A", "B", "C", "D"])
IO.inspect(mod.name())
IO.inspect(inspect(A.B.C))
IO.inspect(is_atom(A.B))
IO.inspect(Code.ensure_loaded?(A.B))
IO.inspect(__MODULE__)
