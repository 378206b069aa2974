//! Site debris: the text of a news site's controls, notices and links that a saved page
//! or a browser's copy carries along with the story ("Text size Aa Aa", "Access to the
//! comments Comments", "This content is not available in your region", "Powered by
//! automated translation", "Middle EastTop StoriesWorld").
//!
//! Each rule looks at one line and says why it is debris. The rules are written so that
//! a story sentence never matches: a line is debris when it is made only of site-control
//! words, when it is a site's stock notice, or when it runs menu links together. What
//! they set aside stays in the document and can be put back.

use std::sync::LazyLock;

use regex::Regex;

use super::credit::compile;
use super::words::at_most_words;

/// Longest a line made of control words can be, in words.
const CONTROL_LINE_WORDS: usize = 16;
/// Longest a stock notice can be, in words.
const NOTICE_WORDS: usize = 45;

/// Words and phrases of a site's controls: share and print buttons, text size, comment
/// widgets, navigation and footer links, advert labels. A line made only of these (and
/// counts: "12 comments") is never story text.
const CONTROL_PHRASES: &[&str] = &[
    // Sharing, saving, printing.
    "share",
    "shares",
    "share this",
    "share this article",
    "share this story",
    "share this page",
    "share article",
    "share story",
    "share on",
    "share via",
    "share with",
    "facebook",
    "twitter",
    "send",
    "vk",
    "viber",
    "line",
    "weibo",
    "wechat",
    "xing",
    "tumblr",
    "copy",
    "x",
    "whatsapp",
    "telegram",
    "linkedin",
    "pinterest",
    "reddit",
    "flipboard",
    "messenger",
    "instagram",
    "youtube",
    "tiktok",
    "email",
    "e-mail",
    "mail",
    "sms",
    "copy link",
    "copy url",
    "link copied",
    "tweet",
    "print",
    "print this article",
    "print this page",
    "print article",
    "save",
    "save article",
    "saved",
    "bookmark",
    "gift this article",
    "gift article",
    // Text size and audio.
    "text size",
    "font size",
    "aa",
    "a+",
    "a-",
    "a",
    "listen",
    "listen to this article",
    "listen to article",
    "play",
    "pause",
    // Comments.
    // Navigation and accounts.
    "back to top",
    "back to top button",
    "top",
    "skip to content",
    "skip to main content",
    "skip to navigation",
    "menu",
    "search",
    "close",
    "home",
    "log in",
    "login",
    "log out",
    "sign in",
    "sign up",
    "register",
    "subscribe",
    "subscribe now",
    "account",
    "my account",
    "newsletter",
    "newsletters",
    "follow",
    "follow us",
    "follow us on",
    "click here",
    "download the app",
    "download our app",
    "get the app",
    "next",
    "previous",
    "next article",
    "previous article",
    // Adverts.
    "advertisement",
    "advertisements",
    "advert",
    "ad",
    "ads",
    "sponsored",
    "sponsored content",
    "promoted",
    "paid content",
    "partner content",
    "scroll to continue",
    "scroll to continue with content",
    "continue reading",
    "continue reading below",
    "story continues below",
    "article continues below",
    "story continues below advertisement",
    "content continues below",
    // Footer links.
    "about us",
    "contact us",
    "contact",
    "privacy",
    "privacy policy",
    "cookie policy",
    "cookie settings",
    "terms of use",
    "terms and conditions",
    "terms of service",
    "accessibility",
    "careers",
    "advertise",
    "advertise with us",
    "sitemap",
    "rss",
    "help",
    "faq",
    "report an error",
    "corrections",
    // Reading time and media.
    "min read",
    "mins read",
    "minute read",
    "minutes read",
    "watch",
    "video",
    "photos",
    "gallery",
    "show more",
    "full article",
    "read full article",
    "read the full article",
    "find out more",
    "more info",
    "more information",
    "accessibility links",
    "print friendly",
    "print friendly and pdf",
    "pdf",
    "download as pdf",
    "dark mode",
    "exit mobile version",
    "sponsor message",
    "logo",
    "play live radio",
    "+",
    "button",
    "close button",
    "load more",
    "imprint",
    "data protection",
    "feedback",
    "cookies",
    "site index",
    "browse",
    "apps",
    "tv",
    "support",
    "donate",
    "like",
    "like this",
    "loading",
    "name",
    "website",
    "search for",
    "recent posts",
    "archives",
    "continue",
    "remind me later",
    "directory of sites",
    "advertising guidelines",
    "do not sell my personal information",
    "e-paper",
    "epaper",
    "post navigation",
    "reuse this content",
];

