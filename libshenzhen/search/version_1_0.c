/*
 * shz_search@SHENZHEN_1.0: what programs linked against libshenzhen 1.0 call.
 * It searches as 1.0 did (every term, 1.0's fields and ranking), also when
 * they pass NULL options. Compiled into the shared library only: a symbol
 * version needs the version script's node, and a static library has none
 * (programs linking it bind to shz_search itself).
 */
#include "search_int.h"

#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 10
#define SZS_VERSIONED(name) __attribute__((symver(name)))
#else
#define SZS_VERSIONED(name)
__asm__(".symver szs_shz_search_1_0, shz_search@SHENZHEN_1.0");
#endif

SHZ_API SZS_VERSIONED("shz_search@SHENZHEN_1.0") shz_status
    szs_shz_search_1_0(const char *text, size_t len, const shz_search_options *options,
                       shz_results **results);

shz_status szs_shz_search_1_0(const char *text, size_t len, const shz_search_options *options,
                              shz_results **results)
{
    return szs_search_1_0(text, len, options, results);
}
