//! Undo and redo of every edit to the project.
//!
//! All edits go through `FactdeskApp::apply`, which keeps the project as it was before
//! each editing action; undoing puts it back. Whole snapshots make every edit
//! undoable the same way, including the ones that touch many claims at once (a
//! re-import that moves every anchor, a merge from disk), and cost one copy of the
//! project per step.

use crate::core::project::Project;

/// How many edits can be undone.
const DEPTH: usize = 100;

/// One edit, and the project on the other side of it.
#[derive(Debug)]
struct Step {
    /// What the edit was, as the Edit menu names it ("set verdict").
    label: String,
    /// The project before the edit (on the undo stack) or after it (on the redo stack).
    project: Project,
}

/// The edits that can be undone and redone in a session.
#[derive(Debug, Default)]
pub struct UndoHistory {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl UndoHistory {
    /// Records an edit named `label` that changed the project from `before`. A new
    /// edit cannot be redone past, so the redo stack is cleared.
    pub fn record(&mut self, label: String, before: Project) {
        self.undo.push(Step {
            label,
            project: before,
        });
        if self.undo.len() > DEPTH {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Puts `project` back as it was before the last edit. Returns the edit's name, or
    /// `None` when there is nothing to undo.
    pub fn undo(&mut self, project: &mut Project) -> Option<String> {
        Self::step(&mut self.undo, &mut self.redo, project)
    }

    /// Makes the last undone edit again. Returns its name, or `None` when there is
    /// nothing to redo.
    pub fn redo(&mut self, project: &mut Project) -> Option<String> {
        Self::step(&mut self.redo, &mut self.undo, project)
    }

    /// The name of the edit Undo would take back.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|step| step.label.as_str())
    }

    /// The name of the edit Redo would make again.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|step| step.label.as_str())
    }

    /// Swaps `project` with the top of `from`, keeping the swapped-out project on `to`.
    fn step(from: &mut Vec<Step>, to: &mut Vec<Step>, project: &mut Project) -> Option<String> {
        let step = from.pop()?;
        let other = std::mem::replace(project, step.project);
        to.push(Step {
            label: step.label.clone(),
            project: other,
        });
        Some(step.label)
    }
}

#[cfg(test)]
mod tests {
    use jiff::Timestamp;

    use super::*;

    fn titled(title: &str) -> Project {
        Project::new(title, Timestamp::UNIX_EPOCH)
    }

    #[test]
    fn undo_then_redo_gives_back_each_version() {
        let mut history = UndoHistory::default();
        let mut project = titled("c");
        history.record("rename project".to_owned(), titled("a"));
        history.record("set verdict".to_owned(), titled("b"));
        assert_eq!(history.undo_label(), Some("set verdict"));

        assert_eq!(history.undo(&mut project).as_deref(), Some("set verdict"));
        assert_eq!(project.title, "b");
        assert_eq!(
            history.undo(&mut project).as_deref(),
            Some("rename project")
        );
        assert_eq!(project.title, "a");
        assert_eq!(history.undo(&mut project), None, "nothing left to undo");

        assert_eq!(
            history.redo(&mut project).as_deref(),
            Some("rename project")
        );
        assert_eq!(history.redo(&mut project).as_deref(), Some("set verdict"));
        assert_eq!(project.title, "c");
        assert_eq!(history.redo(&mut project), None);
    }

    #[test]
    fn a_new_edit_clears_redo_and_the_depth_is_bounded() {
        let mut history = UndoHistory::default();
        let mut project = titled("b");
        history.record("one".to_owned(), titled("a"));
        history.undo(&mut project);
        assert_eq!(history.redo_label(), Some("one"));
        history.record("two".to_owned(), titled("c"));
        assert_eq!(history.redo_label(), None);

        for index in 0..DEPTH + 10 {
            history.record(format!("edit {index}"), titled("x"));
        }
        let mut undone = 0;
        while history.undo(&mut project).is_some() {
            undone += 1;
        }
        assert_eq!(undone, DEPTH);
    }

    /// One step of a random editing session.
    #[derive(Clone, Debug)]
    enum Step {
        Edit(u8),
        Undo,
        Redo,
    }

    fn steps() -> impl proptest::strategy::Strategy<Value = Vec<Step>> {
        use proptest::prelude::*;
        proptest::collection::vec(
            prop_oneof![
                any::<u8>().prop_map(Step::Edit),
                Just(Step::Undo),
                Just(Step::Redo)
            ],
            0..400,
        )
    }

    proptest::proptest! {
        /// Against a model (the list of versions and a cursor): undo and redo always
        /// give back exactly the version they should, and undo then redo is no change.
        #[test]
        fn undo_and_redo_follow_the_versions_made(steps in steps()) {
            let mut history = UndoHistory::default();
            let mut project = titled("0");
            let mut versions = vec!["0".to_owned()];
            let mut at = 0;
            // How many edits can be undone: all of them, up to the depth kept.
            let mut undoable = 0;
            for step in steps {
                match step {
                    Step::Edit(value) => {
                        let before = project.clone();
                        project.title = format!("{}-{value}", project.title);
                        history.record("edit".to_owned(), before);
                        versions.truncate(at + 1);
                        versions.push(project.title.clone());
                        at += 1;
                        undoable = (undoable + 1).min(DEPTH);
                    }
                    Step::Undo => {
                        let undone = history.undo(&mut project).is_some();
                        proptest::prop_assert_eq!(undone, undoable > 0);
                        if undone {
                            at -= 1;
                            undoable -= 1;
                            let redone = project.clone();
                            history.redo(&mut project);
                            history.undo(&mut project);
                            proptest::prop_assert_eq!(&project, &redone);
                        }
                    }
                    Step::Redo => {
                        let redone = history.redo(&mut project).is_some();
                        proptest::prop_assert_eq!(redone, at + 1 < versions.len());
                        if redone {
                            at += 1;
                            undoable += 1;
                        }
                    }
                }
                proptest::prop_assert_eq!(&project.title, &versions[at]);
            }
        }
    }
}
