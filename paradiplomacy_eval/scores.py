"""Precision and recall of the extraction against hand-annotated gold tables."""

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from paradiplomacy.gazetteer import word_kind
from paradiplomacy.output import join_list, split_list
from paradiplomacy.relations import generic_nouns

from .baseline import baseline_agreements
from .names import ABBREVIATION, FUNCTION_WORDS, TOPONYMIC, genitive, lemma_key, party_key, person_key


@dataclass
class Score:
    correct_predicted: int  # predictions that match a gold item
    predicted: int
    correct_gold: int  # gold items that some prediction matches
    gold: int

    @property
    def precision(self) -> float:
        return self.correct_predicted / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.correct_gold / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_row(self, name: str) -> dict:
        return {"measure": name, "gold": self.gold, "predicted": self.predicted, "correct": self.correct_predicted,
                "precision": round(self.precision, 3), "recall": round(self.recall, 3), "f1": round(self.f1, 3)}


def alias_map(actors: pd.DataFrame) -> dict[str, str]:
    """Abbreviation -> full name, from the aliases of the actors table."""
    longhand = {}
    for row in actors.itertuples():
        for alias in split_list(row.aliases):
            if ABBREVIATION.match(alias) and not ABBREVIATION.match(row.name):
                longhand[alias] = row.name
    return longhand


def office_lemmas(office: str, longhand: dict[str, str]) -> frozenset[str]:
    """The content lemmas of an office; "г.Астаны" is read as "г. Астаны"."""
    words = [longhand.get(w, w) for w in re.sub(r"\.(?=\w)", ". ", office).split()]
    return frozenset(lemma_key(" ".join(words)).replace("-", " ").split()) - FUNCTION_WORDS


ASIDE = re.compile(r"\s*\([^()]*\)")


def office_readings(office: str, longhand: dict[str, str]) -> frozenset[frozenset[str]]:
    """The office's lemmas (``office_lemmas``) with and without its bracketed asides: "губернатор провинции Хэйлунцзян
    (КНР)" and "руководитель республики (Татарстана)" are offices as worded and, where the aside names the body, with
    it; either reading matches."""
    return frozenset({office_lemmas(office, longhand), office_lemmas(ASIDE.sub("", office), longhand)})


PROPER_WORD = re.compile(r"(?<=[\s\"«„'])[А-ЯЁA-Z]")  # a proper word, in quotes too: "директор «Шахтёра»"


def with_affiliation(role: str, affiliation: str) -> str:
    """An office as the tables give it: a role that names no body or place of its own ("губернатор") read with the
    person's affiliation ("Воронежская область"), as a reader of the actors table reads the two columns; a place the
    role names by its kind alone ("аким региона") is the affiliation's place ("аким Жамбылской области")."""
    if not affiliation or genitive(affiliation) in role:
        return role  # "председатель комитета экономики облисполкома" names its body already
    words = role.split()
    # the kind alone, not "аким города Талдыкорган" nor "министр Чеченской Республики", which name their place
    generic = [i for i, w in enumerate(words) if w in generic_nouns() and not (words[i + 1 :] and words[i + 1][:1].isupper())
               and not (i and words[i - 1][:1].isupper())]
    if generic and word_kind(lemma_key(affiliation.split()[0])) not in ("body", "executive"):
        return " ".join(words[: generic[-1]] + [genitive(affiliation)] + words[generic[-1] + 1 :])
    if PROPER_WORD.search(role) or any(TOPONYMIC.match(w.lower()) for w in words):
        return role
    return f"{role} {genitive(affiliation)}"


