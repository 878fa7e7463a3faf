/* main.c — the sapchu command line: options, the batch of inputs, parallel jobs, exit codes.
 * Exit 0: every document converted; 1: any document failed; 2: usage error. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../api/sapchu.h"
#include "../style/style.h"

enum { EXIT_OK = 0, EXIT_FAILED = 1, EXIT_USAGE = 2, MAX_STYLES = 64, MAX_JOBS = 64 };

typedef struct cli {
    const char *output, *outdir;
    sc_output_format formats[2];
    size_t nformats;
    sc_input_format in_format;
    const char *styles[MAX_STYLES];
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
          "  -f, --from FORMAT     txt or md (default: from the input's extension; '-' = txt)\n"
          "      --title TEXT      document title\n"
          "      --author TEXT     document author\n"
          "      --lang LANG       document language, BCP 47 (default: the document's, else vi)\n"
          "      --paper SIZE      A4, A5, B5 or Letter (overrides the stylesheet's @page size)\n"
          "      --style FILE.css  add a stylesheet after the default one (repeatable)\n"
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

static int usage_error(const char *fmt, const char *arg)
{
    fputs("sapchu: error: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'sapchu --help'.\n", stderr);
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
    enum { OPT_TITLE = 256, OPT_AUTHOR, OPT_LANG, OPT_PAPER, OPT_STYLE, OPT_VERSION };
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'}, {"output-dir", required_argument, NULL, 'd'},
        {"to", required_argument, NULL, 't'},     {"from", required_argument, NULL, 'f'},
        {"title", required_argument, NULL, OPT_TITLE},
        {"author", required_argument, NULL, OPT_AUTHOR},
        {"lang", required_argument, NULL, OPT_LANG},
        {"paper", required_argument, NULL, OPT_PAPER},
        {"style", required_argument, NULL, OPT_STYLE},
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
                return usage_error("unknown input format '%s' (txt, md)", optarg);
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
        case ':': return usage_error("option '%s' needs a value", argv[optind - 1]);
        default: return usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
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

/* Output path for an input: DIR/NAME.EXT with -d, else beside the input. */
static int output_path(const cli *c, const char *input, sc_output_format f, char *out, size_t size)
{
    if (c->output)
        return (size_t)snprintf(out, size, "%s", c->output) < size ? 0 : -1;
    const char *base = strcmp(input, "-") == 0 ? "stdin" : input;
    const char *slash = strrchr(base, '/');
    const char *name = slash ? slash + 1 : base;
    const char *dot = strrchr(name, '.');
    int stem = dot && dot != name ? (int)(dot - name) : (int)strlen(name);
    int n;
    if (c->outdir)
        n = snprintf(out, size, "%s/%.*s.%s", c->outdir, stem, name, sc_output_extension(f));
    else
        n = snprintf(out, size, "%.*s%.*s.%s", (int)(name - base), base, stem, name,
                     sc_output_extension(f));
    return n >= 0 && (size_t)n < size ? 0 : -1;
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
            if (output_path(&c, j->input, j->format, j->output, sizeof j->output) != 0) {
                fprintf(stderr, "sapchu: %s: error: output path too long\n", j->input);
                atomic_store(&b.failed, 1);
                continue;
            }
            b.njobs++;
        }
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
