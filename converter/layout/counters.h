/* counters.h — inside the layout stage: CSS counters and the text of ::before / ::after content
 * (counters.c), computed once per document in document order. */
#ifndef SC_COUNTERS_H
#define SC_COUNTERS_H
#include <stddef.h>
#include <stdint.h>

#include "layout.h"

typedef struct sc_counters sc_counters;

/* Walk the styled tree: counter-reset / counter-increment with CSS scopes (a counter lives in its
 * creator, the creator's descendants and following siblings; ::before and ::after count as the
 * element's first and last child), and each element's generated text. */
sc_counters *sc_counters_build(const sc_document *doc, sc_arena *arena);
/* The element's ::before / ::after text (NULL when it has none). */
const char *sc_counters_before(const sc_counters *cs, const sc_node *n);
const char *sc_counters_after(const sc_counters *cs, const sc_node *n);
/* The element's string-set (`styled`, from its style) with counter() / counters() written out
 * as they stand at the element. */
const sc_string_set *sc_counters_string_set(const sc_counters *cs, const sc_node *n,
                                            const sc_string_set *styled);
/* A number written in a list style (decimal, alpha, roman; the bullet of disc/circle/square;
 * "" for none). */
void sc_counter_format(int n, sc_list_style style, char *buf, size_t cap);

#endif
