"""What the book says about one case, computed from the output tables.

Each function takes the dictionary of tables that ``paradiplomacy.tables.read_tables``
returns and a case name, and returns a table or a short English string.
"""

import re
from collections import Counter
from functools import lru_cache

import pandas as pd

from paradiplomacy.codebook import statuses
from paradiplomacy.datafiles import read_data
from paradiplomacy.dates import find_dates
from paradiplomacy.framing import OF_ITS_TIME
from paradiplomacy.gazetteer import ever_held_by_another, find_place, place_by_id, state_names, status_at
from paradiplomacy.output import join_list, split_list

from .charts import spheres_matrix
from .codes import duration, in_words, label
from .names import Names, outlet_name
from .network import GOVERNMENT_LEVELS, LEVELS, government_levels
from .site import article_numbers


def docs_of(tables, case) -> set[str]:
    d = tables["documents"]
    return set(d[(d.status == "ok") & (d.case == case)].doc_id)


def agreements_of(tables, case) -> pd.DataFrame:
    return tables["agreements"][tables["agreements"].doc_id.isin(docs_of(tables, case))]


def events_of(tables, case) -> pd.DataFrame:
    return tables["events"][tables["events"].doc_id.isin(docs_of(tables, case))]


def occasions_of(tables, case) -> pd.DataFrame:
    """The case's events less the meetings held during one of its visits (events.part_of): one row per occasion."""
    events = events_of(tables, case)
    return events[events.part_of == ""]


def persons_of(tables, case) -> pd.DataFrame:
    """The persons of the case, in English with the Cyrillic beside, the offices the case's articles give
    them in English with the texts' words beside them, and the body or territory of the office in English."""
    from .speech import office_gloss

    names = Names.of(tables)
    docs = docs_of(tables, case)
    actors = tables["actors"].set_index("actor_id")
    m = tables["mentions"]
    m = m[m.doc_id.isin(docs) & m.actor_id.isin(actors[actors.type == "person"].index)]
    installed = set(actors[actors.type == "occupation_authority"].name)
    rows = []
    for actor_id, group in m.groupby("actor_id", sort=False):
        roles = list(dict.fromkeys(r for r in group.role if r))
        # an office of the "DPR" is the authority's own title, not one the book grants it
        of_installed = actors.affiliation[actor_id] in installed
        rows.append({"person": names.both(actors.name[actor_id]),
                     "office (the text's words)": "; ".join(office_gloss(r, of_installed) for r in roles),
                     "body or territory of the office": affiliation_english(actors.loc[actor_id], names),
                     "mentions": len(group)})
    columns = ["person", "office (the text's words)", "body or territory of the office", "mentions"]
    return pd.DataFrame(rows, columns=columns).sort_values("person")


def affiliation_english(person, names: Names) -> str:
    """The body or territory of a person's office in English (an actors row), marked where the text does not give it
    in the office's words but the pipeline inferred it from the places named before (actors.affiliation_basis); "not
    stated" for an office whose body the text does not give, "" for a person with no office."""
    if not person.affiliation:
        return "not stated" if person.roles else ""
    english = names.english(person.affiliation)
    return f"{english} (inferred from context)" if person.affiliation_basis == "inferred" else english


def gloss(agreement, names: Names, unnamed: dict | None = None) -> str:
    """An English gloss of an agreement record, from its fields; parties the text gives only by a role shared out
    among the sides (``unnamed``: register.unnamed_parties) are said to be inferred, with the text's words."""
    parties = [names.english(p) for p in split_list(agreement.parties)]
    text = f"{label(agreement.kind)}, {agreement.status}"
    if parties:
        text += ", between " + ", ".join(parties[:-1]) + (" and " if len(parties) > 1 else "") + parties[-1]
        words = sorted({w for (doc_id, p), w in (unnamed or {}).items() if doc_id == agreement.doc_id and p in split_list(agreement.parties)})
        bases = [b for b in split_list(getattr(agreement, "party_basis", "")) if b not in ("named", "each_side")]
        if words:
            text += f" (inferred: the text says only “{'”, “'.join(words)}”, one body for each side)"
        elif bases:
            from .register import inferred_note

            text += f" ({inferred_note(bases[0], None)})"
    else:
        text += ", its parties not named in the sentence"
    if agreement.signatories:
        text += "; signed by " + ", ".join(names.english(s) for s in split_list(agreement.signatories))
    if agreement.date:
        text += f"; dated {agreement.date}"
    if agreement.duration:
        text += f"; for {duration(agreement.duration)}"
    if agreement.renewal:
        text += "; to renew itself, as the text says" if agreement.renewal == "automatic" else "; may be extended"
    return text[0].upper() + text[1:] + "."


