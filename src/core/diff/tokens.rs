//! Token-level comparison of two short stretches of text: the words (or letters) of a
//! reworded sentence and its new wording, or the datelines and credits between
//! sentences. Works on *pieces*, ranges of the whole texts that need not touch, so the
//! spans and places it reports are in the whole texts.

use std::ops::Range;
use std::time::Instant;

use similar::{Algorithm, DiffOp, DiffTag};

use crate::core::compare_options::{CompareOptions, TokenRole};
use crate::core::sequence_diff::diff_keys;
use crate::core::word_bounds::word_bounds;

use super::{Hunk, Span, SpanKind, push_span};

/// Above this many old × new tokens a comparison watches the deadline.
const DEADLINE_TOKEN_PAIRS: usize = 1 << 20;

/// A stretch of one text to compare: a byte range of the whole text and the code-point
/// offset where it starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Piece {
    /// Byte range in the whole text.
    pub bytes: Range<usize>,
    /// Code-point offset of its first character in the whole text.
    pub char_start: usize,
}

/// What a stretch is cut into for comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TokenSize {
    /// Words, runs of spaces and single punctuation marks (Unicode word boundaries).
    Word,
    /// Single characters.
    Character,
}

/// A token of one side, where it is and what it is compared by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Token {
    /// Byte range in the whole text.
    pub bytes: Range<usize>,
    /// Code-point range in the whole text.
    pub chars: Range<usize>,
    /// The hash of its comparison form; every token the options ignore has one key per
    /// role, so that spaces still line up with spaces.
    pub key: u64,
    /// Whether it is a word, a mark or spacing.
    pub role: TokenRole,
    /// Whether the options look past it: a change of nothing but such tokens is not
    /// marked.
    pub ignored: bool,
}

/// Cuts the `pieces` of `text` into tokens of `size`, keyed as `options` say.
pub(super) fn tokenise(
    text: &str,
    pieces: &[Piece],
    size: TokenSize,
    options: CompareOptions,
) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut scratch = String::new();
    let mut push = |start: usize, token: &str, char_start: usize| {
        let role = TokenRole::of(token);
        let ignored = options.ignores(role);
        let key = options.token_hash(token, role, &mut scratch);
        let char_len = if token.is_ascii() {
            token.len()
        } else {
            token.chars().count()
        };
        tokens.push(Token {
            bytes: start..start + token.len(),
            chars: char_start..char_start + char_len,
            key,
            role,
            ignored,
        });
        char_start + char_len
    };
    for piece in pieces {
        let Some(piece_text) = text.get(piece.bytes.clone()) else {
            continue;
        };
        let mut char_at = piece.char_start;
        match size {
            TokenSize::Word => {
                for (offset, token) in word_bounds(piece_text) {
                    char_at = push(piece.bytes.start + offset, token, char_at);
                }
            }
            TokenSize::Character => {
                for (offset, c) in piece_text.char_indices() {
                    let start = piece.bytes.start + offset;
                    let Some(token) = text.get(start..start + c.len_utf8()) else {
                        continue;
                    };
                    char_at = push(start, token, char_at);
                }
            }
        }
    }
    tokens
}

/// How the stretches of a comparison are marked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Marks {
    /// Tokens on both sides: `Equal`, or `Moved` inside a moved sentence.
    pub kept: SpanKind,
    /// Tokens only in the old text.
    pub deleted: SpanKind,
    /// Tokens only in the new text.
    pub inserted: SpanKind,
}

/// Word counts of one token comparison.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct TokenStats {
    /// Words on both sides.
    pub kept: usize,
    /// Words only in the old tokens.
    pub deleted: usize,
    /// Words only in the new tokens.
    pub inserted: usize,
}

/// The comparison of two token sequences.
pub(super) struct TokenDiff<'a> {
    old: &'a [Token],
    new: &'a [Token],
    ops: Vec<DiffOp>,
}

