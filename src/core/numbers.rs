//! Quantities as news copy writes them, read for what they are worth.
//!
//! "60,000", "60000", "sixty thousand" and "60 thousand" are one amount; so are "3.5
//! million" and "3,500,000", and "Ten" and "10". Comparing two versions of a sentence
//! needs that: a figure written another way is a style edit, a figure whose amount
//! changed is a correction a checker must see. The words of quantities (number words,
//! multipliers, qualifiers, vague quantities) live here, and claim-candidate detection
//! builds its figure pattern from the same lists.
//!
//! Amounts are exact decimals, never floats, so 3.5 million equals 3,500,000 exactly.
//! A full stop is a decimal point unless a number has several ("1.000.000"), and a
//! comma always separates thousands: copy in English writes "3.5", not "3,5".
//! Limitations: ordinals ("third"), fractions other than "half" ("two-thirds"), ranges
//! ("10 to 15") and digits grouped by spaces ("60 000") are not read.

/// Number words from two up, with their values. "one" is kept apart ([`ONE`]): "one of
/// the" and "no one" are not figures, but "one million" is worth reading.
pub(crate) const CARDINALS: [(&str, u8); 26] = [
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// The number word worth one, read inside a quantity ("one million", "twenty-one").
pub(crate) const ONE: &str = "one";

/// Words that multiply a number ("3.5 million"), with the power of ten they multiply by.
pub(crate) const MULTIPLIERS: [(&str, i32); 6] = [
    ("hundred", 2),
    ("thousand", 3),
    ("million", 6),
    ("billion", 9),
    ("trillion", 12),
    ("bn", 9),
];

/// "dozen", worth twelve ("two dozen", "half a dozen").
const DOZEN: &str = "dozen";

/// What a qualifier says about the amount it qualifies. Qualifiers of one sense are
/// interchangeable for a checker ("around" and "about", "over" and "more than"); a
/// change of sense ("at least 400,000" → "400,000") changes the claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Bound {
    /// About that many: "around", "some", "an estimated".
    Approximately,
    /// That many or more: "at least", "more than", "over".
    AtLeast,
    /// That many or fewer: "up to", "less than", "as many as".
    AtMost,
    /// A little fewer: "nearly", "almost", "close to".
    JustUnder,
    /// Exactly that many in all: "a total of".
    Total,
    /// No more than that, stressed: "only", "just", "as few as".
    Only,
    /// The most recent stretch of time: "last", "past".
    Recent,
    /// That many more: "another", "a further".
    Additional,
}

/// Words that qualify a figure and belong to it ("at least 400,000", "last four days"),
/// with what they say about it. No phrase starts with another phrase's words, so the
/// first that matches is the one.
pub(crate) const QUALIFIERS: [(&str, Bound); 29] = [
    ("a total of", Bound::Total),
    ("an estimated", Bound::Approximately),
    ("estimated", Bound::Approximately),
    ("around", Bound::Approximately),
    ("about", Bound::Approximately),
    ("some", Bound::Approximately),
    ("nearly", Bound::JustUnder),
    ("almost", Bound::JustUnder),
    ("roughly", Bound::Approximately),
    ("approximately", Bound::Approximately),
    ("at least", Bound::AtLeast),
    ("at most", Bound::AtMost),
    ("more than", Bound::AtLeast),
    ("less than", Bound::AtMost),
    ("fewer than", Bound::AtMost),
    ("over", Bound::AtLeast),
    ("under", Bound::AtMost),
    ("up to", Bound::AtMost),
    ("as many as", Bound::AtMost),
    ("as much as", Bound::AtMost),
    ("as few as", Bound::Only),
    ("close to", Bound::JustUnder),
    ("upwards of", Bound::AtLeast),
    ("only", Bound::Only),
    ("just", Bound::Only),
    ("last", Bound::Recent),
    ("past", Bound::Recent),
    ("another", Bound::Additional),
    ("a further", Bound::Additional),
];

/// Vague quantities ("hundreds"), which count what follows "of" ("Hundreds of
/// civilians").
pub(crate) const VAGUE_QUANTITIES: [&str; 6] = [
    "dozens",
    "scores",
    "hundreds",
    "thousands",
    "millions",
    "billions",
];