def evidence_label(agreement, numbers: dict[str, int]) -> str:
    """"Article 3: cooperation agreement, signed": what a reader can find again, instead of the record's id."""
    return f"Article {numbers[agreement.doc_id]}: {label(agreement.kind)}, {agreement.status}"


def partners(tables, case) -> list[tuple[str, str]]:
    """(partner, status under international law at the agreement's article's date) for every place a party stands
    for outside Russia, or inside it but controlled by another state."""
    relations = tables["relations"]
    name_of = dict(zip(tables["actors"].actor_id, tables["actors"].name))
    home = {name_of.get(r.source): name_of.get(r.target) for r in relations[relations.relation == "based_in"].itertuples()}
    dates = publication_dates(tables)
    found = {}
    for agreement in agreements_of(tables, case).itertuples():
        for party in split_list(agreement.parties):
            place = find_place(party) or find_place(home.get(party, "") or "")
            date = dates.get(agreement.doc_id, "")
            if place and (place.state != "Russia" or status_at(place.place_id, date).controlled_by):
                found[place.name_latin] = legal_status(place, date)
    return sorted(found.items())


def publication_dates(tables) -> dict[str, str]:
    return dict(zip(tables["documents"].doc_id, tables["documents"].published))


def legal_status(place, date: str) -> str:
    """"part of Ukraine under international law; occupied by Russia since 2014 (as of 2024)": the status at ``date``."""
    if place.type == "country":
        return "sovereign state"
    status = status_at(place.place_id, date)
    if not ever_held_by_another(place):
        return f"in {status.state}"  # no control ever disputed: nothing to date
    if not date:
        return f"in {status.state}; the article is undated"  # what held it then is not known: no status is implied
    text = f"part of {status.state} under international law"
    if status.controlled_by and place.type == "occupation_authority":
        # the authority itself is the occupier's; what changed over time is how much of the region it holds
        text = (f"an authority installed by {status.controlled_by} in the occupied part of {status.state} since {status.since[:4]}"
                + (f"; the occupied area it nominally administers grew from {status.extended[:4]}" if status.extended else ""))
    elif status.controlled_by:
        held = "occupied by" if status.controlled_by in state_names().values() else "held by"
        text += f"; {'in part ' if status.extent == 'in part' else ''}{held} {status.controlled_by} since {status.since[:4]}"
        text += f", more since {status.extended[:4]}" if status.extended else ""
    return text + f"; as of {date[:4]}"


def places_abroad(tables, case) -> list[tuple[str, str]]:
    """(place, status at the latest article of the case that names it) for every gazetteer place outside Russia
    that the case's articles name, or inside it but controlled by another state."""
    docs = docs_of(tables, case)
    dates = publication_dates(tables)
    found = {}
    for row in tables["actors"].itertuples():
        place = place_by_id(row.place_id) if row.place_id else None
        named = set(split_list(row.doc_ids)) & docs
        if place is None or not named:
            continue
        date = max(dates.get(d, "") for d in named)
        if place.state not in ("Russia", "") or status_at(place.place_id, date).controlled_by:
            found[place.name_latin] = legal_status(place, date)
    return sorted(found.items())


@lru_cache(maxsize=1)
def not_outlet_phrases() -> tuple[str, ...]:
    return tuple(row["phrase"].lower() for row in read_data("source_kinds.csv", __package__))


def is_outlet(note: str) -> bool:
    """Whether a source is an outlet, by its manifest note: "a post by a forum user, not an outlet" is not
    (data/source_kinds.csv)."""
    return not any(phrase in (note or "").lower() for phrase in not_outlet_phrases())


