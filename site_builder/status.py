"""An item's status, the one vocabulary for it: the check decides it, templates, the measures
report's OIT table, `ita check` and the ITAS export show it, and its words, marks and CSS class
are written here only."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """Whether an item's components are all there: compares equal to its value ("complete")."""

    COMPLETE = "complete"
    INCOMPLETE = "incomplete"
    EMPTY = "empty"

    @property
    def text(self) -> str:
        """The words on the item page, the year page and in `ita check`."""
        return _TEXT[self]

    @property
    def short(self) -> str:
        """The word in a narrow table cell (the measures report's OIT progress table)."""
        return _SHORT[self]

    @property
    def mark(self) -> str:
        """A sign beside the words, for a reader scanning a list."""
        return _MARK[self]

    @property
    def css(self) -> str:
        """The modifier class of the status box (`ita-status--complete`, assets/ita.css)."""
        return f"ita-status--{self.value}"


# Words that describe publication and never over-claim: the NACC's scoring phrase for a complete
# item; "not yet complete" while something is published; "not yet published" when nothing is.
_TEXT = {Status.COMPLETE: "ครบถ้วนตามองค์ประกอบ", Status.INCOMPLETE: "ยังไม่ครบถ้วน", Status.EMPTY: "ยังไม่ได้เผยแพร่"}
_SHORT = {Status.COMPLETE: "ครบถ้วน", Status.INCOMPLETE: "ยังไม่ครบถ้วน", Status.EMPTY: "ยังไม่ได้เผยแพร่"}
_MARK = {Status.COMPLETE: "✓", Status.INCOMPLETE: "✗", Status.EMPTY: "–"}
