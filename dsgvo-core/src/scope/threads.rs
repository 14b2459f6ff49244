//! Scoping on several threads. A summary merges exactly (any split of the
//! rows gives the same summary), so the rows of a table can be split among
//! workers, each counting its share in a summary of its own, and merged
//! when they are done: the result is that of one pass on one thread. The
//! core starts threads but never asks the host how many it has; callers
//! pass the number.

use super::error::ScopeError;
use super::summary::{RowCells, ScopeSummary};

/// Rows a worker counts at once: a block of a column's cells and the
/// column's lookup table stay in the processor's cache (see
/// [`ScopeSummary::push_rows`]).
const BLOCK: usize = 1024;

/// The fewest rows worth a thread of their own; a smaller batch is
/// counted on the calling thread. Our figure: at the benchmark's pace
/// (1,000,000 rows of 12 columns in 0.81 s on one thread) these rows take
/// about 3 ms; what starting a thread costs was not measured.
pub const ROWS_PER_THREAD: usize = 4 * BLOCK;

/// Counts rows on several threads, for [`ScopeSummary::on_threads`]: the
/// calling thread counts into the summary itself, each other worker into a
/// summary of its own, kept across calls of [`Workers::push_rows`] and
/// merged into the summary at the end.
#[derive(Debug)]
pub struct Workers<'a> {
    main: &'a mut ScopeSummary,
    helpers: Vec<ScopeSummary>,
}

impl ScopeSummary {
    /// Runs `f` with [`Workers`] that count the rows pushed to them on
    /// `threads` threads (the calling one among them; 0 counts as 1), then
    /// merges what every thread counted into this summary: the same
    /// summary as the rows pushed here one by one. Each extra thread keeps
    /// its own people until the end, so the memory per person grows with
    /// the threads.
    ///
    /// # Errors
    ///
    /// None in practice: the workers' summaries are of this summary's table
    /// and options, so merging them cannot fail; a failed merge would be
    /// returned, never dropped.
    ///
    /// # Examples
    ///
    /// ```
    /// use dsgvo_core::scope::{ScopeOptions, ScopeSummary};
    /// let options = ScopeOptions { key: Some("email".into()), ..ScopeOptions::new("2026-11-20".parse().unwrap()) };
    /// let rows: Vec<(u64, [String; 2])> = (0..10_000u64)
    ///     .map(|i| (i + 2, [format!("kunde{}@example.org", i % 700), "DE".to_string()]))
    ///     .collect();
    /// let mut one = ScopeSummary::new(&["email", "land"], options.clone()).unwrap();
    /// one.push_rows(&rows);
    /// let mut two = ScopeSummary::new(&["email", "land"], options).unwrap();
    /// two.on_threads(2, |workers| workers.push_rows(&rows)).unwrap();
    /// assert_eq!(one, two);
    /// assert_eq!(two.report().unwrap().subjects, 700);
    /// ```
    pub fn on_threads<T>(
        &mut self,
        threads: usize,
        f: impl FnOnce(&mut Workers<'_>) -> T,
    ) -> Result<T, ScopeError> {
        let helpers = (1..threads)
            .map(|_| ScopeSummary::new(&self.headers, self.options.clone()))
            .collect::<Result<Vec<_>, _>>()?;
        let mut workers = Workers {
            main: self,
            helpers,
        };
        let out = f(&mut workers);
        let Workers { main, helpers } = workers;
        for helper in helpers {
            main.merge(helper)?;
        }
        Ok(out)
    }
}

impl Workers<'_> {
    /// Counts `rows` as [`ScopeSummary::push_rows`] does, split into as
    /// many consecutive parts as there are threads, each counted a block
    /// at a time on its own thread. A batch too small to be worth a thread
    /// is counted on the calling thread.
    pub fn push_rows<R: RowCells + Sync>(&mut self, rows: &[(u64, R)]) {
        let threads = (rows.len() / ROWS_PER_THREAD).clamp(1, self.helpers.len() + 1);
        if threads == 1 {
            return push_blocks(self.main, rows);
        }
        let share = rows.len().div_ceil(threads);
        let mut parts = rows.chunks(share);
        let mine = parts.next().unwrap_or_default();
        std::thread::scope(|scope| {
            for (helper, part) in self.helpers.iter_mut().zip(parts) {
                scope.spawn(move || push_blocks(helper, part));
            }
            push_blocks(self.main, mine);
        });
    }
}

fn push_blocks<R: RowCells>(summary: &mut ScopeSummary, rows: &[(u64, R)]) {
    for block in rows.chunks(BLOCK) {
        summary.push_rows(block);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scope::ScopeOptions;
    use proptest::prelude::*;

    fn options() -> ScopeOptions {
        ScopeOptions {
            key: Some("kunde".into()),
            ..ScopeOptions::new("2026-11-20".parse().unwrap())
        }
    }

    const HEADER: [&str; 4] = ["kunde", "email", "geburtsdatum", "land"];

    /// Row `i` of a table whose people repeat, with minors, countries,
    /// masked examples and a malformed row now and then.
    fn row(i: u64) -> (u64, Vec<String>) {
        let person = i * 7919 % 1301;
        let mut cells = vec![
            person.to_string(),
            format!("kunde{person}@example.org"),
            format!("{:02}.03.{}", 1 + person % 28, 1950 + person % 70),
            ["DE", "AT", "Frankreich"][(person % 3) as usize].to_string(),
        ];
        if i % 997 == 0 {
            cells.pop();
        }
        (i + 2, cells)
    }

    fn one_pass(rows: &[(u64, Vec<String>)]) -> ScopeSummary {
        let mut summary = ScopeSummary::new(&HEADER, options()).unwrap();
        summary.push_rows(rows);
        summary
    }

    // The threads only share out work: any number of them, any batches,
    // give the summary of one pass (the merge property, on threads).
    proptest! {
        #![proptest_config(ProptestConfig::with_cases(12))]
        #[test]
        fn any_threads_and_batches_give_one_pass(
            rows in 0usize..30_000,
            threads in 0usize..5,
            batch in 1usize..20_000,
        ) {
            let rows: Vec<_> = (0..rows as u64).map(row).collect();
            let mut threaded = ScopeSummary::new(&HEADER, options()).unwrap();
            threaded
                .on_threads(threads, |w| rows.chunks(batch).for_each(|b| w.push_rows(b)))
                .unwrap();
            prop_assert_eq!(threaded, one_pass(&rows));
        }
    }

    #[test]
    fn a_large_batch_is_shared_out_and_a_small_one_is_not() {
        let rows: Vec<_> = (0..3 * ROWS_PER_THREAD as u64).map(row).collect();
        let mut summary = ScopeSummary::new(&HEADER, options()).unwrap();
        let counted = summary
            .on_threads(3, |w| {
                w.push_rows(&rows[..ROWS_PER_THREAD + 1]);
                let small: Vec<u64> = w.helpers.iter().map(|h| h.records).collect();
                w.push_rows(&rows);
                let large: Vec<u64> = w.helpers.iter().map(|h| h.records).collect();
                (small, large)
            })
            .unwrap();
        // The records of the malformed rows (one in 997) are not counted.
        assert_eq!(counted.0, [0, 0]);
        assert!(counted.1.iter().all(|n| *n > ROWS_PER_THREAD as u64 - 10));
        let mut twice = rows[..ROWS_PER_THREAD + 1].to_vec();
        twice.extend_from_slice(&rows);
        assert_eq!(summary, one_pass(&twice));
    }
}
