"""Agreements and events on the seeds and the extra texts, against the gold and the keyword baseline."""

import pandas as pd
import pytest

from conftest import EXTRA, SEEDS, extract_texts, read_gold, read_out
from paradiplomacy.sentence import date_in
from paradiplomacy_eval.baseline import baseline_agreements
from paradiplomacy_eval.scores import every_agreement, score_agreements, score_persons

SEED_IDS = {p.stem for p in SEEDS.glob("*.txt")}
EXTRA_IDS = {p.stem for p in EXTRA.glob("*.txt")}


@pytest.fixture(scope="module")
def agreements(all_out):
    return read_out(all_out, "agreements")


def seed_rows(agreements, marker):
    """The agreements of the seed whose text contains ``marker``."""
    docs = [d for d in SEED_IDS if marker in (SEEDS / f"{d}.txt").read_text(encoding="utf-8")]
    assert len(docs) == 1, marker
    return agreements[agreements.doc_id == docs[0]]


@pytest.mark.parametrize("doc_ids", [SEED_IDS, EXTRA_IDS], ids=["seeds", "extra"])
def test_precision_recall_and_status_well_above_the_baseline(all_out, agreements, doc_ids):
    gold = read_gold("agreements")
    gold = gold[gold.doc_id.isin(doc_ids)]
    ours = score_agreements(agreements, gold)
    floor = score_agreements(baseline_agreements(all_out / "clean", read_out(all_out, "actors"), read_out(all_out, "mentions")), gold)
    assert ours["score"].precision >= 0.9 and ours["score"].recall >= 0.9
    assert ours["status_accuracy"] >= 0.9
    assert ours["score"].f1 >= floor["score"].f1 + 0.25


def kinds(rows):
    return sorted(zip(rows.kind, rows.status, rows.parties))


def test_luhansk_article_two_planned_and_one_signed(agreements):
    rows = seed_rows(agreements, "Луганск и Липецк подпишут")
    assert kinds(rows) == [
        ("cooperation_agreement", "planned", "Измалково | Стаханов"),
        ("cooperation_agreement", "planned", "Луганск | Липецк"),
        ("cooperation_agreement", "signed", "Липецкая торгово-промышленная палата | Луганская региональная торгово-промышленная палата"),
    ]


def test_district_agreement_signed_for_five_years_with_its_signatory(agreements):
    rows = seed_rows(agreements, "побратимские отношения")
    signed = rows[rows.signatories != ""].iloc[0]
    assert signed.status == "signed" and signed.duration == "P5Y" and signed.renewal == "automatic"
    assert signed.signatories == "Владимир Коршиков"
    assert "администрация Измалковского района Липецкой области" in signed.parties
    assert "торгово-экономический" in signed.scope
    twinning = rows[rows.kind == "twinning"].iloc[0]
    assert twinning.status == "signed"  # future in the body, past in the headline
    assert twinning.earlier_stages == "planned"  # "Тогда ... договорились установить побратимские отношения"
    assert twinning.relationship_id == signed.relationship_id


def test_a_stage_told_as_earlier_is_kept_beside_the_furthest(tmp_path_factory):
    out = extract_texts(tmp_path_factory, "earlier", {"stages": (
        "Тамбов и Брест установили побратимские отношения. Год назад стороны договорились установить побратимские "
        "отношения между Тамбовом и Брестом."), "one": "Тамбов и Брест установили побратимские отношения."})
    rows = pd.read_csv(out / "agreements.csv", keep_default_na=False).set_index("doc_id")
    assert (rows.loc["stages", "status"], rows.loc["stages", "earlier_stages"]) == ("signed", "planned")
    assert rows.loc["one", "earlier_stages"] == ""


def test_three_party_dpr_agreement_of_2024(agreements):
    rows = seed_rows(agreements, "трёхсторонним соглашением")
    three = rows[rows.kind == "cooperation_agreement"].iloc[0]
    assert three.status == "signed" and three.date == "2024"
    assert three.parties == "Липецкая область | Донецкая Народная Республика | Агентство стратегических инициатив"


