def smallest_capacity(parcels, days):
    def days_for(capacity):
        used, load = 1, 0
        for weight in parcels:
            if load + weight > capacity:
                used += 1
                load = 0
            load += weight
        return used

    low, high = max(parcels), sum(parcels)
    while low < high:
        mid = (low + high) // 2
        if days_for(mid) <= days:
            high = mid
        else:
            low = mid + 1
    return low