def persons_in_documents(actors: pd.DataFrame, mentions: pd.DataFrame, with_bodies: bool = False) -> pd.DataFrame:
    """One row per (document, person) with the offices the text gives the person there; ``with_bodies``: each with
    the person's affiliation in that document where the office names no body of its own (``with_affiliation``), else
    the actor's."""
    persons = actors[actors.type == "person"].set_index("actor_id")
    m = mentions[mentions.actor_id.isin(persons.index)]
    rows = []
    for (doc_id, actor_id), group in m.groupby(["doc_id", "actor_id"], sort=True):
        own = [a for a in group.affiliation.fillna("") if a]
        affiliation = (own[0] if own else persons.loc[actor_id, "affiliation"]) if with_bodies else ""
        roles = list(dict.fromkeys(with_affiliation(r, affiliation) for r in group.role if r))
        rows.append({"doc_id": doc_id, "actor_id": actor_id, "name": persons.loc[actor_id, "name"], "roles": roles})
    return pd.DataFrame(rows, columns=["doc_id", "actor_id", "name", "roles"])


def score_persons(actors: pd.DataFrame, mentions: pd.DataFrame, gold: pd.DataFrame,
                  with_bodies: bool = False) -> tuple[Score, Score, pd.DataFrame]:
    """Scores for persons and for their offices, and the rows that disagree. ``with_bodies``: the gold writes each
    office with its body or territory (as the real excerpts' annotators were asked to), so an office is compared
    with the person's affiliation added where it names no body itself; otherwise as the text gives it."""
    predicted = persons_in_documents(actors, mentions, with_bodies)
    predicted = predicted[predicted.doc_id.isin(set(gold.doc_id))]
    longhand = alias_map(actors)
    pred_keys = {(r.doc_id, person_key(r.name)): r.roles for r in predicted.itertuples()}
    gold_keys = {(r.doc_id, person_key(r.name)): split_list(r.office) for r in gold.itertuples()}
    found = pred_keys.keys() & gold_keys.keys()
    persons = Score(len(found), len(pred_keys), len(found), len(gold_keys))
    office_tp_pred = office_tp_gold = 0
    errors = []
    for key in sorted(pred_keys.keys() | gold_keys.keys()):
        pred_roles, gold_roles = pred_keys.get(key, []), gold_keys.get(key, [])
        pred_sets = [office_readings(r, longhand) for r in pred_roles]
        gold_sets = [office_readings(o, longhand) for o in gold_roles]
        pred_right = sum(any(p & g for g in gold_sets) for p in pred_sets)
        gold_right = sum(any(g & p for p in pred_sets) for g in gold_sets)
        office_tp_pred, office_tp_gold = office_tp_pred + pred_right, office_tp_gold + gold_right
        if key not in found or pred_right < len(pred_sets) or gold_right < len(gold_sets):
            errors.append({"doc_id": key[0], "person": key[1], "predicted": join_list(pred_roles) if key in pred_keys else "(not found)",
                           "gold": join_list(gold_roles) if key in gold_keys else "(not in gold)"})
    n_pred_roles = sum(len(v) for v in pred_keys.values())
    n_gold_roles = sum(len(v) for v in gold_keys.values())
    offices = Score(office_tp_pred, n_pred_roles, office_tp_gold, n_gold_roles)
    return persons, offices, pd.DataFrame(errors, columns=["doc_id", "person", "predicted", "gold"])


def organization_keys(actors: pd.DataFrame, mentions: pd.DataFrame, gold: pd.DataFrame) -> tuple[dict, dict]:
    """(document, lemmas of the whole name) → name, of the bodies found and of the gold's."""
    bodies = actors[actors.type == "organization"].set_index("actor_id").name
    found = mentions[mentions.actor_id.isin(bodies.index) & mentions.doc_id.isin(set(gold.doc_id))]
    predicted = {(doc, lemma_key(bodies[actor])): bodies[actor] for doc, actor in zip(found.doc_id, found.actor_id)}
    expected = {(doc, lemma_key(name)): name for doc, name in zip(gold.doc_id, gold.name)}
    return predicted, expected


def score_organizations(actors: pd.DataFrame, mentions: pd.DataFrame, gold: pd.DataFrame) -> Score:
    """Bodies named in each document, matched by the lemmas of the whole name: a name cut short
    or run on into the next one counts as wrong."""
    predicted, expected = organization_keys(actors, mentions, gold)
    correct = len(predicted.keys() & expected.keys())
    return Score(correct, len(predicted), correct, len(expected))


