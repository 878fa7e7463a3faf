#!/usr/bin/env bash
# Quick start, step 1: install what sapchu needs, build it, convert every sample to PDF and EPUB.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
mkdir -p out
shopt -s nullglob
build/sapchu -q -d out -t pdf,epub samples/*.txt samples/*.md
ls -1 out
