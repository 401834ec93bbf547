#!/usr/bin/python3
"""The generator must refuse malformed data with a clear message and fail the build.

usage: generator_rejects.py SHZ_GEN CATALOGUE.json ERRATA.json WORKDIR

Each case damages a copy of the real catalogue in one way, or gives it a thesaurus
with one bad row, runs the generator and expects a non-zero exit, no output files,
and a message naming the problem.
The undamaged copy must be accepted, so a generator that rejects everything fails too.
"""
import json
import os
import subprocess
import sys
from typing import Optional

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


def run(name, data, thesaurus=None):
    path = os.path.join(work, name + '.json')
    with open(path, 'wb') as f:
        f.write(data)
    outs = [os.path.join(work, name + s) for s in ('_catalogue.c', '_index.c')]
    for o in outs:
        if os.path.exists(o):
            os.remove(o)
    extra = []
    if thesaurus is not None:  # no polyphonic words, then the thesaurus rows
        extra = [os.path.join(work, 'no_pinyin_words.tsv'), os.path.join(work, name + '.tsv')]
        with open(extra[0], 'w', encoding='utf-8') as f:
            f.write('# none\n')
        with open(extra[1], 'w', encoding='utf-8') as f:
            f.write('# a thesaurus\n' + thesaurus)
    r = subprocess.run([gen, path, errata_path, digest] + outs + extra, capture_output=True,
                       text=True)
    return r, outs


# Thesaurus rows (data/thesaurus.tsv): good ones, then rows that break one rule each. The
# words are checked against the real catalogue: 看医生 and mistake are words it lacks, and
# 离婚 and visa (rows without catalogue words: subjects no measure addresses), and car insurance,
# an English phrase whose words the catalogue has, though never together.
good_thesaurus = '看医生\t医疗\t医院\nmistake\tviolation\n离婚\t-\nvisa\t-\ncar insurance\t-\n'
thesaurus_cases = [
    ('thesaurus_word_in_catalogue', '破产\t债务\n', ':2: the catalogue has this word already'),
    ('thesaurus_english_stem_in_catalogue', 'penalties\tviolation\n',
     'the catalogue has this word already: the search finds it as it is (penalties)'),
    ('thesaurus_target_missing', '看医生\t诊所门诊\n',
     "no measure's text, keywords or aliases have this catalogue word (诊所门诊)"),
    ('thesaurus_scripts_mixed', '看医生\tmedical\n',
     'a Chinese word has Chinese catalogue words, an English one English (medical)'),
    ('thesaurus_traditional', '看醫生\t医疗\n', 'not in the form the search folds to'),
    ('thesaurus_uppercase', 'Mistake\tviolation\n', 'not in the form the search folds to'),
    ('thesaurus_not_letters', 'e-mail\tonline\n', 'Han characters only, or lowercase letters'),
    ('thesaurus_word_too_long', '看医生看医生看\t医疗\n', 'a Chinese word has 2 to 6 characters'),
    ('thesaurus_word_too_short', '诊\t医疗\n', 'a Chinese word has 2 to 6 characters'),
    ('thesaurus_no_targets', '看医生\n', 'a row is a word and 1 to 8 catalogue words'),
    ('thesaurus_off_topic_in_catalogue', '破产\t-\n', ':2: the catalogue has this word already'),
    ('thesaurus_off_topic_and_targets', '离婚\t-\t医疗\n',
     'Han characters only, or lowercase letters'),
    ('thesaurus_too_many_targets', '看医生' + '\t医疗\t医院\t健康\t卫生\t社区\t儿童\t学校\t图书馆\t公园\n',
     'a row is a word and 1 to 8 catalogue words'),
    ('thesaurus_target_twice', '看医生\t医疗\t医院\t医疗\n', 'a catalogue word is named twice'),
    ('thesaurus_word_twice', good_thesaurus + '看医生\t医院\n', ':7: the word of line 2 again'),
    ('thesaurus_english_stem_twice', good_thesaurus + 'visas\t-\n', ':7: the word of line 5 again'),
    ('thesaurus_phrase_stems_twice', good_thesaurus + 'cars insurances\t-\n',
     ':7: the word of line 6 again'),
    ('thesaurus_phrase_in_catalogue', 'catastrophe insurance\t-\n',
     ":2: the catalogue's English has this phrase already"),
    ('thesaurus_phrase_stem_in_catalogue', 'catastrophes insurances\t-\n',
     ":2: the catalogue's English has this phrase already"),
    ('thesaurus_phrase_with_catalogue_words', 'car insurance\tinsurance\n',
     'an English phrase names a subject no measure addresses'),
    ('thesaurus_phrase_of_three_words', 'car insurance claim\t-\n',
     'an English phrase: two such words and a space'),
    ('thesaurus_phrase_two_spaces', 'car  insurance\t-\n',
     'an English phrase: two such words and a space'),
    ('thesaurus_phrase_ends_in_space', 'insurance \t-\n',
     'an English phrase: two such words and a space'),
    ('thesaurus_han_phrase', '看 医生\t-\n', 'a word is Han characters only'),
    ('thesaurus_phrase_word_too_short', 'a insurance\t-\n', 'an English word has 2 to 24'),
    ('thesaurus_line_too_long', '看医生' + '\t医疗' * 200 + '\n',
     'the line is longer than a row can be'),
]


