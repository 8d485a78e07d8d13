%% Test harness for tools/maporder/model.py: reads key sets, builds maps on
%% the real VM and prints their key orders (as indices into the key list).
-module(mo_harness).
-export([main/1, prepare/1]).

main([In, Out]) ->
    {Header, Cases} = prepare(In),
    {ok, Fd} = file:open(Out, [write, raw, delayed_write]),
    w(Fd, Header),
    lists:foreach(fun({Id, Keys}) -> run_case(Fd, Id, Keys) end, Cases),
    ok = file:close(Fd),
    halt().

%% Reads a case file; creates the fresh atoms (first), refs and funs; returns
%% the header lines for the model and the cases with their keys built.
prepare(In) ->
    {ok, Terms} = file:consult(In),
    [{atoms, Names} | Rest0] = Terms,
    C0 = erlang:system_info(atom_count),
    As = list_to_tuple([list_to_atom(N) || N <- Names]),
    C1 = erlang:system_info(atom_count),
    H0 = io_lib:format("ATOMBASE ~w ~w~n", [C0, C1]),
    [{refs, NRefs} | Rest1] = Rest0,
    Refs = list_to_tuple([make_ref() || _ <- lists:seq(1, NRefs)]),
    H1 = [io_lib:format("REF ~w~s~n",
                        [I, [[" ", integer_to_list(X)] || X <- ref_ids(element(I, Refs))]])
          || I <- lists:seq(1, NRefs)],
    {Funs, H2, Rest} =
        case Rest1 of
            [{funmod, ModIdx, Beam} | R] ->
                Mod = element(ModIdx, As),
                {ok, Bin} = file:read_file(Beam),
                {module, Mod} = code:load_binary(Mod, Beam, Bin),
                Fs = list_to_tuple(Mod:funs()),
                FL = [begin
                          F = element(I, Fs),
                          {index, Ix} = erlang:fun_info(F, index),
                          {new_index, NIx} = erlang:fun_info(F, new_index),
                          {uniq, U} = erlang:fun_info(F, uniq),
                          {env, Env} = erlang:fun_info(F, env),
                          io_lib:format("FUN ~w ~w ~w ~w ~w~n", [I, Ix, NIx, U, length(Env)])
                      end || I <- lists:seq(1, tuple_size(Fs))],
                {Fs, FL, R};
            R ->
                {{}, [], R}
        end,
    Ctx = {As, Refs, Funs},
    Cases = [{Id, [subst(S, Ctx) || S <- Specs]} || {'case', Id, Specs} <- Rest],
    {[H0, H1, H2], Cases}.

w(Fd, IoList) -> ok = file:write(Fd, IoList).

ref_ids(R) ->
    <<131, 90, Len:16, Rest/binary>> = term_to_binary(R),
    Ids = skip_node(Rest),
    [X || <<X:32>> <= binary:part(Ids, 0, 4 * Len)].

skip_node(<<100, L:16, _:L/binary, _Cr:32, Ids/binary>>) -> Ids;
skip_node(<<118, L:16, _:L/binary, _Cr:32, Ids/binary>>) -> Ids;
skip_node(<<119, L:8, _:L/binary, _Cr:32, Ids/binary>>) -> Ids.

subst({'$a', N}, {As, _, _}) -> element(N, As);
subst({'$r', N}, {_, Rs, _}) -> element(N, Rs);
subst({'$f', N}, {_, _, Fs}) -> element(N, Fs);
subst({'$o', N}, _) -> list_to_port("#Port<0." ++ integer_to_list(N) ++ ">");
subst({'$p', N, S}, _) -> list_to_pid("<0." ++ integer_to_list(N) ++ "." ++ integer_to_list(S) ++ ">");
subst(T, C) when is_tuple(T) -> list_to_tuple(subst_list(tuple_to_list(T), C));
subst(L, C) when is_list(L) -> subst_list(L, C);
subst(M, C) when is_map(M) -> maps:from_list([{subst(K, C), subst(V, C)} || {K, V} <- maps:to_list(M)]);
subst(X, _) -> X.

subst_list([], _) -> [];
subst_list([H | T], C) -> [subst(H, C) | subst_tail(T, C)].
subst_tail(T, C) when is_list(T) -> subst_list(T, C);
subst_tail(T, C) -> subst(T, C).

it(I) -> case maps:next(I) of none -> []; {_, V, I2} -> [V | it(I2)] end.

run_case(Fd, Id, Keys) ->
    N = length(Keys),
    Pairs = lists:zip(Keys, lists:seq(0, N - 1)),
    M = maps:from_list(Pairs),
    case map_size(M) of
        N -> run_case(Fd, Id, Keys, M);
        _ -> w(Fd, ["DUP ", integer_to_list(Id), "\n"])
    end.

run_case(Fd, Id, Keys, M) ->
    N = length(Keys),
    Pairs = lists:zip(Keys, lists:seq(0, N - 1)),
    ToList = maps:values(M),
    ToList = [V || {_, V} <- maps:to_list(M)],
    Iter = it(maps:iterator(M)),
    Iter = lists:reverse(maps:fold(fun(_, V, A) -> [V | A] end, [], M)),
    %% the same keys put one by one in another order, and with extra keys
    %% removed again, must give the same map layout
    Shuffled = [P || {_, P} <- lists:sort([{erlang:phash2({X, Id}), X} || X <- Pairs])],
    M2 = lists:foldl(fun({K, V}, Acc) -> maps:put(K, V, Acc) end, #{}, Shuffled),
    Extra = [{{extra, I}, -1} || I <- lists:seq(1, 7)],
    M3 = maps:without([K || {K, _} <- Extra], maps:merge(maps:from_list(Extra), M)),
    Same = (maps:values(M2) =:= ToList) andalso (maps:values(M3) =:= ToList),
    w(Fd, ["CASE ", integer_to_list(Id), " ", atom_to_list(Same), "\n",
           "TOLIST", [[" ", integer_to_list(V)] || V <- ToList], "\n",
           "ITER", [[" ", integer_to_list(V)] || V <- Iter], "\n"]).