def outlets_phrase(documents: pd.DataFrame) -> str:
    """"two outlets; besides them, one source that the manifest says is not an outlet (forum post (user zerro-ai))"."""
    d = documents[(documents.status == "ok") & (documents.outlet != "")].drop_duplicates("outlet")
    outlets = d[d.outlet_note.map(is_outlet)]
    others = d[~d.outlet_note.map(is_outlet)]
    text = in_words(len(outlets), "outlet")
    if len(others):
        text += (f"; besides them, {in_words(len(others), 'source')} that the manifest says "
                 f"{'is' if len(others) == 1 else 'are'} not an outlet ({', '.join(sorted(map(outlet_name, others.outlet)))})")
    return text


def sources_of(tables, case) -> str:
    """The outlets of the case's articles as the manifest records them, each with its articles' numbers; an article
    of no outlet (or of one that is none) whose page's address is not recorded either is "unverified"; the sources an
    article says it relays (documents.relays, in English where relay_english can render them) and its photo credit
    follow: "OstroV (ОстроВ), relaying press service of the administration of Lipetsk Oblast (пресс-служба администрации
    Липецкой области) (article 3); no outlet recorded, unverified: no address recorded (article 4)"."""
    d = tables["documents"]
    numbers = article_numbers(d)
    by_outlet: dict[str, list[int]] = {}
    for row in d[d.doc_id.isin(docs_of(tables, case))].itertuples():
        outlet = bool(row.outlet) and is_outlet(row.outlet_note)
        source = outlet_name(row.outlet) if outlet or not row.outlet else f"{outlet_name(row.outlet)}, not an outlet"
        source = (source or "no outlet recorded") + ("" if outlet or row.url else ", unverified: no address recorded")
        relayed = [relay_english(tables, row.doc_id, phrase) for phrase in split_list(row.relays)]
        source += f", relaying {' and '.join(relayed)}" if relayed else ""
        source += f", whose photo the page credits to {row.photo_credit.replace(' | ', ' and ')}" if row.photo_credit else ""
        by_outlet.setdefault(source, []).append(numbers[row.doc_id])
    return "; ".join(f"{outlet} (article{'s' if len(n) > 1 else ''} {', '.join(map(str, sorted(n)))})"
                     for outlet, n in sorted(by_outlet.items(), key=lambda item: min(item[1])))


def relay_english(tables, doc_id: str, phrase: str) -> str:
    """A source an article relays, in English with the text's words beside it: a body the article names there by
    its English name ("Липецкой торгово-промышленной палате": Lipetsk Chamber of Commerce and Industry), a press
    service by its office's words ("пресс-служба администрации Липецкой области": press service of the
    administration of Lipetsk Oblast); else the text's words alone, in quotation marks."""
    from .speech import office_english

    m = tables["mentions"]
    said = m[(m.doc_id == doc_id) & (m.text == phrase)]
    names = dict(zip(tables["actors"].actor_id, tables["actors"].name))
    if len(said) and said.actor_id.iloc[0] in names:
        return f"{Names.of(tables).english(names[said.actor_id.iloc[0]])} ({phrase})"
    english = office_english(phrase)
    return f"{english} ({phrase})" if phrase not in english else f"“{phrase}” (the text's words)"


def count_phrase(counter: Counter, order=None) -> str:
    """"cooperation agreement (4), twinning (1)": counts without English plurals to get wrong."""
    keys = [k for k in (order or sorted(counter)) if counter.get(k)]
    return ", ".join(f"{label(k)} ({counter[k]})" for k in keys) or "none"


def levels_phrase(counter: Counter) -> str:
    """"regional (3), national (1); not a level of government: chamber (2)": the levels of government first, then
    the parties that are none (a chamber of commerce is a non-state business association)."""
    government = count_phrase(Counter({k: n for k, n in counter.items() if k in GOVERNMENT_LEVELS}), list(GOVERNMENT_LEVELS))
    others = Counter({k: n for k, n in counter.items() if k not in GOVERNMENT_LEVELS})
    return government + (f"; not a level of government: {count_phrase(others, list(LEVELS))}" if others else "")


