//! `Pid`: a process of a running VM, as the host holds it.

use beamlet_vm::term::Term;
use beamlet_vm::value::{ConversionError, Value};

/// A process identifier (`#PID<0.index.serial>`): what [`crate::Vm::spawn`]
/// returns and [`crate::Vm::send`] takes. `Copy`, `Send`, `Sync`; a pid of
/// a process that ended stays valid and names no one (messages to it are
/// dropped, as on the BEAM).
///
/// ```
/// let vm = beamlet::Vm::builder().schedulers(1).build().unwrap();
/// let v = vm.eval("self()").unwrap();
/// let pid = beamlet::Pid::try_from(v).unwrap();
/// assert!(pid.to_string().starts_with("#PID<0."));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pid {
    index: u32,
    serial: u32,
}

impl Pid {
    pub(crate) fn from_term(t: Term) -> Pid {
        let (index, serial) = t.pid_parts().unwrap_or((0, 0));
        Pid { index, serial }
    }

    pub(crate) fn term(self) -> Term {
        Term::pid(self.index, self.serial)
    }
}

impl std::fmt::Display for Pid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "#PID<0.{}.{}>", self.index, self.serial)
    }
}

impl From<Pid> for Value {
    fn from(p: Pid) -> Value {
        Value::Pid {
            index: p.index,
            serial: p.serial,
        }
    }
}

impl TryFrom<Value> for Pid {
    type Error = ConversionError;
    fn try_from(v: Value) -> Result<Pid, ConversionError> {
        match v {
            Value::Pid { index, serial } => Ok(Pid { index, serial }),
            other => Err(ConversionError::new("a pid", &other)),
        }
    }
}
