"""The ``auditor`` command line.

Exit codes (as ruff and typos): 0 nothing at or above ``--fail-on``; 1
findings at or above it; 2 usage, configuration or input errors, always
as one line on stderr, never a traceback. Heavy imports happen inside the
commands so ``auditor audit one-file.md`` starts fast.
"""

# No `from __future__ import annotations` here: typer would have to eval every
# option's annotation string on each run (~12 ms of a one-file run).
import os
import sys
from pathlib import Path
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from auditor import __version__
from auditor.errors import AuditorError, UsageError

if TYPE_CHECKING:  # pragma: no cover
    from auditor.config import Config

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Audit news and editorial text for source-reliability and translation problems.")
rules_app = typer.Typer(no_args_is_help=True, help="List and explain rules.")
config_app = typer.Typer(no_args_is_help=True, help="Show the effective configuration and its schema.")
knowledge_app = typer.Typer(no_args_is_help=True, help="Validate knowledge packs.")
app.add_typer(rules_app, name="rules")
app.add_typer(config_app, name="config")
app.add_typer(knowledge_app, name="knowledge")


# Options shared by several commands.
SelectOption = Annotated[Optional[list[str]], typer.Option(help="Only these rules or categories (comma-separated).")]
IgnoreOption = Annotated[Optional[list[str]], typer.Option(help="Skip these rules or categories (comma-separated).")]
JobsOption = Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Worker processes (default: all cores).")]
ConfigOption = Annotated[Optional[Path], typer.Option("--config", "-c", help="Config file (default: nearest .auditor.yml).")]
NoCacheOption = Annotated[bool, typer.Option("--no-cache", help="Do not read or write .auditor_cache/.")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"auditor {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True,
                                                    help="Print the version and exit.")] = None,
) -> None:
    pass


def _split(values: list[str] | None) -> list[str]:
    return [v.strip() for item in values or [] for v in item.split(",") if v.strip()]


def _load_config(config_file: Path | None, paths: list[str], overrides: dict) -> "Config":
    from auditor.config import find_config, load_config

    if config_file is None:
        start = next((Path(p) for p in paths if p != "-"), Path.cwd())
        config_file = find_config(start if start.exists() else Path.cwd())
    return load_config(config_file, overrides)


def _command_config(config: Path | None, paths: list[str], *, select: list[str] | None = None,
                    ignore: list[str] | None = None, fail_on: str | None = None, date: str | None = None) -> "Config":
    """The effective config of a command, with its command-line overrides."""
    overrides: dict = {}
    if select:
        overrides["select"] = _split(select)
    if ignore:
        overrides["ignore"] = _split(ignore)
    if fail_on:
        overrides["fail_on"] = fail_on
    if date:
        from auditor.documents.metadata import parse_date

        if parse_date(date) is None:
            raise UsageError(f"--date: cannot read {date!r} as a date (use YYYY-MM-DD)")
    return _load_config(config, paths, overrides)


def _warn(message: str) -> None:
    """Input warnings: one line each on stderr."""
    typer.echo(f"auditor: warning: {message}", err=True)


