/* test_style_check.h — tiny assertion helpers shared by the style unit tests: every failed check
 * prints where and why, and the program exits 1 at the end if any failed. */
#ifndef TEST_STYLE_CHECK_H
#define TEST_STYLE_CHECK_H
#include <math.h>
#include <stdio.h>
#include <string.h>

static int check_failures;

#define CHECK(cond, ...)                                                       \
    do {                                                                       \
        if (!(cond)) {                                                         \
            check_failures++;                                                  \
            fprintf(stderr, "%s:%d: FAILED %s: ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__);                                      \
            fputc('\n', stderr);                                               \
        }                                                                      \
    } while (0)

#define CHECK_INT(got, want) \
    CHECK((long)(got) == (long)(want), "got %ld, want %ld", (long)(got), (long)(want))

#define CHECK_NEAR(got, want) \
    CHECK(fabs((double)(got) - (double)(want)) < 0.01, "got %.4f, want %.4f", (double)(got), (double)(want))

#define CHECK_STR(got, want)                                                        \
    CHECK((got) && strcmp((got), (want)) == 0, "got \"%s\", want \"%s\"", \
          (got) ? (got) : "(null)", (want))

static int check_report(const char *name)
{
    if (check_failures) {
        fprintf(stderr, "%s: %d check(s) failed\n", name, check_failures);
        return 1;
    }
    printf("%s: all checks passed\n", name);
    return 0;
}

#endif
