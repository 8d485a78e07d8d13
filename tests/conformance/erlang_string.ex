# :string: the Unicode API and the old list API, binaries and charlists
IO.inspect [:string.trim("  hi  "), :string.trim('  hi  '), :string.trim("xxhixx", :both, 'x'), :string.trim("  hi  ", :leading), :string.trim("  hi  ", :trailing)]
IO.inspect [:string.split("a,b,c", ","), :string.split("a,b,c", ",", :all), :string.split("a,b,c", ",", :trailing), :string.split('a,b', ','), :string.split("abc", "")]
IO.inspect [:string.lexemes("a  b,c", ' ,'), :string.lexemes('a b', ' '), :string.lexemes("a\r\nb", [[?\r, ?\n]])]
IO.inspect [:string.to_lower('ABC'), :string.to_upper('abc'), :string.uppercase("héllo"), :string.lowercase("ÀB"), :string.casefold("ß"), :string.titlecase("hello")]
IO.inspect [:string.pad("ab", 5), :string.pad("ab", 5, :leading), :string.pad("ab", 5, :both, ?*), :string.pad('ab', 6, :both), :string.pad("abcdef", 3)]
IO.inspect [:string.find("abcbc", "bc"), :string.find("abcbc", "bc", :trailing), :string.find("abc", "x"), :string.find('abcbc', 'c')]
IO.inspect [:string.replace("abcbc", "bc", "X"), :string.replace("abcbc", "bc", "X", :all), :string.replace('abc', 'b', 'ZZ'), :string.replace("abcbc", "bc", "X", :trailing)]
IO.inspect [:string.length("héllo"), :string.length('abc'), :string.slice("hello", 1), :string.slice("hello", 1, 2), :string.slice('hello', 10), :string.reverse("abc"), :string.reverse('abc')]
IO.inspect [:string.tokens('a b,c', ' ,'), :string.join(['a', 'b'], ', '), :string.to_integer("12abc"), :string.to_integer('x'), :string.to_float("1.5x"), :string.to_float("1"), :string.is_empty(""), :string.is_empty([[]]), :string.is_empty("a")]
IO.inspect [:string.equal("a", 'a'), :string.equal("A", "a", true), :string.prefix("foobar", "foo"), :string.prefix("foobar", "x"), :string.next_grapheme("abc"), :string.next_codepoint('abc'), :string.next_grapheme(""), :string.chomp("ab\n"), :string.chomp('ab\r\n')]
IO.inspect [:string.take("abc123", '0123456789', true), :string.take("abc123", 'abc'), :string.nth_lexeme("a b c", 2, ' '), :string.to_graphemes("abc"), :string.to_integer("-12"), :string.to_integer(""), :string.to_float("-1.5e3rest")]
IO.inspect [:string.len('abc'), :string.concat('a', 'b'), :string.chr('abc', ?b), :string.rchr('abcb', ?b), :string.str('abcd', 'cd'), :string.rstr('abcbc', 'bc'), :string.span('112a', '12'), :string.cspan('abc1', '1'), :string.substr('hello', 2), :string.substr('hello', 2, 2), :string.sub_string('hello', 2, 3), :string.strip('  a  '), :string.strip('xxaxx', :both, ?x), :string.left('ab', 4), :string.right('ab', 4, ?.), :string.centre('ab', 6), :string.copies('ab', 3), :string.words('a b  c'), :string.sub_word('a b c', 2), :string.chars(?a, 3), :string.chars(?a, 2, 'b')]
IO.inspect([:string.slice("hello", 10), :string.slice("héllo", 1, 2), :string.trim("\t\n a \r\n"), :string.split("a--b--c", "--", :all), :string.reverse("héllo")])
IO.inspect([:string.to_integer(" 12"), :string.to_integer("+5"), :string.take("abc", [?a], false, :trailing), :string.take("cba", [?a], false, :trailing)])
IO.inspect([:string.find("abc", ""), :string.lexemes("", [?,]), :string.lexemes(",,a,,b,", [?,]), :string.split("", ","), :string.split(",a,", ",", :all)])
IO.inspect([:string.pad("héllo", 7), :string.length("日本語"), :string.uppercase('abc'), :string.equal("abc", "abd"), :string.to_float("1.0e+2x"), :string.to_float("1.e2")])
IO.inspect([:string.tokens('  a  b ', ' '), :string.join(['x'], '-'), :string.join([], '-'), :string.centre('abcdef', 3), :string.right('abcdef', 3), :string.left('abcdef', 3)])
