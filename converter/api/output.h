/* output.h — outputs appear whole or not at all: writers write a temporary file beside the target
 * (or in TMPDIR for standard output), which is renamed (or copied out) only on success. */
#ifndef SC_OUTPUT_H
#define SC_OUTPUT_H
#include <limits.h>

#include "../base/diag.h"

typedef struct sc_output_file {
    char target[PATH_MAX];   /* "-" for standard output */
    char temp[PATH_MAX];     /* where the writer writes */
    int to_stdout;
} sc_output_file;

/* Create the temporary file for `target`. Refuses a target that is the input file itself. */
int sc_output_begin(sc_output_file *out, const char *target, const char *input, sc_diag_list *diags);
/* Move the finished temporary into place. */
int sc_output_commit(sc_output_file *out, sc_diag_list *diags);
/* Remove the temporary (after a failure). */
void sc_output_abort(sc_output_file *out);

#endif
