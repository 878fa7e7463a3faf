/* main.c — the sapchu command line: options, the batch of inputs, parallel jobs, exit codes.
 * Exit 0: every document converted; 1: any document failed; 2: usage error. */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../api/paths.h"
#include "../api/sapchu.h"
#include "../base/buf.h"
#include "../layout/layout.h"
#include "../style/style.h"

enum { EXIT_OK = 0, EXIT_FAILED = 1, EXIT_USAGE = 2, MAX_STYLES = 64, MAX_JOBS = 64 };

typedef struct cli {
    const char *output, *outdir;
    sc_output_format formats[2];
    size_t nformats;
    sc_input_format in_format;
    const char *styles[MAX_STYLES];
    const char *font_dirs[MAX_STYLES];
    int list_fonts;
    sc_options opts;
    int quiet, verbose, jobs;
    char **inputs;
    int ninputs;
} cli;

/* One conversion of the batch: input, output and format, with its own diagnostics. */
typedef struct job {
    const char *input;
    char output[PATH_MAX];
    sc_output_format format;
    int rc;
} job;

typedef struct batch {
    const cli *c;
    job *jobs;
    size_t njobs;
    atomic_size_t next;
    pthread_mutex_t print_lock;
    atomic_int failed;
} batch;

static void usage(FILE *f)
{
    fputs("Usage: sapchu [OPTIONS] INPUT...\n"
          "Convert plain text and Markdown to PDF and EPUB 3.\n"
          "\n"
          "  -o, --output FILE     write to FILE (.pdf or .epub; '-' = standard output, needs -t)\n"
          "  -d, --output-dir DIR  write DIR/NAME.pdf|.epub for each input\n"
          "  -t, --to FORMATS      pdf, epub, or pdf,epub (default: from -o, else pdf)\n"
          "  -f, --from FORMAT     txt, md, html, xhtml or epub (default: from the input's extension; '-' = txt)\n"
          "      --title TEXT      document title\n"
          "      --author TEXT     document author\n"
          "      --lang LANG       document language, BCP 47 (default: the document's, else vi)\n"
          "      --paper SIZE      A4, A5, B5 or Letter (overrides the stylesheet's @page size)\n"
          "      --style FILE.css  add a stylesheet after the default one (repeatable)\n"
          "      --style NAME      add a bundled style (book, report, ...; see --list-styles)\n"
          "      --list-styles     list the bundled styles\n"
          "      --font-dir DIR    also look for fonts in DIR (repeatable)\n"
          "      --list-fonts      list the font families a stylesheet can name, with their files\n"
          "      --embed-fonts     EPUB: package the @font-face fonts the stylesheets use\n"
          "      --toc             PDF: a table of contents (headings 1-3) before the text\n"
          "      --encoding NAME   text input encoding: utf-8, cp1258, tcvn, viscii, vni, tcvn3,\n"
          "                        vps, viqr (default: UTF-8, else the detected legacy one)\n"
          "      --keep-legacy-fonts  leave runs in .VnTime/VNI/VPS fonts unconverted\n"
          "  -j, --jobs N          convert N documents at a time (default 1)\n"
          "  -q, --quiet           print errors only\n"
          "  -v, --verbose         also print notes and each file written\n"
          "  -h, --help            show this help\n"
          "      --version         show the version\n"
          "\n"
          "Without -o or -d, each output is written beside its input (article.txt -> article.pdf).\n"
          "Exit status: 0 all converted, 1 a document failed, 2 usage error.\n"
          "SOURCE_DATE_EPOCH, when set, is the date written into outputs (reproducible builds).\n",
          f);
}

/* --list-styles: each bundled style (DATA/styles/NAME.css) with the first line of its first
 * comment, sorted by name. */