@app.command()
def audit(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, archives (.jsonl/.csv[.gz]) or - for stdin.")],
    format: Annotated[str, typer.Option("--format", "-f", help="text, json, or another installed format.")] = "text",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report here (atomically).")] = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    fail_on: Annotated[Optional[str], typer.Option("--fail-on", help="error, warning or info.")] = None,
    jobs: JobsOption = None,
    config: ConfigOption = None,
    source: Annotated[Optional[str], typer.Option(help="Source id for every document.")] = None,
    date: Annotated[Optional[str], typer.Option(help="Publication date (YYYY-MM-DD) for every document.")] = None,
    stdin_filename: Annotated[Optional[str], typer.Option(help="Name (and so format) of text read from stdin.")] = None,
    strict: Annotated[bool, typer.Option(help="Input warnings (skipped files or rows) exit with 2.")] = False,
    statistics: Annotated[bool, typer.Option(help="Text format: counts per rule instead of findings.")] = False,
    profile: Annotated[bool, typer.Option(help="Print seconds per rule on stderr.")] = False,
    progress: Annotated[Optional[bool], typer.Option("--progress/--no-progress", help="Progress bar on stderr.")] = None,
    history: Annotated[Optional[Path], typer.Option("--history", help="Record scores in this SQLite file "
                                                    "(default: .auditor/history.sqlite; off when CI is set).")] = None,
    no_history: Annotated[bool, typer.Option("--no-history", help="Do not record this run's scores.")] = False,
    fail_under: Annotated[Optional[float], typer.Option("--fail-under", help="Also exit 1 if a document or source "
                                                        "scores below this (default: fail_under in the config).")] = None,
    baseline: Annotated[Optional[Path], typer.Option("--baseline", help="Report and fail only on findings not in "
                                                     "this baseline (auditor baseline create).")] = None,
    changed_since: Annotated[Optional[str], typer.Option("--changed-since", help="Audit only files changed since "
                                                         "this git ref (plus untracked files).")] = None,
    diff_only: Annotated[bool, typer.Option("--diff-only", help="Keep only findings on lines changed since "
                                            "--changed-since (default HEAD).")] = False,
    no_cache: NoCacheOption = False,
    fix: Annotated[bool, typer.Option("--fix", help="Apply safe fixes first, then report what remains.")] = False,
    engine: Annotated[str, typer.Option("--engine", help="local (process pool) or dask.")] = "local",
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="Dask scheduler address "
                                                     "(default: start a LocalCluster).")] = None,
) -> None:
    """Audit articles and report findings."""
    from auditor import ci
    from auditor.model import Severity
    from auditor.report import ReportOptions, render
    from auditor.runner import run

    cfg = _command_config(config, paths, select=select, ignore=ignore, fail_on=fail_on, date=date)
    warn = _warn
    if changed_since:
        paths = ci.select_changed(paths, cfg, changed_since, warn)
    loader_options = {"source": source, "date": date, "stdin_name": stdin_filename}
    gates = ci.preflight(paths, diff_only=diff_only, ref=changed_since, baseline_file=baseline)
    cache = ci.make_cache(cfg, not no_cache and not profile)
    if fix:
        _apply_fixes(paths, cfg, jobs=jobs, warn=warn, loader_options=loader_options, cache=cache, diff=False)
    show_progress = progress if progress is not None else sys.stderr.isatty()
    executor = _executor(engine, scheduler)
    with _progress(show_progress) as tick:
        result = run(paths, cfg, jobs=jobs, warn=warn, profile=profile, progress=tick,
                     loader_options=loader_options, cache=cache, executor=executor)
    try:
        ci.apply_filters(result, gates, echo=lambda m: typer.echo(m, err=True))
    except BaseException:
        result.close()
        raise
    try:
        options = ReportOptions(color=output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ,
                                statistics=statistics)
        if output is None:
            render(format, result, sys.stdout, options)
            sys.stdout.flush()
        else:
            from auditor.fileio import atomic_write_text

            with atomic_write_text(output) as stream:
                render(format, result, stream, options)
        if profile:
            _print_profile(result)
        _record_history("audit", paths, cfg, result, history, no_history, warn)
        threshold = Severity.parse(cfg.fail_on)
        failed = any(result.by_severity.get(sev.value) for sev in Severity
                     if sev.rank >= threshold.rank and sev is not Severity.OFF)
        low = ci.score_failures(result, fail_under if fail_under is not None else cfg.fail_under)
        for line in low[:10]:
            typer.echo(f"auditor: below --fail-under: {line}", err=True)
        if len(low) > 10:
            typer.echo(f"auditor: below --fail-under: ... and {len(low) - 10} more", err=True)
        failed = failed or bool(low)
    finally:
        result.close()
    if strict and result.warnings:
        raise AuditorError(f"{len(result.warnings)} input warning(s) with --strict")
    raise typer.Exit(1 if failed else 0)


def _executor(engine: str, scheduler: str | None):
    if engine == "local":
        if scheduler:
            raise UsageError("--scheduler needs --engine dask")
        return None
    if engine == "dask":
        from auditor.dask_engine import dask_executor

        return dask_executor(scheduler)
    raise UsageError(f"--engine: expected local or dask, not {engine!r}")


