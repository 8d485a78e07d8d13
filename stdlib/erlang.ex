# The functions of the `:erlang` module written in the language; the
# others are built-ins (vm/src/bif/).
defmodule :erlang do
  import Kernel, except: [apply: 3]
  @moduledoc false

  # Another process answers between its time slices: the built-in sends it
  # the request, and the answer comes as a message.
  @doc "Information about `pid`, or `:undefined` if it is not alive."
  def process_info(pid) do
    case info(pid, :all) do
      :undefined -> :undefined
      items -> Enum.reject(items, fn item -> item == {:registered_name, []} end)
    end
  end

  @doc "The item (or the list of items) `spec` of `pid`'s information, or `:undefined`."
  def process_info(pid, spec) do
    if pid == self() and is_list(spec) and :messages in spec do
      take_inbox()
    end

    if pid == self() and spec == :messages do
      take_inbox()
    end

    answer = info(pid, spec)

    if pid == self() and is_list(answer) do
      Enum.map(answer, &own_stacktrace/1)
    else
      own_stacktrace(answer)
    end
  end

  @doc """
  Whether `pid` is alive. A process running on another scheduler answers
  when its time slice ends, as on the BEAM, so one that is ending (it has
  sent its last reply) is seen ended.
  """
  def is_process_alive(pid) do
    case :beamlet.process_alive(pid) do
      {:wait, tag} ->
        receive do
          {^tag, answer} -> answer != :undefined
        end

      answer ->
        answer
    end
  end

  defp info(pid, spec) do
    case :beamlet.process_info(pid, spec) do
      {:wait, tag} ->
        receive do
          {^tag, answer} -> answer
        end

      answer ->
        answer
    end
  end

  # Messages sent to this process and not yet in its mailbox.
  defp take_inbox do
    receive do
    after
      0 -> :ok
    end
  end

  # The stack of the calling process, from Process.info/2 (or this
  # function's caller) down, at most 8 entries as on the BEAM.
  defp own_stacktrace({:current_stacktrace, []}) do
    stack =
      try do
        :erlang.error(:beamlet_stacktrace)
      catch
        :error, :beamlet_stacktrace -> __STACKTRACE__
      end

    stack =
      case Enum.drop_while(stack, fn {m, _, _, _} -> m != Process end) do
        [] -> Enum.drop_while(stack, fn {m, _, _, _} -> m == :erlang end)
        from_info -> from_info
      end

    {:current_stacktrace, Enum.take(stack, 8)}
  end

  defp own_stacktrace(other), do: other

  # Processes: the parts of spawning, timers and monitors written over the
  # built-ins of vm/src/bif/process.rs.

  @doc "Spawns `fun` with options: `:link`, `:monitor`, `{:priority, p}` and the memory options."
  def spawn_opt(fun, opts) when is_function(fun, 0) and is_list(opts) do
    {link, monitor, priority} = spawn_options(opts, 2)
    body = if priority == nil, do: fun, else: fn -> :erlang.process_flag(:priority, priority); fun.() end
    spawned(body, link, monitor)
  end

  def spawn_opt(fun, _opts) when is_function(fun, 0), do: tuple_badarg([{2, "not a list"}])
  def spawn_opt(_fun, _opts), do: tuple_badarg([{1, "not a fun"}])

  @doc "Spawns `apply(mod, fun, args)` with options."
  def spawn_opt(mod, fun, args, opts) when is_atom(mod) and is_atom(fun) and is_list(args) and is_list(opts) do
    {link, monitor, priority} = spawn_options(opts, 4)

    if priority == nil do
      case {link, monitor} do
        {false, false} -> :erlang.spawn(mod, fun, args)
        {true, false} -> :erlang.spawn_link(mod, fun, args)
        {false, true} -> :erlang.spawn_monitor(mod, fun, args)
        {true, true} -> spawned(fn -> apply(mod, fun, args) end, true, true)
      end
    else
      spawned(fn -> :erlang.process_flag(:priority, priority); apply(mod, fun, args) end, link, monitor)
    end
  end

  def spawn_opt(_mod, _fun, _args, _opts), do: :erlang.error(:badarg)

  defp spawned(fun, false, false), do: :erlang.spawn(fun)
  defp spawned(fun, true, false), do: :erlang.spawn_link(fun)
  defp spawned(fun, false, true), do: :erlang.spawn_monitor(fun)

  defp spawned(fun, true, true) do
    pid = :erlang.spawn_link(fun)
    {pid, :erlang.monitor(:process, pid)}
  end

  # The options, or an ArgumentError for the argument at `position`, as OTP's.
  defp spawn_options(opts, position) do
    spawn_options(opts, false, false, nil)
  catch
    :throw, :beamlet_bad_option -> tuple_badarg([{position, "invalid spawn option"}])
  end

  defp spawn_options([], link, monitor, priority), do: {link, monitor, priority}
  defp spawn_options([:link | t], _, monitor, p), do: spawn_options(t, true, monitor, p)
  defp spawn_options([:monitor | t], link, _, p), do: spawn_options(t, link, true, p)
  defp spawn_options([{:monitor, _} | t], link, _, p), do: spawn_options(t, link, true, p)

  defp spawn_options([{:priority, p} | t], link, monitor, _) when p in [:low, :normal, :high, :max],
    do: spawn_options(t, link, monitor, p)

  defp spawn_options([{k, _} | t], link, monitor, p)
       when k in [:fullsweep_after, :min_heap_size, :min_bin_vheap_size, :max_heap_size, :message_queue_data],
       do: spawn_options(t, link, monitor, p)

  defp spawn_options(_, _, _, _), do: throw(:beamlet_bad_option)

  @doc "`fun` called with the list `args` (`apply/2`)."
  def apply(fun, args), do: Kernel.apply(fun, args)

  @doc "`module.function` called with the list `args` (`apply/3`)."
  def apply(module, function, args), do: Kernel.apply(module, function, args)

  @doc "`send/2` with options (`:noconnect`, `:nosuspend`): `:ok`."
  def send(dest, msg, opts) when is_list(opts) do
    :erlang.send(dest, msg)
    :ok
  end

  @doc "A timer sending `msg` to `dest` at `time` (`abs: true`: a monotonic time in ms)."
  def send_after(time, dest, msg, opts) when is_list(opts) do
    :erlang.send_after(timer_time(time, opts), dest, msg)
  end

  @doc "As `start_timer/3`, with the `abs:` option."
  def start_timer(time, dest, msg, opts) when is_list(opts) do
    :erlang.start_timer(timer_time(time, opts), dest, msg)
  end

  defp timer_time(time, opts) do
    case :lists.keyfind(:abs, 1, opts) do
      {:abs, true} when is_integer(time) -> max(time - :erlang.monotonic_time(:millisecond), 0)
      _ -> time
    end
  end

  @doc "Cancels a timer: `async: true` answers with a `{:cancel_timer, ref, result}` message, `info: false` with nothing."
  def cancel_timer(ref, opts) when is_list(opts) do
    async = :lists.keyfind(:async, 1, opts) == {:async, true}
    info = :lists.keyfind(:info, 1, opts) != {:info, false}
    result = :erlang.cancel_timer(ref)

    cond do
      async and info -> send(self(), {:cancel_timer, ref, result}); :ok
      async -> :ok
      info -> result
      true -> :ok
    end
  end

  @doc "As `read_timer/1`; `async: true` answers with a `{:read_timer, ref, result}` message."
  def read_timer(ref, opts) when is_list(opts) do
    result = :erlang.read_timer(ref)

    if :lists.keyfind(:async, 1, opts) == {:async, true} do
      send(self(), {:read_timer, ref, result})
      :ok
    else
      result
    end
  end

  @doc "Removes monitor `ref`: `:flush` drops its `:DOWN` message, `:info` answers whether it was active."
  def demonitor(ref, opts) when is_reference(ref) and is_list(opts) do
    found = :beamlet.demonitor(ref)
    flushed = :lists.member(:flush, opts) and flush_down(ref)

    if :lists.member(:info, opts) do
      found and not flushed
    else
      true
    end
  end

  def demonitor(_ref, _opts), do: :erlang.error(:badarg)

  defp flush_down(ref) do
    receive do
      {_, ^ref, _, _, _} -> true
    after
      0 -> false
    end
  end

  @doc "`process_flag/3`: only `:save_calls` of another process."
  def process_flag(pid, :save_calls, value) when is_pid(pid) and is_integer(value) and value >= 0, do: 0
  def process_flag(_pid, _flag, _value), do: :erlang.error(:badarg)

  @doc "Waits for a message (left in the mailbox), then `apply(mod, fun, args)`; the process ends when it returns."
  def hibernate(mod, fun, args) when is_atom(mod) and is_atom(fun) and is_list(args) do
    receive do
      msg -> :beamlet.unreceive(msg)
    end

    apply(mod, fun, args)
    exit(:normal)
  end

  def hibernate(_mod, _fun, _args), do: :erlang.error(:badarg)

  # Conversions with an encoding or through charlists, over the built-ins.

  @doc "The text of `atom` as a binary."
  def atom_to_binary(atom, _encoding), do: :erlang.atom_to_binary(atom)

  @doc "The text of `atom` as a charlist."
  def atom_to_list(atom), do: String.to_charlist(:erlang.atom_to_binary(atom))

  # The list_to_* conversions are List's, which check their argument as OTP does
  # (`not a list`, `not a proper list`, `not a list of characters`).

  @doc "The atom whose text is the charlist `list`."
  def list_to_atom(list), do: List.to_atom(list)
  def list_to_existing_atom(list), do: List.to_existing_atom(list)

  @doc "`integer` in decimal (or `base`) as a charlist."
  def integer_to_list(integer), do: String.to_charlist(:erlang.integer_to_binary(integer))

  def integer_to_list(integer, base),
    do: String.to_charlist(:erlang.integer_to_binary(integer, base))

  @doc "The integer a charlist of digits spells."
  def list_to_integer(list), do: List.to_integer(list)
  def list_to_integer(list, base), do: List.to_integer(list, base)

  @doc "The float a binary spells, in Erlang's syntax: `[+-]digits.digits[e[+-]digits]` (or `,` for `.`)."
  def binary_to_float(binary) when is_binary(binary) do
    if float_text?(binary, :sign),
      do: String.to_float(binary),
      else: raise(ArgumentError, arg_error(1, "not a textual representation of a float"))
  end

  def binary_to_float(_), do: raise(ArgumentError, arg_error(1, "not a binary"))

  defp float_text?(<<c, rest::binary>>, :sign) when c in [?+, ?-], do: float_text?(rest, :int0)
  defp float_text?(text, :sign), do: float_text?(text, :int0)
  defp float_text?(<<c, rest::binary>>, s) when c in ?0..?9 and s in [:int0, :int], do: float_text?(rest, :int)
  # OTP 25 takes a comma for the decimal point too.
  defp float_text?(<<c, rest::binary>>, :int) when c in [?., ?,], do: float_text?(rest, :frac0)
  defp float_text?(<<c, rest::binary>>, s) when c in ?0..?9 and s in [:frac0, :frac], do: float_text?(rest, :frac)
  defp float_text?(<<c, rest::binary>>, :frac) when c in [?e, ?E], do: float_text?(rest, :esign)
  defp float_text?(<<c, rest::binary>>, :esign) when c in [?+, ?-], do: float_text?(rest, :exp0)
  defp float_text?(text, :esign), do: float_text?(text, :exp0)
  defp float_text?(<<c, rest::binary>>, s) when c in ?0..?9 and s in [:exp0, :exp], do: float_text?(rest, :exp)
  defp float_text?(<<>>, s), do: s in [:frac, :exp]
  defp float_text?(_, _), do: false

  # The tuple functions fail as OTP 25's built-ins do, each bad argument
  # explained ("1st argument: out of range", "2nd argument: not a tuple").
  @doc "The tuple with `element` added at its end."
  def append_element(tuple, element) when is_tuple(tuple),
    do: :erlang.list_to_tuple(:erlang.tuple_to_list(tuple) ++ [element])

  def append_element(_tuple, _element), do: tuple_badarg([{1, "not a tuple"}])

  @doc "The tuple without its `index`th element (1-based)."
  def delete_element(index, tuple)
      when is_integer(index) and is_tuple(tuple) and index >= 1 and index <= tuple_size(tuple),
      do: :erlang.list_to_tuple(delete_nth(:erlang.tuple_to_list(tuple), index))

  def delete_element(index, tuple), do: tuple_badarg(index_errors(index, tuple, 0))

  @doc "The tuple with `element` inserted at `index` (1-based)."
  def insert_element(index, tuple, element)
      when is_integer(index) and is_tuple(tuple) and index >= 1 and index <= tuple_size(tuple) + 1,
      do: :erlang.list_to_tuple(insert_nth(:erlang.tuple_to_list(tuple), index, element))

  def insert_element(index, tuple, _element), do: tuple_badarg(index_errors(index, tuple, 1))

  defp index_errors(index, tuple, extra) do
    first =
      cond do
        not is_integer(index) -> [{1, "not an integer"}]
        index < 1 -> [{1, "out of range"}]
        is_tuple(tuple) and index > tuple_size(tuple) + extra -> [{1, "out of range"}]
        true -> []
      end

    if is_tuple(tuple), do: first, else: first ++ [{2, "not a tuple"}]
  end

  defp tuple_badarg(lines) do
    text = for {n, what} <- lines, into: "", do: "  * #{ordinal(n)} argument: #{what}\n"
    raise ArgumentError, "errors were found at the given arguments:\n\n" <> text
  end

  defp ordinal(1), do: "1st"
  defp ordinal(2), do: "2nd"
  defp ordinal(3), do: "3rd"
  defp ordinal(4), do: "4th"

  defp delete_nth([_ | rest], 1), do: rest
  defp delete_nth([x | rest], n) when n > 1, do: [x | delete_nth(rest, n - 1)]

  defp insert_nth(list, 1, element), do: [element | list]
  defp insert_nth([x | rest], n, element) when n > 1, do: [x | insert_nth(rest, n - 1, element)]

  @doc "The bytes of a bitstring, then its last bits (a bitstring) if any."
  def bitstring_to_list(bits) when is_bitstring(bits), do: bits_to_list(bits, [])

  def bitstring_to_list(_),
    do: raise(ArgumentError, "errors were found at the given arguments:\n\n  * 1st argument: not a bitstring\n")

  defp bits_to_list(<<byte, rest::bits>>, acc), do: bits_to_list(rest, [byte | acc])
  defp bits_to_list(<<>>, acc), do: :lists.reverse(acc)
  defp bits_to_list(bits, acc), do: :lists.reverse([bits | acc])

  @doc "The bitstring of a list of bytes and bitstrings, nested, with a bitstring tail or none."
  def list_to_bitstring(list) when is_list(list) do
    case bitstring_list(list, <<>>) do
      :error ->
        raise ArgumentError, "errors were found at the given arguments:\n\n  * 1st argument: not a bitstring list\n"

      bits ->
        bits
    end
  end

  def list_to_bitstring(_),
    do: raise(ArgumentError, "errors were found at the given arguments:\n\n  * 1st argument: not a bitstring list\n")

  defp bitstring_list([byte | rest], acc) when is_integer(byte) and byte >= 0 and byte <= 255,
    do: bitstring_list(rest, <<acc::bits, byte>>)

  defp bitstring_list([bits | rest], acc) when is_bitstring(bits),
    do: bitstring_list(rest, <<acc::bits, bits::bits>>)

  defp bitstring_list([list | rest], acc) when is_list(list) do
    case bitstring_list(list, acc) do
      :error -> :error
      acc -> bitstring_list(rest, acc)
    end
  end

  defp bitstring_list([], acc), do: acc
  defp bitstring_list(tail, acc) when is_bitstring(tail), do: <<acc::bits, tail::bits>>
  defp bitstring_list(_, _acc), do: :error

  ## Floats as text (float_to_binary/1,2 are built-ins)

  @doc "The float's text as a charlist (20 digits in exponent form)."
  def float_to_list(float), do: :erlang.binary_to_list(:erlang.float_to_binary(float))

  @doc "The float's text under options (`decimals:`, `scientific:`, `:compact`, `:short`) as a charlist."
  def float_to_list(float, options),
    do: :erlang.binary_to_list(:erlang.float_to_binary(float, options))

  @doc "The float a charlist spells."
  def list_to_float(list), do: List.to_float(list)

  defp arg_error(n, what) do
    ordinal = Enum.at(["1st", "2nd", "3rd"], n - 1)
    "errors were found at the given arguments:\n\n  * #{ordinal} argument: #{what}\n"
  end

  ## Tuples and binaries

  @doc "A tuple of `arity` copies of `default` with `{index, value}` pairs set."
  def make_tuple(arity, default, init_list) when is_list(init_list) do
    Enum.reduce(init_list, :erlang.make_tuple(arity, default), fn {i, v}, t ->
      :erlang.setelement(i, t, v)
    end)
  end

  @doc "`{first_pos_bytes, rest}`."
  def split_binary(binary, pos) when is_binary(binary) and is_integer(pos) and pos >= 0 and pos <= byte_size(binary),
    do: {binary_part(binary, 0, pos), binary_part(binary, pos, byte_size(binary) - pos)}

  def split_binary(binary, _pos) when not is_binary(binary),
    do: raise(ArgumentError, arg_error(1, "not a binary"))

  def split_binary(_binary, _pos), do: raise(ArgumentError, arg_error(2, "out of range"))

  @doc "The bytes `start..stop` (1-based) of a binary as a list."
  def binary_to_list(binary, start, stop)
      when is_binary(binary) and is_integer(start) and is_integer(stop) and start >= 1 and
             start <= stop + 1 and stop <= byte_size(binary),
      do: :erlang.binary_to_list(binary_part(binary, start - 1, stop - start + 1))

  def binary_to_list(_binary, _start, _stop), do: :erlang.error(:badarg)

  @doc "The number of bytes of iodata."
  def iolist_size(iodata), do: byte_size(:erlang.iolist_to_binary(iodata))

  ## MD5 in steps: the context is the data so far

  @doc "A fresh MD5 context."
  def md5_init, do: {:beamlet_md5, []}

  @doc "The context with more data."
  def md5_update({:beamlet_md5, acc}, data) do
    _ = iolist_size(data)
    {:beamlet_md5, [acc | data]}
  end

  @doc "The digest of the data of a context."
  def md5_final({:beamlet_md5, acc}), do: :erlang.md5(acc)

  ## Time

  @doc "`{megaseconds, seconds, microseconds}` since the epoch."
  def timestamp do
    us = :erlang.system_time(:microsecond)
    {div(us, 1_000_000_000_000), rem(div(us, 1_000_000), 1_000_000), rem(us, 1_000_000)}
  end

  @doc "`{{y, m, d}, {h, min, s}}` in UTC."
  def universaltime do
    secs = :erlang.system_time(:second)
    days = Integer.floor_div(secs, 86_400)
    in_day = secs - days * 86_400
    {civil_date(days), {div(in_day, 3600), div(rem(in_day, 3600), 60), rem(in_day, 60)}}
  end

  # The proleptic Gregorian date `days` after 1970-01-01.
  defp civil_date(days) do
    z = days + 719_468
    era = Integer.floor_div(z, 146_097)
    doe = z - era * 146_097
    yoe = div(doe - div(doe, 1460) + div(doe, 36_524) - div(doe, 146_096), 365)
    doy = doe - (365 * yoe + div(yoe, 4) - div(yoe, 100))
    mp = div(5 * doy + 2, 153)
    d = doy - div(153 * mp + 2, 5) + 1
    m = if mp < 10, do: mp + 3, else: mp - 9
    y = yoe + era * 400 + if(m <= 2, do: 1, else: 0)
    {y, m, d}
  end

  @doc "The local time (this VM knows no time zone: UTC)."
  def localtime, do: universaltime()

  @doc "Today's `{y, m, d}`."
  def date, do: elem(universaltime(), 0)

  @doc "Now's `{h, min, s}`."
  def time, do: elem(universaltime(), 1)

  ## Odds and ends

  @doc "The text of a pid, as a charlist: `'<0.105.0>'`."
  def pid_to_list(pid) when is_pid(pid),
    do: String.to_charlist(binary_part(inspect(pid), 4, byte_size(inspect(pid)) - 4))

  @doc "The text of a reference, as a charlist: `'#Ref<0.1.2.3>'`."
  def ref_to_list(ref) when is_reference(ref),
    do: String.to_charlist("#Ref" <> binary_part(inspect(ref), 10, byte_size(inspect(ref)) - 10))

  @doc "Lets other processes run; `true`."
  def yield, do: true

  @doc "Collects garbage (each process's heap is collected as it goes); `true`."
  def garbage_collect, do: true
  def garbage_collect(pid) when is_pid(pid), do: true

  @doc "Same as `garbage_collect/1`; with `{:async, tag}` in `opts`, `:async`, and `{:garbage_collect, tag, true}` arrives."
  def garbage_collect(pid, opts) when is_pid(pid) and is_list(opts) do
    case List.keyfind(opts, :async, 0) do
      {:async, tag} ->
        send(self(), {:garbage_collect, tag, true})
        :async

      nil ->
        true
    end
  end

  @doc "Charges the caller `n` reductions (the scheduler counts its own); `true`."
  def bump_reductions(n) when is_integer(n) and n >= 0, do: true

  @doc "Sends `msg` to `dest` (local sends never suspend); `true`."
  def send_nosuspend(dest, msg) do
    send(dest, msg)
    true
  end

  @doc "Same as `send_nosuspend/2` (`opts`: `:noconnect`)."
  def send_nosuspend(dest, msg, opts) when is_list(opts) do
    send(dest, msg)
    true
  end

  @doc "Raises the error `reason` with `args` (`opts`: `error_info`)."
  def error(reason, args, opts) when is_list(opts), do: :erlang.error(reason, args)

  @doc "The error a NIF's Erlang stub raises when the NIF is not loaded."
  def nif_error(reason), do: :erlang.error(reason)

  @doc "Same as `nif_error/1`."
  def nif_error(reason, args), do: :erlang.error(reason, args)

  @doc "The text of a fun: `'fun m:f/a'` for an external one, `'#Fun<m.index.uniq>'` for a local one."
  def fun_to_list(fun) when is_function(fun) do
    info = :erlang.fun_info(fun)

    case info[:type] do
      :external ->
        'fun ' ++ :io_lib.write_atom(info[:module]) ++ ':' ++ :io_lib.write_atom(info[:name]) ++ '/' ++ Integer.to_charlist(info[:arity])

      :local ->
        String.to_charlist("#Fun<#{info[:module]}.#{info[:index]}.#{info[:uniq]}>")
    end
  end

  def fun_to_list(_fun), do: raise(ArgumentError, arg_error(1, "not a fun"))

  @doc "`iodata` as a list of binaries (one, or none for empty iodata)."
  def iolist_to_iovec(iodata) do
    case :erlang.iolist_to_binary(iodata) do
      "" -> []
      bin -> [bin]
    end
  rescue
    ArgumentError -> raise(ArgumentError, arg_error(1, "not an iodata term"))
  end

  @doc "Spawns a monitored process running `fun` on `node` (this node only: beamlet is not distributed)."
  def spawn_monitor(node, fun) when is_atom(node) and is_function(fun, 0) do
    if node == node(), do: spawn_monitor(fun), else: :erlang.error(:badarg)
  end

  @doc "Spawns a monitored process running `apply(m, f, a)` on `node` (this node only)."
  def spawn_monitor(node, m, f, a) when is_atom(node) and is_atom(m) and is_atom(f) and is_list(a) do
    if node == node(), do: spawn_monitor(m, f, a), else: :erlang.error(:badarg)
  end

  @doc "The time as `{megaseconds, seconds, microseconds}` (deprecated in OTP for `timestamp/0`)."
  def now do
    us = :erlang.system_time(:microsecond)
    {div(us, 1_000_000_000_000), rem(div(us, 1_000_000), 1_000_000), rem(us, 1_000_000)}
  end

  @doc "Memory use in bytes (`:total`, `:processes`, ...): this VM's estimates."
  def memory, do: Enum.map([:total, :processes, :processes_used, :system, :atom, :atom_used, :binary, :code, :ets], &{&1, memory(&1)})
  def memory(:total), do: memory(:processes) + memory(:system)
  def memory(:processes), do: 4_000_000
  def memory(:processes_used), do: 3_900_000
  def memory(:system), do: 20_000_000
  def memory(:atom), do: 500_000
  def memory(:atom_used), do: 480_000
  def memory(:binary), do: 100_000
  def memory(:code), do: 8_000_000
  def memory(:ets), do: 300_000
  def memory(list) when is_list(list), do: Enum.map(list, &{&1, memory(&1)})

  @doc "Run-time statistics: `:runtime` and `:wall_clock` as `{total_ms, since_last_ms}`, `:reductions`, ..."
  def statistics(:wall_clock), do: since_last(:beamlet_wall_clock, :erlang.monotonic_time(:millisecond))
  def statistics(:runtime), do: since_last(:beamlet_runtime, :erlang.monotonic_time(:millisecond))
  def statistics(:reductions), do: since_last(:beamlet_reductions, 0)
  def statistics(:run_queue), do: 0
  def statistics(:total_run_queue_lengths), do: 0
  def statistics(:context_switches), do: {0, 0}
  def statistics(:garbage_collection), do: {0, 0, 0}
  def statistics(:io), do: {{:input, 0}, {:output, 0}}

  defp since_last(key, now) do
    last = :erlang.get(key)
    :erlang.put(key, now)
    {now, if(last == :undefined, do: now, else: now - last)}
  end

  ## Distribution. beamlet is one node that is not alive (not distributed):
  ## `node()` is `:nonode@nohost`, no other node is ever connected, and
  ## what needs a distributed node fails as on a BEAM started without a name.

  @doc "The nodes connected to this one: none."
  def nodes, do: []

  @doc "The nodes of the kinds `arg` (`:visible`, `:hidden`, `:connected`, `:this`, `:known`, or a list of them)."
  def nodes(arg) do
    kinds = List.wrap(arg)

    unless kinds != [] and Enum.all?(kinds, &(&1 in [:visible, :hidden, :connected, :this, :known])) do
      raise ArgumentError, "errors were found at the given arguments:\n\n  * 1st argument: not a valid node type\n"
    end

    if Enum.any?(kinds, &(&1 in [:this, :known])), do: [node()], else: []
  end

  @doc "Whether this node is alive (distributed): never."
  def is_alive, do: false

  @doc "The magic cookie of this node: `:nocookie`, as it is not alive."
  def get_cookie, do: :nocookie

  @doc "Sets the magic cookie: fails, as this node is not alive."
  def set_cookie(cookie) when is_atom(cookie), do: not_distributed()
  def set_cookie(_cookie), do: :erlang.error(:badarg)

  @doc "Sets the magic cookie for `node`: fails, as this node is not alive."
  def set_cookie(node, cookie) when is_atom(node) and is_atom(cookie), do: not_distributed()
  def set_cookie(_node, _cookie), do: :erlang.error(:badarg)

  defp not_distributed do
    raise ArgumentError,
          "errors were found at the given arguments:\n\n  * 1st argument: the node name is not part of a distributed system\n"
  end

  @doc "Monitors `node`: fails with `:notalive`, as this node is not distributed."
  def monitor_node(node, flag) when is_atom(node) and is_boolean(flag), do: :erlang.error(:notalive)
  def monitor_node(_node, _flag), do: :erlang.error(:badarg)

  @doc "Same as `monitor_node/2` (the options are checked to be a list)."
  def monitor_node(node, flag, opts) when is_list(opts), do: monitor_node(node, flag)
  def monitor_node(_node, _flag, _opts), do: :erlang.error(:badarg)

  @doc "Disconnects `node`: `:ignored`, as this node is not alive."
  def disconnect_node(node) when is_atom(node), do: :ignored
  def disconnect_node(_node), do: :erlang.error(:badarg)

  @doc "Spawns `fun` on `node` (this node, or none reachable: see remote_pid/0)."
  def spawn(node, fun) when is_atom(node) and is_function(fun, 0),
    do: on_node(node, fn -> spawn(fun) end)

  def spawn(_node, _fun), do: :erlang.error(:badarg)

  @doc "Spawns `apply(mod, fun, args)` on `node`."
  def spawn(node, mod, fun, args) when is_atom(node),
    do: on_node(node, fn -> spawn(mod, fun, args) end)

  def spawn(_node, _mod, _fun, _args), do: :erlang.error(:badarg)

  @doc "Spawns `fun` on `node`, linked."
  def spawn_link(node, fun) when is_atom(node) and is_function(fun, 0),
    do: on_node(node, fn -> spawn_link(fun) end)

  def spawn_link(_node, _fun), do: :erlang.error(:badarg)

  @doc "Spawns `apply(mod, fun, args)` on `node`, linked."
  def spawn_link(node, mod, fun, args) when is_atom(node),
    do: on_node(node, fn -> spawn_link(mod, fun, args) end)

  def spawn_link(_node, _mod, _fun, _args), do: :erlang.error(:badarg)

  @doc "Spawns `fun` on `node` with `opts` (as `spawn_opt/2`)."
  def spawn_opt(node, fun, opts) when is_atom(node) and is_function(fun, 0),
    do: on_node(node, fn -> spawn_opt(fun, opts) end)

  def spawn_opt(_node, _fun, _opts), do: :erlang.error(:badarg)

  @doc "Spawns `apply(mod, fun, args)` on `node` with `opts` (as `spawn_opt/4`)."
  def spawn_opt(node, mod, fun, args, opts) when is_atom(node),
    do: on_node(node, fn -> spawn_opt(mod, fun, args, opts) end)

  def spawn_opt(_node, _mod, _fun, _args, _opts), do: :erlang.error(:badarg)

  # This node runs `spawn`; another cannot be reached: as on the BEAM, a
  # pid still comes back, of a process that is already gone (exited with
  # `:noconnection`, so a link or monitor to it reports that at once).
  defp on_node(node, spawn) do
    if node == node() do
      spawn.()
    else
      pid = spawn(fn -> exit(:noconnection) end)
      ref = Process.monitor(pid)

      receive do
        {:DOWN, ^ref, _, _, _} -> pid
      end
    end
  end

  ## Operators and checks by name

  @doc "`list ++ tail` (`tail` may be any term: an improper list then)."
  def append(list, tail) when is_list(list), do: list ++ tail
  def append(_list, _tail), do: raise(ArgumentError, arg_error(1, "not a list"))

  @doc "`list1 -- list2`."
  def subtract(list1, list2) when is_list(list1) and is_list(list2), do: list1 -- list2
  def subtract(list1, _list2) when not is_list(list1), do: raise(ArgumentError, arg_error(1, "not a list"))
  def subtract(_list1, _list2), do: raise(ArgumentError, arg_error(2, "not a list"))

  @doc "Exclusive or of two booleans."
  def xor(a, b) when is_boolean(a) and is_boolean(b), do: a != b
  def xor(_a, _b), do: raise(ArgumentError, "argument error")

  @doc "A tuple's size or a bitstring's whole bytes."
  def size(t) when is_tuple(t), do: tuple_size(t)
  def size(t) when is_bitstring(t), do: byte_size(t) - if(rem(bit_size(t), 8) == 0, do: 0, else: 1)
  def size(_t), do: raise(ArgumentError, arg_error(1, "not tuple or binary"))

  @doc "Whether `term` is a tuple whose first element is `tag`."
  def is_record(term, tag) when is_atom(tag),
    do: is_tuple(term) and tuple_size(term) > 0 and elem(term, 0) == tag

  # OTP 25 names the first argument here.
  def is_record(_term, _tag), do: raise(ArgumentError, arg_error(1, "not an atom"))

  @doc "Whether `term` is a tuple of `size` elements whose first is `tag`."
  def is_record(term, tag, size) when is_atom(tag) and is_integer(size),
    do: is_tuple(term) and size > 0 and tuple_size(term) == size and elem(term, 0) == tag

  def is_record(_term, tag, _size) when not is_atom(tag), do: raise(ArgumentError, arg_error(2, "not an atom"))
  def is_record(_term, _tag, _size), do: raise(ArgumentError, arg_error(3, "not an integer"))

  @doc "Whether `module` is loaded and exports `function/arity`."
  def function_exported(module, function, arity)
      when is_atom(module) and is_atom(function) and is_integer(arity) and arity >= 0,
      do: Kernel.function_exported?(module, function, arity)

  def function_exported(module, function, arity) do
    cond do
      not is_atom(module) -> raise(ArgumentError, arg_error(1, "not an atom"))
      not is_atom(function) -> raise(ArgumentError, arg_error(2, "not an atom"))
      not is_integer(arity) -> raise(ArgumentError, arg_error(3, "not an integer"))
      true -> raise(ArgumentError, arg_error(3, "out of range"))
    end
  end

  ## Times as seconds since the epoch

  @doc "The seconds from 1970-01-01 00:00:00 UTC to the time `{{y, m, d}, {h, min, s}}` (year 1600 on, as OTP 25 takes)."
  def universaltime_to_posixtime({{y, m, d} = date, {h, min, sec}} = dt)
      when is_integer(y) and y >= 1600 and is_integer(m) and is_integer(d) and is_integer(h) and is_integer(min) and
             is_integer(sec) and h in 0..23 and min in 0..59 and sec in 0..59 do
    if :calendar.valid_date(date) do
      days = days_from_civil(y, m, d)
      days * 86_400 + h * 3600 + min * 60 + sec
    else
      bad_universal_time(dt)
    end
  end

  def universaltime_to_posixtime(dt), do: bad_universal_time(dt)

  defp bad_universal_time(_dt), do: raise(ArgumentError, arg_error(1, "not a valid universal time"))

  # Days from 1970-01-01 to the proleptic Gregorian date (the inverse of civil_date/1).
  defp days_from_civil(y, m, d) do
    y = if m <= 2, do: y - 1, else: y
    era = Integer.floor_div(y, 400)
    yoe = y - era * 400
    mp = if m > 2, do: m - 3, else: m + 9
    doy = div(153 * mp + 2, 5) + d - 1
    doe = yoe * 365 + div(yoe, 4) - div(yoe, 100) + doy
    era * 146_097 + doe - 719_468
  end

  @doc "The UTC time `{{y, m, d}, {h, min, s}}` `seconds` after 1970-01-01 00:00:00."
  def posixtime_to_universaltime(seconds) when is_integer(seconds) do
    days = Integer.floor_div(seconds, 86_400)
    in_day = seconds - days * 86_400
    {civil_date(days), {div(in_day, 3600), div(rem(in_day, 3600), 60), rem(in_day, 60)}}
  end

  def posixtime_to_universaltime(_), do: raise(ArgumentError, arg_error(1, "not an integer"))

  ## Local time (this VM's time zone is UTC, daylight saving time none)

  @doc "The UTC time of the local time `datetime` (1902 on): the same, an hour earlier when `is_dst` is `true`."
  def localtime_to_universaltime(datetime), do: localtime_to_universaltime(datetime, :undefined)

  def localtime_to_universaltime(datetime, is_dst) do
    unless valid_time_1902(datetime), do: raise(ArgumentError, arg_error(1, "not a valid local time"))

    case is_dst do
      true -> posixtime_to_universaltime(universaltime_to_posixtime(datetime) - 3600)
      dst when dst in [false, :undefined] -> datetime
      _ -> raise(ArgumentError, arg_error(2, "not 'true', 'false', or 'undefined'"))
    end
  end

  @doc "The local time of the UTC time `datetime` (1902 on): the same."
  def universaltime_to_localtime(datetime) do
    if valid_time_1902(datetime), do: datetime, else: bad_universal_time(datetime)
  end

  # The dates the C library's time conversions take on a 64-bit OTP 25.
  defp valid_time_1902({{y, m, d}, {h, min, sec}})
       when is_integer(y) and y >= 1902 and is_integer(m) and is_integer(d) and is_integer(h) and
              is_integer(min) and is_integer(sec) and h in 0..23 and min in 0..59 and sec in 0..59,
       do: :calendar.valid_date(y, m, d)

  defp valid_time_1902(_), do: false

  ## Checksums of concatenations

  @doc "The Adler-32 of `a <> b` from `adler32(a)`, `adler32(b)` and `byte_size(b)`."
  def adler32_combine(first, second, size) do
    check_checksums(first, second, size)
    base = 65_521
    n = rem(size, base)
    lo1 = Bitwise.band(first, 0xFFFF)
    lo = rem(lo1 + Bitwise.band(second, 0xFFFF) + base - 1, base)
    hi = rem(Bitwise.bsr(first, 16) + Bitwise.bsr(second, 16) + n * lo1 + base - n, base)
    Bitwise.bor(Bitwise.bsl(hi, 16), lo)
  end

  @doc "The CRC-32 of `a <> b` from `crc32(a)`, `crc32(b)` and `byte_size(b)`."
  def crc32_combine(first, second, size) do
    check_checksums(first, second, size)
    # The CRC register after `size` zero bytes is a linear map of the one
    # before: apply the map of one zero byte squared again and again (a
    # 32x32 bit matrix over GF(2), one column a word) for the bits of size.
    one_bit = List.to_tuple([0xEDB88320 | Enum.map(0..30, &Bitwise.bsl(1, &1))])
    one_byte = one_bit |> gf2_square() |> gf2_square() |> gf2_square()
    Bitwise.bxor(crc_shift(first, size, one_byte), second)
  end

  defp crc_shift(crc, 0, _op), do: crc

  defp crc_shift(crc, size, op) do
    crc = if Bitwise.band(size, 1) == 1, do: gf2_times(op, crc, 0, 0), else: crc
    next = Bitwise.bsr(size, 1)
    if next == 0, do: crc, else: crc_shift(crc, next, gf2_square(op))
  end

  defp gf2_times(_op, 0, _i, acc), do: acc

  defp gf2_times(op, vec, i, acc) do
    acc = if Bitwise.band(vec, 1) == 1, do: Bitwise.bxor(acc, elem(op, i)), else: acc
    gf2_times(op, Bitwise.bsr(vec, 1), i + 1, acc)
  end

  defp gf2_square(op), do: op |> Tuple.to_list() |> Enum.map(&gf2_times(op, &1, 0, 0)) |> List.to_tuple()

  defp check_checksums(first, second, size) do
    for {n, v} <- [{1, first}, {2, second}, {3, size}] do
      cond do
        not is_integer(v) -> raise(ArgumentError, arg_error(n, "not an integer"))
        v < 0 -> raise(ArgumentError, arg_error(n, "out of range"))
        v <= 0xFFFFFFFF -> :ok
        # OTP 25 names no argument for a size past 32 bits.
        n == 3 -> raise(ArgumentError, "argument error")
        true -> raise(ArgumentError, arg_error(n, "out of range"))
      end
    end
  end
  # ---- display/1: the emulator's own printer (erts' erl_printf_term) ----

  @doc """
  Prints `term` as the emulator's own printer writes it (not `~w`: floats as
  C's `%e`, `<<"abc">>` only for ASCII, `"abc"` for a list of Latin-1
  text), then `"\\r\\n"`, on standard output; `true`.
  """
  def display(term) do
    # Bytes as they are (Latin-1 text in lists): erts writes them straight out.
    :beamlet.io_write(:stdio, IO.iodata_to_binary([display_text(term), "\r\n"]))
    true
  end

  @doc "Prints the characters of `string` on standard error (a newline as `\\r\\n`); `true`."
  def display_string(string) when is_list(string) or is_binary(string) do
    text = if is_list(string), do: :erlang.list_to_binary(string), else: string
    :beamlet.io_write(:stderr, String.replace(text, "\n", "\r\n"))
    true
  end

  def display_string(_string), do: :erlang.error(:badarg)

  @doc "Prints `\\r\\n` on standard error; `true`."
  def display_nl do
    :beamlet.io_write(:stderr, "\r\n")
    true
  end

  defp display_text(t) when is_integer(t), do: Integer.to_string(t)
  defp display_text(t) when is_float(t), do: :erlang.float_to_binary(t, [{:scientific, 6}])
  defp display_text(t) when is_atom(t), do: display_atom(Atom.to_string(t))
  defp display_text(t) when is_tuple(t), do: ["{", display_join(Tuple.to_list(t)), "}"]
  defp display_text([]), do: "[]"

  defp display_text(t) when is_list(t) do
    if display_chars?(t) do
      text =
        for c <- t do
          case c do
            ?\n -> "\\n"
            ?" -> "\\\""
            c -> <<c>>
          end
        end

      [?", text, ?"]
    else
      ["[", display_list(t), "]"]
    end
  end

  defp display_text(t) when is_map(t) do
    pairs = for {k, v} <- :beamlet.map_fold_list(t), do: [display_text(k), "=>", display_text(v)]
    ["\#{", Enum.intersperse(pairs, ","), "}"]
  end

  defp display_text(t) when is_binary(t) do
    cond do
      t == "" ->
        "<<>>"

      display_ascii?(t) ->
        ["<<\"", String.replace(t, "\"", "\\\""), "\">>"]

      true ->
        ["<<", Enum.intersperse(for(<<b <- t>>, do: Integer.to_string(b)), ","), ">>"]
    end
  end

  defp display_text(t) when is_bitstring(t) do
    bytes = byte_size(t) - 1
    <<whole::binary-size(bytes), rest::bits>> = t
    n = bit_size(rest)
    <<last::size(n)>> = rest
    items = for(<<b <- whole>>, do: Integer.to_string(b)) ++ ["#{last}:#{n}"]
    ["<<", Enum.intersperse(items, ","), ">>"]
  end

  defp display_text(t) when is_pid(t) or is_port(t),
    do: inspect(t) |> String.replace_prefix("#PID", "")

  defp display_text(t) when is_function(t) do
    case Function.info(t, :type) do
      {:type, :external} ->
        {:module, m} = Function.info(t, :module)
        {:name, f} = Function.info(t, :name)
        {:arity, a} = Function.info(t, :arity)
        ["fun ", display_text(m), ":", display_text(f), "/", Integer.to_string(a)]

      _ ->
        {:module, m} = Function.info(t, :module)
        ["#Fun<", Atom.to_string(m), ">"]
    end
  end

  defp display_text(t), do: inspect(t) |> String.replace_prefix("#Reference", "#Ref")

  defp display_join(items), do: Enum.intersperse(Enum.map(items, &display_text/1), ",")

  defp display_list([h | t]) when is_list(t) and t != [], do: [display_text(h), "," | display_list(t)]
  defp display_list([h]), do: display_text(h)
  defp display_list([h | t]), do: [display_text(h), "|", display_text(t)]

  # A list is shown as text when its elements are Latin-1 printable
  # characters, tab, newline or carriage return (and it is proper).
  defp display_chars?([c | t]) when c in 32..126 or c in 160..255 or c in [?\t, ?\n, ?\r],
    do: display_chars?(t)

  defp display_chars?([]), do: true
  defp display_chars?(_), do: false

  defp display_ascii?(<<c, rest::binary>>) when c in 32..126, do: display_ascii?(rest)
  defp display_ascii?(<<>>), do: true
  defp display_ascii?(_), do: false

  # Unquoted: a Latin-1 lowercase letter, then letters, digits or `_`.
  defp display_atom(name) do
    codes = String.to_charlist(name)

    if display_bare?(codes) do
      name
    else
      text =
        for c <- codes do
          case c do
            ?' -> "\\'"
            ?\\ -> "\\\\"
            ?\n -> "\\n"
            ?\f -> "\\f"
            ?\t -> "\\t"
            ?\r -> "\\r"
            ?\b -> "\\b"
            ?\v -> "\\v"
            c when c < 32 -> "\\" <> String.pad_leading(Integer.to_string(c, 8), 3, "0")
            c -> <<c::utf8>>
          end
        end

      [?', text, ?']
    end
  end

  defp display_bare?([c | rest]), do: display_lower?(c) and Enum.all?(rest, &display_alnum?/1)
  defp display_bare?([]), do: false

  defp display_lower?(c), do: c in ?a..?z or (c in 223..255 and c != 247)

  defp display_alnum?(c),
    do: display_lower?(c) or c in ?A..?Z or c in ?0..?9 or c == ?_ or (c in 192..222 and c != 215)
end
