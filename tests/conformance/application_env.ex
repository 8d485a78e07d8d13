# Application: the environment, the applications a script has, use Application.
IO.inspect Application.get_env(:my_app, :key)
IO.inspect Application.get_env(:my_app, :key, :default)
IO.inspect Application.put_env(:my_app, :key, 42)
IO.inspect Application.get_env(:my_app, :key)
IO.inspect Application.fetch_env(:my_app, :key)
IO.inspect Application.fetch_env(:my_app, :nope)
IO.inspect Application.fetch_env!(:my_app, :key)
try do Application.fetch_env!(:my_app, :nope) rescue e -> IO.puts Exception.message(e) end
try do Application.fetch_env!(:other_app, :nope) rescue e -> IO.puts Exception.message(e) end
IO.inspect Application.get_all_env(:my_app)
IO.inspect Application.put_all_env(my_app: [a: 1, b: 2], other: [c: 3])
IO.inspect Application.get_all_env(:my_app) |> Enum.sort()
IO.inspect Application.delete_env(:my_app, :a)
IO.inspect Application.get_all_env(:my_app) |> Enum.sort()
IO.inspect Application.ensure_all_started(:logger)
IO.inspect Application.ensure_all_started(:crypto)
IO.inspect Application.ensure_started(:logger)
IO.inspect Application.ensure_all_started(:nope_app)
IO.inspect Application.start(:nope_app)
IO.inspect Application.load(:nope_app)
IO.inspect Application.spec(:elixir, :vsn)
IO.inspect Application.spec(:nope_app)
IO.inspect Application.get_application(Enum)
IO.inspect Application.get_application(Nope)
IO.inspect Application.started_applications() |> Enum.map(&elem(&1, 0)) |> Enum.sort()
IO.inspect Application.loaded_applications() |> Enum.map(&elem(&1, 0)) |> Enum.sort()
IO.inspect Application.stop(:nope_app)
IO.inspect Application.get_env(:elixir, :ansi_enabled)
IO.inspect Application.get_env(:logger, :level)
IO.inspect Application.format_error({:not_started, :x})
Application.put_env(:shop, :tax, rate: 0.2, region: "EU")
defmodule Shop do
  use Application
  @tax Application.compile_env(:shop, [:tax, :rate], 0.0)
  @region Application.compile_env(:shop, [:tax, :region])
  @missing Application.compile_env(:shop, :missing, :fallback)
  def start(_type, _args) do
    Supervisor.start_link([{Agent, fn -> @tax end}], strategy: :one_for_one, name: Shop.Sup)
  end
  def info, do: {@tax, @region, @missing}
end
{:ok, sup} = Shop.start(:normal, [])
IO.inspect(is_pid(sup))
IO.inspect(Shop.info())
IO.inspect(Shop.stop(:state))
IO.inspect(Application.behaviour_info(:optional_callbacks))
try do
  Application.compile_env!(__ENV__, :shop, :nope)
rescue
  e -> IO.puts(Exception.message(e))
end
