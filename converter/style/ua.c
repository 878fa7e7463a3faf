/* ua.c — the user-agent stylesheet: what the HTML elements mean before any author sheet speaks
 * (after the HTML Living Standard's rendering section, trimmed to the elements sapchu has).
 * It sits under every sheet in the cascade, so an empty or partial author sheet still gives
 * italic emphasis, bold headings and preformatted code. */
#include "css.h"

const char sc_css_ua_sheet[] =
    "em { font-style: italic }\n"
    "strong, th { font-weight: bold }\n"
    "th { text-align: center }\n"
    "h1, h2, h3, h4, h5, h6 { font-weight: bold; page-break-after: avoid }\n"
    "h1 { font-size: 2em; margin: 0.67em 0 }\n"
    "h2 { font-size: 1.5em; margin: 0.83em 0 }\n"
    "h3 { font-size: 1.17em; margin: 1em 0 }\n"
    "h4 { margin: 1.33em 0 }\n"
    "h5 { font-size: 0.83em; margin: 1.67em 0 }\n"
    "h6 { font-size: 0.67em; margin: 2.33em 0 }\n"
    "p, pre, ul, ol { margin: 1em 0 }\n"
    "li > ul, li > ol { margin: 0 }\n"
    "blockquote { margin: 1em 2.5em }\n"
    "ul, ol { padding-left: 2.5em }\n"
    "ol { list-style-type: decimal }\n"
    "ul ul, ol ul { list-style-type: circle }\n"
    "ul ul ul, ul ol ul, ol ul ul, ol ol ul { list-style-type: square }\n"
    "hr { margin: 0.5em 0 }\n"
    "pre, code { font-family: monospace }\n"
    "pre { white-space: pre }\n"
    "del { text-decoration: line-through }\n"
    /* Sizes of sub/sup come from the layout (0.7 em, inline.h), so they are not shrunk here. */
    "sub { vertical-align: sub }\n"
    "sup { vertical-align: super }\n"
    "dl, figure { margin: 1em 0 }\n"
    "dt { font-weight: bold }\n"
    "dd { margin-left: 2.5em }\n"
    "figure { margin-left: 2.5em; margin-right: 2.5em }\n"
    "figcaption { text-align: center }\n"
    "mark { background-color: yellow }\n"
    "u, ins { text-decoration: underline }\n"
    "s, strike { text-decoration: line-through }\n"
    "small { font-size: smaller }\n"
    "b { font-weight: bold }\n"
    "i, cite, var, dfn { font-style: italic }\n"
    "kbd, samp, tt { font-family: monospace }\n";
