/*
 * shenzhen topics: each topic's key, its name in the chosen language and the ids of its measures.
 */
#include <inttypes.h>
#include <string.h>

#include "cli.h"
#include "render.h"

int cmd_topics(cli *c, outbuf *ob)
{
    size_t key_width = 0;
    for (size_t t = 0; t < shz_topic_count(); t++) {
        const char *key;
        size_t len;
        if (shz_topic_key(shz_topic_at(t), &key, &len) == SHZ_OK && len > key_width)
            key_width = len;
    }
    for (size_t t = 0; t < shz_topic_count(); t++) {
        const shz_topic *topic = shz_topic_at(t);
        const char *key = "", *name = "";
        size_t key_len = 0, name_len = 0;
        shz_topic_key(topic, &key, &key_len);
        shz_topic_name(topic, c->lang, &name, &name_len);
        outbuf line;
        outbuf_init(&line);
        outbuf_append(&line, name, name_len);
        outbuf_puts(&line, " \xE2\x80\x94");
        for (size_t i = 0; i < shz_topic_measure_count(topic); i++)
            outbuf_printf(&line, "%s%" PRId64, i ? ", " : " ",
                          shz_measure_id(shz_topic_measure_at(topic, i)));
        outbuf_printf(ob, "%-*.*s  ", (int)key_width, (int)key_len, key);
        if (outbuf_failed(&line))
            ob->failed = true;
        else
            render_fit(ob, line.data, line.len, title_room(c, key_width + 2), false);
        outbuf_puts(ob, "\n");
        outbuf_free(&line);
    }
    return 0;
}
