//! Reading a page's blocks as a story: what is debris, where the headline is, and what
//! each part of the story is (standfirst, byline, caption, dateline, body, credit).
//!
//! Plain text and web pages are read by the same rules: an importer cuts its input
//! into [`Block`]s (paragraphs or lines of text, or the blocks of a page, with what the
//! markup says of each) and [`read_story`] decides what each one is. The markup, where
//! there is some, is trusted first; the text decides the rest.
//!
//! The page's top is read the way an editor reads it: site labels and notices, then the
//! headline (the first title-like line of some length, never a notice, a section label
//! or a name), then what sits between it and the story (standfirst, byline, time
//! line, photo captions and their credits), then the story itself, which starts at its
//! dateline or at its first paragraph of prose.

use std::sync::LazyLock;

use regex::Regex;

use crate::core::agency::Agency;
use crate::core::article::Role;

use super::credit::{
    self, agency_line, caption_credit, compile, dateline, ends_with_photo_credit, has_caption_mark,
    is_reporting_credit, named_agency, photo_credit_line, trailing_credit,
};
use super::dates::{PageDates, ends_with_a_dated_sentence, time_line};
use super::debris::{
    COMMENTS, SUBSCRIPTION_PROMPT, debris_reason, ends_a_sentence, is_related_heading,
};
use super::words::{at_most_words, word_count};

/// Longest a line can be, in words, to be a headline.
const HEADLINE_WORDS: usize = 30;
/// Fewest words a headline has when the page offers a longer one ("World" and "The
/// Times" head no story).
const HEADLINE_MIN_WORDS: usize = 4;
/// Longest a caption can be, in words.
const CAPTION_WORDS: usize = 80;
/// Longest a caption inside the story can be, in words: longer paragraphs closed by an
/// agency's credit are the story's own (a second agency's copy merged in).
const CAPTION_IN_STORY_WORDS: usize = 45;
/// Longest a closing credit on a line of its own can be, in words ("— Reuters/AFP").
const CREDIT_LINE_WORDS: usize = 4;
/// Longest a byline can be, in words.
const BYLINE_WORDS: usize = 14;
/// Fewest words a passage repeated a few blocks later has to be set aside as a repeat;
/// shorter passages only when they repeat the one right before them.
const REPEAT_MIN_WORDS: usize = 6;
/// How many kept blocks back a repeated passage is looked for.
const REPEAT_WINDOW: usize = 3;
/// How many paragraphs of story a page shows before a comment thread or a paywall's
/// prompt is taken to end it.
const STORY_BEFORE_TAIL: usize = 3;
/// Fewest words a paragraph without a full stop has to be read as story prose (cut
/// off mid-sentence) rather than a link or a label.
const STORY_PROSE_WORDS: usize = 15;
/// Longest a line below the story can be, in words, to be set aside as the site's
/// even when it reads as a sentence ("Load more.", "Sign up.").
const AFTER_STORY_WORDS: usize = 4;
/// Longest a person's name (with a place) on a line of its own can be, in words.
const PERSON_WORDS: usize = 5;
/// Longest a photographer's name on a line of its own can be, in words.
const PHOTOGRAPHER_WORDS: usize = 4;
/// Longest a link under a "Related" heading can be, in words.
const RELATED_LINK_WORDS: usize = 20;

/// What an importer's markup says of a block, before its text is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Markup {
    /// Plain text, or markup that says nothing.
    Plain,
    /// Page furniture (navigation, footer, adverts) or text outside the article, to
    /// set aside for this reason.
    Furniture(&'static str),
    /// The page's headline element.
    Headline,
    /// A heading inside the article.
    Heading,
    /// A part the markup names: a figure caption, an element classed "byline".
    Role(Role),
}

/// A block of a page or a text: a paragraph, a line, a heading.
#[derive(Clone, Copy, Debug)]
pub struct Block<'a> {
    /// The block's text, trimmed.
    pub text: &'a str,
    /// What the markup says of it.
    pub markup: Markup,
}

/// What a block turned out to be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Class {
    /// Not part of the story; set aside for this reason.
    SetAside(&'static str),
    /// Part of the story, with the agency it credits (or `Unknown`, for the story's
    /// own credit to fill in).
    Kept(Role, Agency),
}

