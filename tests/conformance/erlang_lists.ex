# Erlang/OTP 25's :lists module called from Elixir: every function, edge cases and errors.
defmodule Show do
  def run(label, fun) do
    result =
      try do
        inspect(fun.())
      rescue
        e -> "** #{inspect(e.__struct__)} #{Exception.message(e)}"
      end

    IO.puts("#{label}: #{result}")
  end
end

defmodule Main do
  def run do
    s = &Show.run/2
    id = fn x -> x end
    big = fn x -> x > 2 end
    s.("append", fn -> {:lists.append([[1], [2, 3], []]), :lists.append([[1], 2]), :lists.append([1], [2])} end)
    s.("append bad", fn -> :lists.append([:a, [1]]) end)
    s.("subtract", fn -> :lists.subtract([1, 2, 1, 3], [1, 3]) end)
    s.("nth nthtail", fn -> {:lists.nth(2, [:a, :b]), :lists.nthtail(1, [:a, :b]), :lists.nthtail(0, [])} end)
    s.("nth bad", fn -> :lists.nth(3, [:a, :b]) end)
    s.("prefix suffix", fn -> {:lists.prefix([1], [1, 2]), :lists.prefix([2], [1]), :lists.suffix([2], [1, 2]), :lists.suffix([1, 2, 3], [3])} end)
    s.("suffix bad", fn -> :lists.suffix([1], :x) end)
    s.("droplast last", fn -> {:lists.droplast([1, 2, 3]), :lists.last([1, 2, 3])} end)
    s.("last bad", fn -> :lists.last([]) end)
    s.("seq", fn -> {:lists.seq(1, 5), :lists.seq(1, 0), :lists.seq(1, 10, 3), :lists.seq(5, 1, -2), :lists.seq(3, 3, 0), :lists.seq(1, -1, 2)} end)
    s.("seq/2 bad", fn -> :lists.seq(2, 0) end)
    s.("seq/3 bad inc", fn -> :lists.seq(1, 5, -1) end)
    s.("seq/3 zero", fn -> :lists.seq(5, 1, 0) end)
    s.("seq/3 not integers", fn -> :lists.seq(1.0, 2, :a) end)
    s.("sum max min", fn -> {:lists.sum([1, 2.5]), :lists.max([1, 3, 3.0]), :lists.min([2, 1.0, 1]), :lists.sum([])} end)
    s.("sum bad", fn -> :lists.sum([1, :a]) end)
    s.("max bad", fn -> :lists.max([]) end)
    s.("duplicate", fn -> :lists.duplicate(3, :x) end)
    s.("sublist", fn -> {:lists.sublist([1, 2, 3], 2), :lists.sublist([1, 2, 3], 5), :lists.sublist([1, 2, 3], 2, 5), :lists.sublist([1, 2], 3, 1)} end)
    s.("sublist bad", fn -> :lists.sublist([1, 2], -1) end)
    s.("sublist/3 bad", fn -> :lists.sublist([1, 2], 0, 1) end)
    s.("delete", fn -> {:lists.delete(1, [2, 1, 1]), :lists.delete(1, [1.0])} end)
    s.("split", fn -> {:lists.split(1, [1, 2, 3]), :lists.split(0, [])} end)
    s.("split bad", fn -> :lists.split(4, [1, 2, 3]) end)
    s.("join", fn -> {:lists.join(:x, [1, 2, 3]), :lists.join(:x, [])} end)
    s.("flatten flatlength", fn -> {:lists.flatten([1, [2, [3, []]]]), :lists.flatten([[1]], [2, [3]]), :lists.flatlength([1, [2, [3, []]]])} end)
    s.("flatten bad", fn -> :lists.flatten([1 | 2]) end)
    s.("concat", fn -> :lists.concat([:a, 1, 'b', -2, 1.5, 0.1, 1.0e100]) end)
    s.("concat bad", fn -> :lists.concat(["a"]) end)
    s.("enumerate uniq", fn -> {:lists.enumerate([:a, :b]), :lists.enumerate(0, [:a]), :lists.uniq([1, 1.0, 1, 2]), :lists.uniq(&rem(&1, 3), [1, 2, 3, 4])} end)
    s.("zip", fn -> {:lists.zip([1, 2], [:a, :b]), :lists.zip3([1], [2], [3]), :lists.unzip([{1, :a}, {2, :b}]), :lists.unzip3([{1, 2, 3}])} end)
    s.("zipwith", fn -> {:lists.zipwith(&+/2, [1, 2], [3, 4]), :lists.zipwith3(fn a, b, c -> a * b * c end, [1, 2], [3, 4], [5, 6])} end)
    s.("zip bad", fn -> :lists.zip([1], []) end)
    s.("unzip bad", fn -> :lists.unzip([{1}]) end)
    s.("all any", fn -> {:lists.all(big, [3, 4]), :lists.all(big, [3, 1]), :lists.any(big, [1, 3]), :lists.any(big, [])} end)
    s.("all not boolean", fn -> :lists.all(id, [1]) end)
    s.("map flatmap", fn -> {:lists.map(&(&1 * 2), [1, 2]), :lists.flatmap(&[&1, &1], [1, 2])} end)
    s.("map bad list", fn -> :lists.map(id, :x) end)
    s.("map improper", fn -> :lists.map(id, [1 | 2]) end)
    s.("map bad fun", fn -> :lists.map(:nope, []) end)
    s.("foldl foldr", fn -> {:lists.foldl(&[&1 | &2], [], [1, 2, 3]), :lists.foldr(&[&1 | &2], [], [1, 2, 3])} end)
    s.("foldl improper", fn -> :lists.foldl(&[&1 | &2], [], [1 | 2]) end)
    s.("filter", fn -> :lists.filter(big, [1, 3, 2, 4]) end)
    s.("filter not boolean", fn -> :lists.filter(id, [1]) end)
    s.("filter not list", fn -> :lists.filter(big, :x) end)
    s.("partition filtermap", fn -> {:lists.partition(big, [1, 3, 2, 4]), :lists.filtermap(fn x -> x > 2 and {true, x * 10} end, [1, 3]), :lists.zf(id, [true, false])} end)
    s.("filtermap bad", fn -> :lists.filtermap(id, [{:ok, 1}]) end)
    s.("foreach", fn -> :lists.foreach(fn x -> IO.puts(x) end, [:one, :two]) end)
    s.("mapfoldl mapfoldr", fn -> {:lists.mapfoldl(&{&1 * 2, &1 + &2}, 0, [1, 2, 3]), :lists.mapfoldr(&{&1, [&1 | &2]}, [], [1, 2, 3])} end)
    s.("mapfoldl bad", fn -> :lists.mapfoldl(&(&1 + &2), 0, [1]) end)
    s.("takewhile dropwhile", fn -> {:lists.takewhile(big, [3, 4, 1, 5]), :lists.dropwhile(big, [3, 4, 1, 5]), :lists.splitwith(big, [3, 1, 4])} end)
    s.("search", fn -> {:lists.search(big, [1, 3, 4]), :lists.search(big, [1])} end)
    s.("splitwith bad", fn -> :lists.splitwith(big, [3 | 4]) end)
    tl = [{:a, 1}, {:b, 2}, {:c, 1.0}]
    s.("keymember keysearch", fn -> {:lists.keymember(1, 2, tl), :lists.keymember(:z, 1, tl), :lists.keysearch(1, 2, tl), :lists.keysearch(:z, 1, tl)} end)
    s.("keysearch bad", fn -> :lists.keysearch(1, 0, :x) end)
    s.("keysearch improper", fn -> :lists.keymember(1, 1, [{2} | 3]) end)
    s.("keydelete keyreplace", fn -> {:lists.keydelete(1, 2, tl), :lists.keyreplace(1.0, 2, tl, {:new}), :lists.keydelete(:z, 1, [:x, {:z}])} end)
    s.("keytake keystore", fn -> {:lists.keytake(:b, 1, tl), :lists.keytake(:z, 1, tl), :lists.keystore(:z, 1, tl, {:z, 0})} end)
    s.("keydelete bad", fn -> :lists.keydelete(1, 0, tl) end)
    s.("keymap", fn -> :lists.keymap(&(&1 * 10), 2, tl) end)
    s.("keymap bad", fn -> :lists.keymap(id, 3, tl) end)
    s.("keysort", fn -> {:lists.keysort(2, tl), :lists.ukeysort(2, tl), :lists.keysort(1, [:x])} end)
    s.("keysort bad", fn -> :lists.keysort(1, [{1}, :x]) end)
    s.("keymerge", fn -> {:lists.keymerge(2, [{:a, 1}, {:b, 3}], [{:c, 1.0}, {:d, 2}]), :lists.ukeymerge(2, [{:a, 1}, {:b, 3}], [{:c, 1.0}, {:d, 2}])} end)
    s.("keymerge bad", fn -> :lists.keymerge(1, [], :x) end)
    nums = [3, 1.0, 2, 1, 3.0, 0]
    s.("sort", fn -> {:lists.sort(nums), :lists.sort(&>=/2, nums), :lists.sort(&</2, nums), :lists.usort(nums), :lists.usort(&>=/2, nums)} end)
    s.("sort bad", fn -> :lists.sort(fn _, _ -> :maybe end, [1, 2]) end)
    s.("usort improper", fn -> :lists.usort([2, 1 | 0]) end)
    s.("merge", fn -> {:lists.merge([1, 3], [1.0, 2]), :lists.merge(&>=/2, [3, 1], [2.0, 2]), :lists.merge([[1, 4], [2], [0, 5]]), :lists.merge3([1], [0], [2])} end)
    s.("umerge", fn -> {:lists.umerge([1, 3], [1.0, 2, 3]), :lists.umerge(&>=/2, [3, 1], [3.0, 2]), :lists.umerge([[1, 4], [1.0], [4, 5]]), :lists.umerge3([1], [1.0, 2], [2])} end)
    s.("merge bad", fn -> :lists.merge([], [1 | 2]) end)
    s.("reverse member keyfind", fn -> {:lists.reverse([1, 2]), :lists.reverse([1], [2]), :lists.member(1.0, [1]), :lists.keyfind(1, 1, [{1.0}])} end)
  end
end

Main.run()
