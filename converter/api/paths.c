#include "paths.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int has_fonts(const char *dir)
{
    char probe[PATH_MAX];
    if ((size_t)snprintf(probe, sizeof probe, "%s/fonts/NotoSerif-Regular.ttf", dir) >= sizeof probe)
        return 0;
    return access(probe, R_OK) == 0;
}

static int use(const char *dir, char *out, size_t size)
{
    if (!has_fonts(dir) || strlen(dir) + 1 > size)
        return 0;
    memcpy(out, dir, strlen(dir) + 1);
    return 1;
}

int sc_find_data_dir(const char *override, char *out, size_t size)
{
    if (override)
        return use(override, out, size) ? 0 : -1;
    const char *env = getenv("SAPCHU_DATA_DIR");
    if (env && *env)
        return use(env, out, size) ? 0 : -1;

    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0'; /* exe = the binary's folder */
            char cand[PATH_MAX];
            /* Source tree: <repo>/build/sapchu (any build folder); installed: <prefix>/bin/sapchu. */
            static const char *const rel[] = {"/..", "/../share/sapchu", "/../.."};
            for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
                if ((size_t)snprintf(cand, sizeof cand, "%s%s", exe, rel[i]) >= sizeof cand)
                    continue;
                char real[PATH_MAX];
                if (realpath(cand, real) && use(real, out, size))
                    return 0;
            }
        }
    }
    return use(SAPCHU_INSTALL_DATADIR, out, size) ? 0 : -1;
}
