//! The peephole pass: fuses instruction pairs and drops useless jumps, before labels are resolved.

use super::builder::FnBuilder;
use beamlet_vm::code::{Label, Op, Reg, NO_LABEL};

impl FnBuilder<'_> {
    /// Fuses pairs of instructions that nothing jumps between (and no line
    /// starts between) into one: `CmpImm` + `Return` that its failure skips
    /// into `ReturnIf`, `Add` + `Return` of its result into `AddReturn`, and
    /// an `AddImm` computing a call's last argument + the call into
    /// `CallAddImm`/`TailCallAddImm` (`fib(n - 1)`, `loop(acc, n - 1)`).
    /// Also drops jumps to the next instruction and turns jumps to a
    /// `Return` into that `Return`.
    /// Runs before labels are resolved, so removing instructions only
    /// remaps the labels' positions.
    pub(super) fn fuse(&mut self) {
        let n = self.code.len();
        let mut boundary = vec![false; n + 1];
        for &pc in self.labels.iter().flatten() {
            boundary[pc as usize] = true;
        }
        let mut line_at = vec![false; n + 1];
        for &(pc, _) in &self.lines {
            boundary[pc as usize] = true;
            line_at[pc as usize] = true;
        }
        let target = |b: &Self, l: Label| b.labels[l as usize].map(|pc| pc as usize);
        let mut out = Vec::with_capacity(n);
        let mut map = vec![0u32; n + 1];
        let mut i = 0;
        while i < n {
            map[i] = out.len() as u32;
            if let Op::Jump { to } = self.code[i] {
                let to = target(self, to);
                if to == Some(i + 1) && !line_at[i] {
                    // A jump to the next instruction (the end of an `if`
                    // branch) does nothing.
                    i += 1;
                    continue;
                }
                if let Some(&Op::Return { src }) = to.and_then(|t| self.code.get(t)) {
                    // A jump to a `Return` may as well return.
                    out.push(Op::Return { src });
                    i += 1;
                    continue;
                }
            }
            let fused = match (self.code[i], self.code.get(i + 1)) {
                _ if boundary.get(i + 1) != Some(&false) => None,
                (Op::CmpImm { a, imm, op, fail }, Some(&Op::Return { src }))
                    if fail != NO_LABEL && self.labels[fail as usize] == Some((i + 2) as u32) =>
                {
                    Some(Op::ReturnIf { a, imm, op, src })
                }
                (Op::Add { dst, a, b }, Some(&Op::Return { src })) if dst == src => {
                    Some(Op::AddReturn { a, b })
                }
                (
                    Op::AddImm { dst, a, imm },
                    Some(&Op::Call {
                        fun,
                        args,
                        n,
                        dst: to,
                    }),
                ) if n > 0 && dst == args + n as Reg - 1 => Some(Op::CallAddImm {
                    fun,
                    args,
                    n,
                    dst: to,
                    a,
                    imm,
                }),
                (Op::AddImm { dst, a, imm }, Some(&Op::TailCall { fun, args, n }))
                    if n > 0 && dst == args + n as Reg - 1 =>
                {
                    Some(Op::TailCallAddImm {
                        fun,
                        args,
                        n,
                        a,
                        imm,
                    })
                }
                _ => None,
            };
            match fused {
                Some(op) => {
                    map[i + 1] = out.len() as u32;
                    out.push(op);
                    i += 2;
                }
                None => {
                    out.push(self.code[i]);
                    i += 1;
                }
            }
        }
        map[n] = out.len() as u32;
        self.code = out;
        for pc in self.labels.iter_mut().flatten() {
            *pc = map[*pc as usize];
        }
        for (pc, _) in &mut self.lines {
            *pc = map[*pc as usize];
        }
    }
}