def organization_errors(actors: pd.DataFrame, mentions: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """The bodies found that the gold lacks (``not in gold``) and the gold's that were not found (``missed``)."""
    predicted, expected = organization_keys(actors, mentions, gold)
    rows = [{"doc_id": key[0], "name": name, "error": "not in gold"} for key, name in predicted.items() if key not in expected]
    rows += [{"doc_id": key[0], "name": name, "error": "missed"} for key, name in expected.items() if key not in predicted]
    return pd.DataFrame(rows, columns=["doc_id", "name", "error"]).sort_values(["doc_id", "error", "name"], ignore_index=True)


def party_set(parties: str) -> frozenset[tuple[str, str]]:
    """Parties compared by what they stand for: "Астрахань" and "Астраханская область", or an
    administration and its district, are the same party (see names.party_key)."""
    return frozenset(party_key(name) for name in split_list(parties))


def jaccard(a: frozenset, b: frozenset) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def greedy_pairs(candidates: list[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """One-to-one (predicted, gold) pairs from (-score, predicted, gold) candidates, the best score first."""
    pairs, used_p, used_g = [], set(), set()
    for _, i, j in sorted(candidates):
        if i not in used_p and j not in used_g:
            pairs.append((i, j))
            used_p.add(i)
            used_g.add(j)
    return pairs


def match_agreements(predicted: pd.DataFrame, gold: pd.DataFrame) -> list[tuple[int, int]]:
    """One-to-one pairs (predicted row, gold row): same document and kind, parties overlapping by half or more."""
    candidates = []
    for i, p in predicted.iterrows():
        for j, g in gold[(gold.doc_id == p.doc_id) & (gold.kind == p.kind)].iterrows():
            score = jaccard(party_set(p.parties), party_set(g.parties))
            if score >= 0.5:
                candidates.append((-score, i, j))
    return greedy_pairs(candidates)


def score_agreements(predicted: pd.DataFrame, gold: pd.DataFrame, judged=None) -> dict:
    """Precision, recall and status accuracy of agreements against the gold table.

    Only records of the documents the annotator judged count: ``judged`` (ids), by default the
    documents the gold names; a corpus judged whole (most of it with no agreement) passes all its ids.
    """
    judged = set(gold.doc_id) if judged is None else set(judged)
    predicted = predicted[predicted.doc_id.isin(judged)].reset_index(drop=True)
    gold = gold.reset_index(drop=True)
    pairs = match_agreements(predicted, gold)
    score = Score(len(pairs), len(predicted), len(pairs), len(gold))
    same_status = sum(predicted.status[i] == gold.status[j] for i, j in pairs)
    return {"score": score, "status_accuracy": same_status / len(pairs) if pairs else 0.0, "pairs": pairs,
            "predicted": predicted, "gold": gold}


def agreement_errors(result: dict) -> pd.DataFrame:
    """The gold agreements missed, the predicted ones not in the gold, and the matches whose stage
    differs (``error`` says which; ``status`` is the predicted one, ``gold_status`` the annotator's)."""
    predicted, gold, pairs = result["predicted"], result["gold"], result["pairs"]
    columns = ["doc_id", "kind", "status", "parties"]
    missed = gold.drop(index=[j for _, j in pairs])[columns].assign(error="missed", gold_status=lambda g: g.status, status="")
    spurious = predicted.drop(index=[i for i, _ in pairs])[columns].assign(error="not in gold", gold_status="")
    wrong = pd.DataFrame([{**predicted.loc[i, columns].to_dict(), "error": "wrong status", "gold_status": gold.status[j]}
                          for i, j in pairs if predicted.status[i] != gold.status[j]], columns=columns + ["error", "gold_status"])
    return pd.concat([missed, spurious, wrong], ignore_index=True)[columns + ["gold_status", "error"]]


def match_events(predicted: pd.DataFrame, gold: pd.DataFrame) -> dict:
    """Predicted event index → gold index: document and kind agree and they share a participant or the place."""
    pairs = {}
    for i, p in predicted.iterrows():
        people = set(split_list(p.participants))
        for j, g in gold[(gold.doc_id == p.doc_id) & (gold.kind == p.kind)].iterrows():
            if j in pairs.values():
                continue
            if people & set(split_list(g.participants)) or (p.place and party_key(p.place) == party_key(g.place)):
                pairs[i] = j
                break
    return pairs


def score_events(predicted: pd.DataFrame, gold: pd.DataFrame) -> Score:
    """Events match when document and kind agree and they share a participant or the place."""
    matched = len(match_events(predicted, gold))
    return Score(matched, len(predicted), matched, len(gold))


def event_errors(predicted: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """The events found that match no gold event (``not in gold``) and the gold's not found (``missed``)."""
    pairs = match_events(predicted, gold)
    columns = ["doc_id", "kind", "participants", "place"]
    rows = [dict(predicted.loc[i, columns], error="not in gold") for i in predicted.index if i not in pairs]
    rows += [dict(gold.loc[j, columns], error="missed") for j in gold.index if j not in set(pairs.values())]
    return pd.DataFrame(rows, columns=columns + ["error"]).sort_values(["doc_id", "error", "kind"], ignore_index=True)


def every_agreement(agreements: pd.DataFrame, company_agreements: pd.DataFrame) -> pd.DataFrame:
    """The agreements and a region's agreements with companies in one table: the holdouts' gold lists both in
    its agreements.csv (their READMEs mark the ones with companies)."""
    return pd.concat([agreements, company_agreements], ignore_index=True)


def quality_table(corpora) -> pd.DataFrame:
    """Scores of every stage on each corpus: ``corpora`` is a list of (label, tables, clean_dir, gold_dir)."""
    rows = []
    for label, tables, clean_dir, gold_dir in corpora:
        docs = set(tables["documents"].doc_id)
        read = lambda name: (lambda g: g[g.doc_id.isin(docs)])(pd.read_csv(Path(gold_dir) / f"{name}.csv", keep_default_na=False))
        persons, offices, _ = score_persons(tables["actors"], tables["mentions"], read("persons"))
        organizations = score_organizations(tables["actors"], tables["mentions"], read("organizations"))
        ours = score_agreements(every_agreement(tables["agreements"], tables["company_agreements"]), read("agreements"))
        floor = score_agreements(baseline_agreements(clean_dir, tables["actors"], tables["mentions"]), read("agreements"))
        events = score_events(tables["events"], read("events"))
        for measure, score, status in [("persons", persons, None), ("offices", offices, None), ("organizations", organizations, None),
                                       ("agreements", ours["score"], ours["status_accuracy"]),
                                       ("agreements, keyword baseline", floor["score"], floor["status_accuracy"]),
                                       ("events", events, None)]:
            row = dict(corpus=label, **score.as_row(measure))
            row["status_accuracy"] = round(status, 3) if status is not None else None
            rows.append(row)
    return pd.DataFrame(rows)


def score_lines(lines: pd.DataFrame, gold: pd.DataFrame) -> dict[str, Score]:
    """Article lines kept and chrome lines dropped, against the line-level gold."""
    kept = {(r.doc_id, r.line): r.kept for r in lines.itertuples()}
    article = gold[gold.label == "article"]
    chrome = gold[gold.label == "chrome"]
    n_article = sum(bool(kept.get((r.doc_id, r.line))) for r in article.itertuples())
    n_chrome = sum(not kept.get((r.doc_id, r.line), False) for r in chrome.itertuples())
    n_kept = sum(bool(kept.get((r.doc_id, r.line))) for r in gold.itertuples())
    return {"article lines kept": Score(n_article, n_kept, n_article, len(article)),
            "chrome lines dropped": Score(n_chrome, len(gold) - n_kept, n_chrome, len(chrome))}
