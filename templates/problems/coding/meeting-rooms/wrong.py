def min_meeting_rooms(meetings):
    # compares each meeting with the previous one only
    rooms, most = 1, 1
    ordered = sorted(meetings)
    for (s1, e1), (s2, e2) in zip(ordered, ordered[1:]):
        rooms = rooms + 1 if s2 < e1 else 1
        most = max(most, rooms)
    return most
