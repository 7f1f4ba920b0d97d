"""`Rader`: a list whose items are built when read, for pages that count hundreds of rows and
show a few (KLG's notes awaiting decision, the ranking, what fits)."""

from collections.abc import Callable, Sequence


class Rader(Sequence):
    """The items `lag(nokkel)` for these keys, each built the first time it is read: `len()`
    and truth cost nothing, a slice builds only its own items."""

    def __init__(self, nokler, lag: Callable):
        self._nokler = list(nokler)
        self._lag = lag
        self._bygget: dict[int, object] = {}

    def __len__(self) -> int:
        return len(self._nokler)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if i not in self._bygget:
            self._bygget[i] = self._lag(self._nokler[i])
        return self._bygget[i]

    def __iter__(self):
        return (self[i] for i in range(len(self)))
