//! Bytecode to Cranelift IR: one native function per bytecode function,
//! instruction by instruction (the module doc of `jit` says what native
//! code does itself and what it leaves to helpers and the interpreter).

use super::helpers::*;
use super::{Why, CTX_LEFT, CTX_REGS_END, CTX_STACK_LIMIT, NEVER, SLOT_FUN_WORD, SLOT_STATE};
use crate::atom;
use crate::code::{CmpOp, CodeTable, FunId, Function, Op, TypeTest};
use crate::term::{Header, HeaderKind, Term};
use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::types::I64;
use cranelift_codegen::ir::{
    AbiParam, Block, FuncRef, InstBuilder, MemFlagsData, SigRef, Signature, Value,
};
use cranelift_codegen::isa::{CallConv, TargetFrontendConfig};
use cranelift_frontend::{FunctionBuilder, Switch};
use std::collections::HashMap;
use std::sync::atomic::AtomicUsize;

/// Translates one function's bytecode into Cranelift IR, instruction by instruction.
pub(super) struct Gen<'a, 'b> {
    b: FunctionBuilder<'b>,
    code: &'a CodeTable,
    fid: FunId,
    f: &'a Function,
    ctx: Value,
    win: Value,
    /// The entry checks (see [`Gen::entry_checks`]), where a self tail call goes.
    start: Block,
    /// The block of each instruction.
    blocks: Vec<Block>,
    exits: HashMap<(usize, Why), Block>,
    self_ref: FuncRef,
    tail: SigRef,
    /// Helper signatures by parameter count.
    helpers: HashMap<usize, SigRef>,
    host: CallConv,
    frontend: TargetFrontendConfig,
}

impl<'a, 'b> Gen<'a, 'b> {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn new(
        mut b: FunctionBuilder<'b>,
        code: &'a CodeTable,
        fid: FunId,
        f: &'a Function,
        self_ref: FuncRef,
        sig: &Signature,
        host: CallConv,
        frontend: TargetFrontendConfig,
    ) -> Gen<'a, 'b> {
        let entry = b.create_block();
        b.append_block_params_for_function_params(entry);
        let start = b.create_block();
        let blocks: Vec<Block> = (0..f.code.len()).map(|_| b.create_block()).collect();
        b.switch_to_block(entry);
        let p = b.block_params(entry).to_vec();
        b.ins().jump(start, &[]);
        b.switch_to_block(start);
        let tail = b.import_signature(sig.clone());
        let mut g = Gen {
            b,
            code,
            fid,
            f,
            ctx: p[0],
            win: p[1],
            start,
            blocks,
            exits: HashMap::new(),
            self_ref,
            tail,
            helpers: HashMap::new(),
            host,
            frontend,
        };
        g.entry_checks();
        g
    }

    fn imm(&mut self, v: u64) -> Value {
        self.b.ins().iconst(I64, v as i64)
    }

    fn get(&mut self, r: u16) -> Value {
        self.b
            .ins()
            .load(I64, MemFlagsData::trusted(), self.win, 8 * r as i32)
    }

    fn set(&mut self, r: u16, v: Value) {
        self.b
            .ins()
            .store(MemFlagsData::trusted(), v, self.win, 8 * r as i32);
    }

    /// Calls the Rust helper at `addr` with word arguments; it returns a word.
    fn helper(&mut self, addr: usize, args: &[Value]) -> Value {
        let sig = match self.helpers.get(&args.len()) {
            Some(s) => *s,
            None => {
                let mut sig = Signature::new(self.host);
                sig.params
                    .extend(std::iter::repeat_n(AbiParam::new(I64), args.len()));
                sig.returns.push(AbiParam::new(I64));
                let s = self.b.import_signature(sig);
                self.helpers.insert(args.len(), s);
                s
            }
        };
        let f = self.imm(addr as u64);
        let call = self.b.ins().call_indirect(sig, f, args);
        self.b.inst_results(call)[0]
    }

    /// Calls a helper about instruction `pc` of this function: its
    /// arguments are `(ctx, fun, pc, win, extra...)`.
    fn helper_at(&mut self, addr: usize, pc: usize, extra: &[Value]) -> Value {
        let fid = self.imm(self.fid as u64);
        let pcv = self.imm(pc as u64);
        let mut args = vec![self.ctx, fid, pcv, self.win];
        args.extend_from_slice(extra);
        self.helper(addr, &args)
    }

    /// The block that exits to the interpreter before instruction `pc`
    /// (filled in by [`Gen::finish`]).
    fn exit(&mut self, pc: usize, why: Why) -> Block {
        if let Some(b) = self.exits.get(&(pc, why)) {
            return *b;
        }
        let blk = self.b.create_block();
        self.b.set_cold_block(blk);
        self.exits.insert((pc, why), blk);
        blk
    }

    /// Fills the exit blocks and completes the function.
    pub(super) fn finish(mut self) {
        let mut exits: Vec<((usize, Why), Block)> = self.exits.drain().collect();
        exits.sort_by_key(|((pc, why), _)| (*pc, *why as u8));
        for ((pc, why), blk) in exits {
            self.b.switch_to_block(blk);
            let whyv = self.imm(why as u64);
            let zero = self.helper_at(jit_exit as *const () as usize, pc, &[whyv]);
            self.b.ins().return_(&[zero]);
        }
        self.b.seal_all_blocks();
        self.b.finalize(self.frontend);
    }

    /// Continues in a new block when `cond` is false, going to `to` when true.
    fn branch_if(&mut self, cond: Value, to: Block) {
        let next = self.b.create_block();
        self.b.ins().brif(cond, to, &[], next, &[]);
        self.b.switch_to_block(next);
    }

