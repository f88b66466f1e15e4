def best_slots(revenue):
    skip = take = 0  # best totals so far with the previous slot empty / filled
    for value in revenue:
        skip, take = max(skip, take), skip + value
    return max(skip, take)
