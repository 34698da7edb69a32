"""Who said what: a case's quotations, and how each side speaks of its partner (quotations.csv).

Speakers are named in Cyrillic with their Latin name, offices in English where the office noun
and the places after it are known (``data/offices.csv``, the gazetteer), quotations verbatim in
Russian.
"""

from functools import lru_cache

import pandas as pd

from paradiplomacy.datafiles import read_data
from paradiplomacy.framing import marker_matches
from paradiplomacy.gazetteer import find_place, lemma_key, status_at

from .casebook import docs_of
from .codes import in_words, label
from .names import Names, quote_authorities
from .site import article_numbers

PREPOSITIONS = {"в": "in", "при": "to"}  # "посол Беларуси в России", "представитель при ..."


@lru_cache(maxsize=1)
def office_words() -> dict[str, str]:
    return {row["lemma"]: row["english"] for row in read_data("offices.csv", "paradiplomacy_book")}


@lru_cache(maxsize=1)
def accredited_offices() -> frozenset[str]:
    """The envoys' offices of data/offices.csv: "посол Беларуси в России" is ambassador to Russia."""
    return frozenset(row["lemma"] for row in read_data("offices.csv", "paradiplomacy_book") if row["accredited"] == "yes")


def office_english(office: str) -> str:
    """"губернатор Липецкой области" -> "governor of Lipetsk Oblast"; what cannot be rendered stays in Russian. An
    office of two words is looked up whole first ("государственный секретарь")."""
    if not office:
        return ""
    words = office.split(" ")
    two = office_words().get(lemma_key(" ".join(words[:2]))) if len(words) > 1 else None
    head, rest = (" ".join(words[:2]), " ".join(words[2:])) if two else (words[0], " ".join(words[1:]))
    english = two or office_words().get(lemma_key(head))
    if english is None:
        return office
    if not rest:
        return english
    parts, pieces, current = [], [], []  # parts: the English of each piece ("of industry and trade", "of Lipetsk Oblast")
    for word in rest.split():
        if word in PREPOSITIONS and current:
            pieces.append(current)
            current = [word]
        else:
            current.append(word)
    pieces.append(current)
    for piece in pieces:
        preposition = PREPOSITIONS.get(piece[0]) if piece[0] in PREPOSITIONS else None
        if preposition == "in" and lemma_key(head) in accredited_offices():
            preposition = "to"  # an envoy is accredited to the state, not merely in it
        portfolio, left = complement_of(piece[1:] if preposition else piece)
        place = find_place(" ".join(left)) if left else None
        if left and place is None or not (portfolio or place):
            return f"{english} ({office})"
        parts += [f"of {portfolio}"] if portfolio else []
        the = "the " if place is not None and "Republic" in place.name_latin else ""  # "of the Republic of Crimea"
        parts += [f"{preposition or 'of'} {the}{place.name_latin}"] if place else []
    return quote_authorities(f"{english} {' '.join(parts)}")


@lru_cache(maxsize=1)
def office_complements() -> dict[tuple[str, ...], str]:
    return {tuple(row["words"].split()): row["english"] for row in read_data("office_complements.csv", "paradiplomacy_book")}


def complement_of(words: list[str]) -> tuple[str, list[str]]:
    """The English of the longest run of ``words`` at their start that data/office_complements.csv glosses ("промышленности
    и торговли": "industry and trade"), and the words after it; ("", words) where none does."""
    for n in range(len(words), 0, -1):
        english = office_complements().get(tuple(w.lower() for w in words[:n]))
        if english:
            return english, words[n:]
    return "", words


def office_gloss(office: str, installed: bool = False) -> str:
    """The office in English with the text's words beside it ("head of Izmalkovsky District (глава Измалковского
    района)"); an office rendered only in part already holds them ("minister (министр промышленности ...)"). An
    office of an authority an occupying state installed (``installed``) is its own title, in quotation marks
    ('"chairman of the government" (председатель правительства)')."""
    english = office_english(office)
    if installed:
        english = f"“{english}”"
    return english if office in english else f"{english} ({office})"


def speaker_label(actor_id: str, actors: pd.DataFrame, names: Names) -> str:
    """"Igor Artamonov (Игорь Артамонов)", "Lipetsk Chamber of Commerce and Industry (Липецкая ...)"; empty for none."""
    if not actor_id or actor_id not in actors.index:
        return ""
    return names.both(actors.loc[actor_id]["name"])


def quotations_of(tables, case) -> pd.DataFrame:
    q = tables["quotations"]
    return q[q.doc_id.isin(docs_of(tables, case))]


def quotations_table(tables, case, with_speaker: bool = True) -> pd.DataFrame:
    """A case's quotations (only those with a speaker, unless ``with_speaker`` is False), in text order:
    the speaker, the office in English, the kind and verb, and the words in Russian."""
    actors, names = tables["actors"].set_index("actor_id"), Names.of(tables)
    numbers = article_numbers(tables["documents"])
    q = quotations_of(tables, case)
    if with_speaker:
        q = q[q.speaker != ""]
    rows = [{"speaker": speaker_label(r.speaker, actors, names), "office": office_english(r.speaker_office),
             "said": f"{r.kind}, {r.verb}" if r.verb else r.kind, "quotation": r.quote, "article": f"Article {numbers[r.doc_id]}"}
            for r in q.itertuples()]
    return pd.DataFrame(rows, columns=["speaker", "office", "said", "quotation", "article"])


def occupied(place, date: str) -> bool:
    """Held by a state other than its own at the article's date."""
    return bool(status_at(place.place_id, date).controlled_by)


