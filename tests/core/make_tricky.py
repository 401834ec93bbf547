#!/usr/bin/python3
"""Writes a copy of the catalogue whose texts hold what a JSON printer can get wrong.

usage: make_tricky.py IN.json OUT.json

The real catalogue has no ASCII quote, backslash, tab or control character, and no
bracket, brace, comma or colon that a re-indenter could mistake for structure; this copy
puts all of them into texts (TRICKY below), and gives one measure empty lists, so that the
JSON layout can be tested against them. test_json_layout.c expects these exact strings.
"""
import json
import sys

TRICKY = 'a "quoted" {x: [1, 2]}, back\\slash\\\\ tab\there\nnew line\r\x01\x1f end\\'

src, out = sys.argv[1:3]
with open(src, encoding='utf-8') as f:
    cat = json.load(f)
cat['categories'][0]['title']['en'] = TRICKY
cat['measures'][0]['title']['en'] = TRICKY
cat['measures'][0]['keywords'] = [TRICKY, '[', ']', '{', '}', ',', ':', '"', '\\']
cat['measures'][0]['keywords_zh_hant'] = cat['measures'][0]['keywords']
cat['measures'][1]['aliases'] = []
cat['measures'][1]['cites'] = []
cat['document']['paragraphs'][0]['en'] = TRICKY
cat['edition'] = cat['edition'] + '-tricky'
with open(out, 'w', encoding='utf-8') as f:
    json.dump(cat, f, ensure_ascii=False)
