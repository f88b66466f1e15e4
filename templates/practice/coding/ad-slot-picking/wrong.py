def best_slots(revenue):
    return max(sum(revenue[0::2]), sum(revenue[1::2]))
