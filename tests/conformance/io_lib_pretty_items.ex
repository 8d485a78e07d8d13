# `~p` over lines (io_lib_pretty): which items share a line. Strings,
# charlists, `[]`, `{}` and `#{}` are "atomic" and fill lines; a
# non-empty list, tuple or map, or a binary written as bytes, takes a
# line of its own, as does the item after it. A binary written as bytes
# that does not fit is broken over lines, indented past its `<<`.
long = String.duplicate("x", 30)
items = [long, {}, long, %{}, long, [], long, 'abc', long, <<1, 2>>, long, <<1::3>>, long, "s", long]
:io.format("~p~n", [items])
:io.format("~p~n", [List.to_tuple([:tag | items])])
:io.format("~p~n", [List.to_tuple(items)])
bytes = :binary.copy(<<1, 2, 3>>, 40)
:io.format("~p~n", [bytes])
:io.format("~p~n", [[bytes, :x]])
:io.format("~p~n", [[:x, bytes]])
:io.format("~p~n", [{:ok, bytes}])
:io.format("~p~n", [%{k: bytes}])
:io.format("~p~n", [<<:binary.copy(<<200, 1>>, 30)::binary, 1::3>>])
:io.format("~p~n", [:binary.copy(<<255>>, 40)])
:io.format("~40p~n", [:binary.copy(<<1, 2>>, 30)])
:io.format("~P~n", [[bytes, bytes], 30])
:io.format("~P~n", [{:ok, :binary.copy(<<7>>, 100)}, 40])
:io.format("~p~n", [{:a_tuple, "with strings", 'and charlists', [nested: [keyword: :lists]], 1.5e100}])
:io.format("~p~n", [List.duplicate('and charlists', 7)])
:io.format("~p~n", [List.to_tuple([:tag | List.duplicate('charlist', 9)])])
:io.format("~p~n", [[[1, 2, 3], :a, :b, String.duplicate("y", 60)]])
:io.format("~p~n", [[String.duplicate("y", 70), 'abcdefghijklmnop']])
:io.format("~p~n", [{String.duplicate("y", 70), 'abcdefghijklmnop', []}])
:io.format("~p~n", [%{String.duplicate("k", 40) => 'chars', "v" => <<0, 1>>, "w" => [1], "z" => {}}])
:io.format("~tp~n", [["ünïcode", String.duplicate("é", 40), <<0, 1, 2>>, 'ab', String.duplicate("é", 30)]])

# Tagged tuples (an atom first) laid out with io_lib_pretty's TInd: the
# elements line up after `{tag,` when every broken tuple's elements start
# before half the line; else (TInd 4, then 1) they follow the tag and a
# new line is TInd columns in, and a map's values go TInd columns in.
:io.format("~8P~n", [{:alpha, :beta, :gamma, :delta}, 3])
:io.format("~p~n", [[[[[[[[[[[[[[[[[[[[{:some_tag, "value number one", "value number two", "three"}]]]]]]]]]]]]]]]]]]]])
:io.format("~p~n", [List.duplicate({:a_long_tag_name_here_xx, [1, 2, 3], "string string string string"}, 2)])
:io.format("~p~n", [{:ok, %{key: "a value that is long enough", other: Enum.to_list(1..12)}}])
:io.format("~50p~n", [{:error, {:nested_reason, %{map_key: "map value long long", x: {:tag, 1, 2, 3}}}}])
:io.format("~30p~n", [[{:ab, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, {:abcdefgh, Enum.to_list(1..10)}]])
:io.format("~20p~n", [%{k: {:tagged, "long value here", "more"}}])
:io.format("~p~n", [{:tag, [{:inner_tag, String.duplicate("x", 50)}, {:inner_tag, String.duplicate("y", 30)}]}])
:io.format("~40p~n", [{:state, :running, [1, 2, 3], %{a: 1, b: 2, c: 3, d: 4, e: 5}, {:sub, :x, :y}}])
:io.format("~p~n", [[{:deeply, [{:nested, [{:tagged, [{:tuples, String.duplicate("z", 60)}]}]}]}]])