    /// Branches to `then` when word `x` passes `test`, else to `els`: on
    /// the tag bits (and the header's kind) for the common tests, by the
    /// `jit_is_type` helper for the others (and for integers that are not
    /// small).
    fn type_test(&mut self, x: Value, test: TypeTest, then: Block, els: Block) {
        let tag = |g: &mut Self, bits: i64| {
            let t = g.b.ins().band_imm_u(x, 0b111);
            g.b.ins().icmp_imm_s(IntCC::Equal, t, bits)
        };
        let boxed_kind = |g: &mut Self, kinds: &[HeaderKind]| {
            let b = tag(g, 0);
            let load = g.b.create_block();
            g.b.ins().brif(b, load, &[], els, &[]);
            g.b.switch_to_block(load);
            let h = g.b.ins().load(I64, MemFlagsData::trusted(), x, 0);
            let low = g.b.ins().band_imm_u(h, 0xff);
            let mut ok = None;
            for &k in kinds {
                let want = Header::new(k, 0).0 & 0xff;
                let c = g.b.ins().icmp_imm_s(IntCC::Equal, low, want as i64);
                ok = Some(match ok {
                    None => c,
                    Some(o) => g.b.ins().bor(o, c),
                });
            }
            ok.expect("at least one kind")
        };
        let ok = match test {
            TypeTest::Cons => tag(self, 0b010),
            TypeTest::Nil => self
                .b
                .ins()
                .icmp_imm_s(IntCC::Equal, x, Term::NIL.raw() as i64),
            TypeTest::List => {
                let c = tag(self, 0b010);
                let n = self
                    .b
                    .ins()
                    .icmp_imm_s(IntCC::Equal, x, Term::NIL.raw() as i64);
                self.b.ins().bor(c, n)
            }
            TypeTest::Atom => {
                let low = self.b.ins().band_imm_u(x, 0xff);
                let want = atom::TRUE.raw() & 0xff;
                self.b.ins().icmp_imm_s(IntCC::Equal, low, want as i64)
            }
            TypeTest::Boolean => {
                let t = self
                    .b
                    .ins()
                    .icmp_imm_s(IntCC::Equal, x, atom::TRUE.raw() as i64);
                let f = self
                    .b
                    .ins()
                    .icmp_imm_s(IntCC::Equal, x, atom::FALSE.raw() as i64);
                self.b.ins().bor(t, f)
            }
            TypeTest::Tuple => boxed_kind(self, &[HeaderKind::Tuple]),
            TypeTest::Map => boxed_kind(self, &[HeaderKind::Map, HeaderKind::HashMap]),
            _ => {
                if matches!(test, TypeTest::Integer | TypeTest::Number) {
                    let small = self.b.ins().band_imm_u(x, 1);
                    self.branch_if(small, then);
                }
                let t = self.imm(test as u64);
                self.helper(jit_is_type as *const () as usize, &[x, t])
            }
        };
        self.b.ins().brif(ok, then, &[], els, &[]);
    }

    /// Whether both words are small integers (as a value to branch on).
    fn both_small(&mut self, x: Value, y: Value) -> Value {
        let a = self.b.ins().band(x, y);
        self.b.ins().band_imm_u(a, 1)
    }

    /// Goes to `then` if `x cc y` in term order, else to `els`: on the
    /// words when both are small integers, else by `order::compare`.
    fn compare(&mut self, x: Value, y: Value, cc: IntCC, then: Block, els: Block) {
        let fast = self.b.create_block();
        let slow = self.b.create_block();
        let s = self.both_small(x, y);
        self.b.ins().brif(s, fast, &[], slow, &[]);
        self.b.switch_to_block(fast);
        let c = self.b.ins().icmp(cc, x, y);
        self.b.ins().brif(c, then, &[], els, &[]);
        self.b.switch_to_block(slow);
        self.b.set_cold_block(slow);
        let o = self.helper(jit_compare as *const () as usize, &[x, y]);
        let c = self.b.ins().icmp_imm_s(cc, o, 0);
        self.b.ins().brif(c, then, &[], els, &[]);
    }

    /// Goes to `then` if the words are equal or else `pred(x, y)` (a helper
    /// returning 0 or 1) holds, else to `els`.
    fn equal(&mut self, x: Value, y: Value, pred: usize, then: Block, els: Block) {
        let differ = self.b.create_block();
        let c = self.b.ins().icmp(IntCC::Equal, x, y);
        self.b.ins().brif(c, then, &[], differ, &[]);
        self.b.switch_to_block(differ);
        let r = self.helper(pred, &[x, y]);
        self.b.ins().brif(r, then, &[], els, &[]);
    }

    /// `x + y` on tagged small integers (`y_word` is `y`'s word minus the
    /// tag, `2*y`): exits to the interpreter at `pc` on overflow or when
    /// `check` is not a small integer.
    fn small_add(&mut self, pc: usize, check: Value, x: Value, y_word: Value, sub: bool) -> Value {
        let slow = self.exit(pc, Why::Slow);
        let bit = self.b.ins().band_imm_u(check, 1);
        let not_small = self.b.ins().icmp_imm_s(IntCC::Equal, bit, 0);
        self.branch_if(not_small, slow);
        let (r, of) = if sub {
            self.b.ins().ssub_overflow(x, y_word)
        } else {
            self.b.ins().sadd_overflow(x, y_word)
        };
        self.branch_if(of, slow);
        r
    }

