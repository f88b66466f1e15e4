function trap(height) {
  const n = height.length;
  const leftMax = new Array(n).fill(0);
  const rightMax = new Array(n).fill(0);
  for (let i = 0; i < n; i++) leftMax[i] = Math.max(height[i], i ? leftMax[i - 1] : 0);
  for (let i = n - 1; i >= 0; i--) rightMax[i] = Math.max(height[i], i < n - 1 ? rightMax[i + 1] : 0);
  let water = 0;
  for (let i = 0; i < n; i++) water += Math.min(leftMax[i], rightMax[i]) - height[i];
  return water;
}
