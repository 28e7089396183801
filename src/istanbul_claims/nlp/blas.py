"""Matrix products through numpy's BLAS, one thread per process.

thinc multiplies matrices with its bundled BLIS, which on this kind of machine runs the token-to-vector
layers at a third of the speed of the OpenBLAS numpy ships with. Same arithmetic (float32 products),
a faster library; one thread, so `--jobs N` still means N cores.
"""

from __future__ import annotations

import numpy
from spacy.language import Language
from thinc.api import NumpyOps
from threadpoolctl import threadpool_limits


class NumpyBlasOps(NumpyOps):
    name = "numpy-blas"

    def gemm(self, x, y, *, out=None, trans1=False, trans2=False):
        x = x.T if trans1 else x
        y = y.T if trans2 else y
        if out is None:
            return numpy.matmul(x, y)
        numpy.matmul(x, y, out=out)
        return out


def use_numpy_blas(nlp: Language) -> None:
    """Give every model layer of `nlp`'s pipes the numpy-BLAS ops, and keep that BLAS on one thread
    (set before worker processes are forked, which inherit it)."""
    threadpool_limits(1, user_api="blas")
    ops = NumpyBlasOps()
    for name in nlp.component_names:
        model = getattr(nlp.get_pipe(name), "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops
