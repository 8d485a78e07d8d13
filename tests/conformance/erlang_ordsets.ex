# OTP 25's :ordsets: sorted unique lists, set algebra and predicates.
s = :ordsets.from_list([3, 1, 2, 3, :a, 1.0, "x"])
IO.inspect(s)
IO.inspect({:ordsets.size(s), :ordsets.is_empty(s), :ordsets.is_empty(:ordsets.new())})
IO.inspect({:ordsets.is_set(s), :ordsets.is_set([2, 1]), :ordsets.is_set([1, 1]), :ordsets.is_set(:x), :ordsets.is_set([])})
IO.inspect({:ordsets.is_element(2, s), :ordsets.is_element(2.0, s), :ordsets.is_element(9, s)})
IO.inspect(:ordsets.add_element(2.5, s))
IO.inspect(:ordsets.add_element(2.0, s))
IO.inspect(:ordsets.add_element(:z, []))
IO.inspect(:ordsets.del_element(2.0, s))
IO.inspect(:ordsets.del_element(100, s))
a = [1, 2, 3, 5, 8]
b = [2, 3, 4, 8.0, 9]
IO.inspect(:ordsets.union(a, b))
IO.inspect(:ordsets.union([a, b, [0, 100]]))
IO.inspect(:ordsets.union([]))
IO.inspect(:ordsets.intersection(a, b))
IO.inspect(:ordsets.intersection([a, b, [3, 8]]))
IO.inspect(:ordsets.intersection([a]))
IO.inspect(:ordsets.subtract(a, b))
IO.inspect(:ordsets.subtract(b, a))
IO.inspect({:ordsets.is_disjoint(a, b), :ordsets.is_disjoint(a, [4, 6]), :ordsets.is_disjoint([], a)})
IO.inspect({:ordsets.is_subset([2, 3], a), :ordsets.is_subset([2, 4], a), :ordsets.is_subset([], []), :ordsets.is_subset([1], [])})
IO.inspect(:ordsets.fold(fn x, acc -> acc + x end, 0, a))
IO.inspect(:ordsets.filter(&(rem(&1, 2) == 1), a))
IO.inspect(:ordsets.to_list(a))
try do
  :ordsets.intersection([])
rescue
  e -> IO.puts(Exception.format_banner(:error, e))
end