/// A page read as a story.
#[derive(Debug, PartialEq, Eq)]
pub struct StoryReading {
    /// What each block is, in the order of the blocks.
    pub classes: Vec<Class>,
    /// When the page says the story was published and updated.
    pub dates: PageDates,
}

/// Why a block is set aside as a time line (its date goes to the metadata).
pub const TIME_LINE: &str = "publication date";
/// Why the site's labels and links above the headline are set aside.
pub const ABOVE_THE_HEADLINE: &str = "above the headline";
/// Why a label in the page's header, between headline and story, is set aside.
pub const PAGE_HEADER: &str = "page header";
/// Why the site's text below the story is set aside.
pub const BELOW_THE_STORY: &str = "below the story";
/// Why the second copy of a passage is set aside.
pub const REPEATED: &str = "repeated passage";

/// Reads blocks as a story. `site_name` is the publication's name when known, so that
/// a line giving only that name is set aside.
pub fn read_story(blocks: &[Block<'_>], site_name: Option<&str>) -> StoryReading {
    let mut reader = Reader {
        blocks,
        looks: blocks.iter().map(|block| Looks::of(*block)).collect(),
        classes: vec![None; blocks.len()],
        dates: PageDates::default(),
    };
    reader.set_aside_debris(site_name);
    reader.set_aside_related_links();
    reader.set_aside_repeats();
    reader.set_aside_tail();
    reader.read_parts();
    reader.set_aside_after_the_story();
    let nothing_kept = !reader
        .classes
        .iter()
        .any(|class| matches!(class, Some(Class::Kept(..))));
    if nothing_kept && blocks.iter().all(|block| block.markup == Markup::Plain) {
        // A text the rules would set aside whole is no story they understand: keep it.
        reader.classes.fill(None);
        reader.dates = PageDates::default();
    }
    StoryReading {
        classes: reader
            .classes
            .into_iter()
            .map(|class| class.unwrap_or(Class::Kept(Role::Body, Agency::Unknown)))
            .collect(),
        dates: reader.dates,
    }
}

/// The state of one reading: a class for every block decided so far.
struct Reader<'b, 'a> {
    blocks: &'b [Block<'a>],
    /// What each block's text looks like.
    looks: Vec<Looks>,
    classes: Vec<Option<Class>>,
    dates: PageDates,
}

impl Reader<'_, '_> {
    /// Sets aside what the markup calls furniture, time lines (keeping their dates),
    /// lines naming the site, and site debris.
    fn set_aside_debris(&mut self, site_name: Option<&str>) {
        for (index, block) in self.blocks.iter().enumerate() {
            if block.markup != Markup::Headline
                && let Some(dates) = time_block(block.text)
            {
                self.dates.fill_from(dates);
                self.classes[index] = Some(Class::SetAside(TIME_LINE));
                continue;
            }
            self.classes[index] = match block.markup {
                Markup::Furniture(reason) => Some(Class::SetAside(reason)),
                Markup::Headline => Some(Class::Kept(Role::Headline, Agency::Unknown)),
                _ if names_the_site(block.text, site_name) => Some(Class::SetAside("site name")),
                _ => block_debris(block.text).map(Class::SetAside),
            };
        }
    }

    /// Sets aside the links listed under a "Related" or "Read more" heading: the
    /// title-like lines that follow it, up to the first paragraph of prose.
    fn set_aside_related_links(&mut self) {
        let mut under_heading = false;
        let mut story_begun = false;
        for (index, block) in self.blocks.iter().enumerate() {
            match &self.classes[index] {
                Some(Class::SetAside(_)) => {
                    // Above the story, lines under a heading ("Next Up:") may be the
                    // headline; the header's own rules read them.
                    under_heading |= story_begun && is_related_heading(block.text);
                }
                Some(Class::Kept(..)) => under_heading = false,
                None if under_heading && is_link_title(block.text) => {
                    self.classes[index] = Some(Class::SetAside("related links"));
                }
                None => {
                    under_heading = false;
                    story_begun |= self.looks[index].is_story_prose();
                }
            }
        }
    }

