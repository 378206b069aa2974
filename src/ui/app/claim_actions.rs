//! How the workbench applies the claim actions: verdicts, evidence, merging and
//! splitting, keyboard triage. Called from [`FactdeskApp::apply`] only.

use jiff::Timestamp;

use crate::core::anchor::TextAnchor;
use crate::core::article::sha256_file;
use crate::core::claims::evidence::{parse_accessed, parse_sha256};
use std::ops::Range;

use crate::core::article::DocumentId;
use crate::core::claims::candidates::CandidateKind;
use crate::core::claims::{Claim, ClaimId, Evidence, Locator, Stance, VerdictScale};
use crate::core::corroboration::Passage;

use super::FactdeskApp;
use crate::ui::state::{CustomScaleForm, EvidenceForm, Modal, NoticeKind};

impl FactdeskApp {
    /// The selected claim, if it still exists.
    pub(super) fn selected_claim_id(&self) -> Option<ClaimId> {
        let session = self.state.session.as_ref()?;
        let claim_id = session.selected_claim.as_ref()?;
        session
            .project
            .claim(claim_id)
            .map(|claim| claim.id.clone())
    }

    /// Applies the text being typed in a claim's field, recording it in the history.
    pub(super) fn commit_text_draft(&mut self, now: Timestamp) {
        let stamp = self.stamp(now);
        let Some(session) = &mut self.state.session else {
            return;
        };
        let Some(draft) = session.text_draft.take() else {
            return;
        };
        if session
            .project
            .set_claim_text(&draft.claim_id, draft.field, draft.text, &stamp)
        {
            session.dirty = true;
        }
    }

    /// Moves the selection `step` claims down (or up) the list as filtered, and brings
    /// the claim into view.
    pub(super) fn select_adjacent_claim(&mut self, step: isize) {
        let Some(session) = &self.state.session else {
            return;
        };
        let visible: Vec<ClaimId> = session.visible_claims().map(|c| c.id.clone()).collect();
        if visible.is_empty() {
            return;
        }
        let current = session
            .selected_claim
            .as_ref()
            .and_then(|selected| visible.iter().position(|id| id == selected));
        let index = match current {
            None if step < 0 => visible.len() - 1,
            None => 0,
            Some(index) => index.saturating_add_signed(step).min(visible.len() - 1),
        };
        self.select_claim(visible[index].clone(), true);
    }

    pub(super) fn cycle_selected_claim_status(&mut self, now: Timestamp) {
        let stamp = self.stamp(now);
        let Some(claim_id) = self.selected_claim_id() else {
            return;
        };
        self.edit(|project| {
            let next = project.claim(&claim_id).map(|claim| claim.status.next());
            next.is_some_and(|status| project.set_claim_status(&claim_id, status, &stamp))
        });
    }

    /// Gives the selected claim the rating at `index` of the project's scale.
    pub(super) fn rate_selected_claim(&mut self, index: Option<usize>, now: Timestamp) {
        let stamp = self.stamp(now);
        let Some(claim_id) = self.selected_claim_id() else {
            return;
        };
        let Some(session) = &self.state.session else {
            return;
        };
        let scale = &session.project.verdict_scale;
        let Some(index) = index else {
            self.edit(|project| project.set_claim_rating(&claim_id, None, &stamp));
            return;
        };
        let Some(rating) = scale.ratings.get(index).map(|r| r.label.clone()) else {
            let text = if scale.is_conclusion_only() {
                format!(
                    "{} has no ratings: write the conclusion instead",
                    scale.name
                )
            } else {
                format!("{} has {} ratings", scale.name, scale.ratings.len())
            };
            self.notify(NoticeKind::Warning, text);
            return;
        };
        self.edit(|project| project.set_claim_rating(&claim_id, Some(rating), &stamp));
    }

    pub(super) fn merge_claim_with_next(&mut self, claim_id: &ClaimId, now: Timestamp) {
        let stamp = self.stamp(now);
        let Some(session) = &mut self.state.session else {
            return;
        };
        let project = &session.project;
        let Some(claim) = project.claim(claim_id) else {
            return;
        };
        let next = project
            .claims_on(&claim.document)
            .skip_while(|c| &c.id != claim_id)
            .nth(1)
            .map(|c| c.id.clone());
        let Some(next) = next else {
            self.notify(
                NoticeKind::Warning,
                "There is no later claim in this document to merge with",
            );
            return;
        };
        match session.project.merge_claims(claim_id, &next, &stamp) {
            Ok(()) => {
                session.dirty = true;
                self.notify(NoticeKind::Info, "Merged the two claims");
            }
            Err(err) => self.report_error("Could not merge the claims", err),
        }
    }

