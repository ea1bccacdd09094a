#!/usr/bin/env python3
"""Lists the import cycles between source files of a crate (exit 1 if any).

File A depends on file B when A names an item of B by a path (`use` or inline:
`crate::…`, `super::…`, `self::…`, or a child module's name). A module's
re-export of its own children (`pub use child::Item;`, the facade of a
`mod.rs`) is not a dependency, and a path that lands on such a re-export is
followed to the child that defines the item.
Generated sea-orm entities (`db/entities/`) are left out.

Usage: import_cycles.py CRATE_SRC_DIR [CRATE_SRC_DIR …]
"""

import re
import sys
from pathlib import Path

PATH = re.compile(r"\b((?:crate|super|self)(?:::[A-Za-z_][A-Za-z0-9_]*|::\{)+)")
USE = re.compile(r"\buse\s+([^;]+);", re.S)
COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)
STRING = re.compile(r'"(?:\\.|[^"\\])*"')
DEFINES = r"\b(?:pub(?:\([^)]*\))?\s+)?(?:async\s+)?(?:fn|struct|enum|trait|type|const|static|mod)\s+{}\b"


def module_of(root: Path, f: Path) -> tuple:
    parts = list(f.relative_to(root).with_suffix("").parts)
    if parts[-1] in ("mod", "lib", "main"):
        parts = parts[:-1]
    return tuple(parts)


def expand_use(tree: str) -> list:
    """`a::{b, c::{d, e}}` → ['a::b', 'a::c::d', 'a::c::e']."""
    tree = re.sub(r"\s+", "", tree)
    out = []

    def walk(prefix: str, s: str):
        if "{" not in s:
            for item in split_top(s):
                item = item.split("as")[0] if re.search(r"\bas\b", item) else item
                out.append(prefix + item)
            return
        for item in split_top(s):
            i = item.find("{")
            if i == -1:
                out.append(prefix + item)
            else:
                walk(prefix + item[:i], item[i + 1 : item.rfind("}")])

    walk("", tree)
    return [p.rstrip(":") for p in out if p]


def split_top(s: str) -> list:
    items, depth, cur = [], 0, ""
    for ch in s:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        if ch == "," and depth == 0:
            items.append(cur)
            cur = ""
        else:
            cur += ch
    if cur:
        items.append(cur)
    return items


def is_facade(text: str, use_at: int) -> bool:
    """`pub use child::…;`: a module showing its own children's items."""
    line = text[text.rfind("\n", 0, use_at) + 1 : use_at]
    rest = text[use_at:]
    return line.strip().startswith("pub") and not re.match(r"use\s+(crate|super)\b", rest)


def inline_modules(text: str) -> list:
    """The (start, end) offsets of each `mod name { … }` written inside a file."""
    spans = []
    for m in re.finditer(r"\bmod\s+[A-Za-z_][A-Za-z0-9_]*\s*\{", text):
        depth, i = 0, m.end() - 1
        while i < len(text):
            if text[i] == "{":
                depth += 1
            elif text[i] == "}":
                depth -= 1
                if depth == 0:
                    break
            i += 1
        spans.append((m.start(), i))
    return spans


def main(dirs: list) -> int:
    cycles_found = 0
    for d in dirs:
        root = Path(d)
        files = {module_of(root, f): f for f in root.rglob("*.rs") if "db/entities" not in f.as_posix()}
        texts = {m: STRING.sub('""', COMMENT.sub("", f.read_text())) for m, f in files.items()}

        def resolve(current: tuple, path: str, seen=()) -> tuple | None:
            segs = [s for s in path.replace("{", "").split("::") if s]
            if not segs:
                return None
            if segs[0] == "crate":
                base, segs = (), segs[1:]
            elif segs[0] in ("self", "super"):
                base = current
                while segs and segs[0] in ("self", "super"):
                    if segs[0] == "super":
                        base = base[:-1]
                    segs = segs[1:]
            elif current + (segs[0],) in files:
                base = current
            else:
                return None
            mod = base
            rest = list(segs)
            while rest and mod + (rest[0],) in files:
                mod = mod + (rest.pop(0),)
            if mod not in files:
                return None
            if rest and rest[0] != "*" and (mod, rest[0]) not in seen:
                target = reexport(mod, rest[0], seen + ((mod, rest[0]),))
                if target is not None:
                    return target
            return mod

        def reexport(mod: tuple, name: str, seen) -> tuple | None:
            if re.search(DEFINES.format(re.escape(name)), texts[mod]):
                return None
            for m in USE.finditer(texts[mod]):
                for p in expand_use(m.group(1)):
                    last = p.split("::")[-1]
                    if last == name or (last == "*" and child_defines(mod, p, name)):
                        return resolve(mod, p[: -len(last)] + name if last == "*" else p, seen)
            return None

        def child_defines(mod: tuple, glob: str, name: str) -> bool:
            target = resolve(mod, glob[:-3])
            return target is not None and re.search(DEFINES.format(re.escape(name)), texts[target]) is not None

        edges = {m: set() for m in files}
        for m, text in texts.items():
            inline = inline_modules(text)
            found = [
                (u.start(), p)
                for u in USE.finditer(text)
                if not is_facade(text, u.start())
                for p in expand_use(u.group(1))
            ]
            found += [(x.start(), x.group(1)) for x in PATH.finditer(text)]
            for pos, p in found:
                if p.endswith("::*"):
                    p = p[:-3]
                # Inside `mod tests { … }`, `super::` is this very file.
                depth = sum(1 for start, end in inline if start < pos < end)
                segs = p.split("::")
                supers = len(list(__import__("itertools").takewhile(lambda s: s == "super", segs)))
                if depth and (segs[0] in ("self", "super") and supers <= depth):
                    continue
                if depth and segs[0] == "super":
                    p = "::".join(segs[depth:])
                t = resolve(m, p)
                if t is not None and t != m:
                    edges[m].add(t)

        # Tarjan's strongly connected components.
        index, low, stack, on, comps, counter = {}, {}, [], set(), [], [0]
        sys.setrecursionlimit(10000)

        def strong(v):
            index[v] = low[v] = counter[0]
            counter[0] += 1
            stack.append(v)
            on.add(v)
            for w in edges[v]:
                if w not in index:
                    strong(w)
                    low[v] = min(low[v], low[w])
                elif w in on:
                    low[v] = min(low[v], index[w])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                if len(comp) > 1:
                    comps.append(comp)

        for v in files:
            if v not in index:
                strong(v)
        for comp in comps:
            cycles_found += 1
            names = sorted(str(files[m]) for m in comp)
            print(f"cycle of {len(comp)} files:\n  " + "\n  ".join(names))
    if cycles_found == 0:
        print("no import cycle between source files")
    return 1 if cycles_found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["app/src", "server/src"]))
