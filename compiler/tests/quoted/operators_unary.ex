-a
+a
!a
^a
not a
~~~a
@a
&a
- a
-(a)
-(-a)
- -a
!!a
not not a
^(a)
-a.b
-a.b()
-a[1]
-@a
@a.b
@a[b]
@a + b
@foo bar
@foo bar, baz
@foo(bar)
@foo(bar, baz)
@foo.bar baz
@unquote(a)
@(a)
@@a
-@a + b
!a.b
!(a && b)
not(a)
a = not b
a = !b
a = ~~~b
f(not a)
f(!a)