def _apply_fixes(paths, cfg, *, jobs, warn, loader_options, cache, diff: bool, min_confidence: float | None = None):
    from auditor.fix import DEFAULT_MIN_CONFIDENCE, fix_paths

    min_confidence = DEFAULT_MIN_CONFIDENCE if min_confidence is None else min_confidence

    report = fix_paths(paths, cfg, write_files=not diff, jobs=jobs, warn=warn, loader_options=loader_options,
                       cache=cache, min_confidence=min_confidence)
    for where in report.not_fixable:
        warn(f"{where}: not fixed (archives and stdin are never rewritten)")
    changed = report.changed_files
    if diff:
        for planned in changed:
            sys.stdout.write(planned.diff())
    verb = "would fix" if diff else "fixed"
    typer.echo(f"auditor: {verb} {report.applied} finding{'s' if report.applied != 1 else ''} in "
               f"{len(changed)} file{'s' if len(changed) != 1 else ''}", err=True)
    for planned in report.files:
        for finding, why in planned.skipped:
            typer.echo(f"auditor: not fixed: {planned.path}:{finding.line}:{finding.column} {finding.rule}: {why}",
                       err=True)
    return report


@app.command("fix")
def fix_cmd(
    paths: Annotated[list[str], typer.Argument(help="Files or directories to fix in place.")],
    diff: Annotated[bool, typer.Option("--diff", help="Print a unified diff instead of writing; exit 1 if "
                                       "anything would change.")] = False,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    min_confidence: Annotated[float, typer.Option("--min-confidence", min=0.0, max=1.0,
                                                  help="Apply only findings at least this confident.")] = 0.7,
    jobs: JobsOption = None,
    config: ConfigOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Apply safe fixes (name spelling, place house style, ...) in place."""
    from auditor import ci

    cfg = _command_config(config, paths, select=select, ignore=ignore)
    warn = _warn
    report = _apply_fixes(paths, cfg, jobs=jobs, warn=warn, loader_options={}, diff=diff,
                          cache=ci.make_cache(cfg, not no_cache), min_confidence=min_confidence)
    raise typer.Exit(1 if diff and report.changed_files else 0)


baseline_app = typer.Typer(no_args_is_help=True, help="Record current findings so CI fails only on new ones.")
app.add_typer(baseline_app, name="baseline")


@baseline_app.command("create")
def baseline_create(
    paths: Annotated[list[str], typer.Argument(help="Files, directories or archives to audit.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The baseline file.")] = Path(".auditor-baseline.json"),
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    jobs: JobsOption = None,
    config: ConfigOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Audit PATHS and record every finding in a baseline file."""
    from auditor import baseline as baseline_mod
    from auditor import ci
    from auditor.runner import run

    cfg = _command_config(config, paths, select=select, ignore=ignore)
    warn = _warn
    result = run(paths, cfg, jobs=jobs, warn=warn, cache=ci.make_cache(cfg, not no_cache))
    try:
        recorded = baseline_mod.build(result, output.resolve().parent)
    finally:
        result.close()
    baseline_mod.write(recorded, output)
    total = sum(sum(c.values()) for c in recorded.entries.values())
    typer.echo(f"auditor: baseline {output}: {total} finding{'s' if total != 1 else ''} in "
               f"{len(recorded.entries)} document{'s' if len(recorded.entries) != 1 else ''}", err=True)


@app.command()
def score(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, archives (.jsonl/.csv[.gz]) or - for stdin.")],
    format: Annotated[str, typer.Option("--format", "-f", help="text, json or csv.")] = "text",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the table here (atomically).")] = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    fail_under: Annotated[Optional[float], typer.Option("--fail-under", help="Exit 1 if a source scores below this "
                                                        "(default: fail_under in the config).")] = None,
    jobs: JobsOption = None,
    config: ConfigOption = None,
    source: Annotated[Optional[str], typer.Option(help="Source id for every document.")] = None,
    date: Annotated[Optional[str], typer.Option(help="Publication date (YYYY-MM-DD) for every document.")] = None,
    stdin_filename: Annotated[Optional[str], typer.Option(help="Name (and so format) of text read from stdin.")] = None,
    strict: Annotated[bool, typer.Option(help="Input warnings (skipped files or rows) exit with 2.")] = False,
    progress: Annotated[Optional[bool], typer.Option("--progress/--no-progress", help="Progress bar on stderr.")] = None,
    history: Annotated[Optional[Path], typer.Option("--history", help="Record scores in this SQLite file "
                                                    "(default: .auditor/history.sqlite; off when CI is set).")] = None,
    no_history: Annotated[bool, typer.Option("--no-history", help="Do not record this run's scores.")] = False,
    no_cache: NoCacheOption = False,
    engine: Annotated[str, typer.Option("--engine", help="local (process pool) or dask.")] = "local",
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="Dask scheduler address "
                                                     "(default: start a LocalCluster).")] = None,
) -> None:
    """Rank sources by editorial-quality score (worst first), with credible intervals."""
    from auditor import ci
    from auditor.report._scores import render_sources
    from auditor.runner import run
    from auditor.scoring import ranked

    if format not in ("text", "json", "csv"):
        raise UsageError(f"--format: expected text, json or csv, not {format!r}")
    cfg = _command_config(config, paths, select=select, ignore=ignore, date=date)
    warn = _warn
    show_progress = progress if progress is not None else sys.stderr.isatty()
    executor = _executor(engine, scheduler)
    with _progress(show_progress) as tick:
        result = run(paths, cfg, jobs=jobs, warn=warn, progress=tick,
                     loader_options={"source": source, "date": date, "stdin_name": stdin_filename},
                     cache=ci.make_cache(cfg, not no_cache), executor=executor)
    try:
        rows = ranked(result.sources())
        level = float(result.scorer.source_params.get("interval", 0.9))
        if output is None:
            render_sources(rows, sys.stdout, format, level=level)
            sys.stdout.flush()
        else:
            from auditor.fileio import atomic_write_text

            with atomic_write_text(output, newline="" if format == "csv" else None) as stream:
                render_sources(rows, stream, format, level=level)
        _record_history("score", paths, cfg, result, history, no_history, warn)
    finally:
        result.close()
    if strict and result.warnings:
        raise AuditorError(f"{len(result.warnings)} input warning(s) with --strict")
    threshold = fail_under if fail_under is not None else cfg.fail_under
    failed = threshold is not None and any(r["score"] is not None and r["score"] < threshold for r in rows)
    raise typer.Exit(1 if failed else 0)


