"""Problems found in content or catalogs, reported together with file and line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file: shown to the webmaster as `file:line: field: message`."""

    file: Path | str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else f"{self.file}"
        field = f" [{self.field}]" if self.field else ""
        return f"{where}:{field} {self.message}"


class ContentError(Exception):
    """Every problem of one load, so the webmaster fixes them all in one round."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        lines = [f"พบข้อผิดพลาดในข้อมูล {count} รายการ (found {count} problem(s) in the data):"]
        lines += [f"  {problem}" for problem in self.problems]
        return "\n".join(lines)


class ProblemList:
    """Collects problems across files; `raise_if_any` ends a load that found some.

    Warnings are kept apart: they do not stop the load, the build reports them like gaps.
    """

    def __init__(self) -> None:
        self.items: list[Problem] = []
        self.warnings: list[Problem] = []

    def add(self, file: Path | str, line: int | None, field: str, message: str) -> None:
        self.items.append(Problem(file, line, field, message))

    def warn(self, file: Path | str, line: int | None, field: str, message: str) -> None:
        self.warnings.append(Problem(file, line, field, message))

    def extend(self, problems: list[Problem]) -> None:
        self.items.extend(problems)

    def raise_if_any(self) -> None:
        if self.items:
            raise ContentError(self.items)