def letters(n: int, width: int) -> str:
    """n in base 26, a-z, `width` letters."""
    out = ''
    for _ in range(width):
        out = chr(ord('a') + n % 26) + out
        n //= 26
    return out


# Rows whose words and terminators add up to more code points than the index's uint16 row
# offsets reach: 2,800 distinct made-up words of 23 letters (ending in q, which no English
# suffix rule strips), 24 code points a row.
too_many = ''.join('zz%sq\t-\n' % letters(i, 20) for i in range(2800))
thesaurus_cases.append(('thesaurus_too_many_code_points', too_many,
                        'code points in all, more than the index\'s 65535'))


def with_aliases(count):
    """Measure 7 (index 6) with exactly `count` distinct aliases."""
    def mutate(cat):
        aliases = cat['measures'][6]['aliases']
        aliases[:] = (aliases + [{'text': 'alias word %d' % k, 'kind': 'english'}
                                 for k in range(count)])[:count]
    return mutate


def invalid_utf8(cat):
    cat['measures'][4]['body']['zh-Hans'] = 'MARKER'
    return json.dumps(cat, ensure_ascii=False).encode().replace(b'MARKER', b'\xe5\x8f\xff')


def overlong(cat):
    cat['categories'][1]['title']['zh-Hant'] = 'MARKER'
    return json.dumps(cat, ensure_ascii=False).encode().replace(b'MARKER', b'\xc0\xaf')


def schema2(cat):
    """The catalogue as schema 2: English bodies and paragraphs and aliases, filled in if absent."""
    cat['schema'] = 2
    for p in cat['document']['paragraphs']:
        p.setdefault('en', 'Paragraph.')
    for m in cat['measures']:
        m['body'].setdefault('en', 'Body.')
        m.setdefault('aliases', ['alias %d' % m['id']])
        # Schema 3 writes aliases as {"text", "kind"}; schema 2 as plain strings.
        m['aliases'] = [a['text'] if isinstance(a, dict) else a for a in m['aliases']]
    return cat


def schema1(cat):
    """The catalogue as schema 1 (library 1.0): no English bodies or paragraphs, no aliases."""
    cat['schema'] = 1
    for p in cat['document']['paragraphs']:
        p.pop('en', None)
    for m in cat['measures']:
        m['body'].pop('en', None)
        m.pop('aliases', None)
    return cat