def test_belarus_roadmap_planned_and_memorandum_signed(agreements):
    rows = seed_rows(agreements, "дорожную карту")
    found = dict(zip(rows.kind, rows.status))
    assert found["roadmap"] == "planned" and found["memorandum"] == "signed"


def test_smolensk_article_has_no_agreement_but_its_meeting(all_out, agreements):
    smolensk = [d for d in SEED_IDS if "Союзного Государства" in (SEEDS / f"{d}.txt").read_text(encoding="utf-8")]
    assert agreements[agreements.doc_id.isin(smolensk)].empty
    events = read_out(all_out, "events")
    assert not events[events.doc_id.isin(smolensk)].empty


def test_an_order_by_one_official_is_no_agreement(agreements):
    assert not agreements.evidence.str.contains("Распоряжение").any()
    assert not agreements.evidence.str.contains("распоряжение").any()


def test_planned_stage_linked_to_the_signed_stage_across_articles(agreements):
    planned = agreements[agreements.parties == "Измалково | Стаханов"].iloc[0]
    linked = agreements[agreements.relationship_id == planned.relationship_id]
    assert set(linked.doc_id) != {planned.doc_id}
    assert "signed" in set(linked.status)


def test_party_and_signatory_names_are_actor_names(all_out, agreements):
    names = set(read_out(all_out, "actors").name)
    for column in ("parties", "signatories"):
        for value in agreements[column]:
            assert set(filter(None, value.split(" | "))) <= names


def test_evidence_is_the_clean_text_at_its_offsets(all_out, agreements):
    for row in agreements.itertuples():
        text = (all_out / "clean" / f"{row.doc_id}.txt").read_text(encoding="utf-8")
        assert text[row.start : row.stop] == row.evidence


