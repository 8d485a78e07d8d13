# String.jaro_distance/2, bag_distance/2, myers_difference/2, duplicate/2
pairs = [{"same", "same"}, {"any", ""}, {"", "any"}, {"", ""}, {"martha", "marhta"}, {"martha", "marhha"},
  {"dwayne", "duane"}, {"dixon", "dicksonx"}, {"xdicksonx", "dixon"}, {"shackleford", "shackelford"},
  {"dunningham", "cunnigham"}, {"jones", "johnson"}, {"hardin", "martinez"}, {"itman", "smith"},
  {"michelle", "michael"}, {"sean", "susan"}, {"jon", "john"}, {"семена", "стремя"}, {"abc", "xyz"}]

for {a, b} <- pairs do
  IO.inspect({a, b, String.jaro_distance(a, b), String.bag_distance(a, b)})
end

IO.inspect(String.bag_distance("\r\t\xFF\v", "\xFF\r\n\xFF"))
IO.inspect(String.bag_distance("abcc", "abbbc"))

for {a, b} <- [{"", "abc"}, {"abc", ""}, {"", ""}, {"abc", "abc"}, {"abc", "aйbc"}, {"aйbc", "abc"}, {"kitten", "sitting"}, {"noël", "noel"}] do
  IO.inspect(String.myers_difference(a, b))
end

IO.inspect({String.duplicate("abc", 0), String.duplicate("abc", 3), String.duplicate("&ã$", 2), String.duplicate("", 5)})

try do
  String.duplicate("abc", -1)
rescue
  e -> IO.puts(Exception.message(e))
end
