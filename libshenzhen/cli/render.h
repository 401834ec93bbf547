/*
 * Terminal rendering for the shenzhen command: UTF-8 decoding (the library's
 * strict decoder, utf8.h), display width (utf8proc's), wrapping with CJK line-breaking rules,
 * fitted table cells and highlighted snippets.
 *
 * Every function here writes only valid UTF-8: a malformed byte in its input
 * is written as U+FFFD, and C0/C1 control characters other than a newline in
 * wrapped text are dropped, so that data can never drive the terminal.
 */
#ifndef SHZ_CLI_RENDER_H
#define SHZ_CLI_RENDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "outbuf.h"

/**
 * Decodes one UTF-8 sequence of at most @p len bytes at @p s into @p cp.
 * Returns its length in bytes (1–4), or 0 if it is malformed (overlong,
 * surrogate, beyond U+10FFFF, truncated); then *@p cp is U+FFFD.
 */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);

/** True when the @p len bytes at @p s are entirely valid UTF-8. */
bool utf8_valid(const char *s, size_t len);

/**
 * Columns a code point takes in a terminal, as utf8proc_charwidth() says: 2 for East Asian
 * Wide and Fullwidth, 0 for controls, combining marks and zero-width format characters,
 * 1 otherwise (East Asian Ambiguous characters too).
 */
int char_width(uint32_t cp);

/** Display width of @p len bytes of UTF-8 (malformed bytes count as U+FFFD, 1 column). */
size_t text_width(const char *s, size_t len);

/**
 * Writes @p s in at most @p width columns, ending it with "…" when it had to
 * be cut, then pads it with spaces to exactly @p width columns when @p pad.
 * Returns the columns written.
 */
size_t render_fit(outbuf *ob, const char *s, size_t len, size_t width, bool pad);

/** How to wrap: columns, continuation indent and optional highlighting. */
typedef struct wrap_style {
    size_t width;              /* total columns of a line */
    size_t indent;             /* columns already used on the first line; indent of the others */
    const unsigned char *mark; /* NULL, or one flag per byte of the text: highlight it */
    const char *mark_on;       /* escape sequence starting a highlight */
    const char *mark_off;      /* escape sequence ending it */
} wrap_style;

/**
 * Writes @p len bytes of text wrapped to @p style->width columns and ends the
 * last line with '\n'. The first line starts at column @p style->indent (the
 * caller has written a label there); continuation lines are indented by as
 * many spaces. Lines break at spaces, or between any two CJK characters,
 * never before closing punctuation (，。、；：”）》…) or after opening
 * punctuation (“（《…). A newline in the text starts a new line.
 */
void render_wrap(outbuf *ob, const char *s, size_t len, const wrap_style *style);

/** Appends @p s, replacing malformed UTF-8 with U+FFFD and dropping control characters. */
void render_clean(outbuf *ob, const char *s, size_t len);

/**
 * Sets to 1 the flags in @p mark (one per byte of @p hay) of every
 * occurrence of the @p nlen bytes at @p needle; other flags are left as they are.
 */
void mark_occurrences(unsigned char *mark, const char *hay, size_t hay_len, const char *needle,
                      size_t nlen);

#endif
