//! The remaining C ABI functions that take strings, with arbitrary bytes
//! in every string argument (NUL-separated fields of the input) and
//! arbitrary numbers.
#![no_main]
use std::ptr::null_mut;

use dsgvo_ffi::{
    dsgvo_case, dsgvo_case_anchor, dsgvo_case_check_anchor, dsgvo_case_free, dsgvo_case_open,
    dsgvo_dpo_duty, dsgvo_fine_ceilings, dsgvo_letter_run, dsgvo_letter_run_free,
    dsgvo_letter_run_new, dsgvo_letter_run_write, dsgvo_register_export, dsgvo_status_name,
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
        match door % 6 {
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
                    // Arbitrary text as an anchor, then the case's own.
                    let _ = dsgvo_case_check_anchor(case, f[0].as_ptr());
                    if let Ok(anchor) = call(|out| dsgvo_case_anchor(case, out)) {
                        let anchor = std::ffi::CString::new(anchor).unwrap();
                        assert_eq!(
                            dsgvo_case_check_anchor(case, anchor.as_ptr()) as u32,
                            0,
                            "a case matches its own anchor"
                        );
                    }
                    dsgvo_case_free(case);
                }
            }
            5 => {
                // A letter run: facts, options, format; then one batch.
                let mut run: *mut dsgvo_letter_run = null_mut();
                let status =
                    dsgvo_letter_run_new(f[0].as_ptr(), f[1].as_ptr(), f[2].as_ptr(), &mut run);
                if finish(status, run.is_null(), || ()).is_ok() {
                    drop(call(|out| {
                        dsgvo_letter_run_write(
                            run,
                            f[3].as_ptr(),
                            number as u64,
                            c"jsonl".as_ptr(),
                            out,
                        )
                    }));
                    dsgvo_letter_run_free(run);
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
