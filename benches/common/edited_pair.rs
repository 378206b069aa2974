//! Long versions of a story for the benches, generated deterministically from the
//! sample's words: an original of a chosen size and a desk edit of it, with the edits a
//! copy desk makes (substituted words, changed figures, inserted and deleted sentences,
//! split paragraphs, a moved paragraph). No download, the same bytes on every run.

#![allow(
    dead_code,
    reason = "each bench uses its own part of the shared generators"
)]

use factdesk::core::project::Project;

/// A small deterministic random number generator (xorshift64*), so the edited pairs
/// are the same on every run and every machine.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `bound`.
    pub fn below(&mut self, bound: usize) -> usize {
        usize::try_from(self.next() % bound as u64).expect("below a usize")
    }

    /// True with probability `percent` in 100.
    pub fn percent(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// A story of about `bytes` bytes: paragraphs of one to four sentences of 12 to 30
/// words drawn from the sample's own words, with figures, so that (as in real copy)
/// almost no sentence repeats.
pub fn long_story(vocabulary: &[&str], bytes: usize, rng: &mut Rng) -> Vec<Vec<String>> {
    let mut story = Vec::new();
    let mut length = 0;
    while length < bytes {
        let paragraph: Vec<String> = (0..=rng.below(4))
            .map(|_| {
                let mut words: Vec<String> = (0..12 + rng.below(19))
                    .map(|_| {
                        if rng.percent(4) {
                            format!("{},{:03}", 1 + rng.below(400), rng.below(1000))
                        } else {
                            vocabulary[rng.below(vocabulary.len())].to_lowercase()
                        }
                    })
                    .collect();
                let first = &mut words[0];
                *first = first[..1].to_uppercase() + &first[1..];
                format!("{}.", words.join(" "))
            })
            .collect();
        length += paragraph.iter().map(|s| s.len() + 1).sum::<usize>() + 1;
        story.push(paragraph);
    }
    story
}

/// The story as a desk would edit it: a word substituted in 3% of sentences, a figure
/// changed in 2%, a sentence inserted after 1% and 1% deleted, 1% of paragraphs split,
/// and one paragraph from the first tenth moved to the last.
fn desk_edit(story: &[Vec<String>], vocabulary: &[&str], rng: &mut Rng) -> Vec<Vec<String>> {
    let mut edited: Vec<Vec<String>> = Vec::with_capacity(story.len() + 8);
    for paragraph in story {
        let mut sentences = Vec::with_capacity(paragraph.len() + 1);
        for sentence in paragraph {
            if rng.percent(1) {
                continue;
            }
            let mut words: Vec<String> = sentence.split(' ').map(str::to_owned).collect();
            if rng.percent(3) {
                let at = 1 + rng.below(words.len() - 2);
                words[at] = vocabulary[rng.below(vocabulary.len())].to_lowercase();
            }
            if rng.percent(2) {
                let at = 1 + rng.below(words.len() - 2);
                words[at] = format!("{}", 2 + rng.below(90));
            }
            sentences.push(words.join(" "));
            if rng.percent(1) {
                sentences.push(format!(
                    "Officials said on {} that {} people had been moved.",
                    vocabulary[rng.below(vocabulary.len())],
                    rng.below(5000)
                ));
            }
        }
        if sentences.len() > 1 && rng.percent(1) {
            let rest = sentences.split_off(1);
            edited.push(sentences);
            edited.push(rest);
        } else if !sentences.is_empty() {
            edited.push(sentences);
        }
    }
    let moved = edited.remove(edited.len() / 10);
    edited.push(moved);
    edited
}

pub fn render(story: &[Vec<String>]) -> String {
    story
        .iter()
        .map(|paragraph| paragraph.join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The words of the sample's desk edit, for generated stories.
pub fn sample_vocabulary(project: &Project) -> Vec<&str> {
    project.documents[1]
        .text
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|word| word.len() > 1)
        .collect()
}

/// An original and its desk edit, each about `bytes` long, from the sample's words.
pub fn edited_pair(project: &Project, bytes: usize) -> (String, String) {
    let vocabulary = sample_vocabulary(project);
    let mut rng = Rng(0x5EED_F00D_1234_5678);
    let story = long_story(&vocabulary, bytes, &mut rng);
    let edited = desk_edit(&story, &vocabulary, &mut rng);
    (render(&story), render(&edited))
}
