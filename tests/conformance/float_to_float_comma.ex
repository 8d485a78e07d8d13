# String.to_float/1, List.to_float/1 and :erlang.binary_to_float/1 take a
# comma for the decimal point as OTP 25 does ("2,5" is 2.5); Float.parse/1
# does not (it stops at the comma).
texts = ["2,5", "2,5e3", "2.5", "2,", ",5", "2,5,5", "-1,25", "2.5,1", "1,0e-2", "2,5E3", "12,345.6", "+3,0", "1,5e", "0,000001"]

attempt = fn f ->
  try do
    inspect(f.())
  rescue
    e in ArgumentError -> "ArgumentError: " <> String.replace(e.message, "\n", " ")
  end
end

for s <- texts do
  IO.puts(
    Enum.join(
      [
        s,
        attempt.(fn -> String.to_float(s) end),
        attempt.(fn -> List.to_float(String.to_charlist(s)) end),
        attempt.(fn -> :erlang.binary_to_float(s) end),
        attempt.(fn -> :erlang.list_to_float(String.to_charlist(s)) end),
        inspect(Float.parse(s))
      ],
      " | "
    )
  )
end