@app.command("history")
def history_cmd(
    source: Annotated[Optional[str], typer.Argument(help="A source id; without it, every source's latest score.")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="text, json or csv.")] = "text",
    history: Annotated[Optional[Path], typer.Option("--history", help="The SQLite file "
                                                    "(default: .auditor/history.sqlite next to the config).")] = None,
    config: ConfigOption = None,
) -> None:
    """Show recorded scores: one source's score over time, or every source's latest."""
    from auditor.history import History, default_path
    from auditor.report._scores import render_history

    if format not in ("text", "json", "csv"):
        raise UsageError(f"--format: expected text, json or csv, not {format!r}")
    target = history or default_path(_load_config(config, [], {}))
    with History(target, create=False) as db:
        if source:
            rows = db.source_history(source)
            if not rows:
                known = sorted(r["source"] for r in db.latest())
                from rapidfuzz import process

                close = [m[0] for m in process.extract(source, known, limit=3, score_cutoff=60)]
                hint = f" (did you mean {', '.join(close)}?)" if close else ""
                raise UsageError(f"no recorded scores for source {source!r} in {target}{hint}")
        else:
            rows = db.latest()
    render_history(rows, sys.stdout, format, source)


def _record_history(command: str, paths: list[str], cfg, result, history: Path | None, no_history: bool,
                    warn) -> None:
    """Record the run's scores (auditor.history); a failure at the default
    location is a warning, at a location the user asked for an error."""
    from auditor.history import record_run, resolve

    target, explicit = resolve(history, no_history, cfg, paths)
    if target is None:
        return
    try:
        record_run(result, command=command, paths=paths, target=target)
    except AuditorError as exc:
        if explicit:
            raise
        warn(f"score history not recorded: {exc}")


