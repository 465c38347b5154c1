#!/usr/bin/env bash
# Executes every notebook headless against a warehouse (default: the demo's ./warehouse), so that a
# notebook that breaks fails the build. Executed copies, with their charts, go to notebooks/executed/
# (ignored by git); the committed notebooks stay without outputs.
#   notebooks/run.sh                     after ./tuopin demo
#   TUOPIN_WAREHOUSE=/data/wh notebooks/run.sh
# Needs Debian's jupyter-nbconvert, python3-ipykernel, python3-pandas, python3-matplotlib, python3-jpype
# (notebooks/install-deps.sh installs them).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
export TUOPIN_HOME="$root"
export TUOPIN_WAREHOUSE="${TUOPIN_WAREHOUSE:-$root/warehouse}"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
# The Debian packages install into Debian's /usr/bin/python3; another python3 first on PATH (pyenv, a
# virtualenv) lacks them, and a user's own "python3" kernelspec may point at it. So Debian's goes
# first on PATH, and the kernel is one whose interpreter is /usr/bin/python3, named explicitly.
export PATH="/usr/bin:$PATH"
export PYTHONPATH="$here${PYTHONPATH:+:$PYTHONPATH}"
kernels="$here/executed/jupyter/kernels/tuopin-debian-python3"
mkdir -p "$kernels"
cat >"$kernels/kernel.json" <<'JSON'
{"argv": ["/usr/bin/python3", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
 "display_name": "Python 3 (Debian)", "language": "python"}
JSON
export JUPYTER_PATH="$here/executed/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"

if [[ ! -d "$TUOPIN_WAREHOUSE/curated/incidence/_delta_log" ]]; then
  echo "notebooks: no curated tables in $TUOPIN_WAREHOUSE; run ./tuopin demo first" >&2
  exit 1
fi
"$root/tuopin" --version >/dev/null   # builds the jar when it is missing or stale

status=0
all_start=$(date +%s)
for nb in "$here"/[0-9]*.ipynb; do
  name="$(basename "$nb")"
  start=$(date +%s)
  if /usr/bin/jupyter-nbconvert --to notebook --execute --ExecutePreprocessor.timeout=900 \
      --ExecutePreprocessor.kernel_name=tuopin-debian-python3 --output-dir "$here/executed" "$nb" >"$here/executed/${name%.ipynb}.log" 2>&1; then
    echo "notebooks: $name ok ($(( $(date +%s) - start )) s)"
  else
    echo "notebooks: $name FAILED ($(( $(date +%s) - start )) s); last lines of its log:" >&2
    tail -30 "$here/executed/${name%.ipynb}.log" >&2
    status=1
  fi
done
echo "notebooks: $( ((status)) && echo "some FAILED" || echo "all ok") in $(( $(date +%s) - all_start )) s; executed copies in $here/executed"
exit $status
