# Shared by the shell end-to-end tests: sourced after `cd` into their
# temporary folder $work. Defines check, expect_exit and same, and counts
# passed and failed checks; call `report` last.

passed=0
failed=0

check() {  # check "description" command...
  local what=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAILED: $what" >&2
  fi
}

expect_exit() {  # expect_exit CODE command...: stdout and stderr land in $work
  local want=$1
  shift
  "$@" >"$work/stdout" 2>"$work/stderr"
  local got=$?
  [ "$got" -eq "$want" ] || { echo "exit $got, expected $want: $*" >&2; cat "$work/stderr" >&2; return 1; }
}

same() {  # same FILE EXPECTED-TEXT: the file holds exactly the text
  if [ "$(cat "$1")" != "$2" ]; then
    diff <(printf '%s\n' "$2") "$1" >&2
    return 1
  fi
}

report() {  # the summary line; fails when any check did
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