/// Words that open a vague quantity of vague quantities: "tens of thousands",
/// "hundreds of thousands" (and the slip "Ten of thousands").
const VAGUE_OPENERS: [&str; 5] = ["ten", "tens", "hundred", "hundreds", "dozens"];

/// Currency signs a figure can open with.
const CURRENCIES: [char; 4] = ['$', '€', '£', '¥'];

/// An exact decimal number, `mantissa × 10^exponent`, kept normalised (no trailing
/// zeros in the mantissa) so that equal values compare equal however they were written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Decimal {
    /// The digits, without trailing zeros.
    mantissa: u128,
    /// The power of ten the digits are multiplied by.
    exponent: i32,
}

impl Decimal {
    /// Nothing.
    const ZERO: Self = Self {
        mantissa: 0,
        exponent: 0,
    };

    /// `mantissa × 10^exponent`.
    pub fn new(mantissa: u128, exponent: i32) -> Self {
        let mut value = Self { mantissa, exponent };
        if value.mantissa == 0 {
            return Self::ZERO;
        }
        while value.mantissa.is_multiple_of(10) {
            value.mantissa /= 10;
            value.exponent = value.exponent.saturating_add(1);
        }
        value
    }

    /// The product, or `None` past what 128 bits hold.
    fn checked_mul(self, other: Self) -> Option<Self> {
        Some(Self::new(
            self.mantissa.checked_mul(other.mantissa)?,
            self.exponent.checked_add(other.exponent)?,
        ))
    }

    /// The sum, or `None` past what 128 bits hold.
    fn checked_add(self, other: Self) -> Option<Self> {
        let exponent = self.exponent.min(other.exponent);
        let scaled = |value: Self| -> Option<u128> {
            let shift = u32::try_from(value.exponent.checked_sub(exponent)?).ok()?;
            value.mantissa.checked_mul(10_u128.checked_pow(shift)?)
        };
        Some(Self::new(
            scaled(self)?.checked_add(scaled(other)?)?,
            exponent,
        ))
    }

    /// A whole number.
    fn whole(value: u128) -> Self {
        Self::new(value, 0)
    }

    /// The value of written digits with their separators ("60,000", "3.5",
    /// "1.000.000"), or `None` when there are none or too many to hold.
    fn of_digits(digits: &str) -> Option<Self> {
        let points = digits.matches('.').count();
        let mut mantissa: u128 = 0;
        let mut exponent: i32 = 0;
        let mut after_point = false;
        let mut any = false;
        for c in digits.chars() {
            match c {
                '0'..='9' => {
                    let digit = u128::from(c.to_digit(10)?);
                    mantissa = mantissa.checked_mul(10)?.checked_add(digit)?;
                    any = true;
                    if after_point {
                        exponent -= 1;
                    }
                }
                '.' if points == 1 => after_point = true,
                '.' | ',' => {}
                _ => return None,
            }
        }
        any.then(|| Self::new(mantissa, exponent))
    }
}

/// What a quantity is worth.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Amount {
    /// An exact number: "60,000", "sixty thousand", "3.5 million".
    Exact(Decimal),
    /// A vague quantity, as its words in the singular and lower case: "hundred",
    /// "ten of thousand" (for "Tens of thousands" and "Ten of thousands" alike).
    Vague(String),
}

/// A quantity as written, read for what it says: how much, how qualified, of what
/// currency, and whether it is a percentage. Two quantities are equal when they say the
/// same however they are written ("around 60,000" and "about sixty thousand").
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Quantity {
    /// What the qualifier says, if there is one ("at least" → [`Bound::AtLeast`]).
    pub bound: Option<Bound>,
    /// How much.
    pub amount: Amount,
    /// The currency sign it opens with, if any.
    pub currency: Option<char>,
    /// Whether it is a percentage ("40%", "3.5 per cent").
    pub percent: bool,
}