static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int list_styles(const char *data_override)
{
    char data[PATH_MAX], dir[PATH_MAX + 16];
    if (sc_find_data_dir(data_override, data, sizeof data) != 0) {
        fputs("sapchu: error: cannot find the bundled styles (set SAPCHU_DATA_DIR)\n", stderr);
        return EXIT_FAILED;
    }
    snprintf(dir, sizeof dir, "%s/styles", data);
    DIR *dp = opendir(dir);
    if (!dp) {
        fprintf(stderr, "sapchu: error: %s: %s\n", dir, strerror(errno));
        return EXIT_FAILED;
    }
    char *names[256];
    size_t n = 0;
    for (struct dirent *de; (de = readdir(dp)) != NULL && n < 256;) {
        size_t len = strlen(de->d_name);
        if (len > 4 && strcmp(de->d_name + len - 4, ".css") == 0 && de->d_name[0] != '.')
            names[n++] = strndup(de->d_name, len - 4);
    }
    closedir(dp);
    qsort(names, n, sizeof *names, cmp_names);
    for (size_t i = 0; i < n; i++) {
        char path[PATH_MAX + 300], line[512] = "";
        snprintf(path, sizeof path, "%s/%s.css", dir, names[i]);
        FILE *f = fopen(path, "r");
        if (f) {
            /* The first non-empty line of the leading comment, without the comment marks. */
            char buf[512];
            while (fgets(buf, sizeof buf, f)) {
                char *t = buf;
                while (*t == ' ' || *t == '/' || *t == '*' || *t == '\t')
                    t++;
                t[strcspn(t, "\r\n")] = '\0';
                char *end = strstr(t, "*/");
                if (end)
                    *end = '\0';
                size_t tl = strlen(t);
                while (tl > 0 && t[tl - 1] == ' ')
                    t[--tl] = '\0';
                size_t nl = strlen(names[i]); /* "book: A5 pages..." -> "A5 pages..." */
                if (strncmp(t, names[i], nl) == 0 && t[nl] == ':')
                    for (t += nl + 1; *t == ' ';)
                        t++;
                if (*t) {
                    snprintf(line, sizeof line, "%s", t);
                    break;
                }
            }
            fclose(f);
        }
        printf("%-10s %s\n", names[i] ? names[i] : "?", line);
        free(names[i]);
    }
    return EXIT_OK;
}

/* --list-fonts: "family<TAB>origin<TAB>file" for the bundled fonts, the --font-dir folders and
 * the installed fonts. */
static int list_fonts(const cli *c)
{
    char data[PATH_MAX], fonts[PATH_MAX + 8];
    if (sc_find_data_dir(c->opts.data_dir, data, sizeof data) != 0) {
        fputs("sapchu: error: cannot find the bundled fonts (set SAPCHU_DATA_DIR)\n", stderr);
        return EXIT_FAILED;
    }
    snprintf(fonts, sizeof fonts, "%s/fonts", data);
    sc_font_options fo = {.fonts_dir = fonts, .font_dirs = c->font_dirs,
                          .nfont_dirs = c->opts.nfont_dirs};
    sc_buf out;
    sc_buf_init(&out);
    sc_diag_list d;
    sc_diag_init(&d);
    int rc = sc_fontset_list(&fo, &out, &d);
    for (size_t i = 0; i < d.count; i++) {
        char *line = sc_diag_format(&d.items[i]);
        if (line)
            fprintf(stderr, "sapchu: %s\n", line);
        free(line);
    }
    if (out.data)
        fputs(out.data, stdout);
    sc_buf_free(&out);
    sc_diag_clear(&d);
    return rc == 0 ? EXIT_OK : EXIT_FAILED;
}