    /// The checks every entry makes (also a self tail call's), before
    /// instruction 0: a reduction (or, when none is left, the slow path:
    /// a collection a helper asked for, or the end of the slice), room on
    /// the machine stack, room for the window in the register stack. When a
    /// check fails, native code exits before instruction 0 and the
    /// interpreter runs the function.
    fn entry_checks(&mut self) {
        let limit = self.exit(0, Why::Limit);
        let flags = MemFlagsData::trusted();
        let left = self.b.ins().load(I64, flags, self.ctx, CTX_LEFT);
        let out = self
            .b
            .ins()
            .icmp_imm_s(IntCC::SignedLessThanOrEqual, left, 0);
        let slow = self.b.create_block();
        let spend = self.b.create_block();
        let room = self.b.create_block();
        self.b.ins().brif(out, slow, &[], spend, &[]);
        self.b.switch_to_block(slow);
        self.b.set_cold_block(slow);
        let go = self.helper_at(jit_enter_slow as *const () as usize, 0, &[]);
        self.return_if_zero(go);
        self.b.ins().jump(room, &[]);
        self.b.switch_to_block(spend);
        let left = self.b.ins().iadd_imm_s(left, -1);
        self.b.ins().store(flags, left, self.ctx, CTX_LEFT);
        self.b.ins().jump(room, &[]);
        self.b.switch_to_block(room);
        let sp = self.b.ins().get_stack_pointer(I64);
        let floor = self.b.ins().load(I64, flags, self.ctx, CTX_STACK_LIMIT);
        let deep = self.b.ins().icmp(IntCC::UnsignedLessThan, sp, floor);
        self.branch_if(deep, limit);
        let end = self.b.ins().iadd_imm_s(self.win, 8 * self.f.nregs as i64);
        let regs_end = self.b.ins().load(I64, flags, self.ctx, CTX_REGS_END);
        let over = self.b.ins().icmp(IntCC::UnsignedGreaterThan, end, regs_end);
        self.branch_if(over, limit);
        self.b.ins().jump(self.blocks[0], &[]);
    }

    /// Returns `r` (0, an exit) when it is 0, else goes on in a new block.
    fn return_if_zero(&mut self, r: Value) {
        let stop = self.b.create_block();
        self.b.set_cold_block(stop);
        let next = self.b.create_block();
        self.b.ins().brif(r, next, &[], stop, &[]);
        self.b.switch_to_block(stop);
        self.b.ins().return_(&[r]);
        self.b.switch_to_block(next);
    }

    /// A data instruction (see `interp::data_op`), run by the step helper.
    fn data(&mut self, pc: usize, fail: Option<u32>) {
        let r = self.helper_at(jit_step as *const () as usize, pc, &[]);
        self.after_step(pc, r, fail);
    }

    /// A BIF call, by the BIF helper: as `data`, without the instruction
    /// fetched and decoded again at each call.
    fn bif(&mut self, pc: usize, call: BifCall, fail: Option<u32>) {
        let packed = self.imm(call.pack());
        let r = self.helper_at(jit_bif as *const () as usize, pc, &[packed]);
        self.after_step(pc, r, fail);
    }

    /// Goes on after a step helper's result `r`: exits on 0, jumps to
    /// `fail` on `STEP_FAIL`, else to the next instruction.
    fn after_step(&mut self, pc: usize, r: Value, fail: Option<u32>) {
        self.return_if_zero(r);
        let next = self.blocks[pc + 1];
        match fail {
            Some(l) => {
                let jump = self.b.ins().icmp_imm_s(IntCC::Equal, r, STEP_FAIL as i64);
                self.b
                    .ins()
                    .brif(jump, self.blocks[l as usize], &[], next, &[]);
            }
            None => {
                self.b.ins().jump(next, &[]);
            }
        }
    }

    /// A two-argument arithmetic or comparison BIF (`rem`, `div`, `==`,
    /// `<`...) at `pc`: on the words when both arguments are small integers
    /// (and the division defined and small), else by the built-in itself
    /// through `jit_step`, as any other BIF.
    fn small_int_bif(&mut self, pc: usize, kind: SmallBif, args: u16, dst: u16, fail: Option<u32>) {
        let (x, y) = (self.get(args), self.get(args + 1));
        let fast = self.b.create_block();
        let slow = self.b.create_block();
        let s = self.both_small(x, y);
        self.b.ins().brif(s, fast, &[], slow, &[]);
        self.b.switch_to_block(fast);
        let v = match kind {
            SmallBif::Compare(cc) => {
                // Tagged small integers (2n + 1) order as the integers do.
                let c = self.b.ins().icmp(cc, x, y);
                let t = self.imm(atom::TRUE.raw());
                let f = self.imm(atom::FALSE.raw());
                self.b.ins().select(c, t, f)
            }
            SmallBif::Rem | SmallBif::Div => {
                let xs = self.b.ins().sshr_imm_u(x, 1);
                let ys = self.b.ins().sshr_imm_u(y, 1);
                // A zero divisor raises, and the smallest small integer
                // divided by -1 is not small: both by the built-in.
                let zero = self.b.ins().icmp_imm_s(IntCC::Equal, ys, 0);
                self.branch_if(zero, slow);
                let q = if matches!(kind, SmallBif::Rem) {
                    self.b.ins().srem(xs, ys)
                } else {
                    let minus_one = self.b.ins().icmp_imm_s(IntCC::Equal, ys, -1);
                    self.branch_if(minus_one, slow);
                    self.b.ins().sdiv(xs, ys)
                };
                let q2 = self.b.ins().ishl_imm_u(q, 1);
                self.b.ins().bor_imm_u(q2, 1)
            }
        };
        self.set(dst, v);
        let next = self.blocks[pc + 1];
        self.b.ins().jump(next, &[]);
        self.b.switch_to_block(slow);
        self.data(pc, fail)
    }