/// A quantity read from the start of a text, and where its words are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadQuantity {
    /// What it says.
    pub quantity: Quantity,
    /// The bytes of its qualifier ("at least "), trailing spaces included; empty when
    /// there is none.
    pub qualifier_length: usize,
    /// The bytes of the whole quantity, qualifier included; what follows is what it
    /// counts (" people").
    pub length: usize,
}

/// Reads the quantity that `text` starts with ("at least 400,000 people" → at least
/// 400,000, 16 bytes), or `None` when it starts with none.
pub fn read_quantity(text: &str) -> Option<ReadQuantity> {
    let qualifier = qualifier_at(text);
    let qualifier_length = qualifier.map_or(0, |(_, length)| length);
    let mut at = qualifier_length;
    let currency = text[at..].chars().next().filter(|c| CURRENCIES.contains(c));
    if let Some(sign) = currency {
        at += sign.len_utf8();
        at += text[at..].len() - text[at..].trim_start_matches(' ').len();
    }
    let rest = &text[at..];
    let (amount, amount_length) = vague_at(rest)
        .or_else(|| digits_at(rest))
        .or_else(|| words_at(rest))?;
    at += amount_length;
    let percent_length = percent_at(&text[at..]);
    at += percent_length.unwrap_or(0);
    Some(ReadQuantity {
        quantity: Quantity {
            bound: qualifier.map(|((_, bound), _)| bound),
            amount,
            currency,
            percent: percent_length.is_some(),
        },
        qualifier_length,
        length: at,
    })
}

