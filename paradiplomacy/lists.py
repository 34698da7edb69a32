"""The items of a list of noun phrases, read along the text rather than the tree.

"предусматривает обмен коммерческой информацией, проведение взаимных деловых встреч, посещение
выставок и другие мероприятия": the parser hangs such lists in ways that cut items short
("проведение" alone) or drop them (an item made a conjunct of another noun). The case of the
nouns is steadier: each item starts with a noun in the case of the first, while complements inside
an item ("содействие заключению и реализации договоров") are in other cases.
"""

from .morph import normalize_phrase

# inanimate nouns are alike in the nominative and the accusative, and the tagger mixes the two
SAME_FORM = {"Nom": {"Nom", "Acc"}, "Acc": {"Nom", "Acc"}}
MODIFIERS = ("ADJ", "DET", "NUM")


def list_items(first, tokens: list) -> list[str]:
    """The items of the list that starts with the noun ``first`` among the sentence's ``tokens``,
    each in the nominative; the list ends where the clause does (a finite verb, or a mark other than
    a comma)."""
    case = first.feats.get("Case", "")
    cases = SAME_FORM.get(case, {case})
    start = tokens.index(first)
    while start > 0 and tokens[start - 1].pos in MODIFIERS:
        start -= 1
    items, current = [], []
    for i in range(start, len(tokens)):
        token = tokens[i]
        if token.pos in ("VERB", "AUX") and token.feats.get("VerbForm") == "Fin":
            break
        if token.pos == "PUNCT" and token.text != "," and not (token.text == "." and i + 1 < len(tokens)):
            break  # a full stop inside the sentence ends an abbreviation ("г. Стаханова"), not the list
        if token.text == "," or token.pos == "CCONJ":
            following = next((t for t in tokens[i + 1:] if t.pos not in MODIFIERS + ("CCONJ", "ADV")), None)
            if following is not None and following.pos == "NOUN" and following.feats.get("Case", "") in cases:
                items.append(current)
                current = []
                continue
        current.append(token)
    items.append(current)
    return [phrase(item, cases) for item in items if item]


def phrase(tokens: list, cases: set[str]) -> str:
    """One item in the nominative: its first noun of the list's case is its head."""
    words = list(tokens)
    while words and words[-1].pos in ("CCONJ", "PUNCT"):
        words.pop()
    while words and (words[0].text.lower() == "также" or words[0].pos in ("CCONJ", "PUNCT")):
        words.pop(0)  # "..., а также летний отдых детей": the item starts after "а также"
    nouns = [t for t in words if t.pos == "NOUN"]
    head = next((t for t in nouns if t.feats.get("Case", "") in cases), nouns[0] if nouns else None)
    return normalize_phrase(words, head) if head is not None else ""
