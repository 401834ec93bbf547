#!/usr/bin/python3
"""Writes one man(7) page per public function, enum and struct of shenzhen.h.

    man3.py XML_DIR OUT_DIR VERSION DATE

XML_DIR is Doxygen's XML output for include/shenzhen.h (libshenzhen/doc/docs.cmake
runs Doxygen with GENERATE_XML). Every `shz_` function, every enum and every
struct documented there becomes OUT_DIR/<name>.3 and OUT_DIR/<name>.3.gz (gzip
without a name or time stamp, so the packages stay reproducible); the directory
is emptied first, so a function removed from the header loses its page. A page
has NAME (the brief), LIBRARY, SYNOPSIS (the prototype as declared), DESCRIPTION
(the comment), the values or members of a type, and SEE ALSO: libshenzhen(3),
what the comment refers to and the rest of the header's section (@name group).

Only the standard library is used. An element of Doxygen's XML that this script
does not know is written as its plain text, with a note on stderr.
"""
import gzip
import os
import re
import sys
import xml.etree.ElementTree as ET

SECTION = "3"
TITLE = "Library Functions Manual"


def esc(text):
    """Escapes text for roff: backslashes, and dashes that must stay ASCII."""
    return text.replace("\\", "\\e")


def esc_code(text):
    """Code: every '-' is a minus sign, so that it can be copied; no hyphenation."""
    return "\\%" + esc(text).replace("-", "\\-")


# Requests this script writes inside text are marked with M, so that only text
# lines that happen to start with a control character are escaped.
M = "\x00"


def line_safe(text):
    """A roff text line may not start with a control character."""
    out = []
    for line in text.split("\n"):
        if line.startswith(M):  # a request, or a line of code: as it is
            out.append(line[1:])
            continue
        line = line.strip()
        if line.startswith((".", "'")):
            line = "\\&" + line
        if line:
            out.append(line)
    return "\n".join(out)


CONSTANT = re.compile(r"\b(SHZ_[A-Z0-9_]+)\b")
# A man page named in a comment, "shenzhen-json(5)".
PAGE = re.compile(r"\b([a-z][a-z0-9_-]*)\(([1-8])\)")


def prose(text, refs):
    """Prose: escaped, the library's constants and the man pages it names in bold
    (never hyphenated); those pages go to SEE ALSO."""
    def bold(match):
        if match.group(1).startswith(("SHZ_ERR_", "SHZ_OK")):
            refs.append("shz_status")
        return "\\fB\\%" + match.group(1).replace("-", "\\-") + "\\fP"

    def page(match):
        refs.append("%s(%s)" % (match.group(1), match.group(2)))
        return "\\fB\\%" + match.group(1).replace("-", "\\-") + "\\fP(" + match.group(2) + ")"
    return PAGE.sub(page, CONSTANT.sub(bold, esc(text)))


class Renderer:
    """Doxygen description XML -> roff, for one member (knows its parameters)."""

    def __init__(self, params, refs):
        self.params = set(params)
        self.refs = refs  # names referred to, collected for SEE ALSO

    def inline(self, node):
        parts = [prose(node.text or "", self.refs)]
        for child in node:
            parts.append(self.element(child))
            parts.append(prose(child.tail or "", self.refs))
        return "".join(parts)

    def element(self, node):
        tag = node.tag
        text = "".join(node.itertext())
        if tag == "computeroutput":
            if text in self.params:
                return "\\fI" + esc_code(text) + "\\fP"
            return "\\fB" + esc_code(text) + "\\fP"
        if tag == "ref":
            name = text[:-2] if text.endswith("()") else text
            if name.startswith("shz_"):
                self.refs.append(name)
            return "\\fB" + esc_code(name) + "\\fP" + ("()" if text.endswith("()") else "")
        if tag in ("bold",):
            return "\\fB" + self.inline(node) + "\\fP"
        if tag in ("emphasis",):
            return "\\fI" + self.inline(node) + "\\fP"
        if tag == "ulink":
            return self.inline(node) + " <" + esc(node.get("url", "")) + ">"
        if tag == "ndash":
            return "\\(en"
        if tag == "mdash":
            return "\\(em"
        if tag == "linebreak":
            return "\n" + M + ".br\n"
        if tag == "sp":
            return " "
        if tag in ("itemizedlist", "orderedlist"):
            items = []
            for n, item in enumerate(node.findall("listitem"), 1):
                mark = "\\(bu" if tag == "itemizedlist" else "%d." % n
                text = self.paras(item, separator="\n" + M + ".IP\n")
                items.append("\n" + M + ".IP %s 4\n" % mark + text)
            return "".join(items) + "\n" + M + ".PP\n"
        if tag == "programlisting":
            lines = ["".join(c.itertext()) for c in node.findall("codeline")]
            body = "\n".join(M + "\\&" + esc(line) for line in lines)
            start = "".join("\n" + M + r for r in (".PP", ".RS 4", ".EX"))
            end = "".join("\n" + M + r for r in (".EE", ".RE", ".PP"))
            return start + "\n" + body + end + "\n"
        if tag == "simplesect":
            kind = node.get("kind")
            label = {"return": "Returns: ", "see": "See: ", "note": "Note: "}.get(kind, "")
            return "\n" + M + ".PP\n" + label + self.paras(node) + "\n" + M + ".PP\n"
        if tag == "parameterlist":
            out = []
            for item in node.findall("parameteritem"):
                names = ", ".join("\\fI" + esc_code("".join(n.itertext())) + "\\fP"
                                  for n in item.iter("parametername"))
                desc = item.find("parameterdescription")
                text = self.paras(desc, separator="\n" + M + ".IP\n")
                out.append("\n" + M + ".TP\n" + names + "\n" + text)
            return "".join(out) + "\n" + M + ".PP\n"
        if tag == "para":
            return self.inline(node)
        print("man3.py: <%s> written as plain text" % tag, file=sys.stderr)
        return esc(text)

    def paras(self, node, separator="\n" + M + ".PP\n"):
        if node is None:
            return ""
        paras = [self.element(p).strip() for p in node.findall("para")]
        return separator.join(p for p in paras if p)


