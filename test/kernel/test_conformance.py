"""jupyter_kernel_test's protocol checks (it validates every message against the v5 schema):
execute, errors, completion, inspection, history, display data and clear_output."""
import jupyter_kernel_test

from conftest import TIMEOUT

# The library reads its module-level TIMEOUT (15 s) at call time; a loaded CI runner needs more.
jupyter_kernel_test.TIMEOUT = TIMEOUT


class NnlabKernelTests(jupyter_kernel_test.KernelTests):
    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        # The first cell builds tslab's type checker (seconds; more on a loaded runner), while
        # the suite's helpers wait 15 s per request (a default bound at import): run it first.
        cls.kc.execute_interactive("0", timeout=TIMEOUT)

    kernel_name = "nnlab"
    language_name = "typescript"
    file_extension = ".ts"

    code_hello_world = 'console.log("hello, world")'
    code_stderr = 'console.error("some error")'
    code_generate_error = 'throw new Error("generated")'
    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"x".repeat(3)', "result": "'xxx'"},
    ]
    code_display_data = [
        {"code": 'display({ "text/html": "<p>hi</p>", "text/plain": "hi" }, { raw: true })', "mime": "text/html"},
        {"code": 'display({ "application/json": { a: 1 } }, { raw: true })', "mime": "application/json"},
        {"code": 'display.html("<b>bold</b>")', "mime": "text/html"},
        {"code": "display.json({ nested: { list: [1, 2] } })", "mime": "application/json"},
        {"code": 'display.svg("<svg xmlns=\'http://www.w3.org/2000/svg\'/>")', "mime": "image/svg+xml"},
    ]
    code_clear_output = "clearOutput()"
    completion_samples = [{"text": "Math.ma", "matches": {"max"}}]
    complete_code_samples = ["1 + 1", "const x = 1;", "function f() {}"]
    incomplete_code_samples = ["function f() {", "const a = [", "if (true) {"]
    code_inspect_sample = "Math"
    supported_history_operations = ("tail", "range", "search")
    code_history_pattern = "6 *"
