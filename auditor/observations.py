"""Corpus-rule observations kept on disk, not in memory.

Every document leaves a small summary for each corpus rule (its MinHash
signature, its quotations, its name forms). Kept in lists, they made the
memory of a run grow with the archive: about 8 KB per document, 660 MB for a
million-article archive's first 80,000 articles. They are pickled into one
temporary file as they arrive instead; each rule's :class:`ObservationLog`
holds only two arrays (the file offset and the document ordinal of each
entry, 16 bytes per document) and reads entries back on demand, so a rule's
``finish`` still sees a sequence it can index, slice-free, and iterate.
"""

from __future__ import annotations

import pickle
from array import array
from collections.abc import Iterator, Sequence
from typing import IO, Any, overload


class ObservationLog(Sequence[Any]):
    """One rule's observations, in the order appended (or sorted by ordinal)."""

    def __init__(self, file: IO[bytes], offsets: array | None = None, ordinals: array | None = None) -> None:
        self._file = file
        self._offsets = offsets if offsets is not None else array("Q")
        self._ordinals = ordinals if ordinals is not None else array("q")

    def append(self, item: Any, ordinal: int) -> None:
        self._file.seek(0, 2)
        self._offsets.append(self._file.tell())
        self._ordinals.append(ordinal)
        pickle.dump(item, self._file, protocol=pickle.HIGHEST_PROTOCOL)

    def __len__(self) -> int:
        return len(self._offsets)

    @overload
    def __getitem__(self, index: int) -> Any: ...
    @overload
    def __getitem__(self, index: slice) -> list[Any]: ...

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        self._file.seek(self._offsets[index])
        return pickle.load(self._file)

    def __iter__(self) -> Iterator[Any]:
        for offset in self._offsets:
            self._file.seek(offset)
            yield pickle.load(self._file)

    def by_ordinal(self) -> ObservationLog:
        """The same entries sorted by document ordinal (a parallel pool may
        deliver chunks out of order); itself when already sorted."""
        ordinals = self._ordinals
        if all(ordinals[i] <= ordinals[i + 1] for i in range(len(ordinals) - 1)):
            return self
        order = sorted(range(len(ordinals)), key=ordinals.__getitem__)
        return ObservationLog(self._file, array("Q", (self._offsets[i] for i in order)),
                              array("q", (ordinals[i] for i in order)))