/// Headings of a site's lists of links to other stories: "Read more", "Related",
/// "Also read", "You may also like". The lines under one are links, not story.
const RELATED_PHRASES: &[&str] = &[
    "read more",
    "related",
    "related articles",
    "related stories",
    "related topics",
    "related content",
    "related coverage",
    "related news",
    "also read",
    "read also",
    "see also",
    "more on this",
    "more on this story",
    "more stories",
    "more news",
    "recommended",
    "recommended for you",
    "you may also like",
    "you might also like",
    "you may be interested in",
    "most read",
    "most popular",
    "most viewed",
    "trending",
    "trending now",
    "editor's picks",
    "editor’s picks",
    "don't miss",
    "don’t miss",
    "more from this section",
    "more from",
    "more like this",
    "recent stories",
    "latest stories",
    "articles you may like",
    "read next",
    "up next",
    "next up",
    "just in",
    "tags",
    "topics",
];

/// The parts of a comment thread's widgets: "Access to the comments Comments", "12
/// comments", "Leave a reply".
const COMMENT_PHRASES: &[&str] = &[
    "comment",
    "comments",
    "access to the comments",
    "view comments",
    "show comments",
    "hide comments",
    "leave a comment",
    "leave a reply",
    "post a comment",
    "add a comment",
    "join the conversation",
    "join the discussion",
    "no comments",
    "reply",
    "cancel reply",
    "post comment",
    "load more comments",
    "log in to comment",
];

/// Section and breadcrumb names: a line made only of these ("World", "Home > World >
/// Middle East", "News | Gulf") labels where the story sits on the site.
const SECTION_PHRASES: &[&str] = &[
    "home",
    "news",
    "world",
    "world news",
    "latest",
    "latest news",
    "top stories",
    "breaking news",
    "middle east",
    "mena",
    "africa",
    "asia",
    "asia pacific",
    "americas",
    "europe",
    "uk",
    "us",
    "u.s.",
    "gulf",
    "region",
    "uae",
    "local",
    "national",
    "international",
    "politics",
    "business",
    "economy",
    "markets",
    "money",
    "finance",
    "sport",
    "sports",
    "football",
    "tech",
    "technology",
    "science",
    "health",
    "environment",
    "climate",
    "culture",
    "arts",
    "entertainment",
    "lifestyle",
    "travel",
    "opinion",
    "analysis",
    "features",
    "editorial",
    "weather",
    "video",
    "videos",
    "photos",
    "pictures",
    "podcasts",
    "live",
    "in pictures",
    "conflict",
    "war",
    "nation",
];

/// Separators between the links of a menu or a breadcrumb trail.
const LINK_SEPARATORS: &[char] = &[
    '|', '>', '›', '»', '/', '·', '•', ',', ':', '-', '–', '—', '&',
];

