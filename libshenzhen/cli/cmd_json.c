/*
 * shenzhen json: the catalogue, or one measure, as the library exports it.
 */

#include "cli.h"
#include "options.h"

int cmd_json(cli *c, outbuf *ob)
{
    unsigned flags = ((c->given & OPT_PRETTY) ? SHZ_JSON_PRETTY : 0) |
                     ((c->given & OPT_ASCII) ? SHZ_JSON_ASCII : 0);
    char *json = NULL;
    size_t len = 0;
    shz_status st;
    if (c->nargs == 0) {
        st = shz_json_catalogue(flags, &json, &len);
    } else {
        const shz_measure *m;
        int status = lookup_measure(c, c->args[0], &m);
        if (status != 0)
            return status;
        st = shz_json_measure(m, flags, &json, &len);
    }
    if (st != SHZ_OK)
        return fail(c, EXIT_OUTPUT, "json: %s", shz_errstr(st));
    outbuf_append(ob, json, len);
    if (len == 0 || json[len - 1] != '\n')
        outbuf_puts(ob, "\n");
    shz_free(json);
    return 0;
}
