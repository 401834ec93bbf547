#!/usr/bin/python3
"""Draft the Chinese text of data/catalogue.json and data/errata.json from the damaged seed.

The seed (../shared/seed/000_aba122246e41847e.txt, relative to the repository root) is a web
page's traditional-character rendering of NDRC notice 发改地区〔2021〕1072号.  This script
restores the simplified original step by step and records one errata row per correction:

1. furniture   The page's trailing lines (link bar, copyright, phone, address/ICP) are not part
               of the notice; each is dropped with one row (kind "furniture").  Pinyin
               annotations inside those lines go with them and get no rows of their own.
2. annotation  Pinyin glued after characters, e.g. 發(fā)展 -> 發展: "(" + lowercase toneful
               pinyin + ")".  One row per annotation (kind "annotation").  Real parentheses
               such as 圖書館(室) contain Han characters and are left to step 5.
3. mojibake    Some passages were garbled: the traditional text was encoded in GBK, its first
               byte lost, and the rest decoded again as GB18030 (the lost bytes show as "?",
               undecodable pairs vanish, a stray 0x80 shows as €, full-width punctuation was
               later made ASCII like in the rest of the page).  Repairs come from the "mojibake"
               rows of corrections.tsv; each is re-verified here by garbling s2t(restored) the
               same way and comparing with the seed (note: the naive check
               restored.encode('utf-8').decode('gbk') does NOT reproduce the seed).
4. conversion  Traditional -> simplified with `opencc -c t2s.json`.  This is a conversion of the
               script, not a correction of the text, so it produces no errata rows; the few
               characters t2s leaves in their traditional-only sense are put right by HANS_FIXES.
5. punctuation Mechanical: ASCII , : ; ( ) -> ，：；（）, "--" -> "——", stray spaces removed
               (kind "punctuation").  Positions covered by a hand correction are left to it.
6. corrections The other rows of corrections.tsv (typos and hand punctuation fixes), applied after
               the conversion; "restored" is the final zh-Hans text.

Every errata row gives the 1-based line and column (in characters) of the seed text it replaces;
"seed" is always the exact seed substring found there and "restored" the zh-Hans text it became
(for annotation rows: the annotated character after conversion; a later typo row may change it
again, and annotations inside a mojibake passage keep the garbage character they followed).

zh-Hant is `opencc -c s2tw.json` of the restored zh-Hans (Taiwan standard forms: 為 群 眾 裡 著
啟 核, not OpenCC's own 爲 羣 衆 裏 着 啓 覈), checked by eye; the few phrases OpenCC gets wrong
are put right by HANT_FIXES below (no errata rows: they are not seed corrections), and Taiwan's
quotation marks 「」『』 and 臺帳 replace what s2tw leaves (TAIWAN_FORMS).
cites are the 《…》 titles of a measure's title and body, in order, deduplicated.

Usage:
  draft.py --catalogue OUT.json --errata OUT.json [--base CATALOGUE.json] [--seed SEED]
      write a draft; project-authored fields (en, summary, pinyin, keywords and their zh-Hant
      forms, aliases, topics, related links, provenance, translation_note) are empty, or copied
      from --base when given.
  draft.py --check
      regenerate and compare with the committed data/catalogue.json (Chinese fields, ids,
      categories, cites) and data/errata.json (exactly); exit status 1 on any difference.
Only the standard library and the opencc command-line tool (Debian package opencc) are used.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import unicodedata

TOOLS = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(TOOLS)
REPO = os.path.dirname(DATA)
SEED = os.path.join(os.path.dirname(REPO), 'shared', 'seed', '000_aba122246e41847e.txt')
CORRECTIONS = os.path.join(TOOLS, 'corrections.tsv')
CATALOGUE = os.path.join(DATA, 'catalogue.json')
ERRATA = os.path.join(DATA, 'errata.json')

SCHEMA = 3
EDITION = '2026.6'
NUMBER = '发改地区〔2021〕1072号'
EXPECTED_CATEGORY_SIZES = [8, 10, 8, 9, 12]

PINYIN = re.compile(r'\(([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+)\)')
STRAY_FRAGMENT = re.compile(r'[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)')
HAN = r'\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f'

# Trailing page furniture: (pattern on the seed line, reason)
FURNITURE = [
    (re.compile(r'^點擊字體鏈接'),
     'site link bar (点击字体链接进入…专家解读) after the attachment; not part of the notice'),
    (re.compile(r'版權所有'),
     'site footer: image placeholders and copyright holder of the hosting site; '
     'not part of the notice'),
    (re.compile(r'^聯(\(lián\))?系電話'),
     'site footer: phone number and e-mail of the hosting site; not part of the notice'),
    (re.compile(r'^通訊地址'),
     'site footer: postal address and ICP licence number of the hosting site; '
     'not part of the notice'),
]

MECHANICAL = {
    ',': ('，', "ASCII ',' in Chinese running text; the original uses the full-width comma ，"),
    ':': ('：', "ASCII ':' in Chinese running text; the original uses the full-width colon ："),
    ';': ('；', "ASCII ';' in Chinese running text; the original uses the full-width semicolon ；"),
    '(': ('（', "ASCII '(' in Chinese running text; the original uses full-width parentheses （）"),
    ')': ('）', "ASCII ')' in Chinese running text; the original uses full-width parentheses （）"),
}

# OpenCC s2tw mistakes found by reading the zh-Hant text: (wrong, right, why).  Each must occur
# exactly once in the converted text, so a change of OpenCC version that fixes or moves one is
# noticed.
HANT = 's2tw.json'  # zh-Hant in Taiwan's standard forms
HANT_BACK = 'tw2s.json'  # and back, for the round-trip check
HANT_FIXES = [
    ('新徵程', '新征程', '征程 (journey) keeps 征; 徵 is the traditional form only of 征收/特征'),
    ('破產製度', '破產制度', '制度 (system) keeps 制; OpenCC segments 破产制 and writes 製'),
    ('一箇中心', '一個中心', 'measure word 个 -> 個; OpenCC matched the phrase 个中 (箇中, "therein")'),
]

# Taiwan's writing that s2tw does not give: its quotation marks (「」 outside, 『』 inside, where
# the mainland writes “” and ‘’) and 臺帳 (ledger; s2tw writes 臺賬).  Applied after HANT_FIXES,
# and undone before the round-trip check (tw2s leaves quotation marks alone).
TAIWAN_FORMS = [('“', '「'), ('”', '」'), ('‘', '『'), ('’', '』'), ('臺賬', '臺帳')]


def taiwan(text):
    for mainland, taiwan_form in TAIWAN_FORMS:
        text = text.replace(mainland, taiwan_form)
    return text


def untaiwan(text):
    for mainland, taiwan_form in TAIWAN_FORMS:
        text = text.replace(taiwan_form, mainland)
    return text


# OpenCC t2s mistakes: characters that are also valid simplified characters, so t2s keeps them
# where the simplified original has the other form.  Same shape as HANT_FIXES; same length.
HANS_FIXES = [
    ('著力', '着力', '着力 (to put effort into) is written 着 in simplified Chinese; 著 is kept by t2s '
     'because it is also a simplified character (著作)'),
]

SKIP = 77  # exit status that ctest reports as "skipped" (SKIP_RETURN_CODE)

KIND_ORDER = {'furniture': 0, 'annotation': 1, 'mojibake': 2, 'punctuation': 3, 'typo': 4}


class Fail(Exception):
    pass


def opencc(text, config):
    r = subprocess.run(['opencc', '-c', config], input=text, capture_output=True, text=True)
    if r.returncode != 0:
        raise Fail('opencc %s failed: %s' % (config, r.stderr.strip()))
    out = r.stdout
    if out.endswith('\n') and not text.endswith('\n'):
        out = out[:-1]
    return out


# ---------------------------------------------------------------------------------------------
# mojibake model

_FULL_TO_ASCII = str.maketrans({'，': ',', '：': ':', '；': ';', '！': '!', '？': '?',
                                '（': '(', '）': ')'})


def _visible(ch):
    o = ord(ch)
    return not (0xE000 <= o <= 0xF8FF or 0x3400 <= o <= 0x4DBF or 0x2E80 <= o <= 0x2FDF)


def garble(trad):
    """Garble traditional text the way the seed was: GBK bytes, first byte lost, GB18030 decode."""
    b = trad.encode('gb18030')[1:]
    out = ['?']
    i = 0
    while i < len(b):
        c = b[i]
        if c < 0x80:
            out.append(chr(c))
            i += 1
            continue
        if i + 1 < len(b):
            try:
                ch = b[i:i + 2].decode('gb18030')
                i += 2
                if _visible(ch):
                    out.append(ch)
                continue
            except UnicodeDecodeError:
                pass
        out.append('€' if c == 0x80 else '?')
        i += 1
    return ''.join(out).translate(_FULL_TO_ASCII)


def verify_mojibake(seed_text, restored):
    """Return a sentence describing how well garble(s2t(restored)) reproduces the seed, or None."""
    trad = opencc(restored, 's2t.json')
    target = PINYIN.sub('', seed_text)
    g = garble(trad)
    if g == target:
        return ('GB18030 check: the GBK bytes of %s with the first byte lost, decoded again, '
                'reproduce the seed %s exactly' % (trad, target))
    frag = STRAY_FRAGMENT.findall(target)
    if len(frag) == 1 and STRAY_FRAGMENT.sub('', target) == g:
        return ('GB18030 check: the GBK bytes of %s with the first byte lost, decoded again, '
                'give %s, which is the seed except a stray pinyin fragment %r standing where an '
                'undecodable byte pair vanished' % (trad, g, frag[0]))
    return None


# ---------------------------------------------------------------------------------------------
# corrections.tsv

def load_corrections(path):
    rows = []
    with open(path, encoding='utf-8') as f:
        header = None
        for n, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            cols = line.split('\t')
            if header is None:
                header = cols
                if header != ['seed', 'restored', 'kind', 'certain', 'reason']:
                    raise Fail('%s:%d: unexpected header %r' % (path, n, header))
                continue
            if len(cols) != 5:
                raise Fail('%s:%d: expected 5 tab-separated columns, got %d' % (path, n, len(cols)))
            seed, restored, kind, certain, reason = cols
            if kind not in ('mojibake', 'typo', 'punctuation'):
                raise Fail('%s:%d: bad kind %r' % (path, n, kind))
            if certain not in ('yes', 'no'):
                raise Fail('%s:%d: certain must be yes or no' % (path, n))
            if not seed or not reason.strip():
                raise Fail('%s:%d: empty seed or reason' % (path, n))
            rows.append({'seed': seed, 'restored': restored, 'kind': kind,
                         'certain': certain == 'yes', 'reason': reason.strip(), 'tsv_line': n})
    return rows


# ---------------------------------------------------------------------------------------------
# restoration

class El:
    """One character of the working text, remembering where it came from in the seed."""
    __slots__ = ('ch', 'line', 'col', 'fixed')

    def __init__(self, ch, line, col, fixed=False):
        self.ch, self.line, self.col, self.fixed = ch, line, col, fixed


def restore(seed_path, corrections_path):
    raw = open(seed_path, encoding='utf-8').read()
    lines = raw.split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    rows = []          # errata rows (without target; added after the structure is known)

    def row(line, col, seed, restored, kind, reason, certain=True):
        rows.append({'line': line, 'column': col, 'seed': seed, 'restored': restored,
                     'kind': kind, 'reason': reason, 'certain': certain})

    # 1. furniture: trailing lines only
    doc_lines = len(lines)
    furniture = {}
    for i in range(len(lines) - 1, -1, -1):
        reason = next((r for p, r in FURNITURE if p.search(lines[i])), None)
        if reason is None:
            break
        furniture[i + 1] = reason
        doc_lines = i
    for ln in sorted(furniture):
        row(ln, 1, lines[ln - 1], '', 'furniture', furniture[ln])
    for ln in range(1, doc_lines + 1):
        if any(p.search(lines[ln - 1]) for p, _ in FURNITURE):
            raise Fail('line %d looks like page furniture but is not at the end' % ln)

    # 2. annotations
    work = {}                         # line -> [El]
    annotation_rows = []              # (row dict, El of the annotated character)
    for ln in range(1, doc_lines + 1):
        text = lines[ln - 1]
        els = []
        i = 0
        for m in PINYIN.finditer(text):
            for j in range(i, m.start()):
                els.append(El(text[j], ln, j + 1))
            if not els or els[-1].col != m.start():
                raise Fail('annotation %r at %d:%d follows nothing'
                           % (m.group(), ln, m.start() + 1))
            target = els[-1]
            row(ln, target.col, text[target.col - 1:m.end()], None, 'annotation',
                'pinyin annotation %s glued after the character; not part of the text' % m.group())
            annotation_rows.append((rows[-1], target))
            i = m.end()
        for j in range(i, len(text)):
            els.append(El(text[j], ln, j + 1))
        work[ln] = els

    # locate hand corrections in the seed
    corrections = load_corrections(corrections_path)
    spans = []
    for c in corrections:
        n = raw.count(c['seed'])
        if n != 1:
            raise Fail('corrections.tsv:%d: seed text %r occurs %d times in the seed '
                       '(must be unique)' % (c['tsv_line'], c['seed'], n))
        off = raw.index(c['seed'])
        ln = raw.count('\n', 0, off) + 1
        col = off - (raw.rfind('\n', 0, off) + 1) + 1
        if '\n' in c['seed'] or ln > doc_lines:
            raise Fail('corrections.tsv:%d: seed text must lie on one document line'
                       % c['tsv_line'])
        c['line'], c['column'], c['end'] = ln, col, col + len(c['seed'])
        for o in spans:
            if o['line'] == ln and o['column'] < c['end'] and col < o['end']:
                raise Fail('corrections.tsv:%d overlaps line %d' % (c['tsv_line'], o['tsv_line']))
        spans.append(c)

    def covered(el):
        return any(c['line'] == el.line and c['column'] <= el.col < c['end'] for c in spans)

    def apply(c):
        els = work[c['line']]
        idx = [k for k, e in enumerate(els) if c['column'] <= e.col < c['end']]
        if not idx or idx[-1] - idx[0] + 1 != len(idx):
            raise Fail('corrections.tsv:%d: span not contiguous' % c['tsv_line'])
        new = [El(ch, c['line'], c['column'], True) for ch in c['restored']]
        els[idx[0]:idx[-1] + 1] = new

    # 3. mojibake
    mojibake_checks = []
    for c in spans:
        if c['kind'] != 'mojibake':
            continue
        check = verify_mojibake(c['seed'], c['restored'])
        if check is None:
            raise Fail('corrections.tsv:%d: mojibake repair %r -> %r does not reproduce the '
                       'seed garble %r'
                       % (c['tsv_line'], c['seed'], c['restored'],
                          garble(opencc(c['restored'], 's2t.json'))))
        mojibake_checks.append(check)
        for r, el in annotation_rows:
            if el.line == c['line'] and c['column'] <= el.col < c['end']:
                r['reason'] += ('; it sits inside the garbled passage repaired by the mojibake '
                                'row at %d:%d, so the character it follows is garbage'
                                % (c['line'], c['column']))
        apply(c)
        row(c['line'], c['column'], c['seed'], c['restored'], 'mojibake',
            '%s; %s' % (c['reason'], check), c['certain'])

    # 4. conversion (no rows)
    order = [ln for ln in range(1, doc_lines + 1)]
    joined = '\n'.join(''.join(e.ch for e in work[ln]) for ln in order)
    conv = opencc(joined, 't2s.json')
    if len(conv) != len(joined):
        raise Fail('opencc t2s changed the text length; position tracking impossible')
    k = 0
    for ln in order:
        for e in work[ln]:
            if not e.fixed:
                e.ch = conv[k]
            k += 1
        k += 1
    for wrong, right, _why in HANS_FIXES:
        found = 0
        for ln in order:
            line = ''.join(e.ch for e in work[ln])
            for m in re.finditer(re.escape(wrong), line):
                found += 1
                for i, ch in enumerate(right):
                    work[ln][m.start() + i].ch = ch
        if found != 1:
            raise Fail('HANS_FIXES entry %s matched %d times, expected once' % (wrong, found))
    for r, el in annotation_rows:
        r['restored'] = el.ch

    # 5. mechanical punctuation
    for ln in order:
        els = work[ln]
        out = []
        k = 0
        while k < len(els):
            e = els[k]
            if e.fixed or covered(e):
                out.append(e)
                k += 1
                continue
            if (e.ch == '-' and k + 1 < len(els) and els[k + 1].ch == '-'
                    and not covered(els[k + 1])):
                row(ln, e.col, '--', '——', 'punctuation',
                    "ASCII '--' used as a dash; the original uses the full-width dash ——")
                out.append(El('—', ln, e.col, True))
                out.append(El('—', ln, els[k + 1].col, True))
                k += 2
                continue
            if e.ch in MECHANICAL:
                new, reason = MECHANICAL[e.ch]
                row(ln, e.col, e.ch, new, 'punctuation', reason)
                out.append(El(new, ln, e.col, True))
                k += 1
                continue
            if e.ch in ' \t\u3000\u00a0':
                prev = els[k - 1] if k > 0 else None
                nxt = els[k + 1] if k + 1 < len(els) else None
                text = lines[ln - 1]
                if prev is None or nxt is None or prev.col != e.col - 1 or nxt.col != e.col + 1:
                    raise Fail('space at %d:%d not between two plain characters' % (ln, e.col))
                row(ln, e.col - 1, text[e.col - 2:e.col + 1], prev.ch + nxt.ch, 'punctuation',
                    'stray space between %s and %s; Chinese text has no spaces' % (prev.ch, nxt.ch))
                k += 1
                continue
            out.append(e)
            k += 1
        work[ln] = out

    # 6. hand corrections
    for c in spans:
        if c['kind'] == 'mojibake':
            continue
        apply(c)
        row(c['line'], c['column'], c['seed'], c['restored'], c['kind'], c['reason'], c['certain'])

    text = {ln: ''.join(e.ch for e in work[ln]) for ln in order}
    return text, rows, lines, mojibake_checks


# ---------------------------------------------------------------------------------------------
# structure

CN_NUM = '一二三四五六七八九十'


def split_structure(text):
    """Map restored lines to the catalogue structure; return (parts, line -> target name)."""
    lns = sorted(text)
    target = {}
    p = {}
    i = 0

    def take(name):
        nonlocal i
        ln = lns[i]
        target[ln] = name
        i += 1
        return text[ln]

    p['title'] = take('document title')
    number = take('document number')
    if number != NUMBER:
        raise Fail('document number is %r, expected %r' % (number, NUMBER))
    p['addressees'] = take('document addressees')
    p['paragraphs'] = []
    while not text[lns[i]].startswith('附件：'):
        p['paragraphs'].append(take('document paragraph %d' % (len(p['paragraphs']) + 1)))
    attachment_ref = take('document attachment')[len('附件：'):]
    p['issuer'] = take('document issuer')
    date = take('document date')
    m = re.fullmatch(r'(\d{4})年(\d{1,2})月(\d{1,2})日', date)
    if not m:
        raise Fail('bad date line %r' % date)
    p['date'] = '%s-%02d-%02d' % (m.group(1), int(m.group(2)), int(m.group(3)))
    if take('document attachment') != '附件':
        raise Fail('expected the attachment heading 附件')
    p['attachment'] = take('document attachment')
    if p['attachment'] != attachment_ref:
        raise Fail('attachment title %r differs from the reference %r'
                   % (p['attachment'], attachment_ref))
    p['categories'] = []
    p['measures'] = []
    while i < len(lns):
        line = text[lns[i]]
        m = re.match(r'([%s]+)、' % CN_NUM, line)
        if m:
            cid = len(p['categories']) + 1
            if m.group(1) != CN_NUM[cid - 1]:
                raise Fail('category %d numbered %r' % (cid, m.group(1)))
            p['categories'].append(take('category %d title' % cid)[m.end():])
            continue
        m = re.match(r'(\d+)、', line)
        if not m or not p['categories']:
            raise Fail('expected a measure title at restored line %d: %r' % (lns[i], line))
        mid = len(p['measures']) + 1
        if int(m.group(1)) != mid:
            raise Fail('measure %d numbered %s' % (mid, m.group(1)))
        title = take('measure %d title' % mid)[m.end():]
        if i >= len(lns):
            raise Fail('measure %d has no body' % mid)
        body = take('measure %d body' % mid)
        p['measures'].append({'category': len(p['categories']), 'title': title, 'body': body})
    return p, target


def cites(*texts):
    out = []
    for t in texts:
        for m in re.finditer(r'《([^《》]+)》', t):
            if m.group(1) not in out:
                out.append(m.group(1))
    return out


def build(seed_path=SEED, corrections_path=CORRECTIONS, base=None):
    text, rows, seed_lines, checks = restore(seed_path, corrections_path)
    p, target = split_structure(text)
    for r in rows:
        r['target'] = 'furniture' if r['kind'] == 'furniture' else target[r['line']]

    # zh-Hant in one opencc run (one field per line)
    fields = ([p['title'], p['issuer'], p['addressees'], p['attachment']]
              + p['paragraphs'] + p['categories'])
    for m in p['measures']:
        fields += [m['title'], m['body']]
    if any('\n' in f for f in fields):
        raise Fail('newline inside a field')
    hant_text = opencc('\n'.join(fields), HANT)
    for wrong, right, _ in HANT_FIXES:
        if hant_text.count(wrong) != 1:
            raise Fail('zh-Hant fix %s -> %s: expected exactly one occurrence, found %d'
                       % (wrong, right, hant_text.count(wrong)))
        hant_text = hant_text.replace(wrong, right)
    hant_text = taiwan(hant_text)
    hant = hant_text.split('\n')
    if len(hant) != len(fields):
        raise Fail('opencc %s changed the number of fields' % HANT)
    H = dict(zip(range(len(fields)), hant))

    def tx(k, zh):
        """The zh texts of field k: zh-Hans as given, zh-Hant from the one opencc run."""
        return {'zh-Hans': zh, 'zh-Hant': H[k]}

    b = base or {}
    bdoc = b.get('document', {})
    bcat = {c.get('id'): c for c in b.get('categories', [])}
    bmea = {m.get('id'): m for m in b.get('measures', [])}

    def en(obj):
        """The English text of a base catalogue's text object, '' if it has none."""
        return (obj or {}).get('en', '')

    bparas = bdoc.get('paragraphs', [])

    def with_en(text, base_text):
        text['en'] = en(base_text)
        return text

    doc = {
        'number': NUMBER,
        'date': p['date'],
        'title': dict(tx(0, p['title']), en=en(bdoc.get('title'))),
        'issuer': dict(tx(1, p['issuer']), en=en(bdoc.get('issuer'))),
        'addressees': dict(tx(2, p['addressees']), en=en(bdoc.get('addressees'))),
        'paragraphs': [with_en(tx(4 + k, t), bparas[k] if k < len(bparas) else {})
                       for k, t in enumerate(p['paragraphs'])],
        'attachment': dict(tx(3, p['attachment']), en=en(bdoc.get('attachment'))),
        'translation_note': bdoc.get('translation_note', ''),
    }
    k = 4 + len(p['paragraphs'])
    categories = []
    for cid, t in enumerate(p['categories'], 1):
        title = dict(tx(k, t), en=en(bcat.get(cid, {}).get('title')))
        categories.append({'id': cid, 'title': title})
        k += 1
    measures = []
    for mid, m in enumerate(p['measures'], 1):
        bm = bmea.get(mid, {})
        measures.append({
            'id': mid,
            'category': m['category'],
            'title': dict(tx(k, m['title']), en=en(bm.get('title'))),
            'body': with_en(tx(k + 1, m['body']), bm.get('body')),
            'summary': {'en': en(bm.get('summary'))},
            'pinyin': {'full': bm.get('pinyin', {}).get('full', ''),
                       'initials': bm.get('pinyin', {}).get('initials', '')},
            'keywords': list(bm.get('keywords', [])),
            'cites': cites(m['title'], m['body']),
            'aliases': list(bm.get('aliases', [])),
        })
        # Project-authored fields of later schemas (zh-Hant keywords, topics) carry over as is.
        measures[-1].update({key: value for key, value in bm.items() if key not in measures[-1]})
        k += 2
    doc.update({key: value for key, value in bdoc.items() if key not in doc})  # provenance
    catalogue = {'schema': SCHEMA, 'edition': b.get('edition', EDITION), 'document': doc,
                 'categories': categories, 'topics': b.get('topics', []), 'measures': measures,
                 'related': b.get('related', [])}

    rows.sort(key=lambda r: (r['line'], r['column'], KIND_ORDER[r['kind']]))
    errata = [{'line': r['line'], 'column': r['column'], 'target': r['target'], 'seed': r['seed'],
               'restored': r['restored'], 'kind': r['kind'], 'reason': r['reason'],
               'certain': r['certain']} for r in rows]
    for r in errata:   # every row must point at its exact seed text
        if seed_lines[r['line'] - 1][r['column'] - 1:r['column'] - 1 + len(r['seed'])] != r['seed']:
            raise Fail('errata row does not match the seed at %d:%d: %r'
                       % (r['line'], r['column'], r['seed']))
    return catalogue, errata, checks