/// A site's stock notices, with why they are set aside. Matched on lines of at most
/// [`NOTICE_WORDS`] words.
static NOTICES: LazyLock<Vec<(Regex, &'static str)>> = LazyLock::new(|| {
    [
        (
            r"\b(?:not|isn't|is not) (?:currently )?available (?:in|for) your (?:region|country|location|area)|unavailable in your (?:region|country|location)",
            "region notice",
        ),
        (
            r"^(?:we|this (?:web)?site|our (?:web)?site|this page)(?: and our partners)? (?:uses?|stores?|places?) cookies|^by (?:continuing|using|clicking)\b.*\b(?:cookies|privacy)|^(?:accept|reject|allow|manage) (?:all )?(?:cookies|preferences|consent)|^cookie (?:settings|policy|preferences|consent|notice)|^we value your privacy|^(?:your )?privacy (?:choices|settings)\b",
            "cookie or consent notice",
        ),
        (
            r"^subscribe (?:now )?to (?:continue|keep|read)|^already (?:a )?(?:subscriber|member)\b|(?:you(?:'ve| have)|you’ve) (?:reached|read) (?:your|the|all) (?:limit|maximum|free)|free (?:articles?|stories) (?:left|remaining)|^(?:this|the) (?:article|story|content) is (?:only )?(?:for|available to|reserved for|exclusive to) (?:subscribers|members|premium)|^(?:log|sign) in (?:or (?:sign up|register|subscribe) )?to (?:continue|read|keep)|^(?:create|register for) a (?:free )?account to|^register (?:now )?(?:for free )?to (?:continue|read)|^(?:get |enjoy )?unlimited (?:digital )?access\b|^subscribe (?:for|from) (?:just |only )?[$£€]|^get (?:full|premium|digital) access\b|^subscribe to (?:our|the) \S+|^become an? (?:\S+ ){0,6}subscriber\b|^subscribe now\b|^start your free trial|^free for \d+ days$|^want to read more\??$|^subscription notification$|^please update your billing|\byour (?:subscription|billing)\b",
            SUBSCRIPTION_PROMPT,
        ),
        (
            r"^powered by (?:automated|machine|google|ai) translation|^(?:this|the) (?:article|story|text|content|page) (?:was|has been|is) (?:automatically|machine)[- ]translated|^translated (?:automatically|by (?:google|machine))|^(?:show|view) (?:the )?original(?: (?:text|language|article))?$|^(?:read(?: this)?|available|also available|this (?:post|article|story|page) is (?:also )?available) in(?: your language| other languages)?\s*:",
            "translation notice",
        ),
        (
            r"^(?:sign up|subscribe|register) (?:for|to) (?:our|the|a)\b.*\b(?:newsletters?|bulletin|briefing|alerts)\b|^get (?:the|our)\b.*\b(?:newsletters?|delivered|in your inbox)\b|delivered (?:straight |directly )?to your inbox|^enter your e-?mail|^(?:your )?e-?mail address\b.*\b(?:subscribe|sign up|newsletter)|^by signing up,? you agree",
            "newsletter sign-up",
        ),
        (
            r"^you must be logged in to (?:post|leave) a comment|^comments (?:are|have been) (?:closed|disabled)|^your email address will not be published|^required fields are marked|^be the first to comment|^commenting (?:is|has been) (?:closed|disabled)|^(?:show|load|view) (?:all )?\d* ?(?:more )?comments$|^\d+ (?:thoughts|responses|replies|comments) (?:on|to)\b|^\S+(?: \S+){0,3} says:$|^comments? \(\d+\)$|^commenting is (?:available|open|only|closed)\b",
            COMMENTS,
                ),
        (
            r"^(?:read more|read also|also read|see also|related|more|watch|listen|more on this(?: story)?|related (?:story|article|content|coverage)|recommended|must read|don['’]t miss|trending|latest|breaking|read more about|in pictures)\s*[:|»>]\s*\S",
            "related link",
        ),
        (
            r"^(?:download|get) (?:our|the) (?:free )?(?:\S+ )?app\b|^available on the app store|^get it on google play|^follow (?:us|@\w+)\b|^(?:join|follow) (?:our|us on) (?:whatsapp|telegram|twitter|facebook|instagram|youtube)\b|^click here to\b",
            "site promotion",
        ),
        (
            r"^our standards:|^all rights reserved\b",
            "site notice",
        ),
        (r"^\d{1,2}:\d{2}(?:\s*/?\s*\d{1,2}:\d{2})?$", "media player"),
    ]
    .into_iter()
    .map(|(pattern, reason)| (compile(&format!("(?i){pattern}")), reason))
    .collect()
});

/// "© 2019 Gulf Daily. All rights reserved": a copyright footer (but not a photo credit
/// such as "Copyright Khalil Ashawi (Reuters)", which names no year).
static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^(?:©|\(c\)|copyright\b)(?:.*\b(?:19|20)\d{2}\b|.*\ball rights reserved\b)|^[^.]{0,60}\.(?: (?:19|20)\d{2}\.)? all rights reserved\.?$",
    )
});

