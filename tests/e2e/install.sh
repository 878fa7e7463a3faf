#!/usr/bin/env bash
# `cmake --install` into a fresh prefix: the installed binary finds its fonts and styles there
# (run from another folder, with the source tree out of reach through SAPCHU_DATA_DIR unset).
set -euo pipefail
build=$1 src=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
cmake --install "$build" --prefix "$work/prefix" >/dev/null
for f in bin/sapchu share/sapchu/fonts/NotoSerif-Regular.ttf share/sapchu/fonts/OFL.txt \
         share/sapchu/styles/default.css; do
  [ -e "$work/prefix/$f" ] || { echo "FAIL: $f not installed"; exit 1; }
done
# A copy of the prefix elsewhere must work too (found relative to the binary).
cp -r "$work/prefix" "$work/moved"
cd "$work"
for p in prefix moved; do
  env -u SAPCHU_DATA_DIR "$work/$p/bin/sapchu" -q "$src/samples/hoi-nghi-dang-bo-khcn-2021.txt" \
      -o "$work/$p.pdf"
  text=$(pdftotext "$work/$p.pdf" -)
  [[ $text == *"Đảng ủy Bộ"* ]] || { echo "FAIL: $p: text missing"; exit 1; }
  styles=$(env -u SAPCHU_DATA_DIR "$work/$p/bin/sapchu" --list-styles)
  [[ $styles == *book* ]] || { echo "FAIL: $p: bundled styles not found"; exit 1; }
done
echo "installed binary finds fonts and styles: ok"
