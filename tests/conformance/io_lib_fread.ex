# :io_lib.fread/2 (every control, widths, suppression, errors) and fread/3 fed line by line.
tests = [
  {'~d', '12 rest'}, {'~d', '  -12'}, {'~d', '+5x'}, {'~d~d', '1 2'}, {'~d ~d', '1 2'}, {'~d', 'abc'}, {'~d', ''}, {'~d', '   '},
  {'~u', '12'}, {'~u', '-12'}, {'~3d', '12345'}, {'~-', '-5'}, {'~f', '1.5 x'}, {'~f', '1'}, {'~f', '-1.5e3'}, {'~f', '1.5e'},
  {'~s', '  hello world'}, {'~a', 'foo bar'}, {'~c', 'xyz'}, {'~3c', 'xyz w'}, {'~l', 'abc'}, {'~#', '16#ff'}, {'~#', '2#101 '},
  {'~e', '1.5e3'}, {'~e', '1.5'}, {'~g', '1.5'}, {'~g', '2'}, {'~*d', '12 3'}, {'~*d~d', '12 3'}, {'a~d', 'a5'}, {'a~d', 'b5'},
  {'~d,~d', '1,2'}, {'~d\n', '1\n'}, {'~s~s', 'ab cd'}, {'~2s', 'abcd'}, {'~d', '12.5'}, {'~f', '12'}, {'~x', '1'},
  {'', 'abc'}, {'~d~~', '1~'}, {'~10s', 'ab'}, {'~a', '   '}, {'~s', ''}, {'~d', '1\n2'}, {' ~d', '\n\n7'}, {'~5f', '1.25e2'}
]
for {f, i} <- tests do
  IO.inspect({f, i, (try do :io_lib.fread(f, i) rescue e -> e catch k, v -> {k, v} end)})
end
tag = fn {:more, _} -> :more; other -> other end
IO.inspect(tag.(:io_lib.fread([], '~d', '12 r')))
{:more, c} = :io_lib.fread([], '12', '~d')
IO.inspect(tag.(:io_lib.fread(c, ' 3', '~d')))
{:more, c2} = :io_lib.fread(c, ' 3', '~d')
IO.inspect :io_lib.fread(c2, '\n4 5\n', '~d')
IO.inspect :io_lib.fread([], '7 8\nrest', '~d')
IO.inspect :io_lib.fread([], 'x\nrest', '~d')
IO.inspect :io_lib.fread([], '\n9\n', '~d')
IO.inspect :io_lib.fread(c, :eof, '~d')
for c <- ['9\n', '9\nx', '\n9\nx', '\n9 \nx', '9 \n'], do: IO.inspect({c, :io_lib.fread([], c, '~d')})
for c <- ['x', '1 ', '12', '1 2', '1 2 3', 'a'], do: IO.inspect({c, :io_lib.fread(elem(:io_lib.fread([], c, '~d~d'), 1), :eof, '~d~d')})
IO.inspect :io_lib.fread([], :eof, '~d')
IO.inspect(tag.(:io_lib.fread([], '  ', '~d')))
tests2 = [{'~s', '   '}, {'~c', ''}, {'~d', ' '}, {'~f', ' '}, {'~d~d', '1'}, {'~d ~d', '1 '}, {'~-', '5'}, {'~-', '+5'}, {'~3s', 'a bcd'}, {'~3s', '  abcd'},
 {'~#', '36#zz'}, {'~#', '37#1'}, {'~#', '-16#f'}, {'~#', '16#'}, {'~#', 'ff'}, {'~d~l', '12'}, {'~s~l', ' ab cd'}, {'~*s~s', 'ab cd'}, {'~2d', '-123'},
 {'~a~c', 'ab c'}, {'~c~c', 'a b'}, {'~d', '٣'}, {'~f', '.5'}, {'~f', '1.'}, {'~f', '+1.5'}, {'~f', '1.5E2'}, {'~f', '1.5e-2x'}, {'~u', '+3'}, {'~s', 'ab\ncd'}, {'x', ''}, {' ', ''}, {'~', '1'}, {'~3', '1'}, {'~d', 'é'}, {'~s', 'é'}]
for {f, i} <- tests2 do
  IO.inspect({f, i, (try do :io_lib.fread(f, i) rescue e -> e catch k, v -> {k, v} end)})
end