static int usage_error(const char *fmt, const char *arg)
{
    fputs("sapchu: error: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("; see 'sapchu --help'\n", stderr); /* one line, as every message */
    return EXIT_USAGE;
}

static int parse_formats(cli *c, const char *list)
{
    char tmp[64];
    if (strlen(list) >= sizeof tmp)
        return -1;
    strcpy(tmp, list);
    c->nformats = 0;
    for (char *save = NULL, *tok = strtok_r(tmp, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        sc_output_format f = sc_output_format_from_option(tok);
        if (f == SC_OUTPUT_NONE || c->nformats == 2)
            return -1;
        if (c->nformats == 0 || c->formats[0] != f)
            c->formats[c->nformats++] = f;
    }
    return c->nformats ? 0 : -1;
}

/* Parse argv into c; returns -1 to continue, or an exit code. */
static int parse_args(cli *c, int argc, char **argv)
{
    enum { OPT_TITLE = 256, OPT_AUTHOR, OPT_LANG, OPT_PAPER, OPT_STYLE, OPT_VERSION,
           OPT_LIST_STYLES, OPT_EMBED_FONTS, OPT_FONT_DIR, OPT_LIST_FONTS, OPT_TOC,
           OPT_ENCODING, OPT_KEEP_LEGACY_FONTS };
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'}, {"output-dir", required_argument, NULL, 'd'},
        {"to", required_argument, NULL, 't'},     {"from", required_argument, NULL, 'f'},
        {"title", required_argument, NULL, OPT_TITLE},
        {"author", required_argument, NULL, OPT_AUTHOR},
        {"lang", required_argument, NULL, OPT_LANG},
        {"paper", required_argument, NULL, OPT_PAPER},
        {"style", required_argument, NULL, OPT_STYLE},
        {"list-styles", no_argument, NULL, OPT_LIST_STYLES},
        {"font-dir", required_argument, NULL, OPT_FONT_DIR},
        {"list-fonts", no_argument, NULL, OPT_LIST_FONTS},
        {"embed-fonts", no_argument, NULL, OPT_EMBED_FONTS},
        {"toc", no_argument, NULL, OPT_TOC},
        {"encoding", required_argument, NULL, OPT_ENCODING},
        {"keep-legacy-fonts", no_argument, NULL, OPT_KEEP_LEGACY_FONTS},
        {"jobs", required_argument, NULL, 'j'},   {"quiet", no_argument, NULL, 'q'},
        {"verbose", no_argument, NULL, 'v'},      {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, OPT_VERSION}, {NULL, 0, NULL, 0}};
    const char *to = NULL;
    int opt;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":o:d:t:f:j:qvh", longopts, NULL)) != -1) {
        switch (opt) {
        case 'o': c->output = optarg; break;
        case 'd': c->outdir = optarg; break;
        case 't': to = optarg; break;
        case 'f':
            c->in_format = sc_input_format_from_option(optarg);
            if (c->in_format == SC_INPUT_AUTO)
                return usage_error("unknown input format '%s' (txt, md, html, xhtml, epub)", optarg);
            break;
        case OPT_TITLE: c->opts.title = optarg; break;
        case OPT_AUTHOR: c->opts.author = optarg; break;
        case OPT_LANG: c->opts.lang = optarg; break;
        case OPT_PAPER: {
            float w, h;
            if (sc_paper_size(optarg, &w, &h) != 0)
                return usage_error("unknown paper size '%s' (A4, A5, B5, Letter)", optarg);
            c->opts.paper = optarg;
            break;
        }
        case OPT_STYLE:
            if (c->opts.nstyles == MAX_STYLES)
                return usage_error("too many --style options (at most %s)", "64");
            c->styles[c->opts.nstyles++] = optarg;
            break;
        case 'j': {
            char *end;
            long n = strtol(optarg, &end, 10);
            if (*end || n < 1 || n > MAX_JOBS)
                return usage_error("--jobs takes a number from 1 to 64, not '%s'", optarg);
            c->jobs = (int)n;
            break;
        }
        case 'q': c->quiet = 1; break;
        case 'v': c->verbose = 1; break;
        case 'h': usage(stdout); return EXIT_OK;
        case OPT_VERSION: printf("sapchu %s\n", SAPCHU_VERSION); return EXIT_OK;
        case OPT_LIST_STYLES: return list_styles(c->opts.data_dir);
        case OPT_EMBED_FONTS: c->opts.embed_fonts = 1; break;
        case OPT_TOC: c->opts.toc = 1; break;
        case OPT_ENCODING:
            if (!sc_read_encoding_known(optarg))
                return usage_error("unknown encoding '%s' (utf-8, cp1258, tcvn, viscii, vni, "
                                   "tcvn3, vps, viqr)", optarg);
            c->opts.encoding = optarg;
            break;
        case OPT_KEEP_LEGACY_FONTS: c->opts.keep_legacy_fonts = 1; break;
        case OPT_FONT_DIR:
            if (c->opts.nfont_dirs == MAX_STYLES)
                return usage_error("too many --font-dir options (at most %s)", "64");
            c->font_dirs[c->opts.nfont_dirs++] = optarg;
            break;
        case OPT_LIST_FONTS: c->list_fonts = 1; break;
        case ':': return usage_error("option '%s' needs a value", argv[optind - 1]);
        default: return usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (c->list_fonts) /* after the loop: --font-dir may come after --list-fonts */
        return list_fonts(c);
    c->inputs = argv + optind;
    c->ninputs = argc - optind;
    if (c->ninputs == 0)
        return usage_error("no input file%s", "");
    if (to && parse_formats(c, to) != 0)
        return usage_error("unknown output format '%s' (pdf, epub, or pdf,epub)", to);
    if (c->output && c->outdir)
        return usage_error("-o and -d cannot be used together%s", "");
    if (c->output) {
        if (c->ninputs > 1)
            return usage_error("-o takes one input; use -d DIR for several%s", "");
        if (!to) {
            sc_output_format f = sc_output_format_from_name(c->output);
            if (f == SC_OUTPUT_NONE)
                return usage_error("cannot tell the output format from '%s' (use .pdf or .epub, "
                                   "or -t)", c->output);
            c->formats[0] = f;
            c->nformats = 1;
        } else if (c->nformats > 1) {
            return usage_error("-o writes one file; use -d DIR with -t %s", to);
        }
    }
    if (!c->nformats) {
        c->formats[0] = SC_OUTPUT_PDF;
        c->nformats = 1;
    }
    for (int i = 0; i < c->ninputs; i++)
        if (strcmp(c->inputs[i], "-") == 0 && !c->output && !c->outdir)
            return usage_error("standard input needs -o or -d%s", "");
    return -1;
}

/* Output path for an input: DIR/NAME.EXT with -d, else beside the input. keep_ext keeps the
 * input's extension in NAME (article.md -> article.md.pdf), for inputs whose stems collide. */
static int output_path(const cli *c, const char *input, sc_output_format f, int keep_ext, char *out,
                       size_t size)
{
    if (c->output)
        return (size_t)snprintf(out, size, "%s", c->output) < size ? 0 : -1;
    const char *base = strcmp(input, "-") == 0 ? "stdin" : input;
    const char *slash = strrchr(base, '/');
    const char *name = slash ? slash + 1 : base;
    const char *dot = strrchr(name, '.');
    int stem = dot && dot != name && !keep_ext ? (int)(dot - name) : (int)strlen(name);
    int n;
    if (c->outdir)
        n = snprintf(out, size, "%s/%.*s.%s", c->outdir, stem, name, sc_output_extension(f));
    else
        n = snprintf(out, size, "%.*s%.*s.%s", (int)(name - base), base, stem, name,
                     sc_output_extension(f));
    return n >= 0 && (size_t)n < size ? 0 : -1;
}

static int by_output(const void *a, const void *b)
{
    const job *const *x = a, *const *y = b;
    int d = strcmp((*x)->output, (*y)->output);
    return d ? d : (*x < *y ? -1 : *x > *y);
}

/* Two inputs whose names differ only in their extension (article.txt, article.md) would write
 * the same file: those keep their extension in the output name (article.txt.pdf, article.md.pdf)
 * instead of one silently replacing the other. */
static void separate_collisions(const cli *c, job *jobs, size_t n)
{
    job **sorted = malloc(n * sizeof *sorted);
    unsigned char *clash = calloc(n, 1);
    if (!sorted || !clash) {
        free(sorted);
        free(clash);
        return;
    }
    for (size_t i = 0; i < n; i++)
        sorted[i] = &jobs[i];
    qsort(sorted, n, sizeof *sorted, by_output);
    for (size_t i = 1; i < n; i++)
        if (strcmp(sorted[i - 1]->output, sorted[i]->output) == 0)
            clash[sorted[i - 1] - jobs] = clash[sorted[i] - jobs] = 1;
    for (size_t i = 0; i < n; i++)
        if (clash[i] && strcmp(jobs[i].input, "-") != 0)
            output_path(c, jobs[i].input, jobs[i].format, 1, jobs[i].output, sizeof jobs[i].output);
    free(sorted);
    free(clash);
}

static void print_diags(const cli *c, const sc_diag_list *d)
{
    for (size_t i = 0; i < d->count; i++) {
        const sc_diag *x = &d->items[i];
        if ((x->severity == SC_WARNING && c->quiet) || (x->severity == SC_NOTE && !c->verbose))
            continue;
        char *line = sc_diag_format(x);
        fprintf(stderr, "sapchu: %s\n", line ? line : "(out of memory)");
        free(line);
    }
}

static void run_job(batch *b, job *j)
{
    const cli *c = b->c;
    sc_diag_list d;
    sc_diag_init(&d);
    j->rc = sc_convert_file(j->input, c->in_format, j->output, j->format, &c->opts, &d);
    pthread_mutex_lock(&b->print_lock);
    print_diags(c, &d);
    if (j->rc == 0 && c->verbose)
        fprintf(stderr, "sapchu: wrote %s\n", strcmp(j->output, "-") ? j->output : "<stdout>");
    pthread_mutex_unlock(&b->print_lock);
    if (j->rc != 0)
        atomic_store(&b->failed, 1);
    sc_diag_clear(&d);
}

static void *worker(void *arg)
{
    batch *b = arg;
    for (size_t i; (i = atomic_fetch_add(&b->next, 1)) < b->njobs;)
        run_job(b, &b->jobs[i]);
    return NULL;
}

int main(int argc, char **argv)
{
    cli c = {.jobs = 1};
    int rc = parse_args(&c, argc, argv);
    if (rc >= 0)
        return rc;
    c.opts.styles = c.styles;
    c.opts.font_dirs = c.font_dirs;
    c.opts.date = sc_output_date();

    batch b = {.c = &c, .njobs = 0};
    b.jobs = calloc((size_t)c.ninputs * c.nformats, sizeof *b.jobs);
    if (!b.jobs)
        return EXIT_FAILED;
    for (int i = 0; i < c.ninputs; i++)
        for (size_t f = 0; f < c.nformats; f++) {
            job *j = &b.jobs[b.njobs];
            j->input = c.inputs[i];
            j->format = c.formats[f];
            if (output_path(&c, j->input, j->format, 0, j->output, sizeof j->output) != 0) {
                fprintf(stderr, "sapchu: %s: error: output path too long\n", j->input);
                atomic_store(&b.failed, 1);
                continue;
            }
            b.njobs++;
        }
    if (!c.output)
        separate_collisions(&c, b.jobs, b.njobs);
    pthread_mutex_init(&b.print_lock, NULL);
    int nthreads = c.jobs < (int)b.njobs ? c.jobs : (int)b.njobs;
    pthread_t threads[MAX_JOBS];
    int started = 0;
    for (int t = 1; t < nthreads; t++)
        if (pthread_create(&threads[started], NULL, worker, &b) == 0)
            started++;
    worker(&b);
    for (int t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    pthread_mutex_destroy(&b.print_lock);
    free(b.jobs);
    return atomic_load(&b.failed) ? EXIT_FAILED : EXIT_OK;
}
