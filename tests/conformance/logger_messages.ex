# Logger's message forms (reports, iodata, functions) and bad levels, captured.
ExUnit.start(autorun: false)
require Logger
import ExUnit.CaptureLog
f = fn g -> capture_log(g) |> String.replace(~r/\d\d:\d\d:\d\d\.\d\d\d/, "TIME") |> IO.inspect end
f.(fn -> Logger.info(%{a: 1}) end)
f.(fn -> Logger.info([a: 1, b: "x"]) end)
f.(fn -> Logger.info('charlist') end)
f.(fn -> Logger.info(fn -> {"tuple", [m: 1]} end) end)
f.(fn -> Logger.info(fn -> ["io", "data"] end) end)
f.(fn -> Logger.bare_log(:error, "bare") end)
f.(fn -> Logger.log(:notice, "log3", x: 1) end)
f.(fn -> IO.inspect(Logger.info("ret")) end)
f.(fn -> Logger.info("multi\nline") end)
f.(fn -> Logger.info("unicode é") end)
f.(fn -> try do Logger.log(:bogus, "x") rescue e -> IO.inspect(e) end end)
