"""Regenerates every golden vector file: python3 packages/dsp/scripts/make_golden.py [area ...]

Needs numpy and scipy (only here, never at test time). Each golden_<area>.py beside this file
defines make() returning {file name: payload}.
"""
import glob
import importlib
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from golden_common import write  # noqa: E402

areas = sys.argv[1:] or sorted(
    os.path.basename(p)[len('golden_'):-3]
    for p in glob.glob(os.path.join(os.path.dirname(__file__), 'golden_*.py'))
    if not p.endswith('golden_common.py'))
for area in areas:
    module = importlib.import_module(f'golden_{area}')
    for name, payload in module.make().items():
        print(write(name, payload))
