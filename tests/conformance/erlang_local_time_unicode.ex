# :erlang's local-time conversions (the machine's zone is UTC) and
# :unicode's exported inner functions, with OTP 25's error texts.
dt = {{2022, 1, 2}, {3, 4, 5}}
IO.inspect(:erlang.localtime_to_universaltime(dt))
IO.inspect(:erlang.localtime_to_universaltime(dt, true))
IO.inspect(:erlang.localtime_to_universaltime(dt, false))
IO.inspect(:erlang.localtime_to_universaltime(dt, :undefined))
IO.inspect(:erlang.localtime_to_universaltime({{2022, 1, 1}, {0, 30, 0}}, true))
IO.inspect(:erlang.localtime_to_universaltime({{2024, 3, 1}, {0, 0, 0}}, true))
IO.inspect(:erlang.universaltime_to_localtime(dt))
IO.inspect(:erlang.universaltime_to_localtime({{2038, 1, 19}, {3, 14, 8}}))
check = fn f ->
  try do
    IO.inspect(f.())
  rescue
    e -> IO.inspect(Exception.message(e))
  end
end
for d <- [{1901, 12, 31}, {1902, 1, 1}, {9999, 12, 31}, {2023, 2, 29}, {2024, 2, 29}] do
  check.(fn -> :erlang.localtime_to_universaltime({d, {12, 0, 0}}) end)
  check.(fn -> :erlang.universaltime_to_localtime({d, {12, 0, 0}}) end)
end
check.(fn -> :erlang.localtime_to_universaltime(1) end)
check.(fn -> :erlang.localtime_to_universaltime({{2022, 1, 1}, {24, 0, 0}}) end)
check.(fn -> :erlang.localtime_to_universaltime(dt, 1) end)
check.(fn -> :erlang.universaltime_to_localtime({{2022, 13, 1}, {0, 0, 0}}) end)
IO.inspect(Enum.map(["abc", "é", "", <<127>>, <<128>>, 1, ~c"abc"], &:unicode.bin_is_7bit/1))
IO.inspect(:unicode.characters_to_binary_int(~c"abc", :unicode))
IO.inspect(:unicode.characters_to_binary_int([?a, 300], :latin1))
IO.inspect(:unicode.characters_to_binary_int("é", :latin1))
IO.inspect(:unicode.characters_to_binary_int([-1], :unicode))
IO.inspect(:unicode.characters_to_list_int("abc", :unicode))
IO.inspect(:unicode.characters_to_list_int(<<255>>, :unicode))
IO.inspect(:unicode.characters_to_list_int(<<233>>, :latin1))
check.(fn -> :unicode.characters_to_list_int(:a, :unicode) end)
check.(fn -> :unicode.characters_to_binary_int(:a, :unicode) end)
check.(fn -> :unicode.characters_to_binary_int("a", :foo) end)