    /// Sets aside the second copy of a passage a page template shows twice (a caption
    /// repeated, a headline above and below the share bar). Of a passage and a cut
    /// copy of it, the cut copy goes; of a passage and a copy with more (its credit),
    /// the one with more stays.
    fn set_aside_repeats(&mut self) {
        let mut recent: Vec<usize> = Vec::new();
        for (index, block) in self.blocks.iter().enumerate() {
            if matches!(self.classes[index], Some(Class::SetAside(_))) {
                continue;
            }
            // A copy starts with the same word: only then are all the words compared.
            let first = first_word(block.text);
            let window = recent.len().saturating_sub(REPEAT_WINDOW);
            let mut candidates = recent[window..]
                .iter()
                .rev()
                .enumerate()
                .filter(|(_, earlier)| {
                    first.is_some_and(|first| {
                        first_word(self.blocks[**earlier].text)
                            .is_some_and(|earlier| same_word(earlier, first))
                    })
                })
                .peekable();
            if candidates.peek().is_none() {
                recent.push(index);
                continue;
            }
            let words = comparable_words(block.text);
            let repeat = candidates
                .map(|(distance, earlier)| {
                    (
                        distance,
                        *earlier,
                        comparable_words(self.blocks[*earlier].text),
                    )
                })
                .find(|(distance, _, earlier)| {
                    (*distance == 0 || words.len() >= REPEAT_MIN_WORDS) && repeats(earlier, &words)
                })
                .map(|(_, earlier_index, earlier)| (earlier_index, earlier.len()));
            match repeat {
                Some((earlier_index, earlier_len)) if words.len() > earlier_len => {
                    // The later copy carries more (its credit): the earlier one goes.
                    if self.blocks[earlier_index].markup == Markup::Headline {
                        self.classes[index] = Some(Class::SetAside(REPEATED));
                    } else {
                        self.classes[earlier_index] = Some(Class::SetAside(REPEATED));
                        recent.retain(|kept| *kept != earlier_index);
                        recent.push(index);
                    }
                }
                Some(_) => self.classes[index] = Some(Class::SetAside(REPEATED)),
                None => recent.push(index),
            }
        }
    }

    /// Sets aside everything after a comment thread or a paywall's prompt that comes
    /// once the story is well under way: readers' comments, subscription offers and
    /// whatever the page shows below them are not the story.
    fn set_aside_tail(&mut self) {
        let mut story_paragraphs = 0;
        let mut tail = None;
        for index in 0..self.blocks.len() {
            match &self.classes[index] {
                Some(Class::SetAside(reason))
                    if story_paragraphs >= STORY_BEFORE_TAIL && tail.is_none() =>
                {
                    tail = match *reason {
                        COMMENTS => Some("under the comments"),
                        SUBSCRIPTION_PROMPT => Some("behind the paywall"),
                        _ => None,
                    };
                }
                None => match tail {
                    Some(reason) => self.classes[index] = Some(Class::SetAside(reason)),
                    None => story_paragraphs += usize::from(self.looks[index].is_story_prose()),
                },
                _ => {}
            }
        }
    }

    /// Sets aside what the site shows below the story. After a closing credit on a
    /// line of its own ("(Reporting by …)", "AFP") the story is over: everything but
    /// photo captions and editors' notes goes. Without one, the title-like lines after
    /// the story's last paragraph of prose go (links, tags, footers).
    fn set_aside_after_the_story(&mut self) {
        let first_body = self
            .classes
            .iter()
            .position(|class| matches!(class, Some(Class::Kept(Role::Body, _))));
        let Some(first_body) = first_body else {
            return;
        };
        let closing_credit = (first_body..self.blocks.len())
            .find(|&index| matches!(self.classes[index], Some(Class::Kept(Role::Credit, _))));
        if let Some(credit) = closing_credit {
            for index in credit + 1..self.blocks.len() {
                let is_story_text = matches!(
                    self.classes[index],
                    Some(Class::Kept(Role::Body | Role::Standfirst, _))
                );
                if is_story_text && !is_editors_note(self.blocks[index].text) {
                    self.classes[index] = Some(Class::SetAside(BELOW_THE_STORY));
                }
            }
            return;
        }
        let story_end = (first_body..self.blocks.len()).rev().find(|&index| {
            matches!(self.classes[index], Some(Class::Kept(Role::Body, _)))
                && (self.looks[index].is_story_prose()
                    || self.looks[index].trailing_credit.is_some())
        });
        let Some(story_end) = story_end else {
            return;
        };
        // A short paragraph right after the story's last is its end (perhaps cut off);
        // the site's lines come after a share bar, a heading, an advert.
        let Some(site_start) = (story_end + 1..self.blocks.len())
            .find(|&index| matches!(self.classes[index], Some(Class::SetAside(_))))
        else {
            return;
        };
        for index in site_start..self.blocks.len() {
            if matches!(self.classes[index], Some(Class::Kept(Role::Body, _)))
                && (self.looks[index].title_like || self.looks[index].words <= AFTER_STORY_WORDS)
            {
                self.classes[index] = Some(Class::SetAside(BELOW_THE_STORY));
            }
        }
    }

