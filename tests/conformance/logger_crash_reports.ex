# Crash reports of processes go through Logger once it is configured: captured, or silenced by level :none.
ExUnit.start(autorun: false)
import ExUnit.CaptureLog
log = capture_log(fn ->
  spawn(fn -> raise "boom in process" end)
  Process.sleep(50)
end)
IO.puts(log |> String.replace(~r/\d\d:\d\d:\d\d\.\d\d\d/, "TIME") |> String.replace(~r/#PID<[\d.]+>/, "PID") |> String.split("\n") |> Enum.take(3) |> Enum.join("\n"))
Logger.configure(level: :none)
spawn(fn -> raise "silent" end)
Process.sleep(50)
IO.puts("done")