def levels_of(tables, case) -> Counter:
    relations = tables["relations"]
    ids = set(agreements_of(tables, case).agreement_id)
    rows = relations[relations.relation.isin(["party_to", "signed"]) & relations.agreement_id.isin(ids)]
    return Counter(government_levels(rows.source, tables["actors"], relations))


def signatory_offices(tables, case) -> list[str]:
    """The first office the texts give each signatory, in English with the text's words beside it where it can be
    rendered ("head of Izmalkovsky District (глава Измалковского района)"), else as the text writes it."""
    from .speech import office_gloss

    roles = dict(zip(tables["actors"].name, tables["actors"].roles))
    names = [s for v in agreements_of(tables, case).signatories for s in split_list(v)]
    offices = {(split_list(roles.get(n, "")) or [""])[0] for n in names}
    return sorted(office_gloss(o) if o else "no office given" for o in offices)


TITLE_WINDOW = 20  # characters around a person's name beyond the length of the office, where its words may stand


def topic_texts(tables, clean_texts: dict[str, str]) -> dict[str, str]:
    """Each article's text with the names of bodies and the words of persons' offices blanked out, so that a sphere
    counts where the article speaks of it, not where it names "министром промышленности и торговли" or
    "Министерство сельского хозяйства" (the mentions table gives where each name stands and each person's office)."""
    types = dict(zip(tables["actors"].actor_id, tables["actors"].type))
    masked = {doc: list(text) for doc, text in clean_texts.items()}
    for m in tables["mentions"][tables["mentions"].doc_id.isin(set(clean_texts))].itertuples():
        chars, text = masked[m.doc_id], clean_texts[m.doc_id]
        if types.get(m.actor_id) == "organization":
            chars[m.start : m.stop] = " " * (m.stop - m.start)
        elif m.role:
            stems = {w[:5] for w in re.findall(r"\w+", m.role.lower()) if len(w) > 3}
            reach = len(m.role) + TITLE_WINDOW
            # before the name back to the sentence's start, after it to the sentence's end: the office's own sentence
            begin = max(m.start - reach, max(text.rfind(c, 0, m.start) for c in ".!?\n") + 1)
            ends = [i for c in ".!?\n" if (i := text.find(c, m.stop)) >= 0]
            end = min([m.stop + reach] + ends)
            for word in re.finditer(r"\w+", text[begin:end]):
                if word.group().lower()[:5] in stems:
                    chars[begin + word.start() : begin + word.end()] = " " * len(word.group())
    return {doc: "".join(chars) for doc, chars in masked.items()}


def spheres_of(tables, case, clean_texts: dict[str, str]) -> tuple[list[str], list[str]]:
    """Spheres of the case's agreements (of their scope, as the register gives them), and spheres its articles
    mention, less the names of bodies and persons' offices (topic_texts)."""
    a = agreements_of(tables, case)
    by_agreement = spheres_matrix(a.scope, pd.Series([case] * len(a)), [case]).loc[case]
    docs = sorted(docs_of(tables, case))
    topics = topic_texts(tables, {d: clean_texts[d] for d in docs})
    by_article = spheres_matrix(pd.Series([topics[d] for d in docs]), pd.Series([case] * len(docs)), [case]).loc[case]
    return [s for s, n in by_agreement.items() if n], [s for s, n in by_article.items() if n]


