"""Framing markers as of the article's date: words that say what a territory is count only once the territory is
held by a state other than its own."""

import pytest

from paradiplomacy.corpus import Document
from paradiplomacy.framing import OF_ITS_TIME, framing_rows, marker_matches, places_in

LUHANSK_REGION = "Липецкая делегация побывала в Луганске и познакомилась с потенциалом украинского региона."


def found(text: str, date: str) -> dict[str, list[str]]:
    """The markers counted as their frame, with their words."""
    return {m.marker: words for m, frame, words in marker_matches(text, date) if frame != OF_ITS_TIME}


def of_its_time(text: str, date: str) -> dict[str, list[str]]:
    """The territory words kept as words of their time."""
    return {m.marker: words for m, frame, words in marker_matches(text, date) if frame == OF_ITS_TIME}


@pytest.mark.parametrize("date, counted", [("2010-11-19", False), ("2014-03", False), ("2014-05-01", True), ("2023", True)])
def test_calling_luhansk_ukrainian_is_a_frame_only_after_its_occupation(date, counted):
    assert ("ukrainian_region" in found(LUHANSK_REGION, date)) is counted


@pytest.mark.parametrize("date, counted", [("2021-06-01", False), ("2022-02-24", False), ("2022-03-10", True)])
def test_occupied_melitopol_is_a_frame_from_its_seizure(date, counted):
    assert ("occupation" in found("Жители оккупированного Мелитополя третий день без воды.", date)) is counted


def test_a_wartime_occupation_of_a_russian_region_is_no_frame():
    assert found("В годы оккупации Смоленщины город был почти полностью разрушен.", "2024-05-09") == {}


def test_new_regions_of_a_firm_are_no_frame_but_new_regions_beside_kherson_are():
    assert found("Фабрика вышла на новые регионы сбыта, в том числе в Пензенской области.", "2020-02-18") == {}
    assert found("Херсонская область и другие новые регионы получат субсидии на дороги.", "2023-04-01") == {"new_regions": ["новые регионы"]}


def test_a_sentence_without_a_place_speaks_of_the_places_of_the_text():
    text = "Делегация Крыма приехала в Новосибирск. Аннексия полуострова осуждена ООН."
    assert "annexation" not in found(text, "2012-06-01")
    assert found(text, "2016-06-01")["annexation"] == ["Аннексия"]


def test_ukraine_is_a_frame_only_for_a_place_of_ukraine():
    text = "Глава Абхазии и посол Украины обсудили оккупированные территории."
    assert set(found(text, "2015")) == {"occupation"}


def test_an_undated_article_is_dated_by_the_occupation_authorities_it_names():
    # the "DPR" exists since April 2014: an undated text that names it speaks of Donetsk after that
    assert "ukrainian_region" in found("Власти ДНР подписали план. Губернатор назвал Донецк городом Украины.", "")
    # with no date and no such name, the status of Luhansk is not known: not counted rather than guessed, but kept
    assert found(LUHANSK_REGION, "") == {}
    assert of_its_time(LUHANSK_REGION, "") == {"ukrainian_region": ["украинского региона"]}


def test_territory_words_before_the_occupation_are_kept_as_words_of_their_time():
    # reader 15, item 3: the 2010 chamber's «украинского региона» is shown, as what it is, not as "none"
    assert of_its_time(LUHANSK_REGION, "2010-11-19") == {"ukrainian_region": ["украинского региона"]}
    assert of_its_time(LUHANSK_REGION, "2023") == {}


def test_markers_that_do_not_speak_of_a_territory_count_whatever_the_date():
    text = "Делегация Липецкой области посетила заседание Союзного государства в Минске."
    assert found(text, "2010") == found(text, "") == {"union_state": ["Союзного государства"]}


def test_the_longest_name_is_the_place():
    assert [p.place_id for p in places_in("Министр Донецкой Народной Республики посетил Липецкую область")] == ["pp:dpr", "RU-LIP"]


def test_the_article_and_the_page_are_read_as_of_the_article_date():
    doc = Document("d", "d.txt", published="2011-08-30", text=LUHANSK_REGION)
    assert [(r["frame"], r["marker"], r["where"]) for r in framing_rows(doc)] == [(OF_ITS_TIME, "ukrainian_region", "article")]
    later = Document("d", "d.txt", published="2024-08-30", text=LUHANSK_REGION)
    assert [(r["marker"], r["where"], r["example"]) for r in framing_rows(later)] == [("ukrainian_region", "article", "украинского региона")]


def test_the_undated_luhansk_seed_has_no_sovereignty_frame(seeds_corpus):
    rows = framing_rows(seeds_corpus["000_9622bea02cfd8869"])
    assert "ukrainian_sovereignty" not in {r["frame"] for r in rows if r["where"] == "article"}
    assert (OF_ITS_TIME, "ukrainian_region") in {(r["frame"], r["marker"]) for r in rows if r["where"] == "article"}
    assert "aggressor" in {r["marker"] for r in rows if r["where"] == "page"}


def test_the_rest_of_an_undated_page_is_read_as_of_the_dates_it_shows():
    from paradiplomacy.chrome import Line

    teaser = [Line(1, "14.02.2025", "timestamp", reason="date or time line"),
              Line(2, "Обзор СМИ оккупированного Донбасса за неделю.", "sentence", reason="sentence outside the article's main text")]
    undated = Document("d", "d.txt", published="", text=LUHANSK_REGION, lines=teaser)
    rows = [(r["frame"], r["marker"], r["where"]) for r in framing_rows(undated)]
    assert rows == [(OF_ITS_TIME, "ukrainian_region", "article"), ("occupation", "occupation", "page")]  # the article itself stays uncounted


def test_a_quotation_mark_on_one_side_of_the_republics_name_is_no_distancing():
    """Reader 13, item 8: "«... с предприятиями ДНР», — сказал" ends a quotation; only «ДНР» in marks on both sides
    distances the name."""
    said = "«Будем развивать кооперацию с предприятиями ДНР», — сказал губернатор. «Донецкая Народная Республика готова к работе», — добавил он."
    assert found(said, "2025")["republic_unquoted"] == ["ДНР", "Донецкая Народная Республика"]
    assert "republic_unquoted" not in found("Делегация так называемой «ДНР» и «Донецкой Народной Республики» приехала.", "2025")
