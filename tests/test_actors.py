"""Actors for any event: typing, names without titles, links within an article, one name per actor
across a corpus, news outlets as speakers. Every name here is made up for these tests unless the
alias table lists it."""

from __future__ import annotations

import json
import random
import shutil

import pytest
from typer.testing import CliRunner

from istanbul_claims import aliases, corpus, rules
from istanbul_claims.claims import claims_from_doc
from istanbul_claims.cli import app
from istanbul_claims.models import (
    ActorClaim,
    ActorValue,
    Document,
    FigureClaim,
    FigureValue,
    ProposalClaim,
    ProposalValue,
)


def actors(doc) -> dict[str, dict]:
    return {a["text"]: a for a in doc._.actors}


def speakers(doc) -> list[str | None]:
    return [s["speaker"] for s in doc._.sentences if doc.text[s["start"]:s["end"]].strip()]


# ------------------------------------------------------------------------------ any name, typed --

@pytest.mark.parametrize(("text", "mention", "name", "kind"), [
    ("Captain Ada Brightwater inspected the harbour.", "Ada Brightwater", "Ada Brightwater", "person"),
    ("Governor Pell said the bridge would reopen.", "Pell", "Pell", "person"),
    ("Fensworth, 41, said the bridge was closed.", "Fensworth", "Fensworth", "person"),
    ("Capt. Doe said the ship sank.", "Doe", "Doe", "person"),
    ("Gov. Pell and Lt. Col. Ivo Marr said the bridge was closed.", "Ivo Marr", "Ivo Marr", "person"),
    ("The defence minister Varnes spoke first.", "Varnes", "Varnes", "person"),
    ("The Ministry of Coastal Affairs issued a statement.", "Ministry of Coastal Affairs",
     "Ministry of Coastal Affairs", "body"),
    ("The International Committee of the Red Cross sent observers.", "International Committee of the Red Cross",
     "International Committee of the Red Cross", "body"),
    ("The delegates met in Valdoria on Tuesday.", "Valdoria", "Valdoria", "place"),
    ("The talks were held at Morvane and Ostrel.", "Morvane", "Morvane", "place"),
    ("Residents of Tarsk Oblast were evacuated.", "Tarsk Oblast", "Tarsk Oblast", "place"),
    ("The Valdorian Emirates mediated the swap.", "Valdorian Emirates", "Valdorian Emirates", "place"),
    ("The Harbour Times published the list.", "Harbour Times", "Harbour Times", "outlet"),
    ("Officials in Kyiv Oblast counted the damage.", "Kyiv Oblast", "Kyiv Oblast", "place"),
    ("Russia freed former US Marine Ivo Marr.", "Ivo Marr", "Ivo Marr", "person"),
    ("Journalist Ivo Marr was freed on Friday.", "Ivo Marr", "Ivo Marr", "person"),
    ("The White House welcomed the deal.", "White House", "White House", "place"),
    ("The Valdorian Transportation Authority closed the road.", "Valdorian Transportation Authority",
     "Valdorian Transportation Authority", "body"),
    # A body's name ends at its head when names follow it, and before a designation and its number.
    ("A Morvane Airlines jet hit a Valdorian Coast Guard Dash-8 aircraft.", "Morvane Airlines", "Morvane Airlines",
     "body"),
    ("A Morvane Airlines jet hit a Valdorian Coast Guard Dash-8 aircraft.", "Valdorian Coast Guard",
     "Valdorian Coast Guard", "body"),
])
def test_unknown_names_are_actors_typed_by_their_words(parse, text, mention, name, kind):
    found = actors(parse(text))[mention]
    assert (found["name"], found["type"]) == (name, kind)


@pytest.mark.parametrize(("text", "mention"), [
    ("A court in Port Varna sentenced him to 25 years.", "Port Varna"),
    # One mention "in" it makes the name a place wherever the article uses it.
    ("Port Varna praised the deal. Officials in Port Varna said so.", "Port Varna"),
])
def test_a_two_word_name_after_in_is_a_place_not_a_person(parse, text, mention):
    assert {a["type"] for a in parse(text)._.actors if a["text"] == mention} == {"place"}


@pytest.mark.parametrize("text", ["Prisoners were exchanged after DNA testing.", "The POW swap went ahead."])
def test_acronyms_of_things_are_not_actors(parse, text):
    assert not [a for a in parse(text)._.actors if a["text"].isupper()]


