defmodule ExUnit.CaptureLog do
  @moduledoc """
  Captures what `Logger` logs while a function runs (from every process),
  instead of writing it out.
  """

  @doc "Runs `fun` and returns what was logged meanwhile (`level:` filters more)."
  def capture_log(options \\ [], fun) do
    {_result, log} = with_log(options, fun)
    log
  end

  @doc "Runs `fun`: `{result, log}`."
  def with_log(options \\ [], fun) when is_list(options) and is_function(fun, 0) do
    {:ok, device} = StringIO.open("")
    capture = {device, Keyword.get(options, :level, :all)}
    Logger.__capture__(fn captures, c -> captures ++ [c] end, capture)

    result =
      try do
        fun.()
      after
        Logger.__capture__(fn captures, c -> List.delete(captures, c) end, capture)
      end

    {:ok, {_input, output}} = StringIO.close(device)
    {result, output}
  end

  @doc false
  def init_proxy(_pid, _options, _parent), do: :ok
end
