#!/usr/bin/python3
"""Builds a synthetic catalogue SCALE times the size of a real one, same schema,
for the search benchmark's scaling runs (tests/bench/search_bench.c).

    make_synthetic.py --scale 100 [--mode markov|shards] [--seed N] IN.json OUT.json

The original measures come first, unchanged, so the benchmark's queries (drawn
from them) mean the same at every scale; (SCALE - 1) x N new measures follow.
Their text comes from order-2 character Markov chains trained on the real
titles and bodies (word chains for the English, syllables for the pinyin), so
lengths, punctuation and n-gram statistics look like the real thing.

--mode markov (default): the new text shares the real vocabulary, so a common
  query's hits grow in proportion to the catalogue: the pessimistic case.
--mode shards: each block of N new measures also renames its Han characters
  through its own random permutation of a few thousand CJK characters, like
  adding documents on other subjects: the query's own hits stay few and the
  run measures what the index costs as the text around them grows.
zh-Hant is a copy of zh-Hans (only span languages use it). Deterministic.
"""
import argparse
import json
import random
from collections import defaultdict


def chain(texts, order):
    model = defaultdict(list)
    for t in texts:
        padded = "\x02" * order + t + "\x03"
        for i in range(order, len(padded)):
            model[padded[i - order:i]].append(padded[i])
    return model


def generate(model, order, rng, min_len, max_len):
    while True:
        state, out = "\x02" * order, []
        while len(out) < max_len:
            nxt = rng.choice(model[state])
            if nxt == "\x03":
                break
            out.append(nxt)
            state = (state + nxt)[-order:]
        if len(out) >= min_len:
            return "".join(out)


def word_chain(texts):
    model = defaultdict(list)
    for t in texts:
        words = ["\x02"] + t.split() + ["\x03"]
        for a, b in zip(words, words[1:]):
            model[a].append(b)
    return model


def generate_words(model, rng, max_words):
    word, out = "\x02", []
    while len(out) < max_words:
        word = rng.choice(model[word])
        if word == "\x03":
            break
        out.append(word)
    return " ".join(out) or "Measure"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=int, required=True)
    ap.add_argument("--mode", choices=["markov", "shards"], default="markov")
    ap.add_argument("--seed", type=int, default=1072)
    ap.add_argument("input")
    ap.add_argument("output")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    cat = json.load(open(args.input, encoding="utf-8"))
    real = cat["measures"]
    titles = chain([m["title"]["zh-Hans"] for m in real], 2)
    bodies = chain([m["body"]["zh-Hans"] for m in real], 2)
    en_titles = word_chain([m["title"]["en"] for m in real])
    summaries = word_chain([m["summary"]["en"] for m in real])
    syllables = sorted({s for m in real for s in m["pinyin"]["full"].split()})
    han = sorted({c for m in real for c in m["title"]["zh-Hans"] + m["body"]["zh-Hans"]
                  if "\u4e00" <= c <= "\u9fff"})
    pool = [chr(c) for c in range(0x4E00, 0x4E00 + 6000)]

    measures = list(real)
    for block in range(1, args.scale):
        rename = {}
        if args.mode == "shards":
            rename = dict(zip(han, rng.sample(pool, len(han))))
        for m in real:
            def zh(model, lo, hi):
                text = generate(model, 2, rng, lo, hi)
                return "".join(rename.get(c, c) for c in text)
            title = zh(titles, 8, 40)
            body = zh(bodies, 60, 400)
            pinyin = " ".join(rng.choice(syllables) for _ in range(max(2, len(title) // 2)))
            measures.append({
                "id": len(measures) + 1,
                "category": m["category"],
                "title": {"zh-Hans": title, "zh-Hant": title,
                          "en": generate_words(en_titles, rng, 24)},
                "body": {"zh-Hans": body, "zh-Hant": body,
                         "en": generate_words(summaries, rng, 120)},
                "summary": {"en": generate_words(summaries, rng, 60)},
                "pinyin": {"full": pinyin, "initials": "".join(s[0] for s in pinyin.split())},
                "keywords": m["keywords"],
                "cites": [],
                "aliases": m["aliases"],
                **{k: m[k] for k in ("keywords_zh_hant", "topics") if k in m},
            })
    cat["measures"] = measures
    cat["edition"] = f'{cat["edition"]}-synthetic-{args.scale}x-{args.mode}'
    with open(args.output, "w", encoding="utf-8") as f:
        json.dump(cat, f, ensure_ascii=False)


if __name__ == "__main__":
    main()
