ExUnit.start(autorun: false)
code = """
defmodule B do
  @callback foo() :: any
  @callback baz(any) :: any
  @macrocallback mac(any) :: any
end
defmodule C do
  @callback other() :: any
end
defmodule M1 do
  @behaviour B
  @impl true
  def foo(), do: 1
  def baz(x), do: x
  @impl true
  def nope(x), do: x
  @impl B
  def nope2(), do: 1
  @impl C
  def foo3(), do: 1
  @impl false
  def foo(_x), do: 1
  @impl true
  defp priv(), do: 1
  def usepriv, do: priv()
  defmacro mac(x), do: x
  @impl true
end
defmodule M2 do
  @impl true
  def foo(), do: 1
  @impl false
  def bar(), do: 1
end
defmodule M3 do
  @behaviour B
  @impl false
  def foo(), do: 1
  @impl :abc
  def bar, do: 1
end
defmodule M4 do
  @behaviour :abc
  @impl :abc
  def bar, do: 1
end
"""
out = ExUnit.CaptureIO.capture_io(:stderr, fn -> Code.eval_string(code) end)
IO.puts(out)
try do
  defmodule M5 do
    @behaviour B
    @impl nil
    def foo(), do: 1
  end
rescue e -> IO.inspect e
end
