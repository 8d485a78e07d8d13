defmodule Lib.Alpha do
  def id, do: :alpha
end

defmodule Scopes do
  def alias_in_if(flag) do
    r =
      if flag do
        alias Lib.Alpha, as: A
        A.id()
      else
        :no
      end

    {r, A}
  end

  def import_in_unless do
    r =
      unless false do
        import List, only: [first: 1]
        first([9, 8])
      end

    r
  end

  def cond_var(x) do
    if (y = x * 2) > 4 do
      {:big, y}
    else
      {:small, y}
    end
  end
end

IO.inspect(Scopes.alias_in_if(true))
IO.inspect(Scopes.alias_in_if(false))
IO.inspect(Scopes.import_in_unless())
IO.inspect({Scopes.cond_var(1), Scopes.cond_var(5)})