def date_range(tables, case) -> str:
    """The dates of the case, each with the articles it comes from, and the articles the pipeline could not date
    named as such: "published 2025 (article 4); an act dated 2024 (article 2); no date found (articles 1, 3)",
    never a bare year beside a count of undated articles."""
    a = agreements_of(tables, case)
    docs = tables["documents"][tables["documents"].doc_id.isin(docs_of(tables, case))]
    numbers = article_numbers(tables["documents"])
    published: dict[tuple[str, bool], set[int]] = {}
    for row in docs.itertuples():
        # a date inferred from the events the text reports is no publication date the page gives
        published.setdefault((row.published, row.date_basis == "inferred"), set()).add(numbers[row.doc_id])
    acts: dict[str, set[int]] = {}
    for row in a[a.date != ""].itertuples():  # an act's own date, where its sentence gives one
        acts.setdefault(row.date, set()).add(numbers[row.doc_id])
    undated = published.pop(("", False), set()) | published.pop(("", True), set())
    parts = [(f"written about {date} (inferred from the events it reports)" if inferred else f"published {date}") + f" ({articles_phrase(n)})"
             for (date, inferred), n in sorted(published.items())]
    parts += [f"an act dated {date} ({articles_phrase(n)})" for date, n in sorted(acts.items())]
    if undated:
        parts.append(f"no date found ({articles_phrase(undated)})")
    return "; ".join(parts)


def undated_articles(tables, case) -> str:
    """"two of the case's three articles (1 and 3)": the case's articles in which the pipeline found no date, or "none
    of the case's articles"."""
    d = tables["documents"]
    numbers = article_numbers(d)
    own = d[d.doc_id.isin(docs_of(tables, case))]
    undated = sorted(numbers[r.doc_id] for r in own.itertuples() if not r.published)
    if not undated:
        return "none of the case's articles"
    listed = f"{', '.join(map(str, undated[:-1]))} and {undated[-1]}" if len(undated) > 1 else str(undated[0])
    count = "all" if len(undated) == len(own) else in_words(len(undated))
    return f"{count} of the case's {in_words(len(own), 'article')} ({listed})"


def date_conflicts(tables, case) -> str:
    """A sentence on the case's articles whose page states a date earlier than events their text reports as past
    ("Article 4's page states 2012-12-28, earlier than events its text reports (2025); the tables date it 2025, from
    those events."), or that there is none."""
    d = tables["documents"]
    numbers = article_numbers(d)
    rows = d[d.doc_id.isin(docs_of(tables, case)) & (d.date_conflict.astype(str) == "True")]
    said = [f"Article {numbers[r.doc_id]}'s page states {r.date_stated}, earlier than events its text reports as past "
            f"({r.date_inferred}); the tables date it {r.published}, from those events" for r in rows.itertuples()]
    return ("; ".join(said) + ".") if said else "No article's stated date is earlier than the events its text reports."


def articles_phrase(numbers) -> str:
    """"article 4", "articles 1, 3"."""
    numbers = sorted(numbers)
    return f"article{'s' if len(numbers) > 1 else ''} {', '.join(map(str, numbers))}"


@lru_cache(maxsize=1)
def clue_patterns() -> list[tuple[str, re.Pattern]]:
    return [(row["clue"], re.compile(row["pattern"], re.I)) for row in read_data("date_clues.csv", __package__)]


def date_clues(tables, case, clean_texts: dict[str, str]) -> list[tuple[int, str, str]]:
    """(article number, kind of clue, the text's words) for every clue to its time (data/date_clues.csv) in the
    case's articles that the pipeline left undated, in the order of the articles and of the text. Evidence for the
    reader to weigh: the pipeline dates nothing by them."""
    d = tables["documents"]
    numbers = article_numbers(d)
    undated = sorted(numbers[doc_id] for doc_id in docs_of(tables, case) if not dict(zip(d.doc_id, d.published))[doc_id])
    by_number = {n: doc_id for doc_id, n in numbers.items()}
    found = []
    for number in undated:
        text = clean_texts[by_number[number]]
        matches = sorted((m.start(), clue, " ".join(m.group(0).split())) for clue, pattern in clue_patterns() for m in pattern.finditer(text))
        found += [(number, clue, words) for _, clue, words in matches]
    return found


def date_clues_phrase(clues: list[tuple[int, str, str]]) -> str:
    """"article 1: «85 лет назад ставил свои рекорды» (a number of years before the article); article 3: ..."."""
    by_article: dict[int, list[str]] = {}
    for number, clue, words in clues:
        by_article.setdefault(number, []).append(f"«{words}» ({clue})")
    return "; ".join(f"article {n}: " + ", ".join(items) for n, items in by_article.items()) or "none"


