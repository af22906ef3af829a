"""Corpus-rule observations kept on disk, not in memory.

Every document leaves a small summary for each corpus rule (its MinHash
signature, its quotations, its name forms). Kept in lists, they made the
memory of a run grow with the archive: about 8 KB per document. Each rule's
:class:`ObservationLog` pickles them into its own temporary file as they
arrive and holds only two arrays (the file offset and the document ordinal of
each entry, 16 bytes per document), so a rule's ``finish`` still sees a
sequence it can index and iterate. Iteration reads the file front to back
(one buffered stream, no seeks); indexing seeks, and the entries read last
are kept (a rule's finish looks at the same candidate documents again and
again).
"""

from __future__ import annotations

import pickle
import tempfile
from array import array
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from typing import IO, Any, overload

RECENT = 4096  # entries kept after a random access


class ObservationLog(Sequence[Any]):
    """One rule's observations, in the order appended (or sorted by ordinal)."""

    def __init__(self, file: IO[bytes] | None = None, offsets: array | None = None,
                 ordinals: array | None = None) -> None:
        self._file = file if file is not None else tempfile.TemporaryFile(prefix="auditor-observations-")
        self._offsets = offsets if offsets is not None else array("Q")
        self._ordinals = ordinals if ordinals is not None else array("q")
        self._recent: OrderedDict[int, Any] = OrderedDict()
        # entries in file order (always so when appended): iteration reads front to back
        self._in_file_order = _ascending(self._offsets)

    def append(self, item: Any, ordinal: int) -> None:
        self.append_pickled(pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL), ordinal)

    def append_pickled(self, data: bytes, ordinal: int) -> None:
        """Append an entry a worker already pickled (one ``pickle.dumps``)."""
        self._file.seek(0, 2)
        self._offsets.append(self._file.tell())
        self._ordinals.append(ordinal)
        self._file.write(data)

    def close(self) -> None:
        self._file.close()

    def flush(self) -> None:
        """Write buffered entries to the file (before a fork: a child must
        not inherit unwritten bytes)."""
        self._file.flush()

    def __len__(self) -> int:
        return len(self._offsets)

    @overload
    def __getitem__(self, index: int) -> Any: ...
    @overload
    def __getitem__(self, index: slice) -> list[Any]: ...

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        offset = self._offsets[index]
        recent = self._recent
        if offset in recent:
            recent.move_to_end(offset)
            return recent[offset]
        self._file.seek(offset)
        item = pickle.load(self._file)
        recent[offset] = item
        if len(recent) > RECENT:
            recent.popitem(last=False)
        return item

    def __iter__(self) -> Iterator[Any]:
        offsets = self._offsets
        if self._in_file_order:
            # one sequential, buffered read (re-positioned only if something
            # else moved the shared file between two entries)
            file = self._file
            for offset in offsets:
                if file.tell() != offset:
                    file.seek(offset)
                yield pickle.load(file)
            return
        for i in range(len(offsets)):
            yield self[i]

    def by_ordinal(self) -> ObservationLog:
        """The same entries sorted by document ordinal (a parallel pool may
        deliver chunks out of order); itself when already sorted."""
        ordinals = self._ordinals
        if _ascending(ordinals):
            return self
        order = sorted(range(len(ordinals)), key=ordinals.__getitem__)
        return ObservationLog(self._file, array("Q", (self._offsets[i] for i in order)),
                              array("q", (ordinals[i] for i in order)))


def _ascending(values: array) -> bool:
    return all(values[i] <= values[i + 1] for i in range(len(values) - 1))
