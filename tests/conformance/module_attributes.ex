defmodule Settings do
  @limit 10
  @greeting "hi"
  @primes [2, 3, 5, 7]
  @pair {:ok, 1.5}
  @flags %{debug: false, level: 3}

  def limit, do: @limit
  def over?(n), do: n > @limit
  def greet(name), do: "#{@greeting} #{name}"
  def primes, do: @primes
  def pair, do: @pair
  def flags, do: @flags

  @limit 20
  def new_limit, do: @limit
  def clamp(n) when n > @limit, do: @limit
  def clamp(n), do: n
end

IO.puts(Settings.limit())
IO.inspect(Settings.over?(11))
IO.inspect(Settings.over?(10))
IO.puts(Settings.greet("bob"))
IO.inspect(Settings.primes())
IO.inspect(Settings.pair())
IO.inspect(Settings.flags())
IO.puts(Settings.new_limit())
IO.puts(Settings.clamp(25))
IO.puts(Settings.clamp(15))
