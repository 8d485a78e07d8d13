# System: the clock, the environment, the OS, and ending the program. Over
# the built-ins of vm/src/bif/system.rs (`:erlang` time functions, `:os`).
defmodule System do
  @moduledoc "System and VM information, the clock, environment variables, and stopping the program."

  # The process that keeps the at_exit hooks (see at_exit/1).
  @at_exit_holder :beamlet_at_exit

  @doc "Elixir's version."
  def version, do: "1.14.0"

  @doc "The command-line arguments of the script (`beamlet run f.exs a b` gives `[\"a\", \"b\"]`)."
  def argv, do: System.argv()

  @doc "Replaces the command-line arguments `argv/0` returns."
  def argv(args) when is_list(args) do
    if Enum.all?(args, &is_binary/1) do
      :beamlet.set_argv(args)
    else
      raise ArgumentError, "System.argv/1 expects a list of strings, got: #{inspect(args)}"
    end
  end

  @doc "Whether the VM stays up when the script ends (it never does here)."
  def no_halt, do: false

  @doc false
  def no_halt(boolean) when is_boolean(boolean), do: :ok

  @doc "Deprecated: use `pid/0`."
  def get_pid, do: pid()

  @doc "Deprecated: the current stacktrace."
  def stacktrace do
    {:current_stacktrace, trace} = Process.info(self(), :current_stacktrace)
    Enum.drop(trace, 1)
  end

  @doc """
  Runs `command` with `args` and waits for it: `{output, exit_status}`.
  Options: `:into` (a collectable for the output, `""` by default), `:cd`,
  `:env` (`[{name, value | nil}]`), `:arg0`, `:stderr_to_stdout`,
  `:parallelism` (ignored: the output is collected at the end).
  """
  def cmd(command, args, opts \\ []) when is_binary(command) and is_list(args) do
    assert_no_null_byte!(command, "System.cmd/3")

    if not Enum.all?(args, &is_binary/1) do
      raise ArgumentError, "all arguments for System.cmd/3 must be binaries"
    end

    path =
      if String.contains?(command, "/") do
        command
      else
        find_executable(command) || :erlang.error(:enoent)
      end

    {into, port_opts} = cmd_opts(opts, [], "")
    do_cmd(path, args, Enum.reverse(port_opts), into)
  end

  @doc "Runs `command` with the shell (`sh -c`): `{output, exit_status}`; options as `cmd/3`."
  def shell(command, opts \\ []) when is_binary(command) do
    assert_no_null_byte!(command, "System.shell/2")
    {arg0, opts} = Keyword.pop(opts, :arg0, "sh")
    {into, port_opts} = cmd_opts(opts, [], "")
    do_cmd("/bin/sh", ["-c", command], [{:arg0, arg0} | Enum.reverse(port_opts)], into)
  end

  defp do_cmd(path, args, port_opts, into) do
    case :beamlet.cmd(path, args, port_opts) do
      {:ok, output, status} ->
        {collector, fun} = Collectable.into(into)

        collected =
          try do
            fun.(fun.(collector, {:cont, output}), :done)
          catch
            kind, reason ->
              fun.(collector, :halt)
              :erlang.raise(kind, reason, __STACKTRACE__)
          end

        {collected, status}

      {:error, reason} ->
        :erlang.error(reason)
    end
  end

  defp cmd_opts([{:into, any} | t], opts, _into), do: cmd_opts(t, opts, any)
  defp cmd_opts([{:cd, bin} | t], opts, into) when is_binary(bin), do: cmd_opts(t, [{:cd, bin} | opts], into)
  defp cmd_opts([{:arg0, bin} | t], opts, into) when is_binary(bin), do: cmd_opts(t, [{:arg0, bin} | opts], into)

  defp cmd_opts([{:stderr_to_stdout, true} | t], opts, into),
    do: cmd_opts(t, [{:stderr_to_stdout, true} | opts], into)

  defp cmd_opts([{:stderr_to_stdout, false} | t], opts, into), do: cmd_opts(t, opts, into)
  defp cmd_opts([{:parallelism, bool} | t], opts, into) when is_boolean(bool), do: cmd_opts(t, opts, into)

  defp cmd_opts([{:env, enum} | t], opts, into) do
    env = for {k, v} <- enum, do: {to_string(k), v && to_string(v)}
    cmd_opts(t, [{:env, env} | opts], into)
  end

  defp cmd_opts([{key, val} | _], _opts, _into),
    do: raise(ArgumentError, "invalid option #{inspect(key)} with value #{inspect(val)}")

  defp cmd_opts([], opts, into), do: {into, opts}

  defp assert_no_null_byte!(binary, operation) do
    case :binary.match(binary, "\0") do
      {_, _} ->
        raise ArgumentError,
              "cannot execute #{operation} for program with null byte, got: #{inspect(binary)}"

      :nomatch ->
        binary
    end
  end

  @doc "The full path of the executable `program` found in `$PATH`, or `nil`."
  def find_executable(program) when is_binary(program) do
    assert_no_null_byte!(program, "System.find_executable/1")

    if String.contains?(program, "/") do
      if executable?(program), do: program
    else
      (get_env("PATH") || "")
      |> String.split(":")
      |> Enum.map(fn dir -> if dir == "", do: program, else: Path.join(dir, program) end)
      |> Enum.find(&executable?/1)
    end
  end

  defp executable?(path) do
    case :beamlet.file_info(path, true) do
      {:ok, :regular, _size, _access, mode} -> Bitwise.band(mode, 0o111) != 0
      _ -> false
    end
  end

  @doc "Information about the build."
  def build_info do
    %{
      build: "1.14.0 (compiled with Erlang/OTP 24)",
      date: "2022-10-08T16:54:46Z",
      revision: "",
      version: "1.14.0",
      otp_release: "24"
    }
  end

  @doc "The OTP release the VM stands in for."
  def otp_release, do: List.to_string(:erlang.system_info(:otp_release))

  @doc "Scheduler threads."
  def schedulers, do: :erlang.system_info(:schedulers)

  @doc "Scheduler threads online."
  def schedulers_online, do: :erlang.system_info(:schedulers_online)

  @doc "The VM's endianness."
  def endianness, do: :erlang.system_info(:endian)

  @doc "The endianness the system was compiled with."
  def compiled_endianness, do: :little

  @doc "The current working directory, or `nil`."
  def cwd do
    case File.cwd() do
      {:ok, cwd} -> cwd
      _ -> nil
    end
  end

  @doc "The current working directory; raises if there is none."
  def cwd! do
    case File.cwd() do
      {:ok, cwd} ->
        cwd

      _ ->
        raise RuntimeError,
              "could not get a current working directory, the current location is not accessible"
    end
  end

  @doc "The user's home directory (`$HOME`), or `nil`."
  def user_home do
    case :os.getenv('HOME') do
      false -> nil
      home -> List.to_string(home)
    end
  end

  @doc "The user's home directory; raises if it is unknown."
  def user_home! do
    user_home() || raise RuntimeError, "could not find the user home, please set the HOME environment variable"
  end

  @doc "A writable temporary directory: `$TMPDIR`, `$TEMP`, `$TMP`, `/tmp` or the current one; `nil` if none is."
  def tmp_dir do
    write_env_tmp_dir('TMPDIR') || write_env_tmp_dir('TEMP') || write_env_tmp_dir('TMP') ||
      write_tmp_dir("/tmp") || write_cwd_tmp_dir()
  end

  @doc "Like `tmp_dir/0`, but raises if there is none."
  def tmp_dir! do
    tmp_dir() ||
      raise RuntimeError,
            "could not get a writable temporary directory, please set the TMPDIR environment variable"
  end

  defp write_cwd_tmp_dir do
    case File.cwd() do
      {:ok, cwd} -> write_tmp_dir(cwd)
      _ -> nil
    end
  end

  defp write_env_tmp_dir(env) do
    case :os.getenv(env) do
      false -> nil
      tmp -> write_tmp_dir(List.to_string(tmp))
    end
  end

  defp write_tmp_dir(dir) do
    case :beamlet.file_info(dir, true) do
      {:ok, :directory, _size, access, _mode} when access in [:read_write, :write] -> dir
      _ -> nil
    end
  end

  @doc "The value of every environment variable, a map."
  def get_env do
    Map.new(:os.getenv(), fn var ->
      [k, v] = String.split(List.to_string(var), "=", parts: 2)
      {k, v}
    end)
  end

  @doc "The value of the environment variable `varname`, or `default`."
  def get_env(varname, default \\ nil)
      when is_binary(varname) and (is_binary(default) or is_nil(default)) do
    case :os.getenv(String.to_charlist(varname)) do
      false -> default
      other -> List.to_string(other)
    end
  end

  @doc "`{:ok, value}` of the environment variable `varname`, or `:error`."
  def fetch_env(varname) when is_binary(varname) do
    case :os.getenv(String.to_charlist(varname)) do
      false -> :error
      other -> {:ok, List.to_string(other)}
    end
  end

  @doc "The value of the environment variable `varname`; raises `System.EnvError` if it is not set."
  def fetch_env!(varname) when is_binary(varname) do
    get_env(varname) || raise(System.EnvError, env: varname)
  end

  @doc "Sets the environment variable `varname` to `value`."
  def put_env(varname, value) when is_binary(varname) and is_binary(value) do
    if String.contains?(varname, "=") do
      raise ArgumentError,
            "cannot execute System.put_env/2 for key with \"=\", got: " <> inspect(varname)
    end

    :os.putenv(String.to_charlist(varname), String.to_charlist(value))
    :ok
  end

  @doc "Sets (or, with a `nil` value, deletes) each environment variable of `enum`."
  def put_env(enum) do
    Enum.each(enum, fn
      {key, nil} ->
        :os.unsetenv(to_charlist(key))

      {key, val} ->
        key = to_charlist(key)

        if :lists.member(?=, key) do
          raise ArgumentError,
                "cannot execute System.put_env/1 for key with \"=\", got: " <> inspect(key)
        end

        :os.putenv(key, to_charlist(val))
    end)
  end

  @doc "Deletes the environment variable `varname`."
  def delete_env(varname) do
    :os.unsetenv(String.to_charlist(varname))
    :ok
  end

  @doc "The OS process id of the VM, a string."
  def pid, do: List.to_string(:os.getpid())

  @doc "Registers `fun` to be called with the exit status when the script has finished, newest first."
  def at_exit(fun) when is_function(fun, 1) do
    send(at_exit_holder(), {:add, fun})
    :ok
  end

  defp at_exit_holder do
    :beamlet_singleton.ensure(@at_exit_holder, fn -> hold_at_exit([]) end)
  end

  defp hold_at_exit(hooks) do
    receive do
      {:add, fun} ->
        hold_at_exit([fun | hooks])

      {:take, from, ref} ->
        send(from, {ref, hooks})
        hold_at_exit([])
    end
  end

  # The hooks registered since the last call, newest first (the script
  # driver, :elixir_module.eval_file/2, calls them).
  @doc false
  def __take_at_exit__ do
    case Process.whereis(@at_exit_holder) do
      nil ->
        []

      pid ->
        ref = Process.monitor(pid)
        send(pid, {:take, self(), ref})

        receive do
          {^ref, hooks} ->
            Process.demonitor(ref)
            hooks

          {:DOWN, ^ref, _, _, _} ->
            []
        end
    end
  end

  # The signals Elixir lets a script trap, in its order.
  @signals [:sigquit, :sigterm, :sigusr1, :sighup, :sigabrt, :sigalrm, :sigusr2, :sigchld, :sigstop, :sigtstp]

  @doc """
  Traps the OS signal `signal` (one of #{inspect(@signals)}) with `fun`, a
  zero-arity function that must return `:ok`; `{:ok, id}` (a new reference).
  """
  def trap_signal(signal, fun), do: trap_signal(signal, make_ref(), fun)

  @doc """
  Traps `signal` with `fun` under `id`: `{:ok, id}`, or `{:error,
  :already_registered}` when `id` traps `signal` already. The functions
  trapped for a signal run newest first, in the signal server's process;
  one that raises or returns anything but `:ok` is removed. After them,
  `:sigterm` still stops the system, `:sigquit` halts it and `:sigusr1`
  halts it with status 1, as on the BEAM.
  """
  def trap_signal(signal, id, fun) when signal in @signals and is_function(fun, 0) do
    :beamlet_signal_server.trap(signal, id, fun)
  end

  @doc "Removes the function trapped for `signal` under `id`: `:ok` or `{:error, :not_found}`."
  def untrap_signal(signal, id) when signal in @signals do
    :beamlet_signal_server.untrap(signal, id)
  end

  @doc """
  Restarts the system: here the running script ends and runs again from the
  start, as `elixir` reruns a script whose runtime restarts. Returns `:ok`.
  """
  def restart, do: shut_down(:restart)

  @doc "Stops the VM at once with `status` (an integer, `:abort`, or a message: status 1); no at_exit hooks run."
  def halt(status \\ 0)

  def halt(status) when is_integer(status) or status == :abort do
    :erlang.halt(status)
  end

  def halt(status) when is_binary(status) do
    :erlang.halt(String.to_charlist(status))
  end

  @doc """
  Stops the VM with `status` (an integer, or a string: status 0). As in
  Elixir it is asynchronous: the caller goes on, and the script ends with
  that status when it finishes or soon after, whichever comes first;
  `System.at_exit/1` hooks do not run.
  """
  def stop(status \\ 0)

  def stop(status) when is_integer(status), do: shut_down({:stop, status})
  def stop(status) when is_binary(status), do: shut_down({:stop, 0})

  # `init:stop`/`init:restart` are asynchronous on the BEAM: the system
  # takes a moment to shut down. Here the run ends when the script finishes
  # (the driver, :elixir_module.eval_file/2, looks) or 100 ms after the
  # request (a guess at the BEAM's shutdown time), whichever comes first.
  defp shut_down(how) do
    :persistent_term.put(:beamlet_shutdown, how)

    spawn(fn ->
      Process.sleep(100)
      __shut_down__(how)
    end)

    :ok
  end

  @doc false
  def __shut_down__({:stop, status}), do: :erlang.halt(status)
  def __shut_down__(:restart), do: :init.restart()

  @doc "Monotonic time in the native unit (nanoseconds)."
  def monotonic_time, do: :erlang.monotonic_time()

  @doc "Monotonic time in `unit`."
  def monotonic_time(unit), do: :erlang.monotonic_time(normalize_time_unit(unit))

  @doc "System time in the native unit."
  def system_time, do: :erlang.system_time()

  @doc "System time in `unit`."
  def system_time(unit), do: :erlang.system_time(normalize_time_unit(unit))

  @doc "The operating system's time in the native unit."
  def os_time, do: :os.system_time()

  @doc "The operating system's time in `unit`."
  def os_time(unit), do: :os.system_time(normalize_time_unit(unit))

  @doc "System time minus monotonic time, in the native unit."
  def time_offset, do: :erlang.time_offset()

  @doc "System time minus monotonic time, in `unit`."
  def time_offset(unit), do: :erlang.time_offset(normalize_time_unit(unit))

  @doc "`time` in `from_unit` converted to `to_unit`, rounded down."
  def convert_time_unit(time, from_unit, to_unit) do
    :erlang.convert_time_unit(time, normalize_time_unit(from_unit), normalize_time_unit(to_unit))
  end

  @doc "A unique integer (`:positive`, `:monotonic` modifiers as in Erlang)."
  def unique_integer(modifiers \\ []), do: :erlang.unique_integer(modifiers)

  defp normalize_time_unit(:native), do: :native
  defp normalize_time_unit(:second), do: :second
  defp normalize_time_unit(:millisecond), do: :millisecond
  defp normalize_time_unit(:microsecond), do: :microsecond
  defp normalize_time_unit(:nanosecond), do: :nanosecond
  defp normalize_time_unit(:seconds), do: warn(:seconds, :second)
  defp normalize_time_unit(:milliseconds), do: warn(:milliseconds, :millisecond)
  defp normalize_time_unit(:microseconds), do: warn(:microseconds, :microsecond)
  defp normalize_time_unit(:nanoseconds), do: warn(:nanoseconds, :nanosecond)
  defp normalize_time_unit(:milli_seconds), do: warn(:milli_seconds, :millisecond)
  defp normalize_time_unit(:micro_seconds), do: warn(:micro_seconds, :microsecond)
  defp normalize_time_unit(:nano_seconds), do: warn(:nano_seconds, :nanosecond)
  defp normalize_time_unit(unit) when is_integer(unit) and unit > 0, do: unit

  defp normalize_time_unit(other) do
    raise ArgumentError,
          "unsupported time unit. Expected :second, :millisecond, " <>
            ":microsecond, :nanosecond, or a positive integer, " <> "got #{inspect(other)}"
  end

  defp warn(unit, replacement_unit) do
    IO.write(
      :stderr,
      "warning: deprecated time unit: #{inspect(unit)}. A time unit should be " <>
        ":second, :millisecond, :microsecond, :nanosecond, or a positive integer\n"
    )

    replacement_unit
  end
end
