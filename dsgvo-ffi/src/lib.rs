//! C ABI of `dsgvo` for C, ERP code and PHP FFI.
//!
//! This crate is the only place where `unsafe` may appear; every block
//! carries a `// SAFETY:` comment. For now it exports the version queries a
//! host checks before anything else; the full API (triage, documents, case
//! lifecycle, TOMs) follows, built on the same serde types as every door.

/// ABI version: raised on every incompatible change of the C interface.
pub const DSGVO_ABI_VERSION: u32 = 1;

/// NUL-terminated library version, e.g. `"0.1.0"`.
const VERSION_CSTR: &str = concat!(env!("CARGO_PKG_VERSION"), "\0");

/// The ABI version of the loaded library. Never fails.
#[unsafe(no_mangle)]
pub extern "C" fn dsgvo_abi_version() -> u32 {
    DSGVO_ABI_VERSION
}

/// The library version as a static NUL-terminated string. The caller must
/// not free it. Never fails.
#[unsafe(no_mangle)]
pub extern "C" fn dsgvo_version() -> *const std::ffi::c_char {
    VERSION_CSTR.as_ptr().cast()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_is_nul_terminated_and_matches_the_core() {
        // SAFETY: dsgvo_version returns a pointer to a static NUL-terminated string.
        let version = unsafe { std::ffi::CStr::from_ptr(dsgvo_version()) };
        assert_eq!(version.to_str().unwrap(), dsgvo_core::VERSION);
        assert_eq!(dsgvo_abi_version(), 1);
    }
}
