# Calendar.strftime/3 widths and padding on every directive: a preferred
# format (%c %x %X) is padded by the count of its pieces (each directive
# and each literal character), zeros by default; %Z pads even when empty;
# %z and %f take no padding; `-` never pads.
values = [~N[2024-01-01 10:11:12.345], ~U[2024-01-01 10:11:12Z], ~D[2021-07-04], ~T[23:05:09.9]]
modifiers = ["", "-", "_", "0", "3", "-3", "_5", "05", "10", "_12", "015"]

for v <- values do
  directives =
    case v do
      %Date{} -> ~w(a A b B d e j m u x y Y q %)
      %Time{} -> ~w(H I M S p P f X %)
      _ -> ~w(a A b B c d e f H I j m M p P q S u x X y Y z Z %)
    end

  for d <- directives do
    line =
      Enum.map_join(modifiers, "|", fn m ->
        try do
          Calendar.strftime(v, "%" <> m <> d)
        rescue
          e in ArgumentError -> "error: " <> e.message
        end
      end)

    IO.puts("#{inspect(v)} %#{d}: #{line}")
  end
end

IO.puts(Calendar.strftime(~N[2024-01-01 10:11:12], "%12c", preferred_datetime: "%H%M"))
IO.puts(Calendar.strftime(~N[2024-01-01 10:11:12], "%_8x|%-8x", preferred_date: "%d.%m"))
