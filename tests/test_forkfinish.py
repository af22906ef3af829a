"""Corpus rules finishing side by side in forked children give the findings
of finishing in turn, in the same order."""

import sys

import pytest

from auditor.config import load_config
from auditor.engine import finish_in_turn
from auditor.forkfinish import forked_finisher
from auditor.model import Location
from auditor.observations import ObservationLog
from auditor.rules.base import Context, CorpusRule, DocRef

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork is used on Linux only")


class _Longest(CorpusRule):
    """Reports the document with the longest summary (reads its whole log)."""

    id = "test.longest"
    summary = "test rule"

    def finish(self, observations):
        if not observations:
            return
        ref, text = max(observations, key=lambda pair: len(pair[1]))
        yield self.finding_at(ref.ordinal, Location(0, 1, 1, 1, text[:1]), f"longest: {text}")


class _Each(CorpusRule):
    """One finding per document, in order (indexes its log)."""

    id = "test.each"
    summary = "test rule"

    def finish(self, observations):
        for i in range(len(observations)):
            ref, text = observations[i]
            yield self.finding_at(ref.ordinal, Location(0, 1, 1, 1, text[:1]), f"{i}: {text}")


def _logs():
    logs = {"test.longest": ObservationLog(), "test.each": ObservationLog()}
    for ordinal in range(300):
        text = "x" * (ordinal % 37) + f" document {ordinal}"
        for log in logs.values():
            log.append((DocRef(ordinal, f"d{ordinal}.txt"), text), ordinal)  # left buffered: the finisher flushes
    return logs


def test_forked_finish_matches_finishing_in_turn():
    config = load_config(None)
    rules = [_Longest({}, Context(config)), _Each({}, Context(config))]
    logs = _logs()
    try:
        forked = forked_finisher(2)
        assert forked is not None
        assert forked(rules, logs) == finish_in_turn(rules, logs)
    finally:
        for log in logs.values():
            log.close()


def test_one_job_or_one_busy_rule_finishes_here():
    assert forked_finisher(1) is None
    config = load_config(None)
    rules = [_Longest({}, Context(config)), _Each({}, Context(config))]
    logs = _logs()
    try:
        only_one = {"test.each": logs["test.each"]}
        assert forked_finisher(2)(rules, only_one) == finish_in_turn(rules, only_one)
    finally:
        for log in logs.values():
            log.close()


def test_a_pooled_run_reports_the_same_corpus_findings_as_one_job(tmp_path):
    """End to end: enough documents for a process pool, a restatement among
    them; --jobs 2 (forked finish) and --jobs 1 (in turn) agree."""
    import json
    import subprocess

    original = ("Foreign Secretary David Lammy said the UK would not send troops to Ukraine, telling La Repubblica "
                "and Die Welt at the G7 meeting in Fiuggi that nothing had changed. According to Le Monde, talks "
                "with France resumed after Keir Starmer visited Paris. Jean-Noël Barrot told the BBC that France "
                "ruled nothing out, as Emmanuel Macron had said in February. Dmitry Peskov, the Kremlin "
                "spokesman, called the report \"not in line with reality\". Olaf Scholz opposed the idea and "
                "Donald Tusk stayed silent, while Volodymyr Zelensky asked for security guarantees.")
    restated = ("David Lammy made clear at the G7 in Fiuggi, speaking to La Repubblica and Die Welt, that Britain "
                "had no plan to deploy soldiers. Le Monde said discussions restarted once Keir Starmer went to "
                "Paris. Jean-Noël Barrot kept the door open on the BBC, echoing Emmanuel Macron. Dmitry Peskov "
                "dismissed it at the Kremlin; Olaf Scholz and Donald Tusk were cool on it. Volodymyr Zelensky "
                "wants guarantees.")
    rows = [{"id": "planet", "source": "Daily Planet", "date": "2024-11-26", "text": original},
            {"id": "copycat", "source": "Copycat Times", "date": "2024-11-27", "text": restated}]
    rows += [{"id": f"f{i}", "source": f"Local {i % 9}", "date": "2024-11-20",
              "text": f"The council met on Tuesday to discuss item {i} of the budget. Members voted after a "
                      f"short debate on the bus route through ward {i}."} for i in range(140)]
    archive = tmp_path / "corpus.jsonl"
    archive.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    outputs = []
    for jobs in ("1", "2"):
        proc = subprocess.run([sys.executable, "-m", "auditor", "audit", str(archive), "--format", "json",
                               "--jobs", jobs, "--no-progress", "--no-cache", "--no-history"],
                              capture_output=True, text=True, cwd=tmp_path, check=False)
        assert proc.returncode in (0, 1), proc.stderr
        outputs.append(proc.stdout)
    assert outputs[0] == outputs[1]
    findings = [f for doc in json.loads(outputs[0])["documents"] for f in doc["findings"]]
    assert any(f["rule"] == "corpus.rewrite" for f in findings)


class _Dies(CorpusRule):
    """Kills its own process: the out-of-memory killer's doing, say."""

    id = "test.dies"
    summary = "test rule"

    def finish(self, observations):
        import os
        import signal

        os.kill(os.getpid(), signal.SIGKILL)
        yield from ()


def test_a_child_killed_on_the_way_fails_the_run_instead_of_hanging():
    from concurrent.futures.process import BrokenProcessPool

    config = load_config(None)
    rules = [_Dies({}, Context(config)), _Each({}, Context(config))]
    logs = _logs()
    logs["test.dies"] = logs.pop("test.longest")
    try:
        with pytest.raises(BrokenProcessPool):
            forked_finisher(2)(rules, logs)
    finally:
        for log in logs.values():
            log.close()


def test_the_cli_reports_a_dead_worker_in_one_line(cli, monkeypatch, tmp_path):
    from concurrent.futures.process import BrokenProcessPool

    import auditor.runner

    def broken(*args, **kwargs):
        raise BrokenProcessPool("A process in the process pool was terminated abruptly")

    monkeypatch.setattr(auditor.runner, "run", broken)
    (tmp_path / "a.txt").write_text("Some text.", encoding="utf-8")
    code, out, err = cli("audit", str(tmp_path / "a.txt"), "--no-cache", "--no-history")
    assert code == 2 and out == ""
    assert err.strip() == ("auditor: error: a worker process died (killed, or out of memory: "
                           "try fewer --jobs or split the input)")
