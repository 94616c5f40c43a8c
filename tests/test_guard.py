from bot.guard import FloodGuard, Verdict


def test_a_few_commands_pass_then_one_notice_then_silence():
    guard = FloodGuard(limit=3, window=10, silence=60)
    verdicts = [guard.check(-1, 7, now) for now in (0, 1, 2, 3, 4, 5)]
    assert verdicts == [Verdict.ANSWER] * 3 + [Verdict.NOTICE, Verdict.SILENCE, Verdict.SILENCE]


def test_silence_ends_and_the_window_slides():
    guard = FloodGuard(limit=2, window=10, silence=30)
    verdicts = [guard.check(-1, 7, t) for t in (0, 1, 2)]
    assert verdicts == [Verdict.ANSWER, Verdict.ANSWER, Verdict.NOTICE]
    assert guard.check(-1, 7, 20) is Verdict.SILENCE
    assert guard.check(-1, 7, 33) is Verdict.ANSWER
    assert guard.check(-1, 7, 50) is Verdict.ANSWER  # the old command left the window


def test_users_and_chats_are_counted_apart():
    guard = FloodGuard(limit=1, window=10, silence=30)
    assert guard.check(-1, 7, 0) is Verdict.ANSWER
    assert guard.check(-1, 8, 0) is Verdict.ANSWER
    assert guard.check(-2, 7, 0) is Verdict.ANSWER
    assert guard.check(-1, 7, 1) is Verdict.NOTICE


def _reference(limit: int, window: float, silence: float, events):
    """The guard's rule written plainly, per user, with no forgetting: the verdicts to expect."""
    times: dict[tuple[int, int], list[float]] = {}
    until: dict[tuple[int, int], float] = {}
    verdicts = []
    for chat, user, now in events:
        key = (chat, user)
        if key in until and now < until[key]:
            verdicts.append(Verdict.SILENCE)
            continue
        if key in until:
            del until[key]
            times[key] = []
        recent = [t for t in times.get(key, []) if now - t <= window] + [now]
        if len(recent) > limit:
            until[key] = now + silence
            times[key] = []
            verdicts.append(Verdict.NOTICE)
        else:
            times[key] = recent
            verdicts.append(Verdict.ANSWER)
    return verdicts


def test_the_guard_gives_the_plain_rule_s_verdicts_while_forgetting_idle_users():
    import random

    draw = random.Random(25)
    now = 0.0
    events = []
    for _ in range(20_000):
        now += draw.choice((0.0, 0.01, 0.05, 0.2, 1.0, 7.0))
        events.append((draw.choice((-1, -2)), draw.randrange(12), now))
    guard = FloodGuard(limit=3, window=10, silence=20)
    verdicts = [guard.check(chat, user, at) for chat, user, at in events]
    assert verdicts == _reference(3, 10, 20, events)
    assert {Verdict.ANSWER, Verdict.NOTICE, Verdict.SILENCE} <= set(verdicts)


def test_idle_users_and_ended_silences_are_forgotten_past_a_window():
    guard = FloodGuard(limit=1, window=30, silence=60)
    for user in range(10_000):  # 10,000 users active within 30 s
        assert guard.check(-1, user, user * 0.002) is Verdict.ANSWER
    assert guard.check(-1, 0, 1.0) is Verdict.NOTICE  # one of them silenced
    assert guard.tracked() == 10_000
    assert guard.check(-1, 99_999, 51.0) is Verdict.ANSWER  # 30 s later: only the silenced one
    assert guard.tracked() == 2
    assert guard.check(-1, 0, 55.0) is Verdict.SILENCE
    assert guard.check(-1, 99_998, 62.0) is Verdict.ANSWER  # the silence is over
    assert guard.tracked() == 2
    assert guard.check(-1, 0, 62.0) is Verdict.ANSWER