def test_a_title_before_a_body_does_not_make_the_body_a_person(parse):
    found = actors(parse("Security Council Chairman Ilka Varnes spoke first."))
    assert (found["Ilka Varnes"]["name"], found["Ilka Varnes"]["type"]) == ("Ilka Varnes", "person")


# ------------------------------------------------------------------------- names, normalised --

@pytest.mark.parametrize(("surface", "name"), [
    ("Captain John Doe", "John Doe"),
    ("Capt. John Doe", "John Doe"),
    ("Governor Jane Roe", "Jane Roe"),
    ("Sergeant Ivo Marr", "Ivo Marr"),
    ("Acting President Lena Vos", "Lena Vos"),
    ("Dr Ilse Brand", "Ilse Brand"),
    ("Dr. Ilse Brand", "Ilse Brand"),
    ("Minister Tariq Halim", "Tariq Halim"),
    ("Turkish Foreign Minister Tariq Halim", "Tariq Halim"),
    ("John Doe's", "John Doe"),
    ("Doe\u2019s", "Doe"),
    ("Security Council Chairman Jane Roe", "Jane Roe"),
    ("Ministry of Defence", "Ministry of Defence"),
    ("Russian Armed Forces", "Russian Armed Forces"),
])
def test_titles_ranks_and_possessives_are_not_part_of_a_name(surface, name):
    assert aliases.normalise(surface) == name


@pytest.mark.parametrize(("text", "mention", "name"), [
    ("Capt. John Doe's report was read aloud.", "John Doe", "John Doe"),
    ("Sergeant Ivo Marr's unit left the town.", "Ivo Marr", "Ivo Marr"),
    ("President Putin spoke by phone.", "Putin", "Vladimir Putin"),
])
def test_mentions_carry_the_name_without_title_or_possessive(parse, text, mention, name):
    found = actors(parse(text))[mention]
    assert (found["name"], found["type"]) == (name, "person")


@pytest.fixture
def own_rules(tmp_path, monkeypatch):
    """A copy of data/ to edit, loaded in place of the repository's rules for one test."""
    folder = tmp_path / "data"
    shutil.copytree(rules.data_dir(), folder)
    monkeypatch.setenv("CLAIMS_DATA_DIR", str(folder))

    def clear():
        for cached in (rules.load, aliases.words, aliases.table, aliases.resolve):
            cached.cache_clear()

    clear()
    yield folder
    monkeypatch.undo()
    clear()


def test_title_words_come_from_the_rules(own_rules):
    assert aliases.normalise("Skipper Jo Vane") == "Skipper Jo Vane"
    cues = own_rules / "cues.toml"
    cues.write_text(cues.read_text(encoding="utf-8").replace('titles = ["President",', 'titles = ["Skipper", "President",'),
                    encoding="utf-8")
    rules.load.cache_clear()
    aliases.words.cache_clear()
    assert aliases.normalise("Skipper Jo Vane") == "Jo Vane"


# --------------------------------------------------------------------- one article, one name --

@pytest.mark.parametrize(("text", "bare", "name"), [
    ("John Doe arrived in Pellham. Doe said the bridge was closed.", "Doe", "John Doe"),
    ("Mirela Osk opened the session. Mirela said the bridge was closed.", "Mirela", "Mirela Osk"),
    ("Hakan Fidan opened the talks. Hakan said they were useful.", "Hakan", "Hakan Fidan"),
    ("Doe arrived first. Later John Doe said the bridge was closed.", "Doe", "John Doe"),
    ("The Northern Grain Council (NGC) met on Monday. The NGC said prices would fall.", "NGC",
     "Northern Grain Council"),
])
def test_a_bare_name_links_to_the_one_full_name_in_its_article(parse, text, bare, name):
    doc = parse(text)
    assert {a["name"] for a in doc._.actors if a["text"] == bare} == {name}


def test_a_bare_name_stands_for_the_one_namesake_introduced_before_it(parse):
    doc = parse("Russia freed Ivo Marr on Wednesday. Marr, 30, was arrested in 2019. His parents, Joey and "
                "Lena Marr, met the envoy on 12 March.")
    assert [(a["text"], a["name"]) for a in doc._.actors if "Marr" in a["text"]] == [
        ("Ivo Marr", "Ivo Marr"), ("Marr", "Ivo Marr"), ("Lena Marr", "Lena Marr")]


