function isValid(s) {
  // counts instead of order
  const count = (c) => s.split(c).length - 1;
  return count('(') === count(')') && count('[') === count(']') && count('{') === count('}');
}
