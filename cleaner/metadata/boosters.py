"""Boosters: LightGBM prediction on one thread for cleaner's trained models, called straight through LightGBM's C API.

``lightgbm.Booster.predict`` spends about 45 µs of Python on every call before LightGBM's own
``LGBM_BoosterPredictForMat`` runs (a predictor object made, its parameters copied and written out, the
matrix's type and layout checked): a plain-text page asks the text model's two stages and the metadata
model five to eight times, a few dozen rows at a time, so that is more than the trees' own work on small
matrices.  ``predict`` makes the same C call with the arguments ``Booster.predict(rows, num_threads=1)``
gives it for a C-ordered float64 matrix (normal prediction, from the first iteration to the booster's
``best_iteration``, the parameter string ``num_threads=1``), so it returns the same numbers
(tests/test_boosters.py compares them); where that path is not there (another LightGBM), or LightGBM reports
an error, it asks ``Booster.predict`` itself.

What it does NOT do: it loads, trains and chooses nothing (``cleaner.metadata.choice`` and
``cleaner.layout.textstages`` hold the models and read their scores).
"""

from __future__ import annotations

import ctypes
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:  # imported where first used, as the models' modules do: lightgbm brings scipy
    import lightgbm

PARAMETERS = b"num_threads=1"  # what Booster.predict(..., num_threads=1) writes out for LightGBM
FLOAT64 = 1  # C_API_DTYPE_FLOAT64
ROW_MAJOR = 1  # C_API_IS_ROW_MAJOR
NORMAL = 0  # C_API_PREDICT_NORMAL


def predict(booster: lightgbm.Booster, matrix: np.ndarray) -> np.ndarray:
    """``booster.predict(matrix, num_threads=1)`` as a float64 array, through LightGBM's C API where it can."""
    rows = np.ascontiguousarray(matrix, dtype=np.float64)
    function, handle = _c_predict(), getattr(booster, "_handle", None)
    # One score a row only: a multiclass booster writes several, more than ``out`` holds.
    if function is None or handle is None or rows.ndim != 2 or not len(rows) or _scores_a_row(booster) != 1:
        return np.asarray(booster.predict(rows, num_threads=1), dtype=float)
    out = np.empty(len(rows), dtype=np.float64)
    count = ctypes.c_int64(0)
    failed = function(  # plain numbers, converted by the prototype's argument types (``_c_predict``)
        handle,
        rows.__array_interface__["data"][0],
        FLOAT64,
        rows.shape[0],
        rows.shape[1],
        ROW_MAJOR,
        NORMAL,
        0,
        booster.best_iteration,
        PARAMETERS,
        ctypes.byref(count),
        out.__array_interface__["data"][0],
    )
    if failed or count.value != len(rows):  # one score a row, or let LightGBM's own call say what is wrong
        return np.asarray(booster.predict(rows, num_threads=1), dtype=float)
    return out


def _scores_a_row(booster: lightgbm.Booster) -> int:
    """How many scores LightGBM writes for a row (1 for the binary, regression and ranking models cleaner ships)."""
    return int(booster.num_model_per_iteration())


@cache
def _c_predict() -> Any:
    """LightGBM's ``LGBM_BoosterPredictForMat``, from the library the ``lightgbm`` package loaded (None if absent).

    A function object of its own (``library[name]``, not the attribute LightGBM's own calls use), with its argument
    types declared, so that ``predict`` passes plain numbers and the arrays' addresses: building a ctypes value for
    each argument and a ctypes view of each array cost about as much as a small matrix's trees."""
    import lightgbm

    library = getattr(lightgbm.basic, "_LIB", None)
    if library is None or not hasattr(library, "LGBM_BoosterPredictForMat"):
        return None
    function = library["LGBM_BoosterPredictForMat"]
    function.argtypes = _ARGUMENTS
    function.restype = ctypes.c_int
    return function


_ARGUMENTS = [  # handle, data, data type, rows, columns, row-major, predict type, start, iterations, parameters, out
    ctypes.c_void_p,
    ctypes.c_void_p,
    ctypes.c_int,
    ctypes.c_int32,
    ctypes.c_int32,
    ctypes.c_int,
    ctypes.c_int,
    ctypes.c_int,
    ctypes.c_int,
    ctypes.c_char_p,
    ctypes.POINTER(ctypes.c_int64),
    ctypes.c_void_p,
]
