"""Persons, organisations and places on factRuEval-2016: the project's actors beside natasha alone.

Reads ``../shared/realnews/factrueval/<set>`` in place (see its README): the
texts go through the library as a folder of .txt files, and through natasha's
own pipeline (``NewsNERTagger``, each PER span put in its normal form with
``normalize``). Both are scored against the gold layers
(``paradiplomacy_eval.factrueval``): persons by surname per document and by
full normal form, organisations and places by overlapping mentions. Also
prints how much of the text the corpus stage keeps.

The devset is for development; the testset gives the reported figures.

    python scripts/factrueval_quality.py [--set testset|devset] [--workers 1] [--errors N] [--out book/factrueval_quality.csv]
"""

import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
REALNEWS = ROOT.parent / "shared" / "realnews"
sys.path.insert(0, str(ROOT))

from natasha import Doc, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter  # noqa: E402

from paradiplomacy.codebook import PLACE_TYPES  # noqa: E402
from paradiplomacy.output import write_table  # noqa: E402
from paradiplomacy_eval.extraction import extract_texts, public_gold_command  # noqa: E402
from paradiplomacy_eval.factrueval import (  # noqa: E402
    Prediction, offset_map, read_gold, score_mentions, score_persons_by_surname, score_persons_full, shared_characters)
from paradiplomacy_eval.names import morph  # noqa: E402

NATASHA_CLASS = {"PER": "person", "ORG": "organization", "LOC": "place"}


def project_class(actor_type: str) -> str:
    return "organization" if actor_type == "organization" else "place" if actor_type in PLACE_TYPES else actor_type


def project_predictions(gold, workers: int) -> tuple[dict, tuple[int, int, int]]:
    """The library's persons and typed mentions per document, and (characters kept, characters, texts cut)."""
    run = extract_texts([Path(d.path) for d in gold], workers)
    types = dict(zip(run.actors.actor_id, run.actors.type))
    names = dict(zip(run.actors.actor_id, run.actors.name))
    predictions, kept, total, cut = {}, 0, 0, 0
    for doc in gold:
        clean = run.clean.get(doc.doc_id, "")
        shared = shared_characters(clean, doc.text)
        kept, total, cut = kept + shared, total + len(doc.text), cut + (shared < len(doc.text.rstrip()))
        to_raw = offset_map(clean, doc.text)
        rows = run.mentions[run.mentions.doc_id == doc.doc_id]
        persons = {names[a] for a in rows.actor_id if types[a] == "person"}
        mentions = [(project_class(types[a]), to_raw(int(s)), to_raw(int(e))) for a, s, e in zip(rows.actor_id, rows.start, rows.stop)]
        predictions[doc.doc_id] = Prediction(persons, mentions)
    return predictions, (kept, total, cut)


def natasha_predictions(gold) -> dict:
    """natasha alone: its NER spans, persons in the normal form ``normalize`` gives."""
    segmenter, embedding = Segmenter(), NewsEmbedding()
    morph_tagger, ner_tagger = NewsMorphTagger(embedding), NewsNERTagger(embedding)
    predictions = {}
    for doc in gold:
        parsed = Doc(doc.text)
        parsed.segment(segmenter)
        parsed.tag_morph(morph_tagger)
        parsed.tag_ner(ner_tagger)
        persons = set()
        for span in parsed.spans:
            if span.type == "PER":
                span.normalize(morph())
                persons.add(span.normal)
        predictions[doc.doc_id] = Prediction(persons, [(NATASHA_CLASS[s.type], s.start, s.stop) for s in parsed.spans])
    return predictions


def main(argv=None) -> int:
    args, folder = public_gold_command(argv, __doc__, "factrueval", "factRuEval-2016", ["testset", "devset"],
                                       "book/factrueval_quality.csv", REALNEWS)
    if folder is None:
        return 0
    gold = read_gold(folder)
    project, (kept, total, cut) = project_predictions(gold, args.workers)
    print(f"factRuEval-2016 {args.set}: {len(gold)} texts; the corpus stage keeps {kept / total:.2%} of the characters; "
          f"{cut} texts lose some")
    systems = {"project": project, "natasha": natasha_predictions(gold)}
    measures = {"persons_by_surname": score_persons_by_surname, "persons_full_name": score_persons_full,
                "organizations": lambda g, p: score_mentions(g, p, "organization"),
                "places": lambda g, p: score_mentions(g, p, "place")}
    rows = []
    for measure, score in measures.items():
        for system, predicted in systems.items():
            result, errors = score(gold, predicted)
            rows.append({"set": args.set, "system": system, **result.as_row(measure)})
            print(f"{measure:20} {system:8} P {result.precision:.3f}  R {result.recall:.3f}  F1 {result.f1:.3f}  "
                  f"(gold {result.gold}, predicted {result.predicted})")
            if system == "project" and args.errors:
                for error in errors[: args.errors]:
                    print("   ", *error)
    rows.append({"set": args.set, "system": "project", "measure": "characters_kept", "gold": total, "predicted": kept,
                 "correct": kept, "precision": "", "recall": round(kept / total, 4), "f1": ""})
    if args.out:
        write_table(pd.DataFrame(rows), args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
