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