/// Every phrase of a site's controls, links and labels together: a line may mix them
/// ("Like Comment Share", "More from world news").
static ALL_CONTROLS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    [
        CONTROL_PHRASES,
        RELATED_PHRASES,
        COMMENT_PHRASES,
        SECTION_PHRASES,
    ]
    .concat()
});

/// Why a comment thread's widgets and notices are set aside.
pub const COMMENTS: &str = "comments";
/// Why a paywall's prompts are set aside.
pub const SUBSCRIPTION_PROMPT: &str = "subscription prompt";

/// Why a "Related" heading and the links under it are set aside.
pub const RELATED_LINKS: &str = "related links";

/// Whether a line heads a list of links to other stories ("Read more", "Related
/// Articles", "You might also like").
pub fn is_related_heading(line: &str) -> bool {
    at_most_words(line, CONTROL_LINE_WORDS)
        && !ends_a_sentence(line)
        && (made_of(line, RELATED_PHRASES) || is_more_from(line.trim()))
}

/// "More from Reuters", "Also in Arab World", "More in Sport": a heading of links to
/// other stories of the site.
static MORE_FROM: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)^(?:more|also|latest|top stories) (?:from|in|on|about) (?P<what>[\w&’' -]+)$")
});

/// Longest the "Reuters" of "More from Reuters" can be, in characters. (Counted here,
/// not in the pattern: a repeat count on a Unicode class makes it slow to compile.)
const MORE_FROM_WHAT_CHARS: usize = 30;

/// Whether a line is a "More from …" heading.
fn is_more_from(line: &str) -> bool {
    MORE_FROM
        .captures(line)
        .and_then(|captures| captures.name("what"))
        .is_some_and(|what| what.as_str().chars().count() <= MORE_FROM_WHAT_CHARS)
}

/// Why a line is site debris, if it is.
pub fn debris_reason(line: &str) -> Option<&'static str> {
    let line = line.trim();
    if line.is_empty() || line.contains('\n') {
        return None;
    }
    if at_most_words(line, NOTICE_WORDS) {
        let notice = NOTICES
            .iter()
            .find(|(pattern, _)| pattern.is_match(line))
            .map(|(_, reason)| *reason);
        if notice.is_some() {
            return notice;
        }
        if COPYRIGHT.is_match(line) {
            return Some("copyright notice");
        }
    }
    if !at_most_words(line, CONTROL_LINE_WORDS) || ends_a_sentence(line) {
        return None;
    }
    if is_breadcrumb_trail(line) {
        return Some("section label");
    }
    if made_of(line, SECTION_PHRASES) {
        return Some("section label");
    }
    if is_related_heading(line) {
        return Some(RELATED_LINKS);
    }
    if made_of(line, COMMENT_PHRASES) {
        return Some(COMMENTS);
    }
    if made_of(line, ALL_CONTROLS.as_slice()) {
        return Some("site button or link text");
    }
    let joins: usize = line.split_whitespace().map(menu_joins).sum();
    (joins >= 2).then_some("site menu links run together")
}

/// Longest a link of a breadcrumb trail can be, in words.
const BREADCRUMB_LINK_WORDS: usize = 4;

/// Whether a line is a breadcrumb trail: "Home > Arab World > Jordan", "Home » Asia »
/// South Asia", "Home / Sport / Athletics": short links joined by two separators or
/// more.
fn is_breadcrumb_trail(line: &str) -> bool {
    let links: Vec<&str> = line.split(['>', '»', '›', '/']).map(str::trim).collect();
    links.len() >= 3
        && links.iter().all(|link| {
            !link.is_empty()
                && at_most_words(link, BREADCRUMB_LINK_WORDS)
                && link.starts_with(|c: char| c.is_uppercase())
        })
}

