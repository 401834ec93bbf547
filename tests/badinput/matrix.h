/*
 * Reading tests/badinput/matrix.json (format: its "_format" member and
 * make-matrix.py): shared by the C API and the command tests.
 */
#ifndef SHZ_BADINPUT_MATRIX_H
#define SHZ_BADINPUT_MATRIX_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The whole matrix; aborts the test (returns NULL) when it cannot be read. */
static cJSON *matrix_load(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *text = NULL;
    size_t len = 0, cap = 0, n;
    char chunk[8192];
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (len + n + 1 > cap) {
            cap = (len + n + 1) * 2;
            char *bigger = realloc(text, cap);
            if (!bigger) {
                free(text);
                fclose(f);
                return NULL;
            }
            text = bigger;
        }
        memcpy(text + len, chunk, n);
        len += n;
    }
    fclose(f);
    cJSON *root = text ? cJSON_ParseWithLength(text, len) : NULL;
    free(text);
    return root;
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/*
 * Decodes a byte string ("hex" or "hex*N") into a malloc'd buffer with a NUL
 * after its @p len bytes. Returns NULL for JSON null (*@p len = 0) and sets
 * *@p ok to false on a malformed value.
 */
static char *matrix_bytes(const cJSON *v, size_t *len, bool *ok)
{
    *len = 0;
    if (v == NULL || cJSON_IsNull(v))
        return NULL;
    if (!cJSON_IsString(v)) {
        *ok = false;
        return NULL;
    }
    const char *s = v->valuestring;
    const char *star = strchr(s, '*');
    size_t hex_len = star ? (size_t)(star - s) : strlen(s);
    size_t times = star ? strtoul(star + 1, NULL, 10) : 1;
    if (hex_len % 2 != 0 || (star && times == 0)) {
        *ok = false;
        return NULL;
    }
    size_t unit = hex_len / 2;
    char *out = malloc(unit * times + 1);
    if (!out) {
        *ok = false;
        return NULL;
    }
    for (size_t i = 0; i < unit; i++) {
        int hi = hex_digit(s[2 * i]), lo = hex_digit(s[2 * i + 1]);
        if (hi < 0 || lo < 0) {
            *ok = false;
            free(out);
            return NULL;
        }
        out[i] = (char)(hi * 16 + lo);
    }
    for (size_t t = 1; t < times; t++)
        memcpy(out + t * unit, out, unit);
    *len = unit * times;
    out[*len] = '\0';
    return out;
}

/* A member's string value, or "" */
static const char *matrix_str(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsString(v) ? v->valuestring : "";
}

#endif