    /// `CallFun`/`TailCallFun` at `pc`. An inline cache: a cell per call
    /// site names the slot of the function whose closure this site last
    /// called (0: none yet). When the fun is a closure of that function
    /// (its header's kind and its first word match), the function has
    /// native code, and the free variables fit in the register stack,
    /// native code moves the arguments (tail call) and free variables into
    /// place and calls it directly; otherwise the fun helper checks the
    /// fun, sets up the callee's window and fills the cache, or exits.
    /// The cache's arity check is the helper's: it names only slots of
    /// functions of this site's arity.
    fn call_fun(&mut self, pc: usize, args: u16, dst: Option<u16>) {
        // The instruction's operands travel packed in one word, so the
        // helper need not decode the instruction at each call.
        let (fun_reg, from, n, tail) = match self.f.code[pc] {
            Op::CallFun { fun, args, n, .. } => (fun, args, n, false),
            Op::TailCallFun { fun, args, n } => (fun, args, n, true),
            op => unreachable!("not a fun call: {op:?}"),
        };
        // Leaked, as native code is: it lives as long as the code using it.
        let cache: &'static AtomicUsize = Box::leak(Box::new(AtomicUsize::new(0)));
        let cache_addr = cache as *const AtomicUsize as u64;
        let flags = MemFlagsData::trusted();
        let slow = self.b.create_block();
        self.b.set_cold_block(slow);
        let go = self.b.create_block();
        self.b.append_block_param(go, I64);

        let fv = self.get(fun_reg);
        let tag = self.b.ins().band_imm_u(fv, 0b111);
        self.branch_if(tag, slow);
        let cell = self.imm(cache_addr);
        let slot = self.b.ins().load(I64, flags, cell, 0);
        let empty = self.b.ins().icmp_imm_s(IntCC::Equal, slot, 0);
        self.branch_if(empty, slow);
        let h = self.b.ins().load(I64, flags, fv, 0);
        let kind = self.b.ins().band_imm_u(h, 0xff);
        let want = Header::new(HeaderKind::Fun, 0).0 & 0xff;
        let other = self.b.ins().icmp_imm_s(IntCC::NotEqual, kind, want as i64);
        self.branch_if(other, slow);
        let word = self.b.ins().load(I64, flags, fv, 8);
        let cached = self.b.ins().load(I64, flags, slot, SLOT_FUN_WORD);
        let miss = self.b.ins().icmp(IntCC::NotEqual, word, cached);
        self.branch_if(miss, slow);
        let state = self.b.ins().load(I64, flags, slot, SLOT_STATE);
        // Native iff neither COUNTING (0) nor NEVER (1).
        let none = self
            .b
            .ins()
            .icmp_imm_u(IntCC::UnsignedLessThanOrEqual, state, NEVER as i64);
        self.branch_if(none, slow);
        // The free variables go after the arguments, from register `to + n`.
        let to = if tail { 0 } else { from };
        let size = self.b.ins().ushr_imm_u(h, 8);
        let nfree = self.b.ins().iadd_imm_s(size, -1);
        let dst0 = self
            .b
            .ins()
            .iadd_imm_s(self.win, 8 * (to as i64 + n as i64));
        let bytes = self.b.ins().ishl_imm_u(nfree, 3);
        let end = self.b.ins().iadd(dst0, bytes);
        let regs_end = self.b.ins().load(I64, flags, self.ctx, CTX_REGS_END);
        let over = self.b.ins().icmp(IntCC::UnsignedGreaterThan, end, regs_end);
        self.branch_if(over, slow);
        if tail {
            let vals: Vec<Value> = (0..n as u16).map(|i| self.get(from + i)).collect();
            for (i, v) in vals.into_iter().enumerate() {
                self.set(i as u16, v);
            }
        }
        // for i in 0..nfree: window[to + n + i] = closure word 2 + i
        let head = self.b.create_block();
        self.b.append_block_param(head, I64);
        let body = self.b.create_block();
        let done = self.b.create_block();
        let zero = self.imm(0);
        self.b.ins().jump(head, &[zero.into()]);
        self.b.switch_to_block(head);
        let i = self.b.block_params(head)[0];
        let more = self.b.ins().icmp(IntCC::UnsignedLessThan, i, nfree);
        self.b.ins().brif(more, body, &[], done, &[]);
        self.b.switch_to_block(body);
        let off = self.b.ins().ishl_imm_u(i, 3);
        let src = self.b.ins().iadd(fv, off);
        let v = self.b.ins().load(I64, flags, src, 16);
        let at = self.b.ins().iadd(dst0, off);
        self.b.ins().store(flags, v, at, 0);
        let next = self.b.ins().iadd_imm_s(i, 1);
        self.b.ins().jump(head, &[next.into()]);
        self.b.switch_to_block(done);
        self.b.ins().jump(go, &[state.into()]);

        self.b.switch_to_block(slow);
        let packed = FunCall {
            fun_reg,
            args: from,
            n,
            tail,
        }
        .pack();
        let packed = self.imm(packed);
        let cell = self.imm(cache_addr);
        let t = self.helper_at(jit_fun_target as *const () as usize, pc, &[packed, cell]);
        self.return_if_zero(t);
        self.b.ins().jump(go, &[t.into()]);

        self.b.switch_to_block(go);
        let t = self.b.block_params(go)[0];
        match dst {
            Some(dst) => self.finish_call(pc, Some(t), args, dst),
            None => {
                let argv = [self.ctx, self.win];
                self.b.ins().return_call_indirect(self.tail, t, &argv);
            }
        }
    }

    /// Native call of `fun` with the window at `args`, result in `dst`;
    /// `pre` stores the last argument once the call is sure to happen.
    fn call(&mut self, pc: usize, fun: FunId, args: u16, dst: u16, pre: Option<(u16, Value)>) {
        let target = self.target(pc, fun);
        if let Some((r, v)) = pre {
            self.set(r, v);
        }
        self.finish_call(pc, target, args, dst);
    }

