# System: argv, environment, version info, paths, cmd.
IO.inspect(System.argv())
IO.inspect(System.argv(["--flag", "value"]))
IO.inspect(System.argv())
IO.inspect(System.version())
IO.inspect(System.endianness() in [:little, :big])
IO.inspect(System.compiled_endianness())
IO.inspect(is_integer(System.schedulers_online()))
IO.inspect(is_binary(System.otp_release()))
IO.inspect(System.build_info() |> Map.keys())
IO.inspect(System.put_env("BEAMLET_MISC_TEST", "one"))
IO.inspect(System.get_env("BEAMLET_MISC_TEST"))
IO.inspect(System.fetch_env("BEAMLET_MISC_TEST"))
IO.inspect(System.put_env(%{"BEAMLET_MISC_TEST" => "two", "BEAMLET_MISC_OTHER" => "x"}))
IO.inspect({System.get_env("BEAMLET_MISC_TEST"), System.get_env("BEAMLET_MISC_OTHER")})
IO.inspect(System.delete_env("BEAMLET_MISC_TEST"))
IO.inspect(System.get_env("BEAMLET_MISC_TEST", "default"))
IO.inspect(System.fetch_env("BEAMLET_MISC_TEST"))
IO.inspect(Map.has_key?(System.get_env(), "BEAMLET_MISC_OTHER"))

try do
  System.fetch_env!("BEAMLET_MISC_TEST")
rescue
  e -> IO.puts(Exception.message(e))
end

IO.inspect(is_binary(System.cwd()) and System.cwd() == File.cwd!())
IO.inspect(is_binary(System.tmp_dir()))
IO.inspect(is_binary(System.pid()))
IO.inspect(System.find_executable("sh") != nil)
IO.inspect(System.find_executable("no_such_program_zz"))
IO.inspect(System.cmd("echo", ["hi", "there"]))
IO.inspect(System.cmd("sh", ["-c", "echo out; echo err >&2; exit 3"], stderr_to_stdout: true))
IO.inspect(System.cmd("pwd", [], cd: "/"))
IO.inspect(System.cmd("sh", ["-c", "echo $BEAMLET_MISC_X"], env: [{"BEAMLET_MISC_X", "set"}]))
IO.inspect(System.cmd("printf", ["a\\nb\\n"], into: []))
IO.inspect(System.shell("echo shell; exit 2"))

for f <- [
      fn -> System.cmd("no_such_program_zz", []) end,
      fn -> System.cmd("echo", ["a", 1]) end,
      fn -> System.cmd("echo", [], foo: 1) end,
      fn -> System.cmd("echo\0", []) end
    ] do
  try do
    f.()
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
