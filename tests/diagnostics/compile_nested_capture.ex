# compile error: nested captures `&` are not allowed
f = &(Enum.map(&1, &(&1 + 1)))
IO.inspect(f.([1]))
