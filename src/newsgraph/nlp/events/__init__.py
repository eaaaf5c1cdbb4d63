"""Events: PLOVER events with source, target, place, date and modality (``newsgraph_events_v1``)."""

from .component import EventCoder, code_events, make_events

__all__ = ["EventCoder", "code_events", "make_events"]