/// The qualifier `text` starts with ("at least 400,000"), and its length in bytes with
/// the spaces after it.
pub(crate) fn qualifier_at(text: &str) -> Option<((&'static str, Bound), usize)> {
    let first = text.as_bytes().first()?;
    QUALIFIERS
        .iter()
        .filter(|(words, _)| words.as_bytes()[0].eq_ignore_ascii_case(first))
        .find_map(|&qualifier| Some((qualifier, phrase_length(text, qualifier.0)?)))
}

/// The length in bytes of the words `phrase` (any case, any spacing) and the spaces
/// after them, when `text` starts with them.
pub(crate) fn phrase_length(text: &str, phrase: &str) -> Option<usize> {
    let mut rest = text;
    for word in phrase.split(' ') {
        let head = rest.get(..word.len())?;
        if !head.eq_ignore_ascii_case(word) {
            return None;
        }
        let after = &rest[word.len()..];
        rest = after.trim_start();
        if rest.len() == after.len() {
            return None;
        }
    }
    Some(text.len() - rest.len())
}

/// The vague quantity `text` starts with ("Hundreds", "Tens of thousands") and its
/// length.
fn vague_at(text: &str) -> Option<(Amount, usize)> {
    let (first, first_end) = letters_at(text, 0)?;
    let singular = |word: &str| {
        let lower = word.to_ascii_lowercase();
        lower.strip_suffix('s').map(str::to_owned).unwrap_or(lower)
    };
    if is_listed(&VAGUE_OPENERS, first) {
        let after_first = first_end + spaces_at(text, first_end);
        if let Some((of, of_end)) = letters_at(text, after_first)
            && of.eq_ignore_ascii_case("of")
        {
            let after_of = of_end + spaces_at(text, of_end);
            if let Some((vague, vague_end)) = letters_at(text, after_of)
                && is_listed(&VAGUE_QUANTITIES, vague)
            {
                let key = format!("{} of {}", singular(first), singular(vague));
                return Some((Amount::Vague(key), vague_end));
            }
        }
    }
    is_listed(&VAGUE_QUANTITIES, first).then(|| (Amount::Vague(singular(first)), first_end))
}

/// The number in digits `text` starts with, with its multiplier ("3.5 million",
/// "5bn"), and its length.
fn digits_at(text: &str) -> Option<(Amount, usize)> {
    let mut end = text
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(text.len());
    // A separator or full stop after the last digit ends the sentence or the clause.
    end = text[..end].trim_end_matches([',', '.']).len();
    let mut value = Decimal::of_digits(&text[..end])?;
    let gap = text[end..]
        .chars()
        .next()
        .filter(|c| matches!(c, ' ' | '-' | '\u{a0}'))
        .map_or(0, char::len_utf8);
    if let Some((word, word_end)) = letters_at(text, end + gap)
        && let Some(power) = multiplier(word)
    {
        value = value.checked_mul(Decimal::new(1, power))?;
        end = word_end;
    }
    Some((Amount::Exact(value), end))
}

/// The number in words `text` starts with ("sixty thousand", "twenty-five", "a
/// hundred", "half a dozen"), and its length.
fn words_at(text: &str) -> Option<(Amount, usize)> {
    let mut total = Decimal::ZERO;
    let mut current: Option<Decimal> = None;
    let mut half = false;
    let mut end = 0;
    let mut at = 0;
    while let Some((word, word_end)) = letters_at(text, at) {
        let lower = word.to_ascii_lowercase();
        let next = letters_at(text, word_end + gap_at(text, word_end))
            .map(|(next, _)| next.to_ascii_lowercase());
        let next_multiplies = next
            .as_deref()
            .is_some_and(|n| n == DOZEN || multiplier(n).is_some());
        if let Some(value) = cardinal(&lower) {
            let sum = current.unwrap_or(Decimal::ZERO).checked_add(value)?;
            current = Some(sum);
        } else if lower == DOZEN {
            current = Some(
                current
                    .unwrap_or(Decimal::whole(1))
                    .checked_mul(Decimal::whole(12))?,
            );
        } else if let Some(power) = multiplier(&lower) {
            let multiplied = current
                .unwrap_or(Decimal::whole(1))
                .checked_mul(Decimal::new(1, power))?;
            if power > 2 {
                total = total.checked_add(multiplied)?;
                current = None;
            } else {
                current = Some(multiplied);
            }
        } else if (lower == "a" || lower == "an") && next_multiplies && current.is_none() {
            // "a hundred", "half a dozen": the article stands for one.
            at = word_end + gap_at(text, word_end);
            continue;
        } else if lower == "half" && end == 0 && next.as_deref() == Some("a") {
            half = true;
            at = word_end + gap_at(text, word_end);
            continue;
        } else if lower == "and" && end > 0 && next.as_deref().and_then(cardinal).is_some() {
            at = word_end + gap_at(text, word_end);
            continue;
        } else {
            break;
        }
        end = word_end;
        at = word_end + gap_at(text, word_end);
        if at == word_end {
            break;
        }
    }
    if end == 0 {
        return None;
    }
    let mut value = total.checked_add(current.unwrap_or(Decimal::ZERO))?;
    if half {
        value = value.checked_mul(Decimal::new(5, -1))?;
    }
    Some((Amount::Exact(value), end))
}

/// The value of a number word ("sixty", "one"), if it is one.
fn cardinal(word: &str) -> Option<Decimal> {
    if word == ONE {
        return Some(Decimal::whole(1));
    }
    CARDINALS
        .iter()
        .find(|(cardinal, _)| *cardinal == word)
        .map(|&(_, value)| Decimal::whole(u128::from(value)))
}

/// The power of ten a multiplier ("million") multiplies by, whatever its case.
fn multiplier(word: &str) -> Option<i32> {
    MULTIPLIERS
        .iter()
        .find(|(multiplier, _)| multiplier.eq_ignore_ascii_case(word))
        .map(|&(_, power)| power)
}

/// The length of the percent sign or words `text` starts with ("%", " per cent").
fn percent_at(text: &str) -> Option<usize> {
    let spaces = spaces_at(text, 0);
    let rest = &text[spaces..];
    if rest.starts_with('%') {
        return Some(spaces + 1);
    }
    if spaces == 0 {
        return None;
    }
    let (word, word_end) = letters_at(rest, 0)?;
    if word.eq_ignore_ascii_case("percent") {
        return Some(spaces + word_end);
    }
    if !word.eq_ignore_ascii_case("per") {
        return None;
    }
    let (cent, cent_end) = letters_at(rest, word_end + spaces_at(rest, word_end))?;
    cent.eq_ignore_ascii_case("cent")
        .then_some(spaces + cent_end)
}

/// The word of letters starting at byte `at` of `text` and where it ends; `None` when
/// no letter is there.
fn letters_at(text: &str, at: usize) -> Option<(&str, usize)> {
    let rest = text.get(at..)?;
    let length = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    (length > 0).then(|| (&rest[..length], at + length))
}

/// The length of the spaces starting at byte `at` of `text`.
fn spaces_at(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    rest.len() - rest.trim_start().len()
}

/// The length of what separates two number words at byte `at`: spaces or one hyphen.
fn gap_at(text: &str, at: usize) -> usize {
    if text[at..].starts_with('-') {
        1
    } else {
        spaces_at(text, at)
    }
}

/// Whether `word` is one of `words`, whatever its case.
fn is_listed(words: &[&str], word: &str) -> bool {
    words.iter().any(|listed| listed.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quantity at the start of `text`.
    fn quantity(text: &str) -> Quantity {
        read_quantity(text)
            .unwrap_or_else(|| panic!("no quantity in {text:?}"))
            .quantity
    }

    /// The exact amount at the start of `text`.
    fn amount(text: &str) -> Decimal {
        match quantity(text).amount {
            Amount::Exact(value) => value,
            Amount::Vague(words) => panic!("{text:?} is vague: {words}"),
        }
    }

    #[test]
    fn one_amount_however_written() {
        let sixty_thousand = Decimal::whole(60_000);
        for written in [
            "60,000 people",
            "60000",
            "sixty thousand",
            "Sixty Thousand people",
            "60 thousand",
        ] {
            assert_eq!(amount(written), sixty_thousand, "{written}");
        }
        assert_eq!(amount("3.5 million"), amount("3,500,000"));
        assert_eq!(amount("1.000.000"), Decimal::whole(1_000_000));
        assert_eq!(amount("$5bn"), Decimal::whole(5_000_000_000));
        assert_eq!(amount("Ten people"), Decimal::whole(10));
        assert_eq!(amount("twenty-five"), Decimal::whole(25));
        assert_eq!(
            amount("two hundred and fifty thousand"),
            Decimal::whole(250_000)
        );
        assert_eq!(amount("a hundred"), Decimal::whole(100));
        assert_eq!(amount("two dozen"), Decimal::whole(24));
        assert_eq!(amount("half a dozen"), Decimal::whole(6));
        assert_eq!(amount("half a million"), Decimal::whole(500_000));
        assert_eq!(amount("0.10"), Decimal::new(1, -1));
        assert_ne!(amount("60,000"), amount("50,000"));
    }

    #[test]
    fn qualifiers_currencies_and_percentages() {
        let read = read_quantity("at least 400,000 people").unwrap();
        assert_eq!(read.quantity.bound, Some(Bound::AtLeast));
        assert_eq!((read.qualifier_length, read.length), (9, 16));
        assert_eq!(quantity("around 60,000"), quantity("about sixty thousand"));
        assert_eq!(quantity("more than 5"), quantity("over five"));
        assert_ne!(quantity("at least 400,000"), quantity("400,000"));
        assert_eq!(quantity("40%"), quantity("40 per cent"));
        assert_eq!(quantity("40 percent"), quantity("40%"));
        assert_ne!(quantity("40%"), quantity("40"));
        assert_eq!(quantity("$ 5 million").currency, Some('$'));
        assert_ne!(quantity("$5 million"), quantity("€5 million"));
        assert_eq!(read_quantity("3.5 per cent, or").unwrap().length, 12);
    }

    #[test]
    fn vague_quantities_compare_by_their_words() {
        assert_eq!(quantity("Tens of thousands"), quantity("Ten of thousands"));
        assert_eq!(
            read_quantity("Ten of thousands of people").unwrap().length,
            16
        );
        assert_ne!(quantity("Hundreds"), quantity("Dozens"));
        assert_eq!(amount("ten of the towns"), Decimal::whole(10));
    }

    #[test]
    fn not_quantities() {
        for text in ["people", "a few", "", "and ten", "half the town", "%"] {
            assert!(read_quantity(text).is_none(), "{text}");
        }
        let digits = "9".repeat(60);
        assert!(read_quantity(&digits).is_none());
    }
}
