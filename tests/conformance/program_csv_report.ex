# Text processing: CSV parsing, report formatting, caesar cipher, anagrams.
csv = """
name,dept,salary,start
Alice,Engineering,120000,2019-03-01
Bob,Marketing,85000,2020-07-15
Carol,Engineering,135000,2017-11-30
Dan,Sales,70000,2021-01-04
Eve,Marketing,92000,2018-05-22
"""

[header | rows] = String.split(csv, "\n", trim: true)
keys = header |> String.split(",") |> Enum.map(&String.to_atom/1)

records =
  Enum.map(rows, fn row ->
    keys
    |> Enum.zip(String.split(row, ","))
    |> Map.new()
    |> Map.update!(:salary, &String.to_integer/1)
    |> Map.update!(:start, &Date.from_iso8601!/1)
  end)

IO.inspect(hd(records))

records
|> Enum.group_by(& &1.dept)
|> Enum.map(fn {dept, rs} -> {dept, length(rs), Enum.sum(Enum.map(rs, & &1.salary)) / length(rs)} end)
|> Enum.sort()
|> Enum.each(fn {dept, n, avg} ->
  IO.puts("#{String.pad_trailing(dept, 12)} #{n} #{:erlang.float_to_binary(avg, decimals: 1) |> String.pad_leading(10)}")
end)

senior = Enum.filter(records, &(Date.compare(&1.start, ~D[2019-01-01]) == :lt)) |> Enum.map(& &1.name)
IO.inspect(senior, label: "senior")
IO.inspect(Enum.min_by(records, & &1.start, Date).name)
IO.inspect(Date.diff(~D[2021-01-04], ~D[2017-11-30]))

caesar = fn text, shift ->
  text
  |> String.to_charlist()
  |> Enum.map(fn
    c when c in ?a..?z -> rem(c - ?a + shift, 26) + ?a
    c when c in ?A..?Z -> rem(c - ?A + shift, 26) + ?A
    c -> c
  end)
  |> List.to_string()
end

enc = caesar.("Hello, World!", 3)
IO.puts(enc)
IO.puts(caesar.(enc, 23))

words = ~w(listen silent enlist google tinsel banana inlets)
words
|> Enum.group_by(&(&1 |> String.graphemes() |> Enum.sort()))
|> Map.values()
|> Enum.filter(&(length(&1) > 1))
|> IO.inspect()

IO.puts(String.capitalize("élan vital"))
IO.inspect(String.split("  many   spaces here ", " ", trim: true))
IO.inspect("hello world" |> String.split() |> Enum.map(&String.capitalize/1) |> Enum.join(" "))
IO.inspect(String.replace("2024-01-15", "-", "/"))
IO.inspect(Regex.scan(~r/\d+/, "a1b22c333") |> List.flatten())
IO.inspect(String.jaro_distance("martha", "marhta"))
IO.puts(String.reverse("stressed"))
IO.inspect(for <<c <- "abc">>, do: c + 1)