@pytest.mark.parametrize(("text", "bare", "name"), [
    ("Ivo Marr said his brother Taras, who was detained in 2016, was home.", "Taras", "Taras Marr"),
    ("Ivo Marr's sister Lena said the family was relieved.", "Lena", "Lena Marr"),
    # A spouse may keep her own surname; "his" with no one named before it in the sentence is nobody known.
    ("Ivo Marr said his wife Lena was relieved.", "Lena", "Lena"),
    ("Ivo Marr was freed. His brother, Taras, said the family was relieved.", "Taras", "Taras"),
])
def test_a_given_name_beside_a_kin_word_takes_the_kins_surname(parse, text, bare, name):
    assert {a["name"] for a in parse(text)._.actors if a["text"] == bare} == {name}


@pytest.mark.parametrize(("text", "bare"), [
    ("Jane Doe and John Doe arrived. Doe said the bridge was closed.", "Doe"),
    ("Mirela Osk and Mirela Tann arrived. Mirela said the bridge was closed.", "Mirela"),
    ("Olga Marchenko, 34, and Iryna Marchenko, 34, arrived. Marchenko said the bridge was closed.", "Marchenko"),
])
def test_a_bare_name_shared_by_two_full_names_links_to_neither(parse, text, bare):
    doc = parse(text)
    assert {a["name"] for a in doc._.actors if a["text"] == bare} == {bare}


def test_the_linked_name_speaks(parse):
    doc = parse("John Doe arrived in Pellham on Monday. Doe said the bridge was closed.")
    assert speakers(doc)[-1] == "John Doe"


@pytest.mark.parametrize(("mentions", "links"), [
    ([("John Doe", "person", "John Doe"), ("Doe", None, "Doe")], {"Doe": "John Doe"}),
    ([("John Doe", "person", "John Doe"), ("John", None, "John")], {"John": "John Doe"}),
    ([("John Doe", "person", "John Doe"), ("Jane Doe", "person", "Jane Doe"), ("Doe", None, "Doe")], {}),
    # The surface spelling counts too: "Vladimir" stands for Volodymyr Zelensky where he was so spelled.
    ([("Volodymyr Zelensky", "person", "Vladimir Zelensky"), ("Vladimir", None, "Vladimir")],
     {"Vladimir": "Volodymyr Zelensky"}),
    ([("Vladimir Putin", "person", "Vladimir Putin"), ("Vladimir Medinsky", "person", "Vladimir Medinsky"),
      ("Vladimir", None, "Vladimir")], {}),
    # A place is not a person's surname, nor an acronym a person's.
    ([("John Doe", "person", "John Doe"), ("Doe", "place", "Doe")], {}),
    ([("Grain Export Board", "body", "Grain Export Board"), ("GEB", None, "GEB")], {"GEB": "Grain Export Board"}),
    # A person known by initials, particles included.
    ([("Mahmud bin Tarik", "person", "Mahmud bin Tarik"), ("MBT", None, "MBT")], {"MBT": "Mahmud bin Tarik"}),
    ([("Grain Export Board", "body", "Grain Export Board"), ("Green Energy Bank", "body", "Green Energy Bank"),
      ("GEB", None, "GEB")], {}),
])
def test_link_article(mentions, links):
    assert aliases.link_article(mentions) == links


# ------------------------------------------------------------------------ across the corpus --

def _base(doc: str, start: int, text: str, speaker: str | None) -> dict:
    return {"id": f"{doc}-{start}", "doc": doc, "text": text, "sentence": text, "start": start,
            "end": start + len(text), "speaker": speaker}


def actor(doc: str, name: str, kind: str | None = "person", speaker: str | None = None, start: int = 0) -> ActorClaim:
    return ActorClaim(**_base(doc, start, name, speaker), value=ActorValue(name=name, type=kind))


def names(claims) -> list[tuple[str, str]]:
    return [(c.doc, c.value.name) for c in claims if c.kind == "actor"]