# What each holdout set must keep (tests/gold/README.md tells its history): agreements precision,
# recall and status accuracy; persons precision and recall; offices precision and recall.
HOLDOUT_FLOORS = {
    "holdout": (0.85, 0.75, 0.9, 0.95, 0.95, 0.7, 0.7),  # rules fixed after its first look
    "holdout2": (0.8, 0.8, 0.9, 0.95, 0.9, 0.85, 0.85),  # rules fixed after its first look
    # never used to change a rule; agreements scored with the gold's own party identity (paradiplomacy_eval.names),
    # which no longer counts an institute as the region it is named after
    "holdout3": (0.75, 0.6, 0.8, 0.95, 0.85, 0.8, 0.6),
    "holdout4": (0.6, 0.55, 0.75, 0.9, 0.95, 0.9, 0.8),  # rules fixed after its first look (agreements 0.47 / 0.44)
    # never used to change a rule: first look 0.55 / 0.48, 0.59 / 0.52 after the sixth session's rules (unread)
    # status floor 0.85 since "принять" signs (tenth session): two more agreements found (P 0.67 -> 0.76, R 0.56 -> 0.64),
    # 14 of 16 matched stages right where 13 of 14 were
    "holdout5": (0.55, 0.5, 0.85, 0.9, 0.9, 0.85, 0.75),
}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The output folder of a holdout set, extracted once per module."""
    from paradiplomacy.pipeline import extract

    outs = {}

    def out(name):
        if name not in outs:
            outs[name] = tmp_path_factory.mktemp(name) / "out"
            extract(EXTRA.parent / name, outs[name])
        return outs[name]

    return out


@pytest.mark.parametrize("name", sorted(HOLDOUT_FLOORS))
def test_holdout_sets_keep_their_figures(extracted, name):
    out = extracted(name)
    agreements = score_agreements(every_agreement(read_out(out, "agreements"), read_out(out, "company_agreements")), read_gold(f"{name}/agreements"))
    persons, offices, _ = score_persons(read_out(out, "actors"), read_out(out, "mentions"), read_gold(f"{name}/persons"))
    measured = (agreements["score"].precision, agreements["score"].recall, agreements["status_accuracy"],
                persons.precision, persons.recall, offices.precision, offices.recall)
    print("MEASURED", name, measured)
    assert all(m >= floor for m, floor in zip(measured, HOLDOUT_FLOORS[name])), measured


@pytest.fixture(scope="module")
def second_out(extracted):
    return extracted("holdout2")


def second_rows(second_out, doc_id, marker):
    rows = read_out(second_out, "agreements")
    return rows[(rows.doc_id == doc_id) & rows.evidence.str.contains(marker, regex=False)]


def test_a_region_named_with_its_state_is_one_party(second_out):
    # "Томская область и Павлодарская область Казахстана подписали": Kazakhstan is where the region is
    row = second_rows(second_out, "tomsk_pavlodar", "Казахстана подписали").iloc[0]
    assert row.parties == "Томская область | Павлодарская область"


def test_a_plan_to_prepare_and_approve_is_a_planned_roadmap(second_out):
    # "Стороны договорились подготовить и утвердить ... план мероприятий": the verb conjoined to
    # "подготовить" shares its object, so the plan is yet to be made
    row = second_rows(second_out, "tomsk_pavlodar", "подготовить и утвердить").iloc[0]
    assert (row.kind, row.status) == ("roadmap", "planned")


def test_a_discussed_agreement_binds_the_sides_that_met(second_out):
    row = second_rows(second_out, "primorye_jilin", "рассмотреть возможность").iloc[0]
    assert row.status == "discussed" and row.parties.count(" | ") == 1


def test_one_sentence_with_an_initialled_and_a_signed_agreement_gives_two(second_out):
    rows = second_rows(second_out, "altai_khovd", "парафировали")
    assert sorted(rows.status) == ["agreed", "signed"]


def test_a_body_named_with_a_list_of_complements_keeps_the_list(second_out):
    actors = read_out(second_out, "actors")
    # with its region, which the parser hung elsewhere
    assert "министерство промышленности, торговли и развития предпринимательства новосибирской области" in set(actors.name.str.lower())


def test_a_visit_named_as_a_frame_is_the_visit_already_reported(second_out):
    # "Делегация ... прибыла ... с рабочим визитом" then "В первый день визита Павел Сорокин встретился ...":
    # one visit and one meeting, not two visits
    events = read_out(second_out, "events")
    assert sorted(events[events.doc_id == "kursk_shirak"].kind) == ["meeting", "visit"]


def test_errors_list_missed_spurious_and_wrong_status(second_out):
    from paradiplomacy_eval.scores import agreement_errors

    result = score_agreements(read_out(second_out, "agreements"), read_gold("holdout2/agreements"))
    errors = agreement_errors(result)
    wrong = errors[errors.error == "wrong status"]
    assert ("altai_khovd", "agreed", "planned") in set(zip(wrong.doc_id, wrong.status, wrong.gold_status))
    assert (errors.error == "missed").sum() == result["score"].gold - len(result["pairs"])
    assert (errors.error == "not in gold").sum() == result["score"].predicted - len(result["pairs"])


@pytest.fixture(scope="module")
def listed_scope(tmp_path_factory):
    out = extract_texts(tmp_path_factory, "scope", {
        "fairs": "В Брянске подписано соглашение между Брянской областью и Гомельской областью, которое предусматривает "
                 "организацию совместных выставок, обмен делегациями школьников, развитие туристических маршрутов и другие проекты.",
        "clauses": "Губернаторы подписали соглашение между Курской областью и Могилёвской областью, которое предусматривает "
                   "содействие созданию и развитию совместных предприятий в г. Курске, обмен опытом.",
    })
    return read_out(out, "agreements").set_index("doc_id").scope


def test_scope_keeps_every_item_of_a_list_whole(listed_scope):
    # items begin with a noun in the case of the first; the parser's tree would cut or drop some of them
    assert listed_scope["fairs"].split(" | ") == [
        "организация совместных выставок", "обмен делегациями школьников", "развитие туристических маршрутов", "другие проекты"]


def test_a_complement_joined_by_and_stays_inside_its_item(listed_scope):
    # "созданию и развитию" are datives under "содействие", not items; "г." ends no list
    assert listed_scope["clauses"].split(" | ") == ["содействие созданию и развитию совместных предприятий в г. Курске", "обмен опытом"]


def test_a_field_the_agreements_clause_elaborates_after_a_dash_is_its_scope(tmp_path_factory):
    # reader 15, item 2: "аграрное направление — подписан меморандум" is a memorandum on agriculture; "новые
    # направления" name no field
    out = extract_texts(tmp_path_factory, "fields", {
        "field": "Успешно развивается медицинское направление — подписан меморандум между министерствами Тамбовской области и Брестской области.",
        "none": "Появляются новые направления — подписано соглашение между Тамбовской областью и Гродненской областью.",
    })
    scope = read_out(out, "agreements").set_index("doc_id").scope
    assert scope.to_dict() == {"field": "медицинский", "none": ""}


def test_a_sentence_that_says_where_the_event_just_reported_was_held_gives_its_place(tmp_path_factory):
    # reader 15, item 14: "Праздничные мероприятия состоялись в Луганской области" is where the delegation took part
    out = extract_texts(tmp_path_factory, "told_after", {
        "told": "Сотрудничеству способствовало участие тамбовской делегации в торжествах в честь 80-летия завода. "
                "Распоряжение об этом подписал губернатор области Максим Егоров. "
                "Праздничные мероприятия состоялись в Гродненской области в мае прошлого года.",
        "own_place": "Тамбовская делегация приняла участие в торжествах в Минске. "
                     "Праздничные мероприятия состоялись и в Гродненской области.",
    })
    events = read_out(out, "events")
    assert list(zip(events.doc_id, events.kind, events.place)) == [("own_place", "visit", "Минск"), ("told", "visit", "Гродненская область")]


def test_a_visit_whose_outcomes_are_to_come_was_held(tmp_path_factory):
    # the future tense belongs to the outcomes; the visit named as what has them is over
    out = extract_texts(tmp_path_factory, "outcomes", {
        "held": "Новые контракты станут итогами визита делегации Тамбовской области на выставку, которая прошла в Гродно.",
        "planned": "Делегация Тамбовской области совершит визит в Гродно в мае.",
    })
    events = read_out(out, "events")
    assert list(zip(events.doc_id, events.kind, events.place)) == [("held", "visit", "Гродно")]


def test_an_agreement_of_chambers_alone_is_no_intergovernmental_one(tmp_path_factory):
    # reader 12, item 5: a chamber of commerce acts for its region (in scope) but does not govern it
    out = extract_texts(tmp_path_factory, "chambers", {
        "chambers": "Курская торгово-промышленная палата и Гомельская торгово-промышленная палата подписали соглашение о сотрудничестве.",
        "government": "Правительство Курской области и Гомельская торгово-промышленная палата подписали соглашение о сотрудничестве.",
    })
    rows = read_out(out, "agreements")
    assert dict(zip(rows.doc_id, rows.category)) == {"chambers": "chamber", "government": "intergovernmental"}


def test_a_branch_of_a_political_party_is_neither_a_public_body_nor_a_company(tmp_path_factory):
    # a party is a public association: a town's agreement with its branch is in no table (data/nongovernmental_nouns.csv)
    out = extract_texts(tmp_path_factory, "party", {
        "branch": "Администрация Твери подписала соглашение о сотрудничестве с региональным отделением партии.",
        "bank": "Администрация Твери подписала соглашение о сотрудничестве с банком «Тверской».",
        # the party's quoted name, which the actor stage reads as a body of its own, makes it no company
        "named": "Администрация Южно-Сахалинска подписала соглашение о сотрудничестве с сахалинским отделением партии «Новые люди».",
        # a party's quoted name that holds a word of a public body is still the party's (data/named_associations.csv)
        "union": "Администрация Южно-Сахалинска подписала соглашение о партнерстве с сахалинским отделением партии «Союз правых сил».",
        # a region's agreement with trade unions and employers is a social partnership, not a deal with a company
        "tripartite": "Правительство Тульской области, областной союз профсоюзов и компания «Тулачермет» подписали трехстороннее соглашение.",
    })
    assert set(read_out(out, "agreements").doc_id) == set()
    assert set(read_out(out, "company_agreements").doc_id) == {"bank"}


def test_a_meeting_held_during_a_visit_is_part_of_that_occasion(tmp_path_factory):
    out = extract_texts(tmp_path_factory, "occasions", {
        "same_sentence": "Глава Курской области Роман Старовойт в ходе рабочей поездки в Гомельскую область встретился "
                         "с председателем облисполкома Иваном Крупко.",
        "next_sentence": "Курскую область с официальным визитом посетил посол Казахстана Даурен Абаев. "
                         "На встрече с губернатором Романом Старовойтом обсуждены вопросы торговли.",
        "framed": "Делегация Тамбовской области посетила Гродно. В рамках визита отдельная встреча прошла "
                  "в Гродненском облисполкоме.",
        "apart": "Губернатор Тамбовской области Максим Егоров встретился с послом Беларуси Дмитрием Крутым. "
                 "Позже в Минске побывала делегация Ярославской области.",
    })
    events = read_out(out, "events")
    visit_of = {doc: rows.set_index("kind").event_id.get("visit", "") for doc, rows in events.groupby("doc_id")}
    meetings = events[events.kind == "meeting"].set_index("doc_id").part_of
    assert {doc: meetings[doc] == visit_of[doc] for doc in ("same_sentence", "next_sentence", "framed")} == dict.fromkeys(
        ("same_sentence", "next_sentence", "framed"), True)
    assert meetings["apart"] == ""  # a visit reported after the meeting holds no earlier meeting


# Every agreement of the seeds at the level of party names, each checked against the seed's text: a change that turns a
# party into another actor ("исполком Стахановского горсовета" into the bare town) fails here even where the scores,
# which match parties by locality, do not move. party_basis says which parties the text names and which were inferred.
SEED_AGREEMENTS = {
    ("000_9622bea02cfd8869", "cooperation_agreement", "planned", "Луганск | Липецк", "named | named", ""),
    ("000_9622bea02cfd8869", "cooperation_agreement", "planned", "Измалково | Стаханов", "named | named", ""),
    ("000_9622bea02cfd8869", "cooperation_agreement", "signed",
     "Липецкая торгово-промышленная палата | Луганская региональная торгово-промышленная палата", "named | named", ""),
    ("001_9db930ce4d4846eb", "cooperation_agreement", "signed",
     "Липецкая область | Донецкая Народная Республика | Агентство стратегических инициатив", "named | named | named", ""),
    # "Достигнуты договорённости ...": the sentence names no one; the vice-governor of Lipetsk Oblast met the "DPR"'s officials
    ("001_9db930ce4d4846eb", "accord", "agreed", "Липецкая область | Донецкая Народная Республика", "meeting | meeting", ""),
    ("002_73576530f1f9f9ee", "twinning", "signed",
     "администрация Измалковского района Липецкой области | исполком Стахановского горсовета Луганской области", "named | named",
     "Владимир Коршиков"),
    # "Мы с губернатором договорились формировать дорожную карту", "Договорились с Александром Николаевичем": the ambassador
    # of Belarus visiting Lipetsk Oblast, the sides that met; each one's account of the talk, one outcome
    ("003_693a86326d38bc9d", "roadmap", "planned", "Беларусь | Липецкая область", "meeting | meeting", ""),
    ("003_693a86326d38bc9d", "memorandum", "signed", "профильное министерство Беларуси | профильное министерство Липецкой области",
     "each_side | each_side", ""),
}


def test_the_seeds_agreements_keep_their_party_names(agreements):
    rows = agreements[agreements.doc_id.isin(SEED_IDS)]
    found = set(zip(rows.doc_id, rows.kind, rows.status, rows.parties, rows.party_basis, rows.signatories))
    assert found == SEED_AGREEMENTS, (found - SEED_AGREEMENTS, SEED_AGREEMENTS - found)


def test_the_belarus_roadmap_takes_its_scope_from_the_sentence_that_refers_back_to_it(agreements):
    """"Мы с губернатором договорились формировать дорожную карту ... Это достаточно большой пласт, который включает
    вопросы от поставки транспорта до культурных взаимоотношений": the next sentence refers back ("Это") and gives the
    roadmap's scope, the two ends of its range."""
    roadmap = seed_rows(agreements, "дорожную карту").query("kind == 'roadmap'").iloc[0]
    assert roadmap.scope == "поставка транспорта | культурные взаимоотношения"


