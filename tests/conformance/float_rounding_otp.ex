# Where OTP's float texts round differently from the exact value: shortest digits
# break an exact tie as Ryu does (mostly to the even digit); io_lib's ~f/~e/~g round half up on the
# 21 digits of float_to_list/1; float_to_binary's {:decimals, n} scales the fraction
# in doubles below 19 decimals.
ties = [1.0e15 + 0.3, 184826735319827.625, 1728458690489984.25, 1.0e15 + 0.75, 975634514211885.25,
        :math.pow(2, -24), :math.pow(2, -25), 3 * :math.pow(2, -24), 1.0728836059570312e-6]

for f <- ties do
  IO.puts(Enum.join([inspect(f), to_string(f), :erlang.float_to_binary(f, [:short]),
                     :io_lib.format("~w ~p", [f, f]) |> IO.iodata_to_binary()], " "))
end

IO.inspect([1.0e15 + 0.3, -(1.0e15 + 0.3)])

for f <- [9706.5, 894.25, 8768.125, 12056.25, 0.125, 2.675, 1.005, -9706.5, -0.0, 0.0,
          1.1396629073038682e21, 0.1, 999.5, 9.9995, 1.0e-10] do
  IO.puts(:io_lib.format("~e|~.4e|~.2e|~f|~.2f|~.1f|~.25f|~g|~.3g|~12.3f|~-12.2e|", [f, f, f, f, f, f, f, f, f, f, f]))
end

for f <- [0.20545, 0.5375, 0.91565, 6.1795, 485.6045, 2.675, 1.005, 0.125, 2.5, 0.5, 1.5,
          123456.785, 0.44675, -0.20545, -2.5, 9.5, 99.995, 1.0e-20, 7.899268971366392e-7] do
  texts = for d <- [0, 1, 2, 3, 4, 10, 19, 20, 25], do: :erlang.float_to_binary(f, decimals: d)
  compact = for d <- [2, 4, 6], do: :erlang.float_to_binary(f, [:compact, decimals: d])
  IO.puts(Enum.join(texts ++ compact, " "))
end