@pytest.mark.parametrize("spellings", [
    ["Oleksiy Hrynchuk", "Oleksiy Hrynchuck", "Oleksii Hrynchuk"],
    # Transliterations that differ in the first letter.
    ["Konstantin Yaroshenko", "Konstantin Iaroshenko"],
    # A middle initial and a generational suffix.
    ["Roland L. Butler Jr.", "Roland Butler"],
    ["Svitlana Kovalenko", "Svitlana Kovalenco"],
    ["Rustam Tashkentov", "Rustem Tashkentov"],
])
def test_spellings_of_one_person_join_across_articles(spellings):
    claims = [actor(f"d{i}", s) for i, s in enumerate(spellings)]
    assert len({name for _, name in names(aliases.merge_corpus(claims))}) == 1


@pytest.mark.parametrize(("a", "b"), [
    ("Jane Doe", "John Doe"),
    ("Ivan Petrov", "Ivana Petrova"),
    ("Ivan Petrov", "Ivan Petrova"),
    ("Alexander Lisko", "Alexandra Lisko"),
    ("Marta Kowal", "Marek Kowal"),
    ("Vladimir Putin", "Vladimir Medinsky"),
    ("Olena Vasko", "Olena Vaskova"),
])
def test_different_people_never_join(a, b):
    merged = aliases.merge_corpus([actor("d1", a), actor("d2", b), actor("d3", a)])
    assert names(merged) == [("d1", a), ("d2", b), ("d3", a)]


def test_near_first_names_do_not_chain_two_people_together():
    # Marin ~ Maren and Maren ~ Karen score the cutoff; Marin and Karen are two people.
    merged = dict(names(aliases.merge_corpus([actor("d1", "Marin Doe"), actor("d2", "Maren Doe"),
                                              actor("d3", "Karen Doe")])))
    assert merged["d1"] != merged["d3"]


def test_the_most_used_spelling_names_the_person():
    claims = [actor("d1", "Oleksiy Hrynchuck"), actor("d2", "Oleksiy Hrynchuk"), actor("d3", "Oleksiy Hrynchuk")]
    assert {name for _, name in names(aliases.merge_corpus(claims))} == {"Oleksiy Hrynchuk"}


def test_a_bare_surname_joins_the_unique_full_name_in_the_corpus():
    claims = [actor("d1", "Oleksiy Hrynchuk"), actor("d2", "Hrynchuk", None)]
    merged = aliases.merge_corpus(claims)
    assert names(merged) == [("d1", "Oleksiy Hrynchuk"), ("d2", "Oleksiy Hrynchuk")]
    assert merged[1].value.type == "person"


def test_a_bare_surname_of_two_people_stays_bare():
    claims = [actor("d1", "Jane Doe"), actor("d2", "John Doe"), actor("d3", "Doe", None)]
    assert names(aliases.merge_corpus(claims))[-1] == ("d3", "Doe")


def test_a_bare_surname_left_ambiguous_in_its_article_stays_bare():
    # d1 names John Doe beside the bare "Doe" and did not link them: the corpus does not second-guess it.
    claims = [actor("d1", "John Doe"), actor("d1", "Doe", None, start=9), actor("d2", "John Doe")]
    assert ("d1", "Doe") in names(aliases.merge_corpus(claims))


@pytest.mark.parametrize(("bodies", "joined"), [
    (["Valdorian Safety Board", "Valdoria Safety Board", "Safety Board"], True),
    # Two countries' ministries: the bare name could be either.
    (["Russian Defence Ministry", "Ukrainian Defence Ministry", "Defence Ministry"], False),
])
def test_a_body_named_with_its_country_joins_the_body_named_without_it(bodies, joined, monkeypatch):
    from istanbul_claims import rules
    table = {**rules.actors(), "adjectives": {**rules.actors().get("adjectives", {}), "Valdorian": "Valdoria"}}
    monkeypatch.setattr(rules, "actors", lambda: table)
    monkeypatch.setattr(aliases, "resolve", lambda name, label=None: aliases.Actor(
        name, "state" if name in ("Valdoria", "Russia", "Ukraine") else None, None))
    claims = [actor(f"d{i}", name, "body") for i, name in enumerate(bodies)]
    merged = {c.value.name for c in aliases.merge_corpus(claims)}
    assert (merged == {bodies[-1]}) is joined


def test_an_acronym_joins_its_expansion_in_another_article():
    claims = [actor("d1", "International Committee of the Red Cross", "body"),
              actor("d2", "ICRC", None, speaker="ICRC")]
    merged = aliases.merge_corpus(claims)
    assert names(merged)[-1] == ("d2", "International Committee of the Red Cross")
    assert merged[-1].speaker == "International Committee of the Red Cross"
    assert merged[-1].value.type == "body"