    pub(super) fn split_claim_at_selection(&mut self, claim_id: &ClaimId, now: Timestamp) {
        let stamp = self.stamp(now);
        let Some(session) = &mut self.state.session else {
            return;
        };
        let (Some(claim), Some(selection)) =
            (session.project.claim(claim_id), &session.text_selection)
        else {
            self.notify(
                NoticeKind::Warning,
                "Select the words of the second part inside the claim first",
            );
            return;
        };
        // The selection marks the second part: split where it begins, or where it
        // ends when it begins with the claim.
        let at = if selection.chars.start > claim.anchor.start {
            selection.chars.start
        } else {
            selection.chars.end
        };
        if selection.document != claim.document {
            self.notify(
                NoticeKind::Warning,
                "Select words inside the claim to split it",
            );
            return;
        }
        match session.project.split_claim(claim_id, at, &stamp) {
            Ok(_) => {
                session.dirty = true;
                session.text_selection = None;
                self.notify(NoticeKind::Info, "Split the claim in two");
            }
            Err(err) => self.report_error("Could not split the claim", err),
        }
    }

    pub(super) fn reattach_claim_to_selection(&mut self, claim_id: &ClaimId, now: Timestamp) {
        let stamp = self.stamp(now);
        let Some(session) = &mut self.state.session else {
            return;
        };
        let Some(selection) = &session.text_selection else {
            self.notify(NoticeKind::Warning, "Select the claim's new words first");
            return;
        };
        let anchor = session
            .project
            .document(&selection.document)
            .ok_or(anyhow::anyhow!("the document is gone"))
            .and_then(|doc| {
                Ok(TextAnchor::from_selection(
                    &doc.text,
                    selection.chars.clone(),
                )?)
            });
        let result = anchor
            .and_then(|anchor| Ok(session.project.reattach_claim(claim_id, anchor, &stamp)?));
        match result {
            Ok(()) => {
                session.dirty = true;
                self.notify(
                    NoticeKind::Info,
                    "The claim now points at the selected words",
                );
            }
            Err(err) => self.report_error("Could not attach the claim", err),
        }
    }

    pub(super) fn open_evidence_form(
        &mut self,
        claim_id: ClaimId,
        index: Option<usize>,
        now: Timestamp,
    ) {
        let Some(session) = &self.state.session else {
            return;
        };
        let existing =
            index.and_then(|index| session.project.claim(&claim_id)?.evidence.get(index));
        let form = match existing {
            Some(evidence) => EvidenceForm {
                claim_id,
                index,
                locator: evidence.locator.clone(),
                title: evidence.title.clone(),
                publisher: evidence.publisher.clone(),
                passage: evidence.passage.clone(),
                stance: evidence.stance,
                accessed: evidence.accessed.map(|d| d.to_string()).unwrap_or_default(),
                sha256: evidence.sha256.clone().unwrap_or_default(),
                error: None,
            },
            None => EvidenceForm {
                claim_id,
                index: None,
                locator: Locator::Url(String::new()),
                title: String::new(),
                publisher: String::new(),
                passage: String::new(),
                stance: Stance::Supports,
                accessed: now
                    .to_zoned_datetime(jiff::tz::TimeZone::system())
                    .date()
                    .to_string(),
                sha256: String::new(),
                error: None,
            },
        };
        self.state.modal = Some(Modal::Evidence(form));
    }

    /// Adds or changes the evidence as the dialog says; a form that does not read keeps
    /// the dialog open with the reason.
    pub(super) fn submit_evidence_form(&mut self, now: Timestamp) {
        let stamp = self.stamp(now);
        let Some(Modal::Evidence(form)) = &mut self.state.modal else {
            return;
        };
        let parsed = (|| {
            if form.locator.location().trim().is_empty() {
                return Err(crate::core::claims::evidence::EvidenceError::NoLocation);
            }
            Ok((parse_accessed(&form.accessed)?, parse_sha256(&form.sha256)?))
        })();
        let (accessed, sha256) = match parsed {
            Ok(parsed) => parsed,
            Err(err) => {
                form.error = Some(err.to_string());
                return;
            }
        };
        let Some(Modal::Evidence(form)) = self.state.modal.take() else {
            return;
        };
        let added = form
            .index
            .and_then(|index| {
                let claim = self.state.session.as_ref()?.project.claim(&form.claim_id)?;
                claim
                    .evidence
                    .get(index)
                    .map(|e| (e.added, e.added_by.clone()))
            })
            .unwrap_or((stamp.at, stamp.by.clone()));
        let evidence = Evidence {
            locator: form
                .locator
                .with_location(form.locator.location().trim().to_owned()),
            title: form.title.trim().to_owned(),
            publisher: form.publisher.trim().to_owned(),
            passage: form.passage.trim().to_owned(),
            stance: form.stance,
            accessed,
            sha256,
            added: added.0,
            added_by: added.1,
        };
        self.edit(|project| match form.index {
            Some(index) => project.replace_evidence(&form.claim_id, index, evidence, &stamp),
            None => project.add_evidence(&form.claim_id, evidence, &stamp),
        });
    }

    /// Reads the file the evidence dialog names and fills in its SHA-256, so the desk
    /// can later show the copy it saved is the one it checked.
    pub(super) fn digest_evidence_file(&mut self) {
        let Some(Modal::Evidence(form)) = &mut self.state.modal else {
            return;
        };
        let path = std::path::Path::new(form.locator.location().trim());
        match sha256_file(path) {
            Ok(digest) => {
                form.sha256 = digest;
                form.error = None;
            }
            Err(err) => form.error = Some(format!("Could not read {}: {err}", path.display())),
        }
    }

