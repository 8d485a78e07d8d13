# compile error: pinned variable `^x` was never bound
case 1 do
  ^x -> :same
  _ -> :other
end
