/* Status names and the one deallocator for memory this library hands out. */
#include "shenzhen.h"

#include "alloc.h"

/* The decimal text of a macro's value, for messages that quote a limit from the header. */
#define SHZ_STR_(x) #x
#define SHZ_STR(x) SHZ_STR_(x)

const char *shz_errstr(shz_status status)
{
    switch (status) {
    case SHZ_OK:
        return "success";
    case SHZ_ERR_NOT_FOUND:
        return "no such measure or category";
    case SHZ_ERR_INVALID_ARG:
        return "invalid argument";
    case SHZ_ERR_BAD_LANG:
        return "unknown or unsupported language";
    case SHZ_ERR_NO_TEXT:
        return "no text in that language for that field";
    case SHZ_ERR_NO_MEMORY:
        return "out of memory";
    case SHZ_ERR_BAD_UTF8:
        return "query is not valid UTF-8";
    case SHZ_ERR_EMPTY_QUERY:
        return "query is empty";
    case SHZ_ERR_QUERY_TOO_LONG:
        return "query is longer than " SHZ_STR(SHZ_QUERY_MAX) " bytes";
    case SHZ_ERR_BAD_QUERY:
        return "query is malformed (unclosed quote?)";
    case SHZ_ERR_BAD_OPTIONS:
        return "invalid search options";
    }
    return "unknown status";
}

void shz_free(void *ptr)
{
    shzi_mem_dealloc(ptr);
}