    /// Calls `target` (this function when `None`) with the window at
    /// `args`, and stores the result in `dst`, or turns this activation
    /// into an interpreter frame when the callee exited.
    fn finish_call(&mut self, pc: usize, target: Option<Value>, args: u16, dst: u16) {
        let new_win = self.b.ins().iadd_imm_s(self.win, 8 * args as i64);
        let argv = [self.ctx, new_win];
        let call = match target {
            None => self.b.ins().call(self.self_ref, &argv),
            Some(t) => self.b.ins().call_indirect(self.tail, t, &argv),
        };
        let r = self.b.inst_results(call)[0];
        let unwind = self.b.create_block();
        let ok = self.b.create_block();
        self.b.ins().brif(r, ok, &[], unwind, &[]);
        self.b.switch_to_block(unwind);
        self.b.set_cold_block(unwind);
        let dstv = self.imm(dst as u64);
        let zero = self.helper_at(jit_frame as *const () as usize, pc + 1, &[dstv]);
        self.b.ins().return_(&[zero]);
        self.b.switch_to_block(ok);
        self.set(dst, r);
        self.b.ins().jump(self.blocks[pc + 1], &[]);
    }

    /// Tail call of `fun` with the arguments at `args..args+n`.
    fn tail_call(&mut self, pc: usize, fun: FunId, args: u16, n: u8, pre: Option<(u16, Value)>) {
        let target = self.target(pc, fun);
        if let Some((r, v)) = pre {
            self.set(r, v);
        }
        let vals: Vec<Value> = (0..n as u16).map(|i| self.get(args + i)).collect();
        for (i, v) in vals.into_iter().enumerate() {
            self.set(i as u16, v);
        }
        match target {
            None => {
                self.b.ins().jump(self.start, &[]);
            }
            Some(t) => {
                let argv = [self.ctx, self.win];
                self.b.ins().return_call_indirect(self.tail, t, &argv);
            }
        }
    }

    /// The native code to call for `fun`: `None` for this function itself
    /// (a direct call), else loaded from its slot; when the slot has none
    /// yet, the callee helper counts the call (and may compile), or exits.
    fn target(&mut self, pc: usize, fun: FunId) -> Option<Value> {
        if fun == self.fid {
            return None;
        }
        let slot = self.code.function(fun).jit.state_addr();
        let addr = self.imm(slot as u64);
        let s = self.b.ins().load(I64, MemFlagsData::trusted(), addr, 0);
        // Native iff neither COUNTING (0) nor NEVER (1).
        let none = self
            .b
            .ins()
            .icmp_imm_u(IntCC::UnsignedLessThanOrEqual, s, NEVER as i64);
        let miss = self.b.create_block();
        self.b.set_cold_block(miss);
        let done = self.b.create_block();
        self.b.append_block_param(done, I64);
        self.b.ins().brif(none, miss, &[], done, &[s.into()]);
        self.b.switch_to_block(miss);
        let callee = self.imm(fun as u64);
        let t = self.helper_at(jit_callee as *const () as usize, pc, &[callee]);
        self.return_if_zero(t);
        self.b.ins().jump(done, &[t.into()]);
        self.b.switch_to_block(done);
        Some(self.b.block_params(done)[0])
    }

    /// Exits to the interpreter before the call at `pc` unless import
    /// `import` still resolves to `fun`, the function this code was
    /// compiled to call: redefining its module clears the import's cache
    /// (code.rs), so native code never calls an old version by name. The
    /// interpreter then resolves the import anew and makes the call.
    fn check_import(&mut self, pc: usize, import: u32, fun: FunId) {
        let stale = self.exit(pc, Why::Limit);
        let cache = &self.code.import(import).cache as *const std::sync::atomic::AtomicU32;
        let addr = self.imm(cache as u64);
        let c = self.b.ins().uload32(MemFlagsData::trusted(), addr, 0);
        let moved = self.b.ins().icmp_imm_s(IntCC::NotEqual, c, fun as i64);
        self.branch_if(moved, stale);
    }

    /// A call by name into a module not loaded when this code was made:
    /// the interpreter makes it (loading the module, which has this
    /// function compiled anew: `Jit::loaded`).
    fn unresolved(&mut self, pc: usize) {
        let exit = self.exit(pc, Why::Limit);
        self.b.ins().jump(exit, &[]);
    }

    fn goto(&mut self, to: u32) {
        self.b.ins().jump(self.blocks[to as usize], &[]);
    }

