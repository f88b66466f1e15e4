function majorityTag(tags) {
  // Boyer–Moore voting: the majority outlasts every pairing-off with other tags.
  let candidate = tags[0];
  let votes = 0;
  for (const tag of tags) {
    if (votes === 0) candidate = tag;
    votes += tag === candidate ? 1 : -1;
  }
  return candidate;
}