def page_dates(tables) -> dict[str, str]:
    """The dates the rest of each article's page shows (the outlet's teasers and links to other articles, removed
    as chrome), "2025-07-02 to 2025-07-06": the framing stage reads the page's words as of the latest of them
    where the article has no date of its own (paradiplomacy.framing), so they are the outlet's words of then."""
    lines = tables["lines"]
    found = {}
    for doc_id, group in lines[~lines.kept.astype(str).isin(["True"])].groupby("doc_id", sort=True):
        dates = sorted({d.iso for d in find_dates("\n".join(group.text))})
        if dates:
            found[doc_id] = dates[0] if len(dates) == 1 else f"{dates[0]} to {dates[-1]}"
    return found


def frames_of(tables, case) -> str:
    """The framing markers of the case's articles, with their words: "Russian official terms («ДНР», article 2)", and
    apart the territory words that were no framing choice at their date ("words of their time: «украинского региона»
    (article 1)"). The rest of each page (the outlet's teasers of its other articles, often of other years) describes
    the outlet, not the case: "Sources and limits" shows it."""
    f = tables["framing"]
    f = f[f.doc_id.isin(docs_of(tables, case)) & (f["where"] == "article")]
    numbers = article_numbers(tables["documents"])
    said = lambda rows: ", ".join(f"«{r.example}», article {numbers[r.doc_id]}" for r in rows.itertuples())
    framed, of_its_time = f[f.frame != OF_ITS_TIME], f[f.frame == OF_ITS_TIME]
    parts = ["; ".join(f"{label(frame)} ({said(rows)})" for frame, rows in framed.groupby("frame")) or "no framing marker"]
    if len(of_its_time):
        parts.append(f"{label(OF_ITS_TIME)}: {said(of_its_time)}")
    return "; ".join(parts)


def profile(tables, case, clean_texts: dict[str, str]) -> dict[str, str]:
    """One column of the comparison table."""
    a = agreements_of(tables, case)
    spheres_signed, spheres_said = spheres_of(tables, case, clean_texts)
    return {
        "articles": in_words(len(docs_of(tables, case))),
        "source": sources_of(tables, case),
        "places and authorities abroad the articles name": "; ".join(f"{p} ({s})" for p, s in places_abroad(tables, case)) or "none",
        "agreement partners abroad (places or authorities)": "; ".join(f"{p} ({s})" for p, s in partners(tables, case)) or "none",
        "legal instruments": count_phrase(Counter(a.kind)),
        "stage": count_phrase(Counter(a.status), list(statuses())),
        "levels of government (parties and signatories)": levels_phrase(levels_of(tables, case)),
        "signatories' offices": "; ".join(signatory_offices(tables, case)) or "none named",
        "spheres of the agreements": ", ".join(spheres_signed) or "none",
        "spheres the articles mention": ", ".join(spheres_said) or "none",
        "occasions (meetings, visits, sessions)": in_words(len(occasions_of(tables, case))),
        "dates": date_range(tables, case),
        "framing markers": frames_of(tables, case),
    }


def summary(tables, case) -> str:
    """What the case's articles report, in one sentence of words: "three articles; seven agreement records
    in four relationships: four signed, two planned, one agreed without a document; two meetings, visits or sessions"."""
    agreements = agreements_of(tables, case)
    stages = Counter(agreements.status)
    stage_words = {"agreed": "agreed without a document"}
    stage_text = ", ".join(f"{in_words(stages[s])} {stage_words.get(s, s)}" for s in statuses() if stages.get(s))
    text = in_words(len(docs_of(tables, case)), "article") + "; "
    if len(agreements):
        text += (in_words(len(agreements), "agreement record") + " in "
                 + in_words(agreements.relationship_id.nunique(), "relationship") + f" ({stage_text})")
    else:
        text += "no agreement"
    occasions = len(occasions_of(tables, case))
    return text + "; " + (in_words(occasions, "occasion (a visit, meeting or session)", "occasions (visits, meetings or sessions)")
                          if occasions else "no meeting or visit")


