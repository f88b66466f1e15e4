def majority_tag(tags):
    # Boyer–Moore voting: the majority outlasts every pairing-off with other tags.
    candidate, votes = tags[0], 0
    for tag in tags:
        if votes == 0:
            candidate = tag
        votes += 1 if tag == candidate else -1
    return candidate
