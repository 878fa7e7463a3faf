/* paths.h — where the bundled fonts and styles are: beside the binary in the source tree
 * (build/sapchu -> ./fonts), in an installed prefix (bin/sapchu -> share/sapchu/fonts), or in the
 * configured install data dir. SAPCHU_DATA_DIR overrides all. */
#ifndef SC_PATHS_H
#define SC_PATHS_H
#include <stddef.h>

/* Fill `out` with the data dir (holding fonts/ and styles/). 0, or -1 when none is found. */
int sc_find_data_dir(const char *override, char *out, size_t size);

#endif