def first_clause(text):
    """The comment's first clause, for NAME: up to the first '.', ';' or ':' that
    ends a clause outside parentheses (not the dots of "e.g." or "i.e.")."""
    depth = 0
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch in ".;:" and depth == 0 and (i + 1 == len(text) or text[i + 1] == " "):
            if ch == "." and re.search(r"(\be\.g|\bi\.e|\betc)$", text[:i]):
                continue
            return text[:i]
    return text


def brief_text(member):
    """NAME's description: the comment's first clause, plain text, lowercase start."""
    text = ""
    for tag in ("briefdescription", "detaileddescription"):
        node = member.find(tag)
        para = node.find("para") if node is not None else None
        if para is not None:
            text = " ".join("".join(para.itertext()).split())
            break
    text = first_clause(text)
    word = text.split(" ", 1)[0]
    if word[:1].isupper() and (len(word) == 1 or word[1:].islower()):
        text = text[0].lower() + text[1:]  # "shz_search - searches the catalogue"
    return text


def type_text(node):
    return " ".join("".join(node.itertext()).split()) if node is not None else ""


def synopsis_function(member):
    """The prototype as .BI lines: types bold, parameter names italic."""
    ret = type_text(member.find("type"))
    ret = re.sub(r"^SHZ_API\s+", "", ret)
    name = member.findtext("name")
    params = []
    for p in member.findall("param"):
        ptype = type_text(p.find("type"))
        pname = p.findtext("declname") or ""
        params.append((ptype, pname))
    head = ret + ("" if ret.endswith("*") else " ") + name + "("
    if not params or params == [("void", "")]:
        return ['.BI "%s"' % esc_code(head + "void);")]
    indent = " " * len(head)
    lines, current, width = [], [], len(head)
    for i, (ptype, pname) in enumerate(params):
        sep = ");" if i == len(params) - 1 else ","
        piece_len = len(ptype) + 1 + len(pname) + len(sep) + 1
        if current and width + piece_len > 78:
            lines.append(current)
            current, width = [], len(indent)
        current.append((ptype, pname, sep))
        width += piece_len
    lines.append(current)
    out = []
    for n, group in enumerate(lines):
        prefix = head if n == 0 else indent
        args = []
        bold = prefix
        for ptype, pname, sep in group:
            glue = "" if ptype.endswith("*") else " "
            if bold and not bold.endswith((" ", "(")):
                bold += " "
            bold += ptype + glue
            if pname:
                args.append('"%s"' % esc_code(bold))
                args.append(esc_code(pname))
                bold = sep
            else:
                bold += sep
        if bold:
            args.append('"%s"' % esc_code(bold))
        out.append(".BI " + " ".join(args))
    return out


def header(name, brief, date, version):
    return [
        '.TH "%s" %s "%s" "libshenzhen %s" "%s"' % (name.upper(), SECTION, date, version, TITLE),
        ".SH NAME",
        line_safe("%s \\- %s" % (esc_code(name), esc(brief))),
        ".SH LIBRARY",
        "libshenzhen",
        '.RI ( \\-lshenzhen ", " "pkg\\-config shenzhen" )',
        ".SH SYNOPSIS",
        ".nf",
        ".B #include <shenzhen.h>",
        ".PP",
    ]


def description(member, params, refs):
    r = Renderer(params, refs)
    brief = r.paras(member.find("briefdescription"))
    detail = r.paras(member.find("detaileddescription"))
    body = ("\n" + M + ".PP\n").join(t for t in (brief, detail) if t)
    return [".SH DESCRIPTION", line_safe(body)]


def items(title, font, members, refs):
    """A section that lists members (enum values, struct fields) by name, each with its
    brief and detailed descriptions; font is the macro for the name (.B or .I)."""
    lines = [".SS " + title]
    r = Renderer([], refs)
    for m in members:
        text = r.paras(m.find("briefdescription"))
        more = r.paras(m.find("detaileddescription"))
        lines += [".TP", "%s %s" % (font, esc_code(m.findtext("name"))),
                  line_safe(("\n" + M + ".IP\n").join(t for t in (text, more) if t))]
    return lines