class _progress:
    """A rich progress line on stderr, only on a terminal and long runs."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._bar = None

    def __enter__(self):
        if not self.enabled:
            return None
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self._bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                             transient=True, console=None)
        self._bar.start()
        task = self._bar.add_task("auditing", total=None)

        def tick(docs: int, chars: int) -> None:
            self._bar.update(task, description=f"auditing: {docs} documents, {chars / 1e6:.1f} M chars")

        return tick

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.stop()


def _print_profile(result) -> None:
    total = sum(result.timings.values()) or 1e-9
    typer.echo(f"{'seconds':>9}  {'share':>6}  rule", err=True)
    for rule, seconds in result.timings.most_common():
        typer.echo(f"{seconds:9.3f}  {seconds / total:6.1%}  {rule}", err=True)
    mb = result.input_chars / 1e6
    typer.echo(f"{result.document_count} documents, {mb:.1f} M chars in {result.elapsed:.2f}s wall "
               f"({mb / max(result.elapsed, 1e-9):.2f} M chars/s)", err=True)


# --------------------------------------------------------------------------- rules
@rules_app.command("list")
def rules_list(
    config: Annotated[Optional[Path], typer.Option("--config", "-c")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="text or json")] = "text",
) -> None:
    """Every available rule: id, category, default severity, summary."""
    import json

    from auditor.registry import available_rules
    from auditor.rules.docs import summary_line

    cfg = _load_config(config, [], {})
    rows = []
    for rule_id, cls in available_rules(cfg).items():
        settings = cfg.rule_settings(rule_id)
        severity = (settings.severity or cls.default_severity).value
        enabled = cfg.is_selected(rule_id) and severity != "off"
        rows.append({"id": rule_id, "category": rule_id.split(".")[0], "severity": severity,
                     "enabled": enabled, "fix": bool(cls.safe_fix), "summary": summary_line(cls)})
    if format == "json":
        typer.echo(json.dumps(rows, indent=2))
        return
    for r in rows:
        flag = "" if r["enabled"] else "  (disabled)"
        typer.echo(f"{r['id']:<34} {r['category']:<12} {r['severity']:<8} {r['summary']}{flag}")


@rules_app.command("explain")
def rules_explain(
    rule_id: Annotated[str, typer.Argument(help="A rule id, e.g. names.misspelled")],
    config: Annotated[Optional[Path], typer.Option("--config", "-c")] = None,
) -> None:
    """Print a rule's documentation with its examples."""
    from auditor.registry import available_rules
    from auditor.rules.docs import rule_doc

    cfg = _load_config(config, [], {})
    rules = available_rules(cfg)
    if rule_id not in rules:
        from rapidfuzz import process

        close = [m[0] for m in process.extract(rule_id, list(rules), limit=3, score_cutoff=60)]
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        raise UsageError(f"unknown rule id {rule_id!r}{hint}")
    cls = rules[rule_id]
    typer.echo(f"{rule_id}  [{cls.default_severity.value}]{'  fixable' if cls.safe_fix else ''}\n")
    typer.echo(rule_doc(cls))
    examples = getattr(cls, "yaml_examples", None)
    if examples:
        typer.echo("\nExamples:")
        for flags, text in examples:
            typer.echo(f"  {'flags ' if flags else 'passes'}  {text!r}")


# --------------------------------------------------------------------------- config
@config_app.command("schema")
def config_schema_cmd() -> None:
    """The JSON Schema of .auditor.yml (for editor autocompletion)."""
    import json

    from auditor.config import config_schema

    typer.echo(json.dumps(config_schema(), indent=2))