def test_an_acronym_of_two_expansions_stays_as_it_is():
    claims = [actor("d1", "Grain Export Board", "body"), actor("d2", "Green Energy Bank", "body"),
              actor("d3", "GEB", None)]
    assert names(aliases.merge_corpus(claims))[-1] == ("d3", "GEB")


def test_speakers_and_proposers_take_the_canonical_name():
    proposal = ProposalClaim(**_base("d2", 40, "proposed a truce", "Oleksiy Hrynchuck"),
                             value=ProposalValue(proposer="Oleksiy Hrynchuck", what="a truce", stance="propose"))
    figure = FigureClaim(**_base("d3", 50, "30 days", "Hrynchuk"),
                         value=FigureValue(min=30, max=30, unit="day", proposer="Hrynchuk"))
    claims = [actor("d1", "Oleksiy Hrynchuk"), actor("d1", "Oleksiy Hrynchuk", start=20),
              actor("d2", "Oleksiy Hrynchuck"), proposal, actor("d3", "Hrynchuk", None), figure]
    merged = aliases.merge_corpus(claims)
    assert {c.speaker for c in merged if c.speaker} == {"Oleksiy Hrynchuk"}
    assert merged[3].value.proposer == "Oleksiy Hrynchuk"
    assert merged[5].value.proposer == "Oleksiy Hrynchuk"


def test_merge_is_pure_and_does_not_depend_on_order():
    claims = [actor("d1", "Oleksiy Hrynchuk"), actor("d2", "Oleksii Hrynchuck"), actor("d3", "Hrynchuk", None),
              actor("d4", "International Committee of the Red Cross", "body"), actor("d5", "ICRC", None),
              actor("d6", "Jane Doe"), actor("d7", "John Doe"), actor("d8", "Doe", None)]
    before = [c.model_dump() for c in claims]
    expected = dict(zip([c.id for c in claims], names(aliases.merge_corpus(claims)), strict=True))
    assert [c.model_dump() for c in claims] == before
    shuffled = claims[:]
    random.Random(7).shuffle(shuffled)
    got = dict(zip([c.id for c in shuffled], names(aliases.merge_corpus(shuffled)), strict=True))
    assert got == expected


def test_names_the_alias_table_vouches_for_are_kept_apart():
    claims = [actor("d1", "Dmitry Medvedev"), actor("d2", "Dmitry Peskov"), actor("d3", "Vladimir Putin"),
              actor("d4", "Vladimir Medinsky")]
    assert names(aliases.merge_corpus(claims)) == names(claims)


def _article(parse, doc_id: str, text: str):
    document = Document(id=doc_id, path=f"{doc_id}.txt", title=doc_id, sha256=doc_id, text=text)
    return claims_from_doc(parse(text), document)


def test_a_corpus_of_articles_gets_one_name_per_person_and_keeps_namesakes_apart(parse):
    claims = [
        *_article(parse, "a", "Oleksiy Hrynchuk, 52, said the bridge was closed. Olga Marchenko, 34, agreed."),
        *_article(parse, "b", "Oleksii Hrynchuck told reporters the ferry would run. Iryna Marchenko, 34, disagreed."),
        *_article(parse, "c", "Hrynchuk said the ferry would run on Monday. Marchenko said it would not."),
    ]
    merged = aliases.merge_corpus(claims)
    got = {(c.doc, c.text): c.value.name for c in merged if c.kind == "actor"}
    assert got[("b", "Oleksii Hrynchuck")] == got[("a", "Oleksiy Hrynchuk")] == got[("c", "Hrynchuk")]
    assert got[("a", "Olga Marchenko")] != got[("b", "Iryna Marchenko")]
    assert got[("c", "Marchenko")] == "Marchenko"
    assert {c.speaker for c in merged if c.doc == "c" and "ferry" in c.sentence} == {got[("a", "Oleksiy Hrynchuk")]}


# ------------------------------------------------------------------------------------ outlets --

