"""What every room's factories share: an upsert for data that is loaded again."""


def upsert(factory_class, lookup, create=None, **fields):
    """Update the row that ``lookup`` finds, or build it through the factory.

    The demo data is loaded again on every ``seed_demo``; this keeps it to one
    row per natural key and brings a row seeded earlier up to date. ``create``
    holds what only a new row gets (a password, a first log entry).
    Returns ``(obj, created)`` like ``update_or_create``.
    """
    model = factory_class._meta.model
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        return factory_class(**lookup, **(create or {}), **fields), True
    if fields:
        for name, value in fields.items():
            setattr(obj, name, value)
        obj.save(update_fields=list(fields))
    return obj, False