def test_a_document_that_refers_back_gives_the_latest_document_its_scope_not_an_accord(tmp_path_factory):
    texts = {
        "roadmap_this": "Курская и Гомельская области договорились подписать дорожную карту сотрудничества.\n"
                        "Губернатор Курской области Роман Старовойт заявил: «Мы договорились разработать дорожную карту. "
                        "Это большой документ, который включает вопросы от поставок зерна до студенческих обменов».\n",
        "document_after_accord": "Тверская и Витебская области подписали соглашение о сотрудничестве.\n"
                                 "Губернаторы Тверской и Витебской областей подписали соглашение о сотрудничестве в Твери. "
                                 "«Мы договорились, что создадим совместную рабочую группу», — сказал губернатор Тверской области. "
                                 "Документ предусматривает сотрудничество в сфере промышленности, сельского хозяйства и туризма.\n",
    }
    out = extract_texts(tmp_path_factory, "scope_after", texts)
    rows = read_out(out, "agreements")
    document = rows[(rows.doc_id == "document_after_accord") & (rows.kind == "cooperation_agreement")]
    assert "сотрудничество в сфере промышленности, сельского хозяйства и туризма" in document.scope.iloc[0]
    assert not rows[(rows.doc_id == "document_after_accord") & (rows.kind == "accord")].scope.str.contains("промышленности").any()
    roadmap = rows[(rows.doc_id == "roadmap_this") & (rows.kind == "roadmap")]
    assert "поставки зерна" in roadmap.scope.iloc[0] and "студенческие обмены" in roadmap.scope.iloc[0]


