#!/usr/bin/python3
"""The notice's provenance is given everywhere a reader looks, and every correction can be
followed from its errata row alone.

usage: provenance.py SOURCE_DIR

1. data/catalogue.json gives the notice's number, date, issuer, published title and place of
   publication, in every language.
2. README.md, data/README.md, libshenzhen(3) and shenzhen-json(5) name the published title and
   the place (www.ndrc.gov.cn), and README says what the source copy was.
3. Every row of data/errata.json names its place, its target, the damaged text, the restored
   text (empty only for page furniture), a kind and a reason of its own words.
4. Statements that went stale are gone.
Prints one line per problem; exit status 1 if any.
"""
import json
import os
import sys

root = sys.argv[1]
problems = []


def read(rel):
    with open(os.path.join(root, rel), encoding='utf-8') as f:
        return f.read()


cat = json.loads(read('data/catalogue.json'))
doc = cat['document']
TITLE = '关于推广借鉴深圳经济特区创新举措和经验做法的通知'
if doc.get('number') != '发改地区〔2021〕1072号' or doc.get('date') != '2021-07-21':
    problems.append('catalogue: number or date missing')
for key in ('issuer', 'published_title', 'published_in'):
    text = doc.get(key, {})
    if sorted(text) != ['en', 'zh-Hans', 'zh-Hant'] or not all(text.values()):
        problems.append('catalogue: document.%s must have zh-Hans, zh-Hant and en' % key)
if doc.get('published_title', {}).get('zh-Hans') != TITLE:
    problems.append('catalogue: the published title is not %s' % TITLE)
if 'www.ndrc.gov.cn' not in doc.get('published_in', {}).get('en', ''):
    problems.append('catalogue: published_in does not name www.ndrc.gov.cn')

for rel, needles in (('README.md', (TITLE, 'www.ndrc.gov.cn', 'damaged web')),
                     ('data/README.md', (TITLE, 'www.ndrc.gov.cn', 'damaged web', 'not shipped')),
                     ('libshenzhen/doc/libshenzhen.3.in', (TITLE, 'www.ndrc.gov.cn',
                                                           'SHZ_DOC_PUBLISHED_TITLE')),
                     ('libshenzhen/doc/shenzhen-json.5.in', (TITLE, 'www.ndrc.gov.cn',
                                                             'published_title', 'published_in'))):
    text = read(rel)
    for needle in needles:
        if needle not in text:
            problems.append('%s does not say %r' % (rel, needle))

errata = json.loads(read('data/errata.json'))
for k, row in enumerate(errata):
    where = 'errata[%d]' % k
    if not (isinstance(row.get('line'), int) and isinstance(row.get('column'), int)):
        problems.append('%s: no line and column' % where)
    if not row.get('target') or not row.get('seed'):
        problems.append('%s: no target or damaged text' % where)
    if not isinstance(row.get('restored'), str) or (not row['restored'] and
                                                    row.get('kind') != 'furniture'):
        problems.append('%s: no restored text' % where)
    if row.get('seed') == row.get('restored'):
        problems.append('%s: the damaged and restored texts are the same' % where)
    if row.get('kind') not in ('annotation', 'mojibake', 'typo', 'punctuation', 'furniture'):
        problems.append('%s: unknown kind' % where)
    if len(row.get('reason', '')) < 15 or not isinstance(row.get('certain'), bool):
        problems.append('%s: no reason, or no certainty' % where)

STALE = (('README.md', 'corrections: 1,125 in edition 2026.1'),
         ('libshenzhen/doc/libshenzhen.3.in', 'for titles and summaries'),
         ('data/README.md', 'Titles, summaries, measure bodies and the notice'))
for rel, phrase in STALE:
    if phrase in read(rel):
        problems.append('%s still says %r' % (rel, phrase))
note = doc.get('translation_note', '')
if 'summaries' in note and 'not translations' not in note:
    problems.append('catalogue: translation_note calls the summaries translations')
license_text = read('LICENSE')
for word in ('aliases', 'related', 'topics'):
    if word not in license_text:
        problems.append('LICENSE does not list the %s among the project\'s own work' % word)

for p in problems:
    print(p)
print('%d errata rows checked; %d problems' % (len(errata), len(problems)))
sys.exit(1 if problems else 0)
