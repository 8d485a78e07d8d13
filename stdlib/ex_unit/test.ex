defmodule ExUnit.Test do
  @moduledoc "A test: its name, module, tags, state (nil when passed) and time in microseconds."

  defstruct name: nil, case: nil, module: nil, state: nil, time: 0, tags: %{}, logs: ""
end
