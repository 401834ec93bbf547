#!/usr/bin/python3
"""The generator must refuse malformed data with a clear message and fail the build.

usage: generator_rejects.py SHZ_GEN CATALOGUE.json ERRATA.json WORKDIR

Each case damages a copy of the real catalogue in one way, runs the generator
and expects a non-zero exit, no output files, and a message naming the problem.
The undamaged copy must be accepted, so a generator that rejects everything fails too.
"""
import json
import os
import subprocess
import sys

gen, catalogue_path, errata_path, work = sys.argv[1:5]
os.makedirs(work, exist_ok=True)
with open(catalogue_path, encoding='utf-8') as f:
    good = json.load(f)
digest = os.path.join(work, 'digest')
with open(digest, 'w') as f:
    f.write('0' * 64)


def damaged(mutate):
    cat = json.loads(json.dumps(good))
    raw = mutate(cat)
    return raw if isinstance(raw, bytes) else json.dumps(cat, ensure_ascii=False).encode()


def run(name, data):
    path = os.path.join(work, name + '.json')
    with open(path, 'wb') as f:
        f.write(data)
    outs = [os.path.join(work, name + s) for s in ('_catalogue.c', '_index.c')]
    for o in outs:
        if os.path.exists(o):
            os.remove(o)
    r = subprocess.run([gen, path, errata_path, digest] + outs, capture_output=True, text=True)
    return r, outs


def invalid_utf8(cat):
    cat['measures'][4]['body']['zh-Hans'] = 'MARKER'
    return json.dumps(cat, ensure_ascii=False).encode().replace(b'MARKER', b'\xe5\x8f\xff')


def overlong(cat):
    cat['categories'][1]['title']['zh-Hant'] = 'MARKER'
    return json.dumps(cat, ensure_ascii=False).encode().replace(b'MARKER', b'\xc0\xaf')


cases = [
    ('missing_title', lambda c: c['measures'][3].pop('title'), 'measures[3].title: missing'),
    ('missing_body_lang', lambda c: c['measures'][3]['body'].pop('zh-Hans'),
     'missing field "zh-Hans"'),
    ('empty_title', lambda c: c['measures'][0]['title'].update({'zh-Hans': ''}),
     'must not be empty'),
    ('duplicate_id', lambda c: c['measures'][5].update({'id': 5}),
     'duplicate or out-of-order id 5'),
    ('missing_id', lambda c: c['measures'][5].update({'id': 8}), 'missing id'),
    ('id_not_integer', lambda c: c['measures'][5].update({'id': 6.5}), 'must be an integer'),
    ('unknown_category', lambda c: c['measures'][2].update({'category': 9}), 'unknown category 9'),
    ('empty_category',
     lambda c: [m.update({'category': 1}) for m in c['measures'] if m['category'] == 2],
     'category 2 has no measures'),
    ('unknown_language', lambda c: c['measures'][1]['title'].update({'fr': 'x'}),
     'unknown language tag "fr"'),
    ('keywords_not_list', lambda c: c['measures'][1].update({'keywords': 'x'}), 'must be an array'),
    ('wrong_schema', lambda c: c.update({'schema': 2}), 'expected "schema": 1'),
    ('invalid_utf8', invalid_utf8, 'not valid UTF-8'),
    ('overlong_utf8', overlong, 'not valid UTF-8'),
    ('truncated_json', lambda c: json.dumps(c).encode()[:-20], 'malformed JSON'),
]

failures = 0
r, outs = run('undamaged', damaged(lambda c: None))
if r.returncode != 0 or not all(os.path.exists(o) for o in outs):
    print('FAIL undamaged catalogue rejected:', r.stderr.strip())
    failures += 1
for name, mutate, expected in cases:
    r, outs = run(name, damaged(mutate))
    ok = r.returncode != 0 and expected in r.stderr and not any(os.path.exists(o) for o in outs)
    ok = ok and r.stderr.count('\n') == 1  # one clear line, not a cascade
    print(('ok   ' if ok else 'FAIL ') + name + ': ' + r.stderr.strip())
    failures += not ok
total = len(cases) + 1
print('%d passed, %d failed' % (total - failures, failures))
sys.exit(1 if failures else 0)
