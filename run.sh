#!/usr/bin/env bash
# GreenKB setup and entry points. Usage:
#   bash run.sh app     set up .venv, index corpus/ (if it holds documents) and start the app
#   bash run.sh test    set up .venv with test dependencies and run the test suite
#   bash run.sh lint    ruff check (pyflakes + bugbear), as CI runs it
set -euo pipefail
cd "$(dirname "$0")"
VENV=${GREENKB_VENV:-.venv}
PY=${PYTHON:-python3}

setup() {  # $1: requirements file
  if [ ! -x "$VENV/bin/python" ]; then
    "$PY" -m venv "$VENV"
  fi
  local stamp="$VENV/.installed-$(sha1sum "$1" requirements.txt | sha1sum | cut -c1-12)"
  if [ ! -f "$stamp" ]; then
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    "$VENV/bin/python" -m pip install --quiet -r "$1"
    touch "$stamp"
  fi
}

case "${1:-}" in
  app)
    setup requirements.txt
    if find corpus -type f ! -name README.md | grep -q .; then
      "$VENV/bin/python" -m ingest corpus || echo "部分文件导入失败，见上方说明；应用照常启动。"
    fi
    exec "$VENV/bin/streamlit" run app.py --server.headless true "${@:2}"
    ;;
  lint)
    setup requirements-dev.txt
    exec "$VENV/bin/ruff" check .
    ;;
  test)
    setup requirements-dev.txt
    exec "$VENV/bin/python" -m pytest -q "${@:2}"
    ;;
  *)
    echo "usage: bash run.sh app|test|lint" >&2
    exit 2
    ;;
esac