# ---------------------------------------------------------------------------------------------
# validation

def zh_texts(cat):
    d = cat['document']
    yield 'document title', d['title']
    yield 'document issuer', d['issuer']
    yield 'document addressees', d['addressees']
    for k, t in enumerate(d['paragraphs'], 1):
        yield 'document paragraph %d' % k, t
    yield 'document attachment', d['attachment']
    for c in cat['categories']:
        yield 'category %d title' % c['id'], c['title']
    for m in cat['measures']:
        yield 'measure %d title' % m['id'], m['title']
        yield 'measure %d body' % m['id'], m['body']


def validate(cat):
    problems = []
    sizes = [sum(1 for m in cat['measures'] if m['category'] == c['id']) for c in cat['categories']]
    if len(cat['measures']) != 47 or sizes != EXPECTED_CATEGORY_SIZES:
        problems.append('expected 47 measures in categories %s, got %d in %s'
                        % (EXPECTED_CATEGORY_SIZES, len(cat['measures']), sizes))
    items = list(zh_texts(cat))
    hans_all = '\n'.join(t['zh-Hans'] for _, t in items)
    if opencc(hans_all, 't2s.json') != hans_all:
        problems.append('zh-Hans still contains characters that t2s would change')
    hant_all = untaiwan('\n'.join(t['zh-Hant'] for _, t in items))
    if opencc(hant_all, HANT_BACK) != hans_all:
        problems.append('zh-Hant does not convert back (%s) to zh-Hans' % HANT_BACK)
    for name, t in items:
        for lang in ('zh-Hans', 'zh-Hant'):
            s = t[lang]
            where = '%s %s' % (name, lang)
            if s != s.strip() or unicodedata.normalize('NFC', s) != s:
                problems.append('%s: whitespace at the ends or not NFC' % where)
            if '?' in s or '\ufffd' in s or '€' in s:
                problems.append('%s: contains ? / U+FFFD / €' % where)
            if PINYIN.search(s) or re.search('[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]', s):
                problems.append('%s: pinyin left' % where)
            if re.search(r'[ \t\u3000]', s):
                problems.append('%s: contains a space' % where)
            if re.search(r'[,:;()!]', s) or re.search('[%s][-–]{2}' % HAN, s):
                problems.append('%s: ASCII punctuation , : ; ( ) ! or -- left' % where)
            if lang == 'zh-Hant' and re.search('[“”‘’]', s):
                problems.append("%s: mainland quotation marks (Taiwan writes 「」 and 『』)" % where)
            if any(s.count(a) != s.count(b) for a, b in ('“”', '「」', '《》', '（）')):
                problems.append('%s: unbalanced “” 「」 《》 or （）' % where)
            else:
                depth = 0
                for ch in s:
                    depth += {'“': 1, '”': -1, '「': 1, '」': -1}.get(ch, 0)
                    if depth < 0 or depth > 1:
                        problems.append('%s: quotes out of order' % where)
                        break
        if name.endswith(' body') and not t['zh-Hans'].endswith('。'):
            problems.append('%s: does not end with 。' % name)
        if name.endswith(' title') and re.search('[。，；]$', t['zh-Hans']):
            problems.append('%s: title ends with punctuation' % name)
    if all(t['zh-Hans'] == t['zh-Hant'] for _, t in items):
        problems.append('zh-Hant equals zh-Hans everywhere')
    return problems


