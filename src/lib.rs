//! `dsgvo`: GDPR (DSGVO) breach triage for online shops and their service
//! providers — facts in, an explained Art. 33/34 verdict out.
//!
//! This crate re-exports [`dsgvo_core`]; see there for the API.
#![forbid(unsafe_code)]

pub use dsgvo_core::*;