def test_a_delegation_at_a_celebration_visits_and_its_adjective_names_its_side(tmp_path_factory):
    """Reader 14, item 9: "участие ... делегации в торжествах" gave no event; a celebration with no one named is none."""
    texts = {
        "celebration": "Успеху способствовало участие брянской делегации в торжествах в честь Дня города.\n",
        "no_one": "Торжества прошли в Брянске в субботу.\n",
    }
    events = read_out(extract_texts(tmp_path_factory, "event_celebrations", texts), "events").set_index(["doc_id", "kind"])
    assert events.loc[("celebration", "visit")].participants == "Брянская область"
    assert "no_one" not in events.index.get_level_values(0)


def test_events_name_the_delegations_side_and_take_the_articles_date_where_their_sentence_has_none(all_out):
    events = read_out(all_out, "events")
    seeds = events[events.doc_id.isin(SEED_IDS)]
    visit = lambda words: seeds[seeds.evidence.str.contains(words)].participants.iloc[0]
    # "визита делегации Липецкой области на Международный инвестиционный форум, который прошел в Луганске"
    assert visit("станут итогами визита делегации") == "Липецкая область"
    # "недавний визит делегации Липецкой области на выставку «ИННОПРОМ. Беларусь» в Минске"
    assert visit("недавний визит делегации") == "Липецкая область"
    # "поручил делегации Смоленской области принять участие в объединённом заседании": the delegation, not the governor
    session = seeds[seeds.kind == "session"].iloc[0]
    assert "Смоленская область" in session.participants and "Василий Анохин" not in session.participants
    dated = seeds[seeds.doc_id == "001_9db930ce4d4846eb"]
    assert set(dated.date) == {"2025-12-07"} and set(dated.date_basis) == {"article"}  # no date in the sentence
    # "в ходе рабочей поездки ... встретился с председателем правительства ... и министром": the hosts meet, only he visits
    trip = dated.set_index("kind").participants
    assert trip["visit"] == "Сергей Курбатов" and "Андрей Чертков" in trip["meeting"]
    undated = seeds[seeds.doc_id == "000_9622bea02cfd8869"]  # "18-19 ноября" without a year, in an undated article
    assert set(undated.date) == {""} and set(undated.date_basis) == {""}
    # a delegation meets no one in person: met_with stays between persons
    relations = read_out(all_out, "relations")
    actors = read_out(all_out, "actors").set_index("actor_id")
    met = relations[relations.relation == "met_with"]
    assert set(actors.type[met.source]) | set(actors.type[met.target]) == {"person"}


