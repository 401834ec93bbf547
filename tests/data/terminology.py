#!/usr/bin/python3
"""The English follows data/terminology.json, and is spelled the American way.

usage: terminology.py CATALOGUE.json TERMINOLOGY.json

1. Every title, body, notice paragraph and category title whose zh-Hans text holds a term of the
   table renders it in its English as the table says (compared without case), and uses none of
   the term's "avoid" forms; nor does the measure's summary.
2. No English text of the catalogue (titles, bodies, summaries, paragraphs, the notice's fields,
   topics, reasons, English aliases) uses a British spelling of the list below.
3. The table itself: distinct terms, each rendering found at least once (a row nothing uses is a
   row nobody checked).
Prints one line per problem and exits 1 if there is any.
"""
import json
import re
import sys

catalogue_path, terms_path = sys.argv[1:3]
with open(catalogue_path, encoding='utf-8') as f:
    cat = json.load(f)
with open(terms_path, encoding='utf-8') as f:
    terms = json.load(f)['terms']

BRITISH = re.compile(
    r"\b(\w*(organis|recognis|realis|utilis|standardis|optimis|prioritis|minimis|maximis|mobilis"
    r"|authoris|digitalis|industrialis|modernis|urbanis|internationalis|civilis|centralis"
    r"|harmonis|summaris)(e|es|ed|ing|ation|ations)\b"
    r"|(characteris|specialis)(e|es|ed|ing|ation)\b"
    r"|centre|colour|favour|labour|behaviour|neighbour|programme|licence|defence|offence"
    r"|catalogu|travell|counsell|modell|labell|judgement|ageing\b|fulfil\b|enrol\b|practis"
    r"|analys(e|ed|ing)\b|cheque|metre|litre|fibre|theatre)", re.I)

problems = []
pairs = []  # (where, zh-Hans, en)
d = cat['document']
for k, p in enumerate(d['paragraphs']):
    pairs.append(('document paragraph %d' % k, p['zh-Hans'], p['en']))
for key in ('title', 'published_title', 'attachment', 'issuer', 'addressees'):
    if key in d:
        pairs.append(('document %s' % key, d[key]['zh-Hans'], d[key]['en']))
for c in cat['categories']:
    pairs.append(('category %d title' % c['id'], c['title']['zh-Hans'], c['title']['en']))
for m in cat['measures']:
    for field in ('title', 'body'):
        pairs.append(('measure %d %s' % (m['id'], field), m[field]['zh-Hans'], m[field]['en']))
    # The summary renders the measure's terms as its body does (checked only as "avoid" forms:
    # a one-sentence summary need not name every term).
    pairs.append(('measure %d summary' % m['id'], m['title']['zh-Hans'] + m['body']['zh-Hans'],
                  ' '.join((m['title']['en'], m['summary']['en'], m['body']['en']))))

seen = set()
used = set()
for t in terms:
    if t['zh'] in seen:
        problems.append('terminology: %s twice' % t['zh'])
    seen.add(t['zh'])
    for where, zh, en in pairs:
        if t['zh'] in zh:
            used.add(t['zh'])
            if t['en'].lower() not in en.lower():
                problems.append('%s: %s is not rendered "%s"' % (where, t['zh'], t['en']))
            for other in t.get('avoid', []):
                if other.lower() in en.lower():
                    problems.append('%s: %s rendered "%s", not "%s"'
                                    % (where, t['zh'], other, t['en']))
for t in terms:
    if t['zh'] not in used:
        problems.append('terminology: %s occurs in no text' % t['zh'])


def english(obj, path):
    """Every English string of the catalogue, with its JSON path."""
    if isinstance(obj, dict):
        for k, v in obj.items():
            if isinstance(v, str) and (k in ('en', 'translation_note') or
                                       (k == 'text' and v.isascii())):
                yield path + '/' + k, v
            else:
                yield from english(v, path + '/' + k)
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from english(v, '%s/%d' % (path, i))


texts = 0
for where, text in english(cat, ''):
    texts += 1
    for m in BRITISH.finditer(text):
        problems.append('%s: British spelling "%s"' % (where, m.group(0)))

for p in problems:
    print(p)
print('%d terms over %d texts; %d English strings checked for spelling; %d problems'
      % (len(terms), len(pairs), texts, len(problems)))
sys.exit(1 if problems else 0)
