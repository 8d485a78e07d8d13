defmodule Date.Range do
  @moduledoc """
  The dates from `first` to `last` by `step` days, as `Date.range/2,3`
  make them (`Date.range(~D[2000-01-01], ~D[2000-01-31])`); an enumerable
  that never builds the list. The ends are also kept as ISO days
  (`first_in_iso_days`, `last_in_iso_days`), which the traversal counts in.
  """

  defstruct [:first, :last, :first_in_iso_days, :last_in_iso_days, :step]
end