def test_agreement_scoring_knows_a_party_by_its_capitalised_name_and_a_municipality_as_a_territory():
    """The evaluation's party key: "народное правительство китайской провинции Хэйлунцзян" is Heilongjiang, not
    China, and "муниципалитет Чайджума" the town of Çaycuma, a territory, as the gold writes either."""
    from paradiplomacy_eval.names import party_key

    assert party_key("народное правительство китайской провинции Хэйлунцзян") == party_key("провинция Хэйлунцзян")
    assert party_key("муниципалитет Чайджума") == party_key("Чайджума")
    assert party_key("муниципальное образование Красногвардейский район Республики Крым") == party_key("Красногвардейский район")
    assert party_key("акимат ВКО") == party_key("Восточно-Казахстанская область") and party_key("Сухум") == party_key("Сухуми") and party_key("Белоруссия") == party_key("Беларусь")
    assert party_key("область Абай")[1] == party_key("Абайская область")[1] and party_key("правительство Тувы") == party_key("Республика Тыва") and party_key("городское поселение Деденево") == party_key("Деденёво") and party_key("Челябинское заксобрание") == party_key("Челябинская область")
    assert party_key("администрация Измалковского района Липецкой области") == party_key("Измалковский район")
    # bodies that act for a region abroad: a Tajik region's executive, a Vietnamese province's people's committee
    assert party_key("исполнительный орган государственной власти Согдийской области") == party_key("Согдийская область")
    assert party_key("Народный комитет провинции Куангнинь") == party_key("провинция Куангнинь")
    assert party_key("исполнительный совет итальянского города Падуя") == party_key("Падуя")  # a town's executive council
    # a region's chambers act for it, as the codebook's scope has it; the gold gives them either way
    assert party_key("торгово-промышленная палата Пензенской области") == party_key("Пензенская область")
    assert party_key("Торгово-промышленная палата Кубани") == party_key("Краснодарский край")
    assert party_key("Общественная палата Липецкой области") == party_key("Липецкая область") != party_key("Агентство стратегических инициатив")
    assert party_key("липецкий горсовет") == party_key("Липецк") != party_key("Елец")
    assert party_key("одесский горсовет") == party_key("Одесса")  # a double letter the adjective writes once


