# A callback without @impl is reported only for definitions of the
# contexts @impl was used in: code a `use` injects is not the module's.
ExUnit.start(autorun: false)

defmodule Beh do
  @callback injected() :: any
  @callback marked() :: any
  @callback written() :: any
end

defmodule Other do
  @callback other() :: any
end

defmodule Injector do
  defmacro __using__(_opts) do
    quote do
      @behaviour Beh
      def injected(), do: :from_quote
    end
  end
end

code = """
defmodule User do
  @behaviour Other
  use Injector

  @impl true
  def marked(), do: :marked
  def written(), do: :written

  defdelegate other(), to: __MODULE__, as: :helper
  def helper(), do: :ok
end
"""

message = ExUnit.CaptureIO.capture_io(:stderr, fn -> Code.eval_string(code) end)

for name <- ["injected/0", "marked/0", "written/0", "other/0"] do
  IO.puts("#{name} warned: #{message =~ "function #{name} callback"}")
end

IO.puts(User.injected())
IO.puts(User.written())
IO.puts(User.other())