    pub(super) fn op(&mut self, pc: usize) {
        self.b.switch_to_block(self.blocks[pc]);
        let next = |g: &Gen| g.blocks.get(pc + 1).copied();
        let op = self.f.code[pc];
        match op {
            Op::Move { dst, src } => {
                let v = self.get(src);
                self.set(dst, v);
            }
            Op::Const { dst, lit } => {
                let v = self.imm(self.f.literals[lit as usize].raw());
                self.set(dst, v);
            }
            Op::Call { fun, args, dst, .. } => return self.call(pc, fun, args, dst, None),
            Op::TailCall { fun, args, n } => return self.tail_call(pc, fun, args, n, None),
            Op::CallExt {
                import, args, dst, ..
            } => {
                let Some(fun) = self.code.resolve_import(import) else {
                    return self.unresolved(pc);
                };
                self.check_import(pc, import, fun);
                return self.call(pc, fun, args, dst, None);
            }
            Op::TailCallExt { import, args, n } => {
                let Some(fun) = self.code.resolve_import(import) else {
                    return self.unresolved(pc);
                };
                self.check_import(pc, import, fun);
                return self.tail_call(pc, fun, args, n, None);
            }
            Op::CallAddImm {
                fun,
                args,
                n,
                dst,
                a,
                imm,
            } => {
                let x = self.get(a);
                let y = self.imm((2 * imm as i64) as u64);
                let v = self.small_add(pc, x, x, y, false);
                return self.call(pc, fun, args, dst, Some((args + n as u16 - 1, v)));
            }
            Op::TailCallAddImm {
                fun,
                args,
                n,
                a,
                imm,
            } => {
                let x = self.get(a);
                let y = self.imm((2 * imm as i64) as u64);
                let v = self.small_add(pc, x, x, y, false);
                return self.tail_call(pc, fun, args, n, Some((args + n as u16 - 1, v)));
            }
            Op::Return { src } => {
                let v = self.get(src);
                self.b.ins().return_(&[v]);
                return;
            }
            Op::ReturnIf { a, imm, op, src } => {
                let ret = self.b.create_block();
                let after = next(self).expect("a ReturnIf is followed");
                let x = self.get(a);
                let y = self.imm(Term::small(imm as i64).raw());
                self.compare(x, y, cc(op), ret, after);
                self.b.switch_to_block(ret);
                let v = self.get(src);
                self.b.ins().return_(&[v]);
                return;
            }
            Op::AddReturn { a, b } => {
                let (x, y) = (self.get(a), self.get(b));
                let both = self.b.ins().band(x, y);
                let y1 = self.b.ins().iadd_imm_s(y, -1);
                let v = self.small_add(pc, both, x, y1, false);
                self.b.ins().return_(&[v]);
                return;
            }
            Op::Jump { to } => return self.goto(to),
            Op::IsType { r, ty, fail } => {
                let x = self.get(r);
                let (then, els) = (next(self).expect("followed"), self.blocks[fail as usize]);
                self.type_test(x, TypeTest::ALL[ty as usize], then, els);
                return;
            }
            Op::IsTuple { r, arity, fail } => {
                let x = self.get(r);
                let fail = self.blocks[fail as usize];
                let tag = self.b.ins().band_imm_u(x, 7);
                self.branch_if(tag, fail);
                let h = self.b.ins().load(I64, MemFlagsData::trusted(), x, 0);
                let want = Header::new(HeaderKind::Tuple, arity as usize).0;
                let ok = self.b.ins().icmp_imm_s(IntCC::Equal, h, want as i64);
                let then = next(self).expect("followed");
                self.b.ins().brif(ok, then, &[], fail, &[]);
                return;
            }
            Op::IsEqExact { a, b, fail } | Op::IsNeExact { a, b, fail } => {
                let (x, y) = (self.get(a), self.get(b));
                let (t, f) = (next(self).expect("followed"), self.blocks[fail as usize]);
                let (eq, ne) = if matches!(op, Op::IsEqExact { .. }) {
                    (t, f)
                } else {
                    (f, t)
                };
                self.equal(x, y, jit_exact_eq as *const () as usize, eq, ne);
                return;
            }
            Op::IsEq { a, b, fail } | Op::IsNe { a, b, fail } => {
                let (x, y) = (self.get(a), self.get(b));
                let (t, f) = (next(self).expect("followed"), self.blocks[fail as usize]);
                let (eq, ne) = if matches!(op, Op::IsEq { .. }) {
                    (t, f)
                } else {
                    (f, t)
                };
                self.equal(x, y, jit_eq as *const () as usize, eq, ne);
                return;
            }
            Op::IsLt { a, b, fail } | Op::IsGe { a, b, fail } => {
                let (x, y) = (self.get(a), self.get(b));
                let c = if matches!(op, Op::IsLt { .. }) {
                    IntCC::SignedLessThan
                } else {
                    IntCC::SignedGreaterThanOrEqual
                };
                let (t, f) = (next(self).expect("followed"), self.blocks[fail as usize]);
                self.compare(x, y, c, t, f);
                return;
            }
            Op::CmpImm { a, imm, op, fail } => {
                let x = self.get(a);
                let y = self.imm(Term::small(imm as i64).raw());
                let (t, f) = (next(self).expect("followed"), self.blocks[fail as usize]);
                self.compare(x, y, cc(op), t, f);
                return;
            }
            Op::IsEqLit { a, lit, fail } => {
                let x = self.get(a);
                let l = self.f.literals[lit as usize];
                let y = self.imm(l.raw());
                let (t, f) = (next(self).expect("followed"), self.blocks[fail as usize]);
                if l.is_pointer() {
                    self.equal(x, y, jit_exact_eq as *const () as usize, t, f);
                } else {
                    let c = self.b.ins().icmp(IntCC::Equal, x, y);
                    self.b.ins().brif(c, t, &[], f, &[]);
                }
                return;
            }
            Op::IsTruthy { r, fail } => {
                let x = self.get(r);
                let fail = self.blocks[fail as usize];
                let nil = self
                    .b
                    .ins()
                    .icmp_imm_s(IntCC::Equal, x, atom::NIL.raw() as i64);
                self.branch_if(nil, fail);
                let f = self
                    .b
                    .ins()
                    .icmp_imm_s(IntCC::Equal, x, atom::FALSE.raw() as i64);
                let then = next(self).expect("followed");
                self.b.ins().brif(f, fail, &[], then, &[]);
                return;
            }
            Op::GetElem { dst, src, index } => {
                // As the interpreter: `[]` unless a tuple with that element.
                let x = self.get(src);
                let none = self.b.create_block();
                let done = self.b.create_block();
                self.b.append_block_param(done, I64);
                let tag = self.b.ins().band_imm_u(x, 7);
                self.branch_if(tag, none);
                let h = self.b.ins().load(I64, MemFlagsData::trusted(), x, 0);
                let kind = self.b.ins().band_imm_u(h, 0xff);
                let tuple = Header::new(HeaderKind::Tuple, 0).0 as i64;
                let not_tuple = self.b.ins().icmp_imm_s(IntCC::NotEqual, kind, tuple);
                self.branch_if(not_tuple, none);
                let size = self.b.ins().ushr_imm_u(h, 8);
                let short =
                    self.b
                        .ins()
                        .icmp_imm_s(IntCC::UnsignedLessThanOrEqual, size, index as i64);
                self.branch_if(short, none);
                let e = self
                    .b
                    .ins()
                    .load(I64, MemFlagsData::trusted(), x, 8 * (index as i32 + 1));
                self.b.ins().jump(done, &[e.into()]);
                self.b.switch_to_block(none);
                let nil = self.imm(Term::NIL.raw());
                self.b.ins().jump(done, &[nil.into()]);
                self.b.switch_to_block(done);
                let v = self.b.block_params(done)[0];
                self.set(dst, v);
            }
            Op::GetList { head, tail, src } => {
                let x = self.get(src);
                let none = self.b.create_block();
                let done = self.b.create_block();
                self.b.append_block_param(done, I64);
                self.b.append_block_param(done, I64);
                let tag = self.b.ins().band_imm_u(x, 7);
                let not_cons = self.b.ins().icmp_imm_s(IntCC::NotEqual, tag, 2);
                self.branch_if(not_cons, none);
                let h = self.b.ins().load(I64, MemFlagsData::trusted(), x, -2);
                let t = self.b.ins().load(I64, MemFlagsData::trusted(), x, 6);
                self.b.ins().jump(done, &[h.into(), t.into()]);
                self.b.switch_to_block(none);
                let nil = self.imm(Term::NIL.raw());
                self.b.ins().jump(done, &[nil.into(), nil.into()]);
                self.b.switch_to_block(done);
                let (h, t) = (self.b.block_params(done)[0], self.b.block_params(done)[1]);
                self.set(head, h);
                self.set(tail, t);
            }
            Op::Add { dst, a, b } | Op::Sub { dst, a, b } => {
                let (x, y) = (self.get(a), self.get(b));
                let both = self.b.ins().band(x, y);
                let y1 = self.b.ins().iadd_imm_s(y, -1);
                let v = self.small_add(pc, both, x, y1, matches!(op, Op::Sub { .. }));
                self.set(dst, v);
            }
            Op::AddImm { dst, a, imm } => {
                let x = self.get(a);
                let y = self.imm((2 * imm as i64) as u64);
                let v = self.small_add(pc, x, x, y, false);
                self.set(dst, v);
            }
            Op::Mul { dst, a, b } => {
                // (2x+1)(y) as x * 2y + 1: `x` untagged, `2y` the word minus its tag.
                let slow = self.exit(pc, Why::Slow);
                let (x, y) = (self.get(a), self.get(b));
                let both = self.both_small(x, y);
                let not_small = self.b.ins().icmp_imm_s(IntCC::Equal, both, 0);
                self.branch_if(not_small, slow);
                let xv = self.b.ins().sshr_imm_u(x, 1);
                let y2 = self.b.ins().iadd_imm_s(y, -1);
                let (p, of) = self.b.ins().smul_overflow(xv, y2);
                self.branch_if(of, slow);
                let v = self.b.ins().iadd_imm_s(p, 1);
                self.set(dst, v);
            }
            Op::SelectLit { r, table, fail } => {
                let x = self.get(r);
                let mut sw = Switch::new();
                for &(k, l) in &self.f.tables[table as usize].entries {
                    sw.set_entry(k.raw() as u128, self.blocks[l as usize]);
                }
                let fail = self.blocks[fail as usize];
                sw.emit(&mut self.b, x, fail);
                return;
            }
            Op::Bif {
                bif,
                args,
                n: 2,
                dst,
                fail,
            } if small_bif(bif).is_some() => {
                let fail = (fail != crate::code::NO_LABEL).then_some(fail);
                let kind = small_bif(bif).expect("checked by the guard");
                return self.small_int_bif(pc, kind, args, dst, fail);
            }
            Op::Bif {
                bif,
                args,
                n: 1,
                dst,
                ..
            } if type_bif(bif).is_some() => {
                // `is_list(x)` and the like: the type test on the word, its
                // result as `true` or `false` (they cannot fail).
                let test = type_bif(bif).expect("checked by the guard");
                let x = self.get(args);
                let (yes, no, join) = (
                    self.b.create_block(),
                    self.b.create_block(),
                    self.b.create_block(),
                );
                self.b.append_block_param(join, I64);
                self.type_test(x, test, yes, no);
                for (blk, val) in [(yes, atom::TRUE), (no, atom::FALSE)] {
                    self.b.switch_to_block(blk);
                    let v = self.imm(val.raw());
                    self.b.ins().jump(join, &[v.into()]);
                }
                self.b.switch_to_block(join);
                let v = self.b.block_params(join)[0];
                self.set(dst, v);
            }
            Op::Bif {
                bif,
                args,
                n,
                dst,
                fail,
            } => {
                let fails = fail != crate::code::NO_LABEL;
                return self.bif(
                    pc,
                    BifCall {
                        bif,
                        args,
                        n,
                        dst,
                        fails,
                    },
                    fails.then_some(fail),
                );
            }
            Op::GetMapValue {
                dst,
                map,
                key,
                fail,
            } => {
                // A lookup allocates nothing and cannot raise (the map
                // register holds a map): a direct call, no interpreter step.
                let m = self.get(map);
                let k = self.get(key);
                let v = self.helper(jit_map_get as *const () as usize, &[m, k]);
                let miss = self
                    .b
                    .ins()
                    .icmp_imm_s(IntCC::Equal, v, Term::NONE.raw() as i64);
                self.branch_if(miss, self.blocks[fail as usize]);
                self.set(dst, v);
            }
            Op::BinSplitPrefix { fail, .. } => return self.data(pc, Some(fail)),
            Op::Cons { dst, head, tail } => {
                // Cannot raise: a direct call, no interpreter step.
                let (h, t) = (self.get(head), self.get(tail));
                let ctx = self.ctx;
                let v = self.helper(jit_cons as *const () as usize, &[ctx, h, t]);
                self.set(dst, v);
            }
            Op::MakeTuple { dst, args, n } => {
                let elems = self.b.ins().iadd_imm_s(self.win, 8 * args as i64);
                let (ctx, n) = (self.ctx, self.imm(n as u64));
                let v = self.helper(jit_tuple as *const () as usize, &[ctx, elems, n]);
                self.set(dst, v);
            }
            Op::MakeClosure { dst, fun, free, n } => {
                let free = self.b.ins().iadd_imm_s(self.win, 8 * free as i64);
                let (ctx, fun, n) = (self.ctx, self.imm(fun as u64), self.imm(n as u64));
                let v = self.helper(jit_closure as *const () as usize, &[ctx, fun, free, n]);
                self.set(dst, v);
            }
            Op::MakeMap { .. } | Op::MapUpdate { .. } => return self.data(pc, None),
            Op::CallFun { args, dst, .. } => return self.call_fun(pc, args, Some(dst)),
            Op::Apply { args, dst, .. } => {
                // `mod.fun(args)` with both known only now (protocol
                // dispatch): native when the callee is; else the interpreter
                // runs this instruction (autoload, built-ins, errors).
                let t = self.helper_at(jit_apply_target as *const () as usize, pc, &[]);
                self.return_if_zero(t);
                return self.finish_call(pc, Some(t), args, dst);
            }
            Op::ProtocolCall { args, dst, .. } => {
                // Native when the thread's cache knows the callee and it
                // is native; else the interpreter runs this instruction
                // (resolution, autoload, errors).
                let t = self.helper_at(jit_dispatch_target as *const () as usize, pc, &[]);
                self.return_if_zero(t);
                return self.finish_call(pc, Some(t), args, dst);
            }
            Op::TailCallFun { .. } => return self.call_fun(pc, 0, None),
            Op::Error { .. } | Op::Badmatch { .. } | Op::CaseClause { .. } | Op::FunctionClause => {
                let out = self.exit(pc, Why::Limit);
                self.b.ins().jump(out, &[]);
                return;
            }
            _ => unreachable!("compile checks `supported` first"),
        }
        // Fall through to the next instruction.
        match next(self) {
            Some(n) => {
                self.b.ins().jump(n, &[]);
            }
            None => {
                let out = self.exit(pc + 1, Why::Limit);
                self.b.ins().jump(out, &[]);
            }
        }
    }
}