def summarize(cat, errata, checks, out=sys.stdout):
    counts = {}
    for r in errata:
        counts[r['kind']] = counts.get(r['kind'], 0) + 1
    unsure = [r for r in errata if not r['certain']]
    print('errata rows: %d (%s)' % (len(errata), ', '.join('%s %d' % (k, counts.get(k, 0))
                                                           for k in KIND_ORDER)), file=out)
    print('uncertain rows: %d%s' % (len(unsure), ''.join(
        '\n  %d:%d %s %s -> %s' % (r['line'], r['column'], r['kind'], r['seed'], r['restored'])
        for r in unsure)), file=out)
    exact = sum(1 for c in checks if 'exactly' in c)
    print('mojibake repairs verified by re-garbling: %d exactly, %d up to a stray pinyin fragment'
          % (exact, len(checks) - exact), file=out)
    sizes = [sum(1 for m in cat['measures'] if m['category'] == c['id']) for c in cat['categories']]
    print('measures: %d in categories %s' % (len(cat['measures']), sizes), file=out)


# ---------------------------------------------------------------------------------------------
# output and check

def dump(obj):
    return json.dumps(obj, ensure_ascii=False, indent=2) + '\n'


def chinese_view(cat):
    """The parts of the catalogue this script owns."""
    d = cat['document']

    def z(t):
        return {'zh-Hans': t.get('zh-Hans'), 'zh-Hant': t.get('zh-Hant')}

    return {
        'schema': cat.get('schema'),
        'document': {'number': d.get('number'), 'date': d.get('date'), 'title': z(d['title']),
                     'issuer': z(d['issuer']), 'addressees': z(d['addressees']),
                     'paragraphs': [z(t) for t in d['paragraphs']],
                     'attachment': z(d['attachment'])},
        'categories': [{'id': c['id'], 'title': z(c['title'])} for c in cat['categories']],
        'measures': [{'id': m['id'], 'category': m['category'], 'title': z(m['title']),
                      'body': z(m['body']), 'cites': m['cites']} for m in cat['measures']],
    }