@config_app.command("show")
def config_show(
    path: Annotated[Optional[Path], typer.Argument(help="Where to look for .auditor.yml (default: here).")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", "-c")] = None,
) -> None:
    """The effective merged configuration, as YAML."""
    import yaml

    cfg = _load_config(config, [str(path)] if path else [], {})
    data = cfg.model_dump(mode="json", exclude_none=True)
    typer.echo(f"# from: {', '.join(cfg.origin)}")
    typer.echo(yaml.safe_dump(data, sort_keys=False, allow_unicode=True).rstrip())


# --------------------------------------------------------------------------- knowledge
@knowledge_app.command("check")
def knowledge_check(files: Annotated[list[Path], typer.Argument(help="Knowledge pack YAML files.")]) -> None:
    """Validate knowledge packs; one line per problem, exit 2 if any."""
    from auditor.knowledge.base import read_pack

    for file in files:
        data = read_pack(file, use_cache=False)
        sections = ", ".join(f"{k}: {len(v)}" for k, v in data.items() if isinstance(v, (list, dict)))
        typer.echo(f"{file}: ok ({sections or 'empty'})")


# --------------------------------------------------------------------------- entry point
def main(argv: list[str] | None = None) -> int:
    """Console entry point: every error becomes one line and exit code 2."""
    # Plugins of pydantic (found by scanning every installed distribution's
    # entry points, ~30 ms) have no business in a command-line run.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    exit_types, abort_types, click_types, help_types = _click_exception_types()
    restore = _sigint_in_main_process_only()
    try:
        code = app(args=argv, prog_name="auditor", standalone_mode=False)
    except AuditorError as exc:
        _error(str(exc))
        return exc.exit_code
    except exit_types as exc:  # pragma: no cover - click returns it in non-standalone mode
        return exc.exit_code
    except abort_types:
        _error("interrupted")
        return 130
    except help_types as exc:  # no arguments at all: the help text, as click would
        sys.stdout.write(exc.format_message().rstrip("\n") + "\n")
        return 2
    except click_types as exc:
        _error(" ".join(exc.format_message().split()) + _usage_hint(exc))
        return 2
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return 0
    except RecursionError:
        _error("internal error: input nested too deeply (please report this)")
        return 2
    except MemoryError:
        _error("out of memory (try --jobs 1 or split the input)")
        return 2
    except Exception as exc:  # noqa: BLE001 - the last line of defence: never a traceback
        if type(exc).__name__ == "BrokenProcessPool":  # not imported here: the pool loads lazily
            _error("a worker process died (killed, or out of memory: try fewer --jobs or split the input)")
            return 2
        _error(f"internal error: {type(exc).__name__}: {_one_line(str(exc))} (please report this)")
        if os.environ.get("AUDITOR_DEBUG"):
            raise
        return 2
    finally:
        restore()
    if code == 130:  # typer turns Ctrl-C (KeyboardInterrupt) into a silent exit code 130
        _error("interrupted")
    return code if isinstance(code, int) else 0


def _sigint_in_main_process_only() -> Callable[[], None]:
    """Ctrl-C signals the whole process group. Forked pool workers inherit
    this handler and ignore it (the parent stops the pool and reports one
    line) instead of each printing a KeyboardInterrupt traceback."""
    import signal

    main_pid = os.getpid()

    def on_sigint(signum, frame) -> None:
        if os.getpid() == main_pid:
            raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGINT, on_sigint)
    except ValueError:  # not the main thread: leave signals alone
        return lambda: None
    return lambda: signal.signal(signal.SIGINT, previous)


def _click_exception_types() -> tuple[tuple[type, ...], ...]:
    """typer >= 0.16 vendors its own copy of click; older typer uses click
    itself, which is then already imported (importing it costs ~70 ms)."""
    exits: list[type] = [typer.Exit]
    aborts: list[type] = [typer.Abort]
    errors: list[type] = []
    helps: list[type] = []
    click = sys.modules.get("click")
    if click is not None:
        exits.append(click.exceptions.Exit)
        aborts.append(click.exceptions.Abort)
        errors.append(click.ClickException)
        helps.extend(t for t in (getattr(click.exceptions, "NoArgsIsHelpError", None),) if t)
    try:
        from typer import _click as vendored  # type: ignore[attr-defined]

        errors.append(vendored.exceptions.ClickException)
        if hasattr(vendored.exceptions, "NoArgsIsHelpError"):
            helps.append(vendored.exceptions.NoArgsIsHelpError)
    except ImportError:  # older typer uses click itself
        pass
    return tuple(exits), tuple(aborts), tuple(errors), tuple(helps)


def _usage_hint(exc: Exception) -> str:
    """Usage errors (bad options, missing arguments) point at --help."""
    ctx = getattr(exc, "ctx", None)
    if ctx is None or not any(c.__name__ == "UsageError" for c in type(exc).__mro__):
        return ""
    return f" (try '{ctx.command_path} --help')"


def _one_line(text: str) -> str:
    return " ".join(text.split())[:500]


def _silence_stdout() -> None:
    """After EPIPE, stop Python from complaining when it flushes stdout at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _error(message: str) -> None:
    sys.stderr.write(f"auditor: error: {message}\n")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
