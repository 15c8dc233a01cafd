"""Command-line conventions: ids, exit codes, plain output, no models on the fast paths."""

import os
import subprocess
import sys

from conftest import ROOT


def test_show_accepts_a_unique_prefix(seeds):
    result = seeds("show", "001")
    assert result.code == 0
    assert "Айгуль Куспан" in result.out
    first_question = next(line for line in result.out.splitlines() if " Q " in line)
    assert "Как Вы оцениваете динамику" in first_question


def test_ambiguous_and_unknown_ids_are_usage_errors(seeds):
    ambiguous = seeds("show", "00")
    assert ambiguous.code == 2
    assert "ambiguous" in ambiguous.err and "000_bbde87415b7eeb1e" in ambiguous.err
    unknown = seeds("show", "zzz")
    assert unknown.code == 2 and "no article" in unknown.err
    assert len(unknown.err.strip().splitlines()) == 1


def test_bad_option_is_a_usage_error(seeds):
    assert seeds("sources", "--no-such-option").code == 2


def test_missing_corpus_is_a_clear_error(tmp_path):
    from conftest import run_cli

    result = run_cli("sources", cache=tmp_path, corpus=tmp_path / "nowhere")
    assert result.code == 2 and "corpus folder not found" in result.err


def test_empty_corpus_means_nothing_found(corpus, tmp_path):
    from conftest import run_cli

    assert run_cli("sources", cache=tmp_path / "c", corpus=corpus).code == 1


def test_piped_output_is_plain_tab_separated(seeds):
    lines = seeds("sources").out.splitlines()
    assert lines[0].split("\t") == ["id", "title", "outlet", "published", "genre", "interviewee", "words"]
    assert len(lines) == 6
    assert "\x1b[" not in seeds("sources").out


def test_corpus_from_environment(seed_copy, tmp_path):
    from conftest import run_cli

    (seed_copy / "000_bbde87415b7eeb1e.txt").unlink()
    rows = run_cli("sources", "--json", cache=tmp_path / "c", env={"KZCLI_CORPUS": str(seed_copy)}).json()
    assert len(rows) == 4


def loaded_modules(seeds_cache, *args) -> str:
    code = (
        "import sys\n"
        "from kzcli import cli\n"
        f"sys.argv = ['kzcli', *{list(args)!r}]\n"
        "try:\n    cli.main()\nexcept SystemExit:\n    pass\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('natasha', 'slovnet', 'navec', 'pymorphy2', 'numpy', 'yargy'))\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          env={"KZCLI_CACHE_DIR": str(seeds_cache), "PATH": "/usr/bin:/bin"})
    return done.stderr


def test_help_and_warm_listings_load_no_models(seeds_cache):
    assert "HEAVY []" in loaded_modules(seeds_cache, "--help")
    assert "HEAVY []" in loaded_modules(seeds_cache, "sources")
    assert "HEAVY []" in loaded_modules(seeds_cache, "show", "003")
    assert "HEAVY []" in loaded_modules(seeds_cache, "quotes", "--person", "Tokayev")
    assert "HEAVY []" in loaded_modules(seeds_cache, "people")
    assert "HEAVY []" in loaded_modules(seeds_cache, "compare")
    assert "HEAVY []" in loaded_modules(seeds_cache, "compare", "--figures")


def test_search_loads_no_neural_model(seeds_cache):
    heavy = loaded_modules(seeds_cache, "search", "Авраамовы соглашения")
    assert "HEAVY [" in heavy
    assert not any(name in heavy for name in ("'natasha", "'slovnet", "'navec", "'numpy"))


def test_a_reader_that_stops_early_is_not_an_error(seeds_cache):
    """`kzcli search … | head -1`: the reader closing the pipe ends the run quietly, exit 0 (not 1, "nothing found")."""
    env = {**os.environ, "KZCLI_CACHE_DIR": str(seeds_cache)}
    env.pop("KZCLI_CORPUS", None)
    for args in (["search", "Токаев"], ["timeline", "--json"], ["quotes"]):
        process = subprocess.Popen([sys.executable, "-m", "kzcli", *args], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, env=env, cwd=ROOT)
        process.stdout.close()  # gone before the first line is written
        err = process.stderr.read().decode()
        assert process.wait(timeout=60) == 0, (args, err)
        assert err == "", (args, err)