impl<'a> TokenDiff<'a> {
    /// Compares `old` with `new` by key (patience diff, which keeps rare words such as
    /// names and figures lined up, and the mirror image of comparing `new` with `old`),
    /// settling for a rougher answer after `deadline`.
    pub fn compute(old: &'a [Token], new: &'a [Token], deadline: Instant) -> Self {
        let old_keys: Vec<u64> = old.iter().map(|token| token.key).collect();
        let new_keys: Vec<u64> = new.iter().map(|token| token.key).collect();
        // A sentence pair cannot make the diff slow; checking the clock at every step
        // would. Only long stretches (a text without sentences) get the deadline.
        let deadline =
            (old.len().saturating_mul(new.len()) > DEADLINE_TOKEN_PAIRS).then_some(deadline);
        let ops = diff_keys(Algorithm::Patience, &old_keys, &new_keys, deadline);
        Self { old, new, ops }
    }

    /// Word counts: words kept, deleted and inserted.
    pub fn stats(&self) -> TokenStats {
        let words = |tokens: &[Token]| {
            tokens
                .iter()
                .filter(|token| token.role == TokenRole::Word)
                .count()
        };
        let mut stats = TokenStats::default();
        for op in &self.ops {
            let (tag, old_range, new_range) = op.as_tag_tuple();
            let old_words = self.old.get(old_range).map_or(0, words);
            if tag == DiffTag::Equal {
                stats.kept += old_words;
            } else {
                stats.deleted += old_words;
                stats.inserted += self.new.get(new_range).map_or(0, words);
            }
        }
        stats
    }

    /// Marks every token of both sides as `marks` say; a change made only of tokens the
    /// options ignore (spacing, say) is marked as kept.
    pub fn mark(&self, marks: Marks, old_spans: &mut Vec<Span>, new_spans: &mut Vec<Span>) {
        for op in &self.ops {
            self.mark_op(op, marks, old_spans, new_spans);
        }
    }

    /// Marks the tokens of one diff op.
    fn mark_op(
        &self,
        op: &DiffOp,
        marks: Marks,
        old_spans: &mut Vec<Span>,
        new_spans: &mut Vec<Span>,
    ) {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        let equal = tag == DiffTag::Equal;
        for (tokens, range, changed, spans) in [
            (self.old, old_range, marks.deleted, &mut *old_spans),
            (self.new, new_range, marks.inserted, &mut *new_spans),
        ] {
            let Some(tokens) = tokens.get(range) else {
                continue;
            };
            let kind = if equal || tokens.iter().all(|token| token.ignored) {
                marks.kept
            } else {
                changed
            };
            for token in tokens {
                push_span(spans, kind, token.bytes.clone());
            }
        }
    }

    /// Marks like `mark`, but words replaced by similar words are compared letter by
    /// letter, so that "Ten" → "Tens" marks only the "s". A replacement that keeps
    /// fewer than half its letters ("providing" → "putting up") is marked whole:
    /// letters matched by chance only clutter it. Working letter by letter only inside
    /// replaced words also keeps letters from pairing up across unrelated words.
    /// `old_text`/`new_text` are the texts the tokens are in.
    pub fn mark_letters(
        &self,
        (old_text, new_text): (&str, &str),
        options: CompareOptions,
        marks: Marks,
        (old_spans, new_spans): (&mut Vec<Span>, &mut Vec<Span>),
        deadline: Instant,
    ) {
        for op in &self.ops {
            let (tag, old_range, new_range) = op.as_tag_tuple();
            let (DiffTag::Replace, Some(old_words), Some(new_words)) =
                (tag, self.old.get(old_range), self.new.get(new_range))
            else {
                self.mark_op(op, marks, old_spans, new_spans);
                continue;
            };
            let old_letters = letters(old_text, old_words, options);
            let new_letters = letters(new_text, new_words, options);
            let letter_diff = TokenDiff::compute(&old_letters, &new_letters, deadline);
            let kept: usize = letter_diff
                .ops
                .iter()
                .filter(|op| op.tag() == DiffTag::Equal)
                .map(|op| op.old_range().len())
                .sum();
            if kept * 2 >= old_letters.len().max(new_letters.len()) {
                letter_diff.mark(marks, old_spans, new_spans);
            } else {
                self.mark_op(op, marks, old_spans, new_spans);
            }
        }
    }

