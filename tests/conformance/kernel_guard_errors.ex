# Guards that fail as a whole on an error or a non-boolean (even inside `or`), if/unless keys, @Upper.
defmodule K do
  def som(arg, name) when is_struct(arg, name) or is_map(arg), do: true
  def som(_, _), do: false
  def eom(arg, name) when is_exception(arg, name) or is_map(arg), do: true
  def eom(_, _), do: false
  def dot(m) when m.a == 1 or true, do: :yes
  def dot(_), do: :no
  def hd_or(x) when hd(x) == 1 or is_atom(x), do: :yes
  def hd_or(_), do: :no
  def notnot(x) when not (x > 1), do: :small
  def notnot(_), do: :other
  def alt(x) when is_atom(hd(x)) when is_list(x), do: :second
  def alt(_), do: :none
end

IO.inspect({K.som(%{}, "foo"), K.som(%{}, Macro.Env), K.som(%Macro.Env{}, Macro.Env), K.som(1, :x)})
IO.inspect({K.eom(%{}, "foo"), K.eom(%{}, RuntimeError), K.eom(%RuntimeError{}, RuntimeError)})
IO.inspect({K.dot(:x), K.dot(%{a: 1}), K.dot(%{a: 2}), K.dot(%{})})
IO.inspect({K.hd_or(:x), K.hd_or([1]), K.hd_or([2]), K.hd_or([])})
IO.inspect({K.notnot(0), K.notnot(2), K.notnot(:a)})
IO.inspect({K.alt([1]), K.alt([:a]), K.alt(:x)})
for code <- ["if true, foo: 7", "if true, do: 6, boo: 7", "if true, do: 7, do: 6", "unless true, do: 8, else: 7, else: 6",
             "if true, else: 6", "if true, 1", "unless false, do: :ok", "if false, do: 1, else: 2"] do
  try do
    IO.inspect(Code.eval_string(code))
  rescue
    e -> IO.inspect(e)
  end
end
try do
  Code.eval_string("defmodule UpcaseAttr do\n  @Upper\nend")
rescue
  e -> IO.inspect(e)
end
