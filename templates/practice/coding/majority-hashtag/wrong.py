def majority_tag(tags):
    return tags[len(tags) // 2]
