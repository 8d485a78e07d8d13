# Erlang/OTP 25's `:ets`. The tables and every operation on them are
# built-ins (vm/src/bif/ets.rs: a table lives outside every process heap);
# each `def` here that calls `:ets.f(...)` with the same arity compiles to
# that built-in, so the functions can also be applied and captured. What is
# written in the language: `foldl`/`foldr` (over `first`/`next`/`lookup`,
# the table fixed meanwhile), `repair_continuation`, and `fun2ms`'s exit.
defmodule :ets do
  @moduledoc false

  def new(name, options), do: :ets.new(name, options)
  def delete(table), do: :ets.delete(table)
  def delete(table, key), do: :ets.delete(table, key)
  def delete_all_objects(table), do: :ets.delete_all_objects(table)
  def delete_object(table, object), do: :ets.delete_object(table, object)
  def insert(table, objects), do: :ets.insert(table, objects)
  def insert_new(table, objects), do: :ets.insert_new(table, objects)
  def lookup(table, key), do: :ets.lookup(table, key)
  def lookup_element(table, key, pos), do: :ets.lookup_element(table, key, pos)
  def member(table, key), do: :ets.member(table, key)
  def take(table, key), do: :ets.take(table, key)
  def tab2list(table), do: :ets.tab2list(table)
  def slot(table, i), do: :ets.slot(table, i)
  def safe_fixtable(table, fix), do: :ets.safe_fixtable(table, fix)
  def first(table), do: :ets.first(table)
  def last(table), do: :ets.last(table)
  def next(table, key), do: :ets.next(table, key)
  def prev(table, key), do: :ets.prev(table, key)
  def update_counter(table, key, op), do: :ets.update_counter(table, key, op)

  def update_counter(table, key, op, default),
    do: :ets.update_counter(table, key, op, default)

  def update_element(table, key, op), do: :ets.update_element(table, key, op)
  def info(table), do: :ets.info(table)
  def info(table, item), do: :ets.info(table, item)
  def all(), do: :ets.all()
  def whereis(name), do: :ets.whereis(name)
  def rename(table, name), do: :ets.rename(table, name)
  def give_away(table, pid, data), do: :ets.give_away(table, pid, data)
  def setopts(table, options), do: :ets.setopts(table, options)
  def select(continuation), do: :ets.select(continuation)
  def select(table, spec), do: :ets.select(table, spec)
  def select(table, spec, limit), do: :ets.select(table, spec, limit)
  def select_reverse(continuation), do: :ets.select_reverse(continuation)
  def select_reverse(table, spec), do: :ets.select_reverse(table, spec)
  def select_reverse(table, spec, limit), do: :ets.select_reverse(table, spec, limit)
  def select_count(table, spec), do: :ets.select_count(table, spec)
  def select_delete(table, spec), do: :ets.select_delete(table, spec)
  def select_replace(table, spec), do: :ets.select_replace(table, spec)
  def match(continuation), do: :ets.match(continuation)
  def match(table, pattern), do: :ets.match(table, pattern)
  def match(table, pattern, limit), do: :ets.match(table, pattern, limit)
  def match_object(continuation), do: :ets.match_object(continuation)
  def match_object(table, pattern), do: :ets.match_object(table, pattern)
  def match_object(table, pattern, limit), do: :ets.match_object(table, pattern, limit)
  def match_delete(table, pattern), do: :ets.match_delete(table, pattern)
  def match_spec_compile(spec), do: :ets.match_spec_compile(spec)
  def match_spec_run(list, compiled), do: :ets.match_spec_run(list, compiled)
  def is_compiled_ms(term), do: :ets.is_compiled_ms(term)
  def test_ms(tuple, spec), do: :ets.test_ms(tuple, spec)

  @doc "Calls `fun` on each object and an accumulator, from the first key on (the table fixed meanwhile)."
  def foldl(fun, acc, table) when is_function(fun, 2) do
    :ets.safe_fixtable(table, true)
    first = :ets.first(table)

    try do
      fold(fun, acc, table, first, &:ets.next/2, &:lists.foldl/3)
    after
      :ets.safe_fixtable(table, false)
    end
  end

  def foldl(fun, acc, table), do: :lists.foldl(fun, acc, table)

  @doc "Calls `fun` on each object and an accumulator, from the last key back (a key's objects last first)."
  def foldr(fun, acc, table) when is_function(fun, 2) do
    :ets.safe_fixtable(table, true)
    last = :ets.last(table)

    try do
      fold(fun, acc, table, last, &:ets.prev/2, &:lists.foldr/3)
    after
      :ets.safe_fixtable(table, false)
    end
  end

  def foldr(fun, acc, table), do: :lists.foldr(fun, acc, table)

  defp fold(_fun, acc, _table, :"$end_of_table", _step, _each), do: acc

  defp fold(fun, acc, table, key, step, each) do
    acc = each.(fun, acc, :ets.lookup(table, key))
    fold(fun, acc, table, step.(table, key), step, each)
  end

  @doc "OTP's `fun2ms/1` needs its parse transform: called at run time, it exits so."
  def fun2ms(fun) when is_function(fun, 1) do
    words =
      ~w(function called with real fun should be transformed with parse_transform or called with a fun generated in the shell)a

    exit({:badarg, {:ets, :fun2ms, words}})
  end

  @doc "Replaces the table's objects by those `init_fun.(:read)` gives, chunk by chunk."
  def init_table(table, init_fun) when is_function(init_fun, 1) do
    true = :ets.delete_all_objects(table)
    init_chunks(table, init_fun.(:read))
  end

  defp init_chunks(_table, :end_of_input), do: true

  defp init_chunks(table, {objects, next}) when is_list(objects) and is_function(next, 1) do
    :ets.insert(table, objects)
    init_chunks(table, next.(:read))
  end

  defp init_chunks(table, other), do: :erlang.error(:badarg, [table, other])

  @doc false
  def match_spec_run_r(list, compiled, acc) do
    :lists.foldl(
      fn object, acc ->
        case :ets.match_spec_run([object], compiled) do
          [result] -> [result | acc]
          [] -> acc
        end
      end,
      acc,
      list
    )
  end

  @doc "A continuation stays valid here: returns it."
  def repair_continuation(continuation, _spec), do: continuation


  ## Tables saved to files. The file is beamlet's own format (a header line
  ## and the table in the external term format), not OTP's disk_log: a
  ## table saved by beamlet is read back by beamlet.

  # The file's first line.
  @tab_file_magic "beamlet ets table 1\n"

  @doc "Saves the table `table` to the file `filename`: `:ok` or `{:error, reason}`."
  def tab2file(table, filename), do: tab2file(table, filename, [])

  @doc "Same as `tab2file/2`; `opts`: `{:extended_info, [:object_count | :md5sum]}`, `{:sync, boolean}`."
  def tab2file(table, filename, opts) when is_list(opts) do
    case :ets.info(table) do
      :undefined ->
        {:error, :badtab}

      info ->
        extended = Keyword.get(opts, :extended_info, [])

        header = [
          name: info[:name],
          type: info[:type],
          protection: info[:protection],
          named_table: info[:named_table],
          keypos: info[:keypos],
          size: info[:size],
          extended_info: extended,
          version: {1, 0}
        ]

        data = :erlang.term_to_binary({header, :ets.tab2list(table)})
        :file.write_file(filename, [@tab_file_magic, data], [])
    end
  end

  @doc "The header of a table saved by `tab2file/2`: `{:ok, info}` or `{:error, reason}`."
  def tabfile_info(filename) do
    with {:ok, {header, _objects}} <- read_tab_file(filename), do: {:ok, header}
  end

  @doc "A new table made from the file `filename` saved by `tab2file/2`: `{:ok, table}` or `{:error, reason}`."
  def file2tab(filename), do: file2tab(filename, [])

  @doc "Same as `file2tab/1`; `opts`: `{:verify, boolean}` (the size is checked)."
  def file2tab(filename, opts) when is_list(opts) do
    with {:ok, {header, objects}} <- read_tab_file(filename) do
      named = if header[:named_table], do: [:named_table], else: []
      options = [header[:type], header[:protection], {:keypos, header[:keypos]}] ++ named

      try do
        :ets.new(header[:name], options)
      rescue
        ArgumentError -> {:error, :cannot_create_table}
      else
        table ->
          :ets.insert(table, objects)

          if Keyword.get(opts, :verify, false) and :ets.info(table, :size) != header[:size] do
            :ets.delete(table)
            {:error, :invalid_object_count}
          else
            {:ok, table}
          end
      end
    end
  end

  defp read_tab_file(filename) do
    case :file.read_file(filename) do
      {:ok, @tab_file_magic <> data} ->
        try do
          {:ok, {_header, _objects} = :erlang.binary_to_term(data)}
        rescue
          _ -> {:error, {:read_error, {:not_a_log_file, filename}}}
        end

      {:ok, _} ->
        {:error, {:read_error, {:not_a_log_file, filename}}}

      {:error, reason} ->
        {:error, {:read_error, {:file_error, filename, reason}}}
    end
  end
end