/// Whether a line is made only of `phrases` (longest first), counts and link
/// separators: "Access to the comments Comments", "Text size Aa Aa", "Home > World".
pub fn made_of(line: &str, phrases: &[&str]) -> bool {
    let lower = line.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| {
            c.is_whitespace() || LINK_SEPARATORS.contains(&c) || matches!(c, '(' | ')' | '[' | ']')
        })
        .map(|word| {
            word.trim_matches(|c: char| matches!(c, '.' | '!' | '?' | '"' | '“' | '”' | '*'))
        })
        .filter(|word| !word.is_empty())
        .collect();
    let mut at = 0;
    let mut phrases_found = 0;
    while at < words.len() {
        if words[at]
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.' || c == 'k')
            && words[at].starts_with(|c: char| c.is_ascii_digit())
        {
            at += 1;
            continue;
        }
        let longest = (1..=4.min(words.len() - at))
            .rev()
            .find(|&length| phrases.contains(&words[at..at + length].join(" ").as_str()));
        let Some(length) = longest else {
            return false;
        };
        at += length;
        phrases_found += 1;
    }
    phrases_found > 0
}

/// Whether text ends like a sentence: a full stop, question or exclamation mark, also
/// inside closing quotes or brackets (`…not stopping.”`).
pub fn ends_a_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['”', '"', '’', '\'', ')'])
        .ends_with(['.', '?', '!', '…'])
}

/// How many times a word joins two menu links scraped without a space: a lower-case
/// run of three letters or more straight into a capitalised word of three or more
/// ("EastTop", "StoriesWorld"). Brand names and surnames join shorter runs
/// ("YouTube", "MacDonald", "McManus") and do not count.
fn menu_joins(word: &str) -> usize {
    let chars: Vec<char> = word.chars().collect();
    (1..chars.len())
        .filter(|&at| {
            let before = chars[..at]
                .iter()
                .rev()
                .take_while(|c| c.is_lowercase())
                .count();
            let after = chars[at..]
                .iter()
                .enumerate()
                .take_while(|(i, c)| {
                    if *i == 0 {
                        c.is_uppercase()
                    } else {
                        c.is_lowercase()
                    }
                })
                .count();
            before >= 3 && after >= 3
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_run_together_are_debris() {
        for (line, reason) in [
            (
                "Middle EastTop StoriesWorld",
                "site menu links run together",
            ),
            ("Back to top button", "site button or link text"),
            ("Access to the comments Comments", COMMENTS),
            ("Text size Aa Aa", "site button or link text"),
            ("Share this article", "site button or link text"),
            (
                "Facebook Twitter WhatsApp Email",
                "site button or link text",
            ),
            ("12 comments", COMMENTS),
            ("3 min read", "site button or link text"),
            ("ADVERTISEMENT", "site button or link text"),
            ("Share this:", "site button or link text"),
            ("World", "section label"),
            ("Home > World > Middle East", "section label"),
            ("News | Gulf", "section label"),
        ] {
            assert_eq!(debris_reason(line), Some(reason), "{line}");
        }
    }

    #[test]
    fn stock_notices_are_debris() {
        for (line, reason) in [
            (
                "This content is not available in your region",
                "region notice",
            ),
            ("Powered by automated translation", "translation notice"),
            (
                "We use cookies to improve your experience. By continuing you accept our policy.",
                "cookie or consent notice",
            ),
            ("Subscribe to continue reading", "subscription prompt"),
            ("Already a subscriber? Log in", "subscription prompt"),
            (
                "Sign up for our Middle East newsletter and get the day's news in your inbox",
                "newsletter sign-up",
            ),
            ("Read more: Why the offensive matters", "related link"),
            (
                "© 2019 Gulf Daily. All rights reserved.",
                "copyright notice",
            ),
            ("Leave a reply", COMMENTS),
            ("Download our app", "site promotion"),
        ] {
            assert_eq!(debris_reason(line), Some(reason), "{line}");
        }
    }

    #[test]
    fn story_text_is_never_debris() {
        for line in [
            "McDonald's opens in Idlib",
            "YouTube, TikTok remove videos",
            "By Ian MacDonald and Sean McManus",
            "McCain, McConnell clash",
            "Share this.",
            "Tens of thousands flee Russia-led onslaught on opposition enclave",
            "The ministry did not share its figures with reporters.",
            "Readers left 400 comments under the minister's post",
            "The EU says websites must ask before they use cookies.",
            "Copyright Khalil Ashawi (Reuters)",
            "More than 80,000 people have fled",
            "Home secretary resigns",
            "World leaders meet in Geneva",
            "Print works reopen after the strike",
        ] {
            assert_eq!(debris_reason(line), None, "{line}");
        }
    }
}
