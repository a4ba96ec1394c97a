"""`facilitator demo`: a plausible plant, people, times, overruns, decisions and reflections.

Each area seeds its own part in a module of this package. Ids are derived from fixed names, so loading
the demo twice changes nothing.
"""

from __future__ import annotations

from facilitator.demo import agenda, causes, charters, countermeasures, decisions, followups, people, reflections
from facilitator.domain.clock import local_today
from facilitator.storage.store import Store


def load_demo(store: Store) -> str:
    """Load the demo events if they are not there yet; returns a one-line summary."""
    today = local_today(store.clock)
    if store.events.exists(charters.BLITZ_ID):
        return "The demo is already loaded."
    with store.db.atomic():
        charters.seed(store, today)
        agenda.seed(store, today)
        decisions.seed(store, today)
        followups.seed(store, today)
        reflections.seed(store, today)
        causes.seed(store, today)
        if {"attendance", "evidence"} <= set(store.db.table_names()):  # a database left at an older schema has neither
            people.seed(store, today)
        countermeasures.seed(store, today)  # last: it answers the verified causes and adds to the decision log
    return (
        "Demo loaded: a 5-day press-line changeover blitz (day 3 today) "
        "and an Action Learning set on cross-site onboarding."
    )
