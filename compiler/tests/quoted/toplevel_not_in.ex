x not in y