    /// Decides the part of every block still undecided, reading the page top to
    /// bottom: what is above the headline, the header between the headline and the
    /// story's start, and the story.
    fn read_parts(&mut self) {
        let open: Vec<usize> = (0..self.blocks.len())
            .filter(|&index| !matches!(self.classes[index], Some(Class::SetAside(_))))
            .collect();
        let looks: Vec<&Looks> = open.iter().map(|&index| &self.looks[index]).collect();
        let marked_headline = open
            .iter()
            .position(|&index| self.blocks[index].markup == Markup::Headline);
        let story_start = story_start(&looks, marked_headline.map_or(0, |position| position + 1));
        let headline = marked_headline.or_else(|| choose_headline(&looks, story_start));
        let first = headline.map_or(0, |position| position + 1);
        // Above the headline: photo captions stay, site labels and links go.
        for (position, look) in looks.iter().enumerate().take(headline.unwrap_or(0)) {
            self.classes[open[position]] = Some(match look.caption_agency() {
                Some(agency) => Class::Kept(Role::Caption, agency),
                None => Class::SetAside(ABOVE_THE_HEADLINE),
            });
        }
        if let Some(position) = headline {
            self.classes[open[position]] = Some(Class::Kept(Role::Headline, Agency::Unknown));
        }
        let mut previous: Option<Role> = headline.map(|_| Role::Headline);
        for position in first..looks.len() {
            let look = looks[position];
            let index = open[position];
            let in_story = position >= story_start;
            let is_last = position + 1 == looks.len();
            let class = match self.blocks[index].markup {
                Markup::Role(role) => Class::Kept(role, look.agency_as(role)),
                Markup::Heading => Class::Kept(Role::Standfirst, Agency::Unknown),
                _ => look.class(in_story, is_last, previous),
            };
            let class = match class {
                Class::Kept(Role::Standfirst, agency) if in_story => {
                    Class::Kept(Role::Body, agency)
                }
                class => class,
            };
            if let Class::Kept(role, agency) = &class {
                let credit_line = look.photo_credit.is_some() || look.agency_line.is_some();
                if *role == Role::Caption && agency.is_known() && credit_line {
                    credit_photo_above(&mut self.classes, &self.looks, index, agency);
                }
                previous = Some(*role);
            }
            self.classes[index] = Some(class);
        }
    }
}

/// Where the story starts, by position among `looks` (from `from` on): its dateline,
/// or its first paragraph of prose followed by another; failing both, its first
/// paragraph of prose. A page's notices and standfirst may be prose, but the story is
/// where prose goes on.
fn story_start(looks: &[&Looks], from: usize) -> usize {
    let is_prose = |position: usize| {
        looks
            .get(position)
            .is_some_and(|look| look.is_story_prose())
    };
    // The last paragraph may close with the story's own credit ("… fled.- Reuters"),
    // which elsewhere marks a caption.
    let opens = |position: usize| {
        let is_last = position + 1 == looks.len();
        looks[position].dateline && !looks[position].is_caption(false, is_last)
    };
    (from..looks.len())
        .find(|&position| opens(position) || is_prose(position) && is_prose(position + 1))
        .or_else(|| (from..looks.len()).find(|&position| is_prose(position)))
        .unwrap_or(looks.len())
}