@pytest.mark.parametrize(("spelling", "name"), [
    ("TASS", "TASS"), ("Tass", "TASS"), ("Interfax", "Interfax"), ("RIA Novosti", "RIA Novosti"),
    ("AFP", "Agence France-Presse"), ("Agence France-Presse", "Agence France-Presse"), ("Reuters", "Reuters"),
    ("AP", "Associated Press"), ("the Associated Press", "Associated Press"), ("Ukrinform", "Ukrinform"),
    ("Anadolu", "Anadolu Agency"),
])
def test_news_agencies_are_outlets_under_one_name(spelling, name):
    found = aliases.resolve(spelling)
    assert (found.name, found.type) == (name, "outlet")


@pytest.mark.parametrize(("text", "speaker"), [
    ("A source told TASS that the envoys would meet again.", "TASS"),
    ("A source close to the negotiators told Tass that the envoys would meet again.", "TASS"),
    ("Interfax reported that the envoys would meet again.", "Interfax"),
    ("According to Ukrinform, the envoys would meet again.", "Ukrinform"),
    ("Mirela Osk told AFP that the envoys would meet again.", "Mirela Osk"),
    ("A diplomatic source told AFP that the envoys would meet again.", "Agence France-Presse"),
    ("An unnamed official told Reuters the envoys would meet again.", "Reuters"),
    ("TASS quoted a source as saying the envoys would meet again.", "TASS"),
    ("TASS quoted Mirela Osk as saying the envoys would meet again.", "Mirela Osk"),
    ("A Ukrainian official said in an interview with RIA Novosti that the envoys would meet again.", "RIA Novosti"),
    ("The Associated Press reported that the envoys would meet again.", "Associated Press"),
])
def test_an_outlet_speaks_when_the_text_says_so(parse, text, speaker):
    assert speakers(parse(text))[0] == speaker


def test_a_named_speaker_before_an_outlet_is_carried_by_he(parse):
    doc = parse("Mirela Osk arrived in Pellham. She told TASS the envoys would meet again.")
    assert speakers(doc) == [None, "Mirela Osk"]


# --------------------------------------------------------------------- where the merge is wired --

@pytest.fixture
def two_articles(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMS_STORE", str(tmp_path / "claims.db"))
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Ferry talks resume\n\nOleksiy Hrynchuk, the harbour master, said on Monday "
                                  "that the ferry would run again next week.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Harbour reopens\n\nHrynchuk said the ferry would carry 40 passengers a day "
                                  "when it returns to service.\n", encoding="utf-8")
    return folder


def _speakers_of_b(claims) -> set[str | None]:
    return {c["speaker"] for c in claims if c["doc"] == "b"}


def test_extract_json_merges_names_across_articles_and_jsonl_keeps_each_articles_own(two_articles):
    runner = CliRunner()
    whole = json.loads(runner.invoke(app, ["extract", str(two_articles), "--format", "json", "--jobs", "1"]).stdout)
    assert _speakers_of_b(whole["claims"]) == {"Oleksiy Hrynchuk"}
    lines = runner.invoke(app, ["extract", str(two_articles), "--format", "jsonl", "--jobs", "1"]).stdout
    assert _speakers_of_b([json.loads(line) for line in lines.splitlines()]) == {"Hrynchuk"}


def test_corpus_extract_paths_and_the_stored_run_merge_names(two_articles, tmp_path):
    _, claims = corpus.extract_paths([two_articles], tmp_path / "claims.db")
    assert _speakers_of_b([c.model_dump() for c in claims]) == {"Oleksiy Hrynchuk"}
    stored = corpus.stored(tmp_path / "claims.db").claims
    assert _speakers_of_b([c.model_dump() for c in stored]) == {"Oleksiy Hrynchuk"}


# ------------------------------------------------- hyphens, diacritics, defined acronyms --

@pytest.mark.parametrize(("text", "mention"), [
    ("Acting President Seo Dae-hun ordered an inspection.", "Seo Dae-hun"),
    ("Port chief executive Han E-sol apologised to the families.", "Han E-sol"),
    ("Harbour Minister Baek Min-ju said the ministry would act.", "Baek Min-ju"),
    ("The dissident Lev Orsa-Marny was freed.", "Lev Orsa-Marny"),
    ("She reported for Radio Free Valdoria/Radio Ostrel in Tarsk.", "Radio Free Valdoria/Radio Ostrel"),
])
def test_hyphenated_and_slashed_names_are_one_name(parse, text, mention):
    assert mention in {a["text"] for a in parse(text)._.actors}


