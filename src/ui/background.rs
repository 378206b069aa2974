//! Analysis that is too slow for a frame, run on a named worker thread while the
//! workbench stays responsive.
//!
//! A [`Background`] holds the result for one key (say, the two documents in the panes
//! and the comparison options). Asked for another key, it starts the work on a thread
//! and answers [`Work::Working`] until the result arrives; the thread wakes the UI when
//! it is done. Small inputs are worked out at once on the UI thread: a thread costs
//! more than they do, and the editor sees no flicker of a progress indicator.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};

/// Inputs smaller than this (in bytes) are analysed on the UI thread: the sample story
/// takes well under a millisecond.
const INLINE_LIMIT_BYTES: usize = 64 * 1024;

/// Where a piece of background work stands.
pub enum Work<V> {
    /// The result for the key asked about.
    Ready(Arc<V>),
    /// The work is under way.
    Working,
    /// The worker stopped without a result (it panicked, or no thread could be
    /// started); the reason has been logged.
    Failed,
}

impl<V> Work<V> {
    /// The result, when there is one.
    pub fn ready(&self) -> Option<Arc<V>> {
        match self {
            Self::Ready(value) => Some(value.clone()),
            Self::Working | Self::Failed => None,
        }
    }
}

/// The latest result of one kind of analysis, and the work under way for a new one.
pub struct Background<K, V> {
    /// The worker threads' name, as seen in a debugger or a profiler.
    thread_name: &'static str,
    /// The key the result is for, and the result; `None` as the value when it failed.
    done: Option<(K, Option<Arc<V>>)>,
    /// The key being worked on, and where its result will arrive.
    pending: Option<(K, Receiver<V>)>,
}

impl<K: PartialEq, V: Send + 'static> Background<K, V> {
    /// No result yet; workers will be called `thread_name`.
    pub fn new(thread_name: &'static str) -> Self {
        Self {
            thread_name,
            done: None,
            pending: None,
        }
    }

    /// The result for `key`, unless it is known or already under way computing it with
    /// the work `prepare` returns (on a worker thread when the input is `size_bytes` or
    /// more). `prepare` copies what the work needs, and is only called when there is
    /// work to do: a frame that finds the result known copies nothing.
    pub fn get<F>(
        &mut self,
        ctx: &egui::Context,
        key: K,
        size_bytes: usize,
        prepare: impl FnOnce() -> F,
    ) -> Work<V>
    where
        F: FnOnce() -> V + Send + 'static,
    {
        if let Some((done_key, value)) = &self.done
            && *done_key == key
        {
            return value.clone().map_or(Work::Failed, Work::Ready);
        }
        if self
            .pending
            .as_ref()
            .is_none_or(|(pending_key, _)| *pending_key != key)
        {
            let compute = prepare();
            if size_bytes < INLINE_LIMIT_BYTES {
                let value = Arc::new(compute());
                self.pending = None;
                self.done = Some((key, Some(value.clone())));
                return Work::Ready(value);
            }
            // A result still coming for an older key is dropped with its receiver.
            self.pending = self.start(ctx, compute).map(|receiver| (key, receiver));
            if self.pending.is_none() {
                return Work::Failed;
            }
        }
        self.collect()
    }

    /// Whether a worker is computing a result now.
    pub fn is_working(&self) -> bool {
        self.pending.is_some()
    }

    /// The last result worked out, whatever it was asked for.
    pub fn latest(&self) -> Option<Arc<V>> {
        self.done.as_ref().and_then(|(_, value)| value.clone())
    }

    /// Starts `compute` on a worker thread that wakes the UI when it is done.
    fn start(
        &self,
        ctx: &egui::Context,
        compute: impl FnOnce() -> V + Send + 'static,
    ) -> Option<Receiver<V>> {
        let (sender, receiver) = mpsc::channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name(self.thread_name.to_owned())
            .spawn(move || {
                // The receiver is gone when the editor moved on to other documents;
                // the result is then of no use to anyone.
                if sender.send(compute()).is_ok() {
                    ctx.request_repaint();
                }
            });
        match spawned {
            Ok(_) => Some(receiver),
            Err(err) => {
                log::error!("could not start a {} thread: {err}", self.thread_name);
                None
            }
        }
    }

    /// Takes the pending result if it has arrived.
    fn collect(&mut self) -> Work<V> {
        let Some((_, receiver)) = &self.pending else {
            return Work::Failed;
        };
        match receiver.try_recv() {
            Err(TryRecvError::Empty) => Work::Working,
            Ok(value) => {
                let value = Arc::new(value);
                if let Some((key, _)) = self.pending.take() {
                    self.done = Some((key, Some(value.clone())));
                }
                Work::Ready(value)
            }
            Err(TryRecvError::Disconnected) => {
                log::error!("a {} thread stopped without a result", self.thread_name);
                if let Some((key, _)) = self.pending.take() {
                    self.done = Some((key, None));
                }
                Work::Failed
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait_for<V>(background: &mut Background<u32, V>, ctx: &egui::Context, key: u32) -> Arc<V>
    where
        V: Send + 'static + Default,
    {
        for _ in 0..500 {
            match background.get(ctx, key, usize::MAX, || V::default) {
                Work::Ready(value) => return value,
                Work::Working => std::thread::sleep(std::time::Duration::from_millis(10)),
                Work::Failed => panic!("the work failed"),
            }
        }
        panic!("no result after 5 s");
    }

    #[test]
    fn small_inputs_are_ready_at_once_and_kept() {
        let ctx = egui::Context::default();
        let mut background = Background::new("test");
        let Work::Ready(first) = background.get(&ctx, 1, 10, || || 42) else {
            panic!("a small input is worked out at once");
        };
        assert_eq!(*first, 42);
        let Work::Ready(again) = background.get(&ctx, 1, 10, || || 0) else {
            panic!("a known key is ready");
        };
        assert_eq!(*again, 42, "a known key is not worked out again");
    }

    #[test]
    fn large_inputs_are_worked_out_on_a_thread() {
        let ctx = egui::Context::default();
        let mut background: Background<u32, String> = Background::new("test");
        let (release, wait) = mpsc::channel::<()>();
        let work = background.get(&ctx, 7, usize::MAX, || {
            move || {
                wait.recv().ok();
                std::thread::current().name().unwrap_or_default().to_owned()
            }
        });
        assert!(matches!(work, Work::Working));
        release.send(()).ok();
        let name = wait_for(&mut background, &ctx, 7);
        assert_eq!(*name, "test");
    }

    #[test]
    fn a_panicking_worker_is_a_failure_not_a_hang() {
        let ctx = egui::Context::default();
        let mut background: Background<u32, u32> = Background::new("test");
        let started = background.get(&ctx, 3, usize::MAX, || || panic!("broken input"));
        assert!(!matches!(started, Work::Ready(_)));
        for _ in 0..500 {
            match background.get(&ctx, 3, usize::MAX, || || 0) {
                Work::Failed => return,
                Work::Working => std::thread::sleep(std::time::Duration::from_millis(10)),
                Work::Ready(_) => panic!("a panicked worker has no result"),
            }
        }
        panic!("the failure was never noticed");
    }
}