/// Gives the caption above a photo credit line the credit's agency: the caption right
/// above it, or the one above the photographer's name ("Looking at the damage … /
/// Omar Haj Kadour / AFP/Getty Images"), whatever they were read as.
fn credit_photo_above(
    classes: &mut [Option<Class>],
    looks: &[Looks],
    index: usize,
    agency: &Agency,
) {
    let above: Vec<usize> = (0..index)
        .rev()
        .filter(|&earlier| !matches!(classes[earlier], Some(Class::SetAside(_))))
        .take(2)
        .collect();
    let Some(&first) = above.first() else {
        return;
    };
    let photographer = looks[first].name_like
        && looks[first].words <= PHOTOGRAPHER_WORDS
        && !looks[first].byline
        && looks[first].agency_line.is_none();
    let caption = if photographer {
        classes[first] = Some(Class::Kept(Role::Caption, agency.clone()));
        above.get(1).copied()
    } else {
        Some(first)
    };
    let Some(caption) = caption else {
        return;
    };
    match &mut classes[caption] {
        Some(Class::Kept(Role::Caption, credited)) if !credited.is_known() => {
            *credited = agency.clone();
        }
        // An uncredited caption read as the header's standfirst, with its credit below.
        Some(class @ Class::Kept(Role::Standfirst, _)) if photographer => {
            *class = Class::Kept(Role::Caption, agency.clone());
        }
        _ => {}
    }
}

/// What a block's text looks like, read once.
#[derive(Debug)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "each flag is one thing the text shows, read together by the rules, not a state"
)]
struct Looks {
    words: usize,
    /// One line, short, not a sentence: a headline, a label or a name.
    title_like: bool,
    /// Every word capitalised and at most four of them: a name ("Hannah Smith,
    /// Istanbul", "The Times"), not a headline.
    name_like: bool,
    /// A person's name, perhaps with a place: "Hannah Lucinda Smith, Istanbul".
    person_like: bool,
    /// Ends like a sentence.
    prose: bool,
    dateline: bool,
    byline: bool,
    /// The agency a byline names ("By Reuters Staff").
    named_agency: Option<Agency>,
    /// The agency, when the block is nothing but an agency's name ("AFP").
    agency_line: Option<Agency>,
    /// The agency, when the block is nothing but a photo credit.
    photo_credit: Option<Agency>,
    /// Marked as a caption ("FILE PHOTO:") or written as a photo desk writes one (its
    /// first sentence ends with the full date the picture was taken).
    caption_marked: bool,
    photo_dated: bool,
    /// The agency credited at its end ("… – AFP").
    trailing_credit: Option<Agency>,
    /// Whether the block is nothing but a dash and a credit ("— Reuters/AFP").
    credit_line: bool,
    /// The agency credited anywhere in it, caption style.
    credit_inside: Option<Agency>,
    /// Whether it ends with a photo credit ("… Photo: AP", "… (AFP Photo)", "…
    /// REUTERS/Name"), which makes a caption wherever it stands.
    photo_credit_at_end: bool,
    reporting_credit: bool,
}

impl Looks {
    fn of(block: Block<'_>) -> Self {
        let text = block.text;
        let words = word_count(text);
        let one_line = !text.contains('\n');
        let prose = ends_a_sentence(text);
        let dateline = dateline(text).is_some();
        let byline = is_byline(text);
        let only_agency = agency_line(text);
        let trailing_credit = trailing_credit(text).map(|(_, agency)| agency);
        let caption_marked = has_caption_mark(text);
        let title_like = one_line
            && words <= HEADLINE_WORDS
            && !has_two_sentences(text)
            && !prose
            && !dateline
            && !byline
            && only_agency.is_none()
            && trailing_credit.is_none();
        Self {
            words,
            title_like,
            name_like: words <= 4 && is_name_like(text),
            person_like: (2..=PERSON_WORDS).contains(&words)
                && one_line
                && is_name_like(text)
                && !text.starts_with("The ")
                && !text.chars().any(|c| c.is_ascii_digit()),
            prose,
            dateline,
            byline,
            named_agency: byline.then(|| named_agency(text)).flatten(),
            photo_credit: only_agency
                .is_none()
                .then(|| photo_credit_line(text))
                .flatten(),
            agency_line: only_agency,
            caption_marked,
            photo_dated: words <= CAPTION_WORDS && ends_with_a_dated_sentence(text),
            credit_line: trailing_credit
                .is_some()
                .then(|| credit::trailing_credit(text))
                .flatten()
                .is_some_and(|(at, _)| at == 0),
            trailing_credit,
            // Only a caption draws on the credit inside it, and only a marked caption
            // runs longer than a caption's length.
            credit_inside: (words <= CAPTION_WORDS || caption_marked)
                .then(|| caption_credit(text))
                .flatten(),
            photo_credit_at_end: !dateline && ends_with_photo_credit(text),
            reporting_credit: is_reporting_credit(text),
        }
    }

