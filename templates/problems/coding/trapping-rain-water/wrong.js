function trap(height) {
  // only fills dips between a bar and its next taller-or-equal bar to the right
  let water = 0;
  let i = 0;
  while (i < height.length) {
    let j = i + 1;
    while (j < height.length && height[j] < height[i]) j++;
    if (j < height.length) for (let k = i + 1; k < j; k++) water += height[i] - height[k];
    i = j;
  }
  return water;
}
