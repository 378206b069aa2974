//! Word forms: the inflections, irregular verbs and near-synonyms that let "the
//! al-Rahma hospital in the area was struck" meet "an air strike on a makeshift clinic".
//!
//! Deliberately small: a crude stripper for regular English endings, a short list of
//! irregular forms common in war and disaster copy, and a few groups of words wire
//! copy uses for the same thing. It ranks passages an editor then reads; it decides
//! nothing. A word it folds wrongly ("strike" the walk-out, "left" the direction, "news"
//! read as "new") only moves a passage up or down the list.

use std::collections::HashMap;
use std::sync::LazyLock;

/// Irregular forms and the base form they are read as.
const IRREGULAR_FORMS: [(&str, &str); 36] = [
    ("began", "begin"),
    ("begun", "begin"),
    ("bled", "bleed"),
    ("brought", "bring"),
    ("built", "build"),
    ("caught", "catch"),
    ("children", "child"),
    ("died", "die"),
    ("dying", "die"),
    ("fallen", "fall"),
    ("fell", "fall"),
    ("fled", "flee"),
    ("fought", "fight"),
    ("gone", "go"),
    ("went", "go"),
    ("held", "hold"),
    ("hid", "hide"),
    ("hidden", "hide"),
    ("led", "lead"),
    ("left", "leave"),
    ("lost", "lose"),
    ("men", "man"),
    ("women", "woman"),
    ("said", "say"),
    ("saw", "see"),
    ("seen", "see"),
    ("sent", "send"),
    ("shot", "shoot"),
    ("struck", "strike"),
    ("stricken", "strike"),
    ("taken", "take"),
    ("took", "take"),
    ("told", "tell"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("won", "win"),
];

/// Words wire copy uses for the same thing in war and disaster reports; each group is
/// read as its first word.
const NEAR_SYNONYMS: [&[&str]; 6] = [
    &[
        "strike",
        "airstrike",
        "raid",
        "bomb",
        "bombing",
        "bombard",
        "bombardment",
    ],
    &["hospital", "clinic", "infirmary"],
    &["kill", "die", "dead", "death"],
    &["flee", "escape", "evacuate", "displace"],
    &["wound", "injure", "injury"],
    &["rebel", "insurgent"],
];

/// For each near-synonym's stem, its group's stem.
static SYNONYM_STEMS: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    NEAR_SYNONYMS
        .iter()
        .flat_map(|group| {
            let head = strip_endings(group.first().copied().unwrap_or_default());
            group
                .iter()
                .map(move |word| (strip_endings(word), head.clone()))
        })
        .collect()
});

/// What a word is matched by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaseForm {
    /// The key it is compared by: without a possessive, irregular forms read as their
    /// base, regular endings stripped, near-synonyms read as one word. Not always an
    /// English word ("strik", "villag").
    pub key: String,
    /// Whether it is one of the near-synonyms: the words for what happens in war and
    /// disaster (a strike, a death, a flight), which say what a passage reports.
    pub names_an_event: bool,
}

/// The form a folded word (lower case, see `similarity::fold_word`) is matched by:
/// "raids", "bombing" and "struck" all become the key of "strike".
pub fn base_form(folded: &str) -> BaseForm {
    let word = folded
        .strip_suffix("'s")
        .or_else(|| folded.strip_suffix('\''))
        .unwrap_or(folded);
    let word = IRREGULAR_FORMS
        .iter()
        .find(|(form, _)| *form == word)
        .map_or(word, |(_, base)| base);
    let stem = strip_endings(word);
    match SYNONYM_STEMS.get(&stem) {
        Some(group) => BaseForm {
            key: group.clone(),
            names_an_event: true,
        },
        None => BaseForm {
            key: stem,
            names_an_event: false,
        },
    }
}

/// The shortest stem an ending is stripped down to, so "red", "bus" and "need" stay.
const MIN_STEM_CHARS: usize = 3;

/// Strips the regular English endings of a lower-case word: plural and third-person
/// "-s" ("-ies" → "-y"), "-ing" and "-ed" (undoubling "stopped" → "stop"), and a final
/// silent "e", so that "strike", "strikes" and "striking" all become "strik". Words
/// with anything but ASCII letters are left as they are.
fn strip_endings(word: &str) -> String {
    if word.len() <= MIN_STEM_CHARS || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return word.to_owned();
    }
    let long_enough = |stem: &str| stem.len() >= MIN_STEM_CHARS;
    let mut stem = if let Some(stem) = word.strip_suffix("ies").filter(|s| long_enough(s)) {
        format!("{stem}y")
    } else if let Some(stem) = word.strip_suffix("sses") {
        format!("{stem}ss")
    } else if word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
    {
        word[..word.len() - 1].to_owned()
    } else {
        word.to_owned()
    };
    let verb_stem = if let Some(stem) = stem.strip_suffix("ied").filter(|s| long_enough(s)) {
        Some(format!("{stem}y"))
    } else {
        // "-eed" words ("need", "agreed") keep their ending.
        stem.strip_suffix("ing")
            .filter(|s| long_enough(s))
            .or_else(|| {
                stem.strip_suffix("ed")
                    .filter(|s| long_enough(s) && !s.ends_with('e'))
            })
            .map(undoubled)
    };
    if let Some(verb_stem) = verb_stem {
        stem = verb_stem;
    }
    if stem.len() > MIN_STEM_CHARS && stem.ends_with('e') {
        stem.pop();
    }
    stem
}

/// A stem without the consonant doubled before "-ing" or "-ed" ("stopp" → "stop"),
/// except the doubled l, s and z that belong to the word ("kill", "press", "buzz").
fn undoubled(stem: &str) -> String {
    let bytes = stem.as_bytes();
    match bytes {
        [.., a, b] if a == b && !b"aeioulsz".contains(b) => stem[..stem.len() - 1].to_owned(),
        _ => stem.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(words: &[&str]) {
        let forms: Vec<String> = words.iter().map(|word| base_form(word).key).collect();
        assert!(
            forms.windows(2).all(|pair| pair[0] == pair[1]),
            "{words:?} → {forms:?}"
        );
    }

    #[test]
    fn inflections_are_one_word() {
        same(&["strike", "strikes", "striking", "struck"]);
        same(&["kill", "kills", "killed", "killing"]);
        same(&["flee", "flees", "fleeing", "fled"]);
        same(&["stop", "stopped", "stopping"]);
        same(&["casualty", "casualties"]);
        same(&["carry", "carried", "carries"]);
        same(&["village", "villages"]);
        same(&["syria's", "syria"]);
        same(&["child", "children"]);
    }

    #[test]
    fn near_synonyms_are_one_word() {
        same(&["air", "air"]);
        same(&["strike", "raid", "raids", "bombing", "bombed", "airstrikes"]);
        same(&["hospital", "clinic", "clinics"]);
        same(&["killed", "died", "dead", "deaths"]);
        same(&["fled", "displaced", "evacuated"]);
    }

    #[test]
    fn the_near_synonyms_name_events() {
        assert!(base_form("clinics").names_an_event);
        assert!(base_form("struck").names_an_event);
        assert!(!base_form("town").names_an_event);
    }

    #[test]
    fn short_and_foreign_words_are_left_alone() {
        for word in ["red", "bus", "need", "gas", "news-", "60000", "über", "is"] {
            assert_eq!(strip_endings(word), word);
        }
        assert_ne!(base_form("hospital").key, base_form("town").key);
        assert_eq!(base_form("press").key, "press");
        assert_eq!(base_form("crisis").key, "crisis");
    }
}
