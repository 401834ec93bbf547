/* A program built against an installed libshenzhen, as a user would build it.
 * Usage: consumer [EXPECTED_VERSION]. Exits 0 when the header and the library
 * agree and a few calls of each API area work; prints what it checked. */
#include <stdio.h>
#include <string.h>

#include <shenzhen.h>

static int failures;

static void check(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "FAIL: %s\n", what);
        failures++;
    }
}

int main(int argc, char **argv)
{
    /* Compile-time macros (shenzhen_version.h) against the library loaded at run time. */
    check(strcmp(shz_version(), SHZ_VERSION_STRING) == 0, "shz_version() == SHZ_VERSION_STRING");
    check(shz_version_number() == SHZ_VERSION_NUMBER, "shz_version_number() == SHZ_VERSION_NUMBER");
    if (argc > 1)
        check(strcmp(shz_version(), argv[1]) == 0, "shz_version() == the project's version");

    size_t n = shz_measure_count();
    check(n > 0, "shz_measure_count() > 0");
    check(shz_category_count() > 0, "shz_category_count() > 0");

    const shz_measure *m = shz_measure_at(0), *again = NULL;
    check(m != NULL, "shz_measure_at(0)");
    check(shz_measure_get(shz_measure_id(m), &again) == SHZ_OK && again == m, "shz_measure_get()");
    check(shz_measure_get(0, &again) == SHZ_ERR_NOT_FOUND, "shz_measure_get(0) is NOT_FOUND");
    check(strcmp(shz_errstr(SHZ_OK), shz_errstr(SHZ_ERR_NOT_FOUND)) != 0, "shz_errstr()");

    const char *title = NULL;
    size_t len = 0;
    check(shz_measure_text(m, SHZ_FIELD_TITLE, SHZ_LANG_ZH_HANS, &title, &len) == SHZ_OK &&
              len > 0 && strlen(title) == len,
          "shz_measure_text(title, zh-Hans)");

    char *json = NULL;
    check(shz_json_measure(m, SHZ_JSON_COMPACT, &json, &len) == SHZ_OK && json != NULL &&
              json[0] == '{' && strlen(json) == len,
          "shz_json_measure()");
    shz_free(json);

    /* Search for the first measure's first keyword: it must find that measure. */
    const char *kw = NULL;
    size_t kwlen = 0;
    if (shz_measure_keyword(m, 0, &kw, &kwlen) == SHZ_OK) {
        shz_results *r = NULL;
        check(shz_search(kw, kwlen, NULL, &r) == SHZ_OK, "shz_search(keyword)");
        int found = 0;
        for (size_t i = 0; i < shz_results_count(r); i++)
            found |= shz_results_measure(r, i) == m;
        check(found, "shz_search(keyword) finds its measure");
        shz_results_free(r);
    }

    if (failures != 0)
        return 1;
    printf("consumer: libshenzhen %s, data %s, %zu measures: ok\n", shz_version(),
           shz_data_version(), n);
    return 0;
}
