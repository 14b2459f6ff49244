//! Bulk work on several threads (a register of stored cases, many breach
//! facts): workers take batches of consecutive items from one shared
//! source, so the items are read once, in order, and the result does not
//! depend on how the batches were shared out.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

/// Rows a worker takes at once: large enough that the lock is rarely
/// contended, small enough that the workers finish together.
const BATCH: usize = 64;

/// One batch's outcome: its number in the source, the rows verified, and
/// the failure it stopped at.
struct Done<T, E> {
    number: usize,
    verified: Vec<T>,
    failure: Option<E>,
}

/// Maps `rows` through `verify` on `workers` threads (in the calling thread
/// for one worker) and returns the results in row order, or the first
/// failure by row order.
pub(crate) fn map_in_order<R, T, E, F>(rows: R, workers: usize, verify: F) -> Result<Vec<T>, E>
where
    R: Iterator + Send,
    R::Item: Send,
    T: Send,
    E: Send,
    F: Fn(R::Item) -> Result<T, E> + Sync,
{
    if workers <= 1 {
        return rows.map(verify).collect();
    }
    let source = Mutex::new((rows.fuse(), 0usize));
    let failed = AtomicBool::new(false);
    let work = || {
        let mut done = Vec::new();
        // Once a row failed, later batches do not matter; every batch taken
        // before it is finished, so the first failure is always found.
        while !failed.load(Ordering::Relaxed) {
            let (number, batch) = {
                // A panic in `verify` never happens while the lock is held.
                let mut guard = source.lock().unwrap_or_else(|p| p.into_inner());
                let (rows, taken) = &mut *guard;
                let batch: Vec<R::Item> = rows.by_ref().take(BATCH).collect();
                let number = *taken;
                *taken += 1;
                (number, batch)
            };
            if batch.is_empty() {
                break;
            }
            let mut verified = Vec::with_capacity(batch.len());
            let mut failure = None;
            for row in batch {
                match verify(row) {
                    Ok(t) => verified.push(t),
                    Err(e) => {
                        failure = Some(e);
                        failed.store(true, Ordering::Relaxed);
                        break;
                    }
                }
            }
            done.push(Done {
                number,
                verified,
                failure,
            });
        }
        done
    };
    let mut batches: Vec<Done<T, E>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers).map(|_| scope.spawn(work)).collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    });
    batches.sort_unstable_by_key(|b| b.number);
    let mut out = Vec::with_capacity(batches.iter().map(|b| b.verified.len()).sum());
    for batch in batches {
        if let Some(e) = batch.failure {
            return Err(e);
        }
        out.extend(batch.verified);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_and_the_first_failure_do_not_depend_on_the_workers() {
        let verify = |n: u32| if n % 1000 == 999 { Err(n) } else { Ok(n * 2) };
        for workers in 1..=4 {
            assert_eq!(
                map_in_order(0..998u32, workers, verify),
                Ok((0..998).map(|n| n * 2).collect())
            );
            assert_eq!(map_in_order(0..5000u32, workers, verify), Err(999));
        }
    }
}
