# Shared by the shell end-to-end tests, sourced with the test's own
# arguments: `source checks.sh path/to/otklik repo-root`. Sets $otklik and
# $repo, makes a temporary folder $work (removed on exit) and changes into
# it; defines check, expect_exit and same, and counts passed and failed
# checks; call `report` last.

otklik=$(realpath "$1")
repo=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1

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
    return 1
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
  # Leaves out the lines a slow step prints with its time («Чтение материалов
  # (1.127 с)», «…: 40 % (5 с)»): whether they appear depends on the machine's
  # load (a sanitizer build reads content for over a second), not on the code.
  local got
  got=$(grep -Ev '^[^:]+( \([0-9]+\.[0-9]{3} с\)|: [0-9]+(…| %) \([0-9]+ с\))$' "$1")
  if [ "$got" != "$2" ]; then
    diff <(printf '%s\n' "$2") <(printf '%s\n' "$got") >&2
    return 1
  fi
}

report() {  # the summary line; fails when any check did
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