def in_schema2(mutate):
    return lambda c: mutate(schema2(c))


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
    ('wrong_schema', lambda c: c.update({'schema': 4}), 'expected "schema": 1, 2 or 3'),
    ('schema_as_string', lambda c: c.update({'schema': '2'}), 'expected "schema": 1, 2 or 3'),
    # Schema 3: topics, related links, alias kinds, zh-Hant keywords, provenance.
    ('topic_unused', lambda c: [m.update({'topics': [t for t in m['topics'] if t['topic'] != 4]
                                          or [{'topic': 1, 'reason': m['topics'][0]['reason']}]})
                                for m in c['measures']],
     'topics[3]: topic "venture-capital" has no measures'),
    ('topic_unknown', lambda c: c['measures'][3]['topics'][0].update({'topic': 99}),
     'measures[3].topics[0]: "topic" must be an id from 1 to'),
    ('topic_repeated', lambda c: c['measures'][4]['topics'].append(c['measures'][4]['topics'][0]),
     'measures[4].topics[2]: repeats topic'),
    ('topics_too_many', lambda c: c['measures'][0]['topics'].extend(
        [{'topic': t, 'reason': {'zh-Hans': 'x', 'zh-Hant': 'x', 'en': 'x'}} for t in (20, 21)]),
     'measures[0]: "topics" must be an array of 1 to 4 topics'),
    ('topics_none', lambda c: c['measures'][0].update({'topics': []}),
     'measures[0]: "topics" must be an array of 1 to 4 topics'),
    ('topic_reason_missing_en', lambda c: c['measures'][2]['topics'][0]['reason'].pop('en'),
     'measures[2].topics[0].reason: missing field "en"'),
    ('topic_key_bad', lambda c: c['topics'][1].update({'key': 'Key Tech'}),
     "topics[1]: \"key\" may hold only a-z, 0-9 and '-'"),
    ('topic_key_repeated', lambda c: c['topics'][1].update({'key': c['topics'][0]['key']}),
     'topics[1]: key "basic-research" repeats topics[0]'),
    ('related_self', lambda c: c['related'][0].update({'measures': [3, 3]}),
     'related[0]: links measure 3 to itself'),
    ('related_twice', lambda c: c['related'].insert(1, json.loads(json.dumps(c['related'][0]))),
     'related[1]: links must be written lower id first'),
    ('related_reversed', lambda c: c['related'][0]['measures'].reverse(),
     'related[0]: links must be written lower id first'),
    ('related_unknown_measure', lambda c: c['related'][-1].update({'measures': [1, 48]}),
     '"measures"[1] is not a measure id'),
    ('related_bad_grade', lambda c: c['related'][0].update({'grade': 3}),
     'related[0]: "grade" must be 1 or 2'),
    ('related_reason_missing', lambda c: c['related'][0].pop('reason'),
     'related[0].reason: missing'),
    ('alias_kind_unknown', lambda c: c['measures'][6]['aliases'][0].update({'kind': 'slang'}),
     'measures[6].aliases[0]: unknown alias kind "slang"'),
    ('alias_as_string', lambda c: c['measures'][6]['aliases'].__setitem__(0, 'x'),
     'measures[6].aliases[0]: must be an object'),
    ('alias_repeated_schema3', lambda c: c['measures'][6]['aliases'].append(
        dict(c['measures'][6]['aliases'][0])), 'repeats'),
    ('aliases_too_many', with_aliases(13), 'measures[6]: "aliases" holds 13 aliases, more than 12'),
    ('keywords_hant_short', lambda c: c['measures'][5]['keywords_zh_hant'].pop(),
     'measures[5]: "keywords_zh_hant" must have one entry per keyword'),
    ('published_title_missing', lambda c: c['document'].pop('published_title'),
     'document.published_title: missing'),
    ('schema2_missing_aliases', in_schema2(lambda c: c['measures'][6].pop('aliases')),
     'measures[6]: missing field "aliases"'),
    ('aliases_not_list', in_schema2(lambda c: c['measures'][6].update({'aliases': 'x'})),
     '"aliases" must be an array'),
    ('alias_not_string', in_schema2(lambda c: c['measures'][6].update({'aliases': ['a', 7]})),
     '"aliases"[1] must be a non-empty UTF-8 string'),
    ('alias_empty', in_schema2(lambda c: c['measures'][6].update({'aliases': ['']})),
     '"aliases"[0] must be a non-empty UTF-8 string'),
    ('alias_repeated', in_schema2(lambda c: c['measures'][6].update({'aliases': ['a', 'b', 'a']})),
     '"aliases"[2] repeats "a"'),
    ('schema1_alias_not_list', lambda c: c['measures'][6].update({'aliases': {'en': 'x'}}),
     '"aliases" must be an array'),
    ('schema2_missing_body_en', in_schema2(lambda c: c['measures'][8]['body'].pop('en')),
     'measures[8].body: missing field "en"'),
    ('body_en_not_string', in_schema2(lambda c: c['measures'][8]['body'].update({'en': ['x']})),
     'measures[8].body: "en" must be a string'),
    ('body_en_empty', in_schema2(lambda c: c['measures'][8]['body'].update({'en': ''})),
     'measures[8].body: "en" must not be empty'),
    ('schema1_body_en_not_string', lambda c: c['measures'][8]['body'].update({'en': 5}),
     'measures[8].body: "en" must be a string'),
    ('schema2_missing_paragraph_en', in_schema2(lambda c: c['document']['paragraphs'][2].pop('en')),
     'document.paragraphs[2]: missing field "en"'),
    ('paragraph_en_not_string',
     in_schema2(lambda c: c['document']['paragraphs'][2].update({'en': None})),
     'document.paragraphs[2]: "en" must be a string'),
    ('paragraph_unknown_language', lambda c: c['document']['paragraphs'][0].update({'de': 'x'}),
     'unknown language tag "de"'),
    ('invalid_utf8', invalid_utf8, 'not valid UTF-8'),
    ('overlong_utf8', overlong, 'not valid UTF-8'),
    ('truncated_json', lambda c: json.dumps(c).encode()[:-20], 'malformed JSON'),
]

