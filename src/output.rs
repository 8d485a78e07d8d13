//! Where the output of a VM goes: the terminal, memory, or a host's writer.

pub use beamlet_vm::bif::Io;
use std::io::Write;
use std::sync::{Arc, Mutex};

/// Output sink writing to the process's stdout (buffered) and stderr.
///
/// ```
/// use beamlet::Io;
/// let mut io = beamlet::StdIo::default();
/// io.out(b"hello\n");
/// io.flush();
/// ```
pub struct StdIo {
    out: std::io::BufWriter<std::io::Stdout>,
}

impl Default for StdIo {
    fn default() -> Self {
        StdIo {
            out: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout()),
        }
    }
}

impl Io for StdIo {
    fn out(&mut self, bytes: &[u8]) {
        let _ = self.out.write_all(bytes);
    }
    fn err(&mut self, bytes: &[u8]) {
        let _ = self.out.flush();
        let _ = std::io::stderr().write_all(bytes);
    }
    fn flush(&mut self) {
        let _ = self.out.flush();
    }
}

/// Output captured in memory, owned by one run ([`crate::Vm::run_source_with`]).
///
/// ```
/// let mut vm = beamlet::Vm::builder().schedulers(1).build().unwrap();
/// let mut io = beamlet::CaptureIo::default();
/// vm.run_source_with("IO.puts(:hi)", "hi.exs", &[], &mut io).unwrap();
/// assert_eq!(io.out, b"hi\n");
/// ```
#[derive(Default)]
pub struct CaptureIo {
    pub out: Vec<u8>,
    pub err: Vec<u8>,
}

impl Io for CaptureIo {
    fn out(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
    }
    fn err(&mut self, bytes: &[u8]) {
        self.err.extend_from_slice(bytes);
    }
}

/// Output captured in memory that the host reads while the VM runs: give
/// a clone to [`crate::VmBuilder::output`], keep one to read. `Send + Sync`;
/// each write and read takes a lock.
///
/// ```
/// let out = beamlet::SharedOutput::new();
/// let vm = beamlet::Vm::builder().schedulers(1).output(out.clone()).build().unwrap();
/// vm.eval("IO.puts(\"hi\")").unwrap();
/// assert_eq!(out.take_stdout(), "hi\n");
/// ```
#[derive(Clone, Default)]
pub struct SharedOutput {
    inner: Arc<Mutex<CaptureIo>>,
}

impl SharedOutput {
    /// An empty capture.
    pub fn new() -> SharedOutput {
        SharedOutput::default()
    }

    /// Takes what was written to standard output so far (lossy UTF-8).
    pub fn take_stdout(&self) -> String {
        let mut c = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        String::from_utf8_lossy(&std::mem::take(&mut c.out)).into_owned()
    }

    /// Takes what was written to standard error so far (lossy UTF-8).
    pub fn take_stderr(&self) -> String {
        let mut c = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        String::from_utf8_lossy(&std::mem::take(&mut c.err)).into_owned()
    }
}

impl Io for SharedOutput {
    fn out(&mut self, bytes: &[u8]) {
        let mut c = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        c.out.extend_from_slice(bytes);
    }
    fn err(&mut self, bytes: &[u8]) {
        let mut c = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        c.err.extend_from_slice(bytes);
    }
}

/// Output to two host writers (standard output, standard error): e.g. a
/// file and a log. Write errors are ignored, as a closed terminal's are.
///
/// ```
/// let sink = beamlet::WriterIo::new(Vec::new(), std::io::sink());
/// let vm = beamlet::Vm::builder().schedulers(1).output(sink).build().unwrap();
/// vm.eval("IO.puts(1)").unwrap();
/// ```
pub struct WriterIo<O, E> {
    out: O,
    err: E,
}

impl<O: Write, E: Write> WriterIo<O, E> {
    /// Standard output to `out`, standard error to `err`.
    pub fn new(out: O, err: E) -> WriterIo<O, E> {
        WriterIo { out, err }
    }
}

impl<O: Write, E: Write> Io for WriterIo<O, E> {
    fn out(&mut self, bytes: &[u8]) {
        let _ = self.out.write_all(bytes);
    }
    fn err(&mut self, bytes: &[u8]) {
        let _ = self.err.write_all(bytes);
    }
    fn flush(&mut self) {
        let _ = self.out.flush();
        let _ = self.err.flush();
    }
}
