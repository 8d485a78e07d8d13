defmodule Calendar.UTCOnlyTimeZoneDatabase do
  @moduledoc """
  The default time zone database: it knows only "Etc/UTC"; any other zone
  gives `{:error, :utc_only_time_zone_database}`.
  """

  @utc %{std_offset: 0, utc_offset: 0, zone_abbr: "UTC"}

  @doc "The period of `time_zone` at `iso_days` (UTC): only Etc/UTC has one."
  def time_zone_period_from_utc_iso_days(_iso_days, "Etc/UTC"), do: {:ok, @utc}
  def time_zone_period_from_utc_iso_days(_iso_days, _time_zone), do: {:error, :utc_only_time_zone_database}

  @doc "The periods of `time_zone` at a wall-clock time: only Etc/UTC has one."
  def time_zone_periods_from_wall_datetime(_naive_datetime, "Etc/UTC"), do: {:ok, @utc}
  def time_zone_periods_from_wall_datetime(_naive_datetime, _time_zone), do: {:error, :utc_only_time_zone_database}
end
