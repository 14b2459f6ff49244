//! The remaining C ABI functions that take strings, with arbitrary bytes
//! in every string argument (NUL-separated fields of the input) and
//! arbitrary numbers.
#![no_main]
use std::ptr::null_mut;

use dsgvo_ffi::{
    dsgvo_case, dsgvo_case_free, dsgvo_case_open, dsgvo_dpo_duty, dsgvo_fine_ceilings,
    dsgvo_register_export, dsgvo_status_name,
};
use dsgvo_fuzz::{call, fields, finish};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&door, rest)) = data.split_first() else {
        return;
    };
    let f = fields(rest, 4);
    let number = i64::from_le_bytes(
        rest.iter()
            .rev()
            .copied()
            .chain([0; 8])
            .take(8)
            .collect::<Vec<_>>()
            .try_into()
            .unwrap(),
    );
    // SAFETY: NUL-terminated strings and valid out-parameters; a handle is
    // freed once.
    unsafe {
        match door % 5 {
            0 => {
                let mut case: *mut dsgvo_case = null_mut();
                let status = dsgvo_case_open(
                    f[0].as_ptr(),
                    f[1].as_ptr(),
                    f[2].as_ptr(),
                    f[3].as_ptr(),
                    &mut case,
                );
                if finish(status, case.is_null(), || ()).is_ok() {
                    dsgvo_case_free(case);
                }
            }
            1 => drop(call(|out| {
                dsgvo_dpo_duty(f[0].as_ptr(), f[1].as_ptr(), out)
            })),
            2 => drop(call(|out| dsgvo_fine_ceilings(number, f[0].as_ptr(), out))),
            3 => drop(call(|out| {
                dsgvo_register_export(f[0].as_ptr(), number, f[1].as_ptr(), out)
            })),
            _ => assert!(!dsgvo_status_name(number as u32).is_null()),
        }
    }
});
