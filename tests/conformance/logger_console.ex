# Logger's console backend: standard output, its format and metadata, levels, lazy messages,
# flush, the events left at the end of the script. (Logger.info then IO.puts at once prints the
# IO.puts first in both, Logger writing asynchronously, but that depends on timing: not shown.)
require Logger

defmodule Shop do
  require Logger

  def checkout(cart) do
    Logger.info("checkout of #{length(cart)} items")
    Enum.sum(cart)
  end

  def warn_low(n), do: Logger.warn("low stock: #{n}")
end

Logger.configure_backend(:console, device: :user, format: "[$level] $message\n")
Logger.info("plain")
Process.sleep(20)
Logger.debug("debug")
Logger.warning("warning")
Logger.error(["iolist ", ?o, "k"])
Logger.info(fn -> "lazy" end)
Logger.info(fn -> {"lazy with metadata", [user: 1]} end)
Logger.info(%{report: 1})
Logger.info(key: :value)
Logger.log(:notice, "notice via log/2")
Logger.flush()
IO.puts("-- metadata")
Logger.configure_backend(:console, format: "$metadata[$level] $message\n", metadata: [:request_id, :user, :mfa, :line])
Logger.metadata(request_id: "abc")
Logger.info("with process metadata")
Logger.info("call metadata wins", request_id: "xyz", user: :alice)
Process.sleep(20)
IO.inspect(Shop.checkout([1, 2, 3]))
Process.sleep(20)
Shop.warn_low(2)
Logger.flush()
IO.puts("-- levels")
Logger.configure(level: :warning)
Logger.info(fn -> raise "never built" end)
Logger.warning("kept")
Logger.configure(level: :debug)
Logger.configure_backend(:console, level: :error, metadata: [])
Logger.warning("below the console level")
Logger.error("at the console level")
Logger.flush()
Logger.configure_backend(:console, level: nil, format: "$level|$levelpad|$node: $message\n")
Logger.info("fields")
Logger.error("fields")
Logger.flush()
IO.puts("-- backends")
IO.inspect(Logger.remove_backend(:console))
Logger.error("no console: not written")
IO.inspect(Logger.remove_backend(:console))
IO.inspect(Logger.add_backend(:console) |> elem(0))
Logger.error("console back")
IO.inspect(Logger.add_backend(:console))
IO.puts("-- ordering")
Logger.info("logged first")
Process.sleep(20)
IO.puts("printed after a pause")
Logger.error("left for the end of the script")
