//! Cranelift's JIT module: the backend native functions are compiled into,
//! and the adapter the interpreter enters native code through.

use super::gen::Gen;
use crate::code::{CodeTable, FunId};
use cranelift_codegen::ir::types::I64;
use cranelift_codegen::ir::{AbiParam, InstBuilder, Signature, UserFuncName};
use cranelift_codegen::isa::CallConv;
use cranelift_codegen::settings::{self, Configurable};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_jit::{JITBuilder, JITModule};
use cranelift_module::{Linkage, Module};

/// Cranelift's module, and what every function's code refers to.
pub(super) struct Backend {
    module: JITModule,
    fctx: FunctionBuilderContext,
    /// `(ctx, win) -> word`, tail convention.
    sig: Signature,
    /// The platform's C convention, for the helpers.
    host: CallConv,
    pub(super) adapter: usize,
}

// SAFETY: the backend is only used under `Jit::backend`'s mutex; the raw
// pointers JITModule holds (its code memory) are not tied to a thread.
unsafe impl Send for Backend {}

impl Backend {
    pub(super) fn new() -> Option<Backend> {
        let mut flags = settings::builder();
        flags.set("opt_level", "speed").ok()?;
        flags.set("use_colocated_libcalls", "false").ok()?;
        flags.set("is_pic", "false").ok()?;
        // Cranelift's tail calls need frame pointers.
        flags.set("preserve_frame_pointers", "true").ok()?;
        // Checking the IR costs more than generating code: in test builds only.
        let verify = if cfg!(debug_assertions) {
            "true"
        } else {
            "false"
        };
        flags.set("enable_verifier", verify).ok()?;
        let isa = cranelift_native::builder()
            .ok()?
            .finish(settings::Flags::new(flags))
            .ok()?;
        let host = isa.default_call_conv();
        let module = JITModule::new(JITBuilder::with_isa(
            isa,
            cranelift_module::default_libcall_names(),
        ));
        let mut sig = Signature::new(CallConv::Tail);
        sig.params.extend([AbiParam::new(I64); 2]);
        sig.returns.push(AbiParam::new(I64));
        let mut b = Backend {
            module,
            fctx: FunctionBuilderContext::new(),
            sig,
            host,
            adapter: 0,
        };
        b.adapter = b.build_adapter()?;
        Some(b)
    }

    /// `extern "C" fn(ctx, fun, win) -> word`: calls native function `fun`.
    fn build_adapter(&mut self) -> Option<usize> {
        let mut sig = Signature::new(self.host);
        sig.params.extend([AbiParam::new(I64); 3]);
        sig.returns.push(AbiParam::new(I64));
        let id = self
            .module
            .declare_function("beamlet_enter", Linkage::Local, &sig)
            .ok()?;
        let mut ctx = self.module.make_context();
        ctx.func.signature = sig;
        {
            let mut b = FunctionBuilder::new(&mut ctx.func, &mut self.fctx);
            let entry = b.create_block();
            b.append_block_params_for_function_params(entry);
            b.switch_to_block(entry);
            let p = b.block_params(entry).to_vec();
            let tail = b.import_signature(self.sig.clone());
            let call = b.ins().call_indirect(tail, p[1], &[p[0], p[2]]);
            let r = b.inst_results(call)[0];
            b.ins().return_(&[r]);
            b.seal_all_blocks();
            b.finalize(self.module.target_config());
        }
        self.module.define_function(id, &mut ctx).ok()?;
        self.module.clear_context(&mut ctx);
        self.module.finalize_definitions().ok()?;
        Some(self.module.get_finalized_function(id) as usize)
    }

    pub(super) fn compile(&mut self, code: &CodeTable, fid: FunId) -> Option<usize> {
        let f = code.function(fid);
        let id = self.module.declare_anonymous_function(&self.sig).ok()?;
        let mut ctx = self.module.make_context();
        ctx.func.signature = self.sig.clone();
        ctx.func.name = UserFuncName::user(0, fid);
        let self_ref = self.module.declare_func_in_func(id, &mut ctx.func);
        {
            let b = FunctionBuilder::new(&mut ctx.func, &mut self.fctx);
            let mut g = Gen::new(
                b,
                code,
                fid,
                f,
                self_ref,
                &self.sig,
                self.host,
                self.module.target_config(),
            );
            for pc in 0..f.code.len() {
                g.op(pc);
            }
            g.finish();
        }
        let defined = self.module.define_function(id, &mut ctx);
        if let (Ok(dir), Some(cc)) = (std::env::var("BEAMLET_JIT_DUMP"), ctx.compiled_code()) {
            let _ = std::fs::write(format!("{dir}/{fid}.bin"), cc.code_buffer());
        }
        self.module.clear_context(&mut ctx);
        defined.ok()?;
        self.module.finalize_definitions().ok()?;
        Some(self.module.get_finalized_function(id) as usize)
    }
}
