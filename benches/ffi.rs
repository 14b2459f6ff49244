//! One triage call through the C ABI (`dsgvo_triage`: C string in, JSON
//! out, `dsgvo_string_free`), beside the same call in Rust. The C ABI is
//! the code of the shared library, linked here as an rlib. PHP FFI on top
//! is measured by `benches/compare_php.php`. Run: `cargo bench --bench ffi`.

use std::ffi::{CString, c_char};
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use dsgvo_ffi::{dsgvo_status, dsgvo_string_free, dsgvo_triage};

const SHIPPING_LABEL: &str = include_str!("../examples/scenarios/shipping-label.json");

fn ffi(c: &mut Criterion) {
    let v: serde_json::Value = serde_json::from_str(SHIPPING_LABEL).unwrap();
    let json = v["facts"].to_string();
    let facts = CString::new(json.clone()).unwrap();
    c.bench_function("triage_rust_json/shipping_label", |b| {
        b.iter(|| dsgvo::triage_json(black_box(&json), None).unwrap())
    });
    c.bench_function("triage_c_abi/shipping_label", |b| {
        b.iter(|| {
            let mut out: *mut c_char = std::ptr::null_mut();
            // SAFETY: a valid NUL-terminated string, a writable out-param,
            // and the result freed once with the library's function.
            unsafe {
                let status = dsgvo_triage(black_box(facts.as_ptr()), std::ptr::null(), &mut out);
                assert_eq!(status, dsgvo_status::DSGVO_OK);
                dsgvo_string_free(out);
            }
        })
    });
}

criterion_group!(benches, ffi);
criterion_main!(benches);