/// The integer condition that is `op` on words of small integers, and on
/// the `-1/0/1` of `order::compare` against 0.
pub(super) fn cc(op: CmpOp) -> IntCC {
    match op {
        CmpOp::Lt => IntCC::SignedLessThan,
        CmpOp::Le => IntCC::SignedLessThanOrEqual,
        CmpOp::Gt => IntCC::SignedGreaterThan,
        CmpOp::Ge => IntCC::SignedGreaterThanOrEqual,
        CmpOp::Eq => IntCC::Equal,
        CmpOp::Ne => IntCC::NotEqual,
    }
}

/// The type-test BIF `bif` is (`is_list/1`...), if it is one.
pub(super) fn type_bif(bif: crate::bif::BifId) -> Option<TypeTest> {
    use std::sync::OnceLock;
    static TABLE: OnceLock<Vec<(crate::bif::BifId, TypeTest)>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        [
            ("is_integer", TypeTest::Integer),
            ("is_float", TypeTest::Float),
            ("is_number", TypeTest::Number),
            ("is_atom", TypeTest::Atom),
            ("is_boolean", TypeTest::Boolean),
            ("is_binary", TypeTest::Binary),
            ("is_list", TypeTest::List),
            ("is_tuple", TypeTest::Tuple),
            ("is_map", TypeTest::Map),
            ("is_function", TypeTest::Fun),
            ("is_pid", TypeTest::Pid),
            ("is_reference", TypeTest::Ref),
            ("is_bitstring", TypeTest::Bitstring),
        ]
        .into_iter()
        .filter_map(|(name, t)| Some((crate::bif::lookup("erlang", name, 1)?, t)))
        .collect()
    });
    table.iter().find(|(id, _)| *id == bif).map(|(_, t)| *t)
}

