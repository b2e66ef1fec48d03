#!/bin/sh
# BenchBase raw vs through dualwrite; see README.md next to this file.
exec python3 "$(dirname "$0")/benchbase.py" "$@"
