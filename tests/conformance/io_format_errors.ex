cases = [{'~d~n', [1]}, {'~p ~p', [1]}, {'~p', [1, 2]}, {'~-5p', [1]}, {'~b', [:x]}, {'~s', [1]}, {'~f', [1]},
  {'~x', [1]}, {'abc', :notalist}, {'~*b', [:w, 1]}, {'~e and ~e', [1.0, 2]}, {"~W", [1, :a]}, {'~5.2f', [1]}, {'~z', []}]
for {f, a} <- cases do
  try do
    :io_lib.format(f, a)
  rescue
    e -> IO.inspect({:io_lib, f, Exception.message(e)})
  end
  try do
    :io.format(f, a)
  rescue
    e -> IO.inspect({:io, f, Exception.message(e)})
  end
end
:io.format("~s ~p ~w~n", ["ok", [1], {2}])
