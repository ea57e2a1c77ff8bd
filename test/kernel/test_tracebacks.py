"""Tracebacks point at the cell and line of the TypeScript the user wrote; the kernel survives any cell."""
import random

from conftest import of_type, only


def traceback_of(kernel, code):
    reply, outputs = kernel.execute(code)
    assert reply["content"]["status"] == "error", reply["content"]
    assert only(outputs, "error")["content"]["traceback"] == reply["content"]["traceback"]
    return reply["content"]["traceback"]


def test_type_only_lines_do_not_shift_line_numbers(kernel):
    # Interfaces, type aliases and annotations vanish from the JavaScript; lines still match.
    code = (
        "interface Shape {\n"
        "  area(): number;\n"
        "}\n"
        "type Id = string;\n"
        "const shapes: Shape[] = [];\n"
        "function first(list: Shape[]): Shape {\n"
        "  const s: Shape | undefined = list[0];\n"
        '  if (!s) throw new RangeError("empty list");\n'
        "  return s;\n"
        "}\n"
        "first(shapes);"
    )
    assert traceback_of(kernel, code) == [
        "RangeError: empty list",
        "    at first (In[1]:8:17)",
        "    at In[1]:11:6",
        "In[1], line 8:",
        '  8 |   if (!s) throw new RangeError("empty list");',
        "    |                 ^",
    ]


def test_function_from_an_earlier_cell_points_at_that_cell(kernel):
    reply, _ = kernel.execute("const helper = (n: number): number => {\n  if (n < 0) throw new Error(`negative: ${n}`);\n  return Math.sqrt(n);\n};")
    assert reply["content"]["status"] == "ok"
    tb = traceback_of(kernel, "const values = [4, 9];\n\nhelper(-values[0]);")
    # Cell 2's call reads `exports.helper(...)` in JavaScript: the column is the callee's.
    assert tb[:3] == ["Error: negative: -4", "    at helper (In[1]:2:20)", "    at In[2]:3:1"]
    assert tb[3:5] == ["In[1], line 2:", "  2 |   if (n < 0) throw new Error(`negative: ${n}`);"]


def test_error_after_top_level_await(kernel):
    tb = traceback_of(kernel, "const t = 1;\nawait new Promise((r) => setTimeout(r, 20));\nconst o: any = undefined;\no.missing;")
    assert tb[0].startswith("TypeError: Cannot read properties of undefined")
    assert tb[1] == "    at In[1]:4:3"


def test_error_inside_the_library_shows_library_and_cell_frames(kernel):
    tb = traceback_of(
        kernel,
        'import * as nn from "nnlab";\n'
        "const a = nn.tensor([[1, 2, 3]]);\n"
        "const b = nn.tensor([[1, 2]]);\n"
        "a.matmul(b);",
    )
    assert any("nnlab" in line or "/src/" in line for line in tb[1:]), tb
    assert any(line.endswith("(In[1]:4:3)") or "In[1]:4:" in line for line in tb), tb


def test_user_code_reading_err_stack_sees_cell_positions(kernel):
    reply, outputs = kernel.execute('function g() {\n  return new Error("e").stack!.split("\\n")[1].trim();\n}\ng()')
    assert only(outputs, "execute_result")["content"]["data"] == {"text/plain": "'at g (In[1]:2:10)'"}


def test_compile_error_positions_are_cell_relative(kernel):
    reply, _ = kernel.execute("const a = 1;\n\nlet b: string = a;\nb.nope();")
    content = reply["content"]
    assert content["ename"] == "CompileError"
    assert content["evalue"] == "3:5 - Type 'number' is not assignable to type 'string'. (and 1 more)"
    assert "4:3 - Property 'nope' does not exist on type 'string'." in content["traceback"]


def test_error_then_good_cell_sent_at_once_runs(kernel):
    # Both requests are on the wire before the first fails; stop_on_error=False for the first
    # means the second is not aborted (Jupyter's rule), and it must not be dropped either.
    bad = kernel.send('throw new Error("bad")', stop_on_error=False)
    good = kernel.send("6 * 7")
    results = kernel.collect(bad, good)
    assert results[bad][0]["content"]["status"] == "error"
    assert only(results[good][1], "execute_result")["content"]["data"] == {"text/plain": "42"}


BROKEN = [
    "const = ;",
    "function (",
    "}}}",
    "let x: number = 'a';",
    "undefinedName.foo",
    "throw new Error('x')",
    "throw 42",
    "throw null",
    "throw { weird: true }",
    "null!.x",
    "(undefined as any)()",
    "JSON.parse('{')",
    "new Array(-1)",
    "BigInt('x')",
    "await Promise.reject(new Error('async'))",
    "await Promise.reject('string reason')",
    "(function f(): number { return f(); })()",
    "import * as nope from 'no-such-module-xyz';",
    "Symbol() + ''",
    "class A { #p = 1; static m(o: any) { return o.#p; } }; A.m({})",
    "`unterminated",
    "/* unterminated comment",
    "const big = 'x'.repeat(2 ** 29 + 100)",
    "process.stdout.write(42 as any)",
    "\\u0000",
]


def test_two_hundred_broken_cells_in_a_row_leave_the_kernel_responsive(kernel):
    rng = random.Random(200)
    for i in range(200):
        code = rng.choice(BROKEN)
        if rng.random() < 0.3:  # garble it further
            pos = rng.randrange(len(code) + 1)
            code = code[:pos] + rng.choice(["(", "{", "'", ";", "\n", "as", "<"]) + code[pos:]
        reply, outputs = kernel.execute(code)
        assert reply["content"]["status"] == "error", (i, code, reply["content"])
        error = only(outputs, "error")["content"]
        assert error["ename"] and isinstance(error["traceback"], list)
    reply, outputs = kernel.execute("1 + 1")
    assert only(outputs, "execute_result")["content"]["data"] == {"text/plain": "2"}
    assert reply["content"]["execution_count"] == 201