def relationships_phrase(agreements) -> str:
    """What the register holds of a case: "the case's four relationships, with their stages and sources", or that it
    holds none."""
    n = agreements.relationship_id.nunique()
    if not n:
        return "no relationship of this case (no agreement record binds its places)"
    return f"the case's {in_words(n, 'relationship')}, with {'its' if n == 1 else 'their'} stages and sources"


def glue_case(tables, case, glue) -> None:
    """Glue the sentences a case chapter's prose uses."""
    values = {
        "summary": summary(tables, case),
        "partners": "; ".join(f"{p} ({s})" for p, s in partners(tables, case)) or "none (no agreement)",
        "places_abroad": "; ".join(f"{p} ({s})" for p, s in places_abroad(tables, case)) or "none",
        "source": sources_of(tables, case),
        "signatory_offices": "; ".join(signatory_offices(tables, case)) or "none named",
        "levels": levels_phrase(levels_of(tables, case)),
        "undated": undated_articles(tables, case),
        "relationships": relationships_phrase(agreements_of(tables, case)),
        "date_conflicts": date_conflicts(tables, case),
    }
    for key, value in values.items():
        glue(key, value, display=False)


DELEGATION_NOTE_LABEL = "a delegation or official at a meeting, visit or session"  # charts.DELEGATION_LABEL
SHADING_NOTE = ("The regions held at each map's date by a state other than the one they belong to are shaded, and the legend "
                "says who holds each (Russian occupation, or de facto authorities such as Transnistria's): a region held "
                "whole (Crimea) filled, an oblast held only in part hatched whole. Region outlines are approximate, a few "
                "kilometres off the true borders (the relations appendix says how they are drawn).")


def shades_held_regions(fig) -> bool:
    """Whether a map figure shades a region held by another state: its legend has an entry that
    occupation.held_label wrote ("under Russian occupation at the date", "oblast partly under ... at the date (...)")."""
    return any("at the date" in t.get_text() for legend in fig.legends for t in legend.get_texts())


PERIODS_NOTE = ("Material of several periods (before 2014, 2014 to 2021, since 2022, undated) is drawn as one map per "
                "period; a map of undated articles shades nothing, as the control at their date is not known.")


def contested_places(tables, case) -> bool:
    """Whether any place the case's articles name was ever held by a state other than its own (control_periods.csv)."""
    m = tables["mentions"]
    ids = set(m[m.doc_id.isin(docs_of(tables, case)) & (m.place_id != "")].place_id)
    return any((place := place_by_id(i)) is not None and ever_held_by_another(place) for i in ids)


def map_note(fig, tables, case) -> str:
    """What the case's map shades, for its caption: the shading explained where the map shades a held region, else
    why it shades none (the case's articles undated, or no held region within the map's frame at its dates); and,
    where the map is one per period, that it is."""
    d = tables["documents"]
    dated = d[d.doc_id.isin(docs_of(tables, case))].published.astype(bool).any()
    if shades_held_regions(fig):
        note = SHADING_NOTE
    elif not dated and contested_places(tables, case):
        note = "Nothing is shaded: the case's articles are undated, so the control of the places at their date is not known."
    elif not dated:
        note = "Nothing is shaded: no place the case's articles name has been held by a state other than its own."
    else:
        note = "Nothing is shaded: no region held by a state other than its own lies on this map at its date."
    if not len(agreements_of(tables, case)):
        note += " The case's articles report no agreement between governments, so no line is an agreement."
    if any(t.get_text() == DELEGATION_NOTE_LABEL for legend in fig.legends for t in legend.get_texts()):
        note += (" A dotted arrow runs from the place whose delegation the text names, or of an official's office, to the"
                 " meeting, visit or session it took part in, labelled with its kind and year (the article's, where the"
                 " sentence gives none).")
    return note + (" " + PERIODS_NOTE if len(fig.axes) > 1 else "")


def case_map(tables, case):
    """The map of one case: its places, the states, and its agreements labelled with stage and year."""
    from . import charts

    t = tables
    return charts.map_figure(t["agreements"], t["relations"], t["actors"], t["documents"], case=case,
                             title=f"The {charts.case_label(case)} case on the map", events=t.get("events"))
