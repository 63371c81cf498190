"""Model-signal receivers of our own code name their sender.

A receiver without ``sender=`` runs on every save or delete of every model,
Wagtail's and Django's included.
"""

import weakref

from django.db.models import signals

from core.attachments import AttachedFile, delete_stored_file
from events.models import Event

OUR_PACKAGES = ("core", "directory", "events", "forum", "knowledge", "partners")
MODEL_SIGNALS = {
    "pre_save": signals.pre_save,
    "post_save": signals.post_save,
    "pre_delete": signals.pre_delete,
    "post_delete": signals.post_delete,
    "m2m_changed": signals.m2m_changed,
}
ANY_SENDER = id(None)


def _function(reference):
    return reference() if isinstance(reference, weakref.ReferenceType) else reference


def test_no_receiver_of_ours_listens_to_every_model():
    unnamed = []
    for name, signal in MODEL_SIGNALS.items():
        for entry in signal.receivers:
            (_, sender_key), reference = entry[0], entry[1]
            function = _function(reference)
            module = getattr(function, "__module__", "") or ""
            if sender_key == ANY_SENDER and module.split(".")[0] in OUR_PACKAGES:
                unnamed.append(f"{name}: {module}.{function.__qualname__}")
    assert unnamed == []


def test_stored_files_are_deleted_for_attachment_models_only():
    listening = {
        model
        for model in AttachedFile.__subclasses__()
        if delete_stored_file in _receivers(signals.post_delete, model)
    }
    assert listening == set(AttachedFile.__subclasses__())
    assert delete_stored_file not in _receivers(signals.post_delete, Event)


def _receivers(signal, sender):
    sync, asynchronous = signal._live_receivers(sender)
    return list(sync) + list(asynchronous)
