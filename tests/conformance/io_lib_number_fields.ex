# io_lib's numbers in fields too narrow for them (stars, as OTP's term/5), -0.0's sign,
# ~c without the t modifier (the character modulo 256), ~tp of binaries whose
# characters are outside the Latin-1 printable range, and ~x/~X prefixes.
for {fmt, args} <- [
      {"~3B|", [12345]}, {"~-3B|", [12345]}, {"~5B|", [123]}, {"~3.16B|", [255 * 255]},
      {"~2.10#|", [123]}, {"~6.2#|", [5]}, {"~5.2f|", [123.456]}, {"~5e|", [1.5]},
      {"~4g|", [1.5]}, {"~12.3f|", [1.1396629073038682e21]}, {"~9.2f|", [-3.5]},
      {"~e|~f|~g", [-0.0, -0.0, -0.0]}, {"~.3e|~.1f", [-0.0, -0.0]}, {"~10.2f|", [-0.0]},
      {"~p ~w", [-0.0, -0.0]}, {"~3w|", [:abcdef]}, {"~3s|", ["abcdef"]},
      {"~c~c", [955, 65]}, {"~tc", [955]}, {"~3c|", [256 + ?a]},
      {"~tp ~tp ~tp", [["日本"], "héllo", [1488, 1489]]}, {"~p ~p", ["héllo", [233]]},
      {"~tp", ["abc"]}, {"~p", ["日本"]},
      {"~x|", [255, '0x']}, {"~.16X|", [-255, :pre]}, {"~.16x|", [255, ['#', [?!]]]},
      {"~8.16x|", [255, '0x']}, {"~-8.16X|", [255, '0x']},
      {"~X", [255, "0x"]}, {"~x", [255, 1]}
    ] do
  IO.puts(
    try do
      :io_lib.format(fmt, args) |> :unicode.characters_to_binary() |> inspect()
    rescue
      e -> "#{inspect(fmt)}: #{inspect(e.__struct__)}"
    end
  )
end
