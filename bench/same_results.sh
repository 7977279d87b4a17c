#!/bin/bash
# Prove that a speed change changes no result: the JSON findings, the --diff and the
# --diff --unsafe-fixes of two mdclean checkouts, byte for byte, over the given folders.
#
#   bench/same_results.sh OUTDIR TREE [FOLDER...]   # writes OUTDIR/<folder>.{json,diff,udiff}
#   bench/same_results.sh --compare DIR_A DIR_B     # "same"/"DIFF" per output, exit 1 on a DIFF
#
# Run it once per tree (TREE: a checkout, put first on PYTHONPATH), then compare. The default
# folders are the ones the speed sessions compare on: dirty, dirty2, clean, the dev sets.
set -u
if [ "${1:-}" = "--compare" ]; then
  status=0
  for f in $(ls "$2" | grep -v '\.err$'); do
    [ -f "$3/$f" ] || continue
    if cmp -s "$2/$f" "$3/$f"; then echo "same  $(wc -c < "$2/$f") B  $f"; else echo "DIFF  $f"; status=1; fi
  done
  exit $status
fi
OUT=$1; TREE=$(cd "$2" && pwd); shift 2
PY=${PYTHON:-python3}
FOLDERS=("$@")
if [ ${#FOLDERS[@]} -eq 0 ]; then
  FOLDERS=(/work/shared/corpus/dirty /work/shared/corpus/dirty2 /work/shared/corpus/clean
           /work/notes/dev/p12/pages /work/notes/dev/p13/pages /work/notes/dev/p14/pages
           /work/notes/dev/p15/pages /work/notes/dev/p16/pages)
fi
mkdir -p "$OUT"
cd /tmp || exit 1  # (python -m puts the current folder first on the path: not a checkout)
for folder in "${FOLDERS[@]}"; do
  name=$(echo "$folder" | tr / _)
  for mode in json diff udiff; do
    case $mode in
      json) flags=(--output-format json) ;;
      diff) flags=(--diff) ;;
      udiff) flags=(--diff --unsafe-fixes) ;;
    esac
    PYTHONPATH=$TREE "$PY" -m mdclean --no-cache --exit-zero "${flags[@]}" "$folder" \
      > "$OUT/$name.$mode" 2> "$OUT/$name.$mode.err"
  done
done
