"""Running a command under a benchmark: wall time, CPU time and peak memory."""

import resource
import subprocess
import tempfile
import time


def run(command, cwd=None, poll_seconds=0.02):
    """Runs `command` to its end; returns (exit code, wall s, CPU s, peak RSS MB, stderr text).

    The peak is the child's own VmHWM, polled until it exits. wait4's
    ru_maxrss would include the memory of this Python process, which the child
    holds between fork and exec (Linux carries that high-water mark over exec):
    tens of megabytes more than the program itself uses.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors)
        peak_kb = 0
        while process.poll() is None:
            try:
                with open(f"/proc/{process.pid}/status", encoding="ascii") as status:
                    for line in status:
                        if line.startswith("VmHWM:"):
                            peak_kb = max(peak_kb, int(line.split()[1]))
            except (FileNotFoundError, ProcessLookupError, ValueError):
                pass  # exiting: its memory is gone already
            time.sleep(poll_seconds)
        seconds = time.monotonic() - start
        errors.seek(0)
        stderr = errors.read().decode(errors="replace")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return process.returncode, seconds, cpu, peak_kb / 1024, stderr
