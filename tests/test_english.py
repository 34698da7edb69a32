"""English names of the actors (paradiplomacy.english): bodies by their term and place, never a lossy guess."""

import pandas as pd

from paradiplomacy.english import english_names


def named(rows: list[tuple[str, str, str]], based_in: dict[str, str] = {}) -> dict[str, str]:
    """English name of each (name, latin, type) actor; ``based_in`` maps a body's name to a place's."""
    actors = pd.DataFrame([{"actor_id": name, "name": name, "name_latin": latin, "type": kind} for name, latin, kind in rows])
    relations = pd.DataFrame([{"source": body, "target": place, "relation": "based_in"} for body, place in based_in.items()],
                             columns=["source", "target", "relation"])
    return dict(zip(actors.name, english_names(actors, relations)))


def test_a_body_of_another_region_takes_that_regions_name():
    names = named([("Тверской облисполком", "Tverskoy oblispolkom", "organization"), ("Гомельский горсовет", "Gomelsky gorsovet", "organization"),
                   ("Общественная палата Тверской области", "Obshchestvennaya palata", "organization"),
                   ("Тверская область", "Tver Oblast", "region"), ("Гомель", "Gomel", "city")],
                  {"Тверской облисполком": "Тверская область", "Гомельский горсовет": "Гомель",
                   "Общественная палата Тверской области": "Тверская область"})
    assert names["Тверской облисполком"] == "Tver Regional Executive Committee"
    assert names["Гомельский горсовет"] == "Gomel City Council"
    assert names["Общественная палата Тверской области"] == "Tver Oblast Public Chamber"


def test_a_body_tied_to_no_place_is_named_from_its_own_words():
    names = named([("правительство края", "pravitelstvo kraya", "organization"),
                   ("Заречная средняя школа", "Zarechnaya srednyaya shkola", "organization"),
                   ("представительство тверских предприятий", "predstavitelstvo tverskikh predpriyaty", "organization")])
    assert names["правительство края"] == "Government of the krai"
    assert names["Заречная средняя школа"].startswith("Zarechn") and names["Заречная средняя школа"].endswith(" Secondary School")
    assert names["представительство тверских предприятий"] == "Tver Enterprises' Representative Office"


def test_a_name_that_says_more_than_its_term_keeps_its_transliteration():
    # "Ministry of Culture" would be wrong for a ministry of sport; the Latin is at least what the text says
    names = named([("министерство физической культуры и спорта", "ministerstvo fizicheskoy kultury i sporta", "organization"),
                   ("Баварское государственное министерство экономики", "Bavarskoye gosudarstvennoye ministerstvo ekonomiki", "organization")])
    assert names["министерство физической культуры и спорта"] == "ministerstvo fizicheskoy kultury i sporta"
    assert names["Баварское государственное министерство экономики"] == "Bavarskoye gosudarstvennoye ministerstvo ekonomiki"


def test_occupation_authorities_keep_their_quotation_marks_in_the_table():
    names = named([("Донецкая Народная Республика", "Donetsk People's Republic", "occupation_authority")])
    assert names["Донецкая Народная Республика"] == '"Donetsk People\'s Republic"'


def test_a_body_that_names_its_place_by_kind_takes_the_place_every_article_gives_it():
    """"По данным правительства региона" in an article about Lipetsk Oblast alone: relations.implied_place bases the body
    there, and its English name names the region, whole; where another article of the same actor leaves it open (or
    gives another region), it stays "the region"."""
    def english(doc_ids: str, based: list[tuple[str, str]]) -> str:
        actors = pd.DataFrame([{"actor_id": "body", "name": "правительство региона", "name_latin": "pravitelstvo regiona",
                                "type": "organization", "doc_ids": doc_ids},
                               {"actor_id": "lip", "name": "Липецкая область", "name_latin": "Lipetsk Oblast", "type": "region", "doc_ids": "a"},
                               {"actor_id": "smo", "name": "Смоленская область", "name_latin": "Smolensk Oblast", "type": "region", "doc_ids": "b"}])
        relations = pd.DataFrame([{"source": "body", "target": t, "relation": "based_in", "doc_id": d} for d, t in based],
                                 columns=["source", "target", "relation", "doc_id"])
        return english_names(actors, relations)[0]

    assert english("a", [("a", "lip")]) == "Government of Lipetsk Oblast"
    assert english("a | b", [("a", "lip")]) == "Government of the region"
    assert english("a | b", [("a", "lip"), ("b", "smo")]) == "Government of the region"


def test_implied_place_is_the_one_place_of_the_nouns_kind_the_article_names():
    from paradiplomacy.actors import Mention
    from paradiplomacy.relations import implied_place

    body = Mention(100, 121, "правительства региона", "organization", "правительство региона")
    lipetsk = Mention(0, 16, "Липецкой области", "region", "Липецкая область")
    belarus = Mention(20, 28, "Беларуси", "country", "Беларусь")
    smolensk = Mention(30, 48, "Смоленской области", "region", "Смоленская область")
    assert implied_place(body, [lipetsk, belarus]) == "Липецкая область"
    assert implied_place(body, [lipetsk, belarus, smolensk]) == ""  # two regions leave "региона" open
    named = Mention(200, 240, "администрации Липецкой области", "organization", "администрация Липецкой области")
    assert implied_place(named, [lipetsk, smolensk]) == ""  # its name holds its place
