"""show_measure.py [id]: every field of one measure (default 1)."""
import sys

import shenzhen


def main(argv: list[str]) -> int:
    try:
        m = shenzhen.get(int(argv[1]) if len(argv) > 1 else 1)
    except (ValueError, LookupError) as exc:
        print(f"measure: {exc}", file=sys.stderr)
        return 1
    rows = [
        ("measure", f"{m.id} (category {m.category.id})"),
        ("title", m.title),
        ("zh-Hant", m.title_hant),
        ("english", m.title_en),
        ("pinyin", m.pinyin),
        ("summary", m.summary_en),
        ("body", m.body),
    ]
    rows += [("keywords" if i == 0 else "", k) for i, k in enumerate(m.keywords)]
    rows += [("cites" if i == 0 else "", f"《{c}》") for i, c in enumerate(m.cites)]
    for label, value in rows:
        print(f"{label:<10} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