    /// What the block is, by its text alone: in the story (from its start) or in the
    /// page's header above it; `previous` is the part of the block above.
    fn class(&self, in_story: bool, is_last: bool, previous: Option<Role>) -> Class {
        let (role, agency) = if in_story && self.reporting_credit {
            (Role::Credit, Agency::Unknown)
        } else if in_story && self.words <= CREDIT_LINE_WORDS && self.credit_line {
            // "— Reuters/AFP" on a line of its own below the story.
            (
                Role::Credit,
                self.trailing_credit.clone().unwrap_or_default(),
            )
        } else if let Some(agency) = self.agency_line.clone() {
            // An agency's name under a caption credits the photo; above the story it
            // is the byline, below it the story's credit.
            match previous {
                Some(Role::Caption) if !is_last => (Role::Caption, agency),
                _ if !in_story => (Role::Byline, agency),
                _ => (Role::Credit, agency),
            }
        } else if let Some(agency) = self.photo_credit.clone() {
            (Role::Caption, agency)
        } else if self.byline {
            (Role::Byline, self.named_agency.clone().unwrap_or_default())
        } else if self.is_caption(in_story, is_last) {
            (Role::Caption, self.caption_agency().unwrap_or_default())
        } else if in_story {
            (Role::Body, Agency::Unknown)
        } else if self.person_like {
            // "Hannah Lucinda Smith, Istanbul": a byline without its "By".
            (Role::Byline, Agency::Unknown)
        } else if self.title_like && (self.words <= 2 || self.name_like && self.words <= 3) {
            // "new", "The Times": the page's labels between headline and story.
            return Class::SetAside(PAGE_HEADER);
        } else {
            (Role::Standfirst, Agency::Unknown)
        };
        Class::Kept(role, agency)
    }

    /// Whether the block is a part of the story proper rather than of the page's header:
    /// no byline, caption or credit.
    fn is_story_part(&self) -> bool {
        !self.byline && self.agency_line.is_none() && self.caption_agency().is_none()
    }

    /// Whether the block is a paragraph of the story's prose: a sentence or more, or a
    /// long paragraph (one cut off mid-sentence).
    fn is_story_prose(&self) -> bool {
        self.is_story_part()
            && (self.opens_the_story()
                || self.words >= STORY_PROSE_WORDS
                || self.prose && self.words >= AFTER_STORY_WORDS)
    }

    /// Whether the block opens the story with a dateline (a caption's "TALLMANNIS:"
    /// opens none).
    fn opens_the_story(&self) -> bool {
        self.dateline && self.caption_agency().is_none()
    }

    /// The agency the block credits when it plays `role`.
    fn agency_as(&self, role: Role) -> Agency {
        match role {
            Role::Caption => self
                .photo_credit
                .clone()
                .or_else(|| self.agency_line.clone())
                .or_else(|| self.trailing_credit.clone())
                .or_else(|| self.credit_inside.clone())
                .unwrap_or_default(),
            Role::Byline => self.named_agency.clone().unwrap_or_default(),
            _ => Agency::Unknown,
        }
    }