def diff_paths(a, b, path='', out=None):
    out = [] if out is None else out
    if type(a) is not type(b):
        out.append('%s: %r != %r' % (path or '/', a, b))
    elif isinstance(a, dict):
        for k in list(a) + [k for k in b if k not in a]:
            if k not in a or k not in b:
                where = 'committed' if k in b else 'regenerated'
                out.append('%s/%s: only in %s' % (path, k, where))
            else:
                diff_paths(a[k], b[k], '%s/%s' % (path, k), out)
    elif isinstance(a, list):
        if len(a) != len(b):
            out.append('%s: %d items regenerated, %d committed' % (path or '/', len(a), len(b)))
        for k, (x, y) in enumerate(zip(a, b)):
            diff_paths(x, y, '%s[%d]' % (path, k), out)
    elif a != b:
        out.append('%s: regenerated %r, committed %r' % (path or '/', a, b))
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--seed', default=SEED)
    ap.add_argument('--corrections', default=CORRECTIONS)
    ap.add_argument('--catalogue', help='write the draft catalogue here')
    ap.add_argument('--errata', help='write the errata here')
    ap.add_argument('--base', help='copy non-Chinese fields from this catalogue')
    ap.add_argument('--check', action='store_true',
                    help='compare with the committed data/catalogue.json and data/errata.json')
    a = ap.parse_args(argv)
    if not a.check and not (a.catalogue and a.errata):
        ap.error('give --catalogue and --errata, or --check')
    if not os.path.exists(a.seed):
        # The seed sits beside the repository (shared/seed), not inside it: a clone
        # without it cannot re-run the restoration, which is a skip, not a failure.
        print('seed not found: %s (give --seed PATH); skipping' % a.seed, file=sys.stderr)
        return SKIP
    try:
        base = json.load(open(a.base, encoding='utf-8')) if a.base else None
        cat, errata, checks = build(a.seed, a.corrections, base)
        problems = validate(cat)
    except Fail as e:
        print('draft.py: error: %s' % e, file=sys.stderr)
        return 2
    summarize(cat, errata, checks)
    for pr in problems:
        print('draft.py: validation: %s' % pr, file=sys.stderr)
    if a.check:
        diffs = []
        try:
            committed = json.load(open(CATALOGUE, encoding='utf-8'))
            diffs += ['catalogue.json' + d
                      for d in diff_paths(chinese_view(cat), chinese_view(committed))]
        except (OSError, ValueError, KeyError, TypeError) as e:
            diffs.append('catalogue.json: cannot read: %s' % e)
        try:
            committed_errata = json.load(open(ERRATA, encoding='utf-8'))
            diffs += ['errata.json' + d for d in diff_paths(errata, committed_errata)]
        except (OSError, ValueError) as e:
            diffs.append('errata.json: cannot read: %s' % e)
        for d in diffs[:50]:
            print('draft.py: differs: %s' % d, file=sys.stderr)
        if len(diffs) > 50:
            print('draft.py: … %d more differences' % (len(diffs) - 50), file=sys.stderr)
        ok = not diffs and not problems
        print('check: %s' % ('OK' if ok else 'FAILED'))
        return 0 if ok else 1
    with open(a.catalogue, 'w', encoding='utf-8') as f:
        f.write(dump(cat))
    with open(a.errata, 'w', encoding='utf-8') as f:
        f.write(dump(errata))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
