defmodule IO.Stream do
  @moduledoc """
  A device as a stream (`IO.stream/2`, `IO.binstream/2`): enumerating it reads
  `line_or_bytes` at a time (`raw` reads bytes); collecting into it writes.
  """
  defstruct [:device, :raw, :line_or_bytes]
end