@pytest.mark.parametrize(("text", "not_a_name"), [
    ("The Kremlin-backed council met.", "Kremlin-backed"),
    ("A Valdoria-led coalition met in Tarsk on Monday.", "Valdoria-led"),
])
def test_a_hyphenated_participle_is_not_part_of_a_name(parse, text, not_a_name):
    assert not_a_name not in {a["text"] for a in parse(text)._.actors}


@pytest.mark.parametrize("text", [
    "The Coastal Security Office (KBO) said on Monday that 12 sailors were home. The KBO gave no names.",
    "The KBO (Coastal Security Office) said on Monday that 12 sailors were home. The KBO gave no names.",
])
def test_an_acronym_spelt_out_beside_a_name_is_that_name(parse, text):
    named = {(a["text"], a["name"]) for a in parse(text)._.actors}
    assert ("KBO", "Coastal Security Office") in named


@pytest.mark.parametrize(("a", "b"), [
    ("\u0130lkay Dar\u0131can", "Ilkay Darican"),
    ("Jos\u00e9 Ib\u00e1\u00f1ez", "Jose Ibanez"),
    ("Seo Dae-hun", "Seo Daehun"),
    ("Seo Dae Hun", "Seo Dae-hun"),
    ("Joo Min-seok", "Ju Min-seok"),
])
def test_one_person_spelt_with_or_without_diacritics_hyphens_or_romanised_otherwise_joins(a, b):
    merged = aliases.merge_corpus([actor("d1", a), actor("d2", b), actor("d3", a)])
    assert len({name for _, name in names(merged)}) == 1


@pytest.mark.parametrize(("a", "b"), [
    ("Kim Jong-un", "Kim Jong-il"),
    ("Lee Jae-myung", "Lee Jae-yong"),
    ("Joo Min-seok", "Park Min-seok"),
])
def test_family_name_first_people_stay_apart(a, b):
    merged = aliases.merge_corpus([actor("d1", a), actor("d2", b)])
    assert names(merged) == [("d1", a), ("d2", b)]


@pytest.mark.parametrize(("a", "b", "joined"), [
    ("National Grain Organisation", "National Grain Organization", True),
    ("Ministry of Defence", "Ministry of Defense", True),
    ("M\u0130T", "MIT", True),
    ("Eastern Grain Board", "Western Grain Board", False),
    ("Slovenia", "Slovakia", False),
])
def test_a_body_spelt_two_ways_is_one_body(a, b, joined):
    merged = aliases.merge_corpus([actor("d1", a, "body"), actor("d2", b, "body"), actor("d3", a, "body")])
    assert (len({name for _, name in names(merged)}) == 1) is joined


def test_an_acronym_defined_in_one_article_names_the_body_in_another():
    defined = ActorClaim(**_base("d1", 30, "KBO", None), value=ActorValue(name="Coastal Security Office", type="body"))
    claims = [actor("d1", "Coastal Security Office", "body"), defined, actor("d2", "KBO", None)]
    assert names(aliases.merge_corpus(claims))[-1] == ("d2", "Coastal Security Office")


@pytest.mark.parametrize(("words", "owner"), [
    ("harlow", "Evan Harlow"),
    ("evan harlow", "Evan Harlow"),
    ("doe", "doe"),  # two Does in the article: nobody clear
])
def test_an_age_belongs_to_the_person_its_article_names(words, owner):
    from istanbul_claims.claims import owner_name

    assert owner_name(words, {"Evan Harlow", "Jane Doe", "John Doe"}) == owner


def test_owners_take_the_corpus_spelling_of_a_name():
    age = FigureClaim(**_base("d2", 80, "32", None),
                      value=FigureValue(min=32, max=32, unit="year", subject="age", owner="Oleksiy Hrynchuck"))
    claims = [actor("d1", "Oleksiy Hrynchuk"), actor("d3", "Oleksiy Hrynchuk"), actor("d2", "Oleksiy Hrynchuck"), age]
    assert aliases.merge_corpus(claims)[-1].value.owner == "Oleksiy Hrynchuk"


def test_a_designation_and_its_number_are_no_part_of_a_name(parse):
    assert sorted(actors(parse("The MVA Flight 516 landed in Tarsk."))) == ["MVA", "Tarsk"]
