# Logger: levels, metadata, module/process levels, ExUnit.CaptureLog (times masked).
ExUnit.start(autorun: false)
require Logger
import ExUnit.CaptureLog
s = capture_log(fn -> Logger.error("boom"); Logger.debug("dbg"); IO.puts("printed") end)
IO.inspect String.replace(s, ~r/\d\d:\d\d:\d\d\.\d\d\d/, "TIME")
s = capture_log([level: :error], fn -> Logger.error("boom2"); Logger.info("x") end)
IO.inspect String.replace(s, ~r/\d\d:\d\d:\d\d\.\d\d\d/, "TIME")
s = capture_log(fn -> Task.async(fn -> Logger.warning("from task") end) |> Task.await() end)
IO.inspect String.replace(s, ~r/\d\d:\d\d:\d\d\.\d\d\d/, "TIME")
{r, log} = with_log(fn -> Logger.info("w", user: 1); 42 end)
IO.inspect {r, String.replace(log, ~r/\d\d:\d\d:\d\d\.\d\d\d/, "TIME")}
IO.inspect capture_log(fn -> :ok end)
Logger.configure(level: :info)
IO.inspect capture_log(fn -> Logger.debug("not") end)
IO.inspect capture_log([level: :debug], fn -> Logger.debug("not2") end)
IO.inspect capture_log(fn -> Logger.info("meta", a: 1) end) =~ "[info] meta"
Logger.configure(level: :none)
IO.inspect capture_log(fn -> Logger.error("none") end)
IO.inspect Logger.level
Logger.configure(level: :all)
IO.inspect Logger.level
Logger.configure(level: :warn)
IO.inspect Logger.level
try do Logger.configure(level: :bogus) rescue e -> IO.inspect e end
IO.inspect Logger.compare_levels(:warn, :warning)
try do Logger.compare_levels(:x, :info) rescue e -> IO.inspect e end
IO.inspect Logger.metadata(a: 1, b: 2)
IO.inspect Logger.metadata(a: nil)
IO.inspect Logger.metadata
Logger.reset_metadata([c: 3])
IO.inspect Logger.metadata
IO.inspect Logger.put_module_level(Foo, :error)
IO.inspect Logger.get_module_level(Foo)
IO.inspect Logger.put_process_level(self(), :error)
IO.inspect Logger.get_process_level(self())
IO.inspect Logger.delete_process_level(self())
IO.inspect Logger.get_process_level(self())
IO.inspect Logger.enable(self())
IO.inspect Logger.disable(self())
IO.inspect Logger.enabled?(self())
IO.inspect Logger.flush()