    /// Whether the block is a photo caption: marked as one, dated as one before the
    /// story starts, or a short paragraph closed by an agency's credit that is not the
    /// story's last (the story's own closing credit comes last).
    fn is_caption(&self, story_started: bool, is_last: bool) -> bool {
        let limit = if story_started {
            CAPTION_IN_STORY_WORDS
        } else {
            CAPTION_WORDS
        };
        let credited = (self.trailing_credit.is_some() && !is_last || self.photo_credit_at_end)
            && self.words <= limit;
        // "(Reuters)" in a dateline credits the story, not a photo.
        let credited_inside = !story_started
            && !self.dateline
            && self.credit_inside.is_some()
            && self.words <= CAPTION_WORDS;
        self.caption_marked
            || credited
            || credited_inside
            || (!story_started && self.photo_dated && !self.dateline)
    }

    /// The agency a caption credits, if the block is one wherever it stands.
    fn caption_agency(&self) -> Option<Agency> {
        if self.photo_credit.is_some() {
            return self.photo_credit.clone();
        }
        if self.is_caption(false, false) {
            return Some(
                self.trailing_credit
                    .clone()
                    .or_else(|| self.credit_inside.clone())
                    .unwrap_or_default(),
            );
        }
        None
    }
}

/// Which block is the headline, by position among `looks`: of the title-like blocks
/// of some length (no names, captions or labels) in the page's header (the blocks
/// right above the story's start that a header holds: such titles, captions, bylines
/// and credits), the first; failing that, the nearest such block above the story;
/// failing that, a shorter title opening the text.
fn choose_headline(looks: &[&Looks], story_start: usize) -> Option<usize> {
    let is_candidate = |look: &Looks| {
        look.title_like
            && !look.name_like
            && look.words >= HEADLINE_MIN_WORDS
            && look.caption_agency().is_none()
    };
    let in_header = |look: &Looks| {
        is_candidate(look)
            || look.caption_agency().is_some()
            || look.byline
            || look.agency_line.is_some()
    };
    let header_start = looks[..story_start]
        .iter()
        .rposition(|look| !in_header(look))
        .map_or(0, |position| position + 1);
    (header_start..story_start)
        .find(|&position| is_candidate(looks[position]))
        .or_else(|| {
            (0..story_start)
                .rev()
                .find(|&position| is_candidate(looks[position]))
        })
        .or_else(|| {
            looks
                .first()
                .filter(|look| look.title_like && look.words >= 2 && story_start > 0)
                .map(|_| 0)
        })
}

/// A desk's byline for copy from the wires: "Agencies", "Staff and agencies", "Staff
/// reporter", "From our correspondent".
static DESK_BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^(?:by\s+)?(?:(?:staff|our\s+(?:staff|correspondents?))(?:\s+and\s+agencies)?|agencies|(?:news|wire)\s+agencies|agency\s+reports?|wire\s+services|wires|staff\s+(?:reporters?|writers?|correspondents?)|(?:from\s+)?our\s+(?:own\s+)?correspondents?|news\s+desk|web\s+desk)$",
    )
});

/// A byline: "By Suleiman Al-Khalidi", "Reporting by …", a name or two, not a sentence
/// ("By Tuesday, 60,000 had fled."), or a desk's byline for wire copy ("Staff and
/// agencies").
pub fn is_byline(text: &str) -> bool {
    if DESK_BYLINE.is_match(text.trim()) {
        return true;
    }
    let starts = [
        "By ",
        "BY ",
        "by ",
        "Reporting by ",
        "Writing by ",
        "Von ",
        "Par ",
        "Por ",
    ];
    starts.iter().any(|start| text.starts_with(start))
        && at_most_words(text, BYLINE_WORDS)
        && !ends_a_sentence(text)
        && !text.contains('\n')
}

/// Whether a line holds two sentences ("… billing details. Please update …"), which no
/// headline does; "U.S. Troops" and "Mr. Smith" are one.
fn has_two_sentences(line: &str) -> bool {
    line.match_indices(". ").any(|(at, _)| {
        let before = line[..at]
            .chars()
            .rev()
            .take_while(|c| c.is_lowercase())
            .count();
        let after = line[at + 2..].starts_with(|c: char| c.is_uppercase());
        before >= 3 && after
    })
}

/// Whether every word of a text is capitalised (names and particles aside): a name,
/// a place, a site's name.
fn is_name_like(text: &str) -> bool {
    text.split_whitespace()
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|word| !word.is_empty())
        .all(|word| {
            word.starts_with(|c: char| c.is_uppercase() || c.is_numeric())
                || matches!(
                    word,
                    "al" | "el" | "bin" | "de" | "van" | "von" | "of" | "the"
                )
        })
}