    /// Makes sentences of a document claims, each with the kinds given, and selects
    /// the last; sentences that already are (part of) a claim are left alone. Returns
    /// how many claims were made.
    pub(super) fn make_claims(
        &mut self,
        document_id: &DocumentId,
        sentences: &[(Range<usize>, Vec<CandidateKind>)],
        now: Timestamp,
    ) -> usize {
        let stamp = self.stamp(now);
        let Some(session) = &mut self.state.session else {
            return 0;
        };
        let Some(document) = session.project.document(document_id) else {
            return 0;
        };
        let mut claims = Vec::new();
        for (chars, kinds) in sentences {
            if session.project.is_claimed(document_id, chars) {
                continue;
            }
            match TextAnchor::from_selection(&document.text, chars.clone()) {
                Ok(anchor) => {
                    let mut claim = Claim::new(document_id.clone(), anchor, &stamp);
                    claim.kinds.clone_from(kinds);
                    claims.push(claim);
                }
                Err(err) => log::warn!("sentence {chars:?} is outside its document: {err}"),
            }
        }
        let mut last = None;
        let mut made = 0;
        for claim in claims {
            if let Some(claim_id) = session.project.add_claim(claim, now) {
                made += 1;
                last = Some(claim_id);
            }
        }
        if let Some(claim_id) = last {
            session.selected_claim = Some(claim_id);
            session.dirty = true;
        }
        made
    }

    /// Makes sentences claims (see [`Self::make_claims`]) and tells the editor what
    /// came of it when it is not plain from the claims list.
    pub(super) fn make_claims_reporting(
        &mut self,
        document_id: &DocumentId,
        sentences: &[(Range<usize>, Vec<CandidateKind>)],
        now: Timestamp,
    ) {
        let made = self.make_claims(document_id, sentences, now);
        let skipped = sentences.len() - made;
        if sentences.len() > 1 {
            let plural = if made == 1 { "" } else { "s" };
            let skipped = if skipped > 0 {
                format!("; {skipped} already claimed")
            } else {
                String::new()
            };
            self.notify(
                NoticeKind::Info,
                format!("Added {made} claim{plural}{skipped}"),
            );
        } else if made == 0
            && let Some((chars, _)) = sentences.first()
        {
            let existing = self.state.session.as_ref().and_then(|session| {
                let claim = session.project.claim_over(document_id, chars)?;
                Some(claim.id.clone())
            });
            if let Some(claim_id) = existing {
                self.select_claim(claim_id, true);
                self.notify(
                    NoticeKind::Info,
                    "That sentence is already a claim; selected it",
                );
            }
        }
    }

    /// Attaches a passage of another document to a claim as evidence ("context" until
    /// the checker says whether it supports the claim).
    pub(super) fn attach_passage(&mut self, claim_id: &ClaimId, passage: &Passage, now: Timestamp) {
        let stamp = self.stamp(now);
        let Some(session) = &self.state.session else {
            return;
        };
        let Some(document) = session.project.document(&passage.document) else {
            return;
        };
        let evidence = passage.to_evidence(document, Stance::Context, &stamp);
        self.edit(|project| project.add_evidence(claim_id, evidence, &stamp));
        self.notify(
            NoticeKind::Info,
            format!(
                "Attached the passage of “{}” as evidence",
                passage.document_label
            ),
        );
    }

    /// Makes every open candidate of `kind` in a document a claim.
    pub(super) fn accept_candidates_of_kind(
        &mut self,
        document_id: &DocumentId,
        kind: CandidateKind,
        now: Timestamp,
    ) {
        let Some(session) = &self.state.session else {
            return;
        };
        let Some(document) = session.project.document(document_id) else {
            return;
        };
        let sentences: Vec<_> = self
            .candidates
            .open(&session.project, document)
            .iter()
            .filter(|candidate| candidate.kinds.contains(&kind))
            .map(|candidate| (candidate.start..candidate.end, candidate.kinds.clone()))
            .collect();
        let count = self.make_claims(document_id, &sentences, now);
        self.notify(
            NoticeKind::Info,
            format!(
                "Added {count} claim{} ({})",
                if count == 1 { "" } else { "s" },
                kind.label().to_lowercase()
            ),
        );
    }

    pub(super) fn open_custom_scale(&mut self) {
        let Some(session) = &self.state.session else {
            return;
        };
        let scale = &session.project.verdict_scale;
        let ratings: Vec<&str> = scale.ratings.iter().map(|r| r.label.as_str()).collect();
        self.state.modal = Some(Modal::CustomScale(CustomScaleForm {
            name: "Our scale".to_owned(),
            ratings: ratings.join("\n"),
        }));
    }

    pub(super) fn submit_custom_scale(&mut self, now: Timestamp) {
        let Some(Modal::CustomScale(form)) = self.state.modal.take() else {
            return;
        };
        let name = if form.name.trim().is_empty() {
            "Our scale"
        } else {
            form.name.trim()
        };
        let scale = VerdictScale::custom(name, &form.ratings);
        self.edit(|project| project.set_verdict_scale(scale, now));
    }
}
