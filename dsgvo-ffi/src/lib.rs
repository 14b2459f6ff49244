//! C ABI of dsgvo (see issue: C ABI and PHP).
