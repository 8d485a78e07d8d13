defprotocol Size do
  @doc "size"
  def size(data)
  def combine(a, b)
end
defimpl Size, for: BitString do
  def size(s), do: byte_size(s)
  def combine(a, b), do: a <> b
end
defimpl Size, for: [Map, Tuple] do
  def size(m) when is_map(m), do: map_size(m)
  def size(t), do: tuple_size(t)
  def combine(_, _), do: :nope
end
defmodule User do
  defstruct [:name]
  defimpl Size do
    def size(_), do: 1
    def combine(a, _), do: a
  end
end
IO.inspect Size.size("abc")
IO.inspect Size.size(%{a: 1})
IO.inspect Size.size({1,2})
defmodule M do def go do
IO.inspect Size.size(%User{})
IO.inspect Size.impl_for(%User{})
end end; M.go
IO.inspect Size.impl_for(1)
IO.inspect Size.__protocol__(:functions)
IO.inspect Size.__protocol__(:module)
IO.inspect Size.__protocol__(:consolidated?)
IO.inspect Size.User.__impl__(:for)
IO.inspect Size.User.__impl__(:protocol)
IO.inspect Size.Map.__impl__(:for)
IO.inspect Size.__info__(:functions)
IO.inspect Size.User.__info__(:functions)
try do
  Size.size(1)
rescue e -> IO.inspect e; IO.puts Exception.message(e)
end
try do
  Size.size(%ArgumentError{})
rescue e -> IO.puts Exception.message(e)
end
IO.inspect Protocol.assert_protocol!(Size)
IO.inspect Protocol.assert_impl!(Size, User)
IO.inspect Size.impl_for!(1)