def see_also(name, refs, group):
    seen, names = {name}, []
    for ref in refs + group:
        if ref not in seen:
            seen.add(ref)
            names.append(ref)
    # Other sections first (shenzhen-json(5), shenzhen-search(7)), as man-pages does.
    pages = [n for n in names if "(" in n] + ["libshenzhen(3)"]
    pages += [n + "(3)" for n in names if "(" not in n]
    lines = [".SH SEE ALSO"]
    for i, item in enumerate(pages):
        name, section = item[:-1].split("(")
        lines.append(".BR %s (%s)%s" % (esc_code(name), section, "," if i < len(pages) - 1 else ""))
    return lines


def write_page(out_dir, name, lines):
    text = "\n".join(lines) + "\n"
    text = re.sub(r"\n(\.PP\n)+(\.SH|\.SS)", r"\n\2", text)
    text = re.sub(r"\n\.PP\n(\.PP\n)+", "\n.PP\n", text)
    path = os.path.join(out_dir, name + "." + SECTION)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    with open(path + ".gz", "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
            gz.write(text.encode("utf-8"))


def main():
    xml_dir, out_dir, version, date = sys.argv[1:5]
    index = ET.parse(os.path.join(xml_dir, "index.xml")).getroot()
    header_file = None
    structs = []
    for compound in index.findall("compound"):
        if compound.get("kind") == "file" and compound.findtext("name") == "shenzhen.h":
            header_file = compound.get("refid")
        elif compound.get("kind") == "struct":
            structs.append(compound.get("refid"))
    if header_file is None:
        sys.exit("man3.py: no shenzhen.h in %s" % xml_dir)

    os.makedirs(out_dir, exist_ok=True)
    for entry in os.listdir(out_dir):
        if entry.endswith((".3", ".3.gz")):
            os.remove(os.path.join(out_dir, entry))

    root = ET.parse(os.path.join(xml_dir, header_file + ".xml")).getroot()
    struct_defs = {}
    for refid in structs:
        sdef = ET.parse(os.path.join(xml_dir, refid + ".xml")).getroot().find("compounddef")
        if sdef.findtext("compoundname").startswith("shz_"):
            struct_defs[sdef.findtext("compoundname")] = sdef

    # What gets a page: functions and enums named shz_*, and the structs.
    sections = []
    for section in root.iter("sectiondef"):
        members = [m for m in section.findall("memberdef")
                   if m.get("kind") in ("function", "enum")
                   and m.findtext("name", "").startswith("shz_")]
        sections.append(members)
    have_page = set(struct_defs) | {m.findtext("name") for ms in sections for m in ms}

    def type_refs(nodes):
        return [r.text for n in nodes for r in n.iter("ref") if r.text in have_page]

    def finish(name, lines, refs, group):
        lines += see_also(name, [r for r in refs if r in have_page or "(" in r], group)
        write_page(out_dir, name, lines)

    users = {}  # struct name -> the functions that take it
    for members in sections:
        group = [m.findtext("name") for m in members]
        for m in members:
            kind, name = m.get("kind"), m.findtext("name")
            refs = []
            lines = header(name, brief_text(m), date, version)
            if kind == "function":
                params = [p.findtext("declname") or "" for p in m.findall("param")]
                lines += synopsis_function(m) + [".fi"]
                lines += description(m, params, refs)
                refs += type_refs([m.find("type")] + [p.find("type") for p in m.findall("param")])
                for r in type_refs([p.find("type") for p in m.findall("param")]):
                    users.setdefault(r, []).append(name)
            else:
                lines += [".B %s" % esc_code("enum " + name + " {"), ".fi", ".RS 4", ".nf"]
                values = m.findall("enumvalue")
                for v in values:
                    init = " ".join((v.findtext("initializer") or "").split())
                    lines.append(".B %s" % esc_code(("%s %s," % (v.findtext("name"), init))))
                lines += [".fi", ".RE", ".nf", ".B };", ".fi"]
                lines += description(m, [], refs)
                lines += items("Values", ".B", values, refs)
            finish(name, lines, refs, group)

    for name, sdef in sorted(struct_defs.items()):
        refs = []
        fields = [f for f in sdef.iter("memberdef") if f.get("kind") == "variable"]
        lines = header(name, brief_text(sdef), date, version)
        lines += [".B typedef struct %s {" % esc_code(name), ".fi", ".RS 4", ".nf"]
        for f in fields:
            ftype = type_text(f.find("type"))
            glue = "" if ftype.endswith("*") else " "
            lines.append('.BI "%s" %s ;' % (esc_code(ftype + glue), esc_code(f.findtext("name"))))
        lines += [".fi", ".RE", ".nf", '.BI "} " %s ;' % esc_code(name), ".fi"]
        lines += description(sdef, [], refs)
        lines += items("Members", ".I", fields, refs)
        refs += type_refs([f.find("type") for f in fields])
        finish(name, lines, refs, users.get(name, []))
    pages = len(have_page)
    print("man3.py: %d pages in %s" % (pages, out_dir))


if __name__ == "__main__":
    main()