failures = 0
for name, mutate in (('undamaged', lambda c: None), ('undamaged_schema1', schema1),
                     ('undamaged_schema2', schema2),
                     ('undamaged_twelve_aliases', with_aliases(12))):
    r, outs = run(name, damaged(mutate))
    if r.returncode != 0 or not all(os.path.exists(o) for o in outs):
        print('FAIL %s catalogue rejected: %s' % (name, r.stderr.strip()))
        failures += 1
r, outs = run('undamaged_thesaurus', damaged(lambda c: None), good_thesaurus)
if r.returncode != 0 or not all(os.path.exists(o) for o in outs):
    print('FAIL undamaged_thesaurus rejected: %s' % r.stderr.strip())
    failures += 1


def refused(name: str, data: bytes, expected: str, thesaurus: Optional[str] = None) -> bool:
    """Whether the generator refused, in one line naming the problem, and wrote nothing."""
    r, outs = run(name, data, thesaurus)
    ok = r.returncode != 0 and expected in r.stderr and not any(os.path.exists(o) for o in outs)
    ok = ok and r.stderr.count('\n') == 1  # one clear line, not a cascade
    print(('ok   ' if ok else 'FAIL ') + name + ': ' + r.stderr.strip())
    return ok


for name, mutate, expected in cases:
    failures += not refused(name, damaged(mutate), expected)
for name, rows, expected in thesaurus_cases:
    failures += not refused(name, damaged(lambda c: None), expected, rows)
total = len(cases) + len(thesaurus_cases) + 5
print('%d passed, %d failed' % (total - failures, failures))
sys.exit(1 if failures else 0)