/// Whether a block is an editors' note or a correction closing the copy ("(This story
/// corrects …)", "Editor's note: …"), which is part of what was published.
fn is_editors_note(text: &str) -> bool {
    let lower = text.trim_start().to_lowercase();
    lower.starts_with('(')
        || [
            "editor's note",
            "editor’s note",
            "correction",
            "clarification",
            "update",
        ]
        .iter()
        .any(|note| lower.starts_with(note))
}

/// Whether a block is a line a "Related" list links to: a headline, not prose.
fn is_link_title(text: &str) -> bool {
    !is_byline(text)
        && !text.contains('\n')
        && at_most_words(text, RELATED_LINK_WORDS)
        && !ends_a_sentence(text)
}

/// Whether a block is only the site's name ("Gulf Daily", "© The Gulf Daily").
fn names_the_site(text: &str, site_name: Option<&str>) -> bool {
    let Some(site_name) = site_name else {
        return false;
    };
    let squeeze = |text: &str| -> String {
        let lower = text.to_lowercase();
        let lower = lower.trim_start_matches("the ");
        lower.chars().filter(|c| c.is_alphanumeric()).collect()
    };
    let name = squeeze(site_name);
    !name.is_empty() && squeeze(text.trim_start_matches('©').trim()) == name
}

/// The dates of a block made only of time lines.
fn time_block(text: &str) -> Option<PageDates> {
    let mut dates = PageDates::default();
    for line in text.lines().filter(|line| !line.trim().is_empty()) {
        dates.fill_from(time_line(line)?);
    }
    Some(dates)
}

/// Why a block is debris: a line that is, or a block all of whose lines are.
fn block_debris(text: &str) -> Option<&'static str> {
    let mut lines = text.lines().filter(|line| !line.trim().is_empty());
    let first = debris_reason(lines.next()?)?;
    lines
        .all(|line| debris_reason(line).is_some())
        .then_some(first)
}

/// A passage's words for comparing copies: letters and digits only (compared without
/// regard to case, see [`same_word`]), a "Show more" a cut copy ends with taken off.
fn comparable_words(text: &str) -> Vec<&str> {
    let mut words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    let ends_with = |word: &str, suffix: &str| {
        word.len() >= suffix.len()
            && word.is_char_boundary(word.len() - suffix.len())
            && word[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
    };
    if words
        .last()
        .is_some_and(|last| last.eq_ignore_ascii_case("more"))
        && let Some(before) = words.len().checked_sub(2).map(|at| words[at])
        && ends_with(before, "show")
    {
        // "…province oShow more": the cut word keeps its letters before "Show".
        let cut = &before[..before.len() - "show".len()];
        words.truncate(words.len() - 2);
        if !cut.is_empty() {
            words.push(cut);
        }
    }
    words
}

/// A passage's first word as [`comparable_words`] reads it.
fn first_word(text: &str) -> Option<&str> {
    text.split(|c: char| !c.is_alphanumeric())
        .find(|word| !word.is_empty())
}

/// Whether two words are the same but for case.
fn same_word(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b) || (!a.is_ascii() && a.to_lowercase() == b.to_lowercase())
}

/// Whether `later` is a copy of `earlier`: the same words, or one of them the other
/// cut short (its last word perhaps cut mid-word).
fn repeats(earlier: &[&str], later: &[&str]) -> bool {
    if earlier.is_empty() || later.is_empty() {
        return false;
    }
    let (short, long) = if earlier.len() <= later.len() {
        (earlier, later)
    } else {
        (later, earlier)
    };
    let same = |a: &[&str], b: &[&str]| {
        a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same_word(a, b))
    };
    if same(short, long) {
        return true;
    }
    if short.len() < REPEAT_MIN_WORDS {
        return false;
    }
    let Some((last, whole)) = short.split_last() else {
        return false;
    };
    let cut_short = long[whole.len()]
        .get(..last.len())
        .is_some_and(|start| same_word(start, last));
    same(whole, &long[..whole.len()]) && cut_short
}