def published(tables, doc_id: str) -> str:
    documents = tables["documents"]
    return str(documents.published[documents.doc_id == doc_id].iloc[0]) if (documents.doc_id == doc_id).any() else ""


def side_of(actor_id: str, tables, date: str = "") -> str:
    """"Russian side" or "partner": where the speaker's body or office is (a place in Russia under international law
    and not occupied at the article's ``date``, or any other); empty when the tables do not say. A side, not a region:
    a Lipetsk chamber of commerce speaks from the Russian side without being the region's government."""
    actors = tables["actors"].set_index("actor_id")
    if actor_id not in actors.index:
        return ""
    relations = tables["relations"]
    home = relations[(relations.relation == "based_in") & (relations.source == actor_id)].target_name.tolist()
    affiliation = actors.affiliation[actor_id]
    if affiliation:
        based = relations[(relations.relation == "based_in") & (relations.source_name == affiliation)].target_name.tolist()
        home = [affiliation] + based + home
    for name in home:
        place = find_place(name)
        if place is not None:
            return "Russian side" if place.state == "Russia" and not occupied(place, date) else "partner"
    return ""


def partner_words(tables, quotation) -> list[str]:
    """How a quotation names the partner, as written: the places outside Russia (or occupied by it) it
    names, and the bodies based in them ("Луганской региональной ТПП")."""
    m = tables["mentions"]
    m = m[(m.doc_id == quotation.doc_id) & (m.start >= quotation.start) & (m.stop <= quotation.stop)]
    names = dict(zip(tables["actors"].actor_id, tables["actors"].name))
    relations = tables["relations"]
    based_in = dict(zip(relations[relations.relation == "based_in"].source, relations[relations.relation == "based_in"].target_name))
    found, date = [], published(tables, quotation.doc_id)
    for mention in m.itertuples():
        place = find_place(names.get(mention.actor_id, "")) or find_place(based_in.get(mention.actor_id, "") or "")
        if place is not None and (place.state != "Russia" or occupied(place, date)) and mention.text not in found:
            found.append(mention.text)
    return found


def framing_in(text: str, date: str) -> list[str]:
    """The framing markers (``paradiplomacy/data/framing.csv``) a quotation uses as of the article's ``date``, as
    "«ДНР» (Russian official)": the words quoted, the frame in English."""
    return [f"«{words[0]}» ({label(frame)})" for _, frame, words in marker_matches(text, date)]


def partner_speech(tables, cases) -> pd.DataFrame:
    """One row per quotation with a speaker in each case: the speaker, the side, how it names the partner."""
    actors, names = tables["actors"].set_index("actor_id"), Names.of(tables)
    rows = []
    for case in cases:
        for q in quotations_of(tables, case).itertuples():
            if not q.speaker:
                continue
            rows.append({"case": quote_authorities(case), "speaker": speaker_label(q.speaker, actors, names), "side": side_of(q.speaker, tables, published(tables, q.doc_id)) or "not known",
                         "names the partner as": ", ".join(f"«{w}»" for w in partner_words(tables, q)) or "(no place named)",
                         "framing words": "; ".join(framing_in(q.quote, published(tables, q.doc_id))) or "none"})
    return pd.DataFrame(rows, columns=["case", "speaker", "side", "names the partner as", "framing words"])


def partner_sentence(table: pd.DataFrame, case: str) -> str:
    """A case's quotations in one line: how many, from which side, the partner's names and the framing words."""
    rows = table[table.case == quote_authorities(case)]
    if rows.empty:
        return "no quotation with a speaker"
    sides = rows.side.value_counts()
    said = ", ".join(f"{in_words(n)} from the {side}" if side != "not known" else f"{in_words(n)} from a side not known" for side, n in sides.items())
    words = list(dict.fromkeys(w.strip() for v in rows["names the partner as"] for w in v.split(",") if w.strip().startswith("«")))
    frames = list(dict.fromkeys(f.strip() for v in rows["framing words"] if v != "none" for f in v.split(";")))
    text = f"{in_words(len(rows), 'quotation')} with a speaker ({said})"
    text += "; the partner named as " + ", ".join(words) if words else "; no partner named"
    return text + ("; framing words " + ", ".join(frames) if frames else "")


def who_says(tables, case, marker: str) -> list[tuple[str, str, str, str]]:
    """Whose words a framing marker (paradiplomacy/data/framing.csv) is in, where it stands in a quotation of the case:
    (the words, the speaker in English with the Cyrillic, how the article relays them: "reported speech, «сообщили»",
    "Article n"), in text order. The words are the speaker's as the article relays them, not the article's own."""
    from paradiplomacy.framing import markers

    pattern = next(m.pattern for m in markers() if m.marker == marker)
    actors, names = tables["actors"].set_index("actor_id"), Names.of(tables)
    numbers = article_numbers(tables["documents"])
    relayed = {"indirect": "reported speech", "direct": "direct speech"}
    found = []
    for r in quotations_of(tables, case).sort_values(["doc_id", "start"]).itertuples():
        for match in pattern.finditer(r.quote):
            how = relayed.get(r.kind, r.kind) + (f", «{r.verb}»" if r.verb else "")
            found.append((match.group(0), speaker_label(r.speaker, actors, names) or "a speaker the article does not name",
                          how, f"Article {numbers[r.doc_id]}"))
    return found


def who_says_phrase(found: list[tuple[str, str, str, str]]) -> str:
    """"«украинского региона»: the words of Lipetsk Chamber of Commerce and Industry (...), as Article 1 relays them
    (reported speech, «сообщили»)"."""
    return "; ".join(f"«{words}»: the words of {speaker}, as {article} relays them ({how})"
                     for words, speaker, how, article in found) or "in no quotation"