@pytest.mark.parametrize("text, date", [
    ("Ульяновская область подписала с Гродненской областью программу сотрудничества до 2027 года.", ""),
    ("Стороны наметили увеличить товарооборот к 2030 году.", ""),
    ("Программа рассчитана на 2025–2027 годы.", ""),
    ("Соглашение между Курганом и Костанаем подписано в 2015 году.", "2015"),
    ("В рамках соглашения 2016 года стороны провели ярмарку.", "2016"),
])
def test_an_agreements_date_is_when_it_was_made_not_its_term(text, date):
    assert date_in(text, "2024-05-01") == date


def test_agreement_scoring_knows_a_town_by_any_of_its_spellings():
    """A town the annotator writes as the text does ("Кишинэу", "Хайдельберг") and the pipeline as the gazetteer does
    ("Кишинёв", "Гейдельберг") is one party; two towns are still two."""
    from paradiplomacy_eval.names import party_key

    assert party_key("Кишинэу") == party_key("Кишинёв") and party_key("Хайдельберг") == party_key("Гейдельберг")
    assert party_key("Кишинэу") != party_key("Киев") and party_key("Гейдельберг") != party_key("Гамбург")


def test_agreement_scoring_knows_a_place_by_its_short_name():
    """A party the annotator writes by the short name the text uses ("Чечня", "Кубань", "Ростов") is the place the
    pipeline names in full; a body of the place stays the place's."""
    from paradiplomacy_eval.names import party_key

    assert party_key("Чечня") == party_key("Чеченская Республика") != party_key("Республика Татарстан")
    assert party_key("Кубань") == party_key("Краснодарский край") != party_key("Красноярский край")
    assert party_key("администрация Ростова") == party_key("Ростов-на-Дону") != party_key("Ростовская область")
