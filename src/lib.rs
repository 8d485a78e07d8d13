//! beamlet
