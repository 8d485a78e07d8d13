defmodule Supervisor.Default do
  @moduledoc false
  # The callback module of `Supervisor.start_link/2`: its argument is the
  # answer `Supervisor.init/2` made.
  def init(args), do: args
end
