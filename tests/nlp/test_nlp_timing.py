"""Stage timers charge each stage only its own time."""

from __future__ import annotations

from communique.nlp import timing
from communique.nlp.timing import StageTimes


def test_nlp_timing_nested_stage_is_not_charged_to_outer(monkeypatch):
    clock = iter([0.0, 1.0, 4.0, 6.0])  # enter coding, enter actors, leave actors, leave coding
    monkeypatch.setattr(timing, "perf_counter", lambda: next(clock))
    times = StageTimes()
    with times.stage("coding"), times.stage("actors"):
        pass
    assert times == {"coding": 3.0, "actors": 3.0}


def test_nlp_timing_pipeline_reports_every_analysis_stage(pipeline):
    before = dict(pipeline.stage_times)
    pipeline.analyze_many([])  # nothing to do: nothing charged
    from communique.api import process_text

    process_text('Russian forces shelled Kharkiv on Tuesday, officials said. "We will '
                 'respond," the mayor said.', pipeline=pipeline)
    spent = pipeline.stage_times.since(before)
    assert {"nlp", "coding", "actors", "dates", "quotes"} <= set(spent)


def test_nlp_timing_warm_up_loads_what_the_first_article_would(pipeline):
    # The gazetteer takes a second or so to build; a warmed-up pipeline (benchmarks, worker
    # processes) must not charge that to the first article it times.
    from communique.where.gazetteer import default_gazetteer

    default_gazetteer.cache_clear()
    pipeline.warm_up()
    assert default_gazetteer.cache_info().currsize == 1
