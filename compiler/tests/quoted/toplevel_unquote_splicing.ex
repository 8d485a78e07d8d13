unquote_splicing(x)
