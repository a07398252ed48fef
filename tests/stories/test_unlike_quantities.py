"""Numbers agree only when they count or measure alike things (review of the L.A. Auto Show story, session 13)."""

from storytrace.stories.reconcile import mentions, reconcile
from storytrace.stories.shells import StoryClaim, StoryQuantity

from .conftest import claim


def _q(text, value, kind="count", counted=None, unit=None, approximate=False):
    return StoryQuantity(text=text, value=value, counted=counted, kind=kind, unit=unit, approximate=approximate)


def _claims(*quantities):
    return [StoryClaim(text=f"The report gives {q.text} here.", quantities=[q]) for q in quantities]


def _matched(base, other):
    return [r for r in reconcile(mentions(base), mentions(other)) if r["relation"] in ("equal", "sum")]


def test_four_cylinders_are_not_four_doors():
    assert _matched(_claims(_q("four", 4.0, counted="cylinder")), _claims(_q("four", 4.0, counted="door"))) == []


def test_the_same_counted_noun_still_matches():
    (record,) = _matched(_claims(_q("four", 4.0, counted="cylinders")), _claims(_q("four", 4.0, counted="cylinder")))
    assert record["relation"] == "equal"


def test_a_count_is_not_an_energy_given_as_a_unit_word():
    # the facts stage calls "82 kWh" a count of "kWh": it is an energy, not a number of things
    base = _claims(_q("as many as 80", 80.0, approximate=True))
    assert _matched(base, _claims(_q("82", 82.0, counted="kWh"))) == []


def test_speed_is_never_added_to_distance_nor_miles_called_km():
    base = _claims(_q("300 miles", 300.0, "measure", "miles", "miles"), _q("60 mph", 60.0, "measure", "mph", "mph"),
                   _q("230 miles", 230.0, "measure", "miles", "miles"))
    other = _claims(_q("up to 590 km", 590.0, "measure", "km", "km", approximate=True))
    assert _matched(base, other) == []


def test_a_speed_does_not_equal_a_distance():
    assert _matched(_claims(_q("60 mph", 60.0, "measure", "mph", "mph")),
                    _claims(_q("60 miles", 60.0, "measure", "miles", "miles"))) == []


def test_parts_of_one_unit_still_add_up():
    base = _claims(_q("300 km", 300.0, "measure", "km", "km"), _q("290 km", 290.0, "measure", "km", "km"))
    (record,) = _matched(base, _claims(_q("590 kilometres", 590.0, "measure", "kilometres", "kilometres")))
    assert record["relation"] == "sum" and record["verdict"] == "agree"


def test_a_sum_of_unlike_counted_things_is_no_total():
    base = [claim("The firm sold 300 cars and 200 bicycles.", (300, "cars"), (200, "bicycles"))]
    assert _matched(base, [claim("They hired 500 workers.", (500, "workers"))]) == []


def test_people_counted_under_different_names_still_reconcile():
    # the seed: 1,000 sappers + 5,000 military construction personnel vs 6,000 civilians (a contradiction, as before)
    base = [claim("X agreed to dispatch 1,000 sappers and 5,000 military construction personnel.",
                  (1000, "sappers"), (5000, "military construction personnel"))]
    (total,) = _matched(base, [claim("X dispatches 6000 civilians as relief workers.", (6000, "civilians"))])
    assert total["relation"] == "sum" and total["verdict"] == "contradict"
    (total,) = _matched(base, [claim("Some 6,000 workers will come.", (6000, "workers"))])
    assert total["relation"] == "sum" and total["verdict"] == "agree"


def _bound(text, value, bound):
    return StoryQuantity(text=text, value=value, counted="people", approximate=True, bound=bound)


def test_a_bound_is_not_exceeded_within_its_tolerance():
    as_many_as = _claims(_bound("as many as 80", 80.0, "upper"))
    assert _matched(as_many_as, _claims(_q("82", 82.0, counted="people"))) == []
    (record,) = _matched(as_many_as, _claims(_q("79", 79.0, counted="people")))
    assert record["relation"] == "equal" and record["approximately"] is True
    more_than = _claims(_bound("more than 1,000", 1000.0, "lower"))
    assert _matched(more_than, _claims(_q("980", 980.0, counted="people"))) == []
    assert len(_matched(_claims(_q("1,020", 1020.0, counted="people")), more_than)) == 1


def test_the_facts_bounds_reach_the_shell():
    from storytrace.stories.shells import _quantity

    upper = {"text": "as many as 80", "value": 80.0, "low": None, "high": 80.0, "approximate": True}
    lower = {"text": "more than 80", "value": 80.0, "low": 80.0, "high": None, "approximate": True}
    about = {"text": "about 80", "value": 80.0, "low": None, "high": None, "approximate": True}
    assert [_quantity(f).bound for f in (upper, lower, about)] == ["upper", "lower", None]


def test_parts_do_not_add_up_beyond_an_upper_bound():
    km = lambda text, value: _q(text, value, "measure", "km", "km")
    up_to = StoryQuantity(text="up to 590 km", value=590.0, counted="km", kind="measure", unit="km",
                          approximate=True, bound="upper")
    assert _matched(_claims(km("300 km", 300.0), km("295 km", 295.0)), _claims(up_to)) == []
    assert len(_matched(_claims(km("300 km", 300.0), km("285 km", 285.0)), _claims(up_to))) == 1


def test_an_unlisted_unit_is_compared_by_its_spelling():
    torque = _claims(_q("406 lb-ft", 406.0, "measure", "lb-ft", "lb-ft"))
    assert _matched(torque, _claims(_q("406 lb", 406.0, "measure", "lb", "lb"))) == []
    assert len(_matched(torque, _claims(_q("406 lb-ft", 406.0, "measure", "lb-ft", "lb-ft")))) == 1
