defmodule Tools do
  def a, do: :a
  def b, do: :b
  def b(x), do: {:b, x}
  def c, do: :c
  defmacro m(x), do: quote(do: {:m, unquote(x)})
  def sigil_t(s, _), do: {:t, s}
end

defmodule OnlyUser do
  import Tools, only: [a: 0, b: 1]
  def run, do: {a(), b(1)}
end

defmodule ExceptUser do
  import Tools, except: [a: 0]
  def run, do: {b(), b(2), c(), m(3)}
end

defmodule FunsOnly do
  import Tools, only: :functions
  def run, do: {a(), c()}
end

defmodule MacrosOnly do
  import Tools, only: :macros
  def run, do: m(:x)
end

defmodule SigilsOnly do
  import Tools, only: :sigils
  def run, do: ~t(abc)
end

defmodule ScopedImport do
  def run do
    r1 =
      (fn ->
         import Tools, only: [c: 0]
         c()
       end).()
    r2 = Tools.a()
    {r1, r2}
  end
end

defmodule ListImport do
  import List, only: [first: 1, last: 1]
  import String, only: [upcase: 1]
  def run, do: {first([1, 2]), last([1, 2]), upcase("x")}
end

IO.inspect(OnlyUser.run())
IO.inspect(ExceptUser.run())
IO.inspect(FunsOnly.run())
IO.inspect(MacrosOnly.run())
IO.inspect(SigilsOnly.run())
IO.inspect(ScopedImport.run())
IO.inspect(ListImport.run())
