# :file.read_file_info/1,2, read_link_info, write_file_info, change_time/2,3, list_dir_all, read_link_all, delete/2; File.Stat.to_record/from_record.
dir = Path.join(System.tmp_dir!(), "beamlet_conf_erlang_file_info_#{System.pid()}")
File.rm_rf!(dir); File.mkdir_p!(dir)
f = Path.join(dir, "a.txt")
File.write!(f, "hello")
{:ok, info} = :file.read_file_info(f)
IO.inspect {elem(info, 0), elem(info, 1), elem(info, 2), elem(info, 3), tuple_size(info)}
IO.inspect :file.read_file_info(String.to_charlist(f), time: :posix) |> elem(1) |> elem(1)
IO.inspect :file.read_file_info(Path.join(dir, "nope"))
IO.inspect :file.read_link_info(Path.join(dir, "nope"))
IO.inspect :file.change_time(f, {{2020, 1, 2}, {3, 4, 5}})
{:ok, info} = :file.read_file_info(f, time: :universal)
IO.inspect elem(info, 5)
IO.inspect :file.change_time(f, {{2019, 5, 6}, {7, 8, 9}}, {{2021, 1, 1}, {0, 0, 0}})
{:ok, info} = :file.read_file_info(f, time: :universal)
IO.inspect {elem(info, 4), elem(info, 5)}
IO.inspect :file.write_file_info(f, put_elem(info, 7, 0o100600))
{:ok, info} = :file.read_file_info(f)
IO.inspect {Bitwise.band(elem(info, 7), 0o777), elem(info, 3)}
IO.inspect :file.write_file_info(f, {:file_info, :undefined, :undefined, :undefined, :undefined, 1_600_000_000, :undefined, :undefined, :undefined, :undefined, :undefined, :undefined, :undefined, :undefined}, time: :posix)
IO.inspect :file.read_file_info(f, time: :posix) |> elem(1) |> elem(5)
IO.inspect File.Stat.from_record(info) |> Map.take([:size, :type, :access])
IO.inspect File.Stat.to_record(File.stat!(f)) |> elem(1)
IO.inspect :file.change_time(Path.join(dir, "nope"), {{2020, 1, 2}, {3, 4, 5}})
File.ln_s!("a.txt", Path.join(dir, "l"))
IO.inspect {:file.read_link_info(Path.join(dir, "l")) |> elem(1) |> elem(2), :file.read_file_info(Path.join(dir, "l")) |> elem(1) |> elem(2)}
IO.inspect {:file.read_link_all(Path.join(dir, "l")), :file.list_dir_all(dir) |> elem(1) |> Enum.sort, :file.native_name_encoding()}
IO.inspect {:file.delete(Path.join(dir, "l"), [:raw]), :file.delete(Path.join(dir, "l"), [:raw]), :file.list_dir_all(Path.join(dir, "nope"))}
IO.inspect :file.raw_read_file_info(f) |> elem(1) |> elem(1)
File.rm_rf!(dir)
