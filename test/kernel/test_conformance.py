"""jupyter_kernel_test's protocol checks (it validates every message against the v5 schema)."""
import jupyter_kernel_test

from conftest import TIMEOUT

# The library reads its module-level TIMEOUT (15 s) at call time; a loaded CI runner needs more.
jupyter_kernel_test.TIMEOUT = TIMEOUT


class NnlabKernelTests(jupyter_kernel_test.KernelTests):
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
    ]
    code_clear_output = '(globalThis as any)[Symbol.for("nnlab.displayHost")].clearOutput()'
    completion_samples = [{"text": "Math.ma", "matches": {"max"}}]
    complete_code_samples = ["1 + 1", "const x = 1;"]
    incomplete_code_samples = ["function f() {", "const a = ["]
    code_inspect_sample = "Math"
