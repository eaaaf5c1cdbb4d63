"""The place tests' pipeline: the English model with our entities and linking components only.

Place resolution reads nothing the later components write, so these tests skip them (quotes,
events, ...) and run several times faster than on the full pipeline.
"""

from __future__ import annotations

import importlib

import pytest

from newsgraph.nlp.extensions import register_extensions


@pytest.fixture(scope="session")
def linking_nlp():
    from newsgraph.nlp.model_loader import load_english_model

    register_extensions()
    model = load_english_model()
    importlib.import_module("newsgraph.nlp.entities")
    model.add_pipe("newsgraph_entities_v1")
    importlib.import_module("newsgraph.nlp.linking")
    model.add_pipe("newsgraph_linking_v1")
    return model
