def trap(height):
    # only fills dips between a bar and its next taller-or-equal bar to the right
    water, i = 0, 0
    while i < len(height):
        j = i + 1
        while j < len(height) and height[j] < height[i]:
            j += 1
        if j < len(height):
            water += sum(height[i] - h for h in height[i + 1:j])
        i = j
    return water
