"""history_request: tail, range and search over this kernel's counted executions."""


def history(kernel, **kwargs):
    reply = kernel.reply(kernel.client.history(**kwargs))
    assert reply["header"]["msg_type"] == "history_reply"
    assert reply["content"]["status"] == "ok"
    return reply["content"]["history"]


def run_cells(kernel):
    for code in ["const a = 1;", "a + 1", "console.log(a)", "a + 2"]:
        assert kernel.execute(code)[0]["content"]["status"] == "ok"
    kernel.execute("99", silent=True)  # silent: not in the history
    kernel.execute("98", store_history=False)  # neither


def test_tail_with_and_without_output(kernel):
    run_cells(kernel)
    assert history(kernel, hist_access_type="tail", n=2, output=False) == [[1, 3, "console.log(a)"], [1, 4, "a + 2"]]
    # Outputs are the results' text/plain; a cell without a result has none.
    assert history(kernel, hist_access_type="tail", n=3, output=True) == [
        [1, 2, ["a + 1", "2"]],
        [1, 3, ["console.log(a)", None]],
        [1, 4, ["a + 2", "3"]],
    ]


def test_range_of_the_current_session(kernel):
    run_cells(kernel)
    assert history(kernel, hist_access_type="range", session=0, start=2, stop=4) == [[1, 2, "a + 1"], [1, 3, "console.log(a)"]]
    assert history(kernel, hist_access_type="range", session=1, start=4, stop=5) == [[1, 4, "a + 2"]]
    # Earlier sessions (negative numbers) are not kept.
    assert history(kernel, hist_access_type="range", session=-1, start=1, stop=5) == []


def test_search_with_glob_unique_and_n(kernel):
    run_cells(kernel)
    kernel.execute("a + 1")
    assert history(kernel, hist_access_type="search", pattern="a + *") == [[1, 2, "a + 1"], [1, 4, "a + 2"], [1, 5, "a + 1"]]
    assert history(kernel, hist_access_type="search", pattern="a + *", unique=True) == [[1, 4, "a + 2"], [1, 5, "a + 1"]]
    assert history(kernel, hist_access_type="search", pattern="a + ?", n=1) == [[1, 5, "a + 1"]]
    assert history(kernel, hist_access_type="search", pattern="console*") == [[1, 3, "console.log(a)"]]
    assert history(kernel, hist_access_type="search", pattern="nothing*") == []