    /// The corresponding stretches of the two sides, in code points, one per diff op,
    /// covering both sides from `old_start`/`new_start` (the code-point offsets where
    /// the compared pieces begin). Meaningful only for one piece a side.
    pub fn hunks(&self, old_start: usize, new_start: usize) -> Vec<Hunk> {
        let mut old_at = old_start;
        let mut new_at = new_start;
        let mut hunks = Vec::with_capacity(self.ops.len());
        for op in &self.ops {
            let (tag, old_range, new_range) = op.as_tag_tuple();
            let old_chars = chars_of(self.old, old_range, old_at);
            let new_chars = chars_of(self.new, new_range, new_at);
            old_at = old_chars.end;
            new_at = new_chars.end;
            hunks.push(Hunk {
                old_chars,
                new_chars,
                equal: tag == DiffTag::Equal,
            });
        }
        hunks
    }
}

/// The characters of `words` (tokens of `text`), as tokens of their own.
fn letters(text: &str, words: &[Token], options: CompareOptions) -> Vec<Token> {
    let pieces: Vec<Piece> = words
        .iter()
        .map(|word| Piece {
            bytes: word.bytes.clone(),
            char_start: word.chars.start,
        })
        .collect();
    tokenise(text, &pieces, TokenSize::Character, options)
}

/// The code points the tokens `range` of `tokens` cover, or an empty range at `at`.
fn chars_of(tokens: &[Token], range: Range<usize>, at: usize) -> Range<usize> {
    match (
        tokens.get(range.start),
        range.end.checked_sub(1).and_then(|last| tokens.get(last)),
    ) {
        (Some(first), Some(last)) if !range.is_empty() => first.chars.start..last.chars.end,
        _ => at..at,
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn whole(text: &str) -> Vec<Piece> {
        vec![Piece {
            bytes: 0..text.len(),
            char_start: 0,
        }]
    }

    fn marked(text: &str, spans: &[Span]) -> String {
        spans
            .iter()
            .map(|span| match span.kind {
                SpanKind::Equal => text[span.bytes.clone()].to_owned(),
                _ => format!("[{}]", &text[span.bytes.clone()]),
            })
            .collect()
    }

    #[test]
    fn pieces_keep_their_places_in_the_whole_text() {
        let text = "AMMAN: Ten fled. – AFP";
        let pieces = [
            Piece {
                bytes: 0..7,
                char_start: 0,
            },
            Piece {
                bytes: 16..text.len(),
                char_start: 16,
            },
        ];
        let tokens = tokenise(text, &pieces, TokenSize::Word, CompareOptions::default());
        let words: Vec<&str> = tokens.iter().map(|t| &text[t.bytes.clone()]).collect();
        assert_eq!(words, ["AMMAN", ":", " ", " ", "–", " ", "AFP"]);
        assert_eq!(tokens[4].chars, 17..18);
        assert_eq!(tokens[6].chars, 19..22);
    }

    #[test]
    fn letters_changed_are_marked_alone() {
        let (old, new) = ("Ten fled", "Tens fled");
        let options = CompareOptions::default();
        let old_tokens = tokenise(old, &whole(old), TokenSize::Character, options);
        let new_tokens = tokenise(new, &whole(new), TokenSize::Character, options);
        let deadline = Instant::now() + Duration::from_secs(1);
        let diff = TokenDiff::compute(&old_tokens, &new_tokens, deadline);
        let marks = Marks {
            kept: SpanKind::Equal,
            deleted: SpanKind::Deleted,
            inserted: SpanKind::Inserted,
        };
        let (mut old_spans, mut new_spans) = (Vec::new(), Vec::new());
        diff.mark(marks, &mut old_spans, &mut new_spans);
        assert_eq!(marked(old, &old_spans), old);
        assert_eq!(marked(new, &new_spans), "Ten[s] fled");
        let hunks = diff.hunks(0, 0);
        assert_eq!(hunks.last().unwrap().old_chars.end, 8);
        assert_eq!(hunks.last().unwrap().new_chars.end, 9);
    }
}
