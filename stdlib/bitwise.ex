defmodule Bitwise do
  @moduledoc "Bitwise operations on integers, as functions and operators (allowed in guards)."

  @doc false
  defmacro __using__(options) do
    except =
      cond do
        Keyword.get(options, :only_operators) ->
          [bnot: 1, band: 2, bor: 2, bxor: 2, bsl: 2, bsr: 2]

        Keyword.get(options, :skip_operators) ->
          ["~~~": 1, &&&: 2, |||: 2, "^^^": 2, <<<: 2, >>>: 2]

        true ->
          []
      end

    quote do
      import Bitwise, except: unquote(except)
    end
  end

  # Every function here is also rewritten to its :erlang BIF where it is
  # called by name (see compiler/src/expand/dispatch.rs), so each works in
  # guards; these bodies serve captures and apply.
  def bnot(expr), do: :erlang.bnot(expr)
  def ~~~expr, do: :erlang.bnot(expr)
  def band(left, right), do: :erlang.band(left, right)
  def left &&& right, do: :erlang.band(left, right)
  def bor(left, right), do: :erlang.bor(left, right)
  def left ||| right, do: :erlang.bor(left, right)
  def bxor(left, right), do: :erlang.bxor(left, right)
  def left ^^^ right, do: :erlang.bxor(left, right)
  def bsl(left, right), do: :erlang.bsl(left, right)
  def left <<< right, do: :erlang.bsl(left, right)
  def bsr(left, right), do: :erlang.bsr(left, right)
  def left >>> right, do: :erlang.bsr(left, right)
end
