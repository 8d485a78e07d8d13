defmodule ExUnit.TestModule do
  @moduledoc "A test module: its file, name, tests and state (a failure of its setup_all)."

  defstruct file: nil, name: nil, state: nil, tests: []
end
