function majorityTag(tags) {
  // the middle entry is the majority only once the list is sorted
  return tags[Math.floor(tags.length / 2)];
}
