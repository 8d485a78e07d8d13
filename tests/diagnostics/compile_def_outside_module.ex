# compile error: `def` used outside of a module
def hello, do: :world
IO.inspect(hello())
