//! TOM checklists and documents: the first byte picks the door
//! (evaluate and document a checklist, import a document, apply an action,
//! record a breach); the rest is the input, NUL-separated where a door
//! takes several strings.
#![no_main]
use dsgvo_ffi::{
    dsgvo_tom_apply, dsgvo_tom_document, dsgvo_tom_evaluate, dsgvo_tom_import,
    dsgvo_tom_record_breach,
};
use dsgvo_fuzz::{c, call, fields, is_json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&door, rest)) = data.split_first() else {
        return;
    };
    // SAFETY: NUL-terminated strings and valid out-parameters.
    unsafe {
        match door % 4 {
            0 => {
                let checklist = c(rest);
                for lang in [c"de", c"en"] {
                    if let Ok(e) = call(|out| {
                        dsgvo_tom_evaluate(
                            checklist.as_ptr(),
                            c"2026-11-22".as_ptr(),
                            lang.as_ptr(),
                            out,
                        )
                    }) {
                        is_json(&e);
                        for format in [c"markdown", c"html"] {
                            call(|out| {
                                dsgvo_tom_document(
                                    checklist.as_ptr(),
                                    c"2026-11-22".as_ptr(),
                                    lang.as_ptr(),
                                    format.as_ptr(),
                                    out,
                                )
                            })
                            .expect("a checklist that evaluates is documented");
                        }
                    }
                }
            }
            1 => {
                let f = fields(rest, 2);
                if let Ok(report) = call(|out| {
                    dsgvo_tom_import(f[0].as_ptr(), c"Shop".as_ptr(), f[1].as_ptr(), out)
                }) {
                    is_json(&report);
                }
            }
            2 => {
                let f = fields(rest, 5);
                if let Ok(changed) = call(|out| {
                    dsgvo_tom_apply(
                        f[0].as_ptr(),
                        f[1].as_ptr(),
                        f[2].as_ptr(),
                        f[3].as_ptr(),
                        f[4].as_ptr(),
                        out,
                    )
                }) {
                    is_json(&changed);
                }
            }
            _ => {
                let f = fields(rest, 5);
                if let Ok(changed) = call(|out| {
                    dsgvo_tom_record_breach(
                        f[0].as_ptr(),
                        f[1].as_ptr(),
                        f[2].as_ptr(),
                        f[3].as_ptr(),
                        f[4].as_ptr(),
                        c"de".as_ptr(),
                        out,
                    )
                }) {
                    is_json(&changed);
                }
            }
        }
    }
});
