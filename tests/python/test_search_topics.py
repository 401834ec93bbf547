"""search(topics=...): only the measures that carry one of the topics given.

The filter changes which measures can be hits, nothing else: a hit's relevance
depends on the query and the hit only, and the query's term statistics still
count the whole catalogue (shz_search_options.topics), so the filtered matches are
exactly the unfiltered matches that carry one of the topics, in the same order. The
related measures that follow the matches (those of the first hit, which the filter
may change) carry one of the topics too.
"""

import json
import os

import pytest

import shenzhen

HERE = os.path.dirname(os.path.abspath(__file__))


def development_queries() -> list:
    queries = []
    for name in ("queries.json", "dev_extra.json"):  # never test.json: held out
        with open(os.path.join(HERE, "..", "relevance", name), encoding="utf-8") as f:
            queries += [item["query"] for item in json.load(f)]
    return queries


def ids(results) -> list:
    return [(hit.measure.id, hit.relevance) for hit in results]


def carrying(results, keys) -> list:
    return [(hit.measure.id, hit.relevance) for hit in results
            if any(tp.key in keys for tp in hit.measure.topics)]


def check_related_follow(query: str, listed, matches, keys) -> int:
    """``listed`` (a filtered search with related measures) is ``matches`` (the same
    search with related=False), then related hits that carry one of ``keys``; returns their
    number."""
    assert ids(listed[:len(matches)]) == ids(matches), f"{query!r} in {keys}"
    for hit in listed[len(matches):]:
        assert "related" in hit.match, f"{query!r} in {keys}: {hit!r}"
        assert any(tp.key in keys for tp in hit.measure.topics), f"{query!r} in {keys}: {hit!r}"
    return len(listed) - len(matches)


def test_a_topic_keeps_exactly_the_hits_that_carry_it():
    queries = development_queries()
    topics = shenzhen.topics()
    assert len(topics) > 1
    checked = related = 0
    for n, query in enumerate(queries):
        everything = shenzhen.search(query, min_relevance=0, related=False)
        topic = topics[n % len(topics)]
        got = shenzhen.search(query, min_relevance=0, topics=topic.key, related=False)
        assert ids(got) == carrying(everything, {topic.key}), f"{query!r} in {topic.key}"
        listed = shenzhen.search(query, min_relevance=0, topics=topic.key)
        related += check_related_follow(query, listed, got, {topic.key})
        checked += len(got)
    assert checked > 0, "no filtered search found anything, so nothing was checked"
    assert related > 0, "no filtered search listed a related measure, so none was checked"


def test_several_topics_keep_the_hits_of_any_of_them():
    query = "科技创新"
    everything = shenzhen.search(query, min_relevance=0, related=False)
    keys = {tp.key for hit in everything[:3] for tp in hit.measure.topics[:1]}
    assert len(keys) >= 2
    got = shenzhen.search(query, min_relevance=0, topics=sorted(keys), related=False)
    assert ids(got) == carrying(everything, keys)
    listed = shenzhen.search(query, min_relevance=0, topics=sorted(keys))
    check_related_follow(query, listed, got, keys)


def test_topics_by_key_by_topic_and_mixed_agree():
    first, second = shenzhen.topics()[0], shenzhen.topics()[1]
    query = first.measures[0].title
    by_key = ids(shenzhen.search(query, topics=[first.key, second.key]))
    assert by_key
    assert ids(shenzhen.search(query, topics=[first, second])) == by_key
    assert ids(shenzhen.search(query, topics=(k for k in [first.key, second]))) == by_key
    by_object = ids(shenzhen.search(query, topics=first))
    assert by_object == ids(shenzhen.search(query, topics=first.key))


def test_no_topics_means_no_filter():
    query = "科技"
    assert ids(shenzhen.search(query, topics=None)) == ids(shenzhen.search(query))


def test_a_measure_outside_the_topic_is_not_found_even_by_its_title():
    measure = shenzhen.get(1)
    other = next(tp for tp in shenzhen.topics() if tp not in measure.topics)
    assert measure.id in [hit.measure.id for hit in shenzhen.search(measure.title)]
    assert measure.id not in [hit.measure.id
                              for hit in shenzhen.search(measure.title, topics=other.key)]


@pytest.mark.parametrize("topics, error, message", [
    ("no-such-topic", shenzhen.OptionsError, "unknown topic 'no-such-topic'"),
    (["healthcare", "nope"], shenzhen.OptionsError, "unknown topic 'nope'"),
    ([], shenzhen.OptionsError, "topics is empty"),
    ("", shenzhen.OptionsError, "unknown topic ''"),
    (3, TypeError, "topics must be a topic key"),
    ([3], TypeError, "a topic must be a key"),
    ([None], TypeError, "a topic must be a key"),
    (b"healthcare", TypeError, "a topic must be a key"),
])
def test_bad_topics_are_refused_clearly(topics, error, message):
    with pytest.raises(error, match=message):
        shenzhen.search("科技", topics=topics)


def test_an_unknown_topic_is_an_options_error_and_a_value_error():
    with pytest.raises(ValueError) as caught:
        shenzhen.search("科技", topics="nope")
    assert isinstance(caught.value, shenzhen.Error)
    assert caught.value.status == shenzhen.OptionsError.status