/// The two-argument BIFs native code computes itself on small integers.
#[derive(Clone, Copy)]
pub(super) enum SmallBif {
    Rem,
    Div,
    /// A comparison: its result is `true` when the words compare so.
    Compare(IntCC),
}

/// Which [`SmallBif`] the built-in `bif` is, if any.
pub(super) fn small_bif(bif: crate::bif::BifId) -> Option<SmallBif> {
    use std::sync::OnceLock;
    static TABLE: OnceLock<Vec<(crate::bif::BifId, SmallBif)>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        [
            ("rem", SmallBif::Rem),
            ("div", SmallBif::Div),
            ("==", SmallBif::Compare(IntCC::Equal)),
            ("=:=", SmallBif::Compare(IntCC::Equal)),
            ("/=", SmallBif::Compare(IntCC::NotEqual)),
            ("=/=", SmallBif::Compare(IntCC::NotEqual)),
            ("<", SmallBif::Compare(IntCC::SignedLessThan)),
            (">", SmallBif::Compare(IntCC::SignedGreaterThan)),
            ("=<", SmallBif::Compare(IntCC::SignedLessThanOrEqual)),
            (">=", SmallBif::Compare(IntCC::SignedGreaterThanOrEqual)),
        ]
        .into_iter()
        .filter_map(|(name, kind)| Some((crate::bif::lookup("erlang", name, 2)?, kind)))
        .collect()
    });
    table.iter().find(|(id, _)| *id == bif).map(|(_, k)| *k)
}
