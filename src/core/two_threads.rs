//! Two pieces of work side by side: one on a named scoped thread, the other on the
//! calling thread, for the steps that handle an old and a new version the same way.

/// Runs `here` on this thread and `there` on a thread named `thread_name`, and returns
/// both results. A thread that cannot start, or that panicked, leaves its work to this
/// thread, so the result is the same either way.
pub(crate) fn both<A, B>(
    thread_name: &str,
    here: impl FnOnce() -> A,
    there: impl Fn() -> B + Sync,
) -> (A, B)
where
    B: Send,
{
    std::thread::scope(|scope| {
        let other = std::thread::Builder::new()
            .name(thread_name.to_owned())
            .spawn_scoped(scope, &there);
        let here = here();
        let there = other
            .ok()
            .and_then(|handle| handle.join().ok())
            .unwrap_or_else(&there);
        (here, there)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_results_come_back_in_order_and_the_other_runs_on_its_named_thread() {
        let (here, there) = both(
            "two-threads-test",
            || 1 + 1,
            || std::thread::current().name().map(str::to_owned),
        );
        assert_eq!(here, 2);
        assert_eq!(there.as_deref(), Some("two-threads-test"));
    }
}
