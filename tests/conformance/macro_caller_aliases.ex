defmodule M do
  defmacro show, do: (IO.inspect(__CALLER__.aliases); :ok)
end
defmodule U do
  require M
  alias Foo.Bar
  alias Baz.Qux, as: Q
  alias Zed.Ab
  def f, do: M.show()
  alias Other.Bar
  def g, do: M.show()
  alias Zed.Q, as: Q2
  alias Q, as: Q
  def h, do: M.show()
  alias String.Chars
  alias Elixir.Q
  def i, do: M.show()
end
defmodule V do
  alias A.B
  require M
  def f do
    alias C.D
    M.show()
  end
end
