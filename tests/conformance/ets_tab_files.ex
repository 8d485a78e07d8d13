# :ets.tab2file/2,3, tabfile_info/1, file2tab/1,2 (a table saved and read back; errors).
dir = Path.join(System.tmp_dir!(), "beamlet_conf_ets_files_#{System.pid()}")
File.rm_rf!(dir); File.mkdir_p!(dir)
f = String.to_charlist(Path.join(dir, "t.ets"))
t = :ets.new(:tt, [:named_table, :bag, :public, {:keypos, 2}])
:ets.insert(t, [{:a, 1}, {:b, 1}, {:c, 2}])
IO.inspect :ets.tab2file(t, f)
IO.inspect :ets.tabfile_info(f)
:ets.delete(t)
{:ok, t2} = :ets.file2tab(f)
IO.inspect {t2, :ets.info(t2, :type), :ets.info(t2, :keypos), :ets.info(t2, :protection), Enum.sort(:ets.tab2list(t2))}
IO.inspect :ets.file2tab(f)
u = :ets.new(:unnamed, [:ordered_set])
:ets.insert(u, for(i <- 1..5, do: {i, i * i}))
g = String.to_charlist(Path.join(dir, "u.ets"))
IO.inspect :ets.tab2file(u, g, extended_info: [:object_count])
{:ok, info} = :ets.tabfile_info(g)
IO.inspect {info[:named_table], info[:type], info[:size], info[:extended_info]}
{:ok, u2} = :ets.file2tab(g, verify: true)
IO.inspect {is_reference(u2), :ets.tab2list(u2), :ets.info(u2, :protection)}
bad = Path.join(dir, "bad")
File.write!(bad, "xx")
missing = String.to_charlist(Path.join(dir, "nope"))
IO.inspect {:ets.file2tab(missing) |> elem(1) |> elem(0), :ets.tabfile_info(missing) |> elem(1) |> elem(1) |> elem(2)}
IO.inspect :ets.file2tab(String.to_charlist(bad)) |> elem(1) |> elem(1) |> elem(0)
IO.inspect :ets.tab2file(:nope, f)
File.rm_rf!(dir)
